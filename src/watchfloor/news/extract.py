"""From a raw document to FtM entities and quantity claims, each traceable to its sentence.

The spaCy pipeline (``watchfloor.news.pipeline``) finds sentences and names; the extractors
(relations, designations, events, quantities) are plain functions over an ``ArticleContext`` run
in the order of ``EXTRACTORS``. Nothing here writes to a store: the caller gets ``ArticleResult``
objects and decides.
"""

from __future__ import annotations

import bisect
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followthemoney.statement import StatementEntity
from threadpoolctl import threadpool_limits

from watchfloor.model.claims import QuantityClaim
from watchfloor.model.entities import NEWS_DATASET, make_entity
from watchfloor.news.context import ArticleContext
from watchfloor.news.designations import read_designations
from watchfloor.news.documents import RawDocument
from watchfloor.news.events import detect_events
from watchfloor.news.gazetteer import by_alias, country_named, kind_of
from watchfloor.news.grounds import ground_links
from watchfloor.news.language import detect_language
from watchfloor.news.mentions import Mention, entity_id, name_key, resolve_names, with_nicknames
from watchfloor.news.quantities import extract_quantities
from watchfloor.news.relations import extract_relations

if TYPE_CHECKING:  # spaCy loads where articles are analysed (a worker), not in every importer
    from multiprocessing.pool import Pool

    from spacy.tokens import Doc

BLAS_THREADS = 1
"""BLAS threads while an article is analysed: spaCy's matrices are small (a sentence's tokens by
96), so more threads only wait on each other, and the workers already fill the cores; OpenBLAS's
default (one per core) doubled the CPU time of a folder's ingest (docs/benchmarks.md)."""

# spaCy refuses texts over nlp.max_length (1,000,000 characters) and a page that long is a dump,
# not an article: the NLP reads its head; bodyText keeps everything.
MAX_ANALYSED_CHARS = 300_000
MENTION_PROPS = {
    "Person": "peopleMentioned",
    "Organization": "companiesMentioned",
    "Address": "locationMentioned",
}


@dataclass
class ArticleResult:
    """Everything one article yields; ``entities`` excludes the article itself."""

    article: StatementEntity
    entities: list[StatementEntity]
    claims: list[QuantityClaim]
    sentences: list[tuple[int, int]]
    language: str = "en"
    notes: list[str] = field(default_factory=list)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans without trailing whitespace; empty sentences dropped."""
    spans = []
    whole = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        text = whole[start:end]  # a slice of the doc's text: Span.text rebuilds it token by token
        stripped = text.strip()
        if not stripped:
            continue
        start += len(text) - len(text.lstrip())
        spans.append((start, start + len(stripped)))
    return spans


def mentions_of(doc: Doc, sentences: list[tuple[int, int]]) -> list[Mention]:
    starts = [s for s, _ in sentences]
    mentions = []
    for ent in doc.ents:
        index = max(0, bisect.bisect_right(starts, ent.start_char) - 1)
        canonical = ent.ent_id_ or ""
        kind = kind_of(ent.label_, ent.text, canonical)
        mentions.append(Mention(ent.text, ent.label_, ent.start_char, ent.end_char, index, canonical, kind))
    return mentions


def _resolve(mentions: list[Mention]) -> dict[int, tuple[str, str]]:
    """Mention start -> (schema, canonical name), merging mentions within the article."""
    names = [(m.label, m.canonical or m.text) for m in mentions if m.label in ("PERSON", "ORG")]
    resolved = resolve_names(names, in_text_order=True)
    out = {}
    for mention in mentions:
        name = mention.canonical or mention.text
        if mention.label in ("PERSON", "ORG"):
            name = resolved.get((mention.label, name), name)
        out[mention.start] = (mention.schema, name)
    return out


def _article(raw: RawDocument, lang: str) -> StatementEntity:
    article = make_entity(NEWS_DATASET, "Article", raw.article_id)
    origin = f"article:{raw.article_id}"
    article.add("title", raw.title or raw.text[:120], origin=origin)
    article.add("name", raw.title or raw.text[:120], origin=origin)
    article.add("bodyText", raw.text, origin=origin)
    article.add("contentHash", raw.content_hash, origin=origin)
    article.add("language", {"en": "eng", "es": "spa"}.get(lang, lang), origin=origin)
    if raw.published is not None:
        article.add("publishedAt", raw.published.isoformat(), origin=origin)
    if raw.url:
        article.add("sourceUrl", raw.url, origin=origin)
    if raw.publisher:
        article.add("publisher", raw.publisher, origin=origin)
    if not raw.url and "://" not in raw.source:
        article.add("fileName", raw.source.rsplit("/", 1)[-1], origin=origin)
    for note in raw.notes:
        article.add("notes", note, origin=origin)
    return article


def _mention_entities(
    ctx: ArticleContext, resolved: dict[int, tuple[str, str]], article: StatementEntity
) -> list[StatementEntity]:
    gazetteer = by_alias()
    entities: dict[str, StatementEntity] = {}
    for mention in ctx.mentions:
        schema, name = resolved[mention.start]
        entity_id = ctx.entity_ids[mention.start]
        entity = entities.get(entity_id)
        origin = ctx.origin(mention.sentence)
        if entity is None:
            entity = ctx.new_entity(schema, entity_id, mention.sentence)
            entity.add("name", name, origin=origin)
            if schema == "Address":
                entity.add("full", name, origin=origin)
                entry = gazetteer.get(name_key(name))
                if entry is not None and entry.country:
                    entity.add("country", entry.country, origin=origin)
            entities[entity_id] = entity
            article.add(MENTION_PROPS[schema], name, origin=origin, quiet=True)
        if name_key(mention.text) != name_key(name) and schema != "Address":
            entity.add("alias", mention.text, origin=origin)
    # "Revolutionary Armed Forces of Colombia (FARC)": the group is also known by its abbreviation
    for mention in ctx.mentions:
        full = ctx.spelled.get(name_key(mention.text))
        if full is not None and full.start < mention.start:
            named = entities[ctx.id_of(full)]
            if name_key(mention.text) not in {name_key(n) for n in named.names}:
                named.add("alias", mention.text, origin=ctx.origin(full.sentence))
    return list(entities.values())


def analyse(raw: RawDocument, doc: Doc, lang: str) -> ArticleResult:
    """Run the extractors over an article the spaCy pipeline has already processed."""
    sentences = sentence_spans(doc)
    mentions = with_nicknames(raw.text, mentions_of(doc, sentences))
    resolved = _resolve(mentions)
    ids = {start: entity_id(schema, name) for start, (schema, name) in resolved.items()}
    ctx = ArticleContext(
        article_id=raw.article_id,
        text=raw.text,
        lang=lang,
        published=raw.published,
        sentences=sentences,
        mentions=mentions,
        entity_ids=ids,
        url=raw.url,
        publisher=raw.publisher,
        title=raw.title,
    )
    article = _article(raw, lang)
    notes = list(raw.notes)
    if len(raw.text) > MAX_ANALYSED_CHARS:
        notes.append(f"only the first {MAX_ANALYSED_CHARS:,} of {len(raw.text):,} characters were analysed")
        article.add("notes", notes[-1], origin=f"article:{raw.article_id}")
    entities = _mention_entities(ctx, resolved, article)
    entities += extract_relations(ctx)
    designations = read_designations(ctx)
    entities += designations.entities
    entities += ground_links(ctx, designations.acts)
    events = detect_events(ctx, designations.announcements)
    entities += [entity for _, entity in events]
    claims = extract_quantities(ctx, [match for match, _ in events])
    return ArticleResult(article, merge_same_ids(entities), claims, sentences, lang, notes)


def merge_same_ids(entities: Iterable[StatementEntity]) -> list[StatementEntity]:
    """One entity per ID: statements from several extractors about one actor are combined."""
    merged: dict[str, StatementEntity] = {}
    for entity in entities:
        key = str(entity.id)
        if key in merged:
            merged[key] = merged[key].merge(entity)
        else:
            merged[key] = entity
    return list(merged.values())


def extract(raw: RawDocument) -> ArticleResult:
    """Entities, links, designations, events and quantity claims of one article."""
    lang = detect_language(raw.text)
    from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

    nlp = get_nlp(lang)
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        return analyse(raw, nlp(_analysed_text(raw)), lang)


def _analysed_text(raw: RawDocument) -> str:
    return raw.text[:MAX_ANALYSED_CHARS]


Outcome = tuple[ArticleResult | None, str | None]


def _extract_batch(docs: list[RawDocument], batch_size: int = 32) -> list[Outcome]:
    """(result, None) or (None, error message) per document, in input order."""
    by_lang: dict[str, list[int]] = {}
    for index, raw in enumerate(docs):
        by_lang.setdefault(detect_language(raw.text), []).append(index)
    outcomes: list[Outcome] = [(None, "not processed")] * len(docs)
    for lang, indexes in by_lang.items():
        from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

        nlp = get_nlp(lang)
        texts = (_analysed_text(docs[i]) for i in indexes)
        with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
            for i, spacy_doc in zip(indexes, nlp.pipe(texts, batch_size=batch_size), strict=True):
                try:
                    outcomes[i] = (analyse(docs[i], spacy_doc, lang), None)
                except Exception as exc:  # one malformed article must not lose the batch
                    outcomes[i] = (
                        None,
                        f"{docs[i].source}: extraction failed ({type(exc).__name__}: {exc})",
                    )
    return outcomes


def extract_many(
    docs: list[RawDocument],
    processes: int = 1,
    chunk_size: int = 16,
    on_error: Callable[[RawDocument, str], None] | None = None,
) -> Iterator[ArticleResult]:
    """Extract a batch, in input order; ``processes`` > 1 spreads chunks over a process pool.

    An article that fails is skipped and reported to ``on_error`` (document, one-line message);
    the others go on. ``extracting`` does the same and lets the caller work meanwhile.
    """
    with extracting(docs, processes, chunk_size, on_error) as results:
        yield from results


@contextmanager
def extracting(
    docs: list[RawDocument],
    processes: int = 1,
    chunk_size: int = 16,
    on_error: Callable[[RawDocument, str], None] | None = None,
    early: Pool | None = None,
) -> Iterator[Iterator[ArticleResult]]:
    """Start extracting and hand back the results' iterator (input order): with ``processes`` > 1
    the workers are already at it, so the caller can do other work (open the list index) before
    reading it. Without ``fork`` (or with one process) extraction runs here, as it is read.
    ``early``: a worker forked when the command started (``ingest.early_worker``), which extracts
    a batch of one chunk; a larger batch goes to a pool forked here as usual.

    A pool of whole-article workers (rather than ``nlp.pipe(n_process=...)``) keeps the rule
    extractors, which run after the model, in parallel too.
    """
    if early is not None and 0 < len(docs) <= chunk_size:
        yield _unpack([docs], early.imap(_extract_batch, [docs]), on_error)
        return
    if processes <= 1 or not docs or "fork" not in multiprocessing.get_all_start_methods():
        chunks = [docs[i : i + chunk_size] for i in range(0, len(docs), chunk_size)]
        yield _unpack(chunks, (_extract_batch(chunk) for chunk in chunks), on_error)
        return
    chunks = _tapered(docs, chunk_size, processes)
    if len(chunks) > 1:  # once here, inherited by every forked worker, instead of once in each
        preload({detect_language(doc.text) for doc in docs})
        # Python's advice before a fork: what is loaded is then walked by no garbage collection,
        # here (which reads the results) or in the workers (where it would also copy the pages)
        gc.freeze()
    # one chunk: its worker loads only the model its language needs, while this process goes on
    context = multiprocessing.get_context("fork")
    with context.Pool(min(processes, len(chunks))) as pool:
        yield _unpack(chunks, pool.imap(_extract_batch, chunks), on_error)


def _tapered(docs: list[RawDocument], size: int, workers: int) -> list[list[RawDocument]]:
    """Chunks of ``size`` documents that shrink towards the end (down to a quarter of it), so that
    the workers finish together: with equal chunks, one worker waits out the other's last one."""
    if len(docs) <= size:
        return [docs]
    chunks = []
    start = 0
    while start < len(docs):
        step = max(min(size, (len(docs) - start) // (2 * workers)), size // 4, 1)
        chunks.append(docs[start : start + step])
        start += step
    return chunks


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it): the
    extraction workers that fit the machine."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _unpack(
    chunks: list[list[RawDocument]],
    batches: Iterator[list[Outcome]],
    on_error: Callable[[RawDocument, str], None] | None,
) -> Iterator[ArticleResult]:
    for chunk, outcomes in zip(chunks, batches, strict=True):
        for raw, (result, error) in zip(chunk, outcomes, strict=True):
            if result is not None:
                yield result
            elif on_error is not None:
                on_error(raw, error or "extraction failed")


def preload(languages: Iterable[str] = ("en",)) -> None:
    """Load what extraction loads lazily: the languages' models (NER, tagger and parser in one
    load) and the table of country names."""
    from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

    for lang in sorted(languages):
        get_nlp(lang)
    country_named("Venezuela")
