"""Load, extract and store articles; one bad article never stops the others."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from watchfloor.store import SqlStore, VersionMode
from watchfloor.store.claims import ClaimStore

NEWS_DATASET = "news"


@dataclass
class NewsIngestSummary:
    stored: list[str] = field(default_factory=list)  # article IDs
    duplicates: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    entities: int = 0
    claims: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "errors": [{"source": s, "error": m} for s, m in self.errors],
            "entities": self.entities,
            "claims": self.claims,
        }


def ingest_news(
    store: SqlStore,
    sources: Sequence[str],
    published: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> NewsIngestSummary:
    """Ingest files, URLs or feeds; duplicates (same text) are stored once."""
    from watchfloor.news import extract, load_documents, merge_across

    summary = NewsIngestSummary()
    documents = []
    for source in sources:
        try:
            documents.extend(load_documents(source, published=published))
        except Exception as exc:  # one bad source never stops the others
            summary.errors.append((source, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    known = {v.checksum for v in store.versions(NEWS_DATASET)}
    fresh = []
    for doc in documents:
        if doc.content_hash in known:
            summary.duplicates.append(doc.article_id)
            continue
        known.add(doc.content_hash)
        fresh.append(doc)
    extracted = []
    for index, doc in enumerate(fresh):
        try:
            extracted.append((doc, extract(doc)))
        except Exception as exc:
            summary.errors.append((doc.source, f"extraction failed: {exc}"))
        if progress is not None:
            progress(index + 1, len(fresh))
    claims = ClaimStore(store.db)
    merged = merge_across([result for _, result in extracted])
    for (doc, _), result in zip(extracted, merged, strict=True):
        article = result.article
        day = _published_day(article.first("publishedAt")) or published or date.today()
        store.ingest(
            NEWS_DATASET,
            [article, *result.entities],
            format="article",
            published=day,
            mode=VersionMode.LEDGER,
            official=False,
            source=article.first("sourceUrl") or doc.source,
            checksum=doc.content_hash,
            within=lambda version_id, found=result.claims: claims.add(version_id, found),
        )
        summary.stored.append(str(article.id))
        summary.entities += len(result.entities)
        summary.claims += len(result.claims)
    return summary


def _published_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
