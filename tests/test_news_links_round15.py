"""Link wordings round 15 adds: a link the Spanish conditional of report states as a source's
allegation ("sería el líder del Y, según la policía", "presuntamente habría financiado"), and a
plural anaphor opening the sentence after a designation, standing for its parties ("The three are
members of Y", "Los tres son integrantes del Y", "Asimismo, trabajan para Y"), and an object fronted
with "a" and doubled by a clitic ("A X lo relacionan con Y"), a leader's group named with the name
right after it ("the leader of the X cartel Y was arrested") or after a band noun's comma ("the
leader of a terrorist organization, the X cartel").
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_links_round13 import JULIAN, MATEO, RAMIRO, SINALOA, _members
from tests.test_news_relations import _links, spanish_model
from watchfloor.news.modality import report_conditional

TREN = "news-org-tren-de-aragua"
GOLFO = "news-org-cartel-del-golfo"


def _at(sentence: str, word: str) -> int:
    return sentence.index(word)


def test_report_conditional_needs_a_source_and_no_other_hedge() -> None:
    alleged = "X sería el líder del grupo, según la policía."
    assert report_conditional(alleged, _at(alleged, "líder"))
    unsourced = "X sería el líder del grupo."
    assert not report_conditional(unsourced, _at(unsourced, "líder"))
    speculation = "X podría ser el líder del grupo, según la policía."
    assert not report_conditional(speculation, _at(speculation, "líder"))
    obligation = "X debería apoyar al grupo, según la policía."
    assert not report_conditional(obligation, _at(obligation, "apoyar"))
    condition = "Si fuera cierto, X sería el líder del grupo, según la policía."
    assert not report_conditional(condition, _at(condition, "líder"))


@spanish_model
def test_seria_el_lider_segun_la_policia_is_an_allegation() -> None:
    text = "Julián Ortega Bravo sería el líder del Cártel de Sinaloa, según la policía."
    assert _links(text) == {("Directorship", f"director={JULIAN}", f"organization={SINALOA}")}


@spanish_model
def test_segun_la_fiscalia_estaria_vinculado() -> None:
    text = "Según la fiscalía, Julián Ortega Bravo estaría vinculado al Tren de Aragua."
    assert _links(text) == {("UnknownLink", f"subject={JULIAN}", f"object={TREN}")}


@spanish_model
def test_podria_ser_stays_speculation() -> None:
    text = "Julián Ortega Bravo podría ser el líder del Cártel de Sinaloa, según la policía."
    assert _links(text) == set()


@spanish_model
def test_conditional_without_a_source_stays_speculation() -> None:
    assert _links("Julián Ortega Bravo estaría vinculado al Tren de Aragua.") == set()


def test_the_three_are_members_of_the_group() -> None:
    text = (
        "The Treasury Department sanctioned Julian Ortega Bravo, Mateo Luna Villa and Ramiro Estevez Palma "
        "on Tuesday. The three are senior members of the Sinaloa Cartel."
    )
    assert _members(SINALOA, JULIAN, MATEO, RAMIRO) <= _links(text)


def test_they_could_be_members_is_no_link() -> None:
    text = "Treasury sanctioned Julian Ortega Bravo and Mateo Luna Villa. They could be members of the Sinaloa Cartel."
    assert _links(text) == set()


@spanish_model
def test_los_tres_son_integrantes_del_cartel() -> None:
    text = (
        "El Tesoro sancionó a Julián Ortega Bravo, Mateo Luna Villa y Ramiro Estévez Palma. "
        "Los tres son integrantes del Cártel del Golfo."
    )
    assert _members(GOLFO, JULIAN, MATEO, RAMIRO) <= _links(text)


@spanish_model
def test_a_count_that_does_not_match_the_act_names_none() -> None:
    text = (
        "El Tesoro sancionó a Julián Ortega Bravo, Mateo Luna Villa y Ramiro Estévez Palma. "
        "Los dos son integrantes del Cártel del Golfo."
    )
    assert _links(text) == set()


@spanish_model
def test_asimismo_trabajan_para_the_faction() -> None:
    text = "El Tesoro sancionó este martes a Julián Ortega Bravo y Mateo Luna Villa. Asimismo, trabajan para la facción de Los Chapitos."
    assert _members("news-org-los-chapitos", JULIAN, MATEO) <= _links(text)


@spanish_model
def test_an_anaphor_carries_the_reference_to_the_next_sentence() -> None:
    text = (
        "El Tesoro designó a Julián Ortega Bravo y Mateo Luna Villa entre los sancionados. "
        "Ambos sujetos están involucrados en el transporte de precursores. "
        "Asimismo, trabajan para la facción de Los Chapitos."
    )
    assert _members("news-org-los-chapitos", JULIAN, MATEO) <= _links(text)


@spanish_model
def test_a_fronted_object_doubled_by_a_clitic_is_the_linked_party() -> None:
    text = "A Julián Ortega Bravo lo relacionan, además, con el Tren de Aragua."
    assert _links(text) == {("UnknownLink", f"subject={JULIAN}", f"object={TREN}")}


def test_the_leader_of_the_group_then_the_name_without_a_comma() -> None:
    text = "The leader of the Sinaloa Cartel Julian Ortega Bravo was arrested."
    assert _links(text) == {("Directorship", f"director={JULIAN}", f"organization={SINALOA}")}


def test_a_band_noun_named_after_its_comma_is_the_group_led() -> None:
    text = "Washington designated Julian Ortega Bravo as the leader of a terrorist organization, the Sinaloa Cartel."
    assert _links(text) == {("Directorship", f"director={JULIAN}", f"organization={SINALOA}")}


@spanish_model
def test_lider_de_una_organizacion_el_cartel() -> None:
    text = "Julián Ortega Bravo es el líder de una organización terrorista, el Cártel de Sinaloa."
    assert _links(text) == {("Directorship", f"director={JULIAN}", f"organization={SINALOA}")}


@spanish_model
def test_a_named_band_keeps_the_name_after_its_comma_as_the_leader() -> None:
    text = "El Tesoro sancionó a Mateo Luna Villa, sobrino del líder del cártel de Sinaloa, Julián Ortega Bravo."
    assert ("Directorship", f"director={JULIAN}", f"organization={SINALOA}") in _links(text)


@spanish_model
def test_a_relative_named_after_the_one_whose_relative_he_is_ends_a_list() -> None:
    text = (
        "En la lista aparecen la presidenta del Consejo Electoral, Marisela Quintero; el fiscal general Tomás "
        "Ibarra Ruiz; y el hermano del fallecido presidente Julián Ortega Bravo, Mateo Ortega Bravo."
    )
    family = {link for link in _links(text) if link[0] == "Family"}
    assert family == {("Family", f"person={JULIAN}", "relative=news-person-mateo-ortega-bravo")}, family
