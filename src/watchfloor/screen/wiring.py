"""What screening hands the ingest services, defined once for the CLI, the API and the demo.

`ingest/` puts list versions and articles into the store and sits below screening, so it never
imports it: a fetch that stored new versions calls the ``after_new_versions`` it is given, and a
news ingest links mentions through the ``matcher`` it is given. These are those two.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date

from followthemoney.statement import StatementEntity

from watchfloor.index.saved import index_directory, index_key, open_matcher
from watchfloor.ingest.status import designations_as_of
from watchfloor.model.designation import DesignationStatus
from watchfloor.model.entities import MATCHABLE_SCHEMATA, NEWS_DATASET
from watchfloor.names.forms import preload as preload_name_forms
from watchfloor.screen.exposure import ExposureView
from watchfloor.screen.news_links import KnownWordsMatcher, official_parties
from watchfloor.screen.rescreen import rescreen
from watchfloor.screen.service import prepare_screening
from watchfloor.store import SqlStore, Store
from watchfloor.store.book import BookStore
from watchfloor.store.db import database_of

log = logging.getLogger(__name__)


def after_new_lists(store: Store, rescreen_book: bool = True) -> int | None:
    """After a fetch stored new list versions: re-screen the monitored book once for all of them
    (the number of new alerts); with no book, or not ``rescreen_book``, build today's screening
    index instead, so that the next command opens it (None). A failed re-screening raises: the
    fetch reports it; a failed index build is only logged (the next command builds it)."""
    if rescreen_book and BookStore(database_of(store)).last_seq() > 0:
        return rescreen(store, actor="watchfloor lists fetch").new_alerts
    try:
        prepare_screening(store)
    except Exception:  # the lists are current; the next command builds the index itself
        log.exception("building the screening index after a fetch failed")
    return None


def list_matcher(store: SqlStore) -> KnownWordsMatcher | None:
    """A matcher over officially designated parties (and those the 50 percent rule blocks) only:
    a news mention links to a list entry, never to another article's mention. The index is the
    one saved for these parties and list versions when there is one (`index.saved`)."""
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
        return (e for e in store.iter_entities(schemata=list(MATCHABLE_SCHEMATA)) if e.id in official)

    matcher = open_matcher(directory, index_key(versions, official), parties)
    # built here, while the workers extract, rather than by the first link after them
    preload_name_forms()
    return KnownWordsMatcher(matcher)
