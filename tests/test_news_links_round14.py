"""Link wordings round 14 adds: a plural possessive role noun's names ("sus líderes A y B"),
founding in the active voice, running or managing a firm, the Spanish parser's second subject
read as the object, a role in a unit of a group (a commission, a cell), two predicates of one
subject, "who was called a member of Y", "considered one of the leaders of Y", a passive clause
the parser hung on a noun, children and in-laws as family, and "su" after a name the NER missed.
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_links_round13 import JULIAN, MATEO, RAMIRO, SINALOA, _leaders, _members
from tests.test_news_relations import _links, spanish_model

TREN = "news-org-tren-de-aragua"
HEZBOLLAH = "news-org-hezbollah"


def _directs(person: str, firm: str) -> set[tuple[str, ...]]:
    return {("Directorship", f"director={person}", f"organization={firm}")}


def _family(anchor: str, *relatives: str) -> set[tuple[str, ...]]:
    return {("Family", f"person={anchor}", f"relative={relative}") for relative in relatives}


@spanish_model
def test_sus_lideres_names_each_leader_of_the_group_before() -> None:
    text = "El Tesoro sancionó al Cártel de Sinaloa y a sus líderes Julián Ortega Bravo y Mateo Luna Villa."
    assert _leaders(SINALOA, JULIAN, MATEO) <= _links(text)


def test_active_founding_makes_a_member() -> None:
    text = "Julian Ortega Bravo founded the Sinaloa Cartel in the 1980s, prosecutors say."
    assert _links(text) == _members(SINALOA, "news-person-julian-ortega-bravo")


@spanish_model
def test_quien_fundo_makes_a_member() -> None:
    text = "El Tesoro sancionó a Julián Ortega Bravo, quien fundó el Tren de Aragua en 2014."
    assert _links(text) == _members(TREN, JULIAN)


@spanish_model
def test_dirige_la_empresa_leads_it() -> None:
    text = "Mateo Luna Villa dirige la empresa Comercializadora Roble SA de CV en Culiacán."
    links = _links(text)
    assert len(links) == 1
    [(schema, director, _firm)] = links
    assert (schema, director) == ("Directorship", f"director={MATEO}")


def test_ran_and_manages_a_company() -> None:
    for verb in ("ran", "manages"):
        links = _links(
            f"Ramiro Estévez Palma {verb} Acme Trading SA, a shell firm in Panama, the Treasury said."
        )
        assert {(schema, director) for schema, director, _firm in links} == {
            ("Directorship", f"director={RAMIRO}")
        }, verb


def test_members_of_a_groups_commission_are_its_members() -> None:
    text = (
        "The Treasury sanctioned Ramiro Estévez Palma and Julian Ortega Bravo, members of the "
        "Sinaloa Cartel's finance commission."
    )
    assert _links(text) == _members(SINALOA, RAMIRO, JULIAN)


@spanish_model
def test_miembros_de_la_comision_del_cartel() -> None:
    text = (
        "Ramiro Estévez Palma y Julián Ortega Bravo son miembros de la comisión financiera del "
        "Cártel de Sinaloa."
    )
    assert _links(text) == _members(SINALOA, RAMIRO, JULIAN)


@spanish_model
def test_lider_de_una_celula_is_a_member_of_the_group() -> None:
    text = "Ramiro Estévez Palma, conocido como El Tanque, es líder de una célula del Cártel de Sinaloa."
    assert _links(text) == _members(SINALOA, RAMIRO)


def test_second_predicate_of_one_subject() -> None:
    text = "The Treasury said Ramiro Estévez Palma now lives in Lebanon but was a key Hezbollah operative."
    assert _links(text) == _members(HEZBOLLAH, RAMIRO)


def test_who_was_called_a_member() -> None:
    text = "Also named was Ramiro Estévez Palma, who was called a member of Hezbollah by the Treasury."
    assert _links(text) == _members(HEZBOLLAH, RAMIRO)


def test_considered_one_of_the_leaders() -> None:
    text = "Ramiro Estévez Palma, considered one of the main leaders of the Tren de Aragua, was arrested."
    assert _links(text) == _leaders(TREN, RAMIRO)


def test_passive_clause_hung_on_a_noun_keeps_its_subject() -> None:
    text = "He repeated allegations that the Tren de Aragua is being controlled by Julian Ortega Bravo."
    assert _links(text) == _leaders(TREN, JULIAN)


def test_children_of_a_person_are_family() -> None:
    text = "Ramiro Estévez Palma and Mateo Luna Villa, children of Julian Ortega Bravo, were sanctioned."
    assert _links(text) == _family(JULIAN, RAMIRO, MATEO)


@spanish_model
def test_cunado_de_is_family() -> None:
    text = "El Tesoro sancionó a Ramiro Estévez Palma, cuñado de Julián Ortega Bravo."
    assert _links(text) == _family(JULIAN, RAMIRO)


@spanish_model
def test_su_after_an_unrecognised_name_is_not_the_previous_sentences_person() -> None:
    text = (
        "El Tesoro sancionó a una red del Cártel de Sinaloa.\n\n"
        "El Gallo tiene conexiones directas con el empresario Julián Ortega Bravo.\n\n"
        "Otros sancionados incluyen a familiares y asociados de El Gallo, como su hermano Mateo Luna Villa."
    )
    assert not any(link[0] == "Family" for link in _links(text))


def test_named_for_sanctions_for_running_a_company() -> None:
    text = "Mateo Luna Villa was also named for sanctions for running the family's shipping company Acme Trading SA."
    links = _links(text)
    assert {(schema, director) for schema, director, _firm in links} == {
        ("Directorship", f"director={MATEO}")
    }


@spanish_model
def test_the_leader_of_the_cartel_named_after_the_phrase() -> None:
    text = (
        "El Tesoro sancionó a una red del Cártel de Sinaloa.\n\n"
        "El Gallo opera principalmente en los estados de Sonora y Durango y tiene conexiones directas con "
        "el líder del cartel, Anselmo Quiroga Treviño, alias El Jefe."
    )
    assert _leaders(SINALOA, "news-person-anselmo-quiroga-trevino") <= _links(text)


@spanish_model
def test_organizacion_after_a_names_comma_stands_for_it() -> None:
    text = (
        "La operación apunta específicamente contra el Tren de Aragua, organización que Washington "
        "vincula directamente con el empresario Julián Ortega Bravo."
    )
    assert ("UnknownLink", f"subject={TREN}", f"object={JULIAN}") in _links(text)


def test_partnership_with_an_armed_group_is_a_link() -> None:
    text = "Julian Ortega Bravo's partnership with Hezbollah has alarmed Washington."
    assert _links(text) == {("UnknownLink", f"subject={JULIAN}", f"object={HEZBOLLAH}")}


def test_hyphenated_linked_and_owned() -> None:
    linked = _links("Ramiro Estévez Palma, a Hezbollah-linked businessman, was sanctioned.")
    assert linked == {("UnknownLink", f"subject={RAMIRO}", f"object={HEZBOLLAH}")}
    owned = _links("The Treasury sanctioned Acme Trading SA, a Hezbollah-owned company in Caracas.")
    assert {(schema, owner) for schema, owner, _asset in owned} == {("Ownership", f"owner={HEZBOLLAH}")}


def test_believed_to_be_the_leader() -> None:
    text = "Ramiro Estévez Palma is believed to be the leader of the Tren de Aragua in Chile."
    assert _links(text) == _leaders(TREN, RAMIRO)


@spanish_model
def test_es_considerado_el_lider() -> None:
    text = "Ramiro Estévez Palma es considerado el líder del Tren de Aragua en Chile."
    assert _links(text) == _leaders(TREN, RAMIRO)


def test_leading_a_cell_of_a_group_is_membership() -> None:
    text = "Ramiro Estévez Palma allegedly leads the Tren de Aragua cell in Santiago, police said."
    assert _links(text) == _members(TREN, RAMIRO)


def test_right_hand_man_is_linked() -> None:
    text = "Ramiro Estévez Palma, the right-hand man of Julian Ortega Bravo, was arrested."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", f"object={JULIAN}")}


@spanish_model
def test_mano_derecha_is_linked() -> None:
    text = "Ramiro Estévez Palma, mano derecha de Julián Ortega Bravo, fue detenido."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", f"object={JULIAN}")}


def test_married_to_is_family() -> None:
    text = "Ramiro Estévez Palma, who is married to Maria Luna Villa, was arrested."
    assert _links(text) == _family("news-person-maria-luna-villa", RAMIRO)


@spanish_model
def test_casado_con_is_family() -> None:
    text = "Ramiro Estévez Palma, quien está casado con María Luna Villa, fue detenido."
    assert _links(text) == _family("news-person-maria-luna-villa", RAMIRO)


def test_leaders_of_a_group_including_named_ones() -> None:
    text = "The Treasury sanctioned leaders of the Sinaloa Cartel, including Ramiro Estévez Palma and Julian Ortega Bravo."
    assert _links(text) == _leaders(SINALOA, RAMIRO, JULIAN)


@spanish_model
def test_lideres_del_grupo_entre_ellos() -> None:
    text = "El Tesoro sancionó a líderes del Cártel de Sinaloa, entre ellos Ramiro Estévez Palma y Julián Ortega Bravo."
    assert _links(text) == _leaders(SINALOA, RAMIRO, JULIAN)


def test_helped_finance_is_support_by_the_helper() -> None:
    links = _links("Ramiro Estévez Palma helped finance Hezbollah, the Treasury said.")
    assert links == {("UnknownLink", f"subject={RAMIRO}", f"object={HEZBOLLAH}")}


@spanish_model
def test_identificado_por_el_tesoro_como_lider() -> None:
    text = "Ramiro Estévez Palma fue identificado por el Tesoro como líder del Tren de Aragua."
    assert _links(text) == _leaders(TREN, RAMIRO)


def test_a_groups_guerrilla_or_militant_is_a_member() -> None:
    assert _links("Ramiro Estévez Palma, a Hezbollah militant, was killed.") == _members(HEZBOLLAH, RAMIRO)


@spanish_model
def test_un_exguerrillero_de_las_farc_is_a_member() -> None:
    links = _links("Ramiro Estévez Palma, un exguerrillero de las FARC, fue asesinado en Cauca.")
    assert {(schema, member) for schema, _group, member in links} == {("Membership", f"member={RAMIRO}")}
