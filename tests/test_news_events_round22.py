"""Round 22 of the event readings: acts that are the topic of a doubt, a judgement or a relative
clause in the perfect take no day of their sentence. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_events import _dated

PUBLISHED = date(2025, 12, 5)  # a Friday


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Cabinet officials are expected back on Capitol Hill on Tuesday as questions mount over deadly "
            "boat strikes in international waters.",
            "en",
        ),
        ("Las dudas sobre el primer ataque contra narcolanchas en el Caribe aumentaron el lunes.", "es"),
        ("Lawmakers on Monday criticised the boat strikes.", "en"),
        ("On Tuesday, the Pentagon defended the strikes.", "en"),
        ("Petro condenó este martes los ataques de Estados Unidos.", "es"),
        (
            "The admiral overseeing Southern Command, where the US has carried out multiple strikes against "
            "alleged cartels, is retiring, Hegseth said on Thursday.",
            "en",
        ),
    ],
)
def test_acts_told_as_a_topic_take_no_day_of_their_sentence(text: str, lang: str) -> None:
    assert _dated(text, published=PUBLISHED, lang=lang) == [("strike", [])]


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("The US military struck a boat on Tuesday, killing three people.", "en", "2025-12-02"),
        ("Petro condenó los ataques del 2 de septiembre.", "es", "2025-09-02"),
        ("El 17 de octubre aumentaron los ataques en aguas del Pacífico.", "es", "2025-10-17"),
    ],
)
def test_acts_the_sentence_reports_or_dates_keep_their_day(text: str, lang: str, day: str) -> None:
    assert _dated(text, published=PUBLISHED, lang=lang) == [("strike", [day])]


def test_a_lead_in_the_perfect_is_the_days_news() -> None:
    text = (
        "Canada has imposed sanctions on three Haitian individuals, the foreign minister announced on Friday."
    )
    assert _dated(text, published=PUBLISHED) == [("designation", ["2025-12-05"])]
