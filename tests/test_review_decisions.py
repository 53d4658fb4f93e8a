"""Decisions on alerts: audited, validated, and a false positive joins the whitelist by data hashes
once a second reviewer approves it (the four-eyes rule itself: tests/test_review_four_eyes.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from watchfloor.review import (
    InvalidDecisionError,
    UnknownAlertError,
    Whitelist,
    approve_decision,
    audit_entries,
    decide_alert,
    list_alerts,
    verify_audit,
)
from watchfloor.screen.rescreen import alert_kind
from watchfloor.store import SqlStore
from watchfloor.store.alerts import Alert, AlertStore, PairState


def make_alert(seq: int, customer: str = "c1", entity: str = "ofac-1") -> Alert:
    return Alert(
        alert_id=f"A{seq}",
        seq=seq,
        run_id="R1",
        customer_id=customer,
        customer_name=f"Customer {customer}",
        record_hash=f"rec-{customer}",
        entity_id=entity,
        caption=f"Entity {entity}",
        entity_hash=f"ent-{entity}",
        score=0.91,
        status="effective",
        kind="new_match",
        days_left=None,
        effective_date=None,
        created_at=datetime(2026, 1, 1, 12, 0),
        explanation=["names agree"],
    )


@pytest.fixture
def alerts(store: SqlStore) -> AlertStore:
    table = AlertStore(store.db)
    with store.db.transaction():
        table.insert_alerts([make_alert(1), make_alert(2, "c2"), make_alert(3, "c3", "ofac-2")])
    return table


def test_false_positive_is_whitelisted_by_record_and_entity_hash(store: SqlStore, alerts: AlertStore) -> None:
    proposed = decide_alert(store, "A2", "false_positive", "different birth date", "ana")
    assert proposed.alert.decision is None and proposed.pending is not None
    assert len(Whitelist.load(store)) == 0  # nothing silenced before the second reviewer
    decided = approve_decision(store, "A2", "ben").alert
    assert (decided.decision, decided.reviewer, decided.approved_by, decided.reason) == (
        "false_positive",
        "ana",
        "ben",
        "different birth date",
    )
    assert decided.decided_at is not None
    whitelist = Whitelist.load(store)
    assert whitelist.suppresses("rec-c2", "ent-ofac-1")
    assert not whitelist.suppresses("rec-c2-changed", "ent-ofac-1")
    assert not whitelist.suppresses("rec-c2", "ent-ofac-1-changed")


def test_a_false_positive_without_whitelist_needs_one_reviewer_and_silences_nothing(
    store: SqlStore, alerts: AlertStore
) -> None:
    case = decide_alert(store, "A2", "false_positive", "a namesake", "ana", whitelist=False)
    assert case.pending is None and case.alert.decision == "false_positive" and case.alert.approved_by is None
    assert not case.whitelisted and len(Whitelist.load(store)) == 0


def test_every_decision_is_audited(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A1", "escalated", "needs a second look", "ana")
    decide_alert(store, "A1", "true_match", "same person", "ben")
    approve_decision(store, "A1", "cara")
    rows = audit_entries(store, limit=None)
    assert [(r.actor, r.action) for r in rows] == [
        ("ana", "alert_decided"),
        ("ben", "decision_proposed"),
        ("cara", "decision_approved"),
        ("cara", "alert_decided"),
    ]
    decided = [r.payload for r in rows if r.action == "alert_decided"]
    assert [(p["decision"], p["previous_decision"], p["decided_by"], p["approved_by"]) for p in decided] == [
        ("escalated", None, "ana", None),
        ("true_match", "escalated", "ben", "cara"),
    ]
    assert verify_audit(store).ok


def test_reversing_a_false_positive_lifts_the_whitelist(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A3", "false_positive", "not them", "ana")
    approve_decision(store, "A3", "ben")
    assert len(Whitelist.load(store)) == 1
    reversal = decide_alert(store, "A3", "true_match", "on reflection it is", "ben")
    assert reversal.pending is not None and "changes the decision already taken" in reversal.pending.why
    assert len(Whitelist.load(store)) == 1  # still in force until approved
    approve_decision(store, "A3", "ana")
    assert len(Whitelist.load(store)) == 0


def test_open_proposed_and_decided_filters(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A1", "true_match", "same person", "ana")
    assert [a.alert_id for a in list_alerts(store, "proposed")] == ["A1"]
    assert [a.alert_id for a in list_alerts(store, "open")] == ["A3", "A2", "A1"]  # not in effect yet
    approve_decision(store, "A1", "ben")
    decide_alert(store, "A2", "escalated", "unsure", "ana")
    assert list_alerts(store, "proposed") == []
    assert [a.alert_id for a in list_alerts(store, "open")] == ["A3", "A2"]
    assert [a.alert_id for a in list_alerts(store, "decided")] == ["A1"]
    assert [a.alert_id for a in list_alerts(store)] == ["A3", "A2", "A1"]
    assert [a.alert_id for a in list_alerts(store, "all", limit=1)] == ["A3"]
    data = list_alerts(store, "decided")[0].to_dict()
    for key in (
        "alert_id",
        "customer_id",
        "customer_name",
        "entity_id",
        "caption",
        "score",
        "status",
        "kind",
        "approved_by",
        "assignee",
    ):
        assert key in data
    assert data["explanation"] == ["names agree"] and data["decision"] == "true_match"
    assert data["approved_by"] == "ben"


def test_unknown_alert_and_bad_decision_are_clear_value_errors(store: SqlStore, alerts: AlertStore) -> None:
    with pytest.raises(UnknownAlertError, match="no alert 'A99'"):
        decide_alert(store, "A99", "true_match", "x", "ana")
    with pytest.raises(InvalidDecisionError, match="true_match, false_positive, escalated"):
        decide_alert(store, "A1", "maybe", "x", "ana")
    with pytest.raises(ValueError, match="reason"):
        decide_alert(store, "A1", "true_match", "  ", "ana")
    with pytest.raises(ValueError, match="reviewer"):
        decide_alert(store, "A1", "true_match", "same", "")
    with pytest.raises(ValueError, match="status must be"):
        list_alerts(store, "closed")
    assert audit_entries(store) == []


def state(record: str = "r", entity: str = "e", status: str = "effective") -> PairState:
    return PairState("c1", "ofac-1", record, entity, status, "A1", "R1")


def test_delta_rule_alerts_only_on_what_moved() -> None:
    assert alert_kind(None, "r", "e", "effective") == "new_match"
    assert alert_kind(None, "r", "e", "pending") == "pending"
    assert alert_kind(state(), "r", "e", "effective") is None
    assert alert_kind(state(), "r2", "e", "effective") == "changed_customer"
    assert alert_kind(state(), "r", "e2", "effective") == "changed_entity"
    assert alert_kind(state(status="pending"), "r", "e", "pending") is None
    assert alert_kind(state(status="pending"), "r", "e", "effective") == "designation_effective"
