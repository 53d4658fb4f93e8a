"""Claim reconciliation: growth over time is consistent, same-day disagreement is flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.crisis import CrisisError, reconcile
from watchfloor.model.claims import Qualifier, QuantityClaim

FIXTURE = Path(__file__).parent / "fixtures" / "crisis" / "standoff.json"


def claim(
    claim_id: str,
    published: str,
    value: float,
    qualifier: Qualifier,
    low: float | None,
    high: float | None,
    text: str,
    measure: str = "killed",
    topic: str = "boat strikes",
) -> QuantityClaim:
    return QuantityClaim(
        claim_id=claim_id,
        article_id=f"art-{claim_id}",
        event_id=None,
        measure=measure,
        topic=topic,
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        text=text,
        sentence=f"Officials said {text} by then.",
        span_start=0,
        span_end=30,
        published=published,
    )


def fixture_claims() -> list[QuantityClaim]:
    data = json.loads(FIXTURE.read_text())
    return [QuantityClaim.from_dict(c) for c in data["claims"]]


def test_reports_of_one_toll_group_into_one_claim_with_conservative_best_estimate():
    results = {(r.measure, r.topic): r for r in reconcile(fixture_claims())}
    killed = results[("killed", "boat strikes")]
    assert len(results) == 2
    assert killed.best_estimate == 83
    assert killed.interval == (83, None)
    assert killed.latest_date == "2025-11-19"
    assert not killed.contradicted
    assert killed.basis is not None and killed.basis.claim_id == "c-killed-1119"
    assert [h.date for h in killed.history] == ["2025-11-12", "2025-11-16", "2025-11-16", "2025-11-19"]
    assert killed.sources[0] == "art-wire-1112" and len(killed.sources) == 4
    assert killed.support == 4


def test_smaller_figure_reported_earlier_does_not_contradict_larger_later_one():
    claims = [
        claim("nov12", "2025-11-12", 76, Qualifier.EXACT, 76, 76, "76 people"),
        claim("nov16", "2025-11-16", 83, Qualifier.EXACT, 83, 83, "83 people"),
    ]
    (result,) = reconcile(claims)
    assert result.contradictions == ()
    assert result.best_estimate == 83
    assert result.interval == (83, 83)


def test_cumulative_count_that_falls_over_time_is_a_contradiction():
    claims = [
        claim("nov12", "2025-11-12", 90, Qualifier.EXACT, 90, 90, "90 people"),
        claim("nov16", "2025-11-16", 83, Qualifier.EXACT, 83, 83, "83 people"),
    ]
    (result,) = reconcile(claims)
    assert len(result.contradictions) == 1
    assert "cannot fall" in result.contradictions[0].reason


def test_non_cumulative_figure_may_change_between_days_without_contradiction():
    claims = [
        claim(
            "a", "2025-11-12", 200000, Qualifier.ABOUT, 180000, 220000, "200,000 troops", "troops", "alert"
        ),
        claim("b", "2025-11-16", 15000, Qualifier.EXACT, 15000, 15000, "15,000 troops", "troops", "alert"),
    ]
    (result,) = reconcile(claims)
    assert result.contradictions == ()
    assert result.best_estimate == 15000  # only the latest day counts


def test_disjoint_figures_on_the_same_day_are_flagged_and_the_majority_wins():
    claims = [
        claim("more", "2025-11-16", 80, Qualifier.AT_LEAST, 80, None, "more than 80 people"),
        claim("about", "2025-11-16", 80, Qualifier.ABOUT, 72, 88, "about 80 people"),
        claim("fewer", "2025-11-16", 60, Qualifier.AT_MOST, None, 60, "fewer than 60 people"),
    ]
    (result,) = reconcile(claims)
    assert result.contradicted
    pairs = {frozenset((c.first_claim_id, c.second_claim_id)) for c in result.contradictions}
    assert pairs == {frozenset({"more", "fewer"}), frozenset({"about", "fewer"})}
    assert all("same day" in c.reason for c in result.contradictions)
    assert result.interval == (80, 88)
    assert result.best_estimate == 80
    assert result.support == 2


def test_open_qualifiers_without_bounds_get_their_interval_from_the_wording():
    claims = [
        claim("about", "2025-11-16", 100, Qualifier.ABOUT, None, None, "about 100"),
        claim("most", "2025-11-16", 95, Qualifier.AT_MOST, None, None, "up to 95"),
    ]
    (result,) = reconcile(claims)
    assert result.interval == (90, 95)
    assert result.best_estimate == 95  # the lowest figure a source states inside the interval


def test_best_estimate_falls_back_to_the_interval_low_when_no_stated_figure_fits():
    claims = [
        claim("a", "2025-11-16", 100, Qualifier.ABOUT, 90, 110, "about 100"),
        claim("b", "2025-11-16", 85, Qualifier.ABOUT, 76.5, 93.5, "about 85"),
    ]
    (result,) = reconcile(claims)
    assert result.interval == (90, 93.5)
    assert result.best_estimate == 90
    assert result.basis is not None and result.basis.claim_id == "a"


def test_reports_a_week_apart_are_compared_when_the_window_covers_them():
    claims = [
        claim("a", "2025-11-10", 50, Qualifier.EXACT, 50, 50, "50 percent", "percent", "support"),
        claim("b", "2025-11-16", 29, Qualifier.EXACT, 29, 29, "29 percent", "percent", "support"),
    ]
    assert reconcile(claims)[0].contradictions == ()
    assert len(reconcile(claims, window_days=7)[0].contradictions) == 1


def test_reconciled_claim_is_json_serialisable():
    data = [r.to_dict() for r in reconcile(fixture_claims())]
    text = json.dumps(data)
    assert '"best_estimate": 83' in text
    assert data[0]["history"][0]["article_id"]


def test_claim_without_a_date_is_a_clear_error():
    bad = claim("x", "", 5, Qualifier.EXACT, 5, 5, "5 people")
    with pytest.raises(CrisisError, match="claim x has no usable date"):
        reconcile([bad])


def test_running_toll_reported_by_two_articles_is_one_series_with_the_latest_value():
    claims = [
        claim("a", "2025-11-16", 83, Qualifier.EXACT, 83, 83, "83 people"),
        claim("b", "2025-11-19", 86, Qualifier.EXACT, 86, 86, "the toll rose to 86"),
    ]
    (result,) = reconcile(claims)
    assert result.contradictions == ()
    assert result.best_estimate == 86
    assert result.basis is not None and result.basis.claim_id == "b"
    assert [h.text for h in result.history] == ["83 people", "the toll rose to 86"]


def test_an_article_that_updates_its_toll_the_same_day_does_not_contradict_itself():
    first = claim("early", "2025-11-16", 83, Qualifier.EXACT, 83, 83, "83 people")
    update = claim("later", "2025-11-16", 86, Qualifier.EXACT, 86, 86, "the death toll has risen to 86")
    same_article = [first, QuantityClaim.from_dict({**update.to_dict(), "article_id": first.article_id})]
    (result,) = reconcile(same_article)
    assert result.contradictions == ()
    assert result.best_estimate == 86
    assert result.interval == (86, 86)


def test_the_same_disagreement_between_two_articles_is_still_flagged():
    claims = [
        claim("a", "2025-11-16", 83, Qualifier.EXACT, 83, 83, "83 people"),
        claim("b", "2025-11-16", 86, Qualifier.EXACT, 86, 86, "86 people"),
    ]
    (result,) = reconcile(claims)
    assert len(result.contradictions) == 1


def test_a_part_of_a_whole_is_its_own_series_and_never_contradicts_the_whole():
    claims = [
        claim("all", "2025-11-16", 18, Qualifier.EXACT, 18, 18, "18 boats", "boats", "boat strikes"),
        claim(
            "pac",
            "2025-11-16",
            8,
            Qualifier.EXACT,
            8,
            8,
            "8 in the Pacific",
            "boats",
            "boat strikes: Pacific",
        ),
        claim("str", "2025-11-16", 17, Qualifier.EXACT, 17, 17, "17 strikes", "strikes", "boat strikes"),
    ]
    results = reconcile(claims)
    assert len(results) == 3
    assert not any(r.contradicted for r in results)


def test_boats_destroyed_are_a_cumulative_count():
    claims = [
        claim("a", "2025-11-10", 26, Qualifier.EXACT, 26, 26, "26 boats", "boats", "boat strikes"),
        claim("b", "2025-11-16", 20, Qualifier.EXACT, 20, 20, "20 boats", "boats", "boat strikes"),
    ]
    (result,) = reconcile(claims)
    assert result.cumulative
    assert "cannot fall" in result.contradictions[0].reason


def test_at_least_83_and_more_than_80_are_consistent():
    claims = [
        claim("a", "2025-11-16", 83, Qualifier.AT_LEAST, 83, None, "at least 83 people"),
        claim("b", "2025-11-16", 80, Qualifier.AT_LEAST, 80, None, "more than 80 people"),
    ]
    (result,) = reconcile(claims)
    assert result.contradictions == ()
    assert result.best_estimate == 83 and result.support == 2
