"""The blocked-parties report: each designated party in force that the book hit, with its alerts
raised or decided in a date range, who decided them and who approved.

It answers the question a compliance officer or an examiner asks for a period ("which of our
customers matched a party in force, and what did we do about it?"), one row per alert, so the
same rows serve the CSV, the JSON and the console page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import IO, Any

from watchfloor.review.cases import Case, cases_of
from watchfloor.review.errors import ReviewError
from watchfloor.review.policy import FINAL_DECISIONS
from watchfloor.screen.tabular import FormulaSafeWriter
from watchfloor.store.alerts import AlertStore
from watchfloor.store.db import database_of

DEFAULT_DAYS = 30  # without a start, the range reaches this far back from its end
IN_FORCE = "effective"  # the designation status an alert carries when the party was blocked then
REPORT_COLUMNS = (
    "entity_id",
    "caption",
    "alert_id",
    "raised_at",
    "age_days",
    "customer_id",
    "customer_name",
    "score",
    "kind",
    "state",
    "decision",
    "reason",
    "decided_by",
    "approved_by",
    "decided_at",
    "whitelisted",
    "proposed_decision",
    "proposed_by",
    "assignee",
    "comments",
)


def case_state(case: Case) -> str:
    """Where the case stands: open, escalated, proposed (waiting for a second reviewer), decided."""
    if case.pending is not None:
        return "proposed"
    if case.alert.decision in FINAL_DECISIONS:
        return "decided"
    return case.alert.decision or "open"


def report_row(case: Case) -> dict[str, Any]:
    alert, pending = case.alert, case.pending
    data = case.to_dict()
    return {
        "entity_id": alert.entity_id,
        "caption": alert.caption,
        "alert_id": alert.alert_id,
        "raised_at": data["created_at"],
        "age_days": case.age_days,
        "customer_id": alert.customer_id,
        "customer_name": alert.customer_name,
        "score": data["score"],
        "kind": alert.kind,
        "state": case_state(case),
        "decision": alert.decision,
        "reason": alert.reason,
        "decided_by": alert.reviewer,
        "approved_by": alert.approved_by,
        "decided_at": data["decided_at"],
        "whitelisted": case.whitelisted,
        "proposed_decision": pending.decision if pending else None,
        "proposed_by": pending.proposed_by if pending else None,
        "assignee": alert.assignee,
        "comments": len(case.comments),
    }


@dataclass
class BlockedParty:
    entity_id: str
    caption: str
    cases: list[Case]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "alerts": [report_row(case) for case in self.cases],
        }


@dataclass
class BlockedReport:
    start: date
    end: date
    parties: list[BlockedParty]

    def rows(self) -> list[dict[str, Any]]:
        return [report_row(case) for party in self.parties for case in party.cases]

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "parties": [party.to_dict() for party in self.parties],
            "alerts": sum(len(party.cases) for party in self.parties),
        }

    @property
    def csv_name(self) -> str:
        """The file name a download offers."""
        return f"blocked-parties-{self.start.isoformat()}-{self.end.isoformat()}.csv"

    def csv_text(self) -> str:
        out = io.StringIO()
        self.write_csv(out)
        return out.getvalue()

    def write_csv(self, handle: IO[str]) -> int:
        """One row per alert under a header; formula-safe, since names come from outside."""
        writer = FormulaSafeWriter(handle, lineterminator="\n")
        writer.writerow(REPORT_COLUMNS)
        rows = self.rows()
        for row in rows:
            writer.writerow(["" if row[c] is None else row[c] for c in REPORT_COLUMNS])
        return len(rows)


def report_range(start: date | None, end: date | None) -> tuple[date, date]:
    """The range a report covers when a caller leaves out one end or both: up to today, and
    ``DEFAULT_DAYS`` back from the end."""
    last = end or date.today()
    return start or last - timedelta(days=DEFAULT_DAYS), last


def blocked_report(store: Any, start: date, end: date, today: date | None = None) -> BlockedReport:
    """Parties in force when an alert on them was raised, with their alerts raised or decided
    from ``start`` to ``end`` (both days included)."""
    if start > end:
        raise ReviewError(f"the range runs backwards: from {start.isoformat()} to {end.isoformat()}")
    first = datetime.combine(start, time.min)
    after = datetime.combine(end + timedelta(days=1), time.min)
    alerts = AlertStore(database_of(store)).alerts_between(first, after, IN_FORCE)
    parties: dict[str, BlockedParty] = {}
    for case in cases_of(store, alerts, today):
        party = parties.setdefault(case.alert.entity_id, BlockedParty(case.alert.entity_id, "", []))
        party.caption = case.alert.caption  # the newest alert's caption: the list's latest wording
        party.cases.append(case)
    return BlockedReport(start, end, sorted(parties.values(), key=lambda p: (p.caption, p.entity_id)))
