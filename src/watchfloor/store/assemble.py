"""Turn ordered statement rows back into FtM entities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from followthemoney.statement import Statement, StatementEntity

from watchfloor.model.entities import dataset_for


def assemble_entities(
    rows: Iterable[tuple[str, str, str, str, str, str | None, str | None]],
) -> Iterator[StatementEntity]:
    """Group rows ordered by entity_id into entities; one entity may span several datasets."""
    current: StatementEntity | None = None
    for entity_id, schema, prop, value, dataset, lang, origin in rows:
        if current is None or current.id != entity_id:
            if current is not None:
                yield current
            current = StatementEntity(dataset_for(dataset), {"schema": schema, "id": entity_id})
        stmt = Statement(
            entity_id=entity_id,
            prop=prop,
            schema=schema,
            value=value,
            dataset=dataset,
            lang=lang,
            origin=origin,
        )
        try:
            current.add_statement(stmt)
        except Exception:  # a schema clash across datasets must not lose the entity
            continue
    if current is not None:
        yield current
