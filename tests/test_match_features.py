"""Each scoring feature of watchfloor.match, on real designated parties."""

from __future__ import annotations

from followthemoney import model
from followthemoney.statement import StatementEntity

from watchfloor.index import make_query
from watchfloor.match import DEFAULT_THRESHOLD, compare, compare_names, record_of
from watchfloor.match.compare.schemata import SAME_KIND, schemata_exclude
from watchfloor.match.record import row_of, sorted_values
from watchfloor.model import make_entity
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.names import Kind, name_forms


def maduro() -> StatementEntity:
    entity = make_entity("us_ofac_sdn", "Person", "ofac-22790")
    entity.add("name", "MADURO MOROS, Nicolas")
    entity.add("birthDate", "1962-11-23")
    entity.add("nationality", "ve")
    entity.add("gender", "male")
    entity.add("passportNumber", "V-5892464")
    return entity


def vessel() -> StatementEntity:
    entity = make_entity("us_ofac_sdn", "Vessel", "ofac-v1")
    entity.add("name", "ADRIAN DARYA 1")
    entity.add("imoNumber", "IMO 9116412")
    return entity


def test_name_alone_finds_the_listed_person_with_an_explanation() -> None:
    result = compare(make_query("Nicolás Maduro", "Person"), maduro())
    assert result.match and result.score >= DEFAULT_THRESHOLD
    assert result.entity_id == "ofac-22790"
    assert result.explanation[0].startswith("name: 'nicolas maduro' ~ 'nicolas maduro moros'")


def test_matching_birth_date_raises_and_says_so() -> None:
    plain = compare(make_query("Nicolas Maduro", "Person"), maduro())
    dated = compare(make_query("Nicolas Maduro", "Person", birth_date="1962-11-23"), maduro())
    assert dated.score > plain.score
    assert "birth date 1962-11-23 matches" in dated.explanation


def test_birth_year_only_agrees_with_a_full_date() -> None:
    result = compare(make_query("Nicolas Maduro", "Person", birth_date="1962"), maduro())
    assert result.features["birth_date"] == 0.25


def test_different_birth_year_lowers_the_score() -> None:
    plain = compare(make_query("Nicolas Maduro", "Person"), maduro())
    other = compare(make_query("Nicolas Maduro", "Person", birth_date="1975-01-01"), maduro())
    assert other.score < plain.score
    assert "birth year 1975 differs from 1962" in other.explanation


def test_birth_year_off_by_one_is_neutral() -> None:
    result = compare(make_query("Nicolas Maduro", "Person", birth_date="1963"), maduro())
    assert result.features["birth_date"] == 0.0


def test_matching_passport_raises_the_score() -> None:
    plain = compare(make_query("N. Maduro", "Person"), maduro())
    with_passport = compare(make_query("N. Maduro", "Person", identifiers=["V5892464"]), maduro())
    assert with_passport.score > plain.score
    assert with_passport.match
    assert any("identifier V5892464 matches" in line for line in with_passport.explanation)


def test_matching_imo_number_is_decisive_for_a_vessel() -> None:
    assert not compare(make_query("Grace 1", "Vessel"), vessel()).match
    query = make_query("Grace 1", "Vessel", identifiers=["IMO9116412"])
    result = compare(query, vessel())
    assert result.match
    assert result.features["identifier"] == 1.0


def test_country_mismatch_lowers_and_match_raises() -> None:
    plain = compare(make_query("Nicolas Maduro", "Person"), maduro())
    same = compare(make_query("Nicolas Maduro", "Person", country="Venezuela"), maduro())
    other = compare(make_query("Nicolas Maduro", "Person", country="fr"), maduro())
    assert other.score < plain.score < same.score


def test_gender_mismatch_lowers_the_score() -> None:
    plain = compare(make_query("Nicolas Maduro", "Person"), maduro())
    other = compare(make_query("Nicolas Maduro", "Person", gender="female"), maduro())
    assert other.score < plain.score
    assert "gender female differs from male" in other.explanation


def test_a_company_is_not_a_person_of_the_same_name() -> None:
    person = compare(make_query("Nicolas Maduro", "Person"), maduro())
    company = compare(make_query("Nicolas Maduro", "Company"), maduro())
    assert company.score < person.score
    assert not company.match
    assert "a Company cannot be a Person" in company.explanation


def test_the_schema_table_is_ftms_answer_for_every_screenable_pair() -> None:
    assert set(SAME_KIND) == set(MATCHABLE_SCHEMATA)
    for left in MATCHABLE_SCHEMATA:
        for right in MATCHABLE_SCHEMATA:
            first, second = model.get(left), model.get(right)
            assert first is not None and second is not None
            compatible = first.is_a(second) or second.is_a(first) or first.can_match(second)
            assert schemata_exclude(left, right) is (not compatible), (left, right)
    # beyond the table, FtM itself answers
    assert schemata_exclude("Person", "Address") and not schemata_exclude("Thing", "Person")
    assert not schemata_exclude("Person", "NoSuchSchema")


def test_rare_tokens_weigh_more_than_common_given_names() -> None:
    common = compare_names("Person", "Mohammed Saftali", "Mohammed Haddad")
    rare = compare_names("Person", "Ahmad Saftali", "Mohammed Saftali")
    assert rare > common


def test_weak_alias_counts_less_than_a_name() -> None:
    entity = make_entity("un_sc_sanctions", "Person", "unsc-1")
    entity.add("name", "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE OWNER")
    entity.add("weakAlias", "Haji Khairullah")
    result = compare(make_query("Haji Khairullah", "Person"), entity)
    assert 0.0 < result.score < 1.0
    assert "weak alias" in result.explanation[0]


def test_scores_are_bounded_and_results_carry_features() -> None:
    result = compare(make_query("Nicolas Maduro", "Person", birth_date="1962-11-23", country="ve"), maduro())
    assert 0.0 <= result.score <= 1.0
    assert set(result.features) >= {"name", "birth_date", "country"}


def test_qualifiers_stay_within_their_declared_bounds() -> None:
    """The matches-only shortcut trusts each qualifier's bounds; every outcome must respect them."""
    from watchfloor.index import query_record
    from watchfloor.match.features import DEFAULT_CEILING, FEATURES
    from watchfloor.match.record import record_of

    listed = record_of(maduro())
    queries = [
        query_record("Nicolas Maduro", "Person", birth_date=born, country=country, gender=gender)
        for born in (None, "1962-11-23", "1962-11-24", "1962", "1963", "1970-01-01")
        for country in (None, "ve", "co")
        for gender in (None, "male", "female")
    ] + [query_record("Nicolas Maduro", schema) for schema in ("Company", "Vessel", "Organization")]
    seen: dict[str, set[float]] = {}
    for query in queries:
        for feature in FEATURES:
            found = feature.func(query, listed)
            low, high = feature.bounds
            assert low <= found.score <= high, (feature.name, found.score)
            seen.setdefault(feature.name, set()).add(found.score)
    assert max(seen["birth_date"]) == 0.5 and min(seen["birth_date"]) == -1.0
    assert DEFAULT_CEILING == 0.15 * 0.5 + 0.1 * 0.5  # gender and schema can only lower a score


def test_a_record_holds_each_comparable_name_once() -> None:
    # the list name, the same name made of firstName + lastName, and an alias that names the
    # same person twice (two spellings of one name) give two comparable forms, in order
    entity = make_entity("t", "Person", "p1")
    values = {"name": "Nicolas Maduro", "firstName": "Nicolas", "lastName": "Maduro"}
    for prop, value in [*values.items(), ("alias", "Nicolás MADURO / Nicolas Maduro Moros")]:
        entity.add(prop, value)
    record = record_of(entity)
    assert [form.comparable for form in record.names] == ["nicolas maduro", "nicolas maduro moros"]
    assert [form.comparable for form in name_forms("AL-QAIDA / AL QAIDA", Kind.ORGANIZATION)] == ["al qaida"]
    assert record.countries == frozenset() and record.identifiers == frozenset()
    entity.add("nationality", "ve")
    entity.add("passportNumber", "D-1234567")
    record = record_of(entity)
    assert record.countries == {"ve"} and record.identifiers == {"D1234567"}


def test_record_values_are_ftm_properties_sorted_whatever_the_statements() -> None:
    # read from the statements by property: the same values as FtM's public `properties`,
    # sorted, for one value, several, repeated ones and a property emptied by `remove`
    entity = maduro()
    entity.add("alias", ["Nicolás Maduro", "Nicolas MADURO", "Nicolás Maduro"])
    entity.add("weakAlias", "El Bus")
    entity.remove("weakAlias", "El Bus")
    expected = {prop: sorted(values) for prop, values in entity.properties.items()}
    assert sorted_values(entity) == expected
    assert sorted_values(entity)["alias"] == ["Nicolas MADURO", "Nicolás Maduro"]
    assert row_of(entity) == ("ofac-22790", entity.caption, "Person", expected)
    # an entity that keeps no statements (FtM's plain proxy) is read through `properties`
    proxy = model.make_entity("Person")
    proxy.add("name", ["Maduro, Nicolás", "MADURO MOROS, Nicolas"])
    assert proxy.get("name")[0] == "Maduro, Nicolás"  # FtM keeps them as added
    assert sorted_values(proxy) == {"name": ["MADURO MOROS, Nicolas", "Maduro, Nicolás"]}


def test_a_name_in_characters_matches_its_romanisations_but_not_a_name_sharing_one_syllable() -> None:
    from watchfloor.match import compare_names

    assert compare_names("Person", "习近平", "Xi Jinping") >= 0.95
    assert compare_names("Person", "张伟", "Chang Wei") >= 0.9  # Wade-Giles
    assert compare_names("Person", "김정은", "Kim Jong Un") >= 0.85  # McCune-Reischauer
    assert compare_names("Person", "박근혜", "Park Geun-hye") >= 0.85
    assert compare_names("Person", "이민호", "Lee Min-ho") >= 0.85
    # one shared syllable, another that only looks alike: wang is not kang, seok is not shi
    assert compare_names("Person", "王伟", "Wei Hsueh Kang") < 0.5
    assert compare_names("Person", "王伟", "Wang Kang") < 0.5
    assert compare_names("Person", "민석 이", "Shi Min") < 0.5


def test_hangul_is_romanised_a_syllable_at_a_time() -> None:
    from watchfloor.names.text import hangul_syllables

    assert hangul_syllables("김정은") == ("gim", "jeong", "eun")
    assert hangul_syllables("박근혜") == ("bak", "geun", "hye")


def test_kana_spell_foreign_names_by_sound_and_keep_letter_similarity() -> None:
    from watchfloor.match import compare_names

    assert compare_names("Person", "Barack Obama", "バラク・オバマ") >= 0.75
