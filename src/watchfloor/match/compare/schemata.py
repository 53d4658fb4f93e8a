"""Schema evidence: a person is never a vessel, and rarely a company."""

from __future__ import annotations

from functools import lru_cache

from watchfloor.match.compare import NO_EVIDENCE, Evidence
from watchfloor.match.record import Record

SAME_KIND: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person", "LegalEntity"}),
    "Organization": frozenset({"Organization", "Company", "PublicBody", "LegalEntity"}),
    "Company": frozenset({"Company", "Organization", "LegalEntity"}),
    "PublicBody": frozenset({"PublicBody", "Organization", "LegalEntity"}),
    "LegalEntity": frozenset({"LegalEntity", "Person", "Organization", "Company", "PublicBody"}),
    "Vessel": frozenset({"Vessel"}),
    "Airplane": frozenset({"Airplane"}),
}
"""FtM's answer for the screenable schemata (``model.entities.MATCHABLE_SCHEMATA``, which is all
an index holds): which schemata an entity of each may also be (one is the other's parent, or
FtM says they can match). Kept as a table because loading FtM's model costs half a second, more
than the rest of a ``watchfloor screen`` command; ``tests/test_match_features.py`` holds it equal
to FtM's model, so an FtM release that changes the answer fails a test, not a screening."""


@lru_cache(maxsize=1024)
def schemata_exclude(left: str, right: str) -> bool:
    """True when no entity can be both a ``left`` and a ``right`` (Person vs Vessel, Person vs
    Company); schemata beyond the table, or unknown to FtM, exclude nothing."""
    if left in SAME_KIND and right in SAME_KIND:
        return right not in SAME_KIND[left]
    from followthemoney import model  # start-up: FtM's model, only for a schema beyond the table

    first, second = model.get(left), model.get(right)
    if first is None or second is None:
        return False
    return not (first.is_a(second) or second.is_a(first) or first.can_match(second))


def schema_mismatch(query: Record, candidate: Record) -> Evidence:
    """1 when no FtM schema can be both (Person vs Vessel, Person vs Company)."""
    if query.schema == candidate.schema or not schemata_exclude(query.schema, candidate.schema):
        return NO_EVIDENCE
    return Evidence(1.0, lambda: f"a {query.schema} cannot be a {candidate.schema}")
