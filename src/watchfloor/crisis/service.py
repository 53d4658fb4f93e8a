"""The crisis view over the store: gathers events, articles, designations and claims known on a
date, fires new indicators (remembering them), and keeps the analyst's ACH matrix."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.crisis.ach import AchMatrix, load_scenarios
from watchfloor.crisis.brief import render_brief
from watchfloor.crisis.indicators import FiredIndicator, Indicator, evaluate, load_indicators
from watchfloor.crisis.reconcile import ReconciledClaim, reconcile
from watchfloor.crisis.timeline import TimelineItem, build_timeline
from watchfloor.model.claims import QuantityClaim
from watchfloor.model.designation import latest_announced, parse_day
from watchfloor.store import ListVersion, SqlStore
from watchfloor.store.claims import ClaimStore
from watchfloor.store.crisis import CrisisStore
from watchfloor.store.links import LinkStore

ACH_DOCUMENT = "ach_matrix"


@dataclass
class CrisisData:
    as_of: date
    events: list[StatementEntity] = field(default_factory=list)
    articles: list[StatementEntity] = field(default_factory=list)
    sanctions: list[StatementEntity] = field(default_factory=list)
    subjects: list[StatementEntity] = field(default_factory=list)
    claims: list[QuantityClaim] = field(default_factory=list)


def load_crisis(store: SqlStore, as_of: date | None = None) -> CrisisData:
    """Everything known on ``as_of``: official designations and news alike (news Sanctions keep
    their reported status; the crisis functions never treat them as official)."""
    as_of = as_of or date.today()
    versions = store.versions_in_force(as_of)
    data = CrisisData(as_of=as_of)
    wanted = ["Event", "Article", "Sanction"]
    for entity in store.iter_entities(versions=versions, schemata=wanted):
        {"Event": data.events, "Article": data.articles, "Sanction": data.sanctions}[
            entity.schema.name
        ].append(entity)
    data.sanctions = _relevant_sanctions(store, data.sanctions, versions, as_of)
    subject_ids = sorted({target for s in data.sanctions for target in s.get("entity")})
    data.subjects = (
        list(store.iter_entities(versions=versions, entity_ids=subject_ids)) if subject_ids else []
    )
    data.claims = ClaimStore(store.db).known_on(as_of)
    return data


def _relevant_sanctions(
    store: SqlStore, sanctions: list[StatementEntity], versions: list[ListVersion], as_of: date
) -> list[StatementEntity]:
    """The designations a crisis brief is about, not a whole list: those reported by the press,
    those pending or taking effect within the last month, and those of parties the news links to."""
    official = {v.dataset for v in versions if v.official}
    linked = {entity_id for _, entity_id, _ in LinkStore(store.db).all()}
    recent = as_of - timedelta(days=30)
    kept = []
    for sanction in sanctions:
        start = parse_day(latest_announced(sanction, "startDate"))
        if (
            sanction.dataset.name not in official
            or (start is not None and start >= recent)
            or linked.intersection(sanction.get("entity"))
        ):
            kept.append(sanction)
    return kept


def fire_indicators(
    store: SqlStore, data: CrisisData, indicators_path: Path | None = None
) -> tuple[list[Indicator], list[FiredIndicator], list[FiredIndicator]]:
    """Evaluate the watch rules; returns (rules, every firing so far, the new ones)."""
    indicators = load_indicators(indicators_path) if indicators_path else load_indicators()
    memory = CrisisStore(store.db)
    new = evaluate(indicators, data.events, data.sanctions, data.as_of, already_fired=memory.fired_keys())
    memory.add_fired([(item.key, item.to_dict()) for item in new])
    everything = [FiredIndicator.from_dict(d) for d in memory.fired()]
    return indicators, [f for f in everything if f.date is None or f.date <= data.as_of.isoformat()], new


def timeline(
    store: SqlStore,
    as_of: date | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    types: list[str] | None = None,
) -> list[TimelineItem]:
    data = load_crisis(store, as_of)
    _, fired, _ = fire_indicators(store, data)
    return build_timeline(
        data.events, data.articles, fired, date_from=date_from, date_to=date_to, types=types
    )


def claims(store: SqlStore, as_of: date | None = None) -> list[ReconciledClaim]:
    return reconcile(ClaimStore(store.db).known_on(as_of or date.today()))


def load_matrix(store: SqlStore) -> AchMatrix:
    saved = CrisisStore(store.db).load_document(ACH_DOCUMENT)
    return AchMatrix.from_dict(saved) if saved else AchMatrix(load_scenarios())


def save_matrix(store: SqlStore, matrix: AchMatrix) -> None:
    CrisisStore(store.db).save_document(ACH_DOCUMENT, matrix.to_dict())


def brief(store: SqlStore, fmt: str, as_of: date | None = None) -> str:
    data = load_crisis(store, as_of)
    indicators, fired, _ = fire_indicators(store, data)
    return render_brief(
        data.as_of,
        events=data.events,
        articles=data.articles,
        claims=reconcile(data.claims),
        sanctions=data.sanctions,
        indicators=indicators,
        fired=fired,
        matrix=load_matrix(store),
        subjects=data.subjects,
        fmt=fmt,
        named={entity_id for _, entity_id, _ in LinkStore(store.db).all()},
    )
