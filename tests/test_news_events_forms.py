"""Events told in forms beyond a dated sentence with a trigger verb: a table of designation dates,
a poll's finding as a share that holds a view, a strike or a show of force by another verb, and a
poll released "this week"."""

from __future__ import annotations

import re
from datetime import date

from followthemoney.statement import StatementEntity

from watchfloor.news.context import ArticleContext
from watchfloor.news.events import detect_events
from watchfloor.news.mentions import Mention

FRIDAY = date(2025, 10, 24)


def _events(
    text: str, published: date = FRIDAY, lang: str = "en", orgs: tuple[str, ...] = ()
) -> list[StatementEntity]:
    """One sentence per line, as the splitter gives a table's rows; the named groups become ORG
    mentions, as the NER would give them."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    mentions = [
        Mention(org, "ORG", found.start(), found.end(), index)
        for org in orgs
        for found in re.finditer(re.escape(org), text)
        for index, (start, end) in enumerate(sentences)
        if start <= found.start() < end
    ]
    ids = {m.start: f"org-{m.start}" for m in mentions}
    ctx = ArticleContext("art-1", text, lang, published, sentences, mentions, ids, title=None)
    return [entity for _, entity in detect_events(ctx)]


def _dated(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return sorted(
        {
            (k[5:], day)
            for e in _events(text, **kwargs)  # type: ignore[arg-type]
            for k in e.get("keywords")
            if k.startswith("mode:")
            for day in e.get("date")
        }
    )


def test_each_row_of_a_designation_date_table_is_a_designation_on_its_day() -> None:
    text = (
        "The following groups are now listed by the ministry:\n"
        "Group Country Date of Designation\n"
        "Los Halcones Peru March 3, 2025\n"
        "Banda Norte Chile March 3, 2025\n"
        "Red Sur Bolivia July 9, 2025\n"
        "We will keep this page current."
    )
    assert _dated(text) == [("designation", "2025-03-03"), ("designation", "2025-07-09")]
    spanish = "Grupo País Fecha de designación\nLos Halcones Perú 3 de marzo de 2025\nFin del cuadro."
    assert _dated(spanish, lang="es") == [("designation", "2025-03-03")]


def test_dated_lines_under_another_header_are_no_designations() -> None:
    text = "Port Country Date of arrival\nCallao Peru March 3, 2025\nArica Chile July 9, 2025"
    assert _dated(text) == []


def test_a_share_that_holds_a_view_dates_the_poll_that_found_it() -> None:
    text = "El estudio, realizado el 14 de octubre entre 900 adultos, indica que 41 % apoya la ley."
    assert _dated(text, lang="es") == [("poll", "2025-10-14")]
    assert _dated("The study, conducted on October 14, found 41% oppose the bill.") == [
        ("poll", "2025-10-14")
    ]
    # a share of something else is no poll
    assert _dated("On October 14, prices rose 41% in the capital.") == []


def test_a_poll_released_this_week_is_not_dated_by_the_weeks_last_day() -> None:
    [poll] = _events("Una nueva encuesta publicada esta semana revela una división.", lang="es")
    assert poll.get("date") == []
    assert (poll.get("startDate"), poll.get("endDate")) == (["2025-10-20"], ["2025-10-26"])


def test_forces_that_target_a_vessel_strike_it() -> None:
    assert _dated("On Oct. 20, U.S. forces targeted two drug-trafficking vessels in the Pacific.") == [
        ("strike", "2025-10-20")
    ]
    assert _dated("El 20 de octubre, fuerzas militares impactaron una lancha en el Caribe.", lang="es") == [
        ("strike", "2025-10-20")
    ]
    # a sanction that targets vessels is no strike
    assert _dated("On Oct. 20, the Treasury sanctions targeted two oil vessels.") == []


def test_warplanes_flown_near_a_theatre_are_a_deployment() -> None:
    assert _dated("Two B-52 bombers flew along the coast of Venezuela on Thursday.") == [
        ("deployment", "2025-10-23")
    ]
    assert _dated("Cazas estadounidenses sobrevolaron el Caribe el jueves.", lang="es") == [
        ("deployment", "2025-10-23")
    ]
    assert _dated("The minister flew to Caracas on Thursday.") == []


def test_an_act_carried_on_from_a_dated_signing_takes_its_day() -> None:
    text = (
        "El presidente firmó el martes 21 de octubre el decreto que declara el estado de excepción.\n"
        "Con ello se cataloga como grupos terroristas a Los Halcones y a la Banda Norte."
    )
    assert _dated(text, lang="es", orgs=("Los Halcones",)) == [("designation", "2025-10-21")]
    english = (
        "The president signed the decree on October 21 declaring a state of emergency.\n"
        "With it, the cabinet designated the Halcones gang as a terrorist organization."
    )
    assert _dated(english, orgs=("Halcones",)) == [("designation", "2025-10-21")]


def test_an_act_that_does_not_carry_on_from_a_dated_sentence_stays_undated() -> None:
    text = (
        "El presidente firmó el martes 21 de octubre el decreto que declara el estado de excepción.\n"
        "Meses antes se catalogó como grupos terroristas a Los Halcones y a la Banda Norte."
    )
    assert _dated(text, lang="es", orgs=("Los Halcones",)) == []
