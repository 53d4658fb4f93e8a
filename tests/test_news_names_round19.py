"""Round 19: a person's short form ("Alma Meza") is the full name written before it ("Alma Yanira
Meza Olivares") but never one written after it (a son's fuller name); and a name the model took
for a person's before "gang" is the gang's. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_relations import _links, spanish_model
from watchfloor.news import RawDocument, extract
from watchfloor.news.mentions import resolve_names


def _people(text: str) -> set[str]:
    raw = RawDocument(text=text, source="t", title=None, published=date(2025, 3, 4), url=None, publisher=None)
    return {str(e.first("name")) for e in extract(raw).entities if e.schema.name == "Person"}


@pytest.mark.parametrize(
    ("short", "full"),
    [("alma meza", "alma yanira meza olivares"), ("carlos marroquin", "carlos amilcar marroquin chica")],
)
def test_a_given_name_and_a_surname_shorten_the_full_name_written_before(short: str, full: str) -> None:
    resolved = resolve_names([("PERSON", full), ("PERSON", short)], in_text_order=True)
    assert resolved[("PERSON", short)] == full


def test_a_short_form_written_first_is_another_person() -> None:
    resolved = resolve_names(
        [("PERSON", "nicolas maduro"), ("PERSON", "nicolas ernesto maduro")], in_text_order=True
    )
    assert resolved[("PERSON", "nicolas maduro")] == "nicolas maduro"


def test_across_articles_no_order_says_which_came_first() -> None:
    resolved = resolve_names([("PERSON", "alma yanira meza olivares"), ("PERSON", "alma meza")])
    assert resolved[("PERSON", "alma meza")] == "alma meza"


def test_an_article_names_one_person_in_full_then_short() -> None:
    text = (
        "The Treasury designated Alma Yanira Ruiz Olivares on Tuesday. "
        "Alma Ruiz, a lawyer, is accused of moving the group's money."
    )
    assert _people(text) == {"Alma Yanira Ruiz Olivares"}


@spanish_model
def test_a_father_named_before_his_son_stays_apart() -> None:
    text = (
        "Estados Unidos sancionó el viernes al hijo del presidente Nicolás Peña. "
        "Nicolás Ernesto Peña Guerra, de 29 años, es diputado."
    )
    assert _people(text) == {"Nicolás Peña", "Nicolás Ernesto Peña Guerra"}


@pytest.mark.parametrize("gang", ["Canaan", "Taliban"])
def test_a_name_like_a_nationality_before_gang_is_the_gang(gang: str) -> None:
    text = f"The Council listed Marc Dorvil, leader of the {gang} gang, on Monday."
    slug = gang.lower()
    assert _links(text) == {("Directorship", "director=news-person-marc-dorvil", f"organization=news-org-{slug}")}


def test_a_nationality_before_gang_names_no_gang() -> None:
    assert _links("The Council listed Marc Dorvil, leader of the Haitian gang, on Monday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned Nicolás Maduro Guerra, a lawmaker, on Friday.",
        "El diputado Nicolás Maduro Guerra, hijo del presidente, fue sancionado.",
    ],
)
def test_a_known_persons_name_with_one_more_surname_is_another_person(text: str) -> None:
    assert _people(text) == {"Nicolás Maduro Guerra"}


@pytest.mark.parametrize(
    "text",
    [
        "Sanctions were imposed by the Donald Trump Administration.",
        "The Donald Trump Administration announced new sanctions on Monday.",
        "Donald Trump Says the Cartel Is a Terrorist Group",
    ],
)
def test_an_organisations_word_or_a_headlines_word_is_no_surname(text: str) -> None:
    assert _people(text) == {"Donald Trump"}


@pytest.mark.parametrize(
    "text", ["Nicolás Maduro Moros was indicted in New York.", "Nicolás Maduro Monday rejected the talks."]
)
def test_a_known_persons_full_name_or_a_day_after_it_keeps_the_person(text: str) -> None:
    assert _people(text) == {"Nicolás Maduro"}


def test_a_capitalised_group_noun_after_the_ends_the_groups_name() -> None:
    text = "Treasury accused Ricardo Pérez Gómez of leading the Tijuana Cartel."
    assert _links(text) == {
        ("Directorship", "director=news-person-ricardo-perez-gomez", "organization=news-org-tijuana-cartel")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Treasury said Ricardo Pérez Gómez is a long-time supporter of the Sinaloa Cartel.",
        "Ricardo Pérez Gómez, a supporter of the Sinaloa Cartel, was designated.",
    ],
)
def test_a_supporter_of_an_armed_group_supports_it(text: str) -> None:
    assert _links(text) == {
        ("UnknownLink", "subject=news-person-ricardo-perez-gomez", "object=news-org-sinaloa-cartel")
    }


def test_a_supporter_of_a_politician_is_no_link() -> None:
    assert _links("Senator Ricardo Pérez Gómez, a supporter of President Donald Trump, spoke on Monday.") == set()
