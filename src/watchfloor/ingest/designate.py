"""Designations announced by an authority before an official list file carries them.

The knowledge time of such a record is its announcement date; its valid time starts on the
effective date. The status (pending, then effective) is computed on read, never stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from watchfloor.model import MATCHABLE_SCHEMATA, make_entity
from watchfloor.model.designation import announced_origin
from watchfloor.store import ListVersion, Store, VersionMode

DATASET = "watchfloor_designations"


class DesignationError(ValueError):
    """A hand-recorded designation that does not make sense (e.g. effective before announced)."""


def _entity_id(schema: str, name: str) -> str:
    digest = hashlib.sha1(f"{schema}:{name.strip().lower()}".encode()).hexdigest()[:12]
    return f"wfd-{digest}"


def record_designation(
    store: Store,
    *,
    name: str,
    schema: str,
    authority: str,
    program: str,
    announced: date,
    effective: date,
    aliases: Sequence[str] = (),
    legal_basis: str | None = None,
    source_url: str | None = None,
) -> tuple[ListVersion, str]:
    """Store one designation as a ledger version published on its announcement date."""
    name = name.strip()
    if not name:
        raise DesignationError("a designation needs a name")
    if schema not in MATCHABLE_SCHEMATA:  # a designation is recorded for a party screening can find
        raise DesignationError(f"schema must be one of {', '.join(MATCHABLE_SCHEMATA)}, not {schema!r}")
    if effective < announced:
        raise DesignationError(f"effective date {effective} is before the announcement {announced}")
    entity_id = _entity_id(schema, name)
    checksum = hashlib.sha256(f"{entity_id}|{program}|{announced}|{effective}".encode()).hexdigest()
    known = _recorded(store, checksum)
    if known is not None:
        return known, entity_id  # the same fact recorded twice is one fact
    origin = announced_origin(announced, source_url or "recorded by hand")
    party = make_entity(DATASET, schema, entity_id)
    party.add("name", name, origin=origin)
    for alias in aliases:
        if alias.strip():
            party.add("alias", alias.strip(), origin=origin)
    party.add("topics", "sanction", origin=origin)
    sanction = make_entity(DATASET, "Sanction", f"{entity_id}-sanction-{program.lower()}")
    sanction.add("entity", entity_id, origin=origin)
    sanction.add("authority", authority, origin=origin)
    sanction.add("program", program, origin=origin)
    sanction.add("listingDate", announced.isoformat(), origin=origin)
    sanction.add("startDate", effective.isoformat(), origin=origin)
    if legal_basis:
        sanction.add("provisions", legal_basis, origin=origin)
    if source_url:
        sanction.add("sourceUrl", source_url, origin=origin)
    version = store.ingest(
        DATASET,
        [party, sanction],
        format="designation",
        published=announced,
        mode=VersionMode.LEDGER,
        official=True,
        source=origin,
        checksum=checksum,
    )
    return version, entity_id


def _recorded(store: Store, checksum: str) -> ListVersion | None:
    return next((v for v in store.versions(DATASET) if v.checksum == checksum), None)


def lift_designation(
    store: Store,
    *,
    name: str,
    schema: str,
    program: str,
    announced: date,
    lifted: date,
    source_url: str | None = None,
) -> tuple[ListVersion, str]:
    """Record that a designation recorded earlier is lifted (revoked, delisted) from ``lifted``
    on, as known from ``announced``: its status is *lifted* on and after that day."""
    entity_id = _entity_id(schema, name.strip())
    sanction_id = f"{entity_id}-sanction-{program.lower()}"
    if store.get_entity(sanction_id) is None:
        raise DesignationError(f"no recorded {program} designation of {name!r} ({schema}) to lift")
    if lifted < announced:
        raise DesignationError(f"lifting date {lifted} is before its announcement {announced}")
    checksum = hashlib.sha256(f"lift|{sanction_id}|{announced}|{lifted}".encode()).hexdigest()
    known = _recorded(store, checksum)
    if known is not None:
        return known, entity_id
    origin = announced_origin(announced, source_url or "recorded by hand")
    sanction = make_entity(DATASET, "Sanction", sanction_id)
    sanction.add("entity", entity_id, origin=origin)
    sanction.add("program", program, origin=origin)
    sanction.add("endDate", lifted.isoformat(), origin=origin)
    version = store.ingest(
        DATASET,
        [sanction],
        format="designation-lifted",
        published=announced,
        mode=VersionMode.LEDGER,
        official=True,
        source=origin,
        checksum=checksum,
    )
    return version, entity_id
