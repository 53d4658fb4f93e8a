"""Link families on text the earlier rules missed: a company named with its legal form ("SA de CV",
"S.A.", "LLC") is one organisation whatever the small model made of it; "the company"/"the cartel"
for the one named nearest before; "A and other members of Y"; "operate for"; working for a group's
leader; "the companies" for those the sentence before names; "founded by"; "pandilla"; a full
Spanish name the model called a place. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from tests.test_news_relations import _links, spanish_model
from watchfloor.news.pipeline import _spanish_label, get_nlp

RAMIRO = "news-person-ramiro-estevez-palma"
SINALOA = "news-org-sinaloa-cartel"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Acme Shipping LLC and Northwind Trading Ltd. paid Ramiro Estévez Palma.",
            {("Acme Shipping LLC", "ORG"), ("Northwind Trading Ltd.", "ORG")},
        ),
        (
            "en",
            "FinCEN named Norte Banco S.A., Rio Banco S.A., and Vector Bolsa, S.A. de C.V. on Monday.",
            {("Norte Banco S.A.", "ORG"), ("Rio Banco S.A.", "ORG"), ("Vector Bolsa, S.A. de C.V.", "ORG")},
        ),
        pytest.param(
            "es",
            "Según la Fiscalía, Banco Patria S.A. y Casa Roble, S.A. de C.V. recibieron fondos.",
            {("Banco Patria S.A.", "ORG"), ("Casa Roble, S.A. de C.V.", "ORG")},
            marks=spanish_model,
        ),
        pytest.param(
            "es",
            "La empresa Ferrovial Carga SA de CV abrió cuentas en Culiacán.",
            {("Ferrovial Carga SA de CV", "ORG")},
            marks=spanish_model,
        ),
    ],
)
def test_a_name_ending_in_a_legal_form_is_one_organisation(
    lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    ents = {(span.text, span.label_) for span in get_nlp(lang)(text).ents}
    assert expected <= ents
    assert not any(label != "ORG" and any(text in name for name, _ in expected) for text, label in ents)


@spanish_model
def test_a_company_with_its_legal_form_launders_for_a_cartel() -> None:
    assert _links("Ferrovial Carga SA de CV lavó dinero para el Cártel de Sinaloa, según la Fiscalía.") == {
        ("UnknownLink", "subject=news-org-ferrovial-carga-sa-de-cv", f"object={SINALOA}")
    }


def test_a_company_with_its_legal_form_is_owned() -> None:
    assert _links("Treasury said Cobalto Mining, S.A. de C.V. is owned by Ramiro Estévez Palma.") == {
        ("Ownership", f"owner={RAMIRO}", "asset=news-org-cobalto-mining-s-a-de-c-v")
    }


@spanish_model
def test_relacionada_con_said_of_a_company_with_its_legal_form() -> None:
    assert _links(
        "La otra empresa, Bravo Gas del Norte SA de CV, está relacionada con Ramiro Estévez Palma."
    ) == {("UnknownLink", "subject=news-org-bravo-gas-del-norte-sa-de-cv", f"object={RAMIRO}")}


def test_a_legal_form_after_lower_case_words_takes_no_words_into_a_name() -> None:
    names = [span.text for span in get_nlp("en")("The family firm, once an LLC, was sold in May.").ents]
    assert not any(name.endswith(" LLC") for name in names)


def test_the_company_is_the_one_company_the_sentence_before_names() -> None:
    assert _links(
        "Treasury also sanctioned Cobalto Mining LLC on Monday. The company is owned by Ramiro Estévez Palma."
    ) == {("Ownership", f"owner={RAMIRO}", "asset=news-org-cobalto-mining-llc")}


@spanish_model
def test_esta_empresa_es_propiedad_de() -> None:
    assert _links(
        "El Tesoro sancionó a Grupo Cobalto el lunes. Esta empresa es propiedad de Ramiro Estévez Palma."
    ) == {("Ownership", f"owner={RAMIRO}", "asset=news-org-grupo-cobalto")}


def test_the_company_after_two_companies_is_neither() -> None:
    text = "Treasury sanctioned Cobalto Mining LLC and Vega Trading LLC. The company is owned by Ramiro Estévez Palma."
    assert _links(text) == set()


def test_the_gang_is_the_one_armed_group_named_nearest_before() -> None:
    """The article names Los Lobos more often, but the sentence before names Los Choneros alone."""
    text = (
        "Treasury sanctioned Los Lobos, Los Choneros and Los Lobos again. Later Treasury said that Los "
        "Choneros fought. Ramiro Estévez Palma is a member of the gang."
    )
    assert _links(text) == {("Membership", "organization=news-org-los-choneros", f"member={RAMIRO}")}


def test_a_name_and_other_members_of_a_group_is_a_member() -> None:
    for text in (
        "However, Ramiro Estévez Palma and other Sinaloa Cartel members fled from a jail in 2017.",
        "Ramiro Estévez Palma and other members of the Sinaloa Cartel fled in 2017.",
    ):
        assert _links(text) == {("Membership", f"organization={SINALOA}", f"member={RAMIRO}")}


@spanish_model
def test_y_otros_miembros_del_cartel() -> None:
    assert _links("Ramiro Estévez Palma y otros miembros del Cártel de Sinaloa huyeron en 2017.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_names_and_other_leaders_of_a_group_lead_it() -> None:
    assert _links(
        "Police arrested Ramiro Estévez Palma, Pedro Lunar and other leaders of the Sinaloa Cartel."
    ) == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}"),
        ("Directorship", "director=news-person-pedro-lunar", f"organization={SINALOA}"),
    }


def test_meeting_other_members_makes_no_member() -> None:
    assert _links("Ramiro Estévez Palma met other members of the Sinaloa Cartel in May.") == set()


def test_a_plural_noun_with_names_in_apposition_works_for_a_group_each() -> None:
    text = (
        "The suspects, Ramiro Estévez Palma, his brother, Pedro Lunar and Tomás Robles, all operate plazas "
        "for the Sinaloa Cartel in the north."
    )
    assert {link for link in _links(text) if link[0] == "Membership"} == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}"),
        ("Membership", f"organization={SINALOA}", "member=news-person-pedro-lunar"),
        ("Membership", f"organization={SINALOA}", "member=news-person-tomas-robles"),
    }


def test_operating_for_the_organization_the_sentence_before_names() -> None:
    text = (
        "Treasury sanctioned three members of the Sinaloa Cartel on Monday. Ramiro Estévez Palma "
        "operates plazas for the transnational criminal organization in the north."
    )
    assert _links(text) >= {("Membership", f"organization={SINALOA}", f"member={RAMIRO}")}


@spanish_model
def test_operaba_para_el_cartel() -> None:
    assert _links("Ramiro Estévez Palma operaba para el Cártel de Sinaloa en Tijuana.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_operating_a_business_for_no_armed_group_is_no_link() -> None:
    assert _links("Ramiro Estévez Palma operates a bakery for the city council of Tijuana.") == set()


@spanish_model
def test_trabajan_para_uno_de_los_lideres_del_cartel() -> None:
    text = "Ramiro Estévez Palma y Pedro Lunar trabajan para Tomás Robles, uno de los líderes del Cártel de Sinaloa."
    assert _links(text) == {
        ("Directorship", "director=news-person-tomas-robles", f"organization={SINALOA}"),
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}"),
        ("Membership", f"organization={SINALOA}", "member=news-person-pedro-lunar"),
    }


def test_working_for_a_leader_of_a_group_is_membership_of_it() -> None:
    assert ("Membership", f"organization={SINALOA}", f"member={RAMIRO}") in _links(
        "Ramiro Estévez Palma works for Tomás Robles, a leader of the Sinaloa Cartel."
    )


def test_working_for_a_rival_of_a_group_is_no_link() -> None:
    assert _links("Ramiro Estévez Palma works for Tomás Robles, a rival of the Sinaloa Cartel.") == set()


NORTE = "news-org-banco-norte-s-a"


def test_each_of_the_firms_is_each_firm_the_sentence_before_names() -> None:
    for second in (
        "Each of the firms laundered money for the Sinaloa Cartel.",
        "The companies laundered money for the Sinaloa Cartel.",
    ):
        assert _links(f"Treasury sanctioned Banco Norte S.A. and Vega Trading LLC. {second}") == {
            ("UnknownLink", f"subject={NORTE}", f"object={SINALOA}"),
            ("UnknownLink", "subject=news-org-vega-trading-llc", f"object={SINALOA}"),
        }


@spanish_model
def test_las_empresas_lavaban_dinero() -> None:
    text = (
        "El Tesoro sancionó a Banco Norte S.A. y a Vega Trading S.A. el lunes. "
        "Las empresas lavaban dinero para el Cártel de Sinaloa."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject={NORTE}", f"object={SINALOA}"),
        ("UnknownLink", "subject=news-org-vega-trading-s-a", f"object={SINALOA}"),
    }


def test_the_companies_after_one_named_firm_are_not_it() -> None:
    text = "Treasury sanctioned Banco Norte S.A. on Monday. The companies laundered money for the Sinaloa Cartel."
    assert _links(text) == set()


def test_founded_by_makes_a_member_as_founder_of_does() -> None:
    assert _links("The Sinaloa Cartel, which was co-founded by Ramiro Estévez Palma, smuggles fentanyl.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


@spanish_model
def test_fundado_por() -> None:
    assert _links("El Cártel de Sinaloa, fundado por Ramiro Estévez Palma, trafica fentanilo.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_founded_by_on_an_unnamed_noun_is_no_link() -> None:
    assert _links("The bakery was founded by Ramiro Estévez Palma in 1990.") == set()


@spanish_model
def test_cabecilla_de_la_pandilla_named_in_quotes() -> None:
    text = "La policía busca a Ramiro Estévez Palma, alias ‘Chato’, cabecilla de la pandilla ‘Los Lobos’."
    assert _links(text) == {("Directorship", f"director={RAMIRO}", "organization=news-org-los-lobos")}


@spanish_model
@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("Lucía Fernanda Ocampo Ríos", "PERSON"),
        ("Santa María Huatulco", "GPE"),
        ("República Democrática Federal Centroafricana", "GPE"),
    ],
)
def test_four_capitalised_words_the_spanish_model_calls_a_place_are_a_person(words: str, label: str) -> None:
    doc = get_nlp("es").make_doc(f"Lo dijo {words} ayer.")
    span = Span(doc, 2, 2 + len(words.split()), label="LOC")
    assert _spanish_label(span, "LOC", set()) == label


def test_a_unit_for_an_armed_group_is_a_member_of_it() -> None:
    assert _links("Los Lobos, an enforcer unit for the Sinaloa Cartel, killed two men.") == {
        ("Membership", f"organization={SINALOA}", "member=news-org-los-lobos")
    }


@spanish_model
def test_quienes_trabajan_para_is_said_of_each_coordinated_name() -> None:
    text = (
        "La empresa es propiedad de Ramiro Estévez Palma y Lucía Fernanda Ocampo Ríos, quienes trabajan "
        "para Tomás Robles, uno de los líderes del Cártel de Sinaloa."
    )
    members = {link for link in _links(text) if link[0] == "Membership"}
    assert members == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}"),
        ("Membership", f"organization={SINALOA}", "member=news-person-lucia-fernanda-ocampo-rios"),
    }


def test_who_work_is_said_of_both_names_and_who_works_of_the_last() -> None:
    both = "Police arrested Ramiro Estévez Palma and Pedro Lunar, who work for the Sinaloa Cartel."
    last = "Police arrested Ramiro Estévez Palma and Pedro Lunar, who works for the Sinaloa Cartel."
    pedro = ("Membership", f"organization={SINALOA}", "member=news-person-pedro-lunar")
    assert _links(both) == {pedro, ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")}
    assert _links(last) == {pedro}
