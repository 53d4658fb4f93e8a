"""Mentions to entities: merge the ways one actor is written, and give it a stable ID.

"Maduro", "Nicolás Maduro" and "Venezuela's Nicolás Maduro" are one person; "Padrino Lopez" and
"Padrino López" are one name. Two rules, both cheap and explainable: names compare by their
normalised form (case, accents and punctuation removed), and a shorter person name that is the
tail of a longer one in the same scope (an article, or a batch of articles) is that longer name,
if exactly one longer name qualifies. The gazetteer's canonical name wins over both, which keeps
IDs the same across articles even when one article uses only the surname.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from normality import ascii_text, slugify

SCHEMA_BY_LABEL = {"PERSON": "Person", "ORG": "Organization", "GPE": "Address", "LOC": "Address"}
KIND_BY_SCHEMA = {"Person": "person", "Organization": "org", "Company": "org", "Address": "place"}


@dataclass(frozen=True)
class Mention:
    """One entity mention in an article's text (character offsets into bodyText)."""

    text: str
    label: str  # PERSON, ORG, GPE, LOC
    start: int
    end: int
    sentence: int  # index into the article's sentences
    canonical: str = ""  # gazetteer name when the ruler matched it
    kind: str = ""  # government, media, armed_group, person, place; "" when unknown (gazetteer.kind_of)

    @property
    def schema(self) -> str:
        return SCHEMA_BY_LABEL[self.label]


# what stands between a person's name and a nickname for them: "X, alias «Y»", "X, apodado Y",
# "X, conocido como «el Y»", "X, also known as Y", "X (a.k.a. Y)"
_NICKNAME_GAP = re.compile(
    r"^[\s,(]*(?:alias|apodad[oa]|conocid[oa]\s+como|(?:also\s+)?known\s+as|a\.?k\.?a\.?|nicknamed|"
    r"dubbed)[\s:]*(?:(?:el|la|the)\s+)?[«\"“'‘]?\s*$",
    re.IGNORECASE,
)


def with_nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each nickname written right after a person ("X, alias «Y»") made another
    name of that person: Y is X's alias, not a second party, so what the text says of "Y, quien
    es ..." is said of X."""
    result = list(mentions)
    for index in range(1, len(result)):
        person, nickname = result[index - 1], result[index]
        if (
            person.label == "PERSON"
            and nickname.sentence == person.sentence
            and _NICKNAME_GAP.match(text[person.end : nickname.start])
        ):
            name = person.canonical or person.text
            result[index] = replace(nickname, label="PERSON", canonical=name, kind=person.kind)
    return result


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The comparable form of a name: 'Padrino López' == 'padrino lopez' == 'PADRINO LOPEZ'."""
    text = ascii_text(name.replace("’", "'")) or name
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return " ".join(words)


def entity_id(schema: str, name: str) -> str:
    """Deterministic ID from the canonical name: the same person in two articles gets one ID."""
    kind = KIND_BY_SCHEMA.get(schema, schema.lower())
    return f"news-{kind}-{slugify(name, sep='-') or 'unnamed'}"


def _is_tail(short: str, long: str) -> bool:
    short_words, long_words = short.split(), long.split()
    return len(short_words) < len(long_words) and long_words[-len(short_words) :] == short_words


def _contains(short: str, long: str) -> bool:
    """'padrino lopez' inside 'vladimir padrino lopez' as whole words."""
    return short != long and f" {short} " in f" {long} "


def _given_and_surname(short: str, long: str) -> bool:
    """'alma meza' for 'alma yanira meza olivares': a given name and a surname of the full name, in
    its order, the way Spanish-language reporting shortens a person it named in full."""
    short_words, long_words = short.split(), long.split()
    if not 2 <= len(short_words) < len(long_words) or short_words[0] != long_words[0]:
        return False
    rest = iter(long_words[1:])
    return all(word in rest for word in short_words[1:])


def resolve_names(names: list[tuple[str, str]], in_text_order: bool = False) -> dict[tuple[str, str], str]:
    """Map (label, written name) to the canonical written name within one scope.

    ``names`` are (label, name) pairs, canonical gazetteer names included. A name maps to the
    most frequent written form of its normalised key; a person name maps to the single longer
    person name it is the tail of or is contained in, when there is exactly one. Where ``names``
    come in text order, a person name that shortens a full name written before it (a given name and
    a surname) maps to it too: a short form first written before a longer one is another person
    ("Nicolas Maduro" before "Nicolas Ernesto Maduro", his son).
    """
    by_key: dict[tuple[str, str], Counter[str]] = {}
    first_seen: dict[tuple[str, str], int] = {}
    for position, (label, name) in enumerate(names):
        scoped = (label, name_key(name))
        by_key.setdefault(scoped, Counter())[name] += 1
        first_seen.setdefault(scoped, position)
    preferred = {key: _best_form(counts) for key, counts in by_key.items()}
    person_keys = [key for (label, key) in preferred if label == "PERSON"]
    result: dict[tuple[str, str], str] = {}
    for (label, key), form in preferred.items():
        target = form
        if label == "PERSON":
            longer = {
                other
                for other in person_keys
                if _is_tail(key, other)
                or _contains(key, other)
                or (
                    in_text_order
                    and first_seen[("PERSON", other)] < first_seen[(label, key)]
                    and _given_and_surname(key, other)
                )
            }
            # keep only the longest candidates that are not themselves inside another candidate
            longer = {c for c in longer if not any(_contains(c, d) for d in longer)}
            if len(longer) == 1:
                target = preferred[("PERSON", longer.pop())]
        for name in by_key[(label, key)]:
            result[(label, name)] = target
    return result


def _best_form(counts: Counter[str]) -> str:
    """Among spellings of one name, prefer the one with accents, then the most frequent."""
    return max(counts, key=lambda form: (sum(1 for c in form if ord(c) > 127), counts[form], form))


def spelled_out(text: str, mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Abbreviation (``name_key`` form) -> the organisation the article spells it out as, where it
    defines it in brackets ("el Cártel Jalisco Nueva Generación (CJNG)"): a link to "the CJNG" is a
    link to that party, and the party is also known by it, whatever the gazetteer keeps apart."""
    spelled: dict[str, Mention] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for before, mention in pairwise(ordered):
        gap = text[before.end : mention.start]
        if (
            before.label == "ORG"
            and mention.label == "ORG"
            and gap.strip() == "("
            and text[mention.end : mention.end + 1] == ")"
            and (mention.text.replace(".", "").isupper() or _initials_of(mention.text, before.text))
            and len(mention.text) < len(before.text)
        ):
            spelled.setdefault(name_key(mention.text), before)
    return spelled


def _initials_of(short: str, full: str) -> bool:
    """ "Farc" for "Fuerzas Armadas Revolucionarias de Colombia": the Spanish press writes a long
    acronym as a word; its letters are the capitalised words' initials."""
    initials = "".join(word[0] for word in full.split() if word[:1].isupper())
    return len(initials) > 2 and short.isalpha() and short.lower() == initials.lower()
