"""Reading FtM relationship entities into edges, and building from arrays."""

from __future__ import annotations

import numpy as np
import pytest
from followthemoney.statement import Statement

from watchfloor.graph import (
    Edge,
    ExposureGraph,
    GraphInputError,
    blocked_by_ownership,
    edges_from_entities,
    exposure,
    parse_percentage,
)
from watchfloor.model import dataset_for, make_entity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50", 50.0),
        ("25%", 25.0),
        ("12,5 %", 12.5),
        ("100", 100.0),
        ("majority", None),
        ("150", None),
        (None, None),
    ],
)
def test_percentage_reading(text, expected):
    assert parse_percentage(text) == expected


def test_edge_direction_follows_the_ftm_schema():
    directorship = make_entity("registry", "Directorship", "dir-1")
    directorship.add("organization", "co-1")
    directorship.add("director", "p-1")
    directorship.add("startDate", "2019")
    [edge] = edges_from_entities([directorship])
    assert (edge.source_id, edge.target_id, edge.type) == ("p-1", "co-1", "directorship")
    assert edge.start_date == "2019" and edge.official and edge.relation_id == "dir-1"


def test_non_relation_entities_are_ignored():
    person = make_entity("registry", "Person", "p-1")
    person.add("name", "Someone")
    assert list(edges_from_entities([person])) == []


def test_relation_stated_by_a_list_and_by_the_press_gives_one_edge_per_dataset():
    link = make_entity("us_ofac_sdn", "UnknownLink", "link-1")
    link.add("subject", "ofac-1")
    link.add("object", "ofac-2")
    link.add_statement(
        Statement(entity_id="link-1", prop="subject", schema="UnknownLink", value="ofac-1", dataset="news")
    )
    link.add_statement(
        Statement(entity_id="link-1", prop="object", schema="UnknownLink", value="ofac-2", dataset="news")
    )
    edges = sorted(edges_from_entities([link]), key=lambda e: e.dataset)
    assert [(e.dataset, e.official) for e in edges] == [("news", False), ("us_ofac_sdn", True)]


def test_official_datasets_can_be_named_explicitly():
    link = make_entity("blog", "Associate", "a-1")
    link.add("person", "p-1")
    link.add("associate", "p-2")
    [edge] = edges_from_entities([link], official_datasets={"us_ofac_sdn"})
    assert not edge.official
    assert dataset_for("blog").name == "blog"


def test_from_edges_builds_the_same_graph_as_edge_records():
    graph = ExposureGraph.from_edges(
        ["a", "b", "c"],
        np.array([0, 1]),
        np.array([1, 2]),
        "ownership",
        np.array([60.0, np.nan]),
    )
    assert list(graph.edges()) == [
        Edge("a", "b", "ownership", 60.0, None, None, "default", True, "edge:0"),
        Edge("b", "c", "ownership", None, None, None, "default", True, "edge:1"),
    ]
    assert blocked_by_ownership(graph, {"a"})["b"].blocked


def test_from_edges_rejects_mismatched_or_out_of_range_arrays():
    with pytest.raises(GraphInputError, match="same length"):
        ExposureGraph.from_edges(["a", "b"], np.array([0, 1]), np.array([1]))
    with pytest.raises(GraphInputError, match="node numbers"):
        ExposureGraph.from_edges(["a", "b"], np.array([0]), np.array([5]))
    with pytest.raises(GraphInputError, match="unknown edge type"):
        ExposureGraph.from_edges(["a", "b"], np.array([0]), np.array([1]), "friendship")


def test_from_edge_list_rejects_unknown_edge_type():
    with pytest.raises(GraphInputError, match="unknown edge type"):
        ExposureGraph.from_edge_list([Edge("a", "b", "friendship", None, None, None, "x", True, "r")])


def test_lookup_never_matches_a_longer_id_to_a_fixed_width_prefix():
    graph = ExposureGraph.from_edges(np.array(["a", "b"]), np.array([0]), np.array([1]), "associate")
    assert graph.node_number("a") == 0
    assert graph.node_number("ab") is None
    assert exposure(graph, "b", {"ab"}).paths == []
    assert len(exposure(graph, "b", {"a"}).paths) == 1


def test_from_edges_rejects_duplicate_ids_and_impossible_percentages():
    with pytest.raises(GraphInputError, match="unique"):
        ExposureGraph.from_edges(["a", "a"], np.array([0]), np.array([1]))
    with pytest.raises(GraphInputError, match="between 0 and 100"):
        ExposureGraph.from_edges(["a", "b"], np.array([0]), np.array([1]), "ownership", np.array([150.0]))


def test_empty_graph_answers_without_error():
    graph = ExposureGraph.from_entities([])
    assert blocked_by_ownership(graph, {"ofac-a"}) == {}
    report = exposure(graph, "ofac-a", {"ofac-a"})
    assert report.designated and report.blocked and report.paths == []


def test_self_ownership_does_not_count():
    graph = ExposureGraph.from_edges(
        ["a", "x"], np.array([0, 1]), np.array([1, 1]), "ownership", np.array([30.0, 40.0])
    )
    assert blocked_by_ownership(graph, {"a"})["x"].ownership_by_blocked == 30.0
