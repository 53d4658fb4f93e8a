"""The console's defences: a strict Content-Security-Policy and CSRF tokens on every form.

The pages show text that came from news articles and list files, so everything is escaped by
the templates and, as a second wall, the CSP forbids inline scripts: an injected ``<script>``
would not run even if an escape were missed. Forms that change state carry a double-submit
token (a random cookie echoed in a hidden field) and the POST must come from the same origin.
"""

from __future__ import annotations

import hmac
import secrets
from typing import TypeVar

from fastapi import HTTPException, Request
from starlette.responses import Response

from watchfloor.api.guard import is_same_origin

CSRF_COOKIE = "wf_csrf"
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


ResponseT = TypeVar("ResponseT", bound=Response)


def apply_security_headers(response: ResponseT) -> ResponseT:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def csrf_token(request: Request) -> str:
    """The caller's token: the one in its cookie, or a fresh one (set on the response by the caller)."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) == 43 and token.replace("-", "").replace("_", "").isalnum():
        return token
    return secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str, secure: bool) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", secure=secure, path="/")


def check_same_origin(request: Request) -> None:
    """403 unless the Origin (or, lacking it, the Referer) names this server."""
    source = request.headers.get("origin") or request.headers.get("referer")
    # non-browser clients send neither; the token check below still applies
    if not is_same_origin(source, request.headers.get("host", "")):
        raise HTTPException(403, detail="cross-origin form submissions are refused")


def check_csrf(request: Request, submitted: str | None) -> None:
    """403 unless the form's token equals the cookie's (both must be present)."""
    check_same_origin(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    # compared as bytes: compare_digest refuses str with non-ASCII characters (a forged token may have them)
    if not cookie or not submitted or not hmac.compare_digest(cookie.encode(), submitted.encode()):
        raise HTTPException(
            403, detail="the form expired or was not sent from this console; reload and retry"
        )
