"""Where news enters the store: each article a ledger version of the ``news`` dataset.

News is allegation, never official status: its versions are stored with ``official=False``, so
any Sanction an article reports has status *reported* wherever it is read.
"""

from watchfloor.newsroom.ingest import NEWS_DATASET, NewsIngestSummary, ingest_news
from watchfloor.newsroom.read import claims_known, news_entities

__all__ = ["NEWS_DATASET", "NewsIngestSummary", "claims_known", "ingest_news", "news_entities"]
