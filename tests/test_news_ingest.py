"""Ingest: pages, text, feeds and URLs become clean raw documents; bad input fails one source only."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from watchfloor.news import NewsError, load_documents, load_many
from watchfloor.news.documents import decode_bytes
from watchfloor.news.language import detect_language

NEWS = Path(__file__).parent / "fixtures" / "news"


def test_html_page_keeps_article_text_and_drops_menus_footer_and_scripts() -> None:
    [doc] = load_documents(str(NEWS / "page.html"))
    assert "will designate the Cartel de los Soles as a Foreign Terrorist Organization" in doc.text
    assert "killing at least 83 people" in doc.text
    for junk in ("Subscribe to our newsletter", "Copyright Harbor Ledger", "BREAKING NAVIGATION BANNER"):
        assert junk not in doc.text
    for script in (
        "TRACKER-SECRET-TOKEN",
        "INJECTED-BY-SCRIPT",
        "INLINE-SCRIPT-IN-ARTICLE",
        "ONERROR-PAYLOAD",
    ):
        assert script not in doc.text


def test_html_page_publication_date_comes_from_its_metadata() -> None:
    [doc] = load_documents(str(NEWS / "page.html"))
    assert doc.published == date(2025, 11, 17)
    assert doc.title is not None and "Cartel de los Soles" in doc.title


def test_plain_text_title_is_first_line_and_dateline_gives_the_date() -> None:
    [doc] = load_documents(str(NEWS / "plain.txt"))
    assert doc.title == "Senate rejects bid to limit strikes on Venezuela as Petro halts intelligence sharing"
    assert doc.published == date(2025, 11, 14)


def test_published_argument_wins_over_a_guessed_dateline() -> None:
    [doc] = load_documents(str(NEWS / "plain.txt"), published=date(2025, 11, 15))
    assert doc.published == date(2025, 11, 15)


def test_rss_feed_items_become_separate_dated_articles() -> None:
    docs = load_documents(str(NEWS / "feed.xml"))
    assert [d.title for d in docs] == [
        "Tren de Aragua leaders face new US sanctions",
        "Poll shows limited support for boat strikes",
    ]
    assert [d.published for d in docs] == [date(2025, 11, 12), date(2025, 11, 13)]
    assert docs[0].url == "https://coastal-wire.example/2025/11/tren-de-aragua"
    assert docs[0].publisher == "Coastal Wire"
    assert "<p>" not in docs[0].text and "Specially Designated Global Terrorist" in docs[0].text


def test_atom_feed_entries_are_read(tmp_path: Path) -> None:
    atom = tmp_path / "atom.xml"
    atom.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        '<entry><title>One</title><link href="https://w.example/1"/><updated>2025-11-16T10:00:00Z</updated>'
        "<summary>The Senate voted on Thursday.</summary></entry></feed>",
        encoding="utf-8",
    )
    [doc] = load_documents(str(atom))
    assert (doc.title, doc.url, doc.published) == ("One", "https://w.example/1", date(2025, 11, 16))


def test_same_text_from_two_sources_is_ingested_once(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text((NEWS / "plain.txt").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    report = load_many([str(NEWS / "plain.txt"), str(copy)])
    assert len(report.documents) == 1
    assert report.duplicates == 1


def test_feed_with_duplicate_items_yields_each_text_once(tmp_path: Path) -> None:
    item = "<item><title>Same</title><description>Same story about the Senate vote.</description></item>"
    feed = tmp_path / "dupes.xml"
    feed.write_text(f'<?xml version="1.0"?><rss><channel><title>W</title>{item}{item}</channel></rss>')
    assert len(load_documents(str(feed))) == 1


def test_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 40)
    with pytest.raises(NewsError, match="binary content"):
        load_documents(str(image))


def test_html_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.write(b"<p>filler</p>" * (50_000_000 // 13))
    with pytest.raises(NewsError, match="over the 20,000,000-byte limit"):
        load_documents(str(big))


def test_broken_encoding_is_decoded_with_detection_not_an_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(
        "El ministro Padrino López ordenó la movilización de tropas en Caracas.".encode("latin-1")
    )
    [doc] = load_documents(str(latin))
    assert "Padrino López" in doc.text


def test_invalid_bytes_are_replaced_rather_than_failing() -> None:
    text = decode_bytes(b"Maduro \xff\xfe\xfa said \x81 talks", declared="utf-8")
    assert "Maduro" in text and "talks" in text


def test_unreachable_url_is_a_news_error() -> None:
    with pytest.raises(NewsError, match="cannot fetch"):
        load_documents("http://127.0.0.1:9/")


def test_missing_file_is_a_news_error() -> None:
    with pytest.raises(NewsError, match="no such file"):
        load_documents("/nonexistent/article.html")


def test_one_bad_source_does_not_stop_the_others(tmp_path: Path) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    report = load_many([str(binary), "http://127.0.0.1:9/", str(NEWS / "plain.txt"), str(NEWS / "feed.xml")])
    assert len(report.documents) == 3
    assert set(report.errors) == {str(binary), "http://127.0.0.1:9/"}
    assert all(message for message in report.errors.values())


def test_a_folder_stands_for_its_files_in_load_many() -> None:
    report = load_many([str(NEWS)])
    assert report.errors == {}
    assert len(report.documents) == 5  # page, plain text, two feed items, Spanish
    with pytest.raises(NewsError, match="is a folder"):
        load_documents(str(NEWS))


def test_feed_with_ten_thousand_items_is_read_whole(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Item {n}</title><description>Strike number {n} was reported near the coast.</description></item>"
        for n in range(10_000)
    )
    feed = tmp_path / "huge.xml"
    feed.write_text(f'<?xml version="1.0"?><rss><channel><title>Big</title>{items}</channel></rss>')
    docs = load_documents(str(feed))
    assert len(docs) == 10_000
    assert docs[-1].title == "Item 9999"


def test_feed_entities_are_not_expanded(tmp_path: Path) -> None:
    feed = tmp_path / "xxe.xml"
    feed.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        "<rss><channel><title>X</title><item><title>T</title><description>A &secret; report on the vote.</description>"
        "</item></channel></rss>"
    )
    docs = load_documents(str(feed))
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00"
    assert all(hostname not in d.text for d in docs)


@pytest.fixture
def local_server() -> Iterator[str]:
    """A localhost HTTP server: the page fixture at /page.html and 2 MB of HTML at /big."""
    page = (NEWS / "page.html").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = page if self.path == "/page.html" else b"<html><body>" + b"<p>x</p>" * 250_000
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_and_extracted(local_server: str) -> None:
    [doc] = load_documents(f"{local_server}/page.html")
    assert "headed by Nicolás Maduro" in doc.text
    assert doc.url == f"{local_server}/page.html"
    assert "TRACKER-SECRET-TOKEN" not in doc.text


def test_url_response_over_the_limit_is_refused(local_server: str) -> None:
    with pytest.raises(NewsError, match="over the 1,000,000-byte limit"):
        load_documents(f"{local_server}/big", max_bytes=1_000_000)


def test_language_detection_tells_english_from_spanish() -> None:
    assert detect_language((NEWS / "plain.txt").read_text(encoding="utf-8")) == "en"
    assert detect_language((NEWS / "spanish.txt").read_text(encoding="utf-8")) == "es"
