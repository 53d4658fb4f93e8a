"""Articles go into the store as allegation: linked to list entries, claims kept with their article,
reported designations never shown as official, and the crisis commands read them back."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.test_lists_cli import ok
from watchfloor.index import make_query
from watchfloor.ingest import claims_known, ingest_list, ingest_news, news_entities
from watchfloor.ingest.news import _Ready, _store_articles
from watchfloor.news import ArticleResult, extract_many, load_documents
from watchfloor.screen.service import Screener
from watchfloor.screen.wiring import list_matcher
from watchfloor.store import SqlStore, open_store
from watchfloor.store.links import LinkStore

NEWS = FIXTURES / "news"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("newsroom") / "news.duckdb"
    store = open_store(str(db))
    ingest_list(store, "ofac-csv", FIXTURES / "ofac_csv" / "sdn-2021", published=date(2021, 7, 7))
    summary = ingest_news(store, [str(NEWS)], processes=1, matcher=list_matcher)
    assert summary.errors == []
    assert len(summary.stored) == 5  # page, plain text, two feed items, Spanish article
    store.close()
    return db


def open_(db: Path) -> SqlStore:
    return open_store(str(db))


def test_mentions_link_to_list_entries_with_confidence(newsroom: Path) -> None:
    store = open_(newsroom)
    links = {(m, e): c for m, e, c in LinkStore(store.db).all()}
    maduro = [(m, c) for (m, e), c in links.items() if e == "ofac-22790"]
    assert maduro, links
    assert all(0.7 <= c <= 1.0 for _, c in maduro)
    assert all(not e.startswith("news-") for (_, e) in links)  # never a mention linked to a mention
    store.close()


def test_reingest_is_a_no_op(newsroom: Path) -> None:
    store = open_(newsroom)
    before = len(store.versions("news"))
    summary = ingest_news(store, [str(NEWS / "plain.txt")], processes=1)
    assert summary.stored == [] and summary.duplicates == 1
    assert len(store.versions("news")) == before
    store.close()


def test_an_article_that_cannot_be_stored_does_not_stop_its_batch(tmp_path: Path) -> None:
    """Articles are stored in batches of one transaction; a batch that fails is stored article by
    article, so only the bad one is reported."""
    store = open_store(str(tmp_path / "news.duckdb"))
    docs = [*load_documents(str(NEWS / "page.html")), *load_documents(str(NEWS / "plain.txt"))]
    results = list(extract_many(docs))
    first, second = results
    # the article's own ID among its entities: refused by the store, as a bad extraction would be
    broken = ArticleResult(
        second.article, [*second.entities, second.article], second.claims, second.sentences
    )
    batch = [_Ready(first, [], date(2025, 11, 17)), _Ready(broken, [], date(2025, 11, 18))]
    outcomes = _store_articles(store, batch)
    assert [error is None for _, error in outcomes] == [True, False]
    assert "occurs twice" in str(outcomes[1][1])
    assert [v.checksum for v in store.versions("news")] == [str(first.article.id)]
    assert {str(e.id) for e in news_entities(store, schemata=["Article"])} == {str(first.article.id)}
    stored = _store_articles(store, [_Ready(second, [], date(2025, 11, 18))])
    assert stored[0][1] is None
    assert [v.version_id for v in store.versions("news")] == ["news@1", "news@2"]
    store.close()


def test_claims_keep_qualifiers_and_articles(newsroom: Path) -> None:
    store = open_(newsroom)
    claims = claims_known(store)
    troops = [c for c in claims if c.measure == "troops" and c.value == 200_000]
    assert troops and troops[0].qualifier == "about"
    articles = {str(e.id) for e in news_entities(store, schemata=["Article"])}
    assert {c.article_id for c in claims} <= articles
    store.close()


def test_reported_designation_is_never_official(newsroom: Path) -> None:
    store = open_(newsroom)
    sanctions = news_entities(store, schemata=["Sanction"])
    assert sanctions and all(s.first("status") == "reported" for s in sanctions)
    screener = Screener(store, date(2025, 11, 30))
    result = screener.screen(make_query("Cartel de los Soles", schema="Organization"))
    assert all(hit.entity_id != "news-org-cartel-de-los-soles" for hit in result.results)
    reported = [hit for hit in result.pending if hit.entity_id.startswith("news-")]
    assert reported and all(
        d.status == "reported" and not d.official for h in reported for d in h.designations
    )
    store.close()


def test_export_writes_ftm_lines_with_sentence_provenance(newsroom: Path) -> None:
    out = ok(newsroom, "news", "export", "--format", "ftm")
    records = [json.loads(line) for line in out.splitlines()]
    schemata = {r["schema"] for r in records}
    assert {"Article", "Person", "Event", "Sanction"} <= schemata
    events = [r for r in records if r["schema"] == "Event"]
    assert any(o.startswith("article:") and "#" in o for r in events for o in r.get("origin", []))


def test_crisis_commands_read_the_news(newsroom: Path) -> None:
    timeline = json.loads(ok(newsroom, "timeline", "--json"))
    assert timeline and all(item["sources"] or item["kind"] == "indicator" for item in timeline)
    dates = [item["date"] for item in timeline if item["date"]]
    assert dates == sorted(dates)
    claims = json.loads(ok(newsroom, "claims", "--json"))
    assert any(c["measure"] == "killed" for c in claims)
    first = json.loads(ok(newsroom, "indicators", "--as-of", "2025-11-30", "--json"))
    again = json.loads(ok(newsroom, "indicators", "--as-of", "2025-11-30", "--json"))
    assert first["fired"] and again["new"] == []
    assert len(again["fired"]) == len(first["fired"])


def test_brief_cites_every_figure(newsroom: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    ok(newsroom, "brief", "--out", str(out), "--as-of", "2025-11-30")
    text = out.read_text()
    assert "## Key figures" in text and "## References" in text
    body, references = text.split("## References", 1)
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", references, flags=re.M)}
    assert cited == listed


def test_crisis_api_serves_timeline_indicators_claims_and_ratings(newsroom: Path) -> None:
    from tests.test_api_support import client

    store = open_(newsroom)
    with client(store) as api:
        timeline = api.get("/api/timeline", params={"as_of": "2025-11-30"}).json()
        assert timeline["count"] == len(timeline["items"]) > 0
        fired = api.get("/api/indicators", params={"as_of": "2025-11-30"}).json()
        assert fired["rules"] and isinstance(fired["fired"], list)
        claims = api.get("/api/claims").json()
        assert any(c["measure"] == "killed" for c in claims["claims"])
        scenarios = api.get("/api/scenarios").json()
        assert scenarios["unrated"]
        event_id = scenarios["unrated"][0]["id"]
        scenario_ids = [item["scenario_id"] for item in scenarios["ranking"]]
        for scenario_id in scenario_ids:
            rated = api.post(
                "/api/scenarios/ratings",
                json={"evidence_id": event_id, "scenario_id": scenario_id, "rating": "II"},
            )
            assert rated.status_code == 200, rated.text
        bad = api.post(
            "/api/scenarios/ratings",
            json={"evidence_id": event_id, "scenario_id": scenario_ids[0], "rating": "maybe"},
        )
        assert bad.status_code == 422
        unknown = api.post(
            "/api/scenarios/ratings",
            json={"evidence_id": "news-event-nope", "scenario_id": scenario_ids[0], "rating": "C"},
        )
        assert unknown.status_code == 404
        after = api.get("/api/scenarios").json()
        assert event_id not in {e["id"] for e in after["unrated"]}
    store.close()
