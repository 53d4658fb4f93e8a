"""Shared by the fuzz suites (no tests here): the fixed example budget, a time limit per example,
hostile text, and a cheap fingerprint of everything a store holds.

The budget is fixed and the generation derandomized so that CI runs the same examples every
time; ``WATCHFLOOR_FUZZ_EXAMPLES=2000`` raises it for a long local run.
"""

from __future__ import annotations

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
    """Rows per watchfloor table, the list versions and the audit head: what any write changes."""
    tables = [
        row[0]
        for row in store.db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'wf\\_%' ESCAPE '\\' "
            "ORDER BY table_name"
        )
    ]
    counts = {table: int(store.db.query(f"SELECT COUNT(*) FROM {table}")[0][0]) for table in tables}
    head = store.db.query("SELECT seq, hash FROM wf_audit_head") if "wf_audit_head" in tables else []
    return {
        "rows": counts,
        "versions": [(v.version_id, v.statement_count) for v in store.versions()],
        "audit_head": [tuple(row) for row in head],
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


def plausible_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """A value from ``HOSTILE_VALUES``, a huge field, or random text without control characters:
    what a well-formed file can carry."""
    return st.one_of(
        st.sampled_from(HOSTILE_VALUES),
        HUGE_TEXT,
        st.text(PRINTABLE_CHAR, max_size=max_size),
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
