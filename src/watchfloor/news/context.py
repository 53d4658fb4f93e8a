"""What every extractor sees of an article: its text, sentences, resolved mentions and dates.

Extractors are plain functions of an ``ArticleContext`` (no spaCy objects), so each can be tested
on a hand-built context and run in any process.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from followthemoney.statement import StatementEntity

from watchfloor.model.entities import NEWS_DATASET, make_entity
from watchfloor.news.dates import DateMention, find_dates, reference_date
from watchfloor.news.mentions import Mention, name_key, spelled_out
from watchfloor.news.modality import Modality, article_modalities, clause_at, clause_span, speculative_regions

_WORDS = re.compile(r"[^\W\d_]+")


def is_headline(text: str) -> bool:
    """No final punctuation and mostly capitalised content words: a title or section heading."""
    text = text.strip()
    if not text or text[-1] in '.!?…"”»)':
        return False
    words = _WORDS.findall(text)
    content = [w for w in words if len(w) > 3] or words
    return len(words) >= 2 and sum(1 for w in content if w[0].isupper()) / len(content) >= 0.6


def is_quoted(sentence: str, at: int) -> bool:
    """Inside quotation marks: an odd number of straight or opening quotes before ``at`` (a speaker's
    own words, not the reporter's)."""
    before = sentence[:at]
    straight = before.count('"')
    opened = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    return straight % 2 == 1 or opened > 0


# A photo caption tells what a picture shows, often of another day: "This handout picture released on
# March 16 ... shows the arrival of ...", "... - AFP PHOTO", "PHOTO: Reuters", "Foto: EFE".
CAPTION = re.compile(
    r"(?i:\b(?:photo|picture|image|file\s+photo|foto|fotograf[íi]a|imagen)\b[^.]{0,120}\b(?:shows?|showing|"
    r"muestra|captured|tomada)\b|^\W*(?:photo|foto|picture|image|imagen)\s*:)|"
    r"\b(?:AFP|AP|EFE|Reuters|Getty\s+Images)\s*(?:PHOTO|FOTO|/[^.]{0,40})?\s*$"
)


def is_caption(text: str) -> bool:
    """A photo caption: what a picture shows, not what the article reports."""
    return CAPTION.search(text.strip()) is not None


@dataclass
class ArticleContext:
    article_id: str
    text: str
    lang: str
    published: date | None
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    entity_ids: dict[int, str]  # mention start offset -> entity ID after merging
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    _by_sentence: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    _modalities: list[Modality] | None = field(default=None, init=False, repr=False)
    _regions: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            self._by_sentence.setdefault(mention.sentence, []).append(mention)

    def is_title(self, index: int) -> bool:
        """The title line repeats the story the body tells: events are read from the body."""
        return (
            index == 0
            and len(self.sentences) > 1
            and self.sentence_text(0).strip() == (self.title or "").strip()
        )

    def modality(self, index: int) -> Modality:
        """Asserted, future or hypothetical: the sentence's own markers, or its section's heading
        ("What to watch", "Escenarios"); computed once for the whole article."""
        if self._modalities is None:
            self._modalities = article_modalities(self.text, self.sentences)
        return self._modalities[index]

    def reported_at(self, index: int, at: int) -> bool:
        """Whether what the sentence says at offset ``at`` (sentence-relative) happened: outside a
        speculative section, its clause there does not speculate or announce, and the sentence is
        asserted or that clause reports a past act (``clause_at``)."""
        modality = self.modality(index)
        if modality == Modality.FUTURE or self.in_speculative_section(index):
            return False
        clause = clause_at(self.sentence_text(index), at)
        if clause in (Modality.HYPOTHETICAL, Modality.FUTURE):
            return False
        return modality == Modality.ASSERTED or clause == "realis"

    def clause_stated(self, index: int, at: int) -> bool:
        """Whether the clause holding offset ``at`` (sentence-relative) states rather than supposes
        or announces: outside a speculative section, and neither hypothetical nor future. A link in a
        relative clause ("the group that Washington links to X") holds even where the main verb
        looks ahead ("The measure, which takes effect on Monday, targets ...")."""
        if self.in_speculative_section(index):
            return False
        return clause_at(self.sentence_text(index), at) not in (Modality.HYPOTHETICAL, Modality.FUTURE)

    def in_speculative_section(self, index: int) -> bool:
        """Under a "What to watch" or "Escenarios" heading."""
        if self._regions is None:
            self._regions = speculative_regions(self.text)
        start = self.sentences[index][0]
        return any(r_start <= start < r_stop for r_start, r_stop in self._regions)

    @cached_property
    def reference(self) -> date | None:
        """What relative dates count from: the dateline's date ("BOGOTA, Nov 12 (Reuters) -"), else
        the publication date (which stays the knowledge time, ``published``); read once an article,
        None included."""
        return reference_date(self.text, self.published)

    def dates_in(self, index: int, prefer: str = "nearest") -> list[DateMention]:
        """The sentence's own date expressions, resolved against ``reference`` and their tense."""
        return find_dates(self.sentence_text(index), self.reference, self.lang, prefer)

    def clause_dated(self, index: int, start: int, end: int) -> bool:
        """Whether the clause holding ``sentence[start:end]`` (sentence-relative) gives a date of its
        own: what a descriptive clause needs to tell an act of its day rather than background."""
        low, high = clause_span(self.sentence_text(index), start, end)
        return any(low <= d.start and d.end <= high for d in self.dates_in(index, "past"))

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def mentions_in(self, index: int, labels: frozenset[str] | None = None) -> list[Mention]:
        found = self._by_sentence.get(index, [])
        return [m for m in found if labels is None or m.label in labels]

    def origin(self, index: int) -> str:
        """Provenance of a statement: the article and the character span of its sentence."""
        start, end = self.sentences[index]
        return f"article:{self.article_id}#{start}-{end}"

    def id_of(self, mention: Mention) -> str:
        return self.entity_ids[mention.start]

    @cached_property
    def spelled(self) -> dict[str, Mention]:
        """Abbreviations the article defines ("el Cártel Jalisco Nueva Generación (CJNG)"), by name key."""
        return spelled_out(self.text, self.mentions)

    def party_id(self, mention: Mention) -> str:
        """The entity a link names: for an abbreviation the article defines, the organisation it spells
        out, whatever the gazetteer keeps apart ("the CJNG" is the Cártel Jalisco Nueva Generación)."""
        return self.id_of(self.spelled.get(name_key(mention.text), mention))

    def derived_id(self, kind: str, *parts: str) -> str:
        """Deterministic ID for an entity the text states (an event, a link, a sanction)."""
        digest = hashlib.sha1("|".join((self.article_id, *parts)).encode("utf-8")).hexdigest()
        return f"news-{kind}-{digest[:16]}"

    def new_entity(self, schema: str, entity_id: str, sentence: int) -> StatementEntity:
        """An entity marked as news, with the source's URL/publisher and the article as proof."""
        entity = make_entity(NEWS_DATASET, schema, entity_id)
        origin = self.origin(sentence)
        entity.add("proof", self.article_id, origin=origin)
        if self.url:
            entity.add("sourceUrl", self.url, origin=origin, quiet=True)
        if self.publisher:
            entity.add("publisher", self.publisher, origin=origin, quiet=True)
        return entity
