"""One definition of a screening query: the API's body, a batch file's row and a loose call give
the same ``QuerySpec``, and its entity and its record are the same query to the matcher."""

from __future__ import annotations

from watchfloor.api.models import ScreenRequest
from watchfloor.index import QuerySpec, make_query
from watchfloor.match import record_of
from watchfloor.screen.tabular import InputRow, check_row


def test_every_entry_point_builds_the_same_spec() -> None:
    body = ScreenRequest.model_validate(
        {"name": "Nicolás Maduro", "schema": "Person", "birth_date": "1962-11-23", "country": "ve"}
    )
    row = check_row(
        2,
        {
            "id": "c1",
            "name": "Nicolás Maduro",
            "schema": "Person",
            "birth_date": "1962-11-23",
            "country": "ve",
        },
    )
    assert isinstance(row, InputRow)
    spec = QuerySpec("Nicolás Maduro", "Person", "1962-11-23", "ve")
    assert body.query() == row.query == spec
    assert len({body.query(), row.query, spec}) == 1  # hashable: batch runs key their answers by it


def test_the_entity_and_the_record_are_the_same_query() -> None:
    spec = QuerySpec("Banco de Venezuela", "Company", country="Venezuela", identifiers=("J-00002961-0",))
    assert record_of(spec.entity()) == spec.record()
    assert make_query(
        "Banco de Venezuela", "Company", country="Venezuela", identifiers=["J-00002961-0"]
    ).to_dict() == (spec.entity().to_dict())
