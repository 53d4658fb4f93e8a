"""End to end on hand-written articles: entities, alleged links, pending designations, dated events and
their quantities, Spanish, cross-article merging, export and linking to list entries."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.model.entities import make_entity
from watchfloor.news import (
    ArticleResult,
    RawDocument,
    export_ftm,
    extract,
    extract_many,
    link_entities,
    load_documents,
    merge_across,
)
from watchfloor.news.mentions import name_key

NEWS = Path(__file__).parent / "fixtures" / "news"


def _result(name: str, published: date | None = None, index: int = 0) -> ArticleResult:
    return extract(load_documents(str(NEWS / name), published=published)[index])


@pytest.fixture(scope="module")
def page() -> ArticleResult:
    return _result("page.html")


@pytest.fixture(scope="module")
def plain() -> ArticleResult:
    return _result("plain.txt")


@pytest.fixture(scope="module")
def spanish() -> ArticleResult:
    return _result("spanish.txt", published=date(2025, 11, 17))


def _by_schema(result: ArticleResult, schema: str) -> list[StatementEntity]:
    return [e for e in result.entities if e.schema.name == schema]


def _one(result: ArticleResult, schema: str) -> StatementEntity:
    [entity] = _by_schema(result, schema)
    return entity


def _event(result: ArticleResult, mode: str) -> StatementEntity:
    found = [e for e in _by_schema(result, "Event") if f"mode:{mode}" in e.get("keywords")]
    assert found, f"no {mode} event"
    return found[0]


def _claim(result: ArticleResult, measure: str) -> QuantityClaim:
    [claim] = [c for c in result.claims if c.measure == measure]
    return claim


def test_article_entity_carries_title_date_language_and_body(page: ArticleResult) -> None:
    article = page.article
    assert article.id == f"news-{article.get('contentHash')[0][:16]}"
    assert article.get("publishedAt") == ["2025-11-17"]
    assert article.get("language") == ["eng"]
    assert "Cartel de los Soles" in article.get("title")[0]
    body = article.get("bodyText")[0]
    assert all(body[s:e].strip() == body[s:e] and body[s:e] for s, e in page.sentences)


def test_people_organisations_and_places_are_found(page: ArticleResult) -> None:
    names = {
        (e.schema.name, e.get("name")[0])
        for e in page.entities
        if e.schema.name in ("Person", "Organization", "Address")
    }
    assert ("Person", "Nicolás Maduro") in names
    assert ("Person", "Marco Rubio") in names
    assert ("Person", "Vladimir Padrino López") in names
    assert ("Organization", "Cartel de los Soles") in names
    assert ("Address", "Caribbean") in names


def test_every_news_entity_is_in_the_news_dataset_with_the_article_as_proof(page: ArticleResult) -> None:
    for entity in page.entities:
        assert entity.datasets == {"news"}
        assert page.article.id in entity.get("proof")


def test_headed_by_becomes_an_alleged_directorship_with_its_sentence(page: ArticleResult) -> None:
    link = _one(page, "Directorship")
    assert link.get("organization") == ["news-org-cartel-de-los-soles"]
    assert link.get("director") == ["news-person-nicolas-maduro"]
    assert link.get("role") == ["headed by"]
    assert link.get("status") == ["alleged"]
    assert "headed by Nicolás Maduro and other high-ranking individuals" in link.get("summary")[0]


def test_statement_origins_point_at_the_sentence_span(page: ArticleResult) -> None:
    link = _one(page, "Directorship")
    body = page.article.get("bodyText")[0]
    origins = {stmt.origin for stmt in link.statements if stmt.prop == "role"}
    [origin] = origins
    assert origin is not None and origin.startswith(f"article:{page.article.id}#")
    start, end = (int(x) for x in origin.rsplit("#", 1)[1].split("-"))
    assert body[start:end] == link.get("summary")[0]


def test_pending_designation_is_a_reported_sanction_with_effective_date(page: ArticleResult) -> None:
    sanction = _one(page, "Sanction")
    assert sanction.get("entity") == ["news-org-cartel-de-los-soles"]
    assert sanction.get("status") == ["reported"]
    assert sanction.get("program") == ["FTO"]
    assert sanction.get("authority") == ["US Department of State"]
    assert sanction.get("startDate") == ["2025-11-24"]
    assert sanction.get("listingDate") == ["2025-11-16"]  # "said on Sunday", published Monday 17
    assert "effective November 24" in sanction.get("summary")[0]


def test_past_sdgt_listing_from_a_feed_item_is_dated_in_july() -> None:
    result = _result("feed.xml")
    sanction = _one(result, "Sanction")
    assert sanction.get("entity") == ["news-org-tren-de-aragua"]
    assert sanction.get("program") == ["SDGT"]
    assert sanction.get("authority") == ["US Department of the Treasury"]
    assert sanction.get("listingDate") == ["2025-07"]


def test_member_of_and_leader_of_become_membership_and_directorship() -> None:
    result = _result("feed.xml")
    membership = _one(result, "Membership")
    assert membership.get("member") == ["news-person-marcos-ficticio-rey"]
    assert membership.get("organization") == ["news-org-tren-de-aragua"]
    directorship = _one(result, "Directorship")
    assert directorship.get("organization") == ["news-org-tren-de-aragua"]


def test_linked_to_becomes_an_unknown_link(plain: ArticleResult) -> None:
    link = _one(plain, "UnknownLink")
    assert link.get("subject") == ["news-org-tren-de-aragua"]
    assert link.get("object") == ["news-person-nicolas-maduro"]


def test_owned_by_becomes_ownership_of_a_company() -> None:
    text = "Prosecutors said Monomeros Colombo Venezolanos S.A. is owned by PDVSA, the state oil company."
    result = extract(RawDocument(text, "own.txt", published=date(2025, 11, 17)))
    ownership = _one(result, "Ownership")
    assert ownership.get("owner") == ["news-org-pdvsa"]
    [asset] = ownership.get("asset")
    assert next(e for e in result.entities if e.id == asset).schema.name == "Company"


def test_strike_event_keeps_casualty_figure_with_its_qualifier(page: ArticleResult) -> None:
    strike = _event(page, "strike")
    assert "plover:ASSAULT" in strike.get("keywords")
    assert strike.get("startDate") == ["2025-09"]
    assert "Caribbean" in strike.get("location")
    killed = _claim(page, "killed")
    assert (killed.value, killed.qualifier, killed.low, killed.high) == (83, Qualifier.AT_LEAST, 83, None)
    assert killed.text == "at least 83 people"
    assert killed.topic == "boat strikes"
    assert killed.event_id == strike.id
    assert killed.published == "2025-11-17"
    assert page.article.get("bodyText")[0][killed.span_start : killed.span_end] == killed.sentence


def test_relative_event_dates_resolve_against_publication(page: ArticleResult) -> None:
    deployment = _event(page, "deployment")
    assert deployment.get("date") == ["2025-11-11"]  # "On Tuesday", published Monday 2025-11-17
    mobilization = _event(page, "mobilization")
    assert mobilization.get("date") == []  # "last week" is a period, not a day
    assert (mobilization.get("startDate"), mobilization.get("endDate")) == (["2025-11-10"], ["2025-11-16"])
    assert "news-person-vladimir-padrino-lopez" in mobilization.get("involved")


def test_more_than_and_about_qualifiers_become_intervals(page: ArticleResult) -> None:
    troops = {c.text: c for c in page.claims if c.measure == "troops"}
    sailors = troops["more than 4,000 sailors"]
    assert (sailors.value, sailors.qualifier, sailors.low, sailors.high) == (
        4000,
        Qualifier.AT_LEAST,
        4000,
        None,
    )
    mobilised = troops["about 200,000 troops"]
    assert mobilised.qualifier is Qualifier.ABOUT
    assert (
        mobilised.low is not None and mobilised.high is not None and mobilised.low < 200_000 < mobilised.high
    )
    assert mobilised.as_of == "2025-11-16"  # the end of "last week"


def test_vote_counts_are_separate_claims_on_the_vote_event(plain: ArticleResult) -> None:
    vote = _event(plain, "vote")
    assert vote.get("date") == ["2025-11-13"]  # "On Thursday", dateline 2025-11-14
    assert "news-org-us-senate" in vote.get("involved")
    votes_for, votes_against = _claim(plain, "votes_for"), _claim(plain, "votes_against")
    assert (votes_for.value, votes_against.value) == (49, 51)
    assert votes_for.topic == "war powers vote" and votes_for.event_id == vote.id


def test_suspension_of_cooperation_is_a_dated_event(plain: ArticleResult) -> None:
    event = _event(plain, "suspend-cooperation")
    assert event.get("date") == ["2025-11-11"]
    assert event.get("organizer") == ["news-person-gustavo-petro"]


def test_nearly_keeps_its_qualifier_and_spelling_variants_merge(plain: ArticleResult) -> None:
    troops = _claim(plain, "troops")
    assert (troops.text, troops.qualifier, troops.high) == ("nearly 200,000 troops", Qualifier.ABOUT, 200_000)
    [padrino] = [e for e in plain.entities if e.id == "news-person-vladimir-padrino-lopez"]
    assert set(padrino.get("alias")) == {"Padrino Lopez", "Padrino López"}


def test_poll_percentages_are_support_and_opposition() -> None:
    result = _result("feed.xml", index=1)
    support, oppose = _claim(result, "percent_support"), _claim(result, "percent_oppose")
    assert (support.value, oppose.value) == (29, 51)
    assert support.topic == "public opinion"
    assert _event(result, "poll").get("date") == ["2025-11-10"]


def test_spanish_article_yields_designation_link_and_figures(spanish: ArticleResult) -> None:
    assert spanish.language == "es"
    sanction = _one(spanish, "Sanction")
    assert sanction.get("entity") == ["news-org-cartel-de-los-soles"]
    assert sanction.get("program") == ["FTO"]
    assert sanction.get("startDate") == ["2025-11-24"]
    assert sanction.get("listingDate") == ["2025-11-16"]  # "el domingo"
    link = _one(spanish, "Directorship")
    assert link.get("director") == ["news-person-nicolas-maduro"]
    assert link.get("role") == ["encabezado por"]
    killed = _claim(spanish, "killed")
    assert (killed.value, killed.qualifier, killed.topic) == (83, Qualifier.AT_LEAST, "boat strikes")
    troops = _claim(spanish, "troops")
    assert (troops.value, troops.qualifier) == (200_000, Qualifier.ABOUT)
    assert _event(spanish, "strike").get("date") == ["2025-11-17"]  # "El lunes"


def test_same_person_has_one_id_across_articles() -> None:
    first = extract(
        RawDocument("Maduro spoke to troops in Caracas on Tuesday.", "a.txt", published=date(2025, 11, 17))
    )
    second = extract(
        RawDocument(
            "Nicolás Maduro, the Venezuelan leader, denied the allegation.",
            "b.txt",
            published=date(2025, 11, 17),
        )
    )
    ids = {e.id for r in merge_across([first, second]) for e in r.entities if e.schema.name == "Person"}
    assert ids == {"news-person-nicolas-maduro"}


def test_merge_across_rewrites_references_to_a_merged_person() -> None:
    first = extract(
        RawDocument(
            "Officials said Ramiro Ejemplo is a member of Tren de Aragua.", "a", published=date(2025, 11, 17)
        )
    )
    second = extract(
        RawDocument(
            "Ejemplo denied it. Analysts said Ejemplo is a member of the Sinaloa Cartel.",
            "b",
            published=date(2025, 11, 17),
        )
    )
    merged = merge_across([first, second])
    memberships = [e for r in merged for e in r.entities if e.schema.name == "Membership"]
    assert {m.get("member")[0] for m in memberships} == {"news-person-ramiro-ejemplo"}


def test_export_writes_ftm_json_with_origins_and_one_record_per_entity(
    page: ArticleResult, plain: ArticleResult
) -> None:
    records = list(export_ftm(merge_across([page, plain])))
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    schemata = {r["schema"] for r in records}
    assert {
        "Article",
        "Person",
        "Organization",
        "Event",
        "Directorship",
        "Sanction",
        "UnknownLink",
    } <= schemata
    maduro = next(r for r in records if r["id"] == "news-person-nicolas-maduro")
    assert set(maduro["properties"]["proof"]) == {page.article.id, plain.article.id}
    assert all(o.startswith("article:") for o in maduro["origin"])


def test_extract_many_matches_extract_one_by_one() -> None:
    docs = load_documents(str(NEWS / "feed.xml")) + load_documents(str(NEWS / "plain.txt"))
    batch = list(extract_many(docs))
    single = [extract(d) for d in docs]
    assert [r.article.id for r in batch] == [r.article.id for r in single]
    assert [sorted(str(e.id) for e in r.entities) for r in batch] == [
        sorted(str(e.id) for e in r.entities) for r in single
    ]


def test_extract_many_over_two_processes_keeps_input_order() -> None:
    docs = load_documents(str(NEWS / "feed.xml")) + load_documents(str(NEWS / "plain.txt"))
    failures: list[str] = []
    batch = list(
        extract_many(docs, processes=2, chunk_size=1, on_error=lambda doc, msg: failures.append(msg))
    )
    assert [r.article.id for r in batch] == [d.article_id for d in docs]
    assert failures == []


def test_worker_chunks_cover_the_articles_in_order_and_shrink_towards_the_end() -> None:
    """Equal chunks leave one worker waiting out the other's last one; tapered chunks end small.
    A run that fits one chunk stays one (one worker, which loads only what it needs)."""
    tapered = importlib.import_module("watchfloor.news.batch")._tapered
    docs = list(range(400))
    chunks = tapered(docs, 16, 2)
    assert [doc for chunk in chunks for doc in chunk] == docs
    sizes = [len(chunk) for chunk in chunks]
    assert sizes[0] == 16 and max(sizes) == 16 and sizes[-1] <= 4
    assert sizes == sorted(sizes, reverse=True)
    assert tapered(docs[:16], 16, 2) == [docs[:16]]


def test_overlong_text_is_analysed_up_to_the_cap_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    extract_module = importlib.import_module("watchfloor.news.analysis")
    monkeypatch.setattr(extract_module, "MAX_ANALYSED_CHARS", 60)
    text = (
        "Nicolás Maduro spoke in Caracas on Tuesday. "
        + "Filler sentence about nothing. " * 20
        + "Rand Paul objected."
    )
    result = extract(RawDocument(text, "long.txt", published=date(2025, 11, 17)))
    assert result.article.get("bodyText") == [text]
    names = {e.caption for e in result.entities if e.schema.name == "Person"}
    assert names == {"Nicolás Maduro"}
    assert any("only the first 60" in note for note in result.notes)


def test_empty_document_gives_an_article_and_nothing_else() -> None:
    result = extract(RawDocument("", "empty.txt"))
    assert result.entities == [] and result.claims == [] and result.sentences == []


class ExactNameMatcher:
    """Test double of the matching engine: a hit when normalised names are equal."""

    def __init__(self, entities: list[StatementEntity]) -> None:
        self.entities = entities

    def match(self, query: StatementEntity, limit: int = 10, threshold: float | None = None) -> list[object]:
        from types import SimpleNamespace

        names = {name_key(n) for n in query.get("name") + query.get("alias")}
        hits = []
        for entity in self.entities:
            if names & {name_key(n) for n in entity.get("name") + entity.get("alias")}:
                hits.append(
                    SimpleNamespace(
                        entity_id=entity.id,
                        caption=entity.caption,
                        schema=entity.schema.name,
                        score=1.0,
                        match=True,
                        explanation=[],
                    )
                )
            elif entity.schema.name == query.schema.name:
                hits.append(
                    SimpleNamespace(
                        entity_id=entity.id,
                        caption=entity.caption,
                        schema=entity.schema.name,
                        score=0.3,
                        match=False,
                        explanation=[],
                    )
                )
        return hits[:limit]


def _list_entities() -> list[StatementEntity]:
    cartel = make_entity("us_fto", "Organization", "fto-cartel-de-los-soles")
    cartel.add("name", "Cartel de los Soles")
    cartel.add("alias", "Cartel of the Suns")
    maduro = make_entity("us_ofac_sdn", "Person", "ofac-22790")
    maduro.add("name", "MADURO MOROS, Nicolas")
    maduro.add("alias", "Nicolas Maduro")
    return [cartel, maduro]


def test_link_entities_returns_matches_only_above_threshold(page: ArticleResult) -> None:
    links = link_entities(page.entities, ExactNameMatcher(_list_entities()))
    assert {(link.mention_id, link.entity_id) for link in links} == {
        ("news-org-cartel-de-los-soles", "fto-cartel-de-los-soles"),
        ("news-person-nicolas-maduro", "ofac-22790"),
    }
    assert all(link.confidence == 1.0 for link in links)


def test_link_entities_with_the_real_matcher(page: ArticleResult) -> None:
    index = pytest.importorskip("watchfloor.index")
    matcher = index.Matcher.build(_list_entities())
    links = {
        (link.mention_id, link.entity_id) for link in link_entities(page.entities, matcher, threshold=0.7)
    }
    assert ("news-org-cartel-de-los-soles", "fto-cartel-de-los-soles") in links
    assert ("news-person-nicolas-maduro", "ofac-22790") in links
    assert not any(mention == "news-person-marco-rubio" for mention, _ in links)


def test_an_article_is_analysed_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's small matrices gain nothing from BLAS threads and the workers fill the cores:
    while an article is analysed (one or a batch), BLAS runs on one thread, and after it on as
    many as before."""
    from threadpoolctl import threadpool_info

    extract_module = importlib.import_module("watchfloor.news.analysis")

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    seen: list[set[int]] = []
    original = extract_module.extract_quantities

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(blas_threads())
        return original(*args, **kwargs)

    text = "Caracas, 2 December 2025. The strike killed six people, officials said."
    extract(RawDocument(text=text, source="warm.txt"))  # spaCy and its BLAS loaded
    before = blas_threads()
    monkeypatch.setattr(extract_module, "extract_quantities", recording)
    extract(RawDocument(text=text, source="one.txt"))
    list(extract_many([RawDocument(text=text, source=f"{n}.txt") for n in range(2)], processes=1))
    assert seen == [{1}] * 3
    assert blas_threads() == before


def test_an_abbreviation_the_article_defines_is_an_alias_of_the_group() -> None:
    """ "the Revolutionary Armed Forces of Colombia (FARC)": the group is also known as the FARC, though
    the gazetteer keeps the two names apart (it compares names as the article writes them)."""
    text = "Colombia's Revolutionary Armed Forces of Colombia (FARC) met in Havana. The FARC denied it."
    result = extract(RawDocument(text, "farc.txt", published=date(2016, 6, 1)))
    group = next(e for e in result.entities if "Revolutionary Armed Forces of Colombia" in e.get("name"))
    assert "FARC" in group.get("alias")
    assert not any("FARC" in e.get("alias") for e in result.entities if e is not group)
