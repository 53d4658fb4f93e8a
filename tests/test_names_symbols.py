"""A word costs rigour's tagger at most once per store: its answer is kept in the store's symbols
file, which the next process reads instead of loading the tagger; a damaged, foreign or stale
file is ignored, never trusted."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from watchfloor.names import symbols
from watchfloor.names.symbols import (
    FILE_NAME,
    FORMAT,
    Symbols,
    flush_symbols,
    open_symbols_file,
    read_symbols,
    symbols_key,
    symbols_of,
    use_tagger,
)

# the CLI as a user runs it, reporting on stderr, after every exit hook of its own (the symbols
# file is written by one), which source answered each word
_COUNTING_CLI = (
    "import atexit, json, sys\n"
    "from watchfloor.names import symbols\n"
    "atexit.register(lambda: print('ANSWERED_BY', json.dumps(symbols.ANSWERED_BY), file=sys.stderr))\n"
    "from watchfloor.cli import main\n"
    "main()\n"
)


def _watchfloor(db: Path, *args: str) -> tuple[str, dict[str, int]]:
    done = subprocess.run(
        [sys.executable, "-c", _COUNTING_CLI, "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = [line for line in done.stderr.splitlines() if line.startswith("ANSWERED_BY ")]
    return done.stdout, json.loads(report[-1].split(" ", 1)[1])


def test_a_query_word_tagged_once_is_answered_from_the_store_file_by_the_next_process(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lists.duckdb"
    _watchfloor(db, "lists", "ingest", "ofac-csv", str(FIXTURES / "ofac_csv" / "sdn-2021"))
    query = ("screen", "Nicolas Madurro", "--schema", "Person", "--json")
    first_out, first = _watchfloor(db, *query)
    assert first.get("tagger", 0) >= 1  # "madurro" is on no list: the tagger is asked
    kept = read_symbols(tmp_path / "saved-index" / FILE_NAME)  # the test's index directory
    assert "madurro" in kept and "maduro" in kept  # a query word, and the list words of the build
    second_out, second = _watchfloor(db, *query)
    assert second.get("tagger", 0) == 0 and second["kept"] >= 1  # rigour's tagger never asked
    assert json.loads(second_out)["results"] == json.loads(first_out)["results"]
    assert json.loads(first_out)["results"][0]["entity_id"] == "ofac-22790"


@pytest.fixture
def counting_tagger() -> Iterator[list[str]]:
    """A stand-in for rigour's tagger that records what it is asked (each word's symbols are
    its length), for tests about the file, not the tagger; only made-up words are asked, so
    no other test meets its answers."""
    asked: list[str] = []

    def tagger(words: Sequence[str]) -> list[Symbols]:
        asked.extend(words)
        return [frozenset({len(word)}) for word in words]

    previous = use_tagger(tagger)
    yield asked
    flush_symbols()
    use_tagger(previous)


def _file(words: dict[str, object], **changed: object) -> str:
    return json.dumps({"format": FORMAT, "key": symbols_key(), "words": words, **changed})


def test_the_tagger_is_asked_once_and_the_file_keeps_other_processes_words(
    tmp_path: Path, counting_tagger: list[str]
) -> None:
    open_symbols_file(tmp_path)
    flush_symbols()  # the periodic write's clock starts now: no write before this test's own
    assert symbols_of("zqxwvk") == {6}
    assert symbols_of("zqxwvk") == {6}
    assert counting_tagger == ["zqxwvk"]
    path = tmp_path / FILE_NAME
    path.write_text(_file({"yzzyxq": [9]}))  # another process of the store wrote meanwhile
    flush_symbols()
    assert read_symbols(path) == {"zqxwvk": frozenset({6}), "yzzyxq": frozenset({9})}
    assert not list(tmp_path.glob(".tmp-*"))  # written under a temporary name, renamed


def test_a_file_keeps_only_its_newest_words(
    tmp_path: Path, counting_tagger: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(symbols, "MAX_WORDS", 2)
    open_symbols_file(tmp_path)
    for word in ("qqzza", "qqzzb", "qqzzcc"):
        symbols_of(word)
    flush_symbols()
    assert read_symbols(tmp_path / FILE_NAME) == {"qqzzb": frozenset({5}), "qqzzcc": frozenset({6})}


def test_answers_from_a_readable_file_of_this_rigour_and_rule_only(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    good = _file({"maduro": [27133570], "madurro": []})
    path.write_text(good)
    assert read_symbols(path) == {"maduro": frozenset({27133570}), "madurro": frozenset()}
    assert version("rigour") in symbols_key()  # an upgrade of rigour ignores every saved answer
    for bad in (
        good[:-7],  # truncated
        _file({"maduro": [27133570]}, key="rigour 0.0.1, rule 000000000000"),
        _file({"maduro": [27133570]}, format="watchfloor-index-2"),
        _file({"maduro": ["Q27133570"]}),
        _file({"maduro": 27133570}),
        json.dumps(["maduro", [27133570]]),
        "\x00\x01 not json",
    ):
        path.write_text(bad)
        assert read_symbols(path) == {}, bad
    path.unlink()
    assert read_symbols(path) == {}
