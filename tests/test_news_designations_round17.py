"""Round 17 of designations: constructions that unseen reporting uses and the earlier rules missed —
a list named before the object, putting on a list, an instrument with a relative clause, a second
object in the first's frame, a nominalisation's coordinated "de", group descriptors, lists whose items
carry their own article or seat, and relatives a party works for (no party themselves)."""

from __future__ import annotations

from datetime import date

import pytest
from followthemoney.statement import StatementEntity

from tests.test_news_designations import _has, _sanctions
from watchfloor.news.mentions import name_key

PUBLISHED = date(2024, 11, 26)


def _designates_all(text: str, names: list[str]) -> dict[str, StatementEntity]:
    """Every name is the party of a designation the text reports (its Sanctions, by party name)."""
    found = _sanctions(text, PUBLISHED)
    for name in names:
        _has(found, name)
    return found


def _parties(text: str) -> set[str]:
    return set(_sanctions(text, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the list before the object, in a sentence about sanctions or blocked assets
        (
            "El Tesoro de Estados Unidos incluyó en la lista de narcotraficantes a Carlos Arévalo Pinto.",
            ["Carlos Arévalo Pinto"],
        ),
        (
            "El Departamento de Estado agregó a la lista de bloqueos financieros a la banda de Los Halcones.",
            ["Los Halcones"],
        ),
        # putting on a list: "puso / colocó en la lista negra a X"
        (
            "El Tesoro puso en la lista negra a la naviera Atlas Marítima, con sede en Panamá.",
            ["Atlas Marítima"],
        ),
        # the group's leaders named after it: "y a sus respectivos jefes, A y B"
        (
            "Al incluir en su lista negra a esas organizaciones y a sus respectivos jefes, Pedro Lugo Marín y "
            "Tomás Vera Ríos, el Tesoro dijo que lavan dinero.",
            ["Pedro Lugo Marín", "Tomás Vera Ríos"],
        ),
        (
            "El Departamento del Tesoro agregó a su lista de sanciones a la banda Los Toros y a su jefe, "
            "Mario Ruiz Pardo.",
            ["Los Toros", "Mario Ruiz Pardo"],
        ),
    ],
)
def test_a_list_named_before_the_object_and_putting_on_a_list(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_a_spanish_instrument_with_a_relative_clause_lists_the_acts_parties() -> None:
    found = _sanctions(
        "El Tesoro sancionó a seis pandilleros de la MS-13. La designación, que coloca a los pandilleros "
        'como objetivos prioritarios, incluye a Juan Carlos Mejía Soto, alias "El Tigre", quien está preso.',
        PUBLISHED,
    )
    _has(found, "Juan Carlos Mejía Soto")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "El presidente firmó un decreto para declarar a Hamás como organización terrorista, y a ISIS y "
            "Al Qaeda como organizaciones terroristas globales.",
            ["Hamás", "ISIS", "Al Qaeda"],
        ),
        (
            "The State Department designated the Red Hand Front as a terrorist organization, and the Black "
            "Star Militia as a specially designated global terrorist.",
            ["Red Hand Front", "Black Star Militia"],
        ),
    ],
)
def test_a_second_object_in_the_first_objects_frame(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_a_nominalisations_coordinated_de_and_a_group_descriptor() -> None:
    found = _sanctions(
        "El Consejo de Seguridad aprobó la incorporación de la coalición de bandas Viv Unidos y de la "
        "pandilla Gran Lobo a su lista de sanciones.",
        PUBLISHED,
    )
    _has(found, "Viv Unidos")
    _has(found, "Gran Lobo")


def test_a_semicolon_series_whose_items_carry_their_article_and_origin() -> None:
    found = _sanctions(
        "El Gobierno decidió catalogar oficialmente como terroristas a las organizaciones armadas Frente "
        "Norte, de Colombia; Los Choneros, de Ecuador; y a la Guardia Revolucionaria Islámica de Irán.",
        PUBLISHED,
    )
    for name in ("Frente Norte", "Los Choneros", "Guardia Revolucionaria Islámica"):
        _has(found, name)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "El Tesoro sancionó a la empresa Minera Sol. Con ellos, fueron sancionados Luis Gómez Parra, "
            "socio de la firma, y su esposa Ana Ruiz Vela.",
            ["Luis Gómez Parra", "Ana Ruiz Vela"],
        ),
        (
            "The Treasury sanctioned four people on Tuesday. The other three people now sanctioned are Mark "
            "Dalton, for running a smuggling network; Peter Holm, for laundering money; and Ivan Petrov.",
            ["Mark Dalton", "Peter Holm", "Ivan Petrov"],
        ),
        (
            "The Treasury sanctioned two shipping companies on Friday. The other company is Blue Harbor "
            "Shipping Inc., which is based in Greece.",
            ["Blue Harbor Shipping Inc."],
        ),
    ],
)
def test_more_parties_of_the_act_just_read(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_relatives_a_party_works_for_are_not_parties() -> None:
    found = _parties(
        "The Treasury sanctioned four people on Tuesday. The other three people now sanctioned are Mark "
        "Dalton, for directing a network of suppliers; Saúl Pérez López, implicated in coordinating "
        "shipments for his first cousins, Pedro and Juan Guzmán Ruiz, and Mario Esteban Ortega Sedano, "
        "who buys chemicals."
    )
    assert name_key("Mario Esteban Ortega Sedano") in found, sorted(found)
    assert not any("guzman" in key for key in found), sorted(found)


def test_a_sports_signing_and_a_candidates_list_are_no_designation() -> None:
    assert not _parties("El club fichó a Pedro Lugo Marín como delantero.")
    assert not _parties("El partido puso en la lista de candidatos a Pedro Lugo Marín.")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Treasury on Friday sanctioned five people. Those named include Paul Marcel, who leads a gang, "
            "and the director of the national police, Roger Denis Lamar.",
            ["Paul Marcel", "Roger Denis Lamar"],
        ),
        (
            "El Tesoro sancionó a Paul Marcel, quien dirige la banda Los Halcones, y a su hermano Roger Denis Lamar.",
            ["Paul Marcel", "Roger Denis Lamar"],
        ),
    ],
)
def test_a_list_goes_on_after_a_relative_clause_on_one_party(text: str, names: list[str]) -> None:
    found = _designates_all(text, names)
    assert not any("halcones" in key for key in found), sorted(found)


def test_tipificar_and_an_instrument_whose_relative_clause_names_the_parties() -> None:
    _has(
        _sanctions("Estados Unidos decidió tipificar como terroristas a la banda Cruz Negra.", PUBLISHED),
        "Cruz Negra",
    )
    found = _sanctions(
        "El Reino Unido sancionó el lunes a Juan Pérez Soto. Las medidas, que afectan al jefe pandillero Paul "
        "Marcel y al excomisario Roger Denis, incluyen la congelación de bienes.",
        PUBLISHED,
    )
    _has(found, "Paul Marcel")
    _has(found, "Roger Denis")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "La OFAC boletinó a la empresa Transportes Ríos y a su dueño Julio Mora Vidal.",
            ["Transportes Ríos", "Julio Mora Vidal"],
        ),
        ("Julio Mora Vidal fue boletinado por la OFAC en 2019.", ["Julio Mora Vidal"]),
        (
            "El Departamento del Tesoro sumó a su lista negra a la empresa Transportes Ríos.",
            ["Transportes Ríos"],
        ),
    ],
)
def test_colombian_and_listing_verbs(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_nationalities_sharing_a_plural_head_are_no_groups() -> None:
    found = _parties(
        "The U.S. designates six Mexican and two Latin American cartels as foreign terrorist organizations."
    )
    assert not any("american" in key or "mexican" in key for key in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Además de Mario Ruiz Pardo, el Tesoro sancionó a Pedro Lugo Marín.",
            ["Mario Ruiz Pardo", "Pedro Lugo Marín"],
        ),
        (
            "In addition to Paul Marcel, the Treasury sanctioned Roger Denis Lamar.",
            ["Paul Marcel", "Roger Denis Lamar"],
        ),
        (
            "The Treasury on Tuesday sanctioned three officials. Also designated Tuesday was Paul Marcel.",
            ["Paul Marcel"],
        ),
        (
            "El Tesoro sancionó a Mario Ruiz Pardo. Asimismo, fue sancionada la empresa Minera Sol, con sede en Culiacán.",
            ["Minera Sol"],
        ),
        (
            "El Tesoro sancionó a Mario Ruiz Pardo. La sanción se extiende a su esposa, Ana Ruiz Vela, y a su hijo "
            "Pedro Mora Ruiz.",
            ["Ana Ruiz Vela", "Pedro Mora Ruiz"],
        ),
    ],
)
def test_fronted_additions_inverted_passives_and_an_extended_sanction(text: str, names: list[str]) -> None:
    _designates_all(text, names)


def test_a_fronted_common_noun_adds_no_party() -> None:
    assert set(_parties("Además de la cocaína, el Tesoro sancionó a Pedro Lugo Marín.")) == {
        name_key("Pedro Lugo Marín")
    }


def test_a_present_freeze_and_naming_a_group_a_terrorist_organization() -> None:
    found = _sanctions(
        "The sanctions freeze any U.S. assets of Mario Ruiz Pardo and bar Americans from dealing with him.",
        PUBLISHED,
    )
    _has(found, "Mario Ruiz Pardo")
    found = _sanctions(
        "The State Department named the Red Hand gang a foreign terrorist organization on Monday.", PUBLISHED
    )
    _has(found, "Red Hand")


@pytest.mark.parametrize(
    "text",
    [
        "Trump named Mario Ruiz Pardo as a special envoy to the region.",
        "The panel named Mario Ruiz Pardo a terrorist sympathizer in its report.",
    ],
)
def test_naming_to_a_post_or_a_label_by_no_state_is_no_designation(text: str) -> None:
    assert not _parties(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Los sancionados por la UE —que van desde el ministro de Defensa, Mario Ruiz Pardo, a Ana Ruiz Vela, "
            "jueza del Supremo— no pueden viajar.",
            ["Mario Ruiz Pardo", "Ana Ruiz Vela"],
        ),
        (
            "Those sanctioned by the EU, ranging from Defence Minister Mario Ruiz Pardo to Supreme Court judge "
            "Ana Ruiz Vela, cannot travel to the bloc.",
            ["Mario Ruiz Pardo", "Ana Ruiz Vela"],
        ),
        (
            "Los sancionados por el Tesoro son Mario Ruiz Pardo y Ana Ruiz Vela.",
            ["Mario Ruiz Pardo", "Ana Ruiz Vela"],
        ),
        (
            "Those sanctioned by the EU are Mario Ruiz Pardo and Ana Ruiz Vela.",
            ["Mario Ruiz Pardo", "Ana Ruiz Vela"],
        ),
        (
            "El Tesoro sancionó a Mario Ruiz Pardo. Completan la lista su esposa Ana Ruiz Vela y la empresa Minera Sol.",
            ["Ana Ruiz Vela", "Minera Sol"],
        ),
        (
            "El Tesoro sancionó a Mario Ruiz Pardo. En la lista también aparecen su esposa, Ana Ruiz Vela, y la "
            "empresa Minera Sol.",
            ["Ana Ruiz Vela", "Minera Sol"],
        ),
        (
            "El Departamento de Estado designó al Frente Norte como organización terrorista extranjera, al igual que "
            "a la banda Cruz Negra.",
            ["Frente Norte", "Cruz Negra"],
        ),
    ],
)
def test_ranges_agents_list_completions_and_al_igual_que_a(text: str, names: list[str]) -> None:
    found = _designates_all(text, names)
    if "UE" in text or "EU" in text:
        for name in names:
            assert "European" in str(_has(found, name).get("authority")), found


def test_appointees_named_by_a_president_are_no_parties() -> None:
    assert not _parties("Los designados por Trump para el gabinete son Mario Ruiz Pardo y Ana Ruiz Vela.")
