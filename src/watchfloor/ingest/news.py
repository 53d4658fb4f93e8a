"""Load, extract, link and store articles; one bad article never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.index import Matcher
from watchfloor.index.saved import index_directory, index_key, open_matcher
from watchfloor.match import MatchResult
from watchfloor.model.links import LINKED
from watchfloor.names.forms import preload as preload_name_forms
from watchfloor.newsroom.parties import official_parties
from watchfloor.store import ListVersion, NewVersion, SqlStore, VersionMode
from watchfloor.store.claims import ClaimStore
from watchfloor.store.links import LinkStore

if TYPE_CHECKING:
    from watchfloor.news import ArticleResult

NEWS_DATASET = "news"
# articles stored per transaction: one transaction and a few bulk writes for the batch instead of
# several of each per article (about 7 ms an article on DuckDB)
STORE_BATCH = 200


@dataclass
class NewsIngestSummary:
    stored: list[str] = field(default_factory=list)  # article IDs
    duplicates: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    entities: int = 0
    claims: int = 0
    links: list[tuple[str, str, float]] = field(default_factory=list)  # (mention, list entity, confidence)
    candidates: list[tuple[str, str, float]] = field(
        default_factory=list
    )  # entries the article could not decide

    def to_dict(self) -> dict[str, object]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "errors": [{"source": s, "error": m} for s, m in self.errors],
            "entities": self.entities,
            "claims": self.claims,
            "links": [{"mention_id": m, "entity_id": e, "confidence": round(c, 3)} for m, e, c in self.links],
            "candidates": [
                {"mention_id": m, "entity_id": e, "confidence": round(c, 3)} for m, e, c in self.candidates
            ],
        }


def ingest_news(
    store: SqlStore,
    sources: Sequence[str],
    published: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    processes: int | None = None,
    link: bool = True,
) -> NewsIngestSummary:
    """Ingest files, folders, URLs or feeds. Each article becomes one ledger version of the news
    dataset (knowledge time = its publication date), with its claims and links in the same
    transaction (which holds up to ``STORE_BATCH`` articles); the same text is stored once,
    however often it is ingested. ``processes``: extraction workers, one per core by default."""
    from watchfloor.news import link_entities, load_many, merge_across
    from watchfloor.news.extract import available_cores, extracting

    summary = NewsIngestSummary()
    report = load_many(list(sources), published=published)
    summary.errors.extend(report.errors.items())
    summary.duplicates = report.duplicates
    known = {v.checksum for v in store.versions(NEWS_DATASET)}
    fresh = [doc for doc in report.documents if doc.article_id not in known]
    summary.duplicates += len(report.documents) - len(fresh)

    def failed(doc: object, message: str) -> None:
        summary.errors.append((getattr(doc, "source", "?"), f"extraction failed: {message}"))

    results = []
    workers = processes if processes is not None else available_cores()
    with extracting(fresh, processes=workers, on_error=failed) as extracted:
        # opened while the workers extract; an article that fails is rare, so not waited for
        matcher = list_matcher(store) if link and fresh else None
        for done, result in enumerate(extracted, 1):
            results.append(result)
            if progress is not None:
                progress(done, len(fresh))
    results = merge_across(results)
    matcher = matcher if results else None
    entries = list_entries(store)
    ready = []
    for result in results:
        article = result.article
        found = (
            link_entities(result.entities, matcher, article=article, entries=entries)
            if matcher is not None
            else []
        )
        pairs = [(item.mention_id, item.entity_id, item.confidence, item.status) for item in found]
        day = _published_day(article.first("publishedAt")) or published or date.today()
        ready.append(_Ready(result, pairs, day))
    for start in range(0, len(ready), STORE_BATCH):
        for item, error in _store_articles(store, ready[start : start + STORE_BATCH]):
            result = item.result
            if error is not None:
                summary.errors.append((str(result.article.id), f"not stored: {error}"))
                continue
            summary.stored.append(str(result.article.id))
            summary.entities += len(result.entities)
            summary.claims += len(result.claims)
            for mention_id, entity_id, confidence, status in item.pairs:
                kept = summary.links if status == LINKED else summary.candidates
                kept.append((mention_id, entity_id, confidence))
    return summary


@dataclass
class _Ready:
    """An article's extraction with its links to list entries and its knowledge date."""

    result: ArticleResult
    pairs: list[tuple[str, str, float, str]]
    day: date


def _store_articles(store: SqlStore, batch: list[_Ready]) -> list[tuple[_Ready, str | None]]:
    """Store a batch of articles in one transaction, each as its own ledger version with its
    claims and links; if the batch fails, each article alone, so that one bad article never
    stops the others. (article, None when stored, else the error) in order."""
    try:
        _write_articles(store, batch)
    except Exception as exc:  # one bad article never stops the others: found below, alone
        if len(batch) == 1:
            return [(batch[0], str(exc))]
        return [outcome for item in batch for outcome in _store_articles(store, [item])]
    return [(item, None) for item in batch]


def _write_articles(store: SqlStore, batch: list[_Ready]) -> None:
    claims = ClaimStore(store.db)
    links = LinkStore(store.db)

    def within(version_ids: list[str]) -> None:
        claims.add((v, item.result.claims, item.day) for v, item in zip(version_ids, batch, strict=True))
        links.add((v, item.pairs) for v, item in zip(version_ids, batch, strict=True))

    versions = [
        NewVersion(
            [item.result.article, *item.result.entities],
            item.day,
            source=_source(item.result.article),
            checksum=str(item.result.article.id),
        )
        for item in batch
    ]
    store.ingest_many(
        NEWS_DATASET, versions, format="article", mode=VersionMode.LEDGER, official=False, within=within
    )


def _source(article: StatementEntity) -> str:
    return article.first("sourceUrl") or article.first("title") or str(article.id)


def list_matcher(store: SqlStore) -> KnownWordsMatcher | None:
    """A matcher over officially designated parties (and those the 50 percent rule blocks) only:
    a news mention links to a list entry, never to another article's mention. The index is the
    one saved for these parties and list versions when there is one (`index.saved`)."""
    from watchfloor.lists import designations_as_of
    from watchfloor.model.designation import DesignationStatus
    from watchfloor.screen.exposure import ExposureView
    from watchfloor.screen.service import MATCHABLE

    today = date.today()

    def designated() -> set[str]:
        designations = designations_as_of(store, today)
        found = {d.entity_id for d in designations if d.official and d.status != DesignationStatus.LIFTED}
        view = ExposureView(store, as_of=today, designations=designations)
        blocked = view.blocked_by_ownership().values()
        return found | {v.entity_id for v in blocked if v.blocked and not v.designated}

    directory = index_directory(store.db.location)
    official = official_parties(store, directory, today, designated)
    if not official:
        return None
    versions = [v.version_id for v in store.versions() if v.dataset != NEWS_DATASET]

    def parties() -> Iterator[StatementEntity]:
        return (e for e in store.iter_entities(schemata=list(MATCHABLE)) if e.id in official)

    matcher = open_matcher(directory, index_key(versions, official), parties)
    # built here, while the workers extract, rather than by the first link after them
    preload_name_forms()
    return KnownWordsMatcher(matcher)


class KnownWordsMatcher:
    """The list matcher asked only about names whose every word is a list word: a news link
    must be confident, and a mention with a word no list name has is not one (a misspelt or
    unrelated name), so it is not scored at all."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        # a run's articles name the same parties again and again: each distinct mention (same
        # ID, schema and properties, hence the same record) is scored once
        self._answers: dict[tuple[object, ...], Sequence[MatchResult]] = {}

    def match(
        self, query: StatementEntity, limit: int = 10, threshold: float | None = None
    ) -> Sequence[MatchResult]:
        key = (query.id, query.schema.name, _properties(query), limit, threshold)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._match(query, limit, threshold)
        return answer

    def _match(self, query: StatementEntity, limit: int, threshold: float | None) -> Sequence[MatchResult]:
        names = query.get_type_values(registry.name)
        person = query.schema.is_a("Person")
        if not names or not all(self.matcher.knows_words(name, person) for name in names):
            return ()
        return tuple(self.matcher.match(query, limit=limit, threshold=threshold))


def _properties(entity: StatementEntity) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((prop, tuple(sorted(values))) for prop, values in entity.properties.items()))


def list_entries(store: SqlStore) -> Callable[[Sequence[str]], dict[str, StatementEntity]]:
    """The list entries a mention may link to, with the properties (position, birth date, notes)
    that tell two namesakes apart; each read from the store once per run (None: not there)."""
    known: dict[str, StatementEntity | None] = {}
    in_force: list[ListVersion] | None = None  # the versions known today, read once

    def entries(ids: Sequence[str]) -> dict[str, StatementEntity]:
        nonlocal in_force
        missing = [i for i in dict.fromkeys(ids) if i not in known]
        if missing:
            if in_force is None:
                in_force = store.versions_in_force(date.today())
            known.update(dict.fromkeys(missing))
            known.update((str(e.id), e) for e in store.iter_entities(entity_ids=missing, versions=in_force))
        return {i: entry for i in ids if (entry := known[i]) is not None}

    return entries


def _published_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
