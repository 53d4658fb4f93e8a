"""Ingest one list file (or folder) into the store as a new version, atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.model.entities import dataset_for
from watchfloor.sources import SourceError, get_parser
from watchfloor.store import ListVersion, Store, VersionMode
from watchfloor.store.base import ProgressCallback


def checksum_path(path: Path) -> str:
    """SHA-256 over a file, or over a folder's files in name order (OFAC CSV is a folder)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode())
        with file.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


DEFAULT_MAX_LOSS = 0.2
"""The share of the previous version's entities a new version may lose before it is refused:
official lists grow or shrink by a few entries a day, and a file cut short (a truncated
download, `head` of a CSV) loses far more."""


def ingest_list(
    store: Store,
    format_name: str,
    path: Path,
    dataset: str | None = None,
    published: date | None = None,
    progress: ProgressCallback | None = None,
    max_loss: float = DEFAULT_MAX_LOSS,
    force: bool = False,
    origin: str | None = None,
) -> tuple[ListVersion, bool]:
    """Parse and store one version. Returns the version and whether it is new: re-ingesting a file
    identical to the dataset's latest version with the same publication date creates nothing.

    A version with more than ``max_loss`` fewer entities than the dataset's latest is refused
    (``SourceError``) and the latest stays in force, unless ``force``: the store is left as it
    was, in the same transaction. ``origin`` is the source the version records (default: the
    path; an upload's is its name)."""
    parser, default_dataset = get_parser(format_name)
    if not path.exists():
        raise SourceError(f"{path} does not exist")
    dataset = dataset or default_dataset
    try:
        dataset_for(dataset)  # FtM's own rule; a name it refuses would fail on the first entity
    except ValueError:
        raise SourceError(
            f"{dataset!r} is not a dataset name: use lower-case letters, digits and underscores"
        ) from None
    published = published or date.today()
    checksum = checksum_path(path)
    previous = store.versions(dataset)
    if previous and _is_same(previous[-1], checksum, published):
        return previous[-1], False
    counted = [0]

    def entities() -> Iterator[StatementEntity]:
        for entity in parser(path, dataset):
            counted[0] += 1
            yield entity

    def guard(version_id: str) -> None:
        check_latest(store, dataset, version_id, checksum, published, counted[0], max_loss, force)

    try:
        version = store.ingest(
            dataset,
            entities(),
            format=format_name,
            published=published,
            mode=VersionMode.SNAPSHOT,
            official=True,
            source=origin or str(path),
            checksum=checksum,
            progress=progress,
            within=guard,
        )
    except AlreadyStored as stored:
        return stored.version, False
    return version, True


def check_latest(
    store: Store,
    dataset: str,
    version_id: str,
    checksum: str,
    published: date,
    count: int,
    max_loss: float,
    force: bool,
) -> None:
    """The guard of a new version (``version_id``, ``count`` entities), run inside its transaction
    after the dataset's lock: compared with the latest version now, which another writer may have
    stored while the file was being read, it is the same file (``AlreadyStored``) or loses too many
    entities (``SourceError``, unless ``force``)."""
    before = [v for v in store.versions(dataset) if v.version_id != version_id]
    if before and _is_same(before[-1], checksum, published):
        raise AlreadyStored(before[-1])
    if before and not force:
        refuse_large_loss(before[-1], count, max_loss)


class AlreadyStored(Exception):
    """The same file was stored by another process meanwhile: roll this copy back."""

    def __init__(self, version: ListVersion) -> None:
        super().__init__(version.version_id)
        self.version = version


def _is_same(version: ListVersion, checksum: str, published: date) -> bool:
    return version.checksum == checksum and version.published == published


def refuse_large_loss(latest: ListVersion, count: int, max_loss: float) -> None:
    """Raise when ``count`` entities would lose more than ``max_loss`` of ``latest``'s."""
    if latest.entity_count and count < latest.entity_count * (1 - max_loss):
        lost = 1 - count / latest.entity_count
        raise SourceError(
            f"the new version holds {count:,} entities, {lost:.0%} fewer than {latest.version_id} "
            f"({latest.entity_count:,}); a truncated or partial file is not made current "
            f"(the limit is {max_loss:.0%}; use --force if the list really shrank)"
        )
