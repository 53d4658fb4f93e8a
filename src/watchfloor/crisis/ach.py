"""Analysis of Competing Hypotheses (Heuer): rate evidence against every scenario at once.

Heuer's point is to look for *inconsistent* evidence: the scenario with the least weighted
inconsistency is the most likely, and evidence rated the same under every scenario tells nothing
(it is not diagnostic). Weights follow PARC ACH: low 0.707, medium 1, high 1.414 for both
credibility and relevance, multiplied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from followthemoney.statement import StatementEntity

from watchfloor.crisis.entities import event_article_ids, event_day, event_title
from watchfloor.crisis.errors import CrisisError

DEFAULT_SCENARIOS = Path(__file__).with_name("scenarios.yaml")


class Rating(StrEnum):
    VERY_CONSISTENT = "CC"
    CONSISTENT = "C"
    NEUTRAL = "N"
    INCONSISTENT = "I"
    VERY_INCONSISTENT = "II"

    @property
    def score(self) -> int:
        return _SCORES[self]


_SCORES = {
    Rating.VERY_CONSISTENT: 2,
    Rating.CONSISTENT: 1,
    Rating.NEUTRAL: 0,
    Rating.INCONSISTENT: -1,
    Rating.VERY_INCONSISTENT: -2,
}


class Weight(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def factor(self) -> float:
        return {Weight.LOW: 0.707, Weight.MEDIUM: 1.0, Weight.HIGH: 1.414}[self]


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    """An item of evidence (usually an Event), with how far the analyst trusts it and how much it bears."""

    id: str
    title: str
    date: str | None = None
    credibility: Weight = Weight.MEDIUM
    relevance: Weight = Weight.MEDIUM
    article_ids: tuple[str, ...] = ()

    @property
    def weight(self) -> float:
        return self.credibility.factor * self.relevance.factor

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["credibility"] = self.credibility.value
        data["relevance"] = self.relevance.value
        data["article_ids"] = list(self.article_ids)
        return data


@dataclass(frozen=True)
class ScenarioScore:
    """A scenario's place in the ranking; lower ``inconsistency`` ranks first."""

    scenario_id: str
    title: str
    rank: int
    inconsistency: float
    consistency: float
    rated: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Diagnostic:
    """Evidence whose ratings differ across scenarios; ``spread`` is the weighted score range."""

    evidence_id: str
    title: str
    spread: float
    ratings: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _parse_scenario(raw: Any, where: str) -> Scenario:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise CrisisError(f"{where}: each scenario needs an 'id'")
    return Scenario(raw["id"], str(raw.get("title") or raw["id"]), str(raw.get("description") or ""))


def load_scenarios(path: str | Path = DEFAULT_SCENARIOS) -> list[Scenario]:
    """Scenarios from YAML: a list, or a mapping with a ``scenarios`` list."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CrisisError(f"cannot read scenarios file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise CrisisError(f"scenarios file {path} is not valid YAML") from exc
    if isinstance(raw, dict):
        raw = raw.get("scenarios")
    if not isinstance(raw, list) or not raw:
        raise CrisisError(f"scenarios file {path}: expected a non-empty list of scenarios")
    return [_parse_scenario(item, f"scenarios file {path}") for item in raw]


def _rating(value: Rating | str) -> Rating:
    try:
        return Rating(value.upper() if isinstance(value, str) else value)
    except ValueError:
        raise CrisisError(f"unknown rating {value!r}: use CC, C, N, I or II") from None


def _weight(value: Weight | str, what: str) -> Weight:
    try:
        return Weight(value.lower() if isinstance(value, str) else value)
    except ValueError:
        raise CrisisError(f"unknown {what} {value!r}: use low, medium or high") from None


class AchMatrix:
    """Scenarios by evidence, with the analyst's ratings; serialisable with ``to_dict``/``from_dict``."""

    def __init__(self, scenarios: Iterable[Scenario]) -> None:
        self.scenarios: list[Scenario] = list(scenarios)
        ids = [s.id for s in self.scenarios]
        if not ids:
            raise CrisisError("an ACH matrix needs at least one scenario")
        if len(set(ids)) != len(ids):
            raise CrisisError("scenario ids must be unique")
        self.evidence: dict[str, Evidence] = {}
        self.ratings: dict[str, dict[str, Rating]] = {}

    def add_evidence(
        self,
        evidence_id: str,
        title: str = "",
        date: str | None = None,
        credibility: Weight | str = Weight.MEDIUM,
        relevance: Weight | str = Weight.MEDIUM,
        article_ids: Iterable[str] = (),
    ) -> Evidence:
        """Add (or update the weights of) an item of evidence; its ratings are kept."""
        item = Evidence(
            id=evidence_id,
            title=title or evidence_id,
            date=date,
            credibility=_weight(credibility, "credibility"),
            relevance=_weight(relevance, "relevance"),
            article_ids=tuple(article_ids),
        )
        self.evidence[evidence_id] = item
        self.ratings.setdefault(evidence_id, {})
        return item

    def add_event(
        self,
        event: StatementEntity,
        credibility: Weight | str = Weight.MEDIUM,
        relevance: Weight | str = Weight.MEDIUM,
    ) -> Evidence:
        day = event_day(event)
        return self.add_evidence(
            str(event.id),
            event_title(event),
            day.isoformat() if day else None,
            credibility,
            relevance,
            event_article_ids(event),
        )

    def rate(self, evidence_id: str, scenario_id: str, rating: Rating | str) -> None:
        if evidence_id not in self.evidence:
            raise CrisisError(f"unknown evidence {evidence_id!r}: add it before rating it")
        if scenario_id not in {s.id for s in self.scenarios}:
            raise CrisisError(f"unknown scenario {scenario_id!r}")
        self.ratings[evidence_id][scenario_id] = _rating(rating)

    def rating(self, evidence_id: str, scenario_id: str) -> Rating | None:
        return self.ratings.get(evidence_id, {}).get(scenario_id)

    def ranking(self) -> list[ScenarioScore]:
        """Scenarios, least weighted inconsistency first (ties: more consistency, then file order)."""
        rows = []
        for order, scenario in enumerate(self.scenarios):
            inconsistency = consistency = 0.0
            rated = 0
            for evidence_id, item in self.evidence.items():
                rating = self.rating(evidence_id, scenario.id)
                if rating is None:
                    continue
                rated += 1
                if rating.score < 0:
                    inconsistency += -rating.score * item.weight
                else:
                    consistency += rating.score * item.weight
            rows.append((round(inconsistency, 3), -round(consistency, 3), order, scenario, rated))
        rows.sort(key=lambda r: r[:3])
        return [
            ScenarioScore(s.id, s.title, rank, inc, -neg_con, rated)
            for rank, (inc, neg_con, _, s, rated) in enumerate(rows, 1)
        ]

    def diagnostic(self) -> list[Diagnostic]:
        """Rated evidence that tells scenarios apart (an unrated cell counts as N), most diagnostic first."""
        found = []
        for evidence_id, item in self.evidence.items():
            given = self.ratings.get(evidence_id, {})
            if not given:
                continue
            scores = [(given.get(s.id) or Rating.NEUTRAL).score for s in self.scenarios]
            if max(scores) == min(scores):
                continue
            spread = round((max(scores) - min(scores)) * item.weight, 3)
            ratings = {s.id: (given.get(s.id) or Rating.NEUTRAL).value for s in self.scenarios}
            found.append(Diagnostic(evidence_id, item.title, spread, ratings))
        found.sort(key=lambda d: (-d.spread, d.evidence_id))
        return found

    def unrated(self, events: Iterable[StatementEntity]) -> list[StatementEntity]:
        """Events not yet rated against every scenario, newest first, to offer for rating."""
        scenario_ids = {s.id for s in self.scenarios}
        pending = [e for e in events if not scenario_ids <= set(self.ratings.get(str(e.id), {}))]

        def newest_first(event: StatementEntity) -> tuple[str, str]:
            day = event_day(event)
            return (day.isoformat() if day else "", str(event.id))

        pending.sort(key=newest_first, reverse=True)
        return pending

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenarios": [s.to_dict() for s in self.scenarios],
            "evidence": [e.to_dict() for e in self.evidence.values()],
            "ratings": {
                eid: {sid: r.value for sid, r in given.items()}
                for eid, given in self.ratings.items()
                if given
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AchMatrix:
        if not isinstance(data, dict):
            raise CrisisError("an ACH matrix must be a mapping")
        matrix = cls(_parse_scenario(s, "ACH matrix") for s in data.get("scenarios") or [])
        for raw in data.get("evidence") or []:
            if not isinstance(raw, dict) or not raw.get("id"):
                raise CrisisError("ACH matrix: each evidence item needs an 'id'")
            matrix.add_evidence(
                raw["id"],
                raw.get("title") or "",
                raw.get("date"),
                raw.get("credibility", Weight.MEDIUM),
                raw.get("relevance", Weight.MEDIUM),
                raw.get("article_ids") or (),
            )
        for evidence_id, given in (data.get("ratings") or {}).items():
            for scenario_id, rating in given.items():
                matrix.rate(evidence_id, scenario_id, rating)
        return matrix
