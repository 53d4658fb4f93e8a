"""Official lists: versions, which are in force and designation counts on a date
(``GET /api/lists``); ingesting a new version (``POST /api/lists/ingest``, admin)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from watchfloor.api.auth import Principal, require_admin, require_reader
from watchfloor.api.context import ApiContext, get_context
from watchfloor.api.models import ErrorResponse, ListsResponse
from watchfloor.api.uploads import Upload, read_upload, temporary_folder
from watchfloor.index.saved import INDEX_DIR_VARIABLE, index_directory
from watchfloor.ingest import designations_as_of
from watchfloor.ingest.child import ListFile
from watchfloor.ingest.lists import DEFAULT_MAX_LOSS
from watchfloor.model.designation import DesignationStatus
from watchfloor.review import append_audit
from watchfloor.screen.service import prepare_screening
from watchfloor.sources import SourceError
from watchfloor.store import StoreError

router = APIRouter(prefix="/api", tags=["Lists"])

FOLDER_FORMATS = frozenset({"ofac-csv"})


@router.get("/lists", response_model=ListsResponse, summary="List versions and designation counts")
def lists(
    as_of: date | None = Query(None, description="Knowledge and status as of this day (default today)"),
    context: ApiContext = Depends(get_context),
    _: Principal = Depends(require_reader),
) -> ListsResponse:
    """Every version kept (``in_force`` marks those known and current on ``as_of``), how many
    designations there are by status and dataset, and the pending ones (announced, not yet
    effective) with their dates."""
    day = as_of or date.today()
    with context.lock:
        versions = context.store.versions()
        in_force = {v.version_id for v in context.store.versions_in_force(day)}
        designations = designations_as_of(context.store, day)
    by_status = Counter(str(d.status) for d in designations)
    by_dataset: dict[str, Counter[str]] = defaultdict(Counter)
    for item in designations:
        by_dataset[item.dataset][str(item.status)] += 1
    return ListsResponse.model_validate(
        {
            "as_of": day.isoformat(),
            "versions": [{**v.to_dict(), "in_force": v.version_id in in_force} for v in versions],
            "designations": {
                "total": len(designations),
                "by_status": dict(by_status),
                "by_dataset": {name: dict(counts) for name, counts in sorted(by_dataset.items())},
            },
            "pending": [d.to_dict() for d in designations if d.status == DesignationStatus.PENDING],
        }
    )


UNPACK_FACTOR = 8
"""An uploaded archive may unpack to this many times the upload limit: real list folders
compress four to six times; a zip bomb compresses a thousand times."""
_CHUNK = 1 << 20


def _unpack(upload: Upload, folder: Path, format_name: str, limit: int) -> Path:
    """The path to ingest: the file itself, or for a folder format (OFAC CSV) a zip's files laid
    flat in a folder (names only, so an archive cannot write outside it), streamed to disk and
    refused (413) as soon as they pass ``limit`` bytes in all, whatever the archive declares."""
    if format_name not in FOLDER_FORMATS:
        return upload.save(folder, keep_suffix=True)
    target = folder / "list"
    target.mkdir()
    written = 0
    try:
        with zipfile.ZipFile(io.BytesIO(upload.content)) as archive:
            for member in archive.infolist():
                name = Path(member.filename).name
                if member.is_dir() or not name or name.startswith("."):
                    continue
                with archive.open(member) as source, (target / name).open("wb") as sink:
                    while chunk := source.read(_CHUNK):
                        written += len(chunk)
                        if written > limit:
                            raise HTTPException(
                                413, detail=f"the archive unpacks to more than {limit:,} bytes; not ingested"
                            )
                        sink.write(chunk)
    except zipfile.BadZipFile:
        raise HTTPException(
            422, detail=f"{format_name} is a folder of files: upload them as one .zip"
        ) from None
    return target


@router.post(
    "/lists/ingest",
    summary="Ingest an official list file as a new version",
    responses={413: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def ingest(
    request: Request,
    format: str = Query(
        ...,
        description="ofac-csv (a .zip of sdn.csv, add.csv, alt.csv, sdn_comments.csv), un-xml, ftm-json, canada-xml, seco-xml, dfat-xlsx",
    ),
    dataset: str | None = Query(None, description="Dataset name (default: the format's own)"),
    published: date | None = Query(None, description="Publication date of the list (default today)"),
    max_loss: float = Query(
        DEFAULT_MAX_LOSS,
        ge=0.0,
        le=1.0,
        description="Refuse a version with this share fewer entities than the last",
    ),
    force: bool = Query(False, description="Store the version even if it lost many entities"),
    context: ApiContext = Depends(get_context),
    principal: Principal = Depends(require_admin),
) -> dict[str, Any]:
    """Parse and store the list as one new version, atomically; the same file with the same
    publication date is not stored twice (``created`` is false). Audited under the key's name.
    The same checks as ``watchfloor lists ingest``, which sends its file here while the server
    holds a DuckDB store."""
    upload = await read_upload(request)

    def work() -> dict[str, Any]:
        with temporary_folder() as folder:
            limit = context.settings.max_upload_bytes * UNPACK_FACTOR
            path = _unpack(upload, Path(folder), format, limit)
            list_file = ListFile(
                format,
                path,
                dataset=dataset,
                published=published,
                max_loss=max_loss,
                force=force,
                origin=upload.origin,
            )
            with context.job() as store:  # requests keep answering from the lists in force
                # parsed, stored and indexed by the child process: the index it saves for today
                # is the one the new screener opens below, so no request waits for its build
                version, created = context.ingester.ingest(
                    store,
                    list_file,
                    prepare=prepare_screening,  # the child imported it at the server's start
                    environment={INDEX_DIR_VARIABLE: str(index_directory(store.db.location))},
                )
                if created:
                    append_audit(
                        store,
                        principal.name,
                        "list_ingested",
                        {"version_id": version.version_id, "format": format, "upload": upload.filename},
                    )
                    context.warm()
        return {"created": created, "version": version.to_dict()}

    try:
        return await run_in_threadpool(work)
    except (SourceError, StoreError) as exc:
        raise HTTPException(422, detail=str(exc)) from None
