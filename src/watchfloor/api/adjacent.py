"""The entities next to one entity: those it points to and those that point to it (its
Sanctions, ownerships, memberships...), as yente nests them in ``GET /entities/{id}``."""

from __future__ import annotations

from collections.abc import Sequence

from followthemoney.statement import StatementEntity

from watchfloor.store import ListVersion, SqlStore

MAX_ADJACENT = 500


def _placeholders(count: int) -> str:
    return ", ".join("?" for _ in range(count))


def adjacent_entities(
    store: SqlStore, versions: Sequence[ListVersion], entity: StatementEntity
) -> list[StatementEntity]:
    """Entities one step away from ``entity`` in the given versions, at most ``MAX_ADJACENT``."""
    if not versions:
        return []
    ids = [v.version_id for v in versions]
    forward = {
        value
        for prop, values in entity.properties.items()
        if (found := entity.schema.get(prop)) is not None and found.type.name == "entity"
        for value in values
    }
    rows = store.db.query(
        f"SELECT DISTINCT entity_id FROM wf_statements WHERE version_id IN ({_placeholders(len(ids))}) "
        "AND value = ? AND entity_id <> ?",
        [*ids, str(entity.id), str(entity.id)],
    )
    wanted = sorted(forward | {row[0] for row in rows})[:MAX_ADJACENT]
    if not wanted:
        return []
    return list(store.iter_entities(versions=versions, entity_ids=wanted))
