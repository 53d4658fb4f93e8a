"""Designations as reporting states them: coordinated and bullet lists, individuals, other states,
Federal Register notices, effective dates in later sentences, and what is no designation at all."""

from __future__ import annotations

from datetime import date

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.news import RawDocument, extract
from watchfloor.news.designations import US_TREASURY
from watchfloor.news.mentions import name_key

PUBLISHED = date(2025, 11, 17)


def _sanctions(text: str, published: date = PUBLISHED) -> dict[str, StatementEntity]:
    """The article's Sanctions by the normalised name of their party (its canonical name and aliases)."""
    result = extract(RawDocument(text, "article.txt", published=published))
    names = {str(e.id): [*e.get("name", quiet=True), *e.get("alias", quiet=True)] for e in result.entities}
    found = {}
    for entity in result.entities:
        if entity.schema.name == "Sanction":
            [party] = entity.get("entity")
            for name in names[party]:
                found[name_key(name)] = entity
    return found


def _only_party(found: dict[str, StatementEntity], name: str) -> None:
    """One Sanction, whose party is ``name`` (an abbreviation the article defines is its alias)."""
    assert len({str(s.id) for s in found.values()}) == 1, sorted(found)
    assert name_key(name) in found, sorted(found)


def _has(found: dict[str, StatementEntity], name: str) -> StatementEntity:
    """The Sanction whose party is ``name`` (or contains it, or is contained in it, as whole words)."""
    key = name_key(name)
    matches = [s for k, s in found.items() if f" {key} " in f" {k} " or f" {k} " in f" {key} "]
    assert matches, f"no designation of {name}: {sorted(found)}"
    return matches[0]


EIGHT = (
    "The State Department on Wednesday announced the designation of Tren de Aragua (TdA), Mara Salvatrucha "
    "(MS-13), Cártel de Sinaloa, Cártel de Jalisco Nueva Generación (CJNG), Cártel del Noreste, Cártel del "
    "Golfo, Cárteles Unidos and La Nueva Familia Michoacana as Foreign Terrorist Organizations (FTOs) and "
    "Specially Designated Global Terrorists (SDGTs)."
)


def test_every_member_of_a_coordinated_list_is_designated_once_with_both_programmes() -> None:
    found = _sanctions(EIGHT, published=date(2025, 2, 20))
    assert len({s.id for s in found.values()}) == 8
    for name in ("Tren de Aragua", "Jalisco Nueva Generación", "Cárteles Unidos", "Nueva Familia Michoacana"):
        sanction = _has(found, name)
        assert set(sanction.get("program")) == {"FTO", "SDGT"}
        assert sanction.get("authority") == ["US Department of State"]
        assert sanction.get("country") == ["us"]
        assert sanction.get("status") == ["reported"]
        assert sanction.get("listingDate") == ["2025-02-19"]  # "on Wednesday"


def test_programme_names_are_never_a_party() -> None:
    found = _sanctions(EIGHT + " Foreign Terrorist Organizations were listed again by the department.")
    assert not any("terrorist" in key for key in found)
    found = _sanctions("Washington listed the groups as Foreign Terrorist Organizations on Monday.")
    assert found == {}


def test_parties_continued_in_a_bullet_list() -> None:
    text = (
        "The United States designated six Mexican cartels as Foreign Terrorist Organizations on Wednesday.\n"
        "The designations include the following:\n"
        "- Cártel de Sinaloa (also known as the Federation).\n"
        "- Cártel del Golfo.\n"
        "- Cárteles Unidos, a coalition from Michoacán.\n"
        "\n"
        "Officials said more could follow."
    )
    found = _sanctions(text, published=date(2025, 2, 20))
    assert len({s.id for s in found.values()}) == 3
    _has(found, "Cárteles Unidos")
    assert _has(found, "Cártel del Golfo").get("program") == ["FTO"]


def test_an_individual_sanctioned_by_ofac_is_a_designation_of_the_person() -> None:
    found = _sanctions(
        "OFAC has imposed sanctions on Héctor Rusthenford Guerrero Flores, the leader of Tren de Aragua, "
        "on Thursday.",
        published=date(2025, 7, 18),
    )
    assert set(found) == {"hector rusthenford guerrero flores"}
    [sanction] = found.values()
    assert sanction.get("program") == ["SDN"]
    assert sanction.get("authority") == ["US Department of the Treasury"]
    assert sanction.get("country") == ["us"]
    assert sanction.get("listingDate") == ["2025-07-17"]


def test_two_individuals_in_one_sentence_and_the_spanish_verb() -> None:
    found = _sanctions(
        "Treasury sanctioned Giovanni Vicente Mosquera Serrano and Yohan José Romero on July 17 "
        "under E.O. 14059.",
        published=date(2025, 7, 18),
    )
    assert set(found) == {"giovanni vicente mosquera serrano", "yohan jose romero"}, sorted(found)
    assert all(s.get("program") == ["E.O. 14059"] for s in found.values())
    spanish = _sanctions("La OFAC designó a Yohan José Romero y a Wilmer Pérez Castillo el jueves.")
    assert set(spanish) == {"yohan jose romero", "wilmer perez castillo"}
    assert _has(spanish, "Wilmer Pérez Castillo").get("authority") == ["US Department of the Treasury"]


def test_paraguay_designates_with_its_own_country_and_government() -> None:
    found = _sanctions(
        "El gobierno de Paraguay designó el jueves al Cartel de los Soles como organización terrorista "
        "internacional mediante un decreto.",
        published=date(2025, 8, 22),
    )
    sanction = _has(found, "Cartel de los Soles")
    assert sanction.get("country") == ["py"]
    assert sanction.get("authority") == ["Government of Paraguay"]
    assert sanction.get("program") == ["terrorist-list"]
    assert sanction.get("listingDate") == ["2025-08-21"]


def test_argentina_adds_to_its_register_with_the_ministries_named() -> None:
    found = _sanctions(
        "Argentina's Ministry of Security added the Cartel de los Soles to the RePET terrorism register on "
        "Tuesday.",
        published=date(2025, 8, 27),
    )
    sanction = _has(found, "Cartel de los Soles")
    assert sanction.get("country") == ["ar"]
    assert sanction.get("program") == ["RePET"]
    assert "Argentina" in sanction.get("authority")[0]


def test_each_state_of_a_coordinated_subject_designates() -> None:
    found = extract(
        RawDocument(
            "Paraguay, Ecuador and the Dominican Republic have declared Cartel de los Soles a "
            "terrorist group.",
            "article.txt",
            published=date(2025, 9, 3),
        )
    )
    countries = {s.first("country") for s in found.entities if s.schema.name == "Sanction"}
    assert countries == {"py", "ec", "do"}


NOTICE = (
    "Designation of Cartel de los Soles as a Foreign Terrorist Organization\n\n"
    "Based upon a review of the administrative record, I have concluded that there is a sufficient factual "
    "basis to find that Cartel de los Soles, also known as Cartel of the Suns, meets the criteria for "
    "designation.\n\n"
    "Therefore, I hereby designate the aforementioned organization and its aliases as a Foreign Terrorist "
    "Organization pursuant to section 219 of the INA.\n\n"
    "This determination shall be published in the Federal Register. "
    "The designation goes into effect upon publication.\n\n"
    "Dated: November 16, 2025.\n\n"
    "Marco Rubio,\nSecretary of State."
)


def test_a_federal_register_notice_is_signed_and_effective_upon_publication() -> None:
    found = _sanctions(NOTICE, published=date(2025, 11, 24))
    sanction = _has(found, "Cartel de los Soles")
    assert sanction.get("program") == ["FTO"]
    assert sanction.get("authority") == ["US Department of State"]
    assert sanction.get("listingDate") == ["2025-11-16"]
    assert sanction.get("startDate") == ["2025-11-24"]


def test_the_effective_date_of_a_later_sentence_and_in_spanish() -> None:
    found = _sanctions(
        "Rubio said on Sunday that the United States will designate the Cartel de los Soles as a Foreign "
        "Terrorist Organization. The designation is set to take effect on November 24."
    )
    assert _has(found, "Cartel de los Soles").get("startDate") == ["2025-11-24"]
    spanish = _sanctions(
        "El Departamento de Estado designará al Cartel de los Soles como organización terrorista extranjera. "
        "La medida entrará en vigor el 24 de noviembre, según el aviso."
    )
    assert _has(spanish, "Cartel de los Soles").get("startDate") == ["2025-11-24"]


def test_an_amended_date_supersedes_and_a_past_effective_date_is_read() -> None:
    found = _sanctions(
        "The State Department designated Tren de Aragua as a Foreign Terrorist Organization, effective "
        "Nov. 21. The designation was later postponed and now takes effect on November 24."
    )
    assert _has(found, "Tren de Aragua").get("startDate") == ["2025-11-24"]
    past = _sanctions(
        "The designations of Tren de Aragua and MS-13 as Foreign Terrorist Organizations took effect on "
        "February 20, 2025, when they were published in the Federal Register.",
        published=date(2025, 3, 1),
    )
    assert _has(past, "Tren de Aragua").get("startDate") == ["2025-02-20"]


@pytest.mark.parametrize(
    "text",
    [
        "Senators urged Rubio to designate the Cartel de los Soles as a Foreign Terrorist Organization.",
        "The United States could designate the Cartel de los Soles as a Foreign Terrorist Organization.",
        "If the US designates Tren de Aragua as a terrorist organization, banks will have to act.",
        "Lawmakers have called for the designation of Cartel de los Soles as an FTO.",
        "El Senado instó al Ejecutivo a designar como organización terrorista al Cartel de los Soles.",
        "The State Department has not designated Cartel de los Soles as a Foreign Terrorist Organization.",
        "Trump designated Kristi Noem as the official in charge of the response.",
    ],
)
def test_hypotheticals_urges_and_negations_are_no_designation(text: str) -> None:
    assert _sanctions(text) == {}


def test_a_group_mentioned_beside_the_party_is_not_designated() -> None:
    found = _sanctions(
        "OFAC sanctioned Giovanni Vicente Mosquera Serrano, a senior member of Tren de Aragua, on Thursday."
    )
    assert set(found) == {"giovanni vicente mosquera serrano"}


def test_parties_listed_in_the_sentence_after_the_announcement() -> None:
    found = _sanctions(
        "Rubio said the department will designate three groups as Foreign Terrorist Organizations, effective "
        "February 20. The three groups are Tren de Aragua, Cárteles Unidos and La Nueva Familia Michoacana, "
        "many of which use other names.",
        published=date(2025, 2, 19),
    )
    assert len({s.id for s in found.values()}) == 3
    assert _has(found, "Cárteles Unidos").get("startDate") == ["2025-02-20"]


def test_members_named_after_a_programme_are_recalled_designations_without_its_date() -> None:
    found = _sanctions(
        "The State Department will designate Cartel de los Soles as a Foreign Terrorist Organization on "
        "November 24. It works with other FTOs including Tren de Aragua and the Sinaloa Cartel."
    )
    assert _has(found, "Cartel de los Soles").get("startDate") == ["2025-11-24"]
    assert _has(found, "Tren de Aragua").get("startDate") == []
    assert _has(found, "Sinaloa Cartel").get("program") == ["FTO"]


def test_an_exception_and_an_appositive_title_are_not_parties() -> None:
    found = _sanctions(
        "The United States had designated all but Cárteles Unidos as Specially Designated Global Terrorists."
    )
    assert found == {}
    found = _sanctions(
        "La medida entró en vigor tras el anuncio. El Tesoro sancionó al jefe del Tren de Aragua el jueves."
    )
    assert found == {}


def test_spanish_effective_date_from_a_partir_del() -> None:
    found = _sanctions(
        "Estados Unidos designará al Cartel de los Soles como organización terrorista extranjera a partir "
        "del 24 de noviembre."
    )
    sanction = _has(found, "Cartel de los Soles")
    assert sanction.get("startDate") == ["2025-11-24"]
    assert sanction.get("authority") == ["US Department of State"]


def test_a_gerund_naming_the_idea_is_no_designation_but_a_progressive_is() -> None:
    assert _sanctions("Analysts said designating Tren de Aragua as an FTO may complicate asylum cases.") == {}
    found = _sanctions(
        "The US government is formally designating Tren de Aragua as a terrorist organization."
    )
    assert set(found) == {"tren de aragua"}


def test_an_active_verb_after_a_parenthetical_and_a_reduced_relative() -> None:
    found = _sanctions(
        "The State Department, citing intelligence from Colombia, designated the Clan del Golfo as a "
        "Foreign Terrorist Organization."
    )
    assert _has(found, "Clan del Golfo").get("country") == ["us"]
    found = _sanctions("Tren de Aragua, designated as an FTO in February, operates in Chile.")
    assert set(found) == {"tren de aragua"}
    assert _has(found, "Tren de Aragua").get("listingDate") == ["2025-02"]


def test_a_notice_is_dated_and_made_effective_by_the_dates_module() -> None:
    found = _sanctions(NOTICE, date(2025, 11, 24))
    sanction = _has(found, "Cartel de los Soles")
    assert sanction.get("startDate") == ["2025-11-24"]  # "upon publication": the publication date
    assert sanction.get("listingDate") == ["2025-11-16"]  # "Dated:"


def test_the_context_modality_is_used_when_the_context_has_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from watchfloor.news.context import ArticleContext

    text = "The State Department designated Tren de Aragua as a Foreign Terrorist Organization."
    assert set(_sanctions(text)) == {"tren de aragua"}
    monkeypatch.setattr(ArticleContext, "modality", lambda self, index: "hypothetical", raising=False)
    assert _sanctions(text) == {}


def test_parties_among_those_designated_and_a_name_with_its_head_in_lower_case() -> None:
    found = _sanctions(
        "Tren de Aragua, MS-13 and the Gulf cartel are among the eight groups the US has designated as "
        "foreign terrorist organizations."
    )
    assert len({s.id for s in found.values()}) == 3
    _has(found, "Gulf")
    assert _sanctions("The US designated six Mexican cartels as Foreign Terrorist Organizations.") == {}


def _designation_events(text: str, published: date = PUBLISHED) -> list[StatementEntity]:
    result = extract(RawDocument(text, "article.txt", published=published))
    return [
        e for e in result.entities if e.schema.name == "Event" and "mode:designation" in e.get("keywords")
    ]


def test_a_notice_makes_one_designation_event_on_the_day_it_was_signed() -> None:
    [event] = _designation_events(NOTICE, published=date(2025, 11, 24))
    assert event.get("date") == ["2025-11-16"]
    assert event.get("involved"), "the designated party takes part in the event"


def test_a_release_in_the_present_is_dated_by_its_own_date_line() -> None:
    release = (
        "Statement\n\nSecretary of State\n\nFebruary 20, 2025\n\n"
        "The State Department announces the designation of Tren de Aragua and Cártel de Sinaloa as "
        "Foreign Terrorist Organizations."
    )
    [event] = _designation_events(release, published=date(2025, 2, 22))
    assert event.get("date") == ["2025-02-20"]
    assert _has(_sanctions(release, published=date(2025, 2, 22)), "Tren de Aragua").get("listingDate") == [
        "2025-02-20"
    ]


def test_a_designation_recalled_in_passing_is_no_event_and_an_undated_one_says_so() -> None:
    text = (
        "The State Department designated Tren de Aragua as a Foreign Terrorist Organization.\n\n"
        "It joins other FTOs including Hamas and Hezbollah."
    )
    [event] = _designation_events(text)
    assert event.get("date") == []
    assert "date:undated" in event.get("keywords")
    assert len(event.get("involved")) == 1


def _by_country(text: str, published: date = PUBLISHED) -> dict[tuple[str, str], StatementEntity]:
    """The article's Sanctions by (normalised party name, country)."""
    result = extract(RawDocument(text, "article.txt", published=published))
    names = {str(e.id): e.caption for e in result.entities}
    return {
        (name_key(names[s.first("entity")]), s.first("country") or ""): s
        for s in result.entities
        if s.schema.name == "Sanction"
    }


def test_a_plural_head_shared_by_a_list_names_one_group_per_member() -> None:
    found = _sanctions(
        "El gobierno de Ecuador incluyó a los carteles de Sinaloa, Jalisco Nueva Generación, del Golfo y "
        "Unidos en su lista de organizaciones terroristas."
    )
    assert set(found) == {
        "cartel de sinaloa",
        "cartel de jalisco nueva generacion",
        "cartel del golfo",
        "carteles unidos",
    }, sorted(found)
    assert all(s.get("country") == ["ec"] for s in found.values())
    english = _sanctions("The State Department designated the Sinaloa, Gulf and Northeast cartels as FTOs.")
    assert {"sinaloa cartel", "gulf cartel", "northeast cartel"} <= set(english), sorted(english)
    assert _sanctions("Ecuador incluyó a los carteles de la droga en su lista de grupos terroristas.") == {}


def test_a_comparison_recalls_the_same_designation_by_each_state_named() -> None:
    found = _by_country(
        "El Congreso de Chile aprobó el lunes declarar al Tren de Aragua como organización terrorista, tal "
        "como lo han hecho Estados Unidos, Perú y Costa Rica."
    )
    assert {country for _, country in found} == {"cl", "us", "pe", "cr"}, sorted(found)
    english = _by_country(
        "Guatemala designated the Tren de Aragua as a terrorist organization on Monday, as Honduras and "
        "Panama have done."
    )
    assert {country for _, country in english} == {"gt", "hn", "pa"}, sorted(english)


def test_the_actor_of_a_pseudo_cleft_and_of_a_sentence_that_goes_on_with_the_act() -> None:
    found = _by_country(
        "El país que calificó al Tren de Aragua como grupo terrorista fue el gobierno de Chile. "
        "En la declaración, también incluyeron a Los Choneros."
    )
    assert set(found) == {("tren de aragua", "cl"), ("los choneros", "cl")}, sorted(found)
    assert _sanctions("El diputado calificó al Tren de Aragua como un grupo terrorista.") == {}


def test_one_party_comes_out_once_per_authority() -> None:
    found = _by_country(
        "Canadá declaró al Tren de Aragua como grupo terrorista el 20 de febrero. Otro país que "
        "calificó al Tren de Aragua como una organización terrorista fue el gobierno de Argentina. Por su "
        "parte, el secretario de Estado de EE UU informó que ese país designó al Tren de Aragua y a otros "
        "seis carteles.",
        published=date(2025, 2, 25),
    )
    assert set(found) == {("tren de aragua", "ca"), ("tren de aragua", "ar"), ("tren de aragua", "us")}
    assert found[("tren de aragua", "us")].get("authority") == ["US Department of State"]


def test_a_register_programme_does_not_pass_to_another_states_act() -> None:
    found = _by_country(
        "Argentina inscribió al Tren de Aragua en el RePET el martes. Un día antes, la Administración "
        "de Donald Trump formalizó la inclusión del Cartel de Sinaloa en su listado de grupos terroristas.",
        published=date(2025, 2, 25),
    )
    assert found[("tren de aragua", "ar")].get("program") == ["RePET"]
    [sinaloa] = [s for (name, country), s in found.items() if "sinaloa" in name and country == "us"]
    assert sinaloa.get("program") == ["terrorist-list"]  # not the RePET of Argentina's act


def _authorities(text: str) -> set[tuple[str, str]]:
    """(normalised party name, authority) of each Sanction of the article."""
    result = extract(RawDocument(text, "article.txt", published=PUBLISHED))
    names = {str(e.id): e.caption for e in result.entities}
    return {
        (name_key(names[s.first("entity")]), s.first("authority") or "")
        for s in result.entities
        if s.schema.name == "Sanction"
    }


def test_an_adjunct_gerund_acts_and_the_us_body_named_last_designates() -> None:
    found = _sanctions(
        "On March 3, the State Department struck again, designating Los Lobos a Foreign Terrorist "
        "Organization."
    )
    assert _has(found, "Los Lobos").get("program") == ["FTO"]
    assert _authorities(
        "The Treasury previously sanctioned Los Choneros in 2024, and the State Department designated "
        "Los Choneros in September 2025."
    ) == {("los choneros", "US Department of the Treasury"), ("los choneros", "US Department of State")}


def test_where_a_group_is_based_is_not_who_designates_it() -> None:
    found = _by_country(
        "The United States keeps disrupting the revenue streams profiting Colombia-based FTOs like Clan "
        "del Golfo."
    )
    assert set(found) == {("clan del golfo", "us")}, sorted(found)


def test_companies_added_to_the_blocked_list_in_an_aside_between_dashes() -> None:
    found = _sanctions(
        "La OFAC sancionó el martes a Pedro Luis Mendoza Ríos. Sus dos empresas —Mendoza Eventos SAS y "
        "Rumba Caracas Bar— fueron igualmente incorporadas a la lista de entidades bloqueadas."
    )
    assert {"mendoza eventos sas", "rumba caracas bar"} <= set(found), sorted(found)
    assert _has(found, "Rumba Caracas Bar").get("program") == ["SDN"]


def test_a_party_without_its_place_of_origin_and_an_object_cut_before_a_lowercase_conjunct() -> None:
    found = _sanctions(
        "Chile declaró como organización terrorista a Los Lobos (LL) de Ecuador y a otras dos bandas."
    )
    _only_party(found, "Los Lobos")
    found = _by_country(
        "Chile declaró a Los Lobos como grupo terrorista. Por su parte, el secretario de Estado de EE.UU. "
        "informó que ese país designó al Tren de Aragua y a otros seis."
    )
    assert set(found) == {("los lobos", "cl"), ("tren de aragua", "us")}, sorted(found)


def test_parties_after_among_those_sanctioned_and_a_nickname_is_no_party() -> None:
    found = _sanctions(
        "La OFAC sancionó el jueves a seis miembros de una red. Entre los sancionados está Pedro Luis "
        "Mendoza Ríos, apodado «El Gato», quien dirige la red."
    )
    assert set(found) == {"pedro luis mendoza rios"}, sorted(found)
    english = _sanctions("Among those sanctioned today is Pedro Luis Mendoza Rios, the network's treasurer.")
    assert set(english) == {"pedro luis mendoza rios"}, sorted(english)


def test_a_spanish_perfect_designates_and_its_pluperfect_is_recalled_with_no_event() -> None:
    text = (
        "Chile declaró el martes a Los Lobos como grupo terrorista. El presidente ya había declarado "
        "también, en enero de este año, como organización terrorista a la banda Tren de Aragua."
    )
    found = _by_country(text, published=date(2025, 9, 3))
    assert set(found) == {("los lobos", "cl"), ("tren de aragua", "cl")}, sorted(found)
    events = _designation_events(text, published=date(2025, 9, 3))
    assert [e.first("date") for e in events] == ["2025-09-02"]


def test_a_semicolon_series_of_people_with_appositives_and_along_with() -> None:
    found = _sanctions(
        "The Treasury sanctioned the Red Hawks gang and Los Viagras along with four people. The Treasury "
        "also sanctioned Mario Quintero Salas, the leader of the Red Hawks; Tomas Ibarra Lugo, a "
        "financier; and Raul Cordero Nava, who runs its shipments. It also sanctioned Ana Ruelas Mora, "
        "a founder of the gang, along with two other members: Hugo Prieto Vidal and Ciro Andrade Luna.",
        published=date(2025, 8, 15),
    )
    for name in (
        "Los Viagras",
        "Mario Quintero Salas",
        "Tomas Ibarra Lugo",
        "Raul Cordero Nava",
        "Ana Ruelas Mora",
        "Hugo Prieto Vidal",
        "Ciro Andrade Luna",
    ):
        assert _has(found, name).get("program") == ["SDN"]
    assert _has(found, "Tomas Ibarra Lugo").get("authority") == ["US Department of the Treasury"]


def test_a_spanish_bullet_list_after_those_sanctioned_by_ofac_and_junto_con() -> None:
    text = (
        "El Tesoro anunció sanciones contra una red de lavado.\n"
        "Las cuatro personas sancionadas por la Oficina de Control de Activos Extranjeros incluyen:\n"
        "- Rosario Beltrán Ochoa, operadora de casas de cambio.\n"
        "- Fermín Lozano Vidal, contador de la red.\n"
        "\n"
        "Estados Unidos incluyó el martes a Julio Prado Mena en la Lista Clinton, junto con su socia, "
        "Marta Cienfuegos Ríos."
    )
    found = _sanctions(text)
    for name in ("Rosario Beltrán Ochoa", "Fermín Lozano Vidal", "Julio Prado Mena", "Marta Cienfuegos Ríos"):
        assert _has(found, name).get("country") == ["us"]


def test_sanctions_that_affect_people_and_a_counted_object_with_its_members() -> None:
    found = _sanctions(
        "The sanctions were announced by OFAC and affect Omar Valdes Rincon and Luis Tapia Mejia. "
        "In March, the president classified five organizations as terrorist groups, including Barrio 18 "
        "and Los Viagras."
    )
    assert _has(found, "Omar Valdes Rincon").get("program") == ["SDN"]
    _has(found, "Luis Tapia Mejia")
    _has(found, "Barrio 18")
    _has(found, "Los Viagras")


def test_an_object_relative_is_a_recalled_designation_and_a_quoted_characterisation_is_none() -> None:
    found = _sanctions(
        "Los Viagras, which the U.S. labeled a Foreign Terrorist Organization in February, extorts farmers."
    )
    assert _has(found, "Los Viagras").get("program") == ["FTO"]
    assert (
        _designation_events(
            "Los Viagras, which the U.S. labeled a Foreign Terrorist Organization in February, extorts farmers."
        )
        == []
    )
    quoted = _sanctions('"The regime works with foreign terrorist organizations, like Barrio 18," she said.')
    assert quoted == {}


def test_spanish_object_marks_after_a_count_and_a_recalled_appositive() -> None:
    found = _sanctions(
        "Washington nombró en febrero a seis cárteles, a la banda Tren de Aragua y a la pandilla Barrio 18 "
        "como organizaciones terroristas. Prosecutors charged 40 members of Los Viagras, a designated "
        "foreign terrorist organization."
    )
    _has(found, "Tren de Aragua")
    _has(found, "Barrio 18")
    assert _has(found, "Los Viagras").get("program") == ["FTO"]


def test_an_empty_bullet_marker_does_not_end_the_list() -> None:
    """A bare "-" line (a marker a copied page left without its item) does not end the bullet list."""
    text = (
        "Today, the Minister of Public Safety announced that the Government of Canada has listed five "
        "organizations as terrorist entities under the Criminal Code.\n"
        "The five entities listed are:\n"
        "-\n"
        "- Banda Roja\n"
        "- Los Halcones Grises\n"
        "- Clan Norte\n"
        "These entities are criminal organizations.\n"
    )
    found = _sanctions(text, published=date(2025, 3, 4))
    assert len({s.id for s in found.values()}) == 3
    for name in ("Banda Roja", "Halcones Grises", "Clan Norte"):
        sanction = _has(found, name)
        assert sanction.get("country") == ["ca"]
        assert sanction.get("program") == ["terrorist-list"]


def test_a_list_intro_with_today_after_its_participle() -> None:
    """ "The two entities listed today are:" introduces the parties like "The entities listed are:"."""
    text = (
        "The Government of Canada has listed two organizations as terrorist entities.\n"
        "The two entities listed today are:\n"
        "- Banda Roja\n"
        "- Clan Norte\n"
    )
    found = _sanctions(text, published=date(2025, 3, 4))
    assert len({s.id for s in found.values()}) == 2


def test_a_possessive_object_with_appositive_names_and_their_shared_surname() -> None:
    """ "sancionó a sus hermanos, A y B Ramos Ortiz": the object opens with a possessive, and the
    lone given name after a plural kin noun shares the surname of the full name it is coordinated with."""
    found = _sanctions(
        "El Tesoro también sancionó a sus hermanos, Adela y Ubaldo Ramos Ortiz, por lavado de dinero."
    )
    assert set(found) == {"adela ramos ortiz", "ubaldo ramos ortiz"}
    assert _has(found, "Adela Ramos Ortiz").get("program") == ["SDN"]


def test_a_lone_name_takes_a_surname_only_after_a_kin_noun() -> None:
    found = _sanctions(
        "OFAC sanctioned Pedro Ramos Ortiz and his brothers Luis and Mario Ramos Ortiz. "
        "OFAC also sanctioned Agrolab and Mario Ramos Ortiz."
    )
    assert {"pedro ramos ortiz", "luis ramos ortiz", "mario ramos ortiz", "agrolab"} <= set(found)
    assert "agrolab ramos ortiz" not in found


def test_a_counted_object_of_that_family_names_its_members_after_including() -> None:
    """ "of that family": a determiner after a preposition, not a clause that ends the object."""
    found = _sanctions(
        "OFAC designated several members of that family, including Pedro Ramos Ortiz and Ana Ruiz."
    )
    assert {"pedro ramos ortiz", "ana ruiz"} <= set(found)


def test_a_passive_with_a_counted_subject_names_its_parties_after_including() -> None:
    found = _sanctions("Several companies were also sanctioned by OFAC, including Agrolab and Storemax.")
    assert {"agrolab", "storemax"} <= set(found)
    found = _sanctions("Otras tres empresas fueron sancionadas por la OFAC, entre ellas Agrolab y Storemax.")
    assert {"agrolab", "storemax"} <= set(found)


def test_a_company_legal_form_is_part_of_its_name() -> None:
    """ "Storelab, S.A. de C.V.": the legal form's comma separates no parties and its full stops end
    neither the list nor the sentence, except the last one when a new sentence follows."""
    found = _sanctions(
        "Several companies were also sanctioned, including Agrolab, S.A. de C.V., Verdelab Quimica, S.A. de C.V., "
        "and Storemax, S.A. de C.V. Officials said more could follow."
    )
    assert set(found) == {"agrolab s a de c v", "verdelab quimica s a de c v", "storemax s a de c v"}
    found = _sanctions("OFAC also sanctioned Acme Trading, Inc. and Pedro Ruiz on Monday.")
    assert set(found) == {"acme trading inc", "pedro ruiz"}
    result = extract(
        RawDocument("OFAC sanctioned Storemax, S.A. de C.V. on Monday.", "a.txt", published=PUBLISHED)
    )
    assert any(
        name == "Storemax, S.A. de C.V." for e in result.entities for name in e.get("name", quiet=True)
    )


def test_a_spaced_en_dash_opens_an_aside_after_the_object() -> None:
    found = _sanctions(
        "On February 20, 2025, the United States designated the Norte Cartel – one of the oldest cartels "
        "in the region – as a Foreign Terrorist Organization."
    )
    assert set(found) == {"norte cartel"}


def test_one_of_the_groups_designated_is_a_recalled_designation() -> None:
    """ "X is one of the groups designated as FTOs", "Dicho grupo es uno de los carteles designados":
    the subject (or the group an anaphoric subject refers back to) was designated before."""
    found = _sanctions(
        "The Blue Band is one of the groups designated by the State Department as Foreign Terrorist Organizations."
    )
    assert _has(found, "Blue Band").get("program") == ["FTO"]
    found = _sanctions(
        "La OFAC sancionó a dos contadores del Cártel del Pacífico Sur (CPS). "
        "Dicho grupo criminal es uno de los carteles designados en febrero como organizaciones terroristas."
    )
    _only_party(found, "Cártel del Pacífico Sur")
    assert _sanctions("Pedro Ruiz is one of the most wanted men in the region.") == {}


def test_a_recalled_one_of_designation_is_not_the_act_a_later_also_continues() -> None:
    """After "X es uno de los carteles designados como organizaciones terroristas", "el Tesoro también
    sancionó a ..." goes on with the Treasury's sanctions, not with that terrorist listing."""
    found = _sanctions(
        "La OFAC sancionó a dos contadores del Cártel del Pacífico Sur. "
        "Dicho grupo criminal es uno de los carteles designados en febrero como organizaciones terroristas. "
        "El Tesoro también sancionó a Adela Ramos Ortiz por lavado de dinero."
    )
    assert _has(found, "Adela Ramos Ortiz").get("program") == ["SDN"]


def test_a_group_after_al_in_an_appositive_is_not_designated() -> None:
    """ "Pedro Ramos Ortiz, exatleta ligado al Cártel del Norte": "al" is a preposition there, so the
    group is what the person is tied to; "y al Clan del Sur" is still a coordinated object."""
    found = _sanctions(
        "La OFAC anunció sanciones contra Pedro Ramos Ortiz, exatleta mexicano ligado al Cártel del Norte, "
        "y otras nueve personas."
    )
    assert set(found) == {"pedro ramos ortiz"}
    found = _sanctions("La OFAC sancionó al Cártel del Norte y al Clan del Sur.")
    assert set(found) == {"cartel del norte", "clan del sur"}


def test_a_spanish_appositive_designates_the_group_after_al() -> None:
    """ "entidades vinculadas al Cártel del Norte, organización designada como terrorista": the
    appositive describes the group the preposition introduces."""
    found = _sanctions(
        "El Tesoro sancionó a una red de personas vinculadas al Cártel del Norte, organización designada "
        "como terrorista, por lavado de dinero."
    )
    assert "cartel del norte" in found


def test_a_colon_list_of_names_set_apart_by_semicolons_after_those_singled_out() -> None:
    """ "Entre los señalados están dos contadores: A, alias X; y B, alias Y": each item opens with a
    name; the aliases are no parties of their own, and a given name the NER reads as a month ("Julio")
    stays in the name."""
    found = _sanctions(
        "La OFAC sancionó este martes a una red de lavado de dinero del Cártel del Norte. "
        "Entre los señalados están dos contadores del grupo: Julio Ramiro Paredes Solís, alias “El Contador”; "
        "y Marta Elena Quiroga Llanos, alias “La Jefa”."
    )
    assert "julio ramiro paredes solis" in found
    assert "marta elena quiroga llanos" in found
    # The aliases name no party of their own.
    assert len({str(sanction.id) for sanction in found.values()}) == 2


def test_a_counted_object_names_its_members_in_a_parenthesis_and_a_former_name_is_no_party() -> None:
    """ "sancionó a cuatro miembros de la familia Rosales (A, B, C y D, antes E)": the parenthesis lists
    the parties; "antes E" is an earlier name of D, not another party."""
    found = _sanctions(
        "El Tesoro sancionó a cuatro miembros de la familia Rosales (Ignacio Rosales, Berta Rosales, "
        "Octavio Rosales y Elvira Castaño, antes Elvira Rosales) por lavar dinero para un cártel."
    )
    assert {"ignacio rosales", "berta rosales", "octavio rosales", "elvira castano"} <= set(found)
    assert "elvira rosales" not in found
    assert "familia rosales" not in found


def test_companies_placed_on_a_sanctions_list_and_then_listed_in_bullets() -> None:
    """ "placed three companies on its sanctions list. These include:" and a bullet list: the pronoun's
    list continues the act announced without its parties."""
    found = _sanctions(
        "On Monday, the Treasury placed three trading firms tied to the regime on its sanctions list. "
        "These include:\n\n  • Bluefin Harbor Trading LTD\n  • Ostara Shipping Limited\n  • Velmont Co LTD\n\n"
        "The firms moved crude oil for the government."
    )
    assert {"bluefin harbor trading ltd", "ostara shipping limited", "velmont co ltd"} <= set(found)
    assert _has(found, "Ostara Shipping Limited").get("program") == ["SDN"]
    # Without an act before it, "These include:" lists nothing designated.
    assert _sanctions("The fleet has many ships. These include:\n\n  • Ostara Star\n  • Velmont Sun\n") == {}


def test_a_group_that_is_a_us_designated_foreign_terrorist_organization_in_passing() -> None:
    """ "X is a U.S.-designated Foreign Terrorist Organization", "la OTE X", "X es una Organización
    Terrorista Extranjera": a recalled US designation of X, with the State Department's programme."""
    found = _sanctions(
        "The Northern Cartel is a U.S.-designated Foreign Terrorist Organization that smuggles fentanyl."
    )
    assert _has(found, "Northern Cartel").get("program") == ["FTO"]
    assert _has(found, "Northern Cartel").get("country") == ["us"]
    found = _sanctions("Las autoridades detuvieron a tres miembros de la OTE Clan del Norte en la frontera.")
    assert "clan del norte" in found
    found = _sanctions(
        "El Clan del Sur es una Organización Terrorista Extranjera con presencia en tres países."
    )
    assert _has(found, "Clan del Sur").get("program") == ["FTO"]
    # A terrorist group in a speaker's words is no US programme; a negation is no designation.
    assert _sanctions("The Northern Cartel is a violent terrorist group, the mayor said.") == {}
    assert _sanctions("The Northern Cartel is not a Foreign Terrorist Organization.") == {}


def test_an_inverted_passive_names_its_parties_after_the_verb_and_kin_share_a_surname() -> None:
    """ "Also sanctioned were the brothers of X, A and B C D": the parties follow the verb; a lone given
    name coordinated with the full name after "the brothers of X," takes its surname."""
    found = _sanctions(
        "OFAC sanctioned Tomás Ibarra Luna for laundering money. Also sanctioned were the brothers of "
        "businessman Hugo Ibarra, Raúl and Mario Ernesto Ibarra Luna, for their roles in the scheme."
    )
    assert "raul ibarra luna" in found
    assert "mario ernesto ibarra luna" in found
    assert "hugo ibarra" not in found
    found = _sanctions(
        "El Tesoro sancionó a Ana Paredes Ruiz. También fueron sancionados Luis Paredes Ruiz y la empresa "
        "Paredes Logística SA."
    )
    assert "luis paredes ruiz" in found


def test_a_legislature_recognising_a_group_as_terrorist_and_a_question_tacked_on() -> None:
    """ "acordaron reconocer el cartel de X como una organización terrorista": a designation, its party
    named with its head in lower case; a question after the act does not make it hypothetical, a
    question around it does."""
    found = _sanctions(
        "Los diputados aprobaron una moción con la que acordaron reconocer el cartel de los Lagos como "
        "una organización terrorista."
    )
    assert _has(found, "cartel de los Lagos").get("program") == ["terrorist-list"]
    found = _sanctions(
        "Tras designar al Clan del Norte como una organización terrorista, Trump anunció nuevas medidas, "
        "¿cambiará algo en la frontera?"
    )
    assert "clan del norte" in found
    assert _sanctions("¿Designará Trump al Clan del Norte como organización terrorista?") == {}


def test_a_state_organ_declaring_that_a_group_is_terrorist() -> None:
    """ "Trump declaró que el denominado cartel X es un grupo terrorista": the complement's subject is
    designated by the state; a speaker who is no state organ only characterises."""
    found = _sanctions(
        "La moción recuerda a Donald Trump, que en julio declaró que el denominado cartel de los Lagos es un "
        "grupo terrorista liderado por exmilitares."
    )
    assert _has(found, "cartel de los Lagos").get("country") == ["us"]
    assert _sanctions("Un analista declaró que el cartel de los Lagos es un grupo terrorista.") == {}
    assert _sanctions("Trump declaró que el cartel de los Lagos es un grupo muy peligroso.") == {}


def test_members_a_nameless_object_names_after_como() -> None:
    """ "catalogó como terroristas a otras estructuras criminales como A y B": the members after the
    generic object are its parties."""
    found = _sanctions(
        "El presidente de Ecuador catalogó como terroristas a otras estructuras criminales del país como "
        "los Comandos del Río y el Frente Manuel Ruiz."
    )
    assert {"comandos del rio", "frente manuel ruiz"} <= set(found)
    assert not any("estructuras" in key for key in found)


def test_a_figure_on_the_list_after_a_sanctions_announcement() -> None:
    """ "One of the figures on the list is X": X is on the list just announced."""
    found = _sanctions(
        "The Treasury sanctioned 12 people tied to a cocaine network on Friday. "
        "One of the best-known figures on the list is Darren Paul Whitcombe, a former boxer."
    )
    assert "darren paul whitcombe" in found


def test_target_and_add_designate_beside_a_sanctions_word_only() -> None:
    """ "OFAC targeted three companies: ...", "X was added to the SDN list", "agregó a X a la lista de
    sanciones"; "forces targeted a boat" is a strike, and "buscaba añadir" only sought to list."""
    found = _sanctions(
        "OFAC targeted three companies tied to the cartel: Norland Fuel SA, Vesta Gas SA and Cobalto "
        "Logistics LLC."
    )
    assert {"norland fuel sa", "vesta gas sa", "cobalto logistics llc"} <= set(found)
    assert _sanctions("On Tuesday, U.S. forces targeted a boat run by Tren de Aragua.") == {}
    assert "grupo halcon rojo" in _sanctions("Grupo Halcón Rojo was added to the SDN list in March.")
    found = _sanctions(
        "El Departamento del Tesoro agregó a la empresa Transportes Rivas SA a la lista de sanciones."
    )
    assert "transportes rivas sa" in found
    assert (
        _sanctions(
            "Aunque la ley buscaba añadir al Clan del Norte como grupo terrorista, los diputados lo excluyeron."
        )
        == {}
    )


def test_a_name_in_apposition_to_a_relative_after_of_is_not_a_party() -> None:
    """ "targeted three nephews of the minister's wife, NAME, and a businessman": the name says who the
    wife is; "his wife, NAME" names a party."""
    found = _sanctions(
        "OFAC sanctioned two nephews of the minister's wife, Carmen Ibáñez Soto, and the trading firm Orbis "
        "Maritime LLC."
    )
    assert "orbis maritime llc" in found
    assert "carmen ibanez soto" not in found
    found = _sanctions("OFAC sanctioned Rafael Ortiz Mena and his wife, Carmen Ibáñez Soto.")
    assert "carmen ibanez soto" in found


def test_a_quoted_nickname_is_the_person_the_article_gives_it_to() -> None:
    found = _sanctions(
        "Washington and Ottawa have sanctioned three chiefs of Mexico’s CDN cartel, including “El Cuini,” for "
        "arms smuggling and extortion. The targeted men include the CDN’s top boss Abel Trejo Farías (alias "
        "“El Cuini”), and two accountants."
    )
    assert len({s.id for s in found.values()}) == 1
    assert "abel trejo farias" in found


def test_a_role_holder_named_after_relatives_is_no_party() -> None:
    """ "hijos del jefe del cártel, NAME": the name says who the boss is; "los hijos del Chapo, A y B" names
    the sons themselves."""
    found = _sanctions(
        "El Tesoro sancionó el martes a Luis Alberto Pérez Soto y Mario Andrés Pérez Soto, hijos del jefe del "
        "cártel del Golfo, Osiel Cárdenas Guillén."
    )
    assert set(found) == {"luis alberto perez soto", "mario andres perez soto"}
    found = _sanctions(
        "The Treasury sanctioned Luis Pérez Soto and Mario Pérez Soto, the sons of the former Gulf Cartel "
        "leader, Osiel Cárdenas Guillén, on Tuesday."
    )
    assert set(found) == {"luis perez soto", "mario perez soto"}
    found = _sanctions(
        "El Tesoro sancionó el martes a los hijos del Chapo, Ovidio Guzmán López y Joaquín Guzmán López."
    )
    assert set(found) == {"ovidio guzman lopez", "joaquin guzman lopez"}


def test_an_acronym_defined_in_brackets_is_the_same_party() -> None:
    found = _sanctions(
        "On May 3, the Treasury sanctioned Compañía Minera del Sur SA (COMISUR), a Bolivian mining company, and "
        "its director Pedro Ramos Villa. Along with the sanctions on COMISUR, the Treasury also sanctioned "
        "several officials in Peru."
    )
    assert len({s.id for s in found.values()}) == 2
    assert "comisur" not in found
    assert _has(found, "Compañía Minera del Sur").get("listingDate") == ["2025-05-03"]


def test_a_nationality_and_a_common_noun_in_a_heading_is_no_party() -> None:
    found = _sanctions(
        "Sanctions on Bolivian Company\n\nOn May 3, the Treasury sanctioned Compañía Minera del Sur SA, a "
        "Bolivian mining company."
    )
    assert set(found) == {"compania minera del sur sa"}


@pytest.mark.parametrize(
    "text",
    [
        "Según la resolución, se pide al Consejo que actualice su lista de organizaciones terroristas para "
        "reflejar las realidades actuales de toda la región y, además, incluye al Clan del Golfo y a Los Rastrojos.",
        "The resolution calls on the Council of the European Union, in line with the measures already taken by "
        "other states, to designate the Clan del Golfo as a terrorist organisation.",
    ],
)
def test_what_a_request_asks_for_is_no_designation_however_far_it_reaches(text: str) -> None:
    assert _sanctions(text) == {}


def test_a_request_inside_an_aside_leaves_the_main_verb_an_act() -> None:
    found = _sanctions(
        "The Treasury, which a group of lawmakers had urged for months, and which faced pressure from banks and "
        "several governors, on Monday sanctioned the Clan del Golfo and its leader Jobanis de Jesús Ávila "
        "Villadiego."
    )
    _has(found, "Jobanis de Jesús Ávila Villadiego")


def test_a_from_date_before_a_when_clause_dates_the_act_not_its_effect() -> None:
    found = _sanctions(
        "Las investigaciones se endurecieron a partir del 3 de marzo, cuando el gobierno de Estados Unidos "
        "designó como terroristas a Los Lobos y Los Choneros."
    )
    sanction = _has(found, "Los Lobos")
    assert sanction.get("startDate") == []
    assert sanction.get("listingDate") == ["2025-03-03"]


def test_an_acronym_defined_after_a_governed_name_is_the_same_party() -> None:
    found = _sanctions(
        "On June 2, the US Department of the Treasury announced sanctions against Transportes Aéreos Andinos SA "
        "(TAASA), a Peruvian cargo airline. In tandem with the sanctions on TAASA, the Treasury also sanctioned "
        "several pilots."
    )
    _only_party(found, "Transportes Aéreos Andinos SA")


def test_every_member_of_a_sanctioned_list_counts_even_where_the_ner_guessed_a_place() -> None:
    found = _sanctions(
        "El Departamento del Tesoro sancionó a Banco Azteca, Multiva y Monex Casa de Bolsa. "
        "El 1 de mayo, el Tesoro de Estados Unidos sancionó a César Morfín, Álvaro Morfín, Remigio Morfín "
        "y a las compañías Servicios Logísticos Ambientales y Grupo Jala Logística, por sus supuestos vínculos."
    )
    for name in ("Multiva", "Monex Casa de Bolsa", "Remigio Morfín", "Servicios Logísticos Ambientales"):
        assert _has(found, name).get("program") == ["SDN"]
    assert not any(key in found for key in ("venezuela", "cuba"))


def test_a_country_in_a_sanctioned_list_is_still_no_party() -> None:
    found = _sanctions("El Departamento del Tesoro sancionó a Venezuela, Cuba y a Pedro Gómez Ruiz.")
    assert "pedro gomez ruiz" in found
    assert "venezuela" not in found and "cuba" not in found


def test_members_after_an_appositive_closed_by_a_comma_are_parties() -> None:
    found = _sanctions(
        "The Treasury sanctioned five leaders of the cartel on Wednesday. Among the individuals sanctioned is "
        "Mario Luna Díaz, a regional commander overseeing drug production in several states, and Carlos "
        "Ortega Ruiz, a cartel lieutenant named as a suspect in a murder."
    )
    assert _has(found, "Carlos Ortega Ruiz")
    found = _sanctions(
        "OFAC sanctioned Pedro Gómez Ruiz, a lawyer for the cartel, and the Treasury said more would come."
    )
    assert sorted(found) == ["pedro gomez ruiz"]


def test_a_colon_list_of_targets_names_the_counted_leaders() -> None:
    found = _sanctions(
        "El Departamento del Tesoro de Estados Unidos impuso este miércoles sanciones al incluir en su lista "
        "negra a tres de sus líderes y al cantante mexicano Pedro Gómez Ruiz, conocido como El Pájaro.\n"
        "El cártel es uno de los más violentos del país.\n"
        "Los cuatro objetivos clave del Tesoro son:\n"
        "- Pedro Gómez Ruiz, alias El Pájaro: cantante de 30 años acusado de lavar dinero.\n"
        "- Luis Díaz Mora (“Lucho”): considerado el segundo al mando del cártel.\n"
        "- Juan Soto Pérez (“Juancho”): ex policía acusado de dirigir operativos."
    )
    for name in ("Pedro Gómez Ruiz", "Luis Díaz Mora", "Juan Soto Pérez"):
        assert _has(found, name)


def test_a_listing_told_in_passing_as_being_under_sanctions() -> None:
    found = _sanctions("Gamma Shipping Lines has been under US sanctions since 2019 for moving oil.")
    sanction = _has(found, "Gamma Shipping Lines")
    assert sanction.get("startDate") == []
    assert _sanctions("Tourists face sanctions under the new law.") == {}


@pytest.mark.parametrize(
    "text",
    [
        # a class of parties in a headline's capitals
        "Designation of Peruvian Financial Institutions\nThe Treasury designated Banco Andino S.A. on Monday.",
        # crimes named with capitals before the designated party
        '"For many reasons, including Terrorism, Arms Smuggling, and Money Laundering, the Ruritanian Junta '
        'has been designated a Foreign Terrorist Organization," the president wrote.',
        # a sanctions category named in full
        "En 2025 el Tesoro usó más la designación de Organización Criminal Transnacional contra redes de tráfico.",
        # counts opening the bullets of a list
        "La UIF incorporó en la Lista de Personas Bloqueadas a siete sujetos adicionales:\n"
        "  • Seis (6) personas físicas.\n  • Una (1) persona moral.",
    ],
)
def test_a_category_a_crime_or_a_count_written_with_capitals_is_no_party(text: str) -> None:
    found = _sanctions(text)
    for key in found:
        assert not any(
            word in key
            for word in ("institutions", "terrorism", "smuggling", "laundering", "criminal", "seis", "una")
        ), sorted(found)
    if "Banco Andino" in text:
        assert _has(found, "Banco Andino S.A.")
    if "Junta" in text:
        assert _has(found, "Ruritanian Junta")


def test_a_counted_passive_act_takes_the_names_the_next_sentence_lists_in_apposition() -> None:
    found = _sanctions(
        "Three senior members of the Gamma Cartel were sanctioned Tuesday by the U.S. Treasury Department.\n"
        "The suspects, Pedro Ruiz Soto, his cousin, Mario Ruiz Soto and Luis Ortega Díaz, all run routes."
    )
    for name in ("Pedro Ruiz Soto", "Mario Ruiz Soto", "Luis Ortega Díaz"):
        assert _has(found, name).get("program") == ["SDN"]
    assert "gamma cartel" not in found
    found = _sanctions(
        "Dos operadores del Cártel del Sur fueron sancionados este martes por el Departamento del Tesoro.\n"
        "Los sancionados, Pedro Ruiz Soto y Luis Ortega Díaz, manejan las finanzas del grupo."
    )
    assert _has(found, "Pedro Ruiz Soto") and _has(found, "Luis Ortega Díaz")
    # no act before: brothers named in apposition are no designation
    assert not _sanctions(
        "Pedro Ruiz was appointed minister.\nThe brothers, Pedro Ruiz and Mario Ruiz, celebrated."
    )


def test_the_rows_of_a_flattened_table_after_a_colon_are_the_parties() -> None:
    found = _sanctions(
        "As of October 2025, the following groups have been designated as FTOs by the Department of State:\n\n"
        "Group Countries Where Active Date of Designation\n"
        "Tren de Aragua Venezuela, Colombia, Peru February 20, 2025\n"
        "Los Choneros Ecuador September 5, 2025\n"
        "Cártel del Noreste Mexico February 20, 2025\n\n"
        "Companies should review their exposure to these groups."
    )
    for name in ("Tren de Aragua", "Los Choneros", "Cártel del Noreste"):
        assert _has(found, name).get("program") == ["FTO"]
    assert not any("designation" in key or "group" in key for key in found), sorted(found)


def test_lines_of_prose_or_two_lines_after_a_colon_are_no_table() -> None:
    found = _sanctions(
        "The Department of State designated the group as an FTO on Monday, saying:\n"
        "Tren de Aragua threatens the region.\n"
        "Its leaders must face justice.\n"
        "Further steps will follow."
    )
    assert "its leaders must face justice" not in found and "further steps will follow" not in found
    found = _sanctions(
        "The following have been designated as FTOs by the Department of State:\n"
        "Delta Gang Venezuela\nGamma Network Mexico\n\nMore later."
    )
    assert not found


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "The president of Ruritania signed a decree declaring the Gamma Cartel an international terrorist "
            "organization. Ruritania became the third country to do so, following Ecuador.",
            {"ec"},
        ),
        (
            "El gobierno de Argentina designó este martes al Cártel Gamma como organización terrorista, tres "
            "días después de que Paraguay hiciera lo propio.",
            {"ar", "py"},
        ),
        (
            "Argentina declared the Gamma Cartel a terrorist group on Tuesday, three days after Paraguay adopted "
            "a similar measure.",
            {"ar", "py"},
        ),
    ],
)
def test_a_state_said_to_have_made_the_same_designation_made_one_of_its_own(
    text: str, states: set[str]
) -> None:
    result = extract(RawDocument(text, "article.txt", published=date(2025, 8, 26)))
    found = {e.first("country") for e in result.entities if e.schema.name == "Sanction"}
    assert states <= found


def test_doing_the_same_in_another_matter_is_no_designation() -> None:
    found = _sanctions(
        "The Treasury sanctioned Pedro Ruiz Soto on Monday. Fans cheered after Ecuador did the same to its rival."
    )
    assert [s.first("country") for s in found.values()] == ["us"]


def test_a_copula_before_the_counted_participle_opens_the_list_of_parties() -> None:
    found = _sanctions(
        "La OFAC sancionó este martes a diez narcotraficantes del Cártel del Sur.\n"
        "El Tesoro detalló que son nueve los sancionados por parte de 'Los Gamma': Pedro Ruiz Soto, "
        "Luis Ortega Díaz y Juan Pérez Gil."
    )
    for name in ("Pedro Ruiz Soto", "Luis Ortega Díaz", "Juan Pérez Gil"):
        assert _has(found, name).get("program") == ["SDN"]
    assert not _sanctions(
        "Los goles fueron muchos. Son tres los sancionados por la liga: el club y sus directivos."
    )


def test_added_to_a_list_of_people_sanctioned_is_a_designation() -> None:
    found = _sanctions(
        "The U.S. Treasury Department on Friday added former minister Pedro Ruiz Soto, a senior party "
        "official, to the growing list of Ruritanian officials sanctioned for corruption."
    )
    assert _has(found, "Pedro Ruiz Soto").get("program") == ["SDN"]
    assert not _sanctions("The band added Pedro Ruiz Soto, a drummer, to its list of guest players.")


@pytest.mark.parametrize(
    "text",
    [
        "The Treasury sanctioned Pedro Ruiz Soto on Friday. His wife, Ana Gómez Díaz, also joined him on the "
        "blacklist, along with his brother, Luis Ruiz Soto, and his alleged front man, Mario Ortega Gil.",
        "La OFAC sancionó a Pedro Ruiz Soto. Su esposa, Ana Gómez Díaz, también se sumó a la lista, junto con "
        "su hermano Luis Ruiz Soto y su presunto testaferro Mario Ortega Gil.",
    ],
)
def test_joining_a_listed_person_on_the_list_with_others_designates_them_all(text: str) -> None:
    found = _sanctions(text)
    for name in ("Pedro Ruiz Soto", "Ana Gómez Díaz", "Luis Ruiz Soto", "Mario Ortega Gil"):
        assert _has(found, name)


def test_a_sanctioned_person_identified_by_name_in_the_next_sentence() -> None:
    found = _sanctions(
        "La OFAC sancionó este martes a diez narcotraficantes. El otro narco sancionado fue identificado como "
        "Pedro Ruiz Soto, alias 'El Flaco', líder del Clan del Sur."
    )
    assert sorted(found) == ["pedro ruiz soto"]
    assert not _sanctions("El sospechoso detenido fue identificado como Pedro Ruiz Soto.")


def test_a_person_pronoun_object_is_the_one_person_the_sentence_before_names() -> None:
    found = _sanctions(
        "En 2017, Pedro Ruiz Soto fue nombrado vicepresidente. Poco después, el Departamento del Tesoro lo "
        "designó Narcotraficante Especialmente Designado en virtud de la Ley de Designación de Cabecillas "
        "Extranjeros del Narcotráfico."
    )
    assert sorted(found) == ["pedro ruiz soto"]
    assert _has(
        _sanctions("Pedro Ruiz Soto became minister in 2017. The Treasury sanctioned him in 2018."), "Ruiz"
    )
    # two people before: the pronoun is not resolved
    assert not _sanctions("Pedro Ruiz Soto met Luis Gómez Díaz in 2017. The Treasury sanctioned him in 2018.")


def test_a_pronoun_designated_as_an_organisation_is_no_person_of_the_sentence_before() -> None:
    found = _sanctions(
        "Las primeras denuncias llegaron en 2004, cuando el periodista Pedro Ruiz Soto acusó a varios oficiales.\n"
        "Estados Unidos lo designó en 2025 como organización terrorista extranjera."
    )
    assert "pedro ruiz soto" not in found


def test_the_parties_of_a_counted_act_listed_by_the_next_sentence_without_a_colon() -> None:
    counted = "The Treasury Department sanctioned four close allies of the governor of Zulia on Monday. "
    found = _sanctions(counted + "Also named were Energy Minister Pedro Ruiz Soto and Luis Gómez Díaz.")
    assert sorted(found) == ["luis gomez diaz", "pedro ruiz soto"]
    found = _sanctions(
        "Chile imposed sanctions on twelve officials of the prison service. These include director Pedro Ruiz "
        "Soto and his deputy Luis Gómez Díaz."
    )
    assert _has(found, "Pedro Ruiz Soto").get("authority") == ["Government of Chile"]
    assert _has(found, "Luis Gómez Díaz")
    found = _sanctions(
        "La OFAC sancionó a tres socios de un contratista. Las personas incluidas en la lista OFAC son: Pedro "
        "Ruiz Soto y Luis Gómez Díaz."
    )
    assert sorted(found) == ["luis gomez diaz", "pedro ruiz soto"]
    found = _sanctions(
        "Treasury also sanctioned three companies tied to the governor on Monday. Among those companies are "
        "Brisamar Trading Limited, in Panama, and Coralina Holdings SL, in Spain."
    )
    assert _has(found, "Brisamar Trading Limited") and _has(found, "Coralina Holdings SL")


def test_a_listing_opener_with_no_act_before_it_designates_nobody() -> None:
    assert not _sanctions(
        "The mayor praised the volunteers. These include Pedro Ruiz Soto and Luis Gómez Díaz."
    )
    assert not _sanctions("Also named were Pedro Ruiz Soto and Luis Gómez Díaz, as new board members.")
    assert not _sanctions(
        "The festival drew many artists. Among those guests were Pedro Ruiz Soto and Luis Gómez Díaz."
    )


def test_the_subject_of_a_passive_designation_before_an_appositive() -> None:
    found = _sanctions(
        "Marta Ruiz Soto, the wife of the governor of Zulia, was sanctioned Tuesday by the U.S. Treasury "
        "Department."
    )
    assert sorted(found) == ["marta ruiz soto"]


def test_the_instrument_of_an_act_names_its_parties() -> None:
    found = _sanctions(
        "Treasury sanctioned five companies tied to the governor on Tuesday. The order also named Pedro Ruiz "
        "Soto, the owner of a bank."
    )
    assert sorted(found) == ["pedro ruiz soto"]
    found = _sanctions(
        "Chile imposed targeted sanctions on twelve prison officials. The Chilean measures - adopted under a "
        "2019 law - name director Pedro Ruiz Soto, his deputy Luis Gómez Díaz and ten other people."
    )
    assert _has(found, "Luis Gómez Díaz").get("program") == [
        "sanctions"
    ]  # a state's sanctions, no terrorist list
    assert _has(found, "Pedro Ruiz Soto").get("authority") == ["Government of Chile"]
    found = _sanctions(
        "Chile designated two gangs as terrorist organizations on Wednesday. The move, carrying out an order "
        "the president signed in January, names Banda Los Pumas in Peru and Clan del Norte."
    )
    assert sorted(found) == ["banda los pumas", "clan del norte"]
    # no act before it: a measure that names someone to a post designates nobody
    assert not _sanctions("The new measure names Pedro Ruiz Soto as director of the agency.")


def test_a_party_joined_to_a_list_by_as_well_as() -> None:
    found = _sanctions(
        "La OFAC sancionó a tres personas. Las personas incluidas en la lista OFAC son: Pedro Ruiz Soto y Luis "
        "Ruiz Soto (hermanos de Andrés Ruiz), así como Mario Gómez Díaz (hijo de Tomás Gómez)."
    )
    assert {"luis ruiz soto", "mario gomez diaz", "pedro ruiz soto"} <= set(found)
    found = _sanctions("Treasury sanctioned Pedro Ruiz Soto, as well as Mario Gómez Díaz, on Monday.")
    assert sorted(found) == ["mario gomez diaz", "pedro ruiz soto"]


def test_a_list_member_s_seat_neither_ends_the_list_nor_joins_the_name() -> None:
    found = _sanctions(
        "Treasury sanctioned Banda Los Pumas in Peru, Grupo Sol in Chile and Clan del Norte on Monday."
    )
    assert sorted(found) == ["banda los pumas", "clan del norte", "grupo sol"]
    # a place in a name stays in it
    found = _sanctions("Treasury sanctioned the Cártel de Sinaloa on Monday.")
    assert len({s.id for s in found.values()}) == 1 and "cartel de sinaloa" in found


def test_a_counted_object_s_members_named_at_the_sentence_s_end() -> None:
    found = _sanctions(
        "Treasury sanctioned Pedro Ruiz Soto on Tuesday. The new sanctions also included three companies that "
        "are related to Ruiz in Miami, Florida, Brisamar Trading Limited, Coralina Holdings LLC, and Tordesa "
        "Advisors Inc."
    )
    assert {"brisamar trading limited", "coralina holdings llc", "tordesa advisors inc"} <= set(found)
    assert not any("miami" in key or "florida" in key for key in found)
    # who a relative is, after "including", is no member
    found = _sanctions(
        "The Treasury sanctioned seven individuals tied to the governor's circle, including relatives of his "
        "wife and First Lady, Marta Ruiz Soto."
    )
    assert not any("first lady" in key or "marta" in key for key in found)
    # one name at the end is no series: a counted object's place, not its members
    assert sorted(_sanctions("Treasury sanctioned three officials on Monday in Caracas, Venezuela.")) == []


def test_spanish_openers_of_one_more_party() -> None:
    found = _sanctions(
        "La OFAC sancionó a diez personas del Clan del Sur. Entre los individuos sancionados destaca Pedro Ruiz "
        "Soto, acusado de tráfico de cocaína. También figura Luis Gómez Díaz, jefe financiero del clan."
    )
    assert sorted(found) == ["luis gomez diaz", "pedro ruiz soto"]


def test_a_surname_in_ria_makes_no_sentence_hypothetical() -> None:
    found = _sanctions("The Treasury sanctioned Pedro Sarría and Ana Echeverría on Tuesday.")
    assert sorted(found) == ["ana echeverria", "pedro sarria"]
    assert not _sanctions("Estados Unidos sancionaría a Pedro Sarría si no hay elecciones.")


def test_a_union_s_sanctions_and_the_officials_on_its_list() -> None:
    found = _sanctions(
        "The European Union imposed economic and travel sanctions Monday on seven senior officials of Zulia. "
        "The most prominent official on the European list is Pedro Ruiz Soto, the head of the ruling party. "
        "Other officials on the list include Luis Gómez Díaz, the attorney general; Guard Cmdr. Mario Vera "
        "Lagos; and elections chief Ana Soto Ríos."
    )
    for name in ("Pedro Ruiz Soto", "Luis Gómez Díaz", "Mario Vera Lagos", "Ana Soto Ríos"):
        sanction = _has(found, name)
        assert sanction.get("authority") == ["European Union"]
        assert sanction.get("country") == ["eu"]


def test_the_sanctions_are_against_their_parties() -> None:
    found = _sanctions(
        "La OFAC emitió ayer sanciones contra dos líderes del Clan del Sur. Las sanciones son contra Pedro Ruiz "
        "Soto (alias El Ocho) y Luis Gómez Díaz, altos mandos del clan."
    )
    assert sorted(found) == ["luis gomez diaz", "pedro ruiz soto"]


def test_states_a_designating_state_joins_listed_the_party_too() -> None:
    result = extract(
        RawDocument(
            "El Gobierno argentino confirmó que declaró al Clan del Sur como una organización terrorista, "
            "incluyéndolo en el RePET. Esta decisión marca un precedente. El Clan del Sur opera en tres "
            "provincias. De esta manera, Argentina se suma a Estados Unidos, la Unión Europea y Japón, que "
            "tienen al Clan del Sur en su lista de organizaciones terroristas.",
            "article.txt",
            published=PUBLISHED,
        )
    )
    by_country = {s.first("country"): s for s in result.entities if s.schema.name == "Sanction"}
    assert set(by_country) == {"ar", "us", "eu", "jp"}
    assert by_country["ar"].get("program") == ["RePET"]
    assert by_country["jp"].get("program") == ["terrorist-list"]  # Japan's own list, not Argentina's register
    # a sentence far from the act that does not name its party tells of no listing
    result = extract(
        RawDocument(
            "El Gobierno argentino declaró al Clan del Sur como una organización terrorista. Hubo protestas. "
            "Las calles se llenaron. El ministro habló. Argentina se suma a Japón en su política de seguridad.",
            "article.txt",
            published=PUBLISHED,
        )
    )
    assert {s.first("country") for s in result.entities if s.schema.name == "Sanction"} == {"ar"}


def test_an_instrument_whose_maker_is_named_is_an_act_of_its_own() -> None:
    found = _sanctions(
        "The administration took action yesterday against an official accused of helping the Clan del Sur. "
        "The Treasury Department’s action covers Pedro Ruiz Soto, a diplomat. The order also targets Mario "
        "Kan’an and his travel agency."
    )
    assert _has(found, "Pedro Ruiz Soto").get("authority") == ["US Department of the Treasury"]
    assert _has(found, "Mario Kan’an")  # an apostrophe inside a name is no quote
    assert not _sanctions("The mayor's new order covers Pedro Ruiz Soto's district.")
    # a category and its examples: no party named
    found = _sanctions(
        "On February 20 the State Department designated the Clan del Sur a Foreign Terrorist Organization. "
        "The designation targets monsters like Pedro Ruiz Soto, the clan's leader."
    )
    assert "pedro ruiz soto" not in found


def test_the_officials_an_act_counted_named_in_the_next_sentence() -> None:
    counted = "The Treasury imposed sanctions on three government officials on Thursday for their support of the FARC. "
    found = _sanctions(
        counted + "OFAC accused Pedro Ruiz Soto, Luis Gómez Díaz and Mario Vera Lagos of arming the FARC."
    )
    assert sorted(found) == ["luis gomez diaz", "mario vera lagos", "pedro ruiz soto"]
    # another number of names: not the act's parties
    assert sorted(_sanctions(counted + "Pedro Ruiz Soto and Luis Gómez Díaz met in Caracas.")) == []


def test_registered_as_a_kingpin_trafficker_is_a_designation_under_the_kingpin_act() -> None:
    """Mexican reporting says OFAC "registró" a party "como Narcotraficante Especialmente Designado";
    a registration with no programme after it is no designation."""
    found = _sanctions(
        "La OFAC registró a Sergio Quintanar Robles como Narcotraficante Especialmente Designado. Además, "
        "otros dos mexicanos fueron registrados también este día: Carlos Mendoza Ruiz y Jorge Salas Pinto."
    )
    assert {
        name_key(n) for n in ("Sergio Quintanar Robles", "Carlos Mendoza Ruiz", "Jorge Salas Pinto")
    } <= set(found)
    assert _has(found, "Sergio Quintanar Robles").get("program") == ["SDNTK"]
    assert _sanctions("En el hospital se registró un aumento de casos, según Carlos Mendoza Ruiz.") == {}
    assert _sanctions("El ataque fue registrado por cámaras de Carlos Mendoza Ruiz.") == {}


def test_a_sanctioning_body_putting_a_party_on_its_own_list_designates_it() -> None:
    found = _sanctions(
        "La OFAC incluyó en su lista al ex ministro de Relaciones Interiores, Ramón Rodríguez Chacín."
    )
    _only_party(found, "Ramón Rodríguez Chacín")
    found = _sanctions(
        "La OFAC incluyó en su lista de «nacionales especialmente designados y personas bloqueadas» a "
        "Ramón Quintero Salas."
    )
    _only_party(found, "Ramón Quintero Salas")
    assert _sanctions("El club incluyó en su lista a Ramón Quintero Salas para el partido.") == {}


def test_a_role_in_a_named_body_before_a_name_without_a_comma() -> None:
    """ "al jefe de la Dirección General de Inteligencia Militar (DGIM) Hugo Carvajal": the person after
    the bracket is the party; an origin after a bracket still belongs to the name before it."""
    found = _sanctions(
        "La OFAC incluyó en su lista al jefe de la Dirección General de Inteligencia Militar (DGIM) "
        "Hugo Armando Carvajal Barrios."
    )
    _only_party(found, "Hugo Armando Carvajal Barrios")
    found = _sanctions("Canadá también declaró terrorista a la Mara Salvatrucha (MS-13) de El Salvador.")
    _has(found, "Mara Salvatrucha")


def test_a_coalition_named_with_its_head_noun_and_its_members_in_a_relative() -> None:
    """ "declared the Viv Ansanm coalition, which includes Les Argentins, an FTO": the coalition is the
    party; what it includes is described, not listed."""
    found = _sanctions(
        "The United States declared the broader Viv Ansanm coalition, which includes Les Argentins, a foreign "
        "terrorist organisation in May."
    )
    _only_party(found, "Viv Ansanm")


def test_a_role_naming_its_body_then_the_person_in_one_run_of_capitals() -> None:
    found = _sanctions(
        "Britain on Monday sanctioned the former head of Haiti’s National Palace General Security Unit "
        "Dimitri Herard."
    )
    _only_party(found, "Dimitri Herard")
    assert _sanctions("Britain sanctioned the head of the National Police.") == {}


def test_sanciones_a_a_counted_object_and_the_members_among_them() -> None:
    found = _sanctions(
        "El Departamento del Tesoro anunció este jueves sanciones a 16 personas, entre las que se encuentran "
        "la presidenta del Tribunal Supremo de Justicia (TSJ), Caryslia Rodríguez, y el vicepresidente de la "
        "Asamblea Nacional (AN), Pedro Infante."
    )
    _has(found, "Caryslia Rodríguez")
    _has(found, "Pedro Infante")
    assert not {"tsj", "tribunal supremo de justicia", "asamblea nacional"} & set(found), sorted(found)
    _only_party(_sanctions("El Tesoro anunció sanciones a Carlos Mendoza Ruiz."), "Carlos Mendoza Ruiz")


def test_lifting_or_revoking_is_no_designation() -> None:
    for text in (
        "The US lifted sanctions on Carlos Mendoza Ruiz.",
        "EE.UU. levantó las sanciones a Carlos Mendoza Ruiz.",
        "The State Department revoked the designation of the Blue Band as a Foreign Terrorist Organization.",
    ):
        assert _sanctions(text) == {}, text


def test_under_us_sanctions_after_an_intensifier_is_a_us_listing() -> None:
    """The verb phrase names its actor ("under U.S. sanctions"), whatever state the sentence before named."""
    found = _sanctions(
        "Colombian President Gustavo Petro met Trump. Petro himself is under U.S. sanctions, which the Trump "
        "administration imposed in October."
    )
    _only_party(found, "Gustavo Petro")
    assert _has(found, "Gustavo Petro").get("country") == ["us"]


def test_a_city_before_its_states_based_is_a_seat_not_a_party() -> None:
    found = _sanctions(
        "OFAC sanctioned 13 people on Tuesday. Among the sanctioned Sinaloa Cartel members was Nogales, "
        "Sonora-based plaza boss Juan Carlos Morgan Huerta."
    )
    _only_party(found, "Juan Carlos Morgan Huerta")


def test_a_body_of_states_in_a_list_of_states_keeps_the_list_going() -> None:
    found = _by_country(
        "Argentina declaró a Hamás como organización terrorista. Argentina se suma a Estados Unidos, la "
        "Organización de Estados Americanos y Canadá, que tienen a Hamás en su lista de organizaciones terroristas."
    )
    assert {country for _party, country in found} >= {"ar", "us", "ca"}, sorted(found)


def test_an_asset_freeze_and_the_act_itself_listing_its_parties() -> None:
    """ "congeló las cuentas a diez empresas y a cinco personas ... Los designados incluyen a X acusado
    ... La designación de hoy incluye también a tres primos ...: A, B y C"."""
    found = _sanctions(
        "La OFAC congeló las cuentas a cinco empresas y a cuatro personas vinculadas a la familia Robles Soto. "
        "Los designados incluyen a Carlos Mendoza Ruiz acusado formalmente en Texas. La designación de hoy incluye "
        "también a tres primos de la familia previamente designados: Jorge Salas Pinto, Sergio Quintanar Robles y "
        "Ramiro Estévez Palma."
    )
    for name in (
        "Carlos Mendoza Ruiz",
        "Jorge Salas Pinto",
        "Sergio Quintanar Robles",
        "Ramiro Estévez Palma",
    ):
        _has(found, name)
    _only_party(
        _sanctions("The Treasury froze the assets of Carlos Mendoza Ruiz on Friday."), "Carlos Mendoza Ruiz"
    )


def test_bullets_that_give_the_role_after_a_colon() -> None:
    found = _sanctions(
        "El Tesoro sancionó a 16 funcionarios. Las personas sancionadas son:\n"
        "- Carlos Mendoza Ruiz: Magistrado del TSJ.\n"
        "- Jorge Salas Pinto: Presidente de la Sala Electoral.\n"
    )
    _has(found, "Carlos Mendoza Ruiz")
    _has(found, "Jorge Salas Pinto")
    assert "tsj" not in found


def test_identified_as_a_kingpin_is_a_treasury_listing_and_a_suspect_is_not() -> None:
    found = _sanctions(
        "Carlos Mendoza Ruiz fue identificado como Narcotraficante Importante de conformidad con la Ley Kingpin."
    )
    assert _has(found, "Carlos Mendoza Ruiz").get("authority") == [US_TREASURY]
    assert _sanctions("Carlos Mendoza Ruiz was identified as a suspect by the police.") == {}


def test_the_kingpin_programme_is_no_entity() -> None:
    result = extract(
        RawDocument(
            "La OFAC registró a Carlos Mendoza Ruiz como Narcotraficante Especialmente Designado de conformidad "
            "con la Ley Kingpin.",
            "kingpin.txt",
            published=PUBLISHED,
        )
    )
    names = {name_key(n) for e in result.entities for n in e.get("name", quiet=True)}
    assert not any(n.startswith(("narcotraficante", "ley kingpin")) for n in names), sorted(names)


def test_the_bodies_the_sanctioned_officials_serve_in_are_no_parties() -> None:
    found = _sanctions(
        "OFAC sanctioned 21 officials on Wednesday. The sanctioned officials include members of the Bolivarian "
        "National Guard (GNB), National Police (BNP), National Intelligence Service (SEBIN), and Military "
        "Counterintelligence (DGCIM)."
    )
    assert found == {}, sorted(found)


def test_a_decrees_number_is_no_party() -> None:
    found = _sanctions(
        "El Gobierno de la República Dominicana declaró este martes a 26 bandas criminales de Haití como "
        "organizaciones terroristas, mediante el decreto 104-25, firmado por el presidente."
    )
    assert "104 25" not in found, sorted(found)
    _has(_sanctions("The State Department designated Barrio 18 as a Foreign Terrorist Organization."), "Barrio 18")


def test_one_of_the_relatives_named_after_a_comma_and_a_list_among_the_sanctioned() -> None:
    found = _sanctions(
        "La OFAC ya había sancionado a uno de los hijos de “El Chapo”, Carlos Mendoza Ruiz, y a Jorge Salas Pinto "
        "en mayo pasado. Después, la OFAC designó a Sergio Quintanar Robles y Ramiro Estévez Palma entre la "
        "decena de sancionados."
    )
    for name in ("Carlos Mendoza Ruiz", "Jorge Salas Pinto", "Sergio Quintanar Robles", "Ramiro Estévez Palma"):
        _has(found, name)
    assert not any("chapo" in key for key in found), sorted(found)


def test_a_gang_named_by_its_number() -> None:
    found = _sanctions(
        "El Gobierno dominicano declaró terroristas a 26 bandas. Entre ellos figuran: Delmas 6, 5 Segond, "
        "Kraze Barye, 400 Mawozo y Grand Ravine."
    )
    assert {"5 segond", "400 mawozo", "delmas 6", "grand ravine"} <= set(found), sorted(found)
    assert _sanctions("Treasury sanctioned 13 Sinaloa Cartel members and 4 Mexican companies.") == {}


def test_a_party_designated_again_and_the_parties_a_trailing_count_names_next() -> None:
    """ "X fue registrado este miércoles por ..." tells the act that designated X again, so the next
    "Además, otros ... fueron registrados también: A, ... y seis lugartenientes del cártel:" goes on with
    it, and the six names of the next paragraph are its parties."""
    found = _sanctions(
        "La OFAC registró a Sergio Quintanar Robles como Narcotraficante Especialmente Designado. El Tesoro "
        "señala que Quintanar Robles es un jefe de plaza. Quintanar Robles fue registrado este miércoles por "
        "traficar drogas. Además, otros tres mexicanos fueron registrados también este día: Carlos Mendoza Ruiz, "
        "su mano derecha, y dos lugartenientes del cártel:\n\nJorge Salas Pinto y Ramiro Estévez Palma."
    )
    for name in ("Sergio Quintanar Robles", "Carlos Mendoza Ruiz", "Jorge Salas Pinto", "Ramiro Estévez Palma"):
        _has(found, name)
    assert _sanctions("El ataque fue registrado por cámaras. Carlos Mendoza Ruiz fue registrado en el hotel.") == {}


def test_the_designated_groups_before_a_colon_open_the_list() -> None:
    found = _sanctions(
        "OFAC issued an alert on Tuesday about the recent designations of eight cartels as terrorist groups.\n\n"
        "The designated cartels:\n  • Tren de Aragua\n  • Cárteles Unidos\nThe U.S. previously had designated them."
    )
    _has(found, "Tren de Aragua")
    _has(found, "Cárteles Unidos")


def test_a_states_asset_freeze_and_lists_of_the_newly_sanctioned() -> None:
    found = _by_country("Suiza congeló los fondos de siete ministros: Néstor Reverol, Diosdado Cabello y Tibisay Lucena.")
    assert ("diosdado cabello", "ch") in found and ("tibisay lucena", "ch") in found, sorted(found)
    assert found[("diosdado cabello", "ch")].get("program") == ["sanctions"]
    found = _sanctions(
        "La Unión Europea aprobó nuevas sanciones contra un grupo de venezolanos. Dentro de los nuevos sancionados "
        "por el bloque europeo están el gobernador del estado Zulia, Omar Prieto; el diputado Bernabé Gutiérrez. "
        "También están los magistrados Lourdes Suárez Anderson y Calixto Ortega."
    )
    for name in ("Omar Prieto", "Lourdes Suárez Anderson", "Calixto Ortega"):
        _has(found, name)


def test_a_list_of_sanctions_and_those_included_in_the_blacklist() -> None:
    found = _sanctions(
        "The Treasury Department has included Thursday in its list of sanctions three relatives of a minister "
        "and seven others. Those included in the ‘blacklist’ of the Treasury are Carlos Mendoza Ruiz and "
        "Jorge Salas Pinto, as well as Sergio Quintanar Robles."
    )
    for name in ("Carlos Mendoza Ruiz", "Jorge Salas Pinto", "Sergio Quintanar Robles"):
        _has(found, name)


def test_a_semicolon_series_whose_items_open_with_the_holders_role() -> None:
    found = _sanctions(
        "Suiza ha congelado fondos de tres ministros y les prohíbe la entrada: ministro del Interior, Carlos "
        "Mendoza Ruiz; al constituyente Jorge Salas Pinto; a la presidenta del Consejo Nacional Electoral, "
        "Sergio Quintanar Robles."
    )
    for name in ("Carlos Mendoza Ruiz", "Jorge Salas Pinto", "Sergio Quintanar Robles"):
        _has(found, name)
    assert not any("consejo" in key or "interior" in key for key in found), sorted(found)


def test_the_parties_a_participle_names_then_a_copula_lists() -> None:
    found = _sanctions(
        "The three militia commanders named by the Treasury are Rolando Pierre Baptiste, Marcel Joseph Dorval "
        "and Edgar Saint Fleur."
    )
    for name in ("Rolando Pierre Baptiste", "Marcel Joseph Dorval", "Edgar Saint Fleur"):
        assert _has(found, name).get("authority") == [US_TREASURY]
    found = _sanctions(
        "Estados Unidos sancionó a tres empresarios. Los tres colombianos sancionados ayer son Rubén Ortega "
        "Salcedo, Lucía Pardo Vélez y Hernán Quiroga Daza."
    )
    for name in ("Rubén Ortega Salcedo", "Lucía Pardo Vélez", "Hernán Quiroga Daza"):
        _has(found, name)
    # a plural noun and a copula with no act's participle list nothing
    assert not _sanctions("The three militia commanders in the region are Rolando Pierre Baptiste and Edgar Saint Fleur.")


def test_the_parties_a_counted_act_names_next_and_the_relatives_in_its_lists() -> None:
    found = _sanctions(
        "El Departamento del Tesoro sancionó este martes a cuatro ciudadanos mexicanos. Se trata de Efraín "
        "Tovar Luna, alias ‘El Tordo’, y de su hermano Abel Tovar Luna. A ellos se suman Gilberto Munguía "
        "Paz y Rosendo Ibarra Cota."
    )
    for name in ("Efraín Tovar Luna", "Abel Tovar Luna", "Gilberto Munguía Paz", "Rosendo Ibarra Cota"):
        _has(found, name)
    found = _sanctions("La OFAC sancionó a Efraín Tovar Luna y a su hermano Abel Tovar Luna.")
    _has(found, "Abel Tovar Luna")
    found = _sanctions("OFAC sanctioned Karim Fadel Haddad and his son Nabil Fadel Haddad on Tuesday.")
    _has(found, "Karim Fadel Haddad")
    _has(found, "Nabil Fadel Haddad")


def test_named_for_sanctions_and_also_named_after_sanctions_announced_on_no_one() -> None:
    found = _sanctions(
        "The United States announced sanctions Tuesday on a family network that moves money for Hezbollah. "
        "Fadel's son Nabil Fadel Haddad was also named for sanctions for running the family's trading "
        "company. Also named was Fadel's brother Samir Fadel Haddad, who runs its shipping."
    )
    for name in ("Nabil Fadel Haddad", "Samir Fadel Haddad"):
        sanction = _has(found, name)
        assert sanction.get("program") == ["SDN"], sanction.get("program")


def test_a_passive_agent_ends_before_what_it_is_said_to_have_done() -> None:
    found = _sanctions(
        "Paraguay designated Hezbollah a terrorist organization in 2019. "
        "A report said the family had ties to a senior Hezbollah operative, Karim Fadel Haddad, labeled a "
        "terrorist by the United States "
        "for planning the Argentina attack."
    )
    assert _has(found, "Karim Fadel Haddad").get("country") == ["us"]


def test_office_holders_in_a_list_whatever_their_office_and_the_lists_that_go_on() -> None:
    found = _sanctions(
        "La Unión Europea aprobó nuevas sanciones contra un grupo de funcionarios. La lista asciende a 40 "
        "personas, entre ellas a la vicepresidenta Marisela Quintero y a Aurelio Mendoza Páez. Dentro de los "
        "nuevos sancionados están el comandante estratégico operacional de la Fuerza Armada, Remigio Salcedo; "
        "los diputados de la Asamblea Nacional Pedro Carreño, Bernardo Gutiérrez. Junto a ellos, la presidenta "
        "del Consejo Electoral, Inés Alfaro; el director de la Policía Especial, José Manuel Rangel."
    )
    for name in (
        "Marisela Quintero",
        "Aurelio Mendoza Páez",
        "Remigio Salcedo",
        "Pedro Carreño",
        "Bernardo Gutiérrez",
        "Inés Alfaro",
        "José Manuel Rangel",
    ):
        assert _has(found, name).get("authority") == ["European Union"]
    assert not any("asamblea" in key or "fuerza" in key or "consejo" in key for key in found), sorted(found)


def test_the_said_group_is_the_one_whose_founders_were_sanctioned() -> None:
    found = _sanctions(
        "La OFAC anunció este martes sanciones a cuatro fundadores del Cártel de Santa Rosa. Dicho grupo "
        "criminal es uno de los carteles designados el pasado 20 de febrero como organizaciones terroristas."
    )
    _has(found, "Cártel de Santa Rosa")


def test_a_subject_with_its_alias_in_apposition_is_one_of_the_sanctioned() -> None:
    found = _sanctions(
        "El Tesoro ha impuesto sanciones a nueve ciudadanos mexicanos. Efraín Tovar Luna, conocido como El "
        "Tordo, es uno de los principales sancionados."
    )
    _only_party(found, "Efraín Tovar Luna")  # "El Tordo" is his alias, not another party


def test_a_title_before_the_name_is_no_part_of_it_and_the_uk_acts() -> None:
    found = _sanctions(
        "The U.K. slapped sanctions on 15 officials on Friday. Among those sanctioned are Supreme Court "
        "Chief Justice Marisela Quintero Páez, who helped certify the July 28 elections."
    )
    _only_party(found, "Marisela Quintero Páez")
    sanction = _has(found, "Marisela Quintero Páez")
    assert sanction.get("country") == ["gb"], sanction.get("country")
    # the relative clause's day is not the day of the act
    result = extract(RawDocument(
        "The U.K. slapped sanctions on 15 officials on Friday. Among those sanctioned are Supreme Court "
        "Chief Justice Marisela Quintero Páez, who helped certify the July 28 elections.",
        "article.txt",
        published=date(2025, 1, 10),
    ))
    days = {e.first("date") for e in result.entities if e.schema.name == "Event"}
    assert "2024-07-28" not in days, days


def test_sanctions_words_of_the_press_and_who_keeps_the_list() -> None:
    _has(_sanctions("The U.S. blacklisted Rafael Ortiz Mendoza on Tuesday."), "Rafael Ortiz Mendoza")
    found = _sanctions("Rafael Ortiz Mendoza was sanctioned alongside his brother Hugo Ortiz Mendoza.")
    _has(found, "Hugo Ortiz Mendoza")
    sanction = _has(_sanctions("El Tesoro bloqueó los bienes de Rafael Ortiz Mendoza este martes."), "Rafael Ortiz Mendoza")
    assert sanction.get("program") == ["SDN"]
    eu = _has(
        _sanctions("The European Union added Rafael Ortiz Mendoza to its sanctions list on Monday."),
        "Rafael Ortiz Mendoza",
    )
    assert eu.get("program") == ["sanctions"], eu.get("program")
    for text in (
        "The UN Security Council's sanctions committee added Rafael Ortiz Mendoza to its sanctions list on Friday.",
        "El Consejo de Seguridad de la ONU agregó a Rafael Ortiz Mendoza a su lista de sanciones este viernes.",
    ):
        un = _has(_sanctions(text), "Rafael Ortiz Mendoza")
        assert un.get("authority") == ["United Nations Security Council"], un.get("authority")
        assert un.get("program") == ["sanctions"] and not un.get("country"), (un.get("program"), un.get("country"))


def test_a_party_named_in_full_where_the_model_kept_part_of_it() -> None:
    _only_party(
        _sanctions("Treasury sanctioned the Cartel del Pacifico Sur and four of its leaders on Tuesday."),
        "Cartel del Pacifico Sur",
    )
    found = _sanctions(
        "The Treasury Department on Thursday sanctioned Rafael Ortiz Mendoza, Carmen Ruiz Tello and Hugo "
        "Salas Pardo."
    )
    _has(found, "Hugo Salas Pardo")
    assert "salas pardo" not in found, sorted(found)
    # an indefinite description after the name is what the party is, not another party
    _only_party(
        _sanctions("The Treasury sanctioned Ryan Alan Holt, a former Canadian Olympian, on Tuesday."),
        "Ryan Alan Holt",
    )


def test_a_future_designation_told_in_the_past_and_a_programme_before_its_party() -> None:
    found = _sanctions(
        "Rubio said the department would designate the Cartel del Pacifico Sur as an FTO on Nov. 24."
    )
    assert _has(found, "Cartel del Pacifico Sur").get("startDate") == ["2025-11-24"]
    for hedged in (
        "Analysts said the US would likely designate the Cartel del Pacifico Sur as an FTO.",
        "Rubio said the department would designate the Cartel del Pacifico Sur as an FTO if talks failed.",
    ):
        assert _sanctions(hedged) == {}, hedged
    found = _sanctions("El Congreso peruano declaró organización terrorista internacional a la banda Tren de Aragua.")
    assert _has(found, "Tren de Aragua").get("country") == ["pe"]


def test_inverted_passives_with_nothing_before_them_and_firms_tied_to_a_person() -> None:
    found = _sanctions("The Treasury acted on Monday. Sanctioned were Rafael Ortiz Mendoza and Carmen Ruiz Tello.")
    for name in ("Rafael Ortiz Mendoza", "Carmen Ruiz Tello"):
        _has(found, name)
    found = _sanctions(
        "La OFAC sancionó a dos empresas. Fueron incluidos en la lista Rafael Ortiz Mendoza y Carmen Ruiz Tello."
    )
    for name in ("Rafael Ortiz Mendoza", "Carmen Ruiz Tello"):
        _has(found, name)
    # the firms are the act's object; the person they are tied to is not designated by it
    assert _sanctions("Además, la OFAC designó a tres empresas vinculadas a Rafael Ortiz Mendoza.") == {}


def test_more_ways_the_press_names_the_parties_of_an_act() -> None:
    act = "El Tesoro sancionó a dos venezolanos. "
    for text in (
        act + "La medida afecta a Rafael Ortiz Mendoza y Carmen Ruiz Tello.",
        act + "Los afectados son Rafael Ortiz Mendoza y Carmen Ruiz Tello.",
        act + "Los señalados son Rafael Ortiz Mendoza y Carmen Ruiz Tello.",
        "Treasury sanctioned two officials on Monday. Those targeted include Rafael Ortiz Mendoza and Carmen Ruiz Tello.",
        "The move freezes any U.S. assets of Rafael Ortiz Mendoza and Carmen Ruiz Tello.",
        "Sanctions were also imposed on Rafael Ortiz Mendoza and Carmen Ruiz Tello, two electoral officials.",
        "Las sanciones alcanzan también a Rafael Ortiz Mendoza y Carmen Ruiz Tello.",
    ):
        found = _sanctions(text)
        for name in ("Rafael Ortiz Mendoza", "Carmen Ruiz Tello"):
            _has(found, name)
    found = _sanctions("Rafael Ortiz Mendoza and Carmen Ruiz Tello were among those sanctioned on Monday.")
    assert _has(found, "Rafael Ortiz Mendoza").get("program") == ["SDN"]


def test_the_european_and_commonwealth_words_for_sanctions_and_their_capitals() -> None:
    cases = {
        "The EU Council adopted restrictive measures against 11 individuals, including Rafael Ortiz Mendoza.": "eu",
        "The European Union imposed travel bans and asset freezes on Rafael Ortiz Mendoza.": "eu",
        "La UE impuso medidas restrictivas a Rafael Ortiz Mendoza.": "eu",
        "El Consejo de la UE añadió a Rafael Ortiz Mendoza a la lista de personas sujetas a medidas restrictivas.": "eu",
        "Canada imposed sanctions under the Special Economic Measures Act on Rafael Ortiz Mendoza.": "ca",
        "Canadá impuso sanciones, en virtud de la Ley de Medidas Económicas Especiales, contra Rafael Ortiz Mendoza.": "ca",
        "Londres sancionó este lunes a Rafael Ortiz Mendoza.": "gb",
        "Ottawa sanctioned Rafael Ortiz Mendoza on Monday.": "ca",
    }
    for text, country in cases.items():
        sanction = _has(_sanctions(text), "Rafael Ortiz Mendoza")
        assert sanction.get("country") == [country], (text, sanction.get("country"))
        assert sanction.get("program") == ["sanctions"], (text, sanction.get("program"))
    found = _sanctions("Rafael Ortiz Mendoza has been on the U.S. sanctions list since 2017.")
    assert _has(found, "Rafael Ortiz Mendoza").get("country") == ["us"]


def test_a_state_that_joins_another_or_becomes_the_latest_to_designate_acts_itself() -> None:
    cases = {
        "Honduras joined the United States in designating the Cartel del Pacifico Sur a terrorist group.": "hn",
        "Trinidad y Tobago se unió a Estados Unidos al declarar al Cartel del Pacifico Sur como organización "
        "terrorista.": "tt",
        "The Dominican Republic on Tuesday became the latest country to designate the Cartel del Pacifico Sur "
        "as a terrorist group.": "do",
        "Con esta decisión, Paraguay se convierte en el tercer país en declarar terrorista al Cartel del "
        "Pacifico Sur.": "py",
        "Ecuador adds the Cartel del Pacifico Sur to its terror list": "ec",
    }
    for text, country in cases.items():
        found = _by_country(text)
        assert ("cartel del pacifico sur", country) in found, (text, sorted(found))


def test_a_counted_list_named_in_the_next_sentence_and_aliases_that_are_no_party() -> None:
    found = _sanctions(
        "La OFAC sancionó a seis personas este martes. Entre los sancionados están tres funcionarios del "
        "Gobierno. La primera dama Marisela Quintero; el ministro de Defensa, Aurelio Mendoza Páez, y la "
        "vicepresidenta Inés Alfaro Rangel. Entre las compañías sancionadas está Averisca, empresa de la cual "
        "Mendoza es presidente."
    )
    for name in ("Marisela Quintero", "Aurelio Mendoza Páez", "Inés Alfaro Rangel", "Averisca"):
        _has(found, name)
    found = _sanctions(
        "La OFAC sancionó a dos navieras. También fue designada Winsome Maritime Limited, propietaria del "
        "buque ROSA, conocido también como LUNAR DAWN."
    )
    _only_party(found, "Winsome Maritime Limited")
    assert "tambien" not in found and "dawn" not in found, sorted(found)


def test_more_parties_counted_then_named_after_a_colon_and_cooperatives() -> None:
    found = _sanctions(
        "The Office of Foreign Assets Control sanctioned four people and two entities on Tuesday. "
        "The designations target Sergio Ortega Ortega, a boss of the cartel, and three other Mexican nationals "
        "for providing material assistance to Ortega Ortega: Leandro Piña Armas, Gabriel Marín Rentería and "
        "Mauro Rocha Huerta. OFAC also designated Acuícola Narciso Montes, S.C. de R.L. de C.V. and Club "
        "Pericos Rojos de Juarez, S.A. de C.V. for being controlled by Rocha Huerta."
    )
    for name in (
        "Sergio Ortega Ortega",
        "Leandro Piña Armas",
        "Gabriel Marín Rentería",
        "Mauro Rocha Huerta",
        "Acuícola Narciso Montes, S.C. de R.L. de C.V.",
        "Club Pericos Rojos de Juarez, S.A. de C.V.",
    ):
        _has(found, name)
    assert not any(key.startswith("s c de r l") for key in found), sorted(found)


def test_sanctions_directed_at_or_imposed_on_their_parties_in_spanish() -> None:
    found = _sanctions(
        "El Gobierno de Canadá anunció sanciones contra tres líderes pandilleros. Estas sanciones están "
        "dirigidas a Lucas Elan Pierre, cabeza de la banda Gran Grif; Gabriel Jean-Baptiste, líder de la banda "
        "Nan Brooklyn; y Ferdinand Tilus, número uno de la banda Kokorat."
    )
    for name in ("Lucas Elan Pierre", "Gabriel Jean-Baptiste", "Ferdinand Tilus"):
        assert _has(found, name).get("country") == ["ca"]
    found = _sanctions(
        "Las sanciones se impusieron a Dimas Herard Louis, exjefe de seguridad. También se impusieron "
        "sanciones a Kevin Sanon Paul, el jefe de la pandilla."
    )
    for name in ("Dimas Herard Louis", "Kevin Sanon Paul"):
        _has(found, name)


def test_a_law_defining_groups_as_terrorist_and_a_state_that_followed_suit() -> None:
    found = _by_country(
        "In 2022, authorities in El Salvador passed a law defining Barrio 21 and the Mara Norteña as "
        "terrorist organizations."
    )
    assert {("barrio 21", "sv"), ("mara nortena", "sv")} <= set(found), sorted(found)
    found = _by_country(
        "Ecuador declared the Cartel del Pacifico Sur a terrorist organization in August, and Peru followed "
        "suit in September."
    )
    assert {("cartel del pacifico sur", "ec"), ("cartel del pacifico sur", "pe")} <= set(found), sorted(found)
    # "define" names nothing without a programme after it
    assert not _by_country("The court defined Barrio 21 as a street in the capital.")


def test_measures_applied_against_parties_and_more_list_openings() -> None:
    act = "On Wednesday, eight Venezuelan politicians were sanctioned by the United States. "
    found = _sanctions(act + "The Treasury Department applied financial measures against Adrián Chacón, Fabiola "
                       "Ferrer and Ramón Vivas Pardo, for their role in the assembly.")
    for name in ("Adrián Chacón", "Fabiola Ferrer", "Ramón Vivas Pardo"):
        _has(found, name)
    found = _sanctions(
        "Sanctioned by the United States on Friday were Rodolfo Marcano Ruiz, the governor of Aragua state; "
        "Fabio Zambrano Pinto, a division general; and Gerardo Izaguirre Toro, a major general."
    )
    for name in ("Rodolfo Marcano Ruiz", "Fabio Zambrano Pinto", "Gerardo Izaguirre Toro"):
        _has(found, name)
    found = _sanctions(
        "El Tesoro impuso este miércoles sanciones a seis pandilleros. Los otros cinco son Moris Bermúdez "
        "Mancía, alias “El Barney”; José Cisneros Rojas y Saúl Turcios Ángel. Están incluidos también los "
        "siguientes ministros: Simón Zapata, de Economía; y Víctor Cáceres, de Minería."
    )
    for name in ("Moris Bermúdez Mancía", "José Cisneros Rojas", "Saúl Turcios Ángel", "Simón Zapata", "Víctor Cáceres"):
        _has(found, name)


def test_vessels_identified_after_the_act_and_the_nth_party_sanctioned() -> None:
    found = _sanctions(
        "Estados Unidos anunció este martes sanciones a tres petroleros venezolanos. La OFAC identifica a los "
        "barcos como Manuela Sáenz, Paramaconi y Yare. Entre las empresas sancionadas está Caroil Marine Ltd. "
        "La cuarta sancionada es Bluewave Overseas S.A."
    )
    for name in ("Manuela Sáenz", "Paramaconi", "Yare", "Bluewave Overseas S.A."):
        _has(found, name)


def test_both_groups_named_before_are_the_subject_of_their_designation() -> None:
    found = _sanctions(
        "La banda Tren de Aragua y el Cartel de los Soles operan en Venezuela. Ambas organizaciones fueron "
        "declaradas como organizaciones terroristas por Estados Unidos en 2025."
    )
    for name in ("Tren de Aragua", "Cartel de los Soles"):
        _has(found, name)
    # with one group named before, "both" stands for nothing
    assert _sanctions(
        "El Tren de Aragua opera en Venezuela. Ambas organizaciones fueron declaradas como organizaciones "
        "terroristas."
    ) == {}


def test_a_semicolon_series_whose_items_name_a_role_before_its_holder() -> None:
    found = _sanctions(
        "Panamá incluyó al presidente venezolano Nicolás Maduro en su lista de riesgo por financiamiento del "
        "terrorismo. Además de Maduro, "
        "en la lista aparecen la presidenta del ente electoral, Marta Lucena; varios ministros, entre ellos el "
        "jefe de la cartera de Defensa, Néstor Rivero; y el hermano del difunto gobernador Pedro Páez, Adrián "
        "Páez."
    )
    for name in ("Marta Lucena", "Néstor Rivero", "Adrián Páez"):
        _has(found, name)
    assert name_key("Pedro Páez") not in found  # whose brother he is, no party


def test_a_list_whose_verb_comes_first_with_its_adverb() -> None:
    found = _sanctions(
        "Canadá sancionó este lunes a 40 funcionarios venezolanos. Aparecen, además, los gobernadores Luis "
        "Carrera Ortiz, del estado Vargas; Rafael Lara, de Carabobo; y Omar Pineda, de Zulia."
    )
    for name in ("Luis Carrera Ortiz", "Rafael Lara", "Omar Pineda"):
        _has(found, name)
