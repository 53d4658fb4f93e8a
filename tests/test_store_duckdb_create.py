"""Two connections of one process creating the same table at once (a request and the refresh
loop, each on its own connection) must both end with the table, not with a catalog conflict."""

from __future__ import annotations

import threading
from pathlib import Path

from watchfloor.store.db import DuckDatabase


def test_two_connections_creating_one_table_at_once_both_succeed(tmp_path: Path) -> None:
    first = DuckDatabase(str(tmp_path / "store.duckdb"))
    second = first.another()
    errors: list[BaseException] = []
    for round_number in range(40):
        ddl = f"CREATE TABLE IF NOT EXISTS race_{round_number} (id INTEGER, name VARCHAR)"
        barrier = threading.Barrier(2)

        def create(db: DuckDatabase, statement: str = ddl, gate: threading.Barrier = barrier) -> None:
            gate.wait()
            try:
                db.create([statement])
            except BaseException as exc:  # collected: a thread's exception would be lost
                errors.append(exc)

        threads = [threading.Thread(target=create, args=(db,)) for db in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    tables = {
        row[0] for row in first.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert {f"race_{n}" for n in range(40)} <= tables
