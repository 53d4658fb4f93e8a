"""Pairwise scoring of a query against a list entity, with a plain-words explanation.

`compare` scores two FtM entities; `compare_names` scores two bare names of one schema (the
compare-pairs CLI). Scores are in [0, 1]; `match` is `score >= DEFAULT_THRESHOLD` unless the
caller gives its own threshold.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from watchfloor.match.compare import Evidence
from watchfloor.match.errors import QueryError
from watchfloor.match.features import FEATURES, Feature, Scored, score_pair
from watchfloor.match.record import Record, record_of
from watchfloor.names import kind_of, name_forms
from watchfloor.names.similarity import ORG_POLICY, PERSON_POLICY, best_score

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

DEFAULT_THRESHOLD: float = 0.75
"""Calibrated on the screening benchmark (UN positives vs synthetic negatives), see
docs/benchmarks.md; name-bench is only measured at it, never used to choose it."""


@dataclass(slots=True)
class MatchResult:
    """One scored candidate, ready for an alert or an API response."""

    entity_id: str
    caption: str
    schema: str
    score: float
    match: bool
    features: dict[str, float] = field(default_factory=dict)
    evidence: Mapping[str, Evidence] = field(default_factory=dict)  # compiled: written when read

    @property
    def explanation(self) -> list[str]:
        """One plain-words line per feature that moved the score, in feature order."""
        return [text for found in self.evidence.values() if (text := found.detail)]

    @property
    def details(self) -> dict[str, str]:
        """Each scored feature's line (empty when it has none), by feature name."""
        return {name: found.detail for name, found in self.evidence.items()}


def display_score(score: float) -> float:
    """A score rounded to four decimals for results and reports: `round(x * 10000) / 10000`
    rather than `round(x, 4)`, which goes through decimal string conversion; the compiled
    scorer rounds the same way in C (`rint`, ties to even, as `round` does)."""
    return round(score * 10000.0) / 10000.0


def result_for(candidate: Record, scored: Scored, threshold: float) -> MatchResult:
    return MatchResult(
        entity_id=candidate.entity_id,
        caption=candidate.caption,
        schema=candidate.schema,
        score=display_score(scored.score),
        match=scored.score >= threshold,
        features=scored.features,
        evidence=scored.evidence,
    )


def compare_records(query: Record, candidate: Record, threshold: float = DEFAULT_THRESHOLD) -> MatchResult:
    """Score two prepared records (the index's fast path)."""
    scored = score_pair(query, candidate)
    assert scored is not None  # no floor, always scored
    return result_for(candidate, scored, threshold)


def match_records(
    query: Record, candidate: Record, threshold: float = DEFAULT_THRESHOLD
) -> MatchResult | None:
    """`compare_records` when only a match will do: None for a pair that cannot reach the
    threshold, found before its qualifiers are scored."""
    scored = score_pair(query, candidate, floor=threshold)
    if scored is None or scored.score < threshold:
        return None
    return result_for(candidate, scored, threshold)


def compare(
    query: StatementEntity, candidate: StatementEntity, threshold: float = DEFAULT_THRESHOLD
) -> MatchResult:
    """Score a query entity against a candidate entity."""
    return compare_records(record_of(query), record_of(candidate), threshold)


def compare_names(schema: str, name1: str, name2: str) -> float:
    """Name similarity of two names of the given schema, in [0, 1]; 0 when either is empty."""
    kind = kind_of(schema)
    policy = PERSON_POLICY if schema == "Person" else ORG_POLICY
    best = best_score(name_forms(name1, kind), name_forms(name2, kind), policy)
    return 0.0 if best is None else display_score(best)


__all__ = [
    "DEFAULT_THRESHOLD",
    "FEATURES",
    "Feature",
    "MatchResult",
    "QueryError",
    "Record",
    "compare",
    "compare_names",
    "compare_records",
    "display_score",
    "match_records",
    "record_of",
]
