"""The briefing: what is new, why it matters, key figures, designations, what to watch, scenarios.

Every line that reports something carries numbered citations to the article and the sentence
that said it, and the references list quotes those sentences, so a reader can check each claim.
The brief is first built as a small document model, then rendered to Markdown or HTML; both
renderers escape all text that came from an article or a list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from followthemoney.statement import StatementEntity

from watchfloor.crisis.ach import AchMatrix, Rating
from watchfloor.crisis.entities import (
    SourceRef,
    article_ref,
    event_day,
    event_sources,
    event_title,
    index_articles,
)
from watchfloor.crisis.errors import CrisisError
from watchfloor.crisis.indicators import FiredIndicator, Indicator
from watchfloor.crisis.reconcile import ReconciledClaim, claim_day
from watchfloor.model.designation import DesignationStatus, designation_status, latest_announced, parse_day

EARLIER_REPORTS_SHOWN = 6  # per key figure; the timeline and the claim's JSON keep them all


@dataclass
class Line:
    """One statement of the brief; ``cites`` are reference numbers."""

    text: str
    cites: list[int] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    note: str | None = None  # shown when the section has no lines


@dataclass
class Brief:
    title: str
    as_of: str
    sections: list[Section]
    references: list[tuple[int, SourceRef]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "as_of": self.as_of,
            "sections": [
                {"heading": s.heading, "lines": [{"text": ln.text, "cites": ln.cites} for ln in s.lines]}
                for s in self.sections
            ],
            "references": [{"n": n, **ref.to_dict()} for n, ref in self.references],
        }


class _Citations:
    """Numbers sources in order of first use; the same article and sentence keep one number."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str | None], int] = {}
        self.references: list[tuple[int, SourceRef]] = []

    def cite(self, refs: Iterable[SourceRef]) -> list[int]:
        numbers = []
        for ref in refs:
            key = (ref.article_id, ref.sentence)
            if key not in self._numbers:
                self._numbers[key] = len(self._numbers) + 1
                self.references.append((self._numbers[key], ref))
            if self._numbers[key] not in numbers:
                numbers.append(self._numbers[key])
        return numbers


def _fmt_interval(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return _fmt(low) if low == high else f"{_fmt(low)} to {_fmt(high)}"
    if low is not None:
        return f"{_fmt(low)} or more"
    if high is not None:
        return f"up to {_fmt(high)}"
    return "any figure"


def _fmt(value: float | None) -> str:
    if value is None:
        return "open"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _sanction_refs(sanction: StatementEntity, articles: Mapping[str, StatementEntity]) -> list[SourceRef]:
    refs = [article_ref(aid, articles, sanction.first("summary")) for aid in sanction.get("proof")]
    if not refs and sanction.first("sourceUrl"):
        label = " ".join(v for v in (sanction.first("authority"), sanction.first("program")) if v)
        published = parse_day(sanction.first("listingDate") or sanction.first("date"))
        refs.append(
            SourceRef(
                article_id=str(sanction.id),
                title=label or "Designation notice",
                url=sanction.first("sourceUrl"),
                publisher=sanction.first("authority"),
                published=published.isoformat() if published else None,
                sentence=sanction.first("summary") or sanction.first("reason"),
            )
        )
    return refs


def _event_refs(
    event_ids: Iterable[str],
    article_ids: Iterable[str],
    events: Mapping[str, StatementEntity],
    articles: Mapping[str, StatementEntity],
) -> list[SourceRef]:
    refs: list[SourceRef] = []
    for event_id in event_ids:
        event = events.get(event_id)
        if event is not None:
            refs.extend(event_sources(event, articles))
    if not refs:
        refs = [article_ref(aid, articles, None) for aid in article_ids]
    return refs


def _whats_new(
    events: list[StatementEntity],
    articles: Mapping[str, StatementEntity],
    cites: _Citations,
    since: date,
    as_of: date,
) -> Section:
    recent = [e for e in events if (d := event_day(e)) is not None and since < d <= as_of]
    recent.sort(key=lambda e: (event_day(e), str(e.id)), reverse=True)
    lines = [
        Line(f"{event_day(e)}: {event_title(e)}", cites.cite(event_sources(e, articles))) for e in recent
    ]
    return Section("What's new", lines, note=f"No new events since {since.isoformat()}.")


def _why_it_matters(
    fired: list[FiredIndicator],
    descriptions: Mapping[str, str],
    events: Mapping[str, StatementEntity],
    sanctions: Mapping[str, StatementEntity],
    subjects: Mapping[str, StatementEntity],
    articles: Mapping[str, StatementEntity],
    cites: _Citations,
) -> Section:
    lines = []
    for hit in sorted(fired, key=lambda f: (f.date or "", f.key), reverse=True):
        if hit.entity_id in sanctions:
            refs = _sanction_refs(sanctions[hit.entity_id], articles)
        else:
            refs = _event_refs([hit.entity_id], hit.article_ids, events, articles)
        why = hit.why
        for subject_id, subject in subjects.items():
            why = why.replace(subject_id, subject.caption)
        when = f" ({hit.date})" if hit.date else ""
        meaning = f" {descriptions[hit.indicator_id]}" if descriptions.get(hit.indicator_id) else ""
        lines.append(Line(f"{hit.title}{when}: {why}.{meaning}", cites.cite(refs)))
    return Section("Why it matters", lines, note="No watch indicator fired.")


def _key_figures(
    claims: list[ReconciledClaim], articles: Mapping[str, StatementEntity], cites: _Citations
) -> Section:
    lines = []
    for claim in claims:
        low, high = claim.interval
        basis = [article_ref(claim.basis.article_id, articles, claim.basis.sentence)] if claim.basis else []
        lines.append(
            Line(
                f"{claim.topic}, {claim.measure}: best estimate {_fmt(claim.best_estimate)} as of "
                f"{claim.latest_date} (the reports support {_fmt_interval(low, high)}; "
                f"{claim.support} of {len(claim.sources)} sources agree"
                + ("; sources contradict each other" if claim.contradicted else "")
                + ")",
                cites.cite(basis),
            )
        )
        by_id = {c.claim_id: c for c in claim.claims}
        history = [c for c in claim.claims if claim.basis is None or c.claim_id != claim.basis.claim_id]
        if len(history) > EARLIER_REPORTS_SHOWN:
            hidden = len(history) - EARLIER_REPORTS_SHOWN
            history = history[-EARLIER_REPORTS_SHOWN:]
            lines.append(Line(f"  {hidden} earlier reports not shown"))
        for report in history:
            lines.append(
                Line(
                    f"  reported {report.text!s} ({claim_day(report).isoformat()})",
                    cites.cite([article_ref(report.article_id, articles, report.sentence)]),
                )
            )
        for conflict in claim.contradictions:
            pair = [by_id[conflict.first_claim_id], by_id[conflict.second_claim_id]]
            lines.append(
                Line(
                    f"  WARNING sources contradict each other: {conflict.reason}",
                    cites.cite(article_ref(c.article_id, articles, c.sentence) for c in pair),
                )
            )
    return Section("Key figures", lines, note="No figures reported.")


def _official(sanction: StatementEntity) -> bool:
    """A list's designation, not one the press reported (the news pipeline marks those)."""
    return not any(v.strip().lower() == DesignationStatus.REPORTED for v in sanction.get("status"))


def stated_sanctions(
    sanctions: Iterable[StatementEntity], named: Iterable[str] | None
) -> list[StatementEntity]:
    """The designations the brief may state: every one the press reported, and an official one
    only when the articles name its party with confidence (``named``: the list entity IDs of
    ``linked`` news links, never candidates). A brief must not tell the analyst that a party is
    designated because a mention resembled its name. ``named=None`` states them all."""
    if named is None:
        return list(sanctions)
    parties = set(named)
    return [s for s in sanctions if not _official(s) or parties.intersection(s.get("entity"))]


def _designations(
    sanctions: list[StatementEntity],
    subjects: Mapping[str, StatementEntity],
    articles: Mapping[str, StatementEntity],
    cites: _Citations,
    as_of: date,
) -> Section:
    lines = []
    for sanction in sorted(sanctions, key=lambda s: (latest_announced(s, "startDate") or "", str(s.id))):
        status = designation_status(
            latest_announced(sanction, "startDate"),
            latest_announced(sanction, "endDate"),
            as_of,
            _official(sanction),
        )
        names = [subjects[i].caption if i in subjects else i for i in sanction.get("entity")] or [
            str(sanction.id)
        ]
        by = " ".join(v for v in (sanction.first("authority"), sanction.first("program")) if v)
        start = parse_day(latest_announced(sanction, "startDate"))
        text = f"{', '.join(names)}" + (f" ({by})" if by else "") + f": {status.value}"
        if status == DesignationStatus.PENDING and start is not None:
            text += f", effective {start.isoformat()} (in {(start - as_of).days} days)"
        elif start is not None:
            text += f", effective date {start.isoformat()}"
        lines.append(Line(text, cites.cite(_sanction_refs(sanction, articles))))
    return Section("Designations", lines, note="No designations recorded.")


def _watch(indicators: list[Indicator], fired: list[FiredIndicator]) -> Section:
    fired_on: dict[str, str] = {}
    for hit in fired:
        fired_on.setdefault(hit.indicator_id, hit.date or "")
    lines = []
    for indicator in indicators:
        text = indicator.title + (f": {indicator.description}" if indicator.description else "")
        if indicator.id in fired_on:
            text += f" (fired {fired_on[indicator.id]})".replace(" ()", "")
        lines.append(Line(text))
    return Section("What to watch", lines, note="No watch indicators defined.")


def _scenarios(
    matrix: AchMatrix | None,
    events: Mapping[str, StatementEntity],
    articles: Mapping[str, StatementEntity],
    cites: _Citations,
) -> Section:
    if matrix is None:
        return Section("Scenarios", note="No scenarios rated.")
    lines = []
    for score in matrix.ranking():
        consistent = [
            eid
            for eid in matrix.evidence
            if matrix.rating(eid, score.scenario_id) in (Rating.CONSISTENT, Rating.VERY_CONSISTENT)
        ]
        refs = _event_refs(
            consistent, [a for eid in consistent for a in matrix.evidence[eid].article_ids], events, articles
        )
        lines.append(
            Line(
                f"Rank {score.rank}, {score.title}: weighted inconsistency {score.inconsistency:g} "
                f"over {score.rated} rated items (citations: the evidence consistent with it)",
                cites.cite(refs),
            )
        )
    for item in matrix.diagnostic()[:5]:
        evidence = matrix.evidence[item.evidence_id]
        ratings = ", ".join(f"{sid} {r}" for sid, r in item.ratings.items())
        refs = _event_refs([item.evidence_id], evidence.article_ids, events, articles)
        lines.append(Line(f"Diagnostic evidence: {item.title} ({ratings})", cites.cite(refs)))
    return Section("Scenarios", lines, note="No scenarios rated.")


def build_brief(
    as_of: date,
    events: Iterable[StatementEntity] = (),
    articles: Iterable[StatementEntity] = (),
    claims: Iterable[ReconciledClaim] = (),
    sanctions: Iterable[StatementEntity] = (),
    indicators: Iterable[Indicator] = (),
    fired: Iterable[FiredIndicator] = (),
    matrix: AchMatrix | None = None,
    subjects: Iterable[StatementEntity] = (),
    title: str = "Crisis briefing",
    new_days: int = 3,
    named: Iterable[str] | None = None,
) -> Brief:
    """The brief as data; ``subjects`` name the designated entities, ``new_days`` bounds "what's new",
    ``named`` are the list entities the articles name with confidence (see :func:`stated_sanctions`):
    an official designation of anyone else, and any indicator it fired, is left out."""
    events, fired, indicators = list(events), list(fired), list(indicators)
    sanctions = stated_sanctions(sanctions, named)
    by_article = index_articles(articles)
    by_event = {str(e.id): e for e in events}
    by_sanction = {str(s.id): s for s in sanctions}
    by_subject = {str(s.id): s for s in subjects}
    if named is not None:  # a firing remembered from a designation the brief no longer states
        fired = [f for f in fired if f.schema != "Sanction" or f.entity_id in by_sanction]
    cites = _Citations()
    sections = [
        _whats_new(events, by_article, cites, as_of - timedelta(days=new_days), as_of),
        _why_it_matters(
            fired,
            {i.id: i.description for i in indicators},
            by_event,
            by_sanction,
            by_subject,
            by_article,
            cites,
        ),
        _key_figures(list(claims), by_article, cites),
        _designations(sanctions, by_subject, by_article, cites, as_of),
        _watch(indicators, fired),
        _scenarios(matrix, by_event, by_article, cites),
    ]
    return Brief(title, as_of.isoformat(), sections, cites.references)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def _md(text: str | None) -> str:
    """Escape Markdown and raw HTML in text from articles, so it renders as the words it is.

    Angle brackets become entities rather than backslash escapes, so that even a renderer that
    ignores escapes never sees a tag.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", text or "")
    return escaped.replace("<", "&lt;").replace(">", "&gt;")


def _safe_url(url: str | None) -> str | None:
    """Only web links become links: a ``javascript:`` URL from a feed must never be clickable."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _reference_parts(ref: SourceRef) -> list[str]:
    return [p for p in (ref.title or ref.article_id, ref.publisher, ref.published) if p]


def _render_md(brief: Brief) -> str:
    out = [f"# {_md(brief.title)}", "", f"As of {brief.as_of}", ""]
    for section in brief.sections:
        out += [f"## {section.heading}", ""]
        if not section.lines and section.note:
            out += [f"_{_md(section.note)}_", ""]
            continue
        for line in section.lines:
            marks = "".join(f"[{n}]" for n in line.cites)
            indent = "  " if line.text.startswith("  ") else ""
            out.append(f"{indent}- {_md(line.text.strip())}" + (f" {marks}" if marks else ""))
        out.append("")
    out += ["## References", ""]
    for n, ref in brief.references:
        text = f"[{n}] " + ", ".join(_md(p) for p in _reference_parts(ref))
        url = _safe_url(ref.url)
        if url:
            text += f". <{url.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>"
        if ref.sentence:
            text += f'. "{_md(ref.sentence)}"'
        out.append(text)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _render_html(brief: Brief) -> str:
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(brief.title)}</title></head><body>",
        f"<h1>{esc(brief.title)}</h1>",
        f'<p class="as-of">As of {esc(brief.as_of)}</p>',
    ]
    for section in brief.sections:
        out.append(f"<section><h2>{esc(section.heading)}</h2>")
        if not section.lines and section.note:
            out.append(f'<p class="empty">{esc(section.note)}</p></section>')
            continue
        out.append("<ul>")
        for line in section.lines:
            marks = "".join(f'<sup><a href="#ref-{n}">[{n}]</a></sup>' for n in line.cites)
            css = ' class="detail"' if line.text.startswith("  ") else ""
            out.append(f"<li{css}>{esc(line.text.strip())}{marks}</li>")
        out.append("</ul></section>")
    out.append('<section><h2>References</h2><ol class="references">')
    for n, ref in brief.references:
        parts = ", ".join(esc(p) for p in _reference_parts(ref))
        url = _safe_url(ref.url)
        link = f' <a href="{esc(url, quote=True)}">{esc(url)}</a>' if url else ""
        quote = f" <q>{esc(ref.sentence)}</q>" if ref.sentence else ""
        out.append(f'<li id="ref-{n}" value="{n}">{parts}.{link}{quote}</li>')
    out.append("</ol></section></body></html>")
    return "\n".join(out) + "\n"


def render_brief(
    as_of: date,
    events: Iterable[StatementEntity] = (),
    articles: Iterable[StatementEntity] = (),
    claims: Iterable[ReconciledClaim] = (),
    sanctions: Iterable[StatementEntity] = (),
    indicators: Iterable[Indicator] = (),
    fired: Iterable[FiredIndicator] = (),
    matrix: AchMatrix | None = None,
    subjects: Iterable[StatementEntity] = (),
    title: str = "Crisis briefing",
    new_days: int = 3,
    fmt: str = "md",
    named: Iterable[str] | None = None,
) -> str:
    """Render the brief (see :func:`build_brief`) as ``md`` or ``html``."""
    if fmt not in ("md", "html"):
        raise CrisisError(f"unknown brief format {fmt!r}: use md or html")
    brief = build_brief(
        as_of,
        events,
        articles,
        claims,
        sanctions,
        indicators,
        fired,
        matrix,
        subjects,
        title,
        new_days,
        named,
    )
    return _render_md(brief) if fmt == "md" else _render_html(brief)
