"""Geometry for the console's inline SVG charts, computed on the server.

Templates draw what these functions lay out (so every label passes through autoescaping); no
chart library and no script is needed, and each chart comes with a table of the same numbers
for screen readers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from watchfloor.graph.ownership import percent_text
from watchfloor.model.designation import parse_day

CASUALTY_MEASURES = frozenset({"killed", "dead", "deaths", "casualties"})


@dataclass
class TimelineChart:
    width: int
    height: int
    left: int
    right: int
    bars_top: int
    bars_bottom: int
    points_top: int
    points_bottom: int
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    bars: list[dict[str, Any]] = field(default_factory=list)
    bar_ticks: list[tuple[float, str]] = field(default_factory=list)
    points: list[dict[str, Any]] = field(default_factory=list)
    value_ticks: list[tuple[float, str]] = field(default_factory=list)
    empty: bool = True
    hidden_before: date | None = None  # the chart starts here; earlier items are in the list only
    hidden_events: int = 0


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return float(step * 4)
    return float(value * 1.1)


def timeline_chart(
    event_days: Iterable[str | None],
    claims: Sequence[Any],
    width: int = 900,
    height: int = 340,
    window_days: int = 21,
) -> TimelineChart:
    """Events per day as bars (top panel) and reported casualty figures over time (bottom panel).

    A figure is drawn on the day it was reported; its whisker spans the interval its wording
    supports ("at least 83" runs up to the top of the axis, drawn open-ended). The chart covers
    the last ``window_days`` before the latest item; earlier ones stay in the page's list.
    """
    left, right = 56, width - 16
    chart = TimelineChart(width, height, left, right, 28, 130, 170, height - 36)
    counts = Counter(d for d in (parse_day(v) for v in event_days) if d is not None)
    figures: list[tuple[date, Any]] = []
    for claim in claims:
        if getattr(claim, "measure", "") not in CASUALTY_MEASURES:
            continue
        day = parse_day(getattr(claim, "as_of", None)) or parse_day(getattr(claim, "published", None))
        if day is not None:
            figures.append((day, claim))
    days = [*counts, *(d for d, _ in figures)]
    if not days:
        return chart
    chart.empty = False
    # A crisis is read over weeks: an old event (a listing months earlier) would squeeze the rest.
    start = max(min(days), max(days) - timedelta(days=window_days))
    chart.hidden_before = start if start > min(days) else None
    chart.hidden_events = sum(n for d, n in counts.items() if d < start)
    counts = Counter({d: n for d, n in counts.items() if d >= start})
    figures = [(d, c) for d, c in figures if d >= start]
    first, last = start - timedelta(days=1), max(days) + timedelta(days=1)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1)

    step = max(1, span // 8)
    tick = first
    while tick <= last:
        chart.x_ticks.append((x(tick), tick.strftime("%d %b")))
        tick += timedelta(days=step)
    bar_width = max(4.0, min(28.0, (right - left) / span * 0.6))
    top_count = _nice_max(max(counts.values(), default=1))
    bars_height = chart.bars_bottom - chart.bars_top
    for day, count in sorted(counts.items()):
        h = bars_height * count / top_count
        chart.bars.append(
            {
                "x": round(x(day) - bar_width / 2, 1),
                "y": round(chart.bars_bottom - h, 1),
                "width": round(bar_width, 1),
                "height": round(h, 1),
                "label": f"{day.isoformat()}: {count} event{'s' if count != 1 else ''}",
            }
        )
    chart.bar_ticks = [
        (round(chart.bars_bottom - bars_height * f, 1), f"{top_count * f:g}") for f in (0, 0.5, 1)
    ]
    values = [float(c.value) for _, c in figures] + [float(c.high) for _, c in figures if c.high is not None]
    top_value = _nice_max(max(values, default=1.0))
    points_height = chart.points_bottom - chart.points_top

    def y(value: float) -> float:
        return round(chart.points_bottom - points_height * min(value, top_value) / top_value, 1)

    by_day: dict[date, int] = defaultdict(int)
    for day, claim in sorted(figures, key=lambda item: (item[0], item[1].value)):
        offset = by_day[day] * 6  # side by side when several sources report on one day
        by_day[day] += 1
        cx = x(day) + offset
        low = claim.low if claim.low is not None else claim.value
        high = claim.high
        chart.points.append(
            {
                "cx": round(cx, 1),
                "cy": y(float(claim.value)),
                "y_low": y(float(low)),
                "y_high": y(float(high)) if high is not None else chart.points_top,
                "open": high is None,
                "qualifier": str(claim.qualifier),
                "label": f"{day.isoformat()}: {claim.text} ({claim.measure})",
            }
        )
    chart.value_ticks = [(y(top_value * f), f"{top_value * f:g}") for f in (0, 0.25, 0.5, 0.75, 1)]
    return chart


@dataclass
class GraphLayout:
    width: int
    height: int
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def graph_layout(
    root: str,
    paths: Sequence[Sequence[dict[str, Any]]],
    captions: dict[str, tuple[str, str]],
    designated: set[str],
    href: Any,
    column_width: int = 330,
    row_height: int = 80,
    box_width: int = 200,
) -> GraphLayout:
    """Columns by distance from ``root`` (breadth-first over the path edges), rows in order seen."""
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        for step in path:
            key = (step["from"], step["to"], step["type"])
            if key in edges:
                continue
            edges[key] = step
            neighbours[step["from"]].append(step["to"])
            neighbours[step["to"]].append(step["from"])
    depth = {root: 0}
    order = [root]
    for node in order:
        for other in neighbours[node]:
            if other not in depth:
                depth[other] = depth[node] + 1
                order.append(other)
    columns: dict[int, list[str]] = defaultdict(list)
    for node in order:
        columns[depth[node]].append(node)
    rows = max((len(c) for c in columns.values()), default=1)
    layout = GraphLayout(
        width=(max(1, len(columns)) - 1) * column_width + box_width + 40,
        height=max(1, rows) * row_height + 40,
    )
    where: dict[str, tuple[float, float]] = {}
    for column, members in columns.items():
        offset = (rows - len(members)) * row_height / 2
        for row, node in enumerate(members):
            cx = 20 + column * column_width + box_width / 2
            cy = 20 + offset + row * row_height + row_height / 2
            where[node] = (cx, cy)
            caption, schema = captions.get(node, (node, ""))
            kind = "root" if node == root else ("designated" if node in designated else "party")
            layout.nodes.append(
                {
                    "id": node,
                    "x": cx - box_width / 2,
                    "y": cy - 20,
                    "width": box_width,
                    "cx": cx,
                    "cy": cy,
                    "label": _short(caption, box_width // 7),
                    "title": f"{caption} ({schema or 'unknown'}): {node}",
                    "kind": kind,
                    "href": href(node),
                }
            )
    for (source, target, kind), step in edges.items():
        (x1, y1), (x2, y2) = where[source], where[target]
        half = box_width / 2
        # stop the line at the box edges, so the arrow head shows; label beside a vertical line
        if x1 != x2:
            x1, x2 = (x1 + half, x2 - half) if x1 < x2 else (x1 - half, x2 + half)
            # near the right-hand end: in a fan of edges those ends are a row apart, the others not
            (lx, ly), (rx, ry) = sorted(((x1, y1), (x2, y2)))
            mx, my, anchor = lx + (rx - lx) * 0.72, ly + (ry - ly) * 0.72 - 6, "middle"
        else:
            y1, y2 = (y1 + 20, y2 - 20) if y1 < y2 else (y1 - 20, y2 + 20)
            mx, my, anchor = x1 + 6, (y1 + y2) / 2 + 4, "start"
        pct = step.get("percentage")
        label = kind + (f" {percent_text(pct)}%" if isinstance(pct, int | float) else "")
        layout.edges.append(
            {
                "x1": x1,
                "y1": y1,
                "x2": x2,
                "y2": y2,
                "mx": mx,
                "my": my,
                "anchor": anchor,
                "label": label,
                "official": step.get("official", True),
                "title": f"{source} {kind} {target} (source: {step.get('source') or step.get('dataset')})",
            }
        )
    return layout


def path_steps(root: str, path: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One exposure path read from ``root`` outward: each step names the next party and whether
    the relationship points away from the party before it (``forward``) or towards it."""
    steps: list[dict[str, Any]] = []
    current = root
    for edge in path:
        forward = edge["from"] == current
        current = edge["to"] if forward else edge["from"]
        steps.append({"party": current, "forward": forward, **edge})
    return steps
