"""Round 18 of the quantity readings: people's ages (no figures), and counts of things no measure
names (each a series of its own words, so that two different ones never contradict each other)."""

from __future__ import annotations

import pytest

from tests.test_news_quantities import claims_of, figures
from watchfloor.crisis import reconcile
from watchfloor.model.claims import Qualifier

E = Qualifier.EXACT


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The 41-year-old pilot was arrested in Panama.", "en"),
        ("Marta Ruiz, 52, and Tomas Vidal (38) were named in the order.", "en"),
        ("Overdoses kill more adults aged 20 to 44 than traffic does.", "en"),
        ("Un pescador de 27 años sobrevivió al naufragio.", "es"),
        ("Ramiro Soto, de 61 años y dueño del hotel, fue detenido.", "es"),
        ("Según la fiscalía, Ortega (44) y Lima dirigían la red.", "es"),
    ],
)
def test_ages_of_people_are_no_figures(sentence: str, lang: str) -> None:
    """An age describes a person; its number is neither a claim nor a count of anything."""
    assert figures(sentence, lang) == []


def test_an_age_beside_a_toll_leaves_the_toll() -> None:
    assert figures("The 41-year-old pilot said 12 people were killed in the strike.", "en") == [
        ("killed", 12, E)
    ]


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
