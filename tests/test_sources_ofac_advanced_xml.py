"""OFAC SDN Advanced XML parser: designation dates, typed relations, the CSV's IDs, and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from tests.conftest import FIXTURES
from watchfloor.ingest import ingest_list
from watchfloor.sources import get_parser
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_advanced_xml import parse
from watchfloor.sources.ofac_csv import parse as parse_csv
from watchfloor.store import SqlStore

HERE = FIXTURES / "ofac_advanced_xml"
SDN = HERE / "sdn-advanced-2021.xml"
CONSOLIDATED = HERE / "cons-advanced-2020-03-17.xml"


def load(path: Path) -> dict[str, StatementEntity]:
    return {str(entity.id): entity for entity in parse(path, "us_ofac_sdn")}


@pytest.fixture(scope="module")
def sdn() -> dict[str, StatementEntity]:
    return load(SDN)


@pytest.fixture(scope="module")
def cons() -> dict[str, StatementEntity]:
    return load(CONSOLIDATED)


def test_registry_and_default_dataset() -> None:
    parser, dataset = get_parser("ofac-advanced-xml")
    assert dataset == "us_ofac_sdn"
    assert any(entity.id == "ofac-22790" for entity in parser(SDN, dataset))


def test_person_from_typed_name_parts_and_features(sdn: dict[str, StatementEntity]) -> None:
    maduro = sdn["ofac-22790"]
    assert maduro.schema.name == "Person"
    assert maduro.get("name") == ["MADURO MOROS, Nicolas"]
    assert maduro.get("lastName") == ["MADURO MOROS"]
    assert maduro.get("firstName") == ["Nicolas"]
    assert maduro.get("birthDate") == ["1962-11-23"]
    assert maduro.get("birthPlace") == ["Caracas, Venezuela"]
    assert maduro.get("citizenship") == ["ve"]
    assert maduro.get("gender") == ["male"]
    assert maduro.get("address") == ["Caracas, Capital District, Venezuela"]
    assert sdn["ofac-22790-id-cedula-no-5892464"].get("number") == ["5892464"]


def test_designation_date_legal_basis_and_programs(sdn, cons) -> None:
    sanction = sdn["ofac-22790-sanction"]
    assert sanction.get("listingDate") == ["2017-07-31"]
    assert sanction.get("startDate") == ["2017-07-31"]
    assert sanction.get("reason") == ["Executive Order 13692 (Venezuela)"]
    assert sorted(sanction.get("program")) == ["IRAN-CON-ARMS-EO", "VENEZUELA"]
    assert sanction.get("provisions") == ["Block"]
    assert sanction.get("summary") == ["SDN List"]
    rosneft = cons["ofac-17022-sanction"]
    assert rosneft.get("listingDate") == ["2014-10-10"]
    assert rosneft.get("reason") == ["Executive Order 13662 (Ukraine)"]
    assert rosneft.get("program") == ["UKRAINE-EO13662"]
    assert "13662 Sectoral Directive 2" in rosneft.get("provisions")
    assert rosneft.get("summary") == ["Consolidated List"]


def test_alias_types_and_low_quality(sdn, cons) -> None:
    assert sdn["ofac-4243"].get("previousName") == ["ANA I"]
    assert sdn["ofac-24427"].get("alias") == ["SARRIA, Rafael"]
    fcpf = cons["ofac-18275"]
    assert fcpf.get("weakAlias") == ["FCPF"]
    assert fcpf.get("previousName") == [
        "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO FEDERALNY CENTR PROEKTNOGO FINANSIROVANIYA"
    ]
    assert "FTSPF, OAO" in fcpf.get("alias")
    assert cons["ofac-17015"].get("weakAlias") == ["VEB"]


def test_vessel_features(sdn: dict[str, StatementEntity]) -> None:
    swan = sdn["ofac-4243"]
    assert swan.schema.name == "Vessel"
    assert swan.get("callSign") == ["P3QG3"]
    assert swan.get("type") == ["General Cargo"]
    assert swan.get("flag") == ["cy"]
    assert swan.get("tonnage") == ["2595"]
    assert swan.get("grossRegisteredTonnage") == ["1116"]
    assert swan.get("description") == ["Owner: Sand & Swan Navigation Co. Ltd."]


def test_documents_features_and_individual_from_the_real_excerpt(cons) -> None:
    person = cons["ofac-26182"]
    assert person.get("name") == ["KAYAKIRAN, Evren"]
    assert person.get("birthDate") == ["1980-02-08"]
    assert person.get("citizenship") == ["tr"]
    assert cons["ofac-26182-id-passport-u00242309"].get("country") == ["tr"]
    assert cons["ofac-17022-id-tax-id-no-7706107510"].get("holder") == ["ofac-17022"]
    rosneft = cons["ofac-17022"]
    assert rosneft.schema.name == "Company"
    assert "postman@rosneft.ru" in rosneft.get("email")
    assert rosneft.get("address") == ["26/1 Sofiyskaya Embankment, Moscow, 115035, Russia"]
    assert cons["ofac-17015"].get("swiftBic") == ["BFEARUMM"]


def test_owned_or_controlled_by_is_an_ownership_with_the_right_direction(cons, sdn) -> None:
    ownership = cons["ofac-18267-owned-or-controlled-by-ofac-17022"]
    assert ownership.schema.name == "Ownership"
    assert ownership.get("asset") == ["ofac-18267"]  # ORENBURGNEFT ...
    assert ownership.get("owner") == ["ofac-17022"]  # ... is owned or controlled by Rosneft
    assert ownership.get("role") == ["Owned or Controlled By"]
    assert sdn["ofac-900004-owned-or-controlled-by-ofac-900001"].get("owner") == ["ofac-900001"]
    # An Organization is no asset in FtM: the relation stays, as an UnknownLink with its type.
    link = cons["ofac-18275-link-ofac-17015"]
    assert link.schema.name == "UnknownLink"
    assert link.get("role") == ["Owned or Controlled By"]


def test_typed_relations_become_their_ftm_schemas(sdn: dict[str, StatementEntity]) -> None:
    associate = sdn["ofac-24427-associate-of-ofac-24424"]
    assert (associate.schema.name, associate.get("person"), associate.get("associate")) == (
        "Associate",
        ["ofac-24427"],
        ["ofac-24424"],
    )
    assert associate.get("relationship") == ["Associate Of"]
    family = sdn["ofac-900001-family-member-of-ofac-900002"]
    assert family.schema.name == "Family" and family.get("relationship") == ["Family member of"]
    leader = sdn["ofac-900001-leader-or-official-of-ofac-900003"]
    assert leader.schema.name == "Directorship"
    assert (leader.get("director"), leader.get("organization")) == (["ofac-900001"], ["ofac-900003"])
    support = sdn["ofac-900002-link-ofac-900003"]
    assert support.schema.name == "UnknownLink"
    assert support.get("role") == ["Providing support to"]
    assert support.get("status") == ["former"]


def test_ids_equal_the_csv_parsers_for_the_same_entries(sdn: dict[str, StatementEntity]) -> None:
    from_csv = {str(e.id) for e in parse_csv(FIXTURES / "ofac_csv" / "sdn-2021", "us_ofac_sdn")}
    shared = {
        "ofac-22790",
        "ofac-22790-sanction",
        "ofac-22790-id-cedula-no-5892464",
        "ofac-24427-id-passport-114910699",
        "ofac-4243",
        "ofac-26367",
    }
    assert shared <= from_csv
    assert shared <= set(sdn)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.xml", r"truncated\.xml is not well-formed XML: .+ \(line \d+\)"),
        ("empty.xml", r"empty\.xml is empty; expected the OFAC SDN Advanced XML"),
        ("wrong-root.xml", r"root <sdnList>.*, not the OFAC SDN Advanced XML <Sanctions>"),
        # libxml2 stops the bomb before the root is read, or the DTD is refused
        ("entity-expansion.xml", r"declares its own DTD|entity amplification"),
        ("wrong-encoding.xml", r"declares ISO-8859-1 but its bytes are UTF-8"),
    ],
)
def test_bad_input_fails_before_anything_is_yielded(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(HERE / name, "x")


def test_the_plain_xml_is_not_taken_for_the_advanced() -> None:
    with pytest.raises(SourceError, match="root <sdnList>"):
        parse(FIXTURES / "ofac_xml" / "sdn-small.xml", "x")


def test_an_entry_for_an_unknown_profile_is_refused(tmp_path: Path) -> None:
    text = SDN.read_text(encoding="utf-8").replace('ProfileID="24424" ListID', 'ProfileID="123" ListID')
    broken = tmp_path / "sdn_advanced.xml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match="names profile '123', which no DistinctParty holds"):
        parse(broken, "x")


def test_older_namespace_reads_the_same(tmp_path: Path, sdn: dict[str, StatementEntity]) -> None:
    text = SDN.read_text(encoding="utf-8").replace(
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML",
        "http://www.un.org/sanctions/1.0",
    )
    older = tmp_path / "sdn_advanced.xml"
    older.write_text(text, encoding="utf-8")
    assert set(load(older)) == set(sdn)


def test_ingest_into_a_store(duck_store: SqlStore) -> None:
    version, created = ingest_list(
        duck_store, "ofac-advanced-xml", CONSOLIDATED, dataset="us_ofac_cons", published=date(2020, 3, 17)
    )
    assert created and version.dataset == "us_ofac_cons"
    ownership = duck_store.get_entity("ofac-18267-owned-or-controlled-by-ofac-17022")
    assert ownership is not None and ownership.get("owner") == ["ofac-17022"]
    sanction = duck_store.get_entity("ofac-17022-sanction")
    assert sanction is not None and sanction.get("listingDate") == ["2014-10-10"]
