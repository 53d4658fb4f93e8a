"""Round 23 of the event readings: attacks that are the ground of a measure (funded, planned, taken
part in) are no happening of the sentence's day. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_news_events import _dated


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, OFAC imposed sanctions on the network financing the militia's attacks on shipping.",
        "The measures, announced on Tuesday, punish their involvement in strikes on oil facilities.",
        "El martes, el Tesoro sancionó a una red por financiar ataques contra buques mercantes.",
    ],
)
def test_attacks_as_the_ground_of_a_measure_are_no_strike(text: str) -> None:
    assert "strike" not in {mode for mode, _ in _dated(text)}, _dated(text)


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, US forces struck a boat in the Caribbean, killing three people.",
        "El martes, un ataque de Estados Unidos contra una lancha en el Caribe dejó tres muertos.",
    ],
)
def test_a_strike_that_happened_is_still_an_event(text: str) -> None:
    assert "strike" in {mode for mode, _ in _dated(text)}, _dated(text)
