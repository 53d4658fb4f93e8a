"""Round 22 of the quantity readings. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from watchfloor.news import RawDocument, extract


def _values(text: str) -> list[float]:
    result = extract(RawDocument(text, "q.txt", published=date(2025, 11, 7)))
    return sorted(float(c.value) for c in result.claims)


@pytest.mark.parametrize(
    "text",
    [
        "Soñaba con tener su propio motor de 75 caballos de fuerza.",
        "The boat carried two 200-horsepower engines.",
    ],
)
def test_an_engines_power_is_no_count(text: str) -> None:
    assert _values(text) == []


def test_the_people_a_boat_carried_are_still_counted_beside_its_engines() -> None:
    assert _values("The boat had two 200-horsepower engines and carried 11 people.") == [11.0]
