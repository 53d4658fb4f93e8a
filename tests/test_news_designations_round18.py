"""Round 18 of the designation readings: pressing another to list a group ("pressed Bolivia to
list", "fue instado a declarar") is no act, in whatever words the pressure is put; an act done
under pressure still is one."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_news_designations import _sanctions
from watchfloor.news.mentions import name_key

PUBLISHED = date(2024, 11, 26)


def _designates_all(text: str, names: list[str]) -> None:
    """Every name is the party of a designation the text reports."""
    assert {name_key(n) for n in names} <= set(_sanctions(text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "The White House pressed Peru to list Hezbollah and the Houthis as terrorist groups.",
        "Lawmakers demanded that Treasury designate the Clan del Golfo and the ELN.",
        "El presidente fue conminado por Washington a calificar a Hezbolá y a Hamás como organizaciones terroristas.",
        "El Congreso fue instado a declarar terroristas al Tren de Aragua y a la Mara Salvatrucha.",
        "La oposición exigió designar al Cartel de los Soles como organización terrorista.",
        "Washington presionó a Lima para incluir a Hezbolá en su lista de organizaciones terroristas.",
    ],
)
def test_pressing_another_to_list_a_group_is_no_act(text: str) -> None:
    assert _sanctions(text, PUBLISHED) == {}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "Under pressure from Washington, Paraguay designated the Cartel de los Soles as a terrorist group.",
            "Cartel de los Soles",
        ),
        (
            "Bajo presión de Washington, Paraguay designó al Cartel de los Soles como organización terrorista.",
            "Cartel de los Soles",
        ),
        ("Treasury's press release said OFAC designated the Tren de Aragua on Monday.", "Tren de Aragua"),
        (
            "In response to US demands, Paraguay designated the Cartel de los Soles as a terrorist group.",
            "Cartel de los Soles",
        ),
    ],
)
def test_an_act_done_under_pressure_is_still_an_act(text: str, party: str) -> None:
    assert name_key(party) in _sanctions(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the measures as the subject of a verb of falling on or covering
        (
            "Las sanciones recayeron sobre los panameños Luis Arce Brito y Mateo Gil Pardo por lavar dinero.",
            ["Luis Arce Brito", "Mateo Gil Pardo"],
        ),
        (
            "Las nuevas sanciones pesan sobre Ramón Lira Vega y Tomás Ochoa Sanz.",
            ["Ramón Lira Vega", "Tomás Ochoa Sanz"],
        ),
        (
            "The sanctions also apply to Peter Vance Holt and Ruth Marlow Keane.",
            ["Peter Vance Holt", "Ruth Marlow Keane"],
        ),
        # the parties before a copula with "the other sanctioned"
        (
            "Luis Arce Brito y Mateo Gil Pardo son los otros sancionados.",
            ["Luis Arce Brito", "Mateo Gil Pardo"],
        ),
        # a conditional in a relative clause after the parties hedges only that clause
        (
            "Las sanciones alcanzan a Luis Arce Brito y a Mateo Gil Pardo, quien sería el contador de la red.",
            ["Luis Arce Brito", "Mateo Gil Pardo"],
        ),
    ],
)
def test_measures_that_fall_on_parties_copulas_and_hedged_asides(text: str, names: list[str]) -> None:
    _designates_all(text, names)


@pytest.mark.parametrize(
    "text",
    [
        # the speaker after the measures' object is no party
        "The sanctions affect the oil sector, said Peter Vance Holt.",
        "Las sanciones afectan a la economía, dijo Ramón Lira Vega.",
        # a hedge before the verb still hedges, whatever the aside after it says
        "El Tesoro podría sancionar a Ramón Lira Vega, quien sería el jefe de la red.",
        "Treasury could sanction Peter Vance Holt, who is the cartel's accountant.",
    ],
)
def test_speakers_and_hedged_acts_are_no_parties(text: str) -> None:
    assert _sanctions(text, PUBLISHED) == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Treasury sanctioned three Peruvians on Friday. They were named as Ana Luz Quiroga and Raul Benito Paz.",
            ["Ana Luz Quiroga", "Raul Benito Paz"],
        ),
        (
            "El Tesoro sancionó el viernes a tres peruanos. Fueron identificados como Ana Luz Quiroga y Raúl Benito Paz.",
            ["Ana Luz Quiroga", "Raúl Benito Paz"],
        ),
        (
            "La OFAC sancionó a una red y a dos de sus jefes. La OFAC identificó a los dos jefes como Ana Luz Quiroga y Raúl Benito Paz.",
            ["Ana Luz Quiroga", "Raúl Benito Paz"],
        ),
    ],
)
def test_the_parties_of_a_counted_act_named_in_the_next_sentence(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_people_named_after_an_arrest_are_no_parties() -> None:
    assert (
        _sanctions(
            "Police arrested two men on Friday. They were named as Ana Luz Quiroga and Raul Benito Paz."
        )
        == {}
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "La OFAC incluyó a dos empresas panameñas: Cambios Sol y Divisas Luna.",
            ["Cambios Sol", "Divisas Luna"],
        ),
        ("La OFAC incluyó a Ana Luz Quiroga y a Raúl Benito Paz.", ["Ana Luz Quiroga", "Raúl Benito Paz"]),
        (
            "OFAC added Ana Luz Quiroga and Raul Benito Paz on Tuesday.",
            ["Ana Luz Quiroga", "Raul Benito Paz"],
        ),
    ],
)
def test_the_list_keeper_adding_a_party_lists_it(text: str, names: list[str]) -> None:
    _designates_all(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "OFAC added that Raul Benito Paz had fled to Panama.",
        "El informe de la OFAC incluyó a expertos como Raúl Benito Paz.",
        "Si la OFAC incluyera a Cambios Sol, el mercado caería.",
    ],
)
def test_adding_words_that_list_nothing(text: str) -> None:
    assert _sanctions(text, PUBLISHED) == {}


def test_the_posts_a_release_lists_after_each_party_are_no_parties() -> None:
    found = _sanctions(
        "Ottawa sanctioned Ana Ruiz Mena, Minister of Finance; Luis Vera Sol, Brigadier General; and "
        "Tomas Lanz Gil, Director of the Military Institute of Social Welfare.",
        PUBLISHED,
    )
    assert set(found) == {name_key(n) for n in ("Ana Ruiz Mena", "Luis Vera Sol", "Tomas Lanz Gil")}
    found = _sanctions(
        "El Tesoro sancionó a Néstor Ruiz Mena, ministro de Interior, Justicia y Paz, y a Tareck Lanz Vidal, "
        "ministro del Poder Popular para la Producción.",
        PUBLISHED,
    )
    assert set(found) == {name_key(n) for n in ("Néstor Ruiz Mena", "Tareck Lanz Vidal")}


def test_a_title_before_a_name_and_a_body_stay_parties() -> None:
    _designates_all(
        "El Tesoro sancionó al ministro de Defensa, Vladimir Padrino López, y al Banco Central de Venezuela.",
        ["Vladimir Padrino López", "Banco Central de Venezuela"],
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # thanks for an act tell the act
        (
            "The envoy thanked Peru for designating the Houthis and Hezbollah as terrorist organizations.",
            ["Houthis", "Hezbollah"],
        ),
        # the act's parties named as its targets, no colon
        (
            "Treasury sanctioned three officials on Friday. The new targets are Ana Luz Quiroga and Raul Benito Paz.",
            ["Ana Luz Quiroga", "Raul Benito Paz"],
        ),
        (
            "Treasury sanctioned three officials on Friday. The targets include Ana Luz Quiroga and Raul Benito Paz.",
            ["Ana Luz Quiroga", "Raul Benito Paz"],
        ),
    ],
)
def test_thanks_for_an_act_and_the_acts_targets(text: str, names: list[str]) -> None:
    _designates_all(text, names)


@pytest.mark.parametrize(
    "text",
    [
        "The minister said designating Hezbollah would complicate the talks.",
        "The board thanked its members for designating Ana Luz Quiroga as its spokesperson.",
    ],
)
def test_the_idea_of_a_designation_and_a_post_are_no_acts(text: str) -> None:
    assert _sanctions(text, PUBLISHED) == {}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the party on the list the act keeps
        (
            "El Tesoro sancionó a ocho funcionarios. Ana Luz Quiroga figura en la lista negra de la OFAC.",
            ["Ana Luz Quiroga"],
        ),
        (
            "Treasury sanctioned eight officials. Raul Benito Paz also appears on the sanctions list.",
            ["Raul Benito Paz"],
        ),
        # an inverted passive after a fronted phrase
        (
            "El Tesoro sancionó a ocho funcionarios. En el ámbito judicial, fueron sancionados el fiscal Luis Mora Gil "
            "y el juez Raúl Benito Paz.",
            ["Luis Mora Gil", "Raúl Benito Paz"],
        ),
    ],
)
def test_on_the_list_and_an_inverted_passive_after_a_fronted_phrase(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_appearing_on_a_list_of_speakers_is_no_act() -> None:
    assert _sanctions("Raul Benito Paz also appears on the list of speakers at the summit.", PUBLISHED) == {}
