"""API keys while serving: list them and revoke one (admin only).

The embedded store is held by the running server, so ``watchfloor keys revoke`` cannot open it
then; a leaked key must still be stoppable at once, so the server offers the revocation itself.
Each revocation is audited with the admin who made it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from watchfloor.api.auth import Principal, require_admin
from watchfloor.api.context import ApiContext, get_context
from watchfloor.review import append_audit
from watchfloor.store import StoreError
from watchfloor.store.keys import list_keys, revoke_key

router = APIRouter(prefix="/api", tags=["API keys"])


@router.get("/keys", summary="API keys (never their secrets)")
def keys(context: ApiContext = Depends(get_context), _: Principal = Depends(require_admin)) -> dict[str, Any]:
    with context.lock:
        found = list_keys(context.store)
    return {"keys": [key.to_dict() for key in found]}


@router.post("/keys/{key_id}/revoke", summary="Revoke an API key; it stops working on the next request")
def revoke(
    key_id: str, context: ApiContext = Depends(get_context), principal: Principal = Depends(require_admin)
) -> dict[str, Any]:
    with context.lock:
        try:
            key = revoke_key(context.store, key_id)
        except StoreError as exc:
            raise HTTPException(404, detail=str(exc)) from None
        append_audit(
            context.store, principal.name, "api_key_revoked", {"key_id": key.key_id, "name": key.name}
        )
    return key.to_dict()
