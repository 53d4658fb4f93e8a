"""Temporal expressions resolved as a tagger does: reference date, tense, nearest year, periods."""

from __future__ import annotations

from datetime import date

import pytest

from watchfloor.news.dates import (
    effective_on_publication,
    find_dates,
    is_history,
    reference_date,
    resolve,
    signed_date,
)

FRIDAY = date(2025, 10, 24)
MID_NOVEMBER = date(2025, 11, 10)


def _values(text: str, base: date | None, lang: str = "en", prefer: str = "nearest") -> list[str]:
    return [d.value for d in find_dates(text, base, lang, prefer)]


def test_past_weekday_equal_to_the_reference_weekday_is_the_reference_day() -> None:
    assert _values("Hegseth announced Friday that the Navy sank a second vessel.", FRIDAY) == ["2025-10-24"]
    assert _values("El Pentágono anunció el viernes un nuevo ataque.", FRIDAY, "es") == ["2025-10-24"]


def test_future_weekday_is_the_next_such_day() -> None:
    assert _values("The envoys will meet on Friday in Doha.", FRIDAY) == ["2025-10-31"]
    assert _values("The envoys will meet on Tuesday in Doha.", FRIDAY) == ["2025-10-28"]
    assert _values("Los enviados se reunirán el martes en Doha.", FRIDAY, "es") == ["2025-10-28"]


def test_weekday_without_tense_is_the_nearest_and_last_is_strictly_before() -> None:
    assert _values("Vote on Thursday", FRIDAY) == ["2025-10-23"]
    assert _values("Vote on Monday", FRIDAY) == ["2025-10-27"]
    assert _values("last Friday", FRIDAY) == ["2025-10-17"]
    assert _values("el viernes pasado", FRIDAY, "es") == ["2025-10-17"]


def test_month_day_without_year_takes_the_closest_year() -> None:
    assert _values("El decreto fue publicado el 24 de noviembre.", MID_NOVEMBER, "es", "past") == [
        "2025-11-24"
    ]
    assert _values("Sanctions take effect on Dec. 1.", date(2025, 11, 30)) == ["2025-12-01"]
    assert _values("The first strike came on Sept. 2.", date(2026, 1, 10)) == ["2025-09-02"]
    # effective "November 24" read on the 30th is six days back, not a year ahead
    assert _values("effective November 24", date(2025, 11, 30), prefer="future") == ["2025-11-24"]


def test_tense_decides_a_month_within_eleven_months() -> None:
    assert _values("Talks began in March.", date(2025, 11, 20)) == ["2025-03"]
    assert _values("Talks will resume in March.", date(2025, 11, 20)) == ["2026-03"]
    assert _values("The group was designated in February.", date(2025, 11, 20)) == ["2025-02"]
    assert _values("La reunión será en julio.", date(2025, 11, 20), "es") == ["2026-07"]


def test_may_and_march_in_lower_case_are_verbs_not_months() -> None:
    assert _values("Officials may march on the capital.", MID_NOVEMBER) == []
    assert _values("The talks collapsed in May.", MID_NOVEMBER) == ["2025-05"]


def test_since_is_an_open_period() -> None:
    [since] = find_dates("Strikes have continued since September.", date(2025, 11, 20))
    assert (since.value, since.since, since.until, since.point) == ("2025-09", True, None, False)
    [desde] = find_dates("Los ataques continúan desde septiembre.", date(2025, 11, 20), "es")
    assert (desde.value, desde.since) == ("2025-09", True)


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("between September and November", "en", "2025-09", "2025-11"),
        ("from 2 to 5 December", "en", "2025-12-02", "2025-12-05"),
        ("from December 2 to 5", "en", "2025-12-02", "2025-12-05"),
        ("del 2 al 5 de diciembre", "es", "2025-12-02", "2025-12-05"),
        ("entre septiembre y noviembre", "es", "2025-09", "2025-11"),
        ("between Dec. 20 and Jan. 3", "en", "2025-12-20", "2026-01-03"),
        # a span of days in one month, as English polls date their fieldwork
        ("Dec. 2-5", "en", "2025-12-02", "2025-12-05"),
        ("December 2–5, 2025", "en", "2025-12-02", "2025-12-05"),
        ("Dec. 2 to 5", "en", "2025-12-02", "2025-12-05"),
    ],
)
def test_ranges_are_periods_not_days(text: str, lang: str, start: str, end: str) -> None:
    [period] = find_dates(f"Patrols are planned {text}.", date(2025, 11, 20), lang, "nearest")
    assert (period.value, period.until, period.point) == (start, end, False)


def test_two_dates_joined_by_y_are_two_days() -> None:
    assert _values("el 2 de septiembre y el 5 de octubre", date(2025, 11, 20), "es") == [
        "2025-09-02",
        "2025-10-05",
    ]


def test_last_week_is_the_previous_monday_to_sunday() -> None:
    [week] = find_dates("The troops were mobilised last week.", date(2025, 11, 19))
    assert (week.value, week.until) == ("2025-11-10", "2025-11-16")


def test_dateline_date_is_the_reference_and_not_a_date_of_the_sentence() -> None:
    text = "Colombia halts intelligence sharing\nBOGOTA, Nov 12 (Reuters) - Colombia said on Tuesday it had halted intelligence sharing."
    reference = reference_date(text, date(2025, 11, 14))
    assert reference == date(2025, 11, 12)
    body = text.split("\n", 1)[1]
    assert _values(body, reference) == ["2025-11-11"]  # the Tuesday before the 12th


def test_spanish_and_agency_datelines() -> None:
    assert reference_date(
        "CARACAS, 3 nov (EFE).- El Gobierno venezolano rechazó la medida.", date(2025, 11, 4)
    ) == (date(2025, 11, 3))
    assert reference_date("WASHINGTON, Nov. 12 (AP) — The Senate voted.", date(2025, 11, 14)) == date(
        2025, 11, 12
    )
    assert reference_date("WASHINGTON (AP) — The Senate voted.", date(2025, 11, 14)) == date(2025, 11, 14)


def test_signed_date_of_a_notice() -> None:
    assert signed_date("Dated: November 16, 2025.\nMarco Rubio, Secretary of State.") == "2025-11-16"
    assert (
        signed_date("Dado en Caracas, a los 16 de noviembre de 2025.", date(2025, 11, 20), "es")
        == "2025-11-16"
    )
    assert signed_date("The notice was discussed on November 16, 2025.") is None


def test_effective_upon_publication() -> None:
    assert effective_on_publication("This designation is effective upon publication in the Federal Register.")
    assert effective_on_publication("The order goes into effect upon publication.")
    assert effective_on_publication(
        "La resolución entrará en vigor a partir de su publicación en la Gaceta Oficial."
    )
    assert not effective_on_publication("The notice was published on Monday.")


def test_history_is_recognised() -> None:
    assert is_history("Opposition figures were jailed in the years preceding the last election.")
    assert is_history("Durante décadas el grupo operó en la frontera.")
    assert not is_history("The group was designated on Monday.")


def test_resolve_keeps_its_public_signature() -> None:
    assert resolve("on Sunday", date(2025, 11, 17), "en", "past") == "2025-11-16"
    assert resolve("November 24", date(2025, 11, 17), "en", "future", "day") == "2025-11-24"


def test_a_past_range_across_new_year_stays_in_the_past() -> None:
    [period] = find_dates("Patrols ran between Dec. 20 and Jan. 3.", date(2025, 11, 20))
    assert (period.value, period.until) == ("2024-12-20", "2025-01-03")


def test_a_chronology_entry_is_not_a_dateline() -> None:
    assert _values("Sept. 2: US forces strike a boat off Venezuela.", date(2025, 11, 20)) == ["2025-09-02"]
    assert _values("BOGOTA, Nov 12 (Reuters) - Colombia protested.", date(2025, 11, 14)) == []


def test_a_weekday_after_a_future_passive_without_its_copula_is_ahead() -> None:
    from datetime import date as day

    from watchfloor.news.dates import find_dates

    text = "Rubio signed a notice set to be published in the Federal Register on Thursday."
    [found] = find_dates(text, day(2025, 2, 19))  # a Wednesday
    assert found.value == "2025-02-20"


def test_days_sharing_one_month_are_each_a_day() -> None:
    base = date(2025, 11, 5)
    assert [d.value for d in find_dates("el 14 y 16 de octubre hubo más ataques", base, "es")] == [
        "2025-10-14",
        "2025-10-16",
    ]
    assert [d.value for d in find_dates("strikes on Oct. 3, 14 and 16", base, "en")] == [
        "2025-10-03",
        "2025-10-14",
        "2025-10-16",
    ]
    [period] = find_dates("between 14 and 16 October", base, "en")
    assert (period.value, period.until) == ("2025-10-14", "2025-10-16")


def test_a_release_date_line_under_the_title_is_the_reference_date() -> None:
    text = "Terrorist Designations\n\nSecretary of State\n\nFebruary 20, 2025\n\nToday, the Department acts."
    assert reference_date(text, date(2025, 2, 22)) == date(2025, 2, 20)
    assert reference_date("Title\n\nOn February 20, 2025 the Department acted.", date(2025, 2, 22)) == date(
        2025, 2, 22
    )


def test_since_the_start_of_a_month_in_spanish_is_a_period() -> None:
    [since] = find_dates(
        "Desde principios de septiembre, Estados Unidos lleva a cabo ataques", date(2025, 11, 2), "es"
    )
    assert (since.value, since.point) == ("2025-09", False)


def test_a_month_after_in_or_en_keeps_the_year_written_after_it() -> None:
    text = "The Treasury sanctioned the cartel in April 2015 and the State Department listed it in February 2025."
    assert _values(text, MID_NOVEMBER) == ["2015-04", "2025-02"]
    assert _values("La OFAC sancionó al grupo en abril de 2015.", MID_NOVEMBER, "es") == ["2015-04"]


def test_since_a_month_and_day_is_a_period_from_that_day() -> None:
    [since] = find_dates("Since October 3, strikes have killed 40 people.", MID_NOVEMBER)
    assert (since.value, since.since, since.until) == ("2025-10-03", True, None)


def test_a_day_before_a_score_or_a_count_is_still_a_day() -> None:
    for text in (
        "The vote on Nov. 5 was 51-49.",
        "On Oct. 8 11 people died.",
        "On Oct. 8, 51-49, it failed.",
    ):
        [day] = find_dates(text, date(2025, 11, 20))
        assert (day.point, day.until) == (True, None)


def test_pasado_and_proximo_before_a_calendar_day_set_its_direction() -> None:
    base = date(2025, 10, 24)
    [past] = find_dates("Es uno de los grupos designados el pasado 3 de marzo.", base, "es")
    [ahead] = find_dates("Es la fecha fijada, el próximo 5 de mayo.", base, "es")
    assert (past.value, ahead.value) == ("2025-03-03", "2026-05-05")


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Las redadas crecieron desde el 20 de febrero de este año.", "es", "2025-02-20"),
        ("Inspections grew from February 20 this year onwards.", "en", "2025-02-20"),
        ("El gobierno lo anunciará el 20 de febrero del año pasado, dijo.", "es", "2024-02-20"),
        ("The ministry met on 3 March of last year.", "en", "2024-03-03"),
    ],
)
def test_a_day_of_this_or_last_year_takes_that_year_whatever_the_tense(
    sentence: str, lang: str, expected: str
) -> None:
    """"de este año" / "this year" name the reference's year and "del año pasado" / "last year"
    the one before, even where the closest reading or the tense would pick another."""
    [found] = find_dates(sentence, date(2025, 10, 7), lang)
    assert found.value == expected


def test_a_capitalised_weekday_ending_a_name_is_no_day() -> None:
    """ "Santo Domingo" is a capital, not a Sunday; a weekday written in lower case, or capitalised
    after a determiner in a title ("Ataque Del Domingo"), still is one."""
    assert [d.value for d in find_dates("Ataque Del Domingo en el Caribe", FRIDAY, "es")] == ["2025-10-19"]
    found = find_dates("Las tropas llegaron el martes a Santo Domingo.", FRIDAY, "es")
    assert [d.value for d in found] == ["2025-10-21"]
    assert [d.value for d in find_dates("Santo Domingo, RD.- El Gobierno declaró este martes.", FRIDAY, "es")] == [
        "2025-10-21"
    ]


def test_earlier_in_the_day_is_the_reference_day() -> None:
    assert _values("El ministro anunció más temprano la muerte de tres personas.", FRIDAY, "es") == [
        "2025-10-24"
    ]
    assert _values("Officials had said earlier in the day that the talks failed.", FRIDAY) == ["2025-10-24"]
    # "sooner rather than later" and a comparison are no day
    assert _values("La transición llegará más temprano que tarde.", FRIDAY, "es") == []
    assert _values("Abrió más temprano de lo habitual.", FRIDAY, "es") == []
    # beside the day it is earlier on, that day alone
    assert _values("Más temprano el jueves, el buque zarpó.", FRIDAY, "es", "past") == ["2025-10-23"]
    assert _values("El jueves más temprano, el buque zarpó.", FRIDAY, "es", "past") == ["2025-10-23"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("- RUIZ SOTO, Pedro (DOB 19 Apr 1960), designated on 24 Oct 2025.", ["2025-10-24"]),
        ("Ruiz, born on 23 November 1962, was indicted on March 26, 2020.", ["2020-03-26"]),
        ("Fue sancionado el 3 de mayo de 2021; nacido el 3 de mayo de 1971 en Caracas.", ["2021-05-03"]),
        ("Ruiz (date of birth: 1 June 1970) was sanctioned in June 2021.", ["2021-06"]),
    ],
)
def test_a_date_of_birth_is_no_date_of_what_the_article_reports(text: str, kept: list[str]) -> None:
    assert [mention.value for mention in find_dates(text, date(2025, 10, 25))] == kept


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The Senate voted on Saturday, October 7, to block the measure.", "2023-10-07"),
        ("El Senado votó el sábado 7 de octubre contra la medida.", "2023-10-07"),
    ],
)
def test_a_weekday_that_names_the_date_after_it_is_that_day(text: str, day: str) -> None:
    """AP style ("on Saturday, October 7"): one day, which the date gives, even where the weekday
    read alone against the publication day would point elsewhere."""
    assert [mention.value for mention in find_dates(text, date(2023, 10, 6))] == [day]
