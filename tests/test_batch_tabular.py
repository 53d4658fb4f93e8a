"""Input chunks always cover the same rows, so a resumed run starts exactly where it stopped."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from watchfloor.screen.tabular import TabularError, count_rows, read_chunks


def write_parquet(path: Path, count: int, group: int) -> Path:
    ids = [f"q{n}" for n in range(1, count + 1)]
    names = [f"Name {n}" if n % 6 else "" for n in range(1, count + 1)]
    pq.write_table(
        pa.table({"ID": ids, "Name": names, "birth_date": [None] * count}), path, row_group_size=group
    )
    return path


def test_parquet_chunks_are_fixed_size_across_row_groups(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "in.parquet", 30, group=7)
    chunks = list(read_chunks(path, chunk_rows=4))
    assert [c.size for c in chunks] == [4] * 7 + [2]
    assert [c.first_row for c in chunks] == [1, 5, 9, 13, 17, 21, 25, 29]
    assert [e.row for c in chunks for e in c.errors] == [6, 12, 18, 24, 30]
    assert count_rows(path) == 30


@pytest.mark.parametrize("skip", [1, 3, 5, 7])
def test_skipping_chunks_yields_the_same_rows_as_reading_through(tmp_path: Path, skip: int) -> None:
    path = write_parquet(tmp_path / "in.parquet", 30, group=7)
    through = list(read_chunks(path, chunk_rows=4))[skip:]
    skipped = list(read_chunks(path, chunk_rows=4, skip_chunks=skip))
    assert [(c.index, c.first_row, [r.id for r in c.rows], [e.row for e in c.errors]) for c in skipped] == [
        (c.index, c.first_row, [r.id for r in c.rows], [e.row for e in c.errors]) for c in through
    ]


def test_csv_skip_matches_reading_through(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,name\n" + "".join(f"q{n},Name {n}\n" for n in range(1, 24)), encoding="utf-8")
    through = list(read_chunks(path, chunk_rows=5))
    skipped = list(read_chunks(path, chunk_rows=5, skip_chunks=2))
    assert [r.id for c in skipped for r in c.rows] == [r.id for c in through[2:] for r in c.rows]
    assert skipped[0].first_row == 11


def test_not_a_parquet_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(TabularError, match="not a Parquet file"):
        list(read_chunks(path))


def test_empty_csv_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(TabularError, match="empty"):
        list(read_chunks(path))
