"""Events: strikes, deployments, mobilisations, votes, talks, suspended cooperation, polls, designations.

A sentence is an event report when it contains a trigger from the lexicon below and something to
anchor it (a date, a named actor or place, or a figure). Types follow PLOVER (ASSAULT, MOBILIZE,
CONSULT, SANCTION, REJECT, ...) with a finer ``mode``; both go to the FtM Event's ``keywords``
("plover:ASSAULT", "mode:strike") and the mode names the event.

Only what the article reports as having happened is an event: a sentence whose modality
(``ArticleContext.modality``) is hypothetical (conditionals, speculation, questions, a "What to
watch" or "Escenarios" section) or future ("will meet on Tuesday", "designará") makes none. Future
sentences are announcements, which the designation extractor reads; an event is kept for what
happened, so that a timeline never shows an expectation as a fact.

An event's date is the sentence's own, resolved against the article's reference date (dateline,
else publication) and the verb's tense (``watchfloor.news.dates``); a period ("since September",
"between September and November") and a month or a year alone ("a similar vote in October")
give ``startDate``/``endDate``, never a ``date``; a poll's fieldwork ("los días 10 y 11 de enero")
is its period too, and dates the poll by its last day only when the article gives no release day;
a series counted from a calendar day ("Since September 2, strikes have killed ...") began with an
event that day. A sentence with no date expression gives an event with no date and the keyword
``date:undated``: the publication date is when the article knew it (the Article's ``publishedAt``),
not when it happened. An act of state is the exception, since wires and releases tell it so: a
lead under its dateline ("Lima, 14 oct (EFE).- Chile ha decidido suspender ...") happened that
day, and "The announcement came on Monday" or "the minister announced the decision on Tuesday"
dates the act told just before it by its noun.
Vague history ("in the years preceding the election", "durante décadas") is background, no event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from followthemoney.statement import StatementEntity

from watchfloor.news.context import ArticleContext, is_caption, is_headline, is_quoted
from watchfloor.news.dates import EN_DAYS, EN_MONTHS, ES_DAYS, HISTORY, DateMention, dateline, resolve
from watchfloor.news.designations import Announcement
from watchfloor.news.gazetteer import GazetteerEntry, by_alias, country_named
from watchfloor.news.mentions import Mention, name_key
from watchfloor.news.modality import (
    ATTRIBUTION,
    ATTRIBUTION_EN,
    ATTRIBUTION_ES,
    DISCLOSING,
    RELATIVE,
    Modality,
    clause_at,
    clause_modality,
    clause_span,
)

# what an election counts: "90% of ballots", "more than 80% of electronic voting machines", "el 95% de las actas"
_TALLIED = (
    r"\s+(?:(?:the|all|los|las|todas\s+las|todos\s+los)\s+)?(?:(?:[\w-]+\s+){0,2}?(?:ballots|votes|precincts|"
    r"voting|tally|tallies|polling\s+stations|returns|votos|actas|mesas|boletas|sufragios|papeletas|escrutinio))\b"
)
WARSHIP = (
    r"warships?|destroyers?|frigates?|cruisers?|aircraft\s+carriers?|USS|buques?|destructor(?:es)?|"
    r"fragatas?|cruceros?|portaaviones|barcos?\s+de\s+guerra"
)
# "suspendió el lunes el acuerdo energético", "suspended the 2015 gas deal": an agreement suspended
# also talks or aid halted or cut: "ordenó la suspensión de todas las conversaciones", "ordered a cut to
# all economic aid"
SUSPENDED_AGREEMENT = (
    r"\b(?:suspend(?:ed|s)?|suspendi(?:ó|o|eron)|suspende[nr]?|suspensi(?:ón|on)\s+de|halt(?:ed|s)?|"
    r"cuts?(?:\s+off)?|cort(?:ó|aron)|recort(?:ó|aron))\s+(?:[\w-]+\s+){0,5}?(?:agreements?|accords?|"
    r"deals?|treat(?:y|ies)|acuerdos?|convenios?|tratados?|relaciones|talks|negotiations|conversaciones|"
    r"negociaciones|aid|assistance|ayudas?|asistencia|subsid(?:y|ies|ios?))\b"
)
WARPLANE = re.compile(
    r"\b(?:bombers?|fighter\s+jets?|fighters|warplanes?|aircraft|jets|B-\d+\w*|F-\d+\w*|bombarderos?|cazas|"
    r"aviones\s+(?:de\s+combate|militares|de\s+guerra)|aeronaves\s+militares)\b",
    re.I,
)
VESSEL = (
    r"(?:boats?|vessels?|ships?|speedboats?|submarines?|semi-submersibles?|lanchas?|narcolanchas?|botes?|"
    r"embarcaci(?:ón|on|ones)|buques?|barcos?|narcosubmarinos?|semisumergibles?)"
)

# an armed act named by its noun ("a military operation", "la acción militar") and the participle that
# says it was done ("carried out", "llevada a cabo")
OPERATION = (
    r"operations?|raids?|(?:military|armed)\s+actions?|operaci(?:ón|on)|operativo|incursi(?:ón|on)|"
    r"acci(?:ón|on)\s+(?:militar|armada)"
)
CARRIED_OUT = (
    r"carried\s+out|conducted|executed|launched|llevad[oa]\s+a\s+cabo|realizad[oa]|ejecutad[oa]|lanzad[oa]|"
    r"efectuad[oa]"
)
# verbs of taking a person by force ("apprehended", "capturado", "secuestraron")
CAPTURED = (
    r"captur(?:ed|ing|ó|aron|ad[oa]s?)|apprehended|seized|abducted|kidnapp?ed|snatched|aprehendi(?:d[oa]s?|ó|eron)|"
    r"detenid[oa]s?|detuvo|detuvieron|secuestr(?:ad[oa]s?|ó|aron)"
)
# an operation by armed forces: "a U.S. special forces operation", "una operación militar"
ARMED_OPERATION = (
    rf"(?:[\w.’'-]+\s+){{0,2}}?(?:military|special\s+forces|forces|army|navy|commando|troops?)\s+(?:[\w-]+\s+)?"
    rf"(?:{OPERATION})|(?:{OPERATION})\s+(?:[\w-]+\s+){{0,2}}?(?:militar|armada|de\s+(?:las\s+)?fuerzas|"
    r"del\s+ej[ée]rcito|de\s+comandos?)"
)
# an operation and its participle right before a day: the day is the operation's
DONE_OPERATION = re.compile(
    rf"\b(?:{OPERATION})\s+(?:[\w-]+\s+){{0,2}}?(?:{CARRIED_OUT})\s+(?:[\w-]+\s+){{0,3}}?$", re.I
)

# whom a state's leaders meet for talks: a named party or one by office ("met with the envoy",
# "se reunió con el canciller"), not "the family of a fisherman"
NAMED = r"(?-i:[A-ZÁÉÍÓÚÑ])[\w’'.-]*"  # a capitalised word: a party by name
OFFICE = (
    r"leaders?|president|presidents|prime\s+minister|ministers?|envoys?|officials?|delegations?|senators?|"
    r"lawmakers|counterparts?|representatives?|negotiators?|ambassadors?|secretary|opposition|l[íi]der(?:es)?|"
    r"president[ae]s?|ministr[oa]s?|enviad[oa]s?|funcionari[oa]s|delegaci(?:ón|on|ones)|senador(?:es|as?)?|"
    r"hom[óo]log[oa]s?|representantes?|negociador(?:es|as?)?|cancilleres?|mandatari[oa]s?|secretari[oa]s?|"
    r"embajador(?:es|as?)?|oposici(?:ón|on)|emir(?:es)?|kings?|rey(?:es)?|queen|reina|sultan|sult[áa]n|sheikh|jeque|"
    r"chancellor|pope|papa|pont[íi]fice"
)
# a party named by office only: "the envoy", "su homólogo", "the secretary of energy"
OFFICE_COUNTERPART = rf"(?:(?:the|his|her|their|its|el|la|los|las|su|sus)\s+)?(?:[\w-]+\s+)?(?:{OFFICE})\b"
COUNTERPART = rf"(?:(?:(?:the|his|her|their|its|el|la|los|las|su|sus)\s+)?{NAMED}|{OFFICE_COUNTERPART})"
# the nouns of a meeting, and the adjectives that make one a meeting between parties (not a cabinet's)
MEETING = r"meetings?|talks|reuni(?:ón|on|ones)|encuentros?|cumbres?"
DIPLOMATIC = r"high-level|high\s+level|bilateral|one-on-one|face-to-face|de\s+alto\s+nivel|bilaterale?s|cara\s+a\s+cara"
# verbs that class a party as something, finite or in a participle; a Spanish infinitive only after a
# verb of deciding ("acordaron reconocer"): "instó al Ejecutivo a designar" asks, it does not act
DECLARING = (
    r"(?-i:declared|declares|labell?ed|branded|recogni[sz]ed|classified|identified)|"
    r"(?:declar|identific|calific|catalog|design|clasific)(?:ó|o|aron|a|an|aba|aban|ando|ad[oa]s?)|"
    r"reconoc(?:i[óo]|ieron|e|en|id[oa]s?|iendo)|desígnase|declárase|"
    # the head of state's own words, in the first person: "identifiqué ... como organizaciones terroristas"
    r"(?:declar|design)é|(?:identifi|califi|clasifi)qué|catalogué|"
    r"(?:acord|decidi|resolvi|determin)\w*\s+(?:[\w-]+\s+){0,3}?(?:declarar|reconocer|designar|calificar|identificar)"
)
# verbs that enter a party in a register: "registró", "listed", "inscribió", "fue registrado"
LISTING = (
    r"(?-i:listed)|registr(?:ó|o|aron)|inscribi(?:ó|o|eron)|(?:fue|fueron)\s+(?:registrad|inscrit)[oa]s?"
)
# a class of the sanctions lists a party is entered as
LIST_CLASS = (
    r"\b(?:as|como)\s+(?:an?\s+|un[oa]?\s+)?(?:[\w-]+\s+){0,2}?(?:specially|especialmente)\s+designad\w*"
)
# verbs that renew or widen a measure in force: "extended", "renovó", "prorrogaron", "amplió"
RENEWING = (
    r"extend(?:ed|s)?|renew(?:ed|s)?|prolong(?:ed|s)?|broaden(?:ed|s)?|expand(?:ed|s)?|"
    r"prorrog(?:ó|o|aron|ar)|renov(?:ó|o|aron|ar)|ampli(?:ó|aron|ar)|extendi(?:ó|eron)"
)
# what is renewed around sanctions without renewing them: "renewed calls for sanctions", "extended
# sanctions relief", "prorrogó la licencia"
NOT_RENEWED = (
    r"(?:calls?|demands?|threats?|appeals?|relief|waivers?|exemptions?|licen[cs]es?|llamados?|llamamientos?|"
    r"pedidos?|amenazas?|exenciones|licencias?|alivio)\b"
)
# the documents an act of state is made in, and the word that dates one ("dated", "de fecha")
DOCUMENT = (
    r"decrees?|decretos?|executive\s+orders?|(?:[óo]rdenes|orden)\s+ejecutivas?|notices?|resoluci(?:ón|on)|"
    r"documento"
)
DATED = r"\b(?:dated|de\s+fecha|con\s+fecha|fechad[oa])\b"
# what a state freezes when it sanctions: a party's assets, funds, property or accounts
FROZEN_THINGS = r"assets|funds|property|accounts|activos|fondos|bienes|cuentas"


@dataclass(frozen=True)
class EventRule:
    mode: str
    plover: str
    trigger: re.Pattern[str]
    requires: re.Pattern[str] | None = None  # a second word the sentence must contain
    # coordinated days are one span, not one event each: a poll's "on 10 and 11 January" is its
    # fieldwork; the poll is an event on the day it is published or released
    fieldwork: bool = False
    # an event only on a day the text gives, and only where no announcement already holds that day
    dated_only: bool = False


EVENT_RULES: tuple[EventRule, ...] = (
    EventRule(
        "strike",
        "ASSAULT",
        re.compile(
            r"\b(?:strikes?(?!\s+group)|struck|airstrikes?|bombard\w*|bombed|bombings?|attacks?|attacked|raids?|raided|"
            r"(?<!grupo\sde\s)ataques?|atac(?:[óo]|aron)|bombarde\w*|hundimientos?|hundi(?:[óo]|eron)|"
            r"incursi(?:ón|on|ones)|(?:ofensivas?|offensives?)(?!\s+(?:diplom|pol[ií]tic|comercial|judicial|legal|"
            r"medi[aá]tic|de\s+(?:paz|encanto)|charm))|"
            # destroying a vessel is how the boat campaign is reported ("destruyó este viernes un bote")
            rf"(?:destroy(?:ed|s)?|destruy(?:ó|o|eron)|destru(?:ido|ida|idos|idas))\s+(?:[\w-]+\s+){{0,4}}?{VESSEL}|"
            # firing on a vessel is a strike on it ("disparó contra una embarcación")
            rf"(?:fired\s+(?:on|at|upon)|opened\s+fire\s+on|dispar(?:ó|aron)\s+contra|abri(?:ó|eron)\s+fuego\s+contra)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{VESSEL})\b",
            re.I,
        ),
    ),
    # a force that fires on a vessel by another verb: "U.S. forces targeted three drug-trafficking
    # vessels", "las fuerzas impactaron una lancha"; said of armed forces only, since a sanction
    # "targets" vessels too
    EventRule(
        "strike",
        "ASSAULT",
        re.compile(
            rf"\b(?:targeted|hit|engaged|impact(?:ó|aron)|alcanz(?:ó|aron)|neutraliz(?:ó|aron))\s+(?:[\w-]+\s+){{0,4}}?"
            rf"{VESSEL}\b",
            re.I,
        ),
        re.compile(
            r"\b(?:forces|military|troops|Navy|kinetic|lethal|fuerzas|militar(?:es)?|Armada|letal(?:es)?|cin[ée]tic[oa])\b",
            re.I,
        ),
    ),
    # an operation carried out against a vessel or by armed forces is a strike: "a military operation
    # carried out on Saturday in Caracas", "la operación llevada a cabo el 16 de octubre" (on a boat)
    EventRule(
        "strike",
        "ASSAULT",
        re.compile(rf"\b(?:{OPERATION})\s+(?:[\w-]+\s+){{0,2}}?(?:{CARRIED_OUT})", re.I),
        re.compile(
            rf"\b(?:forces|military|troops|Navy|army|kinetic|lethal|fuerzas|militar(?:es)?|Armada|ej[ée]rcito|"
            rf"letal(?:es)?|cin[ée]tic[oa]|{VESSEL})\b",
            re.I,
        ),
    ),
    # a party captured in an armed operation, or the operation that captured one, is a strike:
    # "was seized in a special forces operation on Saturday", "capturado en una operación militar",
    # "the military operation that captured him"
    EventRule(
        "strike",
        "ASSAULT",
        re.compile(
            rf"\b(?:(?:{CAPTURED})\s+(?:[\w.’'-]+\s+){{0,6}}?(?:in|during|en|durante)\s+(?:a|an|the|un|una|la|el)\s+"
            rf"(?:{ARMED_OPERATION})|(?:{ARMED_OPERATION})\s+(?:that|which|in\s+which|que|en\s+la\s+que)\s+"
            rf"(?:[\w.’'-]+\s+){{0,4}}?(?:{CAPTURED}))\b",
            re.I,
        ),
        re.compile(
            r"\b(?:forces|military|troops|army|commandos?|fuerzas|militar|ej[ée]rcito|comandos?)\b", re.I
        ),
    ),
    EventRule(
        "deployment",
        "MOBILIZE",
        re.compile(
            r"\b(?:deploy\w*|surged?|build-?up|despleg\w*|despliegue|docked|"
            # a force that sails for a theatre: "set sail from its home port on Oct. 2", "zarpó el martes"
            r"set\s+sail|sailed|zarp(?:ó|o|aron)|(?:departed|left)\s+(?:from\s+)?(?:port|(?:naval\s+)?(?:station|base))|"
            # a port that hosts a warship has it deployed there ("acogió el domingo el buque USS ...")
            rf"(?:host(?:ed|s)|welcom(?:ed|es)|receiv(?:ed|es)|acog(?:i[óo]|ieron|e)|recibi(?:ó|o|eron))\s+"
            rf"(?:[\w-]+\s+){{0,4}}?(?:{WARSHIP})|"
            # forces sent or moved to a theatre: "sent warships", "se trasladó a la región", "se une a la operación"
            # (not a perfect: "ha enviado buques" tells a standing presence, not a dated act)
            rf"(?<!\bha\s)(?<!\bhan\s)(?<!\bhas\s)(?<!\bhave\s)(?:sent|dispatched|envi(?:ó|aron|ado)|mand(?:ó|aron|ado))\s+(?:[\w-]+\s+){{0,3}}?(?:{WARSHIP}|troops|tropas)|"
            r"(?:moved|relocated|se\s+traslad(?:ó|aron)|se\s+(?:une|unió|unieron|suma|sumó|sumaron))\s+(?:[\w-]+\s+){0,3}?(?:into|to|a)\s+"
            r"(?:the\s+|la\s+|el\s+)?(?:region|regi[óo]n|Caribbean|Caribe|operation|operaci[óo]n|despliegue))\b",
            re.I,
        ),
    ),
    # an arrival is a force's only when a force arrives: a minister's visit, deportees' flights or
    # prisoners brought to a jail are no deployment ("Foreign Minister X arrived in Ecuador Tuesday")
    EventRule(
        "deployment",
        "MOBILIZE",
        re.compile(r"\b(?:arrived|arrival|lleg[óo]|llegaron|llegada)\b", re.I),
        re.compile(
            rf"\b(?:{WARSHIP}|troops|tropas|marines|soldiers|soldados|forces|fuerzas|military|militares|"
            r"strike\s+group|grupo\s+de\s+ataque|bombers?|fighter\s+jets?|warplanes?|F-\d+\w*|B-\d+\w*|"
            r"bombarderos?|cazas)\b",
            re.I,
        ),
    ),
    # a warplane flown over or near a theatre is a force shown there ("two B-52 bombers flew along the
    # coast on Thursday", "cazas sobrevolaron el Caribe el jueves"); said of warplanes only
    EventRule(
        "deployment",
        "MOBILIZE",
        re.compile(
            r"\b(?:overflew|sobrevol(?:ó|o|aron)|(?:flew|flown|flying|vol(?:ó|aron)|patrull(?:ó|aron))\s+(?:[\w-]+\s+){0,3}?"
            r"(?:over|near|off|along|toward|towards|into|across|sobre|cerca|frente|junto|hacia|por))\b",
            re.I,
        ),
        WARPLANE,
    ),
    EventRule(
        "mobilization",
        "MOBILIZE",
        re.compile(
            # not money moved ("movilizó dinero de una narcomafia", "mobilized funds")
            r"\b(?:(?:mobili[sz]\w*|movilizaci[oó]n|moviliz\w*)\b(?!\s+(?:de\s+|del\s+|the\s+|los\s+|las\s+|el\s+)?"
            r"(?:dinero|fondos|recursos|capitales?|divisas|dólares|millones|money|funds|resources|capital|cash|"
            r"millions|billions)\b)|on\s+alert|en\s+alerta|"
            # armed forces exercising: "began live-fire drills", "inició maniobras militares"
            # (joint exercises with a foreign force are its deployment, not a mobilisation)
            # (exercises named as a purpose, "a warship hosted for military exercises", are not held yet)
            r"(?<!\bfor\s)(?<!\bpara\s)(?:military|naval|live-fire|air\s+defen[cs]e)\s+(?:exercises?|drills?|"
            r"maneuvers?|manoeuvres?)|war\s+games|(?<!\bpara\s)(?:ejercicios?|maniobras|simulacros?)\s+"
            r"(?:[\w-]+\s+){0,1}?(?:militar(?:es)?|navales|de\s+(?:guerra|defensa)|cívico-militares)|"
            r"(?:launch\w*|announc\w*|began|lanz\w*|anunci\w*|inici\w*|(?:puesto|puso|pone)\s+en\s+marcha)"
            r"\s+(?:\w+\s+){0,4}(?:military\s+operation|operation\s+(?-i:[A-Z])|"
            r"operaci[oó]n\s+(?:\w+\s+)?militar|operaci[oó]n\s+(?-i:[A-Z])))",
            re.I,
        ),
    ),
    EventRule(
        "vote",
        "REJECT",
        re.compile(
            # a chamber that approves or rejects a motion or a bill has voted on it ("aprobó una moción")
            r"\b(?:vot(?:e|ed|es|ing|ación|acion|aron|ó|o|os)|resolutions?|resoluci(?:ón|on|ones)|motions?|"
            r"moci(?:ón|on|ones)|bills?|proyectos?\s+de\s+ley|"
            # a bid under the war powers law is a vote on it ("an attempt under the War Powers Act was blocked")
            r"war[\s-]+powers|poderes\s+de\s+guerra|"
            # a chamber's declaration passed: "la declaración fue aprobada el 3 de octubre"
            r"(?:declaraci(?:ón|on)|declaration|pronunciamiento)(?=\s+(?:[\w-]+\s+){0,3}?(?:aprobad|approved|passed|adopted|adoptad)))\b",
            re.I,
        ),
        re.compile(
            r"\b(?:vot\w*|reject\w*|rechaz\w*|passed|approved|adopted|adopt(?:ó|aron)|aprob\w*|advanc\w*|avanz\w*|"
            r"blocked|bloque(?:ó|o|aron|ad[oa]))\b",
            re.I,
        ),
    ),
    EventRule(
        "talks",
        "CONSULT",
        re.compile(
            r"\b(?:talks?|discussions?|dialogue|negotiat\w*|face[\s-]+to[\s-]+face|diálogo|dialogo|negoci\w*|conversaciones|"
            # a meeting its adjective makes one between parties: "the high-level meeting", "una reunión
            # bilateral", "un encuentro de alto nivel", "a one-on-one meeting"
            rf"(?:{DIPLOMATIC})\s+(?:[\w-]+\s+)?(?:{MEETING})|(?:{MEETING})\s+(?:{DIPLOMATIC})|"
            # a leader who hosts or receives a party by office, or (Spanish "a") by name: "hosted the
            # envoy", "recibió a la enviada", "recibió al presidente Petro"
            rf"(?:hosted|received|welcomed|recibi(?:ó|o|eron)|acogi(?:ó|o|eron))\s+(?:{OFFICE_COUNTERPART})|"
            rf"hosted\s+(?!(?:{EN_DAYS}|{EN_MONTHS})\b){NAMED}(?<![’']s)(?![\w’'])|"
            rf"(?:recibi(?:ó|o|eron)|acogi(?:ó|o|eron))\s+(?:[\w-]+\s+){{0,3}}?al?\s+(?:{NAMED}|{OFFICE_COUNTERPART})|"
            # leaders who speak by phone hold talks: "a telephone conversation with Maduro on November 21"
            # the other party may stand between the verb and the phone: "spoke with X by phone"
            r"(?:tele)?phone\s+(?:calls?|conversations?)|"
            r"(?:spoke|talked)\s+(?:(?:with|to)\s+(?:[\w’'.-]+\s+){1,8}?)?(?:by|on\s+the|over\s+the)\s+(?:tele)?phone|"
            r"llamadas?\s+telef[óo]nicas?|conversaci[óo]n(?:es)?\s+telef[óo]nicas?|"
            r"(?:habl|convers)(?:ó|o|aron)\s+(?:con\s+(?:[\w’'.-]+\s+){1,8}?)?(?:por\s+tel[ée]fono|telef[óo]nicamente)|"
            # leaders who meet hold talks: "met with the opposition leader", "se reunió con", a summit,
            # "a meeting between the two", "un encuentro con el enviado"
            # (its day and place may come between: "se reunió este lunes en Doha con el emir")
            rf"summits?|cumbres?|(?:met|meets|se\s+reun(?:ió|io|ieron|e|en))\s+(?:[\w’'.-]+\s+){{0,5}}?(?:with|con)\s+{COUNTERPART}|"
            # or meet a party with no "with": "met Venezuelan President Maduro" (not "met Monday's deadline")
            rf"met\s+(?!(?:{EN_DAYS}|{EN_MONTHS})\b){COUNTERPART}(?<![’']s)(?![\w’'])|"
            # a conversation with a party is talks: "held a conversation with the envoy", "una conversación con Rubio"
            rf"(?:conversations?|conversaci(?:ón|on))\s+(?:[\w’'.-]+\s+){{0,2}}?(?:with|con)\s+{COUNTERPART}|"
            rf"(?:meetings?|reuni(?:ón|on|ones)|encuentros?)\s+(?:[\w’'.-]+\s+){{0,3}}?(?:(?:with|con)\s+{COUNTERPART}|"
            r"between|entre)|"
            # an agreement signed is what talks concluded: "signed a partial agreement", "firmaron el acuerdo"
            r"(?:signed|firm(?:ó|o|aron)|suscribi(?:ó|o|eron))\s+(?:[\w’'.-]+\s+){0,6}?[«“]?(?:agreements?|accords?|"
            r"deals?|pacts?|acuerdos?|pactos?|memorand(?:um|o)s?))\b",
            re.I,
        ),
    ),
    EventRule(
        "suspend-cooperation",
        "SANCTION",
        re.compile(
            r"\b(?:suspend\w*|cease\w*|halt\w*|stop\w*|suspendi\w*|suspender\w*|suspensión|cuts?|cort(?:ó|aron)|"
            r"recort(?:ó|aron)|"
            r"dej\w*\s+de\s+(?:compartir|cooperar|colaborar))\b",
            re.I,
        ),
        # what is suspended: cooperation, or the agreement it rests on, named right after the verb
        re.compile(
            rf"\b(?:intelligence|cooperation|sharing|inteligencia|cooperaci[oó]n)\b|{SUSPENDED_AGREEMENT}",
            re.I,
        ),
    ),
    EventRule(
        "poll",
        "OTHER",
        re.compile(
            # a share of something counted in an election is a count, no survey: "90% of ballots"
            rf"\b(?:polls?|polling|survey|encuestas?|sondeos?)\b|\d\s?%\s+(?:of|de)\b(?!{_TALLIED})|"
            # a share that holds a view is a poll's finding: "36 % apoya la operación", "55% oppose it"
            r"\d\s?(?:%|percent\b|por\s+ciento\b)\s+(?:(?:also|only|solo|sólo|no)\s+)?(?:support(?:s|ed)?|"
            r"oppos(?:e|es|ed)|(?:dis)?approv(?:e|es|ed)|favou?r(?:s|ed)?|reject(?:s|ed)?|apoya(?:n|ba|ban)?|"
            r"respalda(?:n|ba|ban)?|rechaza(?:n|ba|ban)?|se\s+opon(?:e|en|ía|ían)|(?:des)?aprueba(?:n|ba|ban)?)\b",
            re.I,
        ),
        fieldwork=True,
    ),
    # a designation the designation reader did not take as an act of its own (background, a party it
    # could not name) is still an event on the day the text gives: "On February 20, the United
    # States designated the cartel", "el Tesoro sancionó el martes a cuatro fundadores"
    EventRule(
        "designation",
        "SANCTION",
        re.compile(
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bas\s)(?-i:\b(?:designated|sanctioned|blacklisted|listed|"
            r"proscribed))(?=\s+(?:the|a|an|it|its|them|him|her|his|their|this|these|those|\d+|[A-Z]|as|on|under|"
            r"pursuant|today|yesterday|last|in|for|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"multiple|several|various|numerous|more|new|additional|dozens|scores|both|all)\b)|"
            # a verb of declaring or recognising with a terrorist class after it: "declared the cartel a
            # terrorist group", "declara al grupo como organización terrorista", "acordaron reconocer ..."
            # (or a class of the sanctions lists: "identified X as a Specially Designated Global Terrorist");
            # the party may carry an aside ("declara al cartel -vinculado por X a Y- como organización ...")
            rf"\b(?:{DECLARING})\b[^.;]{{0,150}}?(?:\bterroris\w*|{LIST_CLASS})|"
            # a party registered or listed as such a class: "registró a X como Narcotraficante
            # Especialmente Designado" (not "se registraron ataques terroristas")
            rf"\b(?:{LISTING})\b[^.;]{{0,100}}?{LIST_CLASS}|"
            # put on a list: "placed three shipping firms on its sanctions list", "lo incluyó en la lista"
            r"\b(?:placed|added|put|included|inclu(?:yó|yo|yeron)|agreg(?:ó|aron)|añadi(?:ó|eron)|incorpor(?:ó|aron)|"
            r"inscribi(?:ó|eron))\s+[^.;]{0,80}?\b(?:on|to|in|onto|en|a)\s+(?:its|the|their|his|her|la|su|sus|el)\s+"
            r"(?:[\w-]+\s+){0,3}?(?:list|lista|registry|register|registro)\b|"
            # a decree signed, issued or dated: "firmó el decreto", "signed an executive order", "the
            # decree, dated 2 June", "el documento, con fecha del 2 de junio"
            rf"\b(?:signed|issued|firm(?:ó|é|aron)|(?:he|ha|hemos|han)\s+firmado|emiti(?:ó|eron)|promulg(?:ó|aron)|"
            rf"dict(?:ó|aron)|suscribi(?:ó|eron))\s+"
            rf"(?:[\w-]+\s+){{0,3}}?(?:{DOCUMENT})|\b(?:{DOCUMENT})(?=[^.;]{{0,60}}?{DATED})|"
            # the act itself published or in force on a day: "the listing was published in the official
            # gazette on March 3", "el decreto entró en vigor el lunes"
            r"\b(?:designations?|designaci(?:ón|on)(?:es)?|listings?|decrees?|decretos?)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:(?:was|were|fue|fueron|has\s+been|ha\s+sido)\s+)?(?:published|publicad[oa]s?|signed|firmad[oa]s?|"
            r"took\s+effect|went\s+into\s+effect|entr(?:ó|o|aron)\s+en\s+vigor)|"
            r"\b(?:design(?:ó|o|aron)|sancion(?:ó|aron)|declar(?:ó|aron)|catalog(?:ó|aron)|calific(?:ó|aron)|"
            r"(?:fue|fueron|ha\s+sido|han\s+sido)\s+(?:designad|sancionad|declarad|catalogad|calificad)[oa]s?|"
            # assets frozen by a state are its sanction: "froze all assets held by ...", "los activos fueron
            # congelados el lunes", "congeló todos los activos"
            rf"(?:froze|frozen|congel(?:ó|o|aron|ad[oa]s?))\b(?=[^.;]{{0,60}}?\b(?:{FROZEN_THINGS})\b)|"
            rf"\b(?:{FROZEN_THINGS})\b(?:[^.;]|(?<=\b[A-Z])\.){{0,80}}?\b(?:(?:were|was|have\s+been|has\s+been|fueron|han\s+sido|ha\s+sido)\s+)"
            r"(?:frozen|congelad[oa]s?)|"
            # a participle dated right after it: "los cárteles designados el pasado 20 de febrero"
            r"(?:designad|sancionad|catalogad)[oa]s?\s+(?:el\s+(?:pasado\s+)?|en\s+)(?=\d)|"
            # sanctions renewed, extended or widened are imposed again that day: "extended the bloc's
            # sanctions by a year", "prorrogaron las medidas restrictivas", "decided to keep them on its
            # blacklist", "aprobaron mantener en su lista negra a 69 personas"
            # (not a call for sanctions renewed, nor a relief or a licence extended)
            rf"(?:{RENEWING})\s+(?:(?!{NOT_RENEWED})[\w’'-]+\s+){{0,5}}?(?:sanctions|sanciones|restrictive\s+measures|"
            rf"medidas\s+restrictivas)(?!\s+(?:{NOT_RENEWED}))|(?:keep|kept|maintain(?:ed)?|retain(?:ed)?|mantener|mantuvo|mantuvieron)\s+"
            r"[^.;]{0,60}?\b(?:on|in|en)\s+(?:its|their|the|su|sus|la)\s+(?:[\w-]+\s+){0,2}?(?:blacklist|list|lista)\b|"
            # sanctions or the actions that impose them, announced: "anunciaron este miércoles acciones
            # conjuntas para sancionar a 29 personas"
            # ("anunció este jueves la imposición de sanciones", "announced the imposition of new sanctions")
            r"(?:announced|imposed|anunci(?:ó|aron)|impus(?:o|ieron))\s+(?:[\w-]+\s+){0,3}?"
            r"(?:(?:imposition|imposici[óo]n)\s+(?:of|de)\s+(?:[\w-]+\s+){0,1}?)?(?:sanctions|sanciones|"
            r"(?:actions|acciones|measures|medidas)(?=\s+(?:[\w-]+\s+){0,2}?(?:to|para)\s+(?:sanction|sancionar))))",
            re.I,
        ),
        re.compile(
            r"\b(?:terroris\w*|sanction\w*|sancion\w*|FTOs?|SDGT|OFAC|blacklist\w*|lista\s+negra|designat\w*|"
            r"restrictive\s+measures|medidas\s+restrictivas|"
            r"design(?:ó|o|aron|ad[oa]s?)|froze|frozen|congel(?:ó|o|aron|ad[oa]s?))\b",
            re.I,
        ),
        dated_only=True,
    ),
)
UNDATED = "date:undated"
PENDING = "date:pending"  # a designation its sentence does not date, waiting for its context's day
# the events an act of state makes, which a wire's dateline or a later sentence may date
ACTS_OF_STATE = frozenset({"designation", "suspend-cooperation", "vote", "mobilization"})
ANAPHORA_REACH = 5  # sentences back from the one that dates an act by its noun
_ACT_NOUN = (
    r"announcement|decision|designation|listing|measure|move|decree|order|notice|resolution|document|"
    r"anuncio|decisi[óo]n|designaci[óo]n|medida|decreto|resoluci[óo]n|orden|documento|declaratoria|"
    # OFAC's releases name their act "today's action", "la acción de hoy"
    r"action|acci[óo]n"
)
# (a possessor counts as a determiner: "Noboa's decree", "Treasury's action", "today's action")
_DEFINITE_ACT = rf"(?:the|this|that|its|his|her|their|(?-i:[A-Z][\w.-]*)['’]s|today['’]s|yesterday['’]s|la|el|esta|este|dicha|dicho|su)\s+(?:[\w’'.-]+\s+){{0,3}}?(?:{_ACT_NOUN})\b"
ANAPHORIC_ACT = re.compile(
    # the act's noun opens the sentence or its main clause: "The announcement came on Monday",
    # "According to a release, the listing was granted yesterday", "La medida fue publicada el lunes"
    rf"^\W*(?:[^,.;]{{0,80}},\s*)?{_DEFINITE_ACT}(?![^.;]{{0,60}}\b(?:will|would|could|ser[áa]|podr[íi]a))|"
    # or is what a verb of announcing or signing took: "the minister announced the decision on Tuesday",
    # "informó el lunes sobre la medida"
    rf"\b(?:announced|unveiled|confirmed|signed|issued|published|anunci(?:ó|aron)|confirm(?:ó|aron)|firm(?:ó|aron)|"
    rf"public(?:ó|aron)|inform(?:ó|aron)|dio\s+a\s+conocer)\b[^.;]{{0,40}}?\b{_DEFINITE_ACT}",
    re.I,
)
# a speech verb and the "that" of what it reports
SPEECH_THAT = re.compile(rf"\b(?:{ATTRIBUTION}|{DISCLOSING})\b[^.;]{{0,60}}?\b(?:that|que)\b", re.I)
# a pluperfect in reported speech: the act came before the telling ("said on Friday that forces had struck")
PLUPERFECT = re.compile(
    r"\b(?:had|hab[íi]an?)\s+(?:(?:already|also|ya|tambi[ée]n)\s+)?(?:[a-z]+(?:ed|en)|struck|hit|sent|sunk|sank|"
    r"shot|led|fought|made|done|begun|met|held|spoken|[a-zñ]+(?:ado|ido|to|cho))\b",
    re.I,
)
# a word that puts the act told before the telling, by an amount the text does not date: "ten days
# earlier", "weeks ago", "días antes", "hace una semana", "previously", "recently"
EARLIER = re.compile(
    r"\b(?:earlier|ago|previously|recently|atr[áa]s|previamente|anteriormente|recientemente|"
    r"(?:days?|weeks?|months?|years?|d[íi]as|semanas|meses|a[ñn]os)\s+(?:before|antes)|"
    r"hace\s+(?:[\w-]+\s+){0,2}?(?:d[íi]as?|semanas?|mes(?:es)?|a[ñn]os?))\b",
    re.I,
)
# a participle and the "since" of the period it has held for: "suspended since", "suspendidas desde el"
STATE_SINCE = re.compile(
    r"\b([^\W\d_]+(?:ed|en|ad[oa]s?|id[oa]s?))\s+(?:(since|desde)\s+(?:(?:el|la)\s+)?)?$", re.I
)
SINCE = re.compile(r"(?:since|desde)\b", re.I)
# acts named among options or plans are not done: "military options, including strikes on land",
# "opciones que incluyen ataques terrestres"
PLANNED_NOUN = re.compile(
    r"\b(?:options?|plans?|proposals?|scenarios?|possibilities|opciones|planes|propuestas?|escenarios?|posibilidades)\b"
    r"[^.;]{0,120}?\b(?:including|includ(?:e|es|ed)|such\s+as|like|incluy\w*|incluid[oa]s|como)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# a day that dates only the telling, at the end of the sentence: "..., the command announced Sunday."
TRAILING_TELLING = re.compile(
    r",\s*[^,;]{0,60}?\b(?:said|says|announced|reported|confirmed|stated|wrote|posted|dijo|anunci[óo]|"
    r"inform[óo]|confirm[óo]|report[óo]|señal[óo]|indic[óo]|public[óo])\s+(?:on\s+)?$",
    re.I,
)
TOLD = "date:told"  # a strike dated only by the day its telling gives
TOLD_REACH = 3  # sentences after one that a strike's own day may follow in
# a day in the possessive and the noun it owns, up to three words: "Sunday's disputed election"
POSSESSIVE_DAY = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}[\w-]+")
# a verb of preventing, allowing or threatening governs acts that have not happened: "to prevent
# further strikes", "authorize attacks on land", "impedir nuevos ataques", "amenazó con ataques"
GOVERNED_NOUN = re.compile(
    r"\b(?:prevent\w*|stop|halt|block\w*|bar|ban|limit\w*|authori[sz]\w*|threaten\w*|impedir|impida\w*|frenar|"
    r"detener|evitar|autoriz\w*|amenaz\w*\s+con|prohibir|"
    # a topic discussed is no event of the day ("met on Friday to discuss the strikes")
    r"discuss\w*|debat\w*|address|review|examin\w*|talk\s+about|discut\w*|abord\w*|analiz\w*|hablar\s+de)\s+"
    r"(?:(?:any|further|future|more|new|additional|the|"
    r"cualquier|nuevos|nuevas|futuros|futuras|m[áa]s|los|las)\s+){0,2}$",
    re.I,
)
# a call named with a definite article ("acknowledged the phone conversation") is one told before
PHONE = re.compile(r"(?:tele)?phone|llamada|conversaci", re.I)
FIELDWORK_END = "date:fieldwork-end"  # a poll dated by the last day of its fieldwork
# a relative pronoun right before a clause, with the (up to four) words before it: its antecedent
RELATIVE_OPENING = re.compile(r"((?:[\w/’'-]+,?\s+){1,4}?)(?i:(which|that|que))\s*$")
# "as of 6 November: 16 strikes": the day a tally stands at, not the day of an event
AS_OF = re.compile(r"\b(?:as\s+of|a\s+fecha\s+de(?:l)?|con\s+corte\s+al?)\s*$", re.I)
RELATIVE_WEEK = re.compile(
    r"\s*(?i:(?:last|this|next|past)\s+week|(?:la|esta)\s+semana(?:\s+pasada|\s+pr[óo]xima)?|la\s+pr[óo]xima\s+semana)\s*"
)
# a subordinate clause after a relative one opens another event's time: "the poll, which closed on
# Wednesday as Washington continued a military buildup"
SUBORDINATOR = re.compile(r"\b(?:as|while|whereas|when|mientras|cuando)\b", re.I)
ORDERED = re.compile(
    r"\b(?:order(?:ed|s)?|directed|directives?|instructed|instructions?|commanded)\s+(?:[\w’'-]+\s+){0,14}?to\s+$",
    re.I,
)
NONFINITE_ES = re.compile(r"\b(?:para|sin)\s+$", re.I)  # "para atacar": a purpose, not an act
COORDINATION = re.compile(r"\s*(?:,|,?\s*(?:and|y|e|&))?\s*(?:(?:on|el)\s+)?", re.I)
# "in one of the strikes", "over the boat strikes", "en los ataques": events told before, not the one
# reported here
ANAPHORIC = re.compile(
    r"\b(?:of|in|over|for|from|about|against|after|during|amid|with|by|on|since|de|del|en|por|para|sobre|"
    r"contra|tras|durante|con|desde|ante)\s+(?:the|these|those|such|its|their|his|her|el|la|los|las|estos|estas|"
    r"esos|esas|dichos|dichas|sus)\s+(?:[\w‑-]+\s+){0,2}$",
    re.I,
)
# an embedded post's signature: a dash, its author and handle, then the day ("— Name (@handle) May 2, 2025")
POST_SIGNATURE = re.compile(r"[—–-]\s*[^()—–\n]{1,60}\(@\w{1,30}\)\s*\S[^()]{4,30}$")
# a speech verb and the meeting it was said at, up to the meeting's noun
SETTING = re.compile(
    r"\b(?:said|says|told|stated|remarked|dijo|afirm[óo]|declar[óo]|asegur[óo]|señal[óo]|sostuvo)\b[^.;]{0,40}?"
    r"\b(?:during|at|on\s+the\s+sidelines\s+of|durante|en)\s+(?:a|an|the|un|una|la|el)\s+(?:[\w‑-]+\s+){0,2}$",
    re.I,
)
# a verb of expecting or hoping and the "that" of what is expected: "espera que", "hopes that"
EXPECTING = re.compile(
    r"\b(?:esper(?:a|an|aba|aban)|confí(?:a|an)|hopes?|hoped|expects?|expected)\s+(?:que|that)\s*$", re.I
)
# a date then "when" and the clause it dates: "on March 3, when the cabinet listed the group"
WHEN_CLAUSE = re.compile(r"\s*,?\s*(?:when|cuando|en\s+que|in\s+which)\b[^.;]{0,100}", re.I)
DEFINITE_ONE = re.compile(r"\b(?:the|that|this|la|esa|esta|aquella)\s+$", re.I)
# what a concern or a doubt is about: "as questions mount over deadly boat strikes", "las dudas sobre el
# primer ataque"
DOUBTED = re.compile(
    r"\b(?:questions|concerns|doubts|criticism|scrutiny|outrage|dudas|preguntas|cr[íi]ticas|preocupaci[óo]n|"
    r"escrutinio|cuestionamientos)\s+(?:[a-z]+\s+)?(?:over|about|around|into|on|sobre|de|acerca\s+de|en\s+torno\s+a|"
    r"por)\s+(?:[\w‑-]+\s+){0,3}$",
    re.I,
)
JUDGED = re.compile(
    r"\b(?:criticis|criticiz|condemn|question|defend|denounc|justif|investigat|prob(?:e|es|ed|ing)\b|"
    r"critic(?:ó|aron|a|an)\b|conden(?:ó|aron|a|an)\b|cuestion(?:ó|aron|a|an)\b|defend(?:ió|ieron|e|en)\b|"
    r"denunci(?:ó|aron|a|an)\b|investig(?:ó|aron|a|an)\b|justific(?:ó|aron|a|an)\b)\w*\s+"
    # (a day may stand between: "condenó este martes los ataques")
    r"(?:\w+\s+){0,3}?(?:the|these|those|its|their|los|las|sus|esos|esas|estos|estas)\s+(?:[\w‑.-]+\s+){0,2}$",
    re.I,
)
PRESENT_PERFECT = re.compile(
    # in a relative clause: a lead's "Canada has imposed sanctions ..., the minister announced on Friday"
    # is the day's news
    r"\b(?:where|which|that|who)\s+(?:[\w.’'-]+\s+){0,4}?(?:has|have|['’]ve)\s+(?:(?:already|now|also|repeatedly|reportedly|recently|since|so\s+far)\s+)*(?:been\s+)?"
    # the act's noun after the perfect's participle: "has carried out multiple strikes"
    r"(?:(?:[a-z]+(?:ed|en)|carried\s+out|made|struck|hit|led|sent|fought)\s+(?:[\w‑-]+\s+){0,3})?$",
    re.I,
)
TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
SPANISH_FINITE_PAST = re.compile(r"\b[a-záéíóúñ]{2,}(?:aron|ieron|ó)\b")
DEFINITE = re.compile(r"\b(?:the|these|those|los|las|estos|estas|esos|esas)\s+(?:[\w‑-]+\s+){0,2}$", re.I)
RELATIVE_DAY = re.compile(
    r"(?i:\b(?:today|tonight|yesterday|tomorrow|hoy|ayer|mañana|this\s+week|esta\s+semana)\b)|"
    rf"(?i:\b(?:{EN_DAYS}|{ES_DAYS})\b)"
)
ANCHOR_NUMBER = re.compile(
    r"\d[\d,.]*\s*(?:%|percent|people|troops|soldiers|strikes?|votes?|personas|tropas|ataques|votos|killed|muertos)",
    re.I,
)
# a sentence that opens by carrying on the act told just before it: "Con ello se cataloga ...",
# "With this, the groups were listed ...", "Mediante ese decreto ..."
CONTINUED_ACT = re.compile(
    r"\W*(?:(?:con|mediante|por|en)\s+(?:ello|esto|él|este\s+(?:decreto|documento|acto)|ese\s+(?:decreto|documento|acto)|"
    r"dicho\s+(?:decreto|documento))|de\s+(?:esta|este)\s+(?:manera|modo)|así|with\s+(?:it|this|that)|"
    r"in\s+(?:it|the\s+same\s+(?:decree|order|document))|through\s+(?:it|this)|thereby|by\s+(?:it|this\s+(?:decree|order)))"
    r"\s*,?\s",
    re.I,
)
# a table's header that names its column of designation dates: "Date of FTO Designation", "Fecha de
# designación", "Designation date", "Date listed"
DESIGNATION_DATE_COLUMN = re.compile(
    r"\b(?:(?:date|fecha)s?\s+(?:of\s+|de\s+(?:la\s+)?)?(?:[\w-]+\s+){0,2}?(?:designation|designaci[óo]n|listing|"
    r"inclusi[óo]n|sanction|sanci[óo]n)|(?:designation|listing|sanction)\s+dates?|date\s+(?:listed|designated|"
    r"sanctioned))\b",
    re.I,
)
TABLE_ROW_CHARS = 200  # a table's row is a short line of cells, not a sentence of prose
ACTORS = frozenset({"PERSON", "ORG"})
PLACES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class EventMatch:
    """One event an extractor found, before it becomes an FtM entity (quantities attach to it)."""

    sentence: int
    mode: str
    plover: str
    entity_id: str
    date: str | None  # the event's day, else the end of its period: what a figure is true as of


def detect_events(
    ctx: ArticleContext, announcements: Sequence[Announcement] = ()
) -> list[tuple[EventMatch, StatementEntity]]:
    """Event entities per asserted sentence and mode, with the sentence's own date or period, place,
    actors and the sentence as summary; and one designation event per announcement the designation
    reader found (it knows which sentences make an act, and the day a notice was signed)."""
    results = [designation_event(ctx, announcement) for announcement in announcements]
    announced = {a.date for a in announcements} | {a.sentence for a in announcements}
    places = by_alias()
    for index in range(len(ctx.sentences)):
        sentence = ctx.sentence_text(index)
        if is_headline(sentence) or is_caption(sentence) or ctx.is_title(index):
            continue
        if ctx.modality(index) == Modality.FUTURE:
            continue
        results += _sentence_events(ctx, index, places, announced)
    results += _designation_table(ctx, announced)
    results = _dated_by_context(ctx, results, announced)
    return _released_polls_first(_told_before_dated([r for r in results if not _yet_to_come(ctx, r[1])]))


# a day past publication within which an event may still be the article's own: its dateline's day
# may follow the date its metadata gives (time zones, a wire filed before midnight)
PUBLICATION_SLACK = timedelta(days=1)


def _yet_to_come(ctx: ArticleContext, entity: StatementEntity) -> bool:
    """An event dated after the article was published has not happened in it ("with ten days to go
    before the Oct. 15 vote"), whatever tense the sentence's verb has: an expectation, no event."""
    day = entity.first("date")
    if ctx.published is None or day is None or len(day) < 10:
        return False
    return date.fromisoformat(day[:10]) > ctx.published + PUBLICATION_SLACK


def _dated_by_context(
    ctx: ArticleContext, results: list[tuple[EventMatch, StatementEntity]], announced: set[str | int | None]
) -> list[tuple[EventMatch, StatementEntity]]:
    """An act of state the text tells without a day takes the day its context gives: the dateline of
    the lead it opens ("Lima, 14 oct (EFE).- Tres empresas fueron sancionadas"), or a sentence soon
    after that dates it by name ("The announcement came on Monday", "the minister announced the
    decision on Tuesday", "El documento fue firmado el 2 de octubre"). A designation the sentence
    alone did not date is dropped when its context gives no day either."""
    undated: dict[int, list[int]] = {}
    for position, (match, entity) in enumerate(results):
        if match.date is None and match.mode in ACTS_OF_STATE and not entity.get("startDate"):
            undated.setdefault(match.sentence, []).append(position)
    days: dict[int, str] = {}
    for index, positions in undated.items():
        day = _dateline_day(ctx, index)
        modes = {results[p][0].mode for p in positions}
        if day is not None and not _told_with_its_day(results, modes, day):
            days[index] = day
    for index in undated:
        day = _continued_day(ctx, index) or _post_day(ctx, index)
        if index not in days and day is not None:
            days[index] = day
    for index in range(len(ctx.sentences)):
        dating = _anaphoric_day(ctx, index)
        if dating is None:
            continue
        before = [i for i in undated if index - ANAPHORA_REACH <= i < index and i not in days]
        if before:
            days[max(before)] = dating
    out = []
    for position, (match, entity) in enumerate(results):
        day = days.get(match.sentence) if position in undated.get(match.sentence, ()) else None
        pending = PENDING in entity.get("keywords")
        if day is not None and not (pending and day in announced):
            entity.pop("name")
            entity.add("name", f"{match.mode}: {day}", origin=ctx.origin(match.sentence))
            entity.add("date", day, origin=ctx.origin(match.sentence))
            entity.remove("keywords", UNDATED)
            match = replace(match, date=day)
        elif pending:
            continue
        entity.remove("keywords", PENDING)
        out.append((match, entity))
    return out


def _designation_table(
    ctx: ArticleContext, announced: set[str | int | None]
) -> list[tuple[EventMatch, StatementEntity]]:
    """A table whose header names a column of designation dates ("Name | Date of FTO Designation",
    "Grupo  Fecha de designación") lists one designation per row, on the day its row gives: each
    line after the header that holds a calendar day, up to the first that holds none."""
    rule = next(r for r in EVENT_RULES if r.mode == "designation")
    results = []
    in_table = False
    for index in range(len(ctx.sentences)):
        sentence = ctx.sentence_text(index)
        dates = ctx.dates_in(index, "past")
        if not in_table:
            in_table = bool(DESIGNATION_DATE_COLUMN.search(sentence)) and not dates
            continue
        days = [d.value for d in dates if d.point and len(d.value) == len("2025-01-01")]
        if not days or len(sentence) > TABLE_ROW_CHARS:
            in_table = False
            continue
        if days[-1] in announced:
            continue
        entity_id = ctx.derived_id("event", str(index), "designation", "row")
        event = _event(ctx, index, entity_id, rule, sentence, days[-1], None)
        results.append((EventMatch(index, rule.mode, rule.plover, entity_id, days[-1]), event))
    return results


def _told_with_its_day(results: list[tuple[EventMatch, StatementEntity]], modes: set[str], day: str) -> bool:
    """The article dates an act of the same kind in the week up to the dateline ("Quito, 14 oct
    (EFE).- El presidente declaró ..." and later "el decreto, con fecha del 13 de octubre"):
    the lead tells that act, whose day the text gives; the dateline is only when it was reported."""
    end = date.fromisoformat(day)
    for match, _entity in results:
        same_kind = match.mode in modes and match.date and len(match.date) == len(day)
        if same_kind and timedelta(0) < end - date.fromisoformat(str(match.date)) <= timedelta(days=7):
            return True
    return False


def _dateline_day(ctx: ArticleContext, index: int) -> str | None:
    """The day of the dateline that opens the sentence ("Lima, 14 oct (EFE).- ..."): a wire lead
    that gives no other day reports what happened that day."""
    sentence = ctx.sentence_text(index)
    opening = dateline(sentence)
    if opening is None or clause_modality(sentence) in (Modality.FUTURE, Modality.HYPOTHETICAL):
        return None  # "Ottawa, 14 oct (EFE).- Chile anunció que declarará ..."
    day = resolve(opening.group("date"), ctx.published, ctx.lang, "past")
    return day if day is not None and len(day) == len("2025-01-01") else None


def _continued_day(ctx: ArticleContext, index: int) -> str | None:
    """The day of the sentence before, for a sentence that opens by carrying on its act ("Daniel
    Noboa firmó el martes 9 de enero el decreto ... Con ello se cataloga como terroristas a ...",
    "With it, the cabinet listed ..."): what the act did happened when it was done."""
    if index == 0 or not CONTINUED_ACT.match(ctx.sentence_text(index)):
        return None
    days = [
        d.value
        for d in ctx.dates_in(index - 1, "past")
        if d.point and len(d.value) == len("2025-01-01") and ctx.reported_at(index - 1, d.start)
    ]
    return days[0] if len(set(days)) == 1 else None


def _post_day(ctx: ArticleContext, index: int) -> str | None:
    """The day of an embedded post's signature line ("— Daniel Noboa (@DanielNoboaOk) January 9,
    2024") right after the sentence: the post, whose text the sentence is, was made that day."""
    if index + 1 >= len(ctx.sentences) or not POST_SIGNATURE.search(ctx.sentence_text(index + 1)):
        return None
    days = [d.value for d in ctx.dates_in(index + 1, "past") if d.point and len(d.value) == len("2025-01-01")]
    return days[-1] if days else None


def _anaphoric_day(ctx: ArticleContext, index: int) -> str | None:
    """The day of a sentence that names an act told before and dates it: the act's noun with a
    definite determiner as its subject or as the object of a verb of announcing, and a calendar day."""
    sentence = ctx.sentence_text(index)
    if not ANAPHORIC_ACT.search(sentence) or ctx.modality(index) != Modality.ASSERTED:
        return None
    days = [
        d
        for d in ctx.dates_in(index, "past")
        if d.point
        and len(d.value) == len("2025-01-01")
        and ctx.reported_at(index, d.start)
        # a quoted "today's action" counts from the day it was said, which the quote does not give
        and not (RELATIVE_DAY.search(d.text) and is_quoted(sentence, d.start))
    ]
    return days[0].value if days else None


def _told_before_dated(
    results: list[tuple[EventMatch, StatementEntity]],
) -> list[tuple[EventMatch, StatementEntity]]:
    """ "A strike killed three people, the command announced Sunday. 'On Nov. 15, forces struck ...'":
    a strike dated only by the day it was told is the one a sentence soon after dates by its own
    earlier day; it is that strike, not another."""
    out = []
    for match, entity in results:
        if TOLD in entity.get("keywords") and match.date:
            told = date.fromisoformat(match.date)
            own = [
                m.date
                for m, e in results
                if m.mode == match.mode
                and match.sentence < m.sentence <= match.sentence + TOLD_REACH
                and m.date
                and len(m.date) == len(match.date)
                and TOLD not in e.get("keywords")
            ]
            if any(timedelta(0) < told - date.fromisoformat(str(day)) <= timedelta(days=3) for day in own):
                continue
        entity.remove("keywords", TOLD)
        out.append((match, entity))
    return out


def _told_at_end(unit: str, dates: list[DateMention]) -> bool:
    """The unit's first day closes it after a verb of telling: "..., the command said on Sunday." """
    first = next((d for d in dates if d.point), None)
    return (
        first is not None
        and TRAILING_TELLING.search(unit, 0, first.start) is not None
        and not unit[first.end :].strip(" .\"”'’")
    )


def _released_polls_first(
    results: list[tuple[EventMatch, StatementEntity]],
) -> list[tuple[EventMatch, StatementEntity]]:
    """A poll is one event on the day it is released; its fieldwork's last day stands in only when
    the article gives no release day ("reveló este martes" beside "los días 10 y 11 de enero")."""
    released = any(  # a day of its own: a period's end ("in early January") is no release day
        match.mode == "poll" and entity.get("date") and FIELDWORK_END not in entity.get("keywords")
        for match, entity in results
    )
    if released:
        for _match, entity in results:
            if FIELDWORK_END in entity.get("keywords"):
                entity.pop("date")  # the fieldwork stays its period (startDate/endDate)
                entity.remove("keywords", FIELDWORK_END)
    return results


def _sentence_events(
    ctx: ArticleContext, index: int, places: Mapping[str, GazetteerEntry], announced: set[str | int | None]
) -> list[tuple[EventMatch, StatementEntity]]:
    """A sentence's events: one per reporting unit (the sentence, or each dated clause of a
    chronology), trigger and day; a designation only on a day and in a sentence no announcement
    already holds."""
    sentence = ctx.sentence_text(index)
    start = ctx.sentences[index][0]
    sentence_dates = ctx.dates_in(index, "past")
    units = _units(sentence, sentence_dates)
    triggered = [_triggers(ctx, index, sentence, unit_start, unit_end) for unit_start, unit_end in units]
    chronology = [rule for found in triggered for rule, _ in found] if len(units) > 1 else []
    actors = ctx.mentions_in(index, ACTORS)
    where = ctx.mentions_in(index, PLACES)
    results = []
    for (unit_start, unit_end), found in zip(units, triggered, strict=True):
        unit = sentence[unit_start:unit_end]
        dates = [
            d
            for d in sentence_dates
            if unit_start <= d.start and d.end <= unit_end and not AS_OF.search(sentence, 0, d.start)
        ]
        dates = [replace(d, start=d.start - unit_start, end=d.end - unit_start) for d in dates]
        if not found and chronology and any(d.point for d in dates):
            # a chronology's clause tells the same kind of event ("el 15 de septiembre hubo tres muertos")
            found = [(rule, 0) for rule in dict.fromkeys(chronology)]
        if not found:
            continue
        if not (dates or actors or where or ANCHOR_NUMBER.search(unit)):
            continue
        if not dates and _background(unit, found):
            continue
        for rule, trigger_at in found:
            hits = list(rule.trigger.finditer(unit))
            theirs = _before_attribution(
                unit,
                hits,
                [d for d in _dates_of(unit, hits, dates) if not _dates_another_event(unit, rule, d)],
            )
            own = [
                _as_period(d)
                for d in _reported_speech(unit, rule, hits, theirs)
                if not _supposed(unit, d, trigger_at)
            ]
            period = next((d for d in own if not d.point), None)
            days = _days(unit, own)
            if rule.fieldwork and len(days) > 1:  # "encuestó ... los días 10 y 11 de enero"
                period, days = DateMention(unit, 0, len(unit), min(days), True, max(days)), []
            fieldwork_end = rule.fieldwork and not days and _closed_days(period)
            if fieldwork_end and period is not None and period.until:
                days = [period.until]  # a poll with no release day is dated by the end of its fieldwork
            if not days and period is not None and _opened_on(period):
                days = [period.value]
            pending = False
            if rule.dated_only:
                if index in announced:
                    continue
                if not days and period is None:
                    pending = True  # dated by its dateline or a sentence after it, else dropped
                days = [d for d in days if d not in announced]
                if not days and not pending:
                    continue
            for position, day in enumerate(days or [None]):
                first = unit_start == 0 and position == 0
                parts = (
                    (str(index), rule.mode) if first else (str(index), rule.mode, str(unit_start), day or "")
                )
                entity_id = ctx.derived_id("event", *parts)
                event = _event(ctx, index, entity_id, rule, unit, day, period)
                if fieldwork_end:
                    event.add("keywords", FIELDWORK_END, origin=ctx.origin(index))
                if pending:
                    event.add("keywords", PENDING, origin=ctx.origin(index))
                if day is not None and rule.mode == "strike" and _told_at_end(unit, own):
                    event.add("keywords", TOLD, origin=ctx.origin(index))
                origin = ctx.origin(index)
                _add_places(event, where, places, origin)
                organizer = [m for m in actors if m.end <= start + unit_start + trigger_at]
                if organizer:
                    event.add("organizer", ctx.id_of(organizer[-1]), origin=origin)
                for actor in actors:
                    event.add("involved", ctx.id_of(actor), origin=origin)
                as_of = day or (period.until if period is not None else None)
                results.append((EventMatch(index, rule.mode, rule.plover, entity_id, as_of), event))
    return results


def _triggers(
    ctx: ArticleContext, index: int, sentence: str, unit_start: int, unit_end: int
) -> list[tuple[EventRule, int]]:
    """The rules a unit triggers where it reports, with the trigger's offset in the unit."""
    unit = sentence[unit_start:unit_end]
    found: list[tuple[EventRule, int]] = []
    for rule in EVENT_RULES:
        if any(other.mode == rule.mode for other, _ in found):
            continue  # one event of a kind per unit, whichever of its wordings told it
        if rule.requires is not None and not rule.requires.search(sentence):
            continue  # looked for first: one word, far cheaper than the trigger, and mostly absent
        hit = next(
            (
                h
                for h in rule.trigger.finditer(unit)
                if not _nonfinite(unit, h)
                and not (rule.mode == "talks" and _setting(unit, h))
                and not (rule.mode == "strike" and GROUND_OF_STRIKE.search(unit, max(0, h.start() - 60), h.start()))
                and not (rule.mode == "designation" and _undated_description(ctx, index, unit_start, unit, h))
            ),
            None,
        )
        if hit is None:
            continue
        at = unit_start + hit.start()
        # a poll was taken even where its finding is a supposition ("would vote for X if elections
        # were held today"): its own clause is what must state
        if ctx.reported_at(index, at) or (rule.fieldwork and ctx.clause_stated(index, at)):
            found.append((rule, hit.start()))
    if any(rule.fieldwork for rule, _ in found):
        # what a poll's respondents support or oppose is its question, no event: "60% oppose strikes"
        found = [(rule, at) for rule, at in found if rule.fieldwork or not OPINION_BEFORE.search(unit, 0, at)]
    return found


# attacks someone funds, plans or took part in, as the ground of a measure: no happening of the
# sentence's day ("the network financing Houthi attacks", "due to their involvement in strikes on Y",
# "por financiar ataques contra Y")
GROUND_OF_STRIKE = re.compile(
    r"\b(?:financ\w*|fund(?:s|ed|ing)|involvement\s+in|role\s+in|participation\s+in|plott\w*|plann\w*|"
    r"participaci[oó]n\s+en|implicaci[oó]n\s+en|planific\w*|plane(?:ar|aba|aron|ó))\s+"
    r"(?:(?:the|their|its|los|las|sus)\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# a clause that describes a party rather than tells what happened: a relative clause on a name ("Tren
# de Aragua, which the State Department designated as an FTO", "el Tren de Aragua, que fue designado")
# or a participle set off by a comma ("el Tren de Aragua, designado como organización terrorista");
# a finite verb after a comma goes on with the sentence ("la OFAC, por sus siglas en inglés, impuso")
# and "que" after a verb is no relative pronoun ("anunció este lunes, 5 de enero, que congeló")
RELATIVE_ON_NAME = re.compile(
    r"(?:,\s*(?:which|who|whom|quien|quienes|el\s+cual|la\s+cual|los\s+cuales|las\s+cuales)\b|"
    r"(?-i:[A-ZÁÉÍÓÚÑ][\w-]*|\))\s*,\s*(?:que|that)\b)[^,;.]*$",
    re.I,
)
APPOSED_PARTICIPLE = re.compile(r",\s*(?:(?:a|an|un|una|also|también|ya)\s+)?$", re.I)
PARTICIPLE_WORD = re.compile(r"^(?:\w+(?:ed|ad[oa]s?|id[oa]s?)\b)", re.I)


def _undated_description(
    ctx: ArticleContext, index: int, unit_start: int, unit: str, hit: re.Match[str]
) -> bool:
    """A designation told as what a party is, in a clause with no day of its own: background to the
    sentence's event, not an act of its day ("On September 2, forces struck a boat of Tren de
    Aragua, designated a terrorist organisation by the State Department")."""
    before = max(0, hit.start() - 80)
    describing = RELATIVE_ON_NAME.search(unit, before, hit.start()) is not None or (
        APPOSED_PARTICIPLE.search(unit, before, hit.start()) is not None
        and PARTICIPLE_WORD.match(hit.group(0)) is not None
    )
    return describing and not ctx.clause_dated(index, unit_start + hit.start(), unit_start + hit.end())


# a view held on an action, right before the action's noun: "oppose strikes", "apoya una intervención"
OPINION_BEFORE = re.compile(
    r"\b(?:support(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|(?:dis)?approv(?:e|es|ed|ing)|favou?r(?:s|ed|ing)?|"
    r"reject(?:s|ed|ing)?|back(?:s|ed|ing)?|apoya(?:n|ba|ban)?|respalda(?:n|ba|ban)?|rechaza(?:n|ba|ban)?|"
    r"se\s+opon(?:e|en|ía|ían)|(?:des)?aprueba(?:n|ba|ban)?|a\s+favor\s+de|en\s+contra\s+de)\s+"
    r"(?:(?:the|a|an|any|more|further|possible|potential|U\.S\.|US|American|military|la|las|el|los|un|una|"
    r"posibles?|eventuales?|nuev[oa]s?)\s+){0,3}$",
    re.I,
)


def _supposed(sentence: str, mention: DateMention, trigger_at: int) -> bool:
    """A day in a clause after the trigger's, one that supposes or looks ahead, dates no reported
    event: "si las elecciones fueran hoy", "the bill, which will face a vote on Thursday",
    "espera que la Cámara vote el jueves" (the trigger's own clause was read as reported)."""
    start, end = clause_span(sentence, mention.start, mention.end)
    if start <= trigger_at < end or mention.start < trigger_at:
        return False  # a day before the trigger frames the sentence ("Signs on Friday pointed to ...")
    if clause_at(sentence, mention.start) in (Modality.HYPOTHETICAL, Modality.FUTURE):
        return True
    return EXPECTING.search(sentence, 0, start) is not None


def _background(unit: str, found: list[tuple[EventRule, int]]) -> bool:
    """A vague past period ("en los años ochenta", "for decades") makes an undated report background,
    unless it sits in a relative clause after the trigger: in "froze the accounts of a network that
    began operating in the 1980s" the period is the network's, and the freezing is reported."""
    period = HISTORY.search(unit)
    if period is None:
        return False
    at = min(trigger_at for _, trigger_at in found)
    return not (at < period.start() and RELATIVE.search(unit, at, period.start()))


def _setting(text: str, hit: re.Match[str]) -> bool:
    """A meeting named as where something was said ("Petro said during a summit of leaders on
    Sunday", "declaró en una reunión con ministros") is the telling's occasion; the sentence reports
    what was said, not the meeting."""
    return not _is_verb(hit) and SETTING.search(text, 0, hit.start()) is not None


def _nonfinite(text: str, hit: re.Match[str]) -> bool:
    """A trigger verb in an infinitive or a gerund after "from" names an action sought, allowed or
    barred, not one that happened: "powers to destroy vessels", "block Trump from launching military
    operations", "para atacar". An order's infinitive is the act ordered ("ordered the agencies to
    suspend cooperation"). A noun a verb of preventing or allowing governs ("to prevent further
    strikes", "autorizar ataques") names acts sought or barred too, and one listed among options
    ("options including strikes on land") acts considered."""
    word = hit.group(0).split()[0].lower()
    before = text[: hit.start()]
    if re.search(r"\bto\s+$", before, re.I):
        ordered = ORDERED.search(before) is not None
        return not ordered and not word.endswith(("s", "ed")) and word != "struck"
    if re.search(r"\bfrom\s+$", before, re.I):
        return word.endswith("ing")
    if not _is_verb(hit) and (GOVERNED_NOUN.search(before) or PLANNED_NOUN.search(before)):
        return True
    return bool(NONFINITE_ES.search(before)) and re.search(r"(?:ar|er|ir)(?:l[oa]s?|se)?$", word) is not None


def _event(
    ctx: ArticleContext,
    index: int,
    entity_id: str,
    rule: EventRule,
    summary: str,
    day: str | None,
    period: DateMention | None,
) -> StatementEntity:
    origin = ctx.origin(index)
    event = ctx.new_entity("Event", entity_id, index)
    event.add("name", f"{rule.mode}: {day}" if day else rule.mode, origin=origin)
    event.add("keywords", [f"plover:{rule.plover}", f"mode:{rule.mode}"], origin=origin)
    event.add("summary", summary.strip(), origin=origin)
    _add_dates(event, day, period, origin)
    return event


def _add_places(
    event: StatementEntity, where: list[Mention], places: Mapping[str, GazetteerEntry], origin: str
) -> None:
    for place in where:
        event.add("location", place.canonical or place.text, origin=origin)
        entry = places.get(name_key(place.canonical or place.text))
        country = entry.country if entry is not None else country_named(place.text)
        if country:
            event.add("country", country, origin=origin, quiet=True)


def _units(sentence: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """The parts of a sentence that report one event each: a chronology's clauses ("el 2 de
    septiembre ...; el 15 de septiembre ...; el 19 ...") when it dates more than one of them, else
    the whole sentence."""
    bounds = [0, *(m.end() for m in re.finditer(r";", sentence)), len(sentence) + 1]
    clauses = [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]
    dated = [c for c in clauses if any(c[0] <= d.start and d.end <= c[1] and d.point for d in dates)]
    return clauses if len(dated) >= 2 else [(0, len(sentence))]


def _as_period(mention: DateMention) -> DateMention:
    """A month or a year alone ("in October", "earlier in 2025") is the period an event fell in, not
    its day: news names a month for background ("a similar vote in October"), and a timeline must
    not pin such an event to a day it never had."""
    if mention.point and len(mention.value) < len("2025-01-01"):
        return replace(mention, until=mention.value)
    return mention


def _closed_days(period: DateMention | None) -> bool:
    """A span between two calendar days ("entre el 5 y el 8 de septiembre", "from Sept. 5 to Sept. 8");
    a relative week ("publicada esta semana") is when something came out, and its Sunday may not
    have come yet: no fieldwork's last day."""
    return (
        period is not None
        and period.until is not None
        and len(period.value) == len(period.until) == len("2025-01-01")
        and period.value != period.until
        and not RELATIVE_WEEK.fullmatch(period.text)
    )


def _opened_on(period: DateMention) -> bool:
    """ "Since September 2, US strikes have killed 66", "desde el 3 de enero": a series counted from
    a calendar day began with an event on that day (a month or a weekday is no such anchor)."""
    return (
        period.since
        and period.until is None
        and len(period.value) == 10
        and any(c.isdigit() for c in period.text)
    )


def _days(text: str, dates: list[DateMention]) -> list[str]:
    """The first day the text gives, and those coordinated with it ("the 14th and 16th", "el 29 de
    octubre y el 1 de noviembre"): one event each. Other dates in the text are context."""
    points = [d for d in dates if d.point]
    if not points:
        return []
    days = [points[0].value]
    for before, after in pairwise(points):
        if not COORDINATION.fullmatch(text[before.end : after.start]):
            break
        days.append(after.value)
    return list(dict.fromkeys(days))


def designation_event(ctx: ArticleContext, announcement: Announcement) -> tuple[EventMatch, StatementEntity]:
    """A designation act as an event: its day (or undated), its parties involved, its state."""
    index = announcement.sentence
    origin = ctx.origin(index)
    entity_id = ctx.derived_id("event", str(index), "designation")
    event = ctx.new_entity("Event", entity_id, index)
    day = announcement.date
    event.add("name", f"designation: {day}" if day else "designation", origin=origin)
    event.add("keywords", ["plover:SANCTION", "mode:designation"], origin=origin)
    event.add("summary", ctx.sentence_text(index).strip(), origin=origin)
    if day and len(day) < len("2025-01-01"):  # "designated in February 2025": a period (see _as_period)
        _add_dates(event, None, DateMention(day, 0, 0, day, False, day), origin)
    else:
        _add_dates(event, day, None, origin)
    if announcement.country:
        event.add("country", announcement.country, origin=origin, quiet=True)
    for party in announcement.parties:
        event.add("involved", party, origin=origin)
    return EventMatch(index, "designation", "SANCTION", entity_id, day), event


def _dates_of(sentence: str, hits: list[re.Match[str]], dates: list[DateMention]) -> list[DateMention]:
    """The dates of the event the triggers name: all the sentence's ("On Monday, US forces struck a
    boat"), but only their own clauses' when every trigger recalls earlier events from inside a
    prepositional phrase ("met the family of a fisherman killed in one of the strikes") or name the
    campaign ("until Washington stops the attacks"). A relative date inside a quotation ("'Today,
    I'm announcing ...'") counts from a day the quote does not give: no date."""
    dates = _quoted_relative_days(sentence, dates)
    when = [d for hit in hits for d in dates if WHEN_CLAUSE.fullmatch(sentence, d.end, hit.start())]
    if when:
        return when[:1]  # "el pasado 3 de marzo, cuando el Gobierno declaró ...": the day before "cuando"
    if hits and all(PRESENT_PERFECT.search(sentence, 0, hit.start()) for hit in hits):
        # "where the US has carried out multiple strikes, ..., Hegseth said on Thursday": a present
        # perfect in a relative clause takes no past day (only "today" or a period)
        return [d for d in dates if not d.point or TODAY.search(d.text)]
    if hits and all(_judged(sentence, hit) for hit in hits):
        # "Lawmakers on Monday criticised the boat strikes": the campaign judged, on the day of judging;
        # only a day after the acts' noun dates them, not one after another verb ("las dudas sobre el
        # primer ataque ... aumentaron el lunes")
        end = max(hit.end() for hit in hits)
        clause_end = clause_span(sentence, end - 1, end)[1]
        return [
            d
            for d in dates
            if end <= d.start
            and d.end <= clause_end
            and not SPANISH_FINITE_PAST.search(sentence, end, d.start)
        ]
    recalled = [hit for hit in hits if _recalls(sentence, hit)]
    if not hits or len(recalled) < len(hits):
        return dates
    own = []
    for hit in recalled:
        start, end = clause_span(sentence, hit.start(), hit.end())
        own += [d for d in dates if start <= d.start and d.end <= end and d not in own]
    return own


def _quoted_relative_days(sentence: str, dates: list[DateMention]) -> list[DateMention]:
    """ "'Yesterday, our forces struck a camp,' the minister wrote on Wednesday": a relative day inside a
    quotation counts from the day the quote was said, when the sentence gives it (and that day dates
    the saying, not the event); with no such day it is unknowable and dropped."""
    quoted = [d for d in dates if RELATIVE_DAY.search(d.text) and is_quoted(sentence, d.start)]
    if not quoted:
        return dates
    said = next(
        (
            d
            for d in dates
            if d not in quoted and d.point and len(d.value) == 10 and not is_quoted(sentence, d.start)
        ),
        None,
    )
    if said is None:
        return [d for d in dates if d not in quoted]
    base = date.fromisoformat(said.value)
    told = [
        replace(d, value=value) for d in quoted if (value := resolve(d.text, base, "en", "past")) is not None
    ]
    return [d for d in dates if d not in quoted and d is not said] + told


def _reported_speech(
    text: str, rule: EventRule, hits: list[re.Match[str]], dates: list[DateMention]
) -> list[DateMention]:
    """ "Trump confirmó este domingo que sostuvo una llamada ... el pasado 28 de noviembre": a day
    before the "that" of a speech verb dates the telling; the event told in the clause after it has
    the days of that clause. A call disclosed on a day ("disclosed Wednesday that he engaged in a
    telephone conversation ... ten days earlier") is not dated by the disclosure, nor is an act told
    in the pluperfect ("announced on Friday that forces had struck a boat"): it came before the telling.
    Else an act told in the simple past is the day's news ("said on Tuesday that their meeting was
    cordial", "informó este lunes que sostuvo un encuentro"); a day in a relative clause on the speaker
    dates neither."""
    told = SPEECH_THAT.search(text)
    if told is None or not hits or any(h.start() < told.end() for h in hits):
        return dates
    after = [d for d in dates if d.start >= told.end()]
    _start, clause_end = clause_span(text, hits[0].start(), hits[0].end())
    if (
        after
        or PLUPERFECT.search(text, told.end(), hits[0].end())
        or EARLIER.search(text, told.end(), clause_end)
    ):
        return after
    # "a lawmaker who saw the footage on Thursday said it showed a strike": a day in a relative clause
    # on the speaker dates what the speaker did, neither the telling nor the act told
    return [d for d in dates if not (d.end <= told.start() and _in_relative_clause(text, d))]


# the attribution a sentence closes with: ", dijo este miércoles la presidenta", ", the official said Friday"
TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:(?:[\w’'.-]+\s+){{0,6}}?(?:{ATTRIBUTION_EN})|{ATTRIBUTION_ES})\b[^,;]*$", re.I
)


def _before_attribution(text: str, hits: list[re.Match[str]], dates: list[DateMention]) -> list[DateMention]:
    """The dates less those in the attribution a sentence closes with, where they date the telling,
    not an event the sentence recalls by its noun in a prepositional phrase before it ("rescatar al
    sobreviviente de un ataque ..., dijo este miércoles la presidenta"); an act told with its verb or
    as the sentence's subject ("forces struck a boat, Hegseth said Tuesday", "the strike killed three,
    the Pentagon said Tuesday") is the day's news, as after "said that"."""
    closing = TRAILING_ATTRIBUTION.search(text) if dates else None
    if closing is None or not all(
        hit.end() <= closing.start() and not _is_verb(hit) and RECALLED_NOUN.search(text, 0, hit.start())
        for hit in hits
    ):
        return dates
    return [d for d in dates if d.start < closing.start()]


# an event's noun inside a prepositional phrase recalls it: "el sobreviviente de un ataque", "victims of the strike"
RECALLED_NOUN = re.compile(
    r"\b(?:de|del|of|from|after|tras|since|desde|over|about|sobre)\s+(?:(?:un|una|el|la|los|las|the|a|an|this|that|"
    r"ese|esa|este|esta|these|those|estos|estas)\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _in_relative_clause(text: str, mention: DateMention) -> bool:
    """The date's clause is opened by a relative pronoun ("who saw it on Thursday", "que lo vio el jueves")."""
    start, _end = clause_span(text, mention.start, mention.end)
    return any(m.end() == start for m in RELATIVE.finditer(text, max(0, start - 10), start))


def _is_verb(hit: re.Match[str]) -> bool:
    """A trigger said with a past verb ("struck", "atacó", "imposed sanctions"), not a noun."""
    word = hit.group(0).split()[0]
    return (
        word.lower() in ("struck", "hit", "sank", "sent")
        or re.search(r"(?:ed|ó|aron|ieron)$", word, re.I) is not None
    )


def _dates_another_event(text: str, rule: EventRule, mention: DateMention) -> bool:
    """The date sits in a relative clause on another event's noun, away from this rule's trigger:
    in "33% approve of the attack, according to a poll that ended on Monday", Monday is the poll's,
    and in "the poll, which closed on Monday as the buildup went on" too (the clause ends where a
    subordinate one begins). A day said in the possessive dates its own noun: "after Sunday's
    election" dates the election, not the sanctions of its sentence ("Tuesday's strike" is a strike's)."""
    if rule.mode != "strike" and DONE_OPERATION.search(text, max(0, mention.start - 80), mention.start):
        return True  # "43% approved of the military action carried out on January 3": the action's day
    if _state_lasted(text, rule, mention):
        return True
    possessed = POSSESSIVE_DAY.match(text, mention.end)
    if possessed is not None:
        return not rule.trigger.search(possessed.group(0))
    start, end = clause_span(text, mention.start, mention.end)
    opened = RELATIVE_OPENING.search(text, 0, start)
    subordinate = SUBORDINATOR.search(text, mention.end, end)
    end = subordinate.start() if subordinate is not None else end
    if opened is None or rule.trigger.search(text, start, end):
        return False
    antecedent = text[opened.start(1) : opened.start(2)]
    return any(other.trigger.search(antecedent) for other in EVENT_RULES if other is not rule)


def _state_lasted(text: str, rule: EventRule, mention: DateMention) -> bool:
    """An open period right after a participle other than the rule's trigger says how long a state
    has lasted, not when the event happened: "relaciones diplomáticas, suspendidas desde 2019" in a
    sentence on a meeting ("suspended since October 2" still dates a suspension)."""
    if not mention.since or mention.until is not None:
        return False
    state = STATE_SINCE.search(text, max(0, mention.start - 40), mention.start)
    if state is None or not (state.group(2) or SINCE.match(mention.text)):
        return False
    return rule.trigger.fullmatch(state.group(1)) is None


def _judged(sentence: str, hit: re.Match[str]) -> bool:
    """Acts that are the topic of a doubt ("questions mount over the strikes"), or a campaign (a
    definite plural) that a verb of judging or inquiring governs ("condemned the strikes on Tuesday"
    is Tuesday's condemnation)."""
    if _is_verb(hit):
        return False
    before = sentence[: hit.start()]
    return DOUBTED.search(before) is not None or (
        hit.group(0).endswith("s") and JUDGED.search(before) is not None
    )


def _recalls(sentence: str, hit: re.Match[str]) -> bool:
    """A noun trigger after a preposition and a definite determiner ("in the boat strikes", "de los
    ataques"), or a definite plural ("the strikes", "los ataques": the campaign); a verb ("voted",
    "atacó") always reports."""
    word = hit.group(0)
    if _is_verb(hit):
        return False  # a verb, alone or with its object ("imposed sanctions"): it reports
    before = sentence[: hit.start()]
    if PHONE.match(word) and DEFINITE_ONE.search(before):
        return True
    return ANAPHORIC.search(before) is not None or (
        word.endswith("s") and DEFINITE.search(before) is not None
    )


def _add_dates(event: StatementEntity, day: str | None, period: DateMention | None, origin: str) -> None:
    """The sentence's day as ``date``, its period as ``startDate``/``endDate``; neither: undated."""
    if day:
        event.add("date", day, origin=origin)
    if period is not None:
        event.add("startDate", period.value, origin=origin)
        if period.until:
            event.add("endDate", period.until, origin=origin)
    if not day and period is None:
        event.add("keywords", UNDATED, origin=origin)
