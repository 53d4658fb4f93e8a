"""Quantity claims: a number a source reports about an event, with its qualifier.

FtM has no schema for "at least 83 killed", so the news pipeline emits these records beside its
Event entities and the crisis view reconciles them across sources. Each keeps the sentence that
said it, so every figure in a briefing can be cited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Qualifier(StrEnum):
    EXACT = "exact"  # "83 killed"
    AT_LEAST = "at_least"  # "at least 83", "more than 80" (low bound; strict flag below)
    AT_MOST = "at_most"  # "up to 90", "fewer than 100"
    ABOUT = "about"  # "about 80", "nearly 200,000", "some 4,000"


@dataclass(frozen=True)
class QuantityClaim:
    """One reported figure. ``low``/``high`` is the interval the wording supports (None = open)."""

    claim_id: str  # stable: hash of article_id + span + quantity
    article_id: str  # FtM Article entity ID
    event_id: str | None  # FtM Event entity ID the figure belongs to, if any
    measure: str  # what is counted, normalised: "killed", "strikes", "troops", "votes_for", "percent", ...
    topic: str  # what it is about, normalised key for grouping across sources, e.g. "boat strikes"
    value: float  # the number as written ("83", "4,000" -> 4000)
    qualifier: Qualifier
    low: float | None
    high: float | None
    text: str  # the phrase as written: "at least 83 people"
    sentence: str  # the full sentence it came from
    span_start: int  # character offsets of the sentence in the article's text
    span_end: int
    published: str  # ISO date the article was published (knowledge time)
    as_of: str | None = None  # ISO date the figure refers to, when the text says so

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuantityClaim:
        data = dict(data)
        data["qualifier"] = Qualifier(data["qualifier"])
        return cls(**data)
