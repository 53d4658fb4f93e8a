"""The ground a designation gives ("for their support of the FARC", "por ayudar materialmente ... al
Cártel de Sinaloa") makes every party of the act an alleged supporter of the armed group it names.
Sentences and names written for these tests."""

from __future__ import annotations

from datetime import date

from tests.test_news_relations import _links
from watchfloor.news.analysis import extract
from watchfloor.news.documents import RawDocument
from watchfloor.news.grounds import GROUND, TIES_ROLE

FARC = "object=news-org-revolutionary-armed-forces-of-colombia"
SINALOA = "object=news-org-sinaloa-cartel"


def _supports(text: str) -> set[tuple[str, str]]:
    """(subject, object) of the support links; a party the NER missed is a LegalEntity, whose ID
    says so: compared as a person's."""
    return {
        (link[1].replace("-legalentity-", "-person-"), link[2])
        for link in _links(text)
        if link[0] == "UnknownLink"
    }


def test_every_party_of_a_list_supports_the_group_its_ground_names() -> None:
    text = (
        "The Treasury Department sanctioned Carlos Mendoza Ruiz and Jorge Salas Pinto for their "
        "support of the Revolutionary Armed Forces of Colombia."
    )
    assert _supports(text) == {
        ("subject=news-person-carlos-mendoza-ruiz", FARC),
        ("subject=news-person-jorge-salas-pinto", FARC),
    }


def test_counted_parties_named_in_the_next_sentence_take_the_ground_of_the_count() -> None:
    text = (
        "The Treasury Department on Thursday imposed sanctions on two Venezuelan officials for their "
        "support of the Revolutionary Armed Forces of Colombia. OFAC accused Carlos Mendoza Ruiz and "
        "Jorge Salas Pinto of arranging arms shipments."
    )
    assert _supports(text) == {
        ("subject=news-person-carlos-mendoza-ruiz", FARC),
        ("subject=news-person-jorge-salas-pinto", FARC),
    }


def test_spanish_ground_names_a_person_beside_the_cartel() -> None:
    text = (
        "La OFAC sancionó este miércoles a Carlos Mendoza Ruiz por ayudar materialmente en apoyo de "
        "Ramiro Estévez Palma y el Cártel de Sinaloa."
    )
    assert _supports(text) == {
        ("subject=news-person-carlos-mendoza-ruiz", "object=news-person-ramiro-estevez-palma"),
        ("subject=news-person-carlos-mendoza-ruiz", SINALOA),
    }


def test_a_ground_that_names_no_armed_group_links_nothing() -> None:
    text = "The Treasury Department sanctioned Carlos Mendoza Ruiz for his support of Jorge Salas Pinto."
    assert _supports(text) == set()


def test_support_outside_a_designation_is_no_ground() -> None:
    text = "Carlos Mendoza Ruiz met bankers in Caracas for talks in support of the Sinaloa Cartel's rivals."
    assert ("subject=news-person-carlos-mendoza-ruiz", SINALOA) not in _supports(text)


def test_a_hypothetical_designation_gives_no_ground_link() -> None:
    text = (
        "The Treasury Department could sanction Carlos Mendoza Ruiz for his support of the Revolutionary "
        "Armed Forces of Colombia."
    )
    assert _supports(text) == set()


def test_ground_cues_in_both_languages() -> None:
    for wording in (
        "for materially assisting",
        "accused of providing financial support to",
        "in support of",
        "por su apoyo a",
        "señalados de proporcionar apoyo material a",
    ):
        assert GROUND.search(f"X was sanctioned {wording} Y"), wording
    assert GROUND.search("the support of voters for the bill") is None


def test_ties_as_the_ground_link_without_support() -> None:
    text = "La OFAC sancionó a Carlos Mendoza Ruiz y a Jorge Salas Pinto por sus vínculos con el Cártel de Sinaloa."
    found = {link for link in _links(text) if link[0] == "UnknownLink"}
    assert {(link[1].replace("-legalentity-", "-person-"), link[2]) for link in found} == {
        ("subject=news-person-carlos-mendoza-ruiz", SINALOA),
        ("subject=news-person-jorge-salas-pinto", SINALOA),
    }
    result = extract(RawDocument(text, "ties.txt", published=date(2025, 11, 17)))
    roles = {r for e in result.entities if e.schema.name == "UnknownLink" for r in e.get("role")}
    assert TIES_ROLE in roles
    assert not any("support" in role for role in roles)


def _members(text: str) -> set[tuple[str, str]]:
    """(member, organization) of the Membership links."""
    return {
        (link[2].replace("-legalentity-", "-person-"), link[1])
        for link in _links(text)
        if link[0] == "Membership"
    }


def test_persons_an_act_counts_as_a_groups_members_are_members() -> None:
    text = (
        "OFAC sanctioned 13 people on Tuesday. Among the sanctioned Sinaloa Cartel members was plaza boss "
        "Carlos Mendoza Ruiz."
    )
    assert _members(text) == {
        ("member=news-person-carlos-mendoza-ruiz", "organization=news-org-sinaloa-cartel")
    }


def test_a_person_named_after_another_role_is_not_counted_among_the_members() -> None:
    text = (
        "The Treasury sanctioned two members of the Sinaloa Cartel, Carlos Mendoza Ruiz and Jorge Salas Pinto, "
        "and the leader of the Gulf Cartel, Ramiro Estévez Palma."
    )
    members = _members(text)
    assert ("member=news-person-carlos-mendoza-ruiz", "organization=news-org-sinaloa-cartel") in members
    assert not any("ramiro" in member and "sinaloa" in group for member, group in members)


def test_companies_of_the_act_are_not_members() -> None:
    text = "The Treasury sanctioned two Sinaloa Cartel members and Agroindustrias del Valle S.A. de C.V. on Tuesday."
    assert not any("agroindustrias" in member for member, _group in _members(text))


def test_firms_designated_for_being_owned_by_a_person_are_its_assets() -> None:
    text = (
        "OFAC also designated two companies for being owned or controlled by Carlos Mendoza Ruiz: "
        "Agroindustrias del Valle S.A. de C.V. and Casa Roble S.A."
    )
    owned = {(link[1], link[2]) for link in _links(text) if link[0] == "Ownership"}
    assert {owner for owner, _asset in owned} == {"owner=news-person-carlos-mendoza-ruiz"}
    assert len(owned) == 2
    assert (
        _links("OFAC designated Casa Roble S.A. on Tuesday, owned by Carlos Mendoza Ruiz's rivals.") == set()
    )


def test_acting_on_behalf_of_a_group_is_no_support() -> None:
    text = (
        "The Treasury sanctioned Los Chapitos for being owned, controlled or having purported to act on behalf "
        "of the Sinaloa Cartel."
    )
    assert not any(link[0] == "UnknownLink" and SINALOA in link for link in _links(text))
