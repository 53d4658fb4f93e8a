"""A designation announced for a future date is pending until it takes effect, known only from its
announcement, and its status is computed from the date asked about, never stored."""

from __future__ import annotations

from datetime import date

import pytest

from watchfloor.index import make_query
from watchfloor.ingest import designations_as_of, record_designation
from watchfloor.ingest.designate import DesignationError
from watchfloor.model.designation import DesignationStatus, designation_status
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore


def record_fto(store: SqlStore) -> str:
    _, entity_id = record_designation(
        store,
        name="Cartel de los Soles",
        schema="Organization",
        authority="US Department of State",
        program="FTO",
        legal_basis="8 U.S.C. 1189",
        announced=date(2025, 11, 16),
        effective=date(2025, 11, 24),
        aliases=["Cartel of the Suns"],
        source_url="https://www.state.gov/",
    )
    return entity_id


def test_pending_before_effective_date_then_effective(store: SqlStore) -> None:
    entity_id = record_fto(store)
    before = designations_as_of(store, date(2025, 11, 20))
    assert [(d.entity_id, d.status, d.program) for d in before] == [
        (entity_id, DesignationStatus.PENDING, "FTO")
    ]
    on_the_day = designations_as_of(store, date(2025, 11, 24))
    assert on_the_day[0].status == DesignationStatus.EFFECTIVE
    assert on_the_day[0].start_date == "2025-11-24"
    assert on_the_day[0].authority == "US Department of State"


def test_unknown_before_it_was_announced(store: SqlStore) -> None:
    record_fto(store)
    assert designations_as_of(store, date(2025, 11, 15)) == []


def test_aliases_are_kept_on_the_designated_party(store: SqlStore) -> None:
    entity_id = record_fto(store)
    party = store.get_entity(entity_id, as_of=date(2025, 11, 20))
    assert party is not None
    assert party.get("alias") == ["Cartel of the Suns"]


def test_effective_before_announced_is_refused(store: SqlStore) -> None:
    with pytest.raises(DesignationError, match="before the announcement"):
        record_designation(
            store,
            name="X",
            schema="Organization",
            authority="A",
            program="P",
            announced=date(2025, 11, 16),
            effective=date(2025, 11, 1),
        )
    assert store.versions() == []


@pytest.mark.parametrize(
    ("start", "end", "as_of", "official", "expected"),
    [
        ("2025-11-24", None, date(2025, 11, 23), True, DesignationStatus.PENDING),
        ("2025-11-24", None, date(2025, 11, 24), True, DesignationStatus.EFFECTIVE),
        ("2019", None, date(2019, 1, 1), True, DesignationStatus.EFFECTIVE),
        ("2010-01-01", "2020-06-30", date(2020, 6, 30), True, DesignationStatus.LIFTED),
        ("2010-01-01", "2020-06-30", date(2020, 6, 29), True, DesignationStatus.EFFECTIVE),
        ("2025-11-24", None, date(2026, 1, 1), False, DesignationStatus.REPORTED),
        (None, None, date(2026, 1, 1), True, DesignationStatus.EFFECTIVE),
    ],
)
def test_status_follows_the_dates(
    start: str | None, end: str | None, as_of: date, official: bool, expected: DesignationStatus
) -> None:
    assert designation_status(start, end, as_of, official=official) == expected


def test_a_public_body_is_designated_and_screened_like_any_organisation(store: SqlStore) -> None:
    """One set of screenable schemata: what may be designated is what the index holds."""
    _, entity_id = record_designation(
        store,
        name="Directorate of Military Counterintelligence",
        schema="PublicBody",
        authority="US Department of the Treasury",
        program="VENEZUELA-EO13850",
        announced=date(2025, 11, 16),
        effective=date(2025, 11, 16),
    )
    query = make_query(schema="PublicBody", name="Directorate of Military Counterintelligence")
    result = Screener(store, date(2025, 11, 20)).screen(query)
    assert [hit.entity_id for hit in result.results] == [entity_id]
    with pytest.raises(DesignationError, match="schema must be one of"):
        record_designation(
            store,
            name="Caracas",
            schema="Address",
            authority="x",
            program="x",
            announced=date(2025, 11, 16),
            effective=date(2025, 11, 16),
        )
