"""Round 23 of the link readings: a plural relative clause on a list of names, an affiliate of an
armed group, a boss's lieutenant, coordinated ownership verbs, shareholders and managers, trafficking
for an armed group. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_relations import _links
from tests.test_news_relations_round22 import _has_link
from watchfloor.news import RawDocument, extract


@pytest.mark.parametrize(
    "text",
    [
        "The State Department listed Juan Pérez Gómez, Pedro Ruiz Soto, and Luis Mora Vega, who are leaders of the "
        "Sinaloa Cartel, as terrorists.",
        "El Departamento de Estado designó a Juan Pérez Gómez y Luis Mora Vega, quienes son líderes del Cártel de "
        "Sinaloa.",
    ],
)
def test_a_plural_relative_clause_gives_the_role_to_every_listed_name(text: str) -> None:
    for person in ("juan-perez-gomez", "pedro-ruiz-soto", "luis-mora-vega"):
        if person.split("-")[0].title() in text:
            assert _has_link(text, "Directorship", director=person, organization="sinaloa"), _links(text)


def test_a_singular_role_after_a_list_stays_with_the_last_name() -> None:
    text = "The Treasury sanctioned Juan Pérez Gómez and Luis Mora Vega, the leader of the Sinaloa Cartel."
    assert _has_link(text, "Directorship", director="luis-mora-vega", organization="sinaloa"), _links(text)
    assert not _has_link(text, "Directorship", director="juan-perez-gomez"), _links(text)


@pytest.mark.parametrize(
    ("text", "affiliate", "group"),
    [
        ("ISIS-Somalia, an affiliate of the Islamic State, was designated.", "isis-somalia", "islamic-state"),
        ("Ansaru es el afiliado de Al Qaeda en el Magreb Islámico en Nigeria.", "ansaru", "al-qaeda"),
    ],
)
def test_an_affiliate_of_an_armed_group_is_linked_to_it(text: str, affiliate: str, group: str) -> None:
    assert _has_link(text, "UnknownLink", subject=affiliate, object=group), _links(text)


def test_counted_affiliates_without_names_link_nothing() -> None:
    text = "Five affiliates of ISIS, three al-Qaida affiliates and Hizbul Mujahedin were also listed."
    assert not any(link[0] == "UnknownLink" for link in _links(text)), _links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Juan Pérez Gómez, a top lieutenant of Pedro Ruiz Soto, was sanctioned.",
        "Juan Pérez Gómez es además uno de los principales lugartenientes de Pedro Ruiz Soto, según el Tesoro.",
        "Juan Pérez Gómez, operador financiero de Pedro Ruiz Soto, fue sancionado.",
    ],
)
def test_a_bosss_lieutenant_is_linked_to_the_boss(text: str) -> None:
    assert _has_link(text, "UnknownLink", subject="juan-perez-gomez", object="pedro-ruiz-soto"), _links(text)


def test_an_operative_of_a_cartel_stays_a_member() -> None:
    text = "Juan Pérez Gómez, an operative of the Sinaloa Cartel, was sanctioned."
    assert _has_link(text, "Membership", member="juan-perez-gomez", organization="sinaloa"), _links(text)
    assert not any(link[0] == "UnknownLink" for link in _links(text)), _links(text)


def test_owns_and_operates_owns_the_object_of_the_second_verb() -> None:
    text = "Juan Pérez Gómez owns and operates Azul Trading, a Dubai-based firm."
    assert _has_link(text, "Ownership", owner="juan-perez-gomez", asset="azul-trading"), _links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Juan Pérez Gómez, accionista de Azul Trading, fue sancionado.",
        "Juan Pérez Gómez, el principal accionista de Azul Trading, fue sancionado.",
    ],
)
def test_a_shareholder_owns_the_firm(text: str) -> None:
    assert _has_link(text, "Ownership", owner="juan-perez-gomez", asset="azul-trading"), _links(text)


def test_a_persons_general_manager_role_leads_the_firm() -> None:
    text = "Juan Pérez Gómez, the general manager of Azul Trading, was sanctioned."
    assert _has_link(text, "Directorship", director="juan-perez-gomez", organization="azul-trading"), _links(
        text
    )


def test_a_firm_that_manages_a_vessel_leads_nothing() -> None:
    text = "Azul Shipping Limited, the manager of the vessel Sea Star, was sanctioned by the Treasury."
    assert not any(link[0] == "Directorship" for link in _links(text)), _links(text)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Juan Pérez Gómez smuggled weapons for the Houthis.", "material support"),
        ("Juan Pérez Gómez trafficked migrants for the Sinaloa Cartel, the Treasury said.", "trafficked for"),
    ],
)
def test_trafficking_for_an_armed_group_links_to_it(text: str, role: str) -> None:
    result = extract(RawDocument(text, "rel.txt", published=date(2025, 11, 17)))
    roles = [" ".join(e.get("role")) for e in result.entities if e.schema.name == "UnknownLink"]
    assert any(role in r for r in roles), roles


def test_shipping_for_a_client_links_nothing() -> None:
    text = "Juan Pérez Gómez smuggled cigarettes for Azul Trading, a tobacco firm."
    assert not any(link[0] == "UnknownLink" for link in _links(text)), _links(text)


def test_an_armed_groups_affiliate_is_linked_not_owned() -> None:
    text = (
        "JNIM, la filial más grande de Al Qaeda en África Occidental, se ha atribuido numerosos secuestros."
    )
    assert _has_link(text, "UnknownLink", subject="al-qaeda", object="jnim") or _has_link(
        text, "UnknownLink", subject="jnim", object="al-qaeda"
    ), _links(text)
    assert not any(link[0] == "Ownership" for link in _links(text)), _links(text)


def test_a_firms_subsidiary_is_still_owned() -> None:
    text = "Azul Trading, a subsidiary of Rojo Holdings, was sanctioned."
    assert _has_link(text, "Ownership", owner="rojo-holdings", asset="azul-trading"), _links(text)


def test_a_government_body_is_no_member_of_a_group() -> None:
    text = (
        "La medida del Departamento del Tesoro contra Kufa, un destacado miembro del Grupo de Apoyo al Islam y los "
        "Musulmanes (JNIM), rama de Al Qaeda en Malí, se suma a otras sanciones."
    )
    members = [part for link in _links(text) for part in link[1:] if part.startswith("member=")]
    assert not any("treasury" in member for member in members), _links(text)


def test_an_armed_group_heads_no_other_armed_group() -> None:
    text = (
        "ISIS-Somalia pledged allegiance to ISIS in 2015 under Abdiqadr Mumin (Mumin), previously a senior leader "
        "of Al-Shabaab faction operating in Puntland."
    )
    directors = [part for link in _links(text) if link[0] == "Directorship" for part in link[1:]]
    assert not any("isis-somalia" in part for part in directors), _links(text)


def test_a_faction_of_a_cartel_stays_a_member() -> None:
    text = "Los Chapitos, una facción del Cártel de Sinaloa, fueron sancionados por el Tesoro."
    assert _has_link(text, "Membership", member="chapitos", organization="sinaloa"), _links(text)
