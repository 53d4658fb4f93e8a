"""Round 21 of the designation readings. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_designations import _has, _sanctions

PUBLISHED = date(2025, 10, 24)


@pytest.mark.parametrize(
    "text",
    [
        "The Council of the European Union decided to impose restrictive measures on Carlos Ruiz Soto.",
        "El Consejo de la Unión Europea sancionó a Carlos Ruiz Soto por socavar la democracia.",
    ],
)
def test_the_council_of_the_eu_acts_for_the_union(text: str) -> None:
    sanction = _has(_sanctions(text, PUBLISHED), "Carlos Ruiz Soto")
    assert sanction.get("authority") == ["European Union"]


def test_each_los_group_of_a_coordinated_list_is_a_party() -> None:
    found = _sanctions("Ecuador declared Los Halcones and Los Cuervos terrorist organizations.", PUBLISHED)
    _has(found, "Los Halcones")
    _has(found, "Los Cuervos")
