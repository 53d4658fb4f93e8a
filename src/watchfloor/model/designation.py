"""Designation status on the valid-time axis, computed from dates and never stored as a flag.

A Sanction entity from an official list is *pending* before its startDate, *effective* from it,
and *lifted* from its endDate. A Sanction reported only by the press is *reported* whatever its
dates say, until an official list carries it: news is allegation, not official status.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


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
