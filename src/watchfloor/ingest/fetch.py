"""Download a source's file, and make it the list's new version only if it is whole and sound.

A fetch asks the publisher whether the file changed (``If-None-Match`` / ``If-Modified-Since``
with the validators of the last good fetch, while that fetch's version is still the latest), so
an unchanged list costs one small request. A changed file is streamed to a temporary folder with
a size cap and a SHA-256, then ingested like any local file: the parser must read it whole, and a
version that loses more than the source's ``max_loss`` of the entities is refused. Whatever goes
wrong (timeout, HTTP error, truncated or corrupt file, a list cut in half) leaves the last good
version current; the attempt and its reason are logged (``FetchLog``) and sent to the webhook.

After new versions the caller's ``after_new_versions`` runs once, under the store's lock: the CLI,
the API and the refresh loop hand in `screen.wiring.after_new_lists`, which re-screens the
monitored book for the delta, so that a designation published tonight raises its alerts without
anyone running ``rescreen``. (This layer does not import screening: it sits below it.)
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlparse

import httpx

from watchfloor.ingest.lists import checksum_path, ingest_list
from watchfloor.ingest.sources import Source, SourcesConfig
from watchfloor.sources import SourceError
from watchfloor.store import Store
from watchfloor.store.db import database_of
from watchfloor.store.fetches import FAILED, NEW_VERSION, UNCHANGED, FetchLog, FetchRecord

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 3
MAX_DOWNLOAD_BYTES = 2 * 1024**3  # the largest official files (OFAC's advanced XML) are ~100 MB
USER_AGENT = "watchfloor (sanctions list refresh)"
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A download that did not give a whole file; the message says why in one sentence."""


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_bytes: int = MAX_DOWNLOAD_BYTES
    force: bool = False  # store a version even if it lost many entities
    # set when the server shuts down: no further source or retry is begun, and a retry's wait is
    # cut short (a download or an ingest in progress still finishes)
    stop: threading.Event | None = None

    def stopped(self, wait: float = 0.0) -> bool:
        """Wait up to ``wait`` seconds (as a retry's back-off does); True when stopped."""
        if self.stop is None:
            time.sleep(wait)
            return False
        return self.stop.wait(wait)


AfterNewVersions = Callable[[Store], "int | None"]
"""Run once after a fetch stored new list versions, under the lock: the number of new alerts it
raised, or None when it screened nothing. An exception is reported as a failed fetch record."""


@dataclass(frozen=True)
class Download:
    folder: Path
    path: Path  # the file (single-file formats) or the folder (folder formats)
    etag: str | None
    last_modified: str | None
    size: int


def fetch_sources(
    store: Store,
    config: SourcesConfig,
    names: Sequence[str] | None = None,
    options: FetchOptions | None = None,
    client: httpx.Client | None = None,
    on_record: Callable[[FetchRecord], None] | None = None,
    lock: AbstractContextManager[object] | None = None,
    after_new_versions: AfterNewVersions | None = None,
) -> list[FetchRecord]:
    """Fetch each named source (every enabled one by default), then call ``after_new_versions``
    once if any list changed. One failing source never stops the others. ``lock`` guards every
    use of the store (a server shares one connection); downloads run outside it."""
    options = options or FetchOptions()
    guard = lock or nullcontext()
    records = []
    with _client(client, options) as http:
        for source in config.select(list(names) if names else None):
            if options.stopped():
                break
            record = fetch_source(store, source, options, http, guard)
            records.append(record)
            if on_record is not None:
                on_record(record)
    if after_new_versions is not None and any(r.outcome == NEW_VERSION for r in records):
        with guard:
            records = _after_new_versions(store, records, after_new_versions)
    if config.webhook:
        notify(config.webhook, [r for r in records if r.outcome != UNCHANGED], options)
    return records


def fetch_source(
    store: Store,
    source: Source,
    options: FetchOptions,
    http: httpx.Client,
    guard: AbstractContextManager[object] | None = None,
) -> FetchRecord:
    """One attempt at one source, logged whatever its outcome."""
    guard = guard or nullcontext()
    started = _now()
    with guard:
        fetch_log = FetchLog(database_of(store))
        previous = _still_current(store, source, fetch_log.last(source.name, ok_only=True))

    def record(outcome: str, message: str, found: Download | None = None, **seen: str | None) -> FetchRecord:
        entry = FetchRecord(
            source.name,
            source.dataset,
            source.url,
            started,
            _now(),
            outcome,
            message,
            etag=found.etag if found else seen.get("etag"),
            last_modified=found.last_modified if found else seen.get("last_modified"),
            checksum=seen.get("checksum"),
            bytes=found.size if found else None,
            version_id=seen.get("version_id"),
        )
        with guard:
            fetch_log.add(entry)
        return entry

    try:
        with tempfile.TemporaryDirectory(prefix="watchfloor-fetch-") as tmp:
            download = download_source(source, Path(tmp), http, options, previous)
            if download is None:
                assert previous is not None
                return record(
                    UNCHANGED,
                    "the publisher says the file has not changed",
                    etag=previous.etag,
                    last_modified=previous.last_modified,
                    checksum=previous.checksum,
                    version_id=previous.version_id,
                )
            checksum = checksum_path(download.path)
            with guard:
                outcome, message, version_id = _make_current(store, source, download.path, checksum, options)
            return record(outcome, message, download, checksum=checksum, version_id=version_id)
    except (FetchError, SourceError, OSError) as exc:
        log.warning("fetch of %s failed: %s", source.name, exc)
        return record(FAILED, _one_line(exc))


def _make_current(
    store: Store, source: Source, path: Path, checksum: str, options: FetchOptions
) -> tuple[str, str, str]:
    """Ingest the download as the dataset's new version, unless the latest already holds it."""
    latest = store.versions(source.dataset)
    if latest and latest[-1].checksum == checksum:
        return UNCHANGED, f"same content as {latest[-1].version_id}", latest[-1].version_id
    version, _created = ingest_list(
        store,
        source.format,
        path,
        dataset=source.dataset,
        published=date.today(),
        max_loss=source.max_loss,
        force=options.force,
    )
    return NEW_VERSION, f"{version.version_id}: {version.entity_count:,} entities", version.version_id


def download_source(
    source: Source, folder: Path, http: httpx.Client, options: FetchOptions, previous: FetchRecord | None
) -> Download | None:
    """The source's file(s) in ``folder``; None when the publisher answers 304 Not Modified."""
    if not source.folder:
        target = folder / _file_name(source.url, source.format)
        got = _get(http, source.url, target, options, previous)
        if got is None:
            return None
        etag, modified, size = got
        return Download(folder, target, etag, modified, size)
    total = 0
    data = folder / "list"
    data.mkdir()
    for name, url in source.files.items():
        got = _get(http, url, data / name, options, None)  # a folder is compared by its checksum
        assert got is not None, "an unconditional GET never yields 'not modified'"
        total += got[2]
    return Download(folder, data, None, None, total)


def notify(webhook: str, records: Sequence[FetchRecord], options: FetchOptions) -> None:
    """POST the fetches that changed or failed something; a webhook that is down is logged, never
    fatal (the fetch log keeps the truth)."""
    if not records:
        return
    payload = {"event": "watchfloor.ingest.fetch", "fetches": [r.to_dict() for r in records]}
    try:
        httpx.post(webhook, json=payload, timeout=min(options.timeout, 10.0)).raise_for_status()
    except httpx.HTTPError as exc:
        log.warning("webhook %s failed: %s", webhook, exc)


# --- HTTP -------------------------------------------------------------------------------------


@contextmanager
def _client(client: httpx.Client | None, options: FetchOptions) -> Iterator[httpx.Client]:
    if client is not None:
        yield client
        return
    with httpx.Client(
        timeout=options.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as owned:
        yield owned


def _get(
    http: httpx.Client, url: str, target: Path, options: FetchOptions, previous: FetchRecord | None
) -> tuple[str | None, str | None, int] | None:
    """Stream ``url`` to ``target`` with retries; (etag, last-modified, bytes), or None on 304."""
    headers = {}
    if previous is not None and previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous is not None and previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    delay = options.backoff
    for attempt in range(options.retries + 1):
        try:
            return _stream(http, url, target, headers, options)
        except _Retry as exc:
            if attempt == options.retries:
                raise FetchError(f"{url}: {exc} (after {options.retries + 1} attempts)") from None
            if options.stopped(delay):
                raise FetchError(f"{url}: {exc} (stopped before attempt {attempt + 2})") from None
            delay *= 2
    raise AssertionError("unreachable")


class _Retry(Exception):
    """A failure worth another try: the network, a timeout, a busy or failing server."""


def _stream(
    http: httpx.Client, url: str, target: Path, headers: dict[str, str], options: FetchOptions
) -> tuple[str | None, str | None, int] | None:
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 304 and headers:  # "not modified" answers only a conditional GET
                return None
            if response.status_code in RETRY_STATUS:
                raise _Retry(f"HTTP {response.status_code}")
            if response.status_code != 200:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("Content-Length")
            size = 0
            with target.open("wb") as handle:
                for chunk in response.iter_bytes(1 << 16):
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise FetchError(f"{url}: larger than the {options.max_bytes:,}-byte limit")
                    handle.write(chunk)
            if declared is not None and declared.isdigit() and int(declared) != size:
                raise _Retry(f"the download was cut short ({size:,} of {int(declared):,} bytes)")
            if size == 0:
                raise FetchError(f"{url}: the server sent an empty file")
            return response.headers.get("ETag"), response.headers.get("Last-Modified"), size
    except httpx.RemoteProtocolError as exc:
        raise _Retry(f"the download was cut short ({exc})") from None
    except (httpx.TimeoutException, httpx.NetworkError) as exc:
        raise _Retry(f"{type(exc).__name__}: {exc}") from None


# --- helpers ----------------------------------------------------------------------------------


def _still_current(store: Store, source: Source, last_ok: FetchRecord | None) -> FetchRecord | None:
    """The last good fetch, if the dataset's latest version is still the one it saw: only then may
    a 304 stand for "you have it"."""
    if last_ok is None or not (last_ok.etag or last_ok.last_modified):
        return None
    versions = store.versions(source.dataset)
    return last_ok if versions and versions[-1].checksum == last_ok.checksum else None


def _after_new_versions(
    store: Store, records: list[FetchRecord], after: AfterNewVersions
) -> list[FetchRecord]:
    """Call ``after`` once for all new versions; its alerts go on the first new-version record, and
    its failure is a record of its own (the lists are current all the same)."""
    try:
        alerts = after(store)
    except Exception as exc:  # the lists are current; the failed re-screening is reported
        log.exception("re-screening after a fetch failed")
        return [*records, _rescreen_failure(records, exc)]
    if alerts is None:
        return records
    first = next(r for r in records if r.outcome == NEW_VERSION)
    FetchLog(database_of(store)).set_alerts(first, alerts)
    return [replace(r, alerts=alerts) if r is first else r for r in records]


def _rescreen_failure(records: list[FetchRecord], exc: Exception) -> FetchRecord:
    first = next(r for r in records if r.outcome == NEW_VERSION)
    now = _now()
    return FetchRecord(
        first.source, first.dataset, first.url, now, now, FAILED, f"re-screening failed: {exc}"
    )


def _file_name(url: str, format_name: str) -> str:
    """A name for the downloaded file: the URL's own when it has an extension, else by format."""
    name = Path(urlparse(url).path).name
    if "." in name and len(name) <= 100:
        return name
    extension = format_name.rsplit("-", 1)[-1]
    return f"download.{extension}"


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
