"""Names the small NER model gets wrong, and the canonical form of names reporting shortens.

A small statistical model tags "Trump" as an organisation and misses "Tren de Aragua"; there is
no Spanish model beside current spaCy at all. This gazetteer is data, not code: each entry is a
canonical name, its label and the aliases it is written as (English and Spanish). It feeds the
EntityRuler patterns and the mention merger ("Maduro" -> "Nicolás Maduro"), so the same actor
gets the same ID in every article. Extend it as a crisis brings new actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.news.language import words


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    label: str  # PERSON, ORG, GPE, LOC
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO code for places


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
    # organisations
    GazetteerEntry("Cartel de los Soles", "ORG", ("Cartel of the Suns", "Cártel de los Soles")),
    GazetteerEntry("Tren de Aragua", "ORG", ()),
    GazetteerEntry("Sinaloa Cartel", "ORG", ("Cártel de Sinaloa", "Cartel de Sinaloa")),
    GazetteerEntry(
        "US Department of State", "ORG", ("State Department", "Department of State", "Departamento de Estado")
    ),
    GazetteerEntry(
        "US Department of the Treasury",
        "ORG",
        ("Treasury Department", "Department of the Treasury", "Treasury", "Departamento del Tesoro", "OFAC"),
    ),
    GazetteerEntry(
        "US Department of Defense",
        "ORG",
        ("Defense Department", "Pentagon", "Pentágono", "Department of War"),
    ),
    GazetteerEntry("US Southern Command", "ORG", ("Southern Command", "SOUTHCOM", "Comando Sur")),
    GazetteerEntry("US Senate", "ORG", ("Senate", "Senado")),
    GazetteerEntry("US Congress", "ORG", ("Congress",)),
    GazetteerEntry("White House", "ORG", ("Casa Blanca",)),
    GazetteerEntry("Fuerza Armada Nacional Bolivariana", "ORG", ("FANB",)),
    GazetteerEntry("PDVSA", "ORG", ("Petróleos de Venezuela",)),
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
    GazetteerEntry("Trinidad and Tobago", "GPE", ("Trinidad y Tobago",), "tt"),
    GazetteerEntry("Puerto Rico", "GPE", (), "pr"),
    GazetteerEntry("Caracas", "GPE", (), "ve"),
    GazetteerEntry("Bogotá", "GPE", ("Bogota",), "co"),
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
        "Foreign Terrorist Organization",
        "a Foreign Terrorist Organization",
        "Specially Designated Global Terrorist",
        "Specially Designated Global Terrorists",
        "Terror Group",
        "War Powers",
        "State",
        "Defense",
        "Criminalizes",
        "Article II",
        "Comments",
        "Bottom Line",
    )
)

# Words that make a capitalised Spanish sequence an organisation.
ORG_HEADS: frozenset[str] = words(
    "cartel cártel tren departamento ministerio gobierno fuerza fuerzas comando senado congreso "
    "partido banco ejército armada guardia organización consejo tribunal corte casa agencia "
    "department ministry government forces command party bank army navy council court agency "
)


def by_alias() -> dict[str, GazetteerEntry]:
    """Every written form (canonical and aliases) to its entry, keyed by normalised text."""
    from watchfloor.news.mentions import name_key

    table: dict[str, GazetteerEntry] = {}
    for entry in ENTRIES:
        for form in (entry.name, *entry.aliases):
            table[name_key(form)] = entry
    return table
