"""Which lists to keep current, from where: a sources file (YAML), one entry per source.

A source names an official publication, the format its file is in, the dataset its versions go
to, the authority that publishes it, and how often to look for a new one::

    sources:
      - name: us_ofac_sdn
        title: OFAC Specially Designated Nationals (SDN) list
        authority: US Department of the Treasury, OFAC
        format: ofac-xml
        url: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML
        every: 6h
      - name: us_ofac_sdn_csv            # a format read from a folder: one URL per file
        format: ofac-csv
        files:
          sdn.csv: https://.../SDN.CSV
          add.csv: https://.../ADD.CSV
    webhook: https://hooks.example.org/watchfloor   # told of every failure and new version

The default file (``watchfloor/ingest/sources.yml``) lists the official addresses; a deployment
points ``WATCHFLOOR_SOURCES`` or ``--sources`` at its own. The file is configuration, so every
mistake in it is a ``SourceConfigError`` naming the source and the field.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from watchfloor.ingest.lists import DEFAULT_MAX_LOSS
from watchfloor.sources import FORMATS, get_parser

DEFAULT_EVERY = timedelta(hours=6)
_DURATION = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class SourceConfigError(ValueError):
    """A sources file that cannot be used; the message names the source and the field."""


@dataclass(frozen=True)
class Source:
    name: str
    format: str
    files: dict[str, str]  # file name -> URL; one entry for single-file formats
    dataset: str
    title: str = ""
    authority: str = ""
    every: timedelta = DEFAULT_EVERY
    max_loss: float = DEFAULT_MAX_LOSS
    enabled: bool = True

    @property
    def url(self) -> str:
        """The address shown to users: the only file's, else the first."""
        return next(iter(self.files.values()))

    @property
    def folder(self) -> bool:
        """A format read from a folder of files (OFAC's legacy CSV)."""
        return len(self.files) > 1 or next(iter(self.files)) != ""


@dataclass(frozen=True)
class SourcesConfig:
    sources: list[Source]
    webhook: str | None = None
    origin: str = ""
    by_name: dict[str, Source] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_name.update({s.name: s for s in self.sources})

    def select(self, names: list[str] | None = None) -> list[Source]:
        """The named sources (all enabled ones when none are named); an unknown name is an error."""
        if not names:
            return [s for s in self.sources if s.enabled]
        unknown = [n for n in names if n not in self.by_name]
        if unknown:
            known = ", ".join(sorted(self.by_name))
            raise SourceConfigError(
                f"no source named {', '.join(unknown)} in {self.origin}; sources: {known}"
            )
        return [self.by_name[n] for n in names]


def parse_duration(text: str | int | float, where: str = "every") -> timedelta:
    """ "6h", "30m", "1d", "45s" (or seconds as a number) as a positive duration."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        seconds = float(text)
    else:
        match = _DURATION.match(str(text))
        if match is None:
            raise SourceConfigError(f"{where}: {text!r} is not a duration like 6h, 30m, 1d or 45s")
        seconds = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))}).total_seconds()
    if seconds <= 0:
        raise SourceConfigError(f"{where}: a duration must be positive, not {text!r}")
    return timedelta(seconds=seconds)


def default_sources_path() -> Path:
    configured = os.environ.get("WATCHFLOOR_SOURCES")
    if configured:
        return Path(configured)
    return Path(str(resources.files("watchfloor.ingest").joinpath("sources.yml")))


def load_sources(path: Path | None = None) -> SourcesConfig:
    """Read and check a sources file (the default one when ``path`` is None)."""
    path = path or default_sources_path()
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceConfigError(f"no sources file at {path}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceConfigError(f"{path} is not a readable YAML sources file: {exc}") from None
    return parse_sources(document, str(path))


def parse_sources(document: Any, origin: str = "<sources>") -> SourcesConfig:
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise SourceConfigError(f"{origin}: expected a mapping with a 'sources' list")
    sources = [_source(entry, f"{origin}: sources[{i}]") for i, entry in enumerate(document["sources"])]
    names = [s.name for s in sources]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SourceConfigError(f"{origin}: source names must be unique; repeated: {', '.join(duplicates)}")
    webhook = document.get("webhook")
    if webhook is not None and not _is_http(webhook):
        raise SourceConfigError(f"{origin}: webhook must be an http(s) URL, not {webhook!r}")
    return SourcesConfig(sources, webhook, origin)


def _source(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{where}: each source is a mapping")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourceConfigError(f"{where}: name must be lower-case letters, digits, '_', '.' or '-'")
    where = f"{where} ({name})"
    format_name = entry.get("format")
    if format_name not in FORMATS:
        raise SourceConfigError(
            f"{where}: unknown format {format_name!r}; known: {', '.join(sorted(FORMATS))}"
        )
    files = _files(entry, where)
    _, default_dataset = get_parser(format_name)
    max_loss = entry.get("max_loss", DEFAULT_MAX_LOSS)
    if not isinstance(max_loss, int | float) or not 0 <= max_loss <= 1:
        raise SourceConfigError(f"{where}: max_loss must be a share between 0 and 1")
    return Source(
        name=name,
        format=format_name,
        files=files,
        dataset=str(entry.get("dataset") or default_dataset),
        title=str(entry.get("title") or ""),
        authority=str(entry.get("authority") or ""),
        every=parse_duration(entry.get("every", "6h"), f"{where}: every"),
        max_loss=float(max_loss),
        enabled=bool(entry.get("enabled", True)),
    )


def _files(entry: dict[str, Any], where: str) -> dict[str, str]:
    url, files = entry.get("url"), entry.get("files")
    if (url is None) == (files is None):
        raise SourceConfigError(f"{where}: give either url (one file) or files (name: url)")
    if url is not None:
        if not _is_http(url):
            raise SourceConfigError(f"{where}: url must be an http(s) URL, not {url!r}")
        return {"": str(url)}
    if not isinstance(files, dict) or not files:
        raise SourceConfigError(f"{where}: files must map file names to URLs")
    for file_name, file_url in files.items():
        if not isinstance(file_name, str) or "/" in file_name or file_name.startswith("."):
            raise SourceConfigError(f"{where}: {file_name!r} is not a plain file name")
        if not _is_http(file_url):
            raise SourceConfigError(f"{where}: files.{file_name} must be an http(s) URL")
    return {str(k): str(v) for k, v in files.items()}


def _is_http(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))
