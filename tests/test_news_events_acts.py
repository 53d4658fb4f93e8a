"""Events told by the closed word classes of meetings, sanctioning and armed operations, and the days
that belong to another clause: a meeting, a summit or an agreement signed is talks; sanctions imposed,
a party registered as a list's class, "today's action"; an operation carried out; a poll whose
finding supposes; a day in a supposed or expected clause."""

from __future__ import annotations

import re
from datetime import date

from followthemoney.statement import StatementEntity

from watchfloor.news.context import ArticleContext
from watchfloor.news.events import detect_events
from watchfloor.news.mentions import Mention

FRIDAY = date(2025, 10, 24)


def _events(text: str, lang: str = "en", places: tuple[str, ...] = ()) -> list[StatementEntity]:
    """One sentence per line, published on a Friday; the named places become GPE mentions."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    mentions = [
        Mention(place, "GPE", found.start(), found.end(), index)
        for place in places
        for found in re.finditer(re.escape(place), text)
        for index, (start, end) in enumerate(sentences)
        if start <= found.start() < end
    ]
    ctx = ArticleContext("art-1", text, lang, FRIDAY, sentences, mentions, {}, title=None)
    return [entity for _, entity in detect_events(ctx)]


def _dated(text: str, lang: str = "en", places: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """(day, mode) of every dated event, as the benchmark scores them."""
    return {
        (str(entity.first("date")), keyword[5:])
        for entity in _events(text, lang, places)
        for keyword in entity.get("keywords")
        if keyword.startswith("mode:") and entity.first("date")
    }


def test_a_meeting_with_a_leader_is_talks() -> None:
    assert _dated("The president met with the opposition leader on Tuesday at his residence.") == {
        ("2025-10-21", "talks")
    }
    assert _dated("La canciller se reunió el miércoles con el enviado especial.", "es") == {
        ("2025-10-22", "talks")
    }


def test_a_summit_is_talks() -> None:
    text = "El presidente recibió este jueves a doce mandatarios en la cumbre regional de seguridad."
    assert _dated(text, "es") == {("2025-10-23", "talks")}


def test_an_agreement_signed_is_talks() -> None:
    text = "Los dos gobiernos firmaron este miércoles en Oslo el llamado «acuerdo de garantías»."
    assert _dated(text, "es") == {("2025-10-22", "talks")}
    assert _dated("The rival delegations signed a partial agreement on Monday.") == {("2025-10-20", "talks")}


def test_the_imposition_of_sanctions_announced_is_a_designation() -> None:
    text = "El Departamento del Tesoro anunció este lunes la imposición de sanciones a cuatro jueces."
    assert _dated(text, "es") == {("2025-10-20", "designation")}


def test_a_party_registered_as_a_list_class_is_a_designation() -> None:
    text = (
        "Este martes, la OFAC registró al empresario Juan Pérez como Narcotraficante Especialmente Designado."
    )
    assert _dated(text, "es") == {("2025-10-21", "designation")}
    english = "On Tuesday the Treasury listed the broker as a Specially Designated Global Terrorist."
    assert _dated(english) == {("2025-10-21", "designation")}


def test_a_vague_period_in_a_relative_clause_leaves_the_act_reported() -> None:
    text = (
        "El Tesoro congeló las cuentas de una red de Guadalajara que comenzó a operar en los años noventa.\n"
        "La designación de hoy golpea a la red, dijo el director."
    )
    assert _dated(text, "es", places=("Guadalajara",)) == {("2025-10-24", "designation")}
    # a period that frames the act itself is still background
    background = "Durante los últimos años el Tesoro congeló las cuentas de redes de Guadalajara."
    assert _dated(background, "es", places=("Guadalajara",)) == set()


def test_todays_action_dates_the_sanction_told_before() -> None:
    text = (
        "The Treasury Department sanctioned three shipping firms in Panama.\n"
        "Today's action targets the network behind the firms."
    )
    assert _dated(text, places=("Panama",)) == {("2025-10-24", "designation")}


def test_an_operation_carried_out_by_forces_or_on_a_boat_is_a_strike() -> None:
    assert _dated("A military operation carried out on Saturday in the capital killed 32 guards.") == {
        ("2025-10-18", "strike")
    }
    text = "El objetivo de la operación llevada a cabo el 16 de octubre era una embarcación con cuatro tripulantes."
    assert _dated(text, "es") == {("2025-10-16", "strike")}
    # an operation with no armed force and no vessel is no strike
    assert _dated("A census operation carried out on Saturday counted 3,000 homes.") == set()


def test_the_day_of_an_operation_carried_out_is_not_the_polls() -> None:
    text = "According to the poll, 43 percent approved of the military action carried out on October 3."
    assert _dated(text) == {("2025-10-03", "strike")}


def test_a_poll_whose_finding_supposes_is_still_a_poll_and_the_supposed_day_dates_nothing() -> None:
    text = (
        "Una encuesta realizada entre el 6 y el 11 de octubre revela que el 70 % votaría por la opositora "
        "si las elecciones fueran hoy."
    )
    assert _dated(text, "es") == {("2025-10-11", "poll")}


def test_a_day_in_an_expected_clause_dates_no_event() -> None:
    text = "El senador votó de nuevo a favor de la resolución y espera que la Cámara vote sobre el tema el jueves."
    assert _dated(text, "es") == set()
    english = "The senator voted for the resolution again and hopes that the House votes on it on Thursday."
    assert _dated(english) == set()


def test_an_embedded_posts_signature_dates_the_act_the_post_tells() -> None:
    text = (
        "He firmado el decreto e identifiqué a las bandas de Quito como organizaciones terroristas.\n"
        "pic.twitter.com/abc123 — Presidente Ejemplo (@PresiEjemplo) October 21, 2025"
    )
    assert _dated(text, "es", places=("Quito",)) == {("2025-10-21", "designation")}


def test_talks_suspended_or_aid_cut_is_suspended_cooperation() -> None:
    text = "El 2 de octubre, el presidente ordenó la suspensión de todas las conversaciones con el gobierno vecino."
    assert _dated(text, "es") == {("2025-10-02", "suspend-cooperation")}
    english = "On Wednesday the president ordered a cut to all economic aid to the neighbouring country."
    assert _dated(english) == {("2025-10-22", "suspend-cooperation")}


def test_a_possessed_act_noun_dates_the_act_told_before() -> None:
    text = (
        "The president of Ecuador declared the gang a terrorist group.\n"
        "Noboa's decree on Thursday follows a similar designation by Washington in July."
    )
    assert _dated(text, places=("Ecuador",)) == {("2025-10-23", "designation")}


def test_a_summit_named_as_where_something_was_said_is_no_talks() -> None:
    text = "The boat was unarmed, the president said during a summit of regional leaders on Sunday."
    assert _dated(text) == set()
    # the summit told as what happened still is
    assert _dated("Regional leaders held a summit on Sunday in the capital.") == {("2025-10-19", "talks")}


def test_a_day_in_a_relative_clause_on_the_speaker_dates_no_act_told() -> None:
    text = "Un senador que vio el video el jueves dijo que mostraba un ataque contra dos náufragos."
    assert _dated(text, "es") == set()
    # the day of the telling itself still dates an act told in the simple past
    assert _dated("El ministro dijo el jueves que las fuerzas atacaron una lancha.", "es") == {
        ("2025-10-23", "strike")
    }


def test_a_meeting_with_reporters_or_a_family_is_no_talks() -> None:
    assert _dated("On Sunday the president met with the family of a fisherman.") == set()
    assert _dated("In a meeting with reporters on Monday, the minister spoke about the case.") == set()
    assert _dated("The envoy held a meeting with the foreign minister on Monday.") == {
        ("2025-10-20", "talks")
    }


def test_a_strike_told_after_said_during_is_still_a_strike() -> None:
    text = "The command said five people were killed during the strikes on Wednesday."
    assert _dated(text) == {("2025-10-22", "strike")}


def test_a_spanish_strike_noun_after_a_preposition_and_el_is_recalled() -> None:
    text = (
        "El Senado rechazó este miércoles la resolución del presidente, que no pidió permiso para el ataque."
    )
    assert _dated(text, "es") == {("2025-10-22", "vote")}
