"""The news package's names, and what the command that ingests articles imports of it."""

from __future__ import annotations

import importlib
import subprocess
import sys

import watchfloor.news


def test_every_exported_name_resolves() -> None:
    for name in watchfloor.news.__all__:
        assert getattr(watchfloor.news, name) is not None


def test_extract_is_the_function_whatever_was_imported_before() -> None:
    """A submodule of the same name as an exported function would replace it on the package once
    imported; the analysis lives in ``analysis``, so ``extract`` stays the function."""
    importlib.import_module("watchfloor.news.analysis")
    from watchfloor.news import extract

    assert callable(extract) and extract.__module__ == "watchfloor.news.analysis"


def test_the_ingesting_process_does_not_import_the_extractors() -> None:
    """It hands articles to a worker, then reads, merges, links and stores their results: what it
    imports for that leaves the rules (hundreds of regular expressions) to the worker."""
    script = (
        "import sys\n"
        "import watchfloor.ingest.news\n"
        "from watchfloor.news import ArticleResult, link_entities, load_many, merge_across\n"
        "from watchfloor.news.batch import available_cores, extracting\n"
        "print(sorted(m for m in sys.modules if m.startswith(('watchfloor.news.', 'spacy'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = done.stdout
    assert "watchfloor.news.merge" in loaded
    for module in ("analysis", "designations", "events", "quantities", "syntax", "pipeline"):
        assert f"'watchfloor.news.{module}'" not in loaded
    assert "'spacy'" not in loaded
