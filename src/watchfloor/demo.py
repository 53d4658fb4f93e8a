"""The bundled demo: real list excerpts, a hand-recorded FTO designation, a book and four articles.

``load_demo`` tells the Cartel de los Soles story in the order an analyst lived it: two OFAC SDN
versions (January 2019 and July 2021), a UN excerpt, a company registry extract whose ownership
chain runs to a designated person, the FTO designation announced on 2025-11-16 to take effect on
2025-11-24, a small book of customers screened before and after that date, and the press reports
of November 2025. Every step goes through the same public functions the CLI uses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from watchfloor.ingest import ingest_list, ingest_news, record_designation
from watchfloor.screen.book import import_book
from watchfloor.screen.rescreen import rescreen
from watchfloor.screen.wiring import list_matcher
from watchfloor.store import SqlStore, StoreError

OFAC_VERSIONS = (("ofac-sdn-2019-01", date(2019, 1, 1)), ("ofac-sdn-2021-07", date(2021, 7, 1)))
UN_FILE, UN_PUBLISHED = "un-sc-consolidated.xml", date(2025, 11, 1)
REGISTRY_FILE, REGISTRY_DATASET, REGISTRY_PUBLISHED = (
    "ownership-chain.ftm.jsonl",
    "demo_registry",
    date(2025, 11, 1),
)
BOOK_FILE = "book.csv"
ARTICLES_DIR = "articles"


class Designation(TypedDict):
    """The fields of `ingest.record_designation` for one hand-recorded designation."""

    name: str
    aliases: tuple[str, ...]
    schema: str
    authority: str
    program: str
    legal_basis: str
    announced: date
    effective: date


FTO: Designation = {
    "name": "Cartel de los Soles",
    "aliases": ("Cartel of the Suns", "Los Soles"),
    "schema": "Organization",
    "authority": "US Department of State",
    "program": "FTO",
    "legal_basis": "8 U.S.C. 1189",
    "announced": date(2025, 11, 16),
    "effective": date(2025, 11, 24),
}
# Screening the book on a day between announcement and effect shows the pending alert first.
PENDING_SCREEN_DAY = date(2025, 11, 20)


class DemoError(StoreError):
    """The demo cannot be loaded here (e.g. the store already holds data)."""


def samples_dir() -> Path:
    """The folder of bundled sample files (inside the installed package)."""
    return Path(__file__).parent / "data" / "samples"


def article_paths() -> list[Path]:
    return sorted(p for p in (samples_dir() / ARTICLES_DIR).iterdir() if p.is_file())


def load_demo(store: SqlStore, today: date | None = None) -> dict[str, Any]:
    """Load every sample into an empty store; returns what was loaded, step by step."""
    if store.versions():
        raise DemoError("the store already holds list versions; the demo loads only into an empty store")
    today = today or date.today()
    samples = samples_dir()
    summary: dict[str, Any] = {"versions": [], "skipped": []}
    for folder, published in OFAC_VERSIONS:
        version, _ = ingest_list(store, "ofac-csv", samples / folder, published=published)
        summary["versions"].append(version.to_dict())
    version, _ = ingest_list(store, "un-xml", samples / UN_FILE, published=UN_PUBLISHED)
    summary["versions"].append(version.to_dict())
    version, _ = ingest_list(
        store, "ftm-json", samples / REGISTRY_FILE, dataset=REGISTRY_DATASET, published=REGISTRY_PUBLISHED
    )
    summary["versions"].append(version.to_dict())
    version, entity_id = record_designation(
        store,
        name=FTO["name"],
        aliases=FTO["aliases"],
        schema=FTO["schema"],
        authority=FTO["authority"],
        program=FTO["program"],
        legal_basis=FTO["legal_basis"],
        announced=FTO["announced"],
        effective=FTO["effective"],
    )
    summary["versions"].append(version.to_dict())
    summary["designation"] = {"entity_id": entity_id, "version_id": version.version_id}
    summary["book"] = _load_book(store, samples / BOOK_FILE, today)
    summary["news"] = _load_news(store, summary["skipped"])
    return summary


def _load_book(store: SqlStore, path: Path, today: date) -> dict[str, Any]:
    """Import the customers, then screen them before and after the designation took effect."""
    imported = import_book(store, path)
    runs = [rescreen(store, as_of=day) for day in sorted({PENDING_SCREEN_DAY, today})]
    return {"import": _as_dict(imported), "rescreens": [_as_dict(run) for run in runs]}


def _load_news(store: SqlStore, skipped: list[str]) -> dict[str, Any] | None:
    try:
        summary = ingest_news(store, [str(p) for p in article_paths()], matcher=list_matcher)
    except ImportError as exc:  # the extraction pipeline is imported on first use
        skipped.append(f"news: {exc}")
        return None
    return summary.to_dict()


def _as_dict(value: Any) -> Any:
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value
