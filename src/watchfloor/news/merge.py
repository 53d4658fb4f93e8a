"""Cross-article merging: one ID for one actor across a batch of articles.

Within an article "Maduro" already resolves to "Nicolás Maduro" when both appear; across
articles the same rule runs over every person and organisation name of the batch, and entity
references (links, events, sanctions, Article mention lists) are rewritten to the merged IDs.
"""

from __future__ import annotations

from followthemoney.statement import StatementEntity

from watchfloor.model.entities import make_entity
from watchfloor.news.mentions import entity_id, name_key, resolve_names
from watchfloor.news.result import ArticleResult, merge_same_ids

_LABELS = {"Person": "PERSON", "Organization": "ORG", "Company": "ORG"}


def merge_across(results: list[ArticleResult]) -> list[ArticleResult]:
    """The same results with person/organisation IDs unified across articles.

    A one-word organisation that is the surname of exactly one person in the batch becomes that
    person: the small model tags a lone surname ("Trump") as an organisation when the article
    never spells the full name.
    """
    names: list[tuple[str, str]] = []
    for result in results:
        for entity in result.entities:
            label = _LABELS.get(entity.schema.name)
            if label:
                names.extend((label, name) for name in entity.get("name"))
    resolved = resolve_names(names)
    surnames = _surname_owners([name for label, name in names if label == "PERSON"])
    renames: dict[str, str] = {}
    schemata: dict[str, str] = {}
    canonical_names: dict[str, str] = {}
    for result in results:
        for entity in result.entities:
            label = _LABELS.get(entity.schema.name)
            if not label or not entity.get("name"):
                continue
            name = entity.get("name")[0]
            schema = entity.schema.name
            target = resolved.get((label, name), name)
            if label == "ORG" and len(name.split()) == 1 and name_key(name) in surnames:
                target, schema = surnames[name_key(name)], "Person"
            new_id = entity_id(schema, target)
            if new_id != entity.id:
                renames[str(entity.id)] = new_id
                schemata[new_id] = schema
                canonical_names[new_id] = target
    if not renames:
        return results
    merged = []
    for result in results:
        entities = [_rewrite(entity, renames, canonical_names, schemata) for entity in result.entities]
        merged.append(
            ArticleResult(
                article=result.article,
                entities=merge_same_ids(entities),
                claims=result.claims,
                sentences=result.sentences,
                language=result.language,
                notes=result.notes,
            )
        )
    return merged


def _surname_owners(person_names: list[str]) -> dict[str, str]:
    """Last name key -> the full name, for surnames that belong to exactly one multi-word name."""
    owners: dict[str, set[str]] = {}
    for name in person_names:
        words = name_key(name).split()
        if len(words) > 1:
            owners.setdefault(words[-1], set()).add(name)
    return {surname: next(iter(full)) for surname, full in owners.items() if len(full) == 1}


def _rewrite(
    entity: StatementEntity, renames: dict[str, str], names: dict[str, str], schemata: dict[str, str]
) -> StatementEntity:
    """A copy with its own ID and every entity reference renamed; the old name becomes an alias."""
    old_id = str(entity.id)
    new_id = renames.get(old_id, old_id)
    refs = any(
        stmt.value in renames
        for stmt in entity.statements
        if entity.schema.properties.get(stmt.prop) is not None
        and entity.schema.properties[stmt.prop].type.name == "entity"
    )
    if new_id == old_id and not refs:
        return entity
    copy = make_entity(entity.dataset.name, schemata.get(new_id, entity.schema.name), new_id)
    renamed = new_id != old_id
    for stmt in entity.statements:
        prop = entity.schema.properties.get(stmt.prop)
        if prop is None or copy.schema.properties.get(stmt.prop) is None:
            continue
        value = stmt.value
        if prop.type.name == "entity":
            value = renames.get(value, value)
        if renamed and stmt.prop == "name" and value != names.get(new_id):
            copy.add("alias", value, origin=stmt.origin)
            copy.add("name", names[new_id], origin=stmt.origin)
            continue
        copy.add(stmt.prop, value, origin=stmt.origin)
    return copy
