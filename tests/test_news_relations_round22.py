"""Round 22 of the link readings: leadership phrases, leaders in one word, groups named with "La",
a company's people, kin the model half-named. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_news_relations import _links


def _has_link(text: str, schema: str, **parties: str) -> bool:
    """A link of ``schema`` whose party in each role (``director="chiquito-malo"``) has an ID holding
    the given words."""
    for link in _links(text):
        roles = dict(part.split("=", 1) for part in link[1:])
        if link[0] == schema and all(words in roles.get(role, "") for role, words in parties.items()):
            return True
    return False


@pytest.mark.parametrize(
    "text",
    [
        "The Gulf Clan, under the command of Chiquito Malo, controls the region.",
        "The Gulf Clan, under the leadership of Chiquito Malo, remains violent.",
        "El Clan del Golfo opera bajo el mando de Chiquito Malo.",
        "La OFAC describe al Clan del Golfo, actualmente bajo el liderazgo de Jobanis de Jesús Ávila, como violento.",
    ],
)
def test_under_the_leadership_of_a_person_the_group_is_led_by_them(text: str) -> None:
    leader = "chiquito-malo" if "Chiquito" in text else "jobanis"
    assert _has_link(text, "Directorship", director=leader, organization="clan"), _links(text)


def test_a_government_body_under_a_leadership_is_no_allegation() -> None:
    assert _links("The Treasury acted under the leadership of Scott Bessent.") == set()


def test_a_former_leader_in_one_spanish_word_leads() -> None:
    text = "Vicente Carrillo Fuentes, exlíder del Cártel de Juárez, fue entregado por México."
    assert _has_link(text, "Directorship", director="vicente-carrillo-fuentes", organization="juarez"), (
        _links(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hernán Bermúdez Requena, alleged leader of La Barredora, was expelled from Paraguay.",
        "Hernán Bermúdez Requena, presunto líder de La Barredora, fue expulsado de Paraguay.",
    ],
)
def test_a_group_named_with_la_after_a_leaders_of_is_a_group(text: str) -> None:
    assert _has_link(text, "Directorship", director="hernan-bermudez-requena", organization="barredora"), (
        _links(text)
    )


def test_a_group_before_a_leader_noun_in_one_name_phrase() -> None:
    text = "He met Hezbollah chief Hassan Nasrallah."
    assert _has_link(text, "Directorship", director="hassan-nasrallah", organization="hezbollah"), _links(
        text
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gholamreza Ghasemi, an executive of Mahan Air, was sanctioned.",
        "El piloto era Gholamreza Ghasemi, directivo de la aerolínea Mahan Air.",
    ],
)
def test_a_companys_executive_is_one_of_its_people(text: str) -> None:
    assert _has_link(text, "Membership", member="gholamreza-ghasemi", organization="mahan-air"), _links(text)


def test_a_brother_of_a_name_the_model_typed_an_organisation() -> None:
    text = "Joaquín Guzmán López, brother of Ovidio Guzmán López, also pleaded guilty."
    family = {link for link in _links(text) if link[0] == "Family"}
    assert any("ovidio" in " ".join(link) for link in family), family


def test_a_kin_noun_joins_the_given_name_the_model_made_a_person() -> None:
    """ "his son [Nicolás] [Petro]": one person, the son, not the father again."""
    text = "Treasury also sanctioned Gustavo Petro and his son Nicolás Petro."
    assert _has_link(text, "Family", person="gustavo-petro", relative="nicolas-petro"), _links(text)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Ahmed Diriye joined al-Shabaab in 2008.", "shabaab"),
        ("Ahmed Diriye se unió a Al Shabab en 2008.", "shabaab"),
    ],
)
def test_joining_an_armed_group_is_membership(text: str, group: str) -> None:
    assert _has_link(text, "Membership", member="ahmed-diriye", organization=group), _links(text)


def test_a_state_joining_another_is_no_membership() -> None:
    assert _links("Honduras joined the United States in designating the gang.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Diriye, the emir of al-Shabaab, remains at large.",
        "Abubakar Shekau, the longtime leader of Boko Haram, died in 2021.",
    ],
)
def test_groups_of_the_terrorist_list_the_models_miss_are_found_and_led(text: str) -> None:
    links = _links(text)
    assert any(link[0] == "Directorship" for link in links), links


def test_a_spokesman_of_a_group_is_one_of_its_people() -> None:
    text = "Mohammed Abdulsalam, portavoz de los hutíes, se reunió con funcionarios omaníes."
    assert _has_link(text, "Membership", member="mohammed-abdulsalam", organization="huties"), _links(text)
