"""Link wordings round 10 adds: being part of an armed group ("X is part of Y", "X forma parte del
Y"), acting "in tandem"/"en conjunto" with one, a role named in a "whose"/"cuyo" clause ("Y, whose
leader is X", "Y, cuyo dueño es X") and a singular pronoun opening a sentence ("He is the leader of
Y") for the one person the sentence before names. Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

RAMIRO = "news-person-ramiro-estevez-palma"
SINALOA = "news-org-sinaloa-cartel"


def test_part_of_an_armed_group_in_apposition_is_membership() -> None:
    assert _links("Ramiro Estévez Palma, part of the Sinaloa Cartel, was arrested in Sonora.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_part_of_something_that_is_no_armed_group_links_nothing() -> None:
    assert _links("Mexico is part of the Sinaloa Cartel problem, Ramiro Estévez Palma said.") == set()


@spanish_model
def test_forman_parte_del_cartel_is_membership() -> None:
    assert _links("Los Choneros forman parte del Cártel de Sinaloa.") == {
        ("Membership", f"organization={SINALOA}", "member=news-org-los-choneros")
    }


@spanish_model
def test_por_parte_de_names_who_acts_not_a_membership() -> None:
    text = "La denuncia fue presentada por parte del Cártel de Sinaloa contra Tomás Ibarra Cruz."
    assert _links(text) == set()


def test_in_tandem_with_links_two_armed_groups() -> None:
    assert _links("The Tren de Aragua worked in tandem with the Sinaloa Cartel.") == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", f"object={SINALOA}")
    }


@spanish_model
def test_en_conjunto_con_links_two_armed_groups() -> None:
    assert _links("El Tren de Aragua opera en conjunto con el Cártel de los Soles.") == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-cartel-de-los-soles")
    }


@spanish_model
def test_un_conjunto_de_pruebas_is_no_link() -> None:
    text = "El Tren de Aragua presentó un conjunto de pruebas con el Cártel de los Soles."
    assert _links(text) == set()


def test_whose_leader_is_x_leads_the_group() -> None:
    assert _links("The Sinaloa Cartel, whose leader is Ramiro Estévez Palma, operates in Sonora.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


def test_whose_lawyer_is_x_links_nothing() -> None:
    assert _links("Tomás Ibarra Cruz, whose lawyer is Ramiro Estévez Palma, was arrested.") == set()


@spanish_model
def test_cuyo_lider_es_x_leads_the_group() -> None:
    assert _links("El Cártel de Sinaloa, cuyo líder es Ramiro Estévez Palma, opera en Sonora.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


@spanish_model
def test_cuyo_dueno_es_x_owns_the_company() -> None:
    text = "La empresa Grupo Jala Logística, cuyo dueño es Ramiro Estévez Palma, fue sancionada."
    assert _links(text) == {("Ownership", f"owner={RAMIRO}", "asset=news-org-grupo-jala-logistica")}


def test_he_opening_a_sentence_is_the_one_person_named_before() -> None:
    text = "The Treasury sanctioned Ramiro Estévez Palma on Friday. He is the leader of the Sinaloa Cartel."
    assert _links(text) == {("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")}


def test_he_after_a_sentence_naming_two_persons_links_nothing() -> None:
    text = (
        "The Treasury sanctioned Ramiro Estévez Palma and Tomás Ibarra Cruz on Friday. "
        "He is the leader of the Sinaloa Cartel."
    )
    assert _links(text) == set()


@spanish_model
def test_el_opening_a_sentence_is_the_one_person_named_before() -> None:
    text = (
        "El Departamento del Tesoro sancionó a Ramiro Estévez Palma el viernes. "
        "Él es integrante del Cártel de Sinaloa."
    )
    assert _links(text) == {("Membership", f"organization={SINALOA}", f"member={RAMIRO}")}


@spanish_model
def test_a_name_after_another_relatives_complement_is_no_relative_of_the_first() -> None:
    text = (
        "El Tesoro sancionó a dos hermanos del empresario Carlos Duarte y a un hijo de su socio "
        "comercial, Pedro Enrique Salas Vargas."
    )
    assert not any(link[0] == "Family" for link in _links(text))


def test_second_of_two_predicate_nouns_is_said_of_the_subject() -> None:
    text = "The prosecutor said Ramiro Estévez Palma was a businessman and the leader of the Sinaloa Cartel."
    assert _links(text) == {("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")}


@spanish_model
def test_es_empresario_y_lider_del_cartel() -> None:
    assert _links("Ramiro Estévez Palma es empresario y líder del Cártel de Sinaloa.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


def test_a_leader_coordinated_with_an_object_is_someone_else() -> None:
    assert _links("Ramiro Estévez Palma met Tomás Ibarra Cruz and the leader of the Sinaloa Cartel.") == set()


@spanish_model
def test_la_faccion_de_x_del_cartel_is_a_member_of_the_cartel() -> None:
    assert _links("El Tesoro sancionó a la facción de Los Chapitos del Cártel de Sinaloa.") == {
        ("Membership", f"organization={SINALOA}", "member=news-org-los-chapitos")
    }


@spanish_model
def test_a_faction_facing_a_cartel_is_no_member_of_it() -> None:
    assert _links("La facción de Los Chapitos enfrenta al Cártel de Sinaloa desde 2024.") == set()


JALA = "news-org-grupo-jala-logistica"


def test_his_company_named_after_the_noun_is_owned_by_the_person_before() -> None:
    text = (
        "The Treasury sanctioned Ramiro Estévez Palma on Friday. "
        "His company, Grupo Jala Logística, was also designated."
    )
    assert _links(text) == {("Ownership", f"owner={RAMIRO}", f"asset={JALA}")}


@spanish_model
def test_x_y_su_empresa_y() -> None:
    assert _links("El Tesoro sancionó a Ramiro Estévez Palma y a su empresa Grupo Jala Logística.") == {
        ("Ownership", f"owner={RAMIRO}", f"asset={JALA}")
    }


def test_a_company_named_later_in_the_clause_is_not_his() -> None:
    assert _links("Ramiro Estévez Palma said his company sued Grupo Jala Logística.") == set()
