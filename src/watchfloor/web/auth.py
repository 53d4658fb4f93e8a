"""Who is using the console: the API's keys and roles, carried by a cookie in a browser.

A browser cannot send ``Authorization: ApiKey ...`` on a link click, so the console's login page
takes the key once and keeps it in an HttpOnly, SameSite=Strict cookie scoped to ``/console``;
pages then check it exactly as the API checks the header (same keys, same roles). While no key
exists the API's guard serves loopback clients only, as the local user with full rights. On a
bare app without the API's context (tests of the web layer alone) there is nothing to check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request

from watchfloor.api.auth import Principal, authenticate
from watchfloor.store.keys import Role, verify_key

KEY_COOKIE = "wf_key"
PRINCIPAL = "watchfloor.principal"


class LoginRequired(Exception):
    """Keys exist and the browser presented none (or a revoked one): send it to the login page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def principal_from_cookie(request: Request, context: Any) -> Any | None:
    """The key's principal when the console cookie holds a valid key; None otherwise."""
    presented = request.cookies.get(KEY_COOKIE)
    if not presented:
        return None

    with context.lock:
        key = verify_key(context.store, presented)
    if key is None:
        return None
    return Principal(name=key.name, role=key.role, key_id=key.key_id)


def require_role(role_name: str) -> Callable[[Request], None]:
    """A dependency: the caller's role must allow ``role_name`` (reader, reviewer, admin)."""

    def dependency(request: Request) -> None:
        context = getattr(request.app.state, "context", None)
        if context is None:  # mounted without the API's context: no way to check, so refuse
            raise HTTPException(503, detail="the console cannot check who you are: it runs without the API")

        principal = None
        if not request.headers.get("authorization"):
            principal = principal_from_cookie(request, context)
        if principal is None:
            try:
                principal = authenticate(request, context)
            except HTTPException as exc:
                if exc.status_code == 401:
                    raise LoginRequired(str(exc.detail)) from None
                raise
        role = Role(role_name)
        if not principal.role.allows(role):
            raise HTTPException(
                403,
                detail=f"this needs the {role} role; the key {principal.name!r} has the {principal.role} role",
            )
        request.scope[PRINCIPAL] = principal

    return dependency


def principal_name(request: Request) -> str | None:
    """The API key's name when the caller used one; None for the keyless local user."""
    principal = request.scope.get(PRINCIPAL)
    if principal is None or getattr(principal, "key_id", None) is None:
        return None
    return str(principal.name)


def check_key(request: Request, presented: str) -> bool:
    """Whether a key typed on the login page is valid (always False on a bare app)."""
    context = getattr(request.app.state, "context", None)
    if context is None or not presented.strip():
        return False

    with context.lock:
        return verify_key(context.store, presented.strip()) is not None
