"""Identifier evidence: passport, national ID, tax, registration, IMO and MMSI numbers."""

from __future__ import annotations

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record


def identifier(query: Record, candidate: Record) -> Evidence:
    """1 when an identifier (compared as upper-case letters and digits) is on both records."""
    if not query.identifiers or not candidate.identifiers:
        return NO_EVIDENCE
    shared = query.identifiers & candidate.identifiers
    if shared:
        return Evidence(1.0, lambda: f"identifier {sorted(shared)[0]} matches")
    return NO_EVIDENCE
