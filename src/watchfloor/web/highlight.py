"""Article text as safe HTML with the entities the extraction found marked where they occur.

The body text came from the outside world, so it is escaped piece by piece here and only the
``<mark>`` and ``<a>`` tags this module writes are trusted. Mentions are found by the names of
the entities that cite the article as proof: the longest name wins where two overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

MIN_NAME_LENGTH = 3


@dataclass(frozen=True)
class MarkedName:
    """A surface form to mark and the entity it stands for."""

    text: str
    entity_id: str
    schema: str
    href: str


def _pattern(names: Iterable[MarkedName]) -> tuple[re.Pattern[str] | None, dict[str, MarkedName]]:
    by_text: dict[str, MarkedName] = {}
    for name in names:
        key = name.text.strip()
        if len(key) >= MIN_NAME_LENGTH:
            by_text.setdefault(key.casefold(), name)
    if not by_text:
        return None, by_text
    alternatives = sorted(by_text, key=len, reverse=True)
    body = "|".join(re.escape(text) for text in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), by_text


def highlight_paragraphs(text: str, names: Iterable[MarkedName]) -> tuple[list[Markup], set[str]]:
    """Escaped paragraphs with marked mentions, and the IDs of the entities that were found."""
    pattern, by_text = _pattern(names)
    found: set[str] = set()
    paragraphs: list[Markup] = []
    for raw in re.split(r"\n+", text):
        line = raw.strip()
        if not line:
            continue
        if pattern is None:
            paragraphs.append(Markup(escape(line)))
            continue
        parts: list[str] = []
        cursor = 0
        for match in pattern.finditer(line):
            name = by_text[match.group(0).casefold()]
            found.add(name.entity_id)
            parts.append(str(escape(line[cursor : match.start()])))
            parts.append(
                f'<a class="mention" href="{escape(name.href)}">'
                f'<mark class="ent ent-{escape(name.schema.lower())}" title="{escape(name.schema)}">'
                f"{escape(match.group(0))}</mark></a>"
            )
            cursor = match.end()
        parts.append(str(escape(line[cursor:])))
        paragraphs.append(Markup("".join(parts)))
    return paragraphs, found
