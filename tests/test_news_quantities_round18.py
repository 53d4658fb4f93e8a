"""Round 18 of the quantity readings: people's ages, and counts of things no measure names (each
a series of its own words, so that two different ones never contradict each other)."""

from __future__ import annotations

import pytest

from tests.test_news_quantities import claims_of, figures
from watchfloor.crisis import reconcile
from watchfloor.model.claims import Qualifier

E = Qualifier.EXACT


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The 41-year-old pilot was arrested in Panama.", "en", [("age_years", 41, E)]),
        (
            "Marta Ruiz, 52, and Tomas Vidal (38) were named in the order.",
            "en",
            [("age_years", 52, E), ("age_years", 38, E)],
        ),
        ("Overdoses kill more adults aged 20 to 44 than traffic does.", "en", [("age_years", 20, E)]),
        ("Un pescador de 27 años sobrevivió al naufragio.", "es", [("age_years", 27, E)]),
        ("Ramiro Soto, de 61 años y dueño del hotel, fue detenido.", "es", [("age_years", 61, E)]),
        ("Según la fiscalía, Ortega (44) y Lima dirigían la red.", "es", [("age_years", 44, E)]),
    ],
)
def test_ages_of_people_are_figures(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert [f for f in figures(sentence, lang) if f[0] == "age_years"] == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # a span of years, a weekday's date in brackets, a year of service: no one's age
        ("El conflicto de 50 años terminó con el acuerdo.", "es"),
        ("El decreto se publicó este lunes (16) en la gaceta.", "es"),
        ("The decree was published on Monday (16) in the gazette.", "en"),
        ("He served for 30 years in the navy.", "en"),
    ],
)
def test_spans_and_dates_are_no_ages(sentence: str, lang: str) -> None:
    assert [f for f in figures(sentence, lang) if f[0] == "age_years"] == []


def test_two_ages_of_one_article_are_two_series() -> None:
    claims = claims_of("Marta Ruiz, 52, was named. Tomas Vidal, 38, was named too.")
    ages = [c for c in claims if c.measure == "age_years"]
    assert len({c.topic for c in ages}) == 2
    assert not any(s.contradictions for s in reconcile(ages))


@pytest.mark.parametrize(
    ("sentence", "lang", "value"),
    [
        ("The ring moved cash through four continents.", "en", 4),
        ("Investigators documented 312 separate cases of extortion.", "en", 312),
        ("The order names three Panama-based shipping terminals.", "en", 3),
        ("La red operaba con cinco casas de cambio en la frontera.", "es", 5),
        ("El Tesoro señaló a dos instituciones financieras panameñas.", "es", 2),
    ],
)
def test_a_count_of_a_thing_no_measure_names_is_a_plain_count(sentence: str, lang: str, value: float) -> None:
    assert ("count", value, E) in figures(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # spans, fractions, parts of an argument, adjectives before a noun, sources, a part of a whole
        ("The dispute lasted nearly three decades.", "en"),
        ("The senator gave four reasons for her vote.", "en"),
        ("Los dos primeros acusados se entregaron.", "es"),
        ("According to two diplomats, the talks stalled.", "en"),
        ("Two of the ministries refused to comment.", "en"),
        ("The plan has three phases and two stages.", "en"),
    ],
)
def test_what_a_number_names_but_does_not_count(sentence: str, lang: str) -> None:
    assert [f for f in figures(sentence, lang) if f[0] == "count"] == []


def test_two_plain_counts_of_different_things_never_contradict() -> None:
    claims = claims_of(
        "The network used four continents. It used seven continents of transit routes and 12 ports."
    )
    counts = [c for c in claims if c.measure == "count"]
    assert len(counts) == 3
    assert len({c.topic for c in counts}) == 3
    assert not any(s.contradictions for s in reconcile(counts))
