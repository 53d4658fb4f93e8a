"""Case management under the four-eyes rule: the reviewer comes from a key or the operating-system
user, never free text; closing as a true match, whitelisting and reversing wait for a second,
different reviewer; whoever escalated cannot close alone; alerts are assigned, commented and show
their age; the blocked-parties report; every step is in the audit chain that ``audit verify``
walks. Through the services (both engines), the CLI as typed, and the API with two keys."""

from __future__ import annotations

import csv
import getpass
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import run_cli as cli
from tests.test_api_support import TestClient
from tests.test_review_decisions import make_alert
from watchfloor.review import (
    FourEyesError,
    IdentityError,
    InvalidDecisionError,
    ReviewConflictError,
    UnknownAlertError,
    Whitelist,
    approve_decision,
    assign_alert,
    audit_entries,
    comment_alert,
    decide_alert,
    get_case,
    list_cases,
    load_policy,
    reject_decision,
    set_four_eyes,
    verify_audit,
)
from watchfloor.review.identity import acting_reviewer, cli_reviewer
from watchfloor.review.report import REPORT_COLUMNS, blocked_report
from watchfloor.store import SqlStore, open_store
from watchfloor.store.alerts import Alert, AlertStore
from watchfloor.store.keys import create_key

RAISED = datetime(2026, 1, 1, 12, 0)


def alerts_for_cases() -> list[Alert]:
    """A3 and A4 as in the complaint, a party with two customers, one pending designation, and a
    customer whose name a spreadsheet would run as a formula."""
    return [
        make_alert(1),
        replace(make_alert(2, "c2"), created_at=datetime(2026, 2, 10, 9, 0)),
        make_alert(3, "c3", "ofac-2"),
        make_alert(4, "c4", "ofac-3"),
        replace(make_alert(5, "c5", "ofac-4"), status="pending", days_left=4, effective_date="2026-01-05"),
        replace(make_alert(6, "c6", "ofac-5"), customer_name='=HYPERLINK("http://x","y")'),
    ]


def fill(store: SqlStore) -> None:
    with store.db.transaction():
        AlertStore(store.db).insert_alerts(alerts_for_cases())


@pytest.fixture
def cases(store: SqlStore) -> SqlStore:
    fill(store)
    return store


# --- the rule, through the services (DuckDB and PostgreSQL) ---------------------------------------


def test_the_same_reviewer_cannot_close_their_own_escalation_the_second_can(cases: SqlStore) -> None:
    decide_alert(cases, "A3", "escalated", "two dates of birth on file", "ana")
    with pytest.raises(FourEyesError, match="ana escalated alert A3"):
        decide_alert(cases, "A3", "false_positive", "on reflection not him", "ana", whitelist=False)
    proposed = decide_alert(cases, "A3", "true_match", "same passport number", "ana")
    assert proposed.alert.decision == "escalated" and proposed.pending is not None
    assert proposed.pending.why == "it closes the alert as a true match"
    with pytest.raises(FourEyesError, match="a second, different reviewer must approve"):
        approve_decision(cases, "A3", "ana")
    assert get_case(cases, "A3").alert.decision == "escalated"  # the refusal changed nothing
    closed = approve_decision(cases, "A3", "ben", "passport checked").alert
    assert (closed.decision, closed.reviewer, closed.approved_by) == ("true_match", "ana", "ben")
    rows = [e for e in audit_entries(cases, limit=None) if e.payload.get("alert_id") == "A3"]
    assert [(e.actor, e.action) for e in rows] == [
        ("ana", "alert_decided"),
        ("ana", "decision_proposed"),
        ("ben", "decision_approved"),
        ("ben", "alert_decided"),
    ]
    assert rows[-1].payload["decided_by"] == "ana" and rows[-1].payload["approved_by"] == "ben"
    assert verify_audit(cases).ok


def test_overriding_a_decision_is_a_proposal_until_someone_else_approves(cases: SqlStore) -> None:
    decide_alert(cases, "A4", "false_positive", "company in another country", "ana")
    approve_decision(cases, "A4", "ben")
    assert Whitelist.load(cases).suppresses("rec-c4", "ent-ofac-3")
    override = decide_alert(cases, "A4", "true_match", "it is the listed company", "cara")
    assert override.alert.decision == "false_positive"  # her decision stands for now
    assert override.pending is not None and "changes the decision already taken" in override.pending.why
    with pytest.raises(FourEyesError):
        approve_decision(cases, "A4", "cara")
    approve_decision(cases, "A4", "ana")
    after = get_case(cases, "A4")
    assert (after.alert.decision, after.alert.reviewer, after.alert.approved_by) == (
        "true_match",
        "cara",
        "ana",
    )
    assert not after.whitelisted and len(Whitelist.load(cases)) == 0


def test_a_waiting_proposal_blocks_other_decisions_and_a_rejection_changes_nothing(cases: SqlStore) -> None:
    decide_alert(cases, "A1", "false_positive", "namesake", "ana")
    with pytest.raises(ReviewConflictError, match="P1: false_positive by ana"):
        decide_alert(cases, "A1", "escalated", "wait", "ben")
    rejected = reject_decision(cases, "A1", "ben", "the birth year matches")
    assert rejected.alert.decision is None and rejected.pending is None
    assert [(p.state, p.resolved_by, p.resolution) for p in rejected.proposals] == [
        ("rejected", "ben", "the birth year matches")
    ]
    assert len(Whitelist.load(cases)) == 0
    with pytest.raises(ReviewConflictError, match="no decision waiting"):
        approve_decision(cases, "A1", "ben")
    decide_alert(cases, "A1", "true_match", "same person", "ben")
    withdrawn = reject_decision(cases, "A1", "ben", "wrong alert")  # a proposer may withdraw
    rows = audit_entries(cases, action="decision_rejected")
    assert [r.payload["withdrawn"] for r in rows] == [False, True]
    assert withdrawn.alert.decision is None
    assert verify_audit(cases).ok


def test_with_four_eyes_off_one_reviewer_decides_and_the_switch_is_audited(cases: SqlStore) -> None:
    assert load_policy(cases).four_eyes
    set_four_eyes(cases, False, "admin-ann")
    assert not load_policy(cases).four_eyes
    decide_alert(cases, "A3", "escalated", "check", "ana")
    closed = decide_alert(cases, "A3", "true_match", "same person", "ana")
    assert (
        closed.pending is None and closed.alert.decision == "true_match" and closed.alert.approved_by is None
    )
    set_four_eyes(cases, True, "admin-ann")
    [off, on] = audit_entries(cases, action="review_policy_changed")
    assert (off.actor, off.payload, on.payload) == (
        "admin-ann",
        {"four_eyes": False, "previous": True},
        {"four_eyes": True, "previous": False},
    )
    assert decide_alert(cases, "A3", "false_positive", "no", "ben").pending is not None  # a reversal again


def test_assignment_comments_and_age(cases: SqlStore) -> None:
    assigned = assign_alert(cases, "A2", "ben", "ana")
    assert assigned.alert.assignee == "ben" and assigned.alert.assigned_at is not None
    assign_alert(cases, "A2", "cara", "ben")
    comment_alert(cases, "A2", "asked the branch for an ID copy", "cara")
    comment_alert(cases, "A2", "ID copy received", "ben")
    case = get_case(cases, "A2", today=date(2026, 2, 20))
    assert case.age_days == 10  # raised 2026-02-10
    assert [(c.author, c.text) for c in case.comments] == [
        ("cara", "asked the branch for an ID copy"),
        ("ben", "ID copy received"),
    ]
    data = case.to_dict()
    assert data["assignee"] == "cara" and data["age_days"] == 10 and len(data["comments"]) == 2
    listed = {c.alert.alert_id: c for c in list_cases(cases, "open", today=date(2026, 2, 20))}
    assert listed["A1"].age_days == 50 and listed["A2"].alert.assignee == "cara"
    rows = [e for e in audit_entries(cases, limit=None) if e.action in ("alert_assigned", "alert_commented")]
    assert [(e.actor, e.action) for e in rows] == [
        ("ana", "alert_assigned"),
        ("ben", "alert_assigned"),
        ("cara", "alert_commented"),
        ("ben", "alert_commented"),
    ]
    assert rows[1].payload == {"alert_id": "A2", "assignee": "cara", "previous": "ben"}
    assert rows[2].payload["text"] == "asked the branch for an ID copy"
    assert verify_audit(cases).ok


def test_bad_case_steps_are_refused_and_change_nothing(cases: SqlStore) -> None:
    before = len(audit_entries(cases, limit=None))
    with pytest.raises(InvalidDecisionError, match="a comment cannot be empty"):
        comment_alert(cases, "A1", "   ", "ana")
    with pytest.raises(InvalidDecisionError, match="control characters"):
        assign_alert(cases, "A1", "ben\x1b[31m", "ana")
    with pytest.raises(UnknownAlertError, match="no alert 'A99'"):
        comment_alert(cases, "A99", "hello", "ana")
    with pytest.raises(UnknownAlertError):
        approve_decision(cases, "A99", "ana")
    assert len(audit_entries(cases, limit=None)) == before
    assert get_case(cases, "A1").alert.assignee is None


def test_report_lists_parties_in_force_with_decisions_and_reviewers_in_the_range(cases: SqlStore) -> None:
    decide_alert(cases, "A1", "true_match", "same person", "ana")
    approve_decision(cases, "A1", "ben")
    decide_alert(cases, "A3", "true_match", "same person", "ana")  # waits
    today = datetime.now(UTC).date()
    january = blocked_report(cases, date(2026, 1, 1), date(2026, 1, 31), today=date(2026, 2, 1))
    assert [p.entity_id for p in january.parties] == [
        "ofac-1",
        "ofac-2",
        "ofac-3",
        "ofac-5",
    ]  # not the pending
    rows = {r["alert_id"]: r for r in january.rows()}
    assert set(rows) == {"A1", "A3", "A4", "A6"}  # A2 raised in February, A5 not in force
    assert (rows["A1"]["state"], rows["A1"]["decided_by"], rows["A1"]["approved_by"]) == (
        "decided",
        "ana",
        "ben",
    )
    assert (rows["A3"]["state"], rows["A3"]["proposed_decision"], rows["A3"]["proposed_by"]) == (
        "proposed",
        "true_match",
        "ana",
    )
    assert rows["A4"]["state"] == "open" and rows["A4"]["age_days"] == 31
    # decided today: A1 shows in a range around today although raised in January (A3 only waits)
    recent = blocked_report(cases, today, today)
    assert [r["alert_id"] for r in recent.rows()] == ["A1"]
    out = io.StringIO()
    assert january.write_csv(out) == 4
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(table[0]) == REPORT_COLUMNS
    names = {row[2]: row[6] for row in table[1:]}
    assert names["A6"] == '\'=HYPERLINK("http://x","y")'  # formula-safe
    with pytest.raises(ValueError, match="runs backwards"):
        blocked_report(cases, date(2026, 2, 1), date(2026, 1, 1))


def test_a_store_made_before_case_management_gains_its_columns(store: SqlStore) -> None:
    fill(store)
    for column in ("approved_by", "assignee", "assigned_at"):
        store.db.execute(f"ALTER TABLE wf_alerts DROP COLUMN {column}")
    location = store.db.location
    store.close()
    reopened = open_store(location)  # a newer watchfloor opening the older store migrates it
    try:
        decide_alert(reopened, "A1", "true_match", "same person", "ana")
        approve_decision(reopened, "A1", "ben")
        assert get_case(reopened, "A1").alert.approved_by == "ben"
    finally:
        reopened.close()


# --- identity ------------------------------------------------------------------------------------


def test_a_typed_reviewer_is_checked_never_taken(duck_store: SqlStore) -> None:
    assert acting_reviewer("ana", None) == "ana" and acting_reviewer("ana", " ana ") == "ana"
    with pytest.raises(IdentityError, match="not a name given by hand"):
        acting_reviewer("ana", "ben")
    _, ana_key = create_key(duck_store, "ana", "reviewer")
    _, reader_key = create_key(duck_store, "rita", "reader")
    assert cli_reviewer(duck_store, None) == getpass.getuser()
    assert cli_reviewer(duck_store, ana_key) == "ana"
    with pytest.raises(IdentityError, match="not valid"):
        cli_reviewer(duck_store, ana_key[:-2] + "xx")
    with pytest.raises(IdentityError, match="reviewer role"):
        cli_reviewer(duck_store, reader_key)
    with pytest.raises(IdentityError):
        cli_reviewer(duck_store, ana_key, "ben")


# --- the CLI as typed ----------------------------------------------------------------------------


@pytest.fixture
def cli_store(tmp_path: Path) -> str:
    location = str(tmp_path / "cases.duckdb")
    store = open_store(location)
    fill(store)
    store.close()
    return location


def _key(capsys: pytest.CaptureFixture[str], location: str, name: str, role: str = "reviewer") -> str:
    code, out, err = cli(capsys, location, "keys", "create", "--role", role, "--name", name, "--json")
    assert code == 0, err
    return str(json.loads(out)["key"])


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_cli_four_eyes_as_typed(capsys: pytest.CaptureFixture[str], cli_store: str, with_json: bool) -> None:
    ana, ben = _key(capsys, cli_store, "ana"), _key(capsys, cli_store, "ben")
    fmt = ["--json"] if with_json else []
    escalate = ["alerts", "decide", "A3", "--decision", "escalated", "--reason", "two birth dates"]
    code, out, err = cli(capsys, cli_store, *escalate, "--key", ana, *fmt)
    assert code == 0, err
    if with_json:
        assert json.loads(out)["outcome"] == "decided" and json.loads(out)["reviewer"] == "ana"
    else:
        assert out.strip() == "A3: escalated by ana"
    close = ["alerts", "decide", "A3", "--decision", "false_positive", "--no-whitelist", "--reason", "no"]
    code, out, err = cli(capsys, cli_store, *close, "--key", ana, *fmt)
    assert code == 1 and err == "error: ana escalated alert A3; a second, different reviewer must decide it"
    propose = ["alerts", "decide", "A3", "--decision", "true_match", "--reason", "same passport"]
    code, out, err = cli(capsys, cli_store, *propose, "--key", ana, *fmt)
    assert code == 0, err
    if with_json:
        data = json.loads(out)
        assert data["outcome"] == "proposed" and data["decision"] == "escalated"
        assert data["proposal"]["proposed_by"] == "ana" and data["proposal"]["proposal_id"] == "P1"
    else:
        flat = " ".join(out.split())
        assert flat.startswith("A3: true_match proposed by ana (P1); it closes the alert as a true match")
    code, out, err = cli(capsys, cli_store, "alerts", "approve", "A3", "--key", ana, *fmt)
    assert (
        code == 1
        and err == "error: ana proposed this decision (P1); a second, different reviewer must approve it"
    )
    code, out, err = cli(capsys, cli_store, "alerts", "approve", "A3", "--key", ben, "--note", "ok", *fmt)
    assert code == 0, err
    if with_json:
        data = json.loads(out)
        assert (data["outcome"], data["decision"], data["reviewer"], data["approved_by"]) == (
            "decided",
            "true_match",
            "ana",
            "ben",
        )
    else:
        assert out.strip() == "A3: true_match by ana, approved by ben"
    code, out, err = cli(capsys, cli_store, "audit", "verify", *fmt)
    assert code == 0, err
    assert json.loads(out)["ok"] if with_json else "audit log intact" in out
    rows = json.loads(cli(capsys, cli_store, "audit", "log", "--limit", "4", "--json")[1])
    assert [(r["actor"], r["action"]) for r in rows] == [
        ("ana", "alert_decided"),
        ("ana", "decision_proposed"),
        ("ben", "decision_approved"),
        ("ben", "alert_decided"),
    ]


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_cli_proposed_queue_and_rejection_as_typed(
    capsys: pytest.CaptureFixture[str], cli_store: str, with_json: bool
) -> None:
    me, ben = getpass.getuser(), _key(capsys, cli_store, "ben")
    fmt = ["--json"] if with_json else []
    whitelist = ["alerts", "decide", "A2", "--decision", "false_positive", "--reason", "namesake"]
    code, out, err = cli(capsys, cli_store, *whitelist, *fmt)
    assert code == 0, err
    if with_json:
        assert json.loads(out)["proposal"]["why"].startswith("it whitelists the pair")
    else:
        assert " ".join(out.split()).startswith(
            f"A2: false_positive proposed by {me} (P1); it whitelists the pair"
        )
    code, out, err = cli(capsys, cli_store, "alerts", "--status", "proposed", *fmt)
    assert code == 0, err
    if with_json:
        assert [a["alert_id"] for a in json.loads(out)] == ["A2"]
    else:
        assert "Alerts (proposed)" in out and "│ A2 " in out and "P1)" in out  # Rich wraps the cells
    reject = ["alerts", "reject", "A2", "--reason", "the birth year matches"]
    code, out, err = cli(capsys, cli_store, *reject, "--key", ben, *fmt)
    assert code == 0, err
    if with_json:
        data = json.loads(out)
        assert data["outcome"] == "rejected" and data["decision"] is None and data["proposal"] is None
        assert data["proposals"][0]["resolved_by"] == "ben"
    else:
        assert out.strip() == f"A2: false_positive proposed by {me} rejected by ben"
    code, out, err = cli(capsys, cli_store, *reject, "--key", ben, *fmt)
    assert code == 1 and err == "error: alert A2 has no decision waiting for a second reviewer"
    code, out, err = cli(capsys, cli_store, "alerts", "--status", "proposed", *fmt)
    assert code == 0 and (json.loads(out) == [] if with_json else out.strip() == "no proposed alerts")
    rows = json.loads(cli(capsys, cli_store, "audit", "log", "--action", "decision_rejected", "--json")[1])
    assert [(r["actor"], r["payload"]["proposed_by"]) for r in rows] == [("ben", me)]


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_cli_reviewer_is_the_os_user_and_a_typed_name_is_refused(
    capsys: pytest.CaptureFixture[str], cli_store: str, with_json: bool
) -> None:
    me = getpass.getuser()
    fmt = ["--json"] if with_json else []
    decide = ["alerts", "decide", "A1", "--decision", "escalated", "--reason", "check"]
    code, out, err = cli(capsys, cli_store, *decide, "--reviewer", f"{me}-not", *fmt)
    assert code == 1 and "not a name given by hand" in err and out == ""
    code, out, err = cli(capsys, cli_store, *decide, "--reviewer", me, *fmt)  # the same name: accepted
    assert code == 0, err
    assert json.loads(out)["reviewer"] == me if with_json else out.strip() == f"A1: escalated by {me}"
    code, out, err = cli(capsys, cli_store, *decide, "--key", "wf_000000000000_notakeyatallreally", *fmt)
    assert code == 1 and err == "error: the API key is not valid (unknown, mistyped or revoked)"
    code, out, err = cli(capsys, cli_store, "alerts", "approve", "A1", *fmt)
    assert code == 1 and err == "error: alert A1 has no decision waiting for a second reviewer"


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_cli_assign_comment_show_and_age(
    capsys: pytest.CaptureFixture[str], cli_store: str, with_json: bool
) -> None:
    me = getpass.getuser()
    fmt = ["--json"] if with_json else []
    code, out, err = cli(capsys, cli_store, "alerts", "assign", "A2", "--to", "ben", *fmt)
    assert code == 0, err
    assert json.loads(out)["assignee"] == "ben" if with_json else out.strip() == "A2: assigned to ben"
    code, out, err = cli(capsys, cli_store, "alerts", "comment", "A2", "--text", "asked for an ID copy", *fmt)
    assert code == 0, err
    if with_json:
        assert (json.loads(out)["author"], json.loads(out)["text"]) == (me, "asked for an ID copy")
    else:
        assert out.strip() == f"A2: comment 1 by {me}"
    code, out, err = cli(capsys, cli_store, "alerts", "comment", "A2", "--text", " ", *fmt)
    assert code == 1 and err == "error: a comment cannot be empty"
    age = (datetime.now(UTC).date() - date(2026, 2, 10)).days
    code, out, err = cli(capsys, cli_store, "alerts", "show", "A2", *fmt)
    assert code == 0, err
    if with_json:
        data = json.loads(out)
        assert data["age_days"] == age and data["assignee"] == "ben"
        assert [c["text"] for c in data["comments"]] == ["asked for an ID copy"]
    else:
        flat = " ".join(out.split())
        assert f"A2 (open, {age} days old)" in flat and "assigned to ben" in flat
        assert f"{me}: asked for an ID copy" in flat
    code, out, err = cli(capsys, cli_store, "alerts", "--status", "all", *fmt)
    assert code == 0, err
    if with_json:
        listed = {a["alert_id"]: a for a in json.loads(out)}
        assert listed["A2"]["age_days"] == age and listed["A2"]["assignee"] == "ben"
        assert listed["A1"]["age_days"] == (datetime.now(UTC).date() - RAISED.date()).days
    else:
        assert "age" in out and f"{age}d" in out and "ben" in out


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_cli_report_and_policy(
    capsys: pytest.CaptureFixture[str], cli_store: str, tmp_path: Path, with_json: bool
) -> None:
    fmt = ["--json"] if with_json else []
    out_file = tmp_path / "blocked.csv"
    report = ["alerts", "report", "--from", "2026-01-01", "--to", "2026-01-31"]
    code, out, err = cli(capsys, cli_store, *report, "--out", str(out_file), *fmt)
    assert code == 0, err
    if with_json:
        assert json.loads(out)["rows"] == 4 and json.loads(out)["out"] == str(out_file)
    else:
        assert " ".join(out.split()) == f"wrote 4 alerts on 4 blocked parties to {out_file}"
    table = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert [r["alert_id"] for r in table] == ["A1", "A3", "A4", "A6"]
    assert table[-1]["customer_name"].startswith("'=")
    code, out, err = cli(capsys, cli_store, *report, *fmt)
    assert code == 0, err
    if with_json:
        data = json.loads(out)
        assert data["from"] == "2026-01-01" and [p["entity_id"] for p in data["parties"]] == [
            "ofac-1",
            "ofac-2",
            "ofac-3",
            "ofac-5",
        ]
    else:
        assert "4 parties, 4 alerts" in " ".join(out.split()) and "Blocked parties" in out
    code, out, err = cli(capsys, cli_store, "alerts", "report", "--from", "2026-02-01", "--to", "2026-01-01")
    assert code == 1 and err == "error: the range runs backwards: from 2026-02-01 to 2026-01-01"
    code, out, err = cli(capsys, cli_store, "alerts", "policy", *fmt)
    assert code == 0 and (
        json.loads(out) == {"four_eyes": True} if with_json else out.strip() == "four eyes: on"
    )
    reviewer_key = _key(capsys, cli_store, "ben")
    code, out, err = cli(capsys, cli_store, "alerts", "policy", "--four-eyes", "off", "--key", reviewer_key)
    assert code == 1 and "admin role" in err
    code, out, err = cli(capsys, cli_store, "alerts", "policy", "--four-eyes", "off", *fmt)
    assert code == 0 and (
        json.loads(out) == {"four_eyes": False} if with_json else out.strip() == "four eyes: off"
    )
    code, out, err = cli(capsys, cli_store, "alerts", "policy", "--four-eyes", "maybe")
    assert code == 2 and "neither on nor off" in err


# --- the API with two keys -----------------------------------------------------------------------


def test_api_four_eyes_with_two_keys(tmp_path: Path) -> None:
    from watchfloor.web import create_server

    store = open_store(str(tmp_path / "api.duckdb"))
    fill(store)
    _, ana = create_key(store, "ana", "reviewer")
    _, ben = create_key(store, "ben", "reviewer")
    _, rita = create_key(store, "rita", "reader")
    _, ops = create_key(store, "ops", "admin")

    def auth(secret: str) -> dict[str, str]:
        return {"Authorization": f"ApiKey {secret}"}

    with TestClient(create_server(store=store, warm_on_start=False), base_url="http://127.0.0.1") as api:
        escalated = api.post(
            "/api/alerts/A3/decision", json={"decision": "escalated", "reason": "x"}, headers=auth(ana)
        )
        assert escalated.status_code == 200 and escalated.json()["reviewer"] == "ana"
        as_ben = api.post(
            "/api/alerts/A3/decision",
            json={"decision": "true_match", "reason": "same", "reviewer": "ben"},
            headers=auth(ana),
        )
        assert as_ben.status_code == 403 and "('ana')" in as_ben.json()["detail"]
        alone = api.post(
            "/api/alerts/A3/decision",
            json={"decision": "false_positive", "whitelist": False, "reason": "no"},
            headers=auth(ana),
        )
        assert alone.status_code == 403 and "ana escalated alert A3" in alone.json()["detail"]
        proposed = api.post(
            "/api/alerts/A3/decision", json={"decision": "true_match", "reason": "same"}, headers=auth(ana)
        )
        assert proposed.status_code == 200 and proposed.json()["outcome"] == "proposed"
        again = api.post(
            "/api/alerts/A3/decision", json={"decision": "escalated", "reason": "y"}, headers=auth(ben)
        )
        assert again.status_code == 409
        assert api.post("/api/alerts/A3/approve", headers=auth(rita)).status_code == 403  # a reader
        own = api.post("/api/alerts/A3/approve", json={"note": "fine"}, headers=auth(ana))
        assert own.status_code == 403 and "second, different reviewer" in own.json()["detail"]
        waiting = api.get("/api/alerts", params={"status": "proposed"}, headers=auth(rita)).json()
        assert [a["alert_id"] for a in waiting["alerts"]] == ["A3"]
        approved = api.post("/api/alerts/A3/approve", json={"note": "passport seen"}, headers=auth(ben))
        assert approved.status_code == 200, approved.text
        assert (approved.json()["decision"], approved.json()["approved_by"]) == ("true_match", "ben")
        assert api.post("/api/alerts/A3/approve", headers=auth(ben)).status_code == 409
        assert api.post("/api/alerts/A99/approve", headers=auth(ben)).status_code == 404

        assigned = api.post("/api/alerts/A2/assign", json={"to": "ben"}, headers=auth(ana))
        assert assigned.status_code == 200 and assigned.json()["assignee"] == "ben"
        commented = api.post("/api/alerts/A2/comments", json={"text": "called"}, headers=auth(ben))
        assert commented.status_code == 200 and commented.json()["author"] == "ben"
        assert api.post("/api/alerts/A2/comments", json={"text": "x"}, headers=auth(rita)).status_code == 403
        case = api.get("/api/alerts/A2", headers=auth(rita)).json()
        assert case["assignee"] == "ben" and case["comments"][0]["text"] == "called" and case["age_days"] >= 0

        report = api.get(
            "/api/alerts/report", params={"from": "2026-01-01", "to": "2026-01-31"}, headers=auth(rita)
        )
        assert report.status_code == 200 and report.json()["alerts"] == 4
        as_csv = api.get(
            "/api/alerts/report",
            params={"from": "2026-01-01", "to": "2026-01-31", "format": "csv"},
            headers=auth(rita),
        )
        assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
        assert "blocked-parties-2026-01-01-2026-01-31.csv" in as_csv.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(as_csv.text)))
        a3 = next(r for r in rows if r["alert_id"] == "A3")
        assert (a3["decided_by"], a3["approved_by"], a3["state"]) == ("ana", "ben", "decided")
        backwards = api.get(
            "/api/alerts/report", params={"from": "2026-02-01", "to": "2026-01-01"}, headers=auth(rita)
        )
        assert backwards.status_code == 422

        assert api.get("/api/review/policy", headers=auth(rita)).json() == {"four_eyes": True}
        assert api.put("/api/review/policy", json={"four_eyes": False}, headers=auth(ben)).status_code == 403
        changed = api.put("/api/review/policy", json={"four_eyes": False}, headers=auth(ops))
        assert changed.status_code == 200 and changed.json() == {"four_eyes": False}

        assert api.get("/api/audit/verify", headers=auth(rita)).json()["ok"] is True
        entries = api.get("/api/audit", params={"limit": 1000}, headers=auth(rita)).json()["entries"]
    steps = [(e["actor"], e["action"]) for e in entries if e["action"] != "api_key_created"]
    assert steps == [
        ("ana", "alert_decided"),
        ("ana", "decision_proposed"),
        ("ben", "decision_approved"),
        ("ben", "alert_decided"),
        ("ana", "alert_assigned"),
        ("ben", "alert_commented"),
        ("ops", "review_policy_changed"),
    ]
    store.close()
