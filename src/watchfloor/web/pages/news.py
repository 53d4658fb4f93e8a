"""What the news said, as of a day: the timeline of reported events beside the recorded
designations and the reconciled figures, the articles read, and one article with the names
extracted from it marked in its text."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from followthemoney import registry

from watchfloor.crisis import build_timeline, reconcile
from watchfloor.store import StoreError
from watchfloor.web.charts import timeline_chart
from watchfloor.web.context import PREFIX, READER, Console, ConsoleContext, day_param, entity_url
from watchfloor.web.highlight import MarkedName, highlight_paragraphs

router = APIRouter(prefix=PREFIX, include_in_schema=False)

MENTION_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Address")
DESIGNATIONS_DATASET = "watchfloor_designations"


def _timeline(console: ConsoleContext, request: Request, as_of: str | None) -> HTMLResponse:
    day = day_param(as_of, "as-of date") or date.today()
    news = console.backend.news(day)
    events = [e for e in news if e.schema.is_a("Event")]
    articles = [e for e in news if e.schema.is_a("Article")]
    items = [item.to_dict() for item in build_timeline(events, articles)]
    items.extend(_designation_milestones(console, day))
    items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["title"]))
    claims = console.backend.claims(day)
    figures = sorted(reconcile(claims), key=lambda r: (r.measure, r.topic))
    chart = timeline_chart([i["date"] for i in items if i["kind"] == "event"], claims)
    casualty_claims = sorted(
        (c for c in claims if c.measure in ("killed", "dead", "deaths", "casualties")),
        key=lambda c: (c.published, c.value),
    )
    return console.render(
        request,
        "timeline.html",
        as_of=day,
        items=items,
        chart=chart,
        figures=figures,
        casualty_claims=casualty_claims,
        article_titles={str(a.id): a.first("title") or str(a.id) for a in articles},
    )


def _designation_milestones(console: ConsoleContext, day: date) -> list[dict[str, Any]]:
    """Announced and effective dates of hand-recorded designations, beside the reported events."""
    milestones: list[dict[str, Any]] = []
    designations = [
        d
        for items in console.backend.designations(day).values()
        for d in items
        if d.dataset == DESIGNATIONS_DATASET
    ]
    captions = console.backend.captions([d.entity_id for d in designations], day)
    for d in designations:
        caption = captions.get(d.entity_id, (d.entity_id, ""))[0]
        for when, what in ((d.listing_date, "announced"), (d.start_date, "takes effect")):
            if when:
                milestones.append(
                    {
                        "date": when[:10],
                        "kind": "designation",
                        "entity_id": d.entity_id,
                        "title": f"{d.program} designation of {caption} {what} ({d.authority})",
                        "event_type": "designate",
                        "sentence": None,
                        "sources": [],
                    }
                )
    return milestones


def _articles(console: ConsoleContext, request: Request, as_of: str | None) -> HTMLResponse:
    day = day_param(as_of, "as-of date") or date.today()
    news = console.backend.news(day)
    mentions: dict[str, int] = {}
    for entity in news:
        if entity.schema.is_a("Article"):
            continue
        for article_id in entity.get("proof", quiet=True):
            mentions[article_id] = mentions.get(article_id, 0) + 1
    rows = sorted(
        (
            {
                "id": str(a.id),
                "title": a.first("title") or str(a.id),
                "published": a.first("publishedAt"),
                "publisher": a.first("publisher"),
                "language": a.first("language"),
                "url": a.first("sourceUrl"),
                "entities": mentions.get(str(a.id), 0),
            }
            for a in news
            if a.schema.is_a("Article")
        ),
        key=lambda r: (r["published"] or "", r["title"]),
        reverse=True,
    )
    return console.render(request, "articles.html", as_of=day, articles=rows)


def _article(console: ConsoleContext, request: Request, article_id: str, as_of: str | None) -> HTMLResponse:
    day = day_param(as_of, "as-of date") or date.today()
    news = console.backend.news(day)
    article = next((e for e in news if str(e.id) == article_id and e.schema.is_a("Article")), None)
    if article is None:
        raise StoreError(f"no article {article_id!r} is known on {day.isoformat()}")
    cited = [e for e in news if article_id in e.get("proof", quiet=True)]
    names = [
        MarkedName(name, str(e.id), e.schema.name, entity_url(str(e.id)))
        for e in cited
        if e.schema.name in MENTION_SCHEMATA
        for name in {e.caption, *e.get_type_values(registry.name)}
    ]
    body = article.first("bodyText") or ""
    paragraphs, found = highlight_paragraphs(body, names)
    extracted = sorted(
        (
            {"id": str(e.id), "caption": e.caption, "schema": e.schema.name, "found": str(e.id) in found}
            for e in cited
        ),
        key=lambda r: (r["schema"], r["caption"]),
    )
    return console.render(
        request,
        "article.html",
        nav="articles",
        as_of=day,
        article=article,
        title=article.first("title") or article_id,
        paragraphs=paragraphs,
        extracted=extracted,
    )


@router.get("/timeline", response_class=HTMLResponse, dependencies=[READER])
def timeline(request: Request, console: Console, as_of: str | None = None) -> Response:
    return console.page(request, lambda: _timeline(console, request, as_of))


@router.get("/articles", response_class=HTMLResponse, dependencies=[READER])
def articles(request: Request, console: Console, as_of: str | None = None) -> Response:
    return console.page(request, lambda: _articles(console, request, as_of))


@router.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=[READER])
def article(request: Request, console: Console, article_id: str, as_of: str | None = None) -> Response:
    return console.page(request, lambda: _article(console, request, article_id, as_of))
