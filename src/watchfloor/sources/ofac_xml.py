"""Parse OFAC's SDN list XML (``SDN.XML``; the Consolidated non-SDN list ``CONSOLIDATED.XML`` has
the same schema) into FtM entities.

The document is ``<sdnList>`` (namespace ``http://tempuri.org/sdnList.xsd`` in older files,
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`` since the
Sanctions List Service, or none) holding ``<publshInformation>`` (sic) and one ``<sdnEntry>`` per
party: ``uid``, ``firstName``/``lastName``, ``title``, ``sdnType`` (Individual, Entity, Vessel,
Aircraft), ``remarks``, ``programList``, ``idList`` (documents, and the features OFAC files as
ids: gender, website, e-mail, digital currency addresses, "Linked To:", secondary sanctions),
``akaList`` (a.k.a./f.k.a./n.k.a., strong or weak), ``addressList``, ``nationalityList``,
``citizenshipList``, ``dateOfBirthList``, ``placeOfBirthList`` and ``vesselInfo``.

The XML states in elements what the legacy CSV writes into its remarks ("DOB 23 Nov 1962; POB
Caracas, Venezuela; Cedula No. 5892464 (Venezuela)"). Each entry is read back into that same
form and built by ``ofac_entries``, so an XML version of the list is the same entities, with the
same IDs, as the CSV version, and the CSV's remark rules apply to both. A weak a.k.a. is a
``weakAlias``, as the CSV's remarks give it. Streaming, no entity expansion, whole or nothing
(``_xml``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity
from lxml import etree

from watchfloor.sources._xml import XmlList, element_text, iter_elements, local_name, release
from watchfloor.sources.errors import SourceError
from watchfloor.sources.ofac_entries import Address, AltName, EntryBuilder, OfacEntry, check_entries

NAMESPACES = (
    "",
    "http://tempuri.org/sdnList.xsd",
    "https://tempuri.org/sdnList.xsd",
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
)
DOCUMENT = XmlList(
    "OFAC's SDN list", frozenset(f"{{{ns}}}sdnList" if ns else "sdnList" for ns in NAMESPACES), "<sdnList>"
)
AKA_KINDS = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
VESSEL_FIELDS = {
    "callSign": "callSign",
    "vesselType": "type",
    "vesselFlag": "flag",
    "tonnage": "tonnage",
    "grossRegisteredTonnage": "grossRegisteredTonnage",
}


def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
    """Yield the entities of an SDN XML file; SourceError if it is not that document, whole."""
    entries = [_entry(element, path.name) for element in _entry_elements(path)]
    if not entries:
        raise SourceError(f"{path.name} holds no sdnEntry records")
    check_entries(entries)
    return EntryBuilder(dataset, entries).entities()


def _entry_elements(path: Path) -> Iterator[etree._Element]:
    for depth, element in iter_elements(path, DOCUMENT):
        if depth == 1 and local_name(element.tag) == "sdnEntry":
            yield element
            release(element)


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [child for child in element if isinstance(child.tag, str) and local_name(child.tag) == name]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: etree._Element | None, name: str) -> str | None:
    return element_text(_child(element, name))


def _listed(element: etree._Element, container: str, item: str) -> list[etree._Element]:
    return _children(_child(element, container), item)


def _person_name(element: etree._Element) -> str | None:
    """OFAC's "LAST, First" for a person, the last name alone for everything else."""
    last, first = _text(element, "lastName"), _text(element, "firstName")
    if last and first:
        return f"{last}, {first}"
    return last or first


def _entry(element: etree._Element, file: str) -> OfacEntry:
    origin = f"{file}:{element.sourceline}"
    uid = _text(element, "uid")
    if not uid or not uid.isdigit():
        raise SourceError(f"{file} line {element.sourceline}: an sdnEntry without a numeric uid")
    name = _person_name(element)
    if not name:
        raise SourceError(f"{file} line {element.sourceline}: sdnEntry {uid} has no name")
    vessel_info = _child(element, "vesselInfo")
    return OfacEntry(
        ent_num=uid,
        name=name,
        sdn_type=_text(element, "sdnType"),
        programs=[p for node in _listed(element, "programList", "program") if (p := element_text(node))],
        origin=origin,
        title=_text(element, "title"),
        vessel={prop: value for tag, prop in VESSEL_FIELDS.items() if (value := _text(vessel_info, tag))},
        owner=_text(vessel_info, "vesselOwner"),
        alt_names=_alt_names(element, origin),
        addresses=_addresses(element, origin),
        remarks="; ".join(_remark_segments(element)),
        remark_origin=origin,
    )


def _alt_names(element: etree._Element, origin: str) -> list[AltName]:
    names = []
    for aka in _listed(element, "akaList", "aka"):
        name = _person_name(aka)
        if not name:
            continue
        kind = AKA_KINDS.get((_text(aka, "type") or "a.k.a.").lower(), "aka")
        if (_text(aka, "category") or "").lower() == "weak":
            kind = "weak"
        names.append(AltName(kind, name, origin))
    return names


def _addresses(element: etree._Element, origin: str) -> list[Address]:
    found = []
    for address in _listed(element, "addressList", "address"):
        street = ", ".join(p for tag in ("address1", "address2", "address3") if (p := _text(address, tag)))
        # the CSV's one column: "Madrid, Comunidad de Madrid 28034"
        city = ", ".join(p for tag in ("city", "stateOrProvince") if (p := _text(address, tag)))
        city = " ".join(p for p in (city, _text(address, "postalCode")) if p)
        country = _text(address, "country")
        if street or city or country:
            found.append(Address(street or None, city or None, country, origin))
    return found


def _remark_segments(element: etree._Element) -> Iterator[str]:
    """The entry's features in the CSV remarks' words ("DOB 23 Nov 1962", "citizen Venezuela",
    "Passport D123 (Venezuela) issued 01 Jan 2010"), then OFAC's own remarks."""
    for index, item in enumerate(_listed(element, "dateOfBirthList", "dateOfBirthItem")):
        if value := _text(item, "dateOfBirth"):
            yield f"{'alt. ' if index else ''}DOB {value}"
    for index, item in enumerate(_listed(element, "placeOfBirthList", "placeOfBirthItem")):
        if value := _text(item, "placeOfBirth"):
            yield f"{'alt. ' if index else ''}POB {value}"
    for item in _listed(element, "nationalityList", "nationality"):
        if value := _text(item, "country"):
            yield f"nationality {value}"
    for item in _listed(element, "citizenshipList", "citizenship"):
        if value := _text(item, "country"):
            yield f"citizen {value}"
    for item in _listed(element, "idList", "id"):
        if segment := _id_segment(item):
            yield segment
    if remarks := _text(element, "remarks"):
        yield remarks


def _id_segment(item: etree._Element) -> str | None:
    kind, number = _text(item, "idType"), _text(item, "idNumber")
    if not kind or not number:
        return None
    segment = f"{kind} {number}"
    if country := _text(item, "idCountry"):
        segment += f" ({country})"
    if issued := _text(item, "issueDate"):
        segment += f" issued {issued}"
    if expires := _text(item, "expirationDate"):
        segment += f" expires {expires}"
    return segment
