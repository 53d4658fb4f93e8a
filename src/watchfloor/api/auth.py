"""Who is calling: API keys with roles, and the loopback-only rule while no key exists.

A fresh install has no key, so ``watchfloor demo`` must work out of the box; it must also never
be open to the network by accident. Hence: while no key exists, only loopback clients are served
(any other gets 403), with full rights; once one key exists, every request needs a valid key
(401 without one) whose role is high enough (403 otherwise).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, HTTPException, Request

from watchfloor.api.context import ApiContext, get_context
from watchfloor.review.identity import local_reviewer
from watchfloor.store.keys import Role, has_active_keys, verify_key

KEYS_EXIST = "watchfloor.keys_exist"
SCHEMES = ("apikey", "bearer")


@dataclass(frozen=True)
class Principal:
    """The caller: a key's name and role, or the local user while no key exists."""

    name: str
    role: Role
    key_id: str | None = None


LOCAL = Principal(name="local", role=Role.ADMIN)


def reviewer_name(principal: Principal) -> str:
    """The name a review step is recorded under: the key's; without keys (loopback clients only,
    on the server's own machine) the operating-system user who runs the server, as on the CLI."""
    return principal.name if principal.key_id is not None else local_reviewer()


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def keys_exist(context: ApiContext) -> bool:
    with context.lock:
        return has_active_keys(context.store)


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, detail=message, headers={"WWW-Authenticate": "ApiKey"})


def authenticate(request: Request, context: ApiContext) -> Principal:
    """The caller behind this request, or 401 when keys exist and none valid was sent."""
    exist = request.scope.get(KEYS_EXIST)
    if exist is None:
        exist = keys_exist(context)
    if not exist:
        return LOCAL
    header = request.headers.get("authorization")
    if not header:
        raise _unauthorized("an API key is required: send the header 'Authorization: ApiKey <key>'")
    scheme, _, value = header.partition(" ")
    if scheme.lower() not in SCHEMES or not value.strip():
        raise _unauthorized("the Authorization header must read 'ApiKey <key>'")
    with context.lock:
        key = verify_key(context.store, value)
    if key is None:
        raise _unauthorized("the API key is not valid (unknown, mistyped or revoked)")
    return Principal(name=key.name, role=key.role, key_id=key.key_id)


def require(role: Role) -> Callable[..., Principal]:
    """A dependency that lets through callers whose role is at least ``role``."""

    def dependency(request: Request, context: ApiContext = Depends(get_context)) -> Principal:
        principal = authenticate(request, context)
        if not principal.role.allows(role):
            raise HTTPException(
                403,
                detail=f"this needs the {role} role; the key {principal.name!r} has the {principal.role} role",
            )
        return principal

    dependency.__name__ = f"require_{role}"
    return dependency


require_reader = require(Role.READER)
require_reviewer = require(Role.REVIEWER)
require_admin = require(Role.ADMIN)
