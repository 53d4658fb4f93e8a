"""Sentence modality: reports are asserted, announcements future, speculation hypothetical."""

from __future__ import annotations

import re

import pytest

from watchfloor.news.context import ArticleContext
from watchfloor.news.modality import Modality, article_modalities, sentence_modality

A, F, H = Modality.ASSERTED, Modality.FUTURE, Modality.HYPOTHETICAL


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("US forces struck a vessel in the Caribbean on Tuesday, killing three people.", A),
        (
            "The strikes, which killed 11 people, have drawn criticism from senators who say they could be illegal.",
            A,
        ),
        ("The talks collapsed in May.", A),
        ("May 5 was the deadline set by the ministry.", A),
        ("Theresa May visited Caracas in 2017.", A),
        ("La mayoría de los diputados rechazó la medida.", A),
        ("Estados Unidos atacó una lancha el martes.", A),
        ("The Pentagon is weighing potential land strikes in Venezuela.", H),
        ("The US could strike targets inside Venezuela within days.", H),
        ("Officials may announce new sanctions next week.", H),
        ("Analysts say the deployment could be a prelude to an invasion.", H),
        ("If Maduro refuses to step down, the US will strike, officials said.", H),
        ("Unless Caracas releases the prisoners, Washington would expand the blockade.", H),
        ("In a worst-case scenario, strikes on the mainland would follow.", H),
        ("Will the carrier stay in the Caribbean?", H),
        ("There is a risk of miscalculation at sea.", H),
        ("Si Maduro no cede, Washington atacaría objetivos en tierra.", H),
        ("Una eventual intervención podría desestabilizar la región.", H),
        ("¿Habrá diálogo entre Caracas y Washington?", H),
        ("En caso de ataque, el Gobierno declarará el estado de conmoción.", H),
        ("The designation will take effect on November 24.", F),
        ("The State Department is set to designate the group on Monday.", F),
        ("Rubio is expected to travel to Panama.", F),
        ("Washington plans to expand the operation.", F),
        ("El Gobierno designará al cartel como organización terrorista.", F),
        ("La medida entrará en vigor el 24 de noviembre.", F),
        ("Estados Unidos va a designar al grupo la próxima semana.", F),
    ],
)
def test_sentence_modality(sentence: str, expected: Modality) -> None:
    assert sentence_modality(sentence) == expected


def test_a_realis_clause_keeps_a_sentence_with_a_reported_threat_asserted() -> None:
    sentence = "Venezuela said it would respond if attacked, after strikes killed 11 people on Tuesday."
    assert sentence_modality(sentence) == A


def test_attribution_alone_does_not_assert_speculation() -> None:
    assert (
        sentence_modality(
            "Venezuela would answer any attack, Defense Minister Padrino López said on television."
        )
        == H
    )


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_a_speculative_heading_governs_its_section_until_the_next_heading() -> None:
    text = (
        "Carrier Arrives Off Venezuela\n"
        "The USS Gerald R. Ford arrived in the Caribbean on Sunday.\n"
        "What to watch\n"
        "- Strikes on targets on land.\n"
        "- Oil exports from José terminal.\n"
        "Background\n"
        "The United States designated Tren de Aragua in February."
    )
    modalities = article_modalities(text, _spans(text))
    assert modalities == [A, A, H, H, H, A, A]


def test_spanish_scenarios_section() -> None:
    text = (
        "Tensión en el Caribe\n"
        "Estados Unidos desplegó un portaaviones frente a Venezuela.\n"
        "Escenarios\n"
        "Washington ataca campamentos en territorio venezolano.\n"
        "Maduro negocia su salida."
    )
    assert article_modalities(text, _spans(text)) == [A, A, H, H, H]


def test_the_title_never_governs_the_body() -> None:
    text = "Outlook Darkens For Caracas\nThe Senate rejected the war powers resolution on Thursday."
    assert article_modalities(text, _spans(text)) == [A, A]


def test_context_computes_modality_once_per_article() -> None:
    text = "Strikes killed six people on Friday. Strikes could resume."
    ctx = ArticleContext("a1", text, "en", None, [(0, 36), (37, len(text))], [], {})
    assert (ctx.modality(0), ctx.modality(1)) == (A, H)
    assert ctx.modality(1) is ctx.modality(1)
