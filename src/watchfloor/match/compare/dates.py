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
    best, pair = -2.0, ("", "")
    for q in query.birth_dates:
        for c in candidate.birth_dates:
            score = _date_score(q, c)
            if score > best:
                best, pair = score, (q, c)
    return Evidence(best, lambda: _describe(best, *pair))


def _date_score(q: str, c: str) -> float:
    if _agree(q, c):
        return 0.5 if len(q) == len(c) == 10 else 0.25
    if q[:4] == c[:4]:
        return -0.5
    return 0.0 if abs(int(q[:4]) - int(c[:4])) <= 1 else -1.0


def _describe(score: float, q: str, c: str) -> str:
    if score == 0.5:
        return f"birth date {c} matches"
    if score == 0.25:
        return f"birth date {q} agrees with {c}"
    if score == -0.5:
        return f"birth date {q} differs from {c} in the same year"
    if score == 0.0:
        return f"birth year {q[:4]} is within a year of {c[:4]}"
    return f"birth year {q[:4]} differs from {c[:4]}"
