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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ecuadorian voters on Sunday rejected the proposal, with nearly two-thirds voting no as about 90% "
            "of ballots were counted.",
            ["vote"],
        ),
        ("A poll published on Monday found that 60% of Americans oppose strikes on Venezuela.", ["poll"]),
        ("Un 55% de los venezolanos rechaza una intervención militar, según la encuesta publicada el lunes.", ["poll"]),
    ],
)
def test_an_election_count_is_no_poll_and_a_polls_question_no_event(text: str, expected: list[str]) -> None:
    assert sorted(mode for mode, _day in _events(text)) == expected


def test_a_share_of_the_tally_sheets_is_no_poll() -> None:
    assert "poll" not in [m for m, _d in _events("Con el 95% de las actas escrutadas, el lunes ganó el no.")]


def test_a_strike_the_poll_sentence_reports_is_still_an_event() -> None:
    text = "US forces struck a boat on Monday, a day after a poll found that 60% of Americans oppose the campaign."
    assert "strike" in [mode for mode, _day in _events(text)]


def test_a_day_in_the_closing_attribution_dates_the_telling_not_a_recalled_strike() -> None:
    text = (
        "La Marina no logró rescatar al único sobreviviente de un ataque contra una lancha en el Pacífico, "
        "dijo este miércoles la presidenta."
    )
    assert [day for mode, day in _events(text) if mode == "strike"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "US forces struck a boat in the Caribbean, killing three people, Hegseth said on Tuesday.",
        "The strike killed three people in the Caribbean, the Pentagon said on Tuesday.",
    ],
)
def test_a_strike_told_as_the_news_is_the_telling_days(text: str) -> None:
    assert [day for mode, day in _events(text) if mode == "strike"] == ["2025-11-11"]
