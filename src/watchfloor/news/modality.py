"""Is a sentence a report (asserted), an announcement (future) or speculation (hypothetical)?

News mixes what happened with what might: "the strikes, which killed 11" is a report; "the US could
launch land strikes" and everything under a "What to watch" or "Escenarios" heading is speculation;
"the designation will take effect on Monday" announces. Extractors read the modality so that only
reports become events and claims (designations also accept announcements).

The rules are lexical and clause-scoped, in English and Spanish:

* a question, a sentence opened by a condition ("If ...", "Si ...", "En caso de ..."), or a sentence
  under a speculative section heading is hypothetical as a whole;
* otherwise the sentence is cut into clauses (commas, dashes, "but"/"pero" ...); a clause with a
  modal or speculative marker (would, could, may, potential, risk of, podría, eventual, -ría
  conditionals) is hypothetical, one with a future marker (will, is set to, plans to, va a,
  designará) future, one with a past or perfect verb realis;
* a realis clause makes the sentence asserted ("Venezuela said it would respond, after strikes
  killed 11 people"), else any hypothetical clause makes it hypothetical, else any future clause
  future; a sentence with no marker at all is asserted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum


class Modality(StrEnum):
    ASSERTED = "asserted"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"


_DASH = r"[-‐‑‒–—\s]"
HYPOTHETICAL_EN = re.compile(
    r"\b(?:would|could|might|should|if|unless|whether|scenarios?|hypothetical\w*|potential(?:ly)?|"
    r"possibl[ey]|possibilit(?:y|ies)|perhaps|maybe|probabl[ey]|"
    # a pollster's "likely voters" are the people it asked, no speculation
    r"(?:un)?likely(?!\s+(?:[\w-]+\s+){0,2}voters\b)|"
    rf"worst{_DASH}case|best{_DASH}case|in\s+case|in\s+the\s+event|risks?\s+of|at\s+risk|risks|"
    r"threat(?:en|ens|ened|ening)\s+to|considering|weighing|mulling|contemplat\w+|"
    r"speculat\w+|rumou?r\w*|cannot\s+be\s+ruled\s+out|can't\s+be\s+ruled\s+out|not\s+rule\s+out|"
    r"(?:analysts?|experts?|observers?)\s+(?:say|said|believe|expect|warn|warned|suggest|argue|predict|describe|see)\w*)\b",
    re.IGNORECASE,
)
# "may" the modal, lower case; "in May", "May 5" and "Theresa May" are no modals
MAY_MODAL = re.compile(r"\bmay\b(?!\s+\d)|^May\s+(?=[a-z])(?!\d)")
HYPOTHETICAL_ES = re.compile(
    r"\b(?:pod(?:r[íi]an?|r[áa]n?)|pudier(?:a|an|e|en)|pudies(?:e|en)|si(?!\s+bien)|a\s+menos\s+que|"
    r"salvo\s+que|en\s+(?:el\s+)?caso\s+de|eventual(?:es|mente)?|hipot[ée]tic\w*|posibles?|posiblemente|"
    r"posibilidad(?:es)?|potencial(?:es|mente)?|riesgos?\s+de|escenarios?|quiz[áa]s?|tal\s+vez|"
    r"probable(?:s|mente)?|amenaz\w+\s+con|no\s+descarta\w*|baraj\w+|se\s+especula|especul\w+|"
    r"(?:analistas|expertos|observadores)\s+(?:dicen|creen|consideran|advierten|estiman|prev[ée]n)|"
    r"(?:seg[úu]n|para)\s+(?:los\s+)?(?:analistas|expertos))\b",
    re.IGNORECASE,
)
# Conditional mood: infinitive or irregular stem + -ía(n) ("atacaría", "tendrían", "haría")
CONDITIONAL_ES = re.compile(r"\b[A-ZÁÉÍÓÚÑ]?[a-záéíóúñ]+(?:ar|er|ir|dr|br|rr)ían?\b")
NOUNS_IN_RIA = frozenset(  # nouns that end like a conditional
    {
        "secretaría",
        "secretaria",
        "infantería",
        "artillería",
        "cancillería",
        "tesorería",
        "ingeniería",
        "minería",
        "piratería",
        "batería",
        "galería",
        "lotería",
        "librería",
        "refinería",
        "ganadería",
        "caballería",
        "mensajería",
        "tubería",
        "brujería",
        "hechicería",
        "camaradería",
        "armería",
        "panadería",
        "carnicería",
        "peluquería",
        "pastelería",
        "zapatería",
        "joyería",
        "lavandería",
        "cervecería",
        "santería",
        "porquería",
        "frutería",
        "alcaldía",
        "gendarmería",
        "notaría",
        "herrería",
        "carpintería",
        "maría",
        "policía",
        "ería",
    }
)
FUTURE_EN = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were)\s+(?:set|expected|scheduled|due|slated|poised)\s+to|"
    r"plans?\s+to|planning\s+to|intends?\s+to|intention\s+to|going\s+to|tomorrow|next\s+(?:week|month|year)|"
    r"later\s+this\s+(?:week|month|year)|upcoming)\b|\w'll\b",
    re.IGNORECASE,
)
FUTURE_ES = re.compile(
    r"\b(?:van?\s+a\s+\w+(?:ar|er|ir)(?:se|lo|la|los|las)?|vamos\s+a\s+\w+(?:ar|er|ir)|"
    r"tienen?\s+previsto|intenci[óo]n\s+de|prev[ée]n?|planea[n]?|est[áa]\s+previst[oa]|se\s+espera\s+que|"
    r"pr[óo]xim[oa]s?\s+(?:semana|mes|año|lunes|martes|miércoles|jueves|viernes|sábado|domingo)|"
    r"(?<!esta\s)(?<!la\s)(?<!por\sla\s)mañana(?!\s+del?\b))\b",
    re.IGNORECASE,
)
# Future tense: infinitive or irregular stem + -á(n), accented ("designará", "entrarán", "tendrá", "hará")
FUTURE_TENSE_ES = re.compile(r"\b[a-záéíóúñ]+(?:ar|er|ir|dr|br|rr)án?\b", re.IGNORECASE)
REALIS_EN = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en|t)|[a-z]{3,}ed|struck|hit|sank|sent|began|took|"
    r"made|met|held|left|led|brought|shot|fought|spoke|went|came|became|gave|won|lost|flew|drove|sought|"
    r"bought|froze|broke|rose|fell|stood|ran|wrote|was|were|did)\b"
)
NOT_REALIS_EN = frozenset(
    {
        "alleged",
        "suspected",
        "armed",
        "based",
        "related",
        "called",
        "united",
        "expected",
        "proposed",
        "planned",
        "intended",
        "anticipated",
        "unexpected",
        "unprecedented",
        "detailed",
        "limited",
        "concerned",
        "need",
        "speed",
        "embed",
        "indeed",
        "bed",
        "red",
        "feed",
        "seed",
        "hundred",
        "shed",
        "sacred",
        "wicked",
        "naked",
        "hatred",
        "kindred",
        "rugged",
        "ragged",
    }
)
# Verbs that attribute words to a speaker ("..., said X", "X dijo que ..."), in the past and the
# present: one list for every reader of attributions (the speaker after a designation's object, a
# telling's "that", a sentence's closing attribution, a realis check)
ATTRIBUTION_EN_PAST = r"said|told|added|noted|stated|explained"
ATTRIBUTION_ES_PAST = (
    r"dijo|afirm[óo]|asegur[óo]|señal[óo]|indic[óo]|agreg[óo]|añadi[óo]|explic[óo]|declar[óo]|inform[óo]|"
    r"sostuvo|precis[óo]"
)
ATTRIBUTION_EN = rf"{ATTRIBUTION_EN_PAST}|says"
ATTRIBUTION_ES = rf"{ATTRIBUTION_ES_PAST}|dice|afirma"
ATTRIBUTION = rf"{ATTRIBUTION_EN}|{ATTRIBUTION_ES}"
# verbs that make known what the speaker tells ("announced that", "confirmó que")
DISCLOSING = (
    r"disclosed|revealed|confirmed|acknowledged|announced|reported|admitted|"
    r"revel[óo]|confirm[óo]|reconoci[óo]|anunci[óo]|admiti[óo]"
)
# Verbs of saying are past but report someone's words, not that anything happened
SPEECH_PAST = re.compile(
    rf"\b(?:{ATTRIBUTION_EN_PAST}|{ATTRIBUTION_ES_PAST}|warned|argued|claimed|insisted|wrote|suggested|reported|"
    r"advirti[óo]|apunt[óo]|subray[óo]|coment[óo])\b",
    re.IGNORECASE,
)
# "said it would designate": a future told in the past, no condition (unless a hedge follows)
REPORTED_WOULD = re.compile(
    r"\b(?:said|announced|stated|confirmed|added|promised|vowed|pledged|told\s+\w+)\s+(?:that\s+)?"
    r"(?:[\w.-]+\s+){0,3}?would(?!\s+(?:likely|probably|possibly|perhaps|not|never|consider|seek|try|look|"
    r"need|have|be\s+able|rather|like|want|prefer))\b",
    re.IGNORECASE,
)
ADJECTIVE_SLOT = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those|some|any|of|for|with|by|from|in|on|"
    r"and|or|more|most|less|newly|heavily|so)\s+$",
    re.IGNORECASE,
)
REALIS_ES = re.compile(
    r"\b(?:(?:ha|han|había|habían|hemos)\s+[a-záéíóúñ]+(?:ado|ido|to|cho)|[a-záéíóúñ]{2,}(?:ó|aron|ieron|ió)|"
    r"fue|fueron|hizo|hicieron|tuvo|tuvieron|estuvo|puso|pusieron|vino|dio|dieron)\b"
)
REPORTING = re.compile(rf"\b(?:{ATTRIBUTION}|according|según|reported|reports)\b", re.IGNORECASE)
RELATIVE = re.compile(r"\b(?:which|who|whom|that|que|quien(?:es)?|cual(?:es)?)\b", re.I)
OPENING_CONDITION = re.compile(
    r"^\W*(?:if|unless|should\s+\w+|in\s+(?:a|the)\s+(?:\w+\s+)?(?:scenario|case|event)|worst|best|"
    r"si|a\s+menos\s+que|salvo\s+que|en\s+(?:el\s+)?caso\s+de|de\s+(?:ser|producirse|concretarse))\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|\s[-‐‑–—]+\s|—|–|\b(?:but|while|whereas|although|though|after|pero|mientras|aunque|"
    r"sino|tras|después\s+de\s+que)\b",
    re.IGNORECASE,
)

# Section headings that put what follows them in the conditional (until the next heading)
SPECULATIVE_HEADING = re.compile(
    r"\b(?:what\s+to\s+(?:watch|expect|look\s+for)|what(?:'s|’s|\s+is|\s+comes)?\s+next|watch\s+(?:for|list)|"
    r"scenarios?|outlook|looking\s+ahead|the\s+road\s+ahead|possible\s+outcomes|forecasts?|prospects|"
    r"what\s+could\s+happen|risks?\s+ahead|"
    r"qu[ée]\s+(?:vigilar|observar|esperar|sigue|viene)|lo\s+que\s+viene|escenarios?|perspectivas?|"
    r"pron[óo]sticos?|pr[óo]ximos\s+pasos|posibles\s+desenlaces)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪►]|\d+[.)])\s")
_LINE = re.compile(r"[^\n]+")
_HEADING_WORDS = re.compile(r"[^\W\d_]+")


def as_told(text: str) -> str:
    """The text with each reported "would" ("said it would designate") as the "will" it reports, for a
    reader of announcements (events keep such sentences out as they are)."""
    return REPORTED_WOULD.sub(lambda m: m.group(0)[: -len("would")] + "will", text)


def sentence_modality(text: str) -> Modality:
    """Modality of one sentence on its own (no section context); English and Spanish markers."""
    stripped = text.strip()
    if not stripped:
        return Modality.ASSERTED
    if stripped.endswith("?") or "¿" in stripped or OPENING_CONDITION.match(stripped):
        return Modality.HYPOTHETICAL
    kinds = set()
    for clause in CLAUSE_BREAK.split(stripped):
        if clause and clause.strip():
            kind = clause_modality(clause)
            if kind == "realis":
                return Modality.ASSERTED  # one reporting clause asserts the sentence: the rest unread
            kinds.add(kind)
    if Modality.HYPOTHETICAL in kinds:
        return Modality.HYPOTHETICAL
    if Modality.FUTURE in kinds:
        return Modality.FUTURE
    return Modality.ASSERTED


def clause_at(sentence: str, at: int) -> str:
    """The modality of the clause holding offset ``at`` ("hypothetical", "future", "realis" or ""),
    cut also at relative pronouns: in "Hegseth announced an operation that he said would target
    ...", "announced an operation" reports and only the relative clause speculates. In a question or
    a sentence opened by a condition, every clause is hypothetical."""
    stripped = sentence.strip()
    if stripped.endswith("?") or "¿" in stripped or OPENING_CONDITION.match(stripped):
        return Modality.HYPOTHETICAL
    start, end = clause_span(sentence, at, at + 1)
    return clause_modality(sentence[start:end])


def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding ``sentence[start:end]``: cut at clause breaks (commas, dashes, "but",
    ...) and at relative pronouns, so that a relative clause is a clause of its own."""
    breaks = [*CLAUSE_BREAK.finditer(sentence), *RELATIVE.finditer(sentence)]
    lo = max((m.end() for m in breaks if m.end() <= start), default=0)
    hi = min((m.start() for m in breaks if m.start() >= end), default=len(sentence))
    return lo, hi


# Where an allegation comes from: a source named ("según la policía", "de acuerdo con el Tesoro",
# "señaló la fiscalía", "according to"), or the reporter's own hedge of report ("presuntamente",
# "allegedly", "reportedly", "is said to be")
REPORT_SOURCE = re.compile(
    r"\b(?:seg[úu]n|de\s+acuerdo\s+(?:con|a)|presuntamente|supuestamente|al\s+parecer|"
    r"allegedly|reportedly|purportedly|according\s+to|(?:is|are|was|were)\s+said\s+to)\b",
    re.IGNORECASE,
)
# Conditionals that oblige or wish rather than report ("debería", "querría", "convendría")
_NOT_REPORT_CONDITIONAL = re.compile(r"^(?:deber|querr|gustar|preferir|convendr|necesitar)ían?$", re.IGNORECASE)


def report_conditional(sentence: str, at: int) -> bool:
    """Whether the clause holding offset ``at`` hedges only with the Spanish conditional of report
    ("X sería el líder del Y, según la policía", "estaría vinculado a", "habría financiado") in a
    sentence that names the allegation's source or hedges it as reported ("presuntamente",
    "allegedly"): the press's way of stating an allegation, not of speculating. A clause with any
    other hedge ("podría ser", "posiblemente", "analysts believe"), a question or a condition
    stays a supposition."""
    stripped = sentence.strip()
    if stripped.endswith("?") or "¿" in stripped or OPENING_CONDITION.match(stripped):
        return False
    start, end = clause_span(sentence, at, at + 1)
    clause = sentence[start:end]
    if HYPOTHETICAL_EN.search(clause) or MAY_MODAL.search(clause.strip()) or HYPOTHETICAL_ES.search(clause):
        return False
    if _future(clause) or not REPORT_SOURCE.search(sentence):
        return False
    conditionals = [
        m.group(0)
        for m in CONDITIONAL_ES.finditer(clause)
        if m.group(0).lower() not in NOUNS_IN_RIA and not _surname(clause, m)
    ]
    return bool(conditionals) and not any(_NOT_REPORT_CONDITIONAL.match(word) for word in conditionals)


def clause_modality(clause: str) -> str:
    """ "hypothetical", "future", "realis" (a past or perfect verb, not a bare attribution) or ""."""
    if _hypothetical(clause):
        return Modality.HYPOTHETICAL
    if _future(clause):
        return Modality.FUTURE
    words = clause.split()
    if len(words) <= 4 and REPORTING.search(clause):
        return ""  # "officials said": who reports, not what happened
    if _realis(clause):
        return "realis"
    return ""


def _hypothetical(clause: str) -> bool:
    if HYPOTHETICAL_EN.search(clause) or MAY_MODAL.search(clause.strip()) or HYPOTHETICAL_ES.search(clause):
        return True
    return any(
        m.group(0).lower() not in NOUNS_IN_RIA and not _surname(clause, m) for m in CONDITIONAL_ES.finditer(clause)
    )


def _surname(clause: str, match: re.Match[str]) -> bool:
    """A capitalised word in -ría after the clause's first word is a name ("Sarría", "Echeverría"),
    not a conditional verb."""
    return match.group(0)[:1].isupper() and bool(clause[: match.start()].strip())


def _future(clause: str) -> bool:
    return bool(FUTURE_EN.search(clause) or FUTURE_ES.search(clause) or FUTURE_TENSE_ES.search(clause))


def _realis(clause: str) -> bool:
    past = [m.group(0) for m in _past_forms(clause)]
    return any(not SPEECH_PAST.fullmatch(word) for word in past)


def _past_forms(text: str) -> list[re.Match[str]]:
    """Past and perfect verb forms; an "-ed" word after a determiner or preposition or inside a
    compound ("the alleged", "Venezuela-linked", "of armed groups") is an adjective."""
    found = [m for m in REALIS_ES.finditer(text)]
    for match in REALIS_EN.finditer(text):
        word = match.group(0)
        if word in NOT_REALIS_EN:
            continue
        if word.endswith("ed") and " " not in word:
            before = text[: match.start()]
            if before[-1:] in "-‐‑" or ADJECTIVE_SLOT.search(before):
                continue
        found.append(match)
    return found


def is_heading_line(line: str) -> bool:
    """A short line without final punctuation that is not a list item: a section heading."""
    stripped = line.strip().lstrip("#").strip()
    if not stripped or _BULLET.match(line) or stripped[-1] in '.!?…"”»)':
        return False
    words = _HEADING_WORDS.findall(stripped)
    if not words or len(words) > 12 or len(stripped) > 120:
        return False
    content = [w for w in words if len(w) > 3] or words
    capitalised = sum(1 for w in content if w[0].isupper()) / len(content) >= 0.6
    return capitalised or line.lstrip().startswith("#") or SPECULATIVE_HEADING.search(stripped) is not None


def speculative_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges governed by a speculative heading: from the heading to the next heading.

    The article's first line is its title, which never governs the body."""
    headings = [(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text) if is_heading_line(m.group(0))]
    first_line = _LINE.search(text)
    regions = []
    for i, (start, _end, line) in enumerate(headings):
        if first_line is not None and start == first_line.start():
            continue
        if not SPECULATIVE_HEADING.search(line) or len(_HEADING_WORDS.findall(line)) > 10:
            continue
        stop = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        regions.append((start, stop))
    return regions


def article_modalities(text: str, sentences: Sequence[tuple[int, int]]) -> list[Modality]:
    """One modality per sentence span: the sentence's own, or hypothetical under a speculative heading."""
    regions = speculative_regions(text)
    result = []
    for start, end in sentences:
        governed = any(r_start <= start < r_stop for r_start, r_stop in regions)
        result.append(Modality.HYPOTHETICAL if governed else sentence_modality(text[start:end]))
    return result


def tense_markers(text: str) -> list[tuple[int, str]]:
    """Where a past ("past") or future ("future") verb form is in the text: temporal expressions
    take their direction from the nearest one ("announced Friday", "will meet on Tuesday")."""
    future = [m for rx in (FUTURE_EN, FUTURE_ES, FUTURE_TENSE_ES, FUTURE_PASSIVE) for m in rx.finditer(text)]
    markers = [(m.start(), "future") for m in future]

    def inside_future(at: int) -> bool:  # "published" in "set to be published" is no past form
        return any(m.start() <= at < m.end() for m in future)

    past = [*_past_forms(text), *SPEECH_PAST.finditer(text)]
    markers += [(m.start(), "past") for m in past if not inside_future(m.start())]
    return sorted(markers)


FUTURE_PASSIVE = re.compile(
    r"\b(?:set|expected|scheduled|due|slated|poised|about)\s+to\s+be\s+\w+(?:ed|en)\b", re.I
)
"""A future passive with its copula left out ("a notice set to be published Thursday")."""
