"""Exposure paths: every kind of relation, news kept apart, dates, the hops bound."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from tests.graph_support import DAY, DESIGNATED, load_fixture
from watchfloor.graph import ExposureGraph, GraphInputError, blocked_by_ownership, exposure, official_paths
from watchfloor.model import make_entity


@pytest.fixture(scope="module")
def graph() -> ExposureGraph:
    return ExposureGraph.from_entities(load_fixture())


def hops_of(report) -> list[list[tuple[str, str, str]]]:
    return [[(e["from"], e["to"], e["type"]) for e in path] for path in report.paths]


def test_report_json_has_the_cli_contract_fields(graph):
    data = exposure(graph, "co-x", DESIGNATED, as_of=DAY).to_dict()
    assert {"entity_id", "designated", "blocked", "ownership_by_blocked", "paths"} <= set(data)
    edge = data["paths"][0][0]
    assert {"from", "to", "type", "percentage", "source", "official", "start_date", "end_date"} <= set(edge)
    assert edge["source"] == "registry" and edge["type"] == "ownership"


def test_paths_run_from_the_entity_to_the_designated_party_with_type_and_percentage(graph):
    report = exposure(graph, "co-z", DESIGNATED, as_of=DAY)
    assert hops_of(report) == [[("co-y", "co-z", "ownership"), ("ofac-a", "co-y", "ownership")]]
    assert [e["percentage"] for e in report.paths[0]] == [50.0, 60.0]


def test_family_and_associates_of_a_designated_person_are_exposed(graph):
    sister = exposure(graph, "p-sister", DESIGNATED, as_of=DAY)
    assert sister.exposed and not sister.blocked
    assert hops_of(sister) == [[("ofac-a", "p-sister", "family")]]
    partner = exposure(graph, "p-h1", DESIGNATED, as_of=DAY)
    assert hops_of(partner) == [[("p-h1", "ofac-a", "associate")]]


def test_ofac_linked_to_remark_membership_and_directorship_are_exposure(graph):
    linked = exposure(graph, "ofac-linked", DESIGNATED, as_of=DAY)
    assert hops_of(linked) == [[("ofac-linked", "ofac-cds", "link")]]
    member = exposure(graph, "p-member", DESIGNATED, as_of=DAY)
    assert hops_of(member) == [[("p-member", "ofac-cds", "membership")]]
    director = exposure(graph, "p-director", DESIGNATED, as_of=DAY)
    assert hops_of(director)[0][0] == ("p-director", "co-z", "directorship")


def test_news_only_link_is_an_alleged_path_never_an_official_one(graph):
    report = exposure(graph, "p-alleged", DESIGNATED, as_of=DAY)
    assert report.paths == [] and not report.exposed and not report.blocked
    [[edge]] = report.alleged_paths
    assert edge["official"] is False and edge["source"] == "news"
    # a screening hit's ties are the official paths only
    assert official_paths(graph, "p-alleged", DESIGNATED, as_of=DAY) == ([], False)


def test_hops_bound_is_respected(graph):
    assert hops_of(exposure(graph, "p-h3", DESIGNATED, hops=3, as_of=DAY)) == [
        [("p-h3", "p-h2", "associate"), ("p-h2", "p-h1", "associate"), ("p-h1", "ofac-a", "associate")]
    ]
    far = exposure(graph, "p-h3", DESIGNATED, hops=2, as_of=DAY)
    assert far.paths == [] and not far.exposed


def test_paths_stop_at_the_first_designated_party(graph):
    # ofac-a is one hop from p-h1; nothing beyond ofac-a (its companies, ofac-b) is listed.
    report = exposure(graph, "p-h1", DESIGNATED, hops=3, as_of=DAY)
    assert all(path[-1]["to"] == "ofac-a" or path[-1]["from"] == "ofac-a" for path in report.paths)
    assert len(report.paths) == 1


def test_dated_edges_are_ignored_outside_their_interval(graph):
    assert exposure(graph, "co-d", DESIGNATED, as_of=date(2025, 1, 1)).paths
    assert exposure(graph, "co-d", DESIGNATED, as_of=date(2025, 6, 30)).paths == []
    assert exposure(graph, "co-d", DESIGNATED, as_of=date(2023, 6, 1)).paths == []


def test_designated_entity_is_reported_designated_and_blocked(graph):
    report = exposure(graph, "ofac-cds", DESIGNATED, as_of=DAY)
    assert report.designated and report.blocked


def test_entity_without_relations_is_neither_exposed_nor_blocked(graph):
    report = exposure(graph, "unknown-entity", DESIGNATED, as_of=DAY)
    assert not report.exposed and not report.blocked and report.paths == []


def test_parallel_official_and_news_edges_give_an_official_and_an_alleged_path():
    official = make_entity("registry", "Associate", "assoc-official")
    official.add("person", "p-x")
    official.add("associate", "ofac-a")
    alleged = make_entity("news", "Associate", "assoc-news")
    alleged.add("person", "p-x")
    alleged.add("associate", "ofac-a")
    graph = ExposureGraph.from_entities([official, alleged])
    report = exposure(graph, "p-x", {"ofac-a"}, as_of=DAY)
    assert [path[0]["relation_id"] for path in report.paths] == ["assoc-official"]
    assert [path[0]["relation_id"] for path in report.alleged_paths] == ["assoc-news"]


def test_max_paths_truncates_and_says_so():
    entities = []
    for i in range(5):
        link = make_entity("registry", "Associate", f"assoc-{i}")
        link.add("person", "p-x")
        link.add("associate", f"ofac-{i}")
        entities.append(link)
    graph = ExposureGraph.from_entities(entities)
    report = exposure(graph, "p-x", {f"ofac-{i}" for i in range(5)}, as_of=DAY, max_paths=3)
    assert len(report.paths) == 3 and report.truncated


def test_negative_hops_is_a_clear_error(graph):
    with pytest.raises(GraphInputError, match="hops"):
        exposure(graph, "co-x", DESIGNATED, hops=-1)


def brute_force_paths(edges, source, designated, hops):
    """Every simple path of at most ``hops`` edges from ``source`` to a designated node that
    passes through no other designated node, as tuples of relation IDs (the reference)."""
    found = set()

    def extend(at, trail, visited):
        if len(trail) == hops:
            return
        for relation, a, b in edges:
            if at not in (a, b):
                continue
            nxt = b if at == a else a
            if nxt in visited:
                continue
            if nxt in designated:
                found.add((*trail, relation))
            else:
                extend(nxt, (*trail, relation), visited | {nxt})

    extend(source, (), {source})
    return found


@pytest.mark.parametrize("designated_every", [3, 11, 40])
def test_paths_match_brute_force_enumeration_on_random_graphs(designated_every):
    import random

    rng = random.Random(designated_every)
    nodes = [f"n{i}" for i in range(60)]
    edges, entities = [], []
    for number in range(150):
        a, b = rng.sample(nodes, 2)
        relation = f"r{number}"
        entity = make_entity("registry", rng.choice(["Associate", "Family"]), relation)
        entity.add("person", a)
        entity.add("associate" if entity.schema.name == "Associate" else "relative", b)
        entities.append(entity)
        edges.append((relation, a, b))
    designated = set(nodes[::designated_every])
    graph = ExposureGraph.from_entities(entities)
    for source in nodes:
        for hops in (1, 2, 3):
            report = exposure(graph, source, designated, hops=hops, as_of=DAY, max_paths=100_000)
            got = {tuple(e["relation_id"] for e in path) for path in report.paths}
            assert got == brute_force_paths(edges, source, designated, hops), (source, hops)
            lengths = [len(path) for path in report.paths]
            assert lengths == sorted(lengths)


@pytest.mark.parametrize(
    "entity_id", ["co-x", "co-z", "p-sister", "p-h1", "ofac-linked", "p-director", "nobody"]
)
def test_paths_alone_are_the_paths_of_the_full_report(graph, entity_id):
    for hops, limit in ((1, 10), (2, 1), (3, 10)):
        full = exposure(graph, entity_id, DESIGNATED, hops=hops, as_of=DAY, max_paths=limit)
        paths, truncated = official_paths(
            graph, entity_id, frozenset(DESIGNATED), hops=hops, as_of=DAY, max_paths=limit
        )
        assert paths == full.paths
        assert truncated <= full.truncated  # the report is also cut by long ownership chains


def test_a_changed_designated_set_is_read_again(graph):
    before = official_paths(graph, "p-sister", frozenset(DESIGNATED), as_of=DAY)[0]
    without = frozenset(DESIGNATED) - {"ofac-a"}
    assert before and official_paths(graph, "p-sister", without, as_of=DAY)[0] != before


def test_alleged_paths_filling_max_paths_never_hide_an_official_path():
    entities = []
    for i in range(3):  # three press links straight to designated parties: the shortest paths
        link = make_entity("news", "Associate", f"assoc-news-{i}")
        link.add("person", "p-x")
        link.add("associate", f"ofac-{i}")
        entities.append(link)
    for relation_id, person, other in (("assoc-1", "p-x", "p-y"), ("assoc-2", "p-y", "ofac-9")):
        link = make_entity("registry", "Associate", relation_id)
        link.add("person", person)
        link.add("associate", other)
        entities.append(link)
    graph = ExposureGraph.from_entities(entities)
    designated = {"ofac-0", "ofac-1", "ofac-2", "ofac-9"}
    report = exposure(graph, "p-x", designated, as_of=DAY, max_paths=2)
    assert report.truncated and len(report.alleged_paths) == 2
    assert [[step["relation_id"] for step in path] for path in report.paths] == [["assoc-1", "assoc-2"]]


def test_a_pickled_graph_answers_as_the_one_it_was_saved_from(graph):
    """The saved screening state pickles the graph with its caches filled; the copy must give
    the same paths and verdicts, for the cached day and set and for others."""
    before = exposure(graph, "co-x", DESIGNATED, as_of=DAY).to_dict()
    copy = pickle.loads(pickle.dumps(graph))
    assert exposure(copy, "co-x", DESIGNATED, as_of=DAY).to_dict() == before
    for entity_id, day in (("p-h3", DAY), ("co-d", date(2025, 6, 30)), ("p-sister", date(2020, 1, 1))):
        assert exposure(copy, entity_id, DESIGNATED, as_of=day) == exposure(
            graph, entity_id, DESIGNATED, as_of=day
        )
    assert blocked_by_ownership(copy, {"ofac-a"}, as_of=DAY) == blocked_by_ownership(
        graph, {"ofac-a"}, as_of=DAY
    )
