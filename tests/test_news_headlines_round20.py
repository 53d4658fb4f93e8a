"""One definition of a headline for the entity filter and the extractors: a sentence that ends
with a full stop inside closing quotes is no headline, however many capitals it holds. Sentences
written for these tests."""

from __future__ import annotations

from watchfloor.news.context import is_headline
from watchfloor.news.pipeline import get_nlp

SENTENCE = (
    "On May 30, 2024, the Treasury Department's Office of Foreign Assets Control sanctioned the "
    "Los Halcones Drug Trafficking Organization and its leader Pedro Ruiz Soto, also known as “Gato.”"
)


def test_a_capitalised_sentence_closed_inside_quotes_keeps_its_entities() -> None:
    names = {ent.text for ent in get_nlp("en")(SENTENCE).ents}
    assert "Los Halcones Drug Trafficking Organization" in names or "Los Halcones" in names, names
    assert not is_headline(SENTENCE)


def test_a_title_case_line_is_still_a_headline_whose_unrepeated_names_are_dropped() -> None:
    doc = get_nlp("en")(
        "Treasury Sanctions Halcones Cartel Leaders Over Fentanyl Trafficking\nThe Treasury acted."
    )
    assert is_headline(doc.text.split("\n")[0])
    assert not any("Halcones" in ent.text for ent in doc.ents)
