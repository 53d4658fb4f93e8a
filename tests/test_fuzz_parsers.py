"""Generated hostile input for every list format (hypothesis, fixed budget, derandomized).

``test_sources_mutations`` flips bytes of the real fixtures with a seeded RNG; here hypothesis
builds inputs that know each format's structure, so they reach past the first check: XML trees of
the real fixture with elements renamed, duplicated, moved and filled with hostile text under lying
encoding declarations, DTDs and raw entity references; OFAC CSV folders with random quoting,
delimiters, line ends and control characters; FtM JSON lines with random nesting, types, NaN and
duplicate keys; DFAT workbooks with random cells, and random bytes inside the workbook's zip.

The property, for each input: the parser yields entities or raises ``SourceError`` with a
one-line message (nothing else, never a hang), and ``ingest_list`` into a DuckDB store either
stores a version or raises and leaves the store as it was.
"""

from __future__ import annotations

import copy
import io
import itertools
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from fuzz_support import (
    FUZZ,
    JSON_SCALARS,
    JSON_VALUES,
    PRINTABLE_CHAR,
    SPLICES,
    fingerprint,
    hostile_text,
    plausible_text,
    splice,
    time_limit,
    xml_legal,
)
from hypothesis import event, example, given
from hypothesis import strategies as st
from lxml import etree
from openpyxl import Workbook  # type: ignore[import-untyped]
from test_sources_mutations import CORPUS

from watchfloor.ingest import ingest_list
from watchfloor.sources import FORMATS, SourceError, get_parser
from watchfloor.sources.dfat_xlsx import OPTIONAL, REQUIRED
from watchfloor.store import SqlStore, StoreError, open_store

XML_FORMATS = sorted(name for name in FORMATS if name.endswith("-xml"))
FIXTURE_BYTES = {
    name: (source / "sdn.csv").read_bytes() if source.is_dir() else source.read_bytes()
    for name, source in CORPUS.items()
}
_numbers = itertools.count()


def test_every_format_is_fuzzed() -> None:
    """A format added to FORMATS without a fixture here would escape the fuzzing."""
    assert set(CORPUS) == set(FORMATS)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    store = open_store(str(tmp_path_factory.mktemp("fuzz-store") / "store.duckdb"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-inputs")


# --- the property -------------------------------------------------------------------------------

DATASETS = st.sampled_from([None, "fuzz_a", "fuzz_b"])  # None: the format's own dataset
PUBLISHED = st.sampled_from([date(2020, 1, 1), date(2024, 6, 30), date(2031, 12, 31)])


def _place(work: Path, format_name: str, files: dict[str, bytes]) -> Path:
    """Write one example's files in a folder of their own; the path the parser is given."""
    folder = work / str(next(_numbers))
    if format_name == "ofac-csv":
        target = folder / "list"
        shutil.copytree(CORPUS["ofac-csv"], target)
        for name, data in files.items():
            (target / name).write_bytes(data)
        return target
    folder.mkdir()
    path = folder / CORPUS[format_name].name
    path.write_bytes(files[""])
    return path


def read_or_refused(
    store: SqlStore,
    work: Path,
    format_name: str,
    files: dict[str, bytes],
    dataset: str | None,
    published: date,
) -> None:
    """Parse, then ingest: entities or one SourceError sentence; a version or an unchanged store."""
    path = _place(work, format_name, files)
    try:
        parser, default_dataset = get_parser(format_name)
        refused: SourceError | None = None
        with time_limit():
            try:
                entities = list(parser(path, dataset or default_dataset))
            except SourceError as exc:
                refused = exc
        event("parsed" if refused is None else "refused by the parser")
        if refused is None:
            assert entities, "read without a SourceError, but gave no entities"
        else:
            message = str(refused).strip()
            assert message and "\n" not in message and "Traceback" not in message, repr(message)
        before = fingerprint(store)
        with time_limit():
            try:
                version, created = ingest_list(store, format_name, path, dataset=dataset, published=published)
            except (SourceError, StoreError):
                assert fingerprint(store) == before, "a refused ingest changed the store"
                event("ingest refused")
                return
        assert refused is None, f"stored a file the parser refuses ({refused})"
        after = fingerprint(store)
        event("version stored" if created else "same as the stored version")
        if created:
            assert (version.version_id, version.statement_count) in after["versions"]
            grown = after["rows"].get("wf_statements", 0) - before["rows"].get("wf_statements", 0)
            assert grown == version.statement_count
        else:
            assert after == before
    finally:
        shutil.rmtree(path if path.is_dir() else path.parent, ignore_errors=True)


# --- random bytes, and the real fixture spliced ---------------------------------------------------

OFAC_CSV_FILES = st.sampled_from(["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"])
PREFIXES = st.sampled_from(
    [b"", b"<?xml version='1.0'?>", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b'{"id": ', b"[", b"306,"]
)


def _files(format_name: str, target: str, data: bytes) -> dict[str, bytes]:
    return {target: data} if format_name == "ofac-csv" else {"": data}


@FUZZ
@pytest.mark.parametrize("format_name", sorted(FORMATS))
@given(
    prefix=PREFIXES,
    data=st.binary(max_size=2048),
    target=OFAC_CSV_FILES,
    dataset=DATASETS,
    published=PUBLISHED,
)
def test_random_bytes_are_read_or_refused(
    fuzz_store: SqlStore,
    work: Path,
    format_name: str,
    prefix: bytes,
    data: bytes,
    target: str,
    dataset: str | None,
    published: date,
) -> None:
    read_or_refused(
        fuzz_store, work, format_name, _files(format_name, target, prefix + data), dataset, published
    )


@FUZZ
@pytest.mark.parametrize("format_name", sorted(FORMATS))
@given(edits=SPLICES, target=OFAC_CSV_FILES, dataset=DATASETS, published=PUBLISHED)
def test_spliced_fixtures_are_read_or_refused(
    fuzz_store: SqlStore,
    work: Path,
    format_name: str,
    edits: list[tuple[str, int, int, bytes]],
    target: str,
    dataset: str | None,
    published: date,
) -> None:
    source = CORPUS[format_name]
    original = (source / target).read_bytes() if source.is_dir() else FIXTURE_BYTES[format_name]
    data = splice(original, edits)
    read_or_refused(fuzz_store, work, format_name, _files(format_name, target, data), dataset, published)


# --- XML: the real tree, edited, under a random envelope ------------------------------------------

# Raw text the serializer would escape: entity references, character references to characters
# XML forbids, markup, bytes that are no character in the declared encoding.
RAW_XML = st.sampled_from(
    [
        b"&e;",
        b"&undefined;",
        b"&#0;",
        b"&#x1F;",
        b"&#xD800;",
        b"&#1114112;",
        b"&#65;&#x42;",
        b"&amp;&lt;&gt;&quot;&apos;",
        b"<![CDATA[<b>&x;</b>]]>",
        b"<!-- note -->",
        b"<?pi data?>",
        b"\x00",
        b"\x1f",
        b"\xff\xfe",
        b"\xc3",
        b"]]>",
        b"&",
        b"<",
        b"<x>",
        b"</x>",
    ]
)
ENCODING_NAMES = ["UTF-8", "utf-16", "UTF-32", "ISO-8859-1", "windows-1252", "latin_1", "ascii", "EBCDIC-US"]
DECLARATIONS = st.one_of(
    st.none(),
    st.just("<?xml version='1.0'?>"),
    st.just('<?xml version="2.0" encoding="UTF-8"?>'),
    st.sampled_from([*ENCODING_NAMES, "x-bogus"]).map(
        lambda enc: f'<?xml version="1.0" encoding="{enc}" standalone="yes"?>'
    ),
)
DOCTYPES = st.sampled_from(
    [
        None,
        "<!DOCTYPE r>",
        "<!DOCTYPE r [<!ENTITY e 'expanded'>]>",
        "<!DOCTYPE r SYSTEM 'file:///etc/passwd'>",
        "<!DOCTYPE r [<!ENTITY e SYSTEM 'http://127.0.0.1:9/x'>]>",
        "<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
        "<!ENTITY e '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]>",
    ]
)
BODY_ENCODINGS = st.sampled_from(["utf-8", "utf-8", "iso-8859-1", "utf-16"])
PLACEHOLDER = "\ue000{}\ue001"


@dataclass(frozen=True)
class Envelope:
    """How a tree becomes bytes: a declaration (true or not), a DOCTYPE, the body's encoding, a
    BOM, and raw snippets put where the tree holds placeholders."""

    declaration: str | None = None
    doctype: str | None = None
    encoding: str = "utf-8"
    bom: bool = False

    def write(self, root: etree._Element, raw: list[bytes]) -> bytes:
        body = etree.tostring(root, encoding=self.encoding, xml_declaration=False)
        for index, snippet in enumerate(raw):
            marker = PLACEHOLDER.format(index).encode(self.encoding, errors="xmlcharrefreplace")
            body = body.replace(marker, snippet)
        head = "\n".join(part for part in (self.declaration, self.doctype) if part).encode("ascii")
        out = head + (b"\n" if head else b"") + body
        return (b"\xef\xbb\xbf" if self.bom else b"") + out


ENVELOPES = st.builds(Envelope, DECLARATIONS, DOCTYPES, BODY_ENCODINGS, st.booleans())
XML_NAME = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.-]{0,12}\Z")
Edit = tuple[str, int, int, str, str]
EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            ["text", "attribute", "rename", "drop", "duplicate", "move", "empty", "child", "raw"]
        ),
        st.integers(min_value=0),
        st.integers(min_value=0),
        hostile_text(),
        XML_NAME,
    ),
    min_size=1,
    max_size=8,
)


def _vocabulary(root: etree._Element) -> list[str]:
    return sorted({el.tag for el in root.iter() if isinstance(el.tag, str)})


def edit_tree(root: etree._Element, edits: list[Edit], raw: list[bytes]) -> None:
    """Apply ``edits`` to the tree (positions wrap around); a "raw" edit leaves a placeholder
    that ``Envelope.write`` replaces with a snippet from ``raw``."""
    vocabulary = _vocabulary(root)
    for kind, at, other, text, name in edits:
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        element = elements[at % len(elements)]
        parent = element.getparent()
        value = xml_legal(text)
        if kind == "text":
            element.text = value
        elif kind == "attribute":
            existing = sorted(element.attrib)
            element.set(existing[other % len(existing)] if existing and other % 3 else name, value)
        elif kind == "rename":
            element.tag = vocabulary[other % len(vocabulary)] if other % 2 else name
        elif kind == "drop" and parent is not None:
            parent.remove(element)
        elif kind == "duplicate" and parent is not None:
            element.addnext(copy.deepcopy(element))
        elif kind == "move" and parent is not None:
            target = elements[other % len(elements)]
            if element not in target.iterancestors() and target is not element:
                target.append(element)
        elif kind == "empty":
            element.clear(keep_tail=True)
        elif kind == "child":
            child = etree.SubElement(element, vocabulary[other % len(vocabulary)])
            child.text = value
        elif kind == "raw" and raw:
            element.text = (element.text or "") + PLACEHOLDER.format(other % len(raw))


@FUZZ
@pytest.mark.parametrize("format_name", XML_FORMATS)
@given(
    edits=EDITS, raw=st.lists(RAW_XML, max_size=3), envelope=ENVELOPES, dataset=DATASETS, published=PUBLISHED
)
# lxml's message for a NUL ends with a line break: the refusal was two lines long
@example(
    edits=[("raw", 0, 0, "", "A")],
    raw=[b"\x00"],
    envelope=Envelope(),
    dataset=None,
    published=date(2020, 1, 1),
)
def test_edited_xml_trees_are_read_or_refused(
    fuzz_store: SqlStore,
    work: Path,
    format_name: str,
    edits: list[Edit],
    raw: list[bytes],
    envelope: Envelope,
    dataset: str | None,
    published: date,
) -> None:
    root = etree.fromstring(FIXTURE_BYTES[format_name])
    edit_tree(root, edits, raw)
    read_or_refused(fuzz_store, work, format_name, {"": envelope.write(root, raw)}, dataset, published)


def _element(
    tag: str, attributes: dict[str, str], text: str, children: list[etree._Element]
) -> etree._Element:
    element = etree.Element(tag, {name: xml_legal(value) for name, value in attributes.items()})
    element.text = xml_legal(text)
    element.extend(children)
    return element


def random_document(format_name: str) -> st.SearchStrategy[etree._Element]:
    """A tree from nothing: the format's root (or another), element names from its vocabulary or
    random, random attributes and text."""
    fixture_root = etree.fromstring(FIXTURE_BYTES[format_name])
    tags = st.sampled_from(_vocabulary(fixture_root)) | XML_NAME
    attributes = st.dictionaries(XML_NAME, hostile_text(), max_size=3)
    leaf = st.builds(_element, tags, attributes, hostile_text(), st.just([]))

    def nest(children: st.SearchStrategy[etree._Element]) -> st.SearchStrategy[etree._Element]:
        return st.builds(_element, tags, attributes, hostile_text(), st.lists(children, max_size=4))

    tree = st.recursive(leaf, nest, max_leaves=12)
    root_tag = st.just(fixture_root.tag) | tags
    return st.builds(_element, root_tag, attributes, st.just(""), st.lists(tree, max_size=5))


@FUZZ
@pytest.mark.parametrize("format_name", XML_FORMATS)
@given(data=st.data(), envelope=ENVELOPES, dataset=DATASETS, published=PUBLISHED)
def test_generated_xml_documents_are_read_or_refused(
    fuzz_store: SqlStore,
    work: Path,
    format_name: str,
    data: st.DataObject,
    envelope: Envelope,
    dataset: str | None,
    published: date,
) -> None:
    root = data.draw(random_document(format_name))
    read_or_refused(fuzz_store, work, format_name, {"": envelope.write(root, [])}, dataset, published)


# --- OFAC legacy CSV: generated folders -----------------------------------------------------------
# Each generator has a tame mode (values of every kind, in a well-formed file: the parser's
# deeper logic is reached) and a wild one (the file's own structure broken too).

DIGITS = st.integers(min_value=0, max_value=99999).map(str)
ENT_NUMS = st.sampled_from(["306", "4243", " 306 ", "0" * 30, "9" * 25, "-0-", "", "abc", "3O6", "١٢٣"])
SDN_TYPES = st.sampled_from(["-0-", "individual", "vessel", "aircraft", "Entity", "INDIVIDUAL", ""])
PROGRAMS = st.sampled_from(["SDGT", "SDGT] [IRGC] [IFSR", "]", "[", "] [", "CUBA]] [[IRAN", ""])
REMARK_PARTS = st.sampled_from(
    [
        "DOB 23 Nov 1962",
        "DOB 31 Feb 1962",
        "DOB circa 1960 to 1999",
        "DOB 1 to 99999999",
        "alt. DOB Jan 1970",
        "POB Caracas, Venezuela",
        "nationality Atlantis",
        "citizen Venezuela",
        "Gender Male",
        "Passport A0237802 (Venezuela) issued 99 Abc 2001 expires 2000",
        "Cedula No. 5892464 (Venezuela)",
        "NIT # 800.123.456-7 (Colombia)",
        "a.k.a. 'BNC'",
        "f.k.a. 'ANA I",
        "Linked To: CABELLO RONDON, Diosdado",
        "Digital Currency Address - XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "Digital Currency Address - ",
        "Email Address info@x",
        "Website http://",
        "Phone Number: +58",
        "Organization Established Date 32 Jan 2001",
        "Vessel Year of Build 0",
        "Additional Sanctions Information - Subject to Secondary Sanctions",
        "alt. ",
        ";;",
        "",
    ]
)


def _quote(cell: str, style: int) -> str:
    if style == 0:
        return '"' + cell.replace('"', '""') + '"'
    if style == 1:
        return cell
    if style == 2:
        return '"' + cell + '"'  # inner quotes left unescaped
    return ' "' + cell + '" '  # spaces around the quotes


@st.composite
def csv_text(draw: st.DrawFn, rows: list[list[str]], wild: bool) -> bytes:
    """The rows written as OFAC does (quoted, comma, one encoding); when wild, with random
    quoting, delimiter, line ends and EOF markers."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"])) if wild else ","
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"] if wild else ["\n", "\r\n"]))
    lines = []
    for row in rows:
        styles = [draw(st.integers(0, 3)) if wild else 0 for _ in row]
        lines.append(delimiter.join(_quote(cell, style) for cell, style in zip(row, styles, strict=True)))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline + "\x1a", "\x1a\x1a"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace")


@st.composite
def ofac_folder(draw: st.DrawFn) -> dict[str, bytes]:
    """sdn.csv, add.csv, alt.csv (and sometimes sdn_comments.csv) whose rows mostly refer to
    each other, with plausible values; when wild, hostile values and rows of the wrong width."""
    wild = draw(st.integers(0, 3)) == 3
    text = hostile_text if wild else plausible_text
    cell = text(30) | st.just("-0-")
    nums = DIGITS | ENT_NUMS if wild else DIGITS
    remarks = st.lists(REMARK_PARTS | text(20), max_size=5).map("; ".join)
    sdn_rows = draw(
        st.lists(
            st.tuples(
                nums,
                cell if wild else plausible_text(30).filter(lambda name: name.strip() not in ("", "-0-")),
                SDN_TYPES | text(12) if wild else SDN_TYPES,
                PROGRAMS | text(12),
                st.lists(cell, min_size=7, max_size=7),
                remarks,
            ),
            min_size=1,
            max_size=6,
            unique_by=lambda row: row[0].strip(),
        )
    )
    sdn = [[num, name, kind, program, *middle, rem] for num, name, kind, program, middle, rem in sdn_rows]
    refs = st.sampled_from([row[0] for row in sdn]) | nums
    add = [
        [num, str(i), *cells]
        for i, (num, cells) in enumerate(
            draw(st.lists(st.tuples(refs, st.lists(cell, min_size=4, max_size=4)), max_size=4))
        )
    ]
    alt_kinds = st.sampled_from(["aka", "fka", "nka", "-0-"]) | cell
    alt = [
        [num, str(i), kind, name, "-0-"]
        for i, (num, kind, name) in enumerate(draw(st.lists(st.tuples(refs, alt_kinds, cell), max_size=4)))
    ]
    comments = [[num, note] for num, note in draw(st.lists(st.tuples(refs, remarks), max_size=2))]
    if wild:
        for table in (sdn, add, alt):
            if table and draw(st.booleans()):
                table[0] = table[0][: draw(st.integers(min_value=0, max_value=14))]
    files = {
        name: draw(csv_text(rows, wild))
        for name, rows in (("sdn.csv", sdn), ("add.csv", add), ("alt.csv", alt))
    }
    if comments:
        files["sdn_comments.csv"] = draw(csv_text(comments, wild))
    return files


@FUZZ
@given(files=ofac_folder(), dataset=DATASETS, published=PUBLISHED)
def test_generated_ofac_csv_folders_are_read_or_refused(
    fuzz_store: SqlStore, work: Path, files: dict[str, bytes], dataset: str | None, published: date
) -> None:
    read_or_refused(fuzz_store, work, "ofac-csv", files, dataset, published)


# --- FtM JSON lines: generated entities -----------------------------------------------------------

CONCRETE_SCHEMATA = sorted(name for name, schema in model.schemata.items() if not schema.abstract)
TAME_IDS = st.sampled_from(["e1", "e2", "ofac-306", "Q7747"]) | st.text(
    PRINTABLE_CHAR, min_size=1, max_size=12
)


@st.composite
def ftm_entity(draw: st.DrawFn, wild: bool, depth: int = 0) -> dict[str, Any]:
    """An entity object of a real schema with its real properties and values of any text, now
    and then an entity nested in a value; when wild, any schema, property, ID and JSON type."""
    schema_name = draw(st.sampled_from(CONCRETE_SCHEMATA) | (hostile_text(10) if wild else st.nothing()))
    schema = model.get(schema_name) or model.get("Thing")
    names = sorted(name for name, prop in schema.properties.items() if wild or not prop.stub)
    prop_names = st.sampled_from(names or ["name"]) | (st.text(max_size=8) if wild else st.nothing())
    scalar = JSON_SCALARS if wild else plausible_text() | st.integers() | st.floats(allow_nan=False)
    value = scalar if depth >= 2 else scalar | ftm_entity(wild, depth + 1)
    properties = st.dictionaries(prop_names, st.lists(value, max_size=3) | value, max_size=4)
    entity: dict[str, Any] = {
        "id": draw(TAME_IDS | (JSON_SCALARS if wild else st.nothing())),
        "schema": schema_name,
        "properties": draw(properties | (JSON_VALUES if wild else st.nothing())),
    }
    extra = st.dictionaries(
        st.sampled_from(["caption", "datasets", "referents", "x"]), JSON_VALUES, max_size=2
    )
    entity.update(draw(extra))
    return entity


@st.composite
def json_line(draw: st.DrawFn, wild: bool) -> bytes:
    """One line: an entity object; when wild, with NaN/Infinity where floats are, a duplicated
    key, nesting deeper than any parser allows, or bytes that are not UTF-8."""
    kind = draw(st.integers(0, 9)) if wild else 9
    if kind == 0:
        depth = draw(st.integers(100, 5000))
        if draw(st.booleans()):
            return b"[" * depth + b"]" * depth
        return b'{"a":' * depth + b"1" + b"}" * depth
    if kind == 1:
        return draw(st.binary(max_size=40))
    if kind == 2:
        return json.dumps(draw(JSON_VALUES)).encode()
    text = json.dumps(draw(ftm_entity(wild)), ensure_ascii=draw(st.booleans()))
    if kind == 3:  # a key given twice: the JSON parser keeps the last one
        key = draw(st.sampled_from(["id", "schema", "properties"]))
        text = "{" + f'"{key}": {json.dumps(draw(JSON_VALUES))}, ' + text[1:]
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def ftm_file(draw: st.DrawFn) -> bytes:
    wild = draw(st.integers(0, 2)) == 2
    lines = draw(st.lists(json_line(wild), min_size=1, max_size=6))
    if draw(st.integers(0, 4)) == 4:  # the array form: one JSON document
        body = b"[" + b",".join(lines) + b"]"
    else:
        body = draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"])).join(lines)
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + body


@FUZZ
@given(data=ftm_file(), dataset=DATASETS, published=PUBLISHED)
def test_generated_ftm_json_is_read_or_refused(
    fuzz_store: SqlStore, work: Path, data: bytes, dataset: str | None, published: date
) -> None:
    read_or_refused(fuzz_store, work, "ftm-json", {"": data}, dataset, published)


# --- DFAT workbook: generated sheets, and random bytes inside the zip -----------------------------

CELL_VALUES = st.one_of(
    st.none(),
    hostile_text(30).map(xml_legal),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 1, 1)),
    st.dates(min_value=date(1900, 3, 1)),
)
TAME_COLUMNS = {
    "Reference": st.sampled_from(["1", "2", "3"]) | st.sampled_from(["1a", "1b", "300aa", "01", "1 a", "3Z"]),
    "Name of Individual or Entity": plausible_text(30).map(xml_legal).filter(str.strip),
    "Type": st.sampled_from(["Individual", "Entity", "Vessel", "ship", "", "Aircraft"]),
    "Name Type": st.just("Primary Name")
    | st.sampled_from(["aka", "Alias", "Original Script", "fka", "x", ""]),
    "Alias Strength": st.sampled_from(["Weak", "Strong", ""]),
}
NUMBER_FORMATS = st.sampled_from(["General", "mmm-yy", "dd/mm/yyyy", "yyyy", "@"])


@st.composite
def workbook(draw: st.DrawFn) -> bytes:
    """A workbook whose header names the required columns (in any order), with rows of cells of
    every type Excel has, grouped by references; when wild, columns missing, any reference and
    name, and the list not on the first sheet."""
    wild = draw(st.integers(0, 3)) == 3
    missing = draw(st.sets(st.sampled_from(REQUIRED), max_size=2)) if wild else set()
    extra = draw(st.lists(st.sampled_from([*OPTIONAL, "Junk", ""]), max_size=3))
    columns = draw(st.permutations([name for name in REQUIRED if name not in missing] + extra))
    book = Workbook()
    sheet = book.active
    sheet.title = draw(st.sampled_from(["Consolidated List", "Sheet1"]))
    if wild and draw(st.booleans()):
        book.create_sheet("Other", 0)
    sheet.append([name.upper() if draw(st.booleans()) else name for name in columns])
    for _ in range(draw(st.integers(1 if not wild else 0, 6))):
        sheet.append([draw(CELL_VALUES if wild else TAME_COLUMNS.get(name, CELL_VALUES)) for name in columns])
        for cell in sheet[sheet.max_row]:
            cell.number_format = draw(NUMBER_FORMATS)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@FUZZ
# openpyxl warns of a number formatted as a date that no date can be; the cell reads as an error
@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")
@given(data=workbook(), dataset=DATASETS, published=PUBLISHED)
def test_generated_dfat_workbooks_are_read_or_refused(
    fuzz_store: SqlStore, work: Path, data: bytes, dataset: str | None, published: date
) -> None:
    read_or_refused(fuzz_store, work, "dfat-xlsx", {"": data}, dataset, published)


@st.composite
def damaged_workbook(draw: st.DrawFn) -> bytes:
    """The real workbook's zip with members replaced by random bytes, spliced, dropped or added,
    stored compressed or not."""
    with zipfile.ZipFile(io.BytesIO(FIXTURE_BYTES["dfat-xlsx"])) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    names = sorted(members)
    damage = st.tuples(
        st.sampled_from(["bytes", "splice", "drop", "add"]), st.integers(min_value=0), st.binary(max_size=64)
    )
    for kind, at, junk in draw(st.lists(damage, min_size=1, max_size=3)):
        name = names[at % len(names)]
        if kind == "bytes":
            members[name] = junk
        elif kind == "splice":
            members[name] = splice(members.get(name, b""), draw(SPLICES))
        elif kind == "drop":
            members.pop(name, None)
        else:
            added = draw(st.sampled_from(["xl/worksheets/sheet2.xml", "../evil", "xl/sharedStrings.xml"]))
            members[added] = junk
    compression = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@FUZZ
@given(data=damaged_workbook(), dataset=DATASETS, published=PUBLISHED)
def test_damaged_dfat_zips_are_read_or_refused(
    fuzz_store: SqlStore, work: Path, data: bytes, dataset: str | None, published: date
) -> None:
    read_or_refused(fuzz_store, work, "dfat-xlsx", {"": data}, dataset, published)
