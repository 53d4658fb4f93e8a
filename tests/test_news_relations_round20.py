"""Round 20 of the link readings: a name set in quotes reads as the name of its phrase. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.test_news_relations import _links, spanish_model


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Pedro Ruiz Soto, líder de la banda «Los Halcones», fue capturado.", marks=spanish_model
        ),
        pytest.param(
            'Pedro Ruiz Soto, líder de la banda "Los Halcones", fue capturado.', marks=spanish_model
        ),
        'Pedro Ruiz Soto, leader of the "Los Halcones" gang, was captured in Lima.',
    ],
)
def test_a_quoted_group_is_the_one_its_leader_leads(text: str) -> None:
    assert (
        "Directorship",
        "director=news-person-pedro-ruiz-soto",
        "organization=news-org-los-halcones",
    ) in _links(text)


@spanish_model
def test_each_item_of_a_list_keeps_its_own_quoted_group() -> None:
    links = _links(
        "Los sancionados incluyen a Pedro Ruiz Soto, líder de la banda «Los Halcones»; y Juan Díaz Mora, "
        "jefe de la banda «Los Cuervos»."
    )
    assert {link for link in links if link[0] == "Directorship"} == {
        ("Directorship", "director=news-person-pedro-ruiz-soto", "organization=news-org-los-halcones"),
        ("Directorship", "director=news-person-juan-diaz-mora", "organization=news-org-los-cuervos"),
    }


@spanish_model
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Pedro Ruiz Soto financió a Hezbolá mediante una red de empresas.", "news-org-hezbola"),
        ("Pedro Ruiz Soto financió al Cartel de Sinaloa durante años.", "news-org-sinaloa-cartel"),
    ],
)
def test_a_spanish_object_marked_by_a_is_whom_the_verb_supports(text: str, group: str) -> None:
    """The small parser may take "a Hezbolá" for an oblique or an indirect object."""
    supports = {link for link in _links(text) if link[0] == "UnknownLink"}
    assert any(
        f"object={group}" in link and "subject=news-person-pedro-ruiz-soto" in link for link in supports
    ), supports


@spanish_model
def test_a_widow_is_family() -> None:
    """One list of kin nouns for every reader: a widow, a son-in-law, a grandson are family too."""
    links = _links("Ana Ruiz Soto, la viuda de Juan Díaz Mora, fue sancionada por la OFAC.")
    assert any(
        link[0] == "Family"
        and "person=news-person-juan-diaz-mora" in link
        and "relative=news-person-ana-ruiz-soto" in link
        for link in links
    ), links


@spanish_model
def test_a_group_noun_names_the_group_after_of_the_plural() -> None:
    """ "la organización de Los Halcones": the group of that name, not one the article named before."""
    links = _links("Juan Díaz Mora, líder de la organización de Los Halcones, fue detenido en Lima.")
    assert (
        "Directorship",
        "director=news-person-juan-diaz-mora",
        "organization=news-org-los-halcones",
    ) in links


def test_the_parsed_text_maps_back_to_the_sentence() -> None:
    """The quotes around names are left out of what the parser reads; each position maps back."""
    from watchfloor.news.mentions import Mention
    from watchfloor.news.syntax import _in_parse, _in_sentence, _parse_text

    text = "la banda «Gran Grif» y el grupo «Los Halcones» atacaron"
    gran, halcones = Mention("Gran Grif", "ORG", 10, 19, 0), Mention("Los Halcones", "ORG", 33, 45, 0)
    parsed, removed = _parse_text(text, [gran, gran, halcones], 0)  # a mention held twice
    assert parsed == "la banda Gran Grif y el grupo Los Halcones atacaron"
    for mention in (gran, halcones):
        assert parsed[_in_parse(mention.start, removed) : _in_parse(mention.end, removed)] == mention.text
    assert _in_sentence(parsed.index("atacaron"), removed) == text.index("atacaron")
