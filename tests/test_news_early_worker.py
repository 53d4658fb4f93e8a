"""The extraction worker ``news ingest`` of one file forks as it starts (``ingest.early_worker``):
it extracts what extraction in this process extracts, serves only a batch of one chunk, and the
command's output and store are those of any other ingest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.ingest.early_worker import early_worker, start_for, started
from watchfloor.news import ArticleResult, RawDocument
from watchfloor.news.batch import extracting

TEXT = (
    "WASHINGTON, Nov 12 (Reuters) - The U.S. Treasury on Tuesday sanctioned Ramiro Vela Ortiz, "
    "the leader of the Cartel del Pacifico Sur, and two of his companies. "
    "A strike on a boat in the Caribbean killed six people, the Pentagon said."
)


def _doc(text: str, name: str = "a.txt") -> RawDocument:
    return RawDocument(text, name, published=date(2025, 11, 12))


def _summary(results: list[ArticleResult]) -> list[tuple[list[str], list[tuple[str, float]]]]:
    return [
        (sorted(str(e.id) for e in r.entities), sorted((c.measure, c.value) for c in r.claims))
        for r in results
    ]


def test_the_early_worker_extracts_what_this_process_extracts() -> None:
    docs = [_doc(TEXT)]
    with extracting(docs, processes=1) as here:
        expected = _summary(list(here))
    pool = early_worker()
    assert pool is not None
    try:
        with extracting(docs, processes=2, early=pool) as there:
            assert _summary(list(there)) == expected
    finally:
        pool.terminate()
    assert expected and expected[0][1] == [("killed", 6.0)]


def test_a_batch_larger_than_a_chunk_goes_to_the_usual_workers() -> None:
    pool = early_worker()
    assert pool is not None
    pool.terminate()  # a worker that can take no task: used, it would raise
    docs = [_doc(TEXT + f" Reference {i}.", f"{i}.txt") for i in range(3)]
    with extracting(docs, processes=2, chunk_size=2, early=pool) as results:
        assert len(list(results)) == 3
    with pytest.raises(ValueError), extracting(docs[:1], processes=2, chunk_size=2, early=pool) as results:
        list(results)


def test_news_ingest_of_one_file_as_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    code, out, err = run_cli(capsys, db, "news", "ingest", str(article))
    assert code == 0, err
    assert "stored 1 article(s)" in out
    code, out, err = run_cli(capsys, db, "news", "ingest", str(article), "--json")
    assert code == 0, err
    assert '"duplicates": 1' in out


@pytest.mark.parametrize(
    ("words", "forks"),
    [
        (["news", "ingest", "{file}"], True),
        (["news", "ingest", "--published", "2025-11-12", "{file}", "--json"], True),
        (["news", "ingest", "{file}", "{file}"], False),  # two sources: the usual pool
        (["news", "ingest", "{folder}"], False),  # a folder: the usual pool
        (["news", "export", "{file}"], False),
        (["screen", "{file}"], False),
    ],
)
def test_the_console_entry_forks_the_worker_only_for_one_file(
    tmp_path: Path, words: list[str], forks: bool
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    start_for([word.format(file=article, folder=tmp_path) for word in words])
    pool = started()
    try:
        assert (pool is not None) == forks
        assert started() is None  # taken once
    finally:
        if pool is not None:
            pool.terminate()


def test_the_console_script_ingests_one_file_as_typed(tmp_path: Path) -> None:
    """The installed entry point, as a user runs it: its worker forked before the CLI's imports."""
    import os
    import subprocess
    import sys

    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "WATCHFLOOR_DB": str(tmp_path / "store.duckdb")}
    script = "import sys; from watchfloor.console import main; sys.argv[0] = 'watchfloor'; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "news", "ingest", str(article)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "stored 1 article(s)" in done.stdout
