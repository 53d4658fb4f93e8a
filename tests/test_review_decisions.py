"""Decisions on alerts: audited, validated, and a false positive joins the whitelist by data hashes."""

from __future__ import annotations

from datetime import datetime

import pytest

from watchfloor.review import (
    InvalidDecisionError,
    UnknownAlertError,
    Whitelist,
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
    decided = decide_alert(store, "A2", "false_positive", "different birth date", "ana")
    assert (decided.decision, decided.reviewer, decided.reason) == (
        "false_positive",
        "ana",
        "different birth date",
    )
    assert decided.decided_at is not None
    whitelist = Whitelist.load(store)
    assert whitelist.suppresses("rec-c2", "ent-ofac-1")
    assert not whitelist.suppresses("rec-c2-changed", "ent-ofac-1")
    assert not whitelist.suppresses("rec-c2", "ent-ofac-1-changed")


def test_every_decision_is_audited(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A1", "escalated", "needs a second look", "ana")
    decide_alert(store, "A1", "true_match", "same person", "ben")
    rows = audit_entries(store, action="alert_decided")
    assert [(r.actor, r.payload["decision"], r.payload["previous_decision"]) for r in rows] == [
        ("ana", "escalated", None),
        ("ben", "true_match", "escalated"),
    ]
    assert verify_audit(store).ok


def test_reversing_a_false_positive_lifts_the_whitelist(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A3", "false_positive", "not them", "ana")
    assert len(Whitelist.load(store)) == 1
    decide_alert(store, "A3", "true_match", "on reflection it is", "ben")
    assert len(Whitelist.load(store)) == 0


def test_open_and_decided_filters(store: SqlStore, alerts: AlertStore) -> None:
    decide_alert(store, "A1", "true_match", "same person", "ana")
    decide_alert(store, "A2", "escalated", "unsure", "ana")
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
    ):
        assert key in data
    assert data["explanation"] == ["names agree"] and data["decision"] == "true_match"


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
