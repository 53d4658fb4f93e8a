"""Round 21 of the link readings. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Span

from tests.test_news_relations import _links
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
