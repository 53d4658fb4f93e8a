"""Parsers for official list formats: one module per format, each yields FtM entities.

A parser never touches the store. It reads a path and yields ``StatementEntity`` objects
(the listed parties, their ``Sanction`` entities and any relationship entities the source states),
raising ``SourceError`` with one clear sentence when the input is not what the format promises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.sources.errors import SourceError

Parser = Callable[[Path, str], Iterator[StatementEntity]]


def _ofac_csv(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.ofac_csv import parse

    return parse(path, dataset)


def _ofac_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.ofac_xml import parse

    return parse(path, dataset)


def _un_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.un_xml import parse

    return parse(path, dataset)


def _eu_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.eu_xml import parse

    return parse(path, dataset)


def _uk_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.uk_xml import parse

    return parse(path, dataset)


def _ftm_json(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.ftm_json import parse

    return parse(path, dataset)


def _canada_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.canada_xml import parse

    return parse(path, dataset)


def _seco_xml(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.seco_xml import parse

    return parse(path, dataset)


def _dfat_xlsx(path: Path, dataset: str) -> Iterator[StatementEntity]:
    from watchfloor.sources.dfat_xlsx import parse

    return parse(path, dataset)


# format name -> (parser, default dataset name)
FORMATS: dict[str, tuple[Parser, str]] = {
    "ofac-csv": (_ofac_csv, "us_ofac_sdn"),
    "ofac-xml": (_ofac_xml, "us_ofac_sdn"),
    "un-xml": (_un_xml, "un_sc_sanctions"),
    "eu-xml": (_eu_xml, "eu_fsf"),
    "uk-xml": (_uk_xml, "gb_fcdo_sanctions"),
    "ftm-json": (_ftm_json, "ftm"),
    "canada-xml": (_canada_xml, "ca_dfatd_sema_sanctions"),
    "seco-xml": (_seco_xml, "ch_seco_sanctions"),
    "dfat-xlsx": (_dfat_xlsx, "au_dfat_sanctions"),
}


def get_parser(format_name: str) -> tuple[Parser, str]:
    """The parser and default dataset for a format name, or a SourceError listing the known ones."""
    try:
        return FORMATS[format_name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise SourceError(f"unknown list format {format_name!r}; known formats: {known}") from None


__all__ = ["FORMATS", "Parser", "SourceError", "get_parser"]
