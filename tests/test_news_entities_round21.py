"""Round 21 of the entity readings. Sentences written for these tests."""

from __future__ import annotations

import pytest

from watchfloor.news.pipeline import get_nlp


def _labels(text: str) -> dict[str, str]:
    return {span.text: span.label_ for span in get_nlp("en")(text).ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Carlos Ruiz Soto, who is married to Ana Mora Díaz, was sanctioned.", "Ana Mora Díaz"),
        ("Treasury took financial measures against Adán Chávez, Francisco Ameliach and others.", "Adán Chávez"),
    ],
)
def test_an_accented_spanish_name_the_model_took_for_a_group_is_a_person(text: str, name: str) -> None:
    assert _labels(text).get(name) == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Micanor Altès was named head of the Wharf Jérémie gang in 2024.", "Wharf Jérémie"),
        ("The group has operated since 2022 in Cerro Chuño, a camp in Arica.", "Cerro Chuño"),
    ],
)
def test_a_group_or_place_with_an_accented_name_is_no_person(text: str, name: str) -> None:
    assert _labels(text).get(name, "none") != "PERSON"


def test_a_los_name_after_a_place_preposition_stays_a_place() -> None:
    labels = _labels("The gang operates in Los Olivos, a district of the capital.")
    assert labels.get("Los Olivos") != "ORG"
