"""Link wordings round 13 adds (and an obligation, "must support", that states none): a colon that ends its paragraph lists the persons of the next one
("seis lugartenientes del cártel:" then the names), ranks at the top of a group ("altos mandos del
X", "máximo jefe financiero del X", "the cartel's top finance chief") lead it while a plain
function or a middle rank is membership, and "X, one of the (constituent) gangs in Y" puts X in Y.
Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

RAMIRO = "news-person-ramiro-estevez-palma"
JULIAN = "news-person-julian-ortega-bravo"
MATEO = "news-person-mateo-luna-villa"
SINALOA = "news-org-sinaloa-cartel"
GOLFO = "news-org-clan-del-golfo"


def _members(group: str, *people: str) -> set[tuple[str, ...]]:
    return {("Membership", f"organization={group}", f"member={person}") for person in people}


def _leaders(group: str, *people: str) -> set[tuple[str, ...]]:
    return {("Directorship", f"director={person}", f"organization={group}") for person in people}


def test_a_colon_ending_the_paragraph_lists_the_next_paragraphs_names() -> None:
    text = (
        "The Treasury also sanctioned three lieutenants of the Sinaloa Cartel:\n\n"
        "Ramiro Estévez Palma, Julian Ortega Bravo and Mateo Luna Villa."
    )
    assert _links(text) == _members(SINALOA, RAMIRO, JULIAN, MATEO)


def test_a_count_that_does_not_match_the_next_paragraph_links_nothing() -> None:
    text = (
        "The Treasury also sanctioned two lieutenants of the Sinaloa Cartel:\n\n"
        "Ramiro Estévez Palma, Julian Ortega Bravo and Mateo Luna Villa."
    )
    assert _links(text) == set()


@spanish_model
def test_lugartenientes_del_cartel_before_a_paragraph_of_names() -> None:
    text = (
        "El Tesoro sancionó también a Tomás Ibarra Cruz, jefe de plaza del Cártel de Sinaloa, y a tres "
        "lugartenientes del cártel:\n\nRamiro Estévez Palma, Julián Ortega Bravo y Mateo Luna Villa."
    )
    assert _members(SINALOA, RAMIRO, JULIAN, MATEO) <= _links(text)


@spanish_model
def test_altos_mandos_lead_the_group() -> None:
    text = "Las sanciones son contra Julián Ortega Bravo y Ramiro Estévez Palma, altos mandos del Cártel de Sinaloa en Sonora."
    assert _links(text) == _leaders(SINALOA, JULIAN, RAMIRO)


@spanish_model
def test_mandos_medios_are_members() -> None:
    text = "Las sanciones alcanzan a Ramiro Estévez Palma, mandos medios del Cártel de Sinaloa."
    assert _links(text) == _members(SINALOA, RAMIRO)


@spanish_model
def test_segundo_al_mando_stays_a_leader_only() -> None:
    text = "Ramiro Estévez Palma, considerado el segundo al mando del Clan del Golfo, fue arrestado."
    assert _links(text) == _leaders(GOLFO, RAMIRO)


@spanish_model
def test_maximo_jefe_financiero_leads_while_jefe_financiero_is_a_member() -> None:
    top = "También figura Ramiro Estévez Palma, máximo jefe financiero del Clan del Golfo, arrestado en 2023."
    plain = "También figura Ramiro Estévez Palma, jefe financiero del Clan del Golfo, arrestado en 2023."
    assert _links(top) == _leaders(GOLFO, RAMIRO)
    assert _links(plain) == _members(GOLFO, RAMIRO)


def test_top_finance_chief_leads() -> None:
    assert _links("Ramiro Estévez Palma, the Sinaloa Cartel's top finance chief, was arrested.") == _leaders(
        SINALOA, RAMIRO
    )


def test_one_of_the_constituent_gangs_in_an_alliance_is_a_member() -> None:
    text = "The Treasury also designated Kempes Sanon, leader of the Bel Air gang, one of the constituent gangs in the Viv Ansanm alliance."
    assert ("Membership", "organization=news-org-viv-ansanm", "member=news-org-bel-air") in _links(text)


def test_one_of_the_gangs_in_a_country_links_nothing_more() -> None:
    text = "Ramiro Estévez Palma leads the Bel Air gang, one of the most violent gangs in Haiti."
    assert _links(text) == _leaders("news-org-bel-air", RAMIRO)


@spanish_model
def test_una_de_las_pandillas_del_cartel_is_a_member() -> None:
    text = "La banda Los Anthrax, una de las pandillas del Cártel de Sinaloa, opera en Culiacán."
    assert _links(text) == _members(SINALOA, "news-org-los-anthrax")


def test_a_coalition_which_includes_named_gangs_has_them_as_members() -> None:
    text = "The United States designated the Viv Ansanm coalition, which includes the Bel Air gang and the Grand Ravine gang."
    assert _links(text) == _members("news-org-viv-ansanm", "news-org-bel-air", "news-org-grand-ravine")


def test_a_cartel_that_includes_a_faction_has_it_as_a_member() -> None:
    assert _links("The Sinaloa Cartel includes Los Chapitos.") == _members(SINALOA, "news-org-los-chapitos")


def test_a_list_that_includes_groups_is_no_band() -> None:
    assert _links("The Treasury list includes the Sinaloa Cartel and Los Chapitos.") == set()


@spanish_model
def test_el_cartel_incluye_a_una_faccion() -> None:
    assert _links("El Cártel de Sinaloa incluye a Los Chapitos.") == _members(
        SINALOA, "news-org-los-chapitos"
    )


@spanish_model
def test_la_dirigente_de_un_grupo_lo_dirige() -> None:
    text = "La dirigente del Tren de Aragua, Mariela Ortega Bravo, fue detenida."
    assert _links(text) == _leaders("news-org-tren-de-aragua", "news-person-mariela-ortega-bravo")


def test_an_obligation_states_no_link() -> None:
    assert _links("Diosdado Cabello must support the Tren de Aragua, Trump said.") == set()
    assert _links("Diosdado Cabello supports the Tren de Aragua, Trump said.") == {
        ("UnknownLink", "subject=news-person-diosdado-cabello", "object=news-org-tren-de-aragua")
    }


@spanish_model
def test_debe_apoyar_states_no_link() -> None:
    assert _links("Diosdado Cabello debe apoyar al Tren de Aragua, dijo Trump.") == set()
