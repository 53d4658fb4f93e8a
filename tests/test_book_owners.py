"""A customer is exposed through its owners and directors: when an owner (another customer, or a
list entity named by ID) is a hit, the owned customer is alerted too, with the path."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from tests.conftest import FIXTURES
from watchfloor.lists import ingest_list
from watchfloor.review import list_alerts
from watchfloor.screen.book import import_book
from watchfloor.screen.rescreen import rescreen
from watchfloor.store import SqlStore


def write_book(path: Path) -> Path:
    rows = [
        ["id", "name", "schema", "owner_ids"],
        ["C1", "Nicolas Maduro Moros", "Person", ""],
        ["C2", "Llanos Verdes Trading Ltd", "Company", "C1"],
        ["C3", "Orilla Azul Shipping S.A.", "Company", "ofac-24424"],
        ["C4", "Quiet Harbour Bakery", "Company", "C5"],
        ["C5", "Maria Fernanda Quintero", "Person", ""],
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_owned_customers_are_alerted_with_the_path(duck_store: SqlStore, tmp_path: Path) -> None:
    ingest_list(duck_store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    import_book(duck_store, write_book(tmp_path / "book.csv"))
    rescreen(duck_store, as_of=date(2021, 8, 1))
    alerts = {(a.customer_id, a.entity_id): a for a in list_alerts(duck_store, status="all")}
    assert ("C1", "ofac-22790") in alerts
    owned = alerts[("C2", "ofac-22790")]
    assert "owner or director C1" in owned.to_dict()["explanation"][0]
    direct = alerts[("C3", "ofac-24424")]
    assert direct.to_dict()["status"] == "effective"
    assert not any(customer in {"C4", "C5"} for customer, _ in alerts)
