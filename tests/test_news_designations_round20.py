"""Round 20 of the designation readings. One list of attribution verbs for every reader: the speaker a designation's object ends before,
a telling's "that", the attribution a sentence closes with. Sentences written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.test_news_designations import _has, _sanctions
from watchfloor.news import designations, events
from watchfloor.news.modality import ATTRIBUTION_EN, ATTRIBUTION_ES

PUBLISHED = date(2025, 9, 20)


@pytest.mark.parametrize("verb", ["informó", "señaló", "precisó", "dijo"])
def test_the_speaker_after_the_object_is_no_party(verb: str) -> None:
    found = _sanctions(
        f"Granada declaró organización terrorista al Cartel de los Soles, {verb} la primera ministra Ana Ruiz Soto.",
        PUBLISHED,
    )
    _has(found, "Cartel de los Soles")
    assert not any("ruiz" in key for key in found), sorted(found)


def _verbs(alternation: str) -> list[str]:
    """Each verb of an alternation, a character class spelled with its first letter."""
    return [re.sub(r"\[(.)[^\]]*\]", r"\1", verb) for verb in alternation.split("|")]


@pytest.mark.parametrize("verb", _verbs(ATTRIBUTION_EN) + _verbs(ATTRIBUTION_ES))
def test_every_reader_knows_every_attribution_verb(verb: str) -> None:
    assert designations.OBJECT_END.search(f"a X, {verb} la ministra") is not None
    assert events.TRAILING_ATTRIBUTION.search(f"a boat was struck, {verb} the minister") is not None
    assert events.SPEECH_THAT.search(f"the minister {verb} that a boat was struck") is not None


@pytest.mark.parametrize(
    "text",
    [
        "El Tesoro incluyó el 5 de mayo en la Lista Clinton a Juan Pérez Gómez.",
        "El Tesoro incluyó formalmente en la Lista Clinton a Juan Pérez Gómez.",
        "El Tesoro incluyó el pasado lunes en la Lista Clinton a Juan Pérez Gómez.",
    ],
)
def test_the_fillers_before_an_object_may_come_before_its_list(text: str) -> None:
    """One definition of what stands between a verb and its object, whether the list comes first."""
    _has(_sanctions(text, PUBLISHED), "Juan Pérez Gómez")


@pytest.mark.parametrize("kin", ["yerno", "nieto", "cuñado", "hermano"])
def test_a_relative_named_after_the_kin_word_is_a_party(kin: str) -> None:
    found = _sanctions(f"La OFAC sancionó a Juan Díaz Mora y a su {kin} Pedro Ruiz Soto.", PUBLISHED)
    _has(found, "Juan Díaz Mora")
    _has(found, "Pedro Ruiz Soto")


@pytest.mark.parametrize(
    "text",
    [
        "Pedro Ruiz Soto, leader of the Los Halcones gang, was sanctioned by the Treasury.",
        "Pedro Ruiz Soto, former defense minister, was sanctioned by the Treasury on Monday.",
        "Pedro Ruiz Soto, exministro de Defensa, fue sancionado por el Tesoro.",
    ],
)
def test_a_role_without_an_article_between_a_passive_subject_and_its_verb(text: str) -> None:
    _has(_sanctions(text, PUBLISHED), "Pedro Ruiz Soto")


def test_among_others_is_no_appositive_of_the_last_name_listed() -> None:
    found = _sanctions(
        "El cartel de los Soles, una red dirigida por Juan Díaz Mora y Ana Ruiz Soto, entre otros, ha sido "
        "designado por el Departamento del Tesoro.",
        PUBLISHED,
    )
    assert not any("ruiz" in key or "diaz" in key for key in found), sorted(found)
