"""Analysts' decisions on alerts, under the four-eyes rule; every step is audited.

A decision that one reviewer may take alone takes effect at once. One that needs a second
reviewer (``policy.second_reviewer_needed``) is stored as a proposal; it takes effect when a
different reviewer approves it, and a rejection closes it with nothing changed. A false positive
that whitelists joins the whitelist only when it takes effect.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from watchfloor.review.cases import Case, get_case, now_utc
from watchfloor.review.errors import (
    FourEyesError,
    InvalidDecisionError,
    ReviewConflictError,
    UnknownAlertError,
)
from watchfloor.review.policy import load_policy, second_reviewer_needed
from watchfloor.store.alerts import Alert, AlertStore
from watchfloor.store.audit import AuditLog
from watchfloor.store.cases import APPROVED, REJECTED, CaseStore, Proposal
from watchfloor.store.db import database_of

DECISIONS = ("true_match", "false_positive", "escalated")


def outcome(case: Case) -> str:
    """What a decision step did: ``proposed`` (it waits for a second reviewer) or ``decided``."""
    return "proposed" if case.pending is not None else "decided"


def _required(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidDecisionError(f"a decision needs {what}")
    return text


def _alert(alerts: AlertStore, alert_id: str) -> Alert:
    alert = alerts.get_alert(alert_id)
    if alert is None:
        raise UnknownAlertError(f"no alert {alert_id!r}")
    return alert


def check_decision(decision: str, reason: str) -> str:
    """The reason, trimmed; InvalidDecisionError when the decision is unknown or the reason
    missing (the command line checks this before it asks a running server)."""
    if decision not in DECISIONS:
        raise InvalidDecisionError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    return _required(reason, "a reason")


def decide_alert(
    store: Any, alert_id: str, decision: str, reason: str, reviewer: str, *, whitelist: bool = True
) -> Case:
    """Decide an alert, or propose the decision when it needs a second reviewer (``Case.pending``
    then holds the proposal). ``whitelist``: a false positive also silences the pair until its
    data change. A later decision supersedes an earlier one; the audit log keeps both."""
    reason, reviewer = check_decision(decision, reason), _required(reviewer, "a reviewer")
    whitelist = whitelist and decision == "false_positive"
    db = database_of(store)
    alerts, cases, log = AlertStore(db), CaseStore(db), AuditLog(db)
    four_eyes = load_policy(store).four_eyes
    now = now_utc()
    with db.transaction():
        alert = _alert(alerts, alert_id)
        waiting = cases.pending(alert_id)
        if waiting is not None:
            raise ReviewConflictError(
                f"alert {alert_id} has a decision waiting for a second reviewer ({waiting.proposal_id}: "
                f"{waiting.decision} by {waiting.proposed_by}); approve or reject it first"
            )
        why = second_reviewer_needed(alert, decision, whitelist) if four_eyes else None
        if why is not None:
            proposal = cases.add_proposal(
                Proposal("", alert_id, decision, whitelist, reason, why, reviewer, now)
            )
            log.record(
                reviewer,
                "decision_proposed",
                {
                    **_pair(alert),
                    "proposal_id": proposal.proposal_id,
                    "decision": decision,
                    "whitelist": whitelist,
                    "reason": reason,
                    "why": why,
                    "previous_decision": alert.decision,
                },
            )
        else:
            if four_eyes and alert.decision == "escalated" and alert.reviewer == reviewer:
                raise FourEyesError(
                    f"{reviewer} escalated alert {alert_id}; a second, different reviewer must decide it"
                )
            _apply(alerts, log, alert, decision, reason, whitelist, reviewer, now)
    return get_case(store, alert_id)


def approve_decision(store: Any, alert_id: str, reviewer: str, note: str | None = None) -> Case:
    """Approve the decision waiting on the alert; it then takes effect. The reviewer who proposed
    it cannot approve it."""
    reviewer = _required(reviewer, "a reviewer")
    db = database_of(store)
    alerts, cases, log = AlertStore(db), CaseStore(db), AuditLog(db)
    now = now_utc()
    with db.transaction():
        alert = _alert(alerts, alert_id)
        proposal = _waiting(cases, alert_id)
        if proposal.proposed_by == reviewer:
            raise FourEyesError(
                f"{reviewer} proposed this decision ({proposal.proposal_id}); a second, different "
                "reviewer must approve it"
            )
        note = (note or "").strip() or None
        cases.resolve(proposal.proposal_id, APPROVED, reviewer, now, note)
        log.record(
            reviewer,
            "decision_approved",
            {
                **_pair(alert),
                "proposal_id": proposal.proposal_id,
                "decision": proposal.decision,
                "proposed_by": proposal.proposed_by,
                "note": note,
            },
        )
        _apply(
            alerts,
            log,
            alert,
            proposal.decision,
            proposal.reason,
            proposal.whitelist,
            proposal.proposed_by,
            now,
            approved_by=reviewer,
            proposal_id=proposal.proposal_id,
        )
    return get_case(store, alert_id)


def reject_decision(store: Any, alert_id: str, reviewer: str, reason: str) -> Case:
    """Reject the decision waiting on the alert; nothing about the alert changes. Its proposer may
    reject it too (withdraw it)."""
    reviewer, reason = _required(reviewer, "a reviewer"), _required(reason, "a reason")
    db = database_of(store)
    alerts, cases, log = AlertStore(db), CaseStore(db), AuditLog(db)
    with db.transaction():
        alert = _alert(alerts, alert_id)
        proposal = _waiting(cases, alert_id)
        cases.resolve(proposal.proposal_id, REJECTED, reviewer, now_utc(), reason)
        log.record(
            reviewer,
            "decision_rejected",
            {
                **_pair(alert),
                "proposal_id": proposal.proposal_id,
                "decision": proposal.decision,
                "proposed_by": proposal.proposed_by,
                "reason": reason,
                "withdrawn": proposal.proposed_by == reviewer,
            },
        )
    return get_case(store, alert_id)


def _waiting(cases: CaseStore, alert_id: str) -> Proposal:
    proposal = cases.pending(alert_id)
    if proposal is None:
        raise ReviewConflictError(f"alert {alert_id} has no decision waiting for a second reviewer")
    return proposal


def _pair(alert: Alert) -> dict[str, Any]:
    """What identifies the decided pair in the audit log, as the alert saw it."""
    return {
        "alert_id": alert.alert_id,
        "customer_id": alert.customer_id,
        "entity_id": alert.entity_id,
        "record_hash": alert.record_hash,
        "entity_hash": alert.entity_hash,
    }


def _apply(
    alerts: AlertStore,
    log: AuditLog,
    alert: Alert,
    decision: str,
    reason: str,
    whitelist: bool,
    reviewer: str,
    now: datetime,
    approved_by: str | None = None,
    proposal_id: str | None = None,
) -> None:
    """The decision takes effect: the alert, the whitelist and an ``alert_decided`` row, in the
    caller's transaction."""
    alerts.set_decision(alert.alert_id, decision, reason, reviewer, now, approved_by)
    if whitelist:
        alerts.add_to_whitelist(alert, reviewer, reason, now)
    else:
        alerts.remove_from_whitelist(alert)
    run = alerts.get_run(alert.run_id)
    log.record(
        approved_by or reviewer,
        "alert_decided",
        {
            **_pair(alert),
            "decision": decision,
            "previous_decision": alert.decision,
            "reason": reason,
            "whitelist": whitelist,
            "decided_by": reviewer,
            "approved_by": approved_by,
            "proposal_id": proposal_id,
            "run_id": alert.run_id,
            "version_ids": run.version_ids if run else [],
        },
    )
