"""Review: decisions on alerts under the four-eyes rule, cases (assignment, comments, age), the
false-positive whitelist, the blocked-parties report and the tamper-evident audit log."""

from watchfloor.review.audit import append_audit, audit_entries, verify_audit
from watchfloor.review.cases import (
    STATUS_FILTERS,
    Case,
    assign_alert,
    check_status,
    comment_alert,
    get_alert,
    get_case,
    list_alerts,
    list_cases,
)
from watchfloor.review.decisions import (
    DECISIONS,
    approve_decision,
    check_decision,
    decide_alert,
    reject_decision,
)
from watchfloor.review.errors import (
    FourEyesError,
    IdentityError,
    InvalidDecisionError,
    ReviewConflictError,
    ReviewError,
    UnknownAlertError,
)
from watchfloor.review.policy import ReviewPolicy, load_policy, set_four_eyes
from watchfloor.review.whitelist import Whitelist

__all__ = [
    "DECISIONS",
    "STATUS_FILTERS",
    "Case",
    "FourEyesError",
    "IdentityError",
    "InvalidDecisionError",
    "ReviewConflictError",
    "ReviewError",
    "ReviewPolicy",
    "UnknownAlertError",
    "Whitelist",
    "append_audit",
    "approve_decision",
    "assign_alert",
    "audit_entries",
    "check_decision",
    "check_status",
    "comment_alert",
    "decide_alert",
    "get_alert",
    "get_case",
    "list_alerts",
    "list_cases",
    "load_policy",
    "reject_decision",
    "set_four_eyes",
    "verify_audit",
]
