"""A mutated-file corpus over every list format: 200 mutations of a real fixture per format, with a
fixed seed. Each mutation is either read or refused with a ``SourceError``; nothing else (no
traceback, no internal error), and a file cut inside a record is never read as a shorter list."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from watchfloor.sources import SourceError, get_parser

FIXTURES = Path(__file__).parent / "fixtures"
MUTATIONS = 200
SEED = 20261205
# format -> a real (or schema-true) fixture; ofac-csv is a folder, mutated in its sdn.csv
CORPUS = {
    "ofac-csv": FIXTURES / "ofac_csv" / "sdn-2021",
    "ofac-xml": FIXTURES / "ofac_xml" / "consolidated-2018-04-06.xml",
    "ofac-advanced-xml": FIXTURES / "ofac_advanced_xml" / "cons-advanced-2020-03-17.xml",
    "un-xml": FIXTURES / "un_xml" / "consolidated-small.xml",
    "eu-xml": FIXTURES / "eu_xml" / "fsf-small.xml",
    "uk-xml": FIXTURES / "uk_xml" / "uk-sanctions-list-small.xml",
    "canada-xml": FIXTURES / "canada_xml" / "sema-small.xml",
    "seco-xml": FIXTURES / "seco_xml" / "swiss-sanctions-list-small.xml",
    "dfat-xlsx": FIXTURES / "dfat_xlsx" / "consolidated-small.xlsx",
    "ftm-json": FIXTURES / "ftm_json" / "small.jsonl",
}
TEXT_FORMATS = frozenset({"ofac-csv", "ftm-json"})  # a cut at a line end is a shorter valid file


def _cut(data: bytes, rng: random.Random) -> tuple[bytes, bool]:
    at = rng.randrange(1, len(data))
    return data[:at], True


def _flip(data: bytes, rng: random.Random) -> tuple[bytes, bool]:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), False


def _drop(data: bytes, rng: random.Random) -> tuple[bytes, bool]:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 200) :], False


def _repeat(data: bytes, rng: random.Random) -> tuple[bytes, bool]:
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 400)]
    return data[:start] + piece + data[start:], False


def _splice_bad_text(data: bytes, rng: random.Random) -> tuple[bytes, bool]:
    at = rng.randrange(len(data))
    junk = rng.choice([b"\x00\x00", b"<", b"&bogus;", b'"', b"\xff\xfe", b"]]>", b"\n\n\n", b",,,,"])
    return data[:at] + junk + data[at:], False


MUTATORS: list[Callable[[bytes, random.Random], tuple[bytes, bool]]] = [
    _cut,
    _flip,
    _drop,
    _repeat,
    _splice_bad_text,
]


def _target(format_name: str, source: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(the path to parse, the file to mutate inside it)."""
    if source.is_dir():
        folder = tmp_path / "list"
        shutil.copytree(source, folder)
        return folder, folder / "sdn.csv"
    target = tmp_path / source.name
    return target, target


@pytest.mark.parametrize("format_name", sorted(CORPUS))
def test_mutated_files_are_read_or_refused_never_crash(format_name: str, tmp_path: Path) -> None:
    parser, _ = get_parser(format_name)
    source = CORPUS[format_name]
    original = (source / "sdn.csv").read_bytes() if source.is_dir() else source.read_bytes()
    path, mutated_file = _target(format_name, source, tmp_path)
    rng = random.Random(f"{SEED}-{format_name}")
    outcomes = {"read": 0, "refused": 0}
    for number in range(MUTATIONS):
        mutate = MUTATORS[number % len(MUTATORS)]
        data, is_cut = mutate(original, rng)
        mutated_file.write_bytes(data)
        try:
            entities = list(parser(path, "x"))
        except SourceError:
            outcomes["refused"] += 1
            continue
        except Exception as exc:  # the test's point: any other exception is a crash
            pytest.fail(
                f"{format_name} mutation {number} ({mutate.__name__}) raised {type(exc).__name__}: {exc}"
            )
        outcomes["read"] += 1
        assert entities, f"{format_name} mutation {number}: read, but gave nothing"
        if is_cut and not _at_record_end(format_name, data, original):
            pytest.fail(f"{format_name} mutation {number}: a file cut at byte {len(data)} was read as a list")
    assert outcomes["refused"] > 0


def _at_record_end(format_name: str, data: bytes, original: bytes) -> bool:
    """A text list cut at a line end is a shorter list the parser cannot tell apart."""
    rest = original[len(data) :].lstrip(b" \t\r")
    return format_name in TEXT_FORMATS and (
        data.rstrip(b" \t").endswith((b"\n", b"\r")) or rest.startswith(b"\n")
    )
