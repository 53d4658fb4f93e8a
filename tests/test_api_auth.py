"""API keys and roles: open to loopback only while no key exists; once one does, 401 without a
valid key and 403 when the key's role is too low."""

from __future__ import annotations

import pytest

from tests.test_api_support import LOCAL, REMOTE, client, match_body, seed
from watchfloor.store import SqlStore, StoreError
from watchfloor.store.keys import Role, create_key, has_active_keys, revoke_key, verify_key

SCREEN = {"name": "Nicolas Maduro", "schema": "Person"}


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"ApiKey {key}"}


def test_without_keys_loopback_clients_have_full_access(store: SqlStore) -> None:
    seed(store)
    with client(store, LOCAL) as api:
        assert api.post("/api/screen", json=SCREEN).status_code == 200
        assert api.post("/match/default", json=match_body("Maduro")).status_code == 200
        assert api.get("/api/alerts").status_code == 200


def test_without_keys_other_clients_are_refused_everywhere(store: SqlStore) -> None:
    seed(store)
    with client(store, REMOTE) as api:
        for response in (
            api.get("/healthz"),
            api.get("/docs"),
            api.post("/api/screen", json=SCREEN),
            api.get("/catalog"),
        ):
            assert response.status_code == 403
            assert "loopback" in response.json()["detail"]


def test_once_a_key_exists_a_request_without_one_is_401(store: SqlStore) -> None:
    seed(store)
    create_key(store, "screening-bot", Role.READER)
    with client(store, LOCAL) as api:
        response = api.post("/api/screen", json=SCREEN)
        assert response.status_code == 401
        assert "Authorization: ApiKey" in response.json()["detail"]
        assert response.headers["www-authenticate"] == "ApiKey"
        assert api.get("/catalog").status_code == 401
        assert api.get("/healthz").status_code == 200  # liveness stays open for probes


def test_invalid_or_malformed_keys_are_401(store: SqlStore) -> None:
    seed(store)
    _, secret = create_key(store, "screening-bot", Role.READER)
    key_id = secret.split("_")[1]
    with client(store, LOCAL) as api:
        for header in (
            {"Authorization": f"ApiKey wf_{key_id}_{'x' * 43}"},
            {"Authorization": "ApiKey not-a-key"},
            {"Authorization": f"Basic {secret}"},
        ):
            response = api.post("/api/screen", json=SCREEN, headers=header)
            assert response.status_code == 401, header
            assert response.json()["detail"]


def test_a_valid_key_works_from_any_address(store: SqlStore) -> None:
    seed(store)
    _, secret = create_key(store, "screening-bot", Role.READER)
    with client(store, REMOTE) as api:
        response = api.post("/api/screen", json=SCREEN, headers=auth(secret))
        assert response.status_code == 200
        assert response.json()["results"][0]["entity_id"] == "ofac-22790"


def test_roles_are_checked_per_endpoint(store: SqlStore) -> None:
    seed(store)
    _, reader = create_key(store, "analyst-readonly", Role.READER)
    _, reviewer = create_key(store, "analyst", Role.REVIEWER)
    _, admin = create_key(store, "ops", Role.ADMIN)
    decision = {"decision": "false_positive", "reason": "different person"}
    book = {"content": b"id,name\nc1,Jane Doe\n", "headers": {"Content-Type": "text/csv"}}
    with client(store, LOCAL) as api:
        refused = api.post("/api/alerts/a-1/decision", json=decision, headers=auth(reader))
        assert refused.status_code == 403
        assert "reviewer role" in refused.json()["detail"] and "analyst-readonly" in refused.json()["detail"]
        # the reviewer passes the role check and reaches the alert lookup (no such alert)
        assert api.post("/api/alerts/a-1/decision", json=decision, headers=auth(reviewer)).status_code == 404
        assert (
            api.post(
                "/api/book", headers={**book["headers"], **auth(reviewer)}, content=book["content"]
            ).status_code
            == 403
        )
        ingest = api.post(
            "/api/lists/ingest", params={"format": "ftm-json"}, content=b"{}", headers=auth(reviewer)
        )
        assert ingest.status_code == 403 and "admin role" in ingest.json()["detail"]
        uploaded = api.post("/api/book", headers={**book["headers"], **auth(admin)}, content=book["content"])
        assert uploaded.status_code == 200, uploaded.text
        assert uploaded.json()["added"] == 1
        assert api.get("/api/alerts", headers=auth(reader)).status_code == 200


def test_keys_are_stored_hashed_and_revocable(store: SqlStore) -> None:
    key, secret = create_key(store, "ci", "reviewer")
    assert secret.startswith(f"wf_{key.key_id}_")
    stored = store.db.query("SELECT key_id, name, role, secret_sha256 FROM wf_api_keys")
    assert secret.split("_", 2)[2] not in repr(stored)
    assert verify_key(store, secret) == key
    assert verify_key(store, secret + "x") is None
    revoke_key(store, key.key_id)
    assert verify_key(store, secret) is None
    assert not has_active_keys(store)
    with pytest.raises(StoreError, match="unknown role"):
        create_key(store, "x", "superuser")


def test_keyless_mode_refuses_a_host_that_is_not_local(store: SqlStore) -> None:
    seed(store)
    with client(store, LOCAL) as api:
        rebound = api.get("/api/audit", headers={"Host": "attacker.example"})
        assert rebound.status_code == 403
        assert "localhost" in rebound.json()["detail"]
        assert api.get("/api/alerts", headers={"Host": "localhost:8000"}).status_code == 200


def test_a_cross_origin_write_is_refused_and_changes_nothing(store: SqlStore) -> None:
    seed(store)
    versions = len(store.versions())
    upload = {"file": ("x.jsonl", b'{"id": "x", "schema": "Person", "properties": {"name": ["X"]}}\n')}
    with client(store, LOCAL) as api:
        for headers in ({"Origin": "https://attacker.example"}, {"Referer": "https://attacker.example/page"}):
            response = api.post(
                "/api/lists/ingest?format=ftm-json&dataset=us_ofac_sdn", files=upload, headers=headers
            )
            assert response.status_code == 403
            assert "cross-origin" in response.json()["detail"]
        assert len(store.versions()) == versions
        same_site = api.post("/api/screen", json=SCREEN, headers={"Origin": "http://127.0.0.1"})
        assert same_site.status_code == 200  # the console's own page
        assert api.post("/api/screen", json=SCREEN).status_code == 200  # a client that is not a browser
