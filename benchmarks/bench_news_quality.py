"""News extraction quality on real reporting: precision and recall per category and language.

Usage (from the repository root):
    .venv/bin/python benchmarks/bench_news_quality.py                 # the table
    .venv/bin/python benchmarks/bench_news_quality.py --errors        # and every miss / false hit
    .venv/bin/python benchmarks/bench_news_quality.py --json          # figures as JSON
    .venv/bin/python benchmarks/bench_news_quality.py --set DIR       # another labelled set

The set (``benchmarks/news_eval``, see its README) holds real articles and official releases,
each labelled by hand before the extractor ran on it. Each article is extracted as
``watchfloor news ingest`` extracts it; mentions are linked to OFAC SDN 2021-07 + UN 2026-02
(read from ``../shared/data``; the linking rows are skipped when it is absent) through the same
list matcher the ingest uses. What counts as a match:

- designations: the party's name (normalised; one name inside the other as whole words, or a
  token-set similarity of 90 or more) and the effective date (both absent counts as equal);
- alleged links: the relation and both parties, in the labelled direction (family and linked,
  which have no direction, either way);
- events: (date, type) pairs of an article; only events with a date of their own are scored;
- quantities: (value, qualifier) pairs of an article (a range also by its upper end);
- list links: (list entity) of an article, for links of status ``linked``.
Each gold item is matched at most once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _shared import SHARED_DATA, machine  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from watchfloor.news import ArticleResult, RawDocument, extract, link_entities  # noqa: E402
from watchfloor.news.mentions import name_key  # noqa: E402

CATEGORIES = ("designations", "links", "events", "quantities", "list_links")
SYMMETRIC_RELATIONS = frozenset({"family", "linked"})
RELATION_OF_SCHEMA = {
    "Directorship": "leads",
    "Membership": "member_of",
    "Ownership": "owns",
    "Family": "family",
}


@dataclass
class Article:
    id: str
    language: str
    raw: RawDocument
    gold: dict[str, list[dict[str, Any]]]


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.gold += other.gold
        self.errors.extend(other.errors)

    @property
    def precision(self) -> float | None:
        return self.true_positive / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positive / self.gold if self.gold else None


def read_set(folder: Path) -> list[Article]:
    articles = []
    for path in sorted((folder / "articles").glob("*.txt")):
        header_text, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        header = {}
        for line in header_text.splitlines():
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
        label_path = folder / "labels" / f"{path.stem}.yaml"
        if not label_path.exists():
            continue
        gold = yaml.safe_load(label_path.read_text(encoding="utf-8")) or {}
        published = header.get("published")
        raw = RawDocument(
            text=body.strip(),
            source=str(path),
            title=header.get("title") or None,
            published=date.fromisoformat(published[:10]) if published else None,
            url=header.get("url") or None,
            publisher=header.get("outlet") or None,
        )
        gold_items = {category: list(gold.get(category) or []) for category in CATEGORIES[:-1]}
        gold_items["list_links"] = list(gold.get("list_entries") or [])
        articles.append(Article(path.stem, header.get("language", "en"), raw, gold_items))
    return articles


def same_name(a: str | list[str] | None, b: str | None) -> bool:
    """The same party as written two ways: equal, one inside the other, or nearly equal. ``a``
    may be every name the extractor gave a party (its name and aliases: "MS-13" for "Mara
    Salvatrucha")."""
    if not a or not b:
        return False
    if isinstance(a, list):
        return any(same_name(name, b) for name in a)
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb or f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} ":
        return True
    return fuzz.token_set_ratio(ka, kb) >= 90


def _day(value: object) -> str | None:
    if value in (None, ""):
        return None
    return str(value)[:10]


def _match(
    predicted: list[Any], gold: list[Any], same: Callable[[Any, Any], bool], show: Callable[[Any], str]
) -> Score:
    """One-to-one greedy matching in order; misses and false hits described for --errors."""
    score = Score(predicted=len(predicted), gold=len(gold))
    free = list(range(len(gold)))
    for item in predicted:
        hit = next((i for i in free if same(item, gold[i])), None)
        if hit is None:
            score.errors.append(f"false: {show(item)}")
        else:
            free.remove(hit)
            score.true_positive += 1
    score.errors.extend(f"missed: {show(gold[i])}" for i in free)
    return score


def _names(result: ArticleResult) -> dict[str, list[str]]:
    """Every name an extracted entity carries (its caption first, then names and aliases)."""
    return {
        str(e.id): list(dict.fromkeys([e.caption, *e.get("name", quiet=True), *e.get("alias", quiet=True)]))
        for e in result.entities
    }


def predicted_designations(result: ArticleResult) -> list[dict[str, Any]]:
    names = _names(result)
    out = []
    for entity in result.entities:
        if entity.schema.name != "Sanction":
            continue
        for party in entity.get("entity"):
            out.append(
                {
                    "party": names.get(party, [party]),
                    "effective": _day(entity.first("startDate")),
                    "program": "; ".join(entity.get("program")),
                    "authority": entity.first("authority"),
                }
            )
    return out


def predicted_links(result: ArticleResult) -> list[dict[str, Any]]:
    names = _names(result)
    out = []
    for entity in result.entities:
        schema = entity.schema.name
        props: tuple[str, str] | None = {
            "Directorship": ("director", "organization"),
            "Membership": ("member", "organization"),
            "Ownership": ("owner", "asset"),
            "Family": ("person", "relative"),
            "UnknownLink": ("subject", "object"),
        }.get(schema)
        if props is None:
            continue
        relation = RELATION_OF_SCHEMA.get(schema, "linked")
        if schema == "UnknownLink" and any(
            "support" in r.lower() or "apoyo" in r.lower() for r in entity.get("role")
        ):
            relation = "material_support"
        for subject in entity.get(props[0]):
            for obj in entity.get(props[1]):
                out.append(
                    {
                        "subject": names.get(subject, [subject]),
                        "relation": relation,
                        "object": names.get(obj, [obj]),
                    }
                )
    return out


def predicted_events(result: ArticleResult) -> tuple[list[dict[str, Any]], int]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    undated = 0
    for entity in result.entities:
        if entity.schema.name != "Event":
            continue
        modes = [k.split(":", 1)[1] for k in entity.get("keywords") if k.startswith("mode:")]
        day = _day(entity.first("date"))
        if day is None:
            undated += 1
            continue
        for mode in modes:
            found.setdefault((day, mode), {"date": day, "type": mode})
    return list(found.values()), undated


def predicted_quantities(result: ArticleResult) -> list[dict[str, Any]]:
    found: dict[tuple[float, str], dict[str, Any]] = {}
    for claim in result.claims:
        key = (float(claim.value), str(claim.qualifier))
        found.setdefault(
            key,
            {
                "value": float(claim.value),
                "qualifier": str(claim.qualifier),
                "high": claim.high,
                "measure": claim.measure,
            },
        )
    return list(found.values())


def _unique(items: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], object]) -> list[dict[str, Any]]:
    seen: dict[object, dict[str, Any]] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def score_article(
    article: Article, result: ArticleResult, links: list[tuple[str, str]] | None
) -> dict[str, Score]:
    gold = article.gold
    scores: dict[str, Score] = {}
    scores["designations"] = _match(
        predicted_designations(result),
        gold["designations"],
        lambda p, g: same_name(p["party"], g.get("party")) and p["effective"] == _day(g.get("effective")),
        lambda d: f"{d.get('party')} effective {d.get('effective')}",
    )

    def same_link(p: dict[str, Any], g: dict[str, Any]) -> bool:
        if p["relation"] != g.get("relation"):
            return False
        forward = same_name(p["subject"], g.get("subject")) and same_name(p["object"], g.get("object"))
        backward = same_name(p["subject"], g.get("object")) and same_name(p["object"], g.get("subject"))
        # family and "linked" say nothing of a direction (the labels' README gives one only for leads,
        # member_of, material_support and owns): either order is the same link
        return forward or (p["relation"] in SYMMETRIC_RELATIONS and backward)

    scores["links"] = _match(
        predicted_links(result),
        gold["links"],
        same_link,
        lambda link: f"{link.get('subject')} {link.get('relation')} {link.get('object')}",
    )
    events, _undated = predicted_events(result)
    gold_events = _unique(gold["events"], lambda e: (_day(e.get("date")), e.get("type")))
    scores["events"] = _match(
        events,
        gold_events,
        lambda p, g: p["date"] == _day(g.get("date")) and p["type"] == g.get("type"),
        lambda e: f"{e.get('type')} on {e.get('date')}",
    )
    gold_quantities = _unique(gold["quantities"], lambda q: (float(q.get("value", 0)), q.get("qualifier")))

    def same_quantity(p: dict[str, Any], g: dict[str, Any]) -> bool:
        if p["qualifier"] != g.get("qualifier"):
            return False
        value = float(g.get("value", 0))
        return p["value"] == value or (g.get("value_max") is not None and p["value"] == float(g["value_max"]))

    scores["quantities"] = _match(
        predicted_quantities(result),
        gold_quantities,
        same_quantity,
        lambda q: f"{q.get('qualifier')} {q.get('value')} {q.get('measure', '')}",
    )
    if links is not None:
        gold_links = _unique(gold["list_links"], lambda g: g.get("entity"))
        predicted = _unique(({"entity": e, "mention": m} for m, e in links), lambda p: p["entity"])
        scores["list_links"] = _match(
            predicted,
            gold_links,
            lambda p, g: p["entity"] == g.get("entity"),
            lambda link: f"{link.get('mention')} -> {link.get('entity')}",
        )
    return scores


def list_matcher_for_bench(cache: Path) -> tuple[Any, Any] | None:
    """The ingest's list matcher and entry lookup over OFAC SDN 2021-07 + UN 2026-02, in a store
    kept in ``cache``."""
    ofac = SHARED_DATA / "ofac-sdn" / "2021-07"
    un = SHARED_DATA / "un-sc" / "consolidated-2026-02-27.xml"
    if not ofac.exists() or not un.exists():
        return None
    from watchfloor.ingest import ingest_list
    from watchfloor.ingest.news import list_entries
    from watchfloor.screen.wiring import list_matcher
    from watchfloor.store import open_store

    cache.mkdir(parents=True, exist_ok=True)
    store = open_store(str(cache / "lists.duckdb"))
    if not store.versions():
        ingest_list(store, "ofac-csv", ofac, published=date(2021, 7, 7))
        ingest_list(store, "un-xml", un, published=date(2026, 2, 27))
    return list_matcher(store), list_entries(store)


def _linked(result: ArticleResult, lists: tuple[Any, Any]) -> list[tuple[str, str]]:
    """Links as the ingest makes them: the article's text and the entries' properties tell
    namesakes apart."""
    matcher, entries = lists
    names = _names(result)
    found = []
    for link in link_entities(result.entities, matcher, article=result.article, entries=entries):
        if getattr(link, "status", "linked") != "linked":
            continue
        found.append((names.get(link.mention_id, [link.mention_id])[0], link.entity_id))
    return found


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT / "benchmarks" / "news_eval")
    parser.add_argument("--errors", action="store_true", help="print every miss and false hit")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-lists", action="store_true", help="skip linking to list entries")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "watchfloor-bench-news")
    args = parser.parse_args()

    articles = read_set(args.set)
    if not articles:
        print(f"no labelled articles in {args.set}")
        return
    lists = None if args.no_lists else list_matcher_for_bench(args.cache)
    totals: dict[tuple[str, str], Score] = defaultdict(Score)
    errors: dict[str, list[str]] = {}
    for article in articles:
        result = extract(article.raw)
        links = _linked(result, lists) if lists is not None else None
        for category, score in score_article(article, result, links).items():
            for language in (article.language, "all"):
                totals[(category, language)].add(score)
            if score.errors:
                errors.setdefault(article.id, []).extend(f"{category}: {e}" for e in score.errors)
    languages = [*sorted({a.language for a in articles}), "all"]
    counts = {lang: sum(1 for a in articles if lang in (a.language, "all")) for lang in languages}
    if args.json:
        figures = {
            f"{category}/{language}": {
                "precision": score.precision,
                "recall": score.recall,
                "true_positive": score.true_positive,
                "predicted": score.predicted,
                "gold": score.gold,
            }
            for (category, language), score in sorted(totals.items())
        }
        print(json.dumps({"articles": counts, "figures": figures, "machine": machine()}, indent=2))
        return
    print(f"News quality on {args.set.name}: " + ", ".join(f"{n} {lang}" for lang, n in counts.items()))
    print(f"machine: {machine()}\n")
    print("| category | language | precision | recall | hits / predicted / labelled |")
    print("|---|---|---|---|---|")
    for category in CATEGORIES:
        for language in languages:
            score = totals.get((category, language))
            if score is None:
                continue
            print(
                f"| {category} | {language} | {_fmt(score.precision)} | {_fmt(score.recall)} | "
                f"{score.true_positive} / {score.predicted} / {score.gold} |"
            )
    if args.errors:
        for article_id, lines in errors.items():
            print(f"\n{article_id}")
            for line in lines:
                print(f"  {line}")


if __name__ == "__main__":
    main()
