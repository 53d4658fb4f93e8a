"""Country evidence: nationality, citizenship, country of residence or registration, flag."""

from __future__ import annotations

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record


def country(query: Record, candidate: Record) -> Evidence:
    """+0.5 when the records share a country, -1 when both name countries and none is shared."""
    if not query.countries or not candidate.countries:
        return NO_EVIDENCE
    shared = query.countries & candidate.countries
    if shared:
        return Evidence(0.5, lambda: f"country {', '.join(sorted(shared))} matches")
    return Evidence(
        -1.0,
        lambda: (
            f"country {', '.join(sorted(query.countries))} differs from {', '.join(sorted(candidate.countries))}"
        ),
    )
