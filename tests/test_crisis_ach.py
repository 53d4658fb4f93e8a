"""Competing hypotheses: ranking by weighted inconsistency, diagnosticity, unrated events, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.crisis import AchMatrix, CrisisError, Rating, load_scenarios
from watchfloor.model import dataset_for

FIXTURE = Path(__file__).parent / "fixtures" / "crisis" / "standoff.json"


def entities(kind: str) -> list[StatementEntity]:
    data = json.loads(FIXTURE.read_text())
    return [StatementEntity.from_data(dataset_for("crisis_test"), e) for e in data[kind]]


def rated_matrix() -> AchMatrix:
    matrix = AchMatrix(load_scenarios())
    events = {str(e.id): e for e in entities("events")}
    matrix.add_event(events["ev-pacific-strike"], credibility="high", relevance="high")
    matrix.add_event(events["ev-talks-floated"])
    matrix.add_event(events["ev-carrier-arrives"])
    # a strike at sea: hard to square with de-escalation, expected under both other scenarios
    matrix.rate("ev-pacific-strike", "best-case", "I")
    matrix.rate("ev-pacific-strike", "worst-case", "C")
    matrix.rate("ev-pacific-strike", "most-likely", "CC")
    # talks floated: fits the best case and calibrated pressure, not open conflict
    matrix.rate("ev-talks-floated", "best-case", "CC")
    matrix.rate("ev-talks-floated", "worst-case", "I")
    matrix.rate("ev-talks-floated", "most-likely", "C")
    # the carrier arrives: fits every scenario, so it cannot tell them apart
    for scenario in ("best-case", "worst-case", "most-likely"):
        matrix.rate("ev-carrier-arrives", scenario, Rating.CONSISTENT)
    return matrix


def test_default_scenarios_are_best_worst_and_most_likely():
    assert [s.id for s in load_scenarios()] == ["best-case", "worst-case", "most-likely"]


def test_scenario_with_least_weighted_inconsistency_ranks_first():
    ranking = rated_matrix().ranking()
    assert [r.scenario_id for r in ranking] == ["most-likely", "worst-case", "best-case"]
    assert ranking[0].inconsistency == 0
    assert ranking[1].inconsistency == 1.0  # one I on medium/medium evidence
    assert ranking[2].inconsistency == pytest.approx(1.414 * 1.414, abs=0.001)  # one I on high/high evidence
    assert ranking[0].rank == 1 and ranking[0].rated == 3


def test_evidence_rated_alike_under_every_scenario_is_not_diagnostic():
    diagnostic = rated_matrix().diagnostic()
    assert [d.evidence_id for d in diagnostic] == ["ev-pacific-strike", "ev-talks-floated"]
    assert diagnostic[0].spread > diagnostic[1].spread  # heavier evidence first
    assert diagnostic[0].ratings == {"best-case": "I", "worst-case": "C", "most-likely": "CC"}


def test_unrated_offers_new_and_partly_rated_events_newest_first():
    matrix = rated_matrix()
    matrix.add_event(next(e for e in entities("events") if e.id == "ev-colombia-suspends"))
    matrix.rate("ev-colombia-suspends", "worst-case", "C")
    offered = [str(e.id) for e in matrix.unrated(entities("events"))]
    assert offered == ["ev-maduro-offer", "ev-colombia-suspends", "ev-war-powers-vote"]


def test_matrix_round_trips_through_json():
    matrix = rated_matrix()
    restored = AchMatrix.from_dict(json.loads(json.dumps(matrix.to_dict())))
    assert restored.to_dict() == matrix.to_dict()
    assert restored.ranking() == matrix.ranking()


def test_bad_ratings_are_clear_errors():
    matrix = rated_matrix()
    with pytest.raises(CrisisError, match="unknown rating 'X'"):
        matrix.rate("ev-talks-floated", "best-case", "X")
    with pytest.raises(CrisisError, match="unknown scenario"):
        matrix.rate("ev-talks-floated", "no-such", "C")
    with pytest.raises(CrisisError, match="unknown evidence"):
        matrix.rate("ev-nope", "best-case", "C")
