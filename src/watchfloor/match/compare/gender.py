"""Gender evidence: only a contradiction counts."""

from __future__ import annotations

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record


def gender_mismatch(query: Record, candidate: Record) -> Evidence:
    """1 when both records state a gender and they differ."""
    if query.gender and candidate.gender and query.gender != candidate.gender:
        return Evidence(1.0, lambda: f"gender {query.gender} differs from {candidate.gender}")
    return NO_EVIDENCE
