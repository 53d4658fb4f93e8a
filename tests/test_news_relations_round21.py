"""Round 21 of the link readings. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Span

from tests.test_news_relations import _links, spanish_model
from watchfloor.news.mentions import Mention
from watchfloor.news.pipeline import _retyped
from watchfloor.news.relations import _parties_fit
from watchfloor.news.syntax import Relation


def test_a_kin_noun_keeps_the_given_name_the_model_left_off() -> None:
    """"his son Nicolás Petro" is the son, not the father the gazetteer knows as "Petro"."""
    links = _links(
        "Treasury designated Colombian President Gustavo Petro. OFAC said it was blocking Petro, "
        "his wife Veronica Alcocer Garcia, his son Nicolás Petro, and the interior minister Armando Benedetti."
    )
    family = {link for link in links if link[0] == "Family"}
    assert any("nicolas-petro" in part for link in family for part in link), family
    assert len(family) == 2, family


@pytest.mark.parametrize("name", ["Unión Europea", "Unión Africana", "European Union"])
def test_a_union_tagged_as_a_person_is_an_organisation(name: str) -> None:
    """The Spanish model may tag "la Unión Europea" as a person, which "su hijo" then took for a parent."""
    doc = spacy.blank("es")(f"Lo dijo la {name} ayer.")
    span = Span(doc, 3, 3 + len(name.split()), label="PERSON")
    assert _retyped(span).label_ == "ORG"


@pytest.mark.parametrize(
    ("first", "second", "fits"),
    [("PERSON", "PERSON", True), ("ORG", "PERSON", False), ("PERSON", "ORG", False)],
)
def test_kinship_binds_people_only(first: str, second: str, fits: bool) -> None:
    relation = Relation(
        "Family", "person", Mention("A", first, 0, 1, 0), "relative", Mention("B", second, 8, 9, 0), "hijo"
    )
    assert _parties_fit(relation) is fits
    assert _parties_fit(replace(relation, schema="Membership")) is True


HALCONES = ("Directorship", "director=news-person-carlos-ruiz-soto", "organization=news-org-los-halcones")


@pytest.mark.parametrize(
    "text",
    [
        "The leader of Los Halcones, Carlos Ruiz Soto, was arrested in Lima.",
        pytest.param("El líder de Los Halcones, Carlos Ruiz Soto, fue detenido en Lima.", marks=spanish_model),
    ],
)
def test_a_role_named_before_its_holder_is_the_holders(text: str) -> None:
    """The parser hangs the name on the group as its apposition; the comma closes the group's name."""
    assert HALCONES in _links(text)


def test_a_verb_the_parser_left_without_arguments_reads_its_neighbours() -> None:
    assert HALCONES in _links("Carlos Ruiz Soto heads Los Halcones, Treasury said.")


@spanish_model
@pytest.mark.parametrize(
    "text",
    [
        "Carlos Ruiz Soto, considerado sucesor de Pedro Luna al frente de la banda Los Halcones, fue detenido.",
        "Carlos Ruiz Soto está al frente de Los Halcones desde 2019.",
        "Carlos Ruiz Soto, al frente de Los Halcones desde 2019, fue detenido.",
    ],
)
def test_whoever_is_al_frente_de_a_group_leads_it(text: str) -> None:
    assert HALCONES in _links(text)


@spanish_model
def test_al_frente_de_is_not_the_announcers() -> None:
    links = _links(
        "El presidente Daniel Noboa anunció la detención de Rolando Gómez Quinde, considerado sucesor de "
        "'Fito' al frente de la banda Los Choneros, en Medellín."
    )
    leads = {link for link in links if link[0] == "Directorship"}
    assert leads == {
        ("Directorship", "director=news-person-rolando-gomez-quinde", "organization=news-org-los-choneros")
    }


@spanish_model
def test_the_titular_of_a_firm_heads_it() -> None:
    assert (
        "Directorship",
        "director=news-person-carlos-ruiz-soto",
        "organization=news-org-grupo-delta",
    ) in _links("El general Carlos Ruiz Soto, titular de la empresa Grupo Delta, fue sancionado.")


LUNA = ("UnknownLink", "subject=news-person-carlos-ruiz-soto", "object=news-person-pedro-luna-vega")


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Ruiz Soto, a longtime ally of Pedro Luna Vega, was sanctioned.",
        pytest.param("Carlos Ruiz Soto, aliado de Pedro Luna Vega, fue sancionado.", marks=spanish_model),
        "Carlos Ruiz Soto was designated for acting for or on behalf of Pedro Luna Vega.",
        pytest.param(
            "Carlos Ruiz Soto fue sancionado por actuar por o en nombre de Pedro Luna Vega.", marks=spanish_model
        ),
    ],
)
def test_an_ally_and_who_acts_on_anothers_behalf_are_linked(text: str) -> None:
    assert LUNA in _links(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Jorge Rodríguez firmó el acuerdo en nombre del Gobierno venezolano.", marks=spanish_model),
        "Ana Mora Díaz signed the contract on behalf of Grupo Delta S.A.",
    ],
)
def test_signing_on_someones_behalf_is_representation_no_link(text: str) -> None:
    assert not [link for link in _links(text) if link[0] == "UnknownLink"]
