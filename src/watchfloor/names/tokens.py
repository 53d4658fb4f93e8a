"""Name tokens and what is known about each one, computed once per distinct token.

A token carries its comparable ASCII text, its role (given name, particle, title, legal form,
number...), a static evidence weight, its phonetic key, its vowel-free skeleton (for names
transliterated from abjad scripts) and the name-variant symbols rigour's tagger gives it
(Wikidata given/family name IDs: Mohammed, Muhammad and محمد share one), with the nickname
groups of the nicknames package for given names (Ted, Theodore). Tokens are interned
in a cache, so a list of a million entities holds each distinct token once.
"""

from __future__ import annotations

import itertools
import re
import struct
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from typing import Any

from nicknames import NickNamer
from normality import normalize
from rigour._core import generic_person_names_list, person_name_prefixes_list, stopwords_list
from rigour.territories import get_ftm_countries
from rigour.text.phonetics import metaphone

from watchfloor.names.symbols import remember, symbols_of
from watchfloor.names.text import ABJAD_SCRIPTS, script_of


class Role(IntEnum):
    """What a token is inside a name; decides its weight and how it may be matched."""

    NAME = 0
    PARTICLE = 1  # de, del, los, van, al, bin: joins name parts, weak evidence
    TITLE = 2  # Mr, Dr, Sheikh, Haji, General: says nothing about identity
    LEGAL = 3  # llc, jsc (legal forms after rigour's canonicalisation)
    GENERIC = 4  # company, bank, group: common words of organisation names
    INITIAL = 5  # a single letter
    NUMBER = 6  # digits: 2004 vs 2005 are two members of a series, half a match (SERIES_SCORE)


ROLE_WEIGHTS: dict[Role, float] = {
    Role.NAME: 1.0,
    Role.PARTICLE: 0.2,
    Role.TITLE: 0.05,
    Role.LEGAL: 0.25,
    Role.GENERIC: 0.45,
    Role.INITIAL: 0.35,
    Role.NUMBER: 1.0,
}

PARTICLES = frozenset(
    {w for w in stopwords_list() if w.isascii() and w.isalpha()}
    | {"de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den"}
    | {"ter", "te", "le", "lo", "y", "e", "al", "el", "ul", "bin", "bint", "binti", "ibn", "ben", "bn"}
    | {"abu", "bu", "ould", "mac", "ap", "st", "abd"}
)
"""Connective name parts. `abu` (father of) and `bin` (son of) are kept as tokens, weakly weighted."""

BIN_FORMS = frozenset({"bin", "ibn", "ben", "bn", "ibin", "bint", "binti"})
AL_FORMS = frozenset({"al", "el", "ul"})

_TITLE_WORDS = {
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "haji",
    "hajji",
    "hadji",
    "alhaji",
    "alhajji",
    "mullah",
    "mulla",
    "maulvi",
    "mawlawi",
    "maulavi",
    "moulvi",
    "maulana",
    "mawlana",
    "qari",
    "hafiz",
    "imam",
    "dr",
    "prof",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "general",
    "gen",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "lt",
    "sgt",
    "admiral",
    "adm",
    "brig",
    "brigadier",
    "president",
    "minister",
    "senator",
    "rev",
    "reverend",
    "father",
    "emir",
    "king",
    "prince",
    "princess",
    "monsieur",
    "madame",
    "mme",
    "mlle",
    "herr",
    "frau",
    "senor",
    "senora",
    "sr",
    "sra",
    "jr",
    "snr",
    "jnr",
    "excellency",
    "hon",
    "honourable",
    "honorable",
    "ayatollah",
    "hojatoleslam",
    "commander",
    "marshal",
    "doctor",
    "professor",
    "mister",
    "madam",
    "mx",
    "eng",
    "ing",
}
_NOT_TITLES = {"count", "chair", "private", "queen", "director", "grand", "grace", "honor", "honour"}
_NOT_TITLES |= {"noble", "royal", "field", "rear", "right", "most", "much", "managing", "associate"}
_NOT_TITLES |= {"secretary"}
"""Words of rigour's prefixes that are names or common words on their own (Grace Mugabe, Royal
Bank) or only parts of a longer title (Field Marshal, Rear Admiral, Right Honourable, Managing
Director). `company` stays a title-weight word: as a generic word it would make Corporation ~
Company a replaced name part."""
TITLES = (
    frozenset(
        _TITLE_WORDS
        | {w for p in person_name_prefixes_list() for w in re.findall(r"[a-z]+", p.lower()) if len(w) > 1}
    )
    - _NOT_TITLES
)
"""Honorifics and titles (rigour's person prefixes plus Arabic, military and courtesy forms)."""

LEGAL_FORMS = frozenset(
    {"llc", "jsc", "pjsc", "ojsc", "cjsc", "lp", "llp", "plc", "ltd", "inc", "corp", "gmbh", "ag", "sa"}
    | {"bv", "nv", "spa", "srl", "sarl", "sas", "kg", "ooo", "oao", "zao", "pao", "ao", "tov", "fze"}
    | {"fzco", "fzc", "pte", "pty", "co", "sdn", "bhd", "kk", "as", "ab", "oy", "doo", "sro", "ngo"}
    | {"sacv", "coltd", "bvba", "ltda", "eirl", "cia", "cv", "limited", "incorporated", "jv"}
    | {"gp", "coop"}
)
"""Legal-form tokens that survive rigour's `replace_org_types_compare` (most become llc/jsc; general
partnerships, OHG and S.C. among them, gp; cooperatives coop)."""

REGION_WORDS = frozenset(
    {"europe", "eurasia", "asia", "africa", "americas", "oceania", "scandinavia", "nordic", "baltic"}
    | {"emea", "apac", "latam", "mena"}
)
"""Continents and trade regions: like International or Global, they say how far a firm reaches,
not which firm it is, and no firm is registered in them (a country, a jurisdiction, is a
PLACE_WORD instead: Banco Santander Mexico is another legal person)."""

GENERIC_ORG_WORDS = frozenset(
    {"company", "corporation", "group", "holding", "holdings", "international", "intl", "trading"}
    | {"bank", "industries", "industry", "enterprise", "enterprises", "services", "general", "global"}
    | {"investment", "investments", "partners", "association", "foundation", "organization"}
    | {"organisation", "institute", "establishment", "agency", "firm", "factory", "plant", "shipping"}
    | {"logistics", "petroleum", "oil", "gas", "energy", "import", "export", "commercial", "national"}
    | {"development", "management", "technology", "technologies", "systems", "solutions", "capital"}
    | {"fund", "trust", "society", "union", "center", "centre", "office", "ministry", "department"}
    | REGION_WORDS
)
"""Words so common in organisation names that sharing one says little."""

WEAK_GIVEN_NAMES = frozenset(
    w for n in generic_person_names_list() for w in n.lower().split() if w.isascii()
) | {"mohamed", "mohamad", "muhammed", "mohammad", "ahmad", "ahmed", "ali", "abdul", "abdullah"}
"""Given names so common among listed persons that they are weak evidence without the corpus."""

COMPOUND_HEADS = frozenset({"abd"})
"""Particles that open a compound given name (Abdul Rahman, servant of the Merciful): weak
evidence when shared, but an `Abdul X` facing a `Wali X` is a different name, so when left
unmatched they count as a name part that was replaced."""

PLACE_WORDS = frozenset(
    word
    for territory in get_ftm_countries()  # the names of FtM's country type, from rigour as FtM reads them
    for word in [normalize(territory.name) or ""]
    if word.isalpha() and word not in {"global", "cyberspace"}
) | {"us", "usa", "uk", "uae", "turkey", "england", "britain", "korea"}
"""Country names written as one word: named in one organisation name and not the other, a
country marks a national branch or subsidiary, another legal person (Banco Santander Mexico)."""

_SERIALS = itertools.count(1)
PACKED_TOKEN = struct.Struct("=qdi4x")
"""A token as the compiled aligner reads it: serial, weight, flags (24 bytes with the padding)."""
FLAG_CORE = 1
FLAG_BIN = 2
FLAG_INITIAL = 4
FLAG_COMPOUND = 8
FLAG_PLACE = 16
_ABJAD_VOWELS = re.compile(r"[aeiouwy]")


TokenArguments = tuple[str, str | None, Role | None]
"""What `make_token` is given: comparable text, the word in its own script, a role imposed."""


@dataclass(frozen=True, slots=True)
class Token:
    """One comparable name token with its precomputed matching keys."""

    text: str
    role: Role
    weight: float
    phonetic: str
    skeleton: str
    abjad: bool
    symbols: frozenset[int]
    core: bool  # a name word or number: what identity rests on
    serial: int = field(default=0, compare=False)  # unique in this process: a cheap cache key
    packed: bytes = field(default=b"", compare=False, repr=False)  # its record in forms.pack_form
    # the arguments of `make_token` that give this token: how it travels between processes
    arguments: TokenArguments = field(default=("", None, None), compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """A token travels as the arguments that make it with its computed keys: unpickled, it
        is interned in the receiving process (a serial of that process, never a copied one that
        could collide with its own), and neither rigour's tagger nor the phonetic keys are
        computed again (a saved index holds tens of thousands of tokens)."""
        keys = (self.role, self.weight, self.phonetic, self.skeleton, self.abjad)
        return (_restore_token, (self.arguments, self.symbols, keys))

    @property
    def is_initial(self) -> bool:
        return self.role == Role.INITIAL

    @property
    def replaceable(self) -> bool:
        """Counts as a name part replaced by another when left unmatched on both sides."""
        return self.core or self.role == Role.INITIAL or self.text in COMPOUND_HEADS

    @property
    def is_place(self) -> bool:
        return self.text in PLACE_WORDS


def consonant_skeleton(text: str) -> str:
    """Letters left when vowels (and the w/y that abjads use as vowels) are dropped: Mohammed
    and the transliterated محمد (mhmd) share `mhmd`; p and v are written as Arabic writes them
    (b, f). Only compared when one side was written in an abjad."""
    text = text.replace("p", "b").replace("v", "f")  # Pérez is بيريز (byryz), Pavel بافل
    kept = text[:1] + _ABJAD_VOWELS.sub("", text[1:])
    return "".join([letter for letter, _ in itertools.groupby(kept)])  # repeats once


@lru_cache(maxsize=300_000)
def name_symbols(word: str) -> frozenset[int]:
    """Wikidata name IDs rigour's tagger attaches to a word: shared IDs mean "same name,
    different spelling" (Husayn/Hussein, Aleksandr/Alexander, محمد/Mohammed). `names.symbols`
    decides who answers (a saved index, the store's symbols file, the tagger)."""
    if len(word) < 2 or word.isdigit():
        return frozenset()
    return symbols_of(word)


@lru_cache(maxsize=1)
def _nickname_table() -> dict[str, frozenset[int]]:
    """Word -> the nickname groups it belongs to: one group per canonical given name of the
    nicknames package's table, holding the name and its nicknames (Theodore, Ted, Teddy).
    Group numbers are negative, so they never meet rigour's Wikidata numbers."""
    lookup = NickNamer().nickname_lookup
    groups: dict[str, set[int]] = {}
    for number, canonical in enumerate(sorted(lookup), start=1):
        for word in (canonical, *lookup[canonical]):
            groups.setdefault(word, set()).add(-number)
    return {word: frozenset(found) for word, found in groups.items()}


def nickname_groups(word: str) -> frozenset[int]:
    """The nickname groups of a word (Ted and Theodore share one), empty for most words."""
    return _nickname_table().get(word, frozenset())


def classify(text: str) -> Role:
    """The role of a comparable token, independent of the name it sits in."""
    if text.isdigit():
        return Role.NUMBER
    if len(text) == 1:
        return Role.INITIAL
    if text in TITLES:
        return Role.TITLE
    if text in LEGAL_FORMS:
        return Role.LEGAL
    if text in PARTICLES:
        return Role.PARTICLE
    if text in GENERIC_ORG_WORDS:
        return Role.GENERIC
    return Role.NAME


_TOKENS: dict[tuple[str, str], Token] = {}


def _symbols_of(text: str, source: str, role: Role, abjad: bool) -> frozenset[int]:
    """A token's name-variant symbols: rigour's for a name word or particle, with the nickname
    groups of a name word."""
    if role not in (Role.NAME, Role.PARTICLE):
        return frozenset()
    # the original script is only consulted for abjads (محمد -> Mohammed): rigour's tagger is
    # slow on Cyrillic, whose BGN romanisation already finds the symbols
    symbols = name_symbols(text) | (name_symbols(source) if abjad else frozenset())
    if role == Role.NAME:
        symbols |= nickname_groups(text)
    return symbols


def make_token(
    text: str, original: str | None = None, role: Role | None = None, symbols: frozenset[int] | None = None
) -> Token:
    """The interned token for a comparable text; `original` is the word in its own script,
    which both finds its name symbols and tells whether it came from an abjad. `symbols`, when
    given, are the token's symbols as an earlier process found them (a saved index): the tagger,
    whose first use costs seconds, is then not asked."""
    source = original if original is not None and original != text else ""
    key = _token_key(text, source, role)
    token = _TOKENS.get(key)
    if token is not None:
        return token
    given = role
    role = classify(text) if role is None else role
    weight = ROLE_WEIGHTS[role]
    if role == Role.NAME and text in WEAK_GIVEN_NAMES:
        weight = 0.55
    abjad = bool(source) and script_of(source) in ABJAD_SCRIPTS
    if symbols is None:
        symbols = _symbols_of(text, source, role, abjad)
    else:
        _remember_symbols(text, role, abjad, symbols)
    phonetic = metaphone(text) if text.isalpha() else text
    keys = (role, weight, phonetic, consonant_skeleton(text), abjad)
    return _intern(key, (text, source or None, given), symbols, keys)


def _token_key(text: str, source: str, given: Role | None) -> tuple[str, str]:
    """What a token is interned under: its text, its source word, and a role imposed on it."""
    return (text, source if given is None else f"{source}\x00{int(given)}")


TokenKeys = tuple[Role, float, str, str, bool]
"""What `make_token` computes for a token: role, weight, phonetic key, skeleton, abjad origin."""


def _restore_token(arguments: TokenArguments, symbols: frozenset[int], keys: TokenKeys) -> Token:
    """A token unpickled: the interned one of this process if it exists, else made from the keys
    another process computed (the code fingerprint of a saved index guarantees the same rules)."""
    text, source, given = arguments
    key = _token_key(text, source or "", given)
    token = _TOKENS.get(key)
    if token is not None:
        return token
    role, _, _, _, abjad = keys
    _remember_symbols(text, role, abjad, symbols)
    return _intern(key, arguments, symbols, keys)


def _remember_symbols(text: str, role: Role, abjad: bool, symbols: frozenset[int]) -> None:
    """Keep rigour's part of restored symbols (nickname groups are the negative numbers), so the
    same word met again in a query, in another spelling of its source, is answered without
    loading the tagger."""
    if not abjad and role in (Role.NAME, Role.PARTICLE):
        remember(text, frozenset(s for s in symbols if s > 0))


def _intern(key: tuple[str, str], arguments: TokenArguments, symbols: frozenset[int], keys: TokenKeys) -> Token:
    """Give the token this process's serial and packed record, and keep it for its key."""
    text = arguments[0]
    role, weight, phonetic, skeleton, abjad = keys
    core = role in (Role.NAME, Role.GENERIC, Role.NUMBER)
    serial = next(_SERIALS)
    flags = (
        (FLAG_CORE if core else 0)
        | (FLAG_BIN if text == "bin" else 0)
        | (FLAG_INITIAL if role == Role.INITIAL else 0)
        | (FLAG_COMPOUND if text in COMPOUND_HEADS else 0)
        | (FLAG_PLACE if text in PLACE_WORDS else 0)
    )
    token = Token(
        text=text,
        role=role,
        weight=weight,
        phonetic=phonetic,
        skeleton=skeleton,
        abjad=abjad,
        symbols=symbols,
        core=core,
        serial=serial,
        packed=PACKED_TOKEN.pack(serial, weight, flags),
        arguments=arguments,
    )
    if len(_TOKENS) < 2_000_000:
        _TOKENS[key] = token
    return token
