"""Round 19 of the quantity readings: a year is no count ("a 2015 decree"), "several dozen" says no
number, a decimal comma in English text ("38,9%") is a decimal, and a poll's fraction glossed by
its percentage ("nueve de cada diez venezolanos (89%)") is that percentage, counting no one.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_news_quantities import figures
from watchfloor.model.claims import Qualifier

E = Qualifier.EXACT
A = Qualifier.ABOUT


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("OFAC acted under a 2015 decree authorizing sanctions against officials and former officials.", "en"),
        ("El grupo controla desde los años 1990 amplios sectores económicos.", "es"),
        ("The speaker won the support of several dozen dissident deputies.", "en"),
        ("Varias decenas de manifestantes marcharon ante la embajada.", "es"),
    ],
)
def test_years_and_vague_multiples_are_no_figures(sentence: str, lang: str) -> None:
    assert figures(sentence, lang) == []


def test_a_count_of_things_is_still_a_count() -> None:
    assert figures("The ministry counted 2500 displaced families in the region.", "en") == [("count", 2500.0, E)]


def test_a_dozen_is_still_about_twelve() -> None:
    assert figures("A dozen people were killed in the strike.", "en") == [("killed", 12.0, A)]


def test_a_decimal_comma_in_english_text() -> None:
    found = figures("Only 38,9% of those polled call themselves opposition (PSUV: 32,8%).", "en")
    assert [value for _measure, value, _q in found] == [38.9, 32.8]


def test_thousands_stay_thousands() -> None:
    assert figures("The strikes have killed 4,000 people.", "en") == [("killed", 4000.0, E)]


def test_a_fraction_glossed_by_its_percentage_is_the_percentage() -> None:
    sentence = "Según la encuesta, casi nueve de cada diez venezolanos (89%) consideran soberano al país."
    assert figures(sentence, "es") == [("percent", 89.0, E)]


def test_a_fraction_without_a_gloss_is_its_rounded_share() -> None:
    sentence = "Según la encuesta, tres de cada cuatro venezolanos rechazan una intervención."
    assert figures(sentence, "es") == [("percent", 75, A)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Entities owned 50 percent or more by blocked persons are also blocked.", "en", ("share", 50.0)),
        ("La empresa pertenecía a Cartes, con una participación del 50% o más.", "es", ("share", 50.0)),
        ("The strikes killed 80 people or more.", "en", ("killed", 80.0)),
        ("Murieron 30 personas o más en el ataque.", "es", ("killed", 30.0)),
    ],
)
def test_or_more_after_the_unit_is_a_floor(sentence: str, lang: str, expected: tuple[str, float]) -> None:
    assert figures(sentence, lang) == [(*expected, Qualifier.AT_LEAST)]


def test_or_more_than_after_the_unit_is_a_comparison() -> None:
    assert figures("The strikes killed 80 people, or more than the year before.", "en") == [("killed", 80.0, E)]
