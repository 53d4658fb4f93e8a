"""Reconcile quantity claims: one figure per measure and topic, however many sources report it.

Rule for the best estimate (after ACLED's practice of taking the most conservative figure): take
the latest reports (those within ``window_days`` of the latest one) and, for cumulative counts
such as "killed", every earlier report's lower bound too, since a death toll never falls. Find
the value that the most latest reports support (ties: the one most sources support, then the
lowest); the sources that support it form the consensus, and the interval they all support is
``interval``. The best estimate is the lowest figure a consensus report states inside that
interval, the most conservative well-sourced figure ("more than 80" and "about 80" on one day give
80..88 and a best estimate of 80); when no stated figure lies inside ("about 100" and "about 85"
give 90..93.5), the interval's low end.

Two reports contradict only when they cannot both be true: on the same day (within
``window_days``) their intervals do not overlap, or, for a cumulative count, an earlier report's
low end is above a later report's high end. Growth over time is not a contradiction, and one
article never contradicts itself: its different figures are a running toll it updates ("83 ...
the death toll has risen to 86") or different things. Within an article a cumulative count is read
as a series too: a lower figure it also states is an earlier state of the toll (a floor), not a
current report.

The extractor keeps apart what must not be compared (``watchfloor.news.quantities``): each measure
(people, strikes, boats) is its own series, a part of a whole ("8 in the Pacific") has its own
topic, and the figure of one dated strike is not the campaign's running toll.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from watchfloor.crisis.errors import CrisisError
from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.model.designation import parse_day

# Measures that only grow over time: a later, larger figure updates an earlier one.
CUMULATIVE_MEASURES = frozenset(
    {
        "killed",
        "dead",
        "deaths",
        "injured",
        "wounded",
        "casualties",
        "strikes",
        "boats",
        "vessels",
        "arrested",
        "detained",
        "displaced",
        "missing",
    }
)
ABOUT_TOLERANCE = 0.1  # "about 80" supports 72..88 when the extractor gave no bounds

Bound = float | None


class ClaimReport(NamedTuple):
    """One report of the figure, as the history shows it."""

    date: str
    text: str
    low: Bound
    high: Bound
    article_id: str


@dataclass(frozen=True)
class Contradiction:
    """Two reports that cannot both be true, and why."""

    first: ClaimReport
    second: ClaimReport
    first_claim_id: str
    second_claim_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "first": self.first._asdict(),
            "second": self.second._asdict(),
            "first_claim_id": self.first_claim_id,
            "second_claim_id": self.second_claim_id,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ReconciledClaim:
    """One measure about one topic, reconciled across every report of it."""

    measure: str
    topic: str
    best_estimate: float | None
    interval: tuple[Bound, Bound]
    latest_date: str
    history: tuple[ClaimReport, ...]
    contradictions: tuple[Contradiction, ...]
    sources: tuple[str, ...]  # article IDs, oldest report first
    cumulative: bool
    support: int  # distinct articles in the consensus behind ``interval``
    basis: QuantityClaim | None  # the report the best estimate is read from (cite this one)
    claims: tuple[QuantityClaim, ...]

    @property
    def contradicted(self) -> bool:
        return bool(self.contradictions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "topic": self.topic,
            "best_estimate": self.best_estimate,
            "interval": list(self.interval),
            "latest_date": self.latest_date,
            "history": [h._asdict() for h in self.history],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "contradicted": self.contradicted,
            "sources": list(self.sources),
            "cumulative": self.cumulative,
            "support": self.support,
            "basis_claim_id": self.basis.claim_id if self.basis else None,
            "claim_ids": [c.claim_id for c in self.claims],
        }


@lru_cache(maxsize=65536)
def claim_bounds(claim: QuantityClaim) -> tuple[Bound, Bound]:
    """The interval the wording supports; derived from the qualifier when the extractor left it open."""
    if claim.low is not None or claim.high is not None:
        return claim.low, claim.high
    value = claim.value
    if claim.qualifier == Qualifier.AT_LEAST:
        return value, None
    if claim.qualifier == Qualifier.AT_MOST:
        return None, value
    if claim.qualifier == Qualifier.ABOUT:
        spread = abs(value) * ABOUT_TOLERANCE
        return value - spread, value + spread
    return value, value


@lru_cache(maxsize=65536)
def claim_day(claim: QuantityClaim) -> date:
    """The day the figure refers to: its ``as_of`` when the text says so, else publication."""
    day = parse_day(claim.as_of) or parse_day(claim.published)
    if day is None:
        raise CrisisError(f"claim {claim.claim_id} has no usable date (published={claim.published!r})")
    return day


def _fmt(value: Bound) -> str:
    return "open" if value is None else f"{value:g}"


def _disjoint(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> bool:
    (a_low, a_high), (b_low, b_high) = a, b
    return (a_low is not None and b_high is not None and a_low > b_high) or (
        b_low is not None and a_high is not None and b_low > a_high
    )


def _report(claim: QuantityClaim) -> ClaimReport:
    low, high = claim_bounds(claim)
    return ClaimReport(claim_day(claim).isoformat(), claim.text, low, high, claim.article_id)


def _contradiction(
    first: QuantityClaim, second: QuantityClaim, cumulative: bool, window_days: int
) -> Contradiction | None:
    """``first`` is not later than ``second``."""
    if first.article_id == second.article_id:
        return None  # one article updates its toll or counts different things; it does not contradict itself
    gap = (claim_day(second) - claim_day(first)).days
    a, b = claim_bounds(first), claim_bounds(second)
    reason = None
    if gap <= window_days:
        if _disjoint(a, b):
            reason = (
                f"same {'day' if gap == 0 else 'window'}: {first.text!r} ({_fmt(a[0])}..{_fmt(a[1])})"
                f" and {second.text!r} ({_fmt(b[0])}..{_fmt(b[1])}) do not overlap"
            )
    elif cumulative and a[0] is not None and b[1] is not None and a[0] > b[1]:
        reason = (
            f"a cumulative count cannot fall: {first.text!r} on {claim_day(first)} is above "
            f"{second.text!r} on {claim_day(second)}"
        )
    if reason is None:
        return None
    return Contradiction(_report(first), _report(second), first.claim_id, second.claim_id, reason)


def _consensus(
    intervals: list[tuple[tuple[Bound, Bound], bool]],
) -> list[int]:
    """Indexes of the intervals covering the point most latest reports (then most reports) support."""
    points = sorted({v for (low, high), _ in intervals for v in (low, high) if v is not None})
    best: tuple[int, int, float] | None = None
    chosen: list[int] = []
    for point in points:
        covering = [
            i
            for i, ((low, high), _) in enumerate(intervals)
            if (low is None or low <= point) and (high is None or point <= high)
        ]
        latest = sum(1 for i in covering if intervals[i][1])
        score = (latest, len(covering), -point)
        if best is None or score > best:
            best, chosen = score, covering
    return chosen


def _best_estimate(
    interval: tuple[Bound, Bound], consensus: list[tuple[QuantityClaim, bool]]
) -> tuple[QuantityClaim | None, float | None]:
    """The lowest figure a consensus report states inside the interval; else the interval's low end.

    A stated figure ("about 200,000") is preferred to a derived bound (180,000); among stated
    figures the lowest is the most conservative. Latest reports win ties, so citations are fresh.
    """
    low, high = interval
    inside = [
        (claim, latest)
        for claim, latest in consensus
        if (low is None or claim.value >= low) and (high is None or claim.value <= high)
    ]
    if inside:
        claim, _ = min(inside, key=lambda pair: (pair[0].value, not pair[1]))
        return claim, claim.value
    bound = low if low is not None else high
    for claim, _ in sorted(consensus, key=lambda pair: not pair[1]):
        if bound in claim_bounds(claim):
            return claim, bound
    return None, bound


def _superseded(claims: list[QuantityClaim]) -> set[str]:
    """Claims of a cumulative count that their own article updates: it also states a figure above
    them (83, then "the toll has risen to 86"), so they are an earlier state of the toll."""
    highest: dict[str, float] = {}
    for claim in claims:
        low = claim_bounds(claim)[0]
        if low is not None:
            highest[claim.article_id] = max(low, highest.get(claim.article_id, low))
    return {
        claim.claim_id
        for claim in claims
        if (high := claim_bounds(claim)[1]) is not None and high < highest.get(claim.article_id, high)
    }


def _reconcile_group(
    measure: str, topic: str, claims: list[QuantityClaim], cumulative: bool, window_days: int
) -> ReconciledClaim:
    claims.sort(key=lambda c: (claim_day(c), c.published, c.claim_id))
    latest_day = claim_day(claims[-1])
    superseded = _superseded(claims) if cumulative else set()
    is_latest = [
        (latest_day - claim_day(c)).days <= window_days and c.claim_id not in superseded for c in claims
    ]
    candidates: list[tuple[tuple[Bound, Bound], bool]] = []
    owners: list[QuantityClaim] = []
    for claim, latest in zip(claims, is_latest, strict=True):
        low, high = claim_bounds(claim)
        if latest:
            candidates.append(((low, high), True))
        elif cumulative and low is not None:
            candidates.append(((low, None), False))  # an old count is still a floor
        else:
            continue
        owners.append(claim)
    chosen = _consensus(candidates)
    lows = [low for i in chosen if (low := candidates[i][0][0]) is not None]
    highs = [high for i in chosen if (high := candidates[i][0][1]) is not None]
    interval: tuple[Bound, Bound] = (max(lows) if lows else None, min(highs) if highs else None)

    basis, best = _best_estimate(interval, [(owners[i], candidates[i][1]) for i in chosen])

    contradictions = [
        found
        for i, first in enumerate(claims)
        for second in claims[i + 1 :]
        if (found := _contradiction(first, second, cumulative, window_days)) is not None
    ]
    return ReconciledClaim(
        measure=measure,
        topic=topic,
        best_estimate=best,
        interval=interval,
        latest_date=latest_day.isoformat(),
        history=tuple(_report(c) for c in claims),
        contradictions=tuple(contradictions),
        sources=tuple(dict.fromkeys(c.article_id for c in claims)),
        cumulative=cumulative,
        support=len({owners[i].article_id for i in chosen}),
        basis=basis,
        claims=tuple(claims),
    )


def reconcile(
    claims: Iterable[QuantityClaim],
    window_days: int = 0,
    cumulative_measures: frozenset[str] = CUMULATIVE_MEASURES,
) -> list[ReconciledClaim]:
    """Group claims by (measure, topic) and reconcile each group; newest figures first.

    ``window_days`` widens "the same day" for comparing reports (0: the same calendar day).
    """
    if window_days < 0:
        raise CrisisError("window_days must not be negative")
    groups: dict[tuple[str, str], list[QuantityClaim]] = defaultdict(list)
    for claim in claims:
        claim_day(claim)  # fail early, naming the claim, on one without a date
        groups[(claim.measure.strip().lower(), claim.topic.strip().lower())].append(claim)
    results = [
        _reconcile_group(measure, topic, group, measure in cumulative_measures, window_days)
        for (measure, topic), group in groups.items()
    ]
    results.sort(key=lambda r: (r.topic, r.measure))
    results.sort(key=lambda r: r.latest_date, reverse=True)
    return results
