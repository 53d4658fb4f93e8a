"""Shared by the fuzz suites (no tests here): the fixed example budget, a time limit per example,
hostile text, and a cheap fingerprint of everything a store holds.

The budget is fixed and the generation derandomized so that CI runs the same examples every
time; ``WATCHFLOOR_FUZZ_EXAMPLES=2000`` raises it for a long local run.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from watchfloor.store import SqlStore

FUZZ_EXAMPLES = int(os.environ.get("WATCHFLOOR_FUZZ_EXAMPLES", "40"))
EXAMPLE_SECONDS = 30  # far above any example's time on a loaded machine; a hang fails the test

settings.register_profile(
    "watchfloor-fuzz",
    max_examples=FUZZ_EXAMPLES,
    derandomize=True,  # the same examples on every run: CI failures reproduce
    database=None,  # nothing written under the repository
    deadline=None,  # timings on two shared cores are noise; ``time_limit`` catches real hangs
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    print_blob=True,
)
FUZZ = settings.get_profile("watchfloor-fuzz")


class ExampleTimeout(Exception):
    """An example ran past ``EXAMPLE_SECONDS``: the code under test hangs or is pathologically slow."""


@contextmanager
def time_limit(seconds: int = EXAMPLE_SECONDS) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM: pytest runs tests on the main thread)."""

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise ExampleTimeout(f"the example ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fingerprint(store: SqlStore) -> dict[str, Any]:
    """What any write changes: rows per watchfloor table, the list versions, the audit head, and
    a digest of every table's rows but the statements (their count and the versions cover them).
    Empty tables are left out: a table created on first use (``CREATE TABLE IF NOT EXISTS``)
    holds nothing new."""
    names = sorted(
        row[0]
        for row in store.db.query("SELECT table_name FROM information_schema.tables")
        if str(row[0]).startswith("wf_")
    )
    counts = {table: int(store.db.query(f"SELECT COUNT(*) FROM {table}")[0][0]) for table in names}
    counts = {table: count for table, count in counts.items() if count}
    tables = sorted(counts)
    contents = {
        table: hashlib.sha256(
            repr(sorted(map(repr, store.db.query(f"SELECT * FROM {table}")))).encode()
        ).hexdigest()
        for table in tables
        if table != "wf_statements"
    }
    head = store.db.query("SELECT seq, hash FROM wf_audit_head") if "wf_audit_head" in tables else []
    return {
        "rows": counts,
        "versions": [(v.version_id, v.statement_count) for v in store.versions()],
        "audit_head": [tuple(row) for row in head],
        "contents": contents,
    }


# Values that have broken parsers and matchers elsewhere: empty and blank, nulls in their various
# spellings, numbers at the edges, dates that are not dates, markup and SQL, zero-width and
# bidirectional marks, combining characters, scripts without case, astral characters.
HOSTILE_VALUES = [
    "",
    " ",
    "\t \n",
    "-0-",
    "-0- ",
    "0",
    "-1",
    "1e400",
    "-0",
    "NaN",
    "Infinity",
    "null",
    "None",
    "true",
    "1962-11-23",
    "23/11/1962",
    "31/02/1962",
    "00/00/0000",
    "1962-13-45",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "circa 1970",
    "1950 to 1970",
    "1 to 99999999",
    "BETWEEN 1 AND 9999",
    "Listed on: 31 Feb 2019",
    "Listed on: 1 Foo 2019",
    "a) 1955 b) 1956",
    "DOB 12 Jan 1962; POB Caracas, Venezuela; alt. DOB circa 1960 to 1999",
    "Passport 123 (Venezuela) issued 99 Abc 2001 expires 2000",
    "a.k.a. 'X'; Linked To: Y.; Digital Currency Address - XBT 1abc; nationality Atlantis",
    "ve",
    "XX",
    "zz",
    "Venezuela",
    "Person",
    "individual",
    "vessel",
    "Primary Name",
    "\u200b",
    "\u200e\u202e",
    "\ufeff",
    "e\u0301\u0301\u0301",
    "ﷺ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "名前 名前",
    "Ñoño Müller-Łukasz",
    "'; DROP TABLE wf_statements; --",
    "<script>alert(1)</script>",
    "%s%n%x",
    "{0}{1}",
    "\\",
    "../../etc/passwd",
    "a\u2028b\u2029c",
    "=cmd|' /C calc'!A0",
]


def _legal_xml_char(char: str) -> bool:
    code = ord(char)
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def xml_legal(text: str) -> str:
    """The characters of ``text`` an XML document can hold."""
    return "".join(char for char in text if _legal_xml_char(char))


# Any character but lone surrogates (which no encoder can write).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
PRINTABLE_CHAR = st.characters(exclude_categories=("Cs", "Cc"))
CONTROL_CHARS = st.sampled_from(
    ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1a", "\x1b", "\x7f", "\x85", "\u2028", "\ufffe", "\uffff"]
)


# A field far longer than any list value (a string literal this long would make hypothesis's
# reprs of the strategies, computed on every example, expensive).
HUGE_TEXT = st.builds(str.__mul__, st.sampled_from(["x", "9", "Ñ ", "\u200b"]), st.integers(300, 20_000))


def mostly(
    usual: st.SearchStrategy[Any], other: st.SearchStrategy[Any], odds: int = 3
) -> st.SearchStrategy[Any]:
    """``usual`` ``odds`` times in ``odds + 1``, else ``other`` (``one_of`` draws its branches
    evenly, and merges a branch given twice). ``usual`` is the simplest choice, the one hypothesis
    tries first and shrinks towards."""
    return st.integers(0, odds).flatmap(lambda n: other if n == odds else usual)


def plausible_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """A value from ``HOSTILE_VALUES``, a huge field, or random text without control characters:
    what a well-formed file can carry."""
    return mostly(
        st.sampled_from(HOSTILE_VALUES) | st.text(PRINTABLE_CHAR, max_size=max_size), HUGE_TEXT, odds=7
    )


def hostile_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """``plausible_text``, random text of any character, or text around control characters."""
    return st.one_of(
        plausible_text(max_size),
        st.text(ANY_CHAR, max_size=max_size),
        st.builds(
            lambda a, c, b: a + c + b,
            st.text(ANY_CHAR, max_size=8),
            CONTROL_CHARS,
            st.sampled_from(HOSTILE_VALUES),
        ),
    )


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),  # json.dumps writes NaN and Infinity
    hostile_text(),
)


def _json_containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)


JSON_VALUES = st.recursive(JSON_SCALARS, _json_containers, max_leaves=10)

SPLICES = st.lists(
    st.tuples(
        st.sampled_from(["cut", "drop", "duplicate", "insert", "move"]),
        st.integers(min_value=0),
        st.integers(min_value=0, max_value=600),
        st.binary(max_size=24) | CONTROL_CHARS.map(str.encode) | st.sampled_from([b"\n", b'"', b"<", b"&"]),
    ),
    min_size=1,
    max_size=4,
)


def splice(data: bytes, edits: list[tuple[str, int, int, bytes]]) -> bytes:
    """Cut, drop, duplicate, insert or move slices of ``data`` (positions wrap around its length)."""
    for kind, at, length, junk in edits:
        if not data:
            break
        at %= len(data)
        piece = data[at : at + length]
        if kind == "cut":
            data = data[:at]
        elif kind == "drop":
            data = data[:at] + data[at + length :]
        elif kind == "duplicate":
            data = data[:at] + piece + data[at:]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        else:  # move the slice to the position ``length`` bytes before the end
            rest = data[:at] + data[at + length :]
            to = max(len(rest) - length, 0)
            data = rest[:to] + piece + rest[to:]
    return data
