"""An ASGI layer in front of every route: the loopback-only rule, the same-origin rule for writes,
the Host rule of keyless mode and the request size limit.

A web page the analyst opens can send a plain form or a ``no-cors`` fetch to a local server:
every state-changing request whose Origin (or Referer) names another site is refused, and in
keyless mode a Host header that is not a loopback name is refused too (DNS rebinding: the
attacker's name resolving to 127.0.0.1). Clients that are not browsers send neither header.

It sits below FastAPI so that it also covers /docs and routes added later (the web console),
and so that an oversized body is refused before anything parses it: the declared
Content-Length is checked first, then the bytes actually received are counted, because a
client can lie about (or omit) the length.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from watchfloor.api.auth import KEYS_EXIST, is_loopback, keys_exist
from watchfloor.api.context import ApiContext

UPLOAD_PATHS = ("/api/screen-file", "/api/book", "/api/lists/ingest")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_same_origin(source: str | None, host: str) -> bool:
    """Whether an Origin or Referer value names the server the Host header names (no value:
    a client that is not a browser, which is not cross-site)."""
    if not source:
        return True
    if source == "null":  # sandboxed frames and some redirects: never this server's page
        return False
    return urlsplit(source).netloc.lower() == host.lower()


def is_loopback_host(host: str) -> bool:
    """A Host header naming this machine by a loopback name or address (the port aside)."""
    name = urlsplit(f"//{host}").hostname or ""
    return is_loopback(name)


async def send_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    def __init__(self, app: ASGIApp, context: ApiContext) -> None:
        self.app = app
        self.context = context

    def _limit(self, path: str) -> int:
        settings = self.context.settings
        return settings.max_upload_bytes if path.startswith(UPLOAD_PATHS) else settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        exist = await run_in_threadpool(keys_exist, self.context)
        scope[KEYS_EXIST] = exist
        client = scope.get("client")
        if not exist and not is_loopback(client[0] if client else None):
            await send_error(
                send,
                403,
                "this server has no API key yet and answers only local (loopback) clients; "
                "create a key with 'watchfloor keys create --role reader --name NAME'",
            )
            return
        headers = dict(scope.get("headers") or [])
        refusal = _origin_refusal(scope.get("method", "GET"), headers, keyless=not exist)
        if refusal is not None:
            await send_error(send, 403, refusal)
            return
        limit = self._limit(scope.get("path", ""))
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                declared_size = int(declared)
            except ValueError:
                await send_error(send, 400, "the Content-Length header is not a number")
                return
            if declared_size > limit:
                await send_error(send, 413, _too_large(limit))
                return
        body = await self._read_body(receive, limit)
        if body is None:
            await send_error(send, 413, _too_large(limit))
            return
        await self.app(scope, _replay(body, receive), send)

    @staticmethod
    async def _read_body(receive: Receive, limit: int) -> bytes | None:
        """The whole body, or None as soon as it passes ``limit`` bytes."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _origin_refusal(method: str, headers: dict[bytes, bytes], keyless: bool) -> str | None:
    """Why a request is refused by the origin rules, or None."""
    host = headers.get(b"host", b"").decode("latin-1")
    if keyless and not is_loopback_host(host):
        return "this server has no API key yet and answers only requests addressed to localhost"
    if method.upper() in SAFE_METHODS:
        return None
    source = (headers.get(b"origin") or headers.get(b"referer") or b"").decode("latin-1")
    if not is_same_origin(source or None, host):
        return "cross-origin requests that change data are refused"
    return None


def _too_large(limit: int) -> str:
    return f"the request body is larger than this server accepts ({limit:,} bytes)"


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive channel that yields the buffered body once, then the client's own events."""
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            message: dict[str, Any] = {"type": "http.request", "body": body, "more_body": False}
            return message
        return await receive()

    return replay
