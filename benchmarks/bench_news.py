"""News extraction: what the seed articles yield, and articles per second.

Usage (from the repository root):
    .venv/bin/python benchmarks/bench_news.py            # seed check + speed (1 and 2 processes)
    .venv/bin/python benchmarks/bench_news.py --check    # seed check only
    .venv/bin/python benchmarks/bench_news.py --articles 400 --processes 2

The seed check reads ../shared/seeds (the real articles, never copied into the repo) and prints
the reported designations, alleged links, events and quantity claims of each. The speed run cuts
the seeds' text into 800-word articles (each text distinct, but all share the seeds' words and
many sentences, which spaCy's tokenizer cache and the date cache profit from) and times
``extract_many``: spaCy model + every rule extractor, as the CLI would run it.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "src"))

from watchfloor.news import RawDocument, extract, extract_many, load_documents  # noqa: E402
from watchfloor.news.batch import preload  # noqa: E402


def check_seeds() -> None:
    for path in sorted(SEEDS.glob("*")):
        [doc] = load_documents(str(path))
        result = extract(doc)
        print(f"\n=== {path.name}: {doc.title[:90] if doc.title else ''}")
        print(
            f"published {doc.published} ({'; '.join(doc.notes) or 'metadata'}), language {result.language}, "
            f"{len(result.sentences)} sentences, {len(result.entities)} entities, {len(result.claims)} claims"
        )
        names = {str(e.id): e.caption for e in result.entities}
        for entity in result.entities:
            schema = entity.schema.name
            if schema == "Sanction":
                print(
                    f"  SANCTION {names.get(entity.get('entity')[0])} program={entity.get('program')} "
                    f"status={entity.get('status')} authority={entity.get('authority')} "
                    f"listingDate={entity.get('listingDate')} startDate={entity.get('startDate')}"
                )
            elif schema in ("Directorship", "Membership", "UnknownLink", "Ownership"):
                ends = [
                    names.get(v, v)
                    for prop in entity.schema.properties.values()
                    if prop.type.name == "entity" and prop.name != "proof"
                    for v in entity.get(prop)
                ]
                print(f"  LINK {schema} {ends} role={entity.get('role')}")
        for entity in result.entities:
            if entity.schema.name == "Event" and any(
                k in entity.get("keywords")
                for k in (
                    "mode:strike",
                    "mode:mobilization",
                    "mode:deployment",
                    "mode:vote",
                    "mode:poll",
                    "mode:suspend-cooperation",
                )
            ):
                print(
                    f"  EVENT {entity.get('name')[0]:<28} startDate={entity.get('startDate')} "
                    f"| {entity.get('summary')[0][:110]}"
                )
        for claim in result.claims:
            print(
                f"  CLAIM {claim.measure:<16} {claim.topic:<22} {claim.qualifier.value:<8} {claim.value:>9g} "
                f"[{claim.low}, {claim.high}] as_of={claim.as_of} '{claim.text}'"
            )
        people = sorted(e.caption for e in result.entities if e.schema.name == "Person")
        print(f"  PEOPLE {people}")


def synthetic_articles(count: int, words: int = 800, novel_share: float = 0.0) -> list[RawDocument]:
    """Distinct 800-word articles cut from the seeds at shifting offsets.

    ``novel_share`` of the words are replaced by made-up words of the same length, case and
    trailing punctuation, so that every article brings words no earlier article had (the seeds
    alone repeat their vocabulary, which flatters the tokenizer's and the date resolver's caches).
    """
    corpus = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*"))).split(" ")
    rng = random.Random(23)
    docs = []
    for n in range(count):
        start = (n * 97) % max(1, len(corpus) - words)
        chunk = corpus[start : start + words]
        if novel_share:
            chunk = [_made_up(word, rng) if rng.random() < novel_share else word for word in chunk]
        text = " ".join(chunk)
        docs.append(RawDocument(text=f"Report {n}\n{text}", source=f"synthetic-{n}", published=None))
    return docs


def _made_up(word: str, rng: random.Random) -> str:
    """A random word shaped like ``word``: letters replaced, case and punctuation kept."""
    return "".join(
        (rng.choice(string.ascii_uppercase) if c.isupper() else rng.choice(string.ascii_lowercase))
        if c.isalpha()
        else c
        for c in word
    )


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, not inflated by other
    programs competing for the same cores."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def speed(count: int, processes: int, novel_share: float = 0.0) -> float:
    docs = synthetic_articles(count, novel_share=novel_share)
    preload()  # the model and reference data load once per process, outside the timing
    load = os.getloadavg()[0]
    cpu_before, started = _cpu_seconds(), time.perf_counter()
    results = list(extract_many(docs, processes=processes))
    elapsed, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_before
    assert len(results) == count
    rate = count / elapsed
    print(
        f"  processes={processes}: {count} articles x 800 words in {elapsed:.2f} s wall = {rate:.1f} articles/s "
        f"({rate * 800:,.0f} words/s); CPU {cpu:.2f} s = {count / cpu:.1f} articles per CPU-second "
        f"(load average before: {load:.1f}; made-up words {novel_share:.0%})"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="seed check only")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--processes", type=int, nargs="*", default=[1, 2])
    parser.add_argument(
        "--novel-words", type=float, default=0.0, help="share of words replaced by made-up ones (0-1)"
    )
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"seeds not found at {SEEDS}")
    check_seeds()
    if args.check:
        return
    print(f"\n=== speed ({os.cpu_count()} CPUs)")
    for processes in args.processes:
        speed(args.articles, processes, args.novel_words)


if __name__ == "__main__":
    main()
