"""Link wordings round 16 adds: a firm another owns ("X, a subsidiary of Y", "a Y subsidiary",
"X, filial de la petrolera Y") and Spanish names a coalition's or a vessel's noun types as
organisations ("la coalición X es liderada por Y", "el buque X, propiedad de Y"). Sentences written
for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

PARENT = "news-org-gamma-energy-group"
FIRM = "news-org-delta-trading-sa"


def _owns(owner: str, asset: str) -> tuple[str, ...]:
    return ("Ownership", f"owner={owner}", f"asset={asset}")


def test_a_subsidiary_of_a_firm_is_owned_by_it() -> None:
    text = "Delta Trading SA, a subsidiary of Gamma Energy Group, was sanctioned by the Treasury."
    assert _owns(PARENT, FIRM) in _links(text)


def test_a_subsidiary_named_after_its_parent_is_owned_by_it() -> None:
    text = "The Treasury sanctioned Delta Trading SA, a Gamma Energy Group subsidiary based in Geneva."
    assert _owns(PARENT, FIRM) in _links(text)


def test_a_subsidiary_with_no_named_parent_is_owned_by_no_one() -> None:
    text = "The Treasury sanctioned Delta Trading SA, a Geneva-based subsidiary, on Tuesday."
    assert not any(link[0] == "Ownership" for link in _links(text))


@spanish_model
def test_filial_de_la_petrolera_names_its_parent_in_apposition() -> None:
    text = "Delta Trading SA, filial de la petrolera suiza Gamma Energy Group, fue sancionada por el Tesoro."
    assert _owns(PARENT, FIRM) in _links(text)


@spanish_model
def test_a_coalition_named_after_its_noun_is_led_by_its_leader() -> None:
    text = "La coalición Bwa Kale es liderada por Ramiro Estévez Palma, según la ONU."
    assert (
        "Directorship",
        "director=news-person-ramiro-estevez-palma",
        "organization=news-org-bwa-kale",
    ) in _links(text)


@spanish_model
def test_a_vessel_named_after_its_noun_is_owned_by_its_owner() -> None:
    text = "El buque Aurora, propiedad de Delta Trading SA, fue designado por la OFAC."
    assert _owns(FIRM, "news-org-aurora") in _links(text)
