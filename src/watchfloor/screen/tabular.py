"""Read screening input (CSV or Parquet) as a stream of checked rows in fixed-size chunks.

Shared by batch screening and the book import. Every malformed row comes out as a ``RowError``
with its row number (1 = the first data row after the header), never dropped in silence. Chunks
hold a fixed number of input rows whatever their fate, so chunk N always covers the same rows:
that is what lets an interrupted batch resume exactly where it stopped.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchfloor.index import QuerySpec
from watchfloor.match.record import country_code

SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane")
KNOWN_COLUMNS = ("id", "name", "schema", "birth_date", "country", "identifiers", "owner_ids")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LIST_SEPARATOR = re.compile(r"[;|]")
CSV_SUFFIXES = (".csv", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def neutralised(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula ("=1+1", "@SUM(...)", "+cmd|...")
    made plain text by a leading apostrophe, as OWASP advises; numbers are left alone."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    return cell


class FormulaSafeWriter:
    """``csv.writer`` for output a person opens in a spreadsheet: every cell ``neutralised``.
    Query IDs, names and list captions come from outside (a customer file, a list file)."""

    def __init__(self, handle: Any, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralised(cell) for cell in row])


class TabularError(ValueError):
    """The input as a whole cannot be read (unknown format, no id/name columns, not a table)."""


@dataclass(frozen=True)
class InputRow:
    """One checked input row, small and picklable (it crosses process boundaries)."""

    row: int
    id: str
    query: QuerySpec
    owner_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowError:
    row: int
    id: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "id": self.id, "error": self.message}


@dataclass
class Chunk:
    index: int
    first_row: int
    size: int = 0  # input rows covered, good and bad
    rows: list[InputRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def table_format(path: Path) -> str:
    """'csv' or 'parquet', from the file name."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise TabularError(f"{path.name}: unknown table format {suffix or '(none)'!r}; use .csv or .parquet")


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in LIST_SEPARATOR.split(value) if part.strip())


def _check_date(value: str) -> str | None:
    """None when ``value`` is a real day, month or year in ISO form; else why not."""
    if not DATE_PATTERN.match(value):
        return f"birth_date {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return f"birth_date {value!r} is not a real date"
    return None


def check_row(row: int, raw: dict[str, str | None]) -> InputRow | RowError:
    """Turn raw column values into an ``InputRow``, or say what is wrong with them."""
    ident = (raw.get("id") or "").strip()
    name = (raw.get("name") or "").strip()
    if not ident:
        return RowError(row, None, "missing id")
    if not name:
        return RowError(row, ident, "missing name")
    schema = (raw.get("schema") or "").strip() or "LegalEntity"
    if schema not in SCHEMATA:
        return RowError(row, ident, f"schema {schema!r} is not one of {', '.join(SCHEMATA)}")
    birth_date = (raw.get("birth_date") or "").strip() or None
    if birth_date is not None:
        problem = _check_date(birth_date)
        if problem:
            return RowError(row, ident, problem)
    country = (raw.get("country") or "").strip() or None
    if country is not None:
        cleaned = country_code(country)
        if cleaned is None:
            return RowError(row, ident, f"country {country!r} is not a known country")
        country = cleaned
    query = QuerySpec(name, schema, birth_date, country, _split(raw.get("identifiers")))
    return InputRow(row=row, id=ident, query=query, owner_ids=_split(raw.get("owner_ids")))


def _columns(names: list[str], source: Path) -> list[str]:
    columns = [str(name).strip().lower() for name in names]
    missing = [col for col in ("id", "name") if col not in columns]
    if missing:
        raise TabularError(f"{source.name}: the header has no {' or '.join(missing)} column")
    return columns


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str | None] | RowError]]:
    # surrogateescape keeps undecodable bytes visible (as lone surrogates) so the row can be named
    with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise TabularError(f"{path.name}: the file is empty (no header row)") from None
        except csv.Error as exc:
            raise TabularError(f"{path.name}: the header row is not CSV ({exc})") from None
        columns = _columns(header, path)
        width = len(columns)
        row = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                row += 1
                yield row, RowError(row, None, f"not valid CSV ({exc})")
                continue
            if not values:  # a blank line is not a row
                continue
            row += 1
            try:
                "\x1f".join(values).encode("utf-8")
            except UnicodeEncodeError:
                yield row, RowError(row, None, "undecodable bytes (the file must be UTF-8)")
                continue
            if len(values) != width:
                ident = values[columns.index("id")].strip() if len(values) > columns.index("id") else None
                message = f"expected {width} columns, found {len(values)}"
                yield row, RowError(row, ident or None, message)
                continue
            yield row, dict(zip(columns, values, strict=True))


def _as_text(value: Any) -> str | RowError | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return RowError(0, None, "undecodable bytes (strings must be UTF-8)")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _parquet_rows(path: Path, skip_rows: int = 0) -> Iterator[tuple[int, dict[str, str | None] | RowError]]:
    import pyarrow.parquet as pq  # start-up: pyarrow (~0.2 s) only for Parquet files; the CLI imports this module

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise TabularError(f"{path.name}: not a Parquet file ({_one_line(exc)})") from None
    names = parquet.schema_arrow.names
    columns = _columns(names, path)
    wanted = [name for name, col in zip(names, columns, strict=True) if col in KNOWN_COLUMNS]
    # skip whole row groups already done (resume), then the leading rows of the first one kept
    groups: list[int] = []
    row = 0
    for index in range(parquet.num_row_groups):
        size = parquet.metadata.row_group(index).num_rows
        if not groups and row + size <= skip_rows:
            row += size
            continue
        groups.append(index)
    if not groups:
        return
    for records in _batches(path, parquet, groups, wanted):
        for record in records:
            row += 1
            if row <= skip_rows:
                continue
            raw: dict[str, str | None] = {}
            bad: RowError | None = None
            for name, value in record.items():
                text = _as_text(value)
                if isinstance(text, RowError):
                    bad = RowError(row, None, f"column {name}: {text.message}")
                    break
                raw[name.strip().lower()] = text
            yield row, bad if bad is not None else raw


def _batches(
    path: Path, parquet: Any, groups: list[int], columns: list[str]
) -> Iterator[list[dict[str, Any]]]:
    """The rows of the row groups, a batch at a time. A file whose footer reads but whose pages
    are damaged, or that holds a timestamp Python cannot represent, fails here: a TabularError."""
    batches = parquet.iter_batches(batch_size=8192, row_groups=groups, columns=columns)
    while True:
        try:
            batch = next(batches, None)
            if batch is None:
                return
            records = batch.to_pylist()
        except Exception as exc:  # pyarrow's errors (OSError, ArrowInvalid...), OverflowError for dates
            raise TabularError(f"{path.name}: the Parquet data cannot be read ({_one_line(exc)})") from None
        yield records


def _one_line(exc: Exception) -> str:
    """pyarrow's messages span lines; a refusal is one line."""
    return " ".join(str(exc).split())


def count_rows(path: Path) -> int | None:
    """The number of data rows: exact for Parquet, an estimate from line ends for CSV."""
    if table_format(path) == "parquet":
        import pyarrow.parquet as pq  # start-up: as above

        try:
            return int(pq.ParquetFile(path).metadata.num_rows)
        except Exception:
            return None
    lines = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 24):
            lines += block.count(b"\n")
    return max(lines - 1, 0)


def read_chunks(path: Path, chunk_rows: int = 2000, skip_chunks: int = 0) -> Iterator[Chunk]:
    """Checked rows in chunks of ``chunk_rows`` input rows, starting after ``skip_chunks`` chunks."""
    if not path.is_file():
        raise TabularError(f"{path} is not a file")
    skip_rows = skip_chunks * chunk_rows
    is_parquet = table_format(path) == "parquet"
    source = _parquet_rows(path, skip_rows) if is_parquet else _csv_rows(path)
    chunk = Chunk(index=skip_chunks, first_row=skip_rows + 1)
    for row, raw in source:
        if row <= skip_rows:
            continue
        if isinstance(raw, RowError):
            chunk.errors.append(raw)
        else:
            checked = check_row(row, raw)
            if isinstance(checked, RowError):
                chunk.errors.append(checked)
            else:
                chunk.rows.append(checked)
        chunk.size += 1
        if chunk.size >= chunk_rows:
            yield chunk
            chunk = Chunk(index=chunk.index + 1, first_row=row + 1)
    if chunk.size:
        yield chunk
