"""What changed between two versions of one dataset, entity by entity."""

from __future__ import annotations

from collections.abc import Iterable

from followthemoney.statement import StatementEntity

from watchfloor.store.base import EntityChange, VersionDiff


def _values(entity: StatementEntity) -> dict[str, set[str]]:
    return {prop: set(values) for prop, values in entity.properties.items()}


def diff_versions(
    dataset: str,
    old_version: str,
    new_version: str,
    old_entities: Iterable[StatementEntity],
    new_entities: Iterable[StatementEntity],
) -> VersionDiff:
    old = {e.id: e for e in old_entities if e.id}
    new = {e.id: e for e in new_entities if e.id}

    def change(entity: StatementEntity) -> EntityChange:
        return EntityChange(entity_id=str(entity.id), schema=entity.schema.name, caption=entity.caption)

    added = [change(new[i]) for i in sorted(new.keys() - old.keys())]
    removed = [change(old[i]) for i in sorted(old.keys() - new.keys())]
    changed: list[EntityChange] = []
    for entity_id in sorted(old.keys() & new.keys()):
        before, after = _values(old[entity_id]), _values(new[entity_id])
        if before == after and old[entity_id].schema == new[entity_id].schema:
            continue
        item = change(new[entity_id])
        for prop in sorted(before.keys() | after.keys()):
            gained = sorted(after.get(prop, set()) - before.get(prop, set()))
            lost = sorted(before.get(prop, set()) - after.get(prop, set()))
            if gained:
                item.added[prop] = gained
            if lost:
                item.removed[prop] = lost
        changed.append(item)
    return VersionDiff(dataset, old_version, new_version, added=added, removed=removed, changed=changed)
