"""A customer is exposed through its owners and directors: when an owner (another customer, or a
list entity named by ID) is a hit, the owned customer is alerted too, with the path."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from tests.conftest import FIXTURES
from watchfloor.ingest import ingest_list
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


def test_new_designation_that_blocks_an_owned_company_raises_an_alert(
    duck_store: SqlStore, tmp_path: Path
) -> None:
    """Cabello's 60% holding company owns 51% of a customer: nothing to say while Cabello is not
    designated; once an OFAC version lists him, the customer is blocked by ownership and alerted."""
    registry = tmp_path / "registry.jsonl"
    lines = [
        line
        for line in (FIXTURES / "ftm_json" / "small.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and '"Sanction"' not in line
    ]
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ingest_list(duck_store, "ftm-json", registry, dataset="registry", published=date(2019, 1, 1))
    book = tmp_path / "book.csv"
    book.write_text("id,name,schema\nK1,Orinoco Trading C.A.,Company\n", encoding="utf-8")
    import_book(duck_store, book)
    rescreen(duck_store, as_of=date(2019, 1, 10))
    assert list_alerts(duck_store, status="all") == []
    ingest_list(duck_store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2019", published=date(2019, 1, 15))
    rescreen(duck_store, as_of=date(2019, 2, 1))
    alerts = list_alerts(duck_store, status="all")
    assert [(a.customer_id, a.entity_id) for a in alerts] == [("K1", "co-trading")]
    assert alerts[0].to_dict()["status"] == "effective"
    assert any("exposure:" in line and "co-holding" in line for line in alerts[0].to_dict()["explanation"])
