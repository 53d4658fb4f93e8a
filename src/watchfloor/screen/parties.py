"""One party across lists: entries of different lists that are the same person or body.

OFAC, the UN, the EU and the UK list many of the same people; screened separately, each alert
arrives once per list and the analyst reconciles by hand. Entries are taken as one party, and
returned as one result that cites every list, only on evidence an analyst would accept:

* the same UN reference (``unscId``): the EU and UK files carry the UN entry's reference;
* the same full name (a name or alias of each, word for word, in any order) *and* a birth date
  that agrees (one may be less precise: "1973" agrees with "1973-06-08");
* the same identifier (passport, national ID, registration, IMO number) *and* a shared name word.

Never on a name alone, never two entries of the same list (a list does not repeat a party), and
never across schemata that cannot be one party (a person is not a vessel). An analyst who finds
a wrong merge splits the pair (``watchfloor lists split``); a split pair is never merged again,
even through a third entry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from normality import ascii_text

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity

PEOPLE = frozenset({"Person"})
BODIES = frozenset({"Organization", "Company", "LegalEntity", "PublicBody"})
CRAFT = frozenset({"Vessel", "Airplane"})
_WORD = re.compile(r"[a-z0-9]+")
_ID_CHARS = re.compile(r"[^A-Z0-9]")
MIN_ID_LENGTH = 5


@dataclass(frozen=True)
class SameParty:
    """Another list's entry for the party, and the evidence that it is the same one."""

    entity_id: str
    datasets: tuple[str, ...]
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"entity_id": self.entity_id, "datasets": list(self.datasets), "reason": self.reason}


class PartyClusters:
    """Which indexed entries are one party, and why. Keeps each entry's lists and kind, not the
    entities, so that it is saved and opened with the rest of the screening state."""

    def __init__(
        self,
        parties: Mapping[str, StatementEntity],
        un_references: Mapping[str, Iterable[str]],
        splits: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._datasets = {entity_id: tuple(sorted(e.datasets)) for entity_id, e in parties.items()}
        self._kinds = {entity_id: _kind(e.schema.name) for entity_id, e in parties.items()}
        self._split = {frozenset(pair) for pair in splits}
        self._root_of: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._reasons: dict[frozenset[str], str] = {}
        for reason, group, agree in _evidence(parties, un_references):
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    if agree(parties[a], parties[b]):
                        self._join(a, b, reason)

    def same_as(self, entity_id: str) -> list[SameParty]:
        """The other entries of the party ``entity_id`` belongs to, with the evidence."""
        others = sorted(self._members.get(self.key(entity_id), {entity_id}) - {entity_id})
        return [
            SameParty(other, self._datasets[other], self._reason(entity_id, other))
            for other in others
        ]

    def keys(self) -> dict[str, str]:
        """``key`` of every entry that shares its party with another (the others are their own)."""
        return dict(self._root_of)

    def key(self, entity_id: str) -> str:
        """The same value for every entry of one party (the entry's own ID when it stands alone)."""
        return self._root_of.get(entity_id, entity_id)

    def _reason(self, a: str, b: str) -> str:
        direct = self._reasons.get(frozenset((a, b)))
        if direct is not None:
            return direct
        return "; ".join(sorted({r for pair, r in self._reasons.items() if a in pair or b in pair}))

    def _join(self, a: str, b: str, reason: str) -> None:
        """Join two entries' parties: of different lists and compatible kinds, unless an analyst
        split any two of their entries."""
        root_a, root_b = self.key(a), self.key(b)
        if root_a == root_b:
            return
        left, right = self._members.get(root_a, {a}), self._members.get(root_b, {b})
        if not self._may_join(left, right):
            return
        merged = left | right
        self._members.pop(root_b, None)
        self._members[root_a] = merged
        for member in merged:
            self._root_of[member] = root_a
        self._reasons.setdefault(frozenset((a, b)), reason)

    def _may_join(self, left: set[str], right: set[str]) -> bool:
        """Different lists only (a list does not list a party twice), one kind of party, and no
        two entries an analyst split."""
        datasets = [self._datasets[e] for e in (*left, *right)]
        if sum(len(d) for d in datasets) != len(set().union(*datasets)):
            return False
        kinds = {self._kinds[e] for e in (*left, *right)}
        return len(kinds) == 1 and not any(frozenset((x, y)) in self._split for x in left for y in right)


def _kind(schema: str) -> str:
    if schema in PEOPLE:
        return "person"
    if schema in CRAFT:
        return schema
    return "body"


Agreement = Callable[["StatementEntity", "StatementEntity"], bool]


def _evidence(
    parties: Mapping[str, StatementEntity], un_references: Mapping[str, Iterable[str]]
) -> Iterator[tuple[str, list[str], Agreement]]:
    """(reason, entries sharing a key, what two of them must also agree on) per kind of evidence."""
    by_reference: dict[str, set[str]] = defaultdict(set)
    for entity_id, references in un_references.items():
        if entity_id in parties:
            for reference in references:
                by_reference[reference.strip().upper()].add(entity_id)
    for reference, members in sorted(by_reference.items()):
        yield f"same UN reference {reference}", sorted(members), _always

    by_name_and_birth: dict[tuple[frozenset[str], str], set[str]] = defaultdict(set)
    by_identifier: dict[str, set[str]] = defaultdict(set)
    for entity_id, entity in parties.items():
        properties = entity.properties
        births = {d[:4] for d in properties.get("birthDate", ()) if d[:4].isdigit()}
        identifiers = _identifiers(entity)
        if not births and not identifiers:
            continue
        for name in _names(entity):
            for year in births:
                by_name_and_birth[(name, year)].add(entity_id)
        for identifier in identifiers:
            by_identifier[identifier].add(entity_id)
    for (_name, year), members in sorted(
        by_name_and_birth.items(), key=lambda kv: (sorted(kv[0][0]), kv[0][1])
    ):
        if len(members) > 1:
            yield f"same name and date of birth ({year})", sorted(members), _births_agree
    for identifier, members in sorted(by_identifier.items()):
        if len(members) > 1:
            yield f"same identifier {identifier}", sorted(members), _share_a_name_word


def _always(_left: StatementEntity, _right: StatementEntity) -> bool:
    return True


def _names(entity: StatementEntity) -> set[frozenset[str]]:
    """Each name and alias as its set of words (ASCII, lower case): word order differs by list."""
    names = set()
    for value in [*entity.get("name", quiet=True), *entity.get("alias", quiet=True)]:
        words = frozenset(_WORD.findall((ascii_text(value) or value).lower()))
        if len(words) >= 2:
            names.add(words)
    return names


def _identifiers(entity: StatementEntity) -> set[str]:
    found = set()
    for name, values in entity.properties.items():
        prop = entity.schema.properties.get(name)
        if prop is None or prop.type.name != "identifier":
            continue
        for value in values:
            cleaned = _ID_CHARS.sub("", value.upper())
            if len(cleaned) >= MIN_ID_LENGTH:
                found.add(f"{name}:{cleaned}" if name == "imoNumber" else cleaned)
    return found


def _births_agree(left: StatementEntity, right: StatementEntity) -> bool:
    """A birth date of one agrees with one of the other's, to the less precise of the two."""
    return any(
        a.startswith(b) or b.startswith(a)
        for a in left.get("birthDate", quiet=True)
        for b in right.get("birthDate", quiet=True)
    )


def _share_a_name_word(left: StatementEntity, right: StatementEntity) -> bool:
    words = [set().union(*names) for names in (_names(left), _names(right)) if names]
    return len(words) == 2 and bool(words[0] & words[1])
