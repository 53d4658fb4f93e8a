"""Birth (or build) date evidence: same day, same year, within a year, or apart."""

from __future__ import annotations

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record


def _agree(a: str, b: str) -> bool:
    """Dates of different precision agree when the shorter is a prefix of the longer."""
    return a.startswith(b) or b.startswith(a)


def birth_date(query: Record, candidate: Record) -> Evidence:
    """+0.5 when a date agrees to the day, +0.25 when only to the year or month (one side is
    imprecise), 0 when a year is off by one (a range or a rounding), -0.5 when the year
    matches but the day differs, -1 when the years are further apart: a contradiction says
    more than an agreement, since many people share a birthday."""
    if not query.birth_dates or not candidate.birth_dates:
        return NO_EVIDENCE
    best = -2.0
    detail = ""
    for q in query.birth_dates:
        for c in candidate.birth_dates:
            if _agree(q, c):
                score = 0.5 if len(q) == len(c) == 10 else 0.25
                text = f"birth date {c} matches" if score == 0.5 else f"birth date {q} agrees with {c}"
            elif q[:4] == c[:4]:
                score, text = -0.5, f"birth date {q} differs from {c} in the same year"
            elif abs(int(q[:4]) - int(c[:4])) <= 1:
                score, text = 0.0, f"birth year {q[:4]} is within a year of {c[:4]}"
            else:
                score, text = -1.0, f"birth year {q[:4]} differs from {c[:4]}"
            if score > best:
                best, detail = score, text
    return Evidence(best, detail)
