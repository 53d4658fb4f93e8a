"""Round 15 of list linking: a group noun after the model's own organisation is the group's
name's last word, and a syndicate whose name is headed by a government word is no office."""

from __future__ import annotations

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher
from watchfloor.model import make_entity
from watchfloor.news.gazetteer import ARMED_GROUP, GOVERNMENT, kind_of
from watchfloor.news.linking import LINKED, link_entities


def _entities(lang: str, text: str) -> set[tuple[str, str]]:
    from watchfloor.news.pipeline import get_nlp

    return {(span.text, span.label_) for span in get_nlp(lang)(text).ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prosecutors say the Durango cartel moved tons of fentanyl across the border.", "Durango cartel"),
        ("Officials blamed the Sonora cartel for the killings.", "Sonora cartel"),
    ],
)
def test_the_group_noun_after_an_organisation_joins_its_name(text: str, name: str) -> None:
    assert (name, "ORG") in _entities("en", text)


def test_a_demonym_before_the_group_noun_stays_out() -> None:
    found = _entities("en", "Officials said the Haitian gang and the Mexican cartel met.")
    assert not any(label == "ORG" for _, label in found)


def _entry(entity_id: str, name: str) -> StatementEntity:
    entity = make_entity("lists", "Organization", entity_id)
    entity.add("name", name)
    return entity


def _article(text: str) -> StatementEntity:
    entity = make_entity("news", "Article", "article-1")
    entity.add("bodyText", text)
    entity.add("publishedAt", "2025-11-20")
    return entity


def test_the_group_with_its_noun_links_to_the_listed_cartel() -> None:
    listed = [_entry("ofac-durango", "DURANGO CARTEL")]
    text = "Prosecutors say the Durango cartel moved tons of fentanyl across the border."
    group = make_entity("news", "Organization", "m-1")
    group.add("name", "Durango cartel", origin=f"article:article-1#0-{len(text)}")
    found = link_entities(
        [group], Matcher.build(listed), article=_article(text), entries={str(e.id): e for e in listed}
    )
    assert {(link.entity_id, str(link.status)) for link in found} == {("ofac-durango", str(LINKED))}


@pytest.mark.parametrize("text", ["Oficina de Envigado", "La Oficina de Envigado"])
def test_the_envigado_syndicate_is_an_armed_group(text: str) -> None:
    found = {(span.text, span.label_, span.ent_id_) for span in _spanish_doc(f"Las autoridades dicen que {text} creció.")}
    assert (text, "ORG", "Oficina de Envigado") in found
    assert kind_of("ORG", text, "Oficina de Envigado") == ARMED_GROUP


def test_the_treasury_office_stays_government() -> None:
    text = "La Oficina de Control de Activos Extranjeros sancionó a tres personas."
    found = {(span.text, span.ent_id_) for span in _spanish_doc(text)}
    canonical = next(c for t, c in found if t == "Oficina de Control de Activos Extranjeros")
    assert kind_of("ORG", "Oficina de Control de Activos Extranjeros", canonical) == GOVERNMENT


def _spanish_doc(text: str) -> list:  # type: ignore[type-arg]
    from watchfloor.news.pipeline import get_nlp

    return list(get_nlp("es")(text).ents)


def _links(listed_name: str, name: str) -> set[tuple[str, str]]:
    listed = [_entry("ofac-x", listed_name)]
    text = f"Officials said the {name} grew."
    group = make_entity("news", "Organization", "m-1")
    group.add("name", name, origin=f"article:article-1#0-{len(text)}")
    found = link_entities(
        [group], Matcher.build(listed), article=_article(text), entries={str(e.id): e for e in listed}
    )
    return {(link.entity_id, str(link.status)) for link in found}


def test_a_list_may_leave_the_lower_case_cartel_out() -> None:
    """"the Corvos cartel" joined as one name still links to LOS CORVOS, as "Corvos" did."""
    assert _links("LOS CORVOS", "Corvos cartel") == {("ofac-x", str(LINKED))}
    assert _links("CORVO BLANCO ORGANIZATION", "Corvo Blanco cartel") == {("ofac-x", str(LINKED))}


def test_a_gang_or_an_alliance_keeps_its_name_without_the_noun() -> None:
    found = _entities("en", "He has worked with the Kanaval Sou alliance since 2023.")
    assert ("Kanaval Sou", "ORG") in found
