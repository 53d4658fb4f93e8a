"""Round 19 of the designation readings: the State Department's visa-ineligibility designations
(Section 7031(c): "designating X as generally ineligible for entry into the United States",
"declarado significativamente corrupto"), the Treasury's Global Magnitsky programme, and what an
act "is aimed at" / "está dirigida a". Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_designations import _has, _sanctions

PUBLISHED = date(2024, 11, 26)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The United States is designating Juan Pérez Gómez, former Minister of the Interior, and "
            "Ana López Ruiz as generally ineligible for entry into the United States.",
            ["Juan Pérez Gómez", "Ana López Ruiz"],
        ),
        ("The Department of State is designating Juan Pérez Gómez under Section 7031(c).", ["Juan Pérez Gómez"]),
        (
            "El Departamento de Estado designó al exministro Juan Pérez Gómez como inelegible para ingresar "
            "a Estados Unidos.",
            ["Juan Pérez Gómez"],
        ),
        (
            "El exalcalde Juan Pérez Gómez fue declarado «significativamente corrupto» por Washington.",
            ["Juan Pérez Gómez"],
        ),
    ],
)
def test_a_visa_ineligibility_designation_is_the_state_departments(text: str, parties: list[str]) -> None:
    found = _sanctions(text, PUBLISHED)
    for party in parties:
        sanction = _has(found, party)
        assert sanction.get("program") == ["7031(c)"]
        assert sanction.get("authority") == ["US Department of State"]


def test_a_global_magnitsky_designation_is_the_treasurys() -> None:
    found = _sanctions("The United States designated Juan Pérez Gómez under the Global Magnitsky Act.", PUBLISHED)
    sanction = _has(found, "Juan Pérez Gómez")
    assert sanction.get("program") == ["GLOMAG"]
    assert sanction.get("authority") == ["US Department of the Treasury"]


def test_designated_with_no_programme_is_still_no_act() -> None:
    assert _sanctions("The mayor designated Juan Pérez Gómez as head of the parks office.", PUBLISHED) == {}


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned two former officials on Monday. The action is aimed at Juan Pérez Gómez "
        "and Ana López Ruiz.",
        "El Tesoro sancionó el lunes a dos exfuncionarios. Esta acción está dirigida a Juan Pérez Gómez, "
        "exjefe de Gabinete, y Ana López Ruiz, diputada.",
    ],
)
def test_what_the_action_is_aimed_at_are_its_parties(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for party in ("Juan Pérez Gómez", "Ana López Ruiz"):
        assert _has(found, party).get("authority") == ["US Department of the Treasury"]
