"""Parsers for official list formats: one module per format, each yields FtM entities.

A parser never touches the store. It reads a path and yields ``StatementEntity`` objects
(the listed parties, their ``Sanction`` entities and any relationship entities the source states),
raising ``SourceError`` with one clear sentence when the input is not what the format promises.
A format's module is imported only when that format is read (lxml, openpyxl and rigour's tables
are not every command's business).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.sources.errors import SourceError

Parser = Callable[[Path, str], Iterator[StatementEntity]]

# format name -> (module of watchfloor.sources with a ``parse(path, dataset)``, default dataset)
FORMATS: dict[str, tuple[str, str]] = {
    "ofac-csv": ("ofac_csv", "us_ofac_sdn"),
    "ofac-xml": ("ofac_xml", "us_ofac_sdn"),
    "ofac-advanced-xml": ("ofac_advanced_xml", "us_ofac_sdn"),
    "un-xml": ("un_xml", "un_sc_sanctions"),
    "eu-xml": ("eu_xml", "eu_fsf"),
    "uk-xml": ("uk_xml", "gb_fcdo_sanctions"),
    "canada-xml": ("canada_xml", "ca_dfatd_sema_sanctions"),
    "seco-xml": ("seco_xml", "ch_seco_sanctions"),
    "dfat-xlsx": ("dfat_xlsx", "au_dfat_sanctions"),
    "ftm-json": ("ftm_json", "ftm"),
}


def get_parser(format_name: str) -> tuple[Parser, str]:
    """The parser and default dataset for a format name, or a SourceError listing the known ones."""
    try:
        module, dataset = FORMATS[format_name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise SourceError(f"unknown list format {format_name!r}; known formats: {known}") from None

    def parse(path: Path, dataset: str) -> Iterator[StatementEntity]:
        parser: Parser = import_module(f"watchfloor.sources.{module}").parse
        return parser(path, dataset)

    return parse, dataset


__all__ = ["FORMATS", "Parser", "SourceError", "get_parser"]
