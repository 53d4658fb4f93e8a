"""Batch screening of a file: one output row per hit, malformed rows reported by row number and
never dropped in silence, both formats, and a crashed run resumed without duplicate rows."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.batch_crash_drill import EXIT_CODE, SCRIPT
from tests.conftest import run_cli as cli
from watchfloor.ingest import record_designation
from watchfloor.review import audit_entries
from watchfloor.screen.batch import BatchError, BatchRejectedError, screen_file
from watchfloor.screen.batch_files import CHECKPOINT_KEYS
from watchfloor.store import SqlStore, open_store

AS_OF = date(2025, 12, 1)
DESIGNATED = [
    ("Cartel de los Soles", "Organization", date(2025, 11, 24)),
    ("Tren de Aragua", "Organization", date(2025, 2, 20)),
    ("Nicolas Maduro Moros", "Person", date(2025, 11, 24)),
    ("Hezbollah Finance Office", "Organization", date(2026, 3, 1)),  # announced, not yet effective
]
CLEAN = [
    "Margaret Thompson",
    "Blue Harbour Logistics",
    "Jonas Lindqvist",
    "Peter Okafor",
    "Green Valley Farms Ltd",
    "Sofia Rinaldi",
    "Northwind Bakery",
    "Hiroshi Tanaka",
]


def designate(store: SqlStore) -> None:
    for name, schema, effective in DESIGNATED:
        record_designation(
            store,
            name=name,
            schema=schema,
            authority="US Department of State",
            program="FTO",
            announced=date(2025, 1, 10) if effective.year == 2025 else date(2025, 11, 30),
            effective=effective,
        )


@pytest.fixture
def listed(store: SqlStore) -> SqlStore:
    designate(store)
    return store


def sample_rows(count: int) -> list[list[str]]:
    """Mostly clean names; every fifth row a disguised designated name."""
    disguised = ["soles cartel de los", "TREN DE ARAGUA", "Nicolás Maduro Moros", "hezbollah finance office"]
    rows = []
    for n in range(1, count + 1):
        if n % 5 == 0:
            rows.append([f"q{n}", disguised[(n // 5) % len(disguised)]])
        else:
            rows.append([f"q{n}", CLEAN[n % len(CLEAN)]])
    return rows


def write_csv(path: Path, rows: list[list[str]], header: tuple[str, ...] = ("id", "name")) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_one_output_row_per_hit_with_designation_status(listed: SqlStore, tmp_path: Path) -> None:
    rows = sample_rows(40)
    summary = screen_file(
        listed, write_csv(tmp_path / "in.csv", rows), tmp_path / "out.csv", as_of=AS_OF, workers=1
    )
    out = read_csv(tmp_path / "out.csv")
    assert list(out[0].keys()) == ["query_id", "entity_id", "caption", "score", "status", "exposure"]
    by_query = {row["query_id"]: row for row in out}
    assert set(by_query) == {f"q{n}" for n in range(5, 41, 5)}
    assert summary.rows == 40 and summary.screened == 40 and summary.hits == len(out) and summary.errors == 0
    statuses = {row["caption"]: row["status"] for row in out}
    assert statuses["Tren de Aragua"] == "effective"
    assert statuses["Hezbollah Finance Office"] == "pending"
    assert all(0.0 < float(row["score"]) <= 1.0 for row in out)
    assert not (tmp_path / "out.csv.errors.csv").exists()
    entry = audit_entries(listed, limit=1)[0]
    assert entry.action == "batch_screening" and entry.payload["version_ids"] == summary.version_ids


def test_two_workers_write_exactly_what_one_writes(listed: SqlStore, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", sample_rows(95))
    screen_file(listed, source, tmp_path / "one.csv", as_of=AS_OF, workers=1, chunk_rows=10)
    screen_file(listed, source, tmp_path / "two.csv", as_of=AS_OF, workers=2, chunk_rows=10)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_parquet_in_and_out(listed: SqlStore, tmp_path: Path) -> None:
    rows = sample_rows(30)
    table = pa.table({"id": [r[0] for r in rows], "name": [r[1] for r in rows], "birth_date": [None] * 30})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=7)
    summary = screen_file(
        listed, tmp_path / "in.parquet", tmp_path / "out.parquet", as_of=AS_OF, chunk_rows=4
    )
    result = pq.read_table(tmp_path / "out.parquet")
    assert result.column_names == ["query_id", "entity_id", "caption", "score", "status", "exposure"]
    assert result.schema.field("score").type == pa.float64()
    assert sorted(set(result.column("query_id").to_pylist())) == sorted(f"q{n}" for n in range(5, 31, 5))
    assert summary.rows == 30 and summary.hits == result.num_rows


def test_malformed_rows_are_reported_with_row_numbers_and_skipped(listed: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    lines = [
        "id,name,schema,birth_date,country",
        "q1,Tren de Aragua,Organization,,",
        ",Missing Id,,,",  # row 2
        "q3,,Person,,",  # row 3
        "q4,Jonas Lindqvist,Person,1980-02-31,",  # row 4: no such day
        "q5,Too,Few",  # row 5
        "q6,Nicolas Maduro Moros,Person,1962-11-23,ve",
        "q7,Planet,Company,,xx-unknown",  # row 7: unknown country
        "q8,!!!,Company,,",  # row 8: the matcher finds no name in it
    ]
    data = (
        ("\n".join(lines) + "\n").encode()
        + b"q9,Jos\xe9 Latin1,Person,,\n"
        + b"q10,Cartel de los Soles,Organization,,\n"
    )
    path.write_bytes(data)
    summary = screen_file(listed, path, tmp_path / "out.csv", as_of=AS_OF, workers=2, chunk_rows=3)
    assert summary.rows == 10 and summary.errors == 7 and summary.screened == 3
    errors = read_csv(tmp_path / "out.csv.errors.csv")
    assert [int(e["row"]) for e in errors] == [2, 3, 4, 5, 7, 8, 9]
    messages = {int(e["row"]): e["error"] for e in errors}
    assert messages[2] == "missing id"
    assert messages[3] == "missing name"
    assert "not a real date" in messages[4]
    assert messages[5] == "expected 5 columns, found 3"
    assert "country" in messages[7]
    assert "name" in messages[8]
    assert "undecodable" in messages[9]
    assert errors[0]["id"] == "" and errors[1]["id"] == "q3"
    assert {row["query_id"] for row in read_csv(tmp_path / "out.csv")} == {"q1", "q6", "q10"}
    assert [e.row for e in summary.first_errors] == [2, 3, 4, 5, 7, 8, 9]


def test_reject_mode_leaves_no_output_and_lists_every_bad_row(listed: SqlStore, tmp_path: Path) -> None:
    rows = sample_rows(50)
    rows[11] = ["q12", ""]
    rows[40] = ["", "Sofia Rinaldi"]
    source = write_csv(tmp_path / "in.csv", rows)
    with pytest.raises(BatchRejectedError, match="2 malformed row") as caught:
        screen_file(listed, source, tmp_path / "out.csv", as_of=AS_OF, on_error="reject", chunk_rows=10)
    assert caught.value.summary.rejected
    assert not (tmp_path / "out.csv").exists()
    assert not (tmp_path / "out.csv.part").exists()
    assert not (tmp_path / "out.csv.checkpoint.json").exists()
    assert [int(e["row"]) for e in read_csv(tmp_path / "out.csv.errors.csv")] == [12, 41]


def test_cli_reject_exits_non_zero_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    location = str(tmp_path / "cli.duckdb")
    store = open_store(location)
    designate(store)
    store.close()
    source = write_csv(tmp_path / "in.csv", [["q1", "Tren de Aragua"], ["q2", ""]])
    args = ["screen-file", str(source), "--out", str(tmp_path / "out.csv"), "--as-of", "2025-12-01"]
    code, _, err = cli(capsys, location, *args, "--on-error", "reject")
    assert code == 1
    assert err.startswith("error: rejected: 1 malformed row(s); first at row 2: missing name")
    assert "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()
    code, out, err = cli(capsys, location, *args, "--workers", "1")
    assert code == 0, err
    assert "1 malformed" in out and "row 2: missing name" in out
    assert read_csv(tmp_path / "out.csv")[0]["caption"] == "Tren de Aragua"


def test_crash_mid_batch_resumes_without_duplicates(tmp_path: Path) -> None:
    location = str(tmp_path / "crash.duckdb")
    store = open_store(location)
    designate(store)
    store.close()
    rows = sample_rows(200)
    rows[33] = ["q34", ""]  # a malformed row before the crash must be reported once, not twice
    source = write_csv(tmp_path / "in.csv", rows)
    output = tmp_path / "out.csv"
    drill = [sys.executable, str(SCRIPT), location, str(source), str(output), "--as-of", AS_OF.isoformat()]
    crashed = subprocess.run([*drill, "--chunks", "6", "--chunk-rows", "10"], capture_output=True)
    assert crashed.returncode == EXIT_CODE, crashed.stderr
    assert not output.exists()
    assert (tmp_path / "out.csv.checkpoint.json").exists()
    store = open_store(location)
    resumed = screen_file(store, source, output, as_of=AS_OF, workers=2, chunk_rows=10, resume=True)
    reference = screen_file(store, source, tmp_path / "ref.csv", as_of=AS_OF, workers=1, chunk_rows=10)
    store.close()
    assert resumed.resumed_chunks == 5  # chunk 6 was written but not checkpointed: done again
    assert resumed.rows == 200 and resumed.rows_this_run == 150
    assert output.read_bytes() == (tmp_path / "ref.csv").read_bytes()
    ids = [row["query_id"] for row in read_csv(output)]
    assert len(ids) == len(set(ids)) == 40
    assert [e["row"] for e in read_csv(tmp_path / "out.csv.errors.csv")] == ["34"]
    assert resumed.errors == 1 and resumed.hits == reference.hits
    assert not (tmp_path / "out.csv.checkpoint.json").exists()


def test_after_chunk_sees_each_chunk_written_before_its_checkpoint(listed: SqlStore, tmp_path: Path) -> None:
    """The seam the crash drill uses: called once per chunk, when the chunk's output is on disk and
    the checkpoint still records the chunk before."""
    source = write_csv(tmp_path / "in.csv", sample_rows(30))
    checkpoint = tmp_path / "out.csv.checkpoint.json"
    seen: list[tuple[int, int]] = []

    def note(done: int) -> None:
        seen.append((done, json.loads(checkpoint.read_text())["chunks"] if checkpoint.exists() else 0))

    screen_file(listed, source, tmp_path / "out.csv", as_of=AS_OF, workers=1, chunk_rows=10, after_chunk=note)
    assert seen == [(1, 0), (2, 1), (3, 2)]


def test_resume_refuses_a_changed_input_or_a_broken_checkpoint(listed: SqlStore, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", sample_rows(30))
    output = tmp_path / "out.csv"
    checkpoint = tmp_path / "out.csv.checkpoint.json"
    checkpoint.write_text('{"input": {"path": "elsewhere"}}', encoding="utf-8")
    with pytest.raises(BatchError, match="unreadable"):
        screen_file(listed, source, output, as_of=AS_OF, resume=True)
    state = {key: 0 for key in CHECKPOINT_KEYS}
    state.update(input={"path": str(source.resolve()), "size": 1, "mtime_ns": 1}, first_errors=[])
    checkpoint.write_text(json.dumps(state), encoding="utf-8")
    with pytest.raises(BatchError, match="changed since the interrupted run"):
        screen_file(listed, source, output, as_of=AS_OF, resume=True)


def test_unreadable_input_leaves_nothing_behind(listed: SqlStore, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", [["1", "x"]], header=("id", "full_name"))
    with pytest.raises(ValueError, match="no name column"):
        screen_file(listed, source, tmp_path / "out.csv")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == []


def test_unknown_formats_and_options_are_clear_errors(listed: SqlStore, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "in.csv", sample_rows(3))
    with pytest.raises(ValueError, match="unknown table format"):
        screen_file(listed, source, tmp_path / "out.xlsx")
    with pytest.raises(BatchError, match="on-error"):
        screen_file(listed, source, tmp_path / "out.csv", on_error="ignore")
    with pytest.raises(BatchError, match="no list is known on 2020-01-01"):
        screen_file(listed, source, tmp_path / "out.csv", as_of=date(2020, 1, 1))
