"""Designation status on the valid-time axis, computed from dates and never stored as a flag.

A Sanction entity from an official list is *pending* before its startDate, *effective* from it,
and *lifted* from its endDate. A Sanction reported only by the press is *reported* whatever its
dates say, until an official list carries it: news is allegation, not official status.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followthemoney.statement import StatementEntity


ANNOUNCED_PREFIX = "announced "


class DesignationStatus(StrEnum):
    PENDING = "pending"
    EFFECTIVE = "effective"
    LIFTED = "lifted"
    REPORTED = "reported"


def parse_day(value: str | None) -> date | None:
    """Read the day of an FtM date (which may be a year or year-month prefix: take its first day)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def designation_status(
    start_date: str | None, end_date: str | None, as_of: date, official: bool = True
) -> DesignationStatus:
    """The status of one designation on day ``as_of``."""
    if not official:
        return DesignationStatus.REPORTED
    end = parse_day(end_date)
    if end is not None and end <= as_of:
        return DesignationStatus.LIFTED
    start = parse_day(start_date)
    if start is not None and start > as_of:
        return DesignationStatus.PENDING
    return DesignationStatus.EFFECTIVE


def announced_origin(announced: date, source: str) -> str:
    """The provenance of a recorded designation date: which announcement said it ("announced
    2025-11-18: https://..."), so that a later announcement's date supersedes an earlier one's."""
    return f"{ANNOUNCED_PREFIX}{announced.isoformat()}: {source}"


def announced_on(origin: str | None) -> str:
    """The announcement date an origin names ("" for a list file's statement)."""
    if origin and origin.startswith(ANNOUNCED_PREFIX):
        return origin[len(ANNOUNCED_PREFIX) : len(ANNOUNCED_PREFIX) + 10]
    return ""


def latest_announced(sanction: StatementEntity, prop: str) -> str | None:
    """A Sanction's date (startDate, endDate) as the latest announcement gave it: an amended
    effective date supersedes the first one. The same in every process and store: statements
    are ordered by announcement, then value, never by the order a store returns them in."""
    statements = sanction.get_statements(prop)
    if not statements:
        return None
    return max(statements, key=lambda s: (announced_on(s.origin), s.value)).value


def sanction_status(sanction: StatementEntity, as_of: date, official: bool = True) -> DesignationStatus:
    """The status of a Sanction entity on ``as_of``, from its latest announced dates."""
    return designation_status(
        latest_announced(sanction, "startDate"), latest_announced(sanction, "endDate"), as_of, official
    )
