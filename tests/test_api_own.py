"""watchfloor's own endpoints under /api/: screening one name or a file, list versions, and the
book -> alerts -> decision -> audit round trip."""

from __future__ import annotations

import csv
import getpass
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_api_support import AFTER_FTO, BEFORE_FTO, OFAC, TestClient, client, seed
from watchfloor.store import SqlStore

FIXTURES = Path(__file__).parent / "fixtures"
NAMES_CSV = (
    "id,name,schema,birth_date,country\n"
    "r1,Nicolas Maduro Moros,Person,1962-11-23,ve\n"
    "r2,Jane Q. Nobody,Person,,\n"
    "r3,,Person,,\n"
    "r4,Cartel de los Soles,Organization,,\n"
)


@pytest.fixture
def api(store: SqlStore) -> Iterator[TestClient]:
    seed(store)
    with client(store) as test_client:
        yield test_client


def test_screen_returns_the_design_json(api: TestClient) -> None:
    response = api.post(
        "/api/screen", json={"name": "Nicolas Maduro", "schema": "Person", "birth_date": "1962-11-23"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["query"]["schema"] == "Person"
    hit = data["results"][0]
    assert {
        "entity_id",
        "caption",
        "schema",
        "score",
        "match",
        "datasets",
        "designations",
        "explanation",
    } <= set(hit)
    assert hit["entity_id"] == "ofac-22790" and hit["match"] is True
    assert hit["designations"][0]["status"] == "effective"


def test_screen_keeps_pending_apart_from_results(api: TestClient) -> None:
    body = {"name": "Cartel de los Soles", "schema": "Organization", "as_of": BEFORE_FTO.isoformat()}
    data = api.post("/api/screen", json=body).json()
    assert data["results"] == []
    assert data["pending"][0]["status"] == "pending"
    body["as_of"] = AFTER_FTO.isoformat()
    data = api.post("/api/screen", json=body).json()
    assert data["results"][0]["status"] == "effective"


def test_screen_rejects_bad_input_with_a_reason(api: TestClient) -> None:
    response = api.post("/api/screen", json={"name": "x", "birth_date": "23/11/1962", "schema": "Person"})
    assert response.status_code == 422 and "birth date" in response.json()["detail"]
    response = api.post("/api/screen", json={"name": "x", "as_of": "yesterday"})
    assert response.status_code == 422 and "as_of" in response.json()["detail"]
    response = api.post("/api/screen", json={"name": "x", "schema": "Planet"})
    assert response.status_code == 422 and "schema" in response.json()["detail"]


def test_screen_file_returns_a_csv_of_hits(api: TestClient) -> None:
    response = api.post(
        "/api/screen-file",
        params={"as_of": AFTER_FTO.isoformat()},
        files={"file": ("names.csv", NAMES_CSV.encode(), "text/csv")},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ["query_id", "entity_id", "caption", "score", "status", "exposure"]
    found = {(r["query_id"], r["entity_id"]) for r in rows}
    assert ("r1", "ofac-22790") in found
    assert any(q == "r4" for q, _ in found)
    assert not any(q == "r2" for q, _ in found)
    assert response.headers["x-watchfloor-rows"] == "4"
    assert response.headers["x-watchfloor-errors"] == "1"
    assert "row 3" in response.headers["x-watchfloor-first-error"]


def test_screen_file_accepts_a_raw_csv_body(api: TestClient) -> None:
    response = api.post("/api/screen-file", content=NAMES_CSV.encode(), headers={"Content-Type": "text/csv"})
    assert response.status_code == 200
    assert "ofac-22790" in response.text


def test_screen_file_refuses_what_is_not_a_table(api: TestClient) -> None:
    response = api.post("/api/screen-file", files={"file": ("names.csv", b"foo,bar\n1,2\n", "text/csv")})
    assert response.status_code == 422 and response.json()["detail"]
    response = api.post("/api/screen-file", files={"other": ("names.csv", b"id,name\n1,x\n", "text/csv")})
    assert response.status_code == 422 and "'file'" in response.json()["detail"]


def test_lists_show_versions_and_designation_counts(api: TestClient) -> None:
    data = api.get("/api/lists", params={"as_of": BEFORE_FTO.isoformat()}).json()
    assert data["as_of"] == "2025-11-20"
    assert {v["dataset"] for v in data["versions"]} == {OFAC, "news_reports", "watchfloor_designations"}
    assert all(v["in_force"] for v in data["versions"])
    assert data["designations"]["by_status"] == {"effective": 2, "pending": 1, "reported": 1}
    assert data["pending"][0]["program"] == "FTO"
    early = api.get("/api/lists", params={"as_of": "2025-06-01"}).json()
    assert early["designations"]["by_status"] == {"effective": 2}
    assert [v["in_force"] for v in early["versions"] if v["dataset"] != OFAC] == [False, False]


def test_book_rescreen_alert_decision_and_audit_round_trip(api: TestClient) -> None:
    book = "id,name,schema,birth_date\nc-1,Nicolas Maduro Moros,Person,1962-11-23\nc-2,Jane Nobody,Person,\n"
    uploaded = api.post("/api/book", files={"file": ("book.csv", book.encode(), "text/csv")})
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["added"] == 2
    run = api.post("/api/rescreen", json={"as_of": AFTER_FTO.isoformat()})
    assert run.status_code == 200, run.text
    assert run.json()["new_alerts"] >= 1
    alerts = api.get("/api/alerts", params={"status": "open"}).json()["alerts"]
    alert = next(a for a in alerts if a["customer_id"] == "c-1")
    assert alert["entity_id"] == "ofac-22790"
    url = f"/api/alerts/{alert['alert_id']}"
    # without keys the reviewer is the server's operating-system user: a name in the body that
    # differs is refused, never recorded
    forged = api.post(
        f"{url}/decision", json={"decision": "true_match", "reason": "same birth date", "reviewer": "ana"}
    )
    assert forged.status_code == 403 and "not a name given by hand" in forged.json()["detail"]
    local = getpass.getuser()
    proposed = api.post(f"{url}/decision", json={"decision": "true_match", "reason": "same birth date"})
    assert proposed.status_code == 200, proposed.text
    assert proposed.json()["outcome"] == "proposed" and proposed.json()["decision"] is None
    assert proposed.json()["proposal"]["proposed_by"] == local
    own = api.post(f"{url}/approve", json={})
    assert own.status_code == 403 and "second, different reviewer" in own.json()["detail"]
    withdrawn = api.post(f"{url}/reject", json={"reason": "I meant to escalate"})
    assert withdrawn.status_code == 200 and withdrawn.json()["proposals"][0]["state"] == "rejected"
    assert api.post(f"{url}/approve").status_code == 409  # nothing waits any more
    decided = api.post(f"{url}/decision", json={"decision": "escalated", "reason": "ask compliance"})
    assert decided.status_code == 200, decided.text
    assert decided.json()["outcome"] == "decided" and decided.json()["reviewer"] == local
    assert api.get(url).json()["decision"] == "escalated"
    decided = api.post(
        f"{url}/decision", json={"decision": "false_positive", "whitelist": False, "reason": "x"}
    )
    assert decided.status_code == 403 and "escalated" in decided.json()["detail"]  # own escalation
    actions = [e["action"] for e in api.get("/api/audit").json()["entries"]]
    assert "book_import" in actions and "alert_decided" in actions
    assert "decision_proposed" in actions and "decision_rejected" in actions
    assert api.get("/api/audit/verify").json()["ok"] is True


def test_decision_needs_a_known_decision_and_a_reason(api: TestClient) -> None:
    response = api.post("/api/alerts/A1/decision", json={"decision": "maybe", "reason": "x"})
    assert response.status_code == 422 and "decision" in response.json()["detail"]
    response = api.post("/api/alerts/A1/decision", json={"decision": "escalated", "reason": ""})
    assert response.status_code == 422 and "reason" in response.json()["detail"]


def _zip_folder(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, arcname=f"sdn/{path.name}")
    return buffer.getvalue()


def test_admin_ingests_an_ofac_zip_and_it_is_screened_at_once(api: TestClient) -> None:
    content = _zip_folder(FIXTURES / "ofac_csv" / "sdn-2021")
    params = {"format": "ofac-csv", "dataset": "ofac_upload", "published": "2021-07-07"}
    files = {"file": ("sdn-2021.zip", content, "application/zip")}
    response = api.post("/api/lists/ingest", params=params, files=files)
    assert response.status_code == 200, response.text
    assert response.json()["created"] is True
    assert response.json()["version"]["version_id"] == "ofac_upload@1"
    again = api.post("/api/lists/ingest", params=params, files=files).json()
    assert again["created"] is False
    hit = api.post(
        "/match/ofac_upload",
        json={
            "queries": {"q": {"schema": "LegalEntity", "properties": {"name": ["Banco Nacional de Cuba"]}}}
        },
    )
    assert hit.json()["responses"]["q"]["results"][0]["caption"] == "BANCO NACIONAL DE CUBA"
    actions = [e["action"] for e in api.get("/api/audit").json()["entries"]]
    assert actions.count("list_ingested") == 1


def test_ingest_refuses_a_folder_format_that_is_not_a_zip(api: TestClient) -> None:
    response = api.post(
        "/api/lists/ingest",
        params={"format": "ofac-csv"},
        content=b"306,x",
        headers={"Content-Type": "text/csv"},
    )
    assert response.status_code == 422 and ".zip" in response.json()["detail"]
    response = api.post(
        "/api/lists/ingest", params={"format": "pdf"}, content=b"x", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 422 and "unknown list format" in response.json()["detail"]


def test_openapi_docs_are_served_without_a_cdn(tmp_path: Path) -> None:
    """The /docs page and its Swagger UI files come from the package, not from the internet."""
    from fastapi.testclient import TestClient

    from watchfloor.web import create_server

    app = create_server(str(tmp_path / "docs.duckdb"), warm_on_start=False)
    client = TestClient(app, client=("127.0.0.1", 5000), base_url="http://127.0.0.1")
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(url.startswith("/docs-assets/") for url in assets)
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "watchfloor"


def test_a_zip_that_unpacks_past_the_limit_is_refused_and_stores_nothing(store: SqlStore) -> None:
    seed(store)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sdn.csv", b"0" * (4 << 20))  # 4 MiB of zeros compress to a few KB
    versions = len(store.versions())
    with client(store, max_upload_bytes=256 << 10) as api:  # 256 KB: unpacking stops at 2 MiB
        response = api.post(
            "/api/lists/ingest",
            params={"format": "ofac-csv", "dataset": "bomb"},
            files={"file": ("bomb.zip", buffer.getvalue(), "application/zip")},
        )
    assert response.status_code == 413 and "unpacks to more than" in response.json()["detail"]
    assert len(store.versions()) == versions
