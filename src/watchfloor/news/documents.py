"""Ingest: turn a path, URL or feed into raw article texts, safely.

Everything that can go wrong with reporting found in the wild (a binary file, a 50 MB page, a
wrong charset, a dead server, a 10,000-item feed, a script tag) is decided here, so the
extraction stages only ever see clean text. One bad source raises ``NewsError`` with a single
sentence; ``load_many`` keeps going and reports errors per source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

from watchfloor.news.errors import NewsError
from watchfloor.news.feeds import is_feed, parse_feed

DEFAULT_MAX_BYTES = 20_000_000
FETCH_TIMEOUT_S = 15.0
USER_AGENT = "watchfloor-news/0.1 (+https://github.com/watchfloor)"
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATELINE = re.compile(rf"\b(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}}),\s+(?P<year>(?:19|20)\d\d)\b")
# every English month name and abbreviation starts with its own three letters
_MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(_MONTHS.split("|")[:12], 1)}


@dataclass(frozen=True)
class RawDocument:
    """One article's text and what its source says about it, before any NLP."""

    text: str
    source: str  # the path, URL or "feed-URL#item" it came from
    title: str | None = None
    published: date | None = None
    url: str | None = None
    publisher: str | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. "published date guessed from dateline"

    @cached_property
    def content_hash(self) -> str:
        """SHA-1 of the whitespace-normalised text: the same story from two places is one article."""
        return hashlib.sha1(normalise_whitespace(self.text).encode("utf-8")).hexdigest()

    @property
    def article_id(self) -> str:
        return f"news-{self.content_hash[:16]}"


@dataclass
class LoadReport:
    """What ``load_many`` read: documents (deduplicated) and one error line per failed source."""

    documents: list[RawDocument]
    errors: dict[str, str]
    duplicates: int = 0


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces and blank lines, keep paragraph breaks (sentence splitting needs them)."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def decode_bytes(raw: bytes, declared: str | None = None) -> str:
    """Bytes to text: the declared charset, then UTF-8, then detection; never fails (replacement chars)."""
    for encoding in (declared, "utf-8"):
        if not encoding:
            continue
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes  # start-up: only for bytes not in UTF-8

    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return raw.decode(encoding, errors="replace")


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes or mostly control characters in the head: an image, PDF or archive, not reporting."""
    head = raw[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.1


def guess_published(text: str) -> date | None:
    """A full date in the first lines ("As of November 19, 2025"): plain-text files carry no metadata."""
    match = _DATELINE.search(text[:1500])
    if match is None:
        return None
    # read here rather than by dateparser: the pattern fixes the format, and importing dateparser
    # costs more than the rest of loading a file
    month = _MONTH_NUMBERS[match.group("month")[:3].lower()]
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:  # "February 30, 2025", "Nov 00, 2025"
        return None


def html_to_document(
    html: str, source: str, published: date | None = None, url: str | None = None
) -> RawDocument:
    """Main text of a web page with trafilatura (menus, footers and scripts dropped), plus its metadata."""
    import trafilatura  # start-up: trafilatura (~0.2 s) only for HTML pages

    result = None
    try:
        result = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception:  # trafilatura raises assorted errors on malformed markup; fall back below
        result = None
    text = getattr(result, "text", None) if result is not None else None
    title = getattr(result, "title", None) if result is not None else None
    page_date = getattr(result, "date", None) if result is not None else None
    publisher = getattr(result, "sitename", None) if result is not None else None
    if not text:
        text, title = _cleaned_text(html), title or _html_title(html)
    if published is None and page_date:
        published = _iso_day(page_date)
    return RawDocument(
        text=normalise_whitespace(text),
        source=source,
        title=title,
        published=published,
        url=url or (getattr(result, "url", None) if result is not None else None),
        publisher=publisher,
    )


def _cleaned_text(html: str) -> str:
    """Fallback text of a page trafilatura found no article in: scripts and styles removed by lxml."""
    import lxml.html  # start-up: only HTML pages need lxml's HTML parser and cleaner
    from lxml.etree import ParserError  # start-up: as above
    from lxml_html_clean import Cleaner  # start-up: as above

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    cleaner = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True, meta=True)
    tree = cleaner.clean_html(tree)
    for block in tree.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr"):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


def _html_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return normalise_whitespace(match.group(1)) if match else None


def _iso_day(value: str | date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def text_to_document(text: str, source: str, published: date | None = None) -> RawDocument:
    """A plain-text article: the first line is its title; a dateline stands in for a missing date."""
    text = normalise_whitespace(text)
    title = text.split("\n", 1)[0][:300] if text else None
    notes: tuple[str, ...] = ()
    if published is None:
        published = guess_published(text)
        if published is not None:
            notes = ("published date read from the text's dateline",)
    return RawDocument(text=text, source=source, title=title, published=published, notes=notes)


def documents_from_bytes(
    raw: bytes,
    source: str,
    published: date | None = None,
    url: str | None = None,
    content_type: str | None = None,
    max_feed_items: int = 10_000,
) -> list[RawDocument]:
    """Sniff the bytes (feed, HTML, text) and read them accordingly."""
    if _looks_binary(raw):
        raise NewsError(f"{source}: binary content, not an article (HTML, text or RSS/Atom expected)")
    declared = None
    if content_type and "charset=" in content_type:
        declared = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"')
    if is_feed(raw, content_type):
        items = parse_feed(raw, source, max_items=max_feed_items)
        docs = []
        for item in items:
            item_published = item.published or published
            text = _cleaned_text(item.body) if "<" in item.body else item.body
            text = normalise_whitespace(text)
            if item.title and not text.startswith(item.title):
                text = normalise_whitespace(f"{item.title}\n{text}")
            if text:
                docs.append(
                    RawDocument(
                        text=text,
                        source=item.source,
                        title=item.title,
                        published=item_published,
                        url=item.link,
                        publisher=item.publisher,
                    )
                )
        return docs
    text = decode_bytes(raw, declared)
    is_html = (content_type or "").startswith(("text/html", "application/xhtml")) or bool(
        _HTML_SNIFF.search(raw[:4096])
    )
    doc = (
        html_to_document(text, source, published, url)
        if is_html
        else text_to_document(text, source, published)
    )
    if url and doc.url is None:
        doc = RawDocument(doc.text, doc.source, doc.title, doc.published, url, doc.publisher, doc.notes)
    if not doc.text.strip():
        raise NewsError(f"{source}: no article text found")
    return [doc]


def fetch_url(
    url: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = FETCH_TIMEOUT_S
) -> tuple[bytes, str | None, str]:
    """GET a URL with a timeout and a size cap; returns (body, content type, final URL)."""
    import httpx  # start-up: httpx only for URLs

    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise NewsError(f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise NewsError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise NewsError(f"{url}: response is over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type"), str(response.url)
    except httpx.TimeoutException:
        raise NewsError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        reason = str(exc) or type(exc).__name__
        raise NewsError(f"{url}: cannot fetch ({reason})") from None


def load_documents(
    source: str, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[RawDocument]:
    """Raw documents from one path (HTML, text, RSS/Atom) or http(s) URL; duplicates dropped.

    ``published`` is used where the page or feed gives no date. Raises ``NewsError``.
    """
    scheme = urlparse(source).scheme.lower()
    if scheme in ("http", "https"):
        raw, content_type, final_url = fetch_url(source, max_bytes=max_bytes)
        docs = documents_from_bytes(raw, source, published, url=final_url, content_type=content_type)
    else:
        path = Path(source)
        if path.is_dir():
            raise NewsError(f"{source}: is a folder; pass its files (load_many expands folders)")
        if not path.is_file():
            raise NewsError(f"{source}: no such file")
        size = path.stat().st_size
        if size > max_bytes:
            raise NewsError(f"{source}: {size:,} bytes is over the {max_bytes:,}-byte limit")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise NewsError(f"{source}: cannot read ({exc.strerror})") from None
        content_type = "text/html" if path.suffix.lower() in (".html", ".htm", ".xhtml") else None
        docs = documents_from_bytes(raw, source, published, content_type=content_type)
    return deduplicate(docs)[0]


def deduplicate(docs: list[RawDocument]) -> tuple[list[RawDocument], int]:
    """Keep the first document of each content hash; returns (kept, number dropped)."""
    seen: set[str] = set()
    kept = []
    for doc in docs:
        key = doc.content_hash
        if key not in seen:
            seen.add(key)
            kept.append(doc)
    return kept, len(docs) - len(kept)


def load_many(
    sources: list[str], published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadReport:
    """Load every source (a folder stands for its files); a bad one becomes an error line and never
    stops the others."""
    docs: list[RawDocument] = []
    errors: dict[str, str] = {}
    expanded: list[str] = []
    for source in sources:
        folder = Path(source)
        if "://" not in source and folder.is_dir():
            expanded.extend(
                str(p) for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")
            )
        else:
            expanded.append(source)
    for source in expanded:
        try:
            docs.extend(load_documents(source, published=published, max_bytes=max_bytes))
        except NewsError as exc:
            errors[source] = str(exc)
    kept, dropped = deduplicate(docs)
    return LoadReport(documents=kept, errors=errors, duplicates=dropped)
