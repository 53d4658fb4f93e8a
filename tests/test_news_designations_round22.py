"""Round 22 of the designation readings: states that hold a group for terrorist, passive agents that
coordinate states, proscriptions. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_designations import _has, _sanctions
from watchfloor.news import RawDocument, extract

PUBLISHED = date(2025, 10, 24)


def _authorities(text: str, party: str) -> set[str]:
    """The authorities of every Sanction whose party's name contains ``party``."""
    result = extract(RawDocument(text, "article.txt", published=PUBLISHED))
    names = {str(e.id): " ".join(e.get("name", quiet=True)) for e in result.entities}
    return {
        authority
        for entity in result.entities
        if entity.schema.name == "Sanction" and party in names[entity.first("entity") or ""]
        for authority in entity.get("authority")
    }


@pytest.mark.parametrize(
    "text",
    [
        "The FARC was listed as a terrorist group by the United States, Canada and the European Union.",
        "Las Farc fueron designadas como organización terrorista por Estados Unidos, Canadá y la Unión Europea.",
        "Las Farc son consideradas como grupo terrorista por los gobiernos de Estados Unidos, Canadá y la "
        "Unión Europea.",
    ],
)
def test_a_passive_agent_of_several_states_makes_one_designation_each(text: str) -> None:
    authorities = _authorities(text, "Farc" if "Farc" in text else "FARC")
    assert {"Government of Canada", "European Union"} <= authorities, authorities
    assert len(authorities) == 3, authorities


@pytest.mark.parametrize(
    ("text", "party", "authority"),
    [
        (
            "Hezbollah, which is deemed a terrorist group by the United States, denied the claims.",
            "Hezbollah",
            "United States",
        ),
        (
            "Hezbollah, which is listed as a terrorist group by the United States, denied it.",
            "Hezbollah",
            "United States",
        ),
        (
            "Hezbolá, considerada organización terrorista por Estados Unidos, negó los hechos.",
            "Hezbolá",
            "United States",
        ),
        ("Washington considers the Houthis a terrorist organization.", "Houthis", "United States"),
        ("Britain proscribed Hamas in 2021.", "Hamas", "Government of United Kingdom"),
        (
            "El Reino Unido proscribió a Palestine Action en virtud de la Ley de Terrorismo.",
            "Palestine Action",
            "Government of United Kingdom",
        ),
    ],
)
def test_a_state_holding_a_group_for_terrorist_lists_it(text: str, party: str, authority: str) -> None:
    assert authority in _authorities(text, party)


def test_a_brand_with_a_programme_is_a_designation() -> None:
    found = _sanctions(
        "Ali Mohamad Saleh was branded a specially designated global terrorist for raising money."
    )
    _has(found, "Ali Mohamad Saleh")


@pytest.mark.parametrize(
    "text",
    [
        "Trump considers Maduro a narco-terrorist.",
        "Many analysts consider the cartel a terrorist organization.",
        "The senator branded the gang a terrorist organization.",
        "Washington is considering designating the Houthis a terrorist organization.",
    ],
)
def test_an_opinion_or_a_plan_is_no_designation(text: str) -> None:
    assert not _sanctions(text), sorted(_sanctions(text))


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The Sinaloa Cartel and CJNG, both designated as foreign terrorist organizations earlier this year, "
            "dominate the trade.",
            ["Sinaloa Cartel", "CJNG"],
        ),
        (
            "Omar Hassan Ali and Salim Abdi Warsame were hit with sanctions on Thursday.",
            ["Omar Hassan Ali", "Salim Abdi Warsame"],
        ),
        (
            "Omar Hassan Ali and Salim Abdi Warsame now face US sanctions.",
            ["Omar Hassan Ali", "Salim Abdi Warsame"],
        ),
        ("The EU imposed an asset freeze and a travel ban on Omar Hassan Ali.", ["Omar Hassan Ali"]),
        ("The Gulf Clan is on the US list of terrorist organizations.", ["Gulf Clan"]),
    ],
)
def test_more_ways_of_telling_a_listing(text: str, parties: list[str]) -> None:
    found = _sanctions(text)
    for party in parties:
        _has(found, party)


def test_a_title_case_acronym_in_brackets_names_the_party_too() -> None:
    """The Spanish press writes "Farc" for the FARC: the party is known by it."""
    found = _sanctions(
        "Las Fuerzas Armadas Revolucionarias de Colombia (Farc) son consideradas como grupo terrorista por "
        "el gobierno de Canadá."
    )
    assert _has(found, "Farc") is _has(found, "Fuerzas Armadas Revolucionarias de Colombia")


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Houthis were redesignated as a Foreign Terrorist Organization in March 2025.", "Houthis"),
        ("The Trump administration redesignated the Houthis as a foreign terrorist organization.", "Houthis"),
        ("Al-Shabaab, a US-designated terrorist group, claimed the attack.", "Al-Shabaab"),
        ("JNIM, an al-Qaeda affiliate designated as an FTO in 2018, claimed the attack.", "JNIM"),
    ],
)
def test_redesignations_and_appositive_designations(text: str, party: str) -> None:
    _has(_sanctions(text), party)


def test_an_appositive_designated_to_a_post_is_no_designation() -> None:
    assert not _sanctions("Juan Pérez, a man designated to lead the talks, arrived.")


@pytest.mark.parametrize(
    "text",
    [
        "The UN added Ahmed Diriye to its sanctions list.",
        "La ONU sancionó a Ahmed Diriye.",
        "Naciones Unidas añadió a Ahmed Diriye a su lista de sanciones.",
    ],
)
def test_the_un_named_alone_acts_through_the_security_council(text: str) -> None:
    assert _authorities(text, "Ahmed Diriye") == {"United Nations Security Council"}


def test_a_sanctions_lists_theme_is_no_party() -> None:
    found = _sanctions(
        "La ONU añadió a Ahmed Diriye a su lista de sanciones contra el Estado Islámico y Al Qaeda."
    )
    assert sorted(found) == ["ahmed diriye"], sorted(found)


def test_a_person_designated_to_a_post_after_a_sanctions_sentence_is_no_designation() -> None:
    found = _sanctions(
        "Treasury sanctioned three companies on Tuesday. Trump designated Kristi Noem to lead the review."
    )
    assert "kristi noem" not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Canada listed al-Shabaab and Boko Haram as terrorist entities.", "al-Shabaab"),
        ("Canada listed al-Shabaab and Boko Haram as terrorist entities.", "Boko Haram"),
    ],
)
def test_groups_of_the_terrorist_list_the_models_miss_are_parties(text: str, party: str) -> None:
    _has(_sanctions(text), party)


def test_an_arabic_name_with_its_article_in_lower_case_is_a_name() -> None:
    found = _sanctions(
        "Treasury designated Sa'id al-Jamal and Ali al-Houthi as Specially Designated Global Terrorists."
    )
    _has(found, "Sa'id al-Jamal")
    _has(found, "Ali al-Houthi")


@pytest.mark.parametrize("name", ["S.A.", "Both", "Together", "61 Cubans", "200 Venezuelans"])
def test_words_that_name_no_one_are_no_party(name: str) -> None:
    from watchfloor.news.designations import _acceptable

    assert not _acceptable(name)


@pytest.mark.parametrize("name", ["Grupo Delta S.A.", "Barrio 18", "Tren de Aragua", "Ahmed Diriye"])
def test_names_stay_parties(name: str) -> None:
    from watchfloor.news.designations import _acceptable

    assert _acceptable(name)
