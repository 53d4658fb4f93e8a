"""The statement store keeps every version, answers as-of queries on both time axes, diffs
versions, and never shows a half-written version."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.model import make_entity
from watchfloor.store import NewVersion, SqlStore, StoreError, VersionMode, open_store


def person(entity_id: str, name: str, birth_date: str | None = None) -> StatementEntity:
    entity = make_entity("testlist", "Person", entity_id)
    entity.add("name", name, origin=f"row {entity_id}")
    if birth_date:
        entity.add("birthDate", birth_date)
    return entity


def version_2019() -> list[StatementEntity]:
    return [person("t-1", "MADURO MOROS, Nicolas", "1962-11-23"), person("t-2", "REMOVED, Person")]


def version_2021() -> list[StatementEntity]:
    maduro = person("t-1", "MADURO MOROS, Nicolas", "1962-11-23")
    maduro.add("nationality", "ve")
    return [maduro, person("t-3", "CABELLO RONDON, Diosdado", "1963-04-15")]


def test_versions_are_kept_and_as_of_selects_the_one_known_then(store: SqlStore) -> None:
    store.ingest("testlist", version_2019(), format="test", published=date(2019, 1, 15))
    store.ingest("testlist", version_2021(), format="test", published=date(2021, 7, 7))
    assert [v.version_id for v in store.versions("testlist")] == ["testlist@1", "testlist@2"]

    ids_2020 = {e.id for e in store.iter_entities(as_of=date(2020, 1, 1))}
    ids_2021 = {e.id for e in store.iter_entities(as_of=date(2021, 8, 1))}
    assert ids_2020 == {"t-1", "t-2"}
    assert ids_2021 == {"t-1", "t-3"}
    assert list(store.iter_entities(as_of=date(2018, 1, 1))) == []


def test_statements_keep_their_provenance(store: SqlStore) -> None:
    store.ingest("testlist", version_2019(), format="test", published=date(2019, 1, 15))
    entity = store.get_entity("t-1", as_of=date(2019, 2, 1))
    assert entity is not None
    assert entity.get("birthDate") == ["1962-11-23"]
    origins = {s.origin for s in entity.get_statements("name")}
    assert origins == {"row t-1"}


def test_diff_reports_added_removed_and_changed(store: SqlStore) -> None:
    old = store.ingest("testlist", version_2019(), format="test", published=date(2019, 1, 15))
    new = store.ingest("testlist", version_2021(), format="test", published=date(2021, 7, 7))
    diff = store.diff("testlist", old.version_id, new.version_id)
    assert [c.entity_id for c in diff.added] == ["t-3"]
    assert [c.entity_id for c in diff.removed] == ["t-2"]
    assert [c.entity_id for c in diff.changed] == ["t-1"]
    assert diff.changed[0].added == {"nationality": ["ve"]}


def test_ledger_versions_add_up_and_snapshots_replace(store: SqlStore) -> None:
    store.ingest(
        "ledger", [person("l-1", "A")], format="t", published=date(2025, 11, 16), mode=VersionMode.LEDGER
    )
    store.ingest(
        "ledger", [person("l-2", "B")], format="t", published=date(2025, 11, 20), mode=VersionMode.LEDGER
    )
    assert {e.id for e in store.iter_entities(as_of=date(2025, 11, 18))} == {"l-1"}
    assert {e.id for e in store.iter_entities(as_of=date(2025, 11, 21))} == {"l-1", "l-2"}


def failing_entities() -> Iterator[StatementEntity]:
    yield person("t-9", "HALF, Written")
    raise StoreError("parser failed half-way")


def test_failed_ingest_leaves_previous_version_current(store: SqlStore) -> None:
    store.ingest("testlist", version_2019(), format="test", published=date(2019, 1, 15))
    with pytest.raises(StoreError, match="half-way"):
        store.ingest("testlist", failing_entities(), format="test", published=date(2021, 7, 7))
    assert [v.version_id for v in store.versions()] == ["testlist@1"]
    assert {e.id for e in store.iter_entities()} == {"t-1", "t-2"}
    assert store.statement_count() == 3


def test_empty_input_and_duplicate_ids_are_refused(store: SqlStore) -> None:
    with pytest.raises(StoreError, match="no entities"):
        store.ingest("testlist", [], format="test", published=date(2019, 1, 15))
    with pytest.raises(StoreError, match="twice"):
        store.ingest("testlist", [person("d", "A"), person("d", "B")], format="t", published=date(2019, 1, 1))
    assert store.versions() == []


def test_ingest_many_writes_each_version_in_order_with_its_records(store: SqlStore) -> None:
    store.ingest(
        "ledger", [person("l-0", "Before")], format="t", published=date(2025, 11, 1), mode=VersionMode.LEDGER
    )
    seen: list[list[str]] = []
    written = store.ingest_many(
        "ledger",
        [
            NewVersion(
                [person("l-1", "A"), person("l-2", "B")], date(2025, 11, 16), source="a.txt", checksum="ca"
            ),
            NewVersion([person("l-3", "C")], date(2025, 11, 20), source="b.txt", checksum="cb"),
        ],
        format="article",
        mode=VersionMode.LEDGER,
        official=False,
        within=seen.append,
    )
    assert [v.version_id for v in written] == ["ledger@2", "ledger@3"]
    assert seen == [["ledger@2", "ledger@3"]]
    assert written == [store.get_version("ledger@2"), store.get_version("ledger@3")]
    assert [(v.entity_count, v.statement_count, v.checksum, v.official) for v in written] == [
        (2, 2, "ca", False),
        (1, 1, "cb", False),
    ]
    assert {e.id for e in store.iter_entities(as_of=date(2025, 11, 18))} == {"l-0", "l-1", "l-2"}
    assert {e.id for e in store.iter_entities(as_of=date(2025, 11, 21))} == {"l-0", "l-1", "l-2", "l-3"}


def test_ingest_many_writes_all_versions_or_none(store: SqlStore) -> None:
    good = NewVersion([person("l-1", "A")], date(2025, 11, 16))
    twice = NewVersion([person("d", "A"), person("d", "B")], date(2025, 11, 17))
    with pytest.raises(StoreError, match="twice"):
        store.ingest_many("ledger", [good, twice], format="t")
    with pytest.raises(StoreError, match="no entities"):
        store.ingest_many("ledger", [good, NewVersion([], date(2025, 11, 17))], format="t")
    assert store.versions() == [] and store.statement_count() == 0
    assert store.ingest_many("ledger", [], format="t") == []


def test_store_survives_a_process_killed_during_ingest(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first = open_store(str(db))
    first.ingest("testlist", version_2019(), format="test", published=date(2019, 1, 15))
    first.close()
    script = textwrap.dedent(
        f"""
        import os
        from datetime import date
        from watchfloor.model import make_entity
        from watchfloor.store import open_store
        store = open_store({str(db)!r})
        def entities():
            for i in range(40000):
                e = make_entity("testlist", "Person", f"k-{{i}}")
                e.add("name", f"Killed Ingest {{i}}")
                e.add("birthDate", "1970-01-01")
                yield e
                if i == 28000:
                    os._exit(9)  # the process dies mid-ingest, after buffers were flushed
        store.ingest("testlist", entities(), format="test", published=date(2021, 7, 7))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    reopened = open_store(str(db))
    assert [v.version_id for v in reopened.versions()] == ["testlist@1"]
    assert {e.id for e in reopened.iter_entities()} == {"t-1", "t-2"}
    assert reopened.statement_count() == 3
    reopened.close()
