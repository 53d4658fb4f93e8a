"""Read the props of FtM Event, Article and Sanction entities that the crisis view relies on.

The news pipeline and the lists evolve separately; every assumption about which prop holds the
event type, the quoted sentence or the article link lives here, so adapting to them is one edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from followthemoney.statement import StatementEntity

from watchfloor.model.designation import parse_day

# PLOVER-style types the news pipeline emits; an unknown keyword is still used as a type.
EVENT_TYPES = frozenset(
    {
        "attack",
        "deploy",
        "vote",
        "negotiate",
        "designate",
        "poll",
        "suspend",
        "mobilize",
        "accuse",
        "threaten",
        "protest",
        "sanction",
        "agree",
        "reject",
        "request",
        "consult",
        "cooperate",
        "aid",
        "retreat",
        "coerce",
        "assault",
    }
)


# The news pipeline (watchfloor.news.events) writes "mode:<mode>" and "plover:<TYPE>" keywords.
MODE_TYPES = {
    "strike": "attack",
    "deployment": "deploy",
    "mobilization": "mobilize",
    "vote": "vote",
    "talks": "negotiate",
    "suspend-cooperation": "suspend",
    "poll": "poll",
    "designation": "designate",
}
PLOVER_TYPES = {
    "ASSAULT": "attack",
    "MOBILIZE": "mobilize",
    "CONSULT": "negotiate",
    "SANCTION": "sanction",
    "REJECT": "reject",
    "AGREE": "agree",
    "COERCE": "coerce",
    "THREATEN": "threaten",
    "PROTEST": "protest",
}


def event_type(event: StatementEntity) -> str | None:
    """The event's type, read from ``keywords`` in this order: a news ``mode:``, a plain known type,
    a ``plover:`` type, else the first keyword as written."""
    keywords = [k.strip() for k in event.get("keywords") if k.strip()]
    for keyword in keywords:
        if keyword.lower().startswith("mode:"):
            mode = keyword[5:].strip().lower()
            return MODE_TYPES.get(mode, mode)
    for keyword in keywords:
        if keyword.lower() in EVENT_TYPES:
            return keyword.lower()
    for keyword in keywords:
        if keyword.lower().startswith("plover:"):
            plover = keyword[7:].strip().upper()
            return PLOVER_TYPES.get(plover, plover.lower())
    return keywords[0].lower() if keywords else None


def event_day(event: StatementEntity) -> date | None:
    """When it happened: the earliest ``date``. An event told over a period ("since September, strikes
    have killed 83") has no day: the period's start is no event (``event_period`` gives the period)."""
    days = [d for d in (parse_day(v) for v in event.get("date")) if d is not None]
    return min(days) if days else None


def event_period(event: StatementEntity) -> tuple[str, str | None] | None:
    """The period an event is told over, as the text gives it (FtM date prefixes such as "2025-09"):
    its start and its end, None while it goes on; None for an event with no period."""
    starts = sorted(event.get("startDate"))
    if not starts:
        return None
    ends = sorted(event.get("endDate"))
    return starts[0], (ends[-1] if ends else None)


def period_label(period: tuple[str, str | None]) -> str:
    """ "since 2025-09", or "2025-09 to 2025-11" for a closed period."""
    start, end = period
    return f"since {start}" if end is None else f"{start} to {end}"


def _generated_label(event: StatementEntity, name: str) -> bool:
    """The news pipeline names events "<mode>: <day>"; such a name says less than the sentence."""
    modes = {k[5:].strip().lower() for k in event.get("keywords") if k.lower().startswith("mode:")}
    return name.split(":", 1)[0].strip().lower() in modes


def event_title(event: StatementEntity) -> str:
    """A one-line title: name (unless a generated label), else summary, else description, else the ID."""
    name = event.first("name")
    if name and not _generated_label(event, name):
        return name
    for prop in ("summary", "description"):
        value = event.first(prop)
        if value:
            return value
    return name or str(event.id)


def event_text(entity: StatementEntity) -> str:
    """All the free text of an event or sanction, for keyword rules."""
    props = ("name", "summary", "description", "location", "keywords", "program", "reason", "authority")
    parts: list[str] = []
    for prop in props:
        if entity.schema.get(prop) is not None:
            parts.extend(entity.get(prop))
    return " ".join(parts)


def event_article_ids(entity: StatementEntity) -> list[str]:
    """The Article IDs an event (or sanction) is sourced from: its ``proof`` prop."""
    if entity.schema.get("proof") is None:
        return []
    return list(dict.fromkeys(entity.get("proof")))


def event_sentence(event: StatementEntity, article_id: str | None = None) -> str | None:
    """The sentence that reported the event: ``description``, else ``summary`` (the news pipeline's).

    When an event merges several reports, the statement whose ``origin`` names the article (the
    article ID, or the news pipeline's "article:<id>#<span>") is that article's sentence.
    """
    for prop in ("description", "summary"):
        if event.schema.get(prop) is None:
            continue
        statements = list(event.get_statements(prop))
        for stmt in statements:
            if article_id is not None and _from_article(stmt.origin, article_id):
                return stmt.value
        if statements:
            return statements[0].value
    return None


def _from_article(origin: str | None, article_id: str) -> bool:
    return origin is not None and (origin == article_id or origin.startswith(f"article:{article_id}#"))


@dataclass(frozen=True)
class SourceRef:
    """One article that supports a statement, with the sentence that said it."""

    article_id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: str | None
    sentence: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def article_ref(article_id: str, articles: Mapping[str, StatementEntity], sentence: str | None) -> SourceRef:
    """A citation for an article ID; an article missing from ``articles`` keeps its ID, loses nothing."""
    article = articles.get(article_id)
    if article is None:
        return SourceRef(article_id, None, None, None, None, sentence)
    published = parse_day(article.first("publishedAt") or article.first("date"))
    return SourceRef(
        article_id=article_id,
        title=article.first("title") or article.first("name"),
        url=article.first("sourceUrl"),
        publisher=article.first("publisher"),
        published=published.isoformat() if published else None,
        sentence=sentence,
    )


def event_sources(event: StatementEntity, articles: Mapping[str, StatementEntity]) -> list[SourceRef]:
    """Every article an event cites, each with its sentence."""
    return [article_ref(aid, articles, event_sentence(event, aid)) for aid in event_article_ids(event)]


def index_articles(articles: Iterable[StatementEntity]) -> dict[str, StatementEntity]:
    """Articles by ID, so that lookups from events are cheap."""
    return {str(a.id): a for a in articles if a.id is not None}
