"""A dated timeline of events and fired indicators, each item with the articles that reported it."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from followthemoney.statement import StatementEntity

from watchfloor.crisis.entities import (
    SourceRef,
    article_ref,
    event_day,
    event_period,
    event_sentence,
    event_sources,
    event_title,
    event_type,
    index_articles,
)
from watchfloor.crisis.indicators import FiredIndicator
from watchfloor.model.designation import parse_day


@dataclass(frozen=True)
class TimelineItem:
    """One dated entry: an event as reported, or an indicator that fired."""

    date: str | None
    kind: str  # "event" | "indicator"
    entity_id: str
    title: str
    event_type: str | None = None
    sentence: str | None = None
    location: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    involved: tuple[str, ...] = ()
    indicator_id: str | None = None
    sources: tuple[SourceRef, ...] = field(default=())
    reported_only: bool = False  # the text gives no date: placed on the day it was first reported
    period: tuple[str, str | None] | None = None  # told over a period ("since September"), no day of its own

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "reported_only": self.reported_only,
            "period": {"start": self.period[0], "end": self.period[1]} if self.period else None,
            "kind": self.kind,
            "entity_id": self.entity_id,
            "title": self.title,
            "event_type": self.event_type,
            "sentence": self.sentence,
            "location": list(self.location),
            "country": list(self.country),
            "involved": list(self.involved),
            "indicator_id": self.indicator_id,
            "sources": [s.to_dict() for s in self.sources],
        }


def _earliest_publication(sources: Iterable[SourceRef]) -> date | None:
    days = [d for d in (parse_day(s.published) for s in sources) if d is not None]
    return min(days) if days else None


def _event_item(event: StatementEntity, articles: dict[str, StatementEntity]) -> TimelineItem:
    sources = tuple(event_sources(event, articles))
    # An event the text does not date is placed on the day it was first reported, and says so.
    # An event told over a period ("since September") is placed on the day it was reported too, with
    # its period beside it: the period's first day is no event.
    own_day = event_day(event)
    day = own_day or _earliest_publication(sources)
    return TimelineItem(
        date=day.isoformat() if day else None,
        reported_only=own_day is None,
        period=event_period(event) if own_day is None else None,
        kind="event",
        entity_id=str(event.id),
        title=event_title(event),
        event_type=event_type(event),
        sentence=event_sentence(event),
        location=tuple(event.get("location")),
        country=tuple(event.get("country")),
        involved=tuple(event.get("involved")),
        sources=sources,
    )


def _indicator_item(fired: FiredIndicator, articles: dict[str, StatementEntity]) -> TimelineItem:
    sources = tuple(article_ref(aid, articles, None) for aid in fired.article_ids)
    return TimelineItem(
        date=fired.date,
        kind="indicator",
        entity_id=fired.entity_id,
        title=fired.title,
        sentence=fired.why,
        indicator_id=fired.indicator_id,
        sources=sources,
    )


def _in_range(item: TimelineItem, date_from: date | None, date_to: date | None) -> bool:
    if date_from is None and date_to is None:
        return True
    day = parse_day(item.date)
    if day is None:
        return False  # a date filter cannot place an undated item
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def build_timeline(
    events: Iterable[StatementEntity],
    articles: Iterable[StatementEntity],
    fired_indicators: Iterable[FiredIndicator] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    types: Collection[str] | None = None,
) -> list[TimelineItem]:
    """Events (optionally only of ``types``) and firings between the dates (inclusive), oldest first.

    Undated items come last. On the same day an event precedes the indicator it fired.
    """
    by_id = index_articles(articles)
    wanted = {t.lower() for t in types} if types is not None else None
    items = [_event_item(e, by_id) for e in events if wanted is None or (event_type(e) or "") in wanted]
    items.extend(_indicator_item(f, by_id) for f in fired_indicators)
    items = [i for i in items if _in_range(i, date_from, date_to)]
    kind_order = {"event": 0, "indicator": 1}
    return sorted(items, key=lambda i: (i.date is None, i.date or "", kind_order[i.kind], i.title))
