"""Watch indicators: declared rules that fire once when a matching event or status change appears.

Rules are data (a YAML file), like FtM's schema: an analyst adds an indicator without code. A
firing has a stable key (indicator + entity, or the indicator alone for ``repeat: once``) so the
caller can store what already fired and never alert twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import yaml
from followthemoney.statement import StatementEntity

from watchfloor.crisis.entities import (
    event_article_ids,
    event_day,
    event_period,
    event_text,
    event_title,
    event_type,
    period_label,
)
from watchfloor.crisis.errors import CrisisError
from watchfloor.crisis.text import has_term, normal
from watchfloor.model.designation import DesignationStatus, designation_status, latest_announced, parse_day

DEFAULT_INDICATORS = Path(__file__).with_name("indicators.yaml")
_APPLIES_TO = ("event", "sanction")
_REPEAT = ("per_entity", "once")
_KNOWN_KEYS = {
    "id",
    "title",
    "description",
    "applies_to",
    "types",
    "any_text",
    "all_text",
    "none_text",
    "countries",
    "status",
    "days_before",
    "repeat",
}


@dataclass(frozen=True)
class Indicator:
    """One watch rule. Every condition given must hold; an empty condition is no constraint."""

    id: str
    title: str
    applies_to: str = "event"  # "event" or "sanction"
    description: str = ""
    types: frozenset[str] = frozenset()  # event types (see entities.event_type)
    any_text: tuple[str, ...] = ()  # at least one of these words
    all_text: tuple[str, ...] = ()  # all of these words
    none_text: tuple[str, ...] = ()  # none of these words
    countries: frozenset[str] = frozenset()  # ISO codes in the entity's ``country``
    status: str | None = None  # sanctions: pending | effective | lifted | reported
    days_before: int | None = None  # sanctions, status pending: only within N days of the effective date
    repeat: str = "per_entity"  # "per_entity": once per matching entity; "once": once ever

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["types"] = sorted(self.types)
        data["countries"] = sorted(self.countries)
        return data


@dataclass(frozen=True)
class FiredIndicator:
    """An indicator that fired, with what fired it and why, in words."""

    key: str
    indicator_id: str
    title: str
    entity_id: str
    schema: str
    date: str | None
    why: str
    article_ids: tuple[str, ...] = field(default=())
    source_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["article_ids"] = list(self.article_ids)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FiredIndicator:
        data = dict(data)
        data["article_ids"] = tuple(data.get("article_ids") or ())
        return cls(**data)


@dataclass(frozen=True)
class NotifyResult:
    """What happened to a webhook call; failures are reported here, never raised."""

    ok: bool
    sent: int
    status_code: int | None = None
    error: str | None = None


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
        return tuple(raw)
    raise CrisisError(f"{where}: expected a string or a list of strings")


def _indicator(raw: Any, position: int) -> Indicator:
    if not isinstance(raw, dict):
        raise CrisisError(f"indicator #{position}: expected a mapping")
    ident = raw.get("id")
    where = f"indicator {ident or '#' + str(position)}"
    if not isinstance(ident, str) or not ident:
        raise CrisisError(f"{where}: missing 'id'")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise CrisisError(f"{where}: unknown keys {', '.join(unknown)}")
    applies_to = raw.get("applies_to", "event")
    if applies_to not in _APPLIES_TO:
        raise CrisisError(f"{where}: applies_to must be one of {', '.join(_APPLIES_TO)}")
    repeat = raw.get("repeat", "per_entity")
    if repeat not in _REPEAT:
        raise CrisisError(f"{where}: repeat must be one of {', '.join(_REPEAT)}")
    status = raw.get("status")
    if status is not None and status not in {s.value for s in DesignationStatus}:
        raise CrisisError(f"{where}: unknown status {status!r}")
    if applies_to == "sanction" and status is None:
        raise CrisisError(f"{where}: a sanction indicator needs a 'status'")
    days_before = raw.get("days_before")
    if days_before is not None and (not isinstance(days_before, int) or days_before < 0):
        raise CrisisError(f"{where}: days_before must be a non-negative integer")
    return Indicator(
        id=ident,
        title=str(raw.get("title") or ident),
        applies_to=applies_to,
        description=str(raw.get("description") or ""),
        types=frozenset(t.lower() for t in _strings(raw.get("types"), where)),
        any_text=_strings(raw.get("any_text"), where),
        all_text=_strings(raw.get("all_text"), where),
        none_text=_strings(raw.get("none_text"), where),
        countries=frozenset(c.lower() for c in _strings(raw.get("countries"), where)),
        status=status,
        days_before=days_before,
        repeat=repeat,
    )


def load_indicators(path: str | Path = DEFAULT_INDICATORS) -> list[Indicator]:
    """Read indicator rules from YAML: a list, or a mapping with an ``indicators`` list."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CrisisError(f"cannot read indicators file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise CrisisError(f"indicators file {path} is not valid YAML") from exc
    if isinstance(raw, dict):
        raw = raw.get("indicators")
    if not isinstance(raw, list):
        raise CrisisError(f"indicators file {path}: expected a list of indicators")
    indicators = [_indicator(item, n) for n, item in enumerate(raw, 1)]
    seen: set[str] = set()
    for indicator in indicators:
        if indicator.id in seen:
            raise CrisisError(f"indicators file {path}: duplicate id {indicator.id!r}")
        seen.add(indicator.id)
    return indicators


def _text_reasons(indicator: Indicator, entity: StatementEntity) -> list[str] | None:
    """The words that matched, or None when the text conditions fail."""
    text = normal(event_text(entity))
    reasons: list[str] = []
    if indicator.any_text:
        hits = [t for t in indicator.any_text if has_term(text, t)]
        if not hits:
            return None
        reasons.append("mentions " + ", ".join(repr(h) for h in hits))
    if indicator.all_text:
        if not all(has_term(text, t) for t in indicator.all_text):
            return None
        reasons.append("mentions all of " + ", ".join(repr(t) for t in indicator.all_text))
    if any(has_term(text, t) for t in indicator.none_text):
        return None
    if indicator.countries:
        countries = {c.lower() for c in entity.get("country")} if entity.schema.get("country") else set()
        hits = sorted(countries & indicator.countries)
        if not hits:
            return None
        reasons.append("country " + ", ".join(hits))
    return reasons


def _key(indicator: Indicator, entity_id: str) -> str:
    return indicator.id if indicator.repeat == "once" else f"{indicator.id}:{entity_id}"


def _match_event(indicator: Indicator, event: StatementEntity, as_of: date) -> FiredIndicator | None:
    day = event_day(event)
    if day is not None and day > as_of:
        return None  # not happened yet on the day asked about
    kind = event_type(event)
    reasons: list[str] = []
    if indicator.types:
        if kind not in indicator.types:
            return None
        reasons.append(f"event type {kind!r}")
    text_reasons = _text_reasons(indicator, event)
    if text_reasons is None:
        return None
    reasons.extend(text_reasons)
    why = f"{event_title(event)}: " + "; ".join(reasons or ["matches"])
    period = event_period(event) if day is None else None
    if period is not None:
        why += f" (told over a period, {period_label(period)})"
    elif day is None:
        why += " (event undated)"
    return FiredIndicator(
        key=_key(indicator, str(event.id)),
        indicator_id=indicator.id,
        title=indicator.title,
        entity_id=str(event.id),
        schema=event.schema.name,
        date=day.isoformat() if day else None,
        why=why,
        article_ids=tuple(event_article_ids(event)),
        source_url=event.first("sourceUrl"),
    )


def _is_official(sanction: StatementEntity) -> bool:
    """Press-reported designations carry ``status: reported`` (see DESIGN.md)."""
    return not any(s.strip().lower() == DesignationStatus.REPORTED for s in sanction.get("status"))


def _status_day(sanction: StatementEntity, status: DesignationStatus) -> date | None:
    """The day the sanction entered ``status``."""
    if status == DesignationStatus.EFFECTIVE:
        return parse_day(latest_announced(sanction, "startDate"))
    if status == DesignationStatus.LIFTED:
        return parse_day(latest_announced(sanction, "endDate"))
    return parse_day(sanction.first("listingDate") or sanction.first("date"))


def _match_sanction(indicator: Indicator, sanction: StatementEntity, as_of: date) -> FiredIndicator | None:
    start, end = latest_announced(sanction, "startDate"), latest_announced(sanction, "endDate")
    status = designation_status(start, end, as_of, official=_is_official(sanction))
    if status != indicator.status:
        return None
    reasons = [f"status {status.value} on {as_of.isoformat()}"]
    start_day = parse_day(start)
    if status == DesignationStatus.EFFECTIVE and start_day is None:
        # a listing with no effective date of its own (an SDN CSV row) never "reaches" one: it
        # would fire on whatever day the crisis view was asked about
        return None
    if indicator.days_before is not None:
        if start_day is None or (start_day - as_of).days > indicator.days_before:
            return None
        reasons.append(f"effective {start_day.isoformat()}, in {(start_day - as_of).days} days")
    elif start_day is not None:
        reasons.append(f"effective date {start_day.isoformat()}")
    text_reasons = _text_reasons(indicator, sanction)
    if text_reasons is None:
        return None
    reasons.extend(text_reasons)
    subject = ", ".join(sanction.get("entity")) or str(sanction.id)
    label = " / ".join(v for v in (sanction.first("authority"), sanction.first("program")) if v)
    why = f"designation of {subject}" + (f" ({label})" if label else "") + ": " + "; ".join(reasons)
    day = _status_day(sanction, status)
    if indicator.days_before is not None and start_day is not None:
        # it became "imminent" on the first day of the window, not on the day it was announced
        window_opens = start_day - timedelta(days=indicator.days_before)
        day = max(day, window_opens) if day else window_opens
    return FiredIndicator(
        key=_key(indicator, str(sanction.id)),
        indicator_id=indicator.id,
        title=indicator.title,
        entity_id=str(sanction.id),
        schema=sanction.schema.name,
        date=(day or as_of).isoformat(),
        why=why,
        article_ids=tuple(event_article_ids(sanction)),
        source_url=sanction.first("sourceUrl"),
    )


def evaluate(
    indicators: Iterable[Indicator],
    events: Iterable[StatementEntity],
    sanctions: Iterable[StatementEntity],
    as_of: date,
    already_fired: set[str] | frozenset[str] = frozenset(),
) -> list[FiredIndicator]:
    """New firings only: those whose key is not in ``already_fired`` (the caller stores ``key``)."""
    events, sanctions = list(events), list(sanctions)
    fired: list[FiredIndicator] = []
    seen = set(already_fired)
    for indicator in indicators:
        if indicator.applies_to == "event":
            candidates = (_match_event(indicator, e, as_of) for e in events)
        else:
            candidates = (_match_sanction(indicator, s, as_of) for s in sanctions)
        for hit in sorted(
            (c for c in candidates if c is not None), key=lambda f: (f.date or "", f.entity_id)
        ):
            if hit.key in seen:
                continue
            seen.add(hit.key)
            fired.append(hit)
    return fired


def notify(fired: Iterable[FiredIndicator], url: str, timeout: float = 5) -> NotifyResult:
    """POST the firings as JSON (``{"fired": [...]}``); a network or HTTP error is reported, not raised."""
    payload = [f.to_dict() for f in fired]
    if not payload:
        return NotifyResult(ok=True, sent=0)
    try:
        response = httpx.post(url, json={"fired": payload}, timeout=timeout)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        return NotifyResult(ok=False, sent=0, error=f"{type(exc).__name__}: {exc}")
    if response.is_success:
        return NotifyResult(ok=True, sent=len(payload), status_code=response.status_code)
    return NotifyResult(
        ok=False, sent=0, status_code=response.status_code, error=f"HTTP {response.status_code}"
    )
