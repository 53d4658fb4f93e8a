"""Alerts as cases: what a reviewer sees of one (its age, assignee, comments, the decision waiting
for a second reviewer) and the steps that are not decisions (assign, comment), each audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from watchfloor.review.errors import InvalidDecisionError, ReviewError, UnknownAlertError
from watchfloor.store.alerts import Alert, AlertStore
from watchfloor.store.audit import AuditLog
from watchfloor.store.cases import PENDING, CaseStore, Comment, Proposal
from watchfloor.store.db import database_of

STATUS_FILTERS = ("open", "proposed", "decided", "all")
MAX_NAME = 200
MAX_TEXT = 4000


def now_utc() -> datetime:
    """The time every review step is stamped with: UTC, to the second, as the alerts are."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


@dataclass
class Case:
    """One alert with everything around it; ``today`` fixes the age it is shown with."""

    alert: Alert
    today: date
    proposals: list[Proposal] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    whitelisted: bool = False

    @property
    def pending(self) -> Proposal | None:
        """The decision that waits for a second reviewer, if any."""
        waiting = [p for p in self.proposals if p.state == PENDING]
        return waiting[-1] if waiting else None

    @property
    def age_days(self) -> int:
        """Days since the alert was raised."""
        return max(0, (self.today - self.alert.created_at.date()).days)

    def to_dict(self) -> dict[str, Any]:
        pending = self.pending
        return {
            **self.alert.to_dict(),
            "age_days": self.age_days,
            "whitelisted": self.whitelisted,
            "proposal": pending.to_dict() if pending else None,
            "proposals": [p.to_dict() for p in self.proposals],
            "comments": [c.to_dict() for c in self.comments],
        }


def list_alerts(store: Any, status: str | None = None, limit: int | None = None) -> list[Alert]:
    """Alerts, newest first. ``open``: awaiting a final decision (none yet, or escalated);
    ``proposed``: a decision waits for a second reviewer; ``decided``: true_match or
    false_positive; ``all``/None: every alert."""
    status = check_status(status)
    db = database_of(store)
    alerts = AlertStore(db)
    if status == "proposed":
        return CaseStore(db).alerts_with_pending(limit)
    decided = {"open": False, "decided": True, "all": None}[status]
    return alerts.list_alerts(decided=decided, limit=limit)


def check_status(status: str | None) -> str:
    """The status filter (``all`` when none), or a ReviewError saying which ones there are: the
    command line checks it before it asks a running server."""
    status = status or "all"
    if status not in STATUS_FILTERS:
        raise ReviewError(f"status must be one of {', '.join(STATUS_FILTERS)}, not {status!r}")
    return status


def get_alert(store: Any, alert_id: str) -> Alert:
    alert = AlertStore(database_of(store)).get_alert(alert_id)
    if alert is None:
        raise UnknownAlertError(f"no alert {alert_id!r}")
    return alert


def cases_of(store: Any, alerts: list[Alert], today: date | None = None) -> list[Case]:
    """The cases of these alerts. Proposals and comments are written by people, one at a time,
    so both tables are read whole rather than queried per alert."""
    db = database_of(store)
    cases = CaseStore(db)
    today = today or now_utc().date()
    proposals: dict[str, list[Proposal]] = {}
    for proposal in cases.proposals():
        proposals.setdefault(proposal.alert_id, []).append(proposal)
    comments: dict[str, list[Comment]] = {}
    for comment in cases.comments():
        comments.setdefault(comment.alert_id, []).append(comment)
    whitelisted = AlertStore(db).whitelisted_alert_ids()
    return [
        Case(
            alert=alert,
            today=today,
            proposals=proposals.get(alert.alert_id, []),
            comments=comments.get(alert.alert_id, []),
            whitelisted=alert.alert_id in whitelisted,
        )
        for alert in alerts
    ]


def list_cases(
    store: Any, status: str | None = None, limit: int | None = None, today: date | None = None
) -> list[Case]:
    """``list_alerts`` with each alert's case around it."""
    return cases_of(store, list_alerts(store, status, limit), today)


def get_case(store: Any, alert_id: str, today: date | None = None) -> Case:
    return cases_of(store, [get_alert(store, alert_id)], today)[0]


def _text(value: str | None, what: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidDecisionError(f"{what} cannot be empty")
    if len(text) > limit:
        raise InvalidDecisionError(f"{what} is longer than {limit} characters")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise InvalidDecisionError(f"{what} holds control characters")
    return text


def assign_alert(store: Any, alert_id: str, assignee: str, actor: str) -> Case:
    """Give the alert to a reviewer (a key's name or a login); the previous one is in the log."""
    assignee = _text(assignee, "the assignee", MAX_NAME)
    actor = _text(actor, "the reviewer", MAX_NAME)
    db = database_of(store)
    alerts = AlertStore(db)
    with db.transaction():
        alert = alerts.get_alert(alert_id)
        if alert is None:
            raise UnknownAlertError(f"no alert {alert_id!r}")
        alerts.set_assignee(alert_id, assignee, now_utc())
        AuditLog(db).record(
            actor, "alert_assigned", {"alert_id": alert_id, "assignee": assignee, "previous": alert.assignee}
        )
    return get_case(store, alert_id)


def comment_alert(store: Any, alert_id: str, text: str, author: str) -> Comment:
    """Add a comment to the alert's case; its text is kept in the audit log too."""
    text = _text(text, "a comment", MAX_TEXT)
    author = _text(author, "the reviewer", MAX_NAME)
    db = database_of(store)
    with db.transaction():
        if AlertStore(db).get_alert(alert_id) is None:
            raise UnknownAlertError(f"no alert {alert_id!r}")
        comment = CaseStore(db).add_comment(alert_id, author, text, now_utc())
        AuditLog(db).record(
            author, "alert_commented", {"alert_id": alert_id, "comment": comment.seq, "text": text}
        )
    return comment
