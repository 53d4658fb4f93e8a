"""Extracting many articles: a pool of forked workers, each running ``analysis.analyse``.

Kept apart from ``analysis`` so that the command which hands articles to the workers and reads
their results does not import the extractors itself: a worker forked as the command starts
(``ingest.early_worker``) imports them on the other core, and a pool's workers inherit what
``preload`` loaded before they fork.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from watchfloor.news.documents import RawDocument
from watchfloor.news.gazetteer import country_named
from watchfloor.news.language import detect_language
from watchfloor.news.result import ArticleResult

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from watchfloor.news.zygote import Zygote

Outcome = tuple[ArticleResult | None, str | None]


def extract_batch(docs: list[RawDocument], batch_size: int = 32) -> list[Outcome]:
    """(result, None) or (None, error message) per document, in input order."""
    from threadpoolctl import threadpool_limits  # start-up: only where articles are analysed

    from watchfloor.news.analysis import BLAS_THREADS, analyse, analysed_text  # start-up: as above

    by_lang: dict[str, list[int]] = {}
    for index, raw in enumerate(docs):
        by_lang.setdefault(detect_language(raw.text), []).append(index)
    outcomes: list[Outcome] = [(None, "not processed")] * len(docs)
    for lang, indexes in by_lang.items():
        from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

        nlp = get_nlp(lang)
        texts = (analysed_text(docs[i]) for i in indexes)
        with threadpool_limits(limits=BLAS_THREADS, user_api="blas"):
            for i, spacy_doc in zip(indexes, nlp.pipe(texts, batch_size=batch_size), strict=True):
                try:
                    outcomes[i] = (analyse(docs[i], spacy_doc, lang), None)
                except Exception as exc:  # one malformed article must not lose the batch
                    outcomes[i] = (
                        None,
                        f"{docs[i].source}: extraction failed ({type(exc).__name__}: {exc})",
                    )
    return outcomes


def extract_many(
    docs: list[RawDocument],
    processes: int = 1,
    chunk_size: int = 16,
    on_error: Callable[[RawDocument, str], None] | None = None,
) -> Iterator[ArticleResult]:
    """Extract a batch, in input order; ``processes`` > 1 spreads chunks over a process pool.

    An article that fails is skipped and reported to ``on_error`` (document, one-line message);
    the others go on. ``extracting`` does the same and lets the caller work meanwhile.
    """
    with extracting(docs, processes, chunk_size, on_error) as results:
        yield from results


@contextmanager
def extracting(
    docs: list[RawDocument],
    processes: int = 1,
    chunk_size: int = 16,
    on_error: Callable[[RawDocument, str], None] | None = None,
    early: Pool | None = None,
    zygote: Zygote | None = None,
) -> Iterator[Iterator[ArticleResult]]:
    """Start extracting and hand back the results' iterator (input order): with ``processes`` > 1
    the workers are already at it, so the caller can do other work (open the list index) before
    reading it. Without ``fork`` (or with one process) extraction runs here, as it is read.
    ``early``: a worker forked when the command started (``ingest.early_worker``), which extracts
    a batch of one chunk; a larger batch goes to a pool forked here as usual. ``zygote``: a process
    forked when the command started, which has loaded the models meanwhile and forks the workers of
    any batch (``news.zygote``).

    A pool of whole-article workers (rather than ``nlp.pipe(n_process=...)``) keeps the rule
    extractors, which run after the model, in parallel too.
    """
    if early is not None and 0 < len(docs) <= chunk_size:
        yield _unpack([docs], early.imap(extract_batch, [docs]), on_error)
        return
    if zygote is not None and docs:
        chunks = _tapered(docs, chunk_size, processes)
        yield _unpack(chunks, zygote.extract(chunks, processes), on_error)
        return
    if processes <= 1 or not docs or "fork" not in multiprocessing.get_all_start_methods():
        chunks = [docs[i : i + chunk_size] for i in range(0, len(docs), chunk_size)]
        yield _unpack(chunks, (extract_batch(chunk) for chunk in chunks), on_error)
        return
    chunks = _tapered(docs, chunk_size, processes)
    if len(chunks) > 1:  # once here, inherited by every forked worker, instead of once in each
        preload({detect_language(doc.text) for doc in docs})
        # Python's advice before a fork: what is loaded is then walked by no garbage collection,
        # here (which reads the results) or in the workers (where it would also copy the pages)
        gc.freeze()
    # one chunk: its worker loads only the model its language needs, while this process goes on
    context = multiprocessing.get_context("fork")
    with context.Pool(min(processes, len(chunks))) as pool:
        yield _unpack(chunks, pool.imap(extract_batch, chunks), on_error)


def _tapered(docs: list[RawDocument], size: int, workers: int) -> list[list[RawDocument]]:
    """Chunks of ``size`` documents that shrink towards the end (down to a quarter of it), so that
    the workers finish together: with equal chunks, one worker waits out the other's last one."""
    if len(docs) <= size:
        return [docs]
    chunks = []
    start = 0
    while start < len(docs):
        step = max(min(size, (len(docs) - start) // (2 * workers)), size // 4, 1)
        chunks.append(docs[start : start + step])
        start += step
    return chunks


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it): the
    extraction workers that fit the machine."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _unpack(
    chunks: list[list[RawDocument]],
    batches: Iterator[list[Outcome]],
    on_error: Callable[[RawDocument, str], None] | None,
) -> Iterator[ArticleResult]:
    for chunk, outcomes in zip(chunks, batches, strict=True):
        for raw, (result, error) in zip(chunk, outcomes, strict=True):
            if result is not None:
                yield result
            elif on_error is not None:
                on_error(raw, error or "extraction failed")


def preload(languages: Iterable[str] = ("en",)) -> None:
    """Load what extraction loads lazily: the extractors, the languages' models (NER, tagger and
    parser in one load) and the table of country names."""
    import watchfloor.news.analysis  # noqa: F401  # start-up: the rules, before the workers fork
    from watchfloor.news.pipeline import get_nlp  # start-up: spaCy, ~2 s, only to analyse

    for lang in sorted(languages):
        get_nlp(lang)
    country_named("Venezuela")
