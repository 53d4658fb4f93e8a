"""Link wordings of sanctions releases the earlier rules missed: a front man or associate named
after "his"/"su" (the person the possessive stands for), where "his" after "X's wife" is X.
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links

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
