"""Round 14 of list linking: a head of state named by what he rules, a group's name romanised
another way, a person's quoted nickname, and a group's generic noun the article leaves unsaid."""

from __future__ import annotations

import pytest
from followthemoney.statement import StatementEntity

from tests.test_news_linking import article, entry, links_among
from watchfloor.index import Matcher
from watchfloor.model import make_entity
from watchfloor.news.linking import (
    CANDIDATE,
    LINKED,
    Link,
    english_group_name,
    link_entities,
    without_nickname,
)

FATHER, SON = "ofac-father", "ofac-son"


def namesakes() -> list[StatementEntity]:
    return [
        entry(
            "Person",
            FATHER,
            "ROBLEDO MARQUEZ, Anselmo",
            birthDate="1958-02-11",
            position="President of the Republic of Costaverde",
        ),
        entry("Person", SON, "ROBLEDO ITURBE, Anselmo Javier", birthDate="1989-09-30"),
    ]


def mention(schema: str, name: str, text: str, *aliases: str) -> StatementEntity:
    entity = make_entity("news", schema, "m-1")
    entity.add("name", name, origin=f"article:article-1#0-{len(text)}")
    for alias in aliases:
        entity.add("alias", alias, origin=f"article:article-1#0-{len(text)}")
    return entity


def statuses(found: list[Link]) -> set[tuple[str, str]]:
    return {(link.entity_id, str(link.status)) for link in found}


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers voted new sanctions on Anselmo Robledo's regime last week.",
        "The Robledo government rejected the vote. Anselmo Robledo spoke on Monday.",
        "Exiles fled Anselmo Robledo’s military regime in their thousands.",
        "Brussels targeted Anselmo Robledo and his government over the vote.",
        "Bruselas prorrogó las sanciones sobre el Gobierno costaverdiano de Anselmo Robledo.",
        "La mayoría de los sancionados está ligada a la administración de Anselmo Robledo.",
        "The country's strongman Anselmo Robledo addressed the army.",
        "Only a few agree that Marta Lis, Anselmo Robledo's vice president, should govern.",
    ],
)
def test_what_a_head_of_state_rules_tells_namesakes_apart(text: str) -> None:
    person = mention("Person", "Anselmo Robledo", text, "Robledo")
    assert statuses(links_among(namesakes(), person, text)) == {(FATHER, str(LINKED))}


@pytest.mark.parametrize(
    "text",
    [
        "Anselmo Robledo said the government would respond.",
        "Police arrested Anselmo Robledo at the airport on Monday.",
        "Tras la captura de Anselmo Robledo, el gobierno convocó elecciones.",
    ],
)
def test_without_a_role_the_namesakes_stay_candidates(text: str) -> None:
    person = mention("Person", "Anselmo Robledo", text)
    assert {status for _, status in statuses(links_among(namesakes(), person, text))} == {str(CANDIDATE)}


def test_a_group_name_romanised_another_way_links() -> None:
    listed = [
        entry("Organization", "party", "KHATIBALLAH"),
        entry("Organization", "other", "KHATIB BRIGADES"),
    ]
    for name in ("Khetibollah", "Khatibolá"):
        text = f"The minister said {name} had offices in the border town."
        group = mention("Organization", name, text)
        assert statuses(links_among(listed, group, text)) == {("party", str(LINKED))}


def test_a_group_name_with_other_syllables_does_not_link() -> None:
    listed = [entry("Organization", "banda", "URABALEROS")]
    text = "Police said Urbaleros controlled the port."
    assert links_among(listed, mention("Organization", "Urbaleros", text), text) == []


def test_a_person_name_is_not_romanised() -> None:
    listed = [entry("Person", "hassan", "HASSAN, Ali"), entry("Person", "hassan2", "HASSAN, Ali Reza")]
    text = "Ali Hussein was arrested."
    assert links_among(listed, mention("Person", "Ali Hussein", text), text) == []


def test_a_quoted_nickname_inside_a_name_is_left_out() -> None:
    assert without_nickname("Wilner “Grand Chef” Pierrelus") == "Wilner Pierrelus"
    assert without_nickname("Rodrigo 'El Toro' Salas") == "Rodrigo Salas"
    assert without_nickname("Wilner O’Neil") == "Wilner O’Neil"
    listed = [entry("Person", "pierrelus", "WILNER PIERRELUS", weakAlias="GRAN CHEF")]
    text = "The UN listed Wilner “Grand Chef” Pierrelus, who leads a gang."
    person = mention("Person", "Wilner “Grand Chef” Pierrelus", text)
    assert statuses(links_among(listed, person, text)) == {("pierrelus", str(LINKED))}


def test_a_group_noun_the_article_leaves_unsaid() -> None:
    listed = [entry("Organization", "org", "CARRILLO FUENTES ORGANIZATION")]
    text = "Agents said los Carrillo Fuentes moved the cocaine."
    group = mention("Organization", "los Carrillo Fuentes", text)
    assert statuses(links_among(listed, group, text)) == {("org", str(LINKED))}
    # a name word is never left unsaid by a group
    listed = [entry("Organization", "org2", "CARRILLO FUENTES BROTHERS")]
    assert links_among(listed, group, text) == []


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("Cártel del Golfo", "Gulf Cartel"),
        ("el cártel del Pacífico", "Pacific Cartel"),
        ("cartel mexicano de Tamaulipas", "Tamaulipas Cartel"),
        ("Clan del Golfo", "Gulf Clan"),
        ("Cártel de los Soles", None),
        ("Cártel de Jalisco Nueva Generación", None),
        ("Banco del Golfo", None),
    ],
)
def test_a_spanish_group_name_in_english_order(name: str, english: str | None) -> None:
    assert english_group_name(name) == english


def test_a_spanish_cartel_name_links_to_its_english_listing() -> None:
    listed = [entry("Organization", "gulf", "PACIFIC CARTEL"), entry("Organization", "clan", "PACIFIC CLAN")]
    text = "Las autoridades vincularon a la red con el Cártel del Pacífico."
    group = mention("Organization", "Cártel del Pacífico", text)
    assert statuses(links_among(listed, group, text)) == {("gulf", str(LINKED))}


def _entities(text: str) -> set[tuple[str, str]]:
    from watchfloor.news.pipeline import get_nlp

    return {(span.text, span.label_) for span in get_nlp("es")(text).ents}


@pytest.mark.parametrize(
    "text",
    [
        "Berna sancionó al ministro de Relaciones Interiores, Néstor Reverol; y a otros seis cargos.",
        "El gobernador del Zulia, Néstor Reverol, negó las acusaciones.",
    ],
)
def test_a_name_after_an_office_and_a_comma_is_a_person(text: str) -> None:
    assert ("Néstor Reverol", "PERSON") in _entities(text)


def test_a_place_after_a_comma_stays_a_place() -> None:
    found = _entities("La presidenta visitó la capital, Santa Rita, el lunes.")
    assert ("Santa Rita", "PERSON") not in found


def test_the_list_matcher_asks_about_a_group_name_respelled_as_the_list_writes_it() -> None:
    from watchfloor.screen.news_links import KnownWordsMatcher

    listed = [entry("Organization", "party", "KHATIBALLAH"), entry("Organization", "firm", "KHATIB TRADING")]
    matcher = KnownWordsMatcher(Matcher.build(listed))
    text = "Honduras designó a Khatibolá Norteña y a Khatibolá Ruiz como terroristas."
    group = mention("Organization", "Khatibolá", text)
    assert [r.entity_id for r in matcher.match(group, limit=3, threshold=0.7) if r.match] == ["party"]
    found = link_entities([group], matcher, article=article(text), entries={str(e.id): e for e in listed})
    assert statuses(found) == {("party", str(LINKED))}
    # a person's name is not respelled, nor a name with two words no list has
    assert matcher.match(mention("Person", "Khatibolá Ruiz", text), limit=3, threshold=0.7) == ()
    assert matcher.match(mention("Organization", "Khatibolá Norteña", text), limit=3, threshold=0.7) == ()


def _entities_in(lang: str, text: str) -> set[tuple[str, str]]:
    from watchfloor.news.pipeline import get_nlp

    return {(span.text, span.label_) for span in get_nlp(lang)(text).ents}


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "Prosecutors said Ramiro “El Toro” Salcedo ran the plaza.", "Ramiro “El Toro” Salcedo"),
        (
            "en",
            "Treasury sanctioned Ignacio ‘El Nacho’ Quiroga Beltrán on Monday.",
            "Ignacio ‘El Nacho’ Quiroga Beltrán",
        ),
        ("es", "La fiscalía acusó a Ramiro «El Toro» Salcedo de lavado.", "Ramiro «El Toro» Salcedo"),
    ],
)
def test_a_name_with_a_quoted_nickname_inside_is_one_person(lang: str, text: str, name: str) -> None:
    assert (name, "PERSON") in _entities_in(lang, text)


def test_a_quoted_title_between_names_is_no_person() -> None:
    found = _entities_in("en", "He watched Netflix “Narcos” Mexico last night.")
    assert not any("Narcos" in name and label == "PERSON" for name, label in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Fue socio de la organización criminal de los Carrillo Fuentes durante años.",
            "los Carrillo Fuentes",
        ),
        ("Las empresas servían a la célula delincuencial de Los Pelones en Jalisco.", "Los Pelones"),
    ],
)
def test_a_plural_article_name_after_a_group_noun_and_de_is_the_group(text: str, name: str) -> None:
    assert (name, "ORG") in _entities_in("es", text)


def test_the_list_matcher_leaves_out_a_nickname_no_list_writes() -> None:
    from watchfloor.screen.news_links import KnownWordsMatcher

    listed = [entry("Person", "pierrelus", "WILNER PIERRELUS")]
    matcher = KnownWordsMatcher(Matcher.build(listed))
    text = "La banda está liderada por Wilner Pierrelus, alias «Granchef»."
    person = mention("Person", "Wilner Pierrelus", text, "Granchef")
    found = link_entities([person], matcher, article=article(text), entries={str(e.id): e for e in listed})
    assert statuses(found) == {("pierrelus", str(LINKED))}


def test_the_news_linker_asks_the_name_tagger_about_no_word_that_no_list_has() -> None:
    """A respelled group and an alias no list writes are fitted in list words only: an unknown
    word would load rigour's tagger (seconds) on the first article that holds it."""
    from watchfloor.names import symbols
    from watchfloor.screen.news_links import KnownWordsMatcher

    listed = [entry("Organization", "party", "KHATIBALLAH"), entry("Organization", "firm", "KHATIB TRADING")]
    matcher = KnownWordsMatcher(Matcher.build(listed))
    text = "Honduras designó a Khatibolá como terrorista; la prensa la llama Qzwyxtrav."
    group = mention("Organization", "Khatibolá", text)
    group.add("alias", "Qzwyxtrav")
    asked = symbols.ANSWERED_BY["tagger"]
    found = link_entities([group], matcher, article=article(text), entries={str(e.id): e for e in listed})
    assert statuses(found) == {("party", str(LINKED))}
    assert symbols.ANSWERED_BY["tagger"] == asked
    assert matcher.known_spellings("Qzwyxtrav") == []
