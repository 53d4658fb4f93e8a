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


def test_what_the_sanctions_affected_are_their_parties() -> None:
    text = (
        "La UE sancionó en febrero de 2024 a la fiscal general Ana López Ruiz. Las sanciones afectaban "
        "también al jefe de la Fiscalía Especial, José Rafael Curruchiche Cacul, y al juez Fredy Raúl Orellana."
    )
    found = _sanctions(text, PUBLISHED)
    for party in ("Ana López Ruiz", "José Rafael Curruchiche Cacul", "Fredy Raúl Orellana"):
        assert _has(found, party).get("authority") == ["European Union"]


def test_the_list_of_an_article_reporting_acts_is_theirs() -> None:
    text = (
        "La UE sancionó en febrero de 2024 a la fiscal general Ana López Ruiz. En junio el Consejo de la UE "
        "incluyó en la lista a la Fundación Libertad Plena, a su presidente Ricardo Rafael Méndez Ruiz y a su "
        "representante legal Raúl Amílcar Falla Ovalle."
    )
    found = _sanctions(text, PUBLISHED)
    for party in ("Fundación Libertad Plena", "Ricardo Rafael Méndez Ruiz", "Raúl Amílcar Falla Ovalle"):
        assert _has(found, party).get("program") == ["sanctions"]


def test_the_list_with_no_act_before_names_no_party() -> None:
    text = "El club incluyó en la lista a la Fundación Libertad Plena y a su presidente Ricardo Rafael Méndez Ruiz."
    assert _sanctions(text, PUBLISHED) == {}


def test_an_organisations_officers_after_it_are_parties_too() -> None:
    found = _sanctions(
        "La UE sancionó a la Fundación Libertad Plena y a su presidente Ricardo Rafael Méndez Ruiz.", PUBLISHED
    )
    _has(found, "Fundación Libertad Plena")
    _has(found, "Ricardo Rafael Méndez Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "Juan Pérez Gómez y Ana López Ruiz fueron incluidos en la lista de la OFAC.",
        "Juan Pérez Gómez y Ana López Ruiz fueron incluidos en la lista del Tesoro.",
        "Juan Pérez Gómez and Ana López Ruiz were added to OFAC's list.",
    ],
)
def test_a_list_named_by_its_keeper_is_a_sanctions_list(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    _has(found, "Juan Pérez Gómez")
    _has(found, "Ana López Ruiz")


def test_a_named_party_and_a_count_of_others_in_a_passive_subject() -> None:
    text = "Juan Pérez Gómez y tres conocidos narcotraficantes fueron incluidos en la lista de sanciones de la OFAC."
    assert set(_sanctions(text, PUBLISHED)) == {"juan perez gomez"}


def test_a_count_after_an_adverb_names_no_party() -> None:
    assert _sanctions("Remarkably, 35 individuals have been designated under terrorism authorities.", PUBLISHED) == {}


def test_the_members_a_counted_object_names_after_the_list_it_was_put_on() -> None:
    text = "The Treasury added four companies to its sanctions list, including Inversiones Zeta SA and Grupo Delta SA."
    found = _sanctions(text, PUBLISHED)
    _has(found, "Inversiones Zeta SA")
    _has(found, "Grupo Delta SA")


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned two officials on Monday. The targets of today’s designations are Juan Pérez "
        "Gómez and Ana López Ruiz.",
        "La OFAC sancionó a dos funcionarios. Los objetivos de las sanciones son Juan Pérez Gómez y Ana López Ruiz.",
    ],
)
def test_the_targets_of_the_act_are_its_parties(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for party in ("Juan Pérez Gómez", "Ana López Ruiz"):
        assert _has(found, party).get("authority") == ["US Department of the Treasury"]


@pytest.mark.parametrize(
    "text",
    [
        "La OFAC incluyó ayer en la Lista Clinton a Juan Pérez Gómez y Ana López Ruiz.",
        "La OFAC incluyó este lunes en la lista negra a Juan Pérez Gómez y Ana López Ruiz.",
    ],
)
def test_a_day_between_the_verb_and_the_list_it_puts_parties_on(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    _has(found, "Juan Pérez Gómez")
    _has(found, "Ana López Ruiz")


@pytest.mark.parametrize(
    "text",
    [
        "Estados Unidos designó el viernes como narcotraficantes a Juan Pérez Gómez y a Los Caballeros Templarios.",
        "Estados Unidos designó a Juan Pérez Gómez como narcotraficante.",
    ],
)
def test_designated_as_narcotics_traffickers_is_the_kingpin_act(text: str) -> None:
    assert _has(_sanctions(text, PUBLISHED), "Juan Pérez Gómez").get("program") == ["SDNTK"]


def test_known_as_a_trafficker_is_no_designation() -> None:
    assert _sanctions("Juan Pérez Gómez, conocido como narcotraficante, fue detenido.", PUBLISHED) == {}


def test_the_sanctions_extended_to_are_parties() -> None:
    text = (
        "El Tesoro sancionó a dos hombres. Las sanciones se extendieron a dos empresas mexicanas: "
        "Inversiones Zeta S.A. de C.V. y Grupo Delta S.A. de C.V."
    )
    found = _sanctions(text, PUBLISHED)
    _has(found, "Inversiones Zeta")
    _has(found, "Grupo Delta")
