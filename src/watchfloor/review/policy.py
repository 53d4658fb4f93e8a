"""The four-eyes rule: which decisions one reviewer may take alone, and the switch that turns the
rule off for a team of one.

Closing an alert as a true match, whitelisting a false positive (which silences the pair in every
later screening) and changing a decision already taken are the steps that are costly to get
wrong; each takes effect only once a second, different reviewer approves it. The setting lives
in the store, not in one process's environment, so the CLI, the API and the console obey the same
rule, and changing it is audited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from watchfloor.store.alerts import Alert
from watchfloor.store.audit import AuditLog
from watchfloor.store.cases import CaseStore
from watchfloor.store.db import database_of

FOUR_EYES = "four_eyes"
FINAL_DECISIONS = ("true_match", "false_positive")  # escalated keeps the alert open


@dataclass(frozen=True)
class ReviewPolicy:
    four_eyes: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_policy(store: Any) -> ReviewPolicy:
    """The policy in force; four eyes unless someone turned it off."""
    return ReviewPolicy(four_eyes=CaseStore(database_of(store)).setting(FOUR_EYES) != "off")


def set_four_eyes(store: Any, on: bool, actor: str) -> ReviewPolicy:
    """Turn the four-eyes rule on or off; the change and who made it go to the audit log."""
    db = database_of(store)
    cases = CaseStore(db)
    with db.transaction():
        previous = cases.setting(FOUR_EYES) != "off"
        cases.set_setting(FOUR_EYES, "on" if on else "off")
        AuditLog(db).record(actor, "review_policy_changed", {"four_eyes": on, "previous": previous})
    return ReviewPolicy(four_eyes=on)


def second_reviewer_needed(alert: Alert, decision: str, whitelist: bool) -> str | None:
    """Why this decision on this alert needs a second reviewer, in words; None when it does not."""
    if alert.decision in FINAL_DECISIONS:
        return f"it changes the decision already taken ({alert.decision} by {alert.reviewer})"
    if decision == "true_match":
        return "it closes the alert as a true match"
    if decision == "false_positive" and whitelist:
        return "it whitelists the pair (no alert again until the customer or the list entry changes)"
    return None
