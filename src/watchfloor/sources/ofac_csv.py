"""Parse OFAC's legacy SDN CSV folder (sdn.csv, add.csv, alt.csv, sdn_comments.csv) into FtM entities.

The files have no header, use ``-0-`` (often ``-0- `` with a trailing space) for null, are cp1252
and end with a Ctrl-Z byte. ``sdn_comments.csv`` continues the Remarks of entries whose remarks were
cut at the column limit: the two texts join without a separator. Every file is read and checked in
full before the first entity is yielded, so a broken file fails the ingest instead of loading half.

The rows of the four files become ``OfacEntry`` objects, which ``ofac_entries`` turns into the same
entities as the SDN XML gives (see there). Every statement carries an ``origin`` naming the file
and line it came from (``sdn.csv:1234``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.sources._input import EOF_MARKER, decode_legacy, describe_foreign, read_bytes
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_entries import (
    Address,
    AltName,
    EntryBuilder,
    OfacEntry,
    Skipped,
    check_entries,
)

SDN_FILE, ADD_FILE, ALT_FILE, COMMENTS_FILE = "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"
WIDTHS = {SDN_FILE: 12, ADD_FILE: 6, ALT_FILE: 5, COMMENTS_FILE: 2}
NULL = "-0-"

PROGRAM_SPLIT = re.compile(r"\]\s*\[")


@dataclass(frozen=True)
class Row:
    """One CSV record: the file it came from, its first line, its cells with nulls as None."""

    file: str
    line: int
    cells: tuple[str | None, ...]

    @property
    def origin(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def ent_num(self) -> str:
        return self.cells[0] or ""


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", NULL) else value


def _locate_folder(path: Path) -> Path:
    """The folder holding sdn.csv; a path to sdn.csv itself is accepted too."""
    if path.is_dir():
        if not (path / SDN_FILE).is_file():
            raise SourceError(f"{path} has no {SDN_FILE}: an OFAC legacy CSV folder needs one")
        return path
    if not path.exists():
        raise SourceError(f"{path} does not exist")
    if path.name.lower() == SDN_FILE:
        return path.parent
    foreign = describe_foreign(read_bytes(path)[:512])
    kind = f"a file ({foreign})" if foreign else "a file"
    raise SourceError(
        f"{path} is {kind}; ofac-csv expects a folder holding {SDN_FILE}, {ADD_FILE}, {ALT_FILE}"
    )


def read_table(folder: Path, name: str, required: bool = True) -> list[Row]:
    """All records of one file, checked: column count, numeric ent_num, decodable text."""
    path = folder / name
    if not path.is_file():
        if required:
            raise SourceError(f"{folder} has no {name}: an OFAC legacy CSV folder needs one")
        return []
    data = read_bytes(path)
    foreign = describe_foreign(data[:512])
    if foreign:
        raise SourceError(f"{name} in {folder} is {foreign}, not an OFAC legacy CSV file")
    text = decode_legacy(data).rstrip(EOF_MARKER + " \r\n\t")
    width = WIDTHS[name]
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not cells or all(not cell.strip() for cell in cells):
                continue
            if len(cells) != width:
                raise SourceError(f"{name} line {start} has {len(cells)} columns, expected {width}")
            if not cells[0].strip().isdigit():
                raise SourceError(f"{name} line {start} starts with {cells[0][:30]!r}, not a numeric ent_num")
            rows.append(Row(name, start, tuple(_cell(cell) for cell in cells)))
    except csv.Error as exc:
        raise SourceError(f"{name} line {line} is not valid CSV: {exc}") from None
    return rows


def programs(value: str | None) -> list[str]:
    """``VENEZUELA] [IRAN-CON-ARMS-EO`` -> ``["VENEZUELA", "IRAN-CON-ARMS-EO"]``."""
    if not value:
        return []
    return [part.strip(" []") for part in PROGRAM_SPLIT.split(value) if part.strip(" []")]


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an OFAC legacy CSV folder; SourceError if any file is not that format."""
    folder = _locate_folder(path)
    sdn = read_table(folder, SDN_FILE)
    if not sdn:
        raise SourceError(f"{SDN_FILE} in {folder} holds no entries")
    add = read_table(folder, ADD_FILE)
    alt = read_table(folder, ALT_FILE)
    # sdn_comments.csv only exists when some remarks overflow; its absence loses nothing.
    comments = read_table(folder, COMMENTS_FILE, required=False)
    skipped = Skipped()
    entries = _entries(sdn, add, alt, comments, skipped)
    return EntryBuilder(dataset, entries, skipped).entities()


def _entries(
    sdn: list[Row], add: list[Row], alt: list[Row], comments: list[Row], skipped: Skipped
) -> list[OfacEntry]:
    """The entries of sdn.csv with their addresses, other names and remark continuations."""
    entries = []
    for row in sdn:
        _, name, sdn_type, program, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks = (
            row.cells
        )
        if name is None:
            raise SourceError(f"{SDN_FILE} line {row.line} has no SDN_Name")
        vessel = {
            "callSign": call_sign,
            "type": vess_type,
            "tonnage": tonnage,
            "grossRegisteredTonnage": grt,
            "flag": flag,
        }
        entries.append(
            OfacEntry(
                ent_num=row.ent_num,
                name=name,
                sdn_type=sdn_type,
                programs=programs(program),
                origin=row.origin,
                title=title,
                vessel={k: v for k, v in vessel.items() if v},
                owner=owner,
                remarks=remarks or "",
                remark_origin=row.origin,
            )
        )
    check_entries(entries)
    by_num = {entry.ent_num: entry for entry in entries}
    for row in _attached(add, by_num, skipped):
        _, _, street, city, country, add_remarks = row.cells
        by_num[row.ent_num].addresses.append(Address(street, city, country, row.origin, add_remarks))
    for row in _attached(alt, by_num, skipped):
        _, _, alt_type, alt_name, alt_remarks = row.cells
        if alt_name:
            by_num[row.ent_num].alt_names.append(
                AltName(alt_type or "aka", alt_name, row.origin, alt_remarks)
            )
    for row in _attached(comments, by_num, skipped):
        entry = by_num[row.ent_num]
        entry.remarks += row.cells[1] or ""
        entry.remark_origin = f"{entry.remark_origin}+{row.origin}"
    return entries


def _attached(rows: list[Row], by_num: dict[str, OfacEntry], skipped: Skipped) -> list[Row]:
    """The rows whose ent_num is an entry of sdn.csv; the others are counted as orphans."""
    kept = []
    for row in rows:
        if row.ent_num in by_num:
            kept.append(row)
        else:
            skipped.orphan_rows[row.file] += 1
    return kept
