"""Cells a spreadsheet would run as formulas are written as plain text in every CSV output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.screen.tabular import FormulaSafeWriter, neutralised


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(1+1)*cmd|' /C calc'!A0 Trading", "'+SUM(1+1)*cmd|' /C calc'!A0 Trading"),
        ("@SUM(9,9) Holdings", "'@SUM(9,9) Holdings"),
        ("-2+3", "'-2+3"),
        ("\t=cmd", "'\t=cmd"),
        ("-12.5", "-12.5"),  # a number is no formula
        ("MADURO MOROS, Nicolas", "MADURO MOROS, Nicolas"),
        (0.93, 0.93),
    ],
)
def test_formula_cells_are_neutralised(cell: object, written: object) -> None:
    assert neutralised(cell) == written


def test_the_writer_neutralises_every_cell() -> None:
    out = io.StringIO()
    FormulaSafeWriter(out).writerow(['=HYPERLINK("x")', "plain", 3])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ['\'=HYPERLINK("x")', "plain", "3"]


def test_screen_file_output_neutralises_query_ids_and_list_captions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = tmp_path / "list.jsonl"
    company = {"id": "e1", "schema": "Company", "properties": {"name": ["@SUM(9,9) Holdings"]}}
    sanction = {"id": "e1-s", "schema": "Sanction", "properties": {"entity": ["e1"], "program": ["TEST"]}}
    listed.write_text(f"{json.dumps(company)}\n{json.dumps(sanction)}\n", encoding="utf-8")
    book = tmp_path / "book.csv"
    book.write_text("id,name,schema\n=1+1,SUM 9 9 Holdings,Company\n", encoding="utf-8")
    db, out = str(tmp_path / "store.duckdb"), tmp_path / "hits.csv"
    assert run_cli(capsys, db, "lists", "ingest", "ftm-json", str(listed), "--dataset", "lst")[0] == 0
    code, _, err = run_cli(capsys, db, "screen-file", str(book), "--out", str(out), "--threshold", "0.3")
    assert code == 0, err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows, out.read_text()
    assert (rows[0]["query_id"], rows[0]["caption"]) == ("'=1+1", "'@SUM(9,9) Holdings")
