"""Analysts' decisions on alerts; each one is audited, and a false positive joins the whitelist."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from watchfloor.store.alerts import Alert, AlertStore
from watchfloor.store.audit import AuditLog
from watchfloor.store.db import database_of

DECISIONS = ("true_match", "false_positive", "escalated")
STATUS_FILTERS = ("open", "decided", "all")


class ReviewError(ValueError):
    """A review request that cannot be carried out; the message says why."""


class UnknownAlertError(ReviewError):
    """No alert has the given ID."""


class InvalidDecisionError(ReviewError):
    """The decision, reason or reviewer given is not acceptable."""


def _alerts(store: Any) -> AlertStore:
    return AlertStore(database_of(store))


def list_alerts(store: Any, status: str | None = None, limit: int | None = None) -> list[Alert]:
    """Alerts, newest first. ``open``: awaiting a final decision (none yet, or escalated);
    ``decided``: true_match or false_positive; ``all``/None: every alert."""
    decided = {"open": False, "decided": True, "all": None}[check_status(status)]
    return _alerts(store).list_alerts(decided=decided, limit=limit)


def check_status(status: str | None) -> str:
    """The status filter, or a ReviewError saying which ones there are."""
    status = status or "all"
    if status not in STATUS_FILTERS:
        raise ReviewError(f"status must be one of {', '.join(STATUS_FILTERS)}, not {status!r}")
    return status


def get_alert(store: Any, alert_id: str) -> Alert:
    alert = _alerts(store).get_alert(alert_id)
    if alert is None:
        raise UnknownAlertError(f"no alert {alert_id!r}")
    return alert


def check_decision(decision: str, reason: str, reviewer: str) -> tuple[str, str]:
    """The reason and reviewer, trimmed; InvalidDecisionError when the decision is unknown or
    either is missing."""
    if decision not in DECISIONS:
        raise InvalidDecisionError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    reason, reviewer = (reason or "").strip(), (reviewer or "").strip()
    if not reason:
        raise InvalidDecisionError("a decision needs a reason")
    if not reviewer:
        raise InvalidDecisionError("a decision needs a reviewer")
    return reason, reviewer


def decide_alert(store: Any, alert_id: str, decision: str, reason: str, reviewer: str) -> Alert:
    """Record a decision (a later one supersedes an earlier one; the audit log keeps both)."""
    reason, reviewer = check_decision(decision, reason, reviewer)
    alerts = _alerts(store)
    log = AuditLog(alerts.db)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    with alerts.db.transaction():
        alert = alerts.get_alert(alert_id)
        if alert is None:
            raise UnknownAlertError(f"no alert {alert_id!r}")
        previous = alert.decision
        alerts.set_decision(alert_id, decision, reason, reviewer, now)
        if decision == "false_positive":
            alerts.add_to_whitelist(alert, reviewer, reason, now)
        elif previous == "false_positive":
            alerts.remove_from_whitelist(alert)
        run = alerts.get_run(alert.run_id)
        log.record(
            reviewer,
            "alert_decided",
            {
                "alert_id": alert_id,
                "decision": decision,
                "previous_decision": previous,
                "reason": reason,
                "customer_id": alert.customer_id,
                "entity_id": alert.entity_id,
                "record_hash": alert.record_hash,
                "entity_hash": alert.entity_hash,
                "run_id": alert.run_id,
                "version_ids": run.version_ids if run else [],
            },
        )
    return get_alert(store, alert_id)
