"""Link news mentions to list entries through the matching engine, without importing it.

The news pipeline must not depend on the index (DESIGN.md: dependencies point one way), so the
matcher is any object with ``match(query, limit=, threshold=)`` returning results that carry
``entity_id``, ``score`` and ``match``; ``watchfloor.index.Matcher`` is one.

A link to a sanctioned party is an alert trigger, so precision comes first. The matcher's score
is necessary, never sufficient: the mention and the entry must be the same kind of party, every
word of the mention must be in the entry's name, a short or common-word name must equal a list
name, government bodies and media never link, and when two entries (a father and his son) both
fit, the article's own words about the person must tell them apart, else both stay candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Protocol

from followthemoney.statement import StatementEntity
from normality import ascii_text

from watchfloor.model.links import CANDIDATE, LINKED
from watchfloor.names import Kind, NameForm, Role, Token, name_form, token_similarity
from watchfloor.names.tokens import PARTICLES
from watchfloor.news.gazetteer import (
    DEMONYMS_ES,
    ENTRIES,
    GOVERNMENT,
    GOVERNMENT_HEADS,
    MEDIA,
    PLACE,
    by_alias,
    organisation_kind,
)
from watchfloor.news.language import words
from watchfloor.news.mentions import name_key

LINKABLE_SCHEMATA = frozenset({"Person", "Organization", "Company", "LegalEntity"})
ORGANISATION_SCHEMATA = frozenset({"Organization", "Company", "LegalEntity"})
NEVER_LINKED_KINDS = frozenset({GOVERNMENT, MEDIA})
TOKEN_AGREEMENT = 0.88  # a mention word and a list word are one word ("Nicolás" ~ "Nicolas")
SHORT_ACRONYM = 4
TRANSLITERATED_LENGTH = 6  # letters of the shorter word, below which two spellings are two words
WINDOW_CHARS = 200  # of text read on each side of a mention, for the clause around it

# Words of generic institutions in English and Spanish, beside the gazetteer's heads of
# government bodies: a name made of these (and place words) is an institution, never a party.
INSTITUTION_WORDS: frozenset[str] = GOVERNMENT_HEADS | words(
    "white house casa blanca state states estado estados federal national nacional public publica "
    "publico supreme suprema supremo general justice justicia defense defence defensa foreign "
    "exteriores interior treasury tesoro homeland security seguridad intelligence inteligencia "
    "central reserve forces fuerzas fuerza armed armadas coast guardia air marine marines "
    "house representatives camara diputados senators federales united unidos nations naciones "
    "american americano americana u s us uk eu un"
)

# Cues an article gives about whom it means (ASCII, lower case), each with the words that say it
# in the entry: a head of state is also "leader", "regime of", "counterpart" in the press.
_HEAD_OF_STATE = ("president", "presidente", "presidenta", "head of state", "jefe de estado")
_HEAD_OF_STATE_IN_PRESS = (
    *_HEAD_OF_STATE,
    *("leader", "lider", "dictator", "dictador", "mandatario", "regime", "regimen", "ruler", "strongman"),
    *("expresidente", "expresidenta", "exmandatario", "government of", "gobierno de", "counterpart"),
    *("homologo", "administration of", "administracion de"),
)
# A state's head is also named by what he rules: "Maduro's (military) regime", "the X government",
# "X and his government" (written after the name), "el Gobierno venezolano de X" (before it, with
# the country's adjective between). Each is read as the cue "regimen".
_RULED = r"(?:regime|government|administration|presidency|dictatorship|vice\s+president)"
_RULED_AFTER = re.compile(
    rf"^(?:['’]s(?:\s+[a-z]+)?\s+{_RULED}|\s+{_RULED}|\s+(?:and\s+his|y\s+su)\s+(?:{_RULED}|gobierno|regimen))\b",
    re.IGNORECASE,
)
_RULED_BEFORE = re.compile(r"\b(?:gobierno|regimen|administracion|dictadura)\s+[a-z]+\s+de$")
ROLE_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "president": (_HEAD_OF_STATE_IN_PRESS, _HEAD_OF_STATE),
    "minister": (("minister", "ministro", "ministra"), ("minister", "ministro", "ministra")),
    "general": (("general",), ("general",)),
    "governor": (("governor", "gobernador", "gobernadora"), ("governor", "gobernador", "gobernadora")),
    "deputy": (
        ("deputy", "diputado", "diputada", "legislator", "lawmaker"),
        ("deputy", "diputado", "diputada", "legislator", "member of the national"),
    ),
    "first lady": (("first lady", "primera dama"), ("first lady", "primera dama", "first combatant")),
}
YOUNGER_KIN = ("son", "daughter", "hijo", "hija")
OLDER_KIN = ("father", "mother", "padre", "madre")
KIN_WORDS = YOUNGER_KIN + OLDER_KIN + ("wife", "husband", "esposa", "esposo", "brother", "hermano")
ENTRY_TEXT_PROPS = ("position", "notes", "summary", "description", "remarks", "title", "keywords")
_AGE = re.compile(r"\b(\d{2})(?:-year-old|\s+years?\s+old|\s+años|$)", re.IGNORECASE)  # "$": ", 62,"
_BORN = re.compile(r"\b(?:born|nacid[oa])\b\D{0,20}(\d{4})", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:()\n]")
QUOTED = re.compile(r"[\"“”«»]|(?<!\w)[‘’']|[‘’'](?!\w)")  # not an apostrophe inside a name ("Kan’an")
# a nickname quoted inside a person's name: Jimmy “Barbecue” Chérizier, Joaquín 'El Chapo' Guzmán
_QUOTED_NICKNAME = re.compile(r"\s*(?<!\w)[\"“«‘'][^\"“”«»]+?[\"”»’'](?!\w)\s*")
# a group's name with its noun after it in lower case ("Sinaloa cartel", as the news pipeline
# joins them): the noun may be the name's own last word or only say what the group is
_LOWER_GROUP_NOUN = re.compile(r"^(?P<name>[A-ZÁÉÍÓÚÑ0-9].*?)\s+(?:cartel|cártel|clan)$")


class MatchResultLike(Protocol):
    entity_id: str
    score: float
    match: bool


class MatcherLike(Protocol):
    def match(
        self, query: StatementEntity, limit: int = ..., threshold: float | None = ...
    ) -> Sequence[MatchResultLike]: ...


EntryLookup = Callable[[Sequence[str]], Mapping[str, StatementEntity]]
"""List entries by ID, for the names and properties the matcher's results do not carry."""


@dataclass(frozen=True)
class Link:
    """A news mention that names a list entry: (mention entity ID, list entity ID, confidence).

    ``status`` is ``linked`` when the mention names this entry and no other; ``candidate`` when
    the article fits two or more entries equally (an analyst decides, no alert follows)."""

    mention_id: str
    entity_id: str
    confidence: float
    status: str = LINKED


@dataclass(frozen=True)
class _Fit:
    """One list entry that passed every name rule for a mention."""

    entity_id: str
    score: float
    extras: int  # name words of the entry the mention does not have
    entry: StatementEntity | None


def link_entities(
    entities: Iterable[StatementEntity],
    matcher: MatcherLike,
    threshold: float = 0.7,
    limit: int = 3,
    article: StatementEntity | None = None,
    entries: EntryLookup | Mapping[str, StatementEntity] | None = None,
) -> list[Link]:
    """The list entries each person or organisation mention names: one ``linked`` entry, or
    several ``candidate`` entries when the article cannot tell them apart; best first.

    ``article`` gives the text around each mention (roles, kinship, age) and its date;
    ``entries`` gives the list entries' names and properties (position, birth date, notes).
    """
    text = (article.first("bodyText") or "") if article is not None else ""
    published = _day(article.first("publishedAt")) if article is not None else None
    article_id = str(article.id) if article is not None else ""
    lookup = _lookup(entries)
    spellings = getattr(matcher, "known_spellings", None)
    links: list[Link] = []
    for entity in entities:
        if entity.schema.name not in LINKABLE_SCHEMATA or not entity.get("name"):
            continue
        if is_institution(entity):
            continue
        results = [r for r in matcher.match(_query(entity), limit=limit, threshold=threshold) if r.match]
        results = [r for r in results if r.score >= threshold]
        if not results:
            continue
        found = lookup([r.entity_id for r in results])
        names = _written_names(entity, article_id, spellings)  # once, whichever entries it is fitted to
        fits = [
            fit
            for r in sorted(results, key=lambda r: (-r.score, r.entity_id))
            if (fit := _fit(entity, r, found.get(r.entity_id), names)) is not None
        ]
        links.extend(_decide(entity, fits, text, published, article_id))
    return links


def _query(entity: StatementEntity) -> StatementEntity:
    """The mention as the matcher is asked about it, each name as a list writes such names: a
    person's without the nickname quoted inside it, which list names rarely hold as written
    ("Barbecue" for "BARBEQUE"), a Spanish group name in the English order ("Gulf Cartel"), a
    group's name also without the lower-case group noun after it."""
    person = entity.schema.name == "Person"
    props = ("name", "alias")
    values = {prop: entity.get(prop, quiet=True) for prop in props}
    listed = {prop: [_as_listed(v, person) for v in found] for prop, found in values.items()}
    if not person:  # "Zetas cartel" is also asked as "Zetas" (LOS ZETAS)
        listed["alias"] += [bare for v in values["name"] if (bare := _without_group_noun(v))]
    if listed == values:
        return entity
    query = entity.clone()
    for prop in props:
        query.pop(prop)
        for value in dict.fromkeys(listed[prop]):
            query.add(prop, value)
    return query


def _as_listed(name: str, person: bool) -> str:
    return without_nickname(name) if person else english_group_name(name) or name


# Spanish names a group after a place's feature, translated where English lists write the name
# in English ("Cártel del Golfo" is the "GULF CARTEL"); other words are proper names, kept.
_GROUP_NOUNS_ES = {"cartel": "Cartel", "clan": "Clan"}
_FEATURES_ES = {
    "golfo": "Gulf",
    "pacifico": "Pacific",
    "norte": "North",
    "sur": "South",
    "noreste": "Northeast",
    "noroeste": "Northwest",
    "oriente": "East",
    "occidente": "West",
    "centro": "Center",
    "valle": "Valley",
}


def english_group_name(name: str) -> str | None:
    """ "Cártel del Golfo" -> "Gulf Cartel", "cartel mexicano de Sinaloa" -> "Sinaloa Cartel":
    a Spanish "noun (demonym) de(l) Place" group name in English order, as the lists write it;
    None for any other name. The demonym says whose the group is, not what it is called."""
    keys = name_key(name).split()
    if keys[:1] and keys[0] in ("el", "la", "los", "las"):
        keys = keys[1:]
    if len(keys) < 3 or keys[0] not in _GROUP_NOUNS_ES:
        return None
    rest = keys[2:] if keys[1] in DEMONYMS_ES else keys[1:]
    if len(rest) not in (2, 3) or rest[0] not in ("de", "del") or rest[1] in ("el", "la", "los", "las"):
        return None  # not "Cártel de los Soles"
    place = [_FEATURES_ES.get(w) or w.capitalize() for w in rest[1:]]
    return " ".join([*place, _GROUP_NOUNS_ES[keys[0]]])


def without_nickname(name: str) -> str:
    """ "Jimmy “Barbecue” Chérizier" -> "Jimmy Chérizier": the given names and surnames only."""
    return " ".join(_QUOTED_NICKNAME.sub(" ", name).split())


def _lookup(entries: EntryLookup | Mapping[str, StatementEntity] | None) -> EntryLookup:
    if entries is None:
        return lambda ids: {}
    if isinstance(entries, Mapping):
        table = entries
        return lambda ids: {i: table[i] for i in ids if i in table}
    return entries


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# -- what kind of party a mention is --------------------------------------------------------


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words of the gazetteer's places and demonym-free country names ("US", "Venezuela")."""
    found: set[str] = set()
    for entry in ENTRIES:
        if entry.fine_kind == PLACE:
            for name in (entry.name, *entry.aliases):
                found.update(name_key(name).split())
    return frozenset(found)


def mention_kind(entity: StatementEntity) -> str:
    """The fine kind of an organisation mention (government, media, armed_group, ...), decided
    as the extractor decides a mention's kind: its gazetteer entry's, else from its words."""
    if entity.schema.name == "Person":
        return ""
    for name in entity.get("name"):
        entry = by_alias().get(name_key(name))
        if entry is not None and entry.fine_kind:
            return entry.fine_kind
        kind = organisation_kind(name_key(name).split())
        if kind:
            return kind
    return ""


def is_institution(entity: StatementEntity) -> bool:
    """Government bodies, media and generic institutions ("the Navy", "US Congress") are never
    a list party in the news: their names share words with sanctioned ministries and navies."""
    if entity.schema.name == "Person":
        return False
    if mention_kind(entity) in NEVER_LINKED_KINDS:
        return True
    return any(_generic_name(name) for name in entity.get("name"))


def _generic_name(name: str) -> bool:
    keys = [w for w in name_key(name).split() if w not in PARTICLES]
    places = _place_words()
    return bool(keys) and all(w in INSTITUTION_WORDS or w in places for w in keys)


# -- does the entry's name cover the mention -------------------------------------------------


def _kind(schema: str) -> Kind:
    return Kind.PERSON if schema == "Person" else Kind.ORGANIZATION


def _identity(tokens: Sequence[Token]) -> list[Token]:
    """The words identity rests on: names and numbers, and an organisation's generic words."""
    return [t for t in tokens if t.role in (Role.NAME, Role.NUMBER, Role.GENERIC, Role.INITIAL)]


def _short_or_common(name: str, tokens: Sequence[Token]) -> bool:
    """One word, a short acronym or only common words: such a name matches list names by chance."""
    keys = name_key(name).split()
    acronym = len(keys) == 1 and len(keys[0]) <= SHORT_ACRONYM
    named = [t for t in tokens if t.role in (Role.NAME, Role.NUMBER)]
    common = all(w in INSTITUTION_WORDS or w in PARTICLES for w in keys)
    return len(named) <= 1 or acronym or common


def _cover(
    mention: Sequence[Token], listed: Sequence[Token], agreement: float, romanised: bool = False
) -> list[Token] | None:
    """The entry's words left over once each mention word found its own, or None when a
    mention word is not in the entry's name ("Pam Bondi" is not "BANDO, Haji"); ``romanised``
    lets a group's name words differ as two romanisations do."""
    left = list(listed)
    for token in mention:
        best = max(left, key=lambda t: token_similarity(token, t), default=None)
        if best is None or not _same_word(token, best, agreement, romanised):
            return None
        left.remove(best)
    return left


def _same_word(mention: Token, listed: Token, agreement: float, romanised: bool) -> bool:
    """The same word, or in a group's name the same long word romanised another way:
    "Hezbollah", "Hezbolá" and "HIZBALLAH" differ only in vowels and doubled letters (not in a
    person's, where "Hussein" and "Hassan" are two names)."""
    if token_similarity(mention, listed) >= agreement:
        return True
    return (
        romanised
        and min(len(mention.text), len(listed.text)) >= TRANSLITERATED_LENGTH
        and mention.role == listed.role == Role.NAME
        and romanised_key(mention.text) == romanised_key(listed.text)
    )


@lru_cache(maxsize=4096)
def romanised_key(word: str) -> tuple[str, str]:
    """What two romanisations of one Arabic or Persian word keep alike: its letters with doubled
    letters written once and a final "h" dropped, each vowel only a vowel, and its last vowel
    ("Hezbolá", "Hezbollah" and "HIZBALLAH" are h*zb*l* ending in a). Two words of one language
    differ in more: "Urbanos" and "Urabeños" in syllables, "Cubanos" and "Cobienes" in length,
    "cubanos" and "cubanas" in the ending."""
    letters = re.sub(r"(.)\1+", r"\1", _fold(word)).removesuffix("h")
    vowels = re.findall(r"[aeiouy]", letters)
    return re.sub(r"[aeiouy]", "*", letters), vowels[-1] if vowels else ""


def _entry_names(entry: StatementEntity | None, result: MatchResultLike) -> list[str]:
    if entry is None:
        caption = getattr(result, "caption", None)
        return [caption] if caption else []
    return [n for prop in ("name", "alias", "previousName") for n in entry.get(prop, quiet=True)]


def _entry_schema(entry: StatementEntity | None, result: MatchResultLike) -> str:
    return entry.schema.name if entry is not None else str(getattr(result, "schema", ""))


def _types_agree(mention_schema: str, entry_schema: str) -> bool:
    if mention_schema == "Person":
        return entry_schema == "Person"
    return entry_schema in ORGANISATION_SCHEMATA


def _mention_names(entity: StatementEntity, article_id: str) -> list[str]:
    """The mention's name and the other ways this article writes it ("Nicolás Maduro Moros"):
    a longer form there may be what tells two namesakes apart."""
    names = list(entity.get("name"))
    for stmt in entity.get_statements("alias"):
        if not article_id or (stmt.origin or "").startswith(f"article:{article_id}#"):
            names.append(stmt.value)
    if entity.schema.name == "Person":  # "Jimmy Chérizier" of "Jimmy “Barbecue” Chérizier"
        names.extend(without_nickname(n) for n in names if _QUOTED_NICKNAME.search(n))
    else:  # "Gulf Cartel" beside "Cártel del Golfo"; "Zetas" of "Zetas cartel" (LOS ZETAS)
        names.extend(english for n in names if (english := english_group_name(n)))
        names.extend(bare for n in names if (bare := _without_group_noun(n)))
    return list(dict.fromkeys(n for n in names if n))


def _without_group_noun(name: str) -> str | None:
    """The name before a lower-case group noun that ends it ("Zetas" of "Zetas cartel"), or None."""
    found = _LOWER_GROUP_NOUN.match(name)
    return found.group("name") if found else None


def _translated(name: str, schema: str) -> bool:
    """Whether a group's name is no fuller than another form the article gives: a Spanish name
    with its English form, or a name with its lower-case group noun, which lists may leave out."""
    return schema != "Person" and (english_group_name(name) is not None or _without_group_noun(name) is not None)


def _written_names(
    entity: StatementEntity, article_id: str, spellings: Callable[[str, bool], list[str]] | None
) -> list[tuple[str, list[str]]]:
    """Each name the article gives the mention, with the spellings in list words it is fitted by:
    ``spellings`` is the list matcher's (a name with none fits nothing and makes no name form, whose
    unknown word would load the name tagger); without one, the name itself."""
    person = entity.schema.name == "Person"
    return [(n, spellings(n, person) if spellings is not None else [n]) for n in _mention_names(entity, article_id)]


def _fit(
    entity: StatementEntity,
    result: MatchResultLike,
    entry: StatementEntity | None,
    names: list[tuple[str, list[str]]],
) -> _Fit | None:
    """The entry as a fit for the mention, or None when a name rule refuses it; ``names`` are the
    mention's names and their spellings (``_written_names``).

    The fullest name the article gives must fit, not only a short form of it: "Sergio Valenzuela
    Valenzuela", also written "Valenzuela Valenzuela", is not "VALENZUELA VALENZUELA, Vanessa"."""
    schema = entity.schema.name
    if not _types_agree(schema, _entry_schema(entry, result)):
        return None
    kind = _kind(schema)
    restricted = mention_kind(entity) == GOVERNMENT  # a body outside the gazetteer: exact only
    listed_forms = [f for n in _entry_names(entry, result) if (f := name_form(n, kind)) is not None]
    best: int | None = None
    longest_fit = 0  # tokens of the longest name that fits
    fullest: tuple[int, int | None] = (0, 0)  # (tokens of the fullest unquoted name, its fit)
    for mention_name, written in names:
        # a nickname is no name's part; a Spanish group name is as full as its English form
        counts = not QUOTED.search(mention_name) and not _translated(mention_name, schema)
        if not written and counts and len(mention_name.split()) > fullest[0]:
            fullest = (len(mention_name.split()), None)  # a fuller name in words no list has
        for spelled in written:
            form = name_form(spelled, kind)
            if form is None:
                continue
            extras = _name_fit(form, listed_forms, restricted or _short_or_common(spelled, form.tokens), schema)
            if counts and len(form.tokens) > fullest[0]:
                fullest = (len(form.tokens), extras)
            if extras is not None:
                best = extras if best is None else min(best, extras)
                longest_fit = max(longest_fit, len(form.tokens))
    if best is None or (fullest[1] is None and fullest[0] > longest_fit):
        return None
    return _Fit(result.entity_id, float(result.score), best, entry)


def _name_fit(form: NameForm, listed_forms: list[NameForm], exact_only: bool, schema: str) -> int | None:
    """The fewest words a listed name has beyond one of the article's names, or None when none fits."""
    mention_tokens = _identity(form.tokens)
    agreement = 1.0 if exact_only else TOKEN_AGREEMENT
    best: int | None = None
    for listed in listed_forms:
        # a one-word name fits the listed name with its legal form too: a bare "PCC" is not "PCC
        # FZE", an Iranian firm's alias
        listed_tokens = _identity(listed.tokens) + (
            [t for t in listed.tokens if t.role == Role.LEGAL] if len(mention_tokens) == 1 else []
        )
        left = _cover(mention_tokens, listed_tokens, agreement, schema != "Person")
        if left is None:
            continue
        extras = len(left)
        if extras and (exact_only or not _unsaid(left, schema)):
            continue
        best = extras if best is None else min(best, extras)
    return best


def _unsaid(left: Sequence[Token], schema: str) -> bool:
    """Whether a list name's words the mention leaves out may go unsaid: a person's given names
    or surnames, or a group's generic noun ("Los Beltrán Leyva", "BELTRAN LEYVA ORGANIZATION");
    the mention has two or more name words here, else it must equal a list name."""
    wanted = Role.NAME if schema == "Person" else Role.GENERIC
    return all(t.role == wanted for t in left)


# -- which of several fitting entries the article means ----------------------------------------


def _decide(
    entity: StatementEntity, fits: list[_Fit], text: str, published: date | None, article_id: str
) -> list[Link]:
    """One link when one entry fits, or the article's context picks one; else candidates."""
    mention_id = str(entity.id)
    if not fits:
        return []
    if len(fits) == 1:
        return [_link(mention_id, fits[0], LINKED)]
    fewest = min(f.extras for f in fits)
    exact = [f for f in fits if f.extras == fewest]
    if fewest == 0 and (len(exact) == 1 or _one_party(exact)):
        return [_link(mention_id, f, LINKED) for f in exact]
    windows = mention_windows(entity, text, article_id)
    scores = {f.entity_id: _context_score(f, fits, windows, published) for f in fits}
    top = max(scores.values())
    winners = [f for f in fits if scores[f.entity_id] == top]
    if top > 0 and len(winners) == 1:
        return [_link(mention_id, winners[0], LINKED)]
    return [_link(mention_id, f, CANDIDATE) for f in fits]


def _one_party(fits: list[_Fit]) -> bool:
    """Entries of different lists with the same full name and no conflicting birth year are one
    party listed twice (OFAC and the UN list the same people), not namesakes."""
    datasets = [f.entry.dataset.name if f.entry is not None else None for f in fits]
    if None in datasets or len(set(datasets)) < len(datasets):
        return False
    years = [_birth_years(f) for f in fits if _birth_years(f)]
    return all(a & {y + d for y in b for d in (-1, 0, 1)} for a in years for b in years)


def _link(mention_id: str, fit: _Fit, status: str) -> Link:
    return Link(mention_id, fit.entity_id, round(fit.score, 4), status)


def mention_windows(entity: StatementEntity, text: str, article_id: str = "") -> list[str]:
    """The words just around each place the article writes the mention: the clause before it
    ("his son ...", "President ...") and an apposition after it (", the president,", ", 62,").

    Names and text are compared in ASCII ("Nicolas Maduro" is "Nicolás Maduro"). A name followed
    by another capitalised word is a longer name ("Nicolás Maduro Guerra"), not this mention."""
    folded = ascii_text(text) if text else ""
    if not folded:
        return []
    names = {ascii_text(n) or n for n in _mention_names(entity, article_id) if n.strip()}
    windows: list[str] = []
    for name in sorted(names, key=len, reverse=True):
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)(?-i:(?!\s+[A-Z][\w-]))"
        for found in re.finditer(pattern, folded, re.IGNORECASE):
            before = folded[max(0, found.start() - WINDOW_CHARS) : found.start()]
            after = folded[found.end() : found.end() + WINDOW_CHARS]
            windows.append(_before(before) + " | " + _after(after))
    return windows


def _before(text: str) -> str:
    """The clause before the name; the one before its comma when the name is an apposition
    ("the president of Venezuela, Nicolás Maduro")."""
    stripped = text.rstrip()
    clause = _fold(_CLAUSE_END.split(stripped[:-1] if stripped.endswith(",") else stripped)[-1])
    ruled = " regimen" if _RULED_BEFORE.search(clause) else ""  # "el gobierno venezolano de"
    return " ".join(clause.split()[-4:]) + ruled


def _after(text: str) -> str:
    """An apposition after the name (", the president,"), or what the name rules ("'s regime")."""
    if _RULED_AFTER.match(text):
        return "regimen"
    stripped = text.lstrip()
    if not stripped.startswith(","):
        return ""
    clause = _CLAUSE_END.split(stripped[1:])[0]
    return _fold(" ".join(clause.split()[:8]))


def _fold(text: str) -> str:
    """Lower case ASCII, so that cues are written once ("regimen" is "régimen")."""
    return (ascii_text(text) or text).lower()


def _entry_text(entry: StatementEntity | None) -> str:
    if entry is None:
        return ""
    return _fold(" ".join(v for p in ENTRY_TEXT_PROPS for v in entry.get(p, quiet=True)))


def _has(text: str, cues: Iterable[str]) -> bool:
    return any(_whole_word(w).search(text) for w in cues)


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """A cue as a whole word, compiled once: the same few cues are looked for in every window."""
    return re.compile(rf"\b{re.escape(word)}\b")


def _birth_years(fit: _Fit) -> set[int]:
    if fit.entry is None:
        return set()
    return {int(v[:4]) for v in fit.entry.get("birthDate", quiet=True) if v[:4].isdigit()}


def _context_score(fit: _Fit, fits: list[_Fit], windows: list[str], published: date | None) -> int:
    """How many of the article's cues about the person agree with this entry, less those that
    contradict it: a role its position or notes hold, kinship, an age or year of birth."""
    entry_text = _entry_text(fit.entry)
    score = 0
    for window in windows:
        for said, held in ROLE_CUES.values():
            if _has(window, said) and _has(entry_text, held):
                score += 1
        score += _kin_score(fit, fits, window, entry_text)
        score += _birth_score(_birth_years(fit), window, published)
    return score


def _kin_score(fit: _Fit, fits: list[_Fit], window: str, entry_text: str) -> int:
    """ "His son X": the entry whose notes say so, else the youngest of those that fit."""
    kin = [w for w in KIN_WORDS if _has(window, [w])]
    if not kin:
        return 0
    if _has(entry_text, kin):
        return 1
    years = {f.entity_id: max(_birth_years(f), default=None) for f in fits}
    known = [y for y in years.values() if y is not None]
    mine = years[fit.entity_id]
    if mine is None or len(known) < 2 or len(set(known)) < 2:
        return 0
    if any(w in YOUNGER_KIN for w in kin):
        return 1 if mine == max(known) else 0
    if any(w in OLDER_KIN for w in kin):
        return 1 if mine == min(known) else 0
    return 0


def _birth_score(years: set[int], window: str, published: date | None) -> int:
    said: set[int] = set()
    for found in _BORN.finditer(window):
        said.add(int(found.group(1)))
    if published is not None:
        for found in _AGE.finditer(window):
            age = int(found.group(1))
            said.update({published.year - age, published.year - age - 1})
    if not said or not years:
        return 0
    return 1 if years & {y + d for y in said for d in (-1, 0, 1)} else -1
