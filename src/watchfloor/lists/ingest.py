"""Ingest one list file (or folder) into the store as a new version, atomically."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

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


def ingest_list(
    store: Store,
    format_name: str,
    path: Path,
    dataset: str | None = None,
    published: date | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[ListVersion, bool]:
    """Parse and store one version. Returns the version and whether it is new: re-ingesting a file
    identical to the dataset's latest version with the same publication date creates nothing."""
    parser, default_dataset = get_parser(format_name)
    if not path.exists():
        raise SourceError(f"{path} does not exist")
    dataset = dataset or default_dataset
    published = published or date.today()
    checksum = checksum_path(path)
    previous = store.versions(dataset)
    if previous:
        latest = previous[-1]
        if latest.checksum == checksum and latest.published == published:
            return latest, False
    entities = parser(path, dataset)
    version = store.ingest(
        dataset,
        entities,
        format=format_name,
        published=published,
        mode=VersionMode.SNAPSHOT,
        official=True,
        source=str(path),
        checksum=checksum,
        progress=progress,
    )
    return version, True
