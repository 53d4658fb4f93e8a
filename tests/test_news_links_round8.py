"""Link wordings of sanctions releases the earlier rules missed: a front man or associate named
after "his"/"su" (the person the possessive stands for), where "his" after "X's wife" is X.
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model
from watchfloor.news.pipeline import get_nlp

RAMIRO = "news-person-ramiro-estevez-palma"
TOMAS = "news-person-tomas-ibarra-cruz"


def test_his_front_man_is_linked_to_the_person_before() -> None:
    text = "Treasury also sanctioned Ramiro Estévez Palma and his alleged front man, Tomás Ibarra Cruz."
    assert _links(text) == {("UnknownLink", f"subject={TOMAS}", f"object={RAMIRO}")}


def test_his_after_a_wife_stands_for_her_husband() -> None:
    text = (
        "Ramiro Estévez Palma's wife, Lucía Ortega, joined him on the list, along with his front man, "
        "Tomás Ibarra Cruz."
    )
    assert _links(text) == {
        ("Family", f"person={RAMIRO}", "relative=news-person-lucia-ortega"),
        ("UnknownLink", f"subject={TOMAS}", f"object={RAMIRO}"),
    }


def test_a_front_man_of_no_one_named_gives_no_link() -> None:
    assert _links("Treasury also sanctioned a front man, Tomás Ibarra Cruz, on Monday.") == set()


def test_companies_related_to_a_person_named_in_apposition() -> None:
    text = (
        "The sanctions also covered three companies that are related to Ramiro Estévez Palma in Miami, "
        "Acme Holdings LLC, Northwind Trading Inc. and Blue Palm Corp."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject=news-org-{firm}", f"object={RAMIRO}")
        for firm in ("acme-holdings-llc", "northwind-trading-inc", "blue-palm-corp")
    }


@spanish_model
def test_empresas_relacionadas_con_a_person_listed_after_a_colon() -> None:
    text = (
        "El Tesoro sancionó a tres empresas relacionadas con Ramiro Estévez Palma: Acme Holdings SA de CV, "
        "Northwind Trading SA y Blue Palm SA de CV."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject=news-org-{firm}", f"object={RAMIRO}")
        for firm in ("acme-holdings-sa-de-cv", "northwind-trading-sa", "blue-palm-sa-de-cv")
    }


def test_related_to_with_no_list_links_nothing_new() -> None:
    assert (
        _links("Officials discussed issues related to Ramiro Estévez Palma and Acme Holdings LLC.") == set()
    )


@spanish_model
def test_los_hermanos_a_y_b_inside_a_longer_list() -> None:
    text = (
        "El Tesoro precisó que son cuatro los sancionados por parte de ‘Los Chapitos’: Rubén Ortega Lara, "
        "los hermanos Leobardo y Martín Salcedo Ruiz, y Elena Paredes Soto."
    )
    links = _links(text)
    family = {link for link in links if link[0] == "Family"}
    assert family == {("Family", "person=news-person-leobardo", "relative=news-person-martin-salcedo-ruiz")}
    members = {link[2] for link in links if link[0] == "Membership"}
    assert {link[1] for link in links if link[0] == "Membership"} == {"organization=news-org-los-chapitos"}
    assert members == {
        f"member=news-person-{name}"
        for name in ("ruben-ortega-lara", "leobardo", "martin-salcedo-ruiz", "elena-paredes-soto")
    }


def test_individuals_from_a_group_listed_after_a_colon_are_members() -> None:
    text = "Treasury designated three individuals from Los Chapitos: Ramiro Estévez Palma, Martín Salcedo Ruiz and Tomás Ibarra Cruz."
    assert _links(text) == {
        ("Membership", "organization=news-org-los-chapitos", f"member=news-person-{name}")
        for name in ("ramiro-estevez-palma", "martin-salcedo-ruiz", "tomas-ibarra-cruz")
    }


def test_individuals_from_a_country_are_no_members() -> None:
    text = "Treasury designated three individuals from Mexico: Ramiro Estévez Palma, Martín Salcedo Ruiz and Tomás Ibarra Cruz."
    assert _links(text) == set()


def test_a_known_surname_after_two_given_names_is_another_person() -> None:
    # the gazetteer knows one Cabello; "Luis Alberto Cabello" is someone else, and one name
    text = "Treasury also sanctioned Ramiro Estévez Palma and his brother, Luis Alberto Cabello."
    assert _links(text) == {("Family", f"person={RAMIRO}", "relative=news-person-luis-alberto-cabello")}
    names = {span.text for span in get_nlp("en")(text).ents if span.label_ == "PERSON"}
    assert names == {"Ramiro Estévez Palma", "Luis Alberto Cabello"}
