"""The console's building blocks alone: mention marking and chart geometry."""

from __future__ import annotations

from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.web.charts import graph_layout, path_steps, timeline_chart
from watchfloor.web.highlight import MarkedName, highlight_paragraphs


def _name(text: str, entity_id: str = "p1", schema: str = "Person") -> MarkedName:
    return MarkedName(text, entity_id, schema, f"/console/entities/{entity_id}")


def test_highlight_escapes_the_text_around_and_inside_marks() -> None:
    text = 'Leak <script>alert(1)</script> names <b>Maduro</b> & "Cabello"'
    paragraphs, found = highlight_paragraphs(text, [_name("Maduro"), _name("Cabello", "p2")])
    html = str(paragraphs[0])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "&lt;b&gt;<a" in html and "&amp; &#34;<a" in html
    assert '<mark class="ent ent-person" title="Person">Maduro</mark>' in html
    assert found == {"p1", "p2"}


def test_highlight_prefers_the_longest_name_and_respects_word_edges() -> None:
    paragraphs, _ = highlight_paragraphs(
        "Nicolás Maduro met Maduros fans.\n\nMaduro left.",
        [_name("Maduro", "short"), _name("Nicolás Maduro", "long")],
    )
    first, second = (str(p) for p in paragraphs)
    assert first.count("<mark") == 1 and 'href="/console/entities/long"' in first
    assert "Maduros fans" in first  # not a mention of "Maduro"
    assert 'href="/console/entities/short"' in second


def test_highlight_escapes_a_malicious_entity_name_and_link() -> None:
    paragraphs, _ = highlight_paragraphs("a <x> b", [MarkedName("<x>", 'e"1', "Person", '/e/"onclick=1')])
    html = str(paragraphs[0])
    assert "<x>" not in html.replace("&lt;x&gt;", "") and '"onclick' not in html


def _claim(
    published: str, value: float, qualifier: Qualifier, low: float | None, high: float | None
) -> QuantityClaim:
    return QuantityClaim(
        claim_id=f"c{published}{value}",
        article_id="a",
        event_id=None,
        measure="killed",
        topic="strikes",
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        text=f"{qualifier} {value:g}",
        sentence="",
        span_start=0,
        span_end=0,
        published=published,
    )


def test_timeline_chart_places_claims_by_day_and_keeps_open_ranges_open() -> None:
    claims = [
        _claim("2025-11-17", 83, Qualifier.AT_LEAST, 83, None),
        _claim("2025-11-21", 86, Qualifier.EXACT, 86, 86),
    ]
    chart = timeline_chart(["2025-11-16", "2025-11-16", "2025-11-24", None], claims)
    assert not chart.empty
    assert [bar["label"] for bar in chart.bars] == ["2025-11-16: 2 events", "2025-11-24: 1 event"]
    first, second = chart.points
    assert first["cx"] < second["cx"]
    assert first["open"] and first["y_high"] == chart.points_top
    assert not second["open"] and second["y_low"] == second["y_high"] == second["cy"]


def test_timeline_chart_leaves_old_events_to_the_list() -> None:
    chart = timeline_chart(["2025-07-01", "2025-11-16", "2025-11-24"], [], window_days=21)
    assert chart.hidden_events == 1 and len(chart.bars) == 2


def test_empty_timeline_chart_says_so() -> None:
    assert timeline_chart([], []).empty


def test_graph_layout_puts_parties_in_columns_by_distance() -> None:
    paths = [
        [{"from": "owner", "to": "root", "type": "ownership", "percentage": 60.0}],
        [
            {"from": "mid", "to": "root", "type": "ownership", "percentage": 30.0},
            {"from": "owner", "to": "mid", "type": "ownership", "percentage": 55.0},
        ],
    ]
    captions = {"root": ("Root Co", "Company"), "owner": ("Owner", "Person"), "mid": ("Mid Ltd", "Company")}
    layout = graph_layout("root", paths, captions, {"owner"}, lambda i: f"/e/{i}")
    kinds = {n["id"]: n["kind"] for n in layout.nodes}
    assert kinds == {"root": "root", "owner": "designated", "mid": "party"}
    xs = {n["id"]: n["x"] for n in layout.nodes}
    assert xs["root"] < xs["owner"] == xs["mid"]
    assert sorted(e["label"] for e in layout.edges) == ["ownership 30%", "ownership 55%", "ownership 60%"]
    steps = path_steps("root", paths[1])
    assert [(s["party"], s["forward"]) for s in steps] == [("mid", False), ("owner", False)]
