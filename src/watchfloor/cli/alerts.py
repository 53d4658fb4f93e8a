"""``watchfloor alerts``: the review queue, decisions under the four-eyes rule, assignment,
comments, the blocked-parties report and the review policy.

The reviewer is never typed: it is the operating-system user, or the name of the API key given
with ``--key`` (or ``WATCHFLOOR_KEY``), as the API and console record it. ``--reviewer`` is kept
for scripts written before, and only accepted when it names that same reviewer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import typer
from rich.markup import escape
from rich.table import Table

from watchfloor.cli.common import app, console, get_store, parse_date, print_json, store_or_server
from watchfloor.cli.remote import ServerClient
from watchfloor.review import (
    DECISIONS,
    STATUS_FILTERS,
    Case,
    approve_decision,
    assign_alert,
    check_decision,
    check_status,
    comment_alert,
    decide_alert,
    get_case,
    list_cases,
    load_policy,
    reject_decision,
    set_four_eyes,
)
from watchfloor.review.decisions import outcome
from watchfloor.review.identity import cli_reviewer
from watchfloor.review.report import DEFAULT_DAYS, blocked_report, case_state, report_range
from watchfloor.store.keys import Role

alerts_app = typer.Typer()
app.add_typer(
    alerts_app,
    name="alerts",
    help="Alerts raised by re-screening: list, decide, approve, assign, comment, report.",
)


def _key_option() -> str | None:
    return typer.Option(
        None,
        "--key",
        envvar="WATCHFLOOR_KEY",
        help="Act as this API key's name (reviewer role or above); default: the operating-system user.",
    )


def _reviewer_option() -> str | None:
    return typer.Option(
        None, "--reviewer", help="Optional check: refused unless it names who you are (OS user or --key)."
    )


def _decision_text(case: dict[str, Any]) -> str:
    pending = case["proposal"]
    parts = []
    if case["decision"]:
        approved = f", approved by {case['approved_by']}" if case.get("approved_by") else ""
        parts.append(f"{case['decision']} ({case['reviewer']}{approved})")
    if pending is not None:
        parts.append(f"proposed {pending['decision']} ({pending['proposed_by']}, {pending['proposal_id']})")
    return "; ".join(parts)


def print_cases(cases: list[dict[str, Any]], title: str) -> None:
    """The review queue as a table (plain output of ``alerts`` and ``rescreen``), from the cases'
    JSON: read from the store here, or sent by the server that holds it."""
    if not cases:
        return
    table = Table(title=title)
    for column in (
        "alert",
        "kind",
        "customer",
        "list entity",
        "score",
        "status",
        "age",
        "assignee",
        "decision",
    ):
        table.add_column(column)
    for case in cases:
        left = case["days_left"]
        table.add_row(
            case["alert_id"],
            case["kind"],
            escape(f"{case['customer_id']} {case['customer_name']}"),
            escape(f"{case['entity_id']} {case['caption']}"),
            f"{case['score']:.3f}",
            case["status"] if left is None else f"{case['status']} ({left} days left)",
            f"{case['age_days']}d",
            escape(case.get("assignee") or ""),
            escape(_decision_text(case)),
        )
    console.print(table)


def _print_outcome(case: dict[str, Any], as_json: bool) -> None:
    """What a decision step did (``outcome``): took effect, or waits for a second reviewer."""
    if as_json:
        print_json(case)
        return
    pending = case["proposal"]
    if case["outcome"] == "proposed" and pending is not None:
        console.print(
            f"{case['alert_id']}: {pending['decision']} proposed by {pending['proposed_by']} "
            f"({pending['proposal_id']}); {pending['why']}, so it takes effect when a second reviewer "
            f"approves it ('watchfloor alerts approve {case['alert_id']}')",
            highlight=False,
            markup=False,
        )
        return
    approved = f", approved by {case['approved_by']}" if case.get("approved_by") else ""
    console.print(
        f"{case['alert_id']}: {case['decision']} by {case['reviewer']}{approved}", highlight=False, markup=False
    )


def _stepped(case: Case) -> dict[str, Any]:
    return {**case.to_dict(), "outcome": outcome(case)}


@alerts_app.callback(invoke_without_command=True)
def alerts_list(
    ctx: typer.Context,
    status: str = typer.Option("open", "--status", help=" | ".join(STATUS_FILTERS)),
    limit: int = typer.Option(None, "--limit"),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List alerts (newest first) with their age, assignee and any decision waiting for approval."""
    if ctx.invoked_subcommand is not None:
        return
    status = check_status(status)
    target = store_or_server(key)
    if isinstance(target, ServerClient):
        cases = target.get("/api/alerts", params={"status": status, "limit": limit})["alerts"]
    else:
        cases = [case.to_dict() for case in list_cases(target, status=status, limit=limit)]
    if as_json:
        print_json(cases)
        return
    if not cases:
        console.print(f"no {status} alerts")
        return
    print_cases(cases, title=f"Alerts ({status})")


@alerts_app.command("show")
def alerts_show(alert_id: str = typer.Argument(...), as_json: bool = typer.Option(False, "--json")) -> None:
    """One alert's case: the match, decisions proposed and taken, comments."""
    case = get_case(get_store(), alert_id)
    if as_json:
        print_json(case.to_dict())
        return
    alert = case.alert
    console.print(
        f"{alert.alert_id} ({case_state(case)}, {case.age_days} days old): {alert.customer_id} "
        f"{alert.customer_name} -> {alert.entity_id} {alert.caption}, score {alert.score:.3f}, "
        f"{alert.status}; assigned to {alert.assignee or 'nobody'}",
        highlight=False,
        markup=False,
    )
    for line in alert.explanation:
        console.print(f"  {line}", highlight=False, markup=False)
    if alert.decision:
        console.print(f"decision: {_decision_text(case.to_dict())}: {alert.reason}", highlight=False, markup=False)
    for p in case.proposals:
        resolved = f", {p.state} by {p.resolved_by}" if p.resolved_by else ", waiting for a second reviewer"
        console.print(
            f"{p.proposal_id} {p.proposed_at:%Y-%m-%d %H:%M} {p.proposed_by} proposed {p.decision}: "
            f"{p.reason}{resolved}",
            highlight=False,
            markup=False,
        )
    for c in case.comments:
        console.print(f"{c.created_at:%Y-%m-%d %H:%M} {c.author}: {c.text}", highlight=False, markup=False)


@alerts_app.command("decide")
def alerts_decide(
    alert_id: str = typer.Argument(...),
    decision: str = typer.Option(..., "--decision", help=" | ".join(DECISIONS)),
    reason: str = typer.Option(..., "--reason"),
    whitelist: bool = typer.Option(
        True,
        "--whitelist/--no-whitelist",
        help="A false positive also silences the pair until its data change (needs a second reviewer).",
    ),
    reviewer: str | None = _reviewer_option(),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Decide an alert. Closing it as a true match, whitelisting, or changing a decision already
    taken is proposed, and takes effect when a second reviewer approves it. While the server holds
    the store, the decision goes through its API, recorded under the key's name."""
    check_decision(decision, reason)  # refused here, the same way, before a server is asked
    target = store_or_server(key)
    if isinstance(target, ServerClient):
        body = {"decision": decision, "reason": reason, "whitelist": whitelist, "reviewer": reviewer}
        _print_outcome(target.post(f"/api/alerts/{quote(alert_id, safe='')}/decision", json=body), as_json)
        return
    actor = cli_reviewer(target, key, reviewer)
    _print_outcome(_stepped(decide_alert(target, alert_id, decision, reason, actor, whitelist=whitelist)), as_json)


@alerts_app.command("approve")
def alerts_approve(
    alert_id: str = typer.Argument(...),
    note: str = typer.Option(None, "--note", help="Why you approve (kept in the audit log)."),
    reviewer: str | None = _reviewer_option(),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Approve the decision waiting on an alert (not your own proposal); it then takes effect."""
    store = get_store()
    actor = cli_reviewer(store, key, reviewer)
    _print_outcome(_stepped(approve_decision(store, alert_id, actor, note)), as_json)


@alerts_app.command("reject")
def alerts_reject(
    alert_id: str = typer.Argument(...),
    reason: str = typer.Option(..., "--reason"),
    reviewer: str | None = _reviewer_option(),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Reject the decision waiting on an alert; the alert stays as it was."""
    store = get_store()
    actor = cli_reviewer(store, key, reviewer)
    case = reject_decision(store, alert_id, actor, reason)
    if as_json:
        print_json({**case.to_dict(), "outcome": "rejected"})
        return
    rejected = case.proposals[-1]
    console.print(
        f"{alert_id}: {rejected.decision} proposed by {rejected.proposed_by} rejected by {actor}",
        highlight=False,
        markup=False,
    )


@alerts_app.command("assign")
def alerts_assign(
    alert_id: str = typer.Argument(...),
    to: str = typer.Option(..., "--to", help="The reviewer who takes the alert (a key's name or a login)."),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Assign an alert to a reviewer."""
    store = get_store()
    case = assign_alert(store, alert_id, to, cli_reviewer(store, key))
    if as_json:
        print_json(case.to_dict())
        return
    console.print(f"{alert_id}: assigned to {case.alert.assignee}", highlight=False, markup=False)


@alerts_app.command("comment")
def alerts_comment(
    alert_id: str = typer.Argument(...),
    text: str = typer.Option(..., "--text"),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Add a comment to an alert's case."""
    store = get_store()
    comment = comment_alert(store, alert_id, text, cli_reviewer(store, key))
    if as_json:
        print_json(comment.to_dict())
        return
    console.print(f"{alert_id}: comment {comment.seq} by {comment.author}", highlight=False, markup=False)


@alerts_app.command("report")
def alerts_report(
    start: str = typer.Option(
        None, "--from", help=f"First day, YYYY-MM-DD (default {DEFAULT_DAYS} days before --to)."
    ),
    end: str = typer.Option(None, "--to", help="Last day, YYYY-MM-DD (default today)."),
    out: Path = typer.Option(None, "--out", help="Write the report as CSV to this file."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Blocked parties (designations in force that the book hit) and their alerts raised or
    decided in the range: status, decisions, reviewers and approvers."""
    first, last = report_range(parse_date(start, "--from"), parse_date(end, "--to"))
    report = blocked_report(get_store(), first, last)
    rows = None
    if out is not None:
        with out.open("w", newline="", encoding="utf-8") as handle:
            rows = report.write_csv(handle)
    if as_json:
        print_json(report.to_dict() if out is None else {**report.to_dict(), "out": str(out), "rows": rows})
        return
    if out is not None:
        console.print(
            f"wrote {rows} alerts on {len(report.parties)} blocked parties to {out}",
            highlight=False,
            markup=False,
            soft_wrap=True,  # a path is never broken across lines
        )
        return
    rows = report.rows()
    console.print(
        f"blocked parties from {first.isoformat()} to {last.isoformat()}: {len(report.parties)} parties, "
        f"{len(rows)} alerts",
        highlight=False,
    )
    if not rows:
        return
    table = Table(title="Blocked parties and their alerts")
    columns = (
        "party",
        "alert",
        "raised",
        "age",
        "customer",
        "state",
        "decision",
        "decided by",
        "approved by",
    )
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(
            escape(f"{row['entity_id']} {row['caption']}"),
            row["alert_id"],
            (row["raised_at"] or "")[:10],
            f"{row['age_days']}d",
            escape(f"{row['customer_id']} {row['customer_name']}"),
            row["state"],
            row["decision"] or (f"proposed {row['proposed_decision']}" if row["proposed_decision"] else ""),
            escape(row["decided_by"] or row["proposed_by"] or ""),
            escape(row["approved_by"] or ""),
        )
    console.print(table)


@alerts_app.command("policy")
def alerts_policy(
    four_eyes: str = typer.Option(
        None,
        "--four-eyes",
        help="on | off: whether closing, whitelisting and reversing need a second reviewer.",
    ),
    key: str | None = _key_option(),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show or change the review policy; a change is audited."""
    store = get_store()
    if four_eyes is None:
        policy = load_policy(store)
    elif four_eyes in ("on", "off"):
        policy = set_four_eyes(store, four_eyes == "on", cli_reviewer(store, key, role=Role.ADMIN))
    else:
        raise typer.BadParameter(f"{four_eyes!r} is neither on nor off", param_hint="--four-eyes")
    if as_json:
        print_json(policy.to_dict())
        return
    state = "on" if policy.four_eyes else "off"
    console.print(f"four eyes: {state}", highlight=False, markup=False)
