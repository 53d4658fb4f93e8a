"""Building the entities of one list record: the listed party, its Sanction, its documents.

The UN, EU, UK, Canadian, Swiss and Australian parsers add source values through ``RecordEntities.add``: a value FtM can
clean goes on the property; one it cannot (a country written as "UNKNOWN", a date written as
"dd/mm/1945") is not dropped silently but kept as a note on the party, so what the list said is
still visible.
"""

from __future__ import annotations

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.model.entities import make_entity
from watchfloor.sources._input import clean_value, slug_id

# A "BETWEEN 1953 AND 1958" birth date becomes one birthDate per year; wider spans keep the two ends.
MAX_YEAR_SPAN = 15


class RecordEntities:
    """The party of one record and the entities that hang off it, all with the record's origin."""

    def __init__(self, dataset: str, schema: str, entity_id: str, origin: str):
        self.dataset = dataset
        self.origin = origin
        self.party = make_entity(dataset, schema, entity_id)
        self.extra: list[StatementEntity] = []

    @property
    def is_person(self) -> bool:
        return self.party.schema.is_a("Person")

    def add(self, entity: StatementEntity, prop: str, value: str | None, lang: str | None = None) -> None:
        """Add a value if the schema holds it and it cleans; one on the party that does not clean
        stays as a note (a value on another entity that does not clean is left out)."""
        if not value:
            return
        schema_prop = entity.schema.get(prop)
        cleaned = clean_value(schema_prop.type, value) if schema_prop is not None else None
        if cleaned is None:
            if entity is self.party:
                self.note(f"{prop}: {value}")
            return
        entity.add(prop, cleaned, cleaned=True, original_value=value, origin=self.origin, lang=lang)

    def note(self, text: str | None) -> None:
        if text:
            self.party.add("notes", text, origin=self.origin)

    def new(self, schema: str, suffix: str) -> StatementEntity:
        """An entity about the party (``<party id>-<suffix>``), kept with the record's entities; a
        record that repeats a document gets the one entity back, not a duplicate ID."""
        entity_id = f"{self.party.id}-{suffix}"
        for known in self.extra:
            if known.id == entity_id:
                return known
        entity = make_entity(self.dataset, schema, entity_id)
        self.extra.append(entity)
        return entity

    def sanction(self, authority: str) -> StatementEntity:
        sanction = make_entity(self.dataset, "Sanction", f"{self.party.id}-sanction")
        sanction.add("entity", self.party.id, cleaned=True, origin=self.origin)
        sanction.add("authority", authority, cleaned=True, origin=self.origin)
        return sanction

    def document(self, kind: str, number: str, passport: bool) -> StatementEntity:
        """A Passport (people only) or Identification entity holding the number, which the party
        also carries as passportNumber or idNumber so that screening on the number finds it."""
        passport = passport and self.is_person
        self.add(self.party, "passportNumber" if passport else "idNumber", number)
        entity = self.new("Passport" if passport else "Identification", f"id-{slug_id(kind, number)}")
        entity.add("holder", self.party.id, cleaned=True, origin=self.origin)
        self.add(entity, "number", number)
        self.add(entity, "type", kind)
        return entity


def language(code: str | None) -> str | None:
    """An ISO 639-3 code for a language code or name the list gives ("AR", "Russian"), or None."""
    if not code:
        return None
    return registry.language.clean(code)


def year_span(start: str | None, end: str | None) -> list[str]:
    """Every year of a short range (a hit must match any of them); the two ends of a wide one."""
    if start and end and start.isdigit() and end.isdigit():
        if 0 <= int(end) - int(start) <= MAX_YEAR_SPAN:
            return [str(year) for year in range(int(start), int(end) + 1)]
        return [start, end]
    return [year for year in (start, end) if year]
