"""The matching algorithm as data: a declared list of weighted features.

Main features each propose a score (the best one wins: a strong name, or a shared passport);
qualifiers then move it up or down (birth date, country, gender, schema). Every feature that
moved the score contributes its one-line detail to the explanation, so the explanation is a
by-product of the structure, not a separate text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from watchfloor import compiled
from watchfloor.match.compare import Evidence
from watchfloor.match.compare.countries import country
from watchfloor.match.compare.dates import birth_date
from watchfloor.match.compare.gender import gender_mismatch
from watchfloor.match.compare.identifiers import identifier
from watchfloor.match.compare.names import WEAK_ALIAS_FACTOR, name_match
from watchfloor.match.compare.schemata import schema_mismatch
from watchfloor.match.record import Record
from watchfloor.names import Kind
from watchfloor.names.similarity import ORG_POLICY, PERSON_POLICY

Comparator = Callable[[Record, Record], Evidence]


@dataclass(frozen=True, slots=True)
class Feature:
    """One kind of evidence with its weight; a qualifier adjusts instead of proposing."""

    name: str
    func: Comparator
    weight: float
    qualifier: bool = False
    bounds: tuple[float, float] = (0.0, 1.0)  # the lowest and highest score `func` returns

    @property
    def most(self) -> float:
        """The most this feature can add to a score."""
        return max(self.bounds[0] * self.weight, self.bounds[1] * self.weight, 0.0)


FEATURES: tuple[Feature, ...] = (
    Feature("name", name_match, 1.0),
    Feature("identifier", identifier, 0.98),
    Feature("birth_date", birth_date, 0.15, qualifier=True, bounds=(-1.0, 0.5)),
    Feature("country", country, 0.1, qualifier=True, bounds=(-1.0, 0.5)),
    Feature("gender_mismatch", gender_mismatch, -0.2, qualifier=True),
    Feature("schema_mismatch", schema_mismatch, -0.35, qualifier=True),
)
"""The default algorithm. Weights are set by reasoning, not fitted (in the range nomenklatura's
logic-v2 uses): a birth year apart costs 0.15 and another country 0.1, enough to sink a common
name that merely coincides; an agreeing birth date adds 0.075; a shared passport makes a match
of any plausible name."""


@dataclass(slots=True)
class Scored:
    """The outcome of running the features on one pair: the score, each feature's value, and
    the evidence of every feature that moved it (its sentence is written when read)."""

    score: float
    features: dict[str, float]
    evidence: Mapping[str, Evidence]


def qualifier_ceiling(features: tuple[Feature, ...]) -> float:
    """The most the qualifiers of an algorithm can add to the best main feature."""
    return sum(f.most for f in features if f.qualifier)


DEFAULT_CEILING = qualifier_ceiling(FEATURES)


def score_pair(
    query: Record, candidate: Record, features: tuple[Feature, ...] = FEATURES, floor: float | None = None
) -> Scored | None:
    """Run every feature; best main feature, plus the qualifiers, clipped to [0, 1]. With a
    `floor`, a pair whose main evidence cannot reach it even with every qualifier in its favour
    is dropped (None) before the qualifiers run: batch screening keeps matches only. The default
    features run compiled when `match._score` is built (same results)."""
    if features is FEATURES and compiled.ACTIVE and _score is not None:
        return _score.score_default(query, candidate, floor)
    return reference_score_pair(query, candidate, features, floor)


def reference_score_pair(
    query: Record, candidate: Record, features: tuple[Feature, ...] = FEATURES, floor: float | None = None
) -> Scored | None:
    """`score_pair` in Python, for any list of features: the definition the compiled default
    algorithm is tested against."""
    values: dict[str, float] = {}
    evidence: dict[str, Evidence] = {}
    best = 0.0
    for feature in features:
        if feature.qualifier:
            continue
        found = feature.func(query, candidate)
        if found.score == 0.0:
            continue
        values[feature.name] = found.score
        evidence[feature.name] = found
        weighted = found.score * feature.weight
        if feature.name == "identifier" and found.score > 0:
            # a shared identifier is decisive, but a matching name still counts above it
            weighted = max(weighted, min(1.0, values.get("name", 0.0) + 0.3))
        if weighted > best:
            best = weighted
    score = best
    if floor is not None:
        ceiling = DEFAULT_CEILING if features is FEATURES else qualifier_ceiling(features)
        if score + ceiling < floor:
            return None
    if score > 0.0:
        for feature in features:
            if not feature.qualifier:
                continue
            found = feature.func(query, candidate)
            if found.score == 0.0 and not found.render:  # nothing found, nothing to say
                continue
            values[feature.name] = found.score
            evidence[feature.name] = found
            score += found.score * feature.weight
    score = min(1.0, max(0.0, score))
    return Scored(score=score, features=values, evidence=evidence)


RULES = {
    "main": tuple(f.name for f in FEATURES if not f.qualifier),
    "qualifiers": tuple(f.name for f in FEATURES if f.qualifier),
}
"""The default features as the compiled scorer must implement them, in order: it writes each
rule out by hand, so a feature added, removed or moved here makes `watchfloor.compiled.load`
refuse it (the Python path runs) until `_score.pyx` has its twin."""

if TYPE_CHECKING:  # mypy reads the stub (_score.pyi); at run time, what the backend gives
    from watchfloor.match import _score
else:
    _score = compiled.load("watchfloor.match._score", RULES)  # None: not built or refused

if _score is not None:
    _score.configure(
        Scored,
        Evidence,
        Kind.PERSON,
        Kind.ORGANIZATION,
        PERSON_POLICY,
        ORG_POLICY,
        {f.name: f.func for f in FEATURES},
        {f.name: f.weight for f in FEATURES},
        WEAK_ALIAS_FACTOR,
        DEFAULT_CEILING,
    )
