"""Events: strikes, deployments, mobilisations, votes, talks, suspended cooperation, polls, designations.

A sentence is an event report when it contains a trigger from the lexicon below and something to
anchor it (a date, a named actor or place, or a figure). Types follow PLOVER (ASSAULT, MOBILIZE,
CONSULT, SANCTION, REJECT, ...) with a finer ``mode``; both go to the FtM Event's ``keywords``
("plover:ASSAULT", "mode:strike") and the mode names the event.

Only what the article reports as having happened is an event: a sentence whose modality
(``ArticleContext.modality``) is hypothetical (conditionals, speculation, questions, a "What to
watch" or "Escenarios" section) or future ("will meet on Tuesday", "designará") makes none. Future
sentences are announcements, which the designation extractor reads; an event is kept for what
happened, so that a timeline never shows an expectation as a fact.

An event's date is the sentence's own, resolved against the article's reference date (dateline,
else publication) and the verb's tense (``watchfloor.news.dates``); a period ("since September",
"between September and November") gives ``startDate``/``endDate``, never a ``date``. A sentence
with no date expression gives an event with no date and the keyword ``date:undated``: the
publication date is when the article knew it (the Article's ``publishedAt``), not when it happened.
Vague history ("in the years preceding the election", "durante décadas") is background, no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.news.context import ArticleContext, is_headline
from watchfloor.news.dates import DateMention, is_history
from watchfloor.news.gazetteer import by_alias
from watchfloor.news.mentions import name_key
from watchfloor.news.modality import CLAUSE_BREAK, Modality


@dataclass(frozen=True)
class EventRule:
    mode: str
    plover: str
    trigger: re.Pattern[str]
    requires: re.Pattern[str] | None = None  # a second word the sentence must contain


EVENT_RULES: tuple[EventRule, ...] = (
    EventRule(
        "strike",
        "ASSAULT",
        re.compile(
            r"\b(?:strikes?(?!\s+group)|struck|airstrikes?|bombard\w*|ataques?|atac(?:[óo]|aron)|bombarde\w*)\b",
            re.I,
        ),
    ),
    EventRule(
        "deployment",
        "MOBILIZE",
        re.compile(r"\b(?:deploy\w*|arrived|surged?|build-?up|despleg\w*|despliegue|lleg[óo])\b", re.I),
    ),
    EventRule(
        "mobilization",
        "MOBILIZE",
        re.compile(r"\b(?:mobili[sz]\w*|movilizaci[oó]n|moviliz\w*|on\s+alert|en\s+alerta)\b", re.I),
    ),
    EventRule(
        "vote",
        "REJECT",
        re.compile(r"\b(?:vot(?:e|ed|es|ing|ación|acion|aron|ó|o|os)|resolution|resoluci[oó]n)\b", re.I),
        re.compile(r"\b(?:vot\w*|reject\w*|rechaz\w*|passed|approved|aprob\w*)\b", re.I),
    ),
    EventRule(
        "talks",
        "CONSULT",
        re.compile(
            r"\b(?:talks?|discussions?|dialogue|negotiat\w*|face\s+to\s+face|diálogo|dialogo|negoci\w*|conversaciones)\b",
            re.I,
        ),
    ),
    EventRule(
        "suspend-cooperation",
        "SANCTION",
        re.compile(r"\b(?:suspend\w*|cease\w*|halt\w*|stop\w*|suspendi\w*|suspender\w*|suspensión)\b", re.I),
        re.compile(r"\b(?:intelligence|cooperation|sharing|inteligencia|cooperaci[oó]n)\b", re.I),
    ),
    EventRule(
        "poll",
        "OTHER",
        re.compile(r"\b(?:polls?|polling|survey|encuestas?|sondeos?)\b|\d\s?%\s+of\b|\d\s?%\s+de\b", re.I),
    ),
    EventRule(
        "designation",
        "SANCTION",
        # "designated terrorist groups", "Specially Designated Nationals": an adjective, no act
        re.compile(
            r"\b(?<!Specially\s)(?:designat(?!ed\b)\w*|designar\w*|design[óo]|designaci[oó]n|designated\b"
            r"(?!\s+(?:terrorist|foreign|global|narco|drug|cartels?|organi[sz]ations?|groups?|entities|nationals|"
            r"FTOs?)\b))",
            re.I,
        ),
        re.compile(r"terrorist|terrorista|\bFTO\b|\bSDGT\b", re.I),
    ),
)
UNDATED = "date:undated"
# "in one of the strikes", "over the boat strikes", "en los ataques": events told before, not the one
# reported here
ANAPHORIC = re.compile(
    r"\b(?:of|in|over|for|from|about|against|after|during|amid|with|by|on|since|de|del|en|por|sobre|"
    r"contra|tras|durante|con|desde|ante)\s+(?:the|these|those|such|its|their|his|her|los|las|estos|estas|"
    r"esos|esas|dichos|dichas|sus)\s+(?:[\w‑-]+\s+){0,2}$",
    re.I,
)
ANCHOR_NUMBER = re.compile(
    r"\d[\d,.]*\s*(?:%|percent|people|troops|soldiers|strikes?|votes?|personas|tropas|ataques|votos|killed|muertos)",
    re.I,
)
ACTORS = frozenset({"PERSON", "ORG"})
PLACES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class EventMatch:
    """One event an extractor found, before it becomes an FtM entity (quantities attach to it)."""

    sentence: int
    mode: str
    plover: str
    entity_id: str
    date: str | None  # the event's day, else the end of its period: what a figure is true as of


def detect_events(ctx: ArticleContext) -> list[tuple[EventMatch, StatementEntity]]:
    """Event entities per asserted sentence and mode, with the sentence's own date or period, place,
    actors and the sentence as summary."""
    results = []
    places = by_alias()
    for index, (start, _end) in enumerate(ctx.sentences):
        sentence = ctx.sentence_text(index)
        if is_headline(sentence) or ctx.is_title(index) or ctx.modality(index) != Modality.ASSERTED:
            continue
        rules = [
            (rule, hit)
            for rule in EVENT_RULES
            if (hit := rule.trigger.search(sentence)) is not None
            and (rule.requires is None or rule.requires.search(sentence))
        ]
        if not rules:
            continue
        dates = ctx.dates_in(index, "nearest")
        actors = ctx.mentions_in(index, ACTORS)
        where = ctx.mentions_in(index, PLACES)
        if not (dates or actors or where or ANCHOR_NUMBER.search(sentence)):
            continue
        if not dates and is_history(sentence):
            continue
        origin = ctx.origin(index)
        for rule, hit in rules:
            own = _dates_of(sentence, list(rule.trigger.finditer(sentence)), dates)
            day = next((d.value for d in own if d.point), None)
            period = next((d for d in own if not d.point), None)
            entity_id = ctx.derived_id("event", str(index), rule.mode)
            event = ctx.new_entity("Event", entity_id, index)
            label = f"{rule.mode}: {day}" if day else rule.mode
            event.add("name", label, origin=origin)
            event.add("keywords", [f"plover:{rule.plover}", f"mode:{rule.mode}"], origin=origin)
            event.add("summary", sentence.strip(), origin=origin)
            _add_dates(event, day, period, origin)
            for place in where:
                event.add("location", place.canonical or place.text, origin=origin)
                entry = places.get(name_key(place.canonical or place.text))
                country = entry.country if entry is not None else registry.country.clean(place.text)
                if country:
                    event.add("country", country, origin=origin, quiet=True)
            trigger_at = start + hit.start()
            organizer = [m for m in actors if m.end <= trigger_at]
            if organizer:
                event.add("organizer", ctx.id_of(organizer[-1]), origin=origin)
            for actor in actors:
                event.add("involved", ctx.id_of(actor), origin=origin)
            as_of = day or (period.until if period is not None else None)
            results.append((EventMatch(index, rule.mode, rule.plover, entity_id, as_of), event))
    return results


def _dates_of(sentence: str, hits: list[re.Match[str]], dates: list[DateMention]) -> list[DateMention]:
    """The dates of the event the triggers name: all the sentence's ("On Monday, US forces struck a
    boat"), but only their own clauses' when every trigger recalls earlier events from inside a
    prepositional phrase ("met the family of a fisherman killed in one of the strikes")."""
    recalled = [hit for hit in hits if _recalls(sentence, hit)]
    if len(recalled) < len(hits):
        return dates
    own = []
    for hit in recalled:
        start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, hit.start())), default=0)
        following = CLAUSE_BREAK.search(sentence, hit.end())
        end = following.start() if following is not None else len(sentence)
        own += [d for d in dates if start <= d.start and d.end <= end and d not in own]
    return own


def _recalls(sentence: str, hit: re.Match[str]) -> bool:
    """A noun trigger after a preposition and a definite determiner: "in the boat strikes", "de los
    ataques"; a verb ("voted", "atacó") always reports."""
    if re.search(r"(?:ed|ó|aron|ieron)$", hit.group(0), re.I):
        return False
    return ANAPHORIC.search(sentence[: hit.start()]) is not None


def _add_dates(event: StatementEntity, day: str | None, period: DateMention | None, origin: str) -> None:
    """The sentence's day as ``date``, its period as ``startDate``/``endDate``; neither: undated."""
    if day:
        event.add("date", day, origin=origin)
    if period is not None:
        event.add("startDate", period.value, origin=origin)
        if period.until:
            event.add("endDate", period.until, origin=origin)
    if not day and period is None:
        event.add("keywords", UNDATED, origin=origin)
