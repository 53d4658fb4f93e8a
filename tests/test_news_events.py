"""Events only from asserted sentences, dated only by the sentence's own date expressions."""

from __future__ import annotations

import re
from datetime import date

import pytest
from followthemoney.statement import StatementEntity

from watchfloor.news.context import ArticleContext
from watchfloor.news.events import UNDATED, detect_events
from watchfloor.news.mentions import Mention

FRIDAY = date(2025, 10, 24)


def _context(
    text: str, published: date | None = FRIDAY, lang: str = "en", places: tuple[str, ...] = ()
) -> ArticleContext:
    """One sentence per line; the named places become GPE mentions, as the NER would give them."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    mentions = []
    for place in places:
        for found in re.finditer(re.escape(place), text):
            index = next(i for i, (s, e) in enumerate(sentences) if s <= found.start() < e)
            mentions.append(Mention(place, "GPE", found.start(), found.end(), index))
    return ArticleContext("art-1", text, lang, published, sentences, mentions, {}, title=None)


def _events(text: str, **kwargs: object) -> list[StatementEntity]:
    return [entity for _, entity in detect_events(_context(text, **kwargs))]  # type: ignore[arg-type]


def _modes(entity: StatementEntity) -> set[str]:
    return {k[5:] for k in entity.get("keywords") if k.startswith("mode:")}


def test_past_weekday_on_the_publication_weekday_dates_the_event_that_day() -> None:
    [strike] = _events(
        "Hegseth announced Friday that the military struck a boat in the Caribbean, killing six people."
    )
    assert strike.get("date") == ["2025-10-24"]
    assert "strike" in _modes(strike)


def test_a_sentence_without_a_date_gives_an_undated_event() -> None:
    [strike] = _events(
        "US forces struck another vessel in the Caribbean, killing three people.", places=("Caribbean",)
    )
    assert strike.get("date") == []
    assert UNDATED in strike.get("keywords")
    assert strike.get("name") == ["strike"]


def test_since_gives_a_start_date_not_a_day() -> None:
    [strike] = _events(
        "US forces have carried out strikes on boats since September, killing at least 60 people."
    )
    assert (strike.get("date"), strike.get("startDate")) == ([], ["2025-09"])
    assert UNDATED not in strike.get("keywords")


def test_spanish_range_gives_start_and_end() -> None:
    [deployment] = _events(
        "La Armada desplegó buques frente a Venezuela del 2 al 5 de octubre.", places=("Venezuela",)
    )
    assert (deployment.get("startDate"), deployment.get("endDate")) == (["2025-10-02"], ["2025-10-05"])
    assert deployment.get("date") == []


def test_dateline_is_the_reference_for_weekdays() -> None:
    text = "Colombia Suspends Intelligence Sharing\nBOGOTA, Nov 12 (Reuters) - Colombia suspended intelligence sharing with the United States on Tuesday."
    [event] = _events(text, published=date(2025, 11, 14), places=("Colombia",))
    assert event.get("date") == ["2025-11-11"]


def test_hypotheticals_make_no_event() -> None:
    text = (
        "The Pentagon is weighing potential land strikes in Venezuela.\n"
        "If Maduro refuses to leave, US aircraft would bomb airfields in Venezuela.\n"
        "Si Maduro no cede, Washington atacaría objetivos en Venezuela el lunes.\n"
        "Will the strikes on boats in the Caribbean continue?"
    )
    assert _events(text, places=("Venezuela", "Caribbean")) == []


def test_scenario_and_what_to_watch_sections_make_no_event() -> None:
    text = (
        "Carrier Group Arrives\n"
        "The USS Gerald R. Ford arrived in the Caribbean on Thursday.\n"
        "What to watch\n"
        "- Strikes on cocaine labs in Venezuela.\n"
        "Scenarios\n"
        "Washington deploys Marines to Venezuela and strikes military bases."
    )
    events = _events(text, places=("Caribbean", "Venezuela"))
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [(["deployment"], ["2025-10-23"])]


def test_future_sentences_are_no_events() -> None:
    text = "The two delegations will hold talks in Doha on Tuesday.\nLa Armada desplegará tres buques en Venezuela."
    assert _events(text, places=("Doha", "Venezuela")) == []


def test_history_is_no_event() -> None:
    text = "Security forces deployed troops in Caracas in the years preceding the last election."
    assert _events(text, places=("Caracas",)) == []


def test_in_may_is_a_month_not_a_modal() -> None:
    [talks] = _events("Envoys held talks in Caracas in May.", places=("Caracas",))
    assert (talks.get("startDate"), talks.get("endDate")) == (["2025-05"], ["2025-05"])


def test_a_month_or_a_year_alone_is_the_period_of_the_event_not_its_day() -> None:
    text = (
        "It was the second failed attempt after a similar vote in October.\n"
        "El ataque fue el primero de la campaña en 2025 y dejó tres muertos.\n"
        "Una encuesta de diciembre mostró un apoyo del 40%."
    )
    events = _events(text)
    assert [(sorted(_modes(e)), e.get("date"), e.get("startDate"), e.get("endDate")) for e in events] == [
        (["vote"], [], ["2025-10"], ["2025-10"]),
        (["strike"], [], ["2025"], ["2025"]),
        (["poll"], [], ["2024-12"], ["2024-12"]),
    ]
    assert all(UNDATED not in e.get("keywords") for e in events)


def test_a_recalled_strike_does_not_take_the_date_of_another_clause() -> None:
    text = "On Sunday, Petro said he met the family of a fisherman who was killed in one of the strikes in the Caribbean."
    [strike] = _events(text, places=("Caribbean",))
    assert strike.get("date") == []
    assert UNDATED in strike.get("keywords")


def test_designated_as_an_adjective_is_no_designation() -> None:
    text = (
        "US forces struck a vessel operated by designated terrorist organizations in the Pacific on Monday."
    )
    events = _events(text, places=("Pacific",))
    assert [sorted(_modes(e)) for e in events] == [["strike"]]
    assert events[0].get("date") == ["2025-10-20"]


def test_a_verb_after_a_definite_subject_keeps_the_sentence_date() -> None:
    text = "On Jan. 14, 2026, the Senate voted 51-50 to block a war powers resolution on Venezuela."
    [vote] = _events(text, places=("Venezuela",), published=date(2026, 1, 15))
    assert vote.get("date") == ["2026-01-14"]


def test_each_dated_clause_of_a_chronology_is_an_event_and_coordinated_days_are_each_one() -> None:
    text = (
        "Cronología: el 2 de septiembre Washington anunció el primer ataque; el 15 de septiembre hubo tres "
        "muertos; el 14 y 16 de octubre hubo más ataques."
    )
    events = _events(text, published=date(2025, 11, 5), lang="es")
    days = sorted(d for e in events if "strike" in _modes(e) for d in e.get("date"))
    assert days == ["2025-09-02", "2025-09-15", "2025-10-14", "2025-10-16"]


def test_a_report_whose_relative_clause_speculates_is_an_event_but_not_the_speculation() -> None:
    reported = _events(
        "Hegseth on Thursday announced a new military operation that he said would target traffickers."
    )
    assert [(sorted(_modes(e)), e.get("date")) for e in reported] == [(["mobilization"], ["2025-10-23"])]
    assert _events("Hegseth announced on Thursday that strikes would continue in the Caribbean.") == []


def test_a_vote_that_advanced_a_resolution_is_a_vote() -> None:
    [vote] = _events(
        "The Senate on Thursday advanced a war powers resolution, which would block the strikes."
    )
    assert _modes(vote) == {"vote"}
    assert vote.get("date") == ["2025-10-23"]


def test_a_photo_caption_is_no_event() -> None:
    caption = (
        "This handout picture released on March 16 by the presidency shows the arrival of alleged gang "
        "members at a prison."
    )
    assert _events(caption) == []


def test_today_inside_a_quotation_counts_from_a_day_the_quote_does_not_give() -> None:
    [operation] = _events("\"Today, I'm announcing Operation SOUTHERN SPEAR, a new military operation.")
    assert operation.get("date") == []


def test_the_campaign_named_by_a_definite_plural_takes_no_date_of_another_clause() -> None:
    text = (
        "El presidente ordenó el martes la suspensión del intercambio de inteligencia hasta que Washington "
        "cese los ataques contra embarcaciones."
    )
    events = {m: e for e in _events(text, published=date(2025, 11, 12), lang="es") for m in _modes(e)}
    assert events["suspend-cooperation"].get("date") == ["2025-11-11"]
    assert events["strike"].get("date") == []


def test_spanish_plural_resolutions_and_stopping_to_share_intelligence() -> None:
    [vote] = _events(
        "La Cámara de Representantes rechazó el miércoles dos resoluciones sobre Venezuela.",
        published=date(2025, 12, 17),
        lang="es",
    )
    assert (_modes(vote), vote.get("date")) == ({"vote"}, ["2025-12-17"])
    [stop] = _events(
        "Este 11 de noviembre, el Reino Unido dejó de compartir información de inteligencia con Estados Unidos.",
        published=date(2025, 11, 11),
        lang="es",
    )
    assert (_modes(stop), stop.get("date")) == ({"suspend-cooperation"}, ["2025-11-11"])


def test_a_polls_coordinated_days_are_its_fieldwork_not_one_poll_each() -> None:
    text = (
        "The survey of 1,000 adults was conducted on Sunday and Monday.\n"
        "La encuesta consultó a 2.000 personas los días 18 y 19 de octubre."
    )
    events = _events(text)
    # no release day: each poll is dated by the last day of its fieldwork, the span kept as its period
    assert [(sorted(_modes(e)), e.get("date"), e.get("startDate"), e.get("endDate")) for e in events] == [
        (["poll"], ["2025-10-20"], ["2025-10-19"], ["2025-10-20"]),
        (["poll"], ["2025-10-19"], ["2025-10-18"], ["2025-10-19"]),
    ]


def test_a_poll_is_dated_by_its_release_else_by_the_end_of_its_fieldwork() -> None:
    fieldwork = "El sondeo, realizado entre el 12 y el 15 de octubre, muestra que el 58 % rechaza la medida."
    [poll] = _events(fieldwork, lang="es")
    assert (poll.get("date"), poll.get("startDate"), poll.get("endDate")) == (
        ["2025-10-15"],
        ["2025-10-12"],
        ["2025-10-15"],
    )
    released = "Una encuesta publicada el martes revela que el 58 % rechaza la medida.\n" + fieldwork
    dated = [(e.get("date"), e.get("endDate")) for e in _events(released, lang="es")]
    assert dated == [(["2025-10-21"], []), ([], ["2025-10-15"])]


def test_a_phone_call_between_leaders_is_talks_dated_by_its_own_clause() -> None:
    text = (
        "The president held a telephone conversation with the Venezuelan leader on October 18.\n"
        "El presidente confirmó el jueves que sostuvo una llamada telefónica con su homólogo el 16 de octubre.\n"
        "The minister disclosed Wednesday that he had a phone call with the rebel commander weeks earlier.\n"
        "On Tuesday, the president acknowledged the phone conversation but gave no details."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text)]
    assert dated == [
        (["talks"], ["2025-10-18"]),
        (["talks"], ["2025-10-16"]),
        (["talks"], []),
        (["talks"], []),
    ]


def test_a_port_hosting_a_warship_and_a_suspended_agreement() -> None:
    text = (
        "El archipiélago acogió el domingo el buque USS Kidd para ejercicios conjuntos.\n"
        "Venezuela suspendió el lunes el acuerdo energético con su vecino."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text, lang="es")]
    assert dated == [(["deployment"], ["2025-10-19"]), (["suspend-cooperation"], ["2025-10-20"])]


def test_a_chamber_approving_a_motion_or_a_bill_is_a_vote() -> None:
    text = (
        "El Senado de Chile aprobó este martes una moción que condena al grupo.\n"
        "The House passed the bill on Wednesday."
    )
    events = _events(text)
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [
        (["vote"], ["2025-10-21"]),
        (["vote"], ["2025-10-22"]),
    ]


def test_an_attack_a_raid_and_a_destroyed_vessel_are_strikes() -> None:
    text = (
        "The ninth attack came early on Monday, an official said.\n"
        "Commandos killed two guards in a raid on the compound on Sunday.\n"
        "La Armada destruyó este jueves otra lancha con tres tripulantes.\n"
        "Las tropas entraron en una incursión nocturna el miércoles y detuvieron a dos jefes.\n"
        "Tras la ofensiva de este martes, el gobierno contó seis muertos.\n"
        "El canciller lanzó el lunes una ofensiva diplomática en Europa."
    )
    events = _events(text, places=("Europa",))
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [
        (["strike"], ["2025-10-20"]),
        (["strike"], ["2025-10-19"]),
        (["strike"], ["2025-10-23"]),
        (["strike"], ["2025-10-22"]),
        (["strike"], ["2025-10-21"]),
    ]


def test_an_infinitive_or_a_barred_gerund_is_no_event_but_an_ordered_act_is() -> None:
    text = (
        "The Senate on Thursday rejected a bid to stop the president from launching a military operation.\n"
        "Lawmakers questioned on Tuesday the claimed power to destroy vessels at sea.\n"
        "On Tuesday the minister ordered the police to suspend intelligence sharing with Washington."
    )
    events = _events(text, places=("Washington",))
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [(["suspend-cooperation"], ["2025-10-21"])]


def test_a_series_counted_since_a_calendar_day_began_with_an_event_that_day() -> None:
    text = (
        "Since October 3, strikes on boats in the Pacific have killed 40 people.\n"
        "Los ataques en el Caribe dejaron 20 muertos desde el 5 de octubre.\n"
        "Since Monday, strikes on boats in the Pacific have killed 9 people."
    )
    events = _events(text, places=("Pacific", "Caribe"))
    assert [(e.get("date"), e.get("startDate")) for e in events] == [
        (["2025-10-03"], ["2025-10-03"]),
        (["2025-10-05"], ["2025-10-05"]),
        ([], ["2025-10-20"]),
    ]


def test_a_date_in_a_relative_clause_on_another_events_noun_is_that_events() -> None:
    text = (
        "Un 40% aprueba el ataque contra la lancha, según una encuesta que terminó el domingo.\n"
        "The strike that hit the boat on Sunday killed three people."
    )
    events = _events(text)
    # the poll's question ("aprueba el ataque") is the poll's, no undated strike of its own
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [
        (["poll"], ["2025-10-19"]),
        (["strike"], ["2025-10-19"]),
    ]


def test_forces_sent_moved_or_joining_an_operation_are_a_deployment_but_a_perfect_is_not() -> None:
    text = (
        "Más temprano el jueves, el grupo de ataque del portaaviones se trasladó a la región.\n"
        "El destructor se unió el miércoles a la operación frente a la costa.\n"
        "Washington ha enviado buques de guerra al Caribe y el jueves uno de ellos disparó contra una lancha."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text, lang="es")]
    assert dated == [
        (["deployment"], ["2025-10-23"]),
        (["deployment"], ["2025-10-22"]),
        (["strike"], ["2025-10-23"]),
    ]


def test_an_agreement_is_suspended_only_when_it_is_what_the_verb_stops() -> None:
    modes = [
        _modes(e) for e in _events("The talks stopped on Monday, weeks after the agreement with Caracas.")
    ]
    assert all("suspend-cooperation" not in m for m in modes)


def test_an_english_poll_conducted_over_a_span_of_days_is_dated_by_its_last_day() -> None:
    [poll] = _events(
        "The poll of 1,020 adults was conducted Oct. 10-13 and found that 55% oppose military action."
    )
    assert (poll.get("date"), poll.get("startDate")) == (["2025-10-13"], ["2025-10-10"])


def test_leaders_who_spoke_with_each_other_by_phone_held_talks() -> None:
    text = (
        "The president spoke with the Colombian leader Gustavo Petro by phone on October 14.\n"
        "El mandatario habló con su par brasileño por teléfono el 16 de octubre."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text)]
    assert dated == [(["talks"], ["2025-10-14"]), (["talks"], ["2025-10-16"])]


def test_a_dated_designation_the_designation_reader_passed_over_is_an_event() -> None:
    text = (
        "On March 3, 2025, the United States designated the gang as a terrorist organization.\n"
        "La OFAC anunció el martes sanciones financieras contra tres empresarios.\n"
        "The group was later sanctioned for money laundering.\n"
        "US forces struck a vessel run by designated terrorist organizations on Monday.\n"
        "The designated cartels remain active, officials said on Monday."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text)]
    assert dated == [
        (["designation"], ["2025-03-03"]),
        (["designation"], ["2025-10-21"]),
        (["strike"], ["2025-10-20"]),
    ]


def test_a_dated_designation_participle_and_announced_sanctioning_actions_are_designations() -> None:
    text = (
        "El grupo es uno de los carteles designados el pasado 3 de marzo como organizaciones terroristas.\n"
        "Las autoridades anunciaron este martes acciones conjuntas para sancionar a doce personas."
    )
    dated = [(sorted(_modes(e)), e.get("date")) for e in _events(text, lang="es")]
    assert dated == [(["designation"], ["2025-03-03"]), (["designation"], ["2025-10-21"])]


def _dated(text: str, **kwargs: object) -> list[tuple[str, list[str]]]:
    """(mode, date) of every event, in order, as a timeline would show them."""
    return [(m, e.get("date")) for e in _events(text, **kwargs) for m in sorted(_modes(e))]


def test_a_verb_with_its_object_reports_and_keeps_the_day_of_its_sentence() -> None:
    text = "Earlier on Wednesday, the Treasury imposed sanctions on eight firms registered in Panama."
    assert _dated(text, places=("Panama",)) == [("designation", ["2025-10-22"])]


@pytest.mark.parametrize(
    ("sentence", "lang", "day"),
    [
        (
            "On March 3, 2025, the ministry designated several armed groups as terrorist organizations.",
            "en",
            "2025-03-03",
        ),
        ("On Tuesday the Treasury placed three shipping firms on its sanctions list.", "en", "2025-10-21"),
        ("The cabinet declared the militia a terrorist group on Monday.", "en", "2025-10-20"),
        (
            "El Senado aprobó el martes una moción que declara a la banda como organización terrorista.",
            "es",
            "2025-10-21",
        ),
        (
            "Los concejales acordaron el lunes reconocer a la banda como un grupo terrorista.",
            "es",
            "2025-10-20",
        ),
        (
            "El presidente firmó el 4 de marzo el decreto que califica a la banda de terrorista.",
            "es",
            "2025-03-04",
        ),
        (
            "The listing was published in the March 3 edition of the official gazette, a terrorist register.",
            "en",
            "2025-03-03",
        ),
        (
            "«Declárase terrorista a la banda», dice el documento, con fecha del 2 de junio.",
            "es",
            "2025-06-02",
        ),
    ],
)
def test_acts_of_designating_dated_in_their_sentence(sentence: str, lang: str, day: str) -> None:
    assert ("designation", [day]) in _dated(sentence, lang=lang)


def test_a_request_to_designate_is_no_designation() -> None:
    text = "El Senado instó el lunes al Gobierno a designar como organización terrorista a la banda."
    assert [m for m, _ in _dated(text, lang="es")] != ["designation"]
    assert ("designation", ["2025-10-20"]) not in _dated(text, lang="es")


def test_a_dateline_dates_the_act_its_lead_tells() -> None:
    text = "Lima, 14 oct (EFE).- Tres empresas pesqueras fueron sancionadas por el Gobierno de Chile."
    assert _dated(text, lang="es", places=("Chile",)) == [("designation", ["2025-10-14"])]


def test_a_dateline_does_not_date_an_act_the_text_dates_the_day_before() -> None:
    text = (
        "Quito, 14 oct (EFE).- El presidente de Chile declaró terrorista a la banda.\n"
        "El decreto, con fecha del 13 de octubre, declara terrorista a la banda."
    )
    assert {(m, tuple(d)) for m, d in _dated(text, lang="es", places=("Chile",))} == {
        ("designation", ("2025-10-13",))
    }


def test_an_announced_intention_is_not_dated_by_the_dateline() -> None:
    text = "Ottawa, 14 oct (EFE).- Chile anunció que declarará terrorista a la banda."
    assert ("designation", ["2025-10-14"]) not in _dated(text, lang="es", places=("Chile",))


def test_a_later_sentence_dates_an_act_by_its_noun() -> None:
    text = (
        "Chile has ordered its navy to suspend all cooperation with the coast guard.\n"
        "The president announced the decision on Monday, calling it temporary."
    )
    assert _dated(text, places=("Chile",)) == [("suspend-cooperation", ["2025-10-20"])]
    text = (
        "El Gobierno de Chile emitió un decreto que declara terrorista a la banda.\n"
        "El documento fue firmado el 2 de octubre."
    )
    assert _dated(text, lang="es", places=("Chile",)) == [("designation", ["2025-10-02"])]


def test_a_later_sentence_with_a_future_day_does_not_date_the_act() -> None:
    text = (
        "El Gobierno de Chile declaró terrorista a la banda.\nLa medida entrará en vigor el 2 de noviembre."
    )
    assert ("designation", ["2025-11-02"]) not in _dated(text, lang="es", places=("Chile",))


def test_a_strike_is_not_dated_by_an_announcement_noun() -> None:
    text = "Navy jets struck a camp in the Andes.\nThe announcement came on Monday."
    assert _dated(text, places=("Andes",)) == [("strike", [])]


def test_sailing_and_military_exercises_are_dated_events() -> None:
    text = (
        "The carrier group set sail from its home port on Oct. 2.\n"
        "El ejército inició el martes cuatro días de maniobras militares en la frontera.\n"
        "The air force began live-fire drills on Sunday."
    )
    assert _dated(text, lang="es") == [
        ("deployment", ["2025-10-02"]),
        ("mobilization", ["2025-10-21"]),
        ("mobilization", ["2025-10-19"]),
    ]


def test_exercises_named_as_a_purpose_are_no_mobilization() -> None:
    text = "Chile suspendió el lunes el acuerdo, horas después de que su vecino acogiera un buque para ejercicios militares."
    assert "mobilization" not in [m for m, _ in _dated(text, lang="es", places=("Chile",))]


def test_a_chamber_declaration_approved_on_a_day_is_a_vote() -> None:
    assert _dated("La declaración fue aprobada el 3 de octubre en el Senado.", lang="es") == [
        ("vote", ["2025-10-03"])
    ]


def test_a_quoted_yesterday_counts_from_the_day_the_quote_was_said() -> None:
    text = '"Yesterday, our forces struck a camp in the Andes," the minister wrote on Wednesday.'
    assert _dated(text, places=("Andes",)) == [("strike", ["2025-10-21"])]


def test_a_day_before_when_dates_the_clause_it_opens() -> None:
    text = (
        "La medida anunciada el lunes se suma a la del pasado 3 de marzo, cuando el Gobierno de Chile declaró "
        "terrorista a la banda."
    )
    assert ("designation", ["2025-03-03"]) in _dated(text, lang="es", places=("Chile",))


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "The four-day survey, which closed on Tuesday as the navy kept up its buildup near the "
            "islands, found 40% approved of the operation.",
            date(2025, 3, 14),
        ),
        (
            "La encuesta de cinco días, que terminó el martes, llega mientras el gobierno estudia "
            "nuevos ataques contra lanchas.",
            date(2025, 3, 14),
        ),
    ],
)
def test_the_day_of_a_polls_relative_clause_dates_no_other_event(text: str, published: date) -> None:
    """The day sits in the poll's relative clause ("which closed on Tuesday", "que terminó el
    martes"); the buildup or the attacks told after it are not dated by it."""
    events = _dated(text, published=published, lang="es" if " que " in text else "en")
    assert ("poll", ["2025-03-11"]) in events
    assert all(day != ["2025-03-11"] for mode, day in events if mode != "poll")


def test_a_tally_as_of_a_day_is_no_event_on_that_day() -> None:
    """ "As of 6 March: 12 strikes, 40 killed" gives the day the count stands at, not a strike."""
    events = _dated("Summary as of March 6 2025: 12 strikes; 40 reported killed.", published=date(2025, 3, 7))
    assert all(day != ["2025-03-06"] for _mode, day in events)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The president said on Tuesday that the navy had struck a fishing boat near the reef.", "en"),
        ("El ministro anunció el martes que la Armada había destruido una lancha cerca del arrecife.", "es"),
    ],
)
def test_an_act_told_in_the_pluperfect_is_not_dated_by_the_telling(text: str, lang: str) -> None:
    """ "announced on Tuesday that forces had struck": the strike came before the announcement, on a
    day the sentence does not give."""
    [strike] = _events(text, published=date(2025, 3, 14), lang=lang)
    assert strike.get("date") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A bid by senators to prevent further strikes on the coast failed on Tuesday.", "en"),
        ("Los diputados buscaron el martes impedir nuevos ataques contra las lanchas.", "es"),
    ],
)
def test_strikes_a_verb_of_preventing_governs_are_no_strike(text: str, lang: str) -> None:
    """Acts sought or barred ("to prevent further strikes", "impedir nuevos ataques") did not happen."""
    assert all(mode != "strike" for mode, _ in _dated(text, published=date(2025, 3, 14), lang=lang))


def test_a_war_powers_bid_blocked_on_a_day_is_a_vote() -> None:
    """A bid under the war powers law that a chamber blocked on a day was voted down that day."""
    text = "An attempt by the minority under the War Powers Act was blocked by the majority on Tuesday."
    assert ("vote", ["2025-03-11"]) in _dated(text, published=date(2025, 3, 14))


def test_a_poll_dated_by_its_fieldwork_with_ordinal_days_and_a_bracketed_dateline() -> None:
    """ "between March 9th and 11th" is the fieldwork, whose last day dates the poll; a release's
    dateline "CITY (Mar. 14, 2025) –" is when it came out, not a release day the text gives."""
    ordinal = "A survey carried out by a polling firm between March 9th and 11th found 40% approve."
    assert ("poll", ["2025-03-11"]) in _dated(ordinal, published=date(2025, 3, 14))
    bracketed = "BOSTON, Mass. (Mar. 14, 2025) – The firm released its monthly poll (conducted Mar. 9-11) of 900 voters."
    assert ("poll", ["2025-03-11"]) in _dated(bracketed, published=date(2025, 3, 14))


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        (
            "All of the minister's assets under US jurisdiction were frozen on Tuesday, the Treasury said.",
            "en",
            "2025-03-11",
        ),
        ("El gobierno anunció el martes que congeló todos los activos del exministro.", "es", "2025-03-11"),
    ],
)
def test_assets_frozen_on_a_day_are_a_designation(text: str, lang: str, day: str) -> None:
    """A state that freezes a party's assets sanctions it: a designation event on the day given."""
    assert ("designation", [day]) in _dated(text, published=date(2025, 3, 14), lang=lang)


def test_a_day_in_the_possessive_dates_its_own_noun() -> None:
    """ "after Sunday's disputed vote" dates the vote, not the strike of the sentence; "Tuesday's
    strike" dates the strike."""
    other = "Navy jets struck a camp near the border after Sunday's disputed election."
    assert all(
        day != ["2025-03-09"] for mode, day in _dated(other, published=date(2025, 3, 14)) if mode == "strike"
    )
    own = "Tuesday's strike on a camp near the border killed four people."
    assert ("strike", ["2025-03-11"]) in _dated(own, published=date(2025, 3, 14))


def test_a_polls_month_is_no_release_day_that_undoes_its_fieldwork() -> None:
    """ "The survey, run in early March, ..." gives a period, not the day the poll came out: the
    fieldwork's last day given in another sentence still dates the poll."""
    text = (
        "A survey carried out by a polling firm between March 9 and 11 found 40% approve.\n"
        "The survey, conducted by phone among 600 adults in early March, is one of the first."
    )
    assert ("poll", ["2025-03-11"]) in _dated(text, published=date(2025, 3, 14))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Generals presented the president on Tuesday with options including raids on coastal camps.", "en"),
        ("El presidente estudió el martes opciones que incluyen ataques contra campamentos costeros.", "es"),
    ],
)
def test_acts_listed_among_options_are_no_events(text: str, lang: str) -> None:
    """A strike named among options or plans was considered, not carried out."""
    assert all(mode != "strike" for mode, _ in _dated(text, published=date(2025, 3, 14), lang=lang))


def test_a_strike_dated_only_by_its_telling_is_the_one_dated_just_after() -> None:
    """ "..., the command announced Sunday." then "'On March 8, forces struck ...'": one strike, on
    the 8th; the Sunday is when it was told. Alone, the telling's day still dates it."""
    told = "A navy strike on a boat off the coast killed three people, the command announced Sunday."
    dated = '"On March 8, forces conducted a lethal strike on a vessel," the command said.'
    assert [e for e in _dated(f"{told}\n{dated}", published=date(2025, 3, 10)) if e[0] == "strike"] == [
        ("strike", ["2025-03-08"])
    ]
    assert ("strike", ["2025-03-09"]) in _dated(told, published=date(2025, 3, 10))


def test_a_council_adopting_a_resolution_is_a_vote() -> None:
    text = (
        "The Security Council on Tuesday adopted a resolution that extends the mission.\n"
        "El Consejo adoptó el miércoles una resolución sobre la misión."
    )
    events = _events(text)
    assert [(sorted(_modes(e)), e.get("date")) for e in events] == [
        (["vote"], ["2025-10-21"]),
        (["vote"], ["2025-10-22"]),
    ]
