"""What a designation says of its parties, as their alleged links: its ground (support of an armed group,
ties, ownership) and its count of a group's members.

Releases and their reporting say why a party is listed in the act's own sentence, or in the sentence
whose parties a later list names: "imposed sanctions on four officials for their support of the FARC",
"designated X for materially assisting ... the Sinaloa Cartel", "sancionó a X por su apoyo a Hezbolá",
"por ayudar materialmente ... en apoyo de Zambada García y el Cártel de Sinaloa". Each party of the act
then supports each armed group the ground names (a person named beside such a group too), as an
alleged link: the designation is the sanctioning state's finding, which the article reports. Ties as
the ground ("for their ties to the CJNG", "por sus vínculos con X") link the parties to X without
saying how; "for being owned or controlled by X" makes the act's firms X's assets; "13 Sinaloa Cartel
members" makes its persons the cartel's members.

The parties come from ``watchfloor.news.designations`` (lists, bullets, counted parties named in the
next sentence), so the link reaches every party the act has, not only the one the parse puts next to
the cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from followthemoney.statement import StatementEntity
from number_parser import parse_number

from watchfloor.news.context import ArticleContext
from watchfloor.news.designations import ActSentences
from watchfloor.news.gazetteer import ARMED_GROUP, GOVERNMENT
from watchfloor.news.mentions import Mention
from watchfloor.news.relations import link_entity, link_id, link_stated

ROLE = "material support (ground of designation)"
# how far after the cue the armed group may be named: a release's ground is long ("for materially
# assisting, sponsoring, or providing financial, material, or technological support for, or goods or
# services to or in support of, the Sinaloa Cartel")
REACH = 220
_QUALITY = (
    r"(?:(?:direct|financial|material|logistical|military|technological|continued|ongoing|alleged|key)\s+)*"
)
GROUND = re.compile(
    # English: "for their support of Y", "for materially assisting Y", "accused of providing support to Y",
    # "in support of Y" (acting "on behalf of" a group is agency, no support: a faction acts for its cartel)
    r"\bfor\s+(?:(?:his|her|their|its|the)\s+)?"
    + _QUALITY
    + r"(?:support|assistance|backing|aid|sponsorship)\b"
    r"|\bfor\s+(?:having\s+)?(?:materially\s+)?(?:assist|support|sponsor|help|aid|financ|fund|provid|suppl)\w*"
    r"|\b(?:accused|suspected|alleged(?:ly)?)\s+of\s+(?:\w+\s+){0,2}(?:provid|offer|giv|suppl|funnel|financ|fund|support|assist)\w*"
    r"|\bin\s+support\s+of\b"
    # Spanish: "por su apoyo a Y", "por ayudar materialmente a Y", "en apoyo de Y",
    # "señalados de proporcionar apoyo material a Y"
    r"|\bpor\s+(?:su|sus)\s+(?:presunt[oa]s?\s+|supuest[oa]s?\s+)?(?:apoyo|respaldo|ayuda|asistencia|colaboraci[óo]n|financiamiento)\b"
    r"|\bpor\s+(?:haber\s+)?(?:ayud|apoy|asist|prove|proporcion|brind|financi|patrocin)\w*"
    r"|\b(?:acusad|señalad|sospechos)[oa]s?\s+de\s+(?:\w+\s+){0,2}(?:proporcion|prove|brind|d[ae]r|financi|apoy|ayud)\w*"
    r"|\ben\s+apoyo\s+(?:de|del|a|al)\b",
    re.I,
)
# ties as the ground: "for their ties to the CJNG", "por sus vínculos con el Tren de Aragua" (linked,
# not support); the other party may be a person ("por sus nexos con el mandatario Nicolás Maduro")
TIES = re.compile(
    r"\bfor\s+(?:(?:his|her|their|its)\s+)?(?:alleged\s+|close\s+)?(?:ties|links|connections)\s+(?:to|with)\b"
    r"|\bpor\s+(?:su|sus)\s+(?:presunt[oa]s\s+|supuest[oa]s\s+|estrech[oa]s\s+)?(?:v[íi]nculos|nexos|lazos|relaciones)\s+con\b",
    re.I,
)
# the act's parties described as tied to an armed group named right after the participle: "sanctioned
# five individuals and three companies linked to the CJNG", "sancionó a seis mexicanos y 15 empresas
# vinculadas con la organización de Los X"; plural, so it agrees with the parties, not with a network
# or firm named beside them ("una red vinculada al cártel"), and not said of some of them only
TIED = re.compile(
    r"\b(?:individuals|people|persons|nationals|citizens|entities|companies|firms|businesses|associates)"
    r"\s+(?:(?:that|which|who)\s+(?:are|were)\s+)?(?:(?:allegedly|reportedly)\s+)?"
    r"(?:linked|tied|connected|related)\s+(?:to|with)\b"
    r"|\b(?:(?:presunta|supuesta)mente\s+|tod[oa]s\s+)?(?:vinculad|ligad|relacionad)[oa]s\s+(?:con|a|al)\b",
    re.I,
)
# what may stand between that participle and the group: an article and the group's common noun
TIED_GAP = re.compile(
    r"\s*(?:(?:the|el|la|los|las)\s+)?(?:(?:organizaci[óo]n|grupo|banda|pandilla|c[áa]rtel|red|facci[óo]n"
    r"|c[ée]lula|organization|group|gang|cartel|network|faction|criminal|delictiva|delincuencial"
    r"|terrorista|terrorist|narcotraficante|drug|trafficking|transnacional|transnational)\s+)*"
    r"(?:(?:de|del|of)\s+)?(?:(?:the|el|la|los|las)\s+)?",
    re.I,
)
GROUP_NOUN = re.compile(
    r"\b(?:organizaci[óo]n|grupo|banda|pandilla|c[áa]rtel|facci[óo]n|c[ée]lula|organization|group|gang|cartel|faction)\b",
    re.I,
)
SOME = re.compile(r"\b(?:la\s+mayor[íi]a|algun[oa]s|vari[oa]s|most|some|several|many)\b[^.;]{0,25}$", re.I)
TIES_ROLE = "ties (ground of designation)"
TIES_REACH = 60
# ownership as the ground: "two companies for being owned or controlled by X", "por ser propiedad o
# estar controladas por A y B": the act's firms are the owners' assets
OWNED = re.compile(
    r"\bfor\s+(?:being\s+)?(?:owned|controlled|directed)(?:\s*,?\s*(?:or|and|and/or)\s+(?:owned|controlled|directed))*"
    r"\s*,?\s*(?:or\s+)?by\b"
    r"|\bpor\s+ser\s+propiedad(?:\s+o\s+(?:estar\s+)?controlad[oa]s?)?\s+(?:de|del|por)\b"
    r"|\bpor\s+(?:estar\s+)?controlad[oa]s?\s+(?:por|de|del)\b",
    re.I,
)
OWNED_ROLE = "owned or controlled (ground of designation)"
OWNER_REACH = 40
# members counted by an act: "three high-ranking members of the Mexico-based terrorist organization
# Cartel del Noreste", "nueve integrantes de Los Chapitos", "Sinaloa Cartel members"
_MEMBER_NOUNS = (
    r"(?:members?|operatives?|lieutenants?|miembros?|integrantes?|operadores?|operativos?|lugartenientes?)"
)
MEMBERS_OF = re.compile(
    _MEMBER_NOUNS + r"(?:\s+(?:clave|de\s+alto\s+(?:rango|nivel)))?\s+(?:of|de|del)\s+"
    r"(?:(?:the|la|el|los|las)\s+)?(?:[\w-]+\s+){0,4}?"
    # "three members of the notorious gang known as the Mara Salvatrucha", "de la banda conocida como"
    r"(?:(?:known\s+as|called|dubbed|conocid[oa]\s+como|denominad[oa]|llamad[oa])\s+(?:(?:the|la|el|los|las)\s+)?)?$",
    re.I,
)
MEMBERS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:high|top|senior|key)[-\s]ranking\s+|senior\s+|key\s+)?" + _MEMBER_NOUNS + r"\b", re.I
)
# another role in a group between the members and a person: that person is not one of them
OTHER_ROLE = re.compile(
    r"\b(?:leader|head|chief|boss|founder|l[íi]der|jefe|jefa|cabecilla|fundador|fundadora)\s+(?:of|de|del)\b",
    re.I,
)
MEMBER_ROLE = "member (as the designation counts them)"
# what may stand between two named beneficiaries: "Zambada García y el Cártel de Sinaloa"
COORDINATION = re.compile(
    r"\s*(?:,\s*)?(?:(?:and|or|y|e|o|as\s+well\s+as|así\s+como)\s+)?(?:(?:the|el|la|los|las)\s+)?", re.I
)


# a plural anaphor opening the sentence after an act, for the act's parties: "The three are members
# of Y", "They work for Y", "All of them", "Los cuatro operan para Y", "Ambos son integrantes de Y",
# or no subject at all in Spanish ("Asimismo, trabajan para Y"); an optional connective first
_CONNECTIVE = r"(?:(?:also|moreover|furthermore|in\s+addition|además|asimismo|también)\s*,?\s+)?"
_COUNTED = (
    r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)"
)
# a count right before the tied parties' noun ("and three individuals linked to X")
COUNTED_BEFORE = re.compile(r"\b" + _COUNTED + r"(?:\s+[^\W\d_]+){0,3}\s*$", re.I)
_PARTY_NOUNS = (
    r"(?:\s+(?:men|women|individuals|people|persons|brothers|sisters|suspects|hombres|mujeres|individuos|"
    r"personas|hermanos|hermanas|sospechosos|sujetos|sancionad[oa]s|designad[oa]s))?"
)
ANAPHOR = re.compile(
    r"\W*" + _CONNECTIVE + r"(?:"
    r"(?:the|these|those|all|los|las|estos|estas)\s+" + _COUNTED + _PARTY_NOUNS
    + r"|(?:the|los|las)\s+(?:sanctioned|designated|sancionad[oa]s|designad[oa]s)"
    r"|they|all\s+of\s+them|(?P<both>both|amb[oa]s)(?:\s+of\s+them|\s+(?:men|women|individuals|sujetos|hombres|mujeres))?|ell[oa]s|tod[oa]s(?:\s+ell[oa]s)?|(?P<none>)"
    r")\s*,?\s*(?:also\s+|all\s+|también\s+|tod[oa]s\s+)?",
    re.I,
)
# what the anaphor's predicate makes of each of them, up to the group's name ("are high-ranking
# members of", "work for", "son integrantes clave del", "operan para la facción de")
_MEMBER_NOUN = r"(?:members?|operatives?|lieutenants?|miembros|integrantes|operadores|lugartenientes)"
_RANK = r"(?:(?:alleged|high|top|senior|key)[-\s]?(?:ranking\s+)?|presunt[oa]s\s+|de\s+alto\s+rango\s+)?"
PLURAL_PREDICATES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(
            r"(?:(?:are|were)\s+(?:(?:two|three|four|five|six|\d+)\s+)?" + _RANK + _MEMBER_NOUN + r"\s+of"
            r"|(?:son|eran)\s+(?:(?:dos|tres|cuatro|cinco|seis|\d+)\s+)?" + _RANK + _MEMBER_NOUN
            + r"(?:\s+clave)?\s+(?:de|del)"
            r"|(?:work|worked|operate|operated)\s+for|(?:are|were)\s+part\s+of|belong(?:ed)?\s+to"
            r"|(?:trabajan|trabajaban|operan|operaban)\s+(?:para|al\s+servicio\s+de)"
            r"|(?:pertenecen|pertenecían)\s+a|forman\s+parte\s+de|formaban\s+parte\s+de)\b",
            re.I,
        ),
        "Membership",
        "member (of a plural anaphor for the act's parties)",
    ),
    (
        re.compile(
            r"(?:(?:are|were)\s+(?:(?:allegedly|reportedly)\s+)?(?:linked|tied|connected)\s+(?:to|with)"
            r"|(?:están|estaban)\s+(?:presuntamente\s+)?(?:vinculad|ligad|relacionad)[oa]s\s+(?:a|al|con))\b",
            re.I,
        ),
        "UnknownLink",
        "linked (of a plural anaphor for the act's parties)",
    ),
)
ANAPHOR_GAP = re.compile(r"\s*(?:(?:the|el|la|los|las)\s+)?(?:(?:facción|faction|cell|célula|wing|brazo)\s+(?:de\s+|del\s+|of\s+)?(?:the\s+)?)?", re.I)


def anaphor_links(
    ctx: ArticleContext, act: ActSentences
) -> list[tuple[int, str, tuple[str, ...], Mention, str]]:
    """(sentence, schema, parties, group, role) where a sentence right after an act's opens with a
    plural anaphor standing for the act's parties ("Treasury sanctioned A, B and C. The three are
    members of Y.", "Los cuatro operan para el Cártel del Golfo") and ties them to an armed group
    named right after the predicate. A sentence that opens with such an anaphor carries the reference
    on to the next ("Ambos están involucrados en X. Asimismo, trabajan para Y"). A counted anaphor
    ("the three") must count the act's parties, or its persons."""
    if len(act.parties) < 2:
        return []
    found = []
    index = max(act.sentences) + 1
    while index < len(ctx.sentences):
        sentence = ctx.sentence_text(index)
        opening = ANAPHOR.match(sentence)
        if opening is None:
            break
        implicit = opening.group("none") is not None
        if implicit and ctx.lang != "es":
            break  # only Spanish leaves its subject out
        parties = _counted(act, "2" if opening.group("both") else (opening.group(1) or ""), ctx.lang)
        if not parties:
            break
        found += _anaphor_predicate(ctx, index, opening.end(), parties)
        if implicit or index > max(act.sentences) + 1:
            break  # a subject left out does not carry the reference further
        index += 1
    return found


def _anaphor_predicate(
    ctx: ArticleContext, index: int, start: int, parties: tuple[str, ...]
) -> list[tuple[int, str, tuple[str, ...], Mention, str]]:
    """The link a plural anaphor's predicate (from ``start``) states, to the armed group it names."""
    sentence, offset = ctx.sentence_text(index), ctx.sentences[index][0]
    groups = [m for m in ctx.mentions_in(index, frozenset({"ORG"})) if m.kind == ARMED_GROUP]
    for pattern, schema, role in PLURAL_PREDICATES:
        predicate = pattern.match(sentence, start)
        if predicate is None:
            continue
        gap = ANAPHOR_GAP.match(sentence, predicate.end())
        at = gap.end() if gap is not None else predicate.end()
        group = next((m for m in groups if m.start - offset == at), None)
        if group is not None and link_stated(ctx, index, predicate.start()):
            return [(index, schema, parties, group, role)]
    return []


def _counted(act: ActSentences, count: str, lang: str) -> tuple[str, ...]:
    """The act's parties an anaphor stands for: all of them, or, where it counts them ("the three",
    "los cuatro"), those its count matches (all, else the persons); none where it counts otherwise."""
    word = count.lower()
    if not word:
        return act.parties
    value = int(word) if word.isdigit() else parse_number(word, language=lang if lang in ("en", "es") else "en")
    if value is None:
        return ()
    if int(value) == len(act.parties):
        return act.parties
    return act.people if int(value) == len(act.people) else ()


def ground_links(ctx: ArticleContext, acts: Iterable[ActSentences]) -> list[StatementEntity]:
    """An UnknownLink from each party of an act to each party its ground names (support for an armed
    group, or ties to one or to a person), and a Membership for each person the act counts among an
    armed group's members."""
    links: dict[str, StatementEntity] = {}
    for act in acts:
        for index in act.sentences + _recounted(ctx, act):
            for other, role in _grounds(ctx, index):
                other_id = ctx.party_id(other)
                for party in act.parties:
                    found = link_id(ctx, "UnknownLink", party, other_id)
                    if party != other_id and found not in links:
                        parties = (("subject", party), ("object", other_id))
                        links[found] = link_entity(ctx, index, "UnknownLink", parties, role)
            firms = [p for p in act.parties if p not in act.people]  # FtM owns no Person
            for owner in _owners(ctx, index) if firms else []:
                owner_id = ctx.party_id(owner)
                for firm in firms:
                    found = link_id(ctx, "Ownership", owner_id, firm)
                    if firm != owner_id and found not in links:
                        parties = (("owner", owner_id), ("asset", firm))
                        links[found] = link_entity(ctx, index, "Ownership", parties, OWNED_ROLE)
                        # FtM lets only an Asset be owned: the firm is also stated to be a Company
                        links.setdefault(firm, ctx.new_entity("Company", firm, index))
            for group, person in _members(ctx, index, act.people):
                found = link_id(ctx, "Membership", person, group)
                if found not in links:
                    parties = (("member", person), ("organization", group))
                    links[found] = link_entity(ctx, index, "Membership", parties, MEMBER_ROLE)
        for index, schema, anaphor_parties, named, role in anaphor_links(ctx, act):
            group_id = ctx.party_id(named)
            first, second = ("member", "organization") if schema == "Membership" else ("subject", "object")
            for party in anaphor_parties:
                found = link_id(ctx, schema, party, group_id)
                if party != group_id and found not in links:
                    links[found] = link_entity(ctx, index, schema, ((first, party), (second, group_id)), role)
    return list(links.values())


# a list that opens by counting its parties again ("Los seis mexicanos sancionados ayer son A, B",
# "The four companies designated are"): the count and its noun
RECOUNT = re.compile(r"\W*(?:the|los|las)\s+" + _COUNTED + r"\s+([^\W\d_]+)", re.I)
RECOUNT_BACK = 6  # sentences before the list that may count its parties first
# a list that opens on the act's parties uncounted ("The individuals designated today are A, B",
# "Los sancionados son"): the sentence right before, where it counts them ("designated three members
# of Y"), is the act's first telling
LISTED = re.compile(
    r"\W*(?:among\s+|entre\s+)?(?:the|these|those|los|las|estas|estos|esas|esos)\s+"
    r"(?:(?:individuals|persons|people|entities|companies|firms|personas|individuos|empresas|compañías)"
    r"(?:\s+(?:designated|sanctioned|sancionad[oa]s|designad[oa]s))?|sancionad[oa]s|designad[oa]s)"
    r"(?:\s+(?:today|hoy|este\s+\w+))?\s+(?:are|were|include|son|fueron|incluyen|están|figuran)\b",
    re.I,
)
COUNT = re.compile(r"\b" + _COUNTED + r"\s+(?:[\w-]+\s+){0,2}?(?:" + _MEMBER_NOUNS + r"|individuals|persons|people"
    r"|entities|companies|personas|individuos|empresas|mexicanos|nationals|ciudadanos)\b", re.I)


def _recounted(ctx: ArticleContext, act: ActSentences) -> tuple[int, ...]:
    """The earlier sentence that first counted the parties an act's list counts again ("sancionó a seis
    mexicanos y 15 empresas vinculadas con X ... Los seis mexicanos sancionados ayer son A, B"): what it
    says of them (their ground, their ties) is said of those the list names."""
    first = min(act.sentences)
    opening = RECOUNT.match(ctx.sentence_text(first))
    if not act.parties:
        return ()
    if opening is None:
        before = first - 1
        if before < 0 or before in act.sentences or not LISTED.match(ctx.sentence_text(first)):
            return ()
        return (before,) if COUNT.search(ctx.sentence_text(before)) else ()
    count = re.compile(r"\b" + re.escape(opening.group(1)) + r"\s+" + re.escape(opening.group(2)) + r"\b", re.I)
    for index in range(first - 1, max(-1, first - 1 - RECOUNT_BACK), -1):
        if count.search(ctx.sentence_text(index)):
            return (index,) if index not in act.sentences else ()
    return ()


def _owners(ctx: ArticleContext, index: int) -> list[Mention]:
    """The persons or firms an ownership ground names, with those coordinated with them."""
    sentence, offset, mentions = ctx.sentence_text(index), ctx.sentences[index][0], _actors(ctx, index)
    owners: list[Mention] = []
    for cue in OWNED.finditer(sentence):
        after = [m for m in mentions if cue.end() <= m.start - offset <= cue.end() + OWNER_REACH]
        if not after or after[0].kind == GOVERNMENT:
            continue
        group = _joined(ctx, after[0], after[1:], lambda _m: True)
        owners += [m for m in group if m not in owners]
    return owners


def _members(ctx: ArticleContext, index: int, people: tuple[str, ...]) -> list[tuple[str, str]]:
    """(group, person) for the persons of an act its sentence counts as a group's members: "sanctioned
    13 Sinaloa Cartel members", "sancionó a nueve integrantes de Los Chapitos: A, B", "Among the
    sanctioned Sinaloa Cartel members was X". A person the sentence names before the phrase, or after
    another role ("y al líder del Clan del Golfo, X"), is not counted."""
    if not people:
        return []
    offset = ctx.sentences[index][0]
    sentence = ctx.sentence_text(index)
    where = {ctx.id_of(m): m.start - offset for m in ctx.mentions_in(index)}
    found = []
    for group in ctx.mentions_in(index, frozenset({"ORG"})):
        if group.kind != ARMED_GROUP:
            continue
        at, end = group.start - offset, group.end - offset
        before = MEMBERS_OF.search(sentence, max(0, at - 90), at)
        after = MEMBERS_AFTER.match(sentence, end)
        if before is not None:
            phrase_start, phrase_end = before.start(), end
        elif after is not None:
            phrase_start, phrase_end = at, after.end()
        else:
            continue
        for person in people:
            named_at = where.get(person)
            if named_at is not None and (
                named_at < phrase_start or OTHER_ROLE.search(sentence, phrase_end, named_at)
            ):
                continue
            found.append((ctx.party_id(group), person))
    return found


def _grounds(ctx: ArticleContext, index: int) -> list[tuple[Mention, str]]:
    """(the other party, the link's role) for each ground a sentence gives."""
    sentence, offset, mentions = ctx.sentence_text(index), ctx.sentences[index][0], _actors(ctx, index)
    found: dict[Mention, str] = {}
    for cue in GROUND.finditer(sentence):
        for mention in _named_after(ctx, sentence, offset, mentions, cue.end(), REACH, persons_first=False):
            found.setdefault(mention, ROLE)
    for cue in TIES.finditer(sentence):
        for mention in _named_after(
            ctx, sentence, offset, mentions, cue.end(), TIES_REACH, persons_first=True
        ):
            found.setdefault(mention, TIES_ROLE)
    for mention in _tied_groups(ctx, sentence, offset, mentions):
        found.setdefault(mention, TIES_ROLE)
    return list(found.items())


def _tied_group(mention: Mention, gap: re.Match[str] | None) -> bool:
    """An armed group or a person right after the participle ("three companies related to X"), or an
    organisation a group's noun introduces ("vinculadas con la organización delincuencial de Los X"),
    whatever the gazetteer knows of it."""
    if gap is None:
        return False
    if mention.label == "PERSON":
        return mention.kind != GOVERNMENT and not GROUP_NOUN.search(gap.group(0))
    return mention.kind == ARMED_GROUP or (
        mention.label == "ORG" and mention.kind == "" and GROUP_NOUN.search(gap.group(0)) is not None
    )


def _tied_groups(ctx: ArticleContext, sentence: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The armed groups (with those coordinated with them) an act's parties are said to be tied to by
    a plural participle right before the group's name ("empresas vinculadas con Los X"); not a crime
    they are tied to before the group ("linked to timeshare fraud by the CJNG")."""
    found: list[Mention] = []
    for cue in TIED.finditer(sentence):
        if SOME.search(sentence, 0, cue.start()):
            continue
        named_before = any(
            m.start - offset < cue.start() and m.kind not in (GOVERNMENT, ARMED_GROUP) for m in mentions
        )
        if named_before and COUNTED_BEFORE.search(sentence, 0, cue.start()):
            continue  # "sanctioned A and three individuals linked to X": the three, not A
        group = next(
            (
                m
                for m in mentions
                if m.start - offset >= cue.end()
                and _tied_group(m, TIED_GAP.fullmatch(sentence, cue.end(), m.start - offset))
            ),
            None,
        )
        if group is not None:
            after = [m for m in mentions if m.start > group.start]
            found += _joined(ctx, group, after, lambda m: m.kind == ARMED_GROUP)
    return found


def _named_after(
    ctx: ArticleContext,
    sentence: str,
    offset: int,
    mentions: list[Mention],
    cue_end: int,
    reach: int,
    persons_first: bool,
) -> list[Mention]:
    """The first armed group named within ``reach`` after a cue (or, with ``persons_first``, a person
    named first), with the names coordinated with it ("en apoyo de Zambada García y el Cártel de
    Sinaloa", "for their support of the FARC and the ELN"), up to a semicolon."""
    stop = sentence.find(";", cue_end)
    after = [
        m
        for m in mentions
        if cue_end <= m.start - offset <= cue_end + reach and (stop < 0 or m.start - offset < stop)
    ]
    if persons_first and after and after[0].label == "PERSON":
        first: int | None = 0
    else:
        first = next((i for i, m in enumerate(after) if m.kind == ARMED_GROUP), None)
    if first is None:
        return []
    group = [after[first]]
    for before in reversed(after[:first]):
        if before.label != "PERSON" or not _coordinated(ctx, before, group[0]):
            break
        group.insert(0, before)
    return group[:-1] + _joined(ctx, group[-1], after[first + 1 :], lambda m: m.kind == ARMED_GROUP)


def _actors(ctx: ArticleContext, index: int) -> list[Mention]:
    """The sentence's persons and organisations, in the order the text names them."""
    return sorted(ctx.mentions_in(index, frozenset({"PERSON", "ORG"})), key=lambda m: m.start)


def _joined(
    ctx: ArticleContext, first: Mention, following: list[Mention], admits: Callable[[Mention], bool]
) -> list[Mention]:
    """``first`` and the names after it coordinated with it ("A, B y C"), while ``admits`` takes them."""
    group = [first]
    for mention in following:
        if not admits(mention) or not _coordinated(ctx, group[-1], mention):
            break
        group.append(mention)
    return group


def _coordinated(ctx: ArticleContext, first: Mention, second: Mention) -> bool:
    gap = ctx.text[first.end : second.start]
    return bool(gap) and COORDINATION.fullmatch(gap) is not None and bool(re.search(r"[,\w]", gap))
