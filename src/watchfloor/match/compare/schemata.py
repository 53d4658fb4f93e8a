"""Schema evidence: a person is never a vessel, and rarely a company."""

from __future__ import annotations

from followthemoney import model

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record


def schema_mismatch(query: Record, candidate: Record) -> Evidence:
    """1 when no FtM schema can be both (Person vs Vessel, Person vs Company)."""
    if query.schema == candidate.schema:
        return NO_EVIDENCE
    left, right = model.get(query.schema), model.get(candidate.schema)
    if left is None or right is None:
        return NO_EVIDENCE
    if left.is_a(right) or right.is_a(left) or left.can_match(right):
        return NO_EVIDENCE
    return Evidence(1.0, lambda: f"a {query.schema} cannot be a {candidate.schema}")
