"""An append-only, hash-chained audit log in the store.

Each row's hash covers the previous row's hash and the row itself (canonical JSON), so editing
or deleting any row breaks the chain from that row on. A one-row head table records the last
sequence number and hash, so that cutting rows off the end is caught too. The log proves
tampering; it cannot prevent it (whoever can write the database can rewrite the whole chain).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from watchfloor.store.db import Database

GENESIS_HASH = "0" * 64

AUDIT_DDL = [
    """CREATE TABLE IF NOT EXISTS wf_audit (
        seq INTEGER PRIMARY KEY, ts TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wf_audit_head (
        id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL)""",
]


def canonical_json(data: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept, so the hash is reproducible."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def row_hash(seq: int, ts: str, actor: str, action: str, payload: str, prev_hash: str) -> str:
    """sha256(prev_hash + canonical JSON of the row); ``payload`` is already canonical JSON text."""
    row = {
        "seq": seq,
        "ts": ts,
        "actor": actor,
        "action": action,
        "payload": json.loads(payload),
        "prev_hash": prev_hash,
    }
    return hashlib.sha256((prev_hash + canonical_json(row)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    actor: str
    action: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    rows: int
    first_bad_seq: int | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class AuditLog:
    """The audit table on one database connection."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.db.create(AUDIT_DDL)

    def record(self, actor: str, action: str, payload: dict[str, Any]) -> AuditEntry:
        """Append one row; the caller holds the transaction, so the row commits with what it records."""
        if not actor or not action:
            raise ValueError("an audit row needs an actor and an action")
        head = self.db.query("SELECT seq, hash FROM wf_audit_head WHERE id = 1")
        seq, prev_hash = (int(head[0][0]) + 1, str(head[0][1])) if head else (1, GENESIS_HASH)
        ts = datetime.now(UTC).isoformat(timespec="microseconds")
        text = canonical_json(payload)
        digest = row_hash(seq, ts, actor, action, text, prev_hash)
        self.db.execute(
            "INSERT INTO wf_audit (seq, ts, actor, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [seq, ts, actor, action, text, prev_hash, digest],
        )
        if head:
            self.db.execute("UPDATE wf_audit_head SET seq = ?, hash = ? WHERE id = 1", [seq, digest])
        else:
            self.db.execute("INSERT INTO wf_audit_head (id, seq, hash) VALUES (1, ?, ?)", [seq, digest])
        return AuditEntry(seq, ts, actor, action, json.loads(text), prev_hash, digest)

    def append(self, actor: str, action: str, payload: dict[str, Any]) -> AuditEntry:
        """Append one row in its own transaction."""
        with self.db.transaction():
            return self.record(actor, action, payload)

    def entries(self, limit: int | None = 100, action: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` rows (all when None), oldest first."""
        sql = "SELECT seq, ts, actor, action, payload, prev_hash, hash FROM wf_audit"
        params: list[Any] = []
        if action is not None:
            sql += " WHERE action = ?"
            params.append(action)
        sql += " ORDER BY seq DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self.db.query(sql, params)
        return [_entry(row) for row in reversed(rows)]

    def iter_rows(self) -> Iterator[tuple[Any, ...]]:
        return self.db.stream(
            "SELECT seq, ts, actor, action, payload, prev_hash, hash FROM wf_audit ORDER BY seq"
        )

    def anchor(self) -> str:
        """The head as ``SEQ:HASH``: kept outside the store (a ticket, a printout, another
        system), it lets ``verify`` catch a log deleted, cut or rewritten whole, which the chain
        and its head table alone cannot (whoever writes the database can rebuild both)."""
        head = self.db.query("SELECT seq, hash FROM wf_audit_head WHERE id = 1")
        seq, digest = (int(head[0][0]), str(head[0][1])) if head else (0, GENESIS_HASH)
        return f"{seq}:{digest}"

    def verify(self, anchors: Sequence[str] = ()) -> AuditReport:
        """Walk the chain, then check the anchors taken earlier (``anchor``); name the first row
        that does not hold."""
        report = self._verify_chain()
        if not report.ok:
            return report
        for anchor in anchors:
            seq_text, _, digest = anchor.strip().partition(":")
            if not seq_text.isdigit() or len(digest) != len(GENESIS_HASH):
                raise ValueError(
                    f"an anchor is SEQ:HASH as 'watchfloor audit anchor' prints it, not {anchor!r}"
                )
            seq = int(seq_text)
            row = self.db.query("SELECT hash FROM wf_audit WHERE seq = ?", [seq]) if seq else []
            found = str(row[0][0]) if row else (GENESIS_HASH if seq == 0 else None)
            if found != digest:
                return AuditReport(
                    False,
                    report.rows,
                    seq,
                    f"the log no longer holds row {seq} as anchored (deleted, cut off or rewritten since)",
                )
        return report

    def _verify_chain(self) -> AuditReport:
        """Walk the chain from the first row; name the first row that does not hold."""
        expected_seq = 1
        prev_hash = GENESIS_HASH
        count = 0
        for seq, ts, actor, action, payload, stored_prev, stored_hash in self.iter_rows():
            seq = int(seq)
            if seq != expected_seq:
                return AuditReport(False, count, expected_seq, f"row {expected_seq} is missing (deleted?)")
            if stored_prev != prev_hash:
                return AuditReport(
                    False, count, seq, f"row {seq} does not link to the row before it (edited or deleted?)"
                )
            try:
                digest = row_hash(seq, ts, actor, action, payload, stored_prev)
            except (ValueError, TypeError):
                return AuditReport(False, count, seq, f"row {seq} has an unreadable payload (edited?)")
            if digest != stored_hash:
                return AuditReport(False, count, seq, f"row {seq} does not match its hash (edited?)")
            prev_hash = stored_hash
            expected_seq += 1
            count += 1
        head = self.db.query("SELECT seq, hash FROM wf_audit_head WHERE id = 1")
        head_seq, head_hash = (int(head[0][0]), str(head[0][1])) if head else (0, GENESIS_HASH)
        if head_seq > count:
            return AuditReport(
                False,
                count,
                count + 1,
                f"the log ends at row {count} but its head records row {head_seq} (rows cut off the end?)",
            )
        if head_seq < count:
            return AuditReport(
                False,
                count,
                head_seq + 1,
                f"rows after {head_seq} were added outside the log (head records row {head_seq})",
            )
        if head_hash != prev_hash:
            return AuditReport(
                False, count, count, f"row {count} does not match the hash the head records (rewritten?)"
            )
        return AuditReport(True, count)


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    seq, ts, actor, action, payload, prev_hash, digest = row
    return AuditEntry(int(seq), str(ts), actor, action, json.loads(payload), prev_hash, digest)
