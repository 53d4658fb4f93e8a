"""The zygote ``news ingest`` of a folder forks as it starts (``news.zygote``): its workers extract
what extraction in this process extracts, in input order; a zygote that dies raises instead of
hanging the command; one never sent a batch exits when closed; the command as typed forks and
reaps it."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.ingest.early_worker import start_for, started, started_zygote
from watchfloor.news import ArticleResult, RawDocument
from watchfloor.news.batch import extracting
from watchfloor.news.zygote import ZygoteGone, start_zygote

TEXT = (
    "WASHINGTON, Nov 12 (Reuters) - The U.S. Treasury on Tuesday sanctioned Ramiro Vela Ortiz, "
    "the leader of the Cartel del Pacifico Sur, and two of his companies. "
    "A strike on a boat in the Caribbean killed {n} people, the Pentagon said."
)


def _docs(count: int) -> list[RawDocument]:
    return [RawDocument(TEXT.format(n=n + 2), f"{n}.txt", published=date(2025, 11, 12)) for n in range(count)]


def _summary(results: list[ArticleResult]) -> list[tuple[str, list[str], list[tuple[str, float]]]]:
    return [
        (
            str(r.article.id),
            sorted(str(e.id) for e in r.entities),
            sorted((c.measure, float(c.value)) for c in r.claims),
        )
        for r in results
    ]


def test_the_zygotes_workers_extract_what_this_process_extracts_in_order() -> None:
    docs = _docs(5)
    with extracting(docs, processes=1, chunk_size=2) as here:
        expected = _summary(list(here))
    zygote = start_zygote()
    assert zygote is not None
    try:
        with extracting(docs, processes=2, chunk_size=2, zygote=zygote) as there:
            assert _summary(list(there)) == expected
    finally:
        zygote.close()
    assert [claims for _, _, claims in expected][:2] == [[("killed", 2.0)], [("killed", 3.0)]]


def test_a_zygote_that_dies_raises_instead_of_hanging() -> None:
    zygote = start_zygote()
    assert zygote is not None
    pid = zygote.process.pid  # the process to kill, as an OOM killer would
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    zygote.process.join()
    try:
        with (
            pytest.raises(ZygoteGone),
            extracting(_docs(3), processes=2, chunk_size=2, zygote=zygote) as results,
        ):
            list(results)
    finally:
        zygote.close()


def test_a_zygote_never_sent_a_batch_exits_when_closed() -> None:
    zygote = start_zygote()
    assert zygote is not None
    zygote.close()
    assert not zygote.process.is_alive()
    assert zygote.process.exitcode is not None


def test_the_console_forks_a_zygote_for_a_folder_and_a_worker_for_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT.format(n=3), encoding="utf-8")
    start_for(["news", "ingest", str(tmp_path)])
    zygote = started_zygote()
    assert zygote is not None and started() is None
    zygote.close()
    start_for(["news", "ingest", str(tmp_path / "a.txt")])
    pool = started()
    assert pool is not None and started_zygote() is None
    pool.terminate()
    start_for(["screen", "name", "x"])
    assert started() is None and started_zygote() is None


@pytest.mark.parametrize("as_json", [False, True])
def test_news_ingest_of_a_folder_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    """The command forks its zygote, stores what it extracted and leaves no process behind."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(TEXT.format(n=number + 2), encoding="utf-8")
    args = ["news", "ingest", str(folder), *(["--json"] if as_json else [])]
    code, out, _ = run_cli(capsys, str(tmp_path / "wf.duckdb"), *args)
    assert code == 0
    if as_json:
        assert len(json.loads(out)["stored"]) == 3
    else:
        assert "stored 3 article(s)" in out
    assert not [p for p in multiprocessing.active_children() if p.name == "watchfloor-zygote"]
