"""Link wordings by family, each in both languages where news writes it in both: a role noun after
"its"/"su" coordinated with its group, leader nouns of crime reporting, the Spanish passive "fue
sancionado por ...", "as"/"como" after an intransitive or adjectival verb, working for an armed
group and "accused of being" a member. Sentences written for these tests."""

from __future__ import annotations

from tests.test_news_relations import _links, spanish_model

RAMIRO = "news-person-ramiro-estevez-palma"
SINALOA = "news-org-sinaloa-cartel"


def test_group_and_its_leader_named_after_the_noun() -> None:
    assert _links("Treasury sanctioned Los Lobos and its leader, Ramiro Estévez Palma.") == {
        ("Directorship", f"director={RAMIRO}", "organization=news-org-los-lobos")
    }


@spanish_model
def test_el_grupo_y_su_lider() -> None:
    assert _links("El Tesoro sancionó al Cártel de Sinaloa y a su líder Ramiro Estévez Palma.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


def test_its_leader_of_a_government_is_no_link() -> None:
    text = "Venezuela's government and its leader, Ramiro Estévez Palma, rejected the Treasury sanctions."
    assert _links(text) == set()


def test_ringleader_and_kingpin_are_leader_nouns() -> None:
    assert _links("OFAC also sanctioned Ramiro Estévez Palma, the Sinaloa Cartel's alleged ringleader.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }
    assert _links("Ramiro Estévez Palma, the kingpin of the Sinaloa Cartel, was arrested.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


@spanish_model
def test_el_capo_del_cartel() -> None:
    assert _links("El capo del Cártel de Sinaloa, Ramiro Estévez Palma, fue detenido.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }


@spanish_model
def test_fue_sancionado_por_dar_apoyo_is_said_of_the_passive_subject() -> None:
    text = "Ramiro Estévez Palma fue sancionado por proporcionar apoyo financiero al Cártel de Sinaloa."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", f"object={SINALOA}")}


@spanish_model
def test_senalado_como_lider_and_se_desempenaba_como_operador() -> None:
    assert _links("Ramiro Estévez Palma, señalado como líder del Cártel de Sinaloa, fue detenido.") == {
        ("Directorship", f"director={RAMIRO}", f"organization={SINALOA}")
    }
    assert _links("Ramiro Estévez Palma se desempeñaba como operador del Cártel de Sinaloa.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_working_for_an_armed_group_is_membership() -> None:
    assert _links("Ramiro Estévez Palma works for the Sinaloa Cartel.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_working_for_a_company_is_no_link() -> None:
    assert _links("Ramiro Estévez Palma worked for Pemex before joining Grupo Fénix.") == set()


@spanish_model
def test_quien_trabajaba_para_el_cartel() -> None:
    assert _links("Ramiro Estévez Palma, quien trabajaba para el Cártel de Sinaloa, fue detenido.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


def test_accused_of_being_a_member() -> None:
    assert _links("Ramiro Estévez Palma, accused of being a member of the Sinaloa Cartel, was arrested.") == {
        ("Membership", f"organization={SINALOA}", f"member={RAMIRO}")
    }


@spanish_model
def test_acusado_de_ser_socio_in_a_list_entry() -> None:
    text = "- Ramiro Estévez Palma, alias El Toro: empresario de 40 años, acusado de ser socio del Cártel de Sinaloa."
    assert _links(text) == {("UnknownLink", f"subject={RAMIRO}", f"object={SINALOA}")}
