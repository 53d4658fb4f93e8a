"""The briefing: every reported line cites its article, citations resolve to quoted sentences, HTML is safe."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.crisis import (
    AchMatrix,
    CrisisError,
    build_brief,
    evaluate,
    load_indicators,
    load_scenarios,
    reconcile,
    render_brief,
)
from watchfloor.model import dataset_for
from watchfloor.model.claims import Qualifier, QuantityClaim

FIXTURE = Path(__file__).parent / "fixtures" / "crisis" / "standoff.json"
AS_OF = date(2025, 11, 21)
CITE = re.compile(r"(?<!\\)\[(\d+)\]")
REFERENCE = re.compile(r'^\[(\d+)\] (.*?)(?:\. "(.*)")?$')
REPORTED_SECTIONS = ("What's new", "Why it matters", "Key figures", "Designations")


def entities(kind: str, extra: list[dict[str, Any]] = ()) -> list[StatementEntity]:
    data = json.loads(FIXTURE.read_text())
    return [StatementEntity.from_data(dataset_for("crisis_test"), e) for e in [*data[kind], *extra]]


def inputs(**overrides: Any) -> dict[str, Any]:
    data = json.loads(FIXTURE.read_text())
    events, sanctions = entities("events"), entities("sanctions")
    indicators = load_indicators()
    matrix = AchMatrix(load_scenarios())
    strike = next(e for e in events if e.id == "ev-pacific-strike")
    matrix.add_event(strike)
    for scenario, rating in (("best-case", "I"), ("worst-case", "C"), ("most-likely", "CC")):
        matrix.rate("ev-pacific-strike", scenario, rating)
    values: dict[str, Any] = {
        "as_of": AS_OF,
        "events": events,
        "articles": entities("articles"),
        "claims": reconcile(QuantityClaim.from_dict(c) for c in data["claims"]),
        "sanctions": sanctions,
        "indicators": indicators,
        "fired": evaluate(indicators, events, sanctions, AS_OF),
        "matrix": matrix,
        "subjects": entities("subjects"),
    }
    values.update(overrides)
    return values


def sections(markdown: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:]
            found[current] = []
        elif current and line.strip():
            found[current].append(line)
    return found


def references(markdown: str) -> dict[int, tuple[str, str | None]]:
    refs = {}
    for line in sections(markdown)["References"]:
        match = REFERENCE.match(line)
        assert match, line
        refs[int(match.group(1))] = (match.group(2), match.group(3))
    return refs


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_every_reported_line_cites_a_reference_that_exists():
    markdown = render_brief(**inputs())
    parts, refs = sections(markdown), references(markdown)
    for heading in REPORTED_SECTIONS:
        assert parts[heading], heading
        for line in parts[heading]:
            numbers = [int(n) for n in CITE.findall(line)]
            assert numbers, f"uncited line in {heading}: {line}"
            assert all(n in refs for n in numbers)
    assert sorted(refs) == list(range(1, len(refs) + 1))


def test_citations_resolve_to_the_sentences_that_reported_them():
    markdown = render_brief(**inputs())
    parts, refs = sections(markdown), references(markdown)
    (new_line,) = parts["What's new"]
    (number,) = CITE.findall(new_line)
    head, sentence = refs[int(number)]
    assert "Maduro offers face-to-face dialogue" in new_line
    assert (
        unescape(sentence)
        == "Maduro said he was ready to meet US counterparts face to face to keep the peace."
    )
    assert head.startswith("Caracas offers dialogue as terror listing nears, Example Review, 2025-11-19")
    assert "<https://news.example/review/dialogue>" in head

    toll = next(line for line in parts["Key figures"] if "killed" in line)
    assert "best estimate 83" in toll
    (number,) = CITE.findall(toll)
    assert (
        unescape(refs[int(number)][1])
        == "At least 83 people have been killed in the strikes in international waters."
    )


def test_pending_designation_shows_its_effective_date():
    parts = sections(render_brief(**inputs()))
    (line,) = parts["Designations"]
    assert line.startswith(
        "- Cartel de los Soles (US Department of State Foreign Terrorist Organization): pending"
    )
    assert "effective 2025-11-24 (in 3 days)" in line


def test_contradicting_sources_are_flagged_with_both_citations():
    def claim(
        claim_id: str, article_id: str, low: float | None, high: float | None, text: str
    ) -> QuantityClaim:
        return QuantityClaim(
            claim_id, article_id, None, "killed", "boat strikes", low or high or 0, Qualifier.EXACT,
            low, high, text, f"Officials said {text}.", 0, 10, "2025-11-16",
        )  # fmt: skip

    claims = reconcile([
        claim("daily", "art-daily-1116", 83, 83, "83 killed"),
        claim("post", "art-post-1116", None, 60, "fewer than 60 killed"),
    ])  # fmt: skip
    markdown = render_brief(**inputs(claims=claims))
    refs = references(markdown)
    warning = next(line for line in sections(markdown)["Key figures"] if "contradict each other:" in line)
    cited = {unescape(refs[int(n)][1]) for n in CITE.findall(warning)}
    assert cited == {"Officials said 83 killed.", "Officials said fewer than 60 killed."}


def test_scenarios_are_listed_in_ranked_order_with_diagnostic_evidence():
    lines = sections(render_brief(**inputs()))["Scenarios"]
    ranks = [line for line in lines if line.startswith("- Rank")]
    assert "Most likely" in ranks[0] and "Best case" in ranks[-1]
    assert any("Diagnostic evidence: US strikes a suspected drug boat" in line for line in lines)


HOSTILE_ARTICLE = {
    "id": "art-hostile",
    "schema": "Article",
    "properties": {
        "title": ["<script>alert('title')</script> Breaking"],
        "publisher": ["Evil & Co"],
        "publishedAt": ["2025-11-20"],
        "sourceUrl": ["javascript:alert(1)"],
    },
}
HOSTILE_EVENT = {
    "id": "ev-hostile",
    "schema": "Event",
    "properties": {
        "name": ["Protest <img src=x onerror=alert(1)> in Caracas"],
        "keywords": ["protest"],
        "date": ["2025-11-20"],
        "proof": ["art-hostile"],
        "description": ["Crowds gathered [1] <script>alert('sentence')</script> outside the palace."],
    },
}


def test_html_escapes_everything_that_came_from_articles():
    page = render_brief(
        **inputs(
            events=entities("events", [HOSTILE_EVENT]), articles=entities("articles", [HOSTILE_ARTICLE])
        ),
        fmt="html",
    )
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Breaking" in page
    assert "&lt;script&gt;alert(&#x27;sentence&#x27;)&lt;/script&gt;" in page
    assert "Evil &amp; Co" in page
    assert "javascript:" not in page  # a non-web URL never becomes a link
    assert '<a href="#ref-1">[1]</a>' in page and '<li id="ref-1" value="1">' in page


def test_markdown_escapes_html_and_citation_brackets_from_articles():
    markdown = render_brief(
        **inputs(events=entities("events", [HOSTILE_EVENT]), articles=entities("articles", [HOSTILE_ARTICLE]))
    )
    assert "<script>" not in markdown and "<img" not in markdown
    assert "Crowds gathered \\[1\\]" in markdown  # a bracket in the text cannot pose as a citation


def test_brief_model_is_json_serialisable_and_unknown_format_is_an_error():
    brief = build_brief(**inputs())
    assert json.loads(json.dumps(brief.to_dict()))["references"][0]["n"] == 1
    with pytest.raises(CrisisError, match="unknown brief format 'pdf'"):
        render_brief(**inputs(), fmt="pdf")


MADURO_SANCTION = {
    "id": "sanction-ofac-moros",
    "schema": "Sanction",
    "properties": {
        "entity": ["ofac-moros"],
        "authority": ["OFAC"],
        "program": ["VENEZUELA-EO13692"],
        "startDate": ["2025-11-20"],
        "sourceUrl": ["https://lists.example/ofac/moros"],
    },
}
MADURO_PEOPLE = [
    {
        "id": "ofac-moros",
        "schema": "Person",
        "properties": {
            "name": ["MADURO MOROS, Nicolas"],
            "birthDate": ["1962-11-23"],
            "position": ["President of the Bolivarian Republic of Venezuela"],
        },
    },
    {
        "id": "ofac-guerra",
        "schema": "Person",
        "properties": {"name": ["MADURO GUERRA, Nicolas Ernesto"], "birthDate": ["1990-06-21"]},
    },
]


def maduro_links(text: str) -> list[Any]:
    """The news links of an article that writes only "Nicolás Maduro", through the real linker."""
    from watchfloor.index import Matcher
    from watchfloor.model import make_entity
    from watchfloor.news.linking import link_entities

    people = entities("subjects", MADURO_PEOPLE)
    mention = make_entity("news", "Person", "news-person-nicolas-maduro")
    mention.add("name", "Nicolás Maduro", origin=f"article:a#0-{len(text)}")
    article = make_entity("news", "Article", "a")
    article.add("bodyText", text)
    return link_entities(
        [mention], Matcher.build(people), article=article, entries={str(p.id): p for p in people}
    )


def test_a_candidate_link_states_no_designation():
    links = maduro_links("Nicolás Maduro spoke on television for an hour.")
    assert {link.status for link in links} == {"candidate"}
    named = {link.entity_id for link in links if link.status == "linked"} | {"org-cartel-de-los-soles"}
    sanctions = entities("sanctions", [MADURO_SANCTION])
    fired = evaluate(load_indicators(), entities("events"), sanctions, AS_OF)
    assert any(hit.entity_id == "sanction-ofac-moros" for hit in fired)  # the rule alone would state it
    subjects = entities("subjects", MADURO_PEOPLE)
    markdown = render_brief(**inputs(sanctions=sanctions, fired=fired, subjects=subjects), named=named)
    assert "MADURO" not in markdown and "2025-11-20" not in markdown
    assert any("Cartel de los Soles" in line for line in sections(markdown)["Designations"])


def test_a_confident_link_states_the_designation():
    links = maduro_links("Nicolás Maduro, the president, spoke on television for an hour.")
    assert [(link.entity_id, link.status) for link in links] == [("ofac-moros", "linked")]
    sanctions = entities("sanctions", [MADURO_SANCTION])
    fired = evaluate(load_indicators(), entities("events"), sanctions, AS_OF)
    subjects = entities("subjects", MADURO_PEOPLE)
    named = {link.entity_id for link in links}
    markdown = render_brief(**inputs(sanctions=sanctions, fired=fired, subjects=subjects), named=named)
    (line,) = [line for line in sections(markdown)["Designations"] if "MADURO" in line]
    assert "effective date 2025-11-20" in line
    assert any("MADURO MOROS" in line for line in sections(markdown)["Why it matters"])
