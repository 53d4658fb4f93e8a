"""The API's limits and defaults, in one place so that operators and tests can change them."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

ALGORITHM = "watchfloor-v1"
# yente's names (nomenklatura's algorithms, as yente enables them): a yente client that asks for
# one is answered by watchfloor's matcher, and the response's ``algorithm`` says so
YENTE_ALGORITHMS = ("logic-v2", "ofac", "name-based", "name-qualified", "logic-v1", "regression-v1")
ALGORITHM_ALIASES = (ALGORITHM, "best", "default", *YENTE_ALGORITHMS)


def resolve_algorithm(name: str) -> str:
    """The algorithm that serves ``name`` (case and spaces aside, as yente reads it); a ValueError
    that lists the known names otherwise."""
    if name.strip().lower() not in ALGORITHM_ALIASES:
        raise ValueError(
            f"unknown algorithm {name!r}; this server knows {', '.join(ALGORITHM_ALIASES)} "
            f"(all scored by {ALGORITHM})"
        )
    return ALGORITHM


@dataclass(frozen=True)
class ApiSettings:
    max_body_bytes: int = 1 << 20  # JSON bodies: 1 MiB holds 100 rich queries many times over
    max_upload_bytes: int = 32 << 20  # CSV uploads (batch screening, book)
    max_screen_file_rows: int = 100_000  # larger files belong to 'watchfloor screen-file'
    max_match_queries: int = 100  # queries in one /match call
    max_match_limit: int = 500
    default_match_limit: int = 5
    default_search_limit: int = 10
    max_search_limit: int = 500
    screener_cache_size: int = 4
    warm_on_start: bool = True
    tagger_process: bool = True  # rigour's name tagger in a child process (`names.tagger_process`)
    ingest_process: bool = True  # start the list ingest process with the server; off: on the first upload
    refresh: bool = False  # fetch the configured lists on their schedule (``watchfloor serve`` turns it on)
    sources_file: str | None = None  # the sources YAML; None: $WATCHFLOOR_SOURCES or the built-in one

    @classmethod
    def from_overrides(cls, overrides: dict[str, Any]) -> ApiSettings:
        """Settings with some fields replaced; an unknown name is a mistake worth a clear error."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(
                f"unknown API setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return replace(cls(), **overrides)
