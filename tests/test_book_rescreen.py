"""Monitoring the book end to end: the first screening alerts on every match; later ones alert only
on what is new or changed (a new list version, a changed customer, a designation taking effect);
false positives stay quiet until their data change; every run can be replayed exactly."""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli as cli
from watchfloor.ingest import ingest_list, record_designation
from watchfloor.review import approve_decision, audit_entries, decide_alert, list_alerts, verify_audit
from watchfloor.screen.book import import_book
from watchfloor.screen.rescreen import replay, rescreen
from watchfloor.store import SqlStore, open_store

OFAC = Path(__file__).parent / "fixtures" / "ofac_csv"
FIRST_NAMES = [
    "Margaret",
    "Jonas",
    "Peter",
    "Sofia",
    "Hiroshi",
    "Amelia",
    "Lars",
    "Chloe",
    "Tomasz",
    "Ingrid",
    "Oliver",
    "Freya",
    "Mateo",
    "Hannah",
    "Elias",
]
LAST_NAMES = [
    "Thompson",
    "Lindqvist",
    "Okafor",
    "Rinaldi",
    "Tanaka",
    "Whitfield",
    "Brennan",
    "Novak",
    "Johansson",
    "Fairbanks",
    "Kowalczyk",
    "Ashworth",
    "Delacroix",
    "Pemberton",
    "Halvorsen",
]
COMPANY_WORDS = [
    "Northwind",
    "Bluebell",
    "Copperfield",
    "Meadowlark",
    "Stonebridge",
    "Riverside",
    "Oakhurst",
    "Silverline",
    "Harborview",
    "Maplewood",
]
COMPANY_KINDS = ["Bakery", "Logistics", "Dental Clinic", "Consulting", "Farms Ltd", "Bookshop"]
# (customer id, name, schema, birth_date, country): designated names in disguise, and two look-alikes
DISGUISED = [
    ("d-maduro", "nicolas MADURO MOROS", "Person", "", ""),  # word order, case
    ("d-cabello", "Diosdado Cabello Rondón", "Person", "", ""),  # accent
    ("d-bnc", "banco nacional de cuba", "Company", "", ""),  # lower case
    ("d-sarria", "Sarría Díaz Rafael Alfredo", "Person", "", ""),  # accents, order
    ("fp-sarria", "Rafael Sarria", "Person", "1990-01-01", ""),  # a namesake: the false positive
    ("d-pouya", "pouya air", "Company", "", ""),
    ("d-anglo", "Anglo Caribbean Co Ltd", "Company", "", ""),  # delisted by 2021
    ("d-sandswan", "Sand Swan", "Vessel", "", ""),  # entry changed in 2021
    ("n-pdvsa", "Petróleos de Venezuela SA", "Company", "", ""),  # listed only in 2021
    ("n-tian", "Yinyin Tian", "Person", "", ""),  # listed only in 2021
    ("cartel-a", "Cartel de los Soles", "Organization", "", "ve"),
    ("cartel-b", "Cartel de los Soles", "Company", "", "es"),  # a band of that name: false positive
]


def book_rows() -> list[list[str]]:
    rows = [[cid, name, schema, birth, country] for cid, name, schema, birth, country in DISGUISED]
    people = itertools.product(FIRST_NAMES, LAST_NAMES)
    for n, (first, last) in enumerate(people, start=1):
        rows.append([f"p{n:03d}", f"{first} {last}", "Person", f"{1950 + n % 50}-0{1 + n % 9}-1{n % 10}", ""])
    for n, (word, kind) in enumerate(itertools.product(COMPANY_WORDS, COMPANY_KINDS), start=1):
        rows.append([f"co{n:03d}", f"{word} {kind}", "Company", "", "gb"])
    return rows


def write_book(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "schema", "birth_date", "country"])
        writer.writerows(rows)
    return path


def kinds(summary: object) -> dict[str, str]:
    return {a.customer_id: a.kind for a in summary.alerts}  # type: ignore[attr-defined]


def test_rescreen_alerts_only_on_what_is_new_or_changed(store: SqlStore, tmp_path: Path) -> None:
    ingest_list(store, "ofac-csv", OFAC / "sdn-2019", published=date(2019, 1, 15))
    rows = book_rows()
    assert len(rows) > 290
    assert import_book(store, write_book(tmp_path / "book.csv", rows)).added == len(rows)

    # 1. first screening: every match is new
    first = rescreen(store, as_of=date(2020, 1, 1))
    assert first.run_id == "R1" and first.customers == len(rows)
    assert kinds(first) == {
        cid: "new_match"
        for cid in (
            "d-maduro",
            "d-cabello",
            "d-bnc",
            "d-sarria",
            "fp-sarria",
            "d-pouya",
            "d-anglo",
            "d-sandswan",
        )
    }
    assert first.version_ids == ["us_ofac_sdn@1"]
    by_customer = {a.customer_id: a for a in first.alerts}
    assert by_customer["d-maduro"].entity_id == "ofac-22790" and by_customer["d-maduro"].status == "effective"
    decide_alert(
        store, by_customer["fp-sarria"].alert_id, "false_positive", "born 1990, not the listed man", "ana"
    )
    decide_alert(store, by_customer["d-maduro"].alert_id, "true_match", "same person", "ana")
    for customer in ("fp-sarria", "d-maduro"):  # whitelisting and true matches take a second reviewer
        approve_decision(store, by_customer[customer].alert_id, "ben")
    decide_alert(store, by_customer["d-bnc"].alert_id, "escalated", "check the account", "ana")
    assert {a.customer_id for a in list_alerts(store, "decided")} == {"fp-sarria", "d-maduro"}
    assert len(list_alerts(store, "open")) == 6

    # nothing changed: nothing to say
    assert rescreen(store, as_of=date(2020, 1, 2)).new_alerts == 0

    # 2. a new list version: only the entries it added or changed alert
    version, _ = ingest_list(store, "ofac-csv", OFAC / "sdn-2021", published=date(2021, 7, 15))
    second = rescreen(store, as_of=date(2021, 8, 1))
    assert second.version_ids == [version.version_id]
    assert kinds(second) == {
        "d-maduro": "changed_entity",  # a program was added to his designation
        "d-sandswan": "changed_entity",  # former name moved into the remarks
        "n-pdvsa": "new_match",
        "n-tian": "new_match",
    }
    diff = store.diff("us_ofac_sdn", "us_ofac_sdn@1", version.version_id)
    touched = {c.entity_id.removesuffix("-sanction") for c in [*diff.added, *diff.changed]}
    assert {a.entity_id for a in second.alerts} <= touched
    assert second.alerts_by_kind == {"new_match": 2, "changed_entity": 2}

    # 3. changed customer records alert again, even a whitelisted false positive
    changed = [list(r) for r in rows]
    for row in changed:
        if row[0] == "d-cabello":
            row[3] = "1963-04-15"
        if row[0] == "fp-sarria":
            row[1] = "Rafael A Sarria"
    assert import_book(store, write_book(tmp_path / "book2.csv", changed)).changed == 2
    third = rescreen(store, as_of=date(2021, 8, 2))
    assert kinds(third) == {"d-cabello": "changed_customer", "fp-sarria": "changed_customer"}

    # 4. a designation announced for a later date: pending first, with the days left
    record_designation(
        store,
        name="Cartel de los Soles",
        schema="Organization",
        authority="US Department of State",
        program="FTO",
        announced=date(2025, 11, 16),
        effective=date(2025, 11, 24),
    )
    pending = rescreen(store, as_of=date(2025, 11, 20))
    assert kinds(pending) == {"cartel-a": "pending", "cartel-b": "pending"}
    for alert in pending.alerts:
        assert (alert.status, alert.days_left, alert.effective_date) == ("pending", 4, "2025-11-24")
    band = next(a for a in pending.alerts if a.customer_id == "cartel-b")
    decide_alert(store, band.alert_id, "false_positive", "a music band in Spain", "ben")
    approve_decision(store, band.alert_id, "ana")
    assert rescreen(store, as_of=date(2025, 11, 21)).new_alerts == 0  # still pending, nothing new

    # 5. the effective date arrives: the true match alerts again, the band stays quiet
    effective = rescreen(store, as_of=date(2025, 11, 24))
    assert kinds(effective) == {"cartel-a": "designation_effective"}
    assert effective.alerts[0].status == "effective" and effective.alerts[0].days_left is None
    assert effective.suppressed == 1

    # replay: the first run, screened again from what was known then, says exactly the same
    replayed = replay(store, "R1")
    assert replayed.identical
    assert {h.customer_id for h in replayed.found} == set(kinds(first))

    # a dry run says what the screening says that day and writes nothing
    audit_rows = len(audit_entries(store, limit=None))
    dry = rescreen(store, as_of=date(2019, 6, 1), dry_run=True)
    assert dry.run_id is None and dry.version_ids == ["us_ofac_sdn@1"]
    assert "d-anglo" in {h.customer_id for h in dry.found}
    assert len(audit_entries(store, limit=None)) == audit_rows

    # every run, alert and decision is in the audit log, and the log holds
    actions = [e.action for e in audit_entries(store, limit=None)]
    assert actions.count("screening_run") == 7
    assert actions.count("alert_raised") == sum(
        len(s.alerts) for s in (first, second, third, pending, effective)
    )
    assert actions.count("alert_decided") == 4
    assert actions.count("decision_proposed") == actions.count("decision_approved") == 3
    run_rows = audit_entries(store, limit=None, action="screening_run")
    assert run_rows[0].payload["version_ids"] == ["us_ofac_sdn@1"]
    assert verify_audit(store).ok
    store.db.execute("DELETE FROM wf_audit WHERE seq = 5")
    report = verify_audit(store)
    assert not report.ok and report.first_bad_seq == 5


def test_cli_book_rescreen_alerts_and_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    location = str(tmp_path / "cli.duckdb")
    store = open_store(location)
    ingest_list(store, "ofac-csv", OFAC / "sdn-2019", published=date(2019, 1, 15))
    store.close()
    book = write_book(
        tmp_path / "book.csv", [list(r) for r in DISGUISED[:3]] + [["x1", "", "Person", "", ""]]
    )
    code, out, err = cli(capsys, location, "book", "import", str(book))
    assert code == 0, err
    assert "3 added" in out and "row 4: missing name" in out
    code, out, err = cli(capsys, location, "rescreen", "--as-of", "2020-01-01", "--workers", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["new_alerts"] == 3
    listed = json.loads(cli(capsys, location, "alerts", "--json")[1])
    assert {a["customer_id"] for a in listed} == {"d-maduro", "d-cabello", "d-bnc"}
    alert_id = listed[0]["alert_id"]
    decide = ["alerts", "decide", alert_id, "--decision", "false_positive", "--reason", "namesake"]
    code, out, err = cli(capsys, location, *decide, "--no-whitelist")
    assert code == 0, err
    assert len(json.loads(cli(capsys, location, "alerts", "--status", "open", "--json")[1])) == 2
    unknown = ["alerts", "decide", "A999", "--decision", "true_match", "--reason", "x"]
    code, out, err = cli(capsys, location, *unknown)
    assert code == 1 and err == "error: no alert 'A999'"
    code, out, err = cli(capsys, location, "replay", "R1")
    assert code == 0 and "identical" in out
    assert cli(capsys, location, "audit", "verify")[0] == 0
    store = open_store(location)
    store.db.execute("UPDATE wf_audit SET payload = '{}' WHERE seq = 2")
    store.close()
    code, out, err = cli(capsys, location, "audit", "verify")
    assert code == 1 and "row 2" in err


REPLAY_ELSEWHERE = (
    "import sys\n"
    "from watchfloor.store import open_store\n"
    "from watchfloor.screen.rescreen import replay\n"
    "result = replay(open_store(sys.argv[1]), 'R1')\n"
    "print(result.identical, len(result.found))\n"
)


@pytest.mark.parametrize("seed", ["1", "2"])
def test_replay_in_another_process_is_identical(tmp_path: Path, seed: str) -> None:
    """Exactness must not depend on the process: another interpreter (another hash seed) that
    replays a run from the store alone gets the same hits, scores and statuses."""
    location = str(tmp_path / "replay.duckdb")
    store = open_store(location)
    ingest_list(store, "ofac-csv", OFAC / "sdn-2019", published=date(2019, 1, 15))
    import_book(store, write_book(tmp_path / "book.csv", book_rows()))
    first = rescreen(store, as_of=date(2020, 1, 1))
    store.close()
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", REPLAY_ELSEWHERE, location], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", str(first.hits)]
