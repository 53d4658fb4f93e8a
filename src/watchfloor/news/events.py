"""Events: strikes, deployments, mobilisations, votes, talks, suspended cooperation, polls, designations.

A sentence is an event report when it contains a trigger from the lexicon below and something to
anchor it (a date, a named actor or place, or a figure). Types follow PLOVER (ASSAULT, MOBILIZE,
CONSULT, SANCTION, REJECT, ...) with a finer ``mode``; both go to the FtM Event's ``keywords``
("plover:ASSAULT", "mode:strike") and the mode names the event. Sentences that speculate
("would", "could", "if", "scenario") without a date are analysis, not events, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.news.context import ArticleContext, is_headline
from watchfloor.news.dates import find_dates
from watchfloor.news.gazetteer import by_alias
from watchfloor.news.mentions import name_key


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
            r"\b(?:strikes?(?!\s+group)|struck|airstrikes?|bombard\w*|ataques?|atac[óo]|bombarde\w*)\b", re.I
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
        re.compile(r"\b(?:designat\w*|designar\w*|design[óo]|designaci[oó]n)\b", re.I),
        re.compile(r"terrorist|terrorista|\bFTO\b|\bSDGT\b", re.I),
    ),
)
SPECULATION = re.compile(
    r"\b(?:would|could|might|may|should|if|whether|scenario|risk|podr[íi]a|podr[íi]an|si|escenario)\b", re.I
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
    date: str | None


def detect_events(ctx: ArticleContext) -> list[tuple[EventMatch, StatementEntity]]:
    """Event entities per sentence and mode, with date, place, actors and the sentence as summary."""
    results = []
    places = by_alias()
    for index, (start, _end) in enumerate(ctx.sentences):
        sentence = ctx.sentence_text(index)
        if is_headline(sentence) or ctx.is_title(index):
            continue
        rules = [
            (rule, hit)
            for rule in EVENT_RULES
            if (hit := rule.trigger.search(sentence)) is not None
            and (rule.requires is None or rule.requires.search(sentence))
        ]
        if not rules:
            continue
        dates = find_dates(sentence, ctx.published, ctx.lang, "past")
        actors = ctx.mentions_in(index, ACTORS)
        where = ctx.mentions_in(index, PLACES)
        if not (dates or actors or where or ANCHOR_NUMBER.search(sentence)):
            continue
        if not dates and SPECULATION.search(sentence):
            continue
        day = next((d.value for d in dates if not d.since), None)
        since = next((d.value for d in dates if d.since), None)
        origin = ctx.origin(index)
        for rule, hit in rules:
            entity_id = ctx.derived_id("event", str(index), rule.mode)
            event = ctx.new_entity("Event", entity_id, index)
            label = f"{rule.mode}: {day}" if day else rule.mode
            event.add("name", label, origin=origin)
            event.add("keywords", [f"plover:{rule.plover}", f"mode:{rule.mode}"], origin=origin)
            event.add("summary", sentence.strip(), origin=origin)
            if day:
                event.add("date", day, origin=origin)
            if since:
                event.add("startDate", since, origin=origin)
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
            results.append((EventMatch(index, rule.mode, rule.plover, entity_id, day), event))
    return results
