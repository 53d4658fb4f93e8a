"""Parse FollowTheMoney JSON lines (an OpenSanctions export, or watchfloor's own) into entities.

One JSON object per line: ``{"id", "schema", "properties": {prop: [values]}, ...}``; extra keys
(datasets, referents, caption, first_seen...) are accepted and ignored. Schema and property
names are checked against followthemoney, IDs are kept as they are, blank lines are skipped. A file
holding a single JSON array of such objects is accepted too. Nested entities (a property value that
is itself an entity object, as in OpenSanctions' ``nested`` exports) are yielded in their own right
and referenced by ID.

Entities are yielded while the file is read (exports can be gigabytes), so an error on line N
comes after the entities of lines before it: the store must ingest a version atomically. Values
that do not clean under their property type (a malformed date) are dropped, counted and logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.statement import StatementEntity

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import describe_foreign
from watchfloor.sources.errors import SourceError

log = logging.getLogger(__name__)
MAX_NESTING = 8  # entities inside entities: OpenSanctions' exports nest one or two levels
MAX_VALUE_CHARS = 100_000  # no name, date or note of a list entry comes near it


def _no_constants(name: str) -> Any:
    """json's NaN and Infinity are not JSON, and would become names."""
    raise ValueError(f"{name} is not a JSON value")


def _loads(text: str) -> Any:
    """JSON as RFC 8259 has it: no NaN or Infinity; nesting too deep for the parser is an error."""
    try:
        return json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise ValueError("nested too deeply") from None


class _Reader:
    def __init__(self, path: Path, dataset: str):
        self.path = path
        self.name = path.name
        self.dataset = dataset
        self.dropped = 0

    def entity(self, data: Any, line: int, parents: tuple[str, ...] = ()) -> Iterator[StatementEntity]:
        """The entity one JSON object describes, after any entities nested in its values."""
        where = f"{self.name} line {line}"
        if len(parents) >= MAX_NESTING:
            raise SourceError(f"{where}: entities nested more than {MAX_NESTING} deep")
        if not isinstance(data, dict):
            raise SourceError(f"{where} holds a JSON {type(data).__name__}, not an entity object")
        entity_id, schema_name = data.get("id"), data.get("schema")
        if not isinstance(entity_id, str) or not entity_id.strip():
            raise SourceError(f"{where}: the entity has no string 'id'")
        schema = model.get(schema_name) if isinstance(schema_name, str) else None
        if schema is None:
            raise SourceError(f"{where}: unknown FtM schema {schema_name!r}")
        if entity_id in parents:
            raise SourceError(f"{where}: a nested entity reuses the ID {entity_id!r} of an entity holding it")
        if schema.abstract:
            raise SourceError(f"{where}: FtM schema {schema_name} is abstract; entities need a concrete one")
        properties = data.get("properties", {})
        if not isinstance(properties, dict):
            raise SourceError(f"{where}: 'properties' must be an object")
        entity = make_entity(self.dataset, schema.name, entity_id)
        origin = f"{self.name}:{line}"
        for prop_name, values in properties.items():
            prop = entity.schema.get(prop_name)
            if prop is None:
                raise SourceError(f"{where}: schema {schema_name} has no property {prop_name!r}")
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, dict):
                    yield from self.entity(value, line, (*parents, entity_id))
                    value = value.get("id")
                if not isinstance(value, str | int | float) or isinstance(value, bool):
                    raise SourceError(
                        f"{where}: property {prop_name!r} holds {value!r:.80}, not a text value"
                    )
                if len(str(value)) > MAX_VALUE_CHARS:
                    raise SourceError(
                        f"{where}: property {prop_name!r} holds {len(str(value)):,} characters; "
                        f"no list value is longer than {MAX_VALUE_CHARS:,}"
                    )
                cleaned = prop.type.clean(str(value), proxy=entity)
                if cleaned is None:
                    self.dropped += 1
                    continue
                try:
                    entity.add(prop, cleaned, cleaned=True, origin=origin)
                except InvalidData as exc:  # e.g. an entity related to itself
                    raise SourceError(f"{where}: {exc}") from None
        yield entity

    def entities(self) -> Iterator[StatementEntity]:
        with self.path.open("rb") as handle:
            head = handle.read(512)
            foreign = describe_foreign(head)
            if foreign and foreign != "a JSON document":
                raise SourceError(f"{self.name} is {foreign}, not FtM JSON lines")
            if head.lstrip().startswith(b"["):
                handle.seek(0)
                yield from self._array(handle.read())
                return
            handle.seek(0)
            count = 0
            for number, raw in enumerate(handle, start=1):
                text = self._decode(raw, number).strip()
                if not text:
                    continue
                try:
                    data = _loads(text)
                except json.JSONDecodeError as exc:
                    raise SourceError(f"{self.name} line {number} is not JSON: {exc.msg}") from None
                except ValueError as exc:
                    raise SourceError(f"{self.name} line {number} is not valid JSON: {exc}") from None
                count += 1
                yield from self.entity(data, number)
        if count == 0:
            raise SourceError(f"{self.name} holds no entities")
        self._log()

    def _array(self, raw: bytes) -> Iterator[StatementEntity]:
        try:
            items = _loads(self._decode(raw, 1))
        except json.JSONDecodeError as exc:
            raise SourceError(f"{self.name} is not JSON: {exc.msg} (line {exc.lineno})") from None
        except ValueError as exc:
            raise SourceError(f"{self.name} is not valid JSON: {exc}") from None
        if not isinstance(items, list):
            raise SourceError(f"{self.name} holds a JSON {type(items).__name__}, not an array of entities")
        if not items:
            raise SourceError(f"{self.name} holds no entities")
        for index, item in enumerate(items, start=1):
            # In an array the "line" is the item's position: the file has no other addressable unit.
            yield from self.entity(item, index)
        self._log()

    def _decode(self, raw: bytes, line: int) -> str:
        try:
            return raw.decode("utf-8-sig" if line == 1 else "utf-8")
        except UnicodeDecodeError:
            raise SourceError(f"{self.name} line {line} is not UTF-8 text") from None

    def _log(self) -> None:
        if self.dropped:
            log.warning("%s: %d property values did not clean and were dropped", self.name, self.dropped)


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an FtM JSON lines file (or a JSON array of entity objects)."""
    if path.is_dir():
        raise SourceError(f"{path} is a folder; ftm-json expects a JSON lines file")
    if not path.is_file():
        raise SourceError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise SourceError(f"{path.name} is empty; expected FtM JSON lines")
    return _Reader(path, dataset).entities()
