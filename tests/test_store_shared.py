"""Many users on one store.

PostgreSQL: four processes ingesting lists, importing the book, deciding alerts and screening at
the same moment lose nothing and never deadlock. DuckDB (tests below the PostgreSQL one): while
``watchfloor serve`` holds the file, CLI commands go through its API or say in one line what to do.
"""

from __future__ import annotations

import contextlib
import getpass
import io
import itertools
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import FIXTURES, PG_URL, _pg_database
from tests.test_book_rescreen import book_rows, write_book
from watchfloor.cli import common, main
from watchfloor.cli.remote import local_url
from watchfloor.review import list_alerts, verify_audit
from watchfloor.store import open_store
from watchfloor.store.audit import AuditLog
from watchfloor.store.book import BookStore

OFAC = FIXTURES / "ofac_csv"
UN = FIXTURES / "un_xml" / "consolidated-small.xml"
ROUNDS = 3


def cli_in_process(location: str, *args: str) -> tuple[int, str, str]:
    """``watchfloor --db LOCATION ARGS`` as typed, in this process; the store closed after it.
    Returns the exit code, stdout and stderr as printed."""
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
    return code, out.getvalue(), err.getvalue()


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
    seed(url, tmp_path)
    code, out, err = cli_in_process(url, "alerts", "--json")
    assert code == 0, err
    first_alerts = [alert["alert_id"] for alert in json.loads(out)]
    assert len(first_alerts) == 8
    # one reviewer decides round after round: the four-eyes rule would hold each decision back
    assert cli_in_process(url, "alerts", "policy", "--four-eyes", "off")[0] == 0

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


# --- DuckDB: one process holds the file; `serve` lets the CLI through its API ----------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(location: str, tmp_path: Path) -> None:
    """A list, the book and a first screening (eight alerts), through the CLI."""
    book = write_book(tmp_path / "book.csv", book_rows())
    for args in (
        ["lists", "ingest", "ofac-csv", str(OFAC / "sdn-2019"), "--published", "2019-01-15"],
        ["book", "import", str(book)],
        ["rescreen", "--workers", "1"],
    ):
        code, _, err = cli_in_process(location, *args)
        assert code == 0, err


@contextlib.contextmanager
def serving(location: str, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``watchfloor serve`` as typed, in its own process, until the block ends (then stopped
    as a service manager stops it: SIGTERM)."""
    port = free_port()
    env = {**os.environ, "WATCHFLOOR_INDEX_DIR": str(tmp_path / "server-index")}
    command = [sys.executable, "-c", "from watchfloor.cli import main; main()"]
    args = ["--db", location, "serve", "--port", str(port), "--no-refresh"]
    log = tmp_path / f"serve-{port}.log"  # a file, not a pipe: a full pipe would stall the server
    with log.open("w") as sink:
        server = subprocess.Popen(
            [*command, *args], env=env, stdout=sink, stderr=subprocess.STDOUT, text=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, f"serve stopped: {log.read_text()}"
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline, "serve did not become ready"
            time.sleep(0.2)
        yield url, server
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def without_times(data: Any, *also: str) -> Any:
    """JSON less the moments it was written (two stores, written seconds apart)."""
    if isinstance(data, list):
        return [without_times(item, *also) for item in data]
    drop = {"created_at", "ingested_at", *also}
    return {k: v for k, v in data.items() if k not in drop}


def one_line(err: str) -> str:
    """The error as the user sees it: exactly one line on stderr."""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    return err.strip()


REFUSED = [
    ["lists", "show"],
    ["lists", "show", "--json"],
    ["audit", "verify", "--json"],
    ["keys", "list"],
    ["rescreen", "--json"],
    ["book", "history", "p001"],
]


def test_cli_beside_serve_on_one_duckdb_store_works_or_says_what_to_do(tmp_path: Path) -> None:
    location = str(tmp_path / "store.duckdb")
    twin = str(tmp_path / "twin.duckdb")  # the same data, no server: what the CLI says by itself
    seed(location, tmp_path)
    seed(twin, tmp_path)
    with serving(location, tmp_path) as (url, server):
        note = json.loads(Path(location + ".holder.json").read_text())
        assert note == {"command": "serve", "pid": server.pid, "url": url}

        # commands that need the file: one line naming the server and what to do, exit 3
        for args in REFUSED:
            code, out, err = cli_in_process(location, *args)
            line = one_line(err)
            assert code == 3 and out == "", args
            assert line.startswith(f"error: the store {location} is in use by `watchfloor serve`")
            assert f"pid {server.pid}" in line and url in line
            assert "stop the server" in line and "PostgreSQL" in line

        # screening through the server says exactly what the CLI says by itself
        for args in (["screen", "Nicolas Maduro Moros", "--json"], ["screen", "Nicolas Maduro Moros"]):
            code, out, err = cli_in_process(location, *args)
            assert code == 0, err
            assert f"going through its API at {url}" in err
            assert (code, out) == cli_in_process(twin, *args)[:2]
        assert "MADURO MOROS" in out

        # alerts: listed and decided through the server, the same JSON as without it
        code, out, _ = cli_in_process(location, "alerts", "--json")
        alerts = json.loads(out)
        alone = json.loads(cli_in_process(twin, "alerts", "--json")[1])
        assert code == 0 and without_times(alerts) == without_times(alone)
        assert len(alerts) == 8
        code, out, _ = cli_in_process(location, "alerts")
        assert code == 0 and "Alerts (open)" in out and alerts[0]["alert_id"] in out
        first, second = alerts[0]["alert_id"], alerts[1]["alert_id"]
        code, out, _ = cli_in_process(
            location,
            "alerts",
            "decide",
            first,
            "--decision",
            "false_positive",
            "--no-whitelist",
            "--reason",
            "born 1990",
            "--json",
        )
        decided = json.loads(out)
        assert code == 0 and (decided["alert_id"], decided["decision"], decided["reviewer"]) == (
            first,
            "false_positive",
            getpass.getuser(),  # a server without keys: its own operating-system user
        )
        code, out, _ = cli_in_process(
            location, "alerts", "decide", second, "--decision", "true_match", "--reason", "same man"
        )
        assert code == 0 and out.startswith(f"{second}: true_match proposed by {getpass.getuser()} (P1)")
        code, out, err = cli_in_process(
            location, "alerts", "decide", "A999", "--decision", "true_match", "--reason", "x"
        )
        assert code == 1 and out == "" and "error: no alert 'A999'" in err.splitlines()[-1]
        code, _, err = cli_in_process(location, "alerts", "decide", first, "--decision", "maybe", "--reason", "x")
        assert code == 1 and one_line(err) == (
            "error: decision must be one of true_match, false_positive, escalated, not 'maybe'"
        )

        # a list and the book come in through the server, as they would without it
        code, out, _ = cli_in_process(
            location, "lists", "ingest", "un-xml", str(UN), "--published", "2020-01-01"
        )
        assert (code, out.strip()) == (
            0,
            "ingested un_sc_sanctions@1: 7 entities, 55 statements, published 2020-01-01",
        )
        args = ["lists", "ingest", "ofac-csv", str(OFAC / "sdn-2021"), "--published", "2021-07-15", "--json"]
        code, out, _ = cli_in_process(location, *args)  # a folder, sent as one zip
        sent, local = json.loads(out), json.loads(cli_in_process(twin, *args)[1])
        assert code == 0 and sent["created"] and sent["version_id"] == local["version_id"] == "us_ofac_sdn@2"
        assert (sent["source"], local["source"]) == ("upload:sdn-2021.zip", str(OFAC / "sdn-2021"))
        assert without_times(sent, "source") == without_times(local, "source")
        code, out, _ = cli_in_process(location, *args)
        assert code == 0 and json.loads(out)["created"] is False  # the same file again: nothing new
        # a version that lost most entities is refused by the server as it would be here, until --force
        shrunk = ["lists", "ingest", "ftm-json", str(FIXTURES / "ftm_json" / "small.jsonl"), "--dataset"]
        shrunk += ["us_ofac_sdn", "--published", "2021-08-01"]
        code, _, err = cli_in_process(location, *shrunk)
        assert code == 1 and "fewer than us_ofac_sdn@2" in err.splitlines()[-1] and "--force" in err
        code, out, _ = cli_in_process(location, *shrunk, "--max-loss", "0.95", "--json")
        assert code == 0 and json.loads(out)["version_id"] == "us_ofac_sdn@3"
        code, _, err = cli_in_process(
            location, "lists", "ingest", "un-xml", str(FIXTURES / "un_xml" / "truncated.xml")
        )
        assert code == 1 and "not well-formed" in one_line(err.splitlines()[-1] + "\n")
        changed = [list(row) for row in book_rows()]
        changed[0][3] = "1962-11-23"
        changed.append(["late1", "Late Customer", "Person", "", ""])
        book = write_book(tmp_path / "book2.csv", changed)
        code, out, _ = cli_in_process(location, "book", "import", str(book), "--json")
        summary = json.loads(out)
        assert code == 0 and (summary["import_id"], summary["added"], summary["changed"]) == ("I2", 1, 1)
        alone = json.loads(cli_in_process(twin, "book", "import", str(book), "--json")[1])
        assert (summary["source"], alone["source"]) == ("upload:book2.csv", str(book))
        assert without_times(summary, "source") == without_times(alone, "source")
        code, out, _ = cli_in_process(location, "book", "import", str(book))
        assert code == 0 and out.startswith("import I3: 298 rows, 0 added, 0 changed, 298 unchanged")

    # stopped as a service manager stops it: the note goes with it, and the file is free again
    assert server.returncode == 128 + signal.SIGTERM
    assert not Path(location + ".holder.json").exists()
    code, out, _ = cli_in_process(location, "audit", "verify", "--json")
    assert code == 0 and json.loads(out)["ok"]
    code, out, _ = cli_in_process(location, "alerts", "--status", "decided", "--json")
    assert {(a["alert_id"], a["decision"]) for a in json.loads(out)} == {(first, "false_positive")}
    code, out, _ = cli_in_process(location, "alerts", "--status", "proposed", "--json")
    assert [(a["alert_id"], a["proposal"]["decision"]) for a in json.loads(out)] == [(second, "true_match")]
    code, out, _ = cli_in_process(location, "lists", "show", "--json")
    assert [v["version_id"] for v in json.loads(out)["versions"]] == [
        "us_ofac_sdn@1",
        "un_sc_sanctions@1",
        "us_ofac_sdn@2",
        "us_ofac_sdn@3",
    ]


def test_through_a_server_with_keys_the_cli_needs_one_and_the_key_names_the_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = str(tmp_path / "store.duckdb")
    seed(location, tmp_path)
    code, out, _ = cli_in_process(
        location, "keys", "create", "--role", "reviewer", "--name", "dana", "--json"
    )
    assert code == 0
    secret = json.loads(out)["key"]
    with serving(location, tmp_path) as (url, _):
        monkeypatch.delenv("WATCHFLOOR_KEY", raising=False)
        code, out, err = cli_in_process(location, "alerts", "--json")
        assert code == 1 and out == ""
        line = err.splitlines()[-1]
        assert line.startswith(f"error: the server at {url} holds the store and asks for an API key")
        assert "set WATCHFLOOR_KEY" in line

        monkeypatch.setenv("WATCHFLOOR_KEY", secret)
        code, out, _ = cli_in_process(location, "alerts", "--json")
        alert_id = json.loads(out)[0]["alert_id"]
        code, out, err = cli_in_process(
            location,
            "alerts",
            "decide",
            alert_id,
            "--decision",
            "escalated",
            "--reason",
            "ask KYC",
            "--reviewer",
            "someone else",
            "--json",
        )
        assert code == 1 and "not a name given by hand" in err.splitlines()[-1]  # never acted under it
        code, out, _ = cli_in_process(
            location, "alerts", "decide", alert_id, "--decision", "escalated", "--reason", "ask KYC", "--json"
        )
        assert code == 0 and json.loads(out)["reviewer"] == "dana"  # the key's name
        # a reviewer may not bring in a list: the server's reason, in one line
        code, _, err = cli_in_process(location, "lists", "ingest", "un-xml", str(UN))
        assert code == 1 and "this needs the admin role" in err.splitlines()[-1]


HOLD = """
import sys, time, duckdb
from watchfloor.store.holder import holding
path, seconds, command = sys.argv[1], float(sys.argv[2]), sys.argv[3]
con = duckdb.connect(path)
with holding(path if command else None, command):
    print("held", flush=True)
    time.sleep(seconds)
"""


@contextlib.contextmanager
def held(location: str, seconds: float, command: str = "") -> Iterator[subprocess.Popen[str]]:
    """Another process holds the DuckDB file for ``seconds`` (as ``watchfloor COMMAND`` would,
    note and all, when ``command`` is given)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, location, str(seconds), command], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def test_a_short_command_holding_the_store_is_waited_for(tmp_path: Path) -> None:
    location = str(tmp_path / "store.duckdb")
    seed(location, tmp_path)
    with held(location, 1.0):
        started = time.monotonic()
        code, out, err = cli_in_process(location, "lists", "show", "--json")
        assert code == 0, err
        assert [v["version_id"] for v in json.loads(out)["versions"]] == ["us_ofac_sdn@1"]
        assert time.monotonic() - started >= 0.5  # it did wait


def test_a_process_that_does_not_let_go_is_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = str(tmp_path / "store.duckdb")
    seed(location, tmp_path)
    monkeypatch.setenv("WATCHFLOOR_LOCK_WAIT", "0.3")
    with held(location, 60) as other:
        for args in (["lists", "show"], ["alerts", "--json"], ["screen", "Maduro", "--json"]):
            code, out, err = cli_in_process(location, *args)
            line = one_line(err)
            assert code == 3 and out == ""
            assert line.startswith(
                f"error: the store {location} is in use by another process (pid {other.pid},"
            )
            assert line.endswith(
                "run this again when it has finished, or keep the store in PostgreSQL for "
                "shared use (README, 'Many users')"
            )
    with held(location, 60, "refresh") as refreshing:
        monkeypatch.setenv("WATCHFLOOR_LOCK_WAIT", "30")  # a long-running holder is not waited for
        started = time.monotonic()
        code, _, err = cli_in_process(location, "alerts")
        assert code == 3 and time.monotonic() - started < 10
        assert one_line(err) == (
            f"error: the store {location} is in use by `watchfloor refresh` (pid {refreshing.pid}); stop it "
            "(Ctrl-C) and run this again, or keep the store in PostgreSQL for shared use (README, 'Many users')"
        )


def test_a_note_left_by_a_killed_server_is_ignored(tmp_path: Path) -> None:
    location = str(tmp_path / "store.duckdb")
    seed(location, tmp_path)
    Path(location + ".holder.json").write_text(
        json.dumps({"command": "serve", "pid": 999_999, "url": "http://127.0.0.1:9"}), encoding="utf-8"
    )
    code, out, err = cli_in_process(location, "alerts", "--json")  # nobody holds the file: opened here
    assert code == 0 and len(json.loads(out)) == 8 and "going through" not in err
    with held(location, 60) as other:  # the note names another process than the lock does
        code, _, err = cli_in_process(location, "screen", "Maduro")
        assert code == 3 and f"another process (pid {other.pid}," in one_line(err)


def test_the_address_a_local_client_uses_for_a_bound_host() -> None:
    assert local_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"
    assert local_url("::", 8000) == "http://[::1]:8000"
    assert local_url("127.0.0.2", 81) == "http://127.0.0.2:81"
