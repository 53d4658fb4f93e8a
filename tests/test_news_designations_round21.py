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


def test_a_designation_a_proposal_responds_to_has_happened() -> None:
    """What a clause answers happened, whatever the clause proposes: the list after it has its act."""
    found = _sanctions(
        "The president proposed these changes in direct response to the United States designating eight "
        "criminal organizations as foreign terrorist organizations. The list includes the Sinaloa Cartel, "
        "the Gulf Cartel and Tren de Aragua.",
        date(2025, 3, 12),
    )
    for name in ("Sinaloa Cartel", "Gulf Cartel", "Tren de Aragua"):
        _has(found, name)


def test_a_proposal_to_designate_is_still_none() -> None:
    found = _sanctions("The senator proposed designating the Cartel de los Soles as a terrorist organization.")
    assert not found, sorted(found)
