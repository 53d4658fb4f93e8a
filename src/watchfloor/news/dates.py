"""Dates in reporting, resolved against the article's publication date.

Articles say "on Tuesday", "Nov. 16", "last week", "el lunes", "a partir del 24 de noviembre":
a regex finds the expression (cheap, precise spans), dateparser resolves it with the publication
date as RELATIVE_BASE. Past is preferred for events, future for effective dates. A month without
a day becomes an FtM year-month prefix ("2025-07"), never an invented first-of-month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

EN_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
EN_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
ES_DAYS = "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"

_PATTERNS: list[tuple[str, str]] = [
    # (kind, regex); kind "day" has a day number, "month" only a month, "relative" a relative phrase
    ("day", r"\b\d{4}-\d{2}-\d{2}\b"),
    ("day", rf"\b(?:{EN_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b"),
    ("day", rf"\b\d{{1,2}}\s+(?:{EN_MONTHS})\.?(?:,?\s+(?:19|20)\d\d)?\b"),
    ("day", rf"\b\d{{1,2}}\s+de\s+(?:{ES_MONTHS})(?:\s+de(?:l)?\s+(?:19|20)\d\d)?\b"),
    ("month", rf"\b(?:{EN_MONTHS})\.?(?:\s+of)?\s+(?:19|20)\d\d\b"),
    ("month", rf"\b(?:{ES_MONTHS})\s+de(?:l)?\s+(?:19|20)\d\d\b"),
    (
        "month",
        rf"\b(?:in|since|early|late|mid-?|by|until|en|desde|de|a\s+principios\s+de|a\s+finales\s+de)\s+(?:{EN_MONTHS}|{ES_MONTHS})\b",
    ),
    ("relative", rf"\b(?:(?:on|last|this|next)\s+)?(?:{EN_DAYS})\b"),
    ("relative", rf"\b(?:el\s+(?:pasado\s+)?|este\s+)?(?:{ES_DAYS})(?:\s+pasado)?\b"),
    ("relative", r"\b(?:yesterday|today|last\s+(?:week|month|year)|this\s+week|ayer|hoy|anteayer)\b"),
    ("relative", r"\b(?:la\s+semana\s+pasada|el\s+mes\s+pasado|el\s+año\s+pasado|esta\s+semana)\b"),
]
DATE_EXPRESSION = re.compile(
    "|".join(f"(?P<{kind}{i}>{rx})" for i, (kind, rx) in enumerate(_PATTERNS)), re.IGNORECASE
)
_LEAD_WORDS = re.compile(
    r"^(?:on|in|since|early|late|mid-?|by|until|this|el|este|en|desde|de|a\s+principios\s+de|a\s+finales\s+de)\s+",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|desde)\s+(?:early\s+|late\s+)?$", re.IGNORECASE)
_ES_PASADO = re.compile(r"\s+pasado$", re.IGNORECASE)
_ES_DAY_INDEX = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4}
_ES_DAY_INDEX.update({"sábado": 5, "sabado": 5, "domingo": 6})


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text, resolved: ``value`` is an FtM date or prefix ("2025-11-24", "2025-07")."""

    text: str
    start: int
    end: int
    value: str
    since: bool  # "since September": the start of a period, not the day of an event


def find_dates(text: str, base: date | None, lang: str = "en", prefer: str = "past") -> list[DateMention]:
    """Every date expression in ``text`` that resolves against ``base`` (relative ones need a base)."""
    return list(_find_dates_cached(text, base, lang, prefer))


@lru_cache(maxsize=8192)
def _find_dates_cached(text: str, base: date | None, lang: str, prefer: str) -> tuple[DateMention, ...]:
    """Several extractors read the same sentence's dates: find them once."""
    found = []
    for match in DATE_EXPRESSION.finditer(text):
        kind = (match.lastgroup or "day").rstrip("0123456789")
        if base is None and not re.search(r"\d{4}", match.group(0)):
            continue  # "Nov. 16" or "on Tuesday" with no publication date: unknowable, not today
        value = resolve(match.group(0), base, lang, prefer, kind)
        if value is None:
            continue
        since = bool(_SINCE.search(text[max(0, match.start() - 14) : match.start()])) or match.group(
            0
        ).lower().startswith(("since", "desde"))
        found.append(DateMention(match.group(0), match.start(), match.end(), value, since))
    return tuple(found)


def resolve(
    expression: str, base: date | None, lang: str, prefer: str = "past", kind: str = "day"
) -> str | None:
    """One expression to an FtM date string; None if it cannot be resolved."""
    return _resolve_cached(expression.strip(), base, lang, prefer, kind)


@lru_cache(maxsize=4096)
def _resolve_cached(expression: str, base: date | None, lang: str, prefer: str, kind: str) -> str | None:
    cleaned = _LEAD_WORDS.sub("", expression).strip()
    cleaned = _ES_PASADO.sub("", cleaned)
    if lang == "es" and base is not None and cleaned.lower() in _ES_DAY_INDEX:
        return _weekday(base, _ES_DAY_INDEX[cleaned.lower()], prefer)
    parsed = parse_date_text(cleaned, base, lang, prefer)
    if parsed is None:
        return None
    if kind == "month":
        return parsed.isoformat()[:7]
    return parsed.isoformat()


def _weekday(base: date, weekday: int, prefer: str) -> str:
    from datetime import timedelta

    delta = (base.weekday() - weekday) % 7
    if prefer == "future":
        return (base + timedelta(days=(weekday - base.weekday()) % 7)).isoformat()
    return (base - timedelta(days=delta)).isoformat()


def parse_date_text(text: str, base: date | None, lang: str = "en", prefer: str = "past") -> date | None:
    """dateparser with the publication date as the base for relative and year-less dates."""
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    languages = [lang] if lang in ("en", "es") else ["en", "es"]
    result = dateparser.parse(text, languages=languages, settings=settings)  # type: ignore[arg-type]
    return result.date() if result is not None else None
