"""The news pipeline: reporting in, FtM entities and quantity claims out, each traceable to its sentence.

``load_documents`` reads a path, URL or feed; ``extract`` turns one document into an
``ArticleResult`` (Article, mentioned people/organisations/places, alleged links, reported
designations, events, quantity claims); ``extract_many`` spreads a batch over worker processes;
``merge_across`` unifies IDs over a batch; ``link_entities`` ties mentions to list entries through
a matcher; ``export_ftm`` writes FtM JSON. Nothing here writes to the store.

Each name is imported from its module when first asked for: the command that ingests articles
reads, merges, links and stores results without importing the extractors (their rules compile
hundreds of regular expressions), which its extraction worker imports on the other core.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names as a type checker sees them: re-exported
    from watchfloor.news.analysis import extract as extract
    from watchfloor.news.batch import extract_many as extract_many
    from watchfloor.news.documents import LoadReport as LoadReport
    from watchfloor.news.documents import RawDocument as RawDocument
    from watchfloor.news.documents import load_documents as load_documents
    from watchfloor.news.documents import load_many as load_many
    from watchfloor.news.errors import NewsError as NewsError
    from watchfloor.news.export import export_entities as export_entities
    from watchfloor.news.export import export_ftm as export_ftm
    from watchfloor.news.linking import Link as Link
    from watchfloor.news.linking import link_entities as link_entities
    from watchfloor.news.merge import merge_across as merge_across
    from watchfloor.news.result import ArticleResult as ArticleResult

_MODULE_OF = {
    "ArticleResult": "result",
    "Link": "linking",
    "LoadReport": "documents",
    "NewsError": "errors",
    "RawDocument": "documents",
    "export_entities": "export",
    "export_ftm": "export",
    "extract": "analysis",
    "extract_many": "batch",
    "link_entities": "linking",
    "load_documents": "documents",
    "load_many": "documents",
    "merge_across": "merge",
}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> object:
    """The exported name from its module, imported now (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
