"""Name evidence: the best pair among the names (and, more weakly, the weak aliases) of two records."""

from __future__ import annotations

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record
from watchfloor.names import Kind
from watchfloor.names.similarity import ORG_POLICY, PERSON_POLICY, AlignPolicy, best_name_score

WEAK_ALIAS_FACTOR = 0.85
"""A weak alias ("a.k.a. the Engineer") is a lead, not an identity: its match counts for less."""


def policy_for(query: Record, candidate: Record) -> AlignPolicy:
    if Kind.PERSON in (query.kind, candidate.kind) and Kind.ORGANIZATION not in (query.kind, candidate.kind):
        return PERSON_POLICY
    return ORG_POLICY


def name_match(query: Record, candidate: Record) -> Evidence:
    """Best alignment between any query name and any candidate name."""
    policy = policy_for(query, candidate)
    best = best_name_score(query.names, candidate.names, policy)
    weak = None
    if candidate.weak_names and (best is None or best.score < 1.0):
        weak = best_name_score(query.names, candidate.weak_names, policy)
    if weak is not None and weak.score * WEAK_ALIAS_FACTOR > (best.score if best else 0.0):
        score = weak.score * WEAK_ALIAS_FACTOR
        return Evidence(
            score,
            lambda: (
                f"name: {weak.query.comparable!r} ~ weak alias {weak.candidate.comparable!r} ({score:.2f}): {weak.explain()}"
            ),
        )
    if best is None or best.score <= 0.0:
        return NO_EVIDENCE
    return Evidence(
        best.score,
        lambda: (
            f"name: {best.query.comparable!r} ~ {best.candidate.comparable!r} ({best.score:.2f}): {best.explain()}"
        ),
    )
