"""A DuckDB store copied to a file of its own, and one list version copied back from it.

One process at a time may open a DuckDB file, so a child process that must read and write a
store the server holds works on a snapshot instead (``api`` ingests a list that way, so that
parsing and indexing never share the server's interpreter). Both directions are SQL that DuckDB
runs in C++ with the interpreter released: requests keep being answered meanwhile.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from watchfloor.store.base import ListVersion, StoreError
from watchfloor.store.db import DuckDatabase
from watchfloor.store.sql import STATEMENT_COLUMNS, STATEMENT_ROW, VERSION_FIELDS, SqlStore


def _duck(store: SqlStore) -> DuckDatabase:
    if not isinstance(store.db, DuckDatabase):
        raise StoreError("only a DuckDB store is copied to a snapshot")
    return store.db


@contextmanager
def _attached(db: DuckDatabase, path: Path, read_only: bool) -> Iterator[str]:
    """``path`` attached under a name of its own: an attachment is seen by every connection of
    the process, and none of theirs may be taken."""
    alias = f"wf_snapshot_{uuid.uuid4().hex[:12]}"
    quoted = str(path).replace("'", "''")
    db.execute(f"ATTACH '{quoted}' AS {alias}{' (READ_ONLY)' if read_only else ''}")
    try:
        yield alias
    finally:
        db.execute(f"DETACH {alias}")


def write_snapshot(store: SqlStore, path: Path) -> None:
    """Copy every table of the store to a new DuckDB file at ``path`` (the child's store)."""
    db = _duck(store)
    [(name,)] = db.query("SELECT current_database()")
    with _attached(db, path, read_only=False) as alias:
        db.execute(f'COPY FROM DATABASE "{name}" TO {alias}')


def copy_version(
    store: SqlStore, path: Path, version_id: str, within: Callable[[str], None] | None = None
) -> ListVersion:
    """Copy the version ``version_id`` of the snapshot at ``path`` (its row and its statements)
    into the store, in one transaction under its dataset's lock. It keeps its ID, unless another
    writer took that ID meanwhile: then it gets the dataset's next one (and a screening index
    saved for the old ID is not found, so it is built again). ``within(new_id)`` runs first
    inside the transaction, to check the version against the store as it is now."""
    db = _duck(store)
    with _attached(db, path, read_only=True) as alias:
        rows = db.query(f"SELECT dataset FROM {alias}.wf_versions WHERE version_id = ?", [version_id])
        if not rows:
            raise StoreError(f"no list version {version_id!r} in the snapshot")
        dataset = rows[0][0]
        with db.transaction(lock=f"versions:{dataset}"):
            [(new_id, seq)] = store.next_versions(dataset, 1)
            if within is not None:
                within(new_id)
            columns = ", ".join(STATEMENT_COLUMNS)
            db.execute(
                f"INSERT INTO wf_statements ({columns}) SELECT ?, {', '.join(STATEMENT_ROW)} "
                f"FROM {alias}.wf_statements WHERE version_id = ?",
                [new_id, version_id],
            )
            fields = ", ".join(VERSION_FIELDS)
            kept = ", ".join(VERSION_FIELDS[3:])  # after version_id, dataset and seq
            db.execute(
                f"INSERT INTO wf_versions ({fields}) SELECT ?, dataset, ?, {kept} "
                f"FROM {alias}.wf_versions WHERE version_id = ?",
                [new_id, seq, version_id],
            )
    return store.get_version(new_id)
