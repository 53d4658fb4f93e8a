"""Candidate generation and screening over a small list (Matcher), and query validation."""

from __future__ import annotations

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher, QueryError, make_query
from watchfloor.match import record_of
from watchfloor.model import make_entity


def person(entity_id: str, name: str, *aliases: str, birth: str | None = None) -> StatementEntity:
    entity = make_entity("test", "Person", entity_id)
    entity.add("name", name)
    for alias in aliases:
        entity.add("alias", alias)
    if birth:
        entity.add("birthDate", birth)
    return entity


def org(entity_id: str, name: str, *aliases: str) -> StatementEntity:
    entity = make_entity("test", "Organization", entity_id)
    entity.add("name", name)
    for alias in aliases:
        entity.add("alias", alias)
    return entity


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    passport = make_entity("test", "Passport", "passport-1")
    passport.add("holder", "ofac-24424")
    passport.add("number", "D0001234")
    sanction = make_entity("test", "Sanction", "sanction-1")
    sanction.add("entity", "ofac-22790")
    return Matcher.build(
        [
            person("ofac-22790", "MADURO MOROS, Nicolas", birth="1962-11-23"),
            person("ofac-24424", "CABELLO RONDON, Diosdado", birth="1963-04-15"),
            person(
                "ofac-6365", "BIN LADIN, Usama bin Muhammad bin Awad", "Usama bin Laden", "Osama bin Laden"
            ),
            person("unsc-1", "SADDAM HUSSEIN AL-TIKRITI"),
            person("unsc-2", "ALEKSANDR IVANOVICH PETROV"),
            org("ofac-6366", "AL QA'IDA", "Al-Qaeda", "The Base"),
            org("fto-1", "Cartel de los Soles"),
            org("fto-2", "Tren de Aragua"),
            passport,
            sanction,
        ]
    )


def test_only_matchable_entities_are_indexed(matcher: Matcher) -> None:
    assert len(matcher) == 8


def test_nicolas_maduro_finds_the_listed_entry(matcher: Matcher) -> None:
    results = matcher.match(make_query("Nicolás Maduro", "Person"))
    assert results[0].entity_id == "ofac-22790"
    assert results[0].caption == "MADURO MOROS, Nicolas"
    assert results[0].match


def test_alias_is_searched(matcher: Matcher) -> None:
    results = matcher.match(make_query("Osama bin Laden", "Person"))
    assert results[0].entity_id == "ofac-6365" and results[0].score == 1.0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Saddam Husayn al-Tikriti", "unsc-1"),
        ("Александр Петров", "unsc-2"),
        ("Diosdado Cabelo", "ofac-24424"),
    ],
)
def test_spelling_variants_and_typos_are_recalled(matcher: Matcher, query: str, expected: str) -> None:
    results = matcher.match(make_query(query, "Person"))
    assert results[0].entity_id == expected
    assert results[0].match


def test_translation_is_not_assumed_without_a_list_alias(matcher: Matcher) -> None:
    results = matcher.match(make_query("Cartel of the Suns", "Organization"))
    assert not any(r.match for r in results)


def test_passport_on_a_linked_document_finds_its_holder(matcher: Matcher) -> None:
    results = matcher.match(make_query("D. Cabello", "Person", identifiers=["D 0001234"]))
    assert results[0].entity_id == "ofac-24424"
    assert results[0].match


def test_results_are_best_first_and_include_below_threshold(matcher: Matcher) -> None:
    results = matcher.match(make_query("Nicolas Cabello", "Person"), limit=5)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    assert any(not r.match for r in results)
    assert len(results) <= 5


def test_scored_candidates_are_the_pairs_a_query_is_scored_against(matcher: Matcher) -> None:
    query = record_of(make_query("Nicolas Cabello", "Person"))
    scored = matcher.scored_candidates(query, limit=1)
    assert {"ofac-22790", "ofac-24424"} <= set(scored)
    assert len(scored) <= 1 + Matcher.SCORED_BEYOND_LIMIT
    returned = matcher.match_record(query, limit=1)
    assert len(returned) == 1 and returned[0].entity_id in scored


def test_threshold_argument_decides_the_verdict(matcher: Matcher) -> None:
    strict = matcher.match(make_query("Nicolas Maduro", "Person"), threshold=0.99)
    assert strict[0].entity_id == "ofac-22790" and not strict[0].match


def test_match_many_answers_in_order(matcher: Matcher) -> None:
    queries = [make_query("Tren de Aragua", "Organization"), make_query("Al Qaeda", "Organization")]
    results = list(matcher.match_many(queries, limit=1))
    assert [r[0].entity_id for r in results] == ["fto-2", "ofac-6366"]


def test_unknown_name_returns_nothing_or_non_matches(matcher: Matcher) -> None:
    results = matcher.match(make_query("Zebulon Quackenbush", "Person"))
    assert not any(r.match for r in results)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "name is empty"),
        ({"name": "\x00\x07"}, "name is empty"),
        ({"name": "x" * 10_000}, "10000 characters"),
        ({"name": "Maduro", "schema": "Sanction"}, "cannot be screened"),
        ({"name": "Maduro", "birth_date": "23/11/1962"}, "birth date"),
        ({"name": "Maduro", "country": "Atlantis"}, "country"),
        ({"name": "Maduro", "gender": "robot"}, "gender"),
    ],
)
def test_bad_queries_raise_a_one_line_query_error(kwargs: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        make_query(**kwargs)
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "name", ["'; DROP TABLE entities; --", "Влад Putin محمد 习", "Robert'); DELETE FROM alerts;"]
)
def test_odd_but_valid_queries_give_sane_results(matcher: Matcher, name: str) -> None:
    results = matcher.match(make_query(name))
    assert all(0.0 <= r.score <= 1.0 for r in results)


def test_empty_list_answers_nothing() -> None:
    assert Matcher.build([]).match(make_query("Nicolas Maduro", "Person")) == []


def test_match_many_with_workers_gives_the_same_answers(matcher: Matcher) -> None:
    queries = [
        make_query(name, "Person") for name in ("Nicolas Maduro", "Osama bin Laden", "Diosdado Cabello")
    ]
    single = [[(r.entity_id, r.explanation) for r in rs] for rs in matcher.match_many(queries, limit=2)]
    forked = [
        [(r.entity_id, r.explanation) for r in rs] for rs in matcher.match_many(queries, limit=2, workers=2)
    ]
    assert forked == single  # explanations are written lazily, and travel from a worker as text
    assert single[0][0][1][0].startswith("name: ")


def test_exact_name_survives_ties_and_hash_seeds() -> None:
    """Many list names share the query's tokens, so their evidence ties at the candidate cut: the
    entry whose primary name is the query must still be found, with the same scores in every
    process (replaying a screening elsewhere must give the same answer)."""

    script = """
from watchfloor.index import Matcher, make_query
from watchfloor.model import make_entity
castle = make_entity("t", "Company", "castle-gmbh")
castle.add("name", "CASTLE HOLDING GMBH")
for weak in ("CASTLE HOLDING", "CASTLE INVEST", "CASTLE HOLDING INVESTMENT", "CASTLE INVEST HOLDING"):
    castle.add("weakAlias", weak)
entities = [castle]
for i in range(120):
    other = make_entity("t", "Company", f"other-{i}")
    other.add("name", f"CASTLE HOLDING NUMBER{i} GMBH" if i % 2 else f"HOLDING GMBH TRADE{i}")
    other.add("weakAlias", "CASTLE HOLDING" if i % 3 else "HOLDING CASTLE")
    entities.append(other)
matcher = Matcher.build(entities)
for hit in matcher.match(make_query("Holding Gmbh Castle", schema="Company"), limit=3):
    print(hit.entity_id, round(hit.score, 6))
"""
    outputs = _outputs_under_hash_seeds(script)
    assert len(outputs) == 1
    assert outputs.pop().splitlines()[0] == "castle-gmbh 1.0"


def _outputs_under_hash_seeds(script: str) -> set[str]:
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    return outputs


def test_tied_aliases_are_explained_alike_under_any_hash_seed() -> None:
    """FtM returns a property's values in set order; when more aliases tie than are aligned, the
    explanation (which alias was compared) must not depend on that order."""
    script = """
from watchfloor.index import Matcher, make_query
from watchfloor.model import make_entity
belan = make_entity("t", "Person", "belan")
for alias in ("Aleksei Belan", "Alexsey Belan", "Aleksey Belan", "Alexei Belan", "Alexey Belan", "Oleksii Belan"):
    belan.add("alias", alias)
belan.add("name", "BELAN, Aleksei Alekseyevich")
for hit in Matcher.build([belan]).match(make_query("Luckson Belan", "Person"), limit=1):
    print(hit.entity_id, hit.score, hit.explanation)
"""
    outputs = _outputs_under_hash_seeds(script)
    assert len(outputs) == 1
    assert outputs.pop().startswith("belan ")


QUERY_CASES = [
    {"name": "Nicolás MADURO  Moros", "schema": "Person", "birth_date": "1962-11-23", "country": "Venezuela"},
    {"name": "MADURO MOROS, Nicolas", "schema": "Person", "birth_date": "1962-02-30", "gender": "M"},
    {
        "name": "Cabello",
        "schema": "Person",
        "birth_date": "0999",
        "identifiers": ["V-5.892.464", " d0001234 "],
    },
    {
        "name": "Cartel de los Soles",
        "schema": "Organization",
        "aliases": ["Cartel of the Suns"],
        "country": "ve",
    },
    {
        "name": "Ever Given",
        "schema": "Vessel",
        "birth_date": "2018",
        "country": "Panama",
        "identifiers": ["IMO 9811000"],
    },
    {"name": "Усама бен Ладен", "schema": "LegalEntity", "birth_date": "1957-03", "country": "sa"},
]


@pytest.mark.parametrize("kwargs", QUERY_CASES)
def test_query_record_is_the_record_of_the_query_entity(kwargs: dict) -> None:
    from watchfloor.index import query_record
    from watchfloor.match.record import record_of

    assert query_record(**kwargs) == record_of(make_query(**kwargs))


def test_query_record_refuses_what_make_query_refuses() -> None:
    from watchfloor.index import query_record

    with pytest.raises(QueryError, match="birth date"):
        query_record("Maduro", birth_date="23/11/1962")
    with pytest.raises(QueryError, match="cannot be screened"):
        query_record("Maduro", schema="Sanction")


@pytest.mark.parametrize(
    "value",
    ["1962-11-23", "1962-11", "1962", "1962-02-30", "1962-13", "1962-11-00", "0999", "2999-12-31", "3000"],
)
def test_dates_are_taken_as_clean_only_when_ftm_would_keep_them(value: str) -> None:
    from followthemoney.types import registry

    from watchfloor.index.query import _is_clean_date

    if _is_clean_date(value):
        assert registry.date.clean(value) == value
    assert _is_clean_date(value) == (value in ("1962-11-23", "1962-11", "1962", "2999-12-31"))


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("Nicolas Maduro", {}),
        ("Nicolas Cabello", {}),
        ("Nicolas Madura", {"birth_date": "1962-11-23", "country": "ve"}),
        ("Diosdado Cabelo", {"birth_date": "1970"}),
        ("Osama bin Laden", {}),
    ],
)
def test_matches_only_keeps_exactly_the_matches_of_the_full_list(
    matcher: Matcher, name: str, extra: dict
) -> None:
    from watchfloor.index import query_record

    query = query_record(name, "Person", **extra)
    full = [(r.entity_id, r.score) for r in matcher.match_record(query, limit=5) if r.match]
    only = [(r.entity_id, r.score) for r in matcher.match_record(query, limit=5, matches_only=True)]
    assert only == full


def test_matches_only_keeps_a_weak_name_that_its_birth_date_and_country_lift() -> None:
    from watchfloor.index import query_record
    from watchfloor.match.features import DEFAULT_CEILING, score_pair

    listed = Matcher.build([person("x-1", "Jonathan Smithers", birth="1970-05-06")])
    listed.records[0].countries = frozenset({"gb"})
    bare = query_record("Smithers", "Person")
    lifted = query_record("Smithers", "Person", birth_date="1970-05-06", country="gb")
    name_only = score_pair(bare, listed.records[0])
    assert name_only is not None and name_only.score < 0.75 <= name_only.score + DEFAULT_CEILING
    assert listed.match_record(bare, matches_only=True) == []
    found = listed.match_record(lifted, matches_only=True)
    assert [r.entity_id for r in found] == ["x-1"] and found[0].score >= 0.75
    assert score_pair(bare, listed.records[0], floor=name_only.score + DEFAULT_CEILING + 0.01) is None
