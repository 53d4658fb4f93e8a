"""News mentions link to list entries at precision first: same kind of party, every mention word in
the list name, no institutions or short common names, and a father and son told apart by the
article or kept as candidates."""

from __future__ import annotations

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher
from watchfloor.model import make_entity
from watchfloor.news.linking import CANDIDATE, LINKED, Link, is_institution, link_entities

MOROS, GUERRA = "ofac-moros", "ofac-guerra"


def entry(schema: str, entity_id: str, name: str, **props: str) -> StatementEntity:
    entity = make_entity("lists", schema, entity_id)
    entity.add("name", name)
    for prop, value in props.items():
        entity.add(prop, value)
    return entity


@pytest.fixture(scope="module")
def entries() -> dict[str, StatementEntity]:
    listed = [
        entry(
            "Person",
            MOROS,
            "MADURO MOROS, Nicolas",
            birthDate="1962-11-23",
            position="President of the Bolivarian Republic of Venezuela",
        ),
        entry(
            "Person",
            GUERRA,
            "MADURO GUERRA, Nicolas Ernesto",
            birthDate="1990-06-21",
            position="Member of the National Constituent Assembly",
        ),
        entry("Organization", "mss", "MINISTRY OF STATE SECURITY"),
        entry("Organization", "kahane", "KAHANE CHAI"),
        entry("Organization", "irgcn", "IRGC NAVY"),
        entry("Company", "nogal", "CONSTRUCTORA EL NOGAL S.A."),
        entry("Person", "bando", "BANDO, Haji"),
    ]
    return {str(e.id): e for e in listed}


@pytest.fixture(scope="module")
def matcher(entries: dict[str, StatementEntity]) -> Matcher:
    return Matcher.build(entries.values())


def article(text: str, published: str = "2025-11-20") -> StatementEntity:
    entity = make_entity("news", "Article", "article-1")
    entity.add("bodyText", text)
    entity.add("publishedAt", published)
    return entity


def mention(schema: str, name: str, text: str, mention_id: str = "m-1") -> StatementEntity:
    """A mention entity as the extractor makes one: its name, with its sentence's span as origin."""
    entity = make_entity("news", schema, mention_id)
    start = text.find(name)
    assert start >= 0
    begin = text.rfind(". ", 0, start) + 1
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    entity.add("name", name, origin=f"article:article-1#{begin}-{end}")
    return entity


def links_for(
    schema: str, name: str, text: str, matcher: Matcher, entries: dict[str, StatementEntity]
) -> list[Link]:
    return link_entities([mention(schema, name, text)], matcher, article=article(text), entries=entries)


@pytest.mark.parametrize(
    ("schema", "name", "text"),
    [
        ("Organization", "State Department", "The State Department said on Monday it would review the case."),
        ("Organization", "US Congress", "The US Congress has not authorised the operation."),
        ("Organization", "CNN", "Officials told CNN that the talks had stalled."),
        ("Person", "Pam Bondi", "Attorney General Pam Bondi announced the indictment."),
        ("Organization", "Navy", "The Navy moved two ships into the Caribbean."),
    ],
)
def test_false_links_are_refused(
    schema: str, name: str, text: str, matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    assert links_for(schema, name, text, matcher, entries) == []


def test_institutions_are_recognised_without_a_list() -> None:
    assert is_institution(mention("Organization", "State Department", "The State Department said."))
    assert is_institution(mention("Organization", "Navy", "The Navy said."))
    assert not is_institution(mention("Organization", "Kahane Chai", "Kahane Chai said."))


def test_a_full_organisation_name_still_links(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    found = links_for(
        "Organization", "Kahane Chai", "Members of Kahane Chai were detained.", matcher, entries
    )
    assert [(link.entity_id, link.status) for link in found] == [("kahane", LINKED)]


def test_a_person_mention_never_links_an_organisation(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    assert links_for("Person", "Kahane Chai", "Kahane Chai spoke.", matcher, entries) == []


def test_the_president_links_to_the_father(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    text = "Nicolás Maduro, the president of Venezuela, rejected the demand."
    found = links_for("Person", "Nicolás Maduro", text, matcher, entries)
    assert [(link.entity_id, link.status) for link in found] == [(MOROS, LINKED)]


def test_his_son_links_to_the_son(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    text = "The ruling party was represented by his son Nicolás Maduro Guerra at the rally."
    found = links_for("Person", "Nicolás Maduro Guerra", text, matcher, entries)
    assert [(link.entity_id, link.status) for link in found] == [(GUERRA, LINKED)]


def test_son_without_second_surname_picks_the_younger(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    text = "The delegation was led by his son Nicolás Maduro on Tuesday."
    found = links_for("Person", "Nicolás Maduro", text, matcher, entries)
    assert [(link.entity_id, link.status) for link in found] == [(GUERRA, LINKED)]


def test_an_age_tells_father_and_son_apart(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    text = "Nicolás Maduro, 62, spoke for an hour."
    found = links_for("Person", "Nicolás Maduro", text, matcher, entries)
    assert [(link.entity_id, link.status) for link in found] == [(MOROS, LINKED)]


def test_without_context_both_are_candidates(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    text = "Nicolás Maduro spoke on television for an hour."
    found = links_for("Person", "Nicolás Maduro", text, matcher, entries)
    assert {link.entity_id for link in found} == {MOROS, GUERRA}
    assert {link.status for link in found} == {CANDIDATE}


def test_a_surname_alone_never_links(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    assert links_for("Person", "Maduro", "Maduro spoke on Monday.", matcher, entries) == []


def test_one_person_on_two_lists_links_to_both() -> None:
    listed = [
        make_entity(dataset, "Person", entity_id)
        for dataset, entity_id in (("us_ofac_sdn", "ofac-zawahiri"), ("un_sc_sanctions", "un-zawahiri"))
    ]
    for entity in listed:
        entity.add("name", "AL-ZAWAHIRI, Ayman")
        entity.add("birthDate", "1951-06-19")
    text = "Ayman al-Zawahiri was killed in Kabul."
    found = link_entities(
        [mention("Person", "Ayman al-Zawahiri", text)],
        Matcher.build(listed),
        article=article(text),
        entries={str(e.id): e for e in listed},
    )
    assert {(link.entity_id, link.status) for link in found} == {
        ("ofac-zawahiri", LINKED),
        ("un-zawahiri", LINKED),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Washington accused the president of Venezuela, Nicolás Maduro, of leading the group.",
        "La oposición denunció al régimen de Nicolás Maduro ante la OEA.",
        "Venezuelan leader Nicolás Maduro addressed the nation.",
    ],
)
def test_the_press_names_the_head_of_state_in_many_ways(
    text: str, matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    found = links_for("Person", "Nicolás Maduro", text, matcher, entries)
    assert [(link.entity_id, link.status) for link in found] == [(MOROS, LINKED)]


def test_a_fuller_form_in_the_same_article_decides(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    text = "Nicolás Maduro spoke for an hour. A reward was offered for Nicolás Maduro Moros in 2020."
    entity = mention("Person", "Nicolás Maduro", text)
    entity.add("alias", "Nicolás Maduro Moros", origin=f"article:article-1#34-{len(text)}")
    found = link_entities([entity], matcher, article=article(text), entries=entries)
    assert [(link.entity_id, link.status) for link in found] == [(MOROS, LINKED)]


def test_a_form_from_another_article_does_not_decide(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    text = "Nicolás Maduro spoke for an hour."
    entity = mention("Person", "Nicolás Maduro", text)
    entity.add("alias", "Nicolás Maduro Moros", origin="article:another#0-20")
    found = link_entities([entity], matcher, article=article(text), entries=entries)
    assert {link.status for link in found} == {CANDIDATE}


def test_context_is_read_whatever_the_accents(matcher: Matcher, entries: dict[str, StatementEntity]) -> None:
    text = "Talks may open with Venezuelan President Nicolas Maduro next week."
    entity = make_entity("news", "Person", "m-1")
    entity.add("name", "Nicolás Maduro", origin="article:article-1#0-20")
    found = link_entities([entity], matcher, article=article(text), entries=entries)
    assert [(link.entity_id, link.status) for link in found] == [(MOROS, LINKED)]


def links_among(listed: list[StatementEntity], person: StatementEntity, text: str) -> list[Link]:
    """The links of one mention to a small list of its own."""
    return link_entities(
        [person], Matcher.build(listed), article=article(text), entries={str(e.id): e for e in listed}
    )


def test_a_short_form_does_not_link_where_the_full_name_conflicts() -> None:
    """ "Sergio Valenzuela Valenzuela", also written "Valenzuela Valenzuela", is not the listed
    "VALENZUELA VALENZUELA, Vanessa"; the full name still links to its own entry."""
    listed = [entry("Person", "vanessa", "VALENZUELA VALENZUELA, Vanessa")]
    text = "OFAC listed Sergio Valenzuela Valenzuela. Valenzuela Valenzuela lives in Nogales."
    person = mention("Person", "Sergio Valenzuela Valenzuela", text)
    person.add("alias", "Valenzuela Valenzuela", origin="article:article-1#42-82")
    found = links_among(listed, person, text)
    assert found == []
    listed.append(entry("Person", "sergio", "VALENZUELA VALENZUELA, Sergio"))
    found = links_among(listed, person, text)
    assert {(link.entity_id, link.status) for link in found} == {("sergio", LINKED)}


def test_a_nickname_the_ner_kept_in_the_name_does_not_block_the_link() -> None:
    listed = [entry("Person", "mendoza", "MENDOZA RUIZ, Carlos")]
    text = 'OFAC listed Carlos Mendoza Ruiz "El Gato" on Tuesday.'
    person = mention("Person", 'Carlos Mendoza Ruiz "El Gato', text)
    person.add("alias", "Carlos Mendoza Ruiz", origin="article:article-1#0-52")
    found = links_among(listed, person, text)
    assert {(link.entity_id, link.status) for link in found} == {("mendoza", LINKED)}


def test_a_name_with_its_nickname_inside_quotes_links() -> None:
    """The only name is quoted-nickname form: nothing fuller to check it against."""
    listed = [entry("Person", "chapo", "GUZMAN LOERA, Joaquin", alias="GUZMAN, Joaquin Chapo")]
    text = "OFAC listed Joaquín “El Chapo” Guzmán long ago."
    person = mention("Person", "Joaquín “El Chapo” Guzmán", text)
    person.add("alias", "Chapo", origin="article:article-1#0-47")  # shorter than the name that fits
    found = links_among(listed, person, text)
    assert {(link.entity_id, link.status) for link in found} == {("chapo", LINKED)}
