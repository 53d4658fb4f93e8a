"""Building the index with helper processes (index.records) gives the sequential build's index."""

from __future__ import annotations

import multiprocessing
import os
import random
from pathlib import Path

import numpy as np
import pytest
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher, make_query, records
from watchfloor.index.records import BuildError
from watchfloor.model import make_entity
from watchfloor.names import make_token
from watchfloor.sources import get_parser

FIXTURES = Path(__file__).parent / "fixtures"
FORKS = "fork" in multiprocessing.get_all_start_methods()
needs_fork = pytest.mark.skipif(not FORKS, reason="helper processes are forked")

GIVEN = ["Nicolás", "Мухаммад", "محمد", "Ben", "Abdul Rahman", "Xi", "Usama", "José María", "Aleksandr"]
FAMILY = ["Maduro Moros", "bin Laden", "Петров", "Jinping", "al-Tikriti", "de los Santos", "Netanyahu"]
COMPANIES = ["A.B.C. Trading Corp", "Brigade Forty Four", "Siemens AG", "OOO Romashka", "昊嘉网络有限公司"]


def synthetic(count: int) -> list[StatementEntity]:
    """People (two in four), companies and passports whose names meet every normalisation rule."""
    rng = random.Random(7)
    out: list[StatementEntity] = []
    for i in range(count):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        person = {
            "name": f"{given} {family}",
            "firstName": given,
            "lastName": family,
            "weakAlias": rng.choice(GIVEN),
            "birthDate": f"19{rng.randint(40, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "nationality": rng.choice(["ve", "ru", "sy"]),
        }
        company = {
            "name": f"{rng.choice(COMPANIES)} {family}",
            "registrationNumber": f"R{rng.randint(10**6, 10**7)}",
        }
        passport = {"holder": f"p-{i - 3}", "number": f"D{rng.randint(10**6, 10**7)}"}
        schema, prefix, props = [
            ("Person", "p", person),
            ("Person", "p", person),
            ("Company", "c", company),
            ("Passport", "pp", passport),
        ][i % 4]
        entity = make_entity("test", schema, f"{prefix}-{i}")
        for prop, value in props.items():
            entity.add(prop, value)
        out.append(entity)
    return out


@pytest.fixture(scope="module")
def entities() -> list[StatementEntity]:
    found: list[StatementEntity] = []
    for format_name, path in (
        ("ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021"),
        ("un-xml", FIXTURES / "un_xml" / "consolidated-small.xml"),
    ):
        parse, dataset = get_parser(format_name)
        found.extend(parse(path, dataset))
    return found + synthetic(400)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Helpers from the fifth row on, seven rows a message: every path taken on a small list."""
    monkeypatch.setattr(records, "SEQUENTIAL_START", 5)
    monkeypatch.setattr(records, "CHUNK", 7)


@needs_fork
@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("workers", [2, 3])
def test_a_build_with_helpers_gives_the_sequential_index(
    entities: list[StatementEntity], workers: int
) -> None:
    alone = Matcher.build(entities)
    helped = Matcher.build(entities, workers=workers)
    assert len(alone) > 100
    assert helped.records == alone.records
    assert helped.forms == alone.forms
    assert np.array_equal(helped.form_entity, alone.form_entity) and helped.form_weak == alone.form_weak
    assert list(helped.vocab) == list(alone.vocab)
    assert helped.posting_bounds == alone.posting_bounds
    assert np.array_equal(helped.posting_ids, alone.posting_ids)
    assert helped.by_identifier == alone.by_identifier
    assert helped.by_symbol == alone.by_symbol and helped.by_delete == alone.by_delete
    for name in ("Nicolas Maduro", "Usama bin Ladin", "Мухаммад Петров", "Abdurrahman Netanyahu"):
        query = make_query(name, "Person")
        assert [(r.entity_id, r.score, r.explanation) for r in helped.match(query)] == [
            (r.entity_id, r.score, r.explanation) for r in alone.match(query)
        ]
    assert not multiprocessing.active_children()  # the helpers are gone


@needs_fork
def test_a_small_list_never_forks(entities: list[StatementEntity], monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    helper = records._Helper

    def counted() -> object:
        started.append(1)
        return helper()

    monkeypatch.setattr(records, "_Helper", counted)
    assert len(entities) < records.SEQUENTIAL_START
    assert len(Matcher.build(entities, workers=2)) == len(Matcher.build(entities))
    assert not started


def _fail_in_helper(parent: int, how: str):
    make = records.record_from_properties

    def record_from_properties(*args: object):
        if os.getpid() != parent:
            if how == "raise":
                raise ValueError("bad row in helper")
            os._exit(3)
        return make(*args)

    return record_from_properties


@needs_fork
@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize(("how", "message"), [("raise", "ValueError: bad row in helper"), ("exit", "exited")])
def test_a_failing_helper_stops_the_build_with_a_clear_error(
    entities: list[StatementEntity], monkeypatch: pytest.MonkeyPatch, how: str, message: str
) -> None:
    monkeypatch.setattr(records, "record_from_properties", _fail_in_helper(os.getpid(), how))
    with pytest.raises(BuildError, match=message):
        Matcher.build(entities, workers=2)
    assert not multiprocessing.active_children()


def test_a_token_travels_as_the_arguments_that_make_it() -> None:
    from watchfloor.names import Role

    for token in (
        make_token("mohammed", "محمد"),
        make_token("petrov", "Петров"),
        make_token("ben", "Ben", Role.NAME),
        make_token("maduro"),
    ):
        assert make_token(*token.arguments) is token
