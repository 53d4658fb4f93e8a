"""RSS 2.0 / RDF / Atom feeds: each item becomes one article.

Parsed with lxml's event parser (no entity resolution, no network) so that a hostile or huge feed
costs linear time and bounded memory; items beyond ``max_items`` are skipped.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

from watchfloor.news.errors import NewsError

_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_ITEM_TAGS = {"item", "entry"}


@dataclass(frozen=True)
class FeedItem:
    title: str | None
    link: str | None
    body: str  # HTML or text of description/content
    published: date | None
    publisher: str | None
    source: str


def is_feed(raw: bytes, content_type: str | None = None) -> bool:
    ctype = (content_type or "").lower()
    if "rss" in ctype or "atom" in ctype:
        return True
    return bool(_FEED_SNIFF.search(raw[:2048]))


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1].split(":")[-1].lower()


def _feed_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(raw: bytes, source: str, max_items: int = 10_000) -> list[FeedItem]:
    """The items of a feed, in order, at most ``max_items``."""
    from lxml import etree  # start-up: lxml's XML parser only for feeds

    items: list[FeedItem] = []
    publisher: str | None = None
    depth_in_item = 0
    try:
        context = etree.iterparse(
            io.BytesIO(raw),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            recover=True,
        )
        fields: dict[str, str] = {}
        for event, element in context:
            name = _local(element.tag)
            if event == "start":
                if name in _ITEM_TAGS:
                    depth_in_item += 1
                    fields = {}
                continue
            if name in _ITEM_TAGS:
                depth_in_item -= 1
                if len(items) < max_items:
                    items.append(_item(fields, publisher, source, len(items)))
                element.clear()
                continue
            if depth_in_item:
                text = element.text or ""
                if name == "link" and not text:
                    text = element.get("href") or ""
                if name in ("encoded", "content") and text:
                    fields["content"] = text
                elif text and name not in fields:
                    fields[name] = text
            elif name == "title" and publisher is None and element.text:
                publisher = element.text.strip()
    except etree.XMLSyntaxError as exc:
        if not items:
            raise NewsError(f"{source}: not a readable RSS/Atom feed ({exc.msg})") from None
    return items


def _item(fields: dict[str, str], publisher: str | None, source: str, index: int) -> FeedItem:
    body = fields.get("content") or fields.get("description") or fields.get("summary") or ""
    link = (fields.get("link") or "").strip() or None
    when = fields.get("pubdate") or fields.get("published") or fields.get("updated") or fields.get("date")
    return FeedItem(
        title=(fields.get("title") or "").strip() or None,
        link=link,
        body=body,
        published=_feed_date(when),
        publisher=publisher,
        source=link or f"{source}#item-{index + 1}",
    )
