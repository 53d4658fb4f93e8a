"""Signing in and out: the login page takes an API key once and keeps it in an HttpOnly cookie
scoped to the console (`web.auth`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchfloor.web.auth import KEY_COOKIE, check_key
from watchfloor.web.context import LOGIN_PATH, PREFIX, Console, ConsoleContext, form_values
from watchfloor.web.security import CSRF_FIELD, apply_security_headers, check_csrf

router = APIRouter(prefix=PREFIX, include_in_schema=False)


def safe_next(value: str | None) -> str:
    """Only a console path may follow a login: never an open redirect to another site."""
    if value and value.startswith(f"{PREFIX}/") and not value.startswith("//") and "\\" not in value:
        return value
    return f"{PREFIX}/"


def _login_form(
    console: ConsoleContext, request: Request, next_path: str | None, message: str | None, status: int = 200
) -> HTMLResponse:
    return console.render(
        request, "login.html", status=status, nav="", next_path=safe_next(next_path), message=message
    )


def _login(console: ConsoleContext, request: Request, form: dict[str, str]) -> Response:
    check_csrf(request, form.get(CSRF_FIELD))
    presented = form.get("api_key", "").strip()
    if not check_key(request, presented):
        return _login_form(
            console, request, form.get("next"), "That key is not valid (unknown, mistyped or revoked).", 401
        )
    response = RedirectResponse(safe_next(form.get("next")), status_code=303)
    response.set_cookie(
        KEY_COOKIE,
        presented,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=PREFIX,
    )
    return apply_security_headers(response)


def _logout(request: Request, form: dict[str, str]) -> Response:
    check_csrf(request, form.get(CSRF_FIELD))
    response = RedirectResponse(LOGIN_PATH, status_code=303)
    response.delete_cookie(KEY_COOKIE, path=PREFIX)
    return apply_security_headers(response)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, console: Console, next: str | None = None) -> Response:
    return _login_form(console, request, next, None)


@router.post("/login")
async def login(request: Request, console: Console) -> Response:
    form = await form_values(request)
    return console.page(request, lambda: _login(console, request, form))


@router.post("/logout")
async def logout(request: Request, console: Console) -> Response:
    form = await form_values(request)
    return console.page(request, lambda: _logout(request, form))
