"""The audit log as the rest of watchfloor uses it: append, verify, read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from watchfloor.store.audit import AuditEntry, AuditLog, AuditReport
from watchfloor.store.db import database_of


def append_audit(store: Any, actor: str, action: str, payload: dict[str, Any]) -> AuditEntry:
    """Append one row to the chain in its own transaction."""
    return AuditLog(database_of(store)).append(actor, action, payload)


def verify_audit(store: Any, anchors: Sequence[str] = ()) -> AuditReport:
    """Walk the whole chain and check the anchors kept outside it; ``first_bad_seq`` names the
    first row edited, deleted or added."""
    return AuditLog(database_of(store)).verify(anchors)


def audit_anchor(store: Any) -> str:
    """The log's head as ``SEQ:HASH``, to keep outside the store."""
    return AuditLog(database_of(store)).anchor()


def audit_entries(store: Any, limit: int | None = 100, action: str | None = None) -> list[AuditEntry]:
    """The newest ``limit`` rows, oldest first."""
    return AuditLog(database_of(store)).entries(limit=limit, action=action)
