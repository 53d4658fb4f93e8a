"""Which parties changed since a date, for yente's ``changed_since`` filter.

A party "changed" when its statements (or those of one of its Sanction entities) differ between
the version in force now and the version of the same list in force the day before the date;
every party of a list first ingested after the date, or of a ledger entry recorded after it,
is new and so changed too. The comparison runs in SQL, one dataset at a time, on the store's
portable adapter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from watchfloor.screen.service import Screener
from watchfloor.store import ListVersion, SqlStore, VersionMode

CHANGED_SQL = """SELECT DISTINCT entity_id FROM (
    (SELECT entity_id, prop, value FROM wf_statements WHERE version_id = ?
     EXCEPT SELECT entity_id, prop, value FROM wf_statements WHERE version_id = ?)
    UNION
    (SELECT entity_id, prop, value FROM wf_statements WHERE version_id = ?
     EXCEPT SELECT entity_id, prop, value FROM wf_statements WHERE version_id = ?)
) AS changed"""
ALL_SQL = "SELECT DISTINCT entity_id FROM wf_statements WHERE version_id = ?"


def changed_ids(store: SqlStore, versions: Sequence[ListVersion], since: date) -> set[str]:
    """IDs of entities (parties and Sanctions alike) that changed on or after ``since``."""
    changed: set[str] = set()
    for version in versions:
        if version.published < since:
            continue
        if version.mode == VersionMode.LEDGER:
            changed.update(row[0] for row in store.db.query(ALL_SQL, [version.version_id]))
            continue
        before = store.versions_in_force(since - timedelta(days=1), [version.dataset])
        if not before:
            changed.update(row[0] for row in store.db.query(ALL_SQL, [version.version_id]))
            continue
        old, new = before[-1].version_id, version.version_id
        changed.update(row[0] for row in store.db.query(CHANGED_SQL, [new, old, old, new]))
    return changed


def changed_entity_ids(
    store: SqlStore, versions: Sequence[ListVersion], since: date, screener: Screener | None = None
) -> frozenset[str]:
    """Parties that changed since the date, counting a change to one of their designations."""
    changed = changed_ids(store, versions, since)
    if screener is not None:
        for entity_id, designations in screener.designations.items():
            if any(d.sanction_id in changed for d in designations):
                changed.add(entity_id)
    return frozenset(changed)
