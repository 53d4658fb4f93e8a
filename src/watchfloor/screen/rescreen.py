"""Re-screen the book against the lists in force, alerting only on what is new or changed.

Every customer is screened every run (a new list version concerns everyone), but an alert is
raised for a (customer, list entity) pair only when the pair is new, the customer record changed,
the list entity changed, or the designation's status moved (a pending designation taking
effect). A run, its alerts and the new pair state are written in one transaction together with
their audit rows, so the log never says more or less than the tables.

A run records the exact list versions, book position, date and threshold it used, so ``replay``
can screen again from precisely the same inputs and check the result against the run's digest.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from followthemoney.statement import StatementEntity

from watchfloor.index import QuerySpec
from watchfloor.ingest.status import Designation
from watchfloor.model.designation import DesignationStatus, parse_day
from watchfloor.review.whitelist import Whitelist
from watchfloor.screen.batch import build_screener
from watchfloor.screen.engine import ChunkEngine, HitTuple, LocalEngine
from watchfloor.screen.service import Screener, strongest_status
from watchfloor.screen.tabular import Chunk, InputRow, RowError
from watchfloor.store import Store
from watchfloor.store.alerts import Alert, AlertStore, PairState, ScreenRun
from watchfloor.store.audit import AuditLog, canonical_json
from watchfloor.store.book import BookStore, StoredRecord
from watchfloor.store.db import database_of

HITS_PER_CUSTOMER = 5
CHUNK_ROWS = 2000
KINDS = ("new_match", "changed_customer", "changed_entity", "designation_effective", "pending")


class RescreenError(ValueError):
    """A re-screening or replay that cannot be done; the message says why."""


# --- the delta rule (pure, so it can be tested on hand-made states) ------------------------------


def alert_kind(previous: PairState | None, record_hash: str, entity_hash: str, status: str) -> str | None:
    """Why a pair found now deserves an alert, or None when nothing changed since it last did."""
    if previous is None:
        return "pending" if status == DesignationStatus.PENDING else "new_match"
    if previous.record_hash != record_hash:
        return "changed_customer"
    if previous.entity_hash != entity_hash:
        return "changed_entity"
    if previous.status != status:
        if status == DesignationStatus.EFFECTIVE:
            return "designation_effective"
        if status == DesignationStatus.PENDING:
            return "pending"
        return "changed_entity"
    return None


def entity_hash(entity: StatementEntity, designations: Sequence[Designation]) -> str:
    """Hash of what a list says about a party: its statements (values, not provenance, which
    names file lines that move between versions) and its designations' terms."""
    statements = sorted({(s.prop, s.value) for s in entity.statements if s.prop != "id"})
    terms = sorted(
        {(d.authority, d.program, d.start_date or "", d.end_date or "", d.official) for d in designations}
    )
    content = {"schema": entity.schema.name, "statements": statements, "designations": terms}
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def days_until_effective(designations: Sequence[Designation], as_of: date) -> tuple[int | None, str | None]:
    """Days left before the earliest pending designation takes effect, and its date."""
    starts = [
        day
        for d in designations
        if d.status == DesignationStatus.PENDING and (day := parse_day(d.start_date)) is not None
    ]
    if not starts:
        return None, None
    first = min(starts)
    return (first - as_of).days, first.isoformat()


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BookHit:
    """One (customer, list entity) pair the screening found."""

    customer_id: str
    customer_name: str
    record_hash: str
    entity_id: str
    caption: str
    entity_hash: str
    score: float
    status: str
    days_left: int | None
    effective_date: str | None
    explanation: tuple[str, ...]

    def line(self) -> str:
        return "|".join(
            (
                self.customer_id,
                self.record_hash,
                self.entity_id,
                self.entity_hash,
                self.status,
                f"{self.score:.4f}",
            )
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "customer_name": self.customer_name,
            "entity_id": self.entity_id,
            "caption": self.caption,
            "score": round(self.score, 4),
            "status": self.status,
            "days_left": self.days_left,
            "effective_date": self.effective_date,
        }


def hits_digest(hits: Sequence[BookHit]) -> str:
    """One hash for everything a screening said; equal digests mean an exact replay."""
    digest = hashlib.sha256()
    for line in sorted(hit.line() for hit in hits):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


@dataclass
class RescreenSummary:
    run_id: str | None  # None for a dry run: nothing was written
    as_of: str
    version_ids: list[str]
    customers: int = 0
    hits: int = 0
    new_alerts: int = 0
    alerts_by_kind: dict[str, int] = field(default_factory=dict)
    suppressed: int = 0
    errors: list[RowError] = field(default_factory=list)
    digest: str = ""
    dry_run: bool = False
    engine: str = "local"
    alerts: list[Alert] = field(default_factory=list)
    found: list[BookHit] = field(default_factory=list)
    states: list[PairState] = field(default_factory=list)  # the pair memory the run leaves

    def to_dict(self, with_hits: bool = False) -> dict[str, Any]:
        data = {
            "run_id": self.run_id,
            "as_of": self.as_of,
            "version_ids": self.version_ids,
            "customers": self.customers,
            "hits": self.hits,
            "new_alerts": self.new_alerts,
            "alerts_by_kind": self.alerts_by_kind,
            "suppressed": self.suppressed,
            "errors": [e.to_dict() for e in self.errors],
            "digest": self.digest,
            "dry_run": self.dry_run,
            "engine": self.engine,
            "alerts": [a.to_dict() for a in self.alerts],
        }
        if with_hits:
            data["found"] = [hit.to_dict() for hit in self.found]
        return data


# --- screening the book ---------------------------------------------------------------------------


def _chunks(records: Sequence[StoredRecord]) -> Iterator[Chunk]:
    for start in range(0, len(records), CHUNK_ROWS):
        part = records[start : start + CHUNK_ROWS]
        chunk = Chunk(index=start // CHUNK_ROWS, first_row=start + 1, size=len(part))
        for offset, stored in enumerate(part):
            rec = stored.record
            chunk.rows.append(
                InputRow(
                    row=start + offset + 1,
                    id=rec.customer_id,
                    query=QuerySpec(
                        rec.name, rec.schema, rec.birth_date, rec.country, tuple(rec.identifiers)
                    ),
                )
            )
        yield chunk


def screen_book(
    screener: Screener,
    records: Sequence[StoredRecord],
    threshold: float | None = None,
    workers: int = 1,
    engine: ChunkEngine | None = None,
) -> tuple[list[BookHit], list[RowError]]:
    """Every hit of every customer, with the hashes the delta rule compares; ``engine`` screens
    (default: ``workers`` local processes)."""
    engine = engine or LocalEngine(workers)
    by_id = {stored.record.customer_id: stored for stored in records}
    hashes: dict[str, str] = {}
    found: list[BookHit] = []
    errors: list[RowError] = []
    for _, results, chunk_errors in engine(
        screener, _chunks(records), limit=HITS_PER_CUSTOMER, threshold=threshold
    ):
        errors.extend(chunk_errors)
        for row, hits in results:
            stored = by_id[row.id]
            for hit in hits:
                found.append(_book_hit(screener, stored, hit, hashes))
    found.extend(_owner_hits(screener, records, found, hashes))
    return found, errors


def _owner_hits(
    screener: Screener, records: Sequence[StoredRecord], found: Sequence[BookHit], hashes: dict[str, str]
) -> list[BookHit]:
    """Indirect exposure through the book's own ownership and control data: a customer whose
    owner or director (``owner_ids``: another customer, or a list entity ID) is a hit is itself a
    hit on the same list entity, with the path in its explanation."""
    by_customer: dict[str, list[BookHit]] = {}
    for hit in found:
        by_customer.setdefault(hit.customer_id, []).append(hit)
    names = {stored.record.customer_id: stored.record.name for stored in records}
    extra: list[BookHit] = []
    for stored in records:
        for owner in stored.record.owner_ids:
            if owner in screener.parties:  # the owner is a list entity itself
                entity = screener.parties[owner]
                designations = [
                    d for d in screener.designations.get(owner, []) if d.status != DesignationStatus.LIFTED
                ]
                if not designations:
                    continue
                status = strongest_status(designations) or str(DesignationStatus.LIFTED)
                listed = (owner, entity.caption, 1.0, status, [f"owner or director {owner} is on the list"])
                extra.append(_book_hit(screener, stored, listed, hashes))
                continue
            for owner_hit in by_customer.get(owner, []):
                path = f"owner or director {owner} ({names.get(owner, owner)}) matches {owner_hit.caption}"
                extra.append(
                    replace(
                        owner_hit,
                        customer_id=stored.record.customer_id,
                        customer_name=stored.record.name,
                        record_hash=stored.record_hash,
                        explanation=(path, *owner_hit.explanation),
                    )
                )
    return extra


def _book_hit(screener: Screener, stored: StoredRecord, hit: HitTuple, hashes: dict[str, str]) -> BookHit:
    entity_id, caption, score, status, explanation = hit
    designations = [
        d for d in screener.designations.get(entity_id, []) if d.status != DesignationStatus.LIFTED
    ]
    if entity_id not in hashes:
        hashes[entity_id] = entity_hash(screener.parties[entity_id], designations)
    days_left, effective = (None, None)
    if status == DesignationStatus.PENDING:
        days_left, effective = days_until_effective(designations, screener.as_of)
    return BookHit(
        customer_id=stored.record.customer_id,
        customer_name=stored.record.name,
        record_hash=stored.record_hash,
        entity_id=entity_id,
        caption=caption,
        entity_hash=hashes[entity_id],
        score=score,
        status=status,
        days_left=days_left,
        effective_date=effective,
        explanation=(*explanation, *_exposure_line(screener, entity_id)),
    )


def _exposure_line(screener: Screener, entity_id: str) -> tuple[str, ...]:
    note = screener.exposure_note(entity_id)
    return (f"exposure: {note}",) if note else ()


def rescreen(
    store: Store,
    as_of: date | None = None,
    threshold: float | None = None,
    *,
    dry_run: bool = False,
    actor: str = "watchfloor",
    workers: int = 1,
    engine: ChunkEngine | None = None,
) -> RescreenSummary:
    """Screen the whole book on ``as_of`` (default today) with the list versions known then;
    raise alerts for new or changed pairs only. ``dry_run`` computes everything, writes nothing."""
    as_of = as_of or date.today()
    db = database_of(store)
    book, alerts_store, log = BookStore(db), AlertStore(db), AuditLog(db)
    screener = build_screener(store, as_of)
    book_seq = book.last_seq()
    records = list(book.snapshot(book_seq))
    engine = engine or LocalEngine(workers)
    found, errors = screen_book(screener, records, threshold, engine=engine)
    summary = RescreenSummary(
        run_id=None,
        as_of=as_of.isoformat(),
        version_ids=screener.version_ids,
        customers=len(records),
        hits=len(found),
        errors=errors,
        digest=hits_digest(found),
        dry_run=dry_run,
        engine=engine.name,
        found=found,
    )
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    if dry_run:  # the same plan as a real run, written nowhere
        _plan_alerts(summary, Whitelist.load(store), alerts_store, now, errors)
        return summary
    with db.transaction():
        # planned inside the write transaction: on a shared store, a run or a decision that
        # committed meanwhile is seen, and the run and alert numbers are still free at commit
        run_seq = _plan_alerts(summary, Whitelist.load(store), alerts_store, now, errors)
        run = ScreenRun(
            run_id=f"R{run_seq}",
            seq=run_seq,
            started_at=now,
            as_of=as_of,
            threshold=threshold,
            book_seq=book_seq,
            version_ids=screener.version_ids,
            customers=len(records),
            hits=len(found),
            new_alerts=summary.new_alerts,
            suppressed=summary.suppressed,
            digest=summary.digest,
        )
        summary.run_id = run.run_id
        alerts_store.write_run(run)
        alerts_store.insert_alerts(summary.alerts)
        alerts_store.replace_pair_states(summary.states)
        log.record(
            actor,
            "screening_run",
            {
                **run.to_dict(),
                "alerts_by_kind": summary.alerts_by_kind,
                "errors": [e.to_dict() for e in errors[:100]],
            },
        )
        for alert in summary.alerts:
            log.record(
                actor,
                "alert_raised",
                {
                    "alert_id": alert.alert_id,
                    "run_id": run.run_id,
                    "kind": alert.kind,
                    "customer_id": alert.customer_id,
                    "record_hash": alert.record_hash,
                    "entity_id": alert.entity_id,
                    "entity_hash": alert.entity_hash,
                    "score": round(alert.score, 4),
                    "status": alert.status,
                    "days_left": alert.days_left,
                    "version_ids": screener.version_ids,
                },
            )
    return summary


def _plan_alerts(
    summary: RescreenSummary,
    whitelist: Whitelist,
    alerts_store: AlertStore,
    now: datetime,
    errors: Sequence[RowError],
) -> int:
    """Which hits become alerts (new or changed pairs the whitelist does not silence) and the pair
    memory after the run, into ``summary``; returns the run's sequence number."""
    previous = alerts_store.pair_states()
    run_seq = alerts_store.next_run_seq()
    run_id = f"R{run_seq}"
    alert_seq = alerts_store.next_alert_seq()
    new_alerts: list[Alert] = []
    states: dict[tuple[str, str], PairState] = {}
    kinds: Counter[str] = Counter()
    summary.suppressed = 0
    for hit in sorted(summary.found, key=lambda h: (h.customer_id, -h.score, h.entity_id)):
        key = (hit.customer_id, hit.entity_id)
        if key in states:  # the same pair twice (should not happen): keep the best
            continue
        before = previous.get(key)
        kind = alert_kind(before, hit.record_hash, hit.entity_hash, hit.status)
        alert_id = before.alert_id if before else None
        if kind is not None and whitelist.suppresses(hit.record_hash, hit.entity_hash):
            summary.suppressed += 1
        elif kind is not None:
            alert_id = f"A{alert_seq}"
            new_alerts.append(
                Alert(
                    alert_id=alert_id,
                    seq=alert_seq,
                    run_id=run_id,
                    customer_id=hit.customer_id,
                    customer_name=hit.customer_name,
                    record_hash=hit.record_hash,
                    entity_id=hit.entity_id,
                    caption=hit.caption,
                    entity_hash=hit.entity_hash,
                    score=hit.score,
                    status=hit.status,
                    kind=kind,
                    days_left=hit.days_left,
                    effective_date=hit.effective_date,
                    created_at=now,
                    explanation=list(hit.explanation),
                )
            )
            kinds[kind] += 1
            alert_seq += 1
        states[key] = PairState(
            hit.customer_id, hit.entity_id, hit.record_hash, hit.entity_hash, hit.status, alert_id, run_id
        )
    # a customer the matcher refused this time keeps its memory: no spurious "new" next run
    refused = {e.id for e in errors}
    for key, state in previous.items():
        if key[0] in refused and key not in states:
            states[key] = state
    summary.alerts = new_alerts
    summary.states = list(states.values())
    summary.new_alerts = len(new_alerts)
    summary.alerts_by_kind = {kind: kinds[kind] for kind in KINDS if kinds[kind]}
    return run_seq


# --- replay ---------------------------------------------------------------------------------------


@dataclass
class ReplayResult:
    run: ScreenRun
    found: list[BookHit]
    digest: str

    @property
    def identical(self) -> bool:
        return self.digest == self.run.digest

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run.to_dict(),
            "digest": self.digest,
            "identical": self.identical,
            "hits": [hit.to_dict() for hit in self.found],
        }


def replay(store: Store, run_id: str, workers: int = 1) -> ReplayResult:
    """Screen again exactly as run ``run_id`` did: same list versions, same book records, same date
    and threshold. ``identical`` says whether the result matches what the run recorded."""
    db = database_of(store)
    run = AlertStore(db).get_run(run_id)
    if run is None:
        raise RescreenError(f"no screening run {run_id!r}")
    versions = [store.get_version(version_id) for version_id in run.version_ids]
    screener = Screener(store, run.as_of, versions=versions)
    records = list(BookStore(db).snapshot(run.book_seq))
    found, _ = screen_book(screener, records, run.threshold, workers)
    return ReplayResult(run=run, found=found, digest=hits_digest(found))
