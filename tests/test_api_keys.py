"""Revoking an API key through the running server: the store is the server's, the key stops at
once, only an admin may do it, and the revocation is audited."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from watchfloor.review import audit_entries
from watchfloor.store import open_store
from watchfloor.store.keys import create_key


def _auth(secret: str) -> dict[str, str]:
    return {"Authorization": f"ApiKey {secret}"}


def test_an_admin_revokes_a_key_while_serving(tmp_path: Path) -> None:
    from watchfloor.web import create_server

    store = open_store(str(tmp_path / "s.duckdb"))
    admin, admin_secret = create_key(store, "ops", "admin")
    reader, reader_secret = create_key(store, "analyst", "reader")
    app = create_server(store=store, warm_on_start=False)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/keys", headers=_auth(reader_secret)).status_code == 403
        assert (
            client.post(f"/api/keys/{admin.key_id}/revoke", headers=_auth(reader_secret)).status_code == 403
        )
        listed = client.get("/api/keys", headers=_auth(admin_secret)).json()["keys"]
        assert {k["name"] for k in listed} == {"ops", "analyst"}
        assert all("secret" not in k and "hash" not in k for k in listed)
        assert client.get("/catalog", headers=_auth(reader_secret)).status_code == 200
        revoked = client.post(f"/api/keys/{reader.key_id}/revoke", headers=_auth(admin_secret))
        assert revoked.status_code == 200 and revoked.json()["revoked_at"]
        assert client.get("/catalog", headers=_auth(reader_secret)).status_code == 401
        again = client.post(f"/api/keys/{reader.key_id}/revoke", headers=_auth(admin_secret))
        assert again.status_code == 404
    [entry] = audit_entries(store, action="api_key_revoked")
    assert entry.actor == "ops" and entry.payload["key_id"] == reader.key_id
    store.close()
