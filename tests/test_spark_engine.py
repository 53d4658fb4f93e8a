"""The Spark engine screens as the local engine does: the same file gives the same output bytes,
the same malformed-row report and the same book hits, on ``local[2]`` (one JVM for the module)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path

import pyarrow.parquet as pq
import pytest

pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'watchfloor[spark]')")

from tests.batch_crash_drill import EXIT_CODE, SCRIPT
from tests.conftest import run_cli as cli
from tests.test_book_rescreen import OFAC, book_rows, write_book
from watchfloor.ingest import ingest_list, record_designation
from watchfloor.scale import spark as spark_module
from watchfloor.scale.spark import SparkEngine, SparkEngineError, reason
from watchfloor.screen.batch import screen_file
from watchfloor.screen.book import import_book
from watchfloor.screen.engine import LocalEngine
from watchfloor.screen.rescreen import rescreen
from watchfloor.store import SqlStore, open_store

MASTER = "local[2]"
AS_OF = date(2025, 12, 1)
MALFORMED = [
    ["bad-1", "Jonas Lindqvist", "Person", "1980-02-31", ""],  # no such day
    ["", "Missing Id", "", "", ""],
    ["bad-3", "!!!", "Company", "", ""],  # no name the matcher can use: refused on the executor
    ["bad-4", "Planet", "Company", "", "xx-unknown"],
]


@pytest.fixture(scope="module")
def engine() -> Iterator[SparkEngine]:
    """One Spark session for the module, started as the CLI starts it; the CLI calls below find
    it open and use it (and leave it open)."""
    with SparkEngine(MASTER, chunks_per_task=2) as started:
        yield started


def fill(store: SqlStore) -> None:
    """OFAC (the 2021 fixture) and two designations of the State Department, one still pending."""
    ingest_list(store, "ofac-csv", OFAC / "sdn-2021", published=date(2021, 7, 15))
    for name, effective in (
        ("Cartel de los Soles", date(2025, 11, 24)),
        ("Tren de Aragua", date(2026, 3, 1)),
    ):
        record_designation(
            store,
            name=name,
            schema="Organization",
            authority="US Department of State",
            program="FTO",
            announced=date(2025, 11, 16),
            effective=effective,
        )


@pytest.fixture
def listed(tmp_path: Path) -> Iterator[SqlStore]:
    store = open_store(str(tmp_path / "store.duckdb"))
    fill(store)
    yield store
    store.close()


def customers(path: Path) -> Path:
    """The book test's customers (designated names in disguise, look-alikes, clean names), a
    repeated row, a pending party, and malformed rows spread through the file."""
    rows = book_rows()
    rows.insert(3, list(rows[0]))  # the same customer row twice: screened once per process
    rows.append(["fto-2", "TREN DE ARAGUA", "Organization", "", ""])
    for offset, bad in enumerate(MALFORMED):
        rows.insert(40 + 70 * offset, bad)
    return write_book(path, rows)


def test_spark_writes_the_bytes_the_local_engine_writes(
    engine: SparkEngine, listed: SqlStore, tmp_path: Path
) -> None:
    source = customers(tmp_path / "customers.csv")
    local = screen_file(listed, source, tmp_path / "local.csv", as_of=AS_OF, chunk_rows=25, workers=1)
    spark = screen_file(listed, source, tmp_path / "spark.csv", as_of=AS_OF, chunk_rows=25, engine=engine)
    assert (spark.engine, local.engine) == ("spark", "local")
    assert (tmp_path / "spark.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert (tmp_path / "spark.csv.errors.csv").read_bytes() == (
        tmp_path / "local.csv.errors.csv"
    ).read_bytes()
    for key in ("rows", "screened", "hits", "errors", "chunks", "version_ids"):
        assert getattr(spark, key) == getattr(local, key), key
    assert spark.chunks > 3 * 2 * 2  # more than three waves of two tasks of two chunks
    with (tmp_path / "spark.csv").open(newline="", encoding="utf-8") as handle:
        hits = list(csv.reader(handle))
    assert hits.pop(0) == ["query_id", "entity_id", "caption", "score", "status", "exposure"]
    by_customer = {hit[0]: hit for hit in hits}
    assert by_customer["d-maduro"][1:3] == ["ofac-22790", "MADURO MOROS, Nicolas"]
    assert by_customer["fto-2"][4] == "pending" and by_customer["cartel-a"][4] == "effective"
    with source.open(newline="", encoding="utf-8") as handle:
        found = {hit[0] for hit in hits}
        in_input_order = [row["id"] for row in csv.DictReader(handle) if row["id"] in found]
    assert [query for query, _ in groupby(hit[0] for hit in hits)] == in_input_order
    assert [(e.row, e.id) for e in spark.first_errors] == [
        (41, "bad-1"),
        (111, None),
        (181, "bad-3"),  # refused by the matcher, on an executor
        (251, "bad-4"),
    ]


def test_spark_parquet_output_equals_local(engine: SparkEngine, listed: SqlStore, tmp_path: Path) -> None:
    source = customers(tmp_path / "customers.csv")
    screen_file(listed, source, tmp_path / "local.parquet", as_of=AS_OF, workers=2)
    screen_file(listed, source, tmp_path / "spark.parquet", as_of=AS_OF, engine=engine)
    local, spark = pq.read_table(tmp_path / "local.parquet"), pq.read_table(tmp_path / "spark.parquet")
    assert spark.num_rows > 10 and spark.equals(local)


def test_rescreen_on_spark_finds_what_local_finds(
    engine: SparkEngine, listed: SqlStore, tmp_path: Path
) -> None:
    import_book(listed, write_book(tmp_path / "book.csv", book_rows()))
    local = rescreen(listed, AS_OF, dry_run=True, engine=LocalEngine(workers=1))
    spark = rescreen(listed, AS_OF, dry_run=True, engine=engine)
    assert spark.found == local.found and spark.digest == local.digest
    alerts = [{**a.to_dict(), "created_at": None} for summary in (spark, local) for a in summary.alerts]
    assert alerts[: len(spark.alerts)] == alerts[len(spark.alerts) :]
    assert {hit.customer_id for hit in spark.found} >= {"d-maduro", "d-bnc", "cartel-a"}
    written = rescreen(listed, AS_OF, engine=engine)
    assert written.run_id == "R1" and written.digest == local.digest and written.engine == "spark"


def test_cli_screen_file_and_rescreen_on_spark(
    engine: SparkEngine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "cli.duckdb")
    store = open_store(location)
    fill(store)
    store.close()
    source = customers(tmp_path / "customers.csv")
    base = ["screen-file", str(source), "--as-of", "2025-12-01"]

    code, out, err = cli(capsys, location, *base, "--out", str(tmp_path / "local.csv"), "--workers", "1")
    assert code == 0, err
    code, out, err = cli(
        capsys, location, *base, "--out", str(tmp_path / "spark.csv"), "--engine", "spark", "--master", MASTER
    )
    assert code == 0, err
    assert "on the spark engine" in out and "4 malformed rows" in out
    assert (tmp_path / "spark.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    code, out, err = cli(
        capsys, location, *base, "--out", str(tmp_path / "again.csv"), "--engine", "spark", "--json"
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["engine"] == "spark" and summary["errors"] == 4 and summary["hits"] > 10
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()

    code, out, err = cli(
        capsys, location, "book", "import", str(write_book(tmp_path / "book.csv", book_rows()))
    )
    assert code == 0, err
    rescreen_args = ["rescreen", "--as-of", "2025-12-01", "--engine", "spark"]
    code, out, err = cli(capsys, location, *rescreen_args, "--dry-run", "--json")
    assert code == 0, err
    dry = json.loads(out)
    assert dry["engine"] == "spark" and dry["run_id"] is None and dry["new_alerts"] > 5
    code, out, err = cli(capsys, location, *rescreen_args, "--master", MASTER)
    assert code == 0, err
    assert f"run R1 as of 2025-12-01: {len(book_rows())} customers" in out and "on the spark engine" in out
    assert f"{dry['new_alerts']} new alerts" in out


def test_cli_engine_errors_are_one_line(
    engine: SparkEngine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "cli.duckdb")
    store = open_store(location)
    fill(store)
    store.close()
    source = customers(tmp_path / "customers.csv")
    out_path = tmp_path / "out.csv"
    base = ["screen-file", str(source), "--out", str(out_path), "--as-of", "2025-12-01"]
    for extra, expected in (
        (["--engine", "gpu"], "'gpu' is not one of local, spark"),
        (["--master", "local[4]"], "--master goes with --engine spark"),
        (["--engine", "spark", "--master", "yarn"], f"a Spark session on {MASTER} is already open"),
    ):
        code, _, err = cli(capsys, location, *base, *extra)
        assert code != 0 and expected in err and "Traceback" not in err, err
        assert not out_path.exists() and not list(tmp_path.glob("out.csv.*"))
    code, _, err = cli(capsys, location, "rescreen", "--engine", "spark", "--master", "yarn")
    assert code != 0 and "already open" in err


def test_a_run_killed_on_the_local_engine_resumes_on_spark(engine: SparkEngine, tmp_path: Path) -> None:
    location = str(tmp_path / "crash.duckdb")
    store = open_store(location)
    fill(store)
    store.close()
    source, output = customers(tmp_path / "customers.csv"), tmp_path / "out.csv"
    drill = [sys.executable, str(SCRIPT), location, str(source), str(output), "--as-of", AS_OF.isoformat()]
    crashed = subprocess.run(
        [*drill, "--chunks", "4", "--workers", "1", "--chunk-rows", "25"], capture_output=True
    )
    assert crashed.returncode == EXIT_CODE, crashed.stderr
    store = open_store(location)
    try:
        resumed = screen_file(store, source, output, as_of=AS_OF, chunk_rows=25, resume=True, engine=engine)
        screen_file(store, source, tmp_path / "reference.csv", as_of=AS_OF, chunk_rows=25, workers=1)
    finally:
        store.close()
    assert resumed.resumed_chunks == 3 and resumed.engine == "spark"  # chunk 4 written, not checkpointed
    assert output.read_bytes() == (tmp_path / "reference.csv").read_bytes()


def designate(store: SqlStore, name: str) -> None:
    """One more designation: the lists change, and so does the index (a new file to ship)."""
    record_designation(
        store,
        name=name,
        schema="Company",
        authority="US Department of State",
        program="FTO",
        announced=date(2025, 11, 16),
        effective=date(2025, 11, 24),
    )


def test_an_index_not_saved_beside_the_store_is_shipped_all_the_same(
    engine: SparkEngine, listed: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = customers(tmp_path / "customers.csv")
    designate(listed, "Northwind Bakery")
    local = screen_file(listed, source, tmp_path / "local.csv", as_of=AS_OF, workers=1)
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the index directory would be")
    monkeypatch.setenv("WATCHFLOOR_INDEX_DIR", str(blocked))  # the screener cannot save its index
    spark = screen_file(listed, source, tmp_path / "spark.csv", as_of=AS_OF, engine=engine)
    assert (tmp_path / "spark.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert spark.hits == local.hits and "Northwind Bakery" in (tmp_path / "spark.csv").read_text()

    def corrupt(_matcher: object, path: Path) -> bool:
        path.write_bytes(b"watchfloor-matcher\nnot a pickle")
        return True

    monkeypatch.setattr(spark_module, "save_matcher", corrupt)  # what executors fetch is damaged
    designate(listed, "Bluebell Bookshop")
    with pytest.raises(SparkEngineError) as caught:
        screen_file(listed, source, tmp_path / "broken.csv", as_of=AS_OF, engine=engine)
    message = str(caught.value)
    assert message.startswith("a Spark job failed: ") and "could not open the shipped index" in message
    assert "\n" not in message


def test_missing_pyspark_or_java_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    with pytest.raises(SparkEngineError, match="needs Java 17 or 21"):
        spark_module._check_java()
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.delitem(sys.modules, "watchfloor.scale.spark")
    source = customers(tmp_path / "customers.csv")
    code, _, err = cli(
        capsys,
        str(tmp_path / "x.duckdb"),
        "screen-file",
        str(source),
        "--out",
        str(tmp_path / "o.csv"),
        "--engine",
        "spark",
    )
    assert code == 2 and "spark needs PySpark: pip install 'watchfloor[spark]'" in err


def test_reason_finds_the_python_exception_in_a_jvm_error() -> None:
    text = (
        "An error occurred while calling z:org.apache.spark.api.python.PythonRDD.collectAndServe.\n"
        ": org.apache.spark.SparkException: Job aborted due to stage failure: ...\n"
        "org.apache.spark.api.python.PythonException: Traceback (most recent call last):\n"
        '  File "/x/worker.py", line 1, in main\n'
        "    raise ValueError('x')\n"
        "watchfloor.scale.spark.SparkEngineError: an executor could not open the shipped index m.pkl\n"
        "\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException(PythonRunner.scala:1)\n"
    )
    assert reason(RuntimeError(text)) == (
        "watchfloor.scale.spark.SparkEngineError: an executor could not open the shipped index m.pkl"
    )
    assert reason(RuntimeError("\nJava gateway exited\nmore")) == "Java gateway exited"
