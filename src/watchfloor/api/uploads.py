"""Read an uploaded file from a request: ``multipart/form-data`` (field ``file``) or a raw body.

The body has already been size-checked and buffered by the request guard. Multipart is parsed
with the standard library's MIME parser, so uploads need no extra dependency; a raw body
(``Content-Type: text/csv``) suits scripts (``curl --data-binary @names.csv``).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from pathlib import Path

from fastapi import HTTPException, Request

FIELD = "file"
SUFFIXES = (".csv", ".txt", ".parquet", ".pq")


@dataclass(frozen=True)
class Upload:
    filename: str
    content: bytes

    @property
    def origin(self) -> str:
        """Where a record made from the upload says it came from: the name the client gave (the
        server's temporary copy is gone once the request ends)."""
        return f"upload:{self.filename}"

    @property
    def suffix(self) -> str:
        suffix = Path(self.filename).suffix.lower()
        return suffix if suffix in SUFFIXES else ".csv"

    def save(self, folder: Path, keep_suffix: bool = False) -> Path:
        """Write the file under its own base name (kept for the audit trail), made safe; the
        suffix is a table's unless ``keep_suffix`` (list files: .xml, .json...)."""
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(self.filename).stem).strip("._") or "upload"
        suffix = re.sub(r"[^A-Za-z0-9.]", "", Path(self.filename).suffix)[:10] if keep_suffix else self.suffix
        path = folder / f"{stem[:80]}{suffix}"
        path.write_bytes(self.content)
        return path


def _multipart(content_type: str, body: bytes) -> Upload:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise HTTPException(422, detail="the multipart body could not be read (boundary missing or wrong)")
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") != FIELD:
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        return Upload(filename=part.get_filename() or "upload.csv", content=content)
    raise HTTPException(422, detail=f"the form has no field named {FIELD!r} holding the file")


async def read_upload(request: Request) -> Upload:
    """The uploaded file, or 422 naming what is missing."""
    content_type = request.headers.get("content-type", "")
    body = await request.body()
    if content_type.lower().startswith("multipart/form-data"):
        upload = _multipart(content_type, body)
    else:
        upload = Upload(filename=request.query_params.get("filename", "upload.csv"), content=body)
    if not upload.content.strip():
        raise HTTPException(422, detail="the uploaded file is empty")
    return upload


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="watchfloor-upload-")
