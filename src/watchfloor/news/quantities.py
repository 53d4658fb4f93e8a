"""Quantities with their qualifiers: "at least 83 people killed", "roughly 200,000 troops", "29%".

A figure is kept only when its measure is recognisable (killed, strikes, troops, vessels, votes,
percent...): statute numbers, footnotes and years are not claims. The qualifier ("at least",
"nearly", "más de") becomes the interval the wording supports, and measure/topic are normalised
so that the same figure from two articles groups together in the crisis view ("killed" about
"boat strikes").
"""

from __future__ import annotations

import hashlib
import re

from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.news.context import ArticleContext
from watchfloor.news.dates import find_dates
from watchfloor.news.events import EventMatch

QUALIFIERS: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "more than": Qualifier.AT_LEAST,
    "over": Qualifier.AT_LEAST,
    "upwards of": Qualifier.AT_LEAST,
    "al menos": Qualifier.AT_LEAST,
    "por lo menos": Qualifier.AT_LEAST,
    "más de": Qualifier.AT_LEAST,
    "mas de": Qualifier.AT_LEAST,
    "nearly": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "cerca de": Qualifier.ABOUT,
    "casi": Qualifier.ABOUT,
    "unos": Qualifier.ABOUT,
    "unas": Qualifier.ABOUT,
    "alrededor de": Qualifier.ABOUT,
    "aproximadamente": Qualifier.ABOUT,
    "up to": Qualifier.AT_MOST,
    "fewer than": Qualifier.AT_MOST,
    "less than": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST,
    "hasta": Qualifier.AT_MOST,
    "menos de": Qualifier.AT_MOST,
    "only": Qualifier.EXACT,
    "solo": Qualifier.EXACT,
    "sólo": Qualifier.EXACT,
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
FIGURE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+(?:the\s+|el\s+|la\s+)?)?"
    r"(?P<num>\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:\s*[–-]\s*(?P<num2>\d+(?:[,.]\d{3})*))?"
    r"(?P<ord>st|nd|rd|th|º|ª|\.º)?(?P<plus>[‑-]plus|\+)?"
    r"(?P<pct>\s?%|\s+percent\b|\s+por\s+ciento\b)?",
    re.I,
)
# unit word right after the number -> measure
UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s*(?:people\s+)?(?:dead|deaths|killed|muertos|fallecidos|muertes)\b", re.I), "killed"),
    (re.compile(r"^\s*(?:people|persons|personas|civilians|civiles)\b", re.I), "people"),
    (
        re.compile(
            r"^\s*(?:\w+\s+)?(?:troops|soldiers|sailors|marines|service\s*members|personnel|tropas|soldados|marineros|efectivos|militares)\b",
            re.I,
        ),
        "troops",
    ),
    (re.compile(r"^\s*(?:\w+\s+){0,2}(?:strikes?|attacks?|ataques?|bombardeos?)\b", re.I), "strikes"),
    (
        re.compile(r"^\s*(?:\w+\s+){0,2}(?:boats?|vessels?|lanchas?|embarcaciones?|barcos?)\b", re.I),
        "vessels",
    ),
    (re.compile(r"^\s*(?:votes?|votos?)\b", re.I), "votes"),
)
KILL_CUE = re.compile(r"\b(?:kill\w*|dead|deaths?|died|mat\w*|muert\w*|murieron|fallecid\w*)\b", re.I)
SUPPORT_CUE = re.compile(
    r"^[^;.]{0,60}?\b(?:support\w*|favou?r\w*|approv\w*|apoy\w*|respald\w*|a\s+favor)\b", re.I
)
OPPOSE_CUE = re.compile(
    r"^[^;.]{0,40}?\b(?:oppos\w*|against|disapprov\w*|rechaz\w*|en\s+contra|se\s+oponen)\b", re.I
)
VOTE_SCORE = re.compile(
    r"\b(?P<a>\d{1,3})\s*[–-]\s*(?P<b>\d{1,3})\s+(?:vote|votación|votacion)\b|\bpor\s+(?P<c>\d{1,3})\s+votos\s+(?:contra|a)\s+(?P<d>\d{1,3})\b",
    re.I,
)
TOPICS: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    # topic -> (words the sentence must contain, and one more it must contain too)
    "boat strikes": (
        re.compile(r"strike|struck|attack|ataque|atac|bombarde|kill|mat[óoa]|muert", re.I),
        re.compile(
            r"boat|vessel|maritime|waters|drug|narco|lancha|embarcaci|barco|Caribbean|Pacific|Caribe|Pacífico",
            re.I,
        ),
    ),
    "strikes": (re.compile(r"strike|struck|attack|ataque|bombarde", re.I), None),
    "war powers vote": (re.compile(r"war\s+powers|poderes\s+de\s+guerra", re.I), None),
    "vote": (re.compile(r"\bvot|resolution|resoluci", re.I), None),
    "public opinion": (re.compile(r"poll|survey|encuesta|sondeo|%|percent|por\s+ciento", re.I), None),
    "military deployment": (
        re.compile(r"deploy|despleg|despliegue|buildup|carrier|portaaviones|arrived|sailors", re.I),
        None,
    ),
    "military mobilization": (
        re.compile(r"troops|soldiers|tropas|soldados|efectivos|mobili|moviliz|alert", re.I),
        None,
    ),
}
# which topics a measure may belong to, most specific first: a vote count in a sentence that also
# mentions strikes is about the vote
TOPICS_FOR_MEASURE: dict[str, tuple[str, ...]] = {
    "killed": ("boat strikes", "strikes"),
    "people": ("boat strikes", "strikes"),
    "strikes": ("boat strikes", "strikes"),
    "vessels": ("boat strikes", "strikes"),
    "troops": ("military deployment", "military mobilization"),
    "votes_for": ("war powers vote", "vote"),
    "votes_against": ("war powers vote", "vote"),
    "votes": ("war powers vote", "vote"),
    "percent_support": ("public opinion",),
    "percent_oppose": ("public opinion",),
    "percent": ("public opinion",),
}
EVENT_FOR_MEASURE = {
    "killed": ("strike",),
    "people": ("strike",),
    "strikes": ("strike",),
    "vessels": ("strike",),
    "troops": ("mobilization", "deployment"),
    "votes_for": ("vote",),
    "votes_against": ("vote",),
    "votes": ("vote",),
    "percent_support": ("poll",),
    "percent_oppose": ("poll",),
    "percent": ("poll",),
}


_DIGIT = re.compile(r"\d")


def _number(text: str, lang: str) -> float:
    """'4,000' -> 4000; '200.000' (Spanish) -> 200000; '2.5' -> 2.5; '2,5' (Spanish) -> 2.5."""
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", text):
        return float(re.sub(r"[,.]", "", text))
    if lang == "es":
        text = text.replace(",", ".")
    return float(text.replace(",", ""))


def topic_of(sentence: str, measure: str) -> str:
    """The normalised topic of a figure: the first of its measure's topics the sentence supports."""
    candidates = TOPICS_FOR_MEASURE.get(measure, tuple(TOPICS))
    for topic in candidates:
        words, also = TOPICS[topic]
        if words.search(sentence) and (also is None or also.search(sentence)):
            return topic
    return candidates[-1] if candidates else "other"


def _interval(
    value: float, qualifier: Qualifier, word: str | None, high: float | None
) -> tuple[float | None, float | None]:
    if high is not None:
        return (value, None) if qualifier is Qualifier.AT_LEAST else (value, high)
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    if qualifier is Qualifier.AT_MOST:
        return None, value
    if word in ("nearly", "almost", "casi"):
        return round(value * 0.9, 2), value
    return round(value * 0.9, 2), round(value * 1.1, 2)


def _measure(sentence: str, match: re.Match[str]) -> tuple[str, int] | None:
    """The measure a figure counts and where its unit word ends, or None for an unknown unit."""
    if match.group("pct"):
        after = sentence[match.end() :]
        of_whom = re.match(r"\s+(?:of|de)\s+[\w‑-]+", after)
        unit_end = match.end() + (of_whom.end() if of_whom else 0)
        if OPPOSE_CUE.search(after):
            return "percent_oppose", unit_end
        if SUPPORT_CUE.search(after):
            return "percent_support", unit_end
        return "percent", unit_end
    after = sentence[match.end() : match.end() + 60]
    for pattern, measure in UNITS:
        unit = pattern.search(after)
        if unit:
            unit_end = match.end() + unit.end()
            if measure == "people" and KILL_CUE.search(
                sentence[max(0, match.start() - 40) : match.end() + 40]
            ):
                return "killed", unit_end
            return measure, unit_end
    return None


def extract_quantities(ctx: ArticleContext, events: list[EventMatch]) -> list[QuantityClaim]:
    """Claims for every recognisable figure, tied to the event of the same sentence when there is one."""
    claims: list[QuantityClaim] = []
    published = ctx.published.isoformat() if ctx.published else ""
    events_by_sentence: dict[int, list[EventMatch]] = {}
    for event in events:
        events_by_sentence.setdefault(event.sentence, []).append(event)
    for index, (start, end) in enumerate(ctx.sentences):
        sentence = ctx.sentence_text(index)
        if _DIGIT.search(sentence) is None:
            continue
        date_spans = [(d.start, d.end) for d in find_dates(sentence, ctx.published, ctx.lang, "past")]
        figures = []
        for score in VOTE_SCORE.finditer(sentence):
            a = score.group("a") or score.group("c")
            b = score.group("b") or score.group("d")
            figures.append((score, "votes_for", float(a), Qualifier.EXACT, None, None, score.end()))
            figures.append((score, "votes_against", float(b), Qualifier.EXACT, None, None, score.end()))
        vote_spans = [(f[0].start(), f[0].end()) for f in figures]
        for match in FIGURE.finditer(sentence):
            num_start = match.start("num")
            if any(s <= num_start < e for s, e in date_spans + vote_spans):
                continue
            if sentence[max(0, num_start - 1) : num_start] in ("[", "§", "$", "#") or sentence[
                match.end() : match.end() + 5
            ].strip().startswith(("U.S.C", "]")):
                continue
            found = _measure(sentence, match)
            if found is None:
                continue
            measure, unit_end = found
            value = _number(match.group("num"), ctx.lang)
            high = _number(match.group("num2"), ctx.lang) if match.group("num2") else None
            word = (match.group("qual") or "").lower() or None
            qualifier = QUALIFIERS.get(word, Qualifier.EXACT) if word else Qualifier.EXACT
            if match.group("plus"):
                qualifier = Qualifier.AT_LEAST
            if high is not None and word is None:
                qualifier = Qualifier.ABOUT
            figures.append((match, measure, value, qualifier, word, high, unit_end))
        for match, measure, value, qualifier, word, high, unit_end in figures:
            low, upper = _interval(value, qualifier, word, high)
            text = sentence[match.start() : unit_end].strip(" ,;:")
            event = _event_for(events_by_sentence.get(index, []), measure)
            claim_id = hashlib.sha1(
                f"{ctx.article_id}|{start + match.start()}|{measure}|{value}".encode()
            ).hexdigest()[:16]
            claims.append(
                QuantityClaim(
                    claim_id=f"claim-{claim_id}",
                    article_id=ctx.article_id,
                    event_id=event.entity_id if event else None,
                    measure=measure,
                    topic=topic_of(sentence, measure),
                    value=value,
                    qualifier=qualifier,
                    low=low,
                    high=upper,
                    text=text,
                    sentence=sentence.strip(),
                    span_start=start,
                    span_end=end,
                    published=published,
                    as_of=event.date if event else None,
                )
            )
    return claims


def _event_for(events: list[EventMatch], measure: str) -> EventMatch | None:
    wanted = EVENT_FOR_MEASURE.get(measure, ())
    for event in events:
        if event.mode in wanted:
            return event
    return events[0] if events else None
