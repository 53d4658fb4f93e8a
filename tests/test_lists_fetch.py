"""Keeping lists current over real HTTP: a local server publishes real list files (the UN XML and
OFAC CSV fixtures) with ETag, Last-Modified, failures and cut-short bodies, as publishers do."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import run_cli
from watchfloor.ingest.fetch import FetchOptions, fetch_sources
from watchfloor.ingest.schedule import due_sources, run_refresh, source_states
from watchfloor.ingest.sources import SourceConfigError, load_sources, parse_duration, parse_sources
from watchfloor.screen.book import import_book
from watchfloor.screen.wiring import after_new_lists
from watchfloor.store import SqlStore, open_store
from watchfloor.store.db import database_of
from watchfloor.store.fetches import FAILED, NEW_VERSION, UNCHANGED, FetchLog

FIXTURES = Path(__file__).parent / "fixtures"
UN_FULL = (FIXTURES / "un_xml" / "consolidated-small.xml").read_bytes()
OFAC_2021 = FIXTURES / "ofac_csv" / "sdn-2021"
FAST = FetchOptions(timeout=5, retries=2, backoff=0.01)


def _without_record(xml: bytes, dataid: str) -> bytes:
    """The list as published before the record with ``dataid`` was added."""
    text = xml.decode("utf-8")
    pattern = rf"\s*<INDIVIDUAL>\s*<DATAID>{dataid}</DATAID>.*?</INDIVIDUAL>"
    return re.sub(pattern, "", text, count=1, flags=re.S).encode("utf-8")


UN_BEFORE = _without_record(UN_FULL, "6908501")  # CHOE SONG IL added later


@dataclass
class Published:
    body: bytes
    status: int = 200
    fail_times: int = 0  # answer 503 this many times first
    cut_at: int | None = None  # send only this many bytes of a longer declared length
    requests: list[dict[str, str]] = field(default_factory=list)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


class Publisher:
    """A local publisher: path -> file, with validators, a modification time and induced faults."""

    def __init__(self) -> None:
        self.files: dict[str, Published] = {}
        self.modified = formatdate(datetime(2026, 2, 27).timestamp(), usegmt=True)
        self.hooks: list[dict[str, object]] = []
        publisher = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                publisher.hooks.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def do_GET(self) -> None:
                item = publisher.files.get(self.path)
                if item is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                item.requests.append(dict(self.headers))
                if item.fail_times > 0:
                    item.fail_times -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                if item.status != 200:
                    self.send_response(item.status)
                    self.end_headers()
                    return
                if item.cut_at is None and self.headers.get("If-None-Match") == item.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", item.etag)
                self.send_header("Last-Modified", publisher.modified)
                self.send_header("Content-Length", str(len(item.body)))
                self.end_headers()
                self.wfile.write(item.body[: item.cut_at] if item.cut_at is not None else item.body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, path: str, body: bytes, **faults: object) -> Published:
        self.files[path] = Published(body, **faults)  # type: ignore[arg-type]
        return self.files[path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def publisher() -> Iterator[Publisher]:
    server = Publisher()
    yield server
    server.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = open_store(str(tmp_path / "lists.duckdb"))
    yield opened
    opened.close()


def _config(publisher: Publisher, tmp_path: Path, webhook: bool = False) -> Path:
    files = "\n".join(
        f"      {name}: {publisher.url}/ofac/{name.upper()}"
        for name in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")
    )
    text = (
        "sources:\n"
        "  - name: un_sc_sanctions\n"
        "    title: UN Security Council Consolidated List\n"
        "    format: un-xml\n"
        f"    url: {publisher.url}/un/consolidated.xml\n"
        "    every: 6h\n"
        "  - name: us_ofac_sdn\n"
        "    format: ofac-csv\n"
        "    every: 12h\n"
        f"    files:\n{files}\n"
    )
    if webhook:
        text += f"webhook: {publisher.url}/hook\n"
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _publish_ofac(publisher: Publisher) -> None:
    for file in OFAC_2021.iterdir():
        publisher.publish(f"/ofac/{file.name.upper()}", file.read_bytes())


def test_first_fetch_ingests_and_an_unchanged_etag_makes_no_version(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    un = publisher.publish("/un/consolidated.xml", UN_FULL)
    _publish_ofac(publisher)
    config = load_sources(_config(publisher, tmp_path))
    first = fetch_sources(store, config, options=FAST)
    assert [(r.source, r.outcome) for r in first] == [
        ("un_sc_sanctions", NEW_VERSION),
        ("us_ofac_sdn", NEW_VERSION),
    ]
    assert first[0].etag == un.etag and first[0].bytes == len(UN_FULL)
    assert store.versions("un_sc_sanctions")[-1].entity_count > 0

    second = fetch_sources(store, config, ["un_sc_sanctions"], options=FAST)
    assert [r.outcome for r in second] == [UNCHANGED]
    assert un.requests[-1].get("If-None-Match") == un.etag  # asked, and was told 304
    assert len(store.versions("un_sc_sanctions")) == 1
    # the folder source has no validators: the same content is recognised by its checksum
    again = fetch_sources(store, config, ["us_ofac_sdn"], options=FAST)
    assert again[0].outcome == UNCHANGED and "same content" in again[0].message
    assert len(store.versions("us_ofac_sdn")) == 1


def test_a_changed_file_makes_a_version_and_alerts_on_a_new_match_in_the_book(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    publisher.publish("/un/consolidated.xml", UN_BEFORE)
    config = load_sources(_config(publisher, tmp_path))
    book = tmp_path / "book.csv"
    book.write_text(
        "id,name,schema\nC-1,Choe Song Il,Person\nC-2,Ingrid Halvorsen,Person\n", encoding="utf-8"
    )
    import_book(store, book)
    [first] = fetch_sources(
        store, config, ["un_sc_sanctions"], options=FAST, after_new_versions=after_new_lists
    )
    assert first.outcome == NEW_VERSION and first.alerts == 0

    publisher.publish("/un/consolidated.xml", UN_FULL)  # the publisher adds CHOE SONG IL
    [second] = fetch_sources(
        store, config, ["un_sc_sanctions"], options=FAST, after_new_versions=after_new_lists
    )
    assert second.outcome == NEW_VERSION
    assert second.alerts == 1
    [logged] = FetchLog(database_of(store)).history("un_sc_sanctions", limit=1)
    assert logged.alerts == 1 and logged.version_id == second.version_id
    assert len(store.versions("un_sc_sanctions")) == 2


def test_the_hook_after_new_versions_runs_once_and_its_failure_is_a_record_of_its_own(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    """The fetch knows nothing of screening: it calls what it is handed, once for all new versions."""
    publisher.publish("/un/consolidated.xml", UN_FULL)
    _publish_ofac(publisher)
    config = load_sources(_config(publisher, tmp_path))
    calls: list[int] = []

    def broken(seen: object) -> int | None:
        calls.append(len(store.versions()))
        raise RuntimeError("the matcher is gone")

    records = fetch_sources(store, config, options=FAST, after_new_versions=broken)
    assert calls == [2]  # once, after both lists were stored
    assert [r.outcome for r in records] == [NEW_VERSION, NEW_VERSION, FAILED]
    assert records[-1].message == "re-screening failed: the matcher is gone"
    assert all(r.alerts is None for r in records)
    assert len(store.versions("un_sc_sanctions")) == 1  # the new lists stay current


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ({"body": UN_FULL[: len(UN_FULL) // 2]}, "not"),  # truncated: not well-formed
        ({"body": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4}, "not"),  # corrupt
        ({"body": _without_record(_without_record(UN_FULL, "6908501"), "6908021")}, "fewer"),  # half-empty
        ({"body": UN_FULL, "cut_at": 1000}, "cut short"),  # connection dropped mid-body
        ({"body": UN_FULL, "status": 404}, "404"),
        ({"body": b""}, "empty"),
    ],
)
def test_a_bad_download_leaves_the_previous_version_current_and_is_reported(
    publisher: Publisher, store: SqlStore, tmp_path: Path, fault: dict[str, object], reason: str
) -> None:
    publisher.publish("/un/consolidated.xml", UN_FULL)
    config = load_sources(_config(publisher, tmp_path, webhook=True))
    [good] = fetch_sources(store, config, ["un_sc_sanctions"], options=FAST)
    assert good.outcome == NEW_VERSION

    publisher.publish("/un/consolidated.xml", **fault)  # type: ignore[arg-type]
    [bad] = fetch_sources(store, config, ["un_sc_sanctions"], options=FAST)
    assert bad.outcome == FAILED
    assert reason in bad.message
    assert [v.version_id for v in store.versions("un_sc_sanctions")] == [good.version_id]
    [state] = [s for s in source_states(store, config) if s["name"] == "un_sc_sanctions"]
    assert state["stale"] is True
    assert state["last_fetch"]["outcome"] == FAILED
    assert state["last_success"]["version_id"] == good.version_id == state["version"]
    failures = [f for hook in publisher.hooks for f in hook["fetches"] if f["outcome"] == FAILED]  # type: ignore[attr-defined]
    assert failures and reason in failures[-1]["message"]


def test_not_modified_to_a_get_that_asked_nothing_is_a_failure(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    _publish_ofac(publisher)
    publisher.publish("/ofac/SDN.CSV", (OFAC_2021 / "sdn.csv").read_bytes(), status=304)
    config = load_sources(_config(publisher, tmp_path))
    [record] = fetch_sources(store, config, ["us_ofac_sdn"], options=FAST)
    assert record.outcome == FAILED and "304" in record.message
    assert store.versions("us_ofac_sdn") == []


def test_a_busy_server_is_retried(publisher: Publisher, store: SqlStore, tmp_path: Path) -> None:
    served = publisher.publish("/un/consolidated.xml", UN_FULL, fail_times=2)
    config = load_sources(_config(publisher, tmp_path))
    [record] = fetch_sources(store, config, ["un_sc_sanctions"], options=FAST)
    assert record.outcome == NEW_VERSION
    assert len(served.requests) == 3
    publisher.publish("/un/consolidated.xml", UN_FULL, fail_times=5)
    [gave_up] = fetch_sources(store, config, ["un_sc_sanctions"], options=FAST)
    assert gave_up.outcome == FAILED and "503" in gave_up.message and "3 attempts" in gave_up.message


def test_a_stop_cuts_the_refresh_short_between_retries(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    """A server shutting down must not wait for a failing source's retries (minutes of back-off):
    the stop ends the wait, no further source is begun, and the loop returns at once."""
    served = publisher.publish("/un/consolidated.xml", UN_FULL, fail_times=100)
    config = load_sources(_config(publisher, tmp_path))
    stop = threading.Event()
    slow = FetchOptions(timeout=5, retries=5, backoff=60.0)  # five minutes of waits if not stopped
    loop = threading.Thread(target=run_refresh, args=(store, config, stop, slow))
    loop.start()
    deadline = time.monotonic() + 30
    while not served.requests and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served.requests, "the refresh never asked the publisher"
    stopped_at = time.monotonic()
    stop.set()
    loop.join(10)
    assert not loop.is_alive()
    assert time.monotonic() - stopped_at < 10
    assert len(served.requests) == 1  # no retry after the stop
    assert store.versions("un_sc_sanctions") == []


def test_due_sources_follow_each_schedule_and_retry_failures_sooner(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    publisher.publish("/un/consolidated.xml", UN_FULL)
    config = load_sources(_config(publisher, tmp_path))  # OFAC files are not published: it fails
    assert [s.name for s in due_sources(store, config)] == ["un_sc_sanctions", "us_ofac_sdn"]
    records = fetch_sources(store, config, options=FAST)
    assert [r.outcome for r in records] == [NEW_VERSION, FAILED]
    now = max(r.finished_at for r in records)
    assert due_sources(store, config, now + timedelta(minutes=5)) == []
    assert [s.name for s in due_sources(store, config, now + timedelta(minutes=31))] == ["us_ofac_sdn"]
    assert [s.name for s in due_sources(store, config, now + timedelta(hours=6, minutes=1))] == [
        "un_sc_sanctions",
        "us_ofac_sdn",
    ]
    assert due_sources(store, config, now + timedelta(minutes=5), every=timedelta(minutes=1)) != []


def test_sources_files_are_checked_with_clear_errors(tmp_path: Path) -> None:
    assert parse_duration("6h") == timedelta(hours=6) and parse_duration("30m") == timedelta(minutes=30)
    with pytest.raises(SourceConfigError, match="not a duration"):
        parse_duration("soon")
    with pytest.raises(SourceConfigError, match="unknown format 'pdf'"):
        parse_sources({"sources": [{"name": "x", "format": "pdf", "url": "https://example.org/x"}]})
    with pytest.raises(SourceConfigError, match="either url"):
        parse_sources({"sources": [{"name": "x", "format": "un-xml"}]})
    with pytest.raises(SourceConfigError, match="http"):
        parse_sources({"sources": [{"name": "x", "format": "un-xml", "url": "file:///etc/passwd"}]})
    with pytest.raises(SourceConfigError, match="repeated: x"):
        entry = {"name": "x", "format": "un-xml", "url": "https://example.org/x"}
        parse_sources({"sources": [entry, entry]})
    broken = tmp_path / "broken.yml"
    broken.write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(SourceConfigError, match="not a readable YAML"):
        load_sources(broken)


def test_the_default_sources_name_every_official_list() -> None:
    config = load_sources()
    formats = {s.format for s in config.sources}
    assert {
        "ofac-xml",
        "un-xml",
        "eu-xml",
        "uk-xml",
        "canada-xml",
        "seco-xml",
    } <= formats
    assert {"dfat-xlsx", "ftm-json"} <= formats
    assert all(s.url.startswith("https://") for s in config.sources)


def test_fetch_and_sources_commands_as_typed(
    publisher: Publisher, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publisher.publish("/un/consolidated.xml", UN_FULL)
    _publish_ofac(publisher)
    sources = str(_config(publisher, tmp_path))
    db = str(tmp_path / "cli.duckdb")
    code, out, _ = run_cli(capsys, db, "lists", "fetch", "--sources", sources)
    assert code == 0
    assert "un_sc_sanctions" in out and "new-version" in out
    code, out, _ = run_cli(capsys, db, "lists", "fetch", "un_sc_sanctions", "--sources", sources, "--json")
    assert code == 0
    assert [f["outcome"] for f in json.loads(out)["fetches"]] == [UNCHANGED]
    code, out, _ = run_cli(capsys, db, "lists", "sources", "--sources", sources)
    assert code == 0 and "us_ofac_sdn" in out and "unchanged" in out
    code, out, _ = run_cli(capsys, db, "lists", "sources", "--sources", sources, "--json")
    states = {s["name"]: s for s in json.loads(out)["sources"]}
    assert states["us_ofac_sdn"]["last_fetch"]["outcome"] == NEW_VERSION
    assert states["un_sc_sanctions"]["version"].startswith("un_sc_sanctions")
    code, out, _ = run_cli(capsys, db, "refresh", "--once", "--sources", sources)
    assert code == 0 and "no source is due" in out
    code, out, err = run_cli(capsys, db, "lists", "fetch", "nope", "--sources", sources)
    assert code == 1 and "no source named nope" in err


def test_a_failed_fetch_exits_non_zero(
    publisher: Publisher, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publisher.publish("/un/consolidated.xml", UN_FULL[:500])
    sources = str(_config(publisher, tmp_path))
    code, out, _ = run_cli(
        capsys, str(tmp_path / "cli.duckdb"), "lists", "fetch", "un_sc_sanctions", "--sources", sources
    )
    assert code == 1 and "failed" in out


def test_updatez_shows_each_source_last_fetch_and_version(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    from watchfloor.web import create_server

    publisher.publish("/un/consolidated.xml", UN_FULL)
    sources = _config(publisher, tmp_path)
    fetch_sources(store, load_sources(sources), ["un_sc_sanctions"], options=FAST)
    app = create_server(store=store, warm_on_start=False, sources_file=str(sources))
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as client:
        body = client.get("/updatez").json()
        page = client.get("/console").text
    assert "UN Security Council Consolidated List" in page and "new-version" in page
    assert "not fetched yet" in page  # the OFAC source
    states = {s["name"]: s for s in body["sources"]}
    assert body["stale"] is True  # the OFAC source was never fetched
    assert states["un_sc_sanctions"]["last_fetch"]["outcome"] == NEW_VERSION
    assert states["un_sc_sanctions"]["version"] == store.versions("un_sc_sanctions")[-1].version_id
    assert states["us_ofac_sdn"]["last_fetch"] is None


def test_a_forced_update_fetches_every_list_now_as_yentes_post_updatez_does(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    from watchfloor.store.keys import Role, create_key
    from watchfloor.web import create_server

    publisher.publish("/un/consolidated.xml", UN_FULL)
    _publish_ofac(publisher)
    app = create_server(store=store, warm_on_start=False, sources_file=str(_config(publisher, tmp_path)))
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as client:
        assert all(s["last_fetch"] is None for s in client.get("/updatez").json()["sources"])
        assert client.post("/updatez", params={"sync": "true"}).json() == {
            "status": "ok"
        }  # keyless, loopback
        states = client.get("/updatez").json()
        assert {s["name"]: s["last_fetch"]["outcome"] for s in states["sources"]} == {
            "un_sc_sanctions": NEW_VERSION,
            "us_ofac_sdn": NEW_VERSION,
        }
        assert states["stale"] is False
        # once keys exist: yente's token parameter carries an admin key; a reader's is refused
        _, admin = create_key(store, "ops", Role.ADMIN)
        _, reader = create_key(store, "analyst", Role.READER)
        assert client.post("/updatez").status_code == 401
        refused = client.post("/updatez", params={"token": reader})
        assert refused.status_code == 403 and "invalid token" in refused.json()["detail"]
        assert client.post("/updatez", params={"token": "not-a-key"}).status_code == 403
        again = client.post("/updatez", params={"token": admin, "sync": "true"})
        assert again.json() == {"status": "ok"}
        headers = {"Authorization": f"ApiKey {admin}"}
        states = client.get("/updatez", headers=headers).json()["sources"]
        assert {s["last_fetch"]["outcome"] for s in states} == {UNCHANGED}  # the ETags still hold


def test_the_server_refreshes_on_its_own_schedule(
    publisher: Publisher, store: SqlStore, tmp_path: Path
) -> None:
    from watchfloor.web import create_server

    publisher.publish("/un/consolidated.xml", UN_FULL)
    _publish_ofac(publisher)
    app = create_server(
        store=store, warm_on_start=False, refresh=True, sources_file=str(_config(publisher, tmp_path))
    )
    with TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1") as client:
        for _ in range(200):
            states = client.get("/updatez").json()["sources"]
            if all(s["last_fetch"] for s in states):
                break
            threading.Event().wait(0.05)
        assert {s["name"]: s["last_fetch"]["outcome"] for s in states} == {
            "un_sc_sanctions": NEW_VERSION,
            "us_ofac_sdn": NEW_VERSION,
        }
