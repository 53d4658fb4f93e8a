"""Timeline: events and firings in date order, each with the articles and sentences behind it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.crisis import build_timeline, evaluate, load_indicators
from watchfloor.model import dataset_for, make_entity

FIXTURE = Path(__file__).parent / "fixtures" / "crisis" / "standoff.json"


def entities(kind: str) -> list[StatementEntity]:
    data = json.loads(FIXTURE.read_text())
    return [StatementEntity.from_data(dataset_for("crisis_test"), e) for e in data[kind]]


def test_timeline_is_in_date_order_with_sources_and_sentences():
    items = build_timeline(entities("events"), entities("articles"))
    assert [i.date for i in items] == sorted(i.date for i in items if i.date)
    first = items[0]
    assert first.entity_id == "ev-war-powers-vote" and first.event_type == "vote"
    (source,) = first.sources
    assert source.article_id == "art-senate-1106"
    assert source.url == "https://news.example/capitol/war-powers"
    assert source.published == "2025-11-06"
    assert source.sentence is not None and source.sentence.startswith("The Senate voted down")


def test_timeline_filters_by_dates_and_types():
    items = build_timeline(
        entities("events"),
        entities("articles"),
        date_from=date(2025, 11, 11),
        date_to=date(2025, 11, 16),
        types=["negotiate", "attack"],
    )
    assert [i.entity_id for i in items] == ["ev-talks-floated", "ev-pacific-strike"]  # same day: by title


def test_fired_indicators_appear_after_the_event_that_fired_them():
    events = entities("events")
    fired = evaluate(load_indicators(), events, [], as_of=date(2025, 11, 19))
    items = build_timeline(events, entities("articles"), fired_indicators=fired, date_from=date(2025, 11, 6))
    kinds_on_vote_day = [(i.kind, i.entity_id) for i in items if i.date == "2025-11-06"]
    assert kinds_on_vote_day == [("event", "ev-war-powers-vote"), ("indicator", "ev-war-powers-vote")]
    indicator = next(i for i in items if i.kind == "indicator")
    assert indicator.sources[0].title == "Senate turns back war powers limit on Venezuela"


def test_undated_event_takes_its_first_report_date_and_unknown_article_keeps_its_id():
    undated = StatementEntity.from_data(
        dataset_for("crisis_test"),
        {
            "id": "ev-undated",
            "schema": "Event",
            "properties": {"name": ["Troops on alert"], "proof": ["art-wire-1112", "art-gone"]},
        },
    )
    (item,) = build_timeline([undated], entities("articles"))
    assert item.date == "2025-11-12"
    sources = {s.article_id: s for s in item.sources}
    assert set(sources) == {"art-wire-1112", "art-gone"}
    assert sources["art-gone"].title is None


def test_timeline_items_serialise_to_json():
    items = build_timeline(entities("events"), entities("articles"))
    text = json.dumps([i.to_dict() for i in items])
    assert "art-daily-1116" in text and '"kind": "event"' in text


def test_merged_event_cites_each_article_with_its_own_sentence():
    merged = make_entity("crisis_test", "Event", "ev-merged")
    merged.add("name", "Strike on a boat in the eastern Pacific")
    merged.add("date", "2025-11-16")
    merged.add("proof", ["art-daily-1116", "art-post-1116"])
    merged.add("description", "The Pentagon said another boat was hit.", origin="art-daily-1116")
    merged.add("description", "A further vessel was struck on Sunday.", origin="art-post-1116")
    (item,) = build_timeline([merged], entities("articles"))
    sentences = {s.article_id: s.sentence for s in item.sources}
    assert sentences == {
        "art-daily-1116": "The Pentagon said another boat was hit.",
        "art-post-1116": "A further vessel was struck on Sunday.",
    }


def test_event_shaped_like_the_news_pipeline_output_gets_type_title_and_sentence():
    origin = "article:art-daily-1116#120-210"
    event = make_entity("crisis_test", "Event", "news-event-1")
    event.add("name", "strike: 2025-11-16", origin=origin)
    event.add("keywords", ["plover:ASSAULT", "mode:strike"], origin=origin)
    event.add("summary", "US forces struck another boat in the eastern Pacific on Sunday.", origin=origin)
    event.add("date", "2025-11-16", origin=origin)
    event.add("proof", "art-daily-1116", origin=origin)
    (item,) = build_timeline([event], entities("articles"), types=["attack"])
    assert item.event_type == "attack"
    assert item.title == "US forces struck another boat in the eastern Pacific on Sunday."
    assert item.sources[0].sentence == item.title


def test_an_event_the_text_does_not_date_is_placed_on_its_report_and_says_so():
    events = entities("events")
    dated = next(e for e in events if e.get("date"))
    undated = StatementEntity.from_data(dataset_for("crisis_test"), {**dated.to_dict(), "id": "ev-undated"})
    undated.pop("date")
    items = {i.entity_id: i for i in build_timeline([dated, undated], entities("articles"))}
    assert not items[dated.id].reported_only
    assert items["ev-undated"].reported_only and items["ev-undated"].to_dict()["reported_only"] is True
    assert items["ev-undated"].date is not None  # the first report's day, not the event's


def test_an_event_told_over_a_period_is_no_event_on_the_periods_first_day():
    # "Since September 2025, US forces have conducted multiple deadly strikes": a period, not 1 September
    events = entities("events")
    dated = next(e for e in events if e.get("date"))
    series = StatementEntity.from_data(dataset_for("crisis_test"), {**dated.to_dict(), "id": "ev-since"})
    series.pop("date")
    series.add("startDate", "2025-09")
    (item,) = build_timeline([series], entities("articles"))
    assert item.period == ("2025-09", None) and item.reported_only
    assert item.date != "2025-09-01" and item.date == min(s.published for s in item.sources if s.published)
    assert item.to_dict()["period"] == {"start": "2025-09", "end": None}
    # nor does it fire an indicator on that day: it is said to be told over a period
    fired = evaluate(load_indicators(), [series], [], as_of=date(2025, 11, 19))
    assert fired and all(f.date is None and "since 2025-09" in f.why for f in fired)
