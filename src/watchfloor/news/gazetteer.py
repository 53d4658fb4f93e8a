"""Names the small NER models get wrong, the canonical form of names reporting shortens, and the
fine type (``kind``) of a name.

Small statistical models tag "Trump" as an organisation, "Hezbolá" as a person and miss "Tren de
Aragua". This gazetteer is data, not code: each entry is a canonical name, its label, the aliases
it is written as (English and Spanish) and its kind. It feeds the EntityRuler patterns and the
mention merger ("Maduro" -> "Nicolás Maduro"), so the same actor gets the same ID in every
article. Extend it as a crisis brings new actors.

``kind`` (government, media, armed_group, person, place, or empty when unknown) lets list linking
refuse to link a ministry or a news agency to a list entry. Names outside the gazetteer get theirs
from their words: an organisation headed by "Ministerio", "Senate" or "Navy" is government one
named with "Televisión" or "News" media, one with "Cartel" or "Liberación" an armed group.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import icu
from rigour.territories import get_territories
from rigour.text.scripts import is_latin

from watchfloor.news.language import words
from watchfloor.news.mentions import name_key

GOVERNMENT = "government"
MEDIA = "media"
ARMED_GROUP = "armed_group"
PERSON_KIND = "person"
PLACE = "place"
_KIND_BY_LABEL = {"PERSON": PERSON_KIND, "GPE": PLACE, "LOC": PLACE}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    label: str  # PERSON, ORG, GPE, LOC
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO code for places and national bodies
    kind: str = ""  # for ORG: government, media, armed_group or "" (a company, a party, unknown)
    # bare words ("Senate") that mean this body only in an article that also names it in full
    generic: tuple[str, ...] = ()

    @property
    def fine_kind(self) -> str:
        return self.kind or _KIND_BY_LABEL.get(self.label, "")


def _gov(
    name: str, *aliases: str, generic: tuple[str, ...] = (), country: str | None = None
) -> GazetteerEntry:
    return GazetteerEntry(name, "ORG", aliases, country, kind=GOVERNMENT, generic=generic)


def _us(name: str, *aliases: str, generic: tuple[str, ...] = ()) -> GazetteerEntry:
    """A US federal body: an article naming one is about US institutions."""
    return _gov(name, *aliases, generic=generic, country="us")


def _media(name: str, *aliases: str) -> GazetteerEntry:
    return GazetteerEntry(name, "ORG", aliases, kind=MEDIA)


def _armed(name: str, *aliases: str) -> GazetteerEntry:
    return GazetteerEntry(name, "ORG", aliases, kind=ARMED_GROUP)


ENTRIES: tuple[GazetteerEntry, ...] = (
    # people
    GazetteerEntry("Nicolás Maduro", "PERSON", ("Maduro", "Nicolas Maduro", "Nicolás Maduro Moros")),
    GazetteerEntry("Donald Trump", "PERSON", ("Trump", "Donald J. Trump")),
    GazetteerEntry("Marco Rubio", "PERSON", ("Rubio",)),
    GazetteerEntry(
        "Vladimir Padrino López", "PERSON", ("Padrino López", "Padrino Lopez", "Vladimir Padrino Lopez")
    ),
    GazetteerEntry("Diosdado Cabello", "PERSON", ("Cabello", "Diosdado Cabello Rondón")),
    GazetteerEntry("Gustavo Petro", "PERSON", ("Petro",)),
    GazetteerEntry("Luiz Inácio Lula da Silva", "PERSON", ("Lula", "Lula da Silva")),
    GazetteerEntry("Delcy Rodríguez", "PERSON", ()),
    GazetteerEntry("Pete Hegseth", "PERSON", ("Hegseth",)),
    GazetteerEntry("María Corina Machado", "PERSON", ("Maria Corina Machado",)),
    GazetteerEntry("Rand Paul", "PERSON", ()),
    GazetteerEntry(
        "Héctor Rusthenford Guerrero Flores",
        "PERSON",
        ("Héctor Guerrero Flores", "Hector Guerrero Flores", "Guerrero Flores", "Niño Guerrero"),
    ),
    GazetteerEntry("Tim Kaine", "PERSON", ()),
    GazetteerEntry("Adam Schiff", "PERSON", ()),
    # armed groups and designated organisations
    _armed("Cartel de los Soles", "Cartel of the Suns", "Cártel de los Soles"),
    # "TdA" is the group's own abbreviation in US statements and the press: the same party, so
    # an alias (an entry of its own would give "TdA" an identity of its own, and links to it
    # would never meet the group's)
    _armed("Tren de Aragua", "TdA"),
    _armed("Sinaloa Cartel", "Cártel de Sinaloa", "Cartel de Sinaloa"),
    # Other groups: one entry per name, with only its spellings as aliases. The designation scorer
    # and the analyst compare the party's name as the article writes it ("Mara Salvatrucha" is not
    # to be reported as "MS-13", nor "ISIS" as "Islamic State").
    _armed(
        "Cártel de Jalisco Nueva Generación",
        "Cartel de Jalisco Nueva Generación",
        "Cártel Jalisco Nueva Generación",
    ),
    _armed("Cartel Jalisco Nueva Generación"),
    _armed("Jalisco New Generation Cartel"),
    _armed("CJNG"),
    _armed("Gulf Cartel"),
    _armed("Cártel del Golfo", "Cartel del Golfo"),
    _armed("Cárteles Unidos", "Carteles Unidos"),
    _armed("La Nueva Familia Michoacana", "Nueva Familia Michoacana"),
    _armed("Familia Michoacana"),
    _armed("Cartel del Noreste", "Cártel del Noreste"),
    _armed("Northeast Cartel"),
    _armed("MS-13", "MS13"),
    _armed("Barrio 18", "Mara 18", "18th Street gang"),
    _armed("Los Viagras"),
    _armed("Los Chapitos", "Chapitos"),
    _armed("Mara Salvatrucha"),
    _armed("Clan del Golfo"),
    _armed("Gulf Clan"),
    _armed("Autodefensas Gaitanistas de Colombia"),
    _armed("Ejército Gaitanista de Colombia"),
    _armed("Los Choneros"),
    _armed("Los Lobos"),
    _armed("Los Zetas"),
    _armed("Ejército de Liberación Nacional"),
    _armed("National Liberation Army"),
    _armed("ELN"),
    _armed("Fuerzas Armadas Revolucionarias de Colombia"),
    _armed("Revolutionary Armed Forces of Colombia"),
    _armed("FARC", "FARC-EP"),
    _armed("Segunda Marquetalia"),
    _armed("Sendero Luminoso"),
    _armed("Shining Path"),
    _armed("Hezbollah", "Hizbollah", "Hizballah", "Hizbullah"),
    _armed("Hezbolá", "Hizbulá", "Hizbolá", "Hezbolah"),
    _armed("Hamas", "Hamás"),
    _armed("Islamic State"),
    _armed("Estado Islámico"),
    _armed("ISIS"),
    _armed("ISIL"),
    _armed("Daesh"),
    _armed("Al Qaeda", "al-Qaeda", "al Qaeda", "Al-Qaeda", "Al Qaida", "al-Qaida", "Al-Qaida"),
    _armed("Houthis"),
    _armed("hutíes"),
    _armed("Ansarallah", "Ansar Allah"),
    _armed("Islamic Revolutionary Guard Corps"),
    _armed("IRGC"),
    _armed("Cuerpo de la Guardia Revolucionaria Islámica"),
    _armed("Guardia Revolucionaria Islámica"),
    _armed("Guardia Revolucionaria"),
    _armed("Revolutionary Guard", "Revolutionary Guards"),
    _armed("Quds Force", "IRGC-Quds Force"),
    _armed("Fuerza Quds"),
    _armed("Wagner Group"),
    _armed("Grupo Wagner"),
    _armed("Primeiro Comando da Capital"),
    _armed("Primer Comando de la Capital"),
    _armed("Comando Vermelho"),
    # groups on the US list of Foreign Terrorist Organizations beyond the Americas and the Middle East's
    # best known, by the names the press writes them in (the small models miss a lower-case "al-",
    # and take "Boko Haram" for a person)
    _armed("al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab", "al Shabaab", "Al Shabaab", "Al Shabab"),
    _armed("Boko Haram"),
    _armed("ISIS-West Africa", "ISIS West Africa", "ISWAP"),
    _armed("Islamic State West Africa Province"),
    _armed("JNIM"),
    _armed("Jama'at Nusrat al-Islam wal-Muslimin", "Jamaat Nusrat al-Islam wal-Muslimin"),
    _armed("ISIS-Somalia"),
    _armed("ISIS-DRC"),
    _armed("ISIS-Sahel"),
    _armed("ISIS-Mozambique"),
    _armed("Allied Democratic Forces"),
    _armed("Fuerzas Democráticas Aliadas"),
    _armed("Islamic State in the Greater Sahara"),
    _armed("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    _armed("al-Nusrah Front", "al-Nusra Front", "Nusra Front"),
    _armed("Haqqani Network"),
    _armed("Lashkar-e-Tayyiba", "Lashkar-e-Taiba"),
    _armed("Jaish-e-Mohammed"),
    _armed("Tehrik-e-Taliban Pakistan"),
    _armed("Balochistan Liberation Army"),
    _armed("Kata'ib Hizballah", "Kataib Hezbollah", "Kata'ib Hezbollah"),
    _armed("Palestinian Islamic Jihad"),
    _armed("Yihad Islámica Palestina"),
    _armed("Abu Sayyaf Group", "Abu Sayyaf"),
    _armed("Jemaah Islamiyah"),
    _armed("Kurdistan Workers' Party", "Kurdistan Workers Party"),
    _armed("PKK"),
    _armed("Viv Ansanm"),
    _armed("Gran Grif"),
    _armed("Nordic Resistance Movement"),
    _armed("Movimiento de Resistencia Nórdico"),
    _armed("Russian Imperial Movement"),
    _armed("Movimiento Imperial Ruso"),
    _armed("Terrorgram Collective", "Terrorgram"),
    # a Medellín crime syndicate whose name's head reads as a government office's ("Oficina de X")
    _armed("Oficina de Envigado", "La Oficina de Envigado"),
    # government bodies
    _us("US Department of State", "State Department", "Department of State", "Departamento de Estado"),
    _us(
        "US Department of the Treasury",
        "Treasury Department",
        "Department of the Treasury",
        "Treasury",
        "Departamento del Tesoro",
        "Tesoro estadounidense",
        "Tesoro",
        "OFAC",
        "Office of Foreign Assets Control",
        "Oficina de Control de Activos Extranjeros",
    ),
    _us("US Department of Defense", "Defense Department", "Pentagon", "Pentágono", "Department of War"),
    _us(
        "US Department of Justice", "Justice Department", "Department of Justice", "Departamento de Justicia"
    ),
    _us("US Southern Command", "Southern Command", "SOUTHCOM", "Comando Sur"),
    _us(
        "US Senate",
        "U.S. Senate",
        "United States Senate",
        "Senado de Estados Unidos",
        "Senado de EE.UU.",
        "Senado de EEUU",
        "Senado estadounidense",
        "Senado norteamericano",
        generic=("Senate", "Senado"),
    ),
    _us(
        "US Congress",
        "U.S. Congress",
        "United States Congress",
        "Congreso de Estados Unidos",
        "Congreso de EE.UU.",
        "Congreso de EEUU",
        "Congreso estadounidense",
        "Congreso norteamericano",
        generic=("Congress", "Congreso"),
    ),
    _us("White House", "Casa Blanca"),
    _us(
        "US Agency for International Development",
        "U.S. Agency for International Development",
        "Agency for International Development",
        "USAID",
    ),
    _us("Drug Enforcement Administration", "DEA", "Administración de Control de Drogas"),
    _us("Federal Bureau of Investigation", "FBI"),
    _us("Central Intelligence Agency", "CIA", "Agencia Central de Inteligencia"),
    _gov("Fuerza Armada Nacional Bolivariana", "FANB", "Bolivarian National Armed Forces"),
    # Venezuela's police and intelligence bodies (none an entry of the lists): their directors hold
    # posts, not alleged links (the DGCIM, on the SDN list, stays out: it must link)
    _gov("Fuerzas de Acciones Especiales", "FAES", "Special Action Forces", country="ve"),
    _gov("Guardia Nacional Bolivariana", "GNB", "Bolivarian National Guard", country="ve"),
    _gov("Policía Nacional Bolivariana", "PNB", "Bolivarian National Police", country="ve"),
    _gov("Servicio Bolivariano de Inteligencia Nacional", "SEBIN", "Bolivarian National Intelligence Service", country="ve"),
    _gov("Cuerpo de Investigaciones Científicas, Penales y Criminalísticas", "CICPC", country="ve"),
    GazetteerEntry("PDVSA", "ORG", ("Petróleos de Venezuela",)),
    # news organisations
    _media("CNN", "CNN en Español"),
    _media("Reuters"),
    _media("Agencia EFE", "EFE"),
    _media("Associated Press", "AP"),
    _media("Agence France-Presse", "AFP", "France-Presse", "France Presse"),
    _media("BBC", "BBC Mundo", "BBC News"),
    _media("El País"),
    _media("The New York Times", "New York Times", "NYT"),
    _media("The Washington Post", "Washington Post"),
    _media("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    _media("Bloomberg News"),
    _media("Fox News"),
    _media("CBS News", "CBS"),
    _media("NBC News", "NBC"),
    _media("ABC News"),
    _media("Al Jazeera"),
    _media("Telesur", "teleSUR", "TeleSUR"),
    _media("Venezolana de Televisión", "VTV"),
    _media("NTN24"),
    _media("Globovisión"),
    _media("El Tiempo"),
    _media("El Nacional"),
    _media("El Universal"),
    _media("Infobae"),
    _media("Europa Press"),
    _media("Deutsche Welle", "DW"),
    _media("France 24"),
    _media("Univision", "Univisión"),
    _media("Telemundo"),
    _media("Miami Herald", "El Nuevo Herald"),
    _media("Axios"),
    _media("Politico"),
    # places
    GazetteerEntry("Venezuela", "GPE", (), "ve"),
    GazetteerEntry(
        "United States",
        "GPE",
        ("Estados Unidos", "EE.UU.", "EEUU", "EE. UU.", "US", "U.S.", "USA", "U.S.A."),
        "us",
    ),
    GazetteerEntry("Colombia", "GPE", (), "co"),
    GazetteerEntry("Brazil", "GPE", ("Brasil",), "br"),
    GazetteerEntry("Mexico", "GPE", ("México",), "mx"),
    GazetteerEntry("Cuba", "GPE", (), "cu"),
    GazetteerEntry("Paraguay", "GPE", (), "py"),
    GazetteerEntry("El Salvador", "GPE", (), "sv"),
    GazetteerEntry("Trinidad and Tobago", "GPE", ("Trinidad y Tobago",), "tt"),
    GazetteerEntry("Puerto Rico", "GPE", (), "pr"),
    GazetteerEntry("Caracas", "GPE", (), "ve"),
    GazetteerEntry("Asunción", "GPE", ("Asuncion",), "py"),
    GazetteerEntry("Bogotá", "GPE", ("Bogota",), "co"),
    GazetteerEntry("Havana", "GPE", ("La Habana",), "cu"),
    GazetteerEntry("Washington", "GPE", (), "us"),
    GazetteerEntry("Caribbean", "LOC", ("Caribe", "Caribbean Sea", "mar Caribe")),
    GazetteerEntry("Eastern Pacific", "LOC", ("eastern Pacific", "Pacífico oriental", "Pacific")),
)

# Words the model tags as organisations that are programmes or designations, not actors.
NOT_ENTITIES: frozenset[str] = frozenset(
    s.lower()
    for s in (
        "FTO",
        "SDGT",
        "AUMF",
        "OTE",
        "Foreign Terrorist Organization",
        "a Foreign Terrorist Organization",
        "Specially Designated Global Terrorist",
        "Specially Designated Global Terrorists",
        "Organización Terrorista Extranjera",
        "Organizaciones Terroristas Extranjeras",
        "Terrorista Global Especialmente Designado",
        "SDNTK",
        "Specially Designated Narcotics Trafficker",
        "Significant Foreign Narcotics Trafficker",
        "Narcotraficante Especialmente Designado",
        "Narcotraficante Importante",
        "Kingpin Act",
        "Ley Kingpin",
        "Terror Group",
        "War Powers",
        "State",
        "Estado",
        "Defense",
        "Criminalizes",
        "Article II",
        "Comments",
        "Bottom Line",
    )
)

# Heads of government bodies, compared in name_key form (lower case, no accents). A name is a
# government body when its first word ("Ministerio de Defensa", "Office of ...") or its last
# word ("Paraguayan Senate", "State Department") is one.
GOVERNMENT_HEADS: frozenset[str] = words(
    "ministerio departamento secretaria senado congreso parlamento asamblea gobierno presidencia "
    "cancilleria armada ejercito fiscalia procuraduria contraloria defensoria tribunal corte juzgado "
    "policia guardia comando consejo comision oficina agencia servicio direccion superintendencia "
    "alcaldia gobernacion embajada consulado "
    "ministry department secretariat senate congress parliament assembly legislature government "
    "presidency cabinet navy army military police guard command council commission office agency "
    "administration bureau service court tribunal embassy consulate pentagon"
)
# "Fuerza(s) Armada(s)", "Armed Forces": a head only together with the word for armed.
_ARMED_FORCES = words("armada armadas armed")
MEDIA_WORDS: frozenset[str] = words(
    "television televisora tv radio noticias noticiero diario periodico prensa revista semanario "
    "news newspaper press times post journal gazette herald tribune broadcasting magazine"
)
ARMED_WORDS: frozenset[str] = words(
    "cartel carteles clan guerrilla guerrillas liberacion liberation paramilitares paramilitary "
    "autodefensas militia insurgents comandos disidencias guerreros"
)
# Nouns that head organisations' names, never places' or people's.
ORGANISATION_HEADS: frozenset[str] = (
    GOVERNMENT_HEADS
    | MEDIA_WORDS
    | ARMED_WORDS
    | words(
        "banco empresa compania corporacion grupo partido organizacion asociacion fundacion instituto "
        "universidad comite sindicato federacion alianza movimiento tren registro boletin relaciones union "
        "company corporation group party organization organisation association foundation institute "
        "university committee federation alliance movement"
    )
)
# ... and the words besides them that occur in organisations' names but not in people's: a
# "person" with any of these is an organisation ("Venezolana de Televisión", "Registro Nacional").
ORGANISATION_WORDS: frozenset[str] = ORGANISATION_HEADS | words(
    "bank nacional nacionales bolivariana bolivariano federal publico publica internacional "
    "entidades national international "
    # a firm's trade ("Coral Bay Shipping", "Inversiones Delta", "Transportes Norte")
    "shipping trading holdings industries logistics maritime petroleum investments naviera inversiones "
    "comercializadora transportes inmobiliaria servicios petrolera"
)
# Words that head a place's name: a "person" headed by one is a place ("Países Bajos").
PLACE_HEADS: frozenset[str] = words("republica reino paises estado provincia municipio ciudad")
# Members of a legislature: "Cámara de Diputados", "House of Representatives" are government.
_LEGISLATORS = words("diputados senadores representantes representatives")
# Institutions reporting names with no qualifier (as written): a bare one is no country's body.
GENERIC_BODIES: frozenset[str] = words(
    "Senado Congreso Parlamento Armada Ejército Senate Congress Parliament Navy Army"
)
# Geographic features and regions: a Spanish LOC starting with one is a LOC, not a GPE.
GEO_FEATURES: frozenset[str] = words(
    "mar mares oceano rio golfo bahia cordillera sierra lago peninsula estrecho cabo valle selva "
    "desierto isla islas archipielago costa frontera region "
    "europa america africa asia oceania latinoamerica sudamerica suramerica centroamerica "
    "norteamerica caribe pacifico atlantico amazonia"
)
# Spanish demonyms, which follow the noun in lower case: "Senado paraguayo", "Armada colombiana".
_DEMONYM_STEMS = (
    "paraguay colombian venezolan mexican argentin chilen peruan ecuatorian bolivian uruguay cuban "
    "dominican haitian jamaican brasileñ panameñ hondureñ salvadoreñ puertorriqueñ guatemaltec "
    "norteamerican american european italian rus chin siri ucranian"
)
_DEMONYMS_INVARIANT = (
    "estadounidense costarricense nicaragüense trinitense canadiense iraní israelí iraquí saudí "
    "marroquí paquistaní estadounidenses costarricenses nicaragüenses trinitenses canadienses"
)
_DEMONYMS_ES = (
    "español española británico británica francés francesa alemán alemana guyanés guyanesa "
    "japonés japonesa libanés libanesa inglés inglesa neerlandés neerlandesa holandés holandesa "
    "portugués portuguesa"
)


def _demonyms() -> frozenset[str]:
    stems = _DEMONYM_STEMS.split()
    forms = {f"{stem}{end}" for stem in stems for end in ("o", "a", "os", "as")}
    return frozenset(name_key(form) for form in (*forms, *_DEMONYMS_INVARIANT.split(), *_DEMONYMS_ES.split()))


DEMONYMS_ES: frozenset[str] = _demonyms()
# nouns that, with a demonym after them, name a country's government ("el Ejecutivo venezolano")
NATIONAL_GOVERNMENT_NOUNS: frozenset[str] = words("gobierno ejecutivo regimen")


def by_alias() -> dict[str, GazetteerEntry]:
    """Every written form (canonical and aliases) to its entry, keyed by normalised text."""
    return _by_alias()


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, GazetteerEntry]:
    table: dict[str, GazetteerEntry] = {}
    for entry in ENTRIES:
        for form in (entry.name, *entry.aliases):
            table[name_key(form)] = entry
    return table


def country_named(text: str) -> str | None:
    """The FtM country code of a place named by ``text``: a gazetteer place, a territory's name,
    full name or capital as rigour lists them, or a country's name in English or Spanish as ICU
    writes it. FtM's own country cleaning reads rigour's table of every alias of every territory
    in every script, which costs more than a second on its first use in a process: most of a
    one-article ingest."""
    return _countries().get(name_key(text))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    table: dict[str, str] = {}
    languages = [icu.Locale(language) for language in ("en", "es")]
    for territory in get_territories():
        code = territory.ftm_country
        if code is None or territory.is_historical:  # East Germany is not "Alemania"
            continue
        names = [territory.name, territory.full_name, *territory.places]
        if len(code) == 2:
            region = icu.Locale("", code.upper())
            names += [region.getDisplayCountry(language) for language in languages]
        for name in names:
            # the articles are English and Spanish; a name in another script (rigour lists
            # Chinese capitals as 福州) would only load ICU's Han rules, a sixth of a second
            if name and is_latin(name):
                table.setdefault(name_key(name), code)
    for entry in ENTRIES:
        if entry.label in ("GPE", "LOC") and entry.country:
            for form in (entry.name, *entry.aliases):
                table[name_key(form)] = entry.country
    return table


@lru_cache(maxsize=1)
def by_name() -> dict[str, GazetteerEntry]:
    """Canonical name to entry (a mention's ``canonical`` is one of these names)."""
    return {entry.name: entry for entry in ENTRIES}


@lru_cache(maxsize=1)
def generic_forms() -> dict[str, GazetteerEntry]:
    """Bare institution words ("Senate", "Senado") to the body they name where it is named in full."""
    return {name_key(form): entry for entry in ENTRIES for form in entry.generic}


def organisation_kind(name_words: Iterable[str]) -> str:
    """The kind of an organisation outside the gazetteer, from its words in name_key form.

    An armed group's words win over a government head ("Ejército de Liberación Nacional"), a
    news word over a government head ("Agencia Bolivariana de Noticias").
    """
    tokens = list(name_words)
    if not tokens:
        return ""
    found = set(tokens)
    if len(tokens) == 2 and tokens[0] in NATIONAL_GOVERNMENT_NOUNS and tokens[1] in DEMONYMS_ES:
        return GOVERNMENT  # "gobierno venezolano", "Ejecutivo venezolano", "régimen cubano"
    if found & ARMED_WORDS:
        return ARMED_GROUP
    if found & MEDIA_WORDS:
        return MEDIA
    if (
        tokens[0] in GOVERNMENT_HEADS
        or tokens[-1] in GOVERNMENT_HEADS
        or found & (_ARMED_FORCES | _LEGISLATORS)
    ):
        return GOVERNMENT
    return ""


@lru_cache(maxsize=65536)
def kind_of(label: str, text: str, canonical: str = "") -> str:
    """The fine type of a mention: its gazetteer entry's, else from its label and words."""
    entry = by_name().get(canonical) if canonical else None
    if entry is not None:
        return entry.fine_kind
    if label != "ORG":
        return _KIND_BY_LABEL.get(label, "")
    return organisation_kind(name_key(text).split())
