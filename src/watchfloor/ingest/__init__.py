"""Where lists and articles enter the store: list files and fetched sources as versions of their
datasets, announced designations as ledger versions, each article as a ledger version of the news
dataset; and designations read back as of a date.

News is allegation, never official status: its versions are stored with ``official=False``, so
any Sanction an article reports has status *reported* wherever it is read.

Nothing here screens: what a new version or an article needs from screening (re-screening the
book, the list matcher mentions link through) is handed in by the caller (`screen.wiring`), so that this layer sits below matching and
screening.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from watchfloor.ingest.designate import record_designation
    from watchfloor.ingest.lists import ingest_list
    from watchfloor.ingest.news import NewsIngestSummary, ingest_news
    from watchfloor.ingest.news_read import claims_known, news_entities
    from watchfloor.ingest.status import Designation, designations_as_of

_HOMES = {
    "record_designation": "designate",
    "ingest_list": "lists",
    "NewsIngestSummary": "news",
    "ingest_news": "news",
    "claims_known": "news_read",
    "news_entities": "news_read",
    "Designation": "status",
    "designations_as_of": "status",
}
"""Where each name exported here lives. They load on first use (PEP 562): screening reads
designations (``ingest.status``) and must not load the parsers and FtM's model that ingesting
needs (a command that screens one name starts in well under a second, issue #23)."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "Designation",
    "NewsIngestSummary",
    "claims_known",
    "designations_as_of",
    "ingest_list",
    "ingest_news",
    "news_entities",
    "record_designation",
]
