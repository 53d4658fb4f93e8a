"""Events told by the word classes round 11 did not carry to: a meeting its adjective makes one
between parties, a counterpart hosted or received, talks told in a speech verb's clause on the
day of the telling, sanctions renewed or kept on a list, a party captured in an armed operation,
"bombed"; and a period that only says how long another state has lasted."""

from __future__ import annotations

import re
from datetime import date

from watchfloor.news.context import ArticleContext
from watchfloor.news.events import detect_events
from watchfloor.news.mentions import Mention

FRIDAY = date(2025, 10, 24)


def _dated(text: str, lang: str = "en", people: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """(day, mode) of every dated event, as the benchmark scores them; one sentence per line,
    published on a Friday; the named people become PERSON mentions, as the NER would give them."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    mentions = [
        Mention(person, "PERSON", found.start(), found.end(), index)
        for person in people
        for found in re.finditer(re.escape(person), text)
        for index, (start, end) in enumerate(sentences)
        if start <= found.start() < end
    ]
    ctx = ArticleContext("art-1", text, lang, FRIDAY, sentences, mentions, {}, title=None)
    return {
        (str(entity.first("date")), keyword[5:])
        for _, entity in detect_events(ctx)
        for keyword in entity.get("keywords")
        if keyword.startswith("mode:") and entity.first("date")
    }


def test_a_meeting_its_adjective_makes_diplomatic_is_talks() -> None:
    assert _dated("The high-level meeting held at the palace on Wednesday included the oil minister.") == {
        ("2025-10-22", "talks")
    }
    assert _dated("La reunión bilateral se celebró el martes en la capital.", "es") == {
        ("2025-10-21", "talks")
    }
    assert _dated("Un encuentro de alto nivel tuvo lugar el lunes en la cancillería.", "es") == {
        ("2025-10-20", "talks")
    }
    # a meeting with no such adjective and no counterpart is a body's own business, not talks
    assert _dated("The cabinet meeting held on Wednesday approved the budget.") == set()


def test_a_counterpart_hosted_or_received_is_talks() -> None:
    assert _dated("On Tuesday the president hosted the foreign minister of the neighbouring country.") == {
        ("2025-10-21", "talks")
    }
    assert _dated("La mandataria recibió el jueves a la enviada especial en el palacio.", "es") == {
        ("2025-10-23", "talks")
    }
    assert _dated("El presidente recibió el lunes a Gómez en la casa de gobierno.", "es") == {
        ("2025-10-20", "talks")
    }
    # a prize or a letter received is no party
    assert _dated("On Tuesday the president received the award in the capital.") == set()
    assert _dated("El ministro recibió el lunes el informe de la comisión.", "es") == set()


def test_talks_told_after_a_speech_verb_are_the_news_of_the_telling_day() -> None:
    assert _dated(
        "The two presidents said on Tuesday that their first face-to-face meeting was cordial."
    ) == {("2025-10-21", "talks")}
    assert _dated(
        "El gobierno informó este lunes que la presidenta sostuvo un encuentro con la enviada de su vecino.",
        "es",
    ) == {("2025-10-20", "talks")}
    # told as earlier than the telling by an undated amount, or in the pluperfect: no day
    assert _dated("The minister said on Tuesday that he met the envoy days earlier.") == set()
    assert _dated("El ministro dijo el martes que se reunió hace dos semanas con el enviado.", "es") == set()
    assert _dated("The minister said on Tuesday that he had met the envoy.") == set()


def test_a_period_after_a_participle_is_how_long_a_state_has_lasted() -> None:
    text = (
        "El gobierno informó este lunes que el canciller sostuvo un encuentro con el embajador, "
        "como parte del restablecimiento de relaciones suspendidas desde 2019."
    )
    assert _dated(text, "es") == {("2025-10-20", "talks")}
    # the trigger's own participle keeps its period: cooperation suspended since a day began that day
    assert _dated("Intelligence cooperation, suspended since October 2, stays frozen.") == {
        ("2025-10-02", "suspend-cooperation")
    }


def test_sanctions_renewed_or_kept_on_a_list_are_a_designation_that_day() -> None:
    assert _dated(
        "The bloc's foreign ministers on Monday extended the sanctions on the regime by one year."
    ) == {("2025-10-20", "designation")}
    assert _dated("El Consejo prorrogó este lunes las medidas restrictivas contra el Gobierno.", "es") == {
        ("2025-10-20", "designation")
    }
    assert _dated(
        "Los ministros aprobaron el lunes mantener en su lista negra a 69 personas del círculo del Gobierno.",
        "es",
    ) == {("2025-10-20", "designation")}
    # a renewal asked for or expected is no act
    assert _dated("On Monday the opposition urged the bloc to extend the sanctions.") == set()


def test_a_party_captured_in_an_armed_operation_is_a_strike() -> None:
    assert _dated("The leader was apprehended in a special forces operation early on Saturday.") == {
        ("2025-10-18", "strike")
    }
    assert _dated(
        "El jefe del cártel fue capturado el sábado en una operación militar en la sierra.", "es"
    ) == {("2025-10-18", "strike")}
    # an arrest in a police operation is no armed strike
    assert _dated("The suspect was detained in a police operation on Saturday.") == set()


def test_bombed_is_a_strike() -> None:
    assert _dated("The visit comes weeks after troops bombed the capital on October 3.") == {
        ("2025-10-03", "strike")
    }


def test_a_meeting_with_a_party_by_name_is_talks() -> None:
    assert _dated("On Monday the president met with Gómez in the capital.") == {("2025-10-20", "talks")}
    assert _dated("El canciller se reunió el martes con Pérez en la sede del gobierno.", "es") == {
        ("2025-10-21", "talks")
    }


def test_a_declaration_whose_party_carries_an_aside_is_a_designation() -> None:
    text = (
        "El Congreso aprobó este miércoles una moción que declara al cártel -acusado por varios gobiernos "
        "vecinos de traficar armas y drogas en la región- como una organización terrorista."
    )
    assert ("2025-10-22", "designation") in _dated(text, "es")


def test_a_strike_announced_earlier_in_the_day_is_dated_that_day() -> None:
    text = "El presidente anunció más temprano la muerte de once personas en un ataque contra una lancha."
    assert _dated(text, "es") == {("2025-10-24", "strike")}


def test_a_call_for_sanctions_or_a_relief_renewed_is_no_designation() -> None:
    assert _dated("On Monday the opposition renewed its calls for sanctions on the regime.") == set()
    assert _dated("On Monday the Treasury extended sanctions relief for the oil company.") == set()
    assert _dated("El lunes el Gobierno renovó su llamado a imponer sanciones al régimen.", "es") == set()


def test_a_party_met_or_hosted_without_with_or_a_conversation_with_one_is_talks() -> None:
    assert _dated("The envoy met Venezuelan President Gómez in the capital on Thursday.") == {
        ("2025-10-23", "talks")
    }
    assert _dated("The president hosted Gómez at the palace on Tuesday.") == {("2025-10-21", "talks")}
    assert _dated("La canciller sostuvo el martes una conversación con Gómez sobre la frontera.", "es") == {
        ("2025-10-21", "talks")
    }
    # a deadline or someone's allies are no party met or hosted
    assert _dated("On Tuesday the ministry met Monday's deadline for the report.") == set()
    assert _dated("On Tuesday the senator hosted Gómez's allies at a fundraiser.") == set()


def test_earlier_in_another_clause_does_not_undate_the_act_told() -> None:
    text = "The command said on Tuesday that forces struck a boat, which officials had tracked for weeks earlier."
    assert _dated(text) == {("2025-10-21", "strike")}
