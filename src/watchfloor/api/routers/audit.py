"""The tamper-evident audit log: read its newest entries, verify the whole chain."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query

from watchfloor.api.auth import Principal, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.review import audit_entries, verify_audit

router = APIRouter(prefix="/api", tags=["Audit"])


@router.get("/audit", summary="The newest audit entries, oldest first")
def entries(
    limit: int = Query(100, ge=1, le=10_000),
    action: str | None = Query(None, description="Only this action, e.g. alert_decided"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    with context.lock:
        found = audit_entries(context.store, limit=limit, action=action)
    return {"count": len(found), "entries": [entry.to_dict() for entry in found]}


@router.get("/audit/verify", summary="Verify the audit log's hash chain")
def verify(
    anchor: list[str] = Query([], description="SEQ:HASH anchors kept outside the store"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> dict[str, Any]:
    """``ok`` is false when any row was edited, deleted or cut off, or an anchor taken earlier no
    longer holds; ``first_bad_seq`` says where."""
    with context.lock:
        try:
            return verify_audit(context.store, anchor).to_dict()
        except ValueError as exc:
            raise HTTPException(400, detail=str(exc)) from None
