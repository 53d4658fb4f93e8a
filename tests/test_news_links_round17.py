"""Link wordings round 17 adds: an act's counted parties described as tied to an armed group ("sancionó a
seis mexicanos y cuatro empresas vinculadas con la organización de X", then "Los seis mexicanos
sancionados son A, B"), and the possessive of a kin noun listed among a verb's objects ("sancionó a X,
a su esposa, A, y a sus hijos B y C": X's, not the act's author's). Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

GULF = "news-org-cartel-del-golfo"
RAMIRO = "news-person-ramiro-estevez-palma"
LUCIA = "news-person-lucia-ferrer-gil"


def _tied(party: str, group: str) -> tuple[str, ...]:
    return ("UnknownLink", f"subject={party}", f"object={group}")


def _member(member: str, group: str) -> tuple[str, ...]:
    return ("Membership", f"organization={group}", f"member={member}")


def _family(person: str, relative: str) -> tuple[str, ...]:
    return ("Family", f"person={person}", f"relative={relative}")


@spanish_model
def test_parties_counted_as_tied_to_a_group_and_listed_later_are_linked_to_it() -> None:
    text = (
        "Estados Unidos sancionó a dos mexicanos y cuatro empresas presuntamente vinculadas con la "
        "organización criminal de Los Tlacos. El Tesoro dijo que no podrán operar en su territorio. "
        "Los dos mexicanos sancionados son Ramiro Estévez Palma y Lucía Ferrer Gil."
    )
    links = _links(text)
    assert _tied(RAMIRO, "news-org-los-tlacos") in links
    assert _tied(LUCIA, "news-org-los-tlacos") in links


@spanish_model
def test_a_crime_before_the_group_is_what_the_parties_are_tied_to() -> None:
    text = (
        "Estados Unidos sancionó a dos mexicanos vinculados con fraudes de tiempo compartido del Cártel "
        "del Golfo. El Tesoro dijo que no podrán operar en su territorio. Los dos mexicanos sancionados "
        "son Ramiro Estévez Palma y Lucía Ferrer Gil."
    )
    assert not any(link[0] == "UnknownLink" for link in _links(text))


def test_some_of_the_parties_tied_to_a_group_are_not_all_of_them() -> None:
    text = (
        "The Treasury sanctioned five individuals, some linked to the Gulf Cartel. The five individuals "
        "sanctioned are Ramiro Estevez Palma, Lucia Ferrer Gil, Julio Tovar, Ana Ruiz and Pablo Soto."
    )
    assert not any(link[0] == "UnknownLink" for link in _links(text))


@spanish_model
def test_a_wife_listed_after_a_sanctioned_person_is_his() -> None:
    text = "El Tesoro sancionó a Ramiro Estévez Palma, a su esposa, Lucía Ferrer Gil, y a sus hijos Julio y Andrés Estévez Ferrer."
    links = _links(text)
    assert _family(RAMIRO, LUCIA) in links
    assert _family(RAMIRO, "news-person-andres-estevez-ferrer") in links
    assert not any(link[0] == "Family" and "tesoro" in link[1] for link in links)


@spanish_model
def test_a_son_beside_another_object_but_not_listed_with_it_is_the_subjects() -> None:
    text = "Ramiro Estévez Palma visitó a Julio Tovar Ruiz junto a su hijo Andrés Estévez Ferrer."
    assert _family(RAMIRO, "news-person-andres-estevez-ferrer") in _links(text)


def test_its_president_after_a_firm_leads_it() -> None:
    text = "The Treasury sanctioned Delta Trading LLC and its president, Ramiro Estevez Palma."
    assert ("Directorship", f"director={RAMIRO}", "organization=news-org-delta-trading-llc") in _links(text)


@spanish_model
def test_su_presidente_after_a_firm_leads_it() -> None:
    text = "La OFAC sancionó a la empresa Delta Trading SA y a su presidente, Ramiro Estévez Palma."
    assert ("Directorship", f"director={RAMIRO}", "organization=news-org-delta-trading-sa") in _links(text)


@spanish_model
def test_groups_broken_away_from_another_are_linked_to_it() -> None:
    text = "El Tesoro sancionó a Los Rojos y Guerreros Unidos, dos organizaciones criminales escindidas del cártel de Los Beltrán Leyva."
    assert _tied("news-org-rojos", "news-org-los-beltran-leyva") in _links(text)


@spanish_model
def test_dissident_groups_listed_as_examples_are_linked_to_their_origin() -> None:
    text = "Noboa también designó como terroristas a otras estructuras criminales disidentes de las FARC como el Frente Martín Caballero y la Columna Jacobo Arenas."
    assert _tied("news-org-frente-martin-caballero", "news-org-farc") in _links(text)


@spanish_model
def test_a_second_participle_says_it_of_what_the_first_describes() -> None:
    text = (
        "Según el Tesoro, Los Rojos, grupo formado por Ramiro Estévez Palma y actualmente dirigido por "
        "Julio Tovar Ruiz, se ha convertido en una de las organizaciones más violentas."
    )
    links = _links(text)
    assert any(link[0] == "Directorship" and link[2] == "organization=news-org-rojos" for link in links)


def test_members_of_a_gang_known_as_y_listed_next_are_its_members() -> None:
    text = (
        "Treasury today designated three members of the notorious gang known as the Mara Salvatrucha "
        "(MS-13). The individuals designated today are Ramiro Estevez Palma, Julio Tovar Ruiz, and Pedro Soto Lima."
    )
    links = _links(text)
    assert _member("news-person-julio-tovar-ruiz", "news-org-mara-salvatrucha") in links
    assert _member("news-person-pedro-soto-lima", "news-org-mara-salvatrucha") in links


@spanish_model
def test_los_sancionados_son_lists_the_members_the_sentence_before_counts() -> None:
    text = (
        "El Tesoro sancionó a tres integrantes de la pandilla conocida como Mara Salvatrucha. "
        "Los sancionados son Ramiro Estévez Palma, Julio Tovar Ruiz y Pedro Soto Lima."
    )
    assert _member("news-person-pedro-soto-lima", "news-org-mara-salvatrucha") in _links(text)


def test_companies_related_to_a_person_listed_next_are_linked_to_him() -> None:
    text = (
        "The Treasury sanctioned three companies related to Ramiro Estevez Palma on Tuesday. "
        "Among those companies are Delta Trading LLC, Gamma Energy LLC and Omega Foods Inc."
    )
    assert _tied("news-org-gamma-energy-llc", RAMIRO) in _links(text)


def test_a_name_coordinated_with_counted_tied_parties_is_not_one_of_them() -> None:
    text = "The Treasury sanctioned Julio Tovar Ruiz and three individuals related to Ramiro Estevez Palma on Tuesday."
    assert not any(link[0] == "UnknownLink" for link in _links(text))


@spanish_model
def test_a_name_coordinated_with_counted_tied_people_is_not_one_of_them() -> None:
    text = "El Tesoro sancionó a Julio Tovar Ruiz y a tres personas vinculadas con el Cártel del Golfo."
    assert not any(link[0] == "UnknownLink" for link in _links(text))
