"""The PyPI yente-client works unchanged against a real watchfloor server over HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from yente_client import AuthenticationError, Client, NotFoundError, Organization, Person

from tests.test_api_support import NEWS, OFAC, seed
from watchfloor.store import SqlStore
from watchfloor.store.keys import Role, create_key
from watchfloor.web import create_server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(duck_store: SqlStore) -> Iterator[tuple[str, str]]:
    """A live server on a free loopback port, protected by one reader key."""
    seed(duck_store)
    _, key = create_key(duck_store, "yente-client-test", Role.READER)
    port = free_port()
    config = uvicorn.Config(create_server(store=duck_store), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", key
    instance.should_exit = True
    thread.join(timeout=10)


def test_yente_client_matches_searches_fetches_and_lists(server: tuple[str, str]) -> None:
    base_url, key = server
    with Client(base_url=base_url, api_key=key, app_name="watchfloor-test") as yente:
        assert yente.healthz().status == "ok"
        assert yente.readyz().status == "ok"

        catalog = yente.datasets()
        assert {d.name for d in catalog.datasets} >= {"default", OFAC, NEWS}
        assert next(d for d in catalog.datasets if d.name == "default").children

        algorithms = yente.algorithms()
        assert algorithms.best == algorithms.default == "watchfloor-v1"

        found = yente.match(Person(name="Nicolas Maduro Moros", birthDate="1962-11-23", nationality="ve"))
        assert found.top is not None and found.top.id == "ofac-22790"
        assert found.top.match and found.top.score >= 0.75
        assert found.top.explanations["name"].score > 0
        assert found.total.value >= 1 and found.limit == 5

        scoped = yente.match(
            Organization(name="Tren de Aragua Financiers Group"), datasets=[NEWS], threshold=0.5
        )
        assert [r.id for r in scoped.results] == ["news-tda"]

        excluded = yente.match(Person(name="Nicolas Maduro Moros"), exclude_entities=["ofac-22790"])
        assert "ofac-22790" not in [r.id for r in excluded.results]

        search = yente.search("maduro")
        assert search.results[0].id == "ofac-22790" and search.total.value >= 1

        entity = yente.fetch("ofac-22790")
        assert entity.caption == "Nicolas MADURO MOROS"
        sanction = entity.properties["sanctions"][0]
        assert not isinstance(sanction, str) and sanction.schema_ == "Sanction"

        with pytest.raises(NotFoundError):
            yente.fetch("ofac-0")
        with pytest.raises(NotFoundError):
            yente.match(Person(name="x"), datasets=["no_such_list"])


def test_yente_client_asks_for_logic_v2_and_pages_adjacent_entities(server: tuple[str, str]) -> None:
    base_url, key = server
    with Client(base_url=base_url, api_key=key, app_name="watchfloor-test") as yente:
        assert "logic-v2" in {a.name for a in yente.algorithms().algorithms}
        found = yente.match(Person(name="Nicolas Maduro Moros", birthDate="1962-11-23"), algorithm="logic-v2")
        assert found.top is not None and found.top.id == "ofac-22790" and found.top.match

        adjacent = yente.adjacent("ofac-22790")
        assert adjacent.entity.id == "ofac-22790"
        [sanction] = adjacent.adjacent["sanctions"].results
        assert not isinstance(sanction, str) and sanction.schema_ == "Sanction"
        page = yente.adjacent("ofac-22790", prop="sanctions", limit=1, sort=["caption:asc"])
        assert page.total.value == 1 and page.limit == 1 and len(page.results) == 1
        with pytest.raises(NotFoundError):
            yente.adjacent("ofac-22790", prop="nonsense")


def test_yente_client_without_a_key_gets_an_authentication_error(server: tuple[str, str]) -> None:
    base_url, _ = server
    with Client(base_url=base_url) as yente, pytest.raises(AuthenticationError) as caught:
        yente.match(Person(name="Nicolas Maduro"))
    assert caught.value.status_code == 401
    assert "ApiKey" in caught.value.detail
