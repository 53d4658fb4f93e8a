"""What every console page works with: one typed context, made once when the console is
mounted and handed to each page's router through a dependency (`Console`).

The pages live in `web/pages/`, one router per area; each parses its parameters, asks the
context's backend for data and renders one template through the context, which also turns a
page's known failures into a one-line error page. Pages read with the ``reader`` role
(`READER`); review steps need ``reviewer`` (`REVIEWER`) and a CSRF token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined

from watchfloor.graph.ownership import percent_text
from watchfloor.review.identity import local_reviewer
from watchfloor.store import StoreError
from watchfloor.web.auth import principal_name, require_role
from watchfloor.web.backend import ConsoleBackend
from watchfloor.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    apply_security_headers,
    csrf_token,
    set_csrf_cookie,
)

log = logging.getLogger(__name__)

PREFIX = "/console"
LOGIN_PATH = f"{PREFIX}/login"


class ConsoleInputError(ValueError):
    """A parameter a page cannot use; shown to the analyst as a 400 page."""


def entity_url(entity_id: str) -> str:
    return f"{PREFIX}/entities/{quote(entity_id, safe='')}"


def article_url(article_id: str) -> str:
    return f"{PREFIX}/articles/{quote(article_id, safe='')}"


def day_param(value: str | None, name: str) -> date | None:
    """A date parameter (YYYY-MM-DD), None when left empty."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConsoleInputError(f"{name} {value!r} is not a date (use YYYY-MM-DD)") from None


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


@dataclass(frozen=True, slots=True)
class ConsoleContext:
    """The console of one app: its backend (the store behind the API's lock, with cached
    views) and its template environment, shared by every page."""

    backend: ConsoleBackend
    env: Environment

    @classmethod
    def create(cls, backend: ConsoleBackend) -> ConsoleContext:
        return cls(backend, _environment())

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


def console_context(request: Request) -> ConsoleContext:
    """The dependency that hands a page its app's console (`app.state.console`, set by mount)."""
    console = getattr(request.app.state, "console", None)
    if not isinstance(console, ConsoleContext):
        raise HTTPException(503, detail="the console is not mounted on this app")
    return console


Console = Annotated[ConsoleContext, Depends(console_context)]
READER = Depends(require_role("reader"))
REVIEWER = Depends(require_role("reviewer"))


def reviewer_name(request: Request) -> str:
    """Who acts: the signed-in key's name; without keys (loopback only) the server's OS user."""
    return principal_name(request) or local_reviewer()


async def form_values(request: Request) -> dict[str, str]:
    """An URL-encoded form body (the console's only kind), parsed without python-multipart."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise HTTPException(415, detail="the console accepts URL-encoded forms only")
    body = (await request.body()).decode("utf-8", errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True, max_num_fields=50))
