"""Turn a raw name into its comparable form: a tuple of interned tokens.

The rules, in order: clean the text; for people, turn `SURNAME, Given` into `Given SURNAME`;
for organisations, canonicalise legal forms with rigour (S.A., Sociedad Anónima, AG,
Aktiengesellschaft -> jsc; LLC, Ltd, GmbH, OOO -> llc); split into words and transliterate
each word to ASCII; fold Arabic connectors (ibn/ben/bn -> bin, abd al rahman / abdul rahman /
abdulrahman -> abdrahman). Everything else (titles, particles, initials, common words) is
kept as a token whose role gives it a small weight, so nothing is silently lost.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import lru_cache

from rigour._core import ordinals_dict
from rigour.names import remove_obj_prefixes, replace_org_types_compare

from watchfloor.compiled import struct_layout
from watchfloor.names.text import ascii_token, cjk_characters, clean_text, split_words
from watchfloor.names.tokens import (
    BIN_FORMS,
    FLAG_BIN,
    FLAG_COMPOUND,
    FLAG_CORE,
    FLAG_INITIAL,
    FLAG_PLACE,
    LEGAL_FORMS,
    PACKED_TOKEN,
    TITLES,
    Role,
    Token,
    make_token,
)


class Kind(Enum):
    """What a name names: decides which normalisation rules apply."""

    PERSON = "person"
    ORGANIZATION = "organization"
    ENTITY = "entity"  # LegalEntity: could be either, both rule sets apply
    OBJECT = "object"  # vessels, aircraft

    # Members are singletons compared by identity, so identity can hash them: Enum's own hash
    # is a Python-level call, and every name normalised is looked up by (text, kind)
    __hash__ = object.__hash__


_PERSON = {"Person"}
_ORGANIZATION = {"Organization", "Company", "PublicBody"}
_OBJECT = {"Vessel", "Airplane", "Vehicle", "Asset", "Security", "CryptoWallet", "RealEstate"}


def kind_of(schema: str) -> Kind:
    """The name kind of an FtM schema name."""
    if schema in _PERSON:
        return Kind.PERSON
    if schema in _ORGANIZATION:
        return Kind.ORGANIZATION
    if schema in _OBJECT:
        return Kind.OBJECT
    return Kind.ENTITY


@dataclass(slots=True, unsafe_hash=True)
class NameForm:
    """A name ready for comparison: its tokens and their concatenation (for split/joined
    words such as "SiemensAG" or "Mohammad Hasni").

    Never changed once made (records share forms through the caches), but not a frozen
    dataclass: a frozen one sets each field through `object.__setattr__`, which doubled the
    cost of making the million forms of a large list. Equality and hashing are by value, as
    a frozen dataclass's are."""

    original: str
    tokens: tuple[Token, ...]
    joined: str
    core_count: int
    has_bin: bool
    comparable: str
    cjk_scripts: str = ""  # for a name written in Han, Hangul or kana: its scripts...
    cjk: str = ""  # ...and its characters (see cjk_characters)
    # the name written together with its particles (Abu Bakr ~ Abubakr, de la Cruz ~ Delacruz),
    # for a form that has any: `joined` leaves them out
    spelled: str = ""
    # the form as the compiled aligner reads it (pack_form), made on the first
    # comparison: most names of a large list are never compared, and would cost 90 bytes each
    packed: bytes | None = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> tuple[object, ...]:
        """Pickled without `packed`: it holds this process's token serials, and the tokens are
        interned anew (new serials) in the process that unpickles them."""
        return tuple(getattr(self, name) for name in _FORM_FIELDS)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        for name, value in zip(_FORM_FIELDS, state, strict=True):
            object.__setattr__(self, name, value)
        self.packed = None


_FORM_FIELDS = tuple(f.name for f in fields(NameForm) if f.name != "packed")

_ABD_FORMS = frozenset({"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdoul", "abdil", "abdur"})
_ABD_JOINED = re.compile(r"^abd(?:ul|el|al|ol|oul|ur|ar|er|us|as|ud|un|u|e|o|i)?([a-z]{3,})$")
GIVEN_CONNECTORS = frozenset({"ben"})
"""Connectors that are given names too: read as a name when they open a person's name."""
_CONNECTORS = frozenset({"al", "el", "ul", "ol", "ar", "ur", "ad", "ud", "as", "us", "an", "un"})


def _abd_name(rest: str) -> str:
    """The divine name after abd, with the article of the transliteration folded away."""
    if rest in ("allah", "alla", "ullah", "ulla", "lah", "llah"):
        return "allah"
    if rest.startswith("al") and len(rest) > 4:
        return rest[2:]
    return rest


def _arabic_connector(text: str) -> bool:
    """A word `_fold_arabic` may fold: a form of bin, or abd written alone or joined."""
    return text in BIN_FORMS or text.startswith("abd")


def _fold_arabic(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold Arabic connectors so the common transliterations of one name agree: ibn/ben/bn ->
    bin; abd al-rahman, abdul rahman, abdurrahman -> abd rahman (abd is a weak particle)."""
    if not any(_arabic_connector(text) for text, _ in words):
        return words  # a name reaching here for another word rule
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        text, orig = words[i]
        if text in BIN_FORMS and out:
            # a connector never opens a name: "Ben Netanyahu" keeps his given name
            out.append(("bin", orig))
            i += 1
            continue
        if text in _ABD_FORMS and i + 1 < len(words):
            j = i + 1
            if words[j][0] in _CONNECTORS and j + 1 < len(words):
                j += 1
            nxt = words[j][0]
            if nxt.isalpha() and len(nxt) >= 3 and nxt not in BIN_FORMS:
                out.extend((("abd", ""), (_abd_name(nxt), "")))
                i = j + 1
                continue
        match = _ABD_JOINED.match(text) if text.startswith("abd") else None
        if match is not None and text not in _ABD_FORMS:
            out.extend((("abd", ""), (_abd_name(match.group(1)), "")))
            i += 1
            continue
        # with no name after it (a customer file moved it to the end: Rahman Yasin Abdul), it
        # is still the particle its list spelling folds to
        out.append(("abd", orig) if text in _ABD_FORMS else (text, orig))
        i += 1
    return out


ABBREVIATIONS = {
    "corp": "corporation", "co": "company", "intl": "international", "inst": "institute",
    "assn": "association", "assoc": "association", "ind": "industries", "inds": "industries",
    "mfg": "manufacturing", "natl": "national", "bros": "brothers", "grp": "group", "svcs": "services",
    "tech": "technology", "univ": "university", "dept": "department", "min": "ministry",
    "usa": "us",
}  # fmt: skip
"""Abbreviations of organisation words, expanded so that Microsoft Corp. ~ Microsoft Corporation."""


_ROMAN = re.compile(r"^[ivxlc]+$")
_ALTERNATIVES = re.compile(r"\s*/\s*")


def split_alternatives(text: str) -> list[str]:
    """`AL QA'IDA/ISLAMIC ARMY` is two names; `A/S` or `c/o` are not split."""
    if "/" not in text:
        return [text]
    parts = _ALTERNATIVES.split(text)
    if len(parts) > 1 and all(len(p.strip()) >= 5 for p in parts):
        return [p.strip() for p in parts]
    return [text]


@lru_cache(maxsize=1)
def _number_words() -> dict[tuple[str, ...], str]:
    """Spelled-out numbers and ordinals (rigour's multilingual table: forty-four, 1st, XXI,
    veintiuno) -> digits, keyed by their ASCII word sequence."""
    table: dict[tuple[str, ...], str] = {}
    for number, forms in ordinals_dict().items():
        for form in forms:
            words = tuple(p for w in split_words(form) for p in ascii_token(w))
            if words and len(words) <= 3 and not (len(words) == 1 and words[0] == str(number)):
                table.setdefault(words, str(number))
    return table


@lru_cache(maxsize=1)
def _number_openers() -> frozenset[str]:
    """The words a spelled-out number can begin with: a name holding none has nothing to replace."""
    return frozenset(words[0] for words in _number_words())


def preload() -> None:
    """Build what the first name forms build on first use (the spelled-out number table, a few
    tenths of a second of transliteration; rigour's legal-form table) now, for a caller with idle
    time before its first query."""
    _number_openers()
    replace_org_types_compare("", generic=True)


def _replace_phrases(
    words: list[tuple[str, str]],
    table: dict[tuple[str, ...], str],
    allowed: Callable[[int, tuple[str, ...]], bool],
) -> list[tuple[str, str]]:
    """Replace the phrases of `table` (up to three words, longest first) by their value, where
    `allowed(position, phrase)` agrees."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            key = tuple(t for t, _ in words[i : i + size])
            if len(key) == size and key in table and allowed(i, key):
                out.append((table[key], ""))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _spelled_number(i: int, key: tuple[str, ...]) -> bool:
    """A single letter is no number, nor is a Roman numeral opening a name ("Vi Group")."""
    return not (len(key) == 1 and (len(key[0]) == 1 or (i == 0 and _ROMAN.match(key[0]))))


_TENS = frozenset(str(n) for n in range(20, 100, 10))


def _numbers(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Replace spelled-out numbers by digits, longest phrase first (Brigade Forty-Four -> 44);
    tens spelled out before a digit are one number (Forty 4 -> 44)."""
    openers = _number_openers()
    if not any(text in openers for text, _ in words):
        return words
    out = _replace_phrases(words, _number_words(), _spelled_number)
    merged: list[tuple[str, str]] = []
    for text, original in out:
        if (
            merged
            and merged[-1][1] == ""
            and merged[-1][0] in _TENS
            and len(text) == 1
            and text in "123456789"
        ):
            merged[-1] = (str(int(merged[-1][0]) + int(text)), "")
        else:
            merged.append((text, original))
    return merged


_UNITED = re.compile(r"\bunited (states|kingdom|arab emirates)\b")
_UNITED_ABBREVIATIONS = {"states": "us", "kingdom": "uk", "arab emirates": "uae"}


def _countries_abbreviated(text: str) -> str:
    """`united states department of state` -> `us department of state`, as U.S. is written (the
    dotted form is already one acronym, `us`; `usa` is an abbreviation of the word list)."""
    if "united " not in text:
        return text
    return _UNITED.sub(lambda found: _UNITED_ABBREVIATIONS[found.group(1)], text)


def _merge_acronyms(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs of single letters in an organisation name are one acronym: A.B.C. -> abc."""
    out: list[tuple[str, str]] = []
    run: list[str] = []
    for text, orig in [*words, ("", "")]:
        if len(text) == 1 and text.isalpha():
            run.append(text)
            continue
        if run:
            out.append(("".join(run), ""))
            run = []
        if text:
            out.append((text, orig))
    return out


_CAPITAL_INITIALS = re.compile(r"\b[BCDFGHJKLMNPQRSTVWXZ]{2,3}\b")


def _initials(text: str) -> str:
    """`JC Juncker` -> `J C Juncker`: in a name written in mixed case, a word of two or three
    capitals with no vowel is initials run together (a surname written in capitals has vowels)."""
    if text.isupper() or not _CAPITAL_INITIALS.search(text):
        return text  # (with a capitals word found, not all upper means some letter is lower)
    return _CAPITAL_INITIALS.sub(_split_initials, text)


def _split_initials(found: re.Match[str]) -> str:
    word = found.group(0)
    return word if word.lower() in TITLES else " ".join(word)  # JR, MR, DR are no initials


def _person_order(text: str) -> str:
    """`MADURO MOROS, Nicolas` -> `Nicolas MADURO MOROS`; other commas separate nothing."""
    if text.count(",") == 1:
        family, given = (p.strip() for p in text.split(","))
        if family and given and len(given.split()) <= 4:
            return f"{given} {family}"
    return text.replace(",", " ")


_GLUED_TAIL = re.compile(r"(?<=[a-z])(?:[A-Z]{2,5}|GmbH)\b")


def _unglue_legal_form(text: str) -> str:
    """`SiemensAG` -> `Siemens AG`: a legal form written onto the name is told apart by its
    capitals after a lower-case letter, and split off only when rigour knows it as one (so
    `PayPal` and `McKinseyUSA` stay as written)."""
    if text.isupper() or text.islower() or not _GLUED_TAIL.search(text):
        return text

    def split(found: re.Match[str]) -> str:
        tail = found.group(0)
        known = replace_org_types_compare(tail.lower(), generic=True)
        return f" {tail}" if known in LEGAL_FORMS else tail

    return _GLUED_TAIL.sub(split, text)


_ROMAN_NUMERAL = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
_ROMAN_WORD = re.compile(r"(?<=\w[\s,.-])\s*\b(" + _ROMAN_NUMERAL.pattern + r")(?![a-z0-9])")
"""A whole word that is a numeral, after a first word (the lookahead keeps it from ending early)."""
_WORD_BEFORE = re.compile(r"[a-z0-9]{2}[\s,]*$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral up to 39 written in lower case (`xii` -> 12), else None."""
    if not _ROMAN_NUMERAL.fullmatch(text):
        return None
    total = 0
    for letter, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _roman_numerals(text: str) -> str:
    """`Carlyle Partners VIII L.P.` -> `carlyle partners 8 l.p.`: a series numeral after the
    first word of a lower-cased organisation or vessel name, written as digits before rigour's
    legal-form rules read it (they take `ii` for a legal form). A single letter counts only at
    the end, before legal forms at most, after a word (`Trust I`, not `I Squared Capital` or
    `B.V.`)."""
    if not _ROMAN_WORD.search(text):
        return text

    def digits(found: re.Match[str]) -> str:
        numeral = found.group(1)
        if len(numeral) == 1:
            if not _WORD_BEFORE.search(text, 0, found.start()) or text[found.end() : found.end() + 1] == ".":
                return found.group(0)  # B.V., S.p.A.: letters of an abbreviation
            rest = replace_org_types_compare(text[found.end() :], generic=True)
            if any(word not in LEGAL_FORMS for word in split_words(rest)):
                return found.group(0)
        return found.group(0).replace(numeral, str(roman_value(numeral)))

    return _ROMAN_WORD.sub(digits, text)


_NOT_JOINED = (Role.PARTICLE, Role.TITLE, Role.LEGAL)
"""Roles left out of a form's `joined` text."""
_NOT_SPELLED = (Role.TITLE, Role.LEGAL)
"""Roles left out of a form's `spelled` text: particles are kept."""


_ARABIC_WORD = 1  # a connector _fold_arabic folds (bin, ibn, abd...)
_NUMBER_WORD = 2  # a word a spelled-out number can open
_ORGANIZATION_WORD = 4  # a single letter (_merge_acronyms) or an abbreviation (ABBREVIATIONS)
_RULES_OF = {
    Kind.PERSON: _ARABIC_WORD,
    Kind.ORGANIZATION: _ARABIC_WORD | _NUMBER_WORD | _ORGANIZATION_WORD,
    Kind.ENTITY: _ARABIC_WORD | _NUMBER_WORD | _ORGANIZATION_WORD,
    Kind.OBJECT: _NUMBER_WORD,
}
"""Per kind, the word flags whose presence sends a name through its word rules."""


@lru_cache(maxsize=300_000)
def _word_tokens(word: str) -> tuple[tuple[Token, ...], int]:
    """A word's tokens and the flags of the word rules that could change them: remembered,
    because a list's names are made of far fewer words than names, and most names meet no
    word rule at all, so their tokens are their words' tokens put together."""
    parts = ascii_token(word)
    openers = _number_openers()
    flags = 0
    for part in parts:
        if _arabic_connector(part):
            flags |= _ARABIC_WORD
        if part in openers:
            flags |= _NUMBER_WORD
        if (len(part) == 1 and part.isalpha()) or part in ABBREVIATIONS:
            flags |= _ORGANIZATION_WORD
    return tuple([make_token(part, word) for part in parts]), flags


def _ruled_tokens(words: list[str], kind: Kind) -> tuple[Token, ...]:
    """The tokens of a name's words after the word rules of its kind (Arabic connectors,
    spelled-out numbers, acronyms, abbreviations)."""
    pairs = [(part, word) for word in words for part in ascii_token(word)]
    if kind != Kind.OBJECT:
        pairs = _fold_arabic(pairs)
    if kind != Kind.PERSON:
        pairs = _numbers(pairs)
    if kind in (Kind.ORGANIZATION, Kind.ENTITY):
        pairs = _merge_acronyms(pairs)
        pairs = [(ABBREVIATIONS.get(t, t), o) for t, o in pairs]
    tokens = tuple([make_token(t, o or None) for t, o in pairs if t])
    if kind == Kind.PERSON and tokens and tokens[0].text in GIVEN_CONNECTORS:
        # opening a person's name, Ben is the given name (Ben Netanyahu), not "son of"
        tokens = (make_token(tokens[0].text, pairs[0][1] or None, Role.NAME), *tokens[1:])
    return tokens


@lru_cache(maxsize=200_000)
def name_form(text: str, kind: Kind) -> NameForm | None:
    """The comparable form of a name, or None when nothing comparable is left."""
    text = clean_text(text)
    if not text:
        return None
    if kind is Kind.PERSON:
        text = _person_order(_initials(text))
    elif kind is Kind.OBJECT:
        text = _roman_numerals(remove_obj_prefixes(text.lower()) or text.lower())
    else:
        lowered = _countries_abbreviated(_roman_numerals(_unglue_legal_form(text).lower()))
        text = replace_org_types_compare(lowered, generic=True) or text
    words = split_words(text)
    found = [_word_tokens(word) for word in words]
    flags = 0
    for _, word_flags in found:
        flags |= word_flags
    if flags & _RULES_OF[kind]:
        tokens = _ruled_tokens(words, kind)
    elif len(found) == 1:
        tokens = found[0][0]
    else:
        tokens = tuple([token for word_tokens, _ in found for token in word_tokens])
    if not tokens:
        return None
    texts = [t.text for t in tokens]
    core = [t.text for t in tokens if t.role not in _NOT_JOINED]
    spelled = ""
    if Role.PARTICLE in [t.role for t in tokens]:
        spelled = "".join([t.text for t in tokens if t.role not in _NOT_SPELLED])
    cjk_scripts, cjk = cjk_characters(text)
    return NameForm(
        original=text,
        tokens=tokens,
        joined="".join(core) or "".join(texts),
        core_count=sum([t.core for t in tokens]),
        has_bin="bin" in texts,
        comparable=" ".join(texts),
        cjk_scripts=cjk_scripts,
        cjk=cjk,
        spelled=spelled,
    )


@lru_cache(maxsize=100_000)
def name_forms(text: str, kind: Kind) -> tuple[NameForm, ...]:
    """The distinct comparable forms of a raw name that may hold alternatives
    (`split_alternatives`), in order."""
    parts = split_alternatives(text)
    if len(parts) == 1:
        form = name_form(parts[0], kind)
        return () if form is None else (form,)
    return distinct_forms(form for part in parts for form in [name_form(part, kind)] if form is not None)


def distinct_forms(forms: Iterable[NameForm]) -> tuple[NameForm, ...]:
    """The forms in order, each comparable text once (the first form that has it)."""
    found: dict[str, NameForm] = {}
    for form in forms:
        if form.comparable not in found:
            found[form.comparable] = form
    return tuple(found.values())


FORM_HEADER = struct.Struct("=iiii")
"""What a comparison reads of a form before its tokens: core count, joined length, flags (and the
length of `spelled`), count."""
FORM_BIN = 1
FORM_CJK = 2
FORM_PARTICLE = 4
SPELLED_SHIFT = 8
"""The flags' bits from here up hold the length of `spelled`, so the aligner reads the text only
when two lengths are equal."""


PACKED_LAYOUT: dict[str, object] = {
    **struct_layout("token", PACKED_TOKEN, ("serial", "weight", "flags")),
    **struct_layout("form", FORM_HEADER, ("core_count", "joined_length", "flags", "count")),
    "FORM_BIN": FORM_BIN,
    "FORM_CJK": FORM_CJK,
    "FORM_PARTICLE": FORM_PARTICLE,
    "SPELLED_SHIFT": SPELLED_SHIFT,
    "FLAG_CORE": FLAG_CORE,
    "FLAG_BIN": FLAG_BIN,
    "FLAG_INITIAL": FLAG_INITIAL,
    "FLAG_COMPOUND": FLAG_COMPOUND,
    "FLAG_PLACE": FLAG_PLACE,
}
"""The packed form and token records as the compiled aligner must read them: `names._align`
declares its structs and flags apart (C cannot read these), so `watchfloor.compiled.load`
compares this with the extension's own `LAYOUT` and refuses an extension that disagrees."""


def pack_form(form: NameForm) -> bytes:
    """A name form as one C array for the compiled aligner (`names._align`): the header, then
    each token's record (serial, weight, flags; `Token.packed`), so its loops read no
    Python object. Made once per form, on its first comparison."""
    flags = (FORM_BIN if form.has_bin else 0) | (FORM_CJK if form.cjk else 0)
    if form.spelled:
        flags |= FORM_PARTICLE | (len(form.spelled) << SPELLED_SHIFT)
    header = FORM_HEADER.pack(form.core_count, len(form.joined), flags, len(form.tokens))
    return header + b"".join([t.packed for t in form.tokens])
