"""Every console page over the demo data, through the real API app (FastAPI TestClient)."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_web_support import CSRF_INPUT, REMOTE, article_id_titled, console_client, demo_store

from watchfloor.review import list_alerts
from watchfloor.store import SqlStore

BEFORE_EFFECT = "2025-11-20"  # the FTO designation was announced 2025-11-16, effective 2025-11-24


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    store, _ = demo_store(tmp_path_factory.mktemp("web-demo"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(demo: SqlStore):  # type: ignore[no-untyped-def]
    with console_client(demo) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def script_article(demo: SqlStore) -> str:
    return article_id_titled(demo, "Forged")


PAGES = [
    "/console/",
    "/console/screen",
    "/console/screen?name=Nicolas+Maduro&schema=Person&birth_date=1962-11-23&country=ve",
    "/console/alerts",
    "/console/alerts?status=all",
    "/console/entities/ofac-24427",
    "/console/entities/demo-co-orinoco-bunkering",
    "/console/timeline",
    f"/console/timeline?as_of={BEFORE_EFFECT}",
    "/console/articles",
    "/console/alerts?status=proposed",
    "/console/alerts/A1",
    "/console/report",
    "/console/report?from=2020-01-01&to=2030-12-31",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_console_page_renders_with_a_strict_content_security_policy(client, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<h1>" in response.text or "<h1 " in response.text
    assert 'src="http' not in response.text and 'href="http' not in response.text  # nothing external


def test_root_redirects_to_the_console(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 303, 307)
    assert response.headers["location"] == "/console/"


def test_article_text_with_a_script_tag_is_shown_escaped(client, script_article: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/console/articles/{script_article}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    listing = client.get("/console/articles").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing and "<script>alert(1)" not in listing


def test_article_marks_the_entities_extracted_from_it(client, script_article: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/console/articles/{script_article}").text
    assert '<mark class="ent ent-person" title="Person">Diosdado Cabello</mark>' in html
    assert '<mark class="ent ent-person" title="Person">Nicolás Maduro</mark>' in html
    assert 'href="/console/entities/news-person-nicolas-maduro"' in html


def test_screening_shows_score_status_and_explanation(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get(PAGES[2]).text
    assert "MADURO MOROS, Nicolas" in html
    assert "status-effective" in html
    assert "<meter" in html
    assert "birth date 1962-11-23 matches" in html


def test_screening_tells_pending_from_effective_and_reported(client) -> None:  # type: ignore[no-untyped-def]
    before = client.get(f"/console/screen?name=Cartel+de+los+Soles&as_of={BEFORE_EFFECT}").text
    pending_section = before.split('id="pending-h"', 1)[1]
    assert "Pending until 2025-11-24 (4 days left)" in pending_section
    after = client.get("/console/screen?name=Cartel+de+los+Soles&as_of=2025-11-25").text
    in_force = after.split('id="hits-h"', 1)[1].split('id="pending-h"', 1)[0]
    assert "Cartel de los Soles" in in_force and "status-effective" in in_force
    assert "Reported by press (not official)" in after  # the news dataset's own Cartel entity


def test_a_malformed_query_is_a_400_with_one_sentence(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/console/screen?name=Maduro&birth_date=23/11/1962")
    assert response.status_code == 400
    assert "is not YYYY, YYYY-MM or YYYY-MM-DD" in response.text
    assert client.get("/console/timeline?as_of=yesterday").status_code == 400


def test_unknown_entity_is_a_404_page(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/console/entities/no-such-entity")
    assert response.status_code == 404
    assert "no entity &#39;no-such-entity&#39;" in response.text


def test_entity_page_shows_designations_versions_and_graph(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/console/entities/ofac-24427").text
    assert "SARRIA DIAZ, Rafael Alfredo" in html
    assert "VENEZUELA" in html and "Office of Foreign Assets Control" in html
    assert "us_ofac_sdn@1" in html and "us_ofac_sdn@2" in html
    assert "<svg" in html and 'class="node node-designated"' in html
    assert "CABELLO RONDON, Diosdado" in html  # the Linked To remark, as a path to a designated party


def test_ownership_chain_blocks_a_company_owned_55_percent_by_blocked_parties(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/console/entities/demo-co-orinoco-bunkering").text
    assert "Blocked by ownership" in html
    assert "Owned 55% by blocked parties" in html
    assert "ownership 25%" in html and "ownership 30%" in html


def test_links_alleged_by_the_press_are_listed_apart_with_their_sentence(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/console/entities/ofac-22790").text
    assert "0 paths to designated parties; 2 more alleged by the press (not official)" in html
    assert "Paths alleged by the press: not official" in html
    assert "<em>directorship (alleged)</em>" in html and ">Cartel de los Soles</a>" in html
    assert "<q>Washington sostiene que la organización está encabezada por Nicolás Maduro.</q>" in html


def test_timeline_charts_events_and_casualty_claims(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/console/timeline").text
    assert html.count("<svg") == 1 and 'class="bar"' in html and 'class="claim claim-at_least"' in html
    assert "at least 83 people" in html and "More than 80 people" in html
    assert "FTO designation of Cartel de los Soles takes effect" in html
    earlier = client.get("/console/timeline?as_of=2025-11-18").text
    assert "at least 86 people" not in earlier  # reported on 2025-11-21: not yet known


def test_deciding_an_alert_needs_the_forms_csrf_token(client, demo: SqlStore) -> None:  # type: ignore[no-untyped-def]
    open_alerts = list_alerts(demo, status="open")
    alert_id = open_alerts[-1].alert_id
    page = client.get("/console/alerts")
    token = CSRF_INPUT.search(page.text).group(1)  # type: ignore[union-attr]
    # no whitelist box ticked: a plain false positive, which one reviewer may record
    form = {"decision": "false_positive", "reason": "different person"}
    refused = client.post(f"/console/alerts/{alert_id}/decide", data={**form, "csrf_token": "forged"})
    assert refused.status_code == 403
    cross_site = client.post(
        f"/console/alerts/{alert_id}/decide",
        data={**form, "csrf_token": token},
        headers={"origin": "http://evil.example"},
    )
    assert cross_site.status_code == 403
    assert all(a.alert_id != alert_id for a in list_alerts(demo, status="decided"))
    accepted = client.post(
        f"/console/alerts/{alert_id}/decide", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert accepted.status_code == 303
    decided = {a.alert_id: a for a in list_alerts(demo, status="decided")}
    # without keys the reviewer is the operating-system user who runs the server, never a form field
    assert decided[alert_id].decision == "false_positive" and decided[alert_id].reviewer == getpass.getuser()
    after = client.get(accepted.headers["location"]).text
    assert f"Decision on alert {alert_id} recorded." in after


def test_a_decision_without_reason_is_refused_with_a_message(client, demo: SqlStore) -> None:  # type: ignore[no-untyped-def]
    alert_id = list_alerts(demo, status="open")[0].alert_id
    token = CSRF_INPUT.search(client.get("/console/alerts").text).group(1)  # type: ignore[union-attr]
    response = client.post(
        f"/console/alerts/{alert_id}/decide",
        data={"decision": "true_match", "reason": " ", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "a decision needs a reason" in response.text


def test_console_answers_only_loopback_while_no_key_exists(demo: SqlStore) -> None:
    with console_client(demo, host=REMOTE) as remote:
        assert remote.get("/console/").status_code == 403


def test_static_assets_are_served_from_the_package(client) -> None:  # type: ignore[no-untyped-def]
    css = client.get("/console/static/console.css")
    assert css.status_code == 200 and ".status-pending" in css.text
    assert client.get("/console/static/console.js").status_code == 200


def test_overview_lists_versions_and_counts(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/console/?as_of={BEFORE_EFFECT}").text
    assert "watchfloor_designations@1" in html and "news@1" in html
    assert "Cartel de los Soles" in html  # pending on that day
    assert date.fromisoformat(BEFORE_EFFECT).isoformat() in html


def test_article_page_for_unknown_id_is_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/console/articles/news-0000").status_code == 404


def test_store_path_is_not_shown(client, demo: SqlStore) -> None:  # type: ignore[no-untyped-def]
    # the pages show list sources, never the database location
    assert str(Path(demo.db.path)) not in client.get("/console/").text  # type: ignore[attr-defined]


def test_with_keys_the_console_asks_for_a_key_and_honours_roles(tmp_path: Path) -> None:
    from watchfloor.store import open_store
    from watchfloor.store.keys import create_key

    store = open_store(str(tmp_path / "keys.duckdb"))
    _, reader_key = create_key(store, "rita", "reader")
    with console_client(store) as browser:
        first = browser.get("/console/timeline", follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/console/login?next=%2Fconsole%2Ftimeline"
        login_page = browser.get(first.headers["location"])
        token = CSRF_INPUT.search(login_page.text).group(1)  # type: ignore[union-attr]
        wrong = browser.post("/console/login", data={"api_key": "wf_nope", "csrf_token": token, "next": "/x"})
        assert wrong.status_code == 401 and "not valid" in wrong.text
        signed_in = browser.post(
            "/console/login",
            data={"api_key": reader_key, "csrf_token": token, "next": "https://evil.example/"},
            follow_redirects=False,
        )
        assert (
            signed_in.status_code == 303 and signed_in.headers["location"] == "/console/"
        )  # no open redirect
        page = browser.get("/console/timeline")
        assert page.status_code == 200 and "Signed in as rita" in page.text
        decide = browser.post(
            "/console/alerts/A1/decide", data={"csrf_token": token, "decision": "escalated"}
        )
        assert decide.status_code == 403  # a reader may look, not decide
    with console_client(store) as api_client:
        by_header = api_client.get("/console/", headers={"Authorization": f"ApiKey {reader_key}"})
        assert by_header.status_code == 200
    _, reviewer_key = create_key(store, "rob", "reviewer")
    with console_client(store) as reviewer:
        token = CSRF_INPUT.search(reviewer.get("/console/login").text).group(1)  # type: ignore[union-attr]
        reviewer.post(
            "/console/login", data={"api_key": reviewer_key, "csrf_token": token, "next": "/console/"}
        )
        decide = reviewer.post(
            "/console/alerts/A1/decide", data={"csrf_token": token, "decision": "escalated", "reason": "x"}
        )
        assert decide.status_code == 404 and "no alert &#39;A1&#39;" in decide.text  # past the role check
        signed_out = reviewer.post("/console/logout", data={"csrf_token": token}, follow_redirects=False)
        assert signed_out.status_code == 303
        assert reviewer.get("/console/", follow_redirects=False).status_code == 303
    store.close()


def _sign_in(browser, key: str) -> str:  # type: ignore[no-untyped-def]
    token = CSRF_INPUT.search(browser.get("/console/login").text).group(1)  # type: ignore[union-attr]
    signed_in = browser.post(
        "/console/login", data={"api_key": key, "csrf_token": token, "next": "/console/alerts"}
    )
    assert signed_in.status_code == 200
    return token


def test_console_four_eyes_with_two_signed_in_reviewers(tmp_path: Path) -> None:
    from tests.test_review_decisions import make_alert
    from watchfloor.review import audit_entries, get_case, verify_audit
    from watchfloor.store import open_store
    from watchfloor.store.alerts import AlertStore
    from watchfloor.store.keys import create_key

    store = open_store(str(tmp_path / "four-eyes.duckdb"))
    with store.db.transaction():
        AlertStore(store.db).insert_alerts([make_alert(1), make_alert(2, "c2")])
    _, ana_key = create_key(store, "ana", "reviewer")
    _, ben_key = create_key(store, "ben", "reviewer")
    with console_client(store) as ana:
        token = _sign_in(ana, ana_key)
        escalate = {"csrf_token": token, "decision": "escalated", "reason": "two birth dates"}
        assert ana.post("/console/alerts/A1/decide", data=escalate).status_code == 200
        forged = ana.post("/console/alerts/A1/decide", data={**escalate, "reviewer": "ben"})
        assert forged.status_code == 403 and "not a name given by hand" in forged.text
        alone = {"csrf_token": token, "decision": "false_positive", "reason": "not him"}  # no whitelist box
        refused = ana.post("/console/alerts/A1/decide", data=alone)
        assert refused.status_code == 403 and "ana escalated alert A1" in refused.text
        proposal = {**alone, "decision": "true_match", "reason": "same passport"}
        proposed = ana.post("/console/alerts/A1/decide", data=proposal, follow_redirects=False)
        assert proposed.status_code == 303 and "outcome=proposed" in proposed.headers["location"]
        page = ana.get("/console/alerts?status=proposed").text
        assert "You proposed this decision" in page and "Approve P1" not in page
        own = ana.post("/console/alerts/A1/approve", data={"csrf_token": token})
        assert own.status_code == 403 and "a second, different reviewer must approve it" in own.text
        assigned = ana.post(
            "/console/alerts/A2/assign", data={"csrf_token": token, "to": "ben", "back": "case"}
        )
        assert assigned.status_code == 200 and "Alert A2 assigned." in assigned.text
    with console_client(store) as ben:
        token = _sign_in(ben, ben_key)
        page = ben.get("/console/alerts?status=proposed").text
        assert "Approve P1 as ben" in page and "Signed in as ben" in page
        approved = ben.post(
            "/console/alerts/A1/approve",
            data={"csrf_token": token, "note": "passport seen"},
            follow_redirects=False,
        )
        assert approved.status_code == 303 and "outcome=approved" in approved.headers["location"]
        case_page = ben.get("/console/alerts/A1").text
        assert "by ana, approved by ben" in case_page
        commented = ben.post(
            "/console/alerts/A2/comment", data={"csrf_token": token, "text": "on it", "back": "case"}
        )
        assert commented.status_code == 200 and "on it" in commented.text
    alert = get_case(store, "A1").alert
    assert (alert.decision, alert.reviewer, alert.approved_by) == ("true_match", "ana", "ben")
    steps = [(e.actor, e.action) for e in audit_entries(store, limit=None)]
    assert steps == [
        ("ana", "alert_decided"),
        ("ana", "decision_proposed"),
        ("ana", "alert_assigned"),
        ("ben", "decision_approved"),
        ("ben", "alert_decided"),
        ("ben", "alert_commented"),
    ]
    assert verify_audit(store).ok
    store.close()
