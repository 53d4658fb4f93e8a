"""The news pipeline: reporting in, FtM entities and quantity claims out, each traceable to its sentence.

``load_documents`` reads a path, URL or feed; ``extract`` turns one document into an
``ArticleResult`` (Article, mentioned people/organisations/places, alleged links, reported
designations, events, quantity claims); ``merge_across`` unifies IDs over a batch;
``link_entities`` ties mentions to list entries through a matcher; ``export_ftm`` writes FtM JSON.
Nothing here writes to the store.
"""

from watchfloor.news.documents import LoadReport, RawDocument, load_documents, load_many
from watchfloor.news.errors import NewsError
from watchfloor.news.export import export_entities, export_ftm
from watchfloor.news.extract import ArticleResult, extract, extract_many
from watchfloor.news.linking import Link, link_entities
from watchfloor.news.merge import merge_across

__all__ = [
    "ArticleResult",
    "Link",
    "LoadReport",
    "NewsError",
    "RawDocument",
    "export_entities",
    "export_ftm",
    "extract",
    "extract_many",
    "link_entities",
    "load_documents",
    "load_many",
    "merge_across",
]
