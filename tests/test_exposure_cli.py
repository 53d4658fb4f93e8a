"""``watchfloor exposure`` over the store: OFAC ``Linked To:`` links and FtM ownership chains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_lists_cli import ok, watchfloor


def load(tmp_path: Path) -> Path:
    db = tmp_path / "exposure.duckdb"
    ok(
        db,
        "lists",
        "ingest",
        "ofac-csv",
        str(FIXTURES / "ofac_csv" / "sdn-2021"),
        "--published",
        "2021-07-07",
    )
    registry = FIXTURES / "ftm_json" / "small.jsonl"
    ok(db, "lists", "ingest", "ftm-json", str(registry), "--dataset", "registry", "--published", "2021-07-08")
    return db


def test_sarria_shows_the_link_to_cabello(tmp_path: Path) -> None:
    db = load(tmp_path)
    report = json.loads(ok(db, "exposure", "ofac-24427", "--json", "--as-of", "2021-08-01"))
    assert report["designated"] is True
    targets = {(step["from"], step["to"], step["type"]) for path in report["paths"] for step in path}
    assert ("ofac-24427", "ofac-24424", "link") in targets
    text = ok(db, "exposure", "ofac-24427", "--as-of", "2021-08-01")
    assert "CABELLO RONDON, Diosdado" in text


def test_company_owned_through_a_blocked_holding_is_blocked(tmp_path: Path) -> None:
    db = load(tmp_path)
    report = json.loads(ok(db, "exposure", "co-trading", "--json", "--as-of", "2021-08-01"))
    assert report["designated"] is False
    assert report["blocked"] is True
    assert report["ownership_by_blocked"] >= 50
    owners = {step["from"] for path in report["paths"] for step in path}
    assert "co-holding" in owners


def test_ownership_dates_count(tmp_path: Path) -> None:
    db = load(tmp_path)
    # before the registry version was known, the company is unknown: a clear error, not a crash
    result = watchfloor(db, "exposure", "co-trading", "--json", "--as-of", "2021-07-07")
    assert result.returncode == 1
    assert "no entity 'co-trading'" in result.stderr


READINGS = FIXTURES / "graph" / "readings.ftm.jsonl"


def flat(text: str) -> str:
    """Terminal output with the console's line wrapping undone."""
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("company", "share_ofac", "share_look_through"),
    [("co-x52", 20.0, 52.0), ("co-x50", 25.0, 50.0)],
)
def test_the_52_and_50_percent_cases_give_ofacs_verdict_by_default_and_the_look_through_with_the_switch(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    company: str,
    share_ofac: float,
    share_look_through: float,
) -> None:
    # a blocked person holds 40 % of M and a direct stake in X; M holds 80 % (62.5 %) of X
    db = tmp_path / "readings.duckdb"
    ok(db, "lists", "ingest", "ftm-json", str(READINGS), "--dataset", "registry", "--published", "2021-01-01")
    day = ("--as-of", "2021-06-01")
    ofac = json.loads(ok(db, "exposure", company, "--json", *day))
    assert (ofac["blocked"], ofac["ownership_by_blocked"], ofac["reading"]) == (False, share_ofac, "ofac")
    text = flat(ok(db, "exposure", company, *day))
    assert f"not blocked: {share_ofac:g}% owned by blocked persons (below 50%, ofac reading)" in text
    cautious = json.loads(ok(db, "exposure", company, "--json", "--reading", "look-through", *day))
    assert (cautious["blocked"], cautious["ownership_by_blocked"], cautious["reading"]) == (
        True,
        share_look_through,
        "look-through",
    )
    text = flat(ok(db, "exposure", company, "--reading", "look-through", *day))
    assert (
        f"BLOCKED by ownership ({share_look_through:g}% owned by blocked persons, look-through reading)"
        in text
    )
    monkeypatch.setenv("WATCHFLOOR_OWNERSHIP_READING", "look-through")  # the deployment's default
    assert json.loads(ok(db, "exposure", company, "--json", *day))["reading"] == "look-through"
    refused = watchfloor(db, "exposure", company, "--reading", "lenient", *day)
    assert refused.returncode != 0 and "ofac or look-through" in refused.stderr


def test_a_company_owned_by_a_party_designated_from_a_later_day_is_pending_with_the_days_left(
    tmp_path: Path,
) -> None:
    # the FTO designation of the Cartel de los Soles: announced 2025-11-16, in force 2025-11-24
    db = tmp_path / "pending.duckdb"
    designated = json.loads(
        ok(
            db,
            *("lists", "designate", "--name", "Cartel de los Soles", "--schema", "Organization"),
            *("--authority", "US Department of State", "--program", "FTO"),
            *("--announced", "2025-11-16", "--effective", "2025-11-24", "--json"),
        )
    )
    cartel = designated["entity_id"]
    registry = tmp_path / "registry.jsonl"
    registry.write_text(
        json.dumps(
            {"id": "co-logistics", "schema": "Company", "properties": {"name": ["Soles Logistics C.A."]}}
        )
        + "\n"
        + json.dumps(
            {
                "id": "own-cartel-logistics",
                "schema": "Ownership",
                "properties": {"owner": [cartel], "asset": ["co-logistics"], "percentage": ["60"]},
            }
        )
        + "\n"
    )
    ok(db, "lists", "ingest", "ftm-json", str(registry), "--dataset", "registry", "--published", "2025-11-01")

    report = json.loads(ok(db, "exposure", "co-logistics", "--as-of", "2025-11-20", "--json"))
    assert (report["blocked"], report["paths"], report["reading"]) == (False, [], "ofac")
    pending = report["pending"]
    assert (pending["effective"], pending["days_left"], pending["designated"]) == ("2025-11-24", 4, False)
    assert pending["parties"] == [cartel] and pending["ownership_by_blocked"] == 60.0
    text = flat(ok(db, "exposure", "co-logistics", "--as-of", "2025-11-20"))
    assert (
        "pending: blocked from 2025-11-24 (4 days left): 60% owned once Cartel de los Soles is designated"
        in text
    )
    assert "(ofac reading)" in text and "no path" not in text
    itself = json.loads(ok(db, "exposure", cartel, "--as-of", "2025-11-20", "--json"))["pending"]
    assert (itself["designated"], itself["days_left"]) == (True, 4)

    after = json.loads(ok(db, "exposure", "co-logistics", "--as-of", "2025-11-25", "--json"))
    assert (after["blocked"], after["ownership_by_blocked"], after["pending"]) == (True, 60.0, None)


def test_a_link_alleged_by_an_article_is_an_alleged_path_citing_it_never_an_official_one(
    tmp_path: Path,
) -> None:
    db = load(tmp_path)
    ok(db, "news", "ingest", str(FIXTURES / "graph" / "alleged_article.txt"))
    person = "news-person-ramon-velasquez-ortega"
    report = json.loads(ok(db, "exposure", person, "--json"))
    assert (report["designated"], report["blocked"], report["exposed"], report["paths"]) == (
        False,
        False,
        False,
        [],
    )
    [[step]] = report["alleged_paths"]
    # the article's "Banco Nacional de Cuba" is linked to the list entry, so the path reaches it
    assert (step["from"], step["to"], step["type"], step["official"]) == (
        person,
        "ofac-306",
        "directorship",
        False,
    )
    assert step["status"] == "alleged" and step["article"].startswith("news-")
    assert step["article_title"] == "Shipping magnate tied to Cuban bank, lawyers say"
    assert "allegedly leads Banco Nacional de Cuba" in step["sentence"]
    text = flat(ok(db, "exposure", person))
    assert "no path to a designated party" in text and "alleged by the press (not official" in text
    assert "-directorship [alleged, news]-> BANCO NACIONAL DE CUBA" in text
    # the designated bank's own report gains nothing official from the press
    assert json.loads(ok(db, "exposure", "ofac-306", "--json"))["paths"] == []
