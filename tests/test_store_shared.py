"""Many users on one store.

PostgreSQL: four processes ingesting lists, importing the book, deciding alerts and screening at
the same moment lose nothing and never deadlock. DuckDB (tests below the PostgreSQL one): while
``watchfloor serve`` holds the file, CLI commands go through its API or say in one line what to do.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import multiprocessing
import sys
import threading
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, PG_URL, _pg_database
from tests.test_book_rescreen import book_rows, write_book

OFAC = FIXTURES / "ofac_csv"
UN = FIXTURES / "un_xml" / "consolidated-small.xml"
ROUNDS = 3


def cli_in_process(location: str, *args: str) -> tuple[int, str, str]:
    """``watchfloor --db LOCATION ARGS`` as typed, in this process; the store closed after it."""
    from watchfloor.cli import common, main

    argv, sys.argv = sys.argv, ["watchfloor", "--db", location, *args]
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = argv
        if common._state["store"] is not None:
            common._state["store"].close()
            common._state["store"] = None
    return code, out.getvalue(), " ".join(err.getvalue().split())


def _writer(role: str, url: str, plan: list[list[str]], start: Any, stop: Any, results: Any) -> None:
    """One user: waits for the others, then runs its commands one after another; with ``stop``,
    goes round its commands again until told to stop (so that it overlaps all the others)."""
    done: list[tuple[list[str], int, str, str]] = []
    try:
        start.wait(timeout=120)
        for args in itertools.cycle(plan) if stop is not None else plan:
            code, out, err = cli_in_process(url, *args)
            done.append((args, code, out, err))
            if code != 0 or (stop is not None and stop.is_set() and len(done) % len(plan) == 0):
                break
    except BaseException:
        done.append(([role], -1, "", traceback.format_exc()))
    results.put((role, done))


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL not started (run scripts/test.sh)")
def test_four_writers_at_once_on_postgresql_lose_nothing_and_never_deadlock(tmp_path: Path) -> None:
    url = next(gen := _pg_database())
    try:
        _four_writers(url, tmp_path)
    finally:
        gen.close()  # drops the database


def _four_writers(url: str, tmp_path: Path) -> None:
    rows = book_rows()
    assert (
        cli_in_process(
            url, "lists", "ingest", "ofac-csv", str(OFAC / "sdn-2019"), "--published", "2019-01-15"
        )[0]
        == 0
    )
    assert cli_in_process(url, "book", "import", str(write_book(tmp_path / "book0.csv", rows)))[0] == 0
    code, out, err = cli_in_process(url, "rescreen", "--json", "--workers", "1")
    assert code == 0, err
    first_alerts = [alert["alert_id"] for alert in json.loads(out)["alerts"]]
    assert len(first_alerts) >= 8

    # each round of the book changes one customer and adds one
    books = []
    for n in range(1, ROUNDS + 1):
        changed = [list(row) for row in rows]
        changed[0][3] = f"19{60 + n}-01-01"
        changed.append([f"late{n}", f"Late Customer {n}", "Person", "", ""])
        books.append(write_book(tmp_path / f"book{n}.csv", changed))
    decisions = ("true_match", "false_positive", "escalated")
    plans = {
        "ingest": [
            ["lists", "ingest", "un-xml", str(UN), "--published", f"2020-0{n}-01", "--json"]
            for n in range(1, ROUNDS + 1)
        ]
        + [["lists", "ingest", "ofac-csv", str(OFAC / "sdn-2021"), "--published", "2021-07-15", "--json"]],
        "book": [["book", "import", str(path), "--json"] for path in books],
        # decides round after round until the others are done: every other write overlaps one
        "decide": [
            [
                "alerts",
                "decide",
                alert_id,
                "--decision",
                decisions[(n + i) % 3],
                "--reason",
                f"round {n}",
                "--reviewer",
                "dana",
                "--json",
            ]
            for n in range(len(decisions))
            for i, alert_id in enumerate(first_alerts)
        ],
        "screen": [
            args
            for _ in range(ROUNDS)
            for args in (
                ["rescreen", "--json", "--workers", "1"],
                ["screen", "Nicolas Maduro Moros", "--json"],
            )
        ],
    }
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(plans))
    stop = context.Event()
    results = context.Queue()
    workers = [
        context.Process(
            target=_writer,
            args=(role, url, plan, start, stop if role == "decide" else None, results),
            name=role,
        )
        for role, plan in plans.items()
    ]
    for worker in workers:
        worker.start()
    finished: dict[str, list[tuple[list[str], int, str, str]]] = {}
    try:
        for _ in workers:
            role, done = results.get(timeout=420)  # a deadlock would wait here for ever
            finished[role] = done
            if len(finished) == len(plans) - 1:
                stop.set()
    finally:
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
    for role, done in finished.items():
        failed = [(args, code, err) for args, code, _, err in done if code != 0]
        assert not failed, f"{role}: {failed}"
        assert len(done) % len(plans[role]) == 0 and done, role
    decided = len(finished["decide"])
    assert decided >= len(plans["decide"])

    # every write is there, once
    from watchfloor.review import list_alerts, verify_audit
    from watchfloor.store import open_store
    from watchfloor.store.audit import AuditLog
    from watchfloor.store.book import BookStore

    store = open_store(url)
    try:
        assert [v.version_id for v in store.versions("un_sc_sanctions")] == [
            f"un_sc_sanctions@{n}" for n in range(1, ROUNDS + 1)
        ]
        assert [v.version_id for v in store.versions("us_ofac_sdn")] == ["us_ofac_sdn@1", "us_ofac_sdn@2"]
        book = BookStore(store.db)
        assert book.count() == len(rows) + ROUNDS
        imports = [out for _, _, out, _ in finished["book"]]
        assert [json.loads(out)["import_id"] for out in imports] == [f"I{n}" for n in range(2, ROUNDS + 2)]
        # the last decision on each alert is the one recorded: no decision overwrote another's row
        final = {a.alert_id: a.decision for a in list_alerts(store, "all")}
        for i, alert_id in enumerate(first_alerts):
            assert final[alert_id] == decisions[(len(decisions) - 1 + i) % 3]
        runs = [json.loads(out) for args, _, out, _ in finished["screen"] if args[0] == "rescreen"]
        assert [run["run_id"] for run in runs] == [f"R{n}" for n in range(2, ROUNDS + 2)]
        raised = sum(run["new_alerts"] for run in runs) + len(first_alerts)
        assert len(final) == raised
        assert sorted(int(alert_id[1:]) for alert_id in final) == list(range(1, raised + 1))
        report = verify_audit(store)
        assert report.ok, report.reason
        actions = Counter(entry.action for entry in AuditLog(store.db).entries(limit=None))
        assert actions["alert_decided"] == decided
        assert actions["book_import"] == ROUNDS + 1
        assert actions["screening_run"] == ROUNDS + 1
        assert actions["alert_raised"] == raised
    finally:
        store.close()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL not started (run scripts/test.sh)")
def test_a_second_writer_waits_for_the_first_instead_of_taking_the_same_audit_row() -> None:
    """Deterministic: the second append starts while the first transaction is open. Without the
    writers' lock both read the same head and the second dies on a duplicate key when the
    first commits."""
    from watchfloor.store import open_store
    from watchfloor.store.audit import AuditLog

    url = next(gen := _pg_database())
    first, second = open_store(url), open_store(url)
    try:
        ann, bob = AuditLog(first.db), AuditLog(second.db)
        ann.append("setup", "created", {})
        outcome: dict[str, Any] = {}

        def append_meanwhile() -> None:
            try:
                outcome["entry"] = bob.append("bob", "second", {})
            except Exception as exc:
                outcome["error"] = exc

        with first.db.transaction():
            ann.record("ann", "first", {})
            other = threading.Thread(target=append_meanwhile)
            other.start()
            other.join(timeout=1.0)
            assert other.is_alive(), "the second writer did not wait for the first"
        other.join(timeout=30)
        assert "error" not in outcome, outcome.get("error")
        assert outcome["entry"].seq == 3
        report = ann.verify()
        assert report.ok and report.rows == 3
    finally:
        first.close()
        second.close()
        gen.close()
