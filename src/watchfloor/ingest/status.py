"""Which designations exist on a date, and in which state (pending, effective, lifted, reported)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from watchfloor.model.designation import DesignationStatus, designation_status, latest_announced
from watchfloor.store import ListVersion, Store

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity


@dataclass(frozen=True)
class Designation:
    sanction_id: str
    entity_id: str
    authority: str
    program: str
    status: DesignationStatus
    start_date: str | None
    end_date: str | None
    listing_date: str | None
    dataset: str
    version_id: str
    official: bool
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = str(self.status)
        return data


def designations_from(
    sanctions: Iterable[StatementEntity], versions: list[ListVersion], as_of: date
) -> list[Designation]:
    """Designations of the given Sanction entities on ``as_of``; one per program."""
    by_dataset = {v.dataset: v for v in versions}
    result: list[Designation] = []
    for sanction in sanctions:
        dataset = sanction.dataset.name
        version = by_dataset.get(dataset)
        official = version.official if version is not None else True
        start = latest_announced(sanction, "startDate")
        end = latest_announced(sanction, "endDate")
        status = designation_status(start, end, as_of, official=official)
        programs = sanction.get("program") or [""]
        for target in sanction.get("entity"):
            for program in programs:
                result.append(
                    Designation(
                        sanction_id=str(sanction.id),
                        entity_id=target,
                        authority=sanction.first("authority") or "",
                        program=program,
                        status=status,
                        start_date=start,
                        end_date=end,
                        listing_date=sanction.first("listingDate"),
                        dataset=dataset,
                        version_id=version.version_id if version else "",
                        official=official,
                        source=sanction.first("sourceUrl") or (version.source if version else None),
                    )
                )
    return result


def designations_as_of(store: Store, as_of: date | None = None) -> list[Designation]:
    """Every designation known on ``as_of`` with its status on that day."""
    as_of = as_of or date.today()
    versions = store.versions_in_force(as_of)
    sanctions = store.iter_entities(versions=versions, schemata=["Sanction"])
    return designations_from(sanctions, versions, as_of)
