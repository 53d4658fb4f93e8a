"""The audit log is a hash chain: any edited, deleted or appended-by-hand row is found and named."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.conftest import run_cli as cli
from watchfloor.review import append_audit, audit_entries, verify_audit
from watchfloor.store import SqlStore, open_store
from watchfloor.store.audit import GENESIS_HASH, canonical_json, row_hash


def fill(store: SqlStore, count: int = 5) -> None:
    for n in range(1, count + 1):
        append_audit(
            store, "tester", "screening_run", {"run": n, "version_ids": [f"us_ofac_sdn@{n}"], "név": "é"}
        )


def test_intact_chain_verifies_and_links_each_row_to_the_last(store: SqlStore) -> None:
    fill(store)
    report = verify_audit(store)
    assert report.ok and report.rows == 5 and report.first_bad_seq is None
    entries = audit_entries(store, limit=None)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    first = entries[0]
    assert first.hash == row_hash(
        first.seq, first.ts, first.actor, first.action, canonical_json(first.payload), first.prev_hash
    )
    assert entries[2].payload == {"run": 3, "version_ids": ["us_ofac_sdn@3"], "név": "é"}


def test_entries_returns_the_newest_rows_oldest_first(store: SqlStore) -> None:
    fill(store)
    assert [e.seq for e in audit_entries(store, limit=2)] == [4, 5]


def test_edited_payload_is_named_as_first_bad_row(store: SqlStore) -> None:
    fill(store)
    store.db.execute("UPDATE wf_audit SET payload = ? WHERE seq = 3", ['{"run":99}'])
    report = verify_audit(store)
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "row 3" in (report.reason or "")


def test_edited_actor_is_caught(store: SqlStore) -> None:
    fill(store)
    store.db.execute("UPDATE wf_audit SET actor = 'someone else' WHERE seq = 2")
    assert verify_audit(store).first_bad_seq == 2


def test_rewritten_row_with_recomputed_hash_breaks_the_next_link(store: SqlStore) -> None:
    fill(store)
    row = store.db.query("SELECT seq, ts, actor, action, payload, prev_hash FROM wf_audit WHERE seq = 2")[0]
    forged = row_hash(2, row[1], row[2], row[3], '{"run":42}', row[5])
    store.db.execute("UPDATE wf_audit SET payload = ?, hash = ? WHERE seq = 2", ['{"run":42}', forged])
    report = verify_audit(store)
    assert not report.ok and report.first_bad_seq == 3


def test_deleted_middle_row_is_named(store: SqlStore) -> None:
    fill(store)
    store.db.execute("DELETE FROM wf_audit WHERE seq = 4")
    report = verify_audit(store)
    assert not report.ok and report.first_bad_seq == 4
    assert "missing" in (report.reason or "")


def test_rows_cut_off_the_end_are_caught(store: SqlStore) -> None:
    fill(store)
    store.db.execute("DELETE FROM wf_audit WHERE seq = 5")
    report = verify_audit(store)
    assert not report.ok and report.first_bad_seq == 5


def test_empty_log_is_intact(store: SqlStore) -> None:
    report = verify_audit(store)
    assert report.ok and report.rows == 0


def test_cli_verify_exits_non_zero_naming_the_tampered_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "cli.duckdb")
    store = open_store(location)
    fill(store, 3)
    store.close()
    code, out, err = cli(capsys, location, "audit", "verify")
    assert code == 0, err
    assert "3 rows" in out
    store = open_store(location)
    store.db.execute("UPDATE wf_audit SET action = 'nothing happened' WHERE seq = 2")
    store.close()
    code, out, err = cli(capsys, location, "audit", "verify")
    assert code == 1
    assert "row 2" in err


def test_an_anchor_kept_outside_catches_a_log_cut_and_resealed_or_rewritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "anchored.duckdb")
    store = open_store(location)
    fill(store, 4)
    store.close()
    code, anchor, _ = cli(capsys, location, "audit", "anchor")
    anchor = anchor.strip()
    assert code == 0 and anchor.startswith("4:")
    code, out, _ = cli(capsys, location, "audit", "verify", "--anchor", anchor, "--json")
    assert code == 0 and '"ok": true' in out
    # whoever can write the database cuts the last rows and reseals the head: the chain holds...
    store = open_store(location)
    store.db.execute("DELETE FROM wf_audit WHERE seq >= 3")
    [[digest]] = store.db.query("SELECT hash FROM wf_audit WHERE seq = 2")
    store.db.execute("UPDATE wf_audit_head SET seq = 2, hash = ? WHERE id = 1", [digest])
    assert verify_audit(store).ok
    # ...but not against the anchor taken before, and later rows cannot restore it
    fill(store, 2)
    report = verify_audit(store, [anchor])
    assert not report.ok and report.first_bad_seq == 4 and "as anchored" in (report.reason or "")
    store.close()
    code, _, err = cli(capsys, location, "audit", "verify", "--anchor", anchor)
    assert code == 1 and "row 4" in err
    code, _, err = cli(capsys, location, "audit", "verify", "--anchor", "not-an-anchor")
    assert code == 1 and "SEQ:HASH" in err
