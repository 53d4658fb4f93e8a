"""Comparators, one module per kind of evidence; each is a pure function of two records that
returns an `Evidence` (a score and a one-line detail). Algorithms in `match.features` combine them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one comparator found: a score and the plain-words reason for it.

    The reason may be given as a function that writes it: screening scores a dozen candidates
    per query and most are never shown, so their sentences are only written when read (a
    pickled `Evidence` carries the written text, never the function)."""

    score: float
    render: str | Callable[[], str] = ""

    @property
    def detail(self) -> str:
        render = self.render
        return render if isinstance(render, str) else render()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Evidence, (self.score, self.detail))


NO_EVIDENCE = Evidence(0.0, "")
