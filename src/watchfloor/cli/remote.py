"""Reaching a DuckDB store through the server that holds it.

DuckDB lets one process at a time open a store file. While ``watchfloor serve`` holds it, the
commands in ``FORWARDED`` send their request to the server's API instead of opening the file:
the same checks, the same JSON, audited under the API key's name when the server has keys
(``WATCHFLOOR_KEY``). Every other command says in one line what to do (``busy_advice``).
A PostgreSQL store needs none of this: every process opens it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchfloor.store import StoreError
from watchfloor.store.base import StoreBusyError

if TYPE_CHECKING:
    import httpx

FORWARDED = ("screen", "alerts", "alerts decide", "lists ingest", "book import")
"""The commands that go through the server: looking names up, finding and deciding alerts, and
bringing in a list or the book, which analysts do while colleagues use the console."""
API_KEY_ENV = "WATCHFLOOR_KEY"  # the same key as `--key`: one identity, locally or through the server
SHARED_USE = "keep the store in PostgreSQL for shared use (README, 'Many users')"
CONNECT_SECONDS = 10.0


class ServerError(StoreError):
    """The server that holds the store refused the request or did not answer; the line says why."""


def busy_advice(busy: StoreBusyError) -> str:
    """One line: who holds the store, and what the user can do about it."""
    holder = busy.holder
    if holder is not None and holder.url:
        return (
            f"{busy}; this command cannot go through the server (only {', '.join(FORWARDED)} do): "
            f"use the console or API at {holder.url}, stop the server and run it again, or {SHARED_USE}"
        )
    if holder is not None:
        return f"{busy}; stop it (Ctrl-C) and run this again, or {SHARED_USE}"
    return f"{busy}; run this again when it has finished, or {SHARED_USE}"


class ServerClient:
    """The API of the ``watchfloor serve`` process that holds the store."""

    def __init__(self, busy: StoreBusyError, key: str | None = None) -> None:
        if busy.holder is None or not busy.holder.url:
            raise busy
        self.busy = busy
        self.url = busy.holder.url
        key = (key or os.environ.get(API_KEY_ENV, "")).strip()
        import httpx  # start-up: a tenth of a second that only a command going through a server pays

        self.http = httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"ApiKey {key}"} if key else {},
            # an ingest or import takes as long as it takes; only a server that is not there fails fast
            timeout=httpx.Timeout(None, connect=CONNECT_SECONDS),
        )

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._send("GET", path, params=_present(params))

    def post(
        self,
        path: str,
        *,
        json: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
    ) -> Any:
        headers = {"Content-Type": "application/octet-stream"} if content is not None else None
        return self._send("POST", path, json=json, params=_present(params), content=content, headers=headers)

    def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        import httpx  # start-up: loaded by __init__ already; the module is needed for its errors

        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise ServerError(
                f"{self.busy}, but its API does not answer ({type(exc).__name__}: {exc}): "
                "wait until it has started, or stop it and run this again"
            ) from None
        if response.is_success:
            return response.json()
        detail = _detail(response)
        if response.status_code == 401:
            raise ServerError(
                f"the server at {self.url} holds the store and asks for an API key: set {API_KEY_ENV} "
                f"to yours ({detail})"
            )
        if response.status_code == 413:
            raise ServerError(f"{detail}; stop the server and run this on the store directly")
        raise ServerError(detail)


def local_url(host: str, port: int) -> str:
    """Where a client on this machine reaches a server bound to ``host`` (a wildcard address
    answers on loopback too)."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def upload_bytes(path: Path) -> tuple[str, bytes]:
    """A file as it is sent to the server: its name and bytes; a folder (OFAC CSV) as one zip."""
    if not path.exists():
        raise ServerError(f"{path} does not exist")
    if not path.is_dir():
        return path.name, path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in path.iterdir() if p.is_file()):
            archive.write(file, file.name)
    return f"{path.name}.zip", buffer.getvalue()


def _present(params: dict[str, Any] | None) -> dict[str, Any] | None:
    """Query parameters without the options left unset (the server's defaults apply)."""
    if params is None:
        return None
    return {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in params.items() if v is not None}


def _detail(response: httpx.Response) -> str:
    """The server's reason in one line: its ``detail``, or the first validation error."""
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    if isinstance(detail, list) and detail and isinstance(detail[0], dict):
        first = detail[0]
        where = ".".join(str(part) for part in first.get("loc", [])[1:])
        detail = f"{where}: {first.get('msg')}" if where else first.get("msg")
    text = str(detail) if detail else response.text.strip() or response.reason_phrase
    return f"{text.splitlines()[0]} (HTTP {response.status_code} from {response.url.path})"
