"""Load, extract, link and store articles; one bad article never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from followthemoney.statement import StatementEntity

from watchfloor.model.entities import NEWS_DATASET
from watchfloor.model.links import LINKED
from watchfloor.store import ListVersion, NewVersion, SqlStore, VersionMode
from watchfloor.store.claims import ClaimStore
from watchfloor.store.links import LinkStore

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from watchfloor.news import ArticleResult
    from watchfloor.news.linking import MatcherLike
    from watchfloor.news.zygote import Zygote

ListMatcher = Callable[[SqlStore], "MatcherLike | None"]
"""Opens the matcher mentions link to list entries through (None: nothing to link to). Screening
builds it (`screen.wiring.list_matcher`) and the caller hands it in: this layer is below it."""

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
    matcher: ListMatcher | None = None,
    early: Pool | None = None,
    zygote: Zygote | None = None,
) -> NewsIngestSummary:
    """Ingest files, folders, URLs or feeds. Each article becomes one ledger version of the news
    dataset (knowledge time = its publication date), with its claims and links in the same
    transaction (which holds up to ``STORE_BATCH`` articles); the same text is stored once,
    however often it is ingested. ``processes``: extraction workers, one per core by default.
    ``matcher``: opens the list matcher mentions are linked through, while the workers extract;
    without one, nothing is linked. ``early``: a worker the command forked as it started
    (``early_worker``), used when the batch is small enough for one worker; ``zygote``: the process
    that forks the workers of any other batch (``news.zygote``). The caller closes both."""
    from watchfloor.news import (  # start-up: the news pipeline, only to ingest articles
        link_entities,
        load_many,
        merge_across,
    )
    from watchfloor.news.batch import available_cores, extracting  # start-up: as above

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
    with extracting(fresh, processes=workers, on_error=failed, early=early, zygote=zygote) as extracted:
        # opened while the workers extract; an article that fails is rare, so not waited for
        lists = matcher(store) if matcher is not None and fresh else None
        for done, result in enumerate(extracted, 1):
            results.append(result)
            if progress is not None:
                progress(done, len(fresh))
    results = merge_across(results)
    lists = lists if results else None
    entries = list_entries(store)
    ready = []
    for result in results:
        article = result.article
        found = (
            link_entities(result.entities, lists, article=article, entries=entries)
            if lists is not None
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
