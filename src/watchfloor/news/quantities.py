"""Quantities with their qualifiers: "at least 83 people killed", "cuatro lanchas", "failed 49-51".

A figure is kept only when its measure is recognisable (killed, strikes, boats, troops, votes,
percent of a poll or another share, a sum of money in its currency (a reward, a loan, a fine, any
amount), people indicted, charged or deported, drugs seized by
weight, the seats of a chamber and the votes a motion needs, people counted for what happened to
them or plainly, unless they refer back or are the report's sources...) and its sentence is
asserted, not speculation: statute numbers, years, ages, footnotes and number words inside names
("Ten Most Wanted") are not claims. Numbers are read from digits ("4,000",
"200.000", "$50 million", "4 mil") and from words through ``number_parser`` ("six", "catorce",
"once", "a dozen"); an article ("a", "un") or "one of the" is never a figure.

The qualifier ("at least", "nearly", "más de", a range "69 to 70") becomes the interval the wording
supports; a vote tally ("failed 49-51", "51 en contra") becomes votes_for and votes_against. Measure
and topic are normalised so that one series groups across sentences and articles and nothing else
joins it (``watchfloor.crisis.reconcile`` compares within a series only):

* a running toll ("the death toll has risen to 86", "at least 83 people have been killed in the
  strikes") is ``killed`` about the campaign, "boat strikes" whenever the article is about strikes
  on boats, whether the sentence says "boats" or only "strikes", true as of publication;
* the figure of one strike is about that strike: "boat strikes on 2025-10-28" when the text dates
  it, else "boat strikes: one strike reported <publication date>";
* a part of a whole ("8 in the Pacific" beside the Caribbean) or a subset ("including three
  women") names its part, so that it is never compared with the whole.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from number_parser import parse_number
from number_parser.parser import LanguageData

from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.news.context import ArticleContext, is_quoted
from watchfloor.news.dates import CALENDAR_KEYS
from watchfloor.news.events import EventMatch
from watchfloor.news.mentions import name_key
from watchfloor.news.modality import Modality, clause_modality, clause_span, sentence_modality

QUALIFIERS: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "more than": Qualifier.AT_LEAST,
    "over": Qualifier.AT_LEAST,
    "upwards of": Qualifier.AT_LEAST,
    "just over": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "a minimum of": Qualifier.AT_LEAST,
    "un mínimo de": Qualifier.AT_LEAST,
    "un minimo de": Qualifier.AT_LEAST,
    "al menos": Qualifier.AT_LEAST,
    "por lo menos": Qualifier.AT_LEAST,
    "como mínimo": Qualifier.AT_LEAST,
    "más de": Qualifier.AT_LEAST,
    "mas de": Qualifier.AT_LEAST,
    "poco más de": Qualifier.AT_LEAST,
    "nearly": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "close to": Qualifier.ABOUT,
    "cerca de": Qualifier.ABOUT,
    "casi": Qualifier.ABOUT,
    "unos": Qualifier.ABOUT,
    "unas": Qualifier.ABOUT,
    "alrededor de": Qualifier.ABOUT,
    "aproximadamente": Qualifier.ABOUT,
    "en torno a": Qualifier.ABOUT,
    "cercano a": Qualifier.ABOUT,
    "cercana a": Qualifier.ABOUT,
    "cercanos a": Qualifier.ABOUT,
    "cercanas a": Qualifier.ABOUT,
    "up to": Qualifier.AT_MOST,
    "as many as": Qualifier.AT_MOST,
    "as much as": Qualifier.AT_MOST,
    "fewer than": Qualifier.AT_MOST,
    "less than": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST,
    "a maximum of": Qualifier.AT_MOST,
    "un máximo de": Qualifier.AT_MOST,
    "un maximo de": Qualifier.AT_MOST,
    "como máximo": Qualifier.AT_MOST,
    "hasta": Qualifier.AT_MOST,
    "menos de": Qualifier.AT_MOST,
    # a ceiling said by denying more: "no more than 3", "un respaldo que no supera el 3%"
    "no more than": Qualifier.AT_MOST,
    "not more than": Qualifier.AT_MOST,
    "does not exceed": Qualifier.AT_MOST,
    "do not exceed": Qualifier.AT_MOST,
    "no más de": Qualifier.AT_MOST,
    "no mas de": Qualifier.AT_MOST,
    "no supera": Qualifier.AT_MOST,
    "no superan": Qualifier.AT_MOST,
    "no excede": Qualifier.AT_MOST,
    "no exceden": Qualifier.AT_MOST,
    "only": Qualifier.EXACT,
    "solo": Qualifier.EXACT,
    "sólo": Qualifier.EXACT,
}
# the upper end is the figure itself: "nearly 200,000" supports 180,000..200,000
_BELOW = frozenset({"nearly", "almost", "casi", "close to"})
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
QUALIFIER_BEFORE = re.compile(
    # Spanish contracts "de el" and "a el": "alrededor del 4 %", "más del 60 %", "en torno al 39 %"
    # a figure set in bold or italics ("unos **4.000 marines**") keeps its qualifier
    rf"(?:^|[^\w])(?P<qual>{_QUAL})(?:(?<=de|\sa)l)?\s*,?\s+(?:a\s+)?(?:(?:the|el|la|los|las)\s+)?(?:US\$|\$|USD\s*)?"
    r"(?:\*{1,2}|_{1,2})?$",
    re.I,
)

# --- reading numbers -------------------------------------------------------------------------

DIGITS = re.compile(
    r"(?<![\w.,/:#§])(?<![^\W\d_]-)(?:(?P<grouped>\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)"
    r"|(?P<plain>\d+(?:[.,]\d+)?))"
    r"(?:(?![\w/:]|[.,]\d)|(?=(?:M|MM|mn|bn|B|K)\b))"  # "$15M": a sum's scale in one letter
)
SCALE_ABBREVIATION = re.compile(r"(?:MM|mn|bn|M|B|K)\b")
ABBREVIATED_SCALES = {"m": 10**6, "mm": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "k": 1000}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# words number_parser leaves out; a dozen or a hundred-odd is an estimate, not a count
EXTRA_WORDS: dict[str, dict[str, int]] = {
    "en": {"dozen": 12},
    "es": {"docena": 12, "centenar": 100, "decena": 10, "veintena": 20, "treintena": 30},
}
APPROXIMATE_WORDS = frozenset({"dozen", "docena", "centenar", "decena", "veintena", "treintena"})
# determiners that read as "1" to number_parser: only with a scale word ("un millón") are they numbers
ARTICLES = frozenset({"a", "an", "un", "una", "uno", "one"})
SCALE_AFTER_DIGITS = re.compile(
    r"\s+(?P<scale>(?:(?:mil|million|millions|billion|thousand|millones|millón|millon|billones)\b\s*)+)", re.I
)


@dataclass(frozen=True)
class Number:
    """A number as written: its span in the sentence, its value and how it was written."""

    start: int
    end: int
    value: float
    spelled: bool  # words ("six"), not digits
    approximate: bool = False  # "a dozen", "un centenar"
    article_one: bool = False  # "one" / "uno": a count only with a person noun right after
    indefinite: bool = False  # Spanish "un" / "una": one only as "un sobreviviente", "una persona murió"
    scale: float = 1.0  # the scale word written after digits: "15 millones" has 10**6


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """Lower case without accents; remembered, since reporting repeats its words."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=4)
def _lexicon(lang: str) -> tuple[frozenset[str], frozenset[str], dict[str, int]]:
    """number_parser's own number words, joiners and scale words for a language (English otherwise)."""
    data = LanguageData(lang if lang in ("en", "es") else "en")
    scales = {_fold(w): int(v) for w, v in data.big_powers_of_ten.items()}
    words = frozenset(data.all_numbers) | frozenset(EXTRA_WORDS.get(lang, {}))
    return words, frozenset(data.skip_tokens) - {"-"}, scales


def _digit_value(text: str, lang: str) -> float:
    """'4,000' -> 4000; '200.000' (Spanish) -> 200000; '8 000' (thousands set apart by a space, as
    Spanish style guides write them) -> 8000; '2.5' -> 2.5; '2,5' (Spanish, or a decimal comma in
    English text) -> 2.5."""
    if re.fullmatch(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+", text):
        return float(re.sub(r"[,. \u00a0\u202f]", "", text))
    if lang == "es" or re.fullmatch(r"\d+,\d{1,2}", text):  # "38,9%": no thousands group has two digits
        text = text.replace(",", ".")
    return float(text.replace(",", ""))


def _spelled_value(words: list[str], lang: str) -> float | None:
    extra = EXTRA_WORDS.get(lang, {})
    if len(words) == 1 and words[0] in extra:
        return float(extra[words[0]])
    if len(words) == 2 and words[0] in ARTICLES and words[1] in extra:
        return float(extra[words[1]])  # "a dozen", "un centenar"
    return _parsed_number(" ".join(words), lang if lang in ("en", "es") else "en")


@lru_cache(maxsize=4096)
def _parsed_number(text: str, lang: str) -> float | None:
    """number_parser's reading of a run of number words, remembered: it folds its whole vocabulary
    for every call, and the same few runs ("two", "dozens of") recur article after article."""
    value = parse_number(text, language=lang)
    return float(value) if value is not None else None


def find_numbers(sentence: str, lang: str) -> list[Number]:
    """Every number of a sentence, in digits or in words, with its scale ("50 millones")."""
    numbers = [_with_scale(sentence, m, lang) for m in DIGITS.finditer(sentence)]
    spelled = _spelled_numbers(sentence, lang)
    glossed: set[int] = set()
    for index, word in enumerate(spelled):
        gloss = DIGIT_GLOSS.match(sentence, word.end)
        if gloss and float(gloss.group("n")) == word.value:
            # "siete (7) sujetos": legal writing glosses a number in words with its digits; one count
            spelled[index] = replace(word, end=gloss.end())
            glossed.add(gloss.start("n"))
    numbers = [n for n in numbers if n.start not in glossed] + spelled
    return sorted(numbers, key=lambda n: n.start)


DIGIT_GLOSS = re.compile(r"\s*\(\s*(?P<n>\d{1,4})\s*\)")


def _with_scale(sentence: str, match: re.Match[str], lang: str) -> Number:
    value = _digit_value(match.group(), lang)
    scale = SCALE_AFTER_DIGITS.match(sentence, match.end())
    abbreviated = SCALE_ABBREVIATION.match(sentence, match.end())
    if abbreviated and MONEY_BEFORE.search(sentence, 0, match.start()):
        letter = float(ABBREVIATED_SCALES[abbreviated.group().lower()])
        return Number(match.start(), abbreviated.end(), value * letter, False, scale=letter)
    if scale is None:
        return Number(match.start(), match.end(), value, spelled=False)
    scales = _lexicon(lang)[2] | {"million": 10**6, "millions": 10**6, "billion": 10**9, "thousand": 1000}
    factor = 1.0
    for word in scale.group("scale").split():
        factor *= scales.get(_fold(word), 1)
    end = scale.start("scale") + len(scale.group("scale").rstrip())
    return Number(match.start(), end, value * factor, False, scale=factor)


def _spelled_numbers(sentence: str, lang: str) -> list[Number]:
    """Runs of number words ("twenty-six", "ciento cinco", "a dozen"), read by number_parser."""
    words, joiners, scales = _lexicon(lang)
    articles = ARTICLES - {"a", "an"} if lang == "es" else ARTICLES  # Spanish "a" is "to": "mató a una"
    found: list[Number] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and _fold(run[-1].group()) in joiners:
            run.pop()
        if run:
            number = _run_number(run, lang, scales)
            if number is not None:
                found.append(number)
        run.clear()

    for token in WORD.finditer(sentence):
        folded = _fold(token.group())
        parts = folded.split("-")
        gap = sentence[run[-1].end() : token.start()] if run else ""
        is_number = all(p in words for p in parts) or (folded in articles and not run)
        if is_number and token.start() and sentence[token.start() - 1] in "'’":
            is_number = False  # the end of a word with an apostrophe: "Kan'an", "O'Neil"
        if run and (gap.strip() or not (is_number or folded in joiners)):
            close()
        if is_number or (run and folded in joiners):
            run.append(token)
    close()
    return found


PER_BEFORE = re.compile(r"\bpor\s+$", re.I)
VAGUE_BEFORE = re.compile(
    r"\b(?:several|some|a\s+few|few|many|varias|varios|algunas|algunos|muchas|muchos|pocas|pocos)\s+$", re.I
)


def _run_number(run: list[re.Match[str]], lang: str, scales: dict[str, int]) -> Number | None:
    folded = [_fold(t.group()) for t in run]
    if folded == ["ciento"] and PER_BEFORE.search(run[0].string, 0, run[0].start()):
        return None  # the "ciento" of "40 por ciento", not a hundred
    if lang == "es" and folded in (["un"], ["una"]):
        # Spanish writes the count one with the article: "dos muertos y un sobreviviente"
        return Number(run[0].start(), run[0].end(), 1.0, True, article_one=True, indefinite=True)
    if (len(folded) == 1 and folded[0] in ("a", "an", "un", "una")) or folded[0] in scales:
        return None  # an article, or "millones" after digits
    if len(folded) == 1 and folded[0] in APPROXIMATE_WORDS and VAGUE_BEFORE.search(run[0].string, 0, run[0].start()):
        return None  # "several dozen deputies", "varias decenas de personas": how many, nobody says
    if folded[0] in ("a", "an", "un", "una") and not (set(folded[1:]) & (set(scales) | APPROXIMATE_WORDS)):
        # "un ataque": an article; "un millón", "a dozen", "un centenar": a number
        run, folded = run[1:], folded[1:]
        if not run or (len(folded) == 1 and folded[0] in ARTICLES):
            return None
    if folded[0] in ("a", "an"):
        folded = ["one", *folded[1:]]  # "a hundred", "a million"
    value = _spelled_value([p for word in folded for p in word.split("-")], lang)
    if value is None:
        return None
    approximate = bool(set(folded) & APPROXIMATE_WORDS)
    one = len(folded) == 1 and folded[0] in ARTICLES
    return Number(run[0].start(), run[-1].end(), value, True, approximate, one)


# --- what a number counts --------------------------------------------------------------------


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\b", re.I)


# head nouns -> measure, most specific first; people are refined by what happened to them
NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "killed",
        _words(
            r"dead|deaths|killed|fatalities|lives|muertos|muertas|muertes|fallecidos|fallecidas|"
            r"v[íi]ctimas\s+mortales|asesinados"
        ),
    ),
    ("survivors", _words(r"survivors?|sobrevivientes?|supervivientes?")),
    # armed men are the agents of what the sentence tells, unless a killing verb comes right before them
    (
        "attackers",
        _words(
            r"terrorists|terroristas|attackers|atacantes|gunmen|sicarios|fighters|combatientes|guerrilleros"
        ),
    ),
    # captives are counted as such, whatever verb is nearest: "matando a 1.200 personas y tomando 253 rehenes"
    ("hostages", _words(r"hostages|rehenes|secuestrados|captives|cautivos")),
    ("prisoners", _words(r"(?:political\s+)?prisoners|(?:presos|prisioneros)(?:\s+pol[íi]ticos)?|detainees")),
    ("injured", _words(r"injured|wounded|heridos|heridas|lesionados")),
    # oil tankers count when seized, boarded or sanctioned ("the coast guard intercepted three tankers"), before "ships"
    (
        "tankers",
        _words(
            r"(?:oil\s+)?tankers|supertankers|(?:buques\s+)?petroleros|buques\s+tanque|(?:buques\s+)?cisterna"
        ),
    ),
    (
        "ships",
        _words(
            r"warships?|destroyers?|submarines?|cruisers?|frigates?|aircraft\s+carriers?|"
            r"(?:amphibious\s+(?:assault\s+)?|navy\s+|naval\s+)?ships?|buques(?:\s+de\s+guerra)?|destructores|"
            r"submarinos?|cruceros|fragatas|portaaviones|barcos\s+de\s+guerra|naves\s+de\s+guerra"
        ),
    ),
    (
        "boats",
        _words(
            r"\w*boats?|vessels?|go-fasts?|semi-?submersibles?|narco-?subs?|lanchas?|"
            r"narcolanchas?|embarcaciones|embarcación|barcos?|botes?|semisumergibles?"
        ),
    ),
    ("strikes", _words(r"strikes?|airstrikes?|air\s+strikes?|attacks?|ataques?|bombardeos?")),
    ("explosions", _words(r"explosions|blasts|explosiones|detonaciones|estallidos")),
    ("operations", _words(r"operations|operaciones|ataques\s+letales")),
    (
        "troops",
        _words(
            r"troops|soldiers|sailors|marines|service\s*members|servicemembers|personnel|reservists|"
            r"militiamen|tropas|soldados|marineros|marines|infantes\s+de\s+marina|efectivos|militares|"
            r"reservistas|milicianos"
        ),
    ),
    (
        "aircraft",
        _words(
            r"aircraft|(?:fighter\s+)?jets|planes|bombers|helicopters|drones|squadrons?|aviones|cazas|"
            r"bombarderos|helic[óo]pteros|escuadr[óo]n(?:es)?"
        ),
    ),
    (
        "lawmakers",
        _words(
            r"senators|senadores|representatives|lawmakers|legisladores|congresistas|"
            r"Republicans|Democrats|republicanos|dem[óo]cratas|parlamentarios|diputados|asamble[íi]stas|"
            r"congressmen|congresswomen|MPs"
        ),
    ),
    ("resolutions", _words(r"resolutions|resoluciones|motions|mociones")),
    ("abstentions", _words(r"abstentions|abstenciones")),
    ("absences", _words(r"absences|ausencias|absent|ausentes")),  # members who did not vote
    (
        "respondents",
        _words(r"respondents|encuestados|entrevistados|consultados|questionnaires|cuestionarios"),
    ),
    ("interviews", _words(r"interviews|entrevistas|encuestas")),  # a poll's sample only in a poll sentence
    ("arrests", _words(r"arrests|detentions|arrestos|detenciones|detenidos|capturados")),
    ("indictments", _words(r"indictments|acusaciones(?:\s+formales)?|imputaciones|criminal\s+complaints")),
    # a weight or a number of pills counts only drugs seized or carried: "30 tons of cocaine",
    # "dos toneladas de droga", "44 millones de pastillas de fentanilo"
    (
        "drugs",
        _words(
            r"tons|tonnes|toneladas|kilos|kilograms|kilogramos|kg|pounds|libras|lbs|pills|pastillas|p[íi]ldoras|tablets|tabletas"
        ),
    ),
    ("seats", _words(r"seats|esca[ñn]os|curules|bancas")),
    # the states a command spans or an emergency covers: "encompasses 31 countries", "en siete provincias"
    (
        "countries",
        _words(r"countries|pa[íi]ses|nations|naciones|allies|aliados|provinces|provincias|states|estados"),
    ),
    # where a group operates: "in approximately 35 municipalities", "en 12 municipios"
    ("municipalities", _words(r"municipalities|municipios|cities|ciudades")),
    ("votes", _words(r"votes|votos")),  # a threshold ("65 votos necesarios"); tallies are read before
    ("flights", _words(r"(?:deportation\s+|repatriation\s+|return\s+)?flights|vuelos")),
    (
        "individuals",
        _words(
            r"individuals|entities|companies|firms|businesses|casinos|individuos|entidades|empresas|"
            r"compa[ñn][íi]as|negocios|sancionad[oa]s|designad[oa]s|agencies|agencias|banks|bancos|subsidiaries|"
            r"subsidiarias|filiales"
        ),
    ),
    # groups count when a state lists them: "listed seven organizations as terrorist entities"
    (
        "organizations",
        _words(r"organi[sz]ations|organizaciones|groups|grupos|cartels|c[áa]rteles|gangs|pandillas|bandas"),
    ),
    # police count when they are sent ("movilizó a 2.500 agentes"); otherwise they are people
    (
        "police",
        _words(
            r"police\s+officers|policemen|police|officers|agents|polic[íi]as|agentes(?:\s+de\s+polic[íi]a)?|"
            r"gendarmes|uniformados"
        ),
    ),
    (
        "people",
        _words(
            r"people|persons?|personas?|m[ae]n|wom[ae]n|hombres?|mujer(?:es)?|civilians?|civiles|crew(?:\s+members)?|"
            r"crewmen|tripulantes|occupants|ocupantes|passengers|pasajeros|narco-?terrorists?|"
            r"narco-?terroristas?|narcotraficantes?|traffickers?|traficantes|suspects|sospechosos|"
            r"residents|residentes|habitantes|migrants|migrantes|nationals|adults|adultos|voters|votantes|"
            r"members|miembros|integrantes|defendants|acusados|imputados|procesados|fugitives|fugitivos|"
            r"citizens|ciudadanos|connacionales|deportees|deportados|repatriados|"
            r"leaders|l[íi]deres|cabecillas|affiliates|afiliados|associates|asociados|operatives|operadores|"
            r"facilitators|facilitadores|businessm[ae]n|empresarios|nephews|nieces|sobrin[oa]s|sons|hij[oa]s|"
            r"brothers|herman[oa]s|relatives|family\s+members|familiares|"
            # office holders, named by their role: "sanciones contra ocho altos funcionarios"
            r"sujetos|officials|funcionarios|founders|fundadores|co-?leaders|col[íi]deres|executives|ejecutivos|"
            r"directors|directores|commanders|comandantes|ministers|ministros|generals|generales|"
            r"judges|jueces|politicians|pol[íi]ticos|"
            r"Americans|estadounidenses|"
            # kin, ranks and signatories
            r"cousins|prim[oa]s|lieutenants|lugartenientes|signatories|firmantes|"
            # gang members: "sancionó a seis pandilleros salvadoreños"
            r"gang\s+members|gangsters|pandilleros|pandilleras|mareros"
        ),
    ),
)
# people named by their country ("1.000 venezolanos", "seven Mexicans"): only as the head right after
# the figure, since a Spanish demonym after a noun is its adjective ("tres poderes públicos venezolanos")
NATIONALS = _words(
    r"Venezuelans|Colombians|Mexicans|Cubans|Haitians|Ecuadorians|Peruvians|Hondurans|Guatemalans|"
    r"Salvadorans|Dominicans|Nicaraguans|venezolan[oa]s|colombian[oa]s|mexican[oa]s|cuban[oa]s|"
    r"haitian[oa]s|ecuatorian[oa]s|peruan[oa]s|hondureñ[oa]s|guatemaltec[oa]s|salvadoreñ[oa]s|"
    r"dominican[oa]s|nicaragüenses"
)
# words that may stand between a number and its noun ("seven alleged drug boats"); these may not
NOT_A_MODIFIER = re.compile(
    r"^(?:of|in|on|at|for|to|from|by|with|after|before|since|and|or|but|than|as|per|the|a|an|this|that|"
    r"was|were|is|are|be|been|has|have|had|de|del|en|con|por|para|desde|tras|y|o|que|el|la|lo|los|las|"
    r"un|una|es|son|fue|fueron|ha|han|hab[íi]a|se|su|sus|years?|months?|weeks?|days?|hours?|minutes?|"
    r"times|percent|a[ñn]os|meses|semanas|d[íi]as|horas|minutos|veces|miles?|km|kilometers|kil[óo]metros|"
    r"nautical|millas|tons|toneladas|kilos|kg|dollars|d[óo]lares|euros|pesos)$",
    re.I,
)
# a definite count, alone or coordinated with one: "the eight groups", "the two gangs and six cartels"
DEFINITE_BEFORE = re.compile(
    r"\b(?:the|these|those|los|las|la|el|estos|estas|esos|esas)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+(?:[\w-]+\s+){1,3}?(?:and|y|e)\s+)?$",
    re.I,
)
WHOLE_BEFORE = re.compile(r"\b(?:of|de)\s+(?:the|los|las)\s+$", re.I)
OF = re.compile(r"\s+(?:of|de)\s+", re.I)  # "un centenar de muertos", "a dozen of"
MODIFIER = re.compile(r"[^\W\d_][\w'’.-]*")
PARTITIVE = re.compile(
    r"\s+(?:of|de)\s+(?:the|these|those|its|their|them|los|las|sus|esos|esas|estos|estas|ellos|ellas)\s+"
    r"(?:\d[\d,.]*\s+)?",  # "two of the 11 people"
    re.I,
)
KILL_CUE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|die|dying|perish\w*|lives|fatal\w*|"
    r"mat(?:ó|o|aron|ado|ando|ar)|muert[oae]s?|muri\w*|fallec\w*|asesin\w*|sin\s+vida|perdieron\s+la\s+vida|"
    r"abatid\w*|abati(?:ó|o|eron)|dad[oa]s?\s+de\s+baja|cobr\w*\s+la\s+vida)\b",
    re.I,
)
# people "eliminated" are people killed ("ha eliminado a más de 110 personas"); said of a count of
# people only, since cartels, boats or threats are eliminated too
ELIMINATED_CUE = re.compile(r"\b(?:eliminat(?:ed|ing)|elimin(?:ó|o|aron|ado|ados|adas|ando))\b", re.I)
INJURE_CUE = re.compile(r"\b(?:injur\w*|wound\w*|herid[oa]s?|lesionad\w*)\b", re.I)
SURVIVE_CUE = re.compile(r"\b(?:surviv\w*|sobreviv\w*|supervivi\w*|rescued|rescatad\w*)\b", re.I)
ARREST_CUE = re.compile(r"\b(?:arrest\w*|detain\w*|captur\w*|deten\w*)\b", re.I)
# what the justice system did to people: "two indictments charging 54 individuals", "acusó a 12 personas"
INDICT_CUE = re.compile(r"\b(?:indict\w*|encaus\w*)\b", re.I)
CHARGE_CUE = re.compile(
    r"\b(?:charg(?:ed|es|ing)|prosecut\w*|acus(?:ó|o|aron|ad[oa]s?|a)|imput(?:ó|o|aron|ad[oa]s?)|procesad[oa]s?)\b",
    re.I,
)
EXTRADITE_CUE = re.compile(r"\b(?:extradit\w*|extradi(?:jo|jeron|do|dos|das|r))\b", re.I)
DEPORT_CUE = re.compile(
    r"\b(?:deport\w*|repatri\w*|expel\w*|expuls\w*|returned|retornad[oa]s|devuelt[oa]s)\b", re.I
)
# "more than 260 Tren de Aragua members being federally indicted": the count, a name, then the verb
PASSIVE_CUE_AFTER = re.compile(
    r"^\s+(?:[^\W\d][\w'’.-]*\s+){0,5}?(?:were|was|are|is|being|(?:have|has|had)\s+been|fueron|han\s+sido|"
    r"habían\s+sido|son|están)\s+(?:\w+ly\s+|formalmente\s+)?(?P<verb>indicted|charged|arrested|extradited|"
    r"deported|repatriated|acusad[oa]s|imputad[oa]s|detenid[oa]s|arrestad[oa]s|capturad[oa]s|"
    r"extraditad[oa]s|deportad[oa]s|repatriad[oa]s)\b",
    re.I,
)
PASSIVE_MEASURES = {
    "indicted": "indicted",
    "charged": "charged",
    "acusad": "charged",
    "imputad": "charged",
    "arrested": "arrests",
    "detenid": "arrests",
    "arrestad": "arrests",
    "capturad": "arrests",
    "extradited": "extradited",
    "extraditad": "extradited",
    "deported": "deported",
    "deportad": "deported",
    "repatriated": "deported",
    "repatriad": "deported",
}
DRUG_CUE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|interdict\w*|incaut\w*|decomis\w*|intercept\w*|cocaine|coca[íi]na|drugs?|"
    r"drogas?|narcotics|narc[óo]ticos|fentanyl|fentanilo|methamphetamine|metanfetamina|marijuana|marihuana|"
    r"heroin|hero[íi]na)\b",
    re.I,
)
WEIGHT_UNITS = {
    "ton": "tons",
    "tonne": "tons",
    "tonelada": "tons",
    "kilo": "kg",
    "kilogram": "kg",
    "kilogramo": "kg",
    "kg": "kg",
    "pound": "pounds",
    "libra": "pounds",
    "lb": "pounds",
    "pill": "pills",
    "pastilla": "pills",
    "pildora": "pills",
    "tablet": "pills",
    "tableta": "pills",
}
LEGISLATURE = re.compile(
    r"\b(?:Congress|Congreso|Senate|Senado|House|C[áa]mara|Asamblea|Assembly|Parliament|Parlamento|"
    r"legislat\w+|chamber|diputados|senadores|MPs)\b",
    re.I,
)
# "de los 128 que conforman el Congreso": the seats of a chamber, its noun left out
SEATS_AFTER = re.compile(
    r"^\s+(?:(?:that|who|que)\s+)(?:conforman|integran|componen|forman|make\s+up|comprise|form)\s+"
    r"(?:el|la|the)\s+(?:[\w-]+\s+){0,2}?(?:Congress|Congreso|Senate|Senado|House|C[áa]mara|Asamblea|"
    r"Assembly|Parliament|Parlamento|legislat\w+|chamber)\b",
    re.I,
)
NEEDED_AFTER = re.compile(r"\s*(?:necesari[oa]s|needed|required|requeridos|requeridas)\b", re.I)
POLL_REACH = 3  # sentences back that a poll named keeps the passage about it
POLL_WORDS = re.compile(
    r"\b(?:poll\w*|survey\w*|encuest\w*|sonde\w*|margin\s+of\s+error|margen\s+de\s+error)\b", re.I
)
SANCTION_CUE = re.compile(
    r"\b(?:sanction\w*|designat\w*|sancion\w*|design[óoa]\w*|OFAC|blacklist\w*|black-listed|lista\s+negra|"
    r"blocked\s+persons|personas\s+bloqueadas)\b",
    re.I,
)
# groups a state sanctions, or puts on its list of terrorist or criminal groups with a verb of
# listing, classing or naming: "listed seven organizations as terrorist entities", "catalogued eight
# organizations", "22 organizaciones calificadas como terroristas", "nombró a seis cárteles"
GROUP_LIST_CUE = re.compile(
    r"\b(?:listed|proscribed|catalog\w*|nombr(?:ó|o|aron|ad[oa]s)|"
    # a government declaring groups terrorist: "declaró a 26 bandas criminales como organizaciones terroristas"
    r"declar(?:ó|o|aron|a|an|ed|es)\b[^.;:]{0,80}?\b(?:como|as)\b|"
    r"(?:calificad|catalogad|declarad|considerad|clasificad)[oa]s\s+(?:como|de)|"
    r"(?:inclu(?:id|y)|añadid|agregad)[oa]s\s+(?:en|a)\s+(?:la|una)\s+lista|"
    # "agregó a tres organizaciones criminales a la lista", "added three groups to its list"
    r"(?:agreg|añad|inclu|incorpor|add)\w*\b[^.;:]{0,80}?\b(?:a|en|on|to)\s+(?:la|su|the|its)\s+(?:\w+\s+)?(?:lista|list))\b",
    re.I,
)
# police are a figure when a force is sent: "movilizó a 2.500 agentes", "deployed 300 officers"
MOBILIZED_CUE = re.compile(
    r"\b(?:mobili[sz]\w*|moviliz\w*|deploy\w*|despleg\w*|despliegue|particip\w*|sent|dispatched|"
    r"envi(?:ó|o|aron|ad[oa]s)|involv\w*)\b",
    re.I,
)
# "a faction run by the four sons of X": the people who lead a group describe it, they are no count
LED_BY_BEFORE = re.compile(
    r"\b(?:run|led|headed|controlled|founded|dirigid[oa]s?|liderad[oa]s?|encabezad[oa]s?|controlad[oa]s?|"
    r"fundad[oa]s?)\s+(?:by|por)\s+(?:(?:the|his|her|their|its|los|las|sus|el|la)\s+)?$",
    re.I,
)
# the figure comes after the verb or the toll: "killing 11", "the toll rose to 83", "mató a once"
KILLED_BEFORE = re.compile(
    r"(?:\b(?:kill(?:ed|ing|s)?|mat(?:ó|aron|ado|ando)(?:\s+a)?|muerte\s+a|asesin\w+(?:\s+a)?|"
    r"(?:murieron|fallecieron|perdieron\s+la\s+vida|died))|"
    r"\b(?:(?:death\s+)?toll(?![-‐]free)|number\s+of\s+(?:people\s+)?(?:dead|deaths|killed|fatalities)|"
    r"cifra\s+(?:de\s+(?:muertos|fallecidos|v[íi]ctimas)|total)|n[úu]mero\s+de\s+(?:muertos|fallecidos|v[íi]ctimas)|"
    r"balance\s+(?:de\s+(?:muertos|v[íi]ctimas)|mortal)|saldo(?:\s+(?:mortal|de\s+muertos))?)\b[^;:]{0,120}?"
    r"\b(?:to|at|of|is|was|reached|stands\s+at|a|en|de|es|alcanz\w+|super\w+|lleg\w+\s+a|suma|sumó))"
    r"\s*,?\s*$",
    re.I,
)
KILLED_AFTER = re.compile(
    r"^\s+(?:(?:were|have\s+been|had\s+been|was|are)\s+(?:killed|dead)|died|have\s+died|had\s+died|"
    r"perished|murieron|fallecieron|han\s+muerto|perdieron\s+la\s+vida|resultaron\s+muert\w+|"
    r"(?:el|la)\s+(?:n[úu]mero|cifra)\s+(?:total\s+)?de\s+(?:muertos|v[íi]ctimas|fallecidos))\b",
    re.I,
)
# the people named between the figure and the verb: "three smugglers were killed", "three suspected
# were killed", "dos pescadores murieron" (a span of time is no such noun: "three weeks later, ...")
KILLED_AFTER_NOUN = re.compile(
    r"^\s+(?!(?:days?|weeks?|months?|years?|times|hours?|d[ií]as|semanas|meses|años|horas|veces)\b)"
    r"(?:[^\W\d_][\w-]*\s+){1,2}?" + KILLED_AFTER.pattern.removeprefix("^\\s+"),
    re.I,
)
VOTE_FOR_AFTER = re.compile(
    r"^\s+(?:votes?\s+|votos\s+|voted\s+|votaron\s+)?(?:in\s+favou?r|for\b|a\s+favor|to\s+advance|in\s+support)",
    re.I,
)
VOTE_AGAINST_AFTER = re.compile(
    r"^\s+(?:votes?\s+|votos\s+|voted\s+|votaron\s+)?(?:against|en\s+contra|opposed|in\s+opposition|"
    r"se\s+opus\w+|se\s+opon\w+)\b",
    re.I,
)
ABSTAIN_AFTER = re.compile(
    r"^\s+(?:se\s+)?(?:abstuv\w+|abstien\w+|abstained|abstain|abstentions|abstenciones)\b", re.I
)
VOTE_SIDES = (
    (VOTE_AGAINST_AFTER, "votes_against"),
    (VOTE_FOR_AFTER, "votes_for"),
    (ABSTAIN_AFTER, "abstentions"),
)
# "uno sobrevivió", "two survived", "una más sobrevivió"
SURVIVED_AFTER = re.compile(
    r"^\s+(?:m[áa]s\s+|more\s+)?(?:survived|have\s+survived|sobrevivi(?:ó|o|eron)|han\s+sobrevivido|"
    r"(?:was|were)\s+rescued|fue(?:ron)?\s+rescatad[oa]s?)\b",
    re.I,
)
# "a poll of 1,000 adults", "encuestó a 1.248 adultos": the people a poll asked
SURVEYED_BEFORE = re.compile(
    rf"(?:\b(?:surveyed|polled|interviewed|sampled|encuest\w+|consult\w+|entrevist\w+|sonde\w+)\s+(?:a\s+)?|"
    rf"\b(?:poll|survey|sample|encuesta|sondeo|muestra)\s+(?:\([^()]{{0,60}}\)\s+)?(?:of|de)\s+)(?:(?:{_QUAL})\s+)?$",
    re.I,
)
# the people a boat carried, when nothing else is said of them
CREW_BEFORE = re.compile(
    rf"\b(?:conducid[oa]s?|tripulad[oa]s?|ocupad[oa]s?|operated|manned|crewed|carrying|carried|llevaba|"
    rf"transportaba)\s+(?:por\s+|by\s+)?(?:(?:{_QUAL})\s+)?$",
    re.I,
)
# "the poll asked 1,035 voters": the people a poll asked, said with a verb of asking
# or the people it was conducted among: "realizado el 3 de enero entre 2.092 adultos", "among 1,500 adults"
ASKED_BEFORE = re.compile(
    rf"\b(?:asked|questioned|contacted|reached|pregunt(?:ó|aron)\s+a|among|entre|"
    # a survey carried out on people: "realizado por el diario a 1.004 adultos", "aplicada a 900 personas"
    rf"(?:realizad|aplicad|hech)[oa]s?\s+(?:por\s+[^,;.]{{1,50}}?\s+)?a)\s+(?:(?:{_QUAL})\s+)?$",
    re.I,
)
CREW_AFTER = re.compile(r"\s+(?:on\s+board|aboard|a\s+bordo)\b", re.I)
CREW_NOUN = re.compile(r"\b(?:crew(?:\s+members)?|crewmen|tripulantes)\b", re.I)
# the margin's own phrase, not a share told after a comma ("margen de error de 2,7 puntos, indica que 36 %")
MARGIN_BEFORE = re.compile(r"\b(?:margin\s+of\s+error|margen\s+de\s+error)\b(?:[^.;,]|,\d){0,40}$", re.I)
# a lead told in points, in a poll or a vote: "by a 19-point margin", "una ventaja de 12 puntos"
LEAD_POINTS_AFTER = re.compile(
    r"^[-‐\s](?:percentage[-‐\s])?points?\s+(?:margin|lead|advantage|gap|edge)\b", re.I
)
LEAD_BEFORE = re.compile(
    rf"\b(?:ventaja|diferencia|margen|lead|margin|advantage)\s+(?:de|of)\s+(?:(?:{_QUAL})\s+)?$", re.I
)
POINTS_AFTER = re.compile(r"^\s+(?:percentage\s+points?|points?|puntos(?:\s+porcentuales)?)\b", re.I)
# a figure inside a possessive phrase tells what a thing has, whatever the verb's tense:
# "the new deployment will add the carrier's more than 70 aircraft"
POSSESSED_BEFORE = re.compile(r"(?:\w['’]s|\b(?:its|their))\s+$", re.I)
# "it needed 60 votes": a threshold, not a tally
THRESHOLD_BEFORE = re.compile(
    r"\b(?:need\w*|requir\w*|necesit\w*|necesari\w*|threshold|umbral|majority\s+of|mayor[íi]a\s+de)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
VOTE_CUE = re.compile(r"\b(?:vot\w*|ballot|resolution|resoluci[óo]n|measure|medida|bill|proyecto)\b", re.I)
FAILED_CUE = re.compile(
    r"\b(?:fail\w*|reject\w*|defeat\w*|block\w*|rechaz\w*|fracas\w*|tumb\w*|derrot\w*)\b", re.I
)
PASSED_CUE = re.compile(r"\b(?:pass\w*|approv\w*|adopt\w*|advanc\w*|aprob\w*|aprueb\w*|adopt\w*)\b", re.I)
PERCENT_IN = re.compile(r"\d\s?(?:%|percent\b|per\s+cent\b|por\s+ciento\b)", re.I)
PERCENT_AFTER = re.compile(r"^(?:\s?%|\s+percent\b|\s+per\s+cent\b|\s+por\s+ciento\b)", re.I)
POLL_CUE = re.compile(
    r"\b(?:poll\w*|survey\w*|respondents|voters|Americans|adults|approv\w*|support\w*|oppos\w*|favou?r\w*|"
    r"encuest\w*|sonde\w*|votantes|estadounidenses|ciudadanos|apoy\w*|respald\w*|rechaz\w*|aprueb\w*|"
    r"a\s+favor|en\s+contra|se\s+opon\w*|opini\w+|reject\w*|agree\w*|disagree\w*|de\s+acuerdo|desacuerdo|interviewed|"
    r"consultados|entrevistados|Republicans|Democrats|independents|republicanos|dem[óo]cratas|independientes|"
    # an election's turnout is a share of the electorate, as a poll's is of those asked
    r"turnout|participaci[óo]n\s+electoral|abstenci[óo]n)\b",
    re.I,
)
# a count whose noun comes before the figure: "bringing the total number of vessels destroyed to 22",
# "the number of boats hit stands at 14"
NUMBER_OF_BEFORE = re.compile(
    r"\b(?:number|count|tally)\s+of\s+(?P<noun>[^\W\d_][\w-]*)\s+(?:[^\W\d_][\w-]*\s+){0,2}?"
    r"(?:(?:rose|climbed|grew|increased|jumped)\s+)?(?:to|at|is|was|reached|stands\s+at|stood\s+at)\s+$",
    re.I,
)
# an election's turnout as a number of people: "turnout was more than 8 million", "la participación fue de"
TURNOUT_BEFORE = re.compile(
    r"\b(?:turnout|participaci[óo]n(?:\s+electoral)?)\b[^.;]{0,60}?\b(?:was|is|reached|of|stood\s+at|fue\s+de|"
    r"alcanz[óo]|super[óo]|de)\s+$",
    re.I,
)
OPPOSE_CUE = re.compile(
    r"^[^;.]{0,40}?\b(?:oppos\w*|against|disapprov\w*|rechaz\w*|en\s+contra|se\s+opon\w*|desaprueb\w*)\b",
    re.I,
)
SUPPORT_CUE = re.compile(
    r"^[^;.]{0,60}?\b(?:support\w*|favou?r\w*|approv\w*|apoy\w*|respald\w*|a\s+favor|aprueb\w*)\b", re.I
)
# what a share of the people asked says, thinks or is: "43 percent said", "el 10 % considera",
# "La mayoría, 55 %, admite", "el 18 % no estaba seguro", "25% were undecided"
SHARE_HELD_AFTER = re.compile(
    r"\s*,?\s*(?:(?:of|de)\s+(?:the\s+|los\s+|las\s+)?[^\W\d_]+\s+)?(?:(?:also|still|only|no|not|también|"
    r"tampoco|todav[íi]a|solo|sólo)\s+)?(?:said|say|says|believe[sd]?|think|thinks|thought|feel|felt|"
    r"consider(?:s|ed)?|want(?:s|ed)?|prefer(?:s|red)?|agree[sd]?|disagree[sd]?|"
    r"(?:are|were|was|is|remain(?:s|ed)?|stayed)(?:n['’]t|\s+not)?\s+(?:sure|unsure|undecided|uncertain|neutral)|"
    # what it fears, expects, hopes, doubts or trusts, or that it took no side
    r"back(?:s|ed)?|fear(?:s|ed)?|expect(?:s|ed)?|hope[sd]?|doubt(?:s|ed)?|(?:dis)?trust(?:s|ed)?|took\s+(?:no\s+)?sides?|"
    r"tem(?:e|en|ía|ían)|esper(?:a|an|aba|aban)|dud(?:a|an|aba|aban)|(?:des)?conf(?:ía|ían|iaba|iaban)|"
    r"tom(?:ó|aron|a|an)\s+partido|"
    r"dij(?:o|eron)|dice[n]?|cree[n]?|cre[íi]a[n]?|consider(?:a|an|aba|aban)|piensa[n]?|opina(?:n|ba|ban)?|"
    r"admite[n]?|afirma[n]?|asegura[n]?|prefiere[n]?|quiere[n]?|(?:no\s+)?sab(?:e|en|ía|ían)|"
    r"(?:est(?:á|aba|án|aban)|se\s+mostr(?:aba|ó|aban))\s+(?:[\w]+\s+){0,1}?(?:segur|indecis|de\s+acuerdo)\w*)\b",
    re.I,
)
MONEY_BEFORE = re.compile(r"(?P<cur>US\s?\$|R\$\s?|€\s?|\$|USD\s?|EUR\s?|US\$\s?)$")
MONEY_AFTER = re.compile(
    r"^\s+(?:de\s+)?(?:(?:Brazilian|Mexican|Colombian|Venezuelan|US|U\.S\.)\s+)?"
    r"(?P<cur>d[óo]lares|dollars|USD|euros?|EUR|reais|reals|reales|pesos|bol[íi]vares)\b"
    r"(?:\s+(?:estadounidenses|brasileños|mexicanos|colombianos|venezolanos)\b)?",
    re.I,
)
# the currency a sum is in, as the measure's suffix ("reward_usd", "amount_brl"); a peso is left
# unqualified, since the article's country, not the word, says whose it is
CURRENCIES = (
    (re.compile(r"€|euro|eur", re.I), "eur"),
    (re.compile(r"R\$|reais|reals|reales", re.I), "brl"),
    (re.compile(r"bol[íi]var", re.I), "ves"),
    (re.compile(r"peso", re.I), "pesos"),
    (re.compile(r"\$|d[óo]lar|dollar|usd", re.I), "usd"),
)
REWARD_CUE = re.compile(r"\b(?:reward\w*|bount\w*|recompensa\w*)\b", re.I)
# money lent, or paid as a fine or a settlement: "un préstamo de 250 millones de dólares", "fined $1.2 million"
LOAN_CUE = re.compile(r"\b(?:loans?|lent|pr[ée]stamos?|prest(?:ó|aron)|cr[ée]ditos?)\b", re.I)
PENALTY_CUE = re.compile(
    r"\b(?:fines?|fined|penalt(?:y|ies)|settlements?|multas?|multad[oa]s?|sanci[óo]n\s+econ[óo]mica)\b", re.I
)
TANKER_CUE = re.compile(
    r"\b(?:intercept\w*|seiz\w*|board(?:ed|ing)|captur\w*|confiscat\w*|sanction\w*|blockad\w*|"
    r"intercept\w*|incaut\w*|captur\w*|abord\w*|decomis\w*|sancion\w*|bloque\w*|retuv\w*|confisc\w*)\b",
    re.I,
)
# how long a call, a meeting or a vote lasted: "spoke for about an hour", "la llamada duró casi una hora",
# "la votación estuvo abierta durante más de 15 minutos" (not a reading time: "3 minutos")
DURATION = re.compile(
    rf"\b(?:durante|por|for|lasted|lasting|dur(?:ó|o|aron)|during)\s+(?:(?P<qual>{_QUAL})\s+)?"
    r"(?P<n>\d{1,3}|[^\W\d_]+)\s+(?P<unit>hours?|horas?|minutes?|minutos?)\b",
    re.I,
)
DURATION_OF = re.compile(
    r"\b(?:calls?|conversations?|talks|meetings?|votes?|voting|sessions?|speech|debate|spoke|talked|"
    r"llamadas?|conversaci[óo]n\w*|reuni[óo]n\w*|votaci[óo]n\w*|sesi[óo]n\w*|discurso|debate|habl\w+|convers\w+)\b",
    re.I,
)
SEIZED_CUE = re.compile(
    r"\b(?:seiz\w*|confiscat\w*|forfeit\w*|incaut\w*|decomis\w*|assets|activos|bienes)\b", re.I
)
# a number that names a thing rather than counts it
NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:section|sec\.|article|art[íi]culo|art\.|order|orden|resolution|resoluci[óo]n|no\.|n[úu]mero|number|"
    r"nº|chapter|cap[íi]tulo|title|t[íi]tulo|U\.S\.C\.|C\.F\.R\.|law|ley|decree|decreto|page|p[áa]gina|"
    r"aged|age|edad|flight|vuelo|route|ruta|highway|phase|fase|paragraph|p[áa]rrafo|item|H\.\s?Res\.|"
    r"S\.\s?J\.\s?Res\.|Res\.|room|tel\.?|phone|tel[ée]fono|code|c[óo]digo|class|clase|grade|level|nivel|"
    r"Operation|Operaci[óo]n|F|MQ)[\s-]*$",
    re.I,
)
NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:U\.S\.C|C\.F\.R|years?[\s-]+old|-year-old|a[ñn]os\s+de\s+edad|a[ñn]os\b|years?\b|"
    r"th\b|st\b|nd\b|rd\b|º|ª|\.º|°|a\.m\.|p\.m\.|am\b|pm\b|horas\b|hours\b)|[\]\)]?\])",
    re.I,
)
# a prison term is a figure of a sentencing, unlike an age or a span: "condenado a 34 años de prisión",
# "sentenced to 20 years in prison"
PRISON_TERM_AFTER = re.compile(
    r"\s+(?:years?|a[ñn]os)\s+(?:(?:in|of)\s+(?:federal\s+)?(?:prison|jail)|behind\s+bars|"
    r"de\s+(?:prisi[óo]n|c[áa]rcel|reclusi[óo]n))\b",
    re.I,
)
SENTENCED_CUE = re.compile(
    r"\b(?:sentenc\w+|condena\w*|conden[óo]|serv(?:ing|ed|es)|purg\w+|cumpl\w+)\b", re.I
)
REGION = re.compile(
    r"\b(?:Caribbean|Caribe|(?:eastern\s+)?Pacific|Pac[íi]fico(?:\s+oriental)?|Atlantic|Atl[áa]ntico)\b", re.I
)
PART_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:in|en|off|frente\s+a|near)\s+(?:the\s+|el\s+|la\s+|las\s+|aguas\s+del\s+)?"
    r"(?:(?:eastern|southern|western|oriental)\s+)?(?P<region>Caribbean|Caribe|Pacific|Pac[íi]fico|Atlantic|Atl[áa]ntico)\b",
    re.I,
)
BOTH_REGIONS = re.compile(
    r"\s+(?:and|y|e|or|o)\s+(?:the\s+|el\s+|la\s+)?(?:(?:eastern|oriental)\s+)?"
    r"(?:Caribbean|Caribe|Pacific|Pac[íi]fico|Atlantic|Atl[áa]ntico)",
    re.I,
)
REGION_NAMES = {"caribe": "Caribbean", "pacifico": "Pacific", "atlantico": "Atlantic"}
SUBSET_BEFORE = re.compile(
    r"\b(?:including|of\s+whom|of\s+which|of\s+them|among\s+them|incluidos?|incluidas?|de\s+ellos|de\s+ellas|"
    r"entre\s+ellos|entre\s+ellas|de\s+los\s+cuales|de\s+las\s+cuales)\s*,?\s*$",
    re.I,
)
COMMA = re.compile(r",")
AND = re.compile(r"\s(?:and|y|e)\s", re.I)
CLAUSE_END = re.compile(r"[;:—–]|,\s+(?:and|but|while|y|pero|mientras)\b|\.\s")

# --- what a figure is about ------------------------------------------------------------------

STRIKE_WORDS = re.compile(r"\b(?:strikes?|struck|attacks?|ataques?|atac\w+|bombarde\w+)\b", re.I)
BOAT_WORDS = re.compile(
    r"\b(?:boats?|vessels?|maritime|narco-?subs?|semi-?submersibles?|lanchas?|narcolanchas?|embarcaci\w+|"
    r"barcos?|botes?|semisumergibles?)\b",
    re.I,
)
# a running toll rather than the figure of one strike
TOTAL_CUE = re.compile(
    r"\b(?:total\w*|toll|tally|so\s+far|to\s+date|in\s+all|overall|altogether|cumulative|campaign|since|"
    r"bring(?:s|ing)?|brought|risen|rose|climbed|(?:have|has|had)\s+(?:been\s+)?(?:killed|died)|"
    r"in\s+(?:the|these|those|all|US|U\.S\.)\s+(?:\w+\s+)?strikes|cifra|balance|saldo|suma\w*|"
    r"ascend\w+|ascien\w+|elev\w+|acumul\w+|desde|hasta\s+(?:ahora|la\s+fecha)|en\s+lo\s+que\s+va|"
    r"campaña|ofensiva|(?:han|ha|hab[íi]an)\s+(?:muerto|dejado|sido|fallecido)|"
    r"en\s+(?:los|estos|esos|todos\s+los)\s+(?:\w+\s+)?(?:ataques|bombardeos))\b",
    re.I,
)
SINGLE_STRIKE = re.compile(
    r"\b(?:(?:a|an|another|the|latest|new|one|this)\s+(?:[\w.-]+\s+){0,3}?(?:air)?strike|"
    r"(?:un|otro|el|nuevo|último|este)\s+(?:[\w.-]+\s+){0,3}?(?:ataque|bombardeo))\b(?!s)",
    re.I,
)
STRIKE_MEASURES = frozenset({"killed", "injured", "strikes", "boats", "survivors", "crew"})
TOPICS: dict[str, tuple[tuple[str, re.Pattern[str] | None], ...]] = {
    # measure -> (topic, words its sentence must contain; None: the default), first match wins
    "troops": (
        (
            "military deployment",
            re.compile(
                r"deploy|despleg|despliegue|buildup|carrier|portaaviones|arrived|sailors|marines", re.I
            ),
        ),
        ("military mobilization", None),
    ),
    "votes_for": (
        ("war powers vote", re.compile(r"war\s+powers|poderes\s+de\s+guerra", re.I)),
        ("vote", None),
    ),
    "percent": (("public opinion", None),),
    "respondents": (("public opinion", None),),
    "reward_usd": (("reward", None),),
    "assets_seized_usd": (("seizures", None),),
    "arrests": (("arrests", None),),
    "charged": (("prosecutions", None),),
    "deported": (("deportations", None),),
    "drugs_tons": (("seizures", None),),
    "seats": (("vote", None),),
    "individuals": (("designations", None),),
    "organizations": (("designations", None),),
    "police_officers": (("police mobilization", None),),
}
TOPICS["ships"] = TOPICS["aircraft"] = TOPICS["troops"]
TOPICS["votes_against"] = TOPICS["lawmakers"] = TOPICS["resolutions"] = TOPICS["votes_for"]
TOPICS["percent_support"] = TOPICS["percent_oppose"] = TOPICS["margin_of_error"] = TOPICS["percent"]
TOPICS["abstentions"] = TOPICS["votes_needed"] = TOPICS["votes_for"]
TOPICS["indicted"] = TOPICS["indictments"] = TOPICS["extradited"] = TOPICS["charged"]
TOPICS["deportation_flights"] = TOPICS["deported"]
TOPICS["drugs_kg"] = TOPICS["drugs_pounds"] = TOPICS["drugs_pills"] = TOPICS["drugs_tons"]
EVENT_FOR_MEASURE = {
    "killed": ("strike",),
    "survivors": ("strike",),
    "crew": ("strike",),
    "injured": ("strike",),
    "strikes": ("strike",),
    "boats": ("strike",),
    "troops": ("mobilization", "deployment"),
    "ships": ("deployment", "mobilization"),
    "aircraft": ("deployment", "mobilization"),
    "votes_for": ("vote",),
    "votes_against": ("vote",),
    "lawmakers": ("vote",),
    "resolutions": ("vote",),
    "abstentions": ("vote",),
    "respondents": ("poll",),
    "margin_of_error": ("poll",),
    "percent_support": ("poll",),
    "percent_oppose": ("poll",),
    "percent": ("poll",),
    "individuals": ("designation",),
    "organizations": ("designation",),
}


def campaign_of(text: str) -> str:
    """The series an article's strike figures belong to: "boat strikes" when it is about strikes on
    boats (a later "the strikes have killed 86" is the same toll), else "strikes"."""
    return "boat strikes" if STRIKE_WORDS.search(text) and BOAT_WORDS.search(text) else "strikes"


def topic_of(sentence: str, measure: str, campaign: str = "strikes") -> str:
    """The normalised topic of a figure that is not part of a strike series."""
    if measure in STRIKE_MEASURES:
        return campaign
    for topic, words in TOPICS.get(measure, (("other", None),)):
        if words is None or words.search(sentence):
            return topic
    return "other"


def _stated_alone(measure: str) -> bool:
    """A plain sum of money, a share or a count of a thing no measure names says what it is only in
    its own words: two of them are one series only when those words are the same ("$40 million in
    bribes", "three financial institutions")."""
    return measure in ("share", "count") or (measure.startswith("amount_") and _is_money(measure))


OWN_TOPIC_END = re.compile(r"[,;:.()—–]|\s(?:and|but|while|y|pero|mientras|que|which|who)\s", re.I)


def _own_topic(sentence: str, figure: Figure) -> str:
    """The figure's words and the few after it, to its clause's end: "80 percent of the proceeds"."""
    end = OWN_TOPIC_END.search(sentence, figure.end)
    return " ".join(sentence[figure.start : end.start() if end else len(sentence)].split()[:8]).lower()


# --- reading a sentence ----------------------------------------------------------------------

RISE_BEFORE = re.compile(
    r"\b(?:rose|risen|rising|climbed|brought|bringing|increased|ascendi\w+|ascend\w+|elev\w+|sub\w+|aument\w+|"
    r"lleg\w+|dobl\w+|duplic\w+)\s+(?:\w+\s+){0,3}?$",
    re.I,
)
ORDINALS: dict[str, int] = {
    **dict.fromkeys(("second", "segundo"), 2),
    **dict.fromkeys(("third", "tercer", "tercero"), 3),
    **dict.fromkeys(("fourth", "cuarto"), 4),
    **dict.fromkeys(("fifth", "quinto"), 5),
    **dict.fromkeys(("sixth", "sexto"), 6),
    **dict.fromkeys(("seventh", "septimo"), 7),
    **dict.fromkeys(("eighth", "octavo"), 8),
    **dict.fromkeys(("ninth", "noveno"), 9),
    **dict.fromkeys(("tenth", "decimo"), 10),
    **dict.fromkeys(("eleventh", "undecimo", "decimoprimer", "decimoprimero"), 11),
    **dict.fromkeys(("twelfth", "duodecimo", "decimosegundo"), 12),
}
ORDINAL_STRIKE = re.compile(
    r"\b(?P<lead>(?:its|their|su)|(?:the|el))\s+(?:(?P<n>\d{1,3})(?:st|nd|rd|th|º|ª|\.º|°)|"
    r"(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|segundo|tercer|"
    r"tercero|cuarto|quinto|sexto|s[ée]ptimo|octavo|noveno|d[ée]cimo(?:\s?primero?|\s?segundo)?|"
    r"und[ée]cimo|duod[ée]cimo))\s+(?:[\w.“”\"-]+\s+){0,2}?[“\"]?(?:strike|attack|ataque|bombardeo)\b",
    re.I,
)
# "this is the eighth strike": a copula says the count so far, unlike "the second strike killed two"
ORDINAL_COPULA = re.compile(r"\b(?:is|was|marks|marked|es|fue|era|marca|marcó|se\s+trata\s+de)\s+$", re.I)
# "80 or more", "50 o más", "ten or fewer": a figure said as a bound after it (or after its unit)
OPEN_BOUND_AFTER = re.compile(
    r"\s+(?:or|o|u)\s+(?:(?P<more>more|over|above|m[áa]s)|(?P<fewer>fewer|less|menos))\b(?!\s+(?:than|de|que)\b)",
    re.I,
)
RANGE_JOIN = re.compile(r"\s*(?:to|–|-|or|o|and|y|a)\s*", re.I)
RANGE_OPEN = re.compile(r"\b(?:between|entre|from|de|desde)\s+$", re.I)
PERCENT_RANGE_JOIN = re.compile(r"\s?(?:%|percent|por\s+ciento)\s+(?:and|y)\s+(?:el\s+)?", re.I)
PERCENT_RANGE_OPEN = re.compile(r"\b(?:between|entre)\s+(?:el\s+)?$", re.I)
NON_COUNT_WORD_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|from|en|desde|de|del|hasta|year|año|the|el|la|an?|una?|for|para|before|after|antes|después)\s+$",
    re.I,
)
VOTED_BEFORE = re.compile(r"\bvot(?:ed|ó|aron)\s+(?:por\s+)?$", re.I)
MOTION_AFTER = re.compile(r"\s+(?:to|para)\s+(?!\d)\w+", re.I)
VOTE_SCORE = re.compile(
    # the losing side may be spelled: "aprobó la moción 41 votos a siete"
    r"(?P<a>\d{1,3})(?:\s+(?:votes?|votos))?\s*(?:[-–—]|\s+to\s+|\s+a\s+|\s+contra\s+)"
    r"(?P<b>\d{1,3}|[^\W\d_]+)(?![\w%-]|[.,]\d)",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: what it counts, its value and interval, and the words that said it."""

    measure: str
    value: float
    qualifier: Qualifier
    low: float | None
    high: float | None
    start: int
    end: int
    part: str | None = None
    running: bool = False  # a running toll or count ("bringing the toll to 83", "its 10th strike")
    single: bool = False  # about one strike ("another strike killed three")


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
    if word in _BELOW:
        return round(value * 0.9, 2), value
    return round(value * 0.9, 2), round(value * 1.1, 2)


def _qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    """The qualifier word right before a number and where it begins; a toll that "rose to 83" or
    "ascendió hasta 83" is exact."""
    found = QUALIFIER_BEFORE.search(sentence, 0, start)
    if found is None:
        return None, start
    word = found.group("qual").lower()
    if word in ("hasta", "up to") and RISE_BEFORE.search(sentence, 0, found.start("qual")):
        return None, found.start("qual")
    return word, found.start("qual")


def _not_a_count(sentence: str, number: Number) -> bool:
    """A statute, an order, an age, a year, an ordinal or a time is a name or a date, not a figure."""
    before, after = sentence[: number.start], sentence[number.end :]
    if NOT_A_COUNT_BEFORE.search(before):
        return True
    if _prison_term(sentence, number.end):
        return False
    if NOT_A_COUNT_AFTER.match(after):
        return True
    text = sentence[number.start : number.end]
    if number.spelled and text[:1].isupper() and _in_a_name(sentence, number):
        return True
    if not number.spelled and _numbered_name(sentence, number.start):
        return True
    return _written_year(text) and NON_COUNT_WORD_BEFORE.search(before) is not None


NAME_AFTER = re.compile(r"\s+[A-ZÁÉÍÓÚÑ]")
NAMED_THING_BEFORE = re.compile(r"\b(?:the|el|la|del|al)\s+(?P<word>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+) $")


def _numbered_name(sentence: str, start: int) -> bool:
    """Digits right after a determiner and a capitalised word end a name: a vessel's ("el Bella
    1"), a mission's ("the Apollo 11"). Not after a month or a weekday ("el lunes 16")."""
    before = NAMED_THING_BEFORE.search(sentence, max(0, start - 30), start)
    return before is not None and name_key(before.group("word")) not in CALENDAR_KEYS
OPENS_A_SENTENCE = re.compile(r"(?:^|[.:;!?¡¿\"“«(\[*•—–-])\s*$")


def _in_a_name(sentence: str, number: Number) -> bool:
    """A number word capitalised inside a sentence of lower-case prose, before another capitalised
    word, is part of a name: "the FBI's Ten Most Wanted Fugitives", "the Group of Seven" (a headline
    capitalises every word, so there it says nothing)."""
    if OPENS_A_SENTENCE.search(sentence, 0, number.start):
        return False
    if not (NAME_AFTER.match(sentence, number.end) or sentence[: number.start].rstrip().endswith(" of")):
        return False
    words = sentence.split()
    return 2 * sum(1 for w in words if w[:1].islower()) > len(words)


def _prison_term(sentence: str, end: int) -> int:
    """Where the words of a prison term a sentence hands down end (0: it names none)."""
    term = PRISON_TERM_AFTER.match(sentence, end)
    return term.end() if term and SENTENCED_CUE.search(sentence) else 0


def _noun(text: str, of: bool = False, reach: int = 3) -> tuple[str, int] | None:
    """The measure of the noun a number counts, within ``reach`` modifiers: "seven alleged drug boats",
    "dos de las embarcaciones"; None when another word intervenes ("30 days of strikes")."""
    partitive = PARTITIVE.match(text) or (OF.match(text) if of else None)
    pos = partitive.end() if partitive else 0
    steps = 0
    while steps < reach:
        while pos < len(text) and text[pos] in " \u00a0\"“”«»'‘’":
            pos += 1
        if pos == 0:
            return None  # "83rd", "49-51": a noun must be a word of its own
        if not steps and (nationals := NATIONALS.match(text, pos)):
            return "people", nationals.end()
        for measure, pattern in NOUNS:
            found = pattern.match(text, pos)
            if found:
                return measure, found.end()
        word = MODIFIER.match(text, pos)
        if word is None or NOT_A_MODIFIER.match(word.group()):
            return None
        joined = None if steps else JOINED_MODIFIER.match(text, word.end())
        pos = joined.end() if joined else word.end()  # "60 current and former officials": one modifier
        steps += 1
    return None


# two modifiers of one noun joined by a conjunction, right after the figure: "60 current and former officials"
JOINED_MODIFIER = re.compile(r"\s+(?:and|or|y|o|e|u)(?=\s+[^\W\d_])", re.I)


def _nearest_cue(sentence: str, start: int, end: int) -> str | None:
    """What happened to the people a number counts: the cue nearest it in its clause."""
    left = max((m.end() for m in CLAUSE_END.finditer(sentence, 0, start)), default=0)
    left = max(left, start - 70)
    right_break = CLAUSE_END.search(sentence, end)
    right = min(right_break.start() if right_break else len(sentence), end + 60)
    best: tuple[int, str] | None = None
    cues = (
        ("killed", KILL_CUE),
        ("killed", ELIMINATED_CUE),
        ("injured", INJURE_CUE),
        ("survivors", SURVIVE_CUE),
        ("arrests", ARREST_CUE),
        ("indicted", INDICT_CUE),
        ("charged", CHARGE_CUE),
        ("extradited", EXTRADITE_CUE),
        ("deported", DEPORT_CUE),
    )
    for measure, cue in cues:
        for m in cue.finditer(sentence, left, right):
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, measure)
    return best[1] if best else None


def _percent(sentence: str, end: int, poll: bool = False) -> str | None:
    """A poll's share; in a passage about a poll (``poll``), a share the sentence says people hold
    ("43 percent said they believe ...", "el 18 % no estaba seguro") is one without naming the poll."""
    if not POLL_CUE.search(sentence) and not (poll and SHARE_HELD_AFTER.match(sentence, end)):
        return "share"  # "as much as 80 percent of the proceeds": a share, no poll's
    after = sentence[end:]
    if OPPOSE_CUE.search(after):
        return "percent_oppose"
    if SUPPORT_CUE.search(after):
        return "percent_support"
    return "percent"


def _money(sentence: str) -> str:
    """What a sum of money is, from its sentence: a reward, a loan, a penalty, assets seized, or a
    plain amount (laundered, frozen, paid: every sum an analyst reads is a figure)."""
    if REWARD_CUE.search(sentence):
        return "reward"
    if LOAN_CUE.search(sentence):
        return "loan"
    if PENALTY_CUE.search(sentence):
        return "penalty"
    if SEIZED_CUE.search(sentence):
        return "assets_seized"
    return "amount"


CURRENCY_CODES = frozenset(code for _pattern, code in CURRENCIES)


def _is_money(measure: str) -> bool:
    return measure.rsplit("_", 1)[-1] in CURRENCY_CODES


def _currency(word: str) -> str:
    for pattern, code in CURRENCIES:
        if pattern.search(word):
            return code
    return "usd"


def _measure(
    sentence: str, first: Number, last: Number, head_end: int, poll: bool = False
) -> tuple[str, int] | None:
    """The measure a figure counts and where the words that say so end; None for an unknown unit."""
    after = sentence[last.end :]
    one = first.article_one and last is first  # "one or two strikes" is a range, not an article
    if first.indefinite and last is first:
        return _indefinite(sentence, first)
    percent = PERCENT_AFTER.match(after)
    points = percent or POINTS_AFTER.match(after)
    if points and MARGIN_BEFORE.search(sentence, 0, first.start):
        return "margin_of_error", last.end + points.end()  # "margen de error de unos 3 puntos"
    lead = LEAD_POINTS_AFTER.match(after)
    if (lead or (points and LEAD_BEFORE.search(sentence, 0, first.start))) and POLL_CUE.search(sentence):
        return "margin_points", last.end + (lead.end() if lead else points.end() if points else 0)
    if percent:
        measure = _percent(sentence, last.end + percent.end(), poll)
        return (measure, last.end + percent.end()) if measure else None
    money = MONEY_AFTER.match(after)
    written = money or MONEY_BEFORE.search(sentence, 0, first.start)  # "20 millones de dólares", "$20"
    if written is not None:
        currency = _currency(written.group("cur"))
        return f"{_money(sentence)}_{currency}", last.end + (money.end() if money else 0)
    if term_end := _prison_term(sentence, last.end):
        return "sentence_years", term_end
    if VOTE_CUE.search(sentence) and not THRESHOLD_BEFORE.search(sentence, 0, first.start):
        for pattern, measure in VOTE_SIDES:
            vote = pattern.match(after)
            if vote:
                return measure, last.end + vote.end()
    killed = KILLED_AFTER.match(after) or KILLED_AFTER_NOUN.match(after)
    if killed and not one:
        return "killed", last.end + killed.end()
    survived = SURVIVED_AFTER.match(after)
    if survived:
        return "survivors", last.end + survived.end()
    seats = SEATS_AFTER.match(after)
    if seats and not one:
        return "seats", last.end + seats.end()
    # a poll's sample is described at length: "of 1,500 likely general election voters"
    sample = SURVEYED_BEFORE.search(sentence, 0, first.start) or ASKED_BEFORE.search(sentence, 0, first.start)
    skip = _cleft(sentence, first.start, after)
    noun = _noun(after[skip:], of=first.approximate or first.value >= 10**6, reach=4 if sample else 3)
    noun = (noun[0], noun[1] + skip) if noun else None
    if noun is None and not one and (passive := PASSIVE_CUE_AFTER.match(after)):
        verb = _fold(passive.group("verb"))
        return PASSIVE_MEASURES.get(
            verb, PASSIVE_MEASURES.get(verb[:-2], "arrests")
        ), last.end + passive.end()
    if noun is not None:
        measure, unit_end = _refine(sentence, noun[0], first.start, last.end + noun[1])
        if measure is None or (one and measure not in ("killed", "survivors")):
            return None
        if one and PARTITIVE.match(after):
            return None  # "one of the boats"
        return measure, unit_end
    if KILLED_BEFORE.search(sentence, 0, head_end) and not one:
        return "killed", last.end
    count_of = NUMBER_OF_BEFORE.search(sentence, 0, head_end)
    if count_of is not None and not one and (named := _noun(" " + count_of.group("noun"))) is not None:
        return named[0], last.end  # "the total number of vessels destroyed to at least 22"
    if TURNOUT_BEFORE.search(sentence, 0, head_end) and first.value >= 1000:
        return "voters", last.end  # "turnout was more than 8 million": the people who voted
    return _plain_thing(sentence, first, last, after, skip) if not (one or first.indefinite) else None


def _plain_thing(sentence: str, first: Number, last: Number, after: str, skip: int) -> tuple[str, int] | None:
    """A count of things no measure names ("four continents"), measured as "count", under the rules
    of a plain count of people: not a part of a whole told before, a count that refers back or the
    report's sources."""
    counted = _counted_noun(after[skip:])
    if not counted or WHOLE_BEFORE.search(sentence, 0, first.start) or _the_estimate(sentence, first.start):
        return None
    if _a_year(sentence, first):
        return None  # "a 2015 decree against officials", "desde los años 1990 amplios sectores"
    unit_end = last.end + skip + counted
    measure = _plain_count(sentence, "count", first.start, unit_end)
    return (measure, unit_end) if measure else None


def _a_year(sentence: str, number: Number) -> bool:
    """A number written as a year is one, whatever noun follows it."""
    return _written_year(sentence[number.start : number.end])


def _written_year(written: str) -> bool:
    """Four digits from 1900 to 2099 with no separator: how a year is written (1800 is as often a
    count: "más de 1800 votantes")."""
    return written.isdigit() and len(written) == 4 and 1900 <= int(written) <= 2099


COUNTED_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w'’-]*)")
# what a number names but no figure counts: spans of time, speeds, fractions, the parts of an argument
# or a document, and the Spanish adjectives that stand before a noun ("los dos primeros")
NOT_COUNTED = re.compile(
    r"(?:decades|d[ée]cadas|knots|nudos|mph|horsepower|hp|caballos|centuries|siglos|weekends|thirds|tercios|quarters|cuartos|halves|mitades|"
    r"reasons|razones|issues|cuestiones|topics|temas|points|puntos|components|componentes|"
    r"phases|fases|stages|etapas|steps|pasos|lines|l[íi]neas|pages|p[áa]ginas|copies|copias|words|palabras|"
    r"ways|formas|maneras|options|opciones|scenarios|escenarios|things|cosas|aspects|aspectos|factors|"
    r"factores|primer[oa]s|[úu]ltim[oa]s|mayores|menores|principales|siguientes|restantes|dem[áa]s|"
    r"includes|incluye[ns]?)$",
    re.I,
)


def _counted_noun(text: str) -> int:
    """Where the plural noun a number counts ends, when no measure names it: "four continents", "tres
    instituciones financieras", "1,035 documented cases" (0: none within two modifiers)."""
    pos = 0
    for _ in range(3):
        word = COUNTED_WORD.match(text, pos)
        if word is None or NOT_A_MODIFIER.match(word.group("word")):
            return 0
        token = word.group("word")
        if token[:1].islower() and len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            return 0 if NOT_COUNTED.match(token) else word.end()
        pos = word.end()
    return 0


# Spanish fronts a count before its subject with "ser" or "sumar": "son nueve los sancionados",
# "fueron cinco los republicanos que ...", "suman ya 67 las personas fallecidas"
CLEFT_BEFORE = re.compile(
    rf"\b(?:son|eran|fueron|suman|sumaban|sumaron|totalizan)\s+(?:ya\s+)?(?:(?:{_QUAL})\s+)?$", re.I
)
CLEFT_ARTICLE = re.compile(r"\s+(?:los|las)(?=\s)", re.I)


def _cleft(sentence: str, start: int, after: str) -> int:
    """How many characters of ``after`` the article of a fronted count's subject takes (0: none)."""
    article = CLEFT_ARTICLE.match(after)
    return article.end() if article and CLEFT_BEFORE.search(sentence, 0, start) else 0


def _indefinite(sentence: str, one: Number) -> tuple[str, int] | None:
    """Spanish "un" / "una" counts one only for people killed or surviving: "un sobreviviente",
    "una persona murió", "uno murió y una más sobrevivió"; otherwise it is an article."""
    after = sentence[one.end :]
    survived = SURVIVED_AFTER.match(after)
    if survived:
        return "survivors", one.end + survived.end()
    noun = _noun(after)
    if noun is None or PARTITIVE.match(after):
        return None
    measure, unit_end = _refine(sentence, noun[0], one.start, one.end + noun[1])
    return (measure, unit_end) if measure in ("killed", "survivors") else None


def _refine(sentence: str, measure: str, start: int, unit_end: int) -> tuple[str | None, int]:
    """People and lawmakers are counted for what happened to them: killed, survived, arrested,
    sanctioned, voted; a count of people with no such cue is a plain count of them (``_plain_count``)."""
    if measure == "police":
        if MOBILIZED_CUE.search(sentence):
            return "police_officers", unit_end
        measure = "people"  # "two officers were killed"
    if measure in ("people", "individuals") and LED_BY_BEFORE.search(sentence, 0, start):
        return None, unit_end
    if measure == "people":
        if WHOLE_BEFORE.search(sentence, 0, start):
            return None, unit_end  # "two of the 11 people on board survived": the cue is the part's
        asked = ASKED_BEFORE.search(sentence, 0, start) and POLL_WORDS.search(sentence)
        if SURVEYED_BEFORE.search(sentence, 0, start) or asked:
            return "respondents", unit_end
        cue = _nearest_cue(sentence, start, unit_end)
        if cue is None and SANCTION_CUE.search(sentence):
            return "individuals", unit_end
        if cue is None and (
            CREW_BEFORE.search(sentence, 0, start)
            or CREW_AFTER.match(sentence, unit_end)
            or CREW_NOUN.search(sentence, start, unit_end)
        ):
            return "crew", unit_end  # "a boat carrying three people", "tres tripulantes"
        return cue or _plain_count(sentence, "people", start, unit_end), unit_end
    if measure == "operations":  # "19 such operations ... 76 deaths": strikes, in a strike sentence
        strikes = KILL_CUE.search(sentence) or STRIKE_WORDS.search(sentence) or BOAT_WORDS.search(sentence)
        return ("strikes" if strikes else None), unit_end
    if measure == "lawmakers":  # "51 senators voted against", "dos republicanos votaron a favor"
        if not VOTE_CUE.search(sentence):  # "met with more than a dozen senators"
            return _plain_count(sentence, "lawmakers", start, unit_end), unit_end
        for pattern, side in VOTE_SIDES:
            voted = pattern.match(sentence[unit_end:])
            if voted:
                return side, unit_end + voted.end()
    if measure == "individuals" and not SANCTION_CUE.search(sentence):
        cue = _nearest_cue(sentence, start, unit_end)  # "two indictments charging 54 individuals"
        return (
            cue if cue in JUSTICE_MEASURES else _plain_count(sentence, measure, start, unit_end)
        ), unit_end
    if measure == "individuals" and _the_estimate(sentence, start):
        return None, unit_end  # "entre la decena de sancionados": the ten told of before
    return _refine_thing(sentence, measure, start, unit_end), unit_end


JUSTICE_MEASURES = frozenset({"arrests", "indicted", "charged", "extradited", "deported"})
# the people a report cites are its sources, not a count it reports: "according to three officials",
# "two people familiar with the matter said", "dos funcionarios que pidieron el anonimato"
SOURCE_BEFORE = re.compile(
    rf"\b(?:according\s+to|citing|told|quoted|seg[úu]n|de\s+acuerdo\s+con|citando\s+a|dijeron\s+a)\s+"
    rf"(?:(?:{_QUAL})\s+)?$",
    re.I,
)
SOURCE_AFTER = re.compile(
    r"[^,.;:]{0,40}?\b(?:familiar\s+with|with\s+knowledge|briefed\s+on|(?:who\s+)?(?:spoke|speaking|asked|"
    r"requested|declined|talked)\b|said|say|says|told|con\s+conocimiento|que\s+(?:pidieron|hablaron|"
    r"solicitaron)|dijeron|declararon|afirmaron|señalaron|hablaron)\b",
    re.I,
)
# a count said of each of several things is no total: "three individuals aboard each vessel"
DISTRIBUTIVE_AFTER = re.compile(r"[^,.;:]{0,40}?\b(?:each|every|apiece|per|cada)\b", re.I)


def _plain_count(sentence: str, measure: str, start: int, unit_end: int) -> str | None:
    """A count of people (or of lawmakers or firms) nothing happened to is still what the text reports
    of them ("met with more than a dozen senators", "a gang of around 150 members"), unless it refers
    back to people counted before ("the two leaders"), names the report's sources ("two officials
    said") or is said of each of several things."""
    if DEFINITE_BEFORE.search(sentence, 0, start) or SOURCE_BEFORE.search(sentence, 0, start):
        return None
    if SOURCE_AFTER.match(sentence, unit_end) or DISTRIBUTIVE_AFTER.match(sentence, unit_end):
        return None
    return measure


DEFINITE_ARTICLE_BEFORE = re.compile(r"\b(?:the|el|la|los|las)\s+$", re.I)


def _the_estimate(sentence: str, start: int) -> bool:
    """A round estimate with the definite article ("la decena de sancionados", "the dozen
    officials") refers back to a count told before: it is no new figure."""
    word = WORD.match(sentence, start)
    return bool(
        word
        and _fold(word.group()) in APPROXIMATE_WORDS
        and DEFINITE_ARTICLE_BEFORE.search(sentence, 0, start)
    )


def _refine_thing(sentence: str, measure: str, start: int, unit_end: int) -> str | None:
    """Things that count only in their setting: drugs by weight or by pills, the seats of a chamber,
    the votes a motion needs, a poll's interviews, deportation flights."""
    if measure == "interviews":
        return "respondents" if POLL_WORDS.search(sentence) else None
    if measure == "drugs":
        if not DRUG_CUE.search(sentence):
            return None
        unit = _fold(sentence[start:unit_end].split()[-1]).rstrip("s")
        return f"drugs_{WEIGHT_UNITS.get(unit, unit)}"
    if measure == "seats":
        return "seats" if LEGISLATURE.search(sentence) else None
    if measure == "organizations":
        if DEFINITE_BEFORE.search(sentence, 0, start):
            return None  # "the eight groups": the groups counted before, not a new figure
        listed = SANCTION_CUE.search(sentence) or GROUP_LIST_CUE.search(sentence)
        return "organizations" if listed else None
    if measure in ("countries", "municipalities"):
        return _plain_count(sentence, measure, start, unit_end)  # not "between the two nations"
    if measure == "attackers":  # "killing three gunmen", "abatió a dos sicarios"; else they attacked
        if KILL_CUE.search(sentence, max(0, start - 40), start):
            return "killed"
        return _plain_count(sentence, measure, start, unit_end)
    if measure in ("hostages", "prisoners"):
        return _plain_count(sentence, measure, start, unit_end)
    if measure == "absences":
        return "absences" if VOTE_CUE.search(sentence) else None
    if measure == "votes":
        needed = THRESHOLD_BEFORE.search(sentence, 0, start) or NEEDED_AFTER.match(sentence, unit_end)
        return "votes_needed" if needed else None
    if measure == "flights":
        return "deportation_flights" if DEPORT_CUE.search(sentence) else None
    if measure == "tankers":
        return "tankers" if TANKER_CUE.search(sentence) else None
    return measure


def _part(sentence: str, end: int) -> str | None:
    """The region a figure is a part of ("8 in the Pacific") when the sentence names more than one:
    a part is never compared with the whole."""
    place = PART_AFTER.match(sentence[end:])
    if place is None or BOTH_REGIONS.match(sentence, end + place.end()):
        return None
    regions = {
        REGION_NAMES.get(_fold(r.group()).split()[-1], r.group().split()[-1].title())
        for r in REGION.finditer(sentence)
    }
    if len(regions) < 2:
        return None
    region = _fold(place.group("region"))
    return REGION_NAMES.get(region, region.title())


def _vote_scores(sentence: str, numbers: list[Number]) -> tuple[list[Figure], set[int]]:
    """ "failed 49-51", "rejected 216-210", "por 49 votos contra 51": for and against, the larger
    side being the one that won."""
    if not VOTE_CUE.search(sentence):
        return [], set()
    digits = {n.start for n in numbers if not n.spelled}
    values = {n.start: n.value for n in numbers if not n.article_one and n.scale == 1.0}
    figures: list[Figure] = []
    used: set[int] = set()
    for score in VOTE_SCORE.finditer(sentence):
        if score.start("a") not in digits or score.start("b") not in values:
            continue
        if _noun(sentence[score.end() :]) is not None or PERCENT_AFTER.match(sentence[score.end() :]):
            continue  # "69 to 70 people", "40-45%": a range
        a, b = float(score.group("a")), values[score.start("b")]
        if VOTED_BEFORE.search(sentence, 0, score.start()) or MOTION_AFTER.match(sentence, score.end()):
            yes, no = a, b  # "voted 51-50 to block": 51 for the motion
        elif FAILED_CUE.search(sentence):
            yes, no = min(a, b), max(a, b)
        elif PASSED_CUE.search(sentence):
            yes, no = max(a, b), min(a, b)
        else:
            yes, no = a, b
        for measure, value in (("votes_for", yes), ("votes_against", no)):
            figures.append(Figure(measure, value, Qualifier.EXACT, value, value, score.start(), score.end()))
        used |= {score.start("a"), score.start("b")}
    return figures, used


def _ordinal_strikes(sentence: str) -> list[Figure]:
    """ "its 10th strike", "the eighth attack", "al menos el segundo ataque": as many strikes so far.
    "the second strike" alone is often the follow-up strike on one boat, so "second" counts only
    after a possessive, a qualifier or a copula ("this is at least the second strike")."""
    figures = []
    for m in ORDINAL_STRIKE.finditer(sentence):
        word, start = _qualifier(sentence, m.start("lead"))
        if m.group("n"):
            value = float(m.group("n"))
        else:
            value = float(ORDINALS[_fold(m.group("word")).replace(" ", "")])
            definite = m.group("lead").lower() in ("the", "el")
            if value == 2 and definite and word is None and not ORDINAL_COPULA.search(sentence, 0, m.start()):
                continue
        qualifier = QUALIFIERS.get(word, Qualifier.EXACT) if word else Qualifier.EXACT
        low, high = _interval(value, qualifier, word, None)
        figures.append(Figure("strikes", value, qualifier, low, high, start, m.end(), running=True))
    return figures


# a poll's share said as a fraction: "three in four Americans", "dos de cada tres", "more than half"
FRACTION_JOIN = re.compile(r"\s+(?:out\s+of(?:\s+every)?|in(?:\s+every)?|of\s+every|de\s+cada)\s+$", re.I)
# a share in words glossed at once by its percentage, between dashes, brackets or commas:
# "la mitad de los encuestados -48%-", "half (48%) of adults", "more than half of voters, 53 percent,"
_GLOSS_PERCENT = r"\d{1,3}(?:[.,]\d+)?\s?(?:%|percent\b|por\s+ciento\b)"
GLOSSED_SHARE = re.compile(rf"\s*(?:[-–—(]\s*{_GLOSS_PERCENT}\s*[-–—)]|,\s*{_GLOSS_PERCENT}\s*,)", re.I)
GLOSSED_AFTER_NOUN = re.compile(rf"(?:\s+[^\W\d_]+){{1,3}}\s*[-–—(]\s*{_GLOSS_PERCENT}\s*[-–—)]", re.I)
HALF = re.compile(
    r"\b(?:la\s+mitad|half)\s+(?:of|de)\s+(?:the\s+|all\s+|los\s+|las\s+|todos\s+los\s+)?(?:Americans|voters|"
    r"respondents|adults|Republicans|Democrats|independents|people|those\s+(?:polled|surveyed)|"
    r"estadounidenses|votantes|encuestados|consultados|republicanos|dem[óo]cratas|independientes|personas|"
    r"ciudadanos|quienes)\b",
    re.I,
)


def _durations(sentence: str, numbers: list[Number]) -> tuple[list[Figure], set[int]]:
    """How long a call, a meeting or a vote lasted, in the reporter's words (not inside a quote):
    "about an hour" is one hour; measured as "duration_hours" or "duration_minutes"."""
    if not DURATION_OF.search(sentence):
        return [], set()
    values = {n.start: n.value for n in numbers}
    figures, used = [], set()
    for found in DURATION.finditer(sentence):
        if is_quoted(sentence, found.start()):
            continue
        word = found.group("n")
        value = 1.0 if _fold(word) in ARTICLES else values.get(found.start("n"))
        if value is None:
            continue
        qual = (found.group("qual") or "").lower() or None
        qualifier = QUALIFIERS[qual] if qual else Qualifier.EXACT
        low, high = _interval(value, qualifier, qual, None)
        unit = (
            "hours"
            if _fold(found.group("unit")).startswith("hora") or found.group("unit").lower().startswith("hour")
            else "minutes"
        )
        figures.append(Figure(f"duration_{unit}", value, qualifier, low, high, found.start(), found.end()))
        used.add(found.start("n"))
    return figures, used


# a person's age: "the 29-year-old", "aged 18 to 49", "Juan Pérez, 47, was", "Pérez (47)", "un hombre de
# 34 años", "X, de 79 años"; in Spanish "de N años" is an age only after a comma or a word for a person
# (else a span: "una guerra de 50 años")
AGE_EN = re.compile(
    r"\b(?P<n>\d{1,3})(?:-years?-old\b|\s+years?[\s-]old\b)|\baged\s+(?P<n2>\d{1,3})\b"
    r"(?:\s+(?:to|and|-|–)\s+(?P<m>\d{1,3})\b)?",
    re.I,
)
AGE_ES = re.compile(r"\bde\s+(?P<n>\d{1,3}|[^\W\d_]+)\s+años(?:\s+de\s+edad)?\b", re.I)
PERSON_BEFORE_AGE = re.compile(
    r"(?:,|\b(?:hombre|mujer|joven|muchach[oa]|chic[oa]|niñ[oa]|adolescente|ancian[oa]|señora?|ciudadan[oa]|"
    r"empresari[oa]|rapero|cantante|pescador|migrante|v[íi]ctima|sospechos[oa]|detenid[oa]|acusad[oa]|"
    r"nacional|l[íi]der|cabecilla|comandante|alcaldesa|alcalde|pol[íi]tic[oa]|militar|polic[íi]a)"
    r"(?:\s+[^\W\d_]+)?)\s*$",
    re.I,
)
# the digits beside a name, between commas or in brackets: not after a weekday or a month ("Monday (15)")
AGE_BESIDE_NAME = re.compile(r"(?P<name>[A-ZÁÉÍÓÚÑ][\w'’-]+)(?:,\s|\s?\()(?P<n>\d{2})(?:,\s|\))")


def _age_numbers(sentence: str) -> set[int]:
    """Where the sentence gives a person's age ("the 29-year-old", "Pérez (47)", "un hombre de 34
    años"): those numbers are no figure. An age describes a person, as a date of birth does; it is
    no count, toll or sum the crisis view reconciles, so it is no claim either."""
    used: set[int] = set()
    for found in AGE_EN.finditer(sentence):
        used.add(found.start("n") if found.group("n") else found.start("n2"))
        if found.group("m"):
            used.add(found.start("m"))
    for found in AGE_ES.finditer(sentence):
        if PERSON_BEFORE_AGE.search(sentence, 0, found.start()):
            used.add(found.start("n"))
    for found in AGE_BESIDE_NAME.finditer(sentence):
        if name_key(found.group("name")) not in CALENDAR_KEYS:
            used.add(found.start("n"))
    return used


def _poll_shares(sentence: str, numbers: list[Number]) -> tuple[list[Figure], set[int]]:
    """A fraction of the people a poll asked is the percentage it says: "tres de cada cuatro" is
    about 75 percent (a rounded share), "half" 50; a qualifier before it is kept ("poco más de
    la mitad": at least 50)."""
    if not POLL_CUE.search(sentence):
        return [], set()
    figures: list[Figure] = []
    used: set[int] = set()
    for part, whole in pairwise(numbers):
        if not FRACTION_JOIN.fullmatch(sentence, part.end, whole.start) or not 0 < part.value < whole.value <= 10:
            continue
        used |= {part.start, whole.start}  # a fraction's numbers count no one: "nine in ten Venezuelans"
        if GLOSSED_SHARE.match(sentence, whole.end) or GLOSSED_AFTER_NOUN.match(sentence, whole.end):
            continue  # "nueve de cada diez venezolanos (89%)": the figure is the percentage that glosses it
        value = round(100 * part.value / whole.value)
        word, start = _qualifier(sentence, part.start)
        figures.append(_share(value, word, start, whole.end, Qualifier.ABOUT))
    for half in HALF.finditer(sentence):
        if GLOSSED_SHARE.match(sentence, half.end()):
            continue  # "about half of those asked (48%)": the figure is the percentage that glosses it
        word, start = _qualifier(sentence, half.start())
        figures.append(_share(50, word, start, half.end(), Qualifier.EXACT))
    return figures, used


def _share(value: float, word: str | None, start: int, end: int, default: Qualifier) -> Figure:
    qualifier = QUALIFIERS.get(word, default) if word else default
    low, high = _interval(value, qualifier, word, None)
    return Figure("percent", value, qualifier, low, high, start, end)


def _range_end(sentence: str, number: Number, following: Number | None) -> Number | None:
    """The upper end of "69 to 70", "between 80 and 90", "entre 80 y 90", "de 10 a 12", "two or three"."""
    if following is None:
        return None
    if PERCENT_RANGE_JOIN.fullmatch(sentence, number.end, following.start):
        # "entre el 60% y 70%", "between 40% and 45%": a range only when the words open one
        opened = PERCENT_RANGE_OPEN.search(sentence, 0, number.start)
        return following if opened and following.value > number.value else None
    join = RANGE_JOIN.fullmatch(sentence, number.end, following.start)
    if join is None or following.value <= number.value:
        return None
    word = join.group().strip().lower()
    if word in ("and", "y", "a") and not RANGE_OPEN.search(sentence, 0, number.start):
        return None
    return following


def sentence_figures(
    sentence: str, lang: str, skip: Sequence[tuple[int, int]] = (), poll: bool = False
) -> list[Figure]:
    """Every figure of one sentence with a recognisable measure; numbers inside ``skip`` (dates)
    are not figures; ``poll``: the sentence follows a report of a poll (see ``_percent``)."""
    numbers = [n for n in find_numbers(sentence, lang) if not any(s <= n.start < e for s, e in skip)]
    figures, used = _vote_scores(sentence, numbers)
    durations, timed = _durations(sentence, numbers)
    figures += durations
    used |= timed | _age_numbers(sentence)
    figures += _ordinal_strikes(sentence)
    shares, fraction_numbers = _poll_shares(sentence, numbers)
    figures += shares
    used |= fraction_numbers
    index = 0
    while index < len(numbers):
        first = numbers[index]
        index += 1
        if first.start in used or _not_a_count(sentence, first):
            continue
        last = _range_end(sentence, first, numbers[index] if index < len(numbers) else None) or first
        if last is not first:
            index += 1
        figure = _figure(sentence, first, last, figures, poll)
        if figure is not None and last is not first and CHANGE_FROM.search(sentence, 0, first.start):
            figures += _before_and_after(figure, first, last)
        elif figure is not None:
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return [_with_running(sentence, figure, figures) for figure in figures]


# "raised from 10 to 15 million", "se ha elevado de 10 a 15 millones": a figure that changed, its
# former and its new value, not a range
CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|raised|increased|grew|climbed|jumped|went\s+up|doubled|elev\w+|aument\w+|sub(?:i\w+|e|en)|"
    r"pas(?:ó|aron|ado|a)|increment\w+|ascendi\w+|dobl\w+|duplic\w+)\s+(?:[\w$]+\s+){0,3}?(?:from|de|desde)\s+$",
    re.I,
)


def _before_and_after(figure: Figure, first: Number, last: Number) -> list[Figure]:
    """The two values of a changed figure, each exact; the former one written without the scale
    of the new ("de 10 a 15 millones") has it."""
    old = first.value * (last.scale if first.scale == 1 and not first.spelled else 1)
    return [
        replace(figure, value=old, qualifier=Qualifier.EXACT, low=old, high=old, end=first.end),
        replace(
            figure,
            value=last.value,
            qualifier=Qualifier.EXACT,
            low=last.value,
            high=last.value,
            start=last.start,
        ),
    ]


def _clause_window(sentence: str, figure: Figure, figures: list[Figure]) -> str:
    """The words that tell what a figure is: its clause, cut at the figures beside it and at "and"."""
    left = max((m.end() for m in CLAUSE_END.finditer(sentence, 0, figure.start)), default=0)
    left = max([left, *(f.end for f in figures if f.end <= figure.start)])
    breaks = [m.start() for p in (CLAUSE_END, AND, COMMA) if (m := p.search(sentence, figure.end))]
    right = min([*breaks, len(sentence), *(f.start for f in figures if f.start >= figure.end)])
    return sentence[left:right]


def _with_running(sentence: str, figure: Figure, figures: list[Figure]) -> Figure:
    """Marks a figure its own clause tells is a running toll, or the figure of one strike."""
    if figure.running:
        return figure
    window = _clause_window(sentence, figure, figures)
    if TOTAL_CUE.search(window):
        return replace(figure, running=True)
    return replace(figure, single=bool(SINGLE_STRIKE.search(window)))


def _figure(
    sentence: str, first: Number, last: Number, previous: list[Figure], poll: bool = False
) -> Figure | None:
    opening = (
        RANGE_OPEN.search(sentence, 0, first.start) or PERCENT_RANGE_OPEN.search(sentence, 0, first.start)
        if last is not first
        else None
    )
    word, qual_start = _qualifier(sentence, opening.start() if opening else first.start)
    bound = OPEN_BOUND_AFTER.match(sentence, last.end) if last is first else None
    if bound is not None:
        first = last = replace(first, end=bound.end())  # the noun follows the bound: "50 or more people"
    found = _measure(sentence, first, last, qual_start, poll)
    if found is None and first.article_one and _listed_after(sentence, first, previous):
        counted = replace(first, article_one=False, indefinite=False)
        found = _measure(sentence, counted, counted, qual_start, poll)
        if found is not None and found[0] != previous[-1].measure:
            found = None  # a list of one kind only: "dos muertos y un herido" is not read here
        elif found is not None:
            first = last = counted
    if found is None:
        found = (
            _inherited(sentence, last, previous)
            or _elided_percent(sentence, first, last, previous)
            or _elided_money(sentence, qual_start, first, last, previous)
        )
    if found is None:
        return None
    measure, unit_end = found
    if bound is None and last is first:
        bound = OPEN_BOUND_AFTER.match(sentence, unit_end)  # after its unit: "50 percent or more", "30 personas o más"
    if word is None and _is_money(measure) and previous and previous[-1].measure == measure:
        word = _shared_qualifier(
            sentence, previous[-1], qual_start
        )  # "hasta 25 millones por uno y 15 por otro"
    qualifier = QUALIFIERS.get(word, Qualifier.EXACT) if word else Qualifier.EXACT
    if measure.startswith("percent") and word in EMPHASIS:
        qualifier = Qualifier.EXACT  # a poll measures its share: "as many as 63 percent" is 63
    if first.approximate and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.ABOUT  # "a dozen boats"
    if bound is not None and qualifier in (Qualifier.EXACT, Qualifier.ABOUT):
        # "some 80 or more", "50 o más": the figure is a floor (or a ceiling), whatever hedge came before it
        qualifier = Qualifier.AT_MOST if bound.group("fewer") else Qualifier.AT_LEAST
        word = None
    high = last.value if last is not first else None
    if high is not None and qualifier is Qualifier.EXACT and not measure.startswith("percent"):
        qualifier = Qualifier.ABOUT  # a poll's range of shares is what it measured: "entre el 60% y 70%"
    value = first.value
    if high is not None and first.scale == 1 and last.scale > 1 and not first.spelled:
        value = first.value * last.scale  # "between 10 and 15 million": the low end is 10 million
    low, upper = _interval(value, qualifier, word, high)
    start = min(qual_start, opening.start() if opening else first.start)
    toll = (
        KILLED_BEFORE.search(sentence, 0, qual_start) if (measure, unit_end) == ("killed", last.end) else None
    )
    if toll is not None:
        start = toll.start() + len(toll.group()) - len(toll.group().lstrip(" ,;:"))  # "the toll rose to 83"
    part = (
        _part(sentence, unit_end)
        or _subset(sentence, start, last.end, unit_end)
        or (_bracketed_part(sentence, first, previous) if previous else None)
    )
    return Figure(measure, value, qualifier, low, upper, start, unit_end, part)


# "ocho buques de guerra, un submarino nuclear y aviones", "four squadrons of jets and one squadron of
# drones": an article or "one" listed after a figure of the same kind is a count of one too
LISTED_AFTER = re.compile(r"[^.;:()]{0,60}?(?:,|\s(?:and|y|e|plus|más))\s+$", re.I)


def _listed_after(sentence: str, one: Number, previous: list[Figure]) -> bool:
    return (
        bool(previous)
        and previous[-1].end <= one.start
        and bool(LISTED_AFTER.fullmatch(sentence, previous[-1].end, one.start))
    )


def _subset(sentence: str, start: int, number_end: int, unit_end: int) -> str | None:
    """ "including three women", "de ellos, dos colombianos": a subset, named by what it counts so
    that different subsets never meet in one series."""
    if not SUBSET_BEFORE.search(sentence, 0, start):
        return None
    words = sentence[number_end:unit_end].strip(' ,;:"“”').lower()
    return f"subset {words}" if words else "subset"


def _inherited(sentence: str, number: Number, previous: list[Figure]) -> tuple[str, int] | None:
    """ "10 sunk in the Caribbean and 8 in the Pacific": a bare number followed by a place counts
    what the figure before it counts."""
    if not previous or number.article_one:
        return None
    place = PART_AFTER.match(sentence[number.end :])
    if place is None and _bracketed_part(sentence, number, previous) is None:
        return None
    return previous[-1].measure, number.end


# the parts of a figure told in brackets after it: "11.000 personas (1.500 en Venezuela y 9.500 en el resto
# de la región)", "2,000 people (800 in Mexico ...)"
BRACKETED_PLACE_AFTER = re.compile(
    r"\s+(?:en|in)\s+(?:(?:el|la|los|las|the)\s+)?(?:(?:resto|rest)\s+(?:de|of)\s+(?:la\s+|the\s+)?)?"
    r"(?P<place>[A-ZÁÉÍÓÚÑ][\w-]*)"
)


def _bracketed_part(sentence: str, number: Number, previous: list[Figure]) -> str | None:
    """The place a bare number inside brackets opened after a figure is a part of, else None."""
    opened = sentence.rfind("(", 0, number.start)
    if opened < 0 or sentence.rfind(")", 0, number.start) > opened:
        return None
    if not any(f.end <= opened for f in previous):
        return None
    place = BRACKETED_PLACE_AFTER.match(sentence, number.end)
    return f"part {place.group('place')}" if place else None


# "el 48 por ciento se opone, el 31 da su aval": Spanish names the share with "el" and says
# "por ciento" once; a bare "el 31" coordinated after a percentage is one too
ELIDED_PERCENT_BETWEEN = re.compile(
    r"[^.;:]{0,80}?(?:,|\s(?:y|e|mientras(?:\s+que)?|frente\s+a))\s+(?:el|un)\s+$", re.I
)


def _elided_percent(
    sentence: str, first: Number, last: Number, previous: list[Figure]
) -> tuple[str, int] | None:
    if not previous or first is not last or first.spelled or first.value > 100:
        return None
    before = previous[-1]
    if not before.measure.startswith("percent"):
        return None
    if not ELIDED_PERCENT_BETWEEN.fullmatch(sentence, before.end, first.start):
        return None
    return _percent(sentence, last.end) or "percent", last.end


# "hasta 25 millones de dólares por los dos primeros y 15 millones por el tercero", "$5 million for
# one and $3 million for the other": an amount coordinated after a sum of money is money too, and
# shares its qualifier
ELIDED_MONEY_BETWEEN = re.compile(r"[^.;:]{0,80}?(?:,|\s(?:y|e|and|or|o))\s+(?:de\s+)?(?:US\$|\$)?$", re.I)
EMPHASIS = frozenset({"as many as", "up to", "hasta"})
QUALIFIER_WORDS = sorted(QUALIFIERS, key=len, reverse=True)


def _elided_money(
    sentence: str, qual_start: int, first: Number, last: Number, previous: list[Figure]
) -> tuple[str, int] | None:
    if not previous or first is not last or max(first.scale, first.value) < 1000:
        return None
    before = previous[-1]
    if not _is_money(before.measure) or before.end > qual_start:
        return None
    if not ELIDED_MONEY_BETWEEN.fullmatch(sentence, before.end, qual_start):
        return None
    return before.measure, last.end


def _shared_qualifier(sentence: str, before: Figure, start: int) -> str | None:
    """The qualifier word of the sum of money an amount is coordinated with."""
    if before.end > start or not ELIDED_MONEY_BETWEEN.fullmatch(sentence, before.end, start):
        return None
    said = sentence[before.start : before.end].lower()
    return next((q for q in QUALIFIER_WORDS if said.startswith(f"{q} ")), None)


# --- claims ----------------------------------------------------------------------------------


def _modality(ctx: ArticleContext, index: int) -> str:
    """Only reports become claims: no figure from a scenario, a forecast or a question."""
    modality = getattr(ctx, "modality", None)
    return "asserted" if modality is None else str(modality(index))


def _figure_modality(sentence: str, figure: Figure, modality: str) -> str:
    """The sentence's modality, unless the figure's own clause, up to the figure, is a forecast
    inside a sentence that also reports: "a source who spoke to Reuters said the deployment will involve
    about 4,000 marines" is a forecast of a number, not a report of it."""
    if modality == Modality.HYPOTHETICAL:
        return _hedged_elsewhere(sentence, figure) or modality
    if modality != Modality.ASSERTED:
        return modality
    start, _ = clause_span(sentence, figure.start, figure.end)
    own = clause_modality(sentence[start : figure.end])  # the verb that governs a figure comes before it
    # a forecast only: "would" in a reporting sentence is mostly arithmetic ("a tally which would
    # bring the toll to 43"), not a scenario
    return own if own == Modality.FUTURE else modality


# the Spanish conditional of report in a relative clause that describes the people counted: "un grupo
# de 10 individuos que estarían implicados" says what they allegedly did, not that the ten may exist
REPORTED_CONDITIONAL_AFTER = re.compile(
    r"\s*,?\s*(?:que|quienes|los\s+cuales|las\s+cuales)\s+(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+[ae]r[íi]an?\b", re.I
)


def _hedged_elsewhere(sentence: str, figure: Figure) -> str | None:
    """ "asserted" when a hypothetical sentence hedges only outside the figure: in another part joined by
    a semicolon ("... un préstamo de 250 millones de dólares; sin embargo, no hay pruebas de si ..."),
    or in the conditional of report of a relative clause right after it; None otherwise."""
    left = sentence.rfind(";", 0, figure.start) + 1
    right = sentence.find(";", figure.end)
    part = sentence[left : right if right >= 0 else len(sentence)]
    if len(part) < len(sentence) and sentence_modality(part) == Modality.ASSERTED:
        return Modality.ASSERTED
    if REPORTED_CONDITIONAL_AFTER.match(sentence, figure.end) and (
        sentence_modality(sentence[left : figure.end]) == Modality.ASSERTED
    ):
        return Modality.ASSERTED
    return None


def _reported(figure: Figure, sentence: str, modality: str) -> bool:
    """An asserted figure, a poll's share of people who back or reject a hypothetical or expect
    a future ("78 percent reject a potential attack", "22 % cree que la economía mejorará" report
    the poll, whatever the attack or the economy), or what a thing has, said in a future sentence
    ("will add the carrier's more than 70 aircraft")."""
    if modality == "asserted":
        return True
    share = figure.measure.startswith("percent") and bool(
        POLL_CUE.search(sentence) or SHARE_HELD_AFTER.match(sentence, figure.end)
    )
    if modality == "future":
        return share or bool(POSSESSED_BEFORE.search(sentence, 0, figure.start))
    return modality == "hypothetical" and share


def _strike_topic(
    sentence: str, figure: Figure, figures: list[Figure], campaign: str, day: str | None, published: str
) -> tuple[str, str | None]:
    """A strike figure's series and the day it is true as of: a part ("boat strikes: Pacific"), a
    running toll (the campaign, as of publication), the figure of one strike on a day the text
    names, or of one strike the article reports undated (kept apart from the toll). The figure's
    own clause decides first, then its sentence."""
    if figure.part:
        return f"{campaign}: {figure.part}", None
    many = any(f.measure == "strikes" and f.value > 1 for f in figures)
    if figure.running or many:
        return campaign, None  # a count of several strikes and what they did is the campaign's
    if day is not None:
        return f"{campaign} on {day}", day
    if figure.single:
        return f"{campaign}: one strike reported {published}", None
    if TOTAL_CUE.search(sentence) or not SINGLE_STRIKE.search(sentence):
        return campaign, None
    return f"{campaign}: one strike reported {published}", None


def _day_of(ctx: ArticleContext, index: int, figure: Figure, event: EventMatch | None) -> str | None:
    """The day a figure is about: the nearest day the sentence names before it ("El 28 de octubre
    ...: catorce muertos"), else its event's day, else the sentence's only day."""
    days = [d for d in ctx.dates_in(index, "past") if d.point and len(d.value) == 10]
    before = [d.value for d in days if d.end <= figure.start]
    if before:
        return before[-1]
    if event is not None and event.date and len(event.date) == 10:
        return event.date
    return days[0].value if len({d.value for d in days}) == 1 else None


def extract_quantities(ctx: ArticleContext, events: list[EventMatch]) -> list[QuantityClaim]:
    """Claims for every recognisable figure of the asserted sentences, tied to the event of the same
    sentence when there is one."""
    claims: list[QuantityClaim] = []
    published = ctx.published.isoformat() if ctx.published else ""
    campaign = campaign_of(ctx.text)
    events_by_sentence: dict[int, list[EventMatch]] = {}
    for match in events:
        events_by_sentence.setdefault(match.sentence, []).append(match)
    polled = [_polled(ctx.sentence_text(i)) for i in range(len(ctx.sentences))]
    qualified: dict[tuple[str, float], Figure] = {}  # hedged figures told so far, by measure and value
    for index, (start, end) in enumerate(ctx.sentences):
        modality = _modality(ctx, index)
        sentence = ctx.sentence_text(index)
        dates = [(d.start, d.end) for d in ctx.dates_in(index, "past")]
        poll = any(polled[max(0, index - POLL_REACH) : index + 1])
        figures = sentence_figures(sentence, ctx.lang, dates, poll)
        for figure in figures:
            figure = _restated(figure, qualified)
            if not _reported(figure, sentence, _figure_modality(sentence, figure, modality)):
                continue
            event = _event_for(events_by_sentence.get(index, []), figure.measure)
            if figure.measure in STRIKE_MEASURES:
                day = _day_of(ctx, index, figure, event)
                topic, as_of = _strike_topic(sentence, figure, figures, campaign, day, published)
            elif _stated_alone(figure.measure):
                topic, as_of = _own_topic(sentence, figure), event.date if event else None
            else:
                topic, as_of = topic_of(sentence, figure.measure), event.date if event else None
            digest = hashlib.sha1(
                f"{ctx.article_id}|{start + figure.start}|{figure.measure}|{figure.value}".encode()
            ).hexdigest()[:16]
            claims.append(
                QuantityClaim(
                    claim_id=f"claim-{digest}",
                    article_id=ctx.article_id,
                    event_id=event.entity_id if event else None,
                    measure=figure.measure,
                    topic=topic,
                    value=figure.value,
                    qualifier=figure.qualifier,
                    low=figure.low,
                    high=figure.high,
                    text=sentence[figure.start : figure.end].strip(" ,;:"),
                    sentence=sentence.strip(),
                    span_start=start,
                    span_end=end,
                    published=published,
                    as_of=as_of,
                )
            )
            if figure.qualifier is not Qualifier.EXACT:
                qualified.setdefault((figure.measure, figure.value), figure)
    return claims


def _polled(sentence: str) -> bool:
    """A sentence of a passage about a poll: it names the poll, or gives a share of a group that
    holds a view ("36 % de los estadounidenses cree ...", "63% of Democrats oppose ...")."""
    return bool(POLL_WORDS.search(sentence) or (PERCENT_IN.search(sentence) and POLL_CUE.search(sentence)))


def _restated(figure: Figure, qualified: dict[tuple[str, float], Figure]) -> Figure:
    """A bare figure that repeats one the article gave earlier with a qualifier is that figure said
    again, the hedge left off ("unos 4.000 marines" ... "se enviaron 4.000 marines"): it keeps the
    hedge, since a writer who said "about" once does not come to know the exact count by repeating it."""
    earlier = qualified.get((figure.measure, figure.value))
    if earlier is None or figure.qualifier is not Qualifier.EXACT or figure.low != figure.high:
        return figure
    return replace(figure, qualifier=earlier.qualifier, low=earlier.low, high=earlier.high)


def _event_for(events: list[EventMatch], measure: str) -> EventMatch | None:
    wanted = EVENT_FOR_MEASURE.get(measure, ())
    for event in events:
        if event.mode in wanted:
            return event
    return events[0] if events else None
