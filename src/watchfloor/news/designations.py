"""Designations as reported: "the State Department designated X, Y and Z as FTOs", "OFAC sanctioned
X", "Paraguay designó al Cartel de los Soles como organización terrorista", a Federal Register notice.

Each sentence with a designation verb (designate, list, label, classify, sanction, add, include,
designar, declarar, sancionar, incluir, inscribir, catalogar) is an *act*. Its parties are the names
the verb governs: the coordinated noun phrase after an active verb, split on commas, "and"/"y" and
acronym parentheses (so a list member the NER missed still comes out); the subject of a passive;
an inline or bullet list after a colon; the list a later sentence gives ("The eight groups are ...");
members named after a programme ("other FTOs including X and Y", recalled, not announced); one group
per member of a list sharing a plural head ("los carteles de Sinaloa y del Golfo", "the Sinaloa and
Gulf cartels"); the same parties for each state a comparison names ("tal como lo han hecho Argentina y
Ecuador", recalled, as is an act told in the pluperfect). A party
is a name, never an authority, a programme, a country, a common noun, a phrase governed by a
preposition ("the head of Tren de Aragua") or an alias ("or LNFM").

Its programmes are the sentence's (FTO, SDGT, SDN, an executive order, RePET; "terrorist
organization" alone is a terrorist list unless a US act continues the article's programme), a
sanction verb's SDN. Its actor is the state or US body before the verb (each state of a coordinated
subject), or the passive agent, or a pseudo-cleft's focus ("the country that designated X was
Canada"), or the act's just before when the sentence goes on with it ("también incluyeron a Y"),
else the article's last: the authority is a ministry or the
state's government, the country its ISO code; the US only when a US body acts or the programme is
a US one. Hypotheticals, urges, proposals, negations and gerunds naming the idea are no acts
(``ctx.modality`` when the context has it, and a local guard).

Dates: ``listingDate`` is the announcement (a date in the act's sentence, a notice's "Dated:",
else publication); ``startDate`` the effective date ("effective Nov. 24", "entrará en vigor el 24
de noviembre", "took effect on ...", "goes into effect upon publication", the day of publication in
the Federal Register or a gazette, "will designate X on Nov. 24"), from the act's sentence or a
later one while the act is the last read (a later, amended date supersedes), or just before it.

One party designated under several programmes in one act (FTO and SDGT together) is *one*
Sanction with both programmes; the same party designated by another authority or country, or under
programmes named apart (SDGT in July, FTO in November), is another Sanction.

The result is an FtM ``Sanction`` with ``status="reported"``: news is allegation, not official
status (see ``watchfloor.model.designation``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from followthemoney.statement import StatementEntity
from number_parser import parse_number

from watchfloor.news import dates as news_dates
from watchfloor.news.context import ArticleContext, is_quoted
from watchfloor.news.dates import find_dates, resolve
from watchfloor.news.gazetteer import ARMED_GROUP, ORGANISATION_WORDS, country_named
from watchfloor.news.language import KIN_WORDS, LEADER_WORDS, PLURAL_KIN_WORDS, RANK_ABBREVIATIONS, words
from watchfloor.news.mentions import Mention, entity_id, name_key
from watchfloor.news.modality import ATTRIBUTION, REPORTED_WOULD, Modality, as_told, sentence_modality

# --- programmes -------------------------------------------------------------------------------

PROGRAMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "FTO",
        re.compile(
            r"foreign\s+terrorist\s+organi[sz]ations?|\bFTOs?\b|\bOTEs?\b|"
            r"organizaci[oó]n(?:es)?\s+terroristas?\s+extranjeras?",
            re.I,
        ),
    ),
    (
        "SDGT",
        re.compile(
            r"specially\s+designated\s+global\s+terrorists?|\bSDGTs?\b|"
            r"(?:E\.\s?O\.|Executive\s+Order|Orden\s+Ejecutiva)\s*(?:No\.\s*)?13224|"
            r"terroristas?\s+globales?\s+especialmente\s+designad\w*",
            re.I,
        ),
    ),
    (
        "SDN",
        re.compile(
            r"specially\s+designated\s+nationals?|\bSDN\b|nacionales\s+especialmente\s+designados|"
            r"lista\s+clinton|blocked\s+persons|"
            r"lista\s+de\s+(?:personas|entidades|individuos)(?:\s+y\s+\w+)?\s+bloquead[oa]s",
            re.I,
        ),
    ),
    ("RePET", re.compile(r"\bRePET\b|registro\s+p[uú]blico\s+de\s+personas\s+y\s+entidades", re.I)),
    # the State Department's public designation of officials for corruption or gross violations of
    # human rights under Section 7031(c) of its appropriations act: the persons and their close
    # family become "ineligible for entry into the United States" (not a blocking by the Treasury)
    (
        "7031(c)",
        re.compile(
            r"\b(?:section\s+|secci[oó]n\s+)?7031\s?\(c\)|"
            # the ground that section names: "designated as significantly corrupt"
            r"\bsignificantly\s+corrupt\b|\bsignificativamente\s+corrupt[oa]s?\b|"
            r"\b(?:generally\s+)?ineligible\s+for\s+entry\s+(?:in)?to\s+the\s+(?:United\s+States|U\.S\.)|"
            r"\binelegibles?\s+para\s+(?:el\s+)?(?:ingres(?:o|ar)|entrar?|la\s+entrada)\s+(?:a|en)\s+(?:los\s+)?"
            r"(?:Estados\s+Unidos|EE\.?\s?UU\.?)",
            re.I,
        ),
    ),
    # the Treasury's programme for corruption and human-rights abuse (blocking, on the SDN list)
    (
        "GLOMAG",
        re.compile(
            r"\bglobal\s+magnitsky\b|\bmagnitsky\s+global\b|\bley\s+magnitsky\b|\bGLOMAG\b|"
            r"(?:E\.\s?O\.|Executive\s+Order|Orden\s+Ejecutiva)\s*(?:No\.\s*)?13818",
            re.I,
        ),
    ),
    # the Kingpin Act's list: "as a Specially Designated Narcotics Trafficker", "Narcotraficante
    # Especialmente Designado de conformidad con la Ley Kingpin"
    (
        "SDNTK",
        re.compile(
            r"specially\s+designated\s+narcotics?\s+traffickers?|\bSDNTKs?\b|"
            r"narcotraficantes?\s+especialmente\s+designad[oa]s?|\bKingpin\s+Act\b|\bLey\s+Kingpin\b|"
            r"significant\s+foreign\s+narcotics?\s+traffickers?|narcotraficantes?\s+(?:extranjer[oa]s?\s+)?importantes?|"
            # "designó el viernes como narcotraficantes a X", "designó a X como narcotraficante": the Kingpin
            # Act's listing as Spanish reports it (the class, before its object or closing the clause)
            r"\bcomo\s+narcotraficantes?\b(?=\s+(?:a|al)\s|\s*[.,;]|\s+(?:y|e)\s)",
            re.I,
        ),
    ),
)
EXECUTIVE_ORDER = re.compile(
    r"\b(?:E\.\s?O\.|Executive\s+Order|Orden\s+Ejecutiva)\s*(?:No\.\s*)?(\d{5})", re.I
)
TERROR_LIST = re.compile(
    r"\bterroris[tm]\w*|\bterroristas?\b|\bterrorismo\b|\bterror\s+(?:list|group|organi[sz]ation|designation)s?\b", re.I
)
# what an asset freeze holds: "congeló las cuentas / los fondos", "froze the assets"
_FROZEN_ES = r"(?:(?:las|los)\s+)?(?:cuentas|bienes|activos|fondos)"
_FROZEN_EN = r"(?:the\s+|any\s+|all\s+)?(?:U\.S\.\s+|US\s+)?(?:assets|accounts|funds|property)"
# a Spanish asset freeze or travel ban as what is imposed: "una congelación de activos"
_FREEZE_OR_BAN_ES = (
    r"(?:una\s+)?(?:congelaci[oó]n\s+de\s+(?:sus\s+)?(?:bienes|activos|fondos)|prohibici[oó]n\s+de\s+viaj(?:e|ar|es))"
)
SANCTION_CONTEXT = re.compile(
    r"\bsanction|\bsancion|\bOFAC\b|\btreasury\b|\btesoro\b|\bblock|\bblacklist|\blista\s+negra|"
    r"\brestrictive\s+measures|\bmedidas\s+restrictivas|\basset\s+freez\w*|\btravel\s+bans?\b|"
    r"\bcongelaci[oó]n\s+de\s+(?:sus\s+)?(?:bienes|activos|fondos)|"
    # "la lista de bloqueos financieros", "el bloqueo de sus bienes" (not a naval or trade blockade)
    r"\bbloqueos?\s+(?:financier[oa]s|de\s+(?:sus\s+)?(?:bienes|activos|fondos|cuentas))|"
    rf"\bcongel\w*\s+{_FROZEN_ES}|\b(?:froze|freez\w*|frozen)\s+{_FROZEN_EN}",
    re.I,
)
US_PROGRAMS = frozenset({"FTO", "SDGT", "SDN", "SDNTK", "GLOMAG", "7031(c)"})
# Words for a list rather than a programme: they merge with the programme another sentence names.
GENERIC_PROGRAMS = frozenset({"terrorist-list", "SDN", "sanctions"})

# --- verbs ------------------------------------------------------------------------------------

# Active: the parties follow ("designated X", "the designation of X", "sancionó a X").
ACTIVE_VERB = re.compile(
    # An inverted passive names its parties after it: "Also sanctioned were A and B", "Sanctioned were
    # A and B", "También fueron sancionados A y B" (before the bare participle, which it opens with).
    r"\b(?:(?:(?:also|additionally|likewise)\s+|^)(?:sanctioned|designated|listed|targeted)\s+"
    # "Sanctioned by the United States on Friday were A; B; and C"
    r"(?:by\s+[^,;:]{2,60}?\s+)?(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+|today\s+)?"
    r"(?:were|was|are|is)\b)|"
    # "The sanctions ... affect X and Y": the measures' objects are their parties.
    r"\b(?:(?:sanctions|sanciones)\b[^.;:]{0,80}?\b(?:affect|affects|target|targets|targeted|afectan|afectaron|"
    r"alcanzan|alcanzaron|(?:recaen|recayeron|recae|recayó|pesan|pesaban|caen|cayeron)\s+(?:sobre|en)|"
    r"cover|covers|covered|appl(?:y|ies|ied)\s+to|(?:están\s+|fueron\s+|are\s+|were\s+)?(?:dirigidas|aimed|directed)"
    r"\s+(?:a|al|contra|at|against)(?=\s))|"
    # "Las sanciones / restricciones se dirigen a X": the measures' objects
    r"\b(?:sanciones|restricciones)\b[^.;:]{0,80}?\bse\s+dirig(?:en|ieron|e|ió)\s+(?:a|al|contra)(?=\s)|"
    # "Sanctions were also imposed on X", "las sanciones fueron impuestas a X"
    r"(?:sanctions|sanciones)\s+(?:were|was|have\s+been|had\s+been|fueron|han\s+sido)\s+(?:also\s+|también\s+)?"
    r"(?:imposed|levied|impuestas|aplicadas)\s+(?:on|against|a|al|contra|sobre)(?=\s)|"
    # "Las sanciones se impusieron a X", "También se impusieron sanciones a X"
    r"(?:sanciones\s+se\s+(?:impusieron|impuso|aplicaron)|se\s+(?:impusieron|impuso|aplicaron)\s+sanciones)"
    r"\s+(?:a|al|contra|sobre)(?=\s)|"
    r"(?:re-?)?designat(?:e|es|ed|ing)|designations?\s+(?:of|include|includes|are|were|cover)|"
    r"(?:re)?list(?:s|ed|ing)?|label(?:s|ed|led|ling)?|blacklist(?:s|ed|ing)?|classif(?:y|ies|ied|ying)|"
    r"sanction(?:ed|ing)?|"
    # "imposed economic and travel sanctions Monday on", "levied targeted sanctions against"
    # "applied financial measures against A, B", "tomó medidas contra X" (where the article reports sanctions)
    r"(?:applied|applies|took|takes)\s+(?:[\w-]+\s+){0,2}?measures\s+(?:against|on)(?=\s)|"
    r"(?:aplicó|aplica|aplicaron|tomó|toma|tomaron)\s+(?:[\w-]+\s+){0,2}?medidas\s+(?:[\w-]+\s+)?(?:contra|a|al)(?=\s)|"
    r"(?:imposed?|imposes|imposing|levied|levies|announced|announces|announcing|unveiled|slapped|adopted|adopts)\s+"
    r"(?:[\w-]+\s+(?:and\s+)?){0,5}?(?:sanctions|(?:asset\s+)?freezes?|travel\s+bans?|restrictive\s+measures)\s+"
    # "sanctions under the Special Economic Measures Act on X"
    r"(?:under\s+[^,;:]{1,80}?\s+(?=on\b|against\b))?"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)?(?:on|against)|"
    # "placed four companies on its sanctions list", "reconocer a X como organización terrorista"
    r"plac(?:e|es|ed|ing)|recogni[sz](?:e|es|ed|ing)|reconoc(?:er|e|en|ió|ieron|erá|erán)|"
    # a law "defining X and Y as terrorist organizations" (weak: only with its programme after it)
    r"defin(?:e|es|ed|ing|ir|ió|e)(?=\s+[A-ZÁÉÍÓÚÑ]|\s+(?:a|al|the|la|las|los)\s)|"
    # "Con ellos, fueron sancionados A y B": the inverted passive after who it joins
    r"(?:(?:también|además|asimismo)\s*,?\s+|^|^(?:junto\s+)?con\s+(?:ell[oa]s?|est[oa]s?|él)\s*,\s*)"
    r"(?:fueron|fue|han\s+sido|resultaron|quedaron)\s+"
    r"(?:sancionad|designad|incluid|señalad)[oa]s?(?:\s+en\s+(?:la|su|esa|esta)\s+lista(?:\s+negra)?)?|"
    # "One of the figures on the list is X", "En la lista figuran X"
    r"(?:on|in)\s+(?:the|this|that|its)\s+(?:sanctions\s+)?list\s+(?:is|are|was|were)|"
    r"en\s+(?:la|esa|esta)\s+lista\s+(?:(?:también|además)\s+)?(?:figuran?|está|están|aparecen?)|"
    r"sanctions\s+(?:on|against|targeting)|add(?:s|ed|ing)?|declar(?:e|es|ed|ing)|includ(?:e|es|ed|ing)|"
    # "OFAC targeted three companies" (only beside a sanctions word), "agregó a X a la lista".
    r"target(?:s|ed|ing)?|agreg(?:ar|a|ó|aron|ará)|añad(?:ir|e|ió|ieron|irá)|"
    # "puso en la lista negra a X", "colocó en su lista a X": putting on a list (weak: with the list named)
    r"(?:puso|pusieron|pone|ponen|pondrá|poner|coloc(?:ar|a|ó|aron|ará)|(?<!\bse\s)sum(?:ar|a|ó|aron|ará))"
    r"(?=\s+(?:[\w-]+\s+)?(?:en|a)\s+(?:su|la|esa|esta)\s+lista\b|\s+a\s+[^.;:]{2,80}?\s+en\s+(?:su|la|esa|esta)\s+lista\b)|"
    # "Washington put A and B on its terrorist list"
    r"put(?:s|ting)?(?=\s[^.;:]{2,120}?\son\s+(?:its|the|their|a)\s+(?:[\w.-]+\s+){0,3}?(?:list|blacklist)\b)|"
    # "la OFAC boletinó a X" (Colombian press: put on the OFAC list)
    r"boletin(?:ar|a|an|ó|aron|ará)|"
    # "The Treasury on Thursday hit A and B with sanctions"
    r"hit(?:s|ting)?(?=\s[^.;:]{2,160}?\swith\s+(?:[\w-]+\s+){0,3}?(?:sanctions|asset\s+freezes|travel\s+bans)\b)|"
    # OFAC's wording for vessels and aircraft: "identified the vessels A and B as blocked property"
    r"identif(?:y|ies|ied|ying)(?=\s[^.;:]{2,160}?\sas\s+(?:blocked\s+property|property\s+in\s+which))|"
    r"identific(?:a|an|ó|aron)(?=\s[^.;:]{2,160}?\scomo\s+(?:propiedad(?:es)?|bienes)\s+bloquead[oa]s?)|"
    # "Britain proscribed Palestine Action"; "Washington considers the Houthis a terrorist organization"
    # (weak, and only a state's: ``CONSIDERING``)
    r"proscrib(?:e|es|ed|ing|en|ió|ieron|irá)|consider(?:s|a|an)|deems|regards|brand(?:s|ed)|"
    # "el Tesoro fichó a X" (Mexican press: blacklisted; weak: with the programme or in an act's sequel)
    r"fich(?:ar|a|an|ó|aron|ará)(?=\s+(?:[\w-]+\s+){0,2}?(?:a|al)\s)|"
    # (not a law's name: "Ley de Designación de Cabecillas Extranjeros del Narcotráfico")
    r"design(?:ar|a|an|ó|aron|ará|arán|ando|ara|aran)|(?<!ley\sde\s)designaci[oó]n\s+(?:de|del)|"
    r"designaciones\s+(?:incluyen|son)|declar(?:ar|a|an|ó|aron|ará|arán)|clasific(?:ar|a|ó|ará)|"
    r"señal(?:ar|a|ó|aron|ará)|tipific(?:ar|a|an|ó|aron|ará)|catalogu(?:e|es|ed|ing)|nombr(?:ar|ó|aron|ará|arán)|calific(?:ar|a|an|ó|aron|ará|arán)|catalog(?:ar|a|ó|aron|ará|ara|aran|ado)|"
    r"sancion(?:ar|a|an|ó|aron|ará|arán)|"
    # an asset freeze: "congeló las cuentas a diez empresas", "froze the assets of X"
    rf"(?:(?:congel|bloque)(?:ar|a|an|ó|aron|ará|ado)|froze|freezes|freezing|frozen)\s+{_FROZEN_ES}\s+(?:a|al|de|del)(?=\s)|"
    rf"(?:froze|freeze|freezes|freezing|frozen|blocked|blocks|blocking)\s+{_FROZEN_EN}\s+of(?=\s)|"
    # "named the gang a foreign terrorist organization": named, with the programme after the object
    r"nam(?:e|es|ed|ing)(?=\s[^.;:,]{2,80}?\s(?:an?|as\s+an?)\s+(?:[\w-]+\s+){0,2}?(?:terrorist\s+(?:organi[sz]ation|"
    r"group|entity)|FTO\b|SDGT\b|Specially\s+Designated))|"
    r"(?:impuso|impone|imponen|impondrá|impusieron|adoptó|aprobó)\s+(?:(?:el|este)\s+\w+\s+)?(?:nuevas\s+)?"
    # "impuso una congelación de activos y una prohibición de viajar al líder X"
    rf"(?:sanciones|medidas\s+restrictivas|{_FREEZE_OR_BAN_ES}(?:\s+y\s+{_FREEZE_OR_BAN_ES})?)"
    # "impuso sanciones, en virtud de la Ley de Medidas Económicas Especiales, contra X"
    r"(?:\s*,?\s*(?:en\s+virtud\s+de|bajo|conforme\s+a|al\s+amparo\s+de)\s+[^;:]{1,100}?,?)?\s+(?:a|al|contra)(?=\s)|"
    r"sanciones\s+(?:contra|a|al)(?=\s)|"
    r"inclu(?:ir|ye|yen|yó|yeron|irá|yera|yeran|sión\s+(?:de|del))|"
    r"inscri(?:bir|be|bió|bieron|birá|pción\s+(?:de|del))|registr(?:ar|a|ó|aron|ará)|"
    r"incorpor(?:ar|a|ó|ación\s+(?:de|del))|"
    # A Spanish perfect is active: "Noboa había declarado como terrorista a X".
    r"(?:ha|han|había|habían|habría|hemos)\s+(?:ya\s+)?(?:declarado|designado|sancionado|incluido|calificado|"
    r"catalogado|clasificado|inscrito)|"
    # "Among the sanctioned Sinaloa Cartel members was X", "Entre los sancionados funcionarios del CNE está X"
    r"(?:among|entre)\s+(?:the|los|las)\s+(?:sanctioned|designated|sancionad[oa]s|designad[oa]s)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:members|operatives|officials|individuals|people|persons|companies|entities|leaders|miembros|integrantes|"
    r"funcionarios|personas|individuos|empresas|entidades|l[íi]deres)\s+(?:was|were|is|are|est[áa]n?|figuran?|destacan?)\b|"
    # The parties follow a list of those designated: "Among those sanctioned is X", "entre los sancionados está X".
    # "Another of those sanctioned by the Treasury is X", "otra de las personas castigadas es X", "Those
    # sanctioned on Tuesday include A and B", "Los sancionados incluyen a A"
    r"(?:(?:among|entre|(?:an)?other\s+of|one\s+of|otr[oa]\s+de|un[oa]\s+de)\s+(?:the\s+|those\s+|los\s+|las\s+)?|"
    r"(?:^|(?<=,\s))(?:those|the|los|las)\s+(?=(?:\w+\s+){0,2}?\S+\s[^.;:]*?\b(?:include|includes|incluyen)\b))"
    r"(?:individuals\s+|people\s+|persons\s+|personas\s+|individuos\s+|companies\s+|entities\s+|empresas\s+|"
    r"entidades\s+)?(?:(?:now|ahora)\s+)?"
    r"(?:sanctioned|designated|listed|targeted|sancionad[oa]s|designad[oa]s|señalad[oa]s|incluid[oa]s|castigad[oa]s)\s+"
    # the act's agent and day: "by the Treasury on Tuesday", "por el Tesoro este martes"
    r"(?:(?:by|por)\s+(?:the\s+|el\s+|la\s+|los\s+)?[A-ZÁÉÍÓÚÑ][^,;:.]{1,60}?\s+)?"
    r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+|(?:today|hoy|yesterday|ayer)\s+|"
    r"este\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+)?"
    r"(?:is|are|was|were|include|includes|included|está|están|estaba|es|son|fue|fueron|figura|figuran|destaca|"
    r"destacan|incluyen(?:\s+a)?|se\s+encuentran?))\b",
    re.I,
)
# An act's instrument names its parties: "The order also named X", "The Canadian measures - imposed
# under SEMA - name A, B and 38 others", "La medida incluye a X"; with its maker named, it is an act
# of its own ("The Treasury Department's action covers X").
INSTRUMENT = re.compile(
    r"^(?i:the|this|that|these|those|its|la|el|las|los|esta|este|estas|estos)\s+(?:[\w’'.-]+\s+){0,3}?"
    r"(?i:orders?|measures?|sanctions|designations?|list|actions?|moves?|notice|decree|resolution|órdenes|"
    r"orden|medidas?|sanci[oó]n|sanciones|decreto|resolución|lista|designaci[oó]n|inclusi[oó]n|acci[oó]n)\b[^.;:]{0,140}?\s+(?i:also\s+|también\s+)?"
    r"(?i:names?|named|includes?|included|targets?|targeted|covers?|covered|nombra|nombró|incluye|incluyó|"
    r"incluyen|incluyeron|incluía|incluían|cubre|cubría|alcanza|alcanzó|alcanzan|alcanzaron|alcanzaba|alcanzaban|"
    r"afecta|afectó|afectan|afectaron|afectaba|afectaban|affects|affected|designates|designated|sanctions|sanctioned|"
    # "La sanción se extiende a su esposa, X", "The measures extend to X"
    r"(?:se\s+)?extiende(?:n)?\s+a|(?:se\s+)?extendi(?:ó|eron)\s+a|extends?\s+to|extended\s+to|"
    # "Esta acción está dirigida a X", "The action is aimed at X": what the act is directed at
    r"(?:está|están|estaba|estaban|va|van|fue|fueron)\s+dirigid[oa]s?\s+(?:a|contra)|apunta(?:n|ba|ban)?\s+(?:a|contra)|"
    r"(?:is|are|was|were)\s+(?:aimed|directed)\s+at|"
    r"(?:are|were|son|fueron)\s+(?:against|contra))\b"
    r"(?:\s+(?:a|al)\b)?"
)
SANCTIONED_BY = re.compile(r"\b(?:sancionad[oa]s|sanctioned)\s+(?:por|by)\s", re.I)
RANGE_INTRO = (
    r"\b(?i:sancionad[oa]s|designad[oa]s|sanctioned|designated)\b(?:\s+(?i:por|by)\s+[^,;:.—–]{1,40}?)?\s*[,—–]\s*"
    r"(?:(?i:que)\s+)?(?i:van\s+desde|iban\s+desde|ranging\s+from|range\s+from)"
)
RANGE_INTRO_AT_END = re.compile(RANGE_INTRO + "$")  # a list intro (``LIST_INTRO``) that is a range's
# a range's end marks its last party: "desde A hasta B", "from A to B"
RANGE_TO = re.compile(r"\s(hasta|a|to)\s")
# A sentence that lists the parties of the designation just announced ("The eight groups are: ...",
# "La lista de grupos sancionados incluye:").
LIST_INTRO = re.compile(
    r"\b(?i:groups|cartels|organi[sz]ations|gangs|entities|individuals|people|persons|designees|list|"
    r"(?:those|individuals|people)\s+(?:sanctioned|designated|listed|targeted|named|blacklisted)|sancionados|designados|"
    r"afectad[oa]s|señalad[oa]s|"
    r"grupos|c[aá]rteles|organizaciones|bandas|entidades|personas|individuos|empresas|companies|"
    r"officials|funcionarios|leaders|líderes|"
    # the act itself: "La designación de hoy incluye también a", "Today's action includes"
    r"designaci[oó]n(?:\s+de\s+hoy)?|acci[oó]n(?:\s+de\s+hoy)?|(?:today['’]s\s+)?(?:action|designation)|"
    r"lista(?:\s+de\s+\w+(?:\s+\w+)?)?)"
    # "Other officials on the list include", "Los funcionarios de la lista incluyen"
    r"(?:\s+(?i:on|in|de|en)\s+(?i:the|its|this|that|la|esta|esa|su)\s+(?:[\w-]+\s+)?(?i:list|lista))?"
    # "Los seis individuos sancionados por la OFAC incluyen:", "The companies designated today are:"
    r"(?:\s+(?i:sanctioned|designated|listed|included|added|sancionad[oa]s|designad[oa]s|incluid[oa]s|"
    r"añadid[oa]s|agregad[oa]s)(?:\s+(?i:by|por|in|on|to|en|a)\s+[^.:;]{1,80}?)?"
    r"(?:\s+(?i:today|hoy|now|this\s+week|esta\s+semana))?)?"
    r"\s+(?:(?:include|includes|included|consist\s+of|comprise|incluyen|incluye)\b|"
    r"(?:are|were|son|fueron)(?=\s*[:A-ZÁÉÍÓÚ]|\s+(?:the|el|la|los|las)\s))|"
    # "Los cuatro objetivos clave del Tesoro son:", "The individuals targeted today are:": a few words
    # between the noun and its verb only when a colon opens the list.
    r"\b(?i:targets|objetivos|individuals|individuos|personas|people|entities|entidades|companies|empresas|"
    r"sancionad[oa]s|designad[oa]s)(?:\s+[\w’']+){1,4}?\s+(?i:are|were|son|fueron|include|incluyen)(?=\s*:)|"
    # "Dentro de los nuevos sancionados por el bloque europeo están A; B", "También están A; B": the
    # parties of the act just read, a list whose items may carry their roles
    r"\b(?i:dentro\s+de|entre)\s+(?i:los|las)\s+(?i:nuev[oa]s\s+)?(?:[\w-]+\s+)?(?i:sancionad[oa]s|designad[oa]s)"
    r"(?:\s+(?i:por|de)\s+[^.;:]{1,60}?)?\s+(?i:est[áa]n?|figuran?|se\s+encuentran?|destacan?)\b|"
    r"\b(?i:también|además)\s+(?i:est[áa]n|figuran|se\s+encuentran)\b|"
    # "Those included in the 'blacklist' of the Treasury are A, B", "Los incluidos en la lista negra son A"
    r"\b(?i:those|the\s+(?:people|individuals|persons))\s+(?i:included|added|listed|sanctioned|designated)\s+"
    r"(?i:in|on|to)\s+[^.;:]{1,60}?\s+(?i:are|were)\b|"
    r"\b(?i:los|las)\s+(?i:incluid[oa]s|añadid[oa]s|agregad[oa]s)\s+(?i:en|a)\s+[^.;:]{1,60}?\s+(?i:son|fueron)\b|"
    # "Los sancionados por el Tesoro son A y B", "Those sanctioned by the EU are A and B"
    r"\b(?i:los|las|those)\s+(?i:sancionad[oa]s|sanctioned)\s+(?i:por|by)\s+[^.;:,]{1,60}?\s+(?i:son|fueron|are|were)"
    r"(?=\s*[:A-ZÁÉÍÓÚ]|\s+(?:el|la|los|las|the)\s)|"
    # "The four gang leaders named by Treasury are A, B", "Los seis mexicanos sancionados ayer son A":
    # any plural noun the act's participle qualifies, then a copula and the list.
    r"\b(?i:the|los|las)\s+(?:[\w-]+\s+){0,3}?[\w-]+s\s+(?i:named|sanctioned|designated|listed|targeted|"
    r"sancionad[oa]s|designad[oa]s|señalad[oa]s|nombrad[oa]s|incluid[oa]s)"
    r"(?:\s+(?i:by|por)\s+[^:;]{1,80}?)?(?:\s+(?i:today|yesterday|hoy|ayer|this\s+week|esta\s+semana))?"
    r"\s+(?i:are|were|son|fueron)(?=\s*[:A-ZÁÉÍÓÚ]|\s+(?:the|el|la|los|las)\s)|"
    # "These include:", "Estos son:": a pronoun's list only when a colon opens it.
    r"\b(?i:these|they|those|estos|estas|ellos|ellas)\s+(?i:include|are|were|incluyen|son|fueron)(?=\s*:)|"
    # "These include Interior Minister X, ...": "include" needs no colon, its object is the list.
    r"^(?:These|They|Those|Estos|Estas|Ellos|Ellas)\s+(?i:include|included|incluyen|incluían)\b|"
    # "Also named were A, B and C", "También fueron sancionados A y B": an inverted passive, the
    # parties after it.
    r"^(?i:also|además|también|asimismo)\s*,?\s+(?i:named|designated|sanctioned|targeted|listed|included|"
    r"(?:fueron|fue)\s+(?:sancionad[oa]s?|designad[oa]s?|incluid[oa]s?|señalad[oa]s?))"
    # "Also designated Tuesday was X"
    r"(?:\s+(?:on\s+)?(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
    r"(?:\s+(?i:were|was|are|is))?\b|"
    # "The new targets are A, B and C", "Los nuevos objetivos son A y B": the act's parties, no colon
    # "The targets of today's designations are A and B", "Los objetivos de las sanciones son A y B"
    r"^(?i:the|los|las)\s+(?:(?i:new|other|latest|nuev[oa]s|otr[oa]s)\s+)?(?i:targets|objetivos|designees)\s+"
    r"(?:(?i:of|de)\s+(?:[\w’'-]+\s+){0,3}?(?i:designations?|sanctions|actions?|designaci[oó]n|designaciones|"
    r"sanci[oó]n|sanciones|medidas?)\s+)?"
    r"(?i:are|were|include|included|son|fueron|incluyen)\b(?=\s+[A-ZÁÉÍÓÚÑ]|\s+(?:the|el|la)\s)|"
    # "En el ámbito judicial, fueron sancionados el fiscal A y el juez B": an inverted passive after a
    # fronted phrase, the act's parties after it
    r"^(?i:en|in|por|on|dentro\s+de)\s+[^,;:]{1,40},\s*(?i:fueron|fue)\s+(?i:sancionad[oa]s?|designad[oa]s?|incluid[oa]s?)\b|"
    # "Junto a ellos, A; B", "asciende a 55 personas, entre ellas a A y a B": more of the act's parties.
    r"^(?i:junto\s+a\s+(?:ell[oa]s|est[oa]s)|along\s+with\s+them)\s*,|"
    r",\s+(?i:entre\s+(?:ell[oa]s|est[oa]s))(?=\s+(?:a\s+)?(?:l[oa]s?\s+|el\s+)?[\w]*\s*[A-ZÁÉÍÓÚÑ])|"
    # "La OFAC identifica a los barcos como A, B", "identified the vessels as A, B": the act's parties
    r"\b(?i:identific(?:a|an|ó|aron)\s+a\s+(?:los|las)|identif(?:ies|ied)\s+the)\s+(?:[\w-]+\s+){1,3}?(?i:como|as)\b|"
    # "They were named as A, B and C", "Fueron identificados como A y B": who the act just read counted
    r"^(?i:they|these|those)\s+(?i:were|are)\s+(?i:named|identified)\s+as\b|"
    r"^(?:(?i:ell[oa]s|est[oa]s)\s+)?(?i:fueron|son)\s+(?i:identificad[oa]s|nombrad[oa]s)\s+como\b|"
    # "La cuarta sancionada es X", "The fourth company designated is X"
    r"^(?i:la|el|the)\s+(?:[\w-]+\s+){0,2}?(?i:sancionad[oa]|designad[oa]|sanctioned|designated)\s+(?i:es|fue|is|was)\b|"
    # "Los otros cinco son A, B", "The other four are", "The other three people now sanctioned are A",
    # "The other company is X", "Están incluidos también los siguientes ministros: A"
    r"^(?i:los|las|the)\s+(?i:otr[oa]s|other)\s+(?:\w+\s+){0,4}?(?i:son|fueron|están|are|were)\b|"
    r"^(?i:la|el|the)\s+(?i:otr[oa]|other)\s+(?:\w+\s+){1,3}?(?i:es|fue|is|was)(?=\s+[A-ZÁÉÍÓÚÑ])|"
    r"^(?i:están|estaban|fueron|quedaron)\s+(?i:incluid|sancionad|designad)[oa]s\b(?:\s+(?i:también|además))?"
    r"(?:\s+en\s+(?:la|su|esa|esta)\s+lista(?:\s+negra)?)?|"
    # "Completan la lista A y B", "La lista la completan A y B", "Rounding out the list are A and B"
    r"^(?i:completan|cierran)\s+(?i:la|esa|esta)\s+(?i:lista)\b|^(?i:la|esa|esta)\s+(?i:lista)\s+(?i:la\s+)?"
    r"(?i:completan|cierran)\b|^(?i:rounding\s+out|completing)\s+the\s+list\s+(?i:are|is|were|was)\b|"
    # "Los sancionados —que van desde el ministro A hasta B—", "Those sanctioned, ranging from A to B"
    rf"{RANGE_INTRO}|"
    # "Others are A and B", "Los demás son A y B", "Those mentioned in the network include A": more of
    # the parties of the act just read
    r"^(?i:others|otr[oa]s|l[oa]s\s+demás)\s+(?i:are|were|include|included|son|fueron|incluyen)\b|"
    r"^(?i:those|the\s+(?:people|individuals|persons))\s+(?i:mentioned|named|identified)\s+"
    r"(?:(?i:in|by)\s+[^.;:]{1,80}?\s+)?(?i:include|includes|included|are|were)\b|"
    # "Se trata de A y de su hermano B", "A ellos se suman C y D": who the act just read counted.
    r"^(?i:se\s+trata\s+de|a\s+(?:ell[oa]s|est[oa]s)\s+se\s+(?:suman|une|unen|agregan|añaden))\b|"
    # "También figura X, jefe financiero del clan": one more party of the act just read.
    r"^(?i:también|además|asimismo)\s+(?i:figuran?|aparecen?|está|están)\b|"
    # "Aparecen, además, los gobernadores A, del estado Vargas; B": the verb first, then its adverb
    r"^(?i:figuran?|aparecen?|están|se\s+encuentran)\s*,?\s+(?i:también|además|asimismo)\b\s*,?|"
    rf"{INSTRUMENT.pattern}|"
    # "The most prominent official on the European list is X", "El primer nombre de la lista es X"
    r"\b(?i:officials?|persons?|names?|figures?|individuals?|funcionari[oa]s?|personas?|nombres?)\s+"
    r"(?i:on|in|de|en)\s+(?i:the|its|this|that|la|esta|esa|su)\s+(?:[\w-]+\s+)?(?i:list|lista)\s+"
    r"(?i:is|are|was|were|es|son|fue|fueron)\b(?=\s+[A-ZÁÉÍÓÚÑ])|"
    # "Among those companies are A, B", "Entre ellas están X": the act's parties, named after it.
    r"^(?i:among|entre)\s+(?i:them|those|these|the|ell[oa]s|est[oa]s|l[oa]s)\b(?:\s+[\w’']+){0,3}?\s+"
    r"(?i:are|were|is|was|están|estaban|figuran|se\s+encuentran?)\b|"
    # "El otro narco sancionado fue identificado como X", "the third person designated was identified as X"
    r"\b(?i:sancionad[oa]s?|designad[oa]s?|sanctioned|designated)\s+(?i:fue|fueron|was|were)\s+"
    r"(?i:identificad[oa]s?\s+como|identified\s+as)(?=\s+[A-ZÁÉÍÓÚ])|"
    # "son nueve los sancionados por parte de Los Chapitos:", "these are the six designated:": the
    # copula before the counted participle, a colon opening the list.
    r"\b(?i:son|fueron|are|were)\s+(?:\w+\s+){0,2}?(?i:los|las|the)\s+(?i:sancionad[oa]s|designad[oa]s|"
    r"sanctioned|designated)\b[^:.]{0,80}(?=:)|"
    # "The suspects, A, B and C, all run ...", "Los tres sancionados, A y B, ...": the people a counted
    # act named no one of, named by a sentence opening on them with a list in apposition.
    r"^(?:The|Los|Las)\s+(?:\w+\s+)?(?i:suspects|men|women|individuals|brothers|siblings|defendants|designees|"
    r"sospechosos|hombres|mujeres|individuos|hermanos|acusados|sancionados|designados)(?=,\s+[A-ZÁÉÍÓÚ])",
)
# Parties named as members of a programme: "other FTOs including Tren de Aragua and the Sinaloa Cartel".
PROGRAM_ENUM = re.compile(
    r"\b(?:FTOs?|OTEs?|SDGTs|foreign\s+terrorist\s+organi[sz]ations|terrorist\s+organi[sz]ations|"
    r"organizaciones\s+terroristas(?:\s+extranjeras)?)(?:\s+designad[oa]s)?(?:\s+by\s+the\s+U\.?S\.?)?,?\s+"
    r"(?:including|such\s+as|like|among\s+them|como|incluidas|incluyendo|entre\s+ellas)\b",
    re.I,
)
# A US programme as a title before the name: "the Foreign Terrorist Organization (FTO) Tren de Aragua",
# "la OTE Tren de Aragua", "the U.S.-designated terrorist group MS-13" (the party follows; recalled).
PROGRAM_TITLE = re.compile(
    r"\b(?:the|la|el|of|del|de\s+la|a\s+la|al)\s+(?:(?:U\.?S\.?|US)[-\s]designated\s+)?"
    r"(?:foreign\s+terrorist\s+organi[sz]ation|FTO|OTE|SDGT|organizaci[oó]n\s+terrorista\s+extranjera|"
    r"(?<=designated\s)(?:terrorist|terror)\s+(?:group|organi[sz]ation|gang|cartel))"
    r"(?:\s*\((?:FTO|OTE)\))?(?=\s+[A-ZÁÉÍÓÚÑ])",
    re.I,
)
# "X is a (U.S.-designated) Foreign Terrorist Organization", "X es una Organización Terrorista
# Extranjera": what X is under a US programme; the subject before is the party (recalled).
COPULA_PROGRAM = re.compile(
    r"\b(?:is|are|was|were|remains|es|son|sigue\s+siendo)\s+(?:now\s+|ahora\s+)?(?:an?|una?)\s+"
    r"(?:(?:U\.?S\.?|US)[-\s]designated\s+)?"
    r"(?=foreign\s+terrorist\s+organi[sz]ation|FTO\b|OTE\b|organizaci[oó]n\s+terrorista\s+extranjera|"
    r"specially\s+designated\s+global\s+terrorist|SDGT\b)",
    re.I,
)
# "Trump declaró que el cartel de los Soles es un grupo terrorista": a state organ's declaration that a
# named group is a terrorist one; the complement clause's subject is the party.
DECLARED_THAT = re.compile(
    r"\b(?:declar(?:ó|aron|ed|es|e)|(?:ha|han|había|habían|has|have|had)\s+declar(?:ado|ed)|determin(?:ó|aron|ed))"
    r"\s+(?:that|que)\s+",
    re.I,
)
THAT_PREDICATE = re.compile(
    r"\s*(?:is|are|was|were|es|son|era|eran|constituye|constituyen)\s+(?:an?|una?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:terroris|FTO\b|OTE\b)",
    re.I,
)
# Words for a sanctions list after a weak verb: "placed X on its sanctions list", "added X to the blacklist".
SANCTIONS_LIST = re.compile(
    r"\bsanctions?\s+list|\blist\s+of\s+sanctions|\blista\s+de\s+sancion|\bblacklist|\blista\s+negra|\bSDN\b|"
    # "to the growing list of Venezuelan officials sanctioned", "a la lista de funcionarios sancionados"
    r"\blist\s+of\s+(?:[\w-]+\s+){0,4}?(?:sanctioned|designated|blocked)\b|"
    r"\blista\s+de\s+(?:[\w-]+\s+){0,4}?(?:sancionad|designad|bloquead)[oa]s\b|\blista\s+de\s+bloqueos?\b|"
    # "its list of persons subject to restrictive measures"
    r"\blist\s+of\s+(?:[\w-]+\s+){0,4}?subject\s+to\s+(?:restrictive\s+measures|sanctions)|"
    r"\blista\s+de\s+(?:[\w-]+\s+){0,4}?sujet[oa]s\s+a\s+(?:medidas\s+restrictivas|sanciones)|"
    # a sanctions body's list by its keeper: "la lista de la OFAC", "la lista del Tesoro", "OFAC's list"
    r"\blista\s+(?:de\s+la\s+|del\s+)(?:OFAC|Oficina\s+de\s+Control\s+de\s+Activos|(?:Departamento\s+del\s+)?Tesoro)\b|"
    r"\b(?:the\s+)?(?:OFAC|Treasury)(?:['’]s)?\s+list\b|\blist\s+of\s+(?:the\s+)?(?:OFAC|Office\s+of\s+Foreign\s+Assets)\b",
    re.I,
)
# A verb phrase naming the measures themselves: a sanction's programme.
MEASURE_WORDS = re.compile(
    r"sanc|restrictiv|freez|travel\s+ban|\bmedidas\b|\bmeasures\b|congelaci[oó]n|prohibici[oó]n\s+de\s+viaj", re.I
)
FREEZE_VERB = re.compile(r"congel|froze|freez|bloque|block", re.I)
# A sanctioning body's own list: "la OFAC incluyó en su lista a X", "Treasury added X to its list"
OWN_LIST = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:en|a|on|to)\s+(?:su|sus|its|their)\s+(?:\w+\s+)?lista?s?\b", re.I)
# The list a weak verb puts its object on, before the object, in a sentence about sanctions: "el Tesoro
# incluyó en la lista de narcotraficantes a X", "agregó a la lista de bloqueos financieros a X".
_MONTH = rf"(?:{news_dates.EN_MONTHS}|{news_dates.ES_MONTHS})"
# What may stand between a verb and its object, or open the object: an adverb ("formally", "ya"), a day
# ("on Tuesday", "el pasado lunes", "el 5 de mayo"), a month ("in March", "a finales de marzo de 2025")
_FILLER = (
    r"(?:formally|officially|today|yesterday|now|also|oficialmente|formalmente|hoy|ayer|anteayer|"
    r"también|además|ya),?\s+|"
    rf"(?:on|this|last|el|este|esta)\s+(?:pasado\s+)?(?:{news_dates.EN_DAYS}|{news_dates.ES_DAYS})"
    r"(?:\s+\d{1,2}(?:\s+de\s+\w+)?)?,?\s+|"
    r"(?:el\s+)?(?:próximo\s+|pasado\s+)?\d{1,2}\s+de\s+[a-z]+(?:\s+de\s+\d{4})?,?\s+|"
    r"on\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?,?\s+|"
    rf"(?:a\s+(?:principios|mediados|finales)\s+de|en|in|early|late)\s+{_MONTH}"
    r"(?:\s+de\s+\d{4}|\s+\d{4}|\s+de\s+(?:este|ese)\s+año)?,?\s+"
)
LISTED_FIRST = re.compile(
    # (a day may come first: "incluyó ayer en la Lista Clinton a X", "agregó este lunes a la lista a X")
    rf"\s+(?:{_FILLER})*(?:en|a)\s+(?:(?:la|esa|esta|dicha)\s+lista|(?:el|ese|este|dicho)\s+listado)\b",
    re.I,
)
# Members a counted or generic object names after it: "otras estructuras criminales como A y B",
# "four companies, including A and B".
EXAMPLES = re.compile(
    r"\s*,?\s*(?:such\s+as|including|like|among\s+them|como|incluyendo(?:\s+a)?|incluid[oa]s|"
    r"entre\s+ell[oa]s)\s+",
    re.I,
)
# the list an object was put on, between the object and its members: "to its sanctions list"
LIST_PLACE_AFTER = re.compile(
    r"\s+(?:to|on|onto|in|a|en)\s+(?:the|its|their|la|su|sus)\s+(?:[\w’'-]+\s+){0,6}?(?:list|lista|listado)\b", re.I
)
# "Tren de Aragua, MS-13 and the Sinaloa cartel are among the groups the US has designated": the
# parties precede, the designation follows.
AMONG_REACH = 120  # characters after "among" within which what they are among is said
AMONG = re.compile(
    r"\b(?:are|is|were|was|son|es|están|figuran)\s+(?:now\s+)?(?:among|entre|one\s+of|uno\s+de|una\s+de)\b"
    rf"(?=[^.;]{{0,{AMONG_REACH}}}\b(?:designat|sanction|listed|designad|sancionad|incluid))",
    re.I,
)
# Passive and reduced relatives: the parties precede ("X was designated", "X, designated in 2019").
PASSIVE_VERB = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been|fue|fueron|es|son|"
    # "were also designated", "son los otros sancionados"
    r"ha\s+sido|han\s+sido|será|serán|sido|quedó|quedaron)\s+"
    r"(?:(?:los|las|the)\s+(?:otr[oa]s|dem[aá]s|nuev[oa]s|other|new|remaining)\s+|\w+\s+)?(?:(?:U\.?S\.?|US)[-\s])?|"
    r",\s*(?:(?:which|who)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?|"
    r"(?:que|quien)\s+(?:es|son|fue|fueron|ha\s+sido|han\s+sido)\s+(?:también\s+)?|"
    # ", a US-designated terrorist group", ", an al-Qaeda affiliate designated as an FTO in 2018"
    r"an?\s+(?:(?!designated\b)[\w.'’-]+\s+){0,3}?(?:U\.?S\.?[-\s])?"
    r"(?=designated(?:\s+as)?\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:terror|FTO|SDGT|Foreign|Specially))|"
    r"(?:an?\s+|una?\s+)?(?:organi[sz]ation|organizaci[oó]n|group|grupo|gang|banda|cartel|c[aá]rtel)\s+|"
    # "The Sinaloa Cartel and CJNG, both designated as FTOs": what each of the names before is
    r"(?:both|all|each|ambos|ambas|todos|todas)\s+)?)"
    r"(?:(?:re-?)?designated|listed|labell?ed|classified|sanctioned|blacklisted|designad[oa]s?|clasificad[oa]s?|"
    r"declarad[oa]s?|sancionad[oa]s?|incluid[oa]s?|inscrit[oa]s?|registrad[oa]s?|identified|identificad[oa]s?|incorporad[oa]s?|added|targeted|"
    # "is considered a terrorist group by the US", "was branded a specially designated global terrorist",
    # "was proscribed in 2021"
    r"considered|deemed|regarded|considerad[oa]s?|branded|proscribed|proscrit[oa]s?|"
    r"añadid[oa]s?|agregad[oa]s?|boletinad[oa]s?|"
    # "was also named for sanctions": named, where the sanctions follow
    r"named\s+(?:for|in|on|under)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:sanctions|designation|list))\b",
    re.I,
)
# Joining a party already listed: "His wife, X, also joined him on the blacklist", "se sumó a la lista".
JOINED_LIST = re.compile(
    r"(?:,\s*)?\b(?:also\s+)?join(?:s|ed)\s+(?:him|her|them|it)\s+on\s+(?:the|that|this|its)\s+"
    r"(?:(?:sanctions|SDN|OFAC)\s+)?(?:blacklist|list)\b|"
    r"(?:,\s*)?\b(?:también\s+)?se\s+sum(?:ó|aron|a|an)(?=\s+a\s+(?:la|esa|esta)\s+lista\b)|"
    # "X también aparece en la lista de sancionados", "X figura en la lista negra", "X also appears on the
    # sanctions list": the party is on the list the act keeps
    r"\b(?:(?:also|también|además)\s+)?(?:appears?|appeared|figura|figuran|figuraba|aparece|aparecen|aparecía)\s+"
    r"(?:(?:also|también|además)\s+)?(?:en|on|in)\s+(?:la|el|the|its|su|dicha|dicho)\s+"
    r"(?:(?:OFAC|SDN|sanctions|U\.?S\.?)\s+)?(?:lista|listado|list|blacklist)\b",
    re.I,
)
# An existing listing told in passing, its party before it: "X has been under US sanctions since 2020",
# "X, which is already facing US sanctions", "X, bajo sanciones de EE.UU. desde 2008".
UNDER_SANCTIONS = re.compile(
    r"(?:,\s*(?:which|who|que|quien)\s+|,\s*(?=(?:already\s+|ya\s+)?(?:under|bajo)\s))?"
    r"(?:\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?|está|están|estaba|estaban|"
    r"ha\s+estado|han\s+estado|sigue|siguen)\s+)?"
    r"(?:(?:already|ya|now)\s+)?(?:(?:under|(?:placed|put)\s+under|slapped\s+with|facing|hit\s+with|subject\s+to|bajo|"
    # "now face US sanctions" (not "tourists face sanctions under the new law": a body's sanctions)
    r"(?:faces?|faced)(?=\s+(?:U\.?S\.?|US|American|OFAC|Treasury)\s|"
    # "now face sanctions under Executive Order 14059": an order's sanctions are a body's
    r"\s+sanctions\s+under\s+(?:Executive\s+Order|E\.\s?O\.)))\s+"
    r"(?:(?:U\.?S\.?|US|American|OFAC|Treasury)\s+)?(?:sanctions|sanciones)|"
    # "has been on the U.S. sanctions list since 2017"
    r"(?:(?:put|placed)\s+)?on\s+(?:the|a|its)\s+(?:(?:U\.?S\.?|US|American|OFAC|Treasury|UN|U\.N\.|EU)\s+)?"
    r"(?:sanctions\s+list|blacklist)|"
    # "is on the US list of terrorist organizations", "on the State Department's list of foreign terrorist
    # organizations"
    r"on\s+(?:the|a)\s+(?:(?:U\.?S\.?|US|American|State\s+Department['’]s|EU|European\s+Union['’]s|UN)\s+)?"
    r"list\s+of\s+(?:foreign\s+|designated\s+)?terrorist\s+(?:organi[sz]ations|groups|entities))\b",
    re.I,
)
# The act said of its party in the possessive: "X's designation as an SDGT takes effect Monday", "X's
# listing as a terrorist entity was announced" (not "the State Department's designation of X": its maker's)
POSSESSIVE_ACT = re.compile(
    r"['’]s\s+(?:(?:FTO|SDGT|terrorist|terror|sanctions)\s+)?(?:designation|listing|blacklisting|proscription)"
    r"(?=\s+(?:as|takes|took|was|is|will|came|comes|became)\b)",
    re.I,
)
# OFAC's class for a blocked party's vessels and aircraft: it names their blocking, as a programme would.
BLOCKED_PROPERTY = re.compile(r"\b(?:as|como)\s+(?:blocked\s+property|(?:propiedad(?:es)?|bienes)\s+bloquead[oa]s?)\b", re.I)
# The law a listing is made under names its programme: "listed X under the Special Economic Measures Act"
UNDER_LAW = re.compile(r"^[^.;:]{0,80}?\bunder\s+(?:the\s+|its\s+)?(?:[A-Z][\w’'-]*\s+){1,6}(?:Act|Code|Regulations?)\b")
# a sanctions law: what is listed under it is sanctioned ("the Special Economic Measures Act", "the
# Sanctions and Anti-Money Laundering Act", "the Magnitsky Act")
SANCTIONS_LAW = re.compile(
    r"\b(?:Special\s+Economic\s+Measures|Sanctions(?:\s+and\s+Anti-Money\s+Laundering)?|(?:Global\s+)?Magnitsky)"
    r"(?:\s+[A-Z][\w-]*){0,4}\s+(?:Act|Regulations?)\b"
)
# Verbs that need the programme or terror words in their own sentence to mean a designation.
WEAK_VERB = re.compile(
    r"^(?:list|relist|label|add|declar|inclu|includ|inscri|incorpor|classif|clasific|calific|señal|catalog|nombr|"
    r"plac|recogni|reconoc|agreg|añad|registr|identif|defin|pus|pon|coloc|sum|fich|tipific|consider|deem|"
    r"regard|brand)",
    re.I,
)
PARTICIPLE = re.compile(
    r"\b(?:sanctioned|designated|listed|sancionad[oa]s|designad[oa]s|señalad[oa]s)\b", re.I
)
# "named by the Treasury": a weaker participle that tells an act only with its agent.
NAMED_BY = re.compile(r"\b(?:named|targeted|nombrad[oa]s)\s+(?:by|por)\b", re.I)
PERFECT = re.compile(r"^(?:ha|han|había|habían|habría|hemos)\s")  # "había declarado": the participle's verb
# Verbs also used for mere words ("X calificó de terroristas a ..."): a designation only when a state
# or US body is their subject.
RHETORICAL_VERB = re.compile(r"^(?:calific|nam(?:e|es|ed|ing)$)", re.I)
# Holding a group for terrorist is a listing only when a state holds it ("is considered a terrorist group
# by the United States"), never an opinion; a brand is one only as a programme's name ("branded a
# specially designated global terrorist", not "branded him a terrorist").
CONSIDERING = re.compile(r"\b(?:consider|deem|regard)", re.I)
BRANDING = re.compile(r"\bbrand", re.I)
PROSCRIBING = re.compile(r"\bproscri", re.I)
# "Target" designates only beside a sanctions word: "OFAC targeted X", not "strikes targeted a boat".
TARGET_VERB = re.compile(r"\btarget", re.I)
# A sentence that goes on with the act just read ("En la declaración, también incluyeron a X"): its
# verb needs no programme of its own, its actor and programmes are that act's.
CONTINUING = re.compile(
    r"\b(?:también|además|asimismo|igualmente|adicionalmente|also|as\s+well|in\s+addition|additionally|likewise|"
    r"(?:en|in)\s+(?:la|esa|esta|the|that|this)\s+(?:declaraci[oó]n|designaci[oó]n|medida|lista|resoluci[oó]n|"
    r"decisi[oó]n|designation|list|decision|move|order|notice))\b",
    re.I,
)
# Ends of the governed noun phrase.
# "son" is Spanish only after no English possessive ("and his son X")
COPULA = r"\s(?:is|are|was|were|has|have|had|will|would|es|(?<!his\s)(?<!her\s)(?<!their\s)son|fue|fueron|ha|han|será|serán)\b"
OBJECT_END = re.compile(
    # "y a su hermano X": the personal "a" before a relative or associate goes on with the object
    # "y a sus respectivos jefes, A y B", "y a su líder, X": the group's leaders (and officers), named after it
    COPULA + rf"|\s(?:a(?!\s+(?:la|las|los)\s)(?!\s+sus?\s+(?:respectiv[oa]s?\s+)?(?:(?:{KIN_WORDS})\b|"
    r"socio|soci[oa]s|lugarteniente|operador|testaferro|jef[ea]s?\b|l[íi]der|cabecilla|dueñ[oa]|propietari[oa]|"
    # "a la fundación X y a su presidente Y, a su representante legal Z": its officers
    r"(?:vice)?president[ea]s?\b|director[ea]?s?\b|gerentes?\b|representantes?\b|secretari[oa]s?\b|tesorer[oa]s?\b|"
    r"fundador[ea]?s?\b|administrador[ea]?s?\b|apoderad[oa]s?\b|contador[ea]?s?\b|abogad[oa]s?\b))|an|un|una)\s+(?=[“\"«‘']?[a-z])|"
    r"\s(?:a|an|una?)\s+(?=(?:Foreign|Specially|Global|Terrorist|FTO|SDGT|Organizaci[oó]n|Organization)\b)|"
    # the class of a small clause with no article: "declared A and B terrorist organizations"
    r"\s(?=(?:foreign\s+|global\s+)?terrorist\s+(?:organi[sz]ations|groups|entities)\b)|"
    r"\s(?:(?<!such\s)(?<!known\s)(?<!well\s)as(?!\s+well\s+as\b)|for|under|to|into|(?<!along\s)(?<!together\s)with|after|following|because|due|(?<!\bof\s)that|which|who|"
    r"whose|over|citing|amid|while|effective|pursuant|on|in|at|last|(?<!\bof\s)this|yesterday|today|"
    r"(?<!así\s)como|por|para|bajo|en|tras|luego|debido|(?<!entre\slos\s)(?<!entre\slas\s)que|quien|quienes|cuyo|cuya|mientras|(?<!junto\s)con|desde|según|"
    rf"a\s+partir|este|esta|hoy|ayer|el\s+(?:pasado\s+)?(?:{news_dates.ES_DAYS}))\b|"
    r"\sa\s+(?:la|su|esta|esa)\s+(?=lista\b)|"  # "agregó a X a la lista de sanciones"
    # the verb after a nominal act's object: "the designation of X takes effect", "la designación de X entra en vigor"
    r"\s(?=(?:takes|took|will\s+take|goes|went|comes|came|entra|entró|entrará)\s+(?:effect|into\s+(?:effect|force)|en\s+vigor)\b)|"
    # the speaker after the object: "the sanctions affect the oil sector, said X"
    rf",\s+(?:{ATTRIBUTION})\b|"
    # "designó a A y B entre la decena de sancionados"
    r"\sentre\s+(?:la|las|los|el)\s+(?:[\w-]+\s+){0,2}?(?:de\s+)?(?:sancionad|designad|señalad)|"
    r"[;:.!?]\s|[;!?]|\.$|—|\s–\s",  # a spaced en dash opens an aside as an em dash does
)
# A list's items may be separated by ";" and carry clauses of their own; the list ends with the sentence.
LIST_END = re.compile(r"\.\s|\.$|[:!?]|\s(?:many|most|all|some|which|who|que|cuyos?|todos)\b|" + COPULA)
TRAILING_CONJUNCTION = re.compile(r"\s*,?\s+(?:and|y|e|or|o)\s*$")
LEADING_OBJECT_MARK = re.compile(
    r"^\s*(?:a\s+(?:la|las|los)\s+|al\s+|a\s+(?=\W?[A-ZÁÉÍÓÚÑ])|"
    # "sancionó a sus hermanos, A y B", "a dos de sus socios": a possessive or counted object.
    r"a\s+(?=(?:su|sus|otr[oa]s|vari[oa]s|esas|esos|estas|estos|dichas|dichos|ambas|ambos|un[oa]|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d+)\s))",
    re.U,
)
# The list a verb puts its object on, written before the object: "incluir en su lista negra a X",
# "added to the SDN list X".
LIST_PLACE = re.compile(
    # the list may be named at length: "en su lista de «nacionales especialmente designados y personas bloqueadas»"
    r"^\s*(?:en|a|on|to)\s+(?:su|la|esa|esta|dicha|the|its|their|el|ese|este|dicho)\s+(?:lista|listado|list)(?:\s+negra|"
    r"\s+de\s+[«\"“]?[^.;:«»\"“”]{1,80}?[»\"”]?|\s+\w+)?,?(?=\s+(?:a|al)\s)",
    re.I,
)
COMO_FIRST = re.compile(
    # "declaró organización terrorista al Tren de Aragua": the programme's noun with no "como" too
    r"^\s*(?:como\b[^.;]*?|(?:(?:organizaci[oó]n|organizaciones|grupos?|entidad|entidades)\s+)?terroristas?(?:\s+\w+)?)"
    r"\s(?=al\s|a\s+(?:la|los|las|otr[oa]s|vari[oa]s|su|sus)\s|a\s+\W?[A-ZÁÉÍÓÚÑ])",
    re.U,
)
LEADING_FILLER = re.compile(rf"^\s*(?:,\s*)?(?:{_FILLER})+", re.I)

# --- parties ----------------------------------------------------------------------------------

PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "el", "of", "the", "da", "do", "dos", "das", "al", "-", "–"}
)
DETERMINERS = re.compile(r"^(?:the|a|an|el|la|los|las|al|a\s+la|a\s+los|a\s+las|a)\s+", re.I)
INCLUDING_WORDS = (
    r"(?:including|such\s+as|among\s+(?:whom|them)(?:\s+(?:are|were|is|was))?|incluid[oa]s|incluyendo|"
    r"entre\s+ell[oa]s|entre\s+(?:los|las)\s+(?:que|cuales)\s+(?:se\s+encuentran?|figuran?|est[áa]n?|destacan?))"
)
INTRODUCER = re.compile(
    rf"\b(?:{INCLUDING_WORDS}|namely|known\s+as|called|named|"
    r"dubbed|denominad[oa]s?|llamad[oa]s?|conocid[oa]s?\s+como)\s+(?:(?:the|el|la|los)\s+)?",
    re.I,
)
NOT_A_NAME_START = re.compile(
    r"^(?:alias|aka|a\.k\.a\.|also\s+known|known\s+as|nicknamed|apodad[oa]|conocid[oa]s?\s+(?:también\s+)?como|"
    r"among\s+(?!them)|antes|formerly|"
    r"previously|f\.?k\.?a\.?|née|nee|anteriormente)\b",
    re.I,
)
# "the head of Tren de Aragua": the party is the head, not the group.
# "all but Cárteles Unidos": an exception, not a party.
PREPOSITION = re.compile(
    r"\b(?:of|de|del|al|for|para|with|con|by|por|from|in|en|to|at|but|except|excepto|salvo|menos|besides|"
    r"other\s+than)\b",
    re.I,
)
DEMONYM = re.compile(r"(?:(?:Latin\s+)?[A-Z][a-záéíóú]+(?:an|ian|ese|ish|ano|ana|ino|ina|eño|eña|ense|ian)\s*)+")
LOWER_HEAD = re.compile(r"cartel|cartels|cártel|gang|group|network|clan|organi[sz]ation|coalition|alliance|faction|militia")
GROUP_DESCRIPTOR = re.compile(
    r"(?:banda|grupo|pandilla)\s+de\s+(?:Los|Las|La|El)\s+|"
    r"(?:coalici[oó]n|alianza|federaci[oó]n|confederaci[oó]n)\s+de\s+(?:bandas|pandillas|grupos|c[aá]rteles|"
    r"organizaciones)(?:\s+[a-záéíóúñ]+){0,2}?\s+"
)
LOWER_HEAD_OF = re.compile(
    r"(?:^|\s)(c[aá]rtel|clan|tren|frente|banda|grupo)\s+(?:de|del)(?:\s+(?:la|los|las|el))?\s+$"
)
# A role in a named body right before a name, with no comma: "al jefe de la Dirección General de
# Inteligencia Militar (DGIM) Hugo Carvajal", "former head of the Federal Police Juan Pérez"
# an office, in the singular or plural, and up to two adjectives: "el comandante estratégico
# operacional de la Fuerza Armada Nacional", "los diputados de la Asamblea Nacional"
_ROLE_OF = (
    r"\b(?:jef[ea]s?|director(?:a|es|as)?|comandantes?|(?:vice)?president[ea]s?|(?:vice)?ministr[oa]s?|"
    r"gerentes?|secretari[oa]s?|fundador(?:a|es|as)?|diputad[oa]s?|magistrad[oa]s?|gobernador(?:a|es|as)?|"
    r"alcaldes?|alcaldesa|fiscal(?:es)?|rector(?:a|es|as)?|senador(?:a|es|as)?|heads?|chiefs?|commanders?|"
    r"(?:vice[- ])?presidents?|ministers?|founders?|directors?|governors?|judges?|justices?)"
    r"(?:\s+[a-záéíóúñ]+){0,3}?\s+(?:de|del|of)\s+(?:(?:la|el|los|las|the)\s+)?"
)
ROLE_OF_BEFORE = re.compile(
    _ROLE_OF + r"[A-ZÁÉÍÓÚÑ][\w-]*"
    r"(?:\s+(?:(?:de|del|la|los|las|of|the|y|and)\s+)*[A-ZÁÉÍÓÚÑ][\w-]*)*(?:\s*\([^()]{1,15}\))?\s*$"
)
# A title written before a person's name, two to five capitalised words to the end of the run
# (particles allowed, "of" not: "General Directorate of Military Counterintelligence" is a body;
# no word that is an adjective in bodies' names too, "General", "Deputy", "Major").
_TITLES = (
    r"President|Vice[- ]President|Minister|Justice|Judge|Magistrate|Director|Governor|Admiral|"
    r"Colonel|Commander|Secretary|Ambassador|Prosecutor|Senator|Mayor|Lieutenant|Captain|"
    r"Chancellor|Commissioner|Presidente|Ministr[oa]|Gobernador[a]?|Diputad[oa]|Magistrad[oa]|Fiscal|"
    r"Coronel|Capit[aá]n|Teniente|Almirante|Comandante|Gral\.|Gen\.|Col\.|Lt\.|Capt\."
)
TITLE_BEFORE_NAME = re.compile(
    rf"\b(?:{_TITLES})\s+(?=[A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+(?:(?:de|del|la|las|los|y)\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]+){{1,4}}\s*$)"
)
# the holder of an office named before a comma: "el comandante de la Fuerza Armada Nacional, NAME"
ROLE_APPOSITION = re.compile(ROLE_OF_BEFORE.pattern.removesuffix(r"\s*$") + r"\s*,\s*$")
# An office, not its holder: a run that is a title alone or a title "of" a body ("Minister of Finance",
# "Brigadier General", "First Lady of Nicaragua", "Director of the Military Institute"), as a release
# lists each party's post after the name; a title before a name ("General Vladimir Padrino") is kept.
OFFICE_NAME = re.compile(
    rf"(?:(?:Former|Deputy|Acting|Vice|Ex)[- ])?(?:{_TITLES}|Brigadier|Major|General|Chief|Head|First\s+Lady|"
    r"Primera\s+Dama|Jef[ea]|Director[a]|Secretari[oa]|Embajador[a]?|Alcalde(?:sa)?|Senador[a]?|Juez[a]?)"
    r"(?:\s+(?:General|Director|Minister|Commander|Secretary))?"
    r"(?:\s+(?:of|de|del|for|para)\b.*)?",
    re.S,
)
# The portfolios of one office, listed after it: "ministro de Interior, Justicia y Paz", "ministro del
# Poder Popular para la Producción": each is the office's, no party
_PORTFOLIOS = (
    r"\b(?:(?:vice)?ministr[oa]s?|(?:vice[- ])?ministers?|secretari[oa]s?|secretary|director(?:a|es|as)?|directors?)"
    r"(?:\s+del\s+Poder\s+Popular)?\s+(?:de|del|of|para|for)\s+(?:(?:la|el|los|las|the)\s+)?"
    r"(?:[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*)*\s*,\s*)*"
)
PORTFOLIO_BEFORE = re.compile(_PORTFOLIOS + r"$")  # after a comma: a portfolio, or the holder ("ministro de Defensa, X")
PORTFOLIO_JOINED = re.compile(  # after "y": the office's last portfolio, whatever the model took it for
    _PORTFOLIOS + r"[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w-]*)*\s*,?\s+(?:y|e|and)\s+$"
)
# the same role right before a run of capitals that names the body and then the person: "former head
# of Haiti's National Palace General Security Unit Dimitri Herard"
ROLE_OF_RUN = re.compile(_ROLE_OF + r"(?:[A-ZÁÉÍÓÚÑ][\w-]*['’]s\s+)?$")
NAME_IN_HEAD = re.compile(r"[A-ZÁÉÍÓÚÑ][\w-]*(?:\s+(?:de|del|la|los|las|of|the)\s+[A-ZÁÉÍÓÚÑ][\w-]*)*")
# ", a designated FTO", ", organización designada como terrorista": an appositive, not a clause.
APPOSITIVE_PASSIVE = re.compile(
    r",\s*(?:an?\s|una?\s|which\s|organi[sz]ation\s|organizaci[oó]n\s|group\s|grupo\s|gang\s|banda\s|c[aá]rtel\s)",
    re.I,
)
# A counted object: "three companies", "a dos de sus socios", "several officials".
COUNT_WORDS = {
    word: number
    for number, spelled in enumerate(
        ("", "", "two dos", "three tres", "four cuatro", "five cinco", "six seis", "seven siete", "eight ocho",
         "nine nueve", "ten diez", "eleven once", "twelve doce")
    )
    for word in spelled.split()
}  # fmt: skip
# a conjunct that counts parties it does not name: "tres reconocidos narcotraficantes", "two other officials"
COUNTED_CONJUNCT = re.compile(
    rf"\s*(?:(?:otr[oa]s|other|more|más)\s+)?(?:\d+|{'|'.join(COUNT_WORDS)})\s+(?:[a-záéíóúñ-]+\s*)+$", re.I
)
# the people and firms an act counts: "six men tied to the cartel", "tres líderes del grupo", "two firms"
COUNTED_PEOPLE = (
    r"individuals|people|persons|officials|members|personas|individuos|funcionarios|miembros|"
    r"men|women|leaders|commanders|operatives|associates|nationals|hombres|mujeres|l[íi]deres|cabecillas|"
    r"dirigentes|comandantes|operadores|integrantes"
)
COUNTED_FIRMS = r"companies|firms|entities|businesses|empresas|compañías|entidades|sociedades"
COUNTED_OBJECT = re.compile(
    rf"\s*(?:a\s+)?(?P<count>\d+|several|vari[oa]s|{'|'.join(COUNT_WORDS)})\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:(?P<firms>{COUNTED_FIRMS})|{COUNTED_PEOPLE})\b",
    re.I,
)
# an act's sentence that ends by counting the parties the next names: "y seis lugartenientes del cártel:"
TRAILING_COUNT = re.compile(
    rf"\b(?P<count>\d+|{'|'.join(COUNT_WORDS)})\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:(?P<firms>companies|firms|entities|empresas|compañías|entidades|sociedades)\b[^:]{0,40}|[\w-]+)\s*:\s*$",
    re.I,
)
# "including", "entre ellos": what follows is read as examples (``INCLUDING``, ``_including``)
INCLUSION_WORD = re.compile(rf"\b{INCLUDING_WORDS}\b", re.I)
# Spanish "e" joins only before an "i" sound ("Colombia e Irán"): before anything else it is part of a
# name ("G9 an Fanmi e Alye", in Haitian Creole)
SPANISH_E = r"e(?=\s+(?:[iIíÍ]|[hH][iIíÍ](?![eEéÉ])))"
SERIES_SEPARATOR = re.compile(rf",\s*(?:and\s+|y\s+|{SPANISH_E}\s+)?|\s+(?:and|y|{SPANISH_E})\s+")
SAME_ACT_REACH = 5  # sentences after an act within which one naming its party tells of the same act
RANK_DOT = re.compile(r"\b(?:" + "|".join(sorted(RANK_ABBREVIATIONS)) + r")\.(?=\s)")
# After a member's place, the list goes on: ", MS-13 in El Salvador", " and Clan del Norte".
LIST_GOES_ON = re.compile(r"(?:,\s*|\s+)(?:(?:and|y|e)\s+)?(?:(?:the|el|la|los|las)\s+)?[A-ZÁÉÍÓÚÑ0-9]")
# An appositive between a passive verb and its subject: ", the wife of Venezuela's president,".
APPOSITIVE_TAIL = re.compile(
    r",\s*(?:(?i:the|an?|his|her|its|their|el|la|los|las|una?|su|sus)\s+[^,;:()]{2,80}|"
    # an alias: "X, conocido como El Tanque, es uno de los sancionados"
    r"(?i:alias|conocid[oa]\s+como|(?:also\s+)?known\s+as|a\.k\.a\.)\s+[^,;:()]{2,60}|"
    # a role without an article, in lower case: "X, jefe de la banda Y, fue sancionado", "X, former
    # defense minister, was sanctioned"
    r"(?!(?:and|or|y|e|o|que|who|which|quien|entre|among|en|in|on|at|by|for|from|with|de|del|por|para|con|"
    r"sin|según|such|including|incluid[oa]s?|como|as|also|también|además|ya|hoy|ayer|today|yesterday)\b)"
    r"[a-záéíóúñ][^,;:()]{2,80}),\s*$"
)
KIN_PLURAL = re.compile(rf"\b(?:{PLURAL_KIN_WORDS})(?:\s+(?:of|de)\s+[^,;]{{1,60}})?\s*,?\s*$", re.I)
# A relative named right after her or his kin word: "his brother X", "y de su hermano X".
KIN_APPOSITION = re.compile(rf"\b(?:su|sus|his|her|their)\s+(?:{KIN_WORDS})\s+$", re.I)
# A relative inside a prepositional phrase, then a comma: the name after it is her or his appositive,
# not another party ("the sons of X's wife, NAME"; "his wife, NAME" names a party and has no "of").
KIN_OF = re.compile(rf"\b(?:of|de|del)\b[^,;]*\b(?:{KIN_WORDS})\s*,\s*$", re.I)
# Relatives a party acts for, then a comma: the names after it are theirs, objects of the preposition
# ("coordinating shipments for his first cousins, A and B"; "with his wife, X" may join the act).
KIN_SERVED = re.compile(
    rf"\b(?:for|para|by|por)\s+(?:his|her|their|su|sus)\s+(?:[\w-]+\s+)?(?:{KIN_WORDS})\s*,\s*$", re.I
)
# A relative of someone named by a role, then a comma: the name after it is the role holder's
# appositive ("hijos del líder del cartel de Sinaloa, NAME"; "the sons of the former cartel boss, NAME").
# After a name ("los hijos del Chapo, A y B") the names are the relatives themselves.
KIN_OF_ROLE = re.compile(
    rf"\b(?:{KIN_WORDS})\s+(?:of|de|del)\b[^,;]*?\b(?:{LEADER_WORDS})\b[^,;]*,\s*$",
    re.I,
)
# A subject that stands for the two groups just named: "Ambas agrupaciones", "Both groups".
BOTH_GROUPS = re.compile(
    r"^(?:ambas|ambos|las\s+dos|los\s+dos|both|the\s+two)\s+(?:organizaciones|agrupaciones|bandas|pandillas|"
    r"grupos|entidades|organi[sz]ations|groups|gangs|cartels|c[aá]rteles)$",
    re.I,
)
ANAPHOR = re.compile(
    r"\b(?:aforementioned|above[- ]named|above[- ]mentioned|said|mencionad[oa]|citad[oa]|dich[oa])\s+"
    r"(?:organi[sz]ation|organizaci[oó]n|group|grupo|entity|entidad)\b",
    re.I,
)
GROUP_WORD = re.compile(
    r"\b(?:organi[sz]aci[oó]n|organi[sz]ation|group|grupo|entity|entidad|cartel|cártel|gang|banda)\b", re.I
)
# A person object pronoun of a designation verb: Spanish clitic before it, English pronoun after it.
CLITIC_BEFORE = re.compile(r"\b(?:lo|la)\s+$", re.I)
PRONOUN_AFTER = re.compile(r"\s+(?:him|her)\b", re.I)
BULLET = re.compile(r"^\s*(?:[-•*·–—▪]|\d{1,2}[.)])\s+(.+?)\s*$")
# A line of a flattened table: opens with a capital, is short, and does not end as a sentence does.
TABLE_ROW = re.compile(r"^\s*[A-ZÁÉÍÓÚÑ][^\n]{2,160}(?<![.!?:;])\s*$")
# A marker a copied page left without its item: it does not end the list.
EMPTY_BULLET = re.compile(r"^\s*(?:[-•*·–—▪]|\d{1,2}[.)])\s*$")
# A company's legal form after its name ("Storelab, S.A. de C.V.", "Acme, Inc."): part of the name, so
# neither its comma separates parties nor its full stops end the phrase.
_DOT = "[.\u2024]"
LEGAL_FORM = re.compile(
    rf"(?<=[\w\u2024.]),\s*(?=(?:S{_DOT}\s?A{_DOT}(?:\s?P{_DOT}\s?I{_DOT})?\s+de\s+C{_DOT}\s?V{_DOT}?|"
    rf"S{_DOT}\s+de\s+R{_DOT}\s?L{_DOT}(?:\s+de\s+C{_DOT}\s?V{_DOT}?)?|S{_DOT}\s?A{_DOT}(?:\s?S{_DOT})?|"
    # a cooperative: "S.C. de R.L. de C.V."
    rf"S{_DOT}\s?C{_DOT}(?:\s+de\s+R{_DOT}\s?L{_DOT})?(?:\s+de\s+C{_DOT}\s?V{_DOT}?)?|"
    rf"S{_DOT}\s?R{_DOT}\s?L{_DOT}?|C{_DOT}\s?A{_DOT}|Inc{_DOT}?|L{_DOT}?L{_DOT}?C{_DOT}?|Ltd{_DOT}?|Limited|"
    rf"Corp{_DOT}?|GmbH)(?!\w))"
)
LEGAL_FORM_DOTS = re.compile(
    r"(?<![\w.])(?:S\.\s?A\.(?:\s?P\.\s?I\.)?\s+de\s+C\.\s?V\.?|S\.\s+de\s+R\.\s?L\.(?:\s+de\s+C\.\s?V\.?)?|"
    r"S\.\s?C\.(?:\s+de\s+R\.\s?L\.)?(?:\s+de\s+C\.\s?V\.?)?|"
    r"S\.\s?A\.(?:\s?S\.)?|S\.\s?R\.\s?L\.?|C\.\s?A\.|Inc\.|L\.L\.C\.|Ltd\.|Corp\.)(?=[\s,;)]|$)"
)
ACRONYM_PARENS = re.compile(r"\([^()]{1,40}\)")
# A longer parenthesis that opens with a name and holds commas lists the members of what it follows
# ("seis miembros de la familia X (A, B y C)"): its brackets separate like commas.
LIST_PARENS = re.compile(r"\((?=[A-ZÁÉÍÓÚÑ][^()]*,)([^()]*)(\)?)")
# quotes, not an apostrophe inside a name ("Fawzi Kan’an", "O'Neill")
QUOTES = re.compile(r"[\"“”«»‘]|(?<![A-Za-zÁÉÍÓÚáéíóúñÑ])['’]|['’](?![a-záéíóúñ])")
TOKEN = re.compile(r"[^\s,]+")
ORG_WORDS = re.compile(
    r"\b(?:cartel|cártel|cárteles|carteles|gang|group|grupo|organi[sz]ation|organizaci[oó]n|front|frente|"
    r"army|ejército|brigade|brigada|mara|tren|familia|clan|unidos|generaci[oó]n|company|compañía|"
    r"corp|inc|"
    r"ltd|s\.a\.|llc|bank|banco)\b",
    re.I,
)
NON_PARTY_WORDS = re.compile(
    r"\b(?:terrorist|terrorista|terroristas|designated|designad[oa]s?|designations?|designaci[oó]n(?:es)?|"
    r"department|departamento|treasury|tesoro|ofac|ministry|ministerio|government|gobierno|"
    r"administration|administración|secretary|secretario|president|presidente|office|oficina|"
    r"register|registro|list|lista|decree|decreto|resolution|resolución|ley|"
    r"boletín|congress|congreso|senate|senado|court|tribunal)\b",
    re.I,
)
# "Transnational Criminal Organizations", "Mexican Financial Institutions": a category or a class
# of parties written with capitals (a headline's), not a party.
GENERIC_PLURAL = re.compile(
    r"\b(?:organizations|organisations|groups|entities|individuals|terrorists|organizaciones|"
    r"grupos|entidades|personas|institutions|instituciones|companies|companias|firms|banks|bancos|"
    r"people|persons|members|miembros|individuos|sujetos)$"
)
# A sanctions category named in full ("la designación de Organización Criminal Transnacional").
CATEGORY = re.compile(
    r"^(?:TCOs?|transnational\s+criminal\s+organi[sz]ations?|organizaci[oó]n(?:es)?\s+criminal(?:es)?\s+"
    r"transnacional(?:es)?|crimen\s+organizado\s+transnacional)$",
    re.I,
)
# Crimes named with capitals ("reasons, including Terrorism, Drug Smuggling, and Human Trafficking"):
# the head noun, last in English and first in Spanish, says the name is a crime, not a party.
CRIMES_EN = words(
    "terrorism smuggling trafficking narcotrafficking laundering extortion kidnapping fraud corruption "
    "racketeering narcoterrorism"
)
CRIMES_ES = words(
    "terrorismo contrabando trafico narcotrafico trata lavado blanqueo extorsion secuestro fraude corrupcion "
    "narcoterrorismo"
)
# "Venezuelan Firm", "Iranian Officials": a headline's capitals on a nationality and a common noun.
GENERIC_NOUN = re.compile(
    r"(?:firms?|compan(?:y|ies)|businessm[ae]n|businesses|officials?|individuals?|nationals?|entities|entity|"
    r"networks?|leaders?|traffickers?|suppliers?|makers?|producers?|brokers?|banks?|empresas?|funcionarios?|"
    r"empresarios?|red(?:es)?|l[ií]deres|narcotraficantes)",
    re.I,
)
# --- actors -----------------------------------------------------------------------------------

_US_NAME = r"\bU\.?S\.?(?!\w)|\bUnited\s+States\b|\bWashington\b|\bEE\.?\s?UU\.?|\bEstados\s+Unidos\b"
US_TREASURY = "US Department of the Treasury"
US_STATE = "US Department of State"
US_BODIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (US_TREASURY, re.compile(r"\btreasury\b|\bOFAC\b|\btesoro\b", re.I)),
    (
        US_STATE,
        re.compile(
            r"state\s+department|department\s+of\s+state|secretary\s+of\s+state|departamento\s+de\s+estado|"
            r"secretario\s+de\s+estado|\bRubio\b",
            re.I,
        ),
    ),
    (
        "United States",
        re.compile(
            _US_NAME
            + r"|\bTrump\b|\bestadounidense\b|\bnorteamericano\b|\bWhite\s+House\b|\bCasa\s+Blanca\b",
            re.U,
        ),
    ),
)
# Other designating states: (ISO code, English name, name and demonym pattern).
STATES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (code, name, re.compile(rf"\b(?:{pattern})\b", re.I))
    for code, name, pattern in (
        ("ar", "Argentina", r"Argentina|argentin[oa]s?|Argentine|Argentinian|Milei"),
        ("py", "Paraguay", r"Paraguay|paraguay[oa]s?|Paraguayan|Santiago\s+Peña"),
        ("ec", "Ecuador", r"Ecuador|ecuatorian[oa]s?|Ecuadorian|Ecuadoran|Noboa"),
        (
            "do",
            "Dominican Republic",
            r"Dominican\s+Republic|Rep[uú]blica\s+Dominicana|dominican[oa]s?|Dominican|Abinader",
        ),
        ("tt", "Trinidad and Tobago", r"Trinidad\s+(?:and|y)\s+Tobago|trinitense|Trinidadian"),
        ("pe", "Peru", r"Per[uú]|peruan[oa]s?|Peruvian"),
        ("co", "Colombia", r"Colombia|colombian[oa]s?|Colombian"),
        ("ca", "Canada", r"Canada|Canadá|canadiense|Canadian|Ottawa"),
        ("gb", "United Kingdom", r"United\s+Kingdom|Reino\s+Unido|British|brit[aá]nic[oa]|Britain|UK|U\.K(?=\.)|London|Londres"),
        ("cr", "Costa Rica", r"Costa\s+Rica|costarricense|Costa\s+Rican"),
        ("gt", "Guatemala", r"Guatemala|guatemaltec[oa]|Guatemalan"),
        ("hn", "Honduras", r"Honduras|hondureñ[oa]|Honduran"),
        ("sv", "El Salvador", r"El\s+Salvador|salvadoreñ[oa]|Salvadoran"),
        ("pa", "Panama", r"Panam[aá]|panameñ[oa]|Panamanian"),
        ("mx", "Mexico", r"M[eé]xico|mexican[oa]|Mexican"),
        ("cl", "Chile", r"Chile|chilen[oa]|Chilean"),
        ("uy", "Uruguay", r"Uruguay|uruguay[oa]|Uruguayan"),
        ("bo", "Bolivia", r"Bolivia|bolivian[oa]|Bolivian"),
        ("br", "Brazil", r"Brazil|Brasil|brasileñ[oa]|Brazilian"),
        ("gy", "Guyana", r"Guyana|guyanés|Guyanese"),
        ("au", "Australia", r"Australia|australian[oa]|Australian"),
        ("nz", "New Zealand", r"New\s+Zealand|Nueva\s+Zelanda"),
        # the full name, the Spanish "UE", or "EU" in English phrasing only: Mexican outlets write
        # "EU" for the United States; the capital stands for the Union's Council
        (
            "eu",
            "European Union",
            r"Council\s+of\s+the\s+European\s+Union|Consejo\s+de\s+la\s+(?:Uni[oó]n\s+Europea|UE)|"
            r"European\s+Union|Uni[oó]n\s+Europea|UE|EU\s+Council|Council\s+of\s+the\s+EU|the\s+EU|Brussels|Bruselas",
        ),
        ("jp", "Japan", r"Japan|Jap[oó]n|japon[eé]s|japonesa|Japanese"),
        ("eg", "Egypt", r"Egypt|Egipto|egipci[oa]|Egyptian"),
        ("il", "Israel", r"Israel|israel[ií]|Israeli"),
        ("ch", "Switzerland", r"Switzerland|Suiza|suiz[oa]|Swiss|Consejo\s+Federal|Federal\s+Council"),
    )
)
# International bodies that list parties themselves; no state's jurisdiction.
UN_SECURITY_COUNCIL = "United Nations Security Council"
INTERNATIONAL_ACTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        UN_SECURITY_COUNCIL,
        re.compile(
            r"\b(?:(?:UN|U\.N\.|United\s+Nations)\s+(?:Security\s+Council|sanctions\s+committee)|"
            r"Consejo\s+de\s+Seguridad(?:\s+de\s+(?:la\s+ONU|las\s+Naciones\s+Unidas))?|Security\s+Council|"
            # the UN named alone acts through its Council's sanctions committees: "the UN added X to its list"
            r"\bU\.?N\.?(?=\s)|\bONU\b|United\s+Nations|Naciones\s+Unidas)",
        ),
    ),
)
# A state acts through its government, president, decree, ministry, court or parliament.
STATE_ORGAN = re.compile(
    r"\b(?:government|gobierno|president|presidente|decree|decreto|ministr\w*|court|tribunal|congress|"
    r"congreso|parliament|parlamento|cabinet|gabinete|executive|ejecutivo|attorney\s+general|"
    r"fiscal[ií]a|canciller[ií]a|foreign\s+ministry|authorities|autoridades|lawmakers|legislators|"
    r"legislature|assembly|senators|diputad[oa]s|legislador(?:es|as)?|asamblea|senador(?:es|as)|"
    r"c[aá]mara)\b",
    re.I,
)
MINISTRY = re.compile(
    r"\b(?:Ministr(?:y|ies)\s+of|[Mm]inisterios?\s+(?:de|del))\s+[A-ZÁÉÍÓÚ][^,;.()]{2,60}?"
    r"(?=\s+(?:dispus|design|inclu|inscrib|decid|resolv|declar|anunci|inform|said|announced|added|listed)|"
    r"[,;.(]|$)",
)
_STATE_NAME = "(?:the\\s+)?(?:" + "|".join([_US_NAME, *(p.pattern for _, _, p in STATES)]) + ")"
# "The United States, Paraguay, Ecuador and Argentina have included ...": one act per state.
COORDINATED_STATES = re.compile(
    rf"({_STATE_NAME}(?:\s*,\s*{_STATE_NAME})*\s*,?\s+(?:and|y)\s+{_STATE_NAME}),?\s+(?:\w+\s+){{0,2}}$",
    re.I,
)
# bodies of states in a list of states ("Estados Unidos, la Unión Europea, la Organización de Estados
# Americanos, Canadá ..."): they keep the list going; they are no state's list themselves
_INTERNATIONAL_BODY = (
    r"(?:Organizaci[oó]n\s+de\s+(?:los\s+)?Estados\s+Americanos|Organi[sz]ation\s+of\s+American\s+States|OEA|OAS|"
    r"(?:Organizaci[oó]n\s+de\s+las\s+)?Naciones\s+Unidas|United\s+Nations|ONU|"
    r"Uni[oó]n\s+Africana|African\s+Union|Liga\s+[ÁA]rabe|Arab\s+League)"
)
_STATE_MEMBER = (
    rf"(?:(?:el|la|the)\s+)?(?:(?:gobierno|government)\s+(?:de|of)\s+)?(?:{_STATE_NAME}|{_INTERNATIONAL_BODY})"
)
_STATE_LIST = rf"{_STATE_MEMBER}(?:\s*,\s*{_STATE_MEMBER})*(?:\s*,?\s+(?:and|y|e)\s+{_STATE_MEMBER})?"
# A passive's agent that coordinates states: "designated as a terrorist organization by the United States,
# Canada and the European Union", "considerados como grupos terroristas por los gobiernos de Estados
# Unidos, Canadá y Perú": one act per state.
AGENT_STATES = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,4}}?(?:by|por)\s+(?:(?:the|los|las)\s+)?(?:(?:governments|gobiernos)\s+(?:of|de)\s+)?"
    rf"({_STATE_LIST})(?![\w-])",
    re.I,
)
ALIKE = re.compile(
    rf"(?:\b(?:tal\s+)?como\s+(?:ya\s+)?lo\s+(?:han|ha|habían|había|hicieron|hizo)(?:\s+hecho)?\s+(?:ya\s+|antes\s+)?|"
    rf"\bal\s+igual\s+que\s+|\b(?:joining|like)\s+)(?P<states>{_STATE_LIST})(?![\w-])|"
    rf"\bas\s+(?P<states_en>{_STATE_LIST})\s+(?:have|has|had|did)(?:\s+(?:already|previously))?(?:\s+done)?\b|"
    # "..., and Peru followed suit in September", "y Perú hizo lo propio"
    rf"(?:,\s*|\s)(?:and|y)\s+(?P<states_suit>{_STATE_LIST})\s+(?:followed\s+suit|did\s+the\s+same|"
    rf"hizo\s+lo\s+(?:propio|mismo)|siguió\s+(?:el\s+ejemplo|sus\s+pasos))",
    re.I,
)
# States that made the same designation, told by reference to the act just read: "the third country
# to do so, following Ecuador", "tres días después de que Paraguay hiciera lo propio", "after Paraguay
# adopted a similar measure", "a similar designation made by the US".
SAME_ACT = re.compile(
    rf"\b(?:do\s+so|did\s+so)\b[^.;]{{0,40}}?\b(?:following|after|tras)\s+(?P<so>{_STATE_LIST})(?![\w-])|"
    rf"(?P<did>{_STATE_LIST})\s+(?:hiciera|hizo|haya\s+hecho|había\s+hecho|hicieron|did|had\s+done|has\s+done)\s+"
    rf"(?:lo\s+propio|lo\s+mismo|the\s+same)(?=\s*(?:[,.;)]|$))|"
    rf"(?P<adopted>{_STATE_LIST})\s+(?:adopted|took|approved|issued|adoptó|adoptara|tomó|tomara|aprobó)\s+"
    rf"(?:a|una)\s+(?:similar\s+(?:measure|designation|decision|step)|(?:medida|designación|decisión)\s+similar)|"
    rf"\b(?:similar\s+designation|designación\s+similar)\s+(?:made\s+|hecha\s+)?(?:by|por)\s+(?P<by>{_STATE_LIST})"
    rf"(?![\w-])|"
    # "Argentina se suma a Estados Unidos, la Unión Europea y Canadá, que tienen a X en su lista",
    # "Paraguay joins the United States and Argentina in designating X"
    rf"\b(?:se\s+suma(?:n|ba)?|se\s+une(?:n)?|joins|joined)\s+(?:a\s+)?(?P<joins>{_STATE_LIST})(?![\w-])",
    re.I,
)
# An act told in the present ("The State Department announces the designation of", "designa",
# "today"): made on the article's own day (its dateline or release date, else publication).
PRESENT_ACT = re.compile(
    r"\b(?:announces|designates|declares|labels|is\s+(?:designating|sanctioning)|today|"
    r"anuncia|designa|declara|sanciona|incluye|hoy)\b",
    re.I,
)
# ("would" of an act that passed the modality checks: a future told in the past)
FUTURE_VERB = re.compile(r"\b(?:will|would|shall|'ll|to|going\s+to|set\s+to|plans\s+to)\s+(?:\w+\s+)?$", re.I)
AFTER_PREPOSITION = re.compile(
    r"\b(?:from|in|of|with|to|by|on|at|de|en|desde|con|a|por|para)\s+(?:the\s+)?$", re.I
)
GERUND_AS_NOUN = re.compile(
    r"(?:^|[;:]|\b(?:said|says|say|that|of|about|on|for|by|whether|than|dijo|dice|que|de|sobre|en)\b)\s*"
    r"(?:\w+ly\s+)?$",
    re.I,
)
# Thanks for an act tell the act: "thanked Paraguay for designating X", "praised Ottawa for listing X".
THANKED_FOR = re.compile(
    r"\b(?:thank\w*|prais\w*|welcom\w*|commend\w*|applaud\w*|congratulat\w*)\s+[^.;:]{1,80}?\s+for\s*$", re.I
)
# A pseudo-cleft names its actor after the copula: "the country that designated X was Canada".
CLEFT_RELATIVE = re.compile(r"\b(?:que|who|which|that)\s+(?:\w+\s+){0,2}$", re.I)
CLEFT_FOCUS = re.compile(
    r"\s(?:fue|fueron|es|son|was|were|is|are)\s+((?:the\s+|el\s+|la\s+)?[^,;.]{0,60})", re.I
)
# The object goes on after an appositive or a place: "sanctioned A, a founder of B, along with two other
# key members: C and D", "incluyó a A en la Lista OFAC, junto con su esposa, B, ...".
ALONG_WITH = re.compile(
    r"(?P<gap>[^;:.]{0,60}?)\b(?:along\s+with|alongside|together\s+with|as\s+well\s+as|junto\s+(?:con|a)|"
    # "al igual que a X": the personal "a" makes X another object, not a state acting alike
    r"así\s+como(?:\s+a)?|al\s+igual\s+que\s+(?=al?\s))\s*(?:[^:;.]{0,60}:\s*)?",
    re.I,
)
# An appositive after the object ("A, a regional commander", "A, un operador"), and the later members
# of the series, each a name after ", and" / ", y" and before a comma or the sentence's end.
APPOSITIVE_OPENS = re.compile(r"\s*(?:a|an|the|un|una|el|la|su|sus|his|her|its)\s+(?=[a-z])")
APPOSITIVE_ITEM = re.compile(
    r",\s*(?:and|y|e)\s+(?:(?:a|al)\s+(?=[A-ZÁÉÍÓÚÑ]))?(?P<item>[A-ZÁÉÍÓÚÑ][^,;:()]{2,60}?)(?=\s*(?:,|\.?$))"
)
# After a counted object, only its programme may come before the members: "as terrorist groups, including".
INCLUDING = re.compile(rf"\s*(?P<programme>(?:as|como)\s+[^,;:.]{{3,60}}?),?\s+{INCLUDING_WORDS}\s+", re.I)
# A passive whose subject only counts its parties names them after it: "Several companies were also
# sanctioned, including A and B", "Otras tres empresas fueron sancionadas, entre ellas A y B".
PASSIVE_INCLUDING = re.compile(
    r"(?P<gap>[^.;:]{0,40}?),\s*(?:including|such\s+as|among\s+them|incluyendo(?:\s+a)?|incluid[oa]s|"
    r"entre\s+ell[oa]s)\s+",
    re.I,
)
CLAUSE_WORD = re.compile(r"\b(?:that|which|who|because|while|que|quien|porque|mientras)\b", re.I)
# An object relative names its party before the actor: "Carteles Unidos, which the U.S. labeled a
# Foreign Terrorist Organization", "el Cartel de los Soles, al que Washington designó ...".
RELATIVE_OBJECT = re.compile(
    r",\s*(?:which|whom|that|que|al\s+que|a\s+la\s+que|a\s+los\s+que|a\s+quien(?:es)?)\s+"
    r"(?P<subject>[^,;:]{2,50}?)\s*$",
    re.I,
)
LIST_REACH = 5  # sentences between an announcement and the list of its parties
NEAR_SUBJECT = 40  # characters before a verb where a bare state name is its subject

# --- modality ---------------------------------------------------------------------------------

# pressing another to act: "pressed Bolivia to list", "es conminado a calificar", "fue instado a
# declarar", "exigió designar", "demanded that" (verbs only: "in response to US demands, Paraguay
# designated X" is an act)
PRESSURE = (
    r"press(?:es|ed|ing)|demand(?:ed|ing)|demands?\s+that|conmin(?:a|an|ó|aron|ad[oa]s?)|instad[oa]s?|"
    r"exig(?:e|en|ió|ieron|id[oa]s?)|presion(?:a|an|ó|aron|ad[oa]s?)"
)
NOT_AN_ACT = re.compile(
    r"\b(?:could|would|might|should|must|urg\w*|calls?\s+(?:on|for|to)|called\s+(?:on|for)|"
    r"calling\s+(?:on|for)|ask\w*|request\w*\s+(?:that|to)|propos\w*|consider\w*|weigh\w*|plans?\s+to|"
    r"planning|threaten\w*|if|whether|unless|bill|push\w*\s+(?:for|to)|wants?\s+to|seek\w*\s+to|not|never|"
    r"no\s+longer|refused|declined|podría|podrían|debería|deberían|debe|deben|pide|piden|pidió|pidieron|"
    r"pedido|insta|instó|instan|instaron|exhort\w*|solicit\w*|propuesta|propone|propuso|proyecto|si|"
    r"evalúa|evalúan|analiza|considera|planea|amenaz\w*|busc\w+|pretend\w+|sought|aimed\s+to|intended\s+to|"
    rf"no|nunca|quiere|quieren|{PRESSURE})\b|n't\b",
    re.I,
)
# What a clause answers or follows has happened, whatever the clause proposes or asks: "proposed
# these changes in direct response to the United States designating eight organizations"
CAUSE_BEFORE = re.compile(
    r"\b(?:(?:in\s+(?:direct\s+)?)?(?:response|reaction|reply)\s+to|(?:en\s+)?(?:respuesta|reacción)\s+(?:directa\s+)?a)\b",
    re.I,
)
# A request, urge or call governs what follows it in its sentence, however far ("se pide al Consejo que
# actualice la lista ... y que además incluya a X", "the resolution calls on the Council, in line with
# ..., to designate X"): what is asked for is not done.
REQUEST_SCOPE = re.compile(
    r"\b(?:pide|piden|pidió|pidieron|pedía|pedían|solicita|solicitan|solicitó|solicitaron|insta|instan|instó|"
    r"instaron|exhorta|exhortan|exhortó|exhortaron|reclama|reclamó|urges?|urged|urging|"
    rf"(?:calls?|called|calling)\s+(?:on|upon|for)|asks?|asked|requests?|requested|{PRESSURE})\b",
    re.I,
)
SUBORDINATE = re.compile(
    r"\b(?:which|who|whom|when|after|once|que|quien|quienes|cuando|tras|después)\b", re.I
)
GRANTED = re.compile(r"\b(?:approv\w*|grant\w*|aprob\w*|concedi\w*|accedi\w*|atendi\w*)\b", re.I)
REQUEST = re.compile(r"request|solicit|pedido|pidi|ask", re.I)
MAY = re.compile(r"\bmay\b")  # lower case: "May 2025" is a month
GUARD_WINDOW = 70  # characters before the verb read for an urge, condition or negation
# a relative clause after the act's parties, which may hedge only itself ("quien sería el enlace")
RELATIVE_ASIDE = re.compile(r",\s*(?:quien|quienes|que|el\s+cual|la\s+cual|cuyo|cuya|which|who|whom|whose)\b", re.I)

# --- dates ------------------------------------------------------------------------------------

EFFECTIVE_CUE = re.compile(
    r"\b(?:effective(?:\s+(?:on|from|as\s+of))?|(?:takes?|took|taking)\s+effect(?:\s+on)?|"
    r"(?:goes|go|went|going)\s+into\s+effect(?:\s+on)?|became\s+effective(?:\s+on)?|"
    r"(?:come|comes|came|enter|enters|entered)\s+into\s+force(?:\s+on)?|a\s+partir\s+del?|"
    r"entr(?:a|ará|arán|ó|aron|an)\s+en\s+vigor(?:\s+el)?|con\s+efecto\s+(?:a\s+partir\s+)?del?|"
    r"efectiv[oa]s?\s+(?:a\s+partir\s+)?del?|vigente\s+desde(?:\s+el)?)\s*",
    re.I,
)
# An FTO designation takes effect when the Federal Register publishes it (INA section 219).
GAZETTE = re.compile(
    r"\b(?:Federal\s+Register|Registro\s+Federal|Bolet[ií]n\s+Oficial|Gaceta\s+Oficial|Registro\s+Oficial|"
    r"Diario\s+Oficial|Official\s+Gazette)\b(?:\s+\([^)]{0,30}\))?",
    re.I,
)
PUBLISHED = re.compile(r"\bpublish|\bpublica", re.I)
FUTURE_WORDS = re.compile(r"\b(?:will|set\s+to|to\s+be|scheduled|será|espera|próxim)", re.I)
EFFECTIVE_GAP = re.compile(r"(?:\s*,?\s*(?:mañana|tomorrow|el|on|this|next|este|próximo|the)\b)*\s*", re.I)
# "Las pesquisas se endurecieron a partir del 20 de febrero, cuando Washington designó ...": the date
# then tells when the act of the "when" clause happened, and the "from" belongs to the main clause.
WHEN_CLAUSE = re.compile(r"\s*,?\s*(?:cuando|when)\b", re.I)
DESIGNATION_WORD = re.compile(
    r"\b(?:designa|list|label|terror|sanc|RePET|decree|decreto|decision|decisi[oó]n|measure|medida)", re.I
)


@dataclass(frozen=True)
class _Party:
    entity_id: str
    name: str
    schema: str
    mentioned: bool  # the NER found it: its entity exists already


@dataclass(frozen=True)
class _Actor:
    authority: str | None
    country: str | None


@dataclass
class _Designation:
    party: _Party
    programs: list[str]
    actor: _Actor
    sentences: list[int] = field(default_factory=list)
    listing_date: str | None = None
    start_date: str | None = None
    start_sentence: int | None = None


@dataclass
class _Act:
    """One sentence's designation: the parties its verb governs, under its programmes, by its actor."""

    sentence: int
    parties: list[_Party]
    programs: list[str]
    actor: _Actor
    designations: list[_Designation] = field(default_factory=list)
    announced: str | None = None  # the day the act was made, when the text says
    effective_hint: tuple[str, int] | None = None  # "will designate X on November 24"
    continues: bool = False  # lists the parties of the act before it ("The eight groups are ...")
    recalled: bool = False  # names parties of a programme in passing ("other FTOs including X")
    origin: int | None = None  # the sentence of the act a continuing list names the parties of


@dataclass(frozen=True)
class Announcement:
    """Designations an actor made on one day (or on a day the text does not say), as the article
    reports them: what the timeline shows as one designation event."""

    sentence: int  # the first sentence that reports it
    date: str | None
    parties: tuple[str, ...]  # entity IDs
    authority: str | None
    country: str | None


@dataclass(frozen=True)
class ActSentences:
    """Where an act (reported or recalled) is told: the sentences that may give its ground ("for
    their support of the FARC") or describe its parties ("13 Sinaloa Cartel members"), i.e. its own
    and that of the act whose parties it lists, and the parties (entity IDs)."""

    sentences: tuple[int, ...]
    parties: tuple[str, ...]  # those the act's own sentence names, not an anaphor's ("the network")
    people: tuple[str, ...] = ()  # the parties that are persons


@dataclass(frozen=True)
class DesignationReading:
    """An article's reported designations (Sanction entities, and parties the NER missed) and the
    acts that made them."""

    entities: list[StatementEntity]
    announcements: list[Announcement]
    acts: list[ActSentences] = field(default_factory=list)


# --- programmes and actors --------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _programme_names(sentence: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """(programme code, spans of its names) for each programme, in ``PROGRAMS`` order: the
    readers of a sentence ask for its programmes several times."""
    return tuple((name, tuple(m.span() for m in pattern.finditer(sentence))) for name, pattern in PROGRAMS)


def _programs(sentence: str) -> list[str]:
    """Programme codes a sentence names; an executive order only when no programme is named."""
    found = [name for name, spans in _programme_names(sentence) if spans]
    if not found:
        found = [f"E.O. {m.group(1)}" for m in EXECUTIVE_ORDER.finditer(sentence)][:1]
    return found


def _state_actor(text: str, bare_within: int | None) -> _Actor | None:
    """The last state named in ``text`` with an organ of state ("el gobierno de Paraguay", "Argentina's
    government", "Abinader firmó un decreto"), or bare within ``bare_within`` characters of its end
    (the subject right before the verb: "Paraguay designated")."""
    best: tuple[int, _Actor] | None = None
    for code, name, pattern in STATES:
        for match in pattern.finditer(text):
            if text.startswith("-", match.end()):
                continue  # "Mexico-based FTOs": where a group is based, not who designates
            organ = STATE_ORGAN.search(text[max(0, match.start() - 40) : match.end() + 40])
            bare = (
                bare_within is not None
                and len(text) - match.end() <= bare_within
                and not AFTER_PREPOSITION.search(text[: match.start()])
            )
            if (organ is not None or bare) and (best is None or match.start() > best[0]):
                ministry = MINISTRY.search(text)
                government = name if code == "eu" else f"Government of {name}"  # a union, no government
                authority = f"{ministry.group(0).strip()} ({name})" if ministry else government
                best = (match.start(), _Actor(authority, code))
    for authority, pattern in INTERNATIONAL_ACTORS:  # a body of states acts itself, with no organ
        for match in pattern.finditer(text):
            if best is None or match.start() > best[0]:
                best = (match.start(), _Actor(authority, None))
    return best[1] if best else None


def _us_actor(text: str) -> _Actor | None:
    """The most specific US body named in ``text``, the one named last when several are ("the Treasury
    sanctioned X, and the State Department designated Y")."""
    specific = [(_last_at(text, [p]), authority) for authority, p in US_BODIES[:-1]]
    position, authority = max(specific)
    if position >= 0:
        return _Actor(authority, "us")
    return _Actor(US_BODIES[-1][0], "us") if US_BODIES[-1][1].search(text) else None


FOLLOWED_STATE = re.compile(
    r"\s+(?:(?:joined|joins|se\s+uni[óo]\s+a|se\s+sum[óo]\s+a|siguió\s+a|following|follows)\s+"
    r"(?:the\s+|los\s+|el\s+)?[^,;]{2,40}?\s+(?:in|al|en|a|by)|"
    r"(?:on\s+\w+\s+)?(?:became|becomes|se\s+convirti[óo]\s+en|se\s+convierte\s+en)\s+(?:the|el)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:country|nation|state|government|país|nación|estado|gobierno)\s+(?:to|en))\s*$",
    re.I,
)
# "by the United States for overseeing the Argentina attack": the agent ends at its clause's preposition.
AGENT_END = re.compile(r"\s(?:for|because|after|over|in|on|para|tras|debido|en|durante|luego)\s", re.I)


def _last_at(text: str, patterns: list[re.Pattern[str]]) -> int:
    return max((m.start() for p in patterns for m in p.finditer(text)), default=-1)


def _actor(sentence: str, verb_start: int, verb_end: int) -> _Actor | None:
    """Who acts: the body the verb phrase names ("is under U.S. sanctions"), a state or US body before
    the verb (the nearer wins), else a passive agent."""
    named = _us_actor(sentence[verb_start:verb_end])
    if named is not None:
        return named
    # "Honduras joined the United States in designating", "X became the latest country to designate":
    # the subject acts, not the state it joins
    before = FOLLOWED_STATE.sub("", sentence[:verb_start])
    state = _state_actor(before, NEAR_SUBJECT)
    us = _us_actor(before)
    if state is not None and us is not None:
        us_at = _last_at(before, [p for _, p in US_BODIES])
        return state if _last_at(before, [p for _, _, p in STATES]) > us_at else us
    if state is not None or us is not None:
        return state or us
    agent = re.match(
        r"\s*(?:\w+\s+){0,4}?(?:by|por)\s+(?:the\s+|el\s+|la\s+)?(.{0,50})", sentence[verb_end:], re.I
    )
    if agent is not None:  # the agent's phrase, not what it is said to have done after it
        phrase = AGENT_END.split(agent.group(1))[0]
        return _state_actor(phrase, len(phrase)) or _us_actor(phrase)
    focus = CLEFT_FOCUS.search(sentence, verb_end) if CLEFT_RELATIVE.search(before) else None
    if focus is not None:  # "Otro país que calificó a X como terrorista fue el gobierno de Canadá"
        return _state_actor(focus.group(1), len(focus.group(1))) or _us_actor(focus.group(1))
    return None


def _is_us_program(program: str) -> bool:
    return program in US_PROGRAMS or program.startswith("E.O.")


def _actors(sentence: str, verb_start: int, verb_end: int) -> list[_Actor | None]:
    """The actor of a verb, or each state of a coordinated subject or passive agent ("is listed as a
    terrorist organization by the United States, Canada and the European Union")."""
    subject = COORDINATED_STATES.search(sentence[:verb_start])
    if subject is not None:
        return _listed_states(subject.group(1))
    actor = _actor(sentence, verb_start, verb_end)
    agents = AGENT_STATES.match(sentence, verb_end)
    if agents is not None and re.search(r",|\s(?:and|y|e)\s", agents.group(1)):
        states = _listed_states(agents.group(1))
        if actor is None or actor in states:
            return states
    return [actor]


def _listed_states(text: str) -> list[_Actor | None]:
    """Each state (or body of states) of a coordinated list ("Estados Unidos, Canadá y Perú")."""
    members = re.split(r"\s*,\s*(?:and\s+|y\s+|e\s+)?|\s+(?:and|y|e)\s+", text)
    return [_state_actor(m, len(m)) or _us_actor(m) for m in members]


def _complete_actor(actor: _Actor | None, programs: list[str]) -> _Actor:
    """A US designation names its department (an FTO is always the State Department's, SDGT too
    unless the Treasury acts, SDN, the Kingpin Act's and executive orders the Treasury's); with no actor in sight, only
    a US programme implies the US."""
    treasury = programs and (programs[0] in ("SDN", "SDNTK", "GLOMAG") or programs[0].startswith("E.O."))
    department = US_TREASURY if treasury and "FTO" not in programs else US_STATE
    if actor is None:
        return _Actor(department, "us") if any(_is_us_program(p) for p in programs) else _Actor(None, None)
    if actor.country == "us" and "FTO" in programs:
        return _Actor(US_STATE, "us")
    if actor.authority == "United States" and any(_is_us_program(p) for p in programs):
        return _Actor(department, "us")
    return actor


# --- modality ---------------------------------------------------------------------------------


def _hypothetical(
    ctx: ArticleContext, index: int, sentence: str, verb_start: int, reported: bool = False
) -> bool:
    """Urges, proposals, conditions and negations are no designation; future announcements are, and
    with ``reported`` so is "would" ("the designation would take effect on November 24")."""
    modality: Callable[[int], object] | None = getattr(ctx, "modality", None)
    question = sentence.find("¿")
    # "tras designar a X, Trump anunció ..., ¿se logrará ...?": a question tacked on after the act
    if question > verb_start:
        modality = None
        if sentence_modality(sentence[:question]) == Modality.HYPOTHETICAL:
            return True
    if modality is not None and not reported:
        try:
            hypothetical = str(modality(index)) in ("hypothetical", "Modality.HYPOTHETICAL")
        except (TypeError, IndexError):
            hypothetical = False
        if hypothetical and REPORTED_WOULD.search(sentence) and not ctx.in_speculative_section(index):
            # "said it would designate X": an announcement, unless something else hedges it
            hypothetical = sentence_modality(as_told(sentence)) == Modality.HYPOTHETICAL
        aside = RELATIVE_ASIDE.search(sentence, verb_start) if hypothetical else None
        if aside is not None and not ctx.in_speculative_section(index):
            # "sancionó a A y a B, quien sería el enlace del grupo": the hedge is the aside's own
            hypothetical = sentence_modality(sentence[: aside.start()]) == Modality.HYPOTHETICAL
        if hypothetical:
            return True
    window = sentence[max(0, verb_start - GUARD_WINDOW) : verb_start]
    causes = list(CAUSE_BEFORE.finditer(window))
    if causes:  # "proposed changes in response to the US designating X": the cause happened
        window = window[causes[-1].end() :]
    granted = GRANTED.search(window) is not None  # "approved the government's request to label X"
    markers = [m.group(0).lower() for m in NOT_AN_ACT.finditer(window)]
    told = reported or REPORTED_WOULD.search(window) is not None  # "said it would designate X"
    markers = [m for m in markers if not (told and m == "would")]
    markers = [m for m in markers if not (granted and REQUEST.match(m))]
    if _requested(sentence, verb_start):
        return True
    return bool(markers or MAY.search(window))


# the office that keeps a sanctions list, as the subject right before a verb of adding: "la OFAC
# incluyó a X", "la Oficina incluyera recientemente a tres instituciones", "OFAC added X"
LIST_KEEPER_BEFORE = re.compile(
    r"\b(?:OFAC|Oficina(?:\s+de\s+Control\s+de\s+Activos\s+Extranjeros)?|Office\s+of\s+Foreign\s+Assets\s+Control)"
    r"(?:\s*\([^)]{1,40}\))?\s+(?:(?:también|además|ya|hoy|recientemente|also|recently|today)\s+)?$"
)
ADDING_VERB = re.compile(r"^(?:inclu|agreg|añad|add(?:s|ed)?\b)", re.I)


def _included_by_list_keeper(sentence: str, verb_start: int, word: str) -> bool:
    """A verb of adding whose subject is the office that keeps the list adds its object to that list,
    though no list is named: "la OFAC incluyó a X"."""
    return bool(ADDING_VERB.match(word)) and LIST_KEEPER_BEFORE.search(sentence, 0, verb_start) is not None


def _requested(sentence: str, verb_start: int) -> bool:
    """The verb is what a request earlier in the sentence asks for; a request inside a relative or
    temporal aside ("The Treasury, which had been asked to act, sanctioned X") governs only its aside."""
    if GRANTED.search(sentence, 0, verb_start):
        return False  # "approved the government's request to label X"
    for request in REQUEST_SCOPE.finditer(sentence, 0, verb_start):
        clause = sentence[sentence.rfind(",", 0, request.start()) + 1 : request.start()]
        if not SUBORDINATE.search(clause):
            return True
    return False


# --- parties ----------------------------------------------------------------------------------


def _mask(text: str) -> str:
    """Acronym parentheses, quotes, em dashes and a legal form's comma to spaces: offsets stay, "(TdA)",
    quotes and "Storelab, S.A. de C.V." no longer split names."""
    text = ACRONYM_PARENS.sub(lambda m: " " * len(m.group(0)), text)
    text = LIST_PARENS.sub(lambda m: "," + m.group(1) + ("," if m.group(2) else ""), text)
    text = LEGAL_FORM.sub(lambda m: " " * len(m.group(0)), text)
    return QUOTES.sub(" ", text).replace("—", " ")  # "Sus empresas —X y Y— fueron": an aside's dashes


def _unstopped(sentence: str) -> str:
    """A legal form's full stops ("S.A. de C.V.") as one-dot leaders: same offsets, no sentence end."""

    def unstop(match: re.Match[str]) -> str:
        form = match.group(0)
        if form.endswith(".") and re.match(r"\s+[A-ZÁÉÍÓÚÑ]", sentence[match.end() :]):
            return (
                form[:-1].replace(".", "\u2024") + "."
            )  # "... S.A. de C.V. OFAC also": the sentence ends too
        return form.replace(".", "\u2024")

    return LEGAL_FORM_DOTS.sub(unstop, sentence)


def _conjuncts(text: str, protected: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of the members of a coordinated phrase: split on commas, ';', "and"/"y", never
    inside a name the NER found ("Trinidad and Tobago")."""
    cuts = []
    for match in re.finditer(
        rf",\s*(?:and|y|{SPANISH_E}|or|o|as\s+well\s+as|así\s+como)\s+|,\s*|;\s*(?:and\s+|y\s+)?|"
        rf"\s+(?:and|y|{SPANISH_E}|or|o|as\s+well\s+as|así\s+como|&|along\s+with|together\s+with|junto\s+(?:con|a))\s+",
        text,
    ):
        if not any(s < match.start() < e for s, e in protected):
            cuts.append((match.start(), match.end(), bool(re.search(r"\b(?:or|o)\s+$", match.group(0)))))
    start, alias = 0, False
    for cut_start, cut_end, next_alias in cuts:
        if not alias:
            yield start, cut_start
        start, alias = cut_end, next_alias
    if not alias:  # "La Nueva Familia Michoacana, or LNFM": another name, not another party
        yield start, len(text)


def _name_run(text: str) -> tuple[int, int] | None:
    """The proper name a conjunct ends with, after a title written before it ("Supreme Court Chief
    Justice X": X)."""
    run = _capitalised_run(text)
    if run is None:
        return None
    start, end = run
    titles = list(TITLE_BEFORE_NAME.finditer(text, start, end))
    if not titles or any(name_key(w) in ORGANISATION_WORDS for w in text[titles[-1].end() : end].split()):
        return run  # "... Security Council": a body's name goes on after the title word
    return titles[-1].end(), end


def _capitalised_run(text: str) -> tuple[int, int] | None:
    """The proper name a conjunct ends with ("the Sinaloa Cartel", "grupo armado Cártel de los Soles",
    "organización denominada Cártel de los Soles"): capitalised words and name particles; the words
    before it must be determiners or descriptors, not a preposition ("a leader of Tren de Aragua")."""
    stripped = text.rstrip()
    if not stripped or NOT_A_NAME_START.match(text.strip()):
        return None
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(stripped)]
    end_index = len(tokens)
    if end_index > 1 and LOWER_HEAD.fullmatch(tokens[-1][2]) and _capitalised(tokens[-2][2]):
        end_index -= 1  # "the Sinaloa cartel": the name, its head in lower case
        head_end = tokens[-1][1]
    else:
        head_end = None
    words = [t[2] for t in tokens]
    if not end_index or not _name_word(words, end_index - 1):
        return None  # a name ends the conjunct, or there is none
    start_index = end_index
    while start_index and (_name_word(words, start_index - 1) or words[start_index - 1].lower() in PARTICLES):
        gap = tokens[start_index][0] - tokens[start_index - 1][1] if start_index < len(tokens) else 1
        if gap > 2 and words[start_index].lower() not in PARTICLES:
            # a bracket masked out ends the name: "Inteligencia Militar (DGIM) Hugo Carvajal"; not an
            # origin after it ("Mara Salvatrucha (MS-13) de El Salvador")
            break
        start_index -= 1
    while start_index < end_index and tokens[start_index][2].lower() in PARTICLES:
        start_index += 1
    if start_index >= end_index:
        return None
    if start_index == 1 and words[0].isdigit() and len(words[0]) <= 3 and end_index - start_index == 1:
        start_index = 0  # a gang named by its number ("5 Segond", "400 Mawozo"), not "13 Sinaloa Cartel members"
    start, end = tokens[start_index][0], head_end or tokens[end_index - 1][1]
    if head_end is not None and DEMONYM.fullmatch(stripped[start : tokens[end_index - 1][1]]):
        return None  # "six Mexican cartels": a nationality, not a name
    possessive = max(stripped.rfind("'s ", start, end), stripped.rfind("’s ", start, end))
    if possessive != -1:
        start = possessive + 3  # "Venezuela's Cartel de los Soles"
    before = stripped[:start]
    head_word = LOWER_HEAD_OF.search(before)
    if GROUP_DESCRIPTOR.fullmatch(DETERMINERS.sub("", before.lstrip())):
        return start, end  # "la banda de Los Rojos", "la coalición de bandas X": what kind of group X is
    if head_word is not None:  # "el cartel de los Soles": a Spanish name whose head is in lower case
        start, before = head_word.start(1), before[: head_word.start(1)]
    if INTRODUCER.search(before) or ROLE_OF_BEFORE.search(before):
        return start, end
    if INDEFINITE_DESCRIPTION.match(before):
        return None  # "X, a former Canadian Olympian": what X is, not another party
    if ROLE_OF_RUN.search(before) and sum(w[:1].isupper() for w in stripped[start:end].split()) >= 3:
        return start, end  # a body, then the person who heads it (``_party_of`` keeps the person)
    head = NAME_IN_HEAD.sub(" ", DETERMINERS.sub("", before.lstrip()))  # "Tren de Aragua leader X"
    if KIN_APPOSITION.search(before):
        return start, end  # "y de su hermano X": the relative is the name, whatever governs the phrase
    if head and (PREPOSITION.search(head) or re.search(r"\d", head) or PARTICIPLE_TO.search(head)):
        return None
    return start, end


def _name_word(words: list[str], index: int) -> bool:
    """A word of a name: capitalised, or a number after one ("Barrio 18", "Calle 18")."""
    word = words[index]
    return _capitalised(word) or (word.isdigit() and index > 0 and _capitalised(words[index - 1]))


def _capitalised(token: str) -> bool:
    """A name's word: capitalised, a number joined to one ("18-A"), or an Arabic name with its article
    in lower case ("al-Shabaab", "al-Jamal")."""
    token = token.strip(".,;:()")
    return bool(token) and (
        token[0].isupper() or (token[0].isdigit() and "-" in token) or ARABIC_ARTICLE.match(token) is not None
    )


ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|an|az)-[A-Z]")


def _acceptable(name: str) -> bool:
    """A party's name: not an authority, programme, country, month or common word."""
    key = name_key(name)
    words = key.split()
    if not words or len(key) < 3 or key in news_dates.CALENDAR_KEYS or key.replace(" ", "").isdigit():
        return False  # "104-25": a decree's number
    if any(p.search(name) for _, p in PROGRAMS) or NON_PARTY_WORDS.search(name) or GENERIC_PLURAL.search(key):
        return False
    if CATEGORY.match(name.strip()) or words[-1] in CRIMES_EN or words[0] in CRIMES_ES or _is_number(key):
        return False
    if any(p.search(name) for _, p in US_BODIES) and not ORG_WORDS.search(name):
        return False
    generic = re.fullmatch(r"(.+?)\s+(\w+)", name.strip())
    if (
        generic is not None
        and DEMONYM.fullmatch(generic.group(1) + " ")
        and GENERIC_NOUN.fullmatch(generic.group(2))
    ):
        return False
    if any(p.fullmatch(name.strip()) for _, _, p in STATES) or country_named(name) is not None:
        return False
    if LEGAL_FORM_ONLY.fullmatch(name.strip()) or words[0] in NOT_A_PARTY_WORD or _counted_people(words):
        return False  # "S.A." alone; "Both", "Together"; "61 Cubans"
    return not all(w in PARTICLES for w in words)


LEGAL_FORM_ONLY = re.compile(
    r"(?:S\.?\s?A\.?(?:\s?S\.?)?|C\.?\s?A\.?|L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|Corp\.?|GmbH|S\.?\s?R\.?\s?L\.?)", re.I
)
# words that open a sentence or a phrase in capitals and name no one
NOT_A_PARTY_WORD = frozenset({"both", "together", "ambos", "ambas", "juntos", "juntas", "all", "each", "todos"})


def _counted_people(words: list[str]) -> bool:
    """ "61 Cubans", "200 Venezuelans": a count of a people, no party."""
    return (
        len(words) == 2
        and words[0].isdigit()
        and DEMONYM.fullmatch(words[1].capitalize().rstrip("s") + " ") is not None
    )


@lru_cache(maxsize=4096)  # number_parser reads each word list anew: a name is asked about in every act
def _is_number(key: str) -> bool:
    """ "Seis", "Una", "Twenty-one": a bullet or headline opening with a count, not a name."""
    return any(parse_number(key, language=lang) is not None for lang in ("en", "es"))


# A plural head shared by a coordinated list of groups' distinctive words.
PLURAL_HEAD_ES = re.compile(r"^\s*(?:(?:los|las)\s+)?(c[aá]rteles)\s+(?:de\s+)?(?=[A-ZÁÉÍÓÚÑ])")
PLURAL_HEAD_EN = re.compile(r"\s+cartels\s*$", re.I)
GROUP_HEAD = re.compile(
    r"\b(?:cartel|cártel|carteles|cárteles|familia|clan|mara|tren|frente|ejército|army|front|gang|group|grupo|"
    r"organi[sz]ation|organizaci[oó]n)\b",
    re.I,
)
# Common nouns of place that take the article in a Spanish name ("Cartel del Golfo", "del Noreste").
SPANISH_COMMON_PLACES = frozenset(
    [
        "golfo",
        "norte",
        "noreste",
        "noroeste",
        "sur",
        "sureste",
        "suroeste",
        "oeste",
        "este",
        "centro",
        "pacifico",
        "atlantico",
        "caribe",
        "valle",
        "milenio",
        "altiplano",
    ]
)
# Words of a firm's name ("Vector Casa de Bolsa", "Servicios Logísticos Ambientales", "Acme Holdings
# LLC"): a name with one is a company even where the NER took it for a place.
COMPANY_WORDS = re.compile(
    r"\b(?:banco|bank|casa\s+de\s+(?:bolsa|cambio)|grupo|group|holdings?|capital|financier[oa]|"
    r"financial|exchange|inversiones|investments?|servicios|services|log[ií]stic[oa]s?|logistics|trading|"
    r"comercializadora|inmobiliaria|constructora|transportes|airlines?|aviation|industries|industrias|"
    r"s\.\s?a\.|llc|ltd|inc|corp|company|compañía|empresa)\b",
    re.I,
)
ORIGIN = re.compile(r"\s+(?:de|del|of|from)\s+(?:the\s+|el\s+)?$", re.I)
# A list member's seat: "Tren de Aragua in Venezuela, MS-13 in El Salvador and ...".
MEMBER_PLACE = re.compile(r"\s+(?:in|en|(?:based|headquartered)\s+in|con\s+sede\s+en)\s+(?:the\s+)?$", re.I)
NEVER_PARTIES = frozenset({"government", "media"})


def _party_of(
    ctx: ArticleContext, index: int, start: int, end: int, coordinated: bool = False, named: bool = False
) -> _Party | None:
    """The party named at text offsets [start, end): the NER's entity when one mention is that name,
    else a new entity of the name (the NER split "Damaris del Carmen Hurtado Pérez" in two).
    ``coordinated``: the name follows a party in one list, so a "place" the NER guessed for an
    unknown firm or person ("sancionó a CIBanco, Intercam y ...") is a party unless the gazetteer or
    the country table knows it as a place. ``named``: the group itself is meant, even where an office
    in it comes before ("los fundadores de X", read back by "dicho grupo")."""
    overlapping = [m for m in ctx.mentions_in(index) if m.start < end and start < m.end]
    end = _without_origin(ctx, overlapping, start, end)
    overlapping = [m for m in overlapping if m.start < end]
    places = [m for m in overlapping if m.label in ("GPE", "LOC") and m.start <= start and m.end >= end]
    # a name in an office holder's slot is a person's, whatever the small model guessed
    holder = bool(places) and ROLE_APPOSITION.search(ctx.text, max(0, start - 120), start) is not None
    if places and not (coordinated or holder or COMPANY_WORDS.search(ctx.text[start:end])):
        return None  # a place, not a party
    if any(m.canonical or country_named(m.text) is not None for m in places):
        return None  # a place the gazetteer or the country table knows
    overlapping = [m for m in overlapping if m not in places]
    if any(m.kind in NEVER_PARTIES and m.start <= start and m.end >= end for m in overlapping):
        return None  # a government body or a news outlet acts or reports; it is not designated
    parties = [m for m in overlapping if m.label in ("ORG", "PERSON")]
    if not named and _an_office(ctx.text, start, end, any(m.label == "PERSON" for m in parties)):
        return None  # "B, Brigadier General": the post a release lists after its holder
    if not named and ROLE_OF_RUN.search(ctx.text, max(0, start - 60), start):
        # "head of Haiti's National Palace General Security Unit Dimitri Herard": the body the person
        # heads, then the person; "ministro de Relaciones Interiores" alone names an office, no party
        # (a holder the model took for a place is a person: "jefe de la cartera de Defensa, Pedro Ruiz")
        person_last = parties and parties[-1].label == "PERSON" and not ctx.text[parties[-1].end : end].strip()
        if not (person_last or holder):
            return None
        parties = parties[-1:]
    if LEGAL_FORM.search(ctx.text[start:end]) or LEGAL_FORM_DOTS.fullmatch(ctx.text[start:end].strip()):
        parties = []  # "Storelab, S.A. de C.V.": the company's whole name, not the NER's part of it
    outside = [
        m
        for m in parties
        if not (ctx.text[m.start - 1 : m.start] == "(" and ctx.text[m.end : m.end + 1] == ")")
    ]
    if len({ctx.id_of(m) for m in parties}) == 1 or len(outside) == 1:
        parties = outside[:1] or parties[:1]  # "Mara Salvatrucha (MS-13)": a name and its acronym, one party
    person = any(m.label == "PERSON" for m in parties)
    if len(parties) == 1 and LOWER_HEAD.fullmatch(parties[0].text.lower()) and parties[0].end < end:
        parties = []  # "Cartel" of "Cartel del Pacifico Sur": the model kept the head noun only
    if len(parties) == 1 and _name_words_left_out(ctx, parties[0], start, end):
        parties = []  # "Hugo Salas Pardo", of which the model kept "Salas Pardo"
    if len(parties) == 1 and _given_month(ctx.text[start : parties[0].start]):
        parties = []  # "Julio César Pérez": the NER read the given name as a month and left it out
    if len(parties) == 1 and _acceptable(parties[0].canonical or parties[0].text):
        mention = parties[0]
        return _Party(ctx.id_of(mention), mention.canonical or mention.text, mention.schema, True)
    name = ctx.text[start:end].strip(" .,;:")
    if any(m.end() == len(name) + 1 for m in LEGAL_FORM_DOTS.finditer(name + ".")):
        name += "."  # "Storelab, S.A. de C.V.": the form's last full stop is the name's
    if not _acceptable(name):
        return None
    known = _known(ctx, name)
    if known is not None:
        return known
    if person or holder:
        schema = "Person"
    elif ORG_WORDS.search(name) or re.search(r"\d|[A-Z]{2,}", name) or parties:
        schema = "Organization"
    else:
        schema = "LegalEntity"
    return _Party(entity_id(schema, name), name, schema, False)


def _an_office(text: str, start: int, end: int, person: bool) -> bool:
    """The run at [start, end) names an office ("Minister of Finance") or one of the portfolios an
    office lists before it ("ministro de Interior, Justicia y Paz"), not who holds it; ``person``:
    the model read a person there, who may hold the office named before a comma."""
    before = max(0, start - 100)
    if PORTFOLIO_JOINED.search(text, before, start):
        return True
    run = text[start:end].strip()
    return not person and (
        OFFICE_NAME.fullmatch(run) is not None
        # one word after the comma is a portfolio ("Justicia"); more may be its holder ("Néstor Reverol")
        or (len(run.split()) == 1 and PORTFOLIO_BEFORE.search(text, before, start) is not None)
    )


def _name_words_left_out(ctx: ArticleContext, mention: Mention, start: int, end: int) -> bool:
    """A name the model found without one or two capitalised words of the name's run, before or
    after what it kept (a given name or a second surname it read as something else): no other
    entity and no organisation's word among them."""
    if mention.label not in ("PERSON", "ORG") or not (mention.start > start or mention.end < end):
        return False
    left_out = ctx.text[start : mention.start].split() + ctx.text[mention.end : end].split()
    return (
        1 <= len(left_out) <= 2
        and all(word[:1].isupper() and name_key(word) not in ORGANISATION_WORDS for word in left_out)
        # an "organisation" whose words are no organisation's is a person's name the model misread
        and (mention.label == "PERSON" or not any(name_key(w) in ORGANISATION_WORDS for w in mention.text.split()))
        and not any(m.start < end and m.end > start for m in ctx.mentions if m is not mention)
    )


def _given_month(before: str) -> bool:
    """A single capitalised month word right before a person's name is the first given name ("Julio",
    "Abril")."""
    words = before.split()
    return len(words) == 1 and words[0][:1].isupper() and name_key(words[0]) in news_dates.CALENDAR_KEYS


def _without_origin(ctx: ArticleContext, mentions: list[Mention], start: int, end: int) -> int:
    """Where a party's name ends when a place follows it ("Mara Salvatrucha (MS-13) de El Salvador",
    "Tren de Aragua of Venezuela"): before the preposition, when a named group or person ends there."""
    place = next(
        (m for m in mentions if m.label in ("GPE", "LOC") and m.end >= end and m.start > start), None
    )
    if place is None:
        return end
    particle = ORIGIN.search(ctx.text, start, place.start)
    if particle is None:
        return end
    cut = particle.start()
    named = any(
        m.label in ("ORG", "PERSON") and m.start >= start and ctx.text[m.end : cut].strip(" )") == ""
        for m in mentions
    )
    return cut if named else end


def _known(ctx: ArticleContext, name: str) -> _Party | None:
    """A name the NER found elsewhere in the article: its entity, so one party has one ID."""
    key = name_key(name)
    for mention in ctx.mentions:
        if mention.label in ("ORG", "PERSON") and key in (
            name_key(mention.text),
            name_key(mention.canonical),
        ):
            return _Party(ctx.id_of(mention), mention.canonical or mention.text, mention.schema, True)
    return None


def _parties_in(ctx: ArticleContext, index: int, offset: int, text: str) -> list[_Party]:
    """Every member of the coordinated phrase ``text`` (at ``offset`` in the article)."""
    masked = _mask(text)
    protected = [
        (m.start - offset, m.end - offset)
        for m in ctx.mentions_in(index)
        if m.start >= offset and m.end <= offset + len(text)
    ]
    shared = _shared_head(ctx, index, offset, masked)
    if shared is not None:
        return shared
    runs = []
    for start, end in _conjuncts(masked, protected):
        end = _before_seat(ctx, index, offset, masked, start, end)
        trailing = TRAILING_PARTICIPLE.search(masked, start, end)
        if trailing is not None:
            end = trailing.start()  # "Mauricio Sánchez Garza acusado formalmente en ...": the name ends
        run = _name_run(masked[start:end])
        if run is not None and not (
            PART_OF_NAMED.search(masked, start, end)
            and INDEFINITE_BEFORE.search(ctx.text[max(0, offset + start - 8) : offset + start] + masked[start : start + run[0]])
        ):
            runs.append((offset + start + run[0], offset + start + run[1]))
    parties: list[_Party] = []
    kin = False  # a lone given name after "his brothers": the family's surname follows
    served = False  # names after "for his cousins," and the ones coordinated with them
    alone = [_party_of(ctx, index, start, end) for start, end in runs]
    for number, (start, end) in enumerate(runs):
        party = alone[number]
        if party is None and ((number and alone[number - 1] is not None) or _coordinated_before(ctx, runs, alone, number)):
            # "A, [place?] y ...", "a [place?] y a B": a party
            party = _party_of(ctx, index, start, end, coordinated=True)
            alone[number] = party
        before = ctx.text[runs[number - 1][1] if number else offset : start]
        kin = party is not None and " " not in party.name.strip() and (kin or bool(KIN_PLURAL.search(before)))
        if party is not None and kin:
            party = _given_name_of(ctx, index, party, runs[number + 1 :]) or party
        if party is not None:
            party = _nickname_holder(ctx, start, end, _expanded(ctx, party))
        if KIN_OF.search(before) or KIN_OF_ROLE.search(before):
            continue  # "three nephews of Maduro's wife, Cilia Flores": the name says who the wife is
        served = KIN_SERVED.search(before) is not None or (served and COORDINATOR.fullmatch(before) is not None)
        if served:
            continue  # "coordinated shipments for his cousins, A and B": whom a party works for
        if PLACE_BASED_AFTER.match(ctx.text, end):
            continue  # "Nogales, Sonora-based plaza boss X": a city, and its state, the person's seat
        if party is not None and party not in parties:
            parties.append(party)
    if MEMBERS_OF_HEAD.match(masked):
        # "members of the National Guard (GNB), ... and Military Counterintelligence (DGCIM)": the
        # bodies the sanctioned serve in, all governed by the one "of"; a person named is a party
        return [p for p in parties if p.schema == "Person"]
    return parties


COORDINATOR = re.compile(r"\s*(?:y|e|and)\s+(?:a\s+)?(?:(?:la|el|los|las|al|the)\s+)?")
# "a Colombia-based Hezbollah network", "a Sinaloa Cartel faction": a part of the named group, not the
# group, when an indefinite article opens the phrase
PART_OF_NAMED = re.compile(r"\s(?:network|cell|ring|faction|unit|wing|branch|group|clan)s?\s*$")
INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:an?|un|una)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _coordinated_before(
    ctx: ArticleContext, runs: list[tuple[int, int]], alone: list[_Party | None], number: int
) -> bool:
    """ "a [place?] y a B": a name the model took for a place, coordinated by a bare conjunction with
    a named party of two words or more the model found after it, is a party like it."""
    if number + 1 >= len(runs):
        return False
    after = alone[number + 1]
    between = ctx.text[runs[number][1] : runs[number + 1][0]]
    return (
        after is not None
        and after.mentioned
        and len(after.name.split()) > 1
        and COORDINATOR.fullmatch(between) is not None
    )


def _before_seat(ctx: ArticleContext, index: int, offset: int, masked: str, start: int, end: int) -> int:
    """Where a list member ends when its seat follows it ("Tren de Aragua in Venezuela"): before the
    place, when a named group or person ends there."""
    stop = len(masked[:end].rstrip())
    for place in ctx.mentions_in(index, frozenset({"GPE", "LOC"})):
        if place.end - offset != stop or place.start - offset <= start:
            continue
        particle = MEMBER_PLACE.search(masked, start, place.start - offset)
        if particle is not None and any(
            m.label in ("ORG", "PERSON") and m.end - offset == particle.start() for m in ctx.mentions_in(index)
        ):
            return particle.start()
    return end


# "empresas vinculadas a X": the Spanish "a" after a participle is a preposition, not the object mark.
PARTICIPLE_TO = re.compile(r"\b[a-záéíóúñ]+(?:ad|id)[oa]s?\s+a\s*$")
# "and seven other Mexican nationals": more parties, counted, that a colon later names.
OTHERS_COUNTED = re.compile(rf"\b(?:\d+|{'|'.join(COUNT_WORDS)})\s+(?:other|more|otr[oa]s|más)\b", re.I)
# An indefinite noun phrase's lower-case words before capitalised ones: a description ("a former
# Canadian Olympian", "una empresa con sede en"); not the Spanish object mark "a" before a
# determiner or a count ("a la banda venezolana Tren de Aragua", "a seis cárteles").
INDEFINITE_DESCRIPTION = re.compile(
    r"^\s*(?:an|un|una|a(?!\s+(?:la|las|los|el|lo|su|sus|un|una|unos|unas|otr[oa]s?|vari[oa]s|ambos|ambas|"
    r"est[eao]s?|es[eao]s?|aquel\w*|tod[oa]s|cada|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b))"
    r"\s+(?:[a-záéíóúñ-]+\s+)+$"
)
ACRONYM = re.compile(r"[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9&-]{1,11}")


def _expanded(ctx: ArticleContext, party: _Party) -> _Party:
    """A party named by the acronym the article defined in brackets after a longer name ("Empresa
    Aeronáutica Nacional SA (EANSA)", later "the sanctions on EANSA") is that name's party."""
    if not ACRONYM.fullmatch(party.name.strip()):
        return party
    for defined in re.finditer(rf"\(\s*{re.escape(party.name.strip())}\s*\)", ctx.text):
        index = _sentence_of(ctx, defined.start())
        clause_start = max(
            ctx.sentences[index][0], *(ctx.text.rfind(c, 0, defined.start()) + 1 for c in ",;:")
        )
        words = list(TOKEN.finditer(ctx.text, clause_start, defined.start()))
        while words and (_capitalised(words[-1].group(0)) or words[-1].group(0).lower() in PARTICLES):
            words.pop()  # the name is the capitalised run before the brackets, whatever governs it
        clause_start = words[-1].end() if words else clause_start
        run = _name_run(_mask(ctx.text[clause_start : defined.start()]))
        if run is None:
            continue
        full = _party_of(ctx, index, clause_start + run[0], clause_start + run[1])
        if (
            full is not None
            and full.entity_id != party.entity_id
            and not ACRONYM.fullmatch(full.name.strip())
        ):
            return full
    return party


QUOTED_BEFORE = re.compile(r"[«\"“‘']\s*(?:(?:el|la|the)\s+)?$", re.I)
QUOTED_AFTER = re.compile(r"\s*,?\s*[»\"”’']")


def _nickname_holder(ctx: ArticleContext, start: int, end: int, party: _Party) -> _Party:
    """A quoted nickname ("including “El Mencho”") is the person the article gives it to ("NAME (alias
    “El Mencho”)", "Joaquín “El Chapo” Guzmán"), not a party of its own."""
    if not (QUOTED_BEFORE.search(ctx.text, max(0, start - 6), start) and QUOTED_AFTER.match(ctx.text, end)):
        return party  # only a name quoted whole is a nickname: not “The Sinaloa Cartel is ...”
    nickname = re.escape(party.name.strip())
    for given in re.finditer(
        rf"(?:\b(?:alias|apodad[oa]|conocid[oa]\s+como|known\s+as|a\.?k\.?a\.?|nicknamed|dubbed)\W*|[«\"“‘'])"
        rf"(?:(?:el|la|the)\s+)?{nickname}\b",
        ctx.text,
        re.I,
    ):
        for mention in ctx.mentions_in(_sentence_of(ctx, given.start()), frozenset({"PERSON"})):
            inside = mention.start < given.start() < mention.end  # "Joaquín “El Chapo” Guzmán"
            after = 0 <= given.start() - mention.end <= 3 and not ctx.text[mention.end : given.start()].strip(
                " ,("
            )
            if (inside or after) and name_key(mention.text) != name_key(party.name):
                holder = _party_of(ctx, mention.sentence, mention.start, mention.end)
                if holder is not None:
                    return holder
    return party


def _given_name_of(
    ctx: ArticleContext, index: int, party: _Party, later: list[tuple[int, int]]
) -> _Party | None:
    """ "his brothers Luis and Mario Ramos Ortiz", "Adita y Ubaldo Hurtado Olascoaga": a lone given name
    coordinated (through other lone given names) with a person's full name shares that person's
    surname (the last two words of a name of three or more, Spanish style; else the last word)."""
    for start, end in later:
        words = ctx.text[start:end].split()
        if len(words) == 1:
            continue
        last = _party_of(ctx, index, start, end)
        if last is None or last.schema != "Person" or len(words) < 2:
            return None
        surname = words[-2:] if len(words) >= 3 else words[-1:]
        name = f"{party.name.strip()} {' '.join(surname)}"
        return _known(ctx, name) or _Party(entity_id("Person", name), name, "Person", False)
    return None


def _shared_head(ctx: ArticleContext, index: int, offset: int, masked: str) -> list[_Party] | None:
    """ "los carteles de Sinaloa, Jalisco Nueva Generación y del Golfo", "the Sinaloa and Gulf cartels":
    a plural head shared by a coordinated list names one group per member (Cartel de Sinaloa, ...,
    Gulf Cartel); a member that is a group's own name ("Nueva Familia Michoacana") stays as it is."""
    spanish = PLURAL_HEAD_ES.match(masked)
    english = None if spanish else PLURAL_HEAD_EN.search(masked)
    if spanish is not None:
        body = (spanish.end(), len(masked))
        head = "Cártel" if "á" in spanish.group(1) else "Cartel"
    elif english is not None:
        body, head = (0, english.start()), "Cartel"
    else:
        return None
    protected = [  # only names of groups: a "place" across the conjunction ("Golfo y Unidos") is the NER's slip
        (m.start - offset - body[0], m.end - offset - body[0])
        for m in ctx.mentions_in(index, frozenset({"ORG", "PERSON"}))
        if m.start >= offset + body[0] and m.end <= offset + body[1]
    ]
    members = [(body[0] + s, body[0] + e) for s, e in _conjuncts(masked[body[0] : body[1]], protected)]
    if len(members) < 2:
        return None
    parties: list[_Party] = []
    for start, end in members:
        preposition = re.match(r"\s*(del?)\s+", masked[start:end])
        if preposition is not None:
            start += preposition.end()
        run = _name_run(masked[start:end])
        if run is None:
            return None  # not a list of names: "los carteles de la droga"
        name = masked[start + run[0] : start + run[1]]
        if DEMONYM.fullmatch(name):
            return None  # "six Mexican and two Latin American cartels": nationalities, not names
        if GROUP_HEAD.search(name):  # a group's own name
            party = _party_of(ctx, index, offset + start + run[0], offset + start + run[1])
        else:
            party = _headed_party(ctx, name, head, spanish is not None, preposition)
        if party is not None and party not in parties:
            parties.append(party)
    return parties


def _headed_party(
    ctx: ArticleContext, member: str, head: str, spanish: bool, preposition: re.Match[str] | None
) -> _Party | None:
    """The group one member of a shared-head list names: "Cartel de Sinaloa", "Cartel del Golfo" (a
    common noun takes its article), "Carteles Unidos" (a plural adjective agrees with the head),
    "Sinaloa Cartel"."""
    if not spanish:
        name = f"{member} {head}"
    elif re.fullmatch(r"\w+(?:ados|idos|adas|idas)", member):
        name = f"{head}es {member}"
    else:
        article = (preposition is not None and preposition.group(1) == "del") or (
            name_key(member.split()[0]) in SPANISH_COMMON_PLACES
        )
        name = f"{head} {'del' if article else 'de'} {member}"
    if not _acceptable(name):
        return None
    return _known(ctx, name) or _Party(entity_id("Organization", name), name, "Organization", False)


def _object_span(
    sentence: str, verb_end: int, listing: bool = False, places: tuple[tuple[int, int], ...] = ()
) -> tuple[int, int]:
    """Where the phrase an active verb governs lies: after fillers ("formally", "este martes"), the
    Spanish object mark ("a", "al") and a leading "como ..." ("designó como organización terrorista al
    grupo X"), up to "as"/"como", a preposition or clause word, or the sentence's end. A member's
    place (``places``: sentence offsets of the places named) does not end a list that goes on after
    it ("names Tren de Aragua in Venezuela, MS-13 in El Salvador and ...")."""
    rest = sentence[verb_end:]
    skip = 0
    for pattern in (LEADING_FILLER, COMO_FIRST, LEADING_FILLER):
        lead = pattern.match(rest[skip:])
        if lead is not None:
            skip += lead.end()
    listed_in = LIST_PLACE.match(rest[skip:])  # "incluir en su lista negra a X": the object follows
    if listed_in is not None:
        skip += listed_in.end()
    mark = LEADING_OBJECT_MARK.match(rest[skip:])
    if mark is not None:
        skip += mark.end()
    ends = LIST_END if listing else OBJECT_END
    rest = RANK_DOT.sub(lambda m: m.group(0)[:-1] + " ", rest)  # "Cmdr. Antonio": no sentence end
    end_match = ends.search(rest, skip)
    seats = {start - verb_end: end - verb_end for start, end in places}  # relative to ``rest``
    while end_match is not None:
        place_end = _member_place(rest, end_match, seats)
        if place_end is None:
            break
        end_match = ends.search(rest, place_end)
    end = end_match.start() if end_match is not None else len(rest)
    dangling = TRAILING_CONJUNCTION.search(rest, skip, end)  # "al Tren de Aragua y [a otros seis]"
    if dangling is not None:
        end = dangling.start()
    return verb_end + skip, verb_end + end


def _member_place(rest: str, end: re.Match[str], places: dict[int, int]) -> int | None:
    """Where the place ends when an object's end is "in <place>" and the list goes on after it
    (``places``: each place's start -> its end)."""
    if end.group(0).strip().lower() not in ("in", "en"):
        return None
    place_end = places.get(len(rest) - len(rest[end.end() :].lstrip()))
    if place_end is None or not LIST_GOES_ON.match(rest, place_end):
        return None
    return place_end


def _bullets(ctx: ArticleContext, after: int) -> Iterator[tuple[int, str]]:
    """The bullet lines that follow a colon: (offset, name part)."""
    position = ctx.text.find("\n", after)
    seen_bullet = False
    while position != -1:
        line_end = ctx.text.find("\n", position + 1)
        line = ctx.text[position + 1 : line_end if line_end != -1 else len(ctx.text)]
        match = BULLET.match(line)
        if EMPTY_BULLET.match(line):
            pass
        elif match is None:
            if line.strip() or seen_bullet:
                return
        else:
            seen_bullet = True
            name = re.split(r"\s+[–—-]\s+|,|;|:|\s+\(", match.group(1))[0]  # "- Name: Presidenta del TSJ"
            yield position + 1 + match.start(1), name
        position = line_end


def _sentence_of(ctx: ArticleContext, offset: int) -> int:
    """The sentence holding an offset (a bullet may be a sentence of its own)."""
    for index, (start, end) in enumerate(ctx.sentences):
        if start <= offset < end:
            return index
    return len(ctx.sentences) - 1


def _bullet_parties(ctx: ArticleContext, colon_at: int) -> list[_Party]:
    """The parties of the bullet list after a colon ("The designations include the following:"), or
    of the table a copied page flattened into one line per row."""
    parties = []
    for offset, name in _bullets(ctx, colon_at):
        run = _name_run(_mask(name))
        if run is not None:
            party = _party_of(ctx, _sentence_of(ctx, offset), offset + run[0], offset + run[1])
            if party is not None and party not in parties:
                parties.append(party)
    if parties:
        return parties
    for start, _ in _table_rows(ctx, colon_at):
        index = _sentence_of(ctx, start)
        first = next((m for m in ctx.mentions_in(index) if m.start >= start), None)
        if first is None or first.start != start or first.label not in ("ORG", "PERSON"):
            continue  # a row opens with its party's name, or names none
        party = _party_of(ctx, index, first.start, first.end)
        if party is not None and party not in parties:
            parties.append(party)
    return parties


def _table_rows(ctx: ArticleContext, after: int) -> list[tuple[int, int]]:
    """The rows of a table after a colon, as a copied page flattens one ("Cartel Locations Date of
    Designation", then "Tren de Aragua Venezuela, Peru February 20, 2025", ...): at least three lines
    in a row, each opening with a capital and none ending as a sentence does; a first line without a
    digit, where the others have one, is the header. (start, end) offsets of each row."""
    rows: list[tuple[int, int]] = []
    position = ctx.text.find("\n", after)
    while position != -1:
        line_end = ctx.text.find("\n", position + 1)
        line_end = line_end if line_end != -1 else len(ctx.text)
        line = ctx.text[position + 1 : line_end]
        if not line.strip():
            if rows:
                break
        elif TABLE_ROW.match(line):
            rows.append((position + 1 + len(line) - len(line.lstrip()), line_end))
        else:
            break
        position = line_end if line_end < len(ctx.text) else -1
    if len(rows) < 3:
        return []
    digits = [any(c.isdigit() for c in ctx.text[a:b]) for a, b in rows]
    if not digits[0] and sum(digits[1:]) >= len(rows[1:]) * 2 / 3:
        rows = rows[1:]
    return rows


def _passive_parties(ctx: ArticleContext, index: int, sentence: str, verb_start: int) -> list[_Party]:
    """The subject of a passive verb: the name that ends right before it, with the names coordinated
    with it by "and"/"y" ("X, Y and Z were designated"), not an earlier clause's names."""
    before = SUBJECT_ADVERB.sub("", sentence[:verb_start].rstrip())  # "Petro himself is under sanctions"
    clause_start = max(
        (
            m.end()
            for m in re.finditer(r"[;:]|\b(?:that|which|who|que|quien|while|mientras|after|tras)\b", before)
        ),
        default=0,
    )
    start = ctx.sentences[index][0]
    text = before[clause_start:]
    aside = APPOSITIVE_TAIL.search(text)
    if aside is not None and _name_run(_mask(text[: aside.start()]).split(",")[-1]) is not None:
        text = text[: aside.start()]  # "X, the wife of Y, was sanctioned": X is the subject, not Y
    masked = _mask(text)
    protected = [
        (m.start - start - clause_start, m.end - start - clause_start) for m in ctx.mentions_in(index)
    ]
    spans = list(_conjuncts(masked, protected))
    if spans and APPOSITIVE_PASSIVE.match(sentence[verb_start:]):
        # "members of Tren de Aragua, a designated FTO": the appositive describes the name it follows,
        # even after a preposition.
        last_start, last_end = spans[-1]
        for cut in PREPOSITION.finditer(masked, last_start, last_end):
            run = _name_run(masked[cut.end() : last_end])
            lead = masked[cut.end() : cut.end() + run[0]].split() if run is not None else ["-"]
            # "from Iran's Qods Aviation Industries, which ...": a possessor may come before the name
            if run is not None and all(w.lower() in PARTICLES or w.endswith(("'s", "’s")) for w in lead):
                at = start + clause_start + cut.end()
                party = _party_of(ctx, index, at + run[0], at + run[1])
                if party is not None:
                    return [party]  # else a later cut: "vinculadas al Tren de Aragua", a place ends the first
    if (
        len(spans) > 1
        and COUNTED_CONJUNCT.match(masked, spans[-1][0], spans[-1][1])
        and re.search(r"\b(?:and|y|e)\s*$", masked[spans[-2][1] : spans[-1][0]])
    ):
        spans = spans[:-1]  # "X y tres narcotraficantes fueron incluidos": X is named, the others counted
    if not spans or _name_run(masked[spans[-1][0] : spans[-1][1]]) is None:
        return []
    last = spans[-1]
    if len(spans) > 1 and not re.search(r"\b(?:and|y|e)\s*$", masked[spans[-2][1] : last[0]]):
        spans = [last]
    return _parties_in(ctx, index, start + clause_start + spans[0][0], text[spans[0][0] : last[1]])


def _anaphor_party(ctx: ArticleContext, index: int, sentence: str, verb_end: int) -> _Party | None:
    """ "The aforementioned organization": the last group a previous sentence named."""
    if not ANAPHOR.match(sentence[verb_end:].lstrip()) and not ANAPHOR.match(
        DETERMINERS.sub("", sentence[verb_end:].lstrip())
    ):
        return None
    return _last_group(ctx, index)


def _anaphor_subject(ctx: ArticleContext, index: int, sentence: str, verb_start: int) -> _Party | None:
    """ "Dicho grupo es uno de los carteles designados", "The said group was designated": a subject that
    refers back names the last group a previous sentence named."""
    subject = DETERMINERS.sub("", sentence[:verb_start].strip())
    return _last_group(ctx, index) if ANAPHOR.match(subject) else None


def _last_group(ctx: ArticleContext, index: int) -> _Party | None:
    """The last group a previous sentence named by its name, not by the acronym in parentheses after it."""
    groups = _last_groups(ctx, index, 1)
    return groups[0] if groups else None


def _last_groups(ctx: ArticleContext, index: int, count: int, armed: bool = False) -> list[_Party]:
    """The last ``count`` distinct groups previous sentences named (by name, not by an acronym in
    parentheses), nearest first; fewer when the article named fewer. ``armed``: armed groups only."""
    found: list[_Party] = []
    for previous in range(index - 1, -1, -1):
        for mention in reversed(ctx.mentions_in(previous, frozenset({"ORG"}))):
            if armed and mention.kind != ARMED_GROUP:
                continue
            if (
                ctx.text[mention.start - 1 : mention.start] == "("
                and ctx.text[mention.end : mention.end + 1] == ")"
            ):
                continue
            party = _party_of(ctx, previous, mention.start, mention.end, named=True)
            if party is not None and all(party.entity_id != f.entity_id for f in found):
                found.append(party)
                if len(found) == count:
                    return found
    return found


def _both_subject(ctx: ArticleContext, index: int, sentence: str, verb_start: int) -> list[_Party]:
    """ "Ambas agrupaciones fueron declaradas ...", "Both groups were designated": the two groups
    the article named last, when it named two."""
    if not BOTH_GROUPS.match(sentence[:verb_start].strip()):
        return []
    groups = _last_groups(ctx, index, 2, armed=True)
    return groups if len(groups) == 2 else []


# --- acts -------------------------------------------------------------------------------------


def _verbs(sentence: str) -> Iterator[tuple[re.Match[str], str]]:
    """Designation verbs of a sentence, (match, kind: "active", "passive" or "list"), outside programme
    names ("Specially Designated Global Terrorist" is a programme, not a verb)."""
    programme_spans = [span for _, spans in _programme_names(sentence) for span in spans]
    passive = [
        # a passive with nothing but an adverb before it has no subject ("También fue designada X")
        *(m for m in PASSIVE_VERB.finditer(sentence) if OPENING_ADVERB.sub("", sentence[: m.start()]).strip()),
        *UNDER_SANCTIONS.finditer(sentence),
        *JOINED_LIST.finditer(sentence),
    ]
    verbs = [(m, "passive") for m in passive] + [(m, "active") for m in ACTIVE_VERB.finditer(sentence)]
    lists = [(m, "list") for m in LIST_INTRO.finditer(sentence)]
    # "También fue designada X" opens both: as a list it goes on with the act just read
    verbs = [v for v in verbs if not any(v[0].start() == m.start() for m, _ in lists)] + lists
    verbs += [(m, "passive") for m in POSSESSIVE_ACT.finditer(sentence)]
    verbs += [(m, "enum") for m in PROGRAM_ENUM.finditer(sentence)]
    verbs += [(m, "among") for m in AMONG.finditer(sentence)]
    verbs += [(m, "title") for m in PROGRAM_TITLE.finditer(sentence)]
    verbs += [(m, "copula") for m in COPULA_PROGRAM.finditer(sentence)]
    verbs += [(m, "that") for m in DECLARED_THAT.finditer(sentence)]
    for match, kind in sorted(verbs, key=lambda v: v[0].start()):
        if kind not in ("enum", "title") and any(
            s <= match.start() < e or s < match.end() <= e for s, e in programme_spans
        ):
            continue
        if kind != "passive" and any(
            p.start() <= match.start() < p.end() and not p.group(0).startswith(",") for p in passive
        ):
            continue  # "was designated" is passive; ", designated" may be either
        yield match, kind


@dataclass
class _Reading:
    """What the article has said so far: its last programmes, the actor and act last read, and an
    effective date announced before the act it belongs to."""

    programs: list[str] = field(default_factory=list)
    actor: _Actor | None = None
    last_act: _Act | None = None
    pending_effective: tuple[str, int] | None = None  # (date, sentence)
    announced: _Act | None = None  # "designated eight groups as FTOs": the parties come next
    counted: tuple[int, int, str] | None = None  # (sentence, count, "Person"/"Organization") of that act
    designated: set[str] = field(default_factory=set)  # the parties of the acts read so far


def _act_programs(sentence: str, verb: str, actor: _Actor | None, reading: _Reading) -> list[str]:
    """The sentence's programmes (the Treasury sanctions, it does not list FTOs: a sanction verb's
    FTO is another clause's); a sanction verb's SDN; "terrorist organization" is the programme the
    article named for a US act, else a terrorist list."""
    programs = _programs(sentence)
    treasury = actor is not None and actor.authority == US_TREASURY
    if treasury and "sanc" in verb:
        programs = [p for p in programs if p != "FTO"]
    if programs:
        return programs
    # "target" designates only beside a sanctions word (``_acts``): its programme is that one
    freeze = FREEZE_VERB.match(verb) is not None  # an asset freeze is a sanction
    on_sanctions_list = SANCTIONS_LIST.search(sentence) is not None  # "added X to its sanctions list"
    if (
        MEASURE_WORDS.search(verb)
        or SANCTIONS_LAW.search(sentence)
        or freeze
        or TARGET_VERB.search(verb)
        or ((treasury or on_sanctions_list) and not TERROR_LIST.search(sentence))
    ):
        # a sanction with no actor in sight is the US's (most reporting is of OFAC); a named
        # international body's is its own
        us = actor is None or actor.country == "us" or (actor.country is None and actor.authority is None)
        return ["SDN"] if us else ["sanctions"]
    us_act = actor is None or actor.country == "us"
    # The article's last programmes carry over only within one jurisdiction: a US act after
    # Argentina's RePET listing is no RePET listing.
    inherited = [p for p in reading.programs if _is_us_program(p) == us_act]
    if inherited and (us_act or not TERROR_LIST.search(sentence)):
        return inherited
    return ["terrorist-list"]


def _names_programme(text: str) -> bool:
    return bool(_programs(text) or TERROR_LIST.search(text))


# a participle right after a name opens what is said of the party: "a Mauricio Sánchez Garza acusado
# formalmente en Texas", "Juan Pérez wanted in the US"
TRAILING_PARTICIPLE = re.compile(
    r"(?<=[^\W\d_])\s+(?:acusad|señalad|buscad|requerid|detenid|arrestad|"
    r"extraditad|condenad|sentenciad|investigad|procesad|accused|charged|indicted|wanted|arrested|"
    r"extradited|sentenced|convicted)\w*\b"
)
# a participle after a determiner is an adjective: "the sanctioned officials", "those designated"
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|all|other)\s+(?:newly\s+)?$", re.I)
# a list opened by the members of a body: "members of the National Guard (GNB), ... and Military
# Counterintelligence (DGCIM)"
MEMBERS_OF_HEAD = re.compile(
    r"^\s*(?:(?:the|los|las|a\s+los|a\s+las)\s+)?(?:members?|miembros?|integrantes?|officials?|funcionarios?|"
    r"officers?|oficiales|agents?|agentes)\s+(?:of|de|del)\s",
    re.I,
)
# a series item that opens with the holder's role, in lower case: "ministro de Relaciones Interiores,
# Néstor Reverol", "al constituyente Diosdado Cabello", "a la presidente del CNE, Tibisay Lucena"
ITEM_SEPARATOR = re.compile(r",|\s+(?=(?:who|which|que|quien)\b)")
ROLE_ITEM = re.compile(r"^\s*(?:(?:a\s+)?(?:al|el|la|los|las|a|the)\s+)?[a-záéíóúñ]")
# a city before its state's "-based": "Nogales, Sonora-based"
PLACE_BASED_AFTER = re.compile(r"\s*,\s*[A-ZÁÉÍÓÚÑ][\w.]*(?:\s+[A-ZÁÉÍÓÚÑ][\w.]*)*-based\b")
# words between a passive's subject and its verb: "Petro himself is under U.S. sanctions"
OPENING_ADVERB = re.compile(r"^\s*(?:also|additionally|likewise|también|además|asimismo|igualmente)\b\s*,?", re.I)
SUBJECT_ADVERB = re.compile(
    r"(?:\s+(?:himself|herself|itself|themselves|mism[oa]s?|also|too|already|now|también|ya|ahora))+$", re.I
)
# Undoing an act: "lifted sanctions on X", "revoked the designation of X", "levantó las sanciones a X"
LIFTED = re.compile(
    r"\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|"
    r"waiv(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|levant\w*|retir\w*|elimin\w*|suspend\w*|revoc\w*|"
    r"flexibiliz\w*|alivi\w*|anul\w*)\s+(?:(?:the|las|los|la|el|some|all|its|their|sus|su)\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.I,
)
LIST_NAMED = re.compile(r"\b(?:lista|listado|list|r[ée]gimen|regime|comit[ée]|committee)\s+(?:de\s+)?$", re.I)
# "the Viv Ansanm coalition, which includes Les Argentins,": what a group is made of, not a listing
MEMBERS_RELATIVE = re.compile(r"(?:,\s*|\b)(?:which|that|que|(?:la|el|lo)\s+cual|who)\s+(?:also\s+|también\s+)?$", re.I)


def _describes_members(sentence: str, verb: re.Match[str]) -> bool:
    """ "X, which includes Y": Y is part of X; a list's own relative ("the list, which includes Y")
    still lists."""
    if not verb.group(0).lower().startswith(("includ", "inclu")):
        return False
    relative = MEMBERS_RELATIVE.search(sentence, 0, verb.start())
    if relative is None:
        return False
    antecedent = sentence[max(0, relative.start() - 40) : relative.start()]
    return not re.search(r"\blist|\blista|designa|sanc|order|orden|decre", antecedent, re.I)


def _gerund_noun(sentence: str, verb: re.Match[str]) -> bool:
    """ "Designating Tren de Aragua would complicate ...", "said designating ...", "the idea of
    designating ...": a gerund in a noun's place names the idea of a designation, not one made ("a
    decree declaring X" and "is designating X" are made)."""
    if not re.search(r"(?:ing|ando|endo)$", verb.group(0), re.I):
        return False
    before = sentence[: verb.start()]
    return GERUND_AS_NOUN.search(before) is not None and THANKED_FOR.search(before) is None


def _in_context(
    sentence: str, verb: re.Match[str], kind: str, sanctioning: bool, reading: _Reading, index: int
) -> bool:
    """A verb designates when its programme follows it ("designated X as an FTO"), in a sanctions
    context, in a list or enumeration, or in an article about a programme when the sentence names
    none ("Rubio designated the group on Monday"); "Trump designated Noem to lead ..." does not."""
    if (
        kind in ("list", "enum", "title", "copula", "that")
        or sanctioning
        or verb.group(0).lower().startswith(("designation", "designaci"))
        or verb.group(0).startswith(("'s", "’s"))  # "X's designation takes effect" (``POSSESSIVE_ACT``)
        or PROSCRIBING.search(verb.group(0))  # a proscription is a terrorist listing
        or (kind == "passive" and TERROR_LIST.search(verb.group(0)))  # "is on the list of terrorist groups"
    ):
        return True
    if _names_programme(sentence[verb.end() :]) or UNDER_LAW.search(sentence[verb.end() :]):
        return True
    # An act announced without its parties ("OFAC sanctioned three companies") is named next: "Entre
    # los señalados están ...".
    if _names_announced(reading, index):
        return True
    # An article already reporting designations: "ese país designó al Tren de Aragua".
    return (bool(reading.programs) or reading.last_act is not None) and not _names_programme(sentence)


def _acts(ctx: ArticleContext, index: int, reading: _Reading) -> list[_Act]:
    """The designation acts of one sentence."""
    sentence = _unstopped(ctx.sentence_text(index))
    named = bool(_programs(sentence) or TERROR_LIST.search(sentence))
    acts: list[_Act] = []
    covered: list[tuple[int, int]] = []  # passive verbs that found their subject
    for verb, kind in _verbs(sentence):
        if any(start <= verb.start() < end for start, end in covered):
            continue
        word = verb.group(0).lower()
        sanctioning = "sanc" in word or bool(SANCTION_CONTEXT.search(sentence))
        previous = _previous(reading, index)
        instrument = INSTRUMENT.match(word) is not None
        if instrument and EXAMPLES_AFTER.match(sentence, verb.end()):
            continue  # "The designation targets monsters like X": a category and its examples
        # its maker named ("The Treasury Department's action covers X"): an act needing none before it
        maker = None
        agent = SANCTIONED_BY.search(verb.group(0))
        if instrument and kind == "list" and previous is None:
            maker = _us_actor(verb.group(0)) or _state_actor(verb.group(0), None)
        elif agent is not None and kind == "list" and previous is None:
            # "Los sancionados por la UE son A y B": the participle's agent makes the act
            by = verb.group(0)[agent.end() :]
            maker = _us_actor(by) or _state_actor(by, len(by))
        acting = PARTICIPLE.search(word) or NAMED_BY.search(word)
        if kind == "list" and previous is None and not acting and maker is None:
            continue  # "the groups are ..." lists the parties of an act already announced
        if kind == "enum" and is_quoted(sentence, verb.start()) and not PARTICIPLE.search(word):
            continue  # a speaker's "terrorist organizations, like X": a characterisation, not a listing
        if kind == "active" and _gerund_noun(sentence, verb):
            continue
        if kind == "active" and _describes_members(sentence, verb):
            continue
        if (
            kind == "active"
            and word.endswith("ed")
            and DETERMINER_BEFORE.search(sentence, 0, verb.start())
            and re.match(r"\s+[a-z]", sentence[verb.end() :])
            and not re.match(r"\s+[\w-]+(?:\s+[\w-]+){0,2}\s*:", sentence[verb.end() :])
        ):
            continue  # "The sanctioned officials include ...": an adjective, the list comes as its own
            # verb; "The designated cartels:" still opens the list
        if kind == "active" and word.startswith(("sanciones", "sanctions")) and LIST_NAMED.search(
            sentence, max(0, verb.start() - 30), verb.start()
        ):
            continue  # "a su lista de sanciones contra el Estado Islámico": a list's name, its theme no party
        if kind == "active" and word.startswith("design") and APPOINTMENT.match(sentence, verb.end()):
            continue  # "designated Kristi Noem to lead the review": a post, not a listing
        if kind == "active" and LIFTED.search(sentence, max(0, verb.start() - 50), verb.start()):
            continue  # "lifted sanctions on X", "revocó la designación de X": the opposite of an act
        if TARGET_VERB.search(word) and not SANCTION_CONTEXT.search(sentence) and not (
            kind == "list" and (previous is not None or maker is not None)
        ):
            continue  # an instrument of an act read "targets" its parties
        weak = WEAK_VERB.match(word.split()[-1] if kind == "passive" or PERFECT.match(word) else word)
        if JOINED_LIST.match(sentence, verb.start()):
            weak = None  # "se sumó a la lista": joining a listed party, no weak "sumó a su lista a X"
        goes_on = _goes_on(reading, index, sentence[: verb.start()])
        after = sentence[verb.end() :]
        on_their_list = _on_their_list(reading, after)  # "el Consejo incluyó en la lista a X"
        again = kind == "passive" and weak is not None and _designated_again(ctx, index, sentence, verb, reading)
        if (
            kind != "list"
            and weak
            and not (
                _names_programme(after)
                or SANCTIONS_LIST.search(after)
                or BLOCKED_PROPERTY.search(after)
                or UNDER_LAW.search(after)
                or SANCTIONS_LIST.search(word)  # "has been on the U.S. sanctions list"
                or goes_on
                or (sanctioning and (OWN_LIST.match(after) or (LISTED_FIRST.match(after) and LIST_PLACE.match(after))))
                or on_their_list
                or again
                or _included_by_list_keeper(sentence, verb.start(), word)
            )
        ):
            continue  # "declaró el secretario": a weak verb designates only with its programme after it
        goes_on = goes_on or again
        if not (goes_on or _in_context(sentence, verb, kind, sanctioning, reading, index)) or _hypothetical(
            ctx, index, sentence, verb.start()
        ):
            continue
        parties = _governed(ctx, index, sentence, verb, kind)
        # "X, which the U.S. labeled an FTO in February": background to what the sentence reports.
        relative = kind == "active" and bool(parties) and parties == _antecedent(ctx, index, sentence, verb)
        listed = kind == "list" and (previous is not None or maker is not None)  # an act's parties
        joined = bool(JOINED_LIST.match(sentence, verb.start()))  # joined someone on a list: listed too
        if not (
            named
            or sanctioning
            or listed
            or joined
            or goes_on
            or PARTICIPLE.search(word)
            or re.search(r"\blista?\b", word)
            or on_their_list
        ):
            parties = [p for p in parties if p.schema != "Person"]  # a person "designated" to a post
        if kind in ("passive", "among", "copula") and parties:
            covered.append((verb.start(), len(sentence)))  # the verbs after it are this act's
        if kind == "list" and previous is not None:
            if parties:
                announced = previous.announced or _announced_on(ctx, previous)
                # "The leaders named by Treasury are ...": the participle's own agent, where the act
                # before named none
                own = _us_actor(verb.group(0)) if acting and previous.actor.country is None else None
                programs = _act_programs(sentence, word, own, reading) if own else previous.programs
                acts.append(
                    _Act(
                        index,
                        parties,
                        programs,
                        _complete_actor(own, programs) if own else previous.actor,
                        continues=True,
                        announced=announced,
                        # the act that announced them unnamed ("designated eight groups as FTOs:")
                        origin=None if previous.parties else previous.sentence,
                    )
                )
            else:
                # "Entre los sancionados están cuatro funcionarios." : the four are named next
                counted = _counted(COUNTED_OBJECT.match(sentence, verb.end()), index)
                if counted is not None:
                    reading.counted, reading.announced = counted, previous
            continue
        actors = [maker] if maker is not None else _actors(sentence, verb.start(), verb.end())
        if (RHETORICAL_VERB.match(word) or kind == "that") and None in actors:
            continue  # "X calificó de terroristas a ...": words, unless a state or US body says them
        if CONSIDERING.search(word):
            if None in actors:
                continue  # "many analysts consider the group terrorist": an opinion
            parties = [p for p in parties if p.schema != "Person"]  # a state holds groups so; people it designates
        if BRANDING.search(word) and not _programs(after):
            continue
        for found_actor in actors:
            last = reading.last_act if goes_on else None
            actor = found_actor or (last.actor if last is not None else reading.actor)
            # "were among those sanctioned": what they are among says which act
            among = sentence[verb.start() : verb.end() + AMONG_REACH].lower() if kind == "among" else word
            programs = _act_programs(sentence, among, actor, reading)
            if last is None and reading.last_act is not None and on_their_list:
                last = reading.last_act  # "incluyó en la lista a X": the list of the act read last
            if last is not None and not _programs(sentence):
                programs = list(last.programs)
            if found_actor is not None:
                reading.actor = found_actor
            if not parties:
                # "Three members of the cartel were sanctioned": the next sentences may name them
                if kind in ("active", "passive") and (named or sanctioning):
                    reading.announced = _Act(index, [], programs, _complete_actor(actor, programs))
                    reading.counted = _count(sentence, verb, kind, index)
                continue
            # The pluperfect tells background ("Noboa había declarado ... en enero"): recalled, no event.
            # "X is one of the groups designated in February": what X is, not what the article reports.
            recalled = (
                relative
                or kind in ("enum", "among", "title", "copula")
                or word.startswith(("había", "habían", "habría"))
                or _undated_description(ctx, index, verb, kind)
            )
            act = _Act(index, parties, programs, _complete_actor(actor, programs), recalled=recalled)
            act.effective_hint = _future_date(ctx, sentence, verb) if kind == "active" else None
            acts.append(act)
        if parties and kind == "active":
            for alike in _alike(sentence, verb.end()):  # "tal como lo han hecho Argentina y Ecuador"
                programs = _act_programs(sentence, word, alike, reading)
                acts.append(_Act(index, parties, programs, _complete_actor(alike, programs), recalled=True))
    return acts


def _undated_description(ctx: ArticleContext, index: int, verb: re.Match[str], kind: str) -> bool:
    """A passive set off by a comma ("the ELN, a Designated Terrorist Organization", "X, which was
    sanctioned", "Y, designado como organización terrorista") tells what a party is; with no day in
    its own clause it is background to the sentence, not an act of the sentence's day."""
    if kind != "passive" or not verb.group(0).startswith(","):
        return False
    return not ctx.clause_dated(index, verb.end() - 1, verb.end())


def _count(sentence: str, verb: re.Match[str], kind: str, index: int) -> tuple[int, int, str] | None:
    """How many parties an act that named none counted, and of which kind ("sanctioned four
    officials", "sancionó a dos empresas")."""
    if kind != "active":
        return None
    start, _end = _object_span(sentence, verb.end())
    return _counted(COUNTED_OBJECT.match(sentence, start), index)


def _trailing_count(sentence: str, index: int) -> tuple[int, int, str] | None:
    """An act's sentence that ends by counting parties before a colon ("... y seis lugartenientes del
    cártel:"): how many, of which kind, named in the sentence after it."""
    return _counted(TRAILING_COUNT.search(sentence), index)


def _counted(counted: re.Match[str] | None, index: int) -> tuple[int, int, str] | None:
    """(sentence, how many, "Person"/"Organization") of a count of two or more parties."""
    if counted is None:
        return None
    word = counted.group("count").lower()
    number = int(word) if word.isdigit() else COUNT_WORDS.get(word)  # "several" counts nothing
    if number is None or number < 2:
        return None
    return index, number, "Organization" if counted.group("firms") else "Person"


def _counted_named(ctx: ArticleContext, index: int, reading: _Reading) -> list[_Act]:
    """The sentence right after an act that counted its parties and named none, naming exactly that
    many of that kind ("sanctioned four officials ... OFAC accused A, B, C and D of ..."): they are
    the act's parties."""
    counted, act = reading.counted, reading.announced
    if counted is None or act is None or counted[0] != index - 1:
        return []
    if QUOTED_SPEAKER.search(ctx.sentence_text(index)):
        return []  # 'The under secretary, X, said that "..."': who speaks of the act, not its parties
    # the NER's label of a name in a list is often wrong ("Amilcar Jesus Figueroa Salazar" an ORG) and it
    # splits long names: count names, adjacent mentions as one, less the acting bodies and the groups
    # the act's sentence named ("for their support of the FARC")
    before = {ctx.id_of(m) for m in ctx.mentions_in(counted[0])}
    spans: list[tuple[int, int]] = []
    for mention in ctx.mentions_in(index, frozenset({"PERSON", "ORG"})):
        if mention.kind in NEVER_PARTIES or ctx.id_of(mention) in before or _us_actor(mention.text):
            continue
        if counted[2] == "Person" and mention.kind not in ("", "person"):
            continue  # a known group is no official
        if spans and not ctx.text[spans[-1][1] : mention.start].strip():
            spans[-1] = (spans[-1][0], mention.end)
        else:
            spans.append((mention.start, mention.end))
    if len(spans) == counted[1]:
        parties = [_party_of(ctx, index, start, end) for start, end in spans]
    else:  # the model's spans miscount the names of a list: read the sentence as the list it is
        start, end = ctx.sentences[index]
        listed = _parties_in(ctx, index, start, ctx.text[start:end].rstrip(" ."))
        parties = list(listed) if len(listed) == counted[1] else []
    named = [p for p in parties if p is not None]
    if not parties or len(named) != len(parties):
        return []
    if counted[2] == "Organization" and any(p.schema == "Person" for p in named):
        return []
    return [
        _Act(index, named, act.programs, act.actor, continues=True, announced=act.announced, origin=act.sentence)
    ]


# a sentence that quotes someone: a verb of saying and a quotation mark
QUOTED_SPEAKER = re.compile(rf"\b(?:{ATTRIBUTION}|asever[óo])\b[^.]*?[“\"«]", re.I)
EXAMPLES_AFTER = re.compile(r"\s+(?:[a-záéíóúñ][\w-]*\s+){1,3}(?:like|such\s+as|including|como|incluyendo)\b")


def _alike(sentence: str, after: int) -> list[_Actor]:
    """The states a comparison says made the same designation before ("as the United States and
    Ecuador have done", "tal como lo han hecho Estados Unidos, Argentina y Paraguay", "al igual que
    Paraguay"): recalled acts of their own."""
    match = ALIKE.search(sentence, after)
    if match is None:
        return []
    actors = _listed_states(match.group("states") or match.group("states_en") or match.group("states_suit"))
    return [a for a in actors if a is not None]


def _names_any(ctx: ArticleContext, index: int, parties: list[_Party]) -> bool:
    ids = {p.entity_id for p in parties}
    return any(ctx.id_of(m) in ids for m in ctx.mentions_in(index))


def _same_acts(ctx: ArticleContext, sentence: str, index: int, last: _Act | None) -> list[_Act]:
    """Recalled acts of the states a sentence says made the designation just read, in it or in the
    sentence before ("Paraguay became the third country to do so, following Ecuador"): the act's
    parties, their own actor."""
    if last is None or not last.parties or last.recalled:
        return []
    if index - last.sentence > 1 and not (
        index - last.sentence <= SAME_ACT_REACH and _names_any(ctx, index, last.parties)
    ):
        return []  # further on, only a sentence that names the act's party tells of the same act
    acts = []
    for match in SAME_ACT.finditer(sentence):
        states = next(group for group in match.groups() if group)
        for actor in _listed_states(states):
            if actor is None or actor.country == last.actor.country:
                continue
            # a state's own register (RePET) is that state's: another state's listing is a list of its own
            programs = [p for p in last.programs if p in GENERIC_PROGRAMS and p not in US_PROGRAMS] or [
                "terrorist-list"
            ]
            if actor.country == "us":
                programs = list(last.programs) if set(last.programs) & US_PROGRAMS else ["sanctions"]
            acts.append(_Act(index, list(last.parties), programs, _complete_actor(actor, programs), recalled=True))
    return acts


def _designated_again(ctx: ArticleContext, index: int, sentence: str, verb: re.Match[str], reading: _Reading) -> bool:
    """ "Valenzuela Valenzuela fue registrado este miércoles por ...": a weak passive whose subject an
    act of the article already designated tells that act again."""
    return bool(reading.designated) and any(
        p.entity_id in reading.designated for p in _passive_parties(ctx, index, sentence, verb.start())
    )


# a post one is "designated" to: "designated Kristi Noem to lead the review", "designó a X como coordinador"
APPOINTMENT = re.compile(
    r"[^.;:]{0,60}?\b(?:to\s+(?:lead|head|serve|oversee|run|coordinate|chair|represent|act\s+as)|"
    r"as\s+(?:the\s+|its\s+|an?\s+)?(?:new\s+)?(?:head|chief|coordinator|chair\w*|director|envoy|representative|"
    r"ambassador|administrator|commander|secretary|minister)|"
    r"para\s+(?:dirigir|encabezar|liderar|coordinar|presidir|representar)|"
    r"como\s+(?:nuev[oa]\s+)?(?:jef[ea]|coordinador[a]?|director[a]?|enviad[oa]|representante|embajador[a]?|"
    r"ministr[oa]|secretari[oa]|comandante))\b",
    re.I,
)


def _names_announced(reading: _Reading, index: int) -> bool:
    """An act announced without its parties just before: the sentences after name them."""
    return reading.announced is not None and 0 < index - reading.announced.sentence <= LIST_REACH


def _on_their_list(reading: _Reading, after: str) -> bool:
    """ "the list" in an article already reporting acts is theirs: "el Consejo incluyó en la lista a X"."""
    return bool(reading.designated) and bool(LISTED_FIRST.match(after)) and bool(LIST_PLACE.match(after))


def _goes_on(reading: _Reading, index: int, before: str) -> bool:
    """The verb goes on with the act of the sentence before ("En la declaración, también incluyeron a X",
    "The move also listed Y")."""
    last = reading.last_act
    return (
        last is not None
        and not last.recalled
        and index - last.sentence == 1
        and bool(CONTINUING.search(before))
    )


def _previous(reading: _Reading, index: int) -> _Act | None:
    """The act a list continues: the one announced or read last, a few sentences back at most."""
    candidates = [a for a in (reading.announced, reading.last_act) if a is not None]
    latest = max(candidates, key=lambda a: a.sentence, default=None)
    return latest if latest is not None and index - latest.sentence <= LIST_REACH else None


def _future_date(ctx: ArticleContext, sentence: str, verb: re.Match[str]) -> tuple[str, int] | None:
    """The date a future designation is announced for ("will designate X on Nov. 24", "declarará el
    próximo 24 de noviembre ..."): the day it takes effect."""
    future = FUTURE_VERB.search(sentence[max(0, verb.start() - 25) : verb.start()]) or re.search(
        r"(?:ará|arán|erá|irá)$", verb.group(0), re.I
    )
    if future is None or ctx.published is None:
        return None
    for found in find_dates(sentence[verb.end() :], ctx.published, ctx.lang, "future"):
        if not found.since and found.value.count("-") == 2 and found.value > ctx.published.isoformat():
            return found.value, verb.end() + found.start
    return None


def _governed(ctx: ArticleContext, index: int, sentence: str, verb: re.Match[str], kind: str) -> list[_Party]:
    """The parties a verb governs: its subject if passive, its object if active; else an inline list
    after a colon, the bullet list that follows, or the group "the aforementioned organization" means."""
    start = ctx.sentences[index][0]
    passive = kind in ("passive", "among", "copula")
    if kind == "that":
        return _declared_parties(ctx, index, sentence, verb)
    if passive:
        parties = _passive_parties(ctx, index, sentence, verb.start()) or _passive_including(
            ctx, index, sentence, verb.end()
        )
        # "X, who was sanctioned Friday along with his brother, Y": the parties added to the subject
        for party in _along_with(ctx, index, sentence, verb.end()) if parties else []:
            if party not in parties:
                parties.append(party)
        anaphor = None if parties else _anaphor_subject(ctx, index, sentence, verb.start())
        parties = parties or ([anaphor] if anaphor is not None else [])
        parties = parties or _both_subject(ctx, index, sentence, verb.start())
        for party in _counted_members(ctx, index, sentence, verb.end(), verb.end()) if parties else []:
            if party not in parties:
                parties.append(party)
    else:
        places = tuple(
            (m.start - start, m.end - start) for m in ctx.mentions_in(index, frozenset({"GPE", "LOC"}))
        )
        object_start, object_end = _object_span(sentence, verb.end(), kind in ("list", "enum"), places)
        phrase = sentence[object_start:object_end]
        if NOMINAL_OF.search(verb.group(0)):
            # "la incorporación de A y de B": each member has the noun's "de"
            phrase = COORDINATED_OF.sub(lambda m: m.group(1) + " " * len(m.group(2)), phrase)
        if kind == "list" and RANGE_INTRO_AT_END.search(verb.group(0)):
            # "desde A hasta B": the range's two ends are parties, the preposition a separator
            phrase = RANGE_TO.sub(lambda m: " ," + " " * (len(m.group(1)) - 1) + " ", phrase, count=1)
        parties = _parties_in(ctx, index, start + object_start, phrase)
        if parties:
            # "A, a boss of the cartel, and seven other nationals for ... : B, C and D"
            colon = sentence.find(":", object_start)
            others = colon != -1 and OTHERS_COUNTED.search(sentence, object_start, colon) is not None
            for party in (
                _series(ctx, index, sentence, object_start)
                + _object_after(ctx, index, sentence, SECOND_OBJECT, object_end)
                + _fronted_also(ctx, index, sentence, verb.start())
                + _object_after(ctx, index, sentence, RELATIVE_CLOSED, object_end, kind in ("list", "enum"))
                + _along_with(ctx, index, sentence, object_end)
                + _appositive_series(ctx, index, sentence, object_end)
                + (_colon_list(ctx, index, sentence, colon) if others else [])
            ):
                if party not in parties:
                    parties.append(party)
        elif COUNTED_OBJECT.match(sentence, object_start) and kind in ("active", "list") and ":" not in sentence:
            parties = _trailing_series(ctx, index, sentence, object_end)
        for party in _counted_members(ctx, index, sentence, object_start, object_end):
            if party not in parties:
                parties.append(party)
        if not parties and kind == "active":
            parties = (
                _including(ctx, index, sentence, object_end)
                or _antecedent(ctx, index, sentence, verb)
                or _examples(ctx, index, sentence, object_start, object_end)
            )
    if kind == "title":
        return parties[:1]
    colon = sentence.find(":", verb.end())
    if not parties and colon != -1:
        parties = _colon_list(ctx, index, sentence, colon) or _bullet_parties(ctx, start + colon)
    if not parties and not passive:
        anaphor = _anaphor_party(ctx, index, sentence, verb.end())
        parties = [anaphor] if anaphor is not None else []
    if not parties and kind == "active":
        person = _pronoun_person(ctx, index, sentence, verb)
        parties = [person] if person is not None else []
    return parties


# "declaró a A como X, y a B como Y", "designated A as X, and B as Y": a second object of the one verb,
# in the same frame as the first (its own "como"/"as" after it)
SECOND_OBJECT = re.compile(
    r"\s+(?:como|as)\s+[^,;:.()]{1,100}?,?\s+(?:y|e|and)(?=\s+(?:a\s+|al\s+|the\s+)?[^,;:.()]{1,80}?\s(?:como|as)\s)",
    re.I,
)


# "A, who leads a gang, and the director of X, B": a relative clause on one party, closed by a comma
# and a conjunction that goes on with the list (the clause's own names are no parties)
RELATIVE_CLOSED = re.compile(
    r"\s*,?\s*(?<=,\s)(?:who|which|que|quien|quienes)\s[^;:.()]{1,120}?,\s+(?:and|y|e)(?=\s+(?:a\s+|al\s+)?"
    r"(?:(?:the|el|la|los|las|his|her|their|su|sus)\s+)?[\w“\"«]+)",
    re.I,
)


def _object_after(
    ctx: ArticleContext, index: int, sentence: str, opening: re.Pattern[str], at: int, listing: bool = False
) -> list[_Party]:
    """The parties of one more object of the verb, which ``opening`` introduces right at ``at``: after
    a relative clause on the last party ("A, who ..., and B", ``RELATIVE_CLOSED``), or in the first
    object's frame ("a A como X, y a B como Y", ``SECOND_OBJECT``)."""
    opened = opening.match(sentence, at)
    if opened is None:
        return []
    start, end = _object_span(sentence, opened.end(), listing)
    return _parties_in(ctx, index, ctx.sentences[index][0] + start, sentence[start:end])


# "Además de A, el Tesoro sancionó a B", "In addition to A, Treasury designated B": A is a party too
FRONTED_ALSO = re.compile(
    r"^\s*(?:además\s+de|aparte\s+de|in\s+addition\s+to|besides)\s+(?:a\s+(?=[A-ZÁÉÍÓÚÑ]))?([^,;:.]{2,80}),\s", re.I
)


def _fronted_also(ctx: ArticleContext, index: int, sentence: str, verb_start: int) -> list[_Party]:
    """The parties a fronted "además de" / "in addition to" adds to the verb's object."""
    fronted = FRONTED_ALSO.match(sentence)
    if fronted is None or fronted.end() > verb_start:
        return []
    return _parties_in(ctx, index, ctx.sentences[index][0] + fronted.start(1), fronted.group(1))


NOMINAL_OF = re.compile(r"ci[oó]n\s+(?:de|del)$", re.I)  # "la designación de", "la inclusión del"
COORDINATED_OF = re.compile(r"(\s+(?:y|e)\s+)(del|de)(?=\s)")


def _colon_list(ctx: ArticleContext, index: int, sentence: str, colon: int) -> list[_Party]:
    """The parties a colon opens on its line: a series, else one coordinated phrase."""
    inline_end = OBJECT_END.search(sentence, colon + 1)
    tail = sentence[colon + 1 : inline_end.start() if inline_end else len(sentence)]
    parties = _series(ctx, index, sentence, colon + 1)
    if not parties and "\n" not in tail.strip():
        parties = _parties_in(ctx, index, ctx.sentences[index][0] + colon + 1, tail)
    return parties


def _pronoun_person(ctx: ArticleContext, index: int, sentence: str, verb: re.Match[str]) -> _Party | None:
    """A person object pronoun ("lo designó", "sanctioned him"): the person the sentence before names
    first (its subject, as news writes it), when it names exactly one; else no party."""
    if not (CLITIC_BEFORE.search(sentence[: verb.start()]) or PRONOUN_AFTER.match(sentence, verb.end())):
        return None
    if GROUP_WORD.search(sentence, verb.end()):
        return None  # "lo designó como organización terrorista": the pronoun is a group, not a person
    if index == 0:
        return None
    people = {ctx.id_of(m): m for m in ctx.mentions_in(index - 1, frozenset({"PERSON"}))}
    if len(people) != 1:
        return None
    mention = next(iter(people.values()))
    return _party_of(ctx, index - 1, mention.start, mention.end)


def _series(ctx: ArticleContext, index: int, sentence: str, object_start: int) -> list[_Party]:
    """A series whose items are set apart by semicolons because each carries an appositive ("sanctioned
    A, the head of X; B, a regional leader; and C, who oversees ..."): the name that opens each item,
    while items open with a name."""
    rest = sentence[object_start:]
    if ";" not in rest:
        return []
    parties: list[_Party] = []
    for item in re.finditer(r"(?:^|;\s*(?:and\s+|y\s+)?)([^;]+)", rest):
        parts = _item_parts(item.group(1))
        lead, offset = parts[0][1], 0
        run = _name_run(_mask(lead))
        article = NAME_ARTICLE.fullmatch(lead[: run[0]]) if run is not None else None
        if run is not None and article is not None:
            run = (article.start(1), run[1])  # "Los Choneros, de Ecuador;": a name with its own article
        holder = _role_holder(parts)
        if (run is None or lead[: run[0]].strip()) and holder is not None and ROLE_ITEM.match(lead):
            # "ministro de Defensa, Pedro Ruiz": a role, then its holder; "varios ministros,
            # entre ellos el de Defensa, Pedro Ruiz": the holder closes the item
            offset, lead, run = holder
        elif run is not None and lead[: run[0]].strip() and ROLE_ITEM.match(lead):
            pass  # "al constituyente Diosdado Cabello": a role word before the name
        elif run is None or lead[: run[0]].strip() or lead[run[1] :].strip(" ."):
            break  # an item that does not open with a name ends the series
        if run is None or lead[run[1] :].strip(" ."):
            break
        at = ctx.sentences[index][0] + object_start + item.start(1) + offset
        party = _party_of(ctx, index, at + run[0], at + run[1])
        if party is None:
            break
        parties.append(party)
    return parties if len(parties) > 1 else []


NAME_ARTICLE = re.compile(r"\s*(Los|Las|La|El|The)\s+")


def _item_parts(item: str) -> list[tuple[int, str]]:
    """A series item cut at its commas and relative pronouns, each part with where it starts."""
    parts, start = [], 0
    for separator in ITEM_SEPARATOR.finditer(item):
        parts.append((start, item[start : separator.start()]))
        start = separator.end()
    parts.append((start, item[start:]))
    return parts


def _role_holder(parts: list[tuple[int, str]]) -> tuple[int, str, tuple[int, int]] | None:
    """The holder of the role a series item opens with: the first part after it that is a whole name
    ("el hermano del difunto gobernador Pedro Páez, Adrián Páez"; "varios ministros, entre ellos el
    de Defensa, Pedro Ruiz"), with where it starts and its name's run."""
    for at, part in parts[1:]:
        run = _name_run(_mask(part))
        if run is not None and not part[: run[0]].strip() and not part[run[1] :].strip(" ."):
            return at, part, run
    return None


def _examples(
    ctx: ArticleContext, index: int, sentence: str, object_start: int, object_end: int
) -> list[_Party]:
    """The members a nameless object names after it, or after the list it was put on: "otras
    estructuras criminales como A y B", "several groups, such as A and B", "added three companies to
    its sanctions list, including A"."""
    place = LIST_PLACE_AFTER.match(sentence, object_end)  # "added four firms to its list, including A"
    match = EXAMPLES.match(sentence, place.end() if place is not None else object_end)
    if match is None or object_end - object_start < 3:
        return []
    end = OBJECT_END.search(sentence, match.end())
    stop = end.start() if end is not None else len(sentence)
    return _parties_in(ctx, index, ctx.sentences[index][0] + match.end(), sentence[match.end() : stop])


def _declared_parties(ctx: ArticleContext, index: int, sentence: str, verb: re.Match[str]) -> list[_Party]:
    """ "declaró que el cartel X es un grupo terrorista": the subject of the complement clause, when
    its predicate is a terrorist group or programme."""
    object_start, object_end = _object_span(sentence, verb.end())
    if not THAT_PREDICATE.match(sentence, object_end):
        return []
    return _parties_in(ctx, index, ctx.sentences[index][0] + object_start, sentence[object_start:object_end])


def _passive_including(ctx: ArticleContext, index: int, sentence: str, verb_end: int) -> list[_Party]:
    """The members a passive verb's counted subject names after it ("were sanctioned, including A")."""
    return _listed_after(ctx, index, sentence, PASSIVE_INCLUDING, verb_end)


def _listed_after(
    ctx: ArticleContext, index: int, sentence: str, opening: re.Pattern[str], at: int
) -> list[_Party]:
    """The parties of the list that ``opening`` (with a ``gap`` group no clause word may fill)
    introduces at ``at``, up to the list's end."""
    match = opening.match(sentence, at)
    if match is None or CLAUSE_WORD.search(match.group("gap")):
        return []
    end = LIST_END.search(sentence, match.end())
    stop = end.start() if end is not None else len(sentence)
    return _parties_in(ctx, index, ctx.sentences[index][0] + match.end(), sentence[match.end() : stop])


def _trailing_series(ctx: ArticleContext, index: int, sentence: str, after: int) -> list[_Party]:
    """A counted object's members named at the sentence's end ("included three companies related to
    X in Miami, Florida, A Corp, B LLC, and C Inc."): the whole names that close it, read back from
    its end until an item that is no party (a place, a description); two at least."""
    tail = sentence[after:]
    spans = _series_spans(tail)
    parties: list[_Party] = []
    for start, end in reversed(spans):
        item = tail[start:end]
        if KIN_OF.search(tail[:start]) or KIN_OF_ROLE.search(tail[:start]) or INCLUSION_WORD.search(tail[:start]):
            break  # "including relatives of his wife, X": who the wife is; "including" has its own reading
        run = _name_run(_mask(item))
        if run is None or item[: run[0]].strip() or item[run[1] :].strip():
            break
        at = ctx.sentences[index][0] + after + start
        party = _party_of(ctx, index, at + run[0], at + run[1])
        if party is None:
            break
        parties.insert(0, party)
    return parties if len(parties) > 1 else []


# A counted set of parties that the sentence names right after counting them, set off by a dash, a
# parenthesis, a colon or a comma: "sanctioned three men — A, B and C —", "y a tres de sus líderes, A,
# B y C, a su lista", "tres grupos vinculados con Al Qaeda (A, B y C)", "alongside two groups – A and B".
# It opens the object or follows a coordinator, so a count inside a ground ("who ran two firms: ...")
# is not read.
_COUNTED_MEMBERS = (
    rf"(?:a\s+)?(?P<count>\d+|{'|'.join(COUNT_WORDS)})\s+(?:(?:de\s+)?(?:sus|its|their|his|her)\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{COUNTED_PEOPLE}|{COUNTED_FIRMS}|citizens|brothers|sons|groups|organi[sz]ations|vessels|ships|tankers|"
    r"networks|militias|cartels|gangs|factions|affiliates|financiers|facilitators|cargos|socios|ciudadanos|"
    r"hermanos|hijos|grupos|organizaciones|buques|barcos|redes|milicias|c[aá]rteles|bandas|facciones|filiales)\b"
    r"(?P<rest>[^,:;()—–]{0,60}?)\s*(?P<open>[:(—–]|\s-\s|,)"
)
COUNTED_MEMBERS = re.compile(r"\s*" + _COUNTED_MEMBERS, re.I)
COUNTED_CONJUNCT_MEMBERS = re.compile(
    r"(?:,\s*)?\b(?:and|y|alongside|along\s+with|together\s+with|as\s+well\s+as|junto\s+(?:a|con)|así\s+como)\s+"
    + _COUNTED_MEMBERS,
    re.I,
)
DETERMINER_FIRST = re.compile(r"^\s*(?:(?:the|el|la|los|las)\s+)?(?:[a-záéíóúñ-]+\s+){0,2}")


def _counted_members(ctx: ArticleContext, index: int, sentence: str, start: int, end: int) -> list[_Party]:
    """The parties a counted object names after its count ("three men — A, B and C —"), when the names
    that follow, one whole name to an item, are exactly as many as the count says. The count opens the
    object or a conjunct that begins within [start, end], or after a short gap with no clause in it
    ("proscribed as a terror organisation alongside two groups – A and B")."""
    found = COUNTED_MEMBERS.match(sentence, start) or COUNTED_CONJUNCT_MEMBERS.search(sentence, start)
    if found is None:
        return []
    gap = sentence[end : found.start()]
    if found.start() > end and (len(gap) > 60 or re.search(r"[,;:.()]", gap) or CLAUSE_WORD.search(gap)):
        return []
    count = int(found.group("count")) if found.group("count").isdigit() else COUNT_WORDS[found.group("count").lower()]
    closer = {"(": ")", "—": "—", "–": "–", "-": " -"}.get(found.group("open").strip(), "")
    stop = sentence.find(closer, found.end()) if closer else -1
    tail = sentence[found.end() : stop if stop != -1 else len(sentence)]
    spans = _series_spans(tail)
    parties: list[_Party] = []
    for number, (item_start, item_end) in enumerate(spans):
        item = tail[item_start:item_end]
        lead = DETERMINER_FIRST.match(item)
        run = _name_run(_mask(item))
        if run is None or lead is None or run[0] > lead.end() or item[run[1] :].strip():
            return []
        where = ctx.sentences[index][0] + found.end() + item_start
        party = _party_of(ctx, index, where + run[0], where + run[1], coordinated=True)
        if party is None:
            return []
        parties.append(party)
        if len(parties) == count:
            # the list must end there: no further name ("two men — A, B and C —" counts wrong)
            following = spans[number + 1][0] if number + 1 < len(spans) else None
            closed = following is None or not (
                re.search(r"\b(?:and|y|e)\s*$", tail[item_end:following]) or re.match(r"\W*[A-ZÁÉÍÓÚÑ]", tail[following:])
            )
            return parties if closed else []
    return []


def _series_spans(tail: str) -> list[tuple[int, int]]:
    """The items of a series, split at its commas and conjunctions (the last one without the full stop)."""
    spans, position = [], 0
    for separator in SERIES_SEPARATOR.finditer(tail):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(tail.rstrip(" ."))))
    return spans


def _appositive_series(ctx: ArticleContext, index: int, sentence: str, object_end: int) -> list[_Party]:
    """Members after the object's appositive, each closed by a comma: "sanctioned A, a regional
    commander of X, and B, a lieutenant", "sancionó a A, un operador del cartel, y a B, su socio". Only
    an item that is a whole name before its own comma or the sentence's end counts."""
    if not APPOSITIVE_OPENS.match(sentence, object_end) or not sentence[:object_end].rstrip().endswith(","):
        return []
    parties: list[_Party] = []
    for item in APPOSITIVE_ITEM.finditer(sentence, object_end):
        lead = item.group("item")
        run = _name_run(_mask(lead))
        if run is None or lead[: run[0]].strip() or lead[run[1] :].strip():
            continue
        at = ctx.sentences[index][0] + item.start("item")
        party = _party_of(ctx, index, at + run[0], at + run[1])
        if party is not None:
            parties.append(party)
    return parties


def _along_with(ctx: ArticleContext, index: int, sentence: str, object_end: int) -> list[_Party]:
    """Parties added after the object's appositive or place by "along with", "junto con"."""
    return _listed_after(ctx, index, sentence, ALONG_WITH, object_end)


def _including(ctx: ArticleContext, index: int, sentence: str, object_end: int) -> list[_Party]:
    """A counted object and its members: "designated eight organizations as terrorist groups,
    including A, B and C", "designó a seis grupos, entre ellos A y B"."""
    match = INCLUDING.match(sentence, object_end)
    if match is None or not _names_programme(match.group("programme")):
        return []
    end = LIST_END.search(sentence, match.end())
    stop = end.start() if end is not None else len(sentence)
    return _parties_in(ctx, index, ctx.sentences[index][0] + match.end(), sentence[match.end() : stop])


def _antecedent(ctx: ArticleContext, index: int, sentence: str, verb: re.Match[str]) -> list[_Party]:
    """The party an object relative names before its actor ("X, which the U.S. labeled an FTO"); the
    relative's subject must be a state or US body, so "X, que ayer designó ..." is X acting."""
    relative = RELATIVE_OBJECT.search(sentence, 0, verb.start())
    if relative is None:
        return []
    subject = relative.group("subject")
    if _us_actor(subject) is None and _state_actor(subject, len(subject)) is None:
        return []
    return _passive_parties(ctx, index, sentence, relative.start())


# --- dates ------------------------------------------------------------------------------------


def signed_date(ctx: ArticleContext, index: int) -> str | None:
    """A notice's "Dated: November 16, 2025." (the signing, i.e. announcement, date)."""
    return news_dates.signed_date(ctx.sentence_text(index), ctx.published, ctx.lang)


def effective_on_publication(ctx: ArticleContext, sentence: str) -> str | None:
    """ "Effective upon publication": the notice's own publication date."""
    if ctx.published is None or not news_dates.effective_on_publication(sentence, ctx.published):
        return None
    return ctx.published.isoformat()


def _effective_date(ctx: ArticleContext, sentence: str) -> tuple[str, int] | None:
    """The date right after an effective-date cue, else the day of publication in the Federal Register
    or a gazette;
    resolved towards the future unless the cue is past ("took effect"), and where it starts."""
    on_publication = effective_on_publication(ctx, sentence)
    if on_publication is not None:
        return on_publication, 0
    for cue in EFFECTIVE_CUE.finditer(sentence):
        prefer = (
            "past"
            if re.match(r"(?:took|went|became|came|entered|entró|entraron)\b", cue.group(0), re.I)
            else "future"
        )
        for found in find_dates(sentence[cue.end() : cue.end() + 40], ctx.published, ctx.lang, prefer):
            if cue.group(0).lower().startswith("a partir") and WHEN_CLAUSE.match(
                sentence, cue.end() + found.end
            ):
                break
            if EFFECTIVE_GAP.fullmatch(sentence[cue.end() : cue.end() + found.start]):
                value = resolve(found.text, ctx.published, ctx.lang, prefer, "day")
                if value is not None:
                    return value, cue.end() + found.start
    return _gazette_date(ctx, sentence)


def _gazette_date(ctx: ArticleContext, sentence: str) -> tuple[str, int] | None:
    """The day a designation is published in the Federal Register or an official gazette, when it
    takes effect ("publicada este miércoles en el Boletín Oficial", "published in the Federal
    Register on Thursday")."""
    for gazette in GAZETTE.finditer(sentence):
        start = max(0, gazette.start() - 45)
        window = sentence[start : gazette.end() + 30]
        if not PUBLISHED.search(window):
            continue
        prefer = "future" if FUTURE_WORDS.search(window) else "past"
        for found in find_dates(window, ctx.published, ctx.lang, prefer):
            if not found.since and found.value.count("-") == 2:
                return found.value, start + found.start
    return None


RELATIVE_CLAUSE_OPEN = re.compile(r",\s*(?:who|which|whose|que|quien|quienes|cuy[oa]s?)\b[^,;]*$", re.I)


def _listing_date(ctx: ArticleContext, index: int, sentence: str, effective_at: int) -> str | None:
    """A date in the act's sentence that is not its effective date."""
    for found in find_dates(sentence, ctx.reference, ctx.lang, "past"):
        possessive = sentence.startswith(("'s", "’s"), found.end)  # "after Sunday's election": the election's day
        # "X, who helped legitimize the July 28 elections": the relative clause's day, not the act's
        relative = RELATIVE_CLAUSE_OPEN.search(sentence, 0, found.start) is not None
        if not found.start <= effective_at < found.end and not found.since and not possessive and not relative:
            return found.value
    return None


# --- the article ------------------------------------------------------------------------------


def _announced_on(ctx: ArticleContext, act: _Act) -> str | None:
    """The day an act was made: a date of its sentence other than the effective one, else the
    article's own day when the sentence tells it in the present."""
    sentence = ctx.sentence_text(act.sentence)
    effective = _effective_date(ctx, sentence) or act.effective_hint
    listing = _listing_date(ctx, act.sentence, sentence, effective[1] if effective else -1)
    return listing or _told_today(ctx, sentence)


def _told_today(ctx: ArticleContext, sentence: str) -> str | None:
    if PRESENT_ACT.search(sentence) is None or ctx.reference is None:
        return None
    return ctx.reference.isoformat()


def _generic(authority: str | None) -> bool:
    return authority is None or authority == "United States" or authority.startswith("Government of ")


def _compatible(designation: _Designation, act: _Act) -> bool:
    """The same designation: same party, country and authority (or one side only the state), and
    programmes named together, or one side only "a terrorist list" (a headline's words for the
    body's FTO)."""
    mine, theirs = designation.actor, act.actor
    if mine.country != theirs.country:
        return False
    if mine.authority != theirs.authority and not (_generic(mine.authority) or _generic(theirs.authority)):
        return False
    generic = GENERIC_PROGRAMS
    return (
        set(designation.programs) <= generic
        or set(act.programs) <= generic
        or bool(set(act.programs) & set(designation.programs))
    )


def _record(
    ctx: ArticleContext, act: _Act, found: list[_Designation], inherited: tuple[str, int] | None
) -> None:
    """Add an act's parties to the designations found: a new one, or the compatible one already read."""
    sentence = ctx.sentence_text(act.sentence)
    effective = _effective_date(ctx, sentence) or act.effective_hint
    listing = _listing_date(ctx, act.sentence, sentence, effective[1] if effective else -1)
    if not act.continues:  # a list's "incluye:" tells no day; the act it continues does
        act.announced = act.announced or listing or _told_today(ctx, sentence)
    for party in act.parties:
        designation = next(
            (d for d in found if d.party.entity_id == party.entity_id and _compatible(d, act)), None
        )
        if designation is None:
            designation = _Designation(party, list(act.programs), act.actor)
            found.append(designation)
        merged = list(dict.fromkeys([*designation.programs, *act.programs]))
        designation.programs = [p for p in merged if p not in GENERIC_PROGRAMS] or merged[:1]
        designation.sentences.append(act.sentence)
        if _generic(designation.actor.authority) and not _generic(act.actor.authority):
            designation.actor = act.actor
        if act.announced and designation.listing_date is None:
            designation.listing_date = act.announced
        if effective is not None:
            designation.start_date, designation.start_sentence = effective[0], act.sentence
        elif inherited is not None and designation.start_date is None:
            designation.start_date, designation.start_sentence = inherited
            designation.sentences.append(inherited[1])
        act.designations.append(designation)


def _supersede(act: _Act, index: int, effective: str) -> None:
    """A later sentence's effective date for the act last read ("set to take effect on ..."): an
    amended date supersedes the one announced."""
    for designation in act.designations:
        designation.sentences.append(index)
        designation.start_date, designation.start_sentence = effective, index


def _first_actor(sentence: str) -> _Actor | None:
    """Who the article's first sentences say acts: the subject of a designation verb (a headline's
    "Trinidad and Tobago designates ..."), else a state's organ or a US body."""
    for verb, kind in _verbs(sentence):
        if kind in ("active", "passive"):
            return _actor(sentence, verb.start(), verb.end())
    return _state_actor(sentence, None) or _us_actor(sentence)


def _inherited(reading: _Reading, act: _Act, index: int) -> tuple[str, int] | None:
    """The effective date an act takes from its context: the act it continues, or a date announced
    in the sentences just before it."""
    if act.continues and reading.last_act is not None:
        for designation in reading.last_act.designations:
            if designation.start_date and designation.start_sentence is not None:
                return designation.start_date, designation.start_sentence
    pending = reading.pending_effective
    if pending is not None and index - pending[1] <= 2 and not act.recalled:
        return pending
    return None


def extract_designations(ctx: ArticleContext) -> list[StatementEntity]:
    """Sanction entities (status "reported") for the designations an article announces or recalls."""
    return read_designations(ctx).entities


def read_designations(ctx: ArticleContext) -> DesignationReading:
    """The article's designations and the acts that announce them (recalled ones are no act)."""
    found: list[_Designation] = []
    made: list[_Act] = []
    every: list[_Act] = []  # recalled acts too: their grounds and descriptions of parties hold
    reading = _Reading()
    signed: str | None = None
    for index in range(len(ctx.sentences)):
        sentence = ctx.sentence_text(index)
        signed = signed_date(ctx, index) or signed
        acts = [] if ctx.is_title(index) else _acts(ctx, index, reading)  # the title repeats the body
        if not acts and not ctx.is_title(index):
            acts = _counted_named(ctx, index, reading)
        if not ctx.is_title(index):
            acts += _same_acts(ctx, sentence, index, acts[-1] if acts else reading.last_act)
        for act in acts:
            every.append(act)
            reading.designated.update(p.entity_id for p in act.parties)
            _record(ctx, act, found, _inherited(reading, act, index))
            reading.last_act = act
            if not act.recalled:
                made.append(act)
        trailing = _trailing_count(sentence, index) if acts else None
        if trailing is not None:  # "... y seis lugartenientes del cártel:", the six named next
            reading.counted, reading.announced = trailing, acts[-1]
        reading.programs = _programs(sentence) or reading.programs
        if not acts:
            effective = _effective_date(ctx, sentence)
            last = reading.last_act
            if effective is not None and _hypothetical(ctx, index, sentence, effective[1], reported=True):
                effective = None
            if effective is not None and last is not None and _about(ctx, index, last):
                _supersede(last, index, effective[0])
            elif effective is not None and DESIGNATION_WORD.search(sentence):
                reading.pending_effective = (effective[0], index)
        if reading.actor is None:
            reading.actor = _first_actor(sentence)
    if signed is not None:
        for designation in found:
            designation.listing_date = designation.listing_date or signed
        for act in made:
            act.announced = act.announced or signed
    entities = [entity for d in found for entity in _entities(ctx, d)]
    told = []
    for act in every:
        named = [p for p in act.parties if _named_in(ctx, act.sentence, p)]
        told.append(
            ActSentences(
                tuple(dict.fromkeys(i for i in (act.sentence, act.origin) if i is not None)),
                tuple(dict.fromkeys(p.entity_id for p in named)),
                tuple(dict.fromkeys(p.entity_id for p in named if p.schema == "Person")),
            )
        )
    return DesignationReading(entities, _announcements(made), told)


def _named_in(ctx: ArticleContext, index: int, party: _Party) -> bool:
    """The sentence names the party, rather than standing for it ("the network", "the group")."""
    if any(ctx.id_of(m) == party.entity_id for m in ctx.mentions_in(index)):
        return True
    return name_key(party.name) in name_key(ctx.sentence_text(index))


def _announcements(acts: list[_Act]) -> list[Announcement]:
    """One announcement per actor and day: a release's list, its continuation and its repetition
    are one act."""
    grouped: dict[tuple[str | None, str | None, str | None], list[_Act]] = {}
    for act in acts:
        grouped.setdefault((act.announced, act.actor.authority, act.actor.country), []).append(act)
    return [
        Announcement(
            sentence=min(a.sentence for a in group),
            date=day,
            parties=tuple(dict.fromkeys(p.entity_id for a in group for p in a.parties)),
            authority=authority,
            country=country,
        )
        for (day, authority, country), group in grouped.items()
    ]


def _about(ctx: ArticleContext, index: int, act: _Act) -> bool:
    """A later sentence is about the act last read if it uses designation words or names no other party."""
    ids = {p.entity_id for p in act.parties}
    others = [m for m in ctx.mentions_in(index, frozenset({"ORG", "PERSON"})) if ctx.id_of(m) not in ids]
    return bool(DESIGNATION_WORD.search(ctx.sentence_text(index)) or not others)


def _entities(ctx: ArticleContext, designation: _Designation) -> list[StatementEntity]:
    """The Sanction, and the party itself when the NER missed it."""
    first = designation.sentences[0]
    party = designation.party
    out = []
    if not party.mentioned:
        entity = ctx.new_entity(party.schema, party.entity_id, first)
        entity.add("name", party.name, origin=ctx.origin(first))
        out.append(entity)
    actor = designation.actor
    entity_id_ = ctx.derived_id("sanction", party.entity_id, *designation.programs, actor.country or "")
    sanction = ctx.new_entity("Sanction", entity_id_, first)
    origin = ctx.origin(first)
    sanction.add("entity", party.entity_id, origin=origin)
    sanction.add("status", "reported", origin=origin)
    for program in designation.programs:
        sanction.add("program", program, origin=origin)
    if actor.authority:
        sanction.add("authority", actor.authority, origin=origin)
    if actor.country:
        sanction.add("country", actor.country, origin=origin)
    listing = designation.listing_date or (ctx.published.isoformat() if ctx.published else None)
    if listing:
        sanction.add("listingDate", listing, origin=origin)
    for index in dict.fromkeys(designation.sentences):
        sentence_origin = ctx.origin(index)
        sanction.add("summary", ctx.sentence_text(index).strip(), origin=sentence_origin)
        if designation.start_date and index == designation.start_sentence:
            sanction.add("startDate", designation.start_date, origin=sentence_origin)
    out.append(sanction)
    return out
