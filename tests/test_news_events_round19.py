"""Round 19 of the event readings: leaders who meet hold talks whatever day and place come between
the verb and the party ("se reunió este lunes en Doha con el emir"), and a head of state by title is
a party one meets. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from watchfloor.news import RawDocument, extract


def _events(text: str) -> list[tuple[str, str | None]]:
    raw = RawDocument(text=text, source="t", title=None, published=date(2025, 11, 14), url=None, publisher=None)
    out = []
    for entity in extract(raw).entities:
        if entity.schema.name == "Event":
            modes = [k.removeprefix("mode:") for k in entity.get("keywords") if k.startswith("mode:")]
            out.append((modes[0], entity.first("date")))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "El presidente colombiano, Gustavo Petro, se reunió este lunes en Doha con el emir de Catar.",
        "Richard Grenell met on Friday in Caracas with Nicolás Maduro to discuss the release of prisoners.",
        "The Brazilian president met on Monday in Rome with the pope.",
    ],
)
def test_a_meeting_with_its_day_and_place_before_the_party_is_talks(text: str) -> None:
    assert [mode for mode, _day in _events(text)] == ["talks"]


def test_a_proposal_that_met_with_criticism_is_no_talks() -> None:
    assert _events("The proposal met on Monday with strong criticism from Democrats.") == []
