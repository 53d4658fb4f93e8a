"""Review: decisions on alerts, the false-positive whitelist, and the tamper-evident audit log."""

from watchfloor.review.audit import append_audit, audit_entries, verify_audit
from watchfloor.review.decisions import (
    DECISIONS,
    InvalidDecisionError,
    ReviewError,
    UnknownAlertError,
    check_decision,
    check_status,
    decide_alert,
    get_alert,
    list_alerts,
)
from watchfloor.review.whitelist import Whitelist

__all__ = [
    "DECISIONS",
    "InvalidDecisionError",
    "ReviewError",
    "UnknownAlertError",
    "Whitelist",
    "append_audit",
    "audit_entries",
    "check_decision",
    "check_status",
    "decide_alert",
    "get_alert",
    "list_alerts",
    "verify_audit",
]
