"""Watch indicators: rules from YAML fire on matching events and status changes, once each."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.crisis import CrisisError, evaluate, load_indicators, notify
from watchfloor.model import dataset_for

FIXTURE = Path(__file__).parent / "fixtures" / "crisis" / "standoff.json"


def entities(kind: str) -> list[StatementEntity]:
    data = json.loads(FIXTURE.read_text())
    return [StatementEntity.from_data(dataset_for("crisis_test"), e) for e in data[kind]]


def event(entity_id: str, kind: str, day: str, name: str) -> StatementEntity:
    return StatementEntity.from_data(
        dataset_for("crisis_test"),
        {
            "id": entity_id,
            "schema": "Event",
            "properties": {"keywords": [kind], "date": [day], "name": [name]},
        },
    )


def fired_ids(fired: list[Any]) -> set[str]:
    return {f.indicator_id for f in fired}


def test_default_indicators_load_with_the_examples_the_analysts_asked_for():
    ids = {i.id for i in load_indicators()}
    assert {"designation-effective", "strike-on-land", "war-powers-vote", "talks-begin"} <= ids


def test_designation_fires_when_it_reaches_its_effective_date_and_not_before():
    indicators = load_indicators()
    sanctions = entities("sanctions")
    before = evaluate(indicators, [], sanctions, as_of=date(2025, 11, 23))
    assert "designation-effective" not in fired_ids(before)
    assert "designation-imminent" in fired_ids(before)  # one day to go
    on_the_day = evaluate(indicators, [], sanctions, as_of=date(2025, 11, 24))
    (hit,) = [f for f in on_the_day if f.indicator_id == "designation-effective"]
    assert hit.date == "2025-11-24"
    assert hit.entity_id == "sanction-fto-cartel-de-los-soles"
    assert "effective" in hit.why and "org-cartel-de-los-soles" in hit.why


def test_pending_designation_far_from_its_date_is_not_imminent():
    fired = evaluate(load_indicators(), [], entities("sanctions"), as_of=date(2025, 11, 17))
    assert fired == []


def test_press_reported_designation_never_counts_as_effective():
    reported = StatementEntity.from_data(
        dataset_for("news"),
        {
            "id": "sanction-reported",
            "schema": "Sanction",
            "properties": {"status": ["reported"], "startDate": ["2025-11-24"], "entity": ["org-x"]},
        },
    )
    assert evaluate(load_indicators(), [], [reported], as_of=date(2025, 12, 1)) == []


def test_events_fire_their_indicators_and_never_twice():
    indicators = load_indicators()
    events = entities("events")
    first = evaluate(indicators, events, [], as_of=date(2025, 11, 19))
    assert fired_ids(first) == {"war-powers-vote", "talks-begin", "intelligence-sharing-suspended"}
    (talks,) = [f for f in first if f.indicator_id == "talks-begin"]
    assert talks.key == "talks-begin"  # repeat: once, however many talk events follow
    assert talks.entity_id == "ev-talks-floated" and talks.article_ids == ("art-post-1116",)
    again = evaluate(indicators, events, [], as_of=date(2025, 11, 19), already_fired={f.key for f in first})
    assert again == []


def test_strike_at_sea_is_not_a_strike_on_land_but_a_strike_inside_venezuela_is():
    indicators = [i for i in load_indicators() if i.id == "strike-on-land"]
    at_sea = event("ev-sea", "attack", "2025-11-20", "US strike hits a boat off the coast")
    on_land = event("ev-land", "attack", "2025-11-21", "US strike on an airstrip inside Venezuela")
    island = event("ev-island", "attack", "2025-11-21", "Raid reported near the island of Margarita")
    fired = evaluate(indicators, [at_sea, on_land, island], [], as_of=date(2025, 11, 22))
    assert [f.entity_id for f in fired] == ["ev-land"]
    assert "airstrip" in fired[0].why


def test_future_events_do_not_fire_before_they_happen():
    vote = event("ev-vote", "vote", "2025-12-02", "Senate holds a second War Powers vote")
    indicators = load_indicators()
    assert evaluate(indicators, [vote], [], as_of=date(2025, 12, 1)) == []
    assert fired_ids(evaluate(indicators, [vote], [], as_of=date(2025, 12, 2))) == {"war-powers-vote"}


def test_bad_indicator_file_is_a_one_line_error(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("indicators:\n  - id: x\n    applies_to: sanction\n")
    with pytest.raises(CrisisError, match="needs a 'status'"):
        load_indicators(path)
    path.write_text("indicators:\n  - id: x\n    tyeps: [attack]\n")
    with pytest.raises(CrisisError, match="unknown keys tyeps"):
        load_indicators(path)
    with pytest.raises(CrisisError, match="cannot read"):
        load_indicators(tmp_path / "missing.yaml")


class _Recorder(BaseHTTPRequestHandler):
    bodies: ClassVar[list[Any]] = []
    status: ClassVar[int] = 200

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        type(self).bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Handler", (_Recorder,), {"bodies": [], "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler
    server.shutdown()
    server.server_close()


def test_webhook_receives_the_firings_as_json(webhook):
    url, handler = webhook
    fired = evaluate(load_indicators(), entities("events"), [], as_of=date(2025, 11, 19))
    result = notify(fired, url)
    assert result.ok and result.sent == len(fired) and result.status_code == 200
    (body,) = handler.bodies
    assert {f["indicator_id"] for f in body["fired"]} == fired_ids(fired)
    assert all(f["why"] for f in body["fired"])


def test_webhook_errors_are_reported_not_raised(webhook):
    url, handler = webhook
    fired = evaluate(load_indicators(), entities("events"), [], as_of=date(2025, 11, 19))
    handler.status = 500
    refused = notify(fired, url)
    assert not refused.ok and refused.status_code == 500 and refused.error == "HTTP 500"
    unreachable = notify(fired, "http://127.0.0.1:9/hook", timeout=1)
    assert not unreachable.ok and unreachable.error
    assert not notify(fired, "not a url").ok
