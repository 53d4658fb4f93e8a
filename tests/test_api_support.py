"""Shared data for the API tests (no tests here): a small store with one party in force, one
designation announced but not yet effective, and one reported only by the press."""

from __future__ import annotations

import multiprocessing
import time
import warnings
from datetime import date

from followthemoney.statement import StatementEntity

from watchfloor.ingest import record_designation
from watchfloor.model import make_entity
from watchfloor.store import SqlStore, VersionMode
from watchfloor.web import create_server

with warnings.catch_warnings():  # starlette prefers httpx2, which is not installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

OFAC = "us_ofac_sdn"
NEWS = "news_reports"
LOCAL = ("127.0.0.1", 50000)
REMOTE = ("10.1.2.3", 50000)
BEFORE_FTO = date(2025, 11, 20)  # announced 2025-11-16/17, effective 2025-11-24
AFTER_FTO = date(2025, 12, 1)


def _party(dataset: str, schema: str, entity_id: str, name: str, **props: str) -> StatementEntity:
    entity = make_entity(dataset, schema, entity_id)
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


def _sanction(dataset: str, entity_id: str, target: str, program: str, start: str) -> StatementEntity:
    sanction = make_entity(dataset, "Sanction", entity_id)
    sanction.add("entity", target)
    sanction.add("authority", "Office of Foreign Assets Control" if dataset == OFAC else "press report")
    sanction.add("program", program)
    sanction.add("startDate", start)
    return sanction


def seed(store: SqlStore) -> None:
    maduro = _party(
        OFAC, "Person", "ofac-22790", "Nicolas MADURO MOROS", birthDate="1962-11-23", nationality="ve"
    )
    cabello = _party(OFAC, "Person", "ofac-11111", "Diosdado CABELLO RONDON", birthDate="1963-04-15")
    store.ingest(
        OFAC,
        [
            maduro,
            _sanction(OFAC, "ofac-22790-sanction", "ofac-22790", "VENEZUELA", "2017-07-31"),
            cabello,
            _sanction(OFAC, "ofac-11111-sanction", "ofac-11111", "SDNTK", "2018-05-18"),
        ],
        format="test",
        published=date(2025, 1, 10),
    )
    record_designation(
        store,
        name="Cartel de los Soles",
        schema="Organization",
        authority="US Department of State",
        program="FTO",
        announced=date(2025, 11, 17),
        effective=date(2025, 11, 24),
        aliases=["Cartel of the Suns"],
    )
    store.ingest(
        NEWS,
        [
            _party(NEWS, "Organization", "news-tda", "Tren de Aragua Financiers Group"),
            _sanction(NEWS, "news-tda-sanction", "news-tda", "REPORTED", "2025-11-01"),
        ],
        format="news",
        published=date(2025, 11, 2),
        mode=VersionMode.LEDGER,
        official=False,
    )


def client(store: SqlStore, host: tuple[str, int] = LOCAL, **settings: object) -> TestClient:
    settings.setdefault("warm_on_start", False)
    settings.setdefault("tagger_process", False)  # tagged here: the tagger process has its own tests
    settings.setdefault("ingest_process", False)  # started by the first upload: its start has its own test
    return TestClient(create_server(store=store, **settings), client=host, base_url="http://127.0.0.1")


def ingest_process(timeout: float = 60) -> int:
    """The process ID of the server's ingest process (`ingest.child`), as soon as it is started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = [
            child.pid
            for child in multiprocessing.active_children()
            if child.pid is not None and child.name != "watchfloor-tagger"  # the name tagger's own child
        ]
        if children:
            return children[0]
        time.sleep(0.005)
    raise AssertionError("the server started no ingest process")


def match_body(name: str, schema: str = "Person", **props: list[str]) -> dict[str, object]:
    return {"queries": {"q1": {"schema": schema, "properties": {"name": [name], **props}}}}
