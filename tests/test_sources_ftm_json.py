"""FtM JSON lines parser: IDs and values kept, schema checked, bad lines refused with their number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ftm_json import parse

FIXTURES = Path(__file__).parent / "fixtures" / "ftm_json"


def test_entities_keep_their_ids_schemas_and_values():
    entities = {entity.id: entity for entity in parse(FIXTURES / "small.jsonl", "ftm")}
    assert set(entities) == {
        "ofac-24424",
        "ofac-24424-sanction",
        "co-holding",
        "co-trading",
        "own-cabello-holding",
        "own-holding-trading",
    }
    assert entities["ofac-24424"].schema.name == "Person"
    assert entities["ofac-24424"].get("birthDate") == ["1963-04-15"]
    ownership = entities["own-cabello-holding"]
    assert ownership.get("owner") == ["ofac-24424"]
    assert ownership.get("asset") == ["co-holding"]
    assert ownership.get("percentage") == ["60"]


def test_sanction_keeps_its_own_dates():
    sanction = next(
        entity for entity in parse(FIXTURES / "small.jsonl", "ftm") if entity.schema.is_a("Sanction")
    )
    assert sanction.get("startDate") == ["2018-05-18"]
    assert sanction.get("listingDate") == ["2018-05-18"]


def test_statements_carry_the_dataset_and_line():
    person = next(iter(parse(FIXTURES / "small.jsonl", "my_dataset")))
    stmt = next(stmt for stmt in person.statements if stmt.prop == "name")
    assert stmt.dataset == "my_dataset"
    assert stmt.origin == "small.jsonl:1"
    trading = next(entity for entity in parse(FIXTURES / "small.jsonl", "x") if entity.id == "co-trading")
    # line 3 is blank and skipped; co-trading is on line 5
    assert {stmt.origin for stmt in trading.statements if stmt.prop == "name"} == {"small.jsonl:5"}


def test_registry_dispatches_ftm_json():
    parser, dataset = get_parser("ftm-json")
    assert dataset == "ftm"
    assert len(list(parser(FIXTURES / "small.jsonl", dataset))) == 6


def test_json_array_file_is_accepted():
    assert [entity.id for entity in parse(FIXTURES / "array.json", "ftm")] == ["p1", "c1"]


def test_nested_entity_is_yielded_and_referenced():
    entities = list(parse(FIXTURES / "nested.jsonl", "ftm"))
    assert [entity.id for entity in entities] == ["ofac-22790", "ofac-22790-sanction"]
    assert entities[1].get("entity") == ["ofac-22790"]


def test_malformed_line_fails_with_its_number():
    with pytest.raises(SourceError, match=r"broken\.jsonl line 2 is not JSON"):
        list(parse(FIXTURES / "broken.jsonl", "ftm"))


def test_unknown_schema_fails_with_line():
    with pytest.raises(SourceError, match=r"unknown-schema\.jsonl line 2: unknown FtM schema 'Spaceship'"):
        list(parse(FIXTURES / "unknown-schema.jsonl", "ftm"))


def test_unknown_property_fails_with_line():
    with pytest.raises(SourceError, match="line 1: schema Person has no property 'favouriteColour'"):
        list(parse(FIXTURES / "unknown-property.jsonl", "ftm"))


def test_csv_file_fails_as_not_json():
    with pytest.raises(SourceError, match=r"not-json\.csv line 1 is not JSON"):
        list(parse(FIXTURES / "not-json.csv", "ftm"))


def test_empty_file_fails():
    with pytest.raises(SourceError, match="is empty"):
        parse(FIXTURES / "empty.jsonl", "ftm")


def test_blank_only_file_fails(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n")
    with pytest.raises(SourceError, match="holds no entities"):
        list(parse(path, "ftm"))


def test_pdf_fails():
    with pytest.raises(SourceError, match="is a PDF document, not FtM JSON lines"):
        list(parse(Path(__file__).parent / "fixtures" / "ofac_csv" / "not-a-list.pdf", "ftm"))


def test_line_without_id_fails(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text('{"schema": "Person", "properties": {"name": ["A"]}}\n')
    with pytest.raises(SourceError, match="line 1: the entity has no string 'id'"):
        list(parse(path, "ftm"))


def test_non_utf8_line_fails_with_its_number(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"id": "b\xe9"}\n')
    with pytest.raises(SourceError, match="line 2 is not UTF-8"):
        list(parse(path, "ftm"))


def test_abstract_schema_fails(tmp_path):
    path = tmp_path / "abstract.jsonl"
    path.write_text('{"id": "t1", "schema": "Thing", "properties": {"name": ["A"]}}\n')
    with pytest.raises(SourceError, match="schema Thing is abstract"):
        list(parse(path, "ftm"))


def test_round_trip_of_parsed_ofac_entities_keeps_every_value(tmp_path):
    from watchfloor.sources.ofac_csv import parse as parse_ofac

    originals = list(parse_ofac(Path(__file__).parent / "fixtures" / "ofac_csv" / "sdn-2021", "ofac"))
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(entity.to_dict()) + "\n" for entity in originals))
    again = {entity.id: entity for entity in parse(path, "ofac")}
    assert set(again) == {entity.id for entity in originals}
    for entity in originals:
        # FtM keeps a property's values as a set: compare them without order.
        expected = {prop: sorted(values) for prop, values in entity.to_dict()["properties"].items()}
        found = {prop: sorted(values) for prop, values in again[entity.id].to_dict()["properties"].items()}
        assert found == expected


def _parse_text(tmp_path: Path, text: str) -> list:
    path = tmp_path / "input.jsonl"
    path.write_text(text, encoding="utf-8")
    return list(parse(path, "test"))


def test_hostile_ftm_json_gives_one_clear_error(tmp_path: Path) -> None:
    deep = '{"id": "a", "schema": "Person", "properties": {"name": ' + "[" * 5000 + "]" * 5000 + "}}\n"
    with pytest.raises(SourceError, match="nested too deeply"):
        _parse_text(tmp_path, deep)
    nested = {"id": "p1", "schema": "Person", "properties": {"name": ["X"]}}
    for _ in range(12):
        nested = {"id": f"o{len(str(nested))}", "schema": "Ownership", "properties": {"owner": [nested]}}
    with pytest.raises(SourceError, match="nested more than"):
        _parse_text(tmp_path, json.dumps(nested) + "\n")
    itself = {"id": "e1", "schema": "Ownership", "properties": {"owner": [{"id": "e1", "schema": "Person"}]}}
    with pytest.raises(SourceError, match="reuses the ID 'e1'"):
        _parse_text(tmp_path, json.dumps(itself) + "\n")
    with pytest.raises(SourceError, match="NaN is not a JSON value"):
        _parse_text(tmp_path, '{"id": "n", "schema": "Person", "properties": {"name": [NaN]}}\n')
    huge = {"id": "h", "schema": "Person", "properties": {"name": ["A" * 200_000]}}
    with pytest.raises(SourceError, match="200,000 characters"):
        _parse_text(tmp_path, json.dumps(huge) + "\n")
