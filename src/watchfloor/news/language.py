"""Language detection by stop-word ratio: enough to tell English from Spanish reporting.

A statistical detector would add a dependency for two languages whose function words barely
overlap; counting them is fast, deterministic and explains itself.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string (readable, diff-friendly)."""
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": words(
        "the of and to in a is that for on with as was by at it from be this are have has an which "
        "or were their its not but he she they said will would been who "
    ),
    "es": words(
        "el la los las de del y en a que por con para un una es se su sus al lo como más pero fue "
        "ha han son este esta dijo según será sobre entre "
    ),
}
SUPPORTED = tuple(STOP_WORDS)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, default: str = "en", sample_chars: int = 5000) -> str:
    """The supported language whose stop words cover most of the text's words (ISO 639-1)."""
    words = _WORD.findall(text[:sample_chars].lower())
    if not words:
        return default
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in STOP_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default


# Ranks and titles the tokenizers leave apart from their full stop ("National Guard Cmdr. Antonio
# Jose Benavides", "el Gral. Hugo Carvajal"): the name goes on, the sentence does not end there.
RANK_ABBREVIATIONS = words(
    "Cmdr Cmdt Col Lt Capt Sgt Adm Maj Brig Gral Cnel Tte Cap Sgto Cmdte Almte Lic Ing Dra Sra Srta"
)


# Kin nouns, each with the relationship it names (FtM Family's ``relationship``): one list for every
# reader of family, the links ("his son X", "hija de X") and the designations' parties ("y a su
# hermano X", "the sons of X's wife, NAME").
KIN_NOUNS: dict[str, str] = {
    **{w: w for w in words("son daughter wife husband brother sister father mother nephew niece cousin")},
    **{"hijo": "son", "hija": "daughter", "esposa": "wife", "esposo": "husband", "hermano": "brother"},
    **{"hermana": "sister", "padre": "father", "madre": "mother", "sobrino": "nephew", "sobrina": "niece"},
    **{"primo": "cousin", "prima": "cousin"},
    # a person's children, grandchildren, in-laws and widow are family too
    **{"children": "child", "child": "child", "stepson": "son", "stepdaughter": "daughter"},
    **{"grandson": "grandson", "granddaughter": "granddaughter", "uncle": "uncle", "aunt": "aunt"},
    **{"nieto": "grandson", "nieta": "granddaughter", "tío": "uncle", "tía": "aunt"},
    **{"tio": "uncle", "tia": "aunt"},
    **{"suegro": "father-in-law", "suegra": "mother-in-law", "cuñado": "brother-in-law"},
    **{"cuñada": "sister-in-law", "yerno": "son-in-law", "nuera": "daughter-in-law"},
    **{w: w for w in ("son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law")},
    **{w: w for w in ("father-in-law", "mother-in-law")},
    **{"hijastro": "son", "hijastra": "daughter", "widow": "widow", "viuda": "widow"},
}
KIN_PLURALS: dict[str, str] = {
    **{f"{w}s": w for w in words("son daughter brother sister nephew niece cousin grandson uncle aunt")},
    **{"hijos": "son", "hijas": "daughter", "hermanos": "brother", "sobrinos": "nephew", "primos": "cousin"},
    **{"siblings": "sibling", "hermanas": "sister", "primas": "cousin", "cuñados": "brother-in-law"},
    **{"nietos": "grandson", "tíos": "uncle", "tios": "uncle"},
}
KIN_NOUNS |= KIN_PLURALS
# the same words as regular expressions' alternations, longest first ("sons" before "son")
KIN_WORDS = "|".join(sorted(map(re.escape, KIN_NOUNS), key=len, reverse=True))
PLURAL_KIN_WORDS = "|".join(sorted(map(re.escape, KIN_PLURALS), key=len, reverse=True))


# Nouns of who leads a group, one list for every reader of leadership: the links ("X, leader of Y")
# and the designations' parties ("the sons of the cartel's leader, NAME").
LEADER_NOUNS = (
    frozenset({"leader", "head", "chief", "boss", "commander", "jefe", "jefa", "líder", "lider", "cabecilla"})
    | words("leaders chiefs bosses commanders jefes jefas líderes lideres cabecillas dirigente dirigentes")
    | words("ringleader ringleaders kingpin kingpins capo capos")  # said of crime groups only
    | words("co-leader co-leaders coleader coleaders colíder colider colíderes colideres")
    | words("patriarca patriarcas")
    | words("emir emirs emires")  # a jihadist group's leader: "the emir of al-Shabaab"
    # a former leader, in one word: "X, exlíder del Cártel de Juárez"
    | words("exlíder exlider exlíderes exjefe exjefa exjefes excabecilla excabecillas")
)
# a founder of a group is one of its members ("X, cofundador del Tren de Aragua")
FOUNDER_NOUNS = words(
    "founder founders cofounder cofounders fundador fundadora fundadores cofundador cofundadora cofundadores"
)
LEADER_WORDS = "|".join(sorted(map(re.escape, LEADER_NOUNS | FOUNDER_NOUNS), key=len, reverse=True))
