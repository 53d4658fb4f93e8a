"""Turn ordered statement rows back into FtM entities."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping

import pyarrow as pa
import pyarrow.compute as pc
from followthemoney.statement import Statement, StatementEntity

from watchfloor.model.entities import dataset_for
from watchfloor.store.sql import STATEMENT_ROW


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


class EntityTable(Mapping[str, StatementEntity]):
    """Entities of a table of statement rows (``Store.statement_table``: ordered by entity ID),
    each assembled on first use and kept. A server holds the parties it screens against this way:
    assembling all of them up front is a second of Python work for every new list version, which
    requests answered meanwhile would wait on; a query's results need only a few of them."""

    def __init__(self, rows: pa.Table, wanted: Collection[str] | None = None) -> None:
        if wanted is not None:
            rows = rows.filter(pc.is_in(rows["entity_id"], value_set=pa.array(list(wanted), pa.string())))
        self._rows = rows
        runs = pc.run_end_encode(rows["entity_id"].combine_chunks()) if rows.num_rows else None
        ends = runs.run_ends.to_pylist() if runs is not None else []
        ids = runs.values.to_pylist() if runs is not None else []
        self._places = dict(zip(ids, zip([0, *ends][:-1], ends, strict=True), strict=True))
        self._built: dict[str, StatementEntity] = {}

    def __getitem__(self, entity_id: str) -> StatementEntity:
        entity = self._built.get(entity_id)
        if entity is None:
            start, end = self._places[entity_id]
            part = self._rows.slice(start, end - start)
            columns = [part[name].to_pylist() for name in STATEMENT_ROW]
            entity = next(assemble_entities(zip(*columns, strict=True)))
            self._built[entity_id] = entity
        return entity

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._places

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)
