"""From a raw document to FtM entities and quantity claims, each traceable to its sentence.

The spaCy pipeline (``watchfloor.news.pipeline``) finds sentences and names; the extractors
(relations, designations, events, quantities) are plain functions over an ``ArticleContext`` run
in the order of ``EXTRACTORS``. Nothing here writes to a store: the caller gets ``ArticleResult``
objects and decides.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from followthemoney.statement import StatementEntity
from threadpoolctl import threadpool_limits

from watchfloor.model.entities import NEWS_DATASET, make_entity
from watchfloor.news.context import ArticleContext
from watchfloor.news.designations import read_designations
from watchfloor.news.documents import RawDocument
from watchfloor.news.events import detect_events
from watchfloor.news.gazetteer import by_alias, kind_of
from watchfloor.news.grounds import ground_links
from watchfloor.news.language import detect_language
from watchfloor.news.mentions import Mention, entity_id, name_key, resolve_names, with_nicknames
from watchfloor.news.quantities import extract_quantities
from watchfloor.news.relations import extract_relations
from watchfloor.news.result import ArticleResult, merge_same_ids

if TYPE_CHECKING:  # spaCy loads where articles are analysed (a worker), not in every importer
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


def extract(raw: RawDocument) -> ArticleResult:
    """Entities, links, designations, events and quantity claims of one article."""
    lang = detect_language(raw.text)
    from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

    nlp = get_nlp(lang)
    with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
        return analyse(raw, nlp(analysed_text(raw)), lang)


def analysed_text(raw: RawDocument) -> str:
    """What the NLP reads of an article: its head, up to ``MAX_ANALYSED_CHARS``."""
    return raw.text[:MAX_ANALYSED_CHARS]
