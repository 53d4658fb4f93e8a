"""Read the Remarks column of OFAC's legacy SDN CSV into typed facts.

OFAC packs identity data into one free-text field: ``DOB 23 Nov 1962; POB Caracas, Venezuela;
Cedula No. 5892464 (Venezuela); Linked To: CABELLO RONDON, Diosdado.``. Segments are separated by
``;`` (values keep their commas), each starts with a label, and ``alt.`` marks a further value of
the same kind. This module knows the labels; ``ofac_csv`` decides what entities the facts become.
Anything it does not recognise comes back as a ``Note`` so that no remark is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# A "1960 to 1975" range becomes one birthDate per year; wider ranges are kept as their two ends.
MAX_YEAR_SPAN = 15


@dataclass(frozen=True)
class Fact:
    """A plain property value for the listed party (``prop`` is an FtM property name)."""

    prop: str
    value: str


@dataclass(frozen=True)
class Identifier:
    """A document or register number: stored on the party and as its own Identification entity."""

    label: str  # as OFAC writes it: "Cedula No.", "Passport", "NIT #"
    number: str
    prop: str  # party property: passportNumber, idNumber, taxNumber, registrationNumber...
    country: str | None = None
    issued: str | None = None
    expires: str | None = None
    is_passport: bool = False
    entity: bool = True  # False for vessel/aircraft numbers that need no Identification entity


@dataclass(frozen=True)
class WeakAlias:
    name: str


@dataclass(frozen=True)
class LinkedTo:
    name: str


@dataclass(frozen=True)
class Provision:
    """Sanction-specific wording (secondary sanctions, directives): belongs on the Sanction."""

    text: str


@dataclass(frozen=True)
class Wallet:
    currency: str
    address: str


@dataclass(frozen=True)
class Note:
    text: str


RemarkFact = Fact | Identifier | WeakAlias | LinkedTo | Provision | Wallet | Note

# (label pattern, party property, is a passport, gets an Identification entity); first match wins.
_ID_LABELS: list[tuple[str, str, bool, bool]] = [
    (r"(?:Diplomatic |Official |Service |Refugee )?Passport(?: No\.?)?", "passportNumber", True, True),
    (r"Vessel Registration Identification IMO|IMO", "imoNumber", False, False),
    (r"MMSI", "mmsi", False, False),
    (r"Aircraft Tail Number", "registrationNumber", False, False),
    (r"Aircraft Manufacturer's Serial Number \(MSN\)", "serialNumber", False, False),
    (r"Aircraft Construction Number \(also called L/N or S/N or F/N\)", "serialNumber", False, False),
    (r"V\.A\.T\. Number|VAT Number", "vatCode", False, True),
    (r"D-U-N-S Number", "dunsCode", False, True),
    (r"SWIFT/BIC", "swiftBic", False, True),
    (r"Legal Entity Number|LEI", "leiCode", False, True),
    (r"SSN", "socialSecurityNumber", False, True),
    (
        r"Tax ID No\.?|NIT #|RUC #|R\.F\.C\.(?: #)?|RFC|RIF #|Italian Fiscal Code|US FEIN|C\.U\.I\.T\.|"
        r"CUIT|Fiscal Code|Tax Number|Tax Identification Number|Taxpayer Identification Number",
        "taxNumber",
        False,
        True,
    ),
    (
        r"Registration ID|Registration Number|Company Number|Business Registration Document #|"
        r"Business Registration Number|Commercial Registry Number|Folio Mercantil No\.?|"
        r"Matricula Mercantil No\.?|Trade License No\.?|C\.R\. No\.?|Government Gazette Number|"
        r"Public Registration Number|Chamber of Commerce Number|Certificate of Incorporation Number|"
        r"Enterprise Number|UK Company Number|Business Number|Commercial Registration Number",
        "registrationNumber",
        False,
        True,
    ),
    (
        r"Cedula No\.?|National ID No\.?|Identification Number|D\.N\.I\.|Personal ID Card|"
        r"Electoral Registry No\.?|Credencial electoral|Driver's License No\.?|C\.U\.R\.P\.(?: #)?|"
        r"Residency Number|Birth Certificate Number|National Foreign ID Number|"
        r"Citizen's Card Number|Kenyan ID No\.|NIE|Cartilla de Servicio Militar Nacional|"
        r"Immigration No\.?|Stateless Person ID Card",
        "idNumber",
        False,
        True,
    ),
]
_ID_PATTERNS = [
    (re.compile(rf"^(?P<label>{pattern})\s+(?P<rest>\S.*)$"), prop, passport, entity)
    for pattern, prop, passport, entity in _ID_LABELS
]
# Any other "<label> No. / Number / # / ID <value>" is an identifier of unknown kind: idNumber.
_GENERIC_ID = re.compile(
    r"^(?P<label>[A-Z][\w.'’/ -]{1,60}?(?: No\.?| Number| #| ID))\s+(?P<rest>[\w\-./ ]*\d.*)$"
)
_ID_TAIL = re.compile(
    r"^(?P<number>.+?)(?:\s+\((?P<country>[^()]+)\))?(?:\s+issued\s+(?P<issued>.+?))?"
    r"(?:\s+expires\s+(?P<expires>.+?))?$"
)

# label -> party property for plain values
_VALUE_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^POB\s+(?P<v>.+)$"), "birthPlace"),
    (re.compile(r"^nationality\s+(?P<v>.+)$", re.I), "nationality"),
    (re.compile(r"^citizen\s+(?P<v>.+)$", re.I), "citizenship"),
    (re.compile(r"^Gender\s+(?P<v>.+)$"), "gender"),
    (re.compile(r"^Email Address\s+(?P<v>\S+)$"), "email"),
    (re.compile(r"^Website\s+(?P<v>\S+)$"), "website"),
    (re.compile(r"^(?:Phone Number|Telephone)\s*(?:No\.?)?:?\s+(?P<v>.+)$"), "phone"),
    (re.compile(r"^Organization Type:\s+(?P<v>.+)$"), "sector"),
    (re.compile(r"^Aircraft Model\s+(?P<v>.+)$"), "model"),
    (re.compile(r"^Former Vessel Flag\s+(?P<v>.+)$"), "pastFlags"),
]
_DATE_LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^DOB\s+(?P<v>.+)$"), "birthDate"),
    (re.compile(r"^Organization Established Date\s+(?P<v>.+)$"), "incorporationDate"),
    (re.compile(r"^Aircraft Manufacture Date\s+(?P<v>.+)$"), "buildDate"),
    (re.compile(r"^Vessel Year of Build\s+(?P<v>.+)$"), "buildDate"),
]
_PROVISION = re.compile(
    r"^(?:Additional Sanctions Information|Secondary sanctions risk|Transactions Prohibited For Persons|"
    r"Executive Order \d+|CAATSA Section|Effective Date|Listing Date|Sanctions? Program|"
    r"IFCA Determination|Subject to Directive)",
    re.I,
)
_ALIAS = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.),?\s+['‘’\"](?P<name>.+)['‘’\"]$")
_LINKED = re.compile(r"^Linked To:\s*(?P<name>.+)$")
_WALLET = re.compile(r"^Digital Currency Address\s*-\s*(?P<currency>\w+)\s+(?P<address>\S+)$")
_ALT = re.compile(r"^alt\.\s+")

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]* (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_CIRCA = re.compile(r"^(?:circa|approximately|approx\.)\s+", re.I)
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?: to |-)\s*(?P<b>.+)$")


def parse_date(text: str) -> str | None:
    """One OFAC date ("23 Nov 1962", "Nov 1962", "1962") as an ISO prefix, or None."""
    text = text.strip().rstrip(".")
    if match := _DAY_MONTH_YEAR.match(text):
        month = MONTHS.get(match.group(2).lower())
        if month is None:
            return None
        return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"
    if match := _MONTH_YEAR.match(text):
        month = MONTHS.get(match.group(1).lower())
        return f"{match.group(2)}-{month:02d}" if month else None
    if _YEAR.match(text):
        return text
    return None


def parse_dates(text: str) -> list[str]:
    """All the dates one DOB-like value stands for.

    ``circa X`` is X; ``1960 to 1962`` (or ``circa 1960-1962``) is every year in between, because
    a screening hit must match any of them; a range of full dates is kept as its two ends.
    """
    text = _CIRCA.sub("", text.strip())
    single = parse_date(text)
    if single is not None:
        return [single]
    if match := _RANGE.match(text):
        start, end = parse_date(match.group("a")), parse_date(match.group("b"))
        if start is None or end is None:
            return []
        if len(start) == 4 and len(end) == 4 and 0 <= int(end) - int(start) <= MAX_YEAR_SPAN:
            return [str(year) for year in range(int(start), int(end) + 1)]
        return [start, end]
    return []


def split_remarks(remarks: str) -> list[str]:
    """Cut the Remarks text into its ``;``-separated segments, dropping the closing full stop."""
    segments = [segment.strip() for segment in remarks.split(";")]
    segments = [segment for segment in segments if segment]
    # "Linked To: X S.A." may end with an abbreviation rather than a full stop: resolution tries both.
    if segments and segments[-1].endswith(".") and not _LINKED.match(segments[-1]):
        segments[-1] = segments[-1][:-1]
    return segments


def _identifier(segment: str) -> Identifier | None:
    for pattern, prop, passport, entity in _ID_PATTERNS:
        if match := pattern.match(segment):
            return _identifier_from(match.group("label"), match.group("rest"), prop, passport, entity)
    if match := _GENERIC_ID.match(segment):
        return _identifier_from(match.group("label"), match.group("rest"), "idNumber", False, True)
    return None


def _identifier_from(label: str, rest: str, prop: str, passport: bool, entity: bool) -> Identifier | None:
    tail = _ID_TAIL.match(rest.strip())
    if tail is None:
        return None
    issued = parse_date(tail.group("issued")) if tail.group("issued") else None
    expires = parse_date(tail.group("expires")) if tail.group("expires") else None
    return Identifier(
        label=label,
        number=tail.group("number").strip(),
        prop=prop,
        country=tail.group("country"),
        issued=issued,
        expires=expires,
        is_passport=passport,
        entity=entity,
    )


def parse_segment(segment: str) -> list[RemarkFact]:
    """The facts one remark segment states (usually one; a date range gives several)."""
    body = _ALT.sub("", segment)
    if match := _ALIAS.match(body):
        return [WeakAlias(match.group("name").strip())]
    if match := _LINKED.match(body):
        return [LinkedTo(match.group("name").strip())]
    if match := _WALLET.match(body):
        return [Wallet(match.group("currency"), match.group("address"))]
    for pattern, prop in _DATE_LABELS:
        if match := pattern.match(body):
            dates = parse_dates(match.group("v"))
            return [Fact(prop, day) for day in dates] if dates else [Note(segment)]
    if _PROVISION.match(body):
        return [Provision(segment)]
    for pattern, prop in _VALUE_LABELS:
        if match := pattern.match(body):
            return [Fact(prop, match.group("v").strip())]
    identifier = _identifier(body)
    if identifier is not None:
        return [identifier]
    return [Note(segment)]


def parse_remarks(remarks: str) -> list[tuple[str, list[RemarkFact]]]:
    """Every segment of a Remarks value with the facts it states, in the order OFAC wrote them."""
    return [(segment, parse_segment(segment)) for segment in split_remarks(remarks)]
