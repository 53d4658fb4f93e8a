"""Round 19: a release wrapped to a page's width is read as sentences, not as lines; headings, a
header's short lines and paragraphs still end where they end. Text written for these tests."""

from __future__ import annotations

from watchfloor.news.pipeline import get_nlp

WRAPPED = (
    "WASHINGTON — Today, the Treasury designated Marta Isabel Quintero Salas, a member of\n"
    "Primer Frente Unido (PFU), a Brazil-based criminal organization sanctioned pursuant\n"
    "to counter narcotics authorities. The PFU is the largest gang in the region.\n"
)


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in get_nlp("en")(text).sents]


def test_a_wrapped_release_is_read_as_sentences() -> None:
    assert _sentences(WRAPPED) == [
        WRAPPED.split(". ")[0].strip() + ".",
        "The PFU is the largest gang in the region.",
    ]


def test_headings_and_short_lines_still_end_their_sentence() -> None:
    text = "fr_volume: 90\ndocket_ids:\nSanctions on the Gulf Clan\nthe order was signed on Friday."
    assert _sentences(text) == ["fr_volume: 90", "docket_ids:", "Sanctions on the Gulf Clan", "the order was signed on Friday."]


def test_a_blank_line_ends_a_paragraph_whatever_comes_after() -> None:
    text = "The Treasury named the leaders of the gang and\n\nthe State Department offered a reward."
    assert len(_sentences(text)) == 2
