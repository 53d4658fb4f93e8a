"""Round 23 of the designation readings: counted objects whose members follow (after a dash, a
parenthesis, a colon or a comma), measures that "se dirigen a" their parties, a Spanish asset freeze
imposed on someone, vessels identified as blocked property. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_designations import _has, _sanctions

PUBLISHED = date(2025, 10, 24)

THREE = ("Juan Pérez Gómez", "Pedro Ruiz Soto", "Luis Mora Vega")


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury on Tuesday sanctioned three men — Juan Pérez Gómez, Pedro Ruiz Soto and Luis Mora Vega — "
        "under the same executive order.",
        "The State Department designated three Blue Front leaders – Juan Pérez Gómez, Pedro Ruiz Soto and Luis "
        "Mora Vega – as Specially Designated Global Terrorists.",
        "El Tesoro sancionó a tres hombres —Juan Pérez Gómez, Pedro Ruiz Soto y Luis Mora Vega— por lavar dinero "
        "para el cártel.",
        "El Departamento de Estado agregó al Frente Azul y a tres de sus líderes, Juan Pérez Gómez, Pedro Ruiz Soto "
        "y Luis Mora Vega, a su lista de terroristas.",
        "El Departamento de Estado designó el viernes al Frente Azul y a tres de sus altos cargos: Juan Pérez Gómez, "
        "Pedro Ruiz Soto y Luis Mora Vega, como Terroristas Globales Especialmente Designados.",
    ],
)
def test_a_counted_object_names_its_members_after_the_count(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for name in THREE:
        _has(found, name)


def test_a_counted_list_in_parentheses_names_the_groups() -> None:
    found = _sanctions(
        "Canadá añadió tres grupos vinculados con Al Qaeda (el Frente Azul, Black Hand y Ansar Edine) a su lista "
        "de entidades terroristas.",
        PUBLISHED,
    )
    for name in ("Frente Azul", "Black Hand", "Ansar Edine"):
        _has(found, name)


def test_a_count_that_the_names_do_not_match_names_no_member() -> None:
    found = _sanctions(
        "The Treasury sanctioned two men — Pedro Ruiz Soto, Luis Mora Vega and Ana Díaz Ortiz — on Tuesday.",
        PUBLISHED,
    )
    assert not found, sorted(found)


def test_a_count_inside_the_ground_of_an_act_names_no_party() -> None:
    found = _sanctions(
        "The Treasury sanctioned Juan Pérez Gómez for running two companies — Azul Trading and Rojo Shipping — "
        "that moved cash for the cartel.",
        PUBLISHED,
    )
    _has(found, "Juan Pérez Gómez")
    assert len({str(s.id) for s in found.values()}) == 1, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Las sanciones del Tesoro se dirigen a Juan Pérez Gómez, líder de la empresa Azul Petroleum.",
        "Las restricciones del Departamento del Tesoro se dirigen contra Juan Pérez Gómez.",
    ],
)
def test_measures_that_se_dirigen_a_a_party_sanction_it(text: str) -> None:
    sanction = _has(_sanctions(text, PUBLISHED), "Juan Pérez Gómez")
    assert "US Department of the Treasury" in sanction.get("authority")


def test_a_spanish_asset_freeze_imposed_on_people_is_a_sanction_of_each() -> None:
    found = _sanctions(
        "El Consejo de Seguridad impuso el martes una congelación de activos y una prohibición de viajar al líder "
        "rebelde Juan Pérez Gómez y a Pedro Ruiz Soto.",
        PUBLISHED,
    )
    for name in THREE[:2]:
        sanction = _has(found, name)
        assert "sanctions" in sanction.get("program"), sanction.get("program")
        assert "United Nations Security Council" in sanction.get("authority")


@pytest.mark.parametrize(
    "text",
    [
        "OFAC also identified the vessels Sea Star and Ocean Pearl as blocked property.",
        "La OFAC identificó además los buques Sea Star y Ocean Pearl como propiedad bloqueada.",
    ],
)
def test_vessels_identified_as_blocked_property_are_designated(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for name in ("Sea Star", "Ocean Pearl"):
        assert "SDN" in _has(found, name).get("program")


def test_identified_without_blocked_property_designates_nothing() -> None:
    assert not _sanctions("OFAC identified the vessels Sea Star and Ocean Pearl in its report.", PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "Those sanctioned by the Treasury on Tuesday include Juan Pérez Gómez, Pedro Ruiz Soto and Luis Mora Vega.",
        "Los sancionados por el Tesoro incluyen a Juan Pérez Gómez, Pedro Ruiz Soto y Luis Mora Vega.",
    ],
)
def test_those_sanctioned_include_names_the_parties(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for name in THREE:
        _has(found, name)


@pytest.mark.parametrize(
    "text",
    [
        "Another of those sanctioned by the Treasury is Juan Pérez Gómez, who laundered money for the cartel.",
        "Por su parte, otra de las personas sancionadas por el Tesoro es Juan Pérez Gómez, quien lavaba dinero.",
        "Por su parte, otra de las personas ahora castigadas por el Tesoro es Juan Pérez Gómez, quien lavaba dinero.",
    ],
)
def test_another_of_those_sanctioned_is_a_party(text: str) -> None:
    _has(_sanctions(text, PUBLISHED), "Juan Pérez Gómez")


def test_those_who_were_sanctioned_include_no_description() -> None:
    assert not _sanctions("Those who were sanctioned include people who helped them.", PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury on Thursday hit Juan Pérez Gómez and Pedro Ruiz Soto with sanctions.",
        "Juan Pérez Gómez and Pedro Ruiz Soto now face sanctions under Executive Order 14059.",
    ],
)
def test_hit_with_and_facing_an_orders_sanctions_are_designations(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for name in THREE[:2]:
        _has(found, name)


@pytest.mark.parametrize(
    "text", ["The storm hit Juan Pérez Gómez with full force.", "Tourists face sanctions under the new law."]
)
def test_hit_and_face_without_a_bodys_sanctions_designate_nothing(text: str) -> None:
    assert not _sanctions(text, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned a Colombia-based Hezbollah group on Tuesday.",
        "The Treasury sanctioned a Hezbollah network in Colombia on Tuesday.",
        "The Treasury sanctioned a Sinaloa Cartel faction led by Juan Pérez Gómez.",
    ],
)
def test_a_part_of_a_named_group_is_not_the_group(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    assert not any(key in found for key in ("hezbollah", "sinaloa cartel")), sorted(found)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Treasury sanctioned the Wagner Group on Tuesday.", "Wagner Group"),
        ("The Treasury sanctioned Hezbollah and a Sinaloa Cartel cell.", "Hezbollah"),
    ],
)
def test_a_named_group_is_still_a_party(text: str, party: str) -> None:
    _has(_sanctions(text, PUBLISHED), party)


SIX = (
    "Juan Pérez Gómez",
    "Pedro Ruiz Soto",
    "Luis Mora Vega",
    "Raúl Vera Cano",
    "Mario León Gil",
    "Tomás Gil Ruiz",
)


@pytest.mark.parametrize(
    "second",
    [
        "They are Juan Pérez Gómez, Pedro Ruiz Soto, Luis Mora Vega, Raúl Vera Cano, Mario León Gil and Tomás Gil Ruiz.",
        "The Treasury named the six as Juan Pérez Gómez, Pedro Ruiz Soto, Luis Mora Vega, Raúl Vera Cano, Mario León "
        "Gil and Tomás Gil Ruiz.",
    ],
)
def test_men_counted_by_an_act_are_named_in_the_next_sentence(second: str) -> None:
    found = _sanctions("The Treasury on Tuesday sanctioned six men tied to the cartel. " + second, PUBLISHED)
    for name in SIX:
        _has(found, name)


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned eight members of the network on Tuesday. Those named include Juan Pérez Gómez and "
        "Pedro Ruiz Soto. Others are Luis Mora Vega and Raúl Vera Cano.",
        "The Treasury sanctioned eight members of the network on Tuesday. Those mentioned in the network include "
        "Juan Pérez Gómez (Pérez) and Pedro Ruiz Soto (Ruiz). Others are Luis Mora Vega and Raúl Vera Cano.",
    ],
)
def test_others_and_those_mentioned_go_on_with_the_act(text: str) -> None:
    found = _sanctions(text, PUBLISHED)
    for name in SIX[:4]:
        _has(found, name)


def test_others_with_no_act_before_name_no_party() -> None:
    assert not _sanctions(
        "The senator spoke on Tuesday. Others are less sure about Juan Pérez Gómez.", PUBLISHED
    )


def test_the_speaker_after_a_counted_act_is_no_party() -> None:
    found = _sanctions(
        "La Oficina de Control de Activos Extranjeros (OFAC) del Departamento del Tesoro emitió ayer sanciones contra "
        "dos líderes del cártel y una empresaria. El subsecretario del Tesoro para Terrorismo e Inteligencia "
        "Financiera, Brian E. Nelson, aseveró que el cártel “se apoya en una red de actividades criminales”.",
        PUBLISHED,
    )
    assert not found, sorted(found)


@pytest.mark.parametrize(
    ("text", "authority"),
    [
        (
            "Washington put Juan Pérez Gómez and Pedro Ruiz Soto on its terrorist list on Friday.",
            "United States",
        ),
        ("Juan Pérez Gómez was put on the U.S. sanctions list in 2019.", "US Department of the Treasury"),
        ("Juan Pérez Gómez was placed under sanctions by the European Union on Monday.", "European Union"),
        ("Juan Pérez Gómez was slapped with U.S. sanctions on Monday.", "US Department of the Treasury"),
        (
            "El Tesoro colocó a Juan Pérez Gómez en la lista de narcotraficantes especialmente designados.",
            "US Department of the Treasury",
        ),
    ],
)
def test_put_placed_and_slapped_with_sanctions_are_designations(text: str, authority: str) -> None:
    assert authority in _has(_sanctions(text, PUBLISHED), "Juan Pérez Gómez").get("authority")


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("Canada has listed Juan Pérez Gómez under the Special Economic Measures Act.", "sanctions"),
        (
            "Canada listed the Blue Front cartel as a terrorist entity under the Criminal Code.",
            "terrorist-list",
        ),
    ],
)
def test_a_listing_under_a_law_takes_the_laws_programme(text: str, program: str) -> None:
    found = _sanctions(text, PUBLISHED)
    sanction = _has(found, "Juan Pérez Gómez" if "Juan" in text else "Blue Front")
    assert program in sanction.get("program"), sanction.get("program")


def test_listed_under_a_law_that_is_no_sanctions_law_is_no_designation() -> None:
    assert not _sanctions("The band listed its songs under the Creative Commons Act.", PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "Tren de Aragua's FTO designation takes effect on Monday.",
        "The State Department's designation of Tren de Aragua takes effect on Monday.",
        "La designación del Tren de Aragua entra en vigor el lunes.",
    ],
)
def test_a_designation_that_takes_effect_on_a_day_is_dated(text: str) -> None:
    sanction = _has(_sanctions(text, PUBLISHED), "Tren de Aragua")
    assert sanction.get("startDate") == ["2025-10-27"], sanction.get("startDate")


def test_a_makers_possessive_designation_names_no_party() -> None:
    assert not _sanctions("The State Department's designation was criticised by Juan Pérez Gómez.", PUBLISHED)


def test_spanish_e_joins_only_before_an_i_sound() -> None:
    joined = _sanctions("El Tesoro sancionó a Juan Pérez Gómez e Ignacio Ruiz Soto.", PUBLISHED)
    _has(joined, "Juan Pérez Gómez")
    _has(joined, "Ignacio Ruiz Soto")
    creole = _sanctions(
        "La ONU sancionó a Juan Pérez Gómez, líder de la federación Bann Lan e Alye.", PUBLISHED
    )
    _has(creole, "Juan Pérez Gómez")
    assert "alye" not in creole, sorted(creole)
