"""The OFAC 50 percent rule: aggregation, propagation through blocked companies, cycles, dates."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import numpy as np
import pytest

from tests.graph_support import DAY, DESIGNATED, load_fixture
from watchfloor.graph import ExposureGraph, blocked_by_ownership, exposure
from watchfloor.graph.ownership import LINE, LOOK_THROUGH, OFAC_READING, as_percent, percent_text
from watchfloor.model import make_entity


@pytest.fixture(scope="module")
def graph() -> ExposureGraph:
    return ExposureGraph.from_entities(load_fixture())


@pytest.fixture(scope="module")
def verdicts(graph: ExposureGraph):
    return blocked_by_ownership(graph, DESIGNATED, as_of=DAY)


def ownership(owner: str, asset: str, percentage: str, relation_id: str, dataset: str = "registry"):
    entity = make_entity(dataset, "Ownership", relation_id)
    entity.add("owner", owner)
    entity.add("asset", asset)
    entity.add("percentage", percentage)
    return entity


def test_two_blocked_owners_holding_30_and_25_percent_block_the_company(graph, verdicts):
    assert verdicts["co-x"].blocked and verdicts["co-x"].blocked_by_ownership
    assert verdicts["co-x"].ownership_by_blocked == pytest.approx(55.0)
    assert {(h.owner_id, h.counted) for h in verdicts["co-x"].holdings} == {
        ("ofac-a", 30.0),
        ("ofac-b", 25.0),
    }
    report = exposure(graph, "co-x", DESIGNATED, as_of=DAY)
    assert report.blocked and not report.designated
    assert report.ownership_by_blocked == pytest.approx(55.0)
    assert sorted(c["share"] for c in report.ownership_paths) == [25.0, 30.0]


def test_company_blocked_by_ownership_passes_its_50_percent_stake_on_in_full(graph, verdicts):
    # 0.6 * 0.5 = 30% by product, but Y is blocked (60%) and holds 50% of Z.
    assert verdicts["co-y"].blocked
    assert verdicts["co-z"].blocked
    assert verdicts["co-z"].ownership_by_blocked == pytest.approx(50.0)
    report = exposure(graph, "co-z", DESIGNATED, as_of=DAY)
    assert report.blocked
    [chain] = report.ownership_paths
    assert chain["holder"] == "co-y" and chain["share"] == 50.0
    assert [(e["from"], e["to"], e["percentage"]) for e in chain["edges"]] == [
        ("ofac-a", "co-y", 60.0),
        ("co-y", "co-z", 50.0),
    ]


def test_49_percent_in_aggregate_is_exposure_not_blocking(graph, verdicts):
    assert not verdicts["co-w"].blocked
    assert verdicts["co-w"].ownership_by_blocked == pytest.approx(49.0)
    report = exposure(graph, "co-w", DESIGNATED, as_of=DAY)
    assert not report.blocked and report.exposed
    assert report.ownership_by_blocked == pytest.approx(49.0)


def test_ownership_cycle_terminates_with_the_geometric_share(graph):
    # look-through: C1 = 20 + 0.4 * C2 and C2 = 0.4 * C1: C1 = 20 / 0.84.
    verdicts = blocked_by_ownership(graph, DESIGNATED, as_of=DAY, reading=LOOK_THROUGH)
    assert verdicts["co-c1"].ownership_by_blocked == pytest.approx(20 / 0.84, abs=1e-6)
    assert verdicts["co-c2"].ownership_by_blocked == pytest.approx(0.4 * 20 / 0.84, abs=1e-6)
    assert not verdicts["co-c1"].blocked and not verdicts["co-c2"].blocked
    assert exposure(
        graph, "co-c2", DESIGNATED, as_of=DAY, reading=LOOK_THROUGH
    ).ownership_by_blocked == pytest.approx(8 / 0.84, abs=1e-6)


def test_ownership_cycle_that_reaches_50_percent_blocks_every_member(verdicts):
    assert verdicts["co-k1"].blocked and verdicts["co-k2"].blocked
    assert verdicts["co-k1"].ownership_by_blocked == pytest.approx(60.0)


def test_100_percent_ownership_cycle_without_blocked_owner_terminates_unblocked():
    entities = [
        ownership("co-p", "co-q", "100", "own-p-q"),
        ownership("co-q", "co-p", "100", "own-q-p"),
        ownership("ofac-a", "co-r", "10", "own-a-r"),
    ]
    graph = ExposureGraph.from_entities(entities)
    verdicts = blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY)
    assert "co-p" not in verdicts and "co-q" not in verdicts
    assert not exposure(graph, "co-p", {"ofac-a"}, as_of=DAY).blocked


def test_chains_through_unblocked_owners_multiply_and_add():
    # A holds 40% of M (M not blocked) and 40% of X; M holds 50% of X: 40 + 0.4 * 50 = 60.
    entities = [
        ownership("ofac-a", "co-m", "40", "own-a-m"),
        ownership("ofac-a", "co-t", "40", "own-a-t"),
        ownership("co-m", "co-t", "50", "own-m-t"),
    ]
    graph = ExposureGraph.from_entities(entities)
    look_through = blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY, reading=LOOK_THROUGH)
    assert look_through["co-t"].blocked
    assert look_through["co-t"].ownership_by_blocked == pytest.approx(60.0)
    strict = blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY)  # OFAC's reading, the default
    assert not strict["co-t"].blocked
    assert strict["co-t"].ownership_by_blocked == pytest.approx(40.0)
    report = exposure(graph, "co-t", {"ofac-a"}, as_of=DAY, reading=LOOK_THROUGH)
    shares = {tuple(e["relation_id"] for e in c["edges"]): c["share"] for c in report.ownership_paths}
    assert shares == {("own-a-t",): 40.0, ("own-a-m", "own-m-t"): pytest.approx(20.0)}


def test_ownership_of_unknown_size_is_exposure_and_never_blocks(graph, verdicts):
    assert not verdicts["co-u"].blocked
    assert verdicts["co-u"].ownership_by_blocked is None
    [holding] = verdicts["co-u"].holdings
    assert holding.owner_id == "ofac-b" and holding.percentage is None and holding.counted is None
    report = exposure(graph, "co-u", DESIGNATED, as_of=DAY)
    assert report.exposed and not report.blocked
    assert report.ownership_paths[0]["share"] is None


def test_news_ownership_never_blocks(graph, verdicts):
    assert "co-n" not in verdicts
    report = exposure(graph, "co-n", DESIGNATED, as_of=DAY)
    assert not report.blocked and report.ownership_by_blocked is None
    assert report.paths == []
    [[edge]] = report.alleged_paths
    assert edge["official"] is False and edge["source"] == "news" and edge["percentage"] == 80.0


def test_ownership_counts_only_between_its_start_and_end_dates(graph):
    def blocked_on(day: date) -> bool:
        return exposure(graph, "co-d", DESIGNATED, as_of=day).blocked

    assert not blocked_on(date(2023, 12, 31))
    assert blocked_on(date(2024, 1, 1))
    assert blocked_on(date(2025, 6, 29))
    assert not blocked_on(date(2025, 6, 30))
    assert blocked_by_ownership(graph, DESIGNATED, as_of=date(2025, 1, 1))["co-d"].blocked
    assert "co-d" not in blocked_by_ownership(graph, DESIGNATED, as_of=date(2025, 7, 1))


def test_single_entity_verdict_agrees_with_whole_graph_on_random_ownership():
    rng = np.random.default_rng(7)
    nodes, edges = 300, 900
    source, target = rng.integers(0, nodes, edges), rng.integers(0, nodes, edges)
    keep = source != target
    percentage = rng.choice([5.0, 10.0, 25.0, 30.0, 50.0, 60.0, 100.0], edges)
    graph = ExposureGraph.from_edges(
        [f"n{i}" for i in range(nodes)], source[keep], target[keep], "ownership", percentage[keep]
    )
    designated = {f"n{i}" for i in range(0, nodes, 37)}
    verdicts = blocked_by_ownership(graph, designated, as_of=DAY)
    assert any(v.blocked_by_ownership for v in verdicts.values())
    for i in range(nodes):
        report = exposure(graph, f"n{i}", designated, hops=1, as_of=DAY, max_paths=5)
        verdict = verdicts.get(f"n{i}")
        assert report.blocked == (verdict is not None and verdict.blocked)
        if verdict is not None and verdict.ownership_by_blocked is not None:
            assert report.ownership_by_blocked == pytest.approx(verdict.ownership_by_blocked, abs=1e-6)


def test_the_52_percent_case_is_blocked_only_by_the_look_through_and_each_verdict_names_its_reading():
    # A (blocked) holds 40 % of M, M holds 80 % of X, A holds 20 % of X: 20 % through blocked
    # persons (OFAC's reading), 40 % x 80 % + 20 % = 52 % looking through M.
    entities = [
        ownership("ofac-a", "co-m", "40", "own-a-m"),
        ownership("co-m", "co-x", "80", "own-m-x"),
        ownership("ofac-a", "co-x", "20", "own-a-x"),
    ]
    graph = ExposureGraph.from_entities(entities)
    ofac = blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY)["co-x"]
    assert (ofac.blocked, ofac.ownership_by_blocked, ofac.reading) == (
        False,
        pytest.approx(20.0),
        OFAC_READING,
    )
    cautious = blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY, reading=LOOK_THROUGH)["co-x"]
    assert (cautious.blocked, cautious.ownership_by_blocked, cautious.reading) == (
        True,
        pytest.approx(52.0),
        LOOK_THROUGH,
    )
    assert exposure(graph, "co-x", {"ofac-a"}, as_of=DAY).to_dict()["reading"] == OFAC_READING
    with pytest.raises(ValueError, match="ofac or look-through"):
        blocked_by_ownership(graph, {"ofac-a"}, as_of=DAY, reading="lenient")


def test_25_and_24_99_percent_is_below_the_line_in_either_reading():
    entities = [ownership("ofac-a", "co-y", "25", "own-a-y"), ownership("ofac-b", "co-y", "24.99", "own-b-y")]
    graph = ExposureGraph.from_entities(entities)
    for reading in (OFAC_READING, LOOK_THROUGH):
        verdict = blocked_by_ownership(graph, {"ofac-a", "ofac-b"}, as_of=DAY, reading=reading)["co-y"]
        assert not verdict.blocked and verdict.ownership_by_blocked == pytest.approx(49.99)


def _verdict(stakes: list[tuple[str, str, str]], designated: set[str], reading: str = OFAC_READING):
    entities = [ownership(owner, asset, pct, f"own-{owner}-{asset}") for owner, asset, pct in stakes]
    graph = ExposureGraph.from_entities(entities)
    whole = blocked_by_ownership(graph, designated, as_of=DAY, reading=reading)["co-x"]
    single = exposure(graph, "co-x", designated, as_of=DAY, reading=reading)
    assert (single.blocked, single.ownership_by_blocked) == (whole.blocked, whole.ownership_by_blocked)
    return whole


def test_25_and_25_percent_is_exactly_50_and_blocks_in_either_reading():
    for reading in (OFAC_READING, LOOK_THROUGH):
        verdict = _verdict(
            [("ofac-a", "co-x", "25"), ("ofac-b", "co-x", "25")], {"ofac-a", "ofac-b"}, reading
        )
        assert verdict.blocked and verdict.ownership_by_blocked == 50.0


def test_shares_whose_float_sum_falls_short_of_50_are_summed_exactly():
    # 14.02 + 19.33 + 16.65 is 49.99999999999999 in floating point, 50 in decimal
    assert 14.02 + 19.33 + 16.65 < 50
    stakes = [("ofac-a", "co-x", "14.02"), ("ofac-b", "co-x", "19.33"), ("ofac-c", "co-x", "16.65")]
    verdict = _verdict(stakes, {"ofac-a", "ofac-b", "ofac-c"})
    assert verdict.blocked and verdict.ownership_by_blocked == 50.0
    assert sorted(h.counted for h in verdict.holdings) == [14.02, 16.65, 19.33]


def test_a_stake_a_hair_below_50_percent_stays_below_with_no_slack():
    # a float comparison with a tolerance of 1e-9 blocked this; the exact one does not
    verdict = _verdict([("ofac-a", "co-x", "49.9999999995")], {"ofac-a"})
    assert not verdict.blocked and verdict.ownership_by_blocked < 50
    assert _verdict([("ofac-a", "co-x", "50.000")], {"ofac-a"}).blocked


def test_a_look_through_product_at_exactly_50_percent_blocks_only_in_the_look_through():
    # 41 % x 87 % + 14.33 % = 50 % exactly; in floating point 49.99999999999999
    assert 0.41 * 87 + 14.33 < 50
    stakes = [("ofac-a", "co-m", "41"), ("co-m", "co-x", "87"), ("ofac-a", "co-x", "14.33")]
    cautious = _verdict(stakes, {"ofac-a"}, LOOK_THROUGH)
    assert (cautious.blocked, cautious.ownership_by_blocked, cautious.reading) == (True, 50.0, LOOK_THROUGH)
    ofac = _verdict(stakes, {"ofac-a"})
    assert (ofac.blocked, ofac.ownership_by_blocked, ofac.reading) == (False, 14.33, OFAC_READING)


def test_the_50_percent_look_through_case_names_its_reading_in_the_report():
    # A (blocked) holds 40 % of M, M holds 62.5 % of X, A holds 25 % of X: 25 % by OFAC's
    # reading, 40 % x 62.5 % + 25 % = 50 % looking through M
    entities = [
        ownership("ofac-a", "co-m", "40", "own-a-m"),
        ownership("co-m", "co-x", "62.5", "own-m-x"),
        ownership("ofac-a", "co-x", "25", "own-a-x"),
    ]
    graph = ExposureGraph.from_entities(entities)
    ofac = exposure(graph, "co-x", {"ofac-a"}, as_of=DAY).to_dict()
    assert (ofac["blocked"], ofac["ownership_by_blocked"], ofac["reading"]) == (False, 25.0, OFAC_READING)
    cautious = exposure(graph, "co-x", {"ofac-a"}, as_of=DAY, reading=LOOK_THROUGH).to_dict()
    assert (cautious["blocked"], cautious["ownership_by_blocked"], cautious["reading"]) == (
        True,
        50.0,
        LOOK_THROUGH,
    )
    assert sorted(c["share"] for c in cautious["ownership_paths"]) == [25.0, 25.0]


def test_a_share_is_never_shown_on_the_other_side_of_the_line():
    just_below = Fraction(LINE) - Fraction(1, 10**9)  # 50 % less 1e-18 points: float(.) is 50.0
    assert as_percent(just_below) < 50 and as_percent(LINE) == 50.0
    assert [percent_text(v) for v in (49.99, 49.999, as_percent(just_below), 50.0, 52.0, 1e-9)] == [
        "49.99",
        "49.99",
        "49.99",
        "50",
        "52",
        "<0.01",
    ]
