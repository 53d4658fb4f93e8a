"""Round 21 of the link readings. Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links


def test_a_kin_noun_keeps_the_given_name_the_model_left_off() -> None:
    """"his son Nicolás Petro" is the son, not the father the gazetteer knows as "Petro"."""
    links = _links(
        "Treasury designated Colombian President Gustavo Petro. OFAC said it was blocking Petro, "
        "his wife Veronica Alcocer Garcia, his son Nicolás Petro, and the interior minister Armando Benedetti."
    )
    family = {link for link in links if link[0] == "Family"}
    assert any("nicolas-petro" in part for link in family for part in link), family
    assert len(family) == 2, family
