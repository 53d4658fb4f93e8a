"""API keys: who may call the HTTP API, and with which role.

A key is shown once, at creation, as ``wf_<key_id>_<secret>``. Only the SHA-256 of the secret
is stored, so a copy of the database does not hand out working keys; the ``key_id`` lets the
server find the row without scanning every hash.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from watchfloor.store.base import StoreError
from watchfloor.store.sql import SqlStore

DDL = """CREATE TABLE IF NOT EXISTS wf_api_keys (
    key_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, secret_sha256 TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)"""

KEY_PATTERN = re.compile(r"^wf_([0-9a-f]{12})_([A-Za-z0-9_-]{20,})$")


class Role(StrEnum):
    """Ordered roles: each one may do everything the ones before it may."""

    READER = "reader"  # screen and read
    REVIEWER = "reviewer"  # decide alerts
    ADMIN = "admin"  # ingest lists, upload the book, re-screen

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


@dataclass(frozen=True)
class ApiKey:
    key_id: str
    name: str
    role: Role
    created_at: datetime
    revoked_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "name": self.name,
            "role": str(self.role),
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "revoked_at": self.revoked_at.isoformat(timespec="seconds") if self.revoked_at else None,
        }


def _ensure_table(store: SqlStore) -> None:
    """Create the table if missing (once per connection: the API asks on every request)."""
    store.db.create([DDL])


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def parse_role(value: str) -> Role:
    """A role from its name, or a StoreError listing the roles."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        known = ", ".join(str(r) for r in Role)
        raise StoreError(f"unknown role {value!r}; roles are: {known}") from None


def create_key(store: SqlStore, name: str, role: Role | str) -> tuple[ApiKey, str]:
    """Store a new key and return it with its full secret form (the only time it exists in clear)."""
    name = name.strip()
    if not name:
        raise StoreError("an API key needs a name (who or what uses it)")
    role = role if isinstance(role, Role) else parse_role(role)
    _ensure_table(store)
    key_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    store.db.execute(
        "INSERT INTO wf_api_keys (key_id, name, role, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?)",
        [key_id, name, str(role), _digest(secret), now],
    )
    return ApiKey(key_id=key_id, name=name, role=role, created_at=now), f"wf_{key_id}_{secret}"


def _key(row: tuple[Any, ...]) -> ApiKey:
    return ApiKey(key_id=row[0], name=row[1], role=Role(row[2]), created_at=row[3], revoked_at=row[4])


def list_keys(store: SqlStore) -> list[ApiKey]:
    _ensure_table(store)
    rows = store.db.query(
        "SELECT key_id, name, role, created_at, revoked_at FROM wf_api_keys ORDER BY created_at, key_id"
    )
    return [_key(row) for row in rows]


def has_active_keys(store: SqlStore) -> bool:
    """Whether the API must ask for a key (it does as soon as one unrevoked key exists)."""
    _ensure_table(store)
    return bool(store.db.query("SELECT key_id FROM wf_api_keys WHERE revoked_at IS NULL LIMIT 1"))


def verify_key(store: SqlStore, presented: str) -> ApiKey | None:
    """The active key this secret belongs to, or None; compares digests in constant time."""
    match = KEY_PATTERN.match(presented.strip())
    if match is None:
        return None
    key_id, secret = match.groups()
    _ensure_table(store)
    rows = store.db.query(
        "SELECT key_id, name, role, created_at, revoked_at, secret_sha256 FROM wf_api_keys "
        "WHERE key_id = ? AND revoked_at IS NULL",
        [key_id],
    )
    if not rows or not hmac.compare_digest(rows[0][5], _digest(secret)):
        return None
    return _key(rows[0][:5])


def revoke_key(store: SqlStore, key_id: str) -> ApiKey:
    """Revoke a key by ID; it stops working on the next request."""
    _ensure_table(store)
    rows = store.db.query("SELECT key_id FROM wf_api_keys WHERE key_id = ? AND revoked_at IS NULL", [key_id])
    if not rows:
        raise StoreError(f"no active API key {key_id!r}")
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    store.db.execute("UPDATE wf_api_keys SET revoked_at = ? WHERE key_id = ?", [now, key_id])
    return next(k for k in list_keys(store) if k.key_id == key_id)
