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
