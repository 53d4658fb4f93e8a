"""Types of the compiled default scorer (`_score.pyx`) as `match.features` and `index.matcher`
call it: mypy cannot read the extension, so the Python code is checked against these."""

from collections.abc import Callable, Iterator, Mapping

from watchfloor.match import MatchResult
from watchfloor.match.compare import Evidence
from watchfloor.match.features import Comparator, Scored
from watchfloor.match.record import Record
from watchfloor.names import Kind, NameForm
from watchfloor.names.similarity import AlignPolicy

LAYOUT: dict[str, tuple[str, ...]]

def configure(
    scored: type[Scored],
    evidence: type[Evidence],
    person: Kind,
    organization: Kind,
    person_policy: AlignPolicy,
    org_policy: AlignPolicy,
    comparators: dict[str, Comparator],
    weights: dict[str, float],
    weak_factor: float,
    ceiling: float,
) -> None: ...

# Reads as a mapping (the methods of one, not registered with the ABC): declared a Mapping so
# the results that hold it (`Scored.evidence`, `MatchResult.evidence`) are checked as one.
class LazyEvidence(Mapping[str, Evidence]):
    def portable(self) -> tuple[dict[str, float], int, list[int]] | None: ...
    def __getitem__(self, name: str) -> Evidence: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...

class Deferred:
    def __init__(self, make: Callable[..., object], *args: object) -> None: ...

def evidence_of(
    scores: dict[str, float],
    query: object,
    view: Callable[[int, list[int]], Record],
    entity: int,
    names: list[int],
) -> LazyEvidence: ...
def score_default(query: Record, candidate: Record, floor: float | None = None) -> Scored | None: ...
def score_candidates(
    query: Record,
    picked: list[tuple[int, list[int]]],
    records: list[Record],
    forms: list[NameForm],
    form_weak: bytes,
    threshold: float,
    matches_only: bool,
    result: type[MatchResult],
    view: Callable[[int, list[int]], Record],
) -> list[MatchResult]: ...
