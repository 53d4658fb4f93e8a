"""Designation announcements: "will designate X as a Foreign Terrorist Organization, effective ...".

Reporting spreads one designation over several sentences (the programme in one, the group in the
next, "set to take effect on November 24" in a third), so this extractor reads an article in
order and keeps the designation under discussion: a sentence with a designation verb and a named
organisation opens one (its programme from the sentence, or the last programme the article
named); a sentence with an effective date and designation words completes the open one.

The result is an FtM ``Sanction`` with ``status="reported"``: news is allegation, not official
status (see ``watchfloor.model.designation``). ``listingDate`` is the announcement (a date in the
sentence, else publication), ``startDate`` the effective date resolved against publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthemoney.statement import StatementEntity

from watchfloor.news.context import ArticleContext
from watchfloor.news.dates import find_dates, resolve
from watchfloor.news.mentions import Mention

PROGRAMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "FTO",
        re.compile(
            r"foreign\s+terrorist\s+organi[sz]ations?|\bFTO\b|organizaci[oó]n(?:es)?\s+terroristas?\s+extranjeras?",
            re.I,
        ),
    ),
    (
        "SDGT",
        re.compile(
            r"specially\s+designated\s+global\s+terrorists?|\bSDGTs?\b|terroristas?\s+globales?\s+especialmente\s+designad[oa]s?",
            re.I,
        ),
    ),
)
DESIGNATION_VERB = re.compile(
    r"\b(?:designat(?:e|es|ed|ing|ion)|label(?:s|ed|led|ing)?|list(?:s|ed|ing)?|"
    r"designar[áa]?|design[óo]|designa|designaci[óo]n|declarar[áa]?|declar[óo]|incluir[áa]?)\b",
    re.I,
)
PAST_VERB = re.compile(
    r"\b(?:designated|listed|labell?ed|had\s+already|design[óo]|declar[óo]|fue\s+designad)", re.I
)
EFFECTIVE_CUE = re.compile(
    r"\b(?:effective(?:\s+(?:on|from|as\s+of))?|takes?\s+effect(?:\s+on)?|take\s+effect(?:\s+on)?|"
    r"(?:come|comes|enter|enters)\s+into\s+force(?:\s+on)?|a\s+partir\s+del?|"
    r"entrar[áa]\s+en\s+vigor(?:\s+el)?|con\s+efecto\s+(?:a\s+partir\s+)?del?|efectiv[oa]\s+(?:a\s+partir\s+)?del?)\s*",
    re.I,
)
DESIGNATION_WORD = re.compile(r"designa|listing|label|terrorist|terrorista|sanci", re.I)
AUTHORITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("US Department of the Treasury", re.compile(r"treasury|OFAC|tesoro", re.I)),
    (
        "US Department of State",
        re.compile(
            r"state\s+department|department\s+of\s+state|secretary\s+of\s+state|departamento\s+de\s+estado|\bRubio\b",
            re.I,
        ),
    ),
)
DEFAULT_AUTHORITY = {"FTO": "US Department of State", "SDGT": "US Department of State"}
# gazetteer organisations that designate rather than get designated
AUTHORITY_NAMES = frozenset(
    {
        "US Department of State",
        "US Department of the Treasury",
        "US Department of Defense",
        "White House",
        "US Congress",
        "US Senate",
    }
)


MAX_TARGET_GAP_BEFORE = 40  # characters between a group named before the verb and the verb's end


@dataclass
class _Designation:
    target: Mention
    program: str
    authority: str
    sentences: list[int] = field(default_factory=list)
    listing_date: str | None = None
    start_date: str | None = None
    start_sentence: int | None = None


def _program(sentence: str) -> str | None:
    for name, pattern in PROGRAMS:
        if pattern.search(sentence):
            return name
    return None


def _authority(sentence: str) -> str | None:
    for name, pattern in AUTHORITIES:
        if pattern.search(sentence):
            return name
    return None


def _target(ctx: ArticleContext, index: int, verb_end: int) -> Mention | None:
    """The designated group: the first non-authority organisation after the verb, else one just
    before it ("Tren de Aragua was listed as..."); a group named far earlier is some other actor."""
    orgs = [
        m
        for m in ctx.mentions_in(index, frozenset({"ORG"}))
        if (m.canonical or m.text) not in AUTHORITY_NAMES
    ]
    after = [m for m in orgs if m.start >= verb_end]
    if after:
        return after[0]
    before = [m for m in orgs if m.end <= verb_end and verb_end - m.end <= MAX_TARGET_GAP_BEFORE]
    return before[-1] if before else None


def _effective_date(ctx: ArticleContext, sentence: str) -> tuple[str, int] | None:
    """The date right after an effective-date cue, resolved towards the future, and where it starts."""
    for cue in EFFECTIVE_CUE.finditer(sentence):
        for found in find_dates(sentence[cue.end() : cue.end() + 40], ctx.published, ctx.lang, "future"):
            if found.start <= 4:
                value = resolve(found.text, ctx.published, ctx.lang, "future", "day")
                if value is not None:
                    return value, cue.end() + found.start
    return None


def extract_designations(ctx: ArticleContext) -> list[StatementEntity]:
    """Sanction entities (status "reported") for the designations an article announces or recalls."""
    open_designation: _Designation | None = None
    last_program: str | None = None
    last_authority: str | None = None
    found: dict[tuple[str, str], _Designation] = {}
    for index, (start, _end) in enumerate(ctx.sentences):
        sentence = ctx.sentence_text(index)
        program = _program(sentence)
        authority = _authority(sentence)
        verb = DESIGNATION_VERB.search(sentence)
        if verb is not None:
            target = _target(ctx, index, start + verb.end())
            program_here = program or last_program
            if target is not None and program_here is not None:
                key = (ctx.id_of(target), program_here)
                designation = found.get(key)
                if designation is None:
                    designation = _Designation(
                        target, program_here, authority or last_authority or DEFAULT_AUTHORITY[program_here]
                    )
                    found[key] = designation
                designation.sentences.append(index)
                _dates_from_sentence(ctx, designation, index, sentence)
                open_designation = designation
            elif open_designation is not None and program is None and DESIGNATION_WORD.search(sentence):
                _complete(ctx, open_designation, index, sentence, authority)
        elif open_designation is not None and EFFECTIVE_CUE.search(sentence):
            _complete(ctx, open_designation, index, sentence, authority)
        if program is not None:
            last_program = program
        if authority is not None:
            last_authority = authority
    return [_sanction(ctx, d) for d in found.values()]


def _complete(
    ctx: ArticleContext, designation: _Designation, index: int, sentence: str, authority: str | None
) -> None:
    effective = _effective_date(ctx, sentence)
    if effective is None:
        return
    designation.sentences.append(index)
    if designation.start_date is None:
        designation.start_date, designation.start_sentence = effective[0], index
    if (
        authority is not None
        and authority != designation.authority
        and designation.authority == DEFAULT_AUTHORITY.get(designation.program)
    ):
        designation.authority = authority


def _dates_from_sentence(ctx: ArticleContext, designation: _Designation, index: int, sentence: str) -> None:
    effective = _effective_date(ctx, sentence)
    if effective is not None and designation.start_date is None:
        designation.start_date, designation.start_sentence = effective[0], index
    effective_at = effective[1] if effective is not None else -1
    dates = [
        d
        for d in find_dates(sentence, ctx.published, ctx.lang, "past")
        if not d.start <= effective_at < d.end
    ]
    if dates and designation.listing_date is None:
        designation.listing_date = dates[0].value
        if PAST_VERB.search(sentence) and designation.start_date is None:
            designation.start_date, designation.start_sentence = dates[0].value, index


def _sanction(ctx: ArticleContext, designation: _Designation) -> StatementEntity:
    first = designation.sentences[0]
    entity_id = ctx.derived_id("sanction", ctx.id_of(designation.target), designation.program)
    sanction = ctx.new_entity("Sanction", entity_id, first)
    origin = ctx.origin(first)
    sanction.add("entity", ctx.id_of(designation.target), origin=origin)
    sanction.add("status", "reported", origin=origin)
    sanction.add("program", designation.program, origin=origin)
    sanction.add("authority", designation.authority, origin=origin)
    sanction.add("country", "us", origin=origin)
    listing = designation.listing_date or (ctx.published.isoformat() if ctx.published else None)
    if listing:
        sanction.add("listingDate", listing, origin=origin)
    for index in dict.fromkeys(designation.sentences):
        sentence_origin = ctx.origin(index)
        sanction.add("summary", ctx.sentence_text(index).strip(), origin=sentence_origin)
        if designation.start_date and index == designation.start_sentence:
            sanction.add("startDate", designation.start_date, origin=sentence_origin)
    return sanction
