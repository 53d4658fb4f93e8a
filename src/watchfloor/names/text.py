"""Text hygiene and transliteration: the only place raw input text is touched.

Every name passes through `clean_text` (control characters, Unicode normal form, length) and
each token through `ascii_token`, which transliterates any script to lower-case ASCII with
PyICU (via normality). Tokens repeat heavily across a list, so transliteration is cached per
token: the ICU call is the single most expensive step of normalisation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import icu
from normality import ascii_text
from rigour.text.scripts import text_scripts

MAX_NAME_LENGTH = 1000
"""Longer strings are not names; queries beyond it are refused, list values are cut."""

_INVISIBLE = re.compile(r"[\x00\xad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
"""Characters that show nothing inside a word (zero-width spaces and joiners, soft hyphen,
grapheme joiner, marks of direction, BOM, NUL): removed, so "Di\u200baby" is still Diaby."""
_CONTROL = re.compile(r"[\x01-\x1f\x7f-\x9f\u2028-\u202e\u2065-\u206f]")
"""Line breaks, tabs and other controls: they separate words, so they become spaces."""
_SPACE = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’`ʼʻ‘](?=\w)")
_SPLIT = re.compile(r"[^\w]+|_")

ABJAD_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
"""Scripts that leave short vowels unwritten: their transliterations need vowel-free comparison."""

HAN_SCRIPTS = frozenset({"Han"})
CJK_SCRIPTS = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})
"""Scripts whose characters are syllables or morphemes: romanisation merges many of them."""
_CJK_CHARACTER = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff"
    "\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\uff66-\uffdc\U00016fe0-\U00016fff\U0001aff0-\U0001b2ff\U00020000-\U000323af]"
)
"""Where the Han, Hangul and kana characters lie: a name with none of them is not written in
those scripts, found without asking for every script of the name (rigour's text_scripts)."""


def clean_text(text: str, limit: int = MAX_NAME_LENGTH) -> str:
    """NFC form, no invisible, control or format characters, single spaces, at most `limit`
    characters: the one cleaning every name goes through, whichever way it came in."""
    if (
        text.isprintable()
        and "  " not in text
        and (text.isascii() or (unicodedata.is_normalized("NFC", text) and "\u034f" not in text))
    ):
        # most names: no control or format character and no space but " " (every character
        # the two patterns replace is unprintable), and in NFC already
        return text.strip()[:limit]
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = _CONTROL.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:limit]


def split_words(text: str) -> list[str]:
    """Words of a cleaned string: apostrophes inside words vanish (Qa'ida -> Qaida), any other
    punctuation separates (hyphens included, so Al-Qaida -> Al Qaida)."""
    text = text.lower()
    if text.replace(" ", "").isalnum() and "ʼ" not in text and "ʻ" not in text:
        # letters and digits between spaces (most names): what `isalnum` accepts is `\w`,
        # and the only apostrophes it accepts are the two modifier letters
        return text.split()
    text = _APOSTROPHES.sub("", text)
    return [w for w in _SPLIT.split(text) if w]


@lru_cache(maxsize=200_000)
def script_of(word: str) -> str:
    """The dominant non-Latin script of a word, "Latin" when it has none."""
    scripts = text_scripts(word)
    scripts.discard("Latin")
    scripts.discard("Common")
    if not scripts:
        return "Latin"
    return sorted(scripts)[0]


@lru_cache(maxsize=1)
def _cyrillic_transliterator() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Russian-Latin/BGN; Latin-ASCII")


def _cyrillic(word: str) -> str:
    """BGN/PCGN romanisation, the one sanctions lists use (Romashka, not Romaska)."""
    return str(_cyrillic_transliterator().transliterate(word))


@lru_cache(maxsize=500_000)
def ascii_token(word: str) -> tuple[str, ...]:
    """Transliterate one word to ASCII tokens.

    A Han word comes back from ICU as pinyin syllables ("xi jin ping"); Chinese personal names
    are romanised as family syllable + joined given syllables ("xi", "jinping"), so that is the
    form returned. A word ICU cannot transliterate (it yields "?") keeps its own lower-case form,
    so two names in the same rare script still compare.
    """
    if word.isascii():
        out = _NON_ALNUM.sub(" ", word.lower()).split()
        return tuple(out)
    script = script_of(word)
    if script == "Hangul" and all(_HANGUL_FIRST <= ord(c) <= _HANGUL_LAST for c in word):
        return hangul_syllables(word)
    latin = _cyrillic(word) if script == "Cyrillic" else None
    if latin is None or not latin.isascii():
        # BGN covers Russian letters only (not Serbian ћ, Mongolian ү): ICU's generic rules then
        latin = ascii_text(word)
    if script not in HAN_SCRIPTS:
        # one word in, one token out: soft signs and hyphens inside a word do not split it
        latin = _NON_ALNUM.sub("", (latin or "").lower().replace("?", ""))
    parts = _NON_ALNUM.sub(" ", (latin or "").replace("?", "").lower()).split()
    if not parts or (latin or "").count("?") * 2 > len(latin or ""):
        return (word.lower(),)
    if script in ABJAD_SCRIPTS and len(parts) == 1 and parts[0].startswith("al") and len(parts[0]) > 4:
        # the Arabic article is written joined to the word it defines: الدليمي -> al dlymy
        return ("al", parts[0][2:])
    if script in HAN_SCRIPTS and len(parts) > 2:
        return (parts[0], "".join(parts[1:]))
    return tuple(parts)


# Revised Romanization of Korean, syllable by syllable: a Hangul syllable is one code point made
# of an initial, a vowel and a final (Unicode's arithmetic). ICU romanises letter by letter and
# joins the syllables ("gimjeongeun", "baggeunhye"); lists write names a syllable per part.
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_VOWELS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "-",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


def hangul_syllables(word: str) -> tuple[str, ...]:
    """A Hangul word's syllables in Revised Romanization ("김정은" -> gim, jeong, eun)."""
    out = []
    for character in word:
        index = ord(character) - _HANGUL_FIRST
        initial, rest = divmod(index, 21 * 28)
        vowel, final = divmod(rest, 28)
        syllable = _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]
        out.append(syllable.replace("-", ""))
    return tuple(out)


@lru_cache(maxsize=1)
def _simplifier() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Traditional-Simplified")


def cjk_characters(text: str) -> tuple[str, str]:
    """(scripts, letters) of a name written wholly in Han, Hangul or kana, traditional Han
    simplified ("Han", "习近平"); ("", "") for any other name.

    Romanisation merges homophones: 高石 and 高市 are both "gao shi", 김종은 and 김정은 differ by
    one letter of "jong"/"jeong". Two names in the same such scripts are compared on their
    characters as well; a name in Han and its Hangul spelling are not (the characters differ).
    """
    if text.isascii() or not _CJK_CHARACTER.search(text):
        return "", ""
    scripts: set[str] = set()
    letters: list[str] = []
    for word in text.split():
        word_scripts, word_letters = _cjk_word(word)
        scripts |= word_scripts
        letters.append(word_letters)
    if not scripts or not scripts <= CJK_SCRIPTS:
        return "", ""
    return "+".join(sorted(scripts)), "".join(letters)


@lru_cache(maxsize=200_000)
def _cjk_word(word: str) -> tuple[frozenset[str], str]:
    """The scripts of one word of a name and its letters, traditional Han simplified:
    remembered per word, because a list's names share their family and given names while
    the ICU conversion costs about 100 µs a call (a name is converted word by word, which
    gives the same letters: the conversion maps characters, and spaces are not letters)."""
    scripts = text_scripts(word)
    scripts.discard("Common")
    letters = "".join(c for c in str(_simplifier().transliterate(word)) if c.isalpha())
    return frozenset(scripts), letters
