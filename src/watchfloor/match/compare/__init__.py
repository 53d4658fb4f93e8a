"""Comparators, one module per kind of evidence; each is a pure function of two records that
returns an `Evidence` (a score and a one-line detail). Algorithms in `match.features` combine them."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one comparator found: a score and the plain-words reason for it."""

    score: float
    detail: str = ""


NO_EVIDENCE = Evidence(0.0, "")
