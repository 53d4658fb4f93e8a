"""Round 21 of linking to list entries. Names written for these tests."""

from __future__ import annotations

import pytest
from followthemoney.statement import StatementEntity

from tests.test_news_linking import entry, links_for
from watchfloor.index import Matcher


@pytest.fixture(scope="module")
def entries() -> dict[str, StatementEntity]:
    listed = [
        entry("Company", "pcc-fze", "PETROCHEMICAL TRADERS COMPANY FZE", alias="PCC FZE"),
        entry("Organization", "tgr", "TIGRES DEL NORTE", alias="TGR"),
    ]
    return {str(e.id): e for e in listed}


@pytest.fixture(scope="module")
def matcher(entries: dict[str, StatementEntity]) -> Matcher:
    return Matcher.build(entries.values())


def test_a_bare_acronym_is_not_a_firm_whose_alias_adds_a_legal_form(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    text = "Brazil said the PCC controls the prisons of São Paulo."
    assert links_for("Organization", "PCC", text, matcher, entries) == []


def test_a_bare_acronym_still_links_to_the_same_acronym(
    matcher: Matcher, entries: dict[str, StatementEntity]
) -> None:
    text = "Mexico said the TGR controls the border crossings."
    assert [link.entity_id for link in links_for("Organization", "TGR", text, matcher, entries)] == ["tgr"]
