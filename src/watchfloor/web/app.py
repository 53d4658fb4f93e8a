"""The analyst console: server-rendered pages over the same store and auth as the HTTP API.

Routers stay thin: each page parses its parameters, asks ``ConsoleBackend`` (or a back-end
function) for data, and renders one template. Pages read with the ``reader`` role; deciding an
alert needs ``reviewer`` and a CSRF token. While no API key exists the API's guard answers only
loopback clients, and the console inherits that rule because it is mounted on the same app.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from followthemoney import registry
from jinja2 import Environment, PackageLoader, StrictUndefined

from watchfloor.crisis import build_timeline, reconcile
from watchfloor.graph.ownership import percent_text
from watchfloor.index import QueryError, make_query
from watchfloor.model.designation import DesignationStatus, parse_day
from watchfloor.review import (
    DECISIONS,
    STATUS_FILTERS,
    FourEyesError,
    IdentityError,
    ReviewError,
    UnknownAlertError,
    approve_decision,
    assign_alert,
    comment_alert,
    decide_alert,
    get_case,
    list_cases,
    load_policy,
    reject_decision,
)
from watchfloor.review.decisions import outcome
from watchfloor.review.identity import acting_reviewer, local_reviewer
from watchfloor.review.report import blocked_report, report_range
from watchfloor.store import SqlStore, StoreError
from watchfloor.web.auth import KEY_COOKIE, LoginRequired, check_key, principal_name, require_role
from watchfloor.web.backend import ConsoleBackend
from watchfloor.web.charts import graph_layout, path_steps, timeline_chart
from watchfloor.web.highlight import MarkedName, highlight_paragraphs
from watchfloor.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    apply_security_headers,
    check_csrf,
    csrf_token,
    set_csrf_cookie,
)

log = logging.getLogger(__name__)

PREFIX = "/console"
LOGIN_PATH = f"{PREFIX}/login"
SCREEN_SCHEMATA = ("LegalEntity", "Person", "Organization", "Company", "Vessel", "Airplane")
DECISION_LABELS = {
    "true_match": "True match",
    "false_positive": "False positive",
    "escalated": "Escalate",
}
ALERT_FILTERS = STATUS_FILTERS
# what the alert queue says after each review step, by the step's outcome
DONE_MESSAGES = {
    "decided": "Decision on alert {alert} recorded.",
    "proposed": "Decision on alert {alert} proposed: it takes effect when a second reviewer approves it.",
    "approved": "Decision on alert {alert} approved: it is now in effect.",
    "rejected": "The decision proposed on alert {alert} was rejected; the alert is as it was.",
    "assigned": "Alert {alert} assigned.",
    "commented": "Comment on alert {alert} added.",
}
REVIEW_STEPS = ("decide", "approve", "reject", "assign", "comment")
MENTION_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Address")
DESIGNATIONS_DATASET = "watchfloor_designations"
SHOWN_PROPERTIES = 40  # properties with many values show the first ones, the page stays short


class ConsoleInputError(ValueError):
    """A parameter a page cannot use; shown to the analyst as a 400 page."""


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("watchfloor.web", "templates"),
        autoescape=True,  # every value from a list or an article is text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(prefix=PREFIX, entity_url=entity_url, article_url=article_url)
    env.filters["pct"] = lambda value: f"{float(value) * 100:.0f}%"
    env.filters["share"] = percent_text  # ownership shares: never shown across the 50 % line
    return env


def entity_url(entity_id: str) -> str:
    return f"{PREFIX}/entities/{quote(entity_id, safe='')}"


def article_url(article_id: str) -> str:
    return f"{PREFIX}/articles/{quote(article_id, safe='')}"


def _day(value: str | None, name: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConsoleInputError(f"{name} {value!r} is not a date (use YYYY-MM-DD)") from None


class Console:
    """Pages bound to one backend and one template environment."""

    def __init__(self, backend: ConsoleBackend) -> None:
        self.backend = backend
        self.env = _environment()

    # --- rendering ------------------------------------------------------------------------------

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        token = csrf_token(request)
        context.setdefault("as_of", None)
        context.setdefault("nav", template.split(".")[0])
        context.setdefault("user", principal_name(request))
        html = self.env.get_template(template).render(
            request_path=request.url.path, csrf_field=CSRF_FIELD, csrf_token=token, **context
        )
        response = HTMLResponse(html, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            set_csrf_cookie(response, token, secure=request.url.scheme == "https")
        return apply_security_headers(response)

    def error(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.render(request, "error.html", status=status, message=message, nav="")

    def page(self, request: Request, build: Callable[[], HTMLResponse | Response]) -> HTMLResponse | Response:
        """Run a page; known failures become a page that says what went wrong in one line."""
        try:
            return build()
        except ConsoleInputError as exc:
            return self.error(request, 400, str(exc))
        except StoreError as exc:
            return self.error(request, 404, str(exc))
        except ImportError as exc:
            log.warning("console page needs a module that is not available: %s", exc)
            return self.error(request, 503, f"this part of watchfloor is not available yet ({exc})")

    # --- pages ----------------------------------------------------------------------------------

    def login_form(
        self, request: Request, next_path: str | None, message: str | None, status: int = 200
    ) -> HTMLResponse:
        return self.render(
            request, "login.html", status=status, nav="", next_path=_safe_next(next_path), message=message
        )

    def login(self, request: Request, form: dict[str, str]) -> Response:
        check_csrf(request, form.get(CSRF_FIELD))
        presented = form.get("api_key", "").strip()
        if not check_key(request, presented):
            return self.login_form(
                request, form.get("next"), "That key is not valid (unknown, mistyped or revoked).", 401
            )
        response = RedirectResponse(_safe_next(form.get("next")), status_code=303)
        response.set_cookie(
            KEY_COOKIE,
            presented,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path=PREFIX,
        )
        return apply_security_headers(response)

    def logout(self, request: Request, form: dict[str, str]) -> Response:
        check_csrf(request, form.get(CSRF_FIELD))
        response = RedirectResponse(LOGIN_PATH, status_code=303)
        response.delete_cookie(KEY_COOKIE, path=PREFIX)
        return apply_security_headers(response)

    def home(self, request: Request, as_of: str | None) -> HTMLResponse:
        day = _day(as_of, "as-of date") or date.today()
        versions = self.backend.versions()
        designations = self.backend.designations(day)
        counts: dict[str, int] = {str(s): 0 for s in DesignationStatus}
        pending: list[Any] = []
        for items in designations.values():
            for item in items:
                counts[str(item.status)] += 1
                if item.status == DesignationStatus.PENDING:
                    pending.append(item)
        captions = self.backend.captions([d.entity_id for d in pending], day)
        pending_rows = [
            {
                "designation": d,
                "caption": captions.get(d.entity_id, (d.entity_id, ""))[0],
                "days_left": _days_left(d.start_date, day),
            }
            for d in sorted(pending, key=lambda d: d.start_date or "")
        ]
        sources, sources_error = self.backend.sources()
        return self.render(
            request,
            "home.html",
            as_of=day,
            versions=list(reversed(versions)),
            counts=counts,
            pending=pending_rows,
            sources=sources,
            sources_error=sources_error,
        )

    def screen(self, request: Request, params: dict[str, str]) -> HTMLResponse:
        day = _day(params.get("as_of"), "as-of date") or date.today()
        form = {
            "name": params.get("name", "").strip(),
            "schema": params.get("schema") or "LegalEntity",
            "birth_date": params.get("birth_date", "").strip(),
            "country": params.get("country", "").strip(),
            "as_of": day.isoformat(),
        }
        context: dict[str, Any] = {"form": form, "schemata": SCREEN_SCHEMATA, "as_of": day, "note": None}
        if form["birth_date"] and form["schema"] == "LegalEntity":
            # only people have birth dates: screening "any party" would silently drop it
            form["schema"] = "Person"
            context["note"] = "A birth date was given, so the name was screened as a person."
        if not form["name"]:
            return self.render(request, "screen.html", result=None, error=None, **context)

        try:
            query = make_query(
                form["name"],
                schema=form["schema"],
                birth_date=form["birth_date"] or None,
                country=form["country"] or None,
            )
        except QueryError as exc:
            return self.render(request, "screen.html", status=400, result=None, error=str(exc), **context)
        result = self.backend.screener(day).screen(query, limit=10)
        rows = {
            "results": [_hit_row(hit, day) for hit in result.results],
            "pending": [_hit_row(hit, day) for hit in result.pending],
        }
        return self.render(request, "screen.html", result=rows, error=None, **context)

    def alerts(
        self,
        request: Request,
        status: str | None,
        done: str | None,
        outcome: str | None = None,
        error: str | None = None,
        code: int = 400,
    ) -> HTMLResponse:
        status = status or "open"
        if status not in ALERT_FILTERS:
            raise ConsoleInputError(f"status must be one of {', '.join(ALERT_FILTERS)}, not {status!r}")
        try:
            cases = self.backend.run(lambda store: list_cases(store, status=status, limit=500))
            four_eyes = self.backend.run(lambda store: load_policy(store).four_eyes)
        except ReviewError as exc:
            raise ConsoleInputError(str(exc)) from None
        return self.render(
            request,
            "alerts.html",
            status=code if error else 200,
            alerts=[c.to_dict() for c in cases],
            filter=status,
            filters=ALERT_FILTERS,
            decisions=[(d, DECISION_LABELS.get(d, d)) for d in DECISIONS],
            done=_done_message(done, outcome),
            error=error,
            reviewer=_reviewer(request),
            four_eyes=four_eyes,
        )

    def case(self, request: Request, alert_id: str, done: str | None, outcome: str | None) -> HTMLResponse:
        try:
            case = self.backend.run(lambda store: get_case(store, alert_id))
        except UnknownAlertError as exc:
            raise StoreError(str(exc)) from None
        return self.render(
            request,
            "case.html",
            nav="alerts",
            case=case.to_dict(),
            decisions=[(d, DECISION_LABELS.get(d, d)) for d in DECISIONS],
            done=_done_message(done, outcome),
            reviewer=_reviewer(request),
        )

    def review_step(self, request: Request, alert_id: str, step: str, form: dict[str, str]) -> Response:
        """Decide, approve, reject, assign or comment as the signed-in reviewer, then go back to
        the queue (or the case page the form came from)."""
        check_csrf(request, form.get(CSRF_FIELD))
        back = form.get("filter") if form.get("filter") in ALERT_FILTERS else "open"
        on_case = form.get("back") == "case"

        def run(store: SqlStore) -> str:
            reviewer = acting_reviewer(_reviewer(request), form.get("reviewer"))
            if step == "decide":
                case = decide_alert(
                    store,
                    alert_id,
                    form.get("decision", ""),
                    form.get("reason", ""),
                    reviewer,
                    whitelist=form.get("whitelist") == "on",
                )
                return outcome(case)
            if step == "approve":
                approve_decision(store, alert_id, reviewer, form.get("note"))
                return "approved"
            if step == "reject":
                reject_decision(store, alert_id, reviewer, form.get("reason", ""))
                return "rejected"
            if step == "assign":
                assign_alert(store, alert_id, form.get("to", ""), reviewer)
                return "assigned"
            comment_alert(store, alert_id, form.get("text", ""), reviewer)
            return "commented"

        try:
            result = self.backend.run(run)
        except UnknownAlertError as exc:
            return self.error(request, 404, str(exc))
        except ReviewError as exc:
            code = 403 if isinstance(exc, IdentityError | FourEyesError) else 400
            if on_case:
                return self.error(request, code, f"{alert_id}: {exc}")
            return self.alerts(request, back, None, error=f"{alert_id}: {exc}", code=code)
        query = urlencode({"done": alert_id, "outcome": result})
        if on_case:
            target = f"{PREFIX}/alerts/{quote(alert_id, safe='')}?{query}"
        else:
            target = f"{PREFIX}/alerts?{urlencode({'status': back})}&{query}"
        return apply_security_headers(RedirectResponse(target, status_code=303))

    def report(self, request: Request, params: dict[str, str]) -> HTMLResponse:
        first, last = _report_range(params)
        found = self.backend.run(lambda store: blocked_report(store, first, last))
        return self.render(
            request,
            "report.html",
            report=found.to_dict(),
            rows=found.rows(),
            first=first.isoformat(),
            last=last.isoformat(),
            csv_url=f"{PREFIX}/report.csv?{urlencode({'from': first.isoformat(), 'to': last.isoformat()})}",
        )

    def report_csv(self, params: dict[str, str]) -> Response:
        first, last = _report_range(params)
        found = self.backend.run(lambda store: blocked_report(store, first, last))
        return PlainTextResponse(
            found.csv_text(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{found.csv_name}"'},
        )

    def entity(self, request: Request, entity_id: str, as_of: str | None, hops: str | None) -> Response:
        day = _day(as_of, "as-of date") or date.today()
        try:
            depth = int(hops or 3)
        except ValueError:
            raise ConsoleInputError(f"hops {hops!r} is not a number") from None
        if not 1 <= depth <= 6:
            raise ConsoleInputError("hops must be between 1 and 6")
        entity = self.backend.entity(entity_id, day)
        if entity is None:
            raise StoreError(f"no entity {entity_id!r} is known on {day.isoformat()}")
        if entity.schema.is_a("Article"):
            return RedirectResponse(article_url(entity_id), status_code=307)
        designations = self.backend.designations(day).get(entity_id, [])
        view = self.backend.exposure_view(day)
        report = view.report(entity_id, hops=depth)
        path_ids = {entity_id}
        drawn = [*report.paths, *report.alleged_paths]  # press edges are drawn dashed
        for path in drawn:
            for step in path:
                path_ids.update((step["from"], step["to"]))
        captions = self.backend.captions(sorted(path_ids), day)
        captions.setdefault(entity_id, (entity.caption, entity.schema.name))
        graph = graph_layout(entity_id, drawn, captions, view.designated | view.pending, entity_url)
        properties = []
        for prop, values in sorted(entity.properties.items()):
            schema_prop = entity.schema.get(prop)
            label = schema_prop.label if schema_prop is not None else prop
            properties.append((label, sorted(values)[:SHOWN_PROPERTIES], len(values)))
        return self.render(
            request,
            "entity.html",
            nav="",
            as_of=day,
            entity=entity,
            properties=properties,
            datasets=sorted(entity.datasets),
            designations=[_designation_row(d, day) for d in designations],
            versions=self.backend.versions_with(entity),
            report=report.to_dict(),
            paths=[path_steps(entity_id, path) for path in report.paths],
            alleged=[path_steps(entity_id, path) for path in report.alleged_paths],
            graph=graph,
            captions=captions,
            hops=depth,
        )

    def timeline(self, request: Request, as_of: str | None) -> HTMLResponse:
        day = _day(as_of, "as-of date") or date.today()
        news = self.backend.news(day)
        events = [e for e in news if e.schema.is_a("Event")]
        articles = [e for e in news if e.schema.is_a("Article")]
        items = [item.to_dict() for item in build_timeline(events, articles)]
        items.extend(self._designation_milestones(day))
        items.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["title"]))
        claims = self.backend.claims(day)
        figures = sorted(reconcile(claims), key=lambda r: (r.measure, r.topic))
        chart = timeline_chart([i["date"] for i in items if i["kind"] == "event"], claims)
        casualty_claims = sorted(
            (c for c in claims if c.measure in ("killed", "dead", "deaths", "casualties")),
            key=lambda c: (c.published, c.value),
        )
        return self.render(
            request,
            "timeline.html",
            as_of=day,
            items=items,
            chart=chart,
            figures=figures,
            casualty_claims=casualty_claims,
            article_titles={str(a.id): a.first("title") or str(a.id) for a in articles},
        )

    def _designation_milestones(self, day: date) -> list[dict[str, Any]]:
        """Announced and effective dates of hand-recorded designations, beside the reported events."""
        milestones: list[dict[str, Any]] = []
        designations = [
            d
            for items in self.backend.designations(day).values()
            for d in items
            if d.dataset == DESIGNATIONS_DATASET
        ]
        captions = self.backend.captions([d.entity_id for d in designations], day)
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

    def articles(self, request: Request, as_of: str | None) -> HTMLResponse:
        day = _day(as_of, "as-of date") or date.today()
        news = self.backend.news(day)
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
        return self.render(request, "articles.html", as_of=day, articles=rows)

    def article(self, request: Request, article_id: str, as_of: str | None) -> HTMLResponse:
        day = _day(as_of, "as-of date") or date.today()
        news = self.backend.news(day)
        article = next((e for e in news if str(e.id) == article_id and e.schema.is_a("Article")), None)
        if article is None:
            raise StoreError(f"no article {article_id!r} is known on {day.isoformat()}")
        cited = [e for e in news if article_id in e.get("proof", quiet=True)]
        names = [
            MarkedName(name, str(e.id), e.schema.name, entity_url(str(e.id)))
            for e in cited
            if e.schema.name in MENTION_SCHEMATA
            for name in {e.caption, *e.get_type_values(_name_type())}
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
        return self.render(
            request,
            "article.html",
            nav="articles",
            as_of=day,
            article=article,
            title=article.first("title") or article_id,
            paragraphs=paragraphs,
            extracted=extracted,
        )


def _name_type() -> Any:
    return registry.name


def _reviewer(request: Request) -> str:
    """Who acts: the signed-in key's name; without keys (loopback only) the server's OS user."""
    return principal_name(request) or local_reviewer()


def _done_message(alert_id: str | None, outcome: str | None) -> str | None:
    if not alert_id:
        return None
    return DONE_MESSAGES.get(outcome or "decided", DONE_MESSAGES["decided"]).format(alert=alert_id)


def _report_range(params: dict[str, str]) -> tuple[date, date]:
    first, last = report_range(_day(params.get("from"), "from date"), _day(params.get("to"), "to date"))
    if first > last:
        raise ConsoleInputError(f"the range runs backwards: from {first.isoformat()} to {last.isoformat()}")
    return first, last


def _safe_next(value: str | None) -> str:
    """Only a console path may follow a login: never an open redirect to another site."""
    if value and value.startswith(f"{PREFIX}/") and not value.startswith("//") and "\\" not in value:
        return value
    return f"{PREFIX}/"


def _days_left(start: str | None, day: date) -> int | None:
    begins = parse_day(start)
    return (begins - day).days if begins is not None else None


def _designation_row(d: Any, day: date) -> dict[str, Any]:
    return {
        "authority": d.authority,
        "program": d.program,
        "status": str(d.status),
        "start_date": d.start_date,
        "end_date": d.end_date,
        "listing_date": d.listing_date,
        "official": d.official,
        "source": d.source or d.dataset,
        "dataset": d.dataset,
        "days_left": _days_left(d.start_date, day) if d.status == DesignationStatus.PENDING else None,
    }


def _hit_row(hit: Any, day: date) -> dict[str, Any]:
    return {
        "entity_id": hit.entity_id,
        "caption": hit.caption,
        "schema": hit.schema,
        "score": hit.score,
        "match": hit.match,
        "status": hit.status,
        "datasets": hit.datasets,
        "designations": [_designation_row(d, day) for d in hit.designations],
        "explanation": list(hit.explanation),
    }


async def _form_values(request: Request) -> dict[str, str]:
    """An URL-encoded form body (the console's only kind), parsed without python-multipart."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise HTTPException(415, detail="the console accepts URL-encoded forms only")
    body = (await request.body()).decode("utf-8", errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=50))


def mount(app: FastAPI, get_store: Callable[[], SqlStore]) -> None:
    """Add the console's pages under ``/console`` (and ``/`` when free) and its static files."""
    backend = ConsoleBackend(get_store, getattr(app.state, "context", None))
    console = Console(backend)
    reader = Depends(require_role("reader"))
    reviewer = Depends(require_role("reviewer"))
    router = APIRouter(prefix=PREFIX, include_in_schema=False)

    @router.get("", response_class=HTMLResponse, dependencies=[reader])
    @router.get("/", response_class=HTMLResponse, dependencies=[reader])
    def home(request: Request, as_of: str | None = None) -> Response:
        return console.page(request, lambda: console.home(request, as_of))

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str | None = None) -> Response:
        return console.login_form(request, next, None)

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await _form_values(request)
        return console.page(request, lambda: console.login(request, form))

    @router.post("/logout")
    async def logout(request: Request) -> Response:
        form = await _form_values(request)
        return console.page(request, lambda: console.logout(request, form))

    @router.get("/screen", response_class=HTMLResponse, dependencies=[reader])
    def screen(request: Request) -> Response:
        params = dict(request.query_params)
        return console.page(request, lambda: console.screen(request, params))

    @router.get("/alerts", response_class=HTMLResponse, dependencies=[reader])
    def alerts(
        request: Request, status: str | None = None, done: str | None = None, outcome: str | None = None
    ) -> Response:
        return console.page(request, lambda: console.alerts(request, status, done, outcome))

    @router.get("/alerts/{alert_id}", response_class=HTMLResponse, dependencies=[reader])
    def case(
        request: Request, alert_id: str, done: str | None = None, outcome: str | None = None
    ) -> Response:
        return console.page(request, lambda: console.case(request, alert_id, done, outcome))

    def review_route(step: str) -> None:
        @router.post(f"/alerts/{{alert_id}}/{step}", dependencies=[reviewer], name=f"console-{step}")
        async def review(request: Request, alert_id: str) -> Response:
            form = await _form_values(request)
            return console.page(request, lambda: console.review_step(request, alert_id, step, form))

    for step in REVIEW_STEPS:
        review_route(step)

    @router.get("/report", response_class=HTMLResponse, dependencies=[reader])
    def report(request: Request) -> Response:
        params = dict(request.query_params)
        return console.page(request, lambda: console.report(request, params))

    @router.get("/report.csv", dependencies=[reader])
    def report_csv(request: Request) -> Response:
        params = dict(request.query_params)
        return console.page(request, lambda: console.report_csv(params))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse, dependencies=[reader])
    def entity(
        request: Request, entity_id: str, as_of: str | None = None, hops: str | None = None
    ) -> Response:
        return console.page(request, lambda: console.entity(request, entity_id, as_of, hops))

    @router.get("/timeline", response_class=HTMLResponse, dependencies=[reader])
    def timeline(request: Request, as_of: str | None = None) -> Response:
        return console.page(request, lambda: console.timeline(request, as_of))

    @router.get("/articles", response_class=HTMLResponse, dependencies=[reader])
    def articles(request: Request, as_of: str | None = None) -> Response:
        return console.page(request, lambda: console.articles(request, as_of))

    @router.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=[reader])
    def article(request: Request, article_id: str, as_of: str | None = None) -> Response:
        return console.page(request, lambda: console.article(request, article_id, as_of))

    app.include_router(router)
    static_dir = resources.files("watchfloor.web") / "static"
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(static_dir)), name="console-static")

    @app.middleware("http")
    async def console_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        if request.url.path.startswith(PREFIX):
            # the server's own time for the page, read by benchmarks/bench_console.py
            elapsed_ms = (time.perf_counter() - started) * 1000
            response.headers["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
            apply_security_headers(response)
            if request.url.path.startswith(f"{PREFIX}/static/"):
                response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    async def login_required(request: Request, exc: Exception) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = f"{PREFIX}/"
        response = RedirectResponse(f"{LOGIN_PATH}?{urlencode({'next': target})}", status_code=303)
        return apply_security_headers(response)

    app.add_exception_handler(LoginRequired, login_required)

    taken = {getattr(route, "path", None) for route in app.routes}
    if "/" not in taken:

        @app.get("/", include_in_schema=False)
        def root() -> RedirectResponse:
            return RedirectResponse(f"{PREFIX}/", status_code=307)


__all__ = ["PREFIX", "ConsoleInputError", "mount"]
