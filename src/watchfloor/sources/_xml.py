"""Reading an official list published as one XML document: refuse what is not that document, then
stream its records, whole or not at all.

The UN, EU, UK, Canadian and Swiss lists share the same hazards (a truncated download, an HTML error page saved as
``.xml``, a UTF-8 file that declares Latin-1, an entity-expansion bomb), so the checks live here
once. The parse is lxml's ``iterparse`` with no entity resolution, no network and no huge-tree
allowance; each record is turned into entities and cleared, and the entities are returned only
after the closing tag was read, so a cut file yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.sources._input import describe_foreign
from watchfloor.sources.errors import SourceError

# One record turned into entities: a key naming it for the duplicate check ("DATAID 12"), and its entities.
Built = tuple[str, list[StatementEntity]]


@dataclass(frozen=True)
class XmlList:
    """What one list's document looks like, and how to name it in messages."""

    label: str  # "the UN consolidated list": read in "<file> is X, not <label> XML"
    roots: frozenset[str]  # accepted root tags, in Clark notation ("{namespace}export")
    root_display: str  # the root as the user knows it: "<CONSOLIDATED_LIST>"
    records: frozenset[str] = frozenset()  # record tags (Clark notation), for read_records
    depth: int = 2  # depth of a record element, the root being 1
    record_names: str = "records"  # "INDIVIDUAL or ENTITY records"

    @classmethod
    def rooted(cls, label: str, root: str) -> XmlList:
        """A list read element by element (``iter_elements``): only its root is checked here."""
        return cls(label, frozenset({root}), f"<{root}>")


_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)[\"']")
_SINGLE_BYTE = frozenset({"iso-8859-1", "latin-1", "latin1", "iso-8859-15", "windows-1252", "cp1252"})


def local_name(tag: object) -> str:
    """An element's tag without its namespace."""
    return etree.QName(str(tag)).localname


def _show_tag(tag: object) -> str:
    qname = etree.QName(str(tag))
    if qname.namespace:
        return f"<{qname.localname}> in namespace {qname.namespace}"
    return f"<{qname.localname}>"


def _is_utf8_text(path: Path) -> bool:
    """Bytes beyond ASCII that all decode as UTF-8: single-byte accented text almost never does."""
    data = path.read_bytes()
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_start(path: Path, spec: XmlList) -> None:
    """Refuse a missing, empty or foreign file, and a UTF-8 file declared as a single-byte encoding."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder; expected {spec.label} XML file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head.strip():
        raise SourceError(f"{path.name} is empty; expected {spec.label} XML")
    foreign = describe_foreign(head)
    if foreign and not foreign.startswith("an XML"):
        raise SourceError(f"{path.name} is {foreign}, not {spec.label} XML")
    found = _DECLARED_ENCODING.search(head)
    declared = found.group(1).decode("ascii") if found else ""
    if declared.lower().replace("_", "-") in _SINGLE_BYTE and _is_utf8_text(path):
        raise SourceError(
            f"{path.name} declares {declared} but its bytes are UTF-8: read as declared, every "
            "accented name would be garbled (fix the declaration, or save the file as declared)"
        )


def iter_elements(path: Path, spec: XmlList) -> Iterator[tuple[int, etree._Element]]:
    """``(depth, element)`` at each element's end, depth 1 being the root's children; the caller
    releases what it used (``release``). SourceError for a foreign or malformed document, another
    root or a document that declares its own DTD (no official list carries entity declarations)."""
    check_start(path, spec)
    context = etree.iterparse(
        str(path), events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False
    )
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                if depth == 0:
                    _check_root(path, element, spec)
                depth += 1
                continue
            depth -= 1
            yield depth, element
    except etree.XMLSyntaxError as exc:
        # lxml's message can end in a line break ("Char 0x0 out of allowed range\n"): one line
        reason = re.sub(r", line \d+, column \d+$", "", " ".join((exc.msg or str(exc)).split()))
        raise SourceError(f"{path.name} is not well-formed XML: {reason} (line {exc.lineno})") from None


def _check_root(path: Path, element: etree._Element, spec: XmlList) -> None:
    if element.getroottree().docinfo.internalDTD is not None:
        raise SourceError(
            f"{path.name} declares its own DTD (entity declarations); {spec.label} carries none, "
            "and its entities are not expanded"
        )
    if element.tag not in spec.roots:
        raise SourceError(
            f"{path.name} is XML with root {_show_tag(element.tag)}, not {spec.label} {spec.root_display}"
        )


def read_records(
    path: Path, spec: XmlList, build: Callable[[etree._Element], Built]
) -> list[StatementEntity]:
    """All entities of the document's records; SourceError for a malformed or foreign document,
    a record key seen twice, or a document without records."""
    entities: list[StatementEntity] = []
    seen: set[str] = set()
    for depth, element in iter_elements(path, spec):
        if depth == spec.depth - 1 and element.tag in spec.records:
            key, built = build(element)
            if key in seen:
                raise SourceError(f"{path.name} line {element.sourceline}: {key} repeats")
            seen.add(key)
            entities.extend(built)
            release(element)
    if not entities:
        raise SourceError(f"{path.name} holds no {spec.record_names}")
    return entities


def release(element: etree._Element) -> None:
    """Free a finished record and the siblings before it: memory stays flat on a large list."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def collapse(text: str | None) -> str | None:
    """Whitespace collapsed, or None when nothing is left."""
    if text is None:
        return None
    collapsed = " ".join(text.split())
    return collapsed or None


def element_text(element: etree._Element | None) -> str | None:
    """An element's own text with whitespace collapsed, or None when empty."""
    return None if element is None else collapse(element.text)
