"""Round 21 of the event readings. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_events import _dated
from watchfloor.news import RawDocument, extract

PUBLISHED = date(2023, 10, 6)


def test_an_event_dated_after_publication_has_not_happened() -> None:
    text = "The survey shows that the candidate's lead has shrunk, with ten days to go before the Oct. 15 vote."
    assert _dated(text, published=PUBLISHED) == []


def test_an_event_of_the_day_after_publication_is_the_articles_own() -> None:
    """A dateline may follow the day the metadata gives: a day's slack."""
    text = "The Senate voted on Saturday, October 7, to block the measure."
    assert _dated(text, published=PUBLISHED) == [("vote", ["2023-10-07"])]


def test_a_weekday_in_a_sentence_without_tense_is_a_past_day_for_an_event() -> None:
    """An event is what happened: "la encuesta publicada el lunes" in a Friday article is the
    Monday before, not the one after."""
    text = "Un 55% de los venezolanos rechaza una intervención militar, según la encuesta publicada el lunes."
    assert _dated(text, published=date(2025, 11, 14), lang="es") == [("poll", ["2025-11-10"])]


def test_an_arrival_is_a_deployment_only_when_a_force_arrives() -> None:
    friday = date(2025, 10, 24)
    assert _dated("The USS Gerald R. Ford arrived in the Caribbean on Tuesday.", published=friday) == [
        ("deployment", ["2025-10-21"])
    ]
    assert _dated("Foreign Minister Ana Ruiz arrived in Quito on Tuesday to discuss trade.", published=friday) == []
    assert _dated("El primer grupo de 238 detenidos llegó al país el domingo.", published=friday, lang="es") == []


def test_money_moved_is_no_mobilisation() -> None:
    friday = date(2025, 10, 24)
    text = "El banco, que movilizó dinero de una red de narcotráfico, fue cerrado el jueves."
    assert [mode for mode, _ in _dated(text, published=friday, lang="es")] == []
    assert _dated("The army mobilized 5,000 reservists on Thursday.", published=friday) == [
        ("mobilization", ["2025-10-23"])
    ]


def _extracted(text: str, published: date) -> list[tuple[str, str | None]]:
    raw = RawDocument(text=text, source="t", title=None, published=published, url=None, publisher=None)
    return sorted(
        (next(k[5:] for k in e.get("keywords") if k.startswith("mode:")), e.first("date"))
        for e in extract(raw).entities
        if e.schema.name == "Event"
    )


@pytest.mark.parametrize(
    "text",
    [
        "El 2 de septiembre, fuerzas estadounidenses atacaron una lancha vinculada al grupo Tren de Aragua, "
        "designado como organización terrorista por el Departamento de Estado.",
        "On October 17, the military struck a vessel affiliated with the Ejército de Liberación Nacional "
        "(ELN), a Designated Terrorist Organization, that was operating in the region.",
    ],
)
def test_a_designation_that_describes_a_party_is_no_event_of_the_sentences_day(text: str) -> None:
    assert [mode for mode, _ in _extracted(text, date(2025, 10, 20))] == ["strike"]


def test_a_verb_after_a_comma_and_a_that_clause_still_report_the_act() -> None:
    text = (
        "El Consejo Federal de Suiza anunció este lunes, 5 de enero de 2026, que congeló todos los activos "
        "que Pedro Ruiz poseía en ese país."
    )
    assert _extracted(text, date(2026, 1, 5)) == [("designation", "2026-01-05")]


def test_a_strike_discussed_at_a_meeting_is_its_topic_no_strike_that_day() -> None:
    text = "Rubio met with Colombian officials in Washington on Friday to discuss the strikes."
    assert [mode for mode, _ in _dated(text, published=date(2025, 11, 28), places=("Washington",))] == ["talks"]
