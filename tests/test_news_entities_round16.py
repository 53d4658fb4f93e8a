"""Spanish names the small model cuts: a group named with its capitalised article ("Los Cuinis",
which the model reads as the person "Cuinis"), a man whose given name is a month ("Julio César
Pérez", which it reads as July), and "el Tesoro" alone, the US Treasury. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.test_news_entities_round15 import _entities
from tests.test_news_relations import spanish_model


@spanish_model
def test_a_name_after_a_capitalised_article_is_a_group_article_and_all() -> None:
    found = _entities(
        "es", "El Tesoro sancionó este martes a Los Rinocerontes y a Los Tlacos por narcotráfico."
    )
    assert ("Los Rinocerontes", "ORG") in found and ("Los Tlacos", "ORG") in found


@spanish_model
@pytest.mark.parametrize("place", ["Los Ángeles", "Las Vegas", "Los Andes"])
def test_a_place_named_with_its_article_stays_a_place(place: str) -> None:
    found = _entities("es", f"El grupo lavaba dinero en {place} desde hace años.")
    assert not any(label == "ORG" and place.split()[1] in text for text, label in found)


@spanish_model
def test_a_month_that_is_a_given_name_begins_the_persons_name() -> None:
    found = _entities("es", "El Tesoro sancionó a Julio Alberto Paredes Soto y a su hermano.")
    assert ("Julio Alberto Paredes Soto", "PERSON") in found
    # a date keeps its month out of the name after it
    dated = _entities("es", "La reunión fue el 15 de Julio Paredes no asistió.")
    assert not any(text.startswith("Julio") for text, _ in dated)


@spanish_model
def test_el_tesoro_alone_is_the_us_treasury() -> None:
    assert ("Tesoro", "ORG") in _entities("es", "Según el Tesoro, la red movió millones de dólares.")


def test_the_list_matcher_scores_a_mention_once_whichever_article_proves_it() -> None:
    """A run's articles name the same party again and again: the article a mention's ``proof``
    points to changes nothing the matcher reads, so the second article's mention is not scored again."""
    from tests.test_news_entities_round14 import mention
    from tests.test_news_linking import entry
    from watchfloor.index import Matcher
    from watchfloor.screen.news_links import KnownWordsMatcher

    matcher = KnownWordsMatcher(Matcher.build([entry("Organization", "party", "KHATIBALLAH")]))
    asked: list[str] = []
    score = matcher._match
    matcher._match = lambda query, limit, threshold: (
        asked.append(str(query.id)) or score(query, limit, threshold)
    )  # type: ignore[method-assign]
    first = mention("Organization", "Khatiballah", "Honduras designó a Khatiballah.")
    second = first.clone()
    first.add("proof", "article-1")
    second.add("proof", "article-2")
    assert matcher.match(first, limit=3) == matcher.match(second, limit=3)
    assert len(asked) == 1
    # another name is another question
    third = mention("Organization", "Khatiballah Norte", "Honduras designó a Khatiballah Norte.")
    matcher.match(third, limit=3)
    assert len(asked) == 2


@spanish_model
def test_a_capitalised_run_headed_by_a_groups_noun_is_one_armed_group() -> None:
    found = _entities(
        "es",
        "El decreto incluye a las Disidencias Norte del Río y a los Comandos de la Sierra, y a Guerreros Libres.",
    )
    for name in ("Disidencias Norte del Río", "Comandos de la Sierra", "Guerreros Libres"):
        assert (name, "ORG") in found, found
    # a preposition that looks like the noun names no group
    assert not any(
        label == "ORG" for _, label in _entities("es", "Frente a la crisis, el gobierno pidió calma.")
    )


def test_a_vessel_named_after_its_noun_and_a_firm_named_for_its_trade() -> None:
    found = _entities("en", "The Coast Guard seized the tanker Aurora Star off the coast on Wednesday.")
    assert ("Aurora Star", "ORG") in found
    # a day or a country after the noun is no vessel
    assert not any(
        label == "ORG"
        for _, label in _entities("en", "The tanker Monday left. The ships Venezuela sold sank.")
    )


@spanish_model
def test_a_firm_named_for_its_trade_is_no_person() -> None:
    found = _entities("es", "La OFAC sancionó a Inversiones Marín Ortega por lavado de dinero.")
    assert ("Inversiones Marín Ortega", "ORG") in found
