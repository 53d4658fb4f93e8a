"""Round 21 of the quantity readings. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_news_quantities import figures
from watchfloor.model.claims import Qualifier

E = Qualifier.EXACT


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "Talks ended after a 2019 car-bomb attack by the group that killed 22 cadets.",
            "en",
            [("killed", 22, E)],
        ),
        ("Tras una 2019 marcada por la violencia, murieron 15 personas.", "es", [("killed", 15, E)]),
    ],
)
def test_a_year_after_an_indefinite_article_is_no_count(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "La banda tiene más de 8 000 miembros en las 35 cárceles del país.",
            "es",
            [("people", 8000, Qualifier.AT_LEAST)],
        ),
        ("Murieron 1 200 personas en la ofensiva.", "es", [("killed", 1200, E)]),
    ],
)
def test_thousands_set_apart_by_a_space_are_one_number(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The tanker slowed to eight knots and turned south.", "en"),
        ("El buque navegaba a 12 nudos hacia el sur.", "es"),
    ],
)
def test_a_speed_is_no_count(sentence: str, lang: str) -> None:
    assert figures(sentence, lang) == []


def test_digits_that_end_a_vessels_name_are_no_count() -> None:
    sentence = "Otros dos buques (el Bella 1 en el Atlántico y el Centauro en el Caribe) fueron incautados."
    assert figures(sentence, "es") == [("ships", 2, E)]


def test_a_weekday_before_digits_names_no_vessel() -> None:
    assert figures("El Lunes 16 personas murieron en el ataque.", "es") == [("killed", 16, E)]
