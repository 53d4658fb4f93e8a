"""A list name written exactly as the query is always a candidate (`Matcher._exact_names`),
however many rarer variants or longer names the query's words reach."""

from __future__ import annotations

import pytest

from tests.test_index_matcher import org
from watchfloor.index import Matcher, make_query
from watchfloor.match import record_of

_WORDS = "Alpha Bravo Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike Oscar Papa Quebec Romeo"
_LETTERS = "abcdefghijklmnop"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """A made-up list where the query word "Zorvex" is common in longer names and has many rare
    one-word variants ("Zorvexa", ...), and the entry whose alias is "Zorvex" comes last (the
    ranking's tie-break favours earlier names)."""
    longer = [org(f"long-{i}", f"Zorvex {word} Front") for i, word in enumerate(_WORDS.split())]
    variants = [org(f"variant-{letter}", f"Zorvex{letter}") for letter in _LETTERS]
    target = org("target", "Northern Liberation Movement", "Zorvex")
    return Matcher.build([*longer, *variants, target])


def test_the_exact_alias_is_a_candidate(matcher: Matcher) -> None:
    query = record_of(make_query("Zorvex", "Organization"))
    picked = [matcher.records[entity].entity_id for entity, _ in matcher.candidates(query, 5)]
    assert "target" in picked


def test_the_exact_alias_is_the_best_match(matcher: Matcher) -> None:
    results = matcher.match(make_query("Zorvex", "Organization"), limit=5, threshold=0.0)
    assert results[0].entity_id == "target"
    assert results[0].score > 0.9


def test_the_exact_name_is_scored_on_that_name(matcher: Matcher) -> None:
    """An entry already ranked on its other names is scored on its exact one too."""
    query = record_of(make_query("zorvex", "Organization"))
    names = dict(matcher.candidates(query, 40))
    target = next(n for n, record in enumerate(matcher.records) if record.entity_id == "target")
    assert any(matcher.forms[number].joined == "zorvex" for number in names[target])


def test_no_exact_name_adds_nothing(matcher: Matcher) -> None:
    """A query with a word no list name has (or no name written as it) is ranked as before."""
    query = record_of(make_query("Zorvex Unheardof", "Organization"))
    assert matcher._exact_names(query, 5) == []
    query = record_of(make_query("Zorvex Alpha", "Organization"))
    assert matcher._exact_names(query, 5) == []
