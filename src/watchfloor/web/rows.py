"""How designations and screening hits appear in the console's tables (home, screening and
entity pages): plain dicts a template reads."""

from __future__ import annotations

from datetime import date
from typing import Any

from watchfloor.model.designation import DesignationStatus, parse_day


def days_left(start: str | None, day: date) -> int | None:
    begins = parse_day(start)
    return (begins - day).days if begins is not None else None


def designation_row(d: Any, day: date) -> dict[str, Any]:
    return {
        "authority": d.authority,
        "program": d.program,
        "status": str(d.status),
        "start_date": d.start_date,
        "end_date": d.end_date,
        "listing_date": d.listing_date,
        "official": d.official,
        "source": d.source or d.dataset,
        "dataset": d.dataset,
        "days_left": days_left(d.start_date, day) if d.status == DesignationStatus.PENDING else None,
    }


def hit_row(hit: Any, day: date) -> dict[str, Any]:
    return {
        "entity_id": hit.entity_id,
        "caption": hit.caption,
        "schema": hit.schema,
        "score": hit.score,
        "match": hit.match,
        "status": hit.status,
        "datasets": hit.datasets,
        "designations": [designation_row(d, day) for d in hit.designations],
        "explanation": list(hit.explanation),
    }
