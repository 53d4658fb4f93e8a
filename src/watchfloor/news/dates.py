"""Dates in reporting, resolved as a temporal tagger (HeidelTime, SUTime) resolves them.

Articles say "on Tuesday", "Nov. 16", "last week", "el lunes", "since September", "del 2 al 5 de
diciembre". A regex finds the expression (cheap, precise spans); the value is computed here rather
than by dateparser, whose defaults are wrong for news: a weekday equal to the reference's weekday
went a week back, and "24 de noviembre" in a November article went to the previous year.

* The reference date is the dateline's ("BOGOTA, Nov 12 (Reuters) -") when the article has one,
  else the publication date (``reference_date``); a dateline's own date is not a sentence's date.
* Tense picks the direction: the verb nearest the expression ("announced Friday" is past,
  "will meet on Tuesday" future, read with ``watchfloor.news.modality``), else the caller's
  ``prefer`` ("past", "future" or "nearest"). Past weekdays include the reference day itself;
  future ones start the day after; "nearest" takes the closer of the two.
* A day or month without a year takes the year that puts it closest to the reference, unless the
  tense points the other way and that reading is within eleven months.
* "since September" starts an open period (``since``); "between September and November", "from 2
  to 5 December", "last week" are periods with an ``until``; none is the day of an event.
* A month alone is an FtM year-month prefix ("2025-07"), a year alone a year, never an invented
  first of the month.

``signed_date`` and ``effective_on_publication`` read official notices ("Dated: November 16, 2025.",
"effective upon publication").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from watchfloor.news.mentions import name_key
from watchfloor.news.modality import CLAUSE_BREAK, tense_markers

EN_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
EN_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
ES_DAYS = "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
CALENDAR_KEYS = frozenset(name_key(w) for w in f"{EN_MONTHS}|{ES_MONTHS}|{EN_DAYS}|{ES_DAYS}".split("|"))
"""Every month and weekday name, abbreviations included, in ``name_key`` form: a word that is one
names a day, not a party ("Julio"), nor a person beside an age ("Monday (15)")."""

_MONTH_NUMBER = {
    **{m: i for i, m in enumerate(EN_MONTHS.lower().split("|")[:12], start=1)},
    **{m: i for i, m in enumerate(ES_MONTHS.split("|")[:9], start=1)},
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9},
    **{"oct": 10, "nov": 11, "dec": 12, "ene": 1, "abr": 4, "may": 5, "ago": 8, "dic": 12},
}
_WEEKDAY_NUMBER = {d.lower(): i for i, d in enumerate(EN_DAYS.split("|"))} | {
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}

# English month names are capitalised; "may" and "march" in lower case are a verb, not a month.
_EN_MONTH = (
    r"(?:(?i:January|February|April|June|July|August|September|October|November|December)|May|MAY|March|MARCH|"
    r"(?i:Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|Mar\.?|MAR\.?)(?![^\W\d_])"
)
_ES_MONTH = rf"(?i:{ES_MONTHS})(?![^\W\d_])"
_ES_MONTH_ABBR = (
    r"(?i:ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)(?![^\W\d_])\.?"  # only after a day number
)
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th|º|°)?"
_THIS_OR_LAST_YEAR = (  # "February 20 this year", "el 20 de febrero de este año / del año pasado"
    r"(?:,?\s+(?:of\s+)?(?i:this|last)\s+year\b|\s+(?i:de)\s+(?i:este)\s+(?i:año)\b|"
    r"\s+(?i:del)\s+(?i:año\s+pasado|pasado\s+año)\b)"
)
_MONTH_DAY = rf"{_EN_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}|{_THIS_OR_LAST_YEAR})?"
_DAY_MONTH = (
    rf"{_DAY}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+{_YEAR}|{_THIS_OR_LAST_YEAR})?|"
    rf"\d{{1,2}}\s+(?i:de)\s+{_ES_MONTH}(?:\s+(?i:del?)\s+{_YEAR}|{_THIS_OR_LAST_YEAR})?|"
    rf"\d{{1,2}}\s+{_ES_MONTH_ABBR}(?:\s+{_YEAR})?"
)
_MONTH_YEAR = rf"{_EN_MONTH}(?:\s+of)?,?\s+{_YEAR}|{_ES_MONTH}\s+(?i:del?\s+)?{_YEAR}"
_ANY_DAY = rf"(?:{_MONTH_DAY}|{_DAY_MONTH})"
# a bare day may carry its ordinal suffix ("between January 9th and 13th")
_PART = rf"(?:{_ANY_DAY}|{_MONTH_YEAR}|{_EN_MONTH}|{_ES_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?\b)"
_INTERVAL = (  # "between A and B", "from A to B", "entre A y B", "desde/del A al/hasta B"
    rf"(?i:\b(?:between\s+(?P<a1>{_PART})\s+and|from\s+(?P<a2>{_PART})\s+(?:to|through|until|till)|"
    rf"entre\s+(?:el\s+)?(?P<a3>{_PART})\s+y|(?:desde\s+el|del?)\s+(?P<a4>{_PART})\s+(?:al?|hasta(?:\s+el)?)))"
    rf"\s+(?:(?i:el)\s+)?(?P<b>{_PART})"
)
# "Sept. 5-8", "Nov. 14 to 16, 2025": a span of days in one month, as English polls date their fieldwork
_DAY_SPAN = (
    rf"\b(?P<a5>{_EN_MONTH}\s+\d{{1,2}})\s*(?:[-–]\s*|\s+(?:to|through)\s+)(?P<b5>\d{{1,2}}(?:,?\s+{_YEAR})?)\b"
    r"(?![-–/:.,]?\d)"
)
# "el 14 y 16 de octubre", "October 14 and 16", "14 and 16 October": one month, several days
_DAYS = (
    rf"(?:\b\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s+(?i:y|and|e)\s+(?i:el\s+)?(?:{_DAY_MONTH})|"
    rf"\b{_EN_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{1,2}})*,?\s+and\s+\d{{1,2}}\b(?:,?\s+{_YEAR})?)"
)
_MONTH_LEAD = (
    r"(?i:\b(?:in|since|early|late|mid-?|by|until|through|during|en|desde|de|hasta|durante|"
    r"a\s+(?:principios|finales|mediados)\s+de)\s+)"
)
# a day named right before "más temprano" (lookbehinds need one width each, hence one per day)
_DAY_BEFORE = ")(?<!".join(
    rf"{day}\s"
    for day in ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "hoy", "ayer")
)
_PATTERNS: list[tuple[str, str]] = [
    # (kind, regex): the kind says what the expression holds; the first that matches at a place wins
    ("interval", _INTERVAL),
    ("interval", _DAY_SPAN),
    ("days", _DAYS),
    ("day", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("day", rf"\b{_MONTH_DAY}"),
    ("day", rf"\b(?:{_DAY_MONTH})\b"),
    ("month", rf"\b(?:{_MONTH_YEAR})\b"),
    # the lead's month takes its year when one follows ("in April 2015", "en abril de 2015"), and
    # leaves a day that follows to the day patterns ("since October 3")
    ("month", rf"{_MONTH_LEAD}(?:{_MONTH_YEAR}|{_EN_MONTH}(?!\.?\s+\d{{1,2}}\b)|{_ES_MONTH})(?![\w-])"),
    (
        "year",
        rf"(?i:\b(?:in|since|during|en|desde|durante)\s+)(?:{_YEAR})\b(?!\s*(?:%|percent|por\s+ciento))",
    ),
    ("weekday", rf"\b(?i:(?:on|last|this|next|past|coming)\s+)?(?:{EN_DAYS})\b"),
    (
        "weekday",
        rf"(?i:\b(?:(?:el|este|esta|el\s+pasado|el\s+pr[óo]ximo|este\s+pr[óo]ximo)\s+)?(?:{ES_DAYS})"
        r"(?:\s+(?:pasado|pr[óo]ximo))?)\b",
    ),
    ("relative", r"(?i:\b(?:yesterday|today|tomorrow|tonight|ayer|hoy|anteayer|antier)\b)"),
    # earlier on the day of writing: "anunció más temprano" (not "más temprano que tarde", nor beside
    # the day it is earlier on: "más temprano el jueves", "el jueves más temprano")
    (
        "relative",
        rf"(?i:\b(?<!{_DAY_BEFORE})(?:m[áa]s\s+temprano(?!,?\s+(?:que|de\s+lo|el|este|esta|hoy|ayer)\b)|"
        r"earlier\s+in\s+the\s+day)\b)",
    ),
    ("relative", r"(?i:\b(?<!esta\s)(?<!la\s)(?<!por\sla\s)(?<!de\sla\s)mañana\b(?!\s+(?:de|del|por)\b))"),
    ("relative", r"(?i:\b(?:last|this|next|past)\s+(?:week|month|year)\b)"),
    (
        "relative",
        r"(?i:\b(?:(?:la|esta)\s+semana(?:\s+pasada|\s+pr[óo]xima)?|la\s+pr[óo]xima\s+semana|"
        r"(?:el|este)\s+(?:mes|año)(?:\s+pasado|\s+pr[óo]ximo)?|el\s+pr[óo]ximo\s+(?:mes|año))\b)",
    ),
]
DATE_EXPRESSION = re.compile("|".join(f"(?P<{kind}{i}>{rx})" for i, (kind, rx) in enumerate(_PATTERNS)))
_SINCE = re.compile(
    r"(?i:\b(?:since|desde)\s+(?:(?:early|late|mid-?)\s+|(?:el|la|los)\s+|"
    r"(?:principios|finales|mediados|comienzos)\s+(?:de\s+)?)?)$"
)
# a capitalised Spanish weekday after a capitalised word is part of a name, not a day: "Santo
# Domingo", "Plácido Domingo" (a day is written in lower case in running text)
_NAMED_WEEKDAY = re.compile(
    r"\b(?!(?:El|Este|Esta|Ese|Del|Al|Cada|Desde|Hasta|Pasado|Próximo|Último|Hoy|Ayer)\s)[A-ZÁÉÍÓÚÑ]\w*\s+(?:"
    + "|".join(day.capitalize() for day in ES_DAYS.split("|"))
    + r")$"
)
# a date of birth ("DOB 19 Apr 1960", "born on 3 May 1971", "nacido el 3 de mayo de 1971"): a fact
# about a person, never the date of anything the article reports
_BORN_BEFORE = re.compile(
    r"(?i:\b(?:DOB|D\.O\.B\.|born|date\s+of\s+birth|fecha\s+de\s+nacimiento|nacid[oa]s?)"
    r"\s*:?\s*(?:on\s+|in\s+|el\s+|en\s+)?)$"
)
_NUMBERS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")

# "BOGOTA, Nov 12 (Reuters) -", "CARACAS, 3 nov (EFE).-", "WASHINGTON, Nov. 12 (AP) —"
_DATELINE = re.compile(
    # a release may put its date in parentheses after the place: "WASHINGTON, D.C. (Dec. 15, 2025) –"
    rf"^\s*(?P<place>[A-ZÁÉÍÓÚÑ][\w.'’ -]{{1,40}}?(?:,\s*[\w. \[\]]{{2,30}}?)?(?:,\s*|\s+(?=\()))?"
    rf"(?P<open>\()?(?P<date>{_ANY_DAY})(?(open)\))\s*"
    r"(?P<agency>\([A-Za-z. /]{2,24}\))?\s*(?:\.?\s*[-–—]+|:)\s",
    re.MULTILINE,
)
# a line that is only a full date: a release's own date under its title or byline
_DATE_LINE = re.compile(rf"[ \t]*(?P<date>{_ANY_DAY},?\s+(?:de\s+)?\d{{4}})[ \t]*\.?[ \t]*$", re.MULTILINE)
SIGNED = re.compile(
    r"(?i:^\s*(?:dated|date|signed|fecha(?:do)?|firmado)\s*:\s*|"
    r"\bdad[oa]\s+en\s+[^\W\d_][\w .]{1,40},\s*(?:a|el)\s+(?:los\s+)?)",
    re.MULTILINE,
)
ON_PUBLICATION = re.compile(
    r"(?i:\b(?:effective|takes?\s+effect|took\s+effect|goes\s+into\s+effect|go\s+into\s+effect|"
    r"(?:is|are|shall\s+be|will\s+be)\s+effective)\s+(?:immediately\s+)?(?:up)?on\s+(?:its\s+|the\s+date\s+of\s+|the\s+)?"
    r"publication|"
    r"\b(?:entra|entrar[áa]n?|entran|entr[óo])\s+en\s+vigor\s+(?:a\s+partir\s+de(?:l\s+d[íi]a\s+de)?\s+|desde\s+|con\s+)?"
    r"(?:su|la)\s+publicaci[oó]n|\b(?:vigente\s+)?(?:a\s+partir\s+de|desde)\s+su\s+publicaci[oó]n)"
)
# "in the years preceding the election", "for decades", "en los últimos años": history, no event
HISTORY = re.compile(
    r"(?i:\b(?:in|over|during|for|throughout)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|preceding\s+|"
    r"recent\s+|following\s+|ensuing\s+|many\s+|several\s+)?(?:years|decades|centuries)\b|"
    r"\bhistorically\b|\bin\s+the\s+(?:past|1[89]\d0s|20[0-2]0s)\b|"
    r"\b(?:en|durante)\s+(?:los\s+)?(?:últimos|ultimos|pasados|anteriores|siguientes)?\s*(?:años|décadas|"
    r"decadas|siglos)\b|\bhist[óo]ricamente\b)"
)


# a calendar day said with "pasado" or "próximo" before it lies that way, whatever the verb's tense
_LEAD_TENSE = re.compile(r"(?i:\b(?:(pasado)|pr[óo]ximo)\s+$)")


def dateline(text: str, pos: int = 0) -> re.Match[str] | None:
    """A dateline at ``pos``: a place or an agency around a date ("BOGOTA, Nov 12 (Reuters) -"); a
    bare "Sept. 2: ..." is a chronology entry, not a dateline."""
    match = _DATELINE.match(text, pos)
    return match if match is not None and (match.group("place") or match.group("agency")) else None


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text, resolved: ``value`` is an FtM date or prefix ("2025-11-24", "2025-07").

    ``since`` marks a period, not the day of an event: ``value`` is its start and ``until`` its end
    when the text bounds it ("between September and November", "last week"); "since September"
    leaves ``until`` empty."""

    text: str
    start: int
    end: int
    value: str
    since: bool
    until: str | None = None

    @property
    def point(self) -> bool:
        """A day, month or year something happened on, not a period."""
        return not self.since and self.until is None


def find_dates(text: str, base: date | None, lang: str = "en", prefer: str = "past") -> list[DateMention]:
    """Every date expression in ``text`` that resolves against ``base`` (relative ones need a base).

    ``prefer`` ("past", "future" or "nearest") is the tense to assume where the text shows none."""
    return list(_find_dates_cached(text, base, lang, prefer))


@lru_cache(maxsize=8192)
def _find_dates_cached(text: str, base: date | None, lang: str, prefer: str) -> tuple[DateMention, ...]:
    """Several extractors read the same sentence's dates: find them once."""
    found = []
    for match in _date_expressions(text):
        kind = _kind(match)
        expression = match.group(0)
        if base is None and not re.search(r"\d{4}", expression):
            continue  # "Nov. 16" or "on Tuesday" with no reference date: unknowable, not today
        since = kind != "interval" and (
            bool(_SINCE.search(text[max(0, match.start() - 30) : match.start()]))
            or expression.lower().startswith(("since", "desde"))
        )
        tense = "past" if since else (_tense_at(text, match.start(), match.end()) or prefer)
        lead = _LEAD_TENSE.search(text, max(0, match.start() - 12), match.start())
        if lead is not None and kind in ("day", "month"):
            tense = "past" if lead.group(1) else "future"  # "el pasado 3 de marzo", "el próximo 3 de marzo"
        if kind == "days":
            found += _each_day(match, base, lang, tense)
            continue
        if kind == "interval":
            interval = _interval(match, base, tense)
            if interval is not None:
                found.append(
                    DateMention(expression, match.start(), match.end(), interval[0], True, interval[1])
                )
            continue
        value = _resolve_cached(expression.strip(), base, lang, tense, kind)
        if value is None:
            continue
        until = None
        if isinstance(value, tuple):
            value, until = value
        found.append(
            DateMention(expression, match.start(), match.end(), value, since or until is not None, until)
        )
    return tuple(found)


@lru_cache(maxsize=4096)
def _date_expressions(text: str) -> tuple[re.Match[str], ...]:
    """The date expressions of a sentence, but its dateline's, dates of birth and a weekday that
    names the date after it ("on Saturday, October 7", "el sábado 7 de octubre": one day, which the
    date gives): the scan, which costs more than resolving what it finds, once per sentence for
    every tense and reference it is read with."""
    opening = dateline(text)
    skip_until = opening.end("date") if opening is not None else -1
    # the dateline's date is the article's reference, not this sentence's
    found = [
        match
        for match in DATE_EXPRESSION.finditer(text)
        if match.start() >= skip_until
        and not _in_name(text, match)
        and not _BORN_BEFORE.search(text, max(0, match.start() - 30), match.start())
    ]
    return tuple(
        match
        for index, match in enumerate(found)
        if not (
            _kind(match) == "weekday"
            and index + 1 < len(found)
            and _names_the_day(text, match, found[index + 1])
        )
    )


def _kind(match: re.Match[str]) -> str:
    return (match.lastgroup or "day").rstrip("0123456789")


def _names_the_day(text: str, weekday: re.Match[str], following: re.Match[str]) -> bool:
    return _kind(following) == "day" and not text[weekday.end() : following.start()].strip(" ,")


def _in_name(text: str, match: re.Match[str]) -> bool:
    """A weekday that is the end of a name ("Santo Domingo"), not a day."""
    if not (match.lastgroup or "").startswith("weekday"):
        return False
    return _NAMED_WEEKDAY.search(text, max(0, match.start() - 30), match.end()) is not None


def _each_day(match: re.Match[str], base: date | None, lang: str, tense: str) -> list[DateMention]:
    """ "el 14 y 16 de octubre": one point per day, each spanning its own number (the last one the
    rest of the expression), resolved with the month and year written once."""
    expression = match.group(0)
    numbers = [m for m in re.finditer(r"\b\d{1,2}\b(?!\d)", expression) if not _is_year_part(expression, m)]
    month_text = re.sub(r"[\d,]|\b(?i:y|and|e|el|de|del|of|st|nd|rd|th)\b", " ", expression)
    year = _year_in(expression, base)
    out = []
    for position, number in enumerate(numbers):
        day_text = f"{month_text.strip()} {number.group(0)}" + (f", {year}" if year else "")
        value = _resolve_cached(" ".join(day_text.split()), base, lang, tense, "day")
        if not isinstance(value, str):
            continue
        start = match.start() + number.start()
        end = match.end() if position == len(numbers) - 1 else match.start() + number.end()
        out.append(DateMention(expression[number.start() : end - match.start()], start, end, value, False))
    return out


def _is_year_part(expression: str, number: re.Match[str]) -> bool:
    return bool(re.match(r"\d", expression[number.end() : number.end() + 1])) or (
        number.start() > 0 and expression[number.start() - 1].isdigit()
    )


def _tense_at(text: str, start: int, end: int) -> str | None:
    """ "past" or "future" from the tense marker nearest the expression: in its clause, else in the
    whole text; None when the text has none."""
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    following = CLAUSE_BREAK.search(text, end)
    clause_end = following.start() if following is not None else len(text)
    for lo, hi in ((clause_start, clause_end), (0, len(text))):
        markers = [(at, tense) for at, tense in tense_markers(text[lo:hi]) if not start <= lo + at < end]
        if markers:
            return min(markers, key=lambda m: abs(lo + m[0] - start))[1]
    return None


def resolve(
    expression: str, base: date | None, lang: str, prefer: str = "past", kind: str = "day"
) -> str | None:
    """One expression to an FtM date string (a period to its start); None if it cannot be resolved."""
    value = _resolve_cached(expression.strip(), base, lang, prefer, _kind_of(expression, kind))
    return value[0] if isinstance(value, tuple) else value


def _kind_of(expression: str, kind: str) -> str:
    match = DATE_EXPRESSION.fullmatch(expression.strip())
    return (match.lastgroup or kind).rstrip("0123456789") if match is not None else kind


@lru_cache(maxsize=4096)
def _resolve_cached(
    expression: str, base: date | None, lang: str, tense: str, kind: str
) -> str | tuple[str, str] | None:
    lowered = expression.lower()
    if kind == "weekday":
        return _weekday(lowered, base, tense)
    if kind == "relative":
        return _relative(lowered, base)
    if kind == "year":
        years = re.findall(_YEAR, expression)
        return years[0] if years else None
    month = _month_in(lowered)
    if kind == "day" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expression):
        return _iso(expression)
    if month is None:
        return None
    year = _year_in(expression, base)
    if kind == "month":
        if year is None:
            if base is None:
                return None
            year = _closest_year(base, month, None, tense)
        return f"{year:04d}-{month:02d}"
    day = _day_in(expression)
    if day is None:
        return None
    if year is None:
        if base is None:
            return None
        year = _closest_year(base, month, day, tense)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _month_in(lowered: str) -> int | None:
    for word in _WORD.findall(lowered):
        if word in _MONTH_NUMBER and word not in ("de", "del"):
            return _MONTH_NUMBER[word]
    return None


_LAST_YEAR = re.compile(r"(?i:last\s+year|año\s+pasado|pasado\s+año)")
_THIS_YEAR = re.compile(r"(?i:this\s+year|este\s+año)")


def _year_in(expression: str, base: date | None = None) -> int | None:
    """The year written in the expression, or named against the reference ("this year", "del
    año pasado")."""
    years = re.findall(rf"\b{_YEAR}\b", expression)
    if years:
        return int(years[0])
    if base is not None and _LAST_YEAR.search(expression):
        return base.year - 1
    if base is not None and _THIS_YEAR.search(expression):
        return base.year
    return None


def _day_in(expression: str) -> int | None:
    numbers = [int(n) for n in _NUMBERS.findall(expression) if len(n) <= 2]
    return numbers[0] if numbers else None


def _closest_year(base: date, month: int, day: int | None, tense: str) -> int:
    """The year that puts the month (and day) closest to the reference; the tense decides when its
    reading is within eleven months, so "designated in February" in November stays in the past year."""

    def offset(year: int) -> int:  # months (a month alone) or days from the reference
        if day is None:
            return (year - base.year) * 12 + month - base.month
        return (date(year, month, day) - base).days

    years = [y for y in (base.year - 1, base.year, base.year + 1) if day is None or _valid(y, month, day)]
    if not years:
        return base.year
    limit = 11 if day is None else 335
    if tense in ("past", "future"):
        agreeing = [y for y in years if (offset(y) <= 0 if tense == "past" else offset(y) >= 0)]
        if agreeing:
            best = min(agreeing, key=lambda y: abs(offset(y)))
            if abs(offset(best)) <= limit:
                return best
    return min(years, key=lambda y: (abs(offset(y)), _tie(offset(y), tense)))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:  # 29 February, 31 April
        return False
    return True


def _tie(days: int, tense: str) -> int:
    """Equal distances go the tense's way (the past when it is unknown)."""
    if tense == "future":
        return 0 if days >= 0 else 1
    return 0 if days <= 0 else 1


def _weekday(lowered: str, base: date | None, tense: str) -> str | None:
    """A weekday relative to the reference: "last"/"pasado" strictly before, "next"/"próximo" strictly
    after; else past tense the latest such day up to the reference itself, future the first one after
    it, unknown the nearer."""
    if base is None:
        return None
    name = next((w for w in _WORD.findall(lowered) if w in _WEEKDAY_NUMBER), None)
    if name is None:
        return None
    back = (base.weekday() - _WEEKDAY_NUMBER[name]) % 7
    ahead = (_WEEKDAY_NUMBER[name] - base.weekday()) % 7
    if re.search(r"\b(?:last|past|pasado)\b", lowered):
        return (base - timedelta(days=back or 7)).isoformat()
    if re.search(r"\b(?:next|coming|pr[óo]ximo)\b", lowered) or tense == "future":
        return (base + timedelta(days=ahead or 7)).isoformat()
    if tense == "past" or back <= ahead:
        return (base - timedelta(days=back)).isoformat()
    return (base + timedelta(days=ahead)).isoformat()


def _relative(lowered: str, base: date | None) -> str | tuple[str, str] | None:
    """Days by offset; "last/this/next week" as the Monday-to-Sunday period; months and years as
    prefixes."""
    if base is None:
        return None
    offsets = {"yesterday": -1, "ayer": -1, "anteayer": -2, "antier": -2, "today": 0, "tonight": 0, "hoy": 0}
    offsets |= {"tomorrow": 1, "mañana": 1, "más temprano": 0, "mas temprano": 0, "earlier in the day": 0}
    spaced = " ".join(lowered.split())
    if spaced in offsets:
        return (base + timedelta(days=offsets[spaced])).isoformat()
    step = -1 if re.search(r"last|past|pasad", lowered) else 1 if re.search(r"next|pr[óo]xim", lowered) else 0
    if "week" in lowered or "semana" in lowered:
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if "month" in lowered or "mes" in lowered:
        index = base.year * 12 + base.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if "year" in lowered or "año" in lowered:
        return f"{base.year + step:04d}"
    return None


def _interval(match: re.Match[str], base: date | None, tense: str) -> tuple[str, str] | None:
    """ "from 2 to 5 December", "between September and November", "del 2 al 5 de diciembre": the end
    is resolved as any date; the start takes the end's month and year where it lacks them."""
    starts = match.groupdict()
    first = next(starts[g] for g in ("a1", "a2", "a3", "a4", "a5") if starts.get(g) is not None)
    last = starts.get("b") or starts["b5"]
    first_month, last_month = _month_in(first.lower()), _month_in(last.lower())
    month = last_month or first_month
    if month is None or (first_month is None and _day_in(first) is None):
        return None
    end_day = _day_in(last)
    end_year = _year_in(last) or _year_in(first)
    if end_year is None:
        if base is None:
            return None
        end_year = _closest_year(base, month, end_day, tense)
    start_month, start_day = first_month or month, _day_in(first)
    start_year = _year_in(first) or (
        end_year - 1 if (start_month, start_day or 0) > (month, end_day or 99) else end_year
    )
    if not _valid(end_year, month, end_day or 1) or not _valid(start_year, start_month, start_day or 1):
        return None
    end = f"{end_year:04d}-{month:02d}" + (f"-{end_day:02d}" if end_day else "")
    start = f"{start_year:04d}-{start_month:02d}" + (f"-{start_day:02d}" if start_day else "")
    return start, end


def reference_date(text: str, published: date | None) -> date | None:
    """The dateline's date ("BOGOTA, Nov 12 (Reuters) -") or a release's own date line ("February 20,
    2025" under its title), read against the publication date, else the publication date: what "on
    Tuesday" or "today" in the article counts from (a release reposted two days later still says
    "today" of its own day)."""
    for line_start in _line_starts(text[:1500]):
        match = dateline(text, line_start) or _DATE_LINE.match(text, line_start)
        if match is None or (published is None and not re.search(r"\d{4}", match.group("date"))):
            continue
        value = _resolve_cached(match.group("date").strip(), published, "en", "past", "day")
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    return published


def _line_starts(head: str) -> list[int]:
    """The first few lines' offsets (a dateline opens the body, after a title and a byline)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", head)]
    return starts[:6]


def signed_date(text: str, base: date | None = None, lang: str = "en") -> str | None:
    """A notice's "Dated: November 16, 2025." or "Dado en Caracas, a los 16 de noviembre de 2025": the
    day the act was signed, i.e. announced."""
    for cue in SIGNED.finditer(text):
        found = find_dates(text[cue.end() : cue.end() + 60], base, lang, "past")
        if found and found[0].start == 0 and found[0].point:
            return found[0].value
    return None


def effective_on_publication(sentence: str, published: date | None = None) -> bool:
    """ "Effective upon publication", "entrará en vigor a partir de su publicación": the act takes
    effect on the day it is published (the publication date of the notice or article)."""
    return ON_PUBLICATION.search(sentence) is not None


def is_history(sentence: str) -> bool:
    """A vague past period ("in the years preceding the election", "durante décadas"): background."""
    return HISTORY.search(sentence) is not None
