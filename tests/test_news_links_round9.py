"""Link wordings of sanctions releases the earlier rules missed: the reason a party was sanctioned
("for their ties to Y", "por sus vínculos con Y", "for his support to Y") says it of each party
sanctioned, and a network "run by"/"operada por" an armed group stands for that group.
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

RAMIRO = "news-person-ramiro-estevez-palma"
TOMAS = "news-person-tomas-ibarra-cruz"


def test_sanctioned_for_their_ties_links_each_sanctioned_person() -> None:
    text = "The Treasury sanctioned Ramiro Estévez Palma and Tomás Ibarra Cruz for their ties to the Sinaloa Cartel."
    assert _links(text) == {
        ("UnknownLink", f"subject={person}", "object=news-org-sinaloa-cartel") for person in (RAMIRO, TOMAS)
    }


def test_ties_of_a_sentence_naming_no_sanctioned_party_link_nothing() -> None:
    assert _links("The Treasury sanctioned two firms for their ties to the Sinaloa Cartel.") == set()


@spanish_model
def test_sus_vinculos_con_una_red_operada_por_un_cartel() -> None:
    text = (
        "El Tesoro sancionó a Ramiro Estévez Palma y a Julián Ortega Ruiz por sus presuntos vínculos con "
        "una red de contrabando de combustible operada por el Cártel de Sinaloa."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject={person}", "object=news-org-sinaloa-cartel")
        for person in (RAMIRO, "news-person-julian-ortega-ruiz")
    }


@spanish_model
def test_vinculos_con_una_red_run_by_no_named_group_link_nothing() -> None:
    text = (
        "El Tesoro sancionó a Ramiro Estévez Palma y a Julián Ortega Ruiz por sus presuntos vínculos con "
        "una red de contrabando operada por funcionarios locales."
    )
    assert _links(text) == set()


def test_sanctioned_for_his_support_to_an_armed_group() -> None:
    text = "The Treasury sanctioned Ramiro Estévez Palma on Friday for his support to the Sinaloa Cartel."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", "object=news-org-sinaloa-cartel")}


def test_support_to_a_coalition_named_in_apposition() -> None:
    text = (
        "The Treasury is sanctioning Ramiro Estévez Palma for his support to the gang coalition, Kraze Baryè."
    )
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", "object=news-org-kraze-barye")}


def test_political_support_for_a_person_is_no_link() -> None:
    text = "Senator Ramiro Estévez Palma was thanked for his support to President Tomás Ibarra Cruz."
    assert _links(text) == set()


@spanish_model
def test_sancionado_por_su_apoyo_al_cartel() -> None:
    text = "El Tesoro sancionó a Ramiro Estévez Palma por su apoyo al Cártel de Sinaloa."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", "object=news-org-sinaloa-cartel")}


@spanish_model
def test_participle_in_an_apposition_describes_the_name_before_it() -> None:
    text = (
        "La OFAC anunció sanciones contra Julián Ortega Ruiz, exfutbolista mexicano ligado al Cártel de "
        "Sinaloa, y otras nueve personas."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-person-julian-ortega-ruiz", "object=news-org-sinaloa-cartel")
    }


@spanish_model
def test_participle_on_an_unnamed_noun_links_nothing() -> None:
    assert (
        _links("La OFAC anunció sanciones contra el exfutbolista mexicano ligado al Cártel de Sinaloa.")
        == set()
    )


def test_leader_of_a_group_called_a_name() -> None:
    text = "Barr said Ramiro Estévez Palma was the leader of a cocaine trafficking group called Los Halcones Negros."
    assert _links(text) == {
        ("Directorship", f"director={RAMIRO}", "organization=news-org-los-halcones-negros")
    }


def test_a_group_named_after_a_person_is_not_that_person() -> None:
    text = "Ramiro Estévez Palma was the leader of a small group named after Tomás Ibarra Cruz."
    assert _links(text) == set()


def test_an_apposition_after_a_name_in_apposition_is_a_list_entry() -> None:
    text = (
        "The Office of Foreign Assets Control targeted three nephews of Ramiro Estévez Palma's wife, "
        "Lucía Ortega, a businessman linked to Ramiro Estévez Palma, and six shipping companies."
    )
    assert _links(text) == set()
