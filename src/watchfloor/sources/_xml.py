"""Streaming XML records for the list parsers, refusing what an official list file never is.

A published list is one root element holding flat records. What is read here is checked for the
things that would make a parser load a wrong or partial list: an empty or non-XML file, another
document's root, a file cut short (lxml raises at the break) and a document that declares its own
DTD, the vehicle of entity-expansion ("billion laughs") and external-entity tricks. Entities are
never resolved and nothing is fetched from the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from watchfloor.sources._input import describe_foreign
from watchfloor.sources.errors import SourceError


def text_of(element: etree._Element | None) -> str | None:
    """An element's own text with whitespace collapsed, or None when empty."""
    if element is None or element.text is None:
        return None
    text = " ".join(element.text.split())
    return text or None


def check_start(path: Path, label: str) -> None:
    """Refuse a missing, empty or clearly non-XML file before parsing; ``label`` names the format."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder; expected the {label} file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head.strip():
        raise SourceError(f"{path.name} is empty; expected the {label}")
    foreign = describe_foreign(head)
    if foreign and not foreign.startswith("an XML"):
        raise SourceError(f"{path.name} is {foreign}, not the {label}")


def iter_elements(path: Path, root: str, label: str) -> Iterator[tuple[int, etree._Element]]:
    """Yield ``(depth, element)`` at each element's end; depth 1 is the root's children.

    The caller clears what it has used. Raises SourceError for another root, a declared DTD or
    XML that is not well-formed; callers collect everything before yielding entities, so an
    error at the end of the file still stops the whole list.
    """
    check_start(path, label)
    context = etree.iterparse(
        str(path), events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False
    )
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                if depth == 0:
                    _check_root(path, element, root, label)
                depth += 1
                continue
            depth -= 1
            yield depth, element
    except etree.XMLSyntaxError as exc:
        reason = re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc))
        raise SourceError(f"{path.name} is not well-formed XML: {reason} (line {exc.lineno})") from None


def _check_root(path: Path, element: etree._Element, root: str, label: str) -> None:
    if element.getroottree().docinfo.internalDTD is not None:
        raise SourceError(
            f"{path.name} declares its own DTD (entity declarations); the {label} carries none, "
            "and its entities are not expanded"
        )
    if element.tag != root:
        raise SourceError(f"{path.name} is XML with root <{element.tag}>, not the {label} <{root}>")


def release(element: etree._Element) -> None:
    """Free a processed record and the siblings before it, so memory stays flat on big lists."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]
