"""Who is reviewing: a name that was authenticated, never one typed by hand.

The API and the console know their caller by its API key, and record the key's name. Without any
key the server answers loopback clients only; they share the machine with it, so they are taken
to be the operating-system user who runs it. The command line is local: its reviewer is the
operating-system user, or the name of an API key given with ``--key`` (the same name the API and
console record for that key). A reviewer name given by hand is only ever checked against the
authenticated one, never used in its place, so no one can act under another's name.
"""

from __future__ import annotations

import getpass
from typing import Any

from watchfloor.review.errors import IdentityError
from watchfloor.store.keys import Role, verify_key


def local_reviewer() -> str:
    """The operating-system user running this process."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = ""
    if not name.strip():
        raise IdentityError(
            "cannot tell which operating-system user runs watchfloor; give an API key with --key"
        )
    return name.strip()


def key_reviewer(store: Any, presented: str, role: Role = Role.REVIEWER) -> str:
    """The name of the active API key ``presented``, which must hold at least ``role``."""
    key = verify_key(store, presented)
    if key is None:
        raise IdentityError("the API key is not valid (unknown, mistyped or revoked)")
    if not key.role.allows(role):
        raise IdentityError(f"this needs the {role} role; the key {key.name!r} has the {key.role} role")
    return key.name


def acting_reviewer(authenticated: str, claimed: str | None = None) -> str:
    """``authenticated``; a ``claimed`` name that differs is refused rather than ignored, so a
    caller who meant to act for someone else learns that it did not happen."""
    claimed = (claimed or "").strip()
    if claimed and claimed != authenticated:
        raise IdentityError(
            f"the reviewer is who you are signed in as ({authenticated!r}), not a name given by hand "
            f"({claimed!r})"
        )
    return authenticated


def cli_reviewer(store: Any, key: str | None, claimed: str | None = None, role: Role = Role.REVIEWER) -> str:
    """The command line's reviewer: the key's name with ``--key``, else the operating-system user."""
    authenticated = key_reviewer(store, key, role) if key and key.strip() else local_reviewer()
    return acting_reviewer(authenticated, claimed)
