"""Quantity claims on reporting-like sentences (English and Spanish): spelled-out numbers, ranges,
tolls, vote tallies, parts of a whole, qualifiers, and what is not a figure; and how the claims of
several articles reconcile into one series."""

from __future__ import annotations

import re
from datetime import date

import pytest

from watchfloor.crisis import reconcile
from watchfloor.model.claims import Qualifier, QuantityClaim
from watchfloor.news.context import ArticleContext
from watchfloor.news.quantities import extract_quantities, find_numbers, sentence_figures

PUBLISHED = date(2025, 11, 17)
A, B, E, X = Qualifier.AT_LEAST, Qualifier.ABOUT, Qualifier.EXACT, Qualifier.AT_MOST


def claims_of(
    text: str, lang: str = "en", published: date = PUBLISHED, article_id: str = "a1"
) -> list[QuantityClaim]:
    """The claims of a hand-built article whose sentences end at '.', '!' or '?'."""
    spans = []
    for match in re.finditer(r"[^.!?]+[.!?]*", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if start < match.end():
            spans.append((start, match.end()))
    ctx = ArticleContext(article_id, text, lang, published, spans, [], {})
    return extract_quantities(ctx, [])


def figures(text: str, lang: str = "en") -> list[tuple[str, float, Qualifier]]:
    return [(c.measure, c.value, c.qualifier) for c in claims_of(text, lang)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("A US strike on a speedboat in the Caribbean killed six people.", "en", ("killed", 6, E)),
        ("Las autoridades confirmaron cuatro personas muertas en el ataque.", "es", ("killed", 4, E)),
        ("El bombardeo contra la lancha dejó dos muertos.", "es", ("killed", 2, E)),
        ("En el ataque del martes fallecieron al menos 17 personas.", "es", ("killed", 17, A)),
        ("Once personas murieron en el ataque contra la embarcación.", "es", ("killed", 11, E)),
        ("The Navy has destroyed a dozen boats in the campaign.", "en", ("boats", 12, B)),
        ("Officials said three boats were hit in the operation.", "en", ("boats", 3, E)),
        ("Twenty-six vessels have been destroyed since September.", "en", ("boats", 26, E)),
        ("The ship carried more than 4,000 sailors and marines.", "en", ("troops", 4000, A)),
        (
            "Washington ofrece una recompensa de cincuenta millones de dólares por Maduro.",
            "es",
            ("reward_usd", 50e6, E),
        ),
        (
            "The State Department offers a reward of up to $3 million for information.",
            "en",
            ("reward_usd", 3e6, X),
        ),
        ("La campaña ha causado más de un centenar de muertos.", "es", ("killed", 100, A)),
        ("One man aboard the vessel was killed in the strike.", "en", ("killed", 1, E)),
        ("Two of the 11 people on board survived the strike.", "en", ("survivors", 2, E)),
        ("Al menos tres tripulantes resultaron heridos en el ataque.", "es", ("injured", 3, A)),
    ],
)
def test_spelled_out_and_written_numbers_with_their_measure(
    sentence: str, lang: str, expected: tuple[str, float, Qualifier]
) -> None:
    assert figures(sentence, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("One of the boats was carrying cocaine, officials said.", "en"),
        ("Un barco de la Armada llegó al puerto.", "es"),
        ("A strike hit a boat near the coast.", "en"),
        ("The group was designated under section 219 of the Act, 8 U.S.C. 1189.", "en"),
        ("Executive Order 14157 was signed by the president.", "en"),
        ("The captain had sailed for 12 years before the war of 1998.", "en"),
        ("El capitán vive en Cumaná desde 2019, tras una guerra de 50 años.", "es"),
        ("In 2025 strikes became the focus of the debate.", "en"),
        ("For details call 202-555-0143 or write to the office.", "en"),
        ("The strikes began 30 days after the announcement.", "en"),
        ("The motion got 60 votes in the chamber.", "en"),
        ("The ship carried 3 tons of grain to the port.", "en"),
        ("The airline cancelled 12 flights because of the storm.", "en"),
        ("The new stadium has 40,000 seats for the final.", "en"),
        ("He was one of the leaders of the cartel.", "en"),
    ],
)
def test_numbers_that_are_not_claims(sentence: str, lang: str) -> None:
    assert claims_of(sentence, lang) == []


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # what the justice system did to people: indicted, charged, extradited, deported
        ("Officials said 140 gang members have been indicted since March.", "en", [("indicted", 140, E)]),
        (
            "Prosecutors unsealed three indictments charging 41 individuals with fraud.",
            "en",
            [("indictments", 3, E), ("charged", 41, E)],
        ),
        ("The indictment charges 17 defendants with money laundering.", "en", [("charged", 17, E)]),
        ("Mexico extradited 29 cartel members to the United States.", "en", [("extradited", 29, E)]),
        # the people a sanctions release counts are often its leaders, associates or relatives
        ("OFAC also sanctioned four nephews of the minister.", "en", [("individuals", 4, E)]),
        ("El Tesoro sancionó a otros siete líderes y afiliados del grupo.", "es", [("individuals", 7, E)]),
        ("La fiscalía acusó a 15 personas por lavado de dinero.", "es", [("charged", 15, E)]),
        (
            "The 60 flights returned nearly 9,000 deported migrants.",
            "en",
            [("deportation_flights", 60, E), ("deported", 9000, B)],
        ),
        # a weight of drugs seized or carried
        (
            "Agents seized 12 tons of cocaine, nearly four tons of it in one raid.",
            "en",
            [("drugs_tons", 12, E), ("drugs_tons", 4, B)],
        ),
        ("La Armada incautó 850 kilos de cocaína frente a la costa.", "es", [("drugs_kg", 850, E)]),
        ("Agents seized 3 million pills of fentanyl at the border.", "en", [("drugs_pills", 3e6, E)]),
        # the seats of a chamber and the votes a motion needs
        ("It needed 60 votes to advance.", "en", [("votes_needed", 60, E)]),
        ("Superaron los 86 votos necesarios para aprobar la reforma.", "es", [("votes_needed", 86, E)]),
        ("Necesitan a 70 de los 128 que integran el Congreso.", "es", [("seats", 128, E)]),
        ("The party won 45 seats in the Senate election.", "en", [("seats", 45, E)]),
    ],
)
def test_counts_of_justice_seizures_and_chambers(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        # Spanish contracts "de el" and "a el" before a percentage
        ("La encuesta tiene un margen de error de alrededor del 3 por ciento.", 3, B),
        ("Más del 55 por ciento de los votantes apoya la medida.", 55, A),
        ("El presidente ronda en torno al 41% de aprobación en las encuestas.", 41, B),
        ("Cerca del 70 por ciento de los encuestados rechaza la medida.", 70, B),
    ],
)
def test_spanish_contracted_qualifiers_and_per_cent(
    sentence: str, value: float, qualifier: Qualifier
) -> None:
    # "por ciento de los encuestados" is a share, never a hundred respondents
    assert [(c.value, c.qualifier) for c in claims_of(sentence, "es")] == [(value, qualifier)]


def test_a_bare_share_after_a_percentage_is_a_percentage_and_questionnaires_are_respondents() -> None:
    text = (
        "La encuesta se hizo con 950 cuestionarios. "
        "Entre los independientes el 52 por ciento se opone, el 29 lo apoya y el resto no sabe."
    )
    assert [(c.measure, c.value) for c in claims_of(text, "es")] == [
        ("respondents", 950),
        ("percent_oppose", 52),
        ("percent_support", 29),
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "value", "qualifier"),
    [
        ("Two in three Americans oppose a ground invasion, the survey found.", "en", 67, B),
        ("Tres de cada cuatro encuestados rechaza una intervención militar.", "es", 75, B),
        ("Poco más de la mitad de los votantes apoya la medida, según el sondeo.", "es", 50, A),
        ("Half of Democrats support the measure, according to the poll.", "en", 50, E),
    ],
)
def test_a_polls_share_said_as_a_fraction_is_a_percentage(
    sentence: str, lang: str, value: float, qualifier: Qualifier
) -> None:
    assert figures(sentence, lang) == [("percent", value, qualifier)]


def test_half_of_a_chamber_or_of_the_boats_is_no_poll_share() -> None:
    assert figures("Half of the senators voted to support the resolution.") == []
    assert figures("Half of the boats were destroyed.") == []


def test_a_claim_is_read_only_from_asserted_sentences() -> None:
    text = (
        "The strikes have killed 83 people. Analysts say the toll could reach 100 people. "
        "The Pentagon will deploy 5,000 more troops next month."
    )
    assert [c.value for c in claims_of(text)] == [83]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Approximately 69 to 70 people have been killed in the strikes.", "en", (69, B, 69, 70)),
        ("Between 80 and 90 people have died in the strikes.", "en", (80, B, 80, 90)),
        ("Entre 80 y 90 personas han muerto en los ataques.", "es", (80, B, 80, 90)),
        ("At least 80 to 90 people have died in the strikes.", "en", (80, A, 80, None)),
    ],
)
def test_a_range_keeps_its_low_end_and_both_bounds(
    sentence: str, lang: str, expected: tuple[float, Qualifier, float, float | None]
) -> None:
    [claim] = claims_of(sentence, lang)
    assert (claim.value, claim.qualifier, claim.low, claim.high) == expected
    assert claim.measure == "killed"


@pytest.mark.parametrize(
    ("sentence", "lang", "value"),
    [
        ("The death toll has risen to 67.", "en", 67),
        ("The toll from the US strikes rose to 83 on Monday.", "en", 83),
        ("La cifra de muertos ascendió a 83, según el Pentágono.", "es", 83),
        ("Con el nuevo ataque se eleva a 130 el número de víctimas.", "es", 130),
        ("The strikes have killed 86 since September.", "en", 86),
    ],
)
def test_a_running_toll_is_a_death_toll_of_the_campaign(sentence: str, lang: str, value: float) -> None:
    [claim] = claims_of(sentence, lang)
    assert (claim.measure, claim.value, claim.qualifier) == ("killed", value, E)
    assert claim.topic == "strikes" and claim.as_of is None  # as of publication
    assert str(value) in claim.text


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The war powers resolution failed 48-51 in the Senate.", "en", (48, 51)),
        ("The Senate rejected the measure in a 49-51 vote.", "en", (49, 51)),
        ("The House rejected the resolution 216-210.", "en", (210, 216)),
        ("The Senate voted 51-50 to block the resolution.", "en", (51, 50)),
        ("In the vote, 51 senators voted against and 49 in favour.", "en", (49, 51)),
        ("El Senado rechazó la resolución por 49 votos a favor y 51 en contra.", "es", (49, 51)),
    ],
)
def test_vote_tallies_are_votes_for_and_against(
    sentence: str, lang: str, expected: tuple[float, float]
) -> None:
    votes = {c.measure: c.value for c in claims_of(sentence, lang)}
    assert (votes["votes_for"], votes["votes_against"]) == expected


def test_war_powers_votes_share_one_topic() -> None:
    claims = claims_of("The war powers resolution failed 49-51.")
    assert {c.topic for c in claims} == {"war powers vote"}


@pytest.mark.parametrize(
    ("sentence", "lang", "value", "qualifier"),
    [
        ("More than 80 people have been killed in the strikes.", "en", 80, A),
        ("Nearly 70 people have died in the strikes.", "en", 70, B),
        ("Up to 90 people were killed in the strikes, officials said.", "en", 90, X),
        ("At least 83 people have been killed in the strikes.", "en", 83, A),
        ("Más de 80 personas han muerto en los ataques.", "es", 80, A),
        ("Al menos 83 personas han muerto en los ataques.", "es", 83, A),
        ("Unos 70 muertos han dejado los ataques.", "es", 70, B),
        ("Casi 70 personas han muerto en los ataques.", "es", 70, B),
        ("Hasta 90 personas murieron en los ataques.", "es", 90, X),
        ("El saldo asciende a, al menos, 70 fallecidos.", "es", 70, A),
    ],
)
def test_qualifiers(sentence: str, lang: str, value: float, qualifier: Qualifier) -> None:
    [claim] = claims_of(sentence, lang)
    assert (claim.measure, claim.value, claim.qualifier) == ("killed", value, qualifier)


def test_nearly_supports_an_interval_up_to_the_figure() -> None:
    [claim] = claims_of("Nearly 70 people have died in the strikes.")
    assert claim.low is not None and claim.low < 70 and claim.high == 70


def test_different_measures_and_parts_of_a_whole_keep_apart() -> None:
    claims = claims_of(
        "The military has carried out 17 strikes on 18 boats, with 10 sunk in the Caribbean and 8 in the Pacific."
    )
    found = {(c.measure, c.value): c.topic for c in claims}
    assert found == {
        ("strikes", 17): "boat strikes",
        ("boats", 18): "boat strikes",
        ("boats", 10): "boat strikes: Caribbean",
        ("boats", 8): "boat strikes: Pacific",
    }


def test_a_region_named_with_another_is_not_a_part() -> None:
    [claim] = claims_of("Ten strikes in the Caribbean and the Pacific have killed 43 people on boats.")[1:]
    assert (claim.value, claim.topic) == (43, "boat strikes")


def test_a_toll_said_with_or_without_boats_is_one_series_of_the_article() -> None:
    text = (
        "US forces have struck suspected drug boats since September. "
        "At least 83 people have been killed in the boat strikes. "
        "The strikes have now killed 86 people, the Pentagon said."
    )
    tolls = [c for c in claims_of(text) if c.measure == "killed"]
    assert [(c.value, c.topic) for c in tolls] == [(83, "boat strikes"), (86, "boat strikes")]


def test_the_figure_of_one_dated_strike_is_not_the_running_toll() -> None:
    text = (
        "US forces have struck suspected drug boats since September. "
        "A strike on Tuesday killed three people aboard a vessel, bringing the toll to 70."
    )
    found = {c.value: (c.topic, c.as_of) for c in claims_of(text) if c.measure == "killed"}
    assert found == {3: ("boat strikes on 2025-11-11", "2025-11-11"), 70: ("boat strikes", None)}


def test_spanish_chronology_dates_each_strike() -> None:
    text = "El 28 de octubre fue el más mortífero: catorce muertos en cuatro lanchas."
    found = {(c.measure, c.value): c.as_of for c in claims_of(text, "es", date(2025, 11, 5))}
    assert found == {("killed", 14): "2025-10-28", ("boats", 4): "2025-10-28"}


def test_find_numbers_reads_digits_words_and_scales() -> None:
    numbers = find_numbers("Unos 4.000 marines, 50 millones de dólares y ciento cinco lanchas.", "es")
    assert [n.value for n in numbers] == [4000, 50e6, 105]
    assert find_numbers("a boat, one of the ships", "en")[0].article_one  # "one", never "a"


def _reconciled(*claims: QuantityClaim) -> dict[tuple[str, str], object]:
    return {(r.measure, r.topic): r for r in reconcile(list(claims))}


def test_running_toll_in_two_articles_is_one_series_with_the_latest_value() -> None:
    first = claims_of("At least 83 people have been killed in the boat strikes.", article_id="a1")
    later = claims_of(
        "The strikes on drug boats have killed 86 people.", published=date(2025, 11, 19), article_id="a2"
    )
    [series] = reconcile(first + later)
    assert (series.measure, series.topic) == ("killed", "boat strikes")
    assert series.best_estimate == 86 and not series.contradicted
    assert series.sources == ("a1", "a2")


def test_an_article_updating_its_own_toll_does_not_contradict_itself() -> None:
    text = (
        "At least 83 people have been killed in the strikes on boats. "
        "Later on Monday, the death toll rose to 86."
    )
    [series] = reconcile(claims_of(text))
    assert series.best_estimate == 86 and not series.contradicted


def test_boats_of_the_whole_and_of_a_part_are_not_a_contradiction() -> None:
    whole = claims_of("US forces have hit 18 boats in the strikes so far.", article_id="a1")
    part = claims_of(
        "In the strikes, ten boats were sunk in the Caribbean and 8 in the Pacific.", article_id="a2"
    )
    results = reconcile(whole + part)
    assert not any(r.contradicted for r in results)
    by_topic = {r.topic: r.best_estimate for r in results if r.measure == "boats"}
    assert (
        by_topic["boat strikes"] == 18 and by_topic["boat strikes: pacific"] == 8
    )  # topics compare case-blind


def test_at_least_83_and_more_than_80_are_consistent() -> None:
    one = claims_of("At least 83 people have been killed in the boat strikes.", article_id="a1")
    two = claims_of("More than 80 people have died in the strikes on boats.", article_id="a2")
    [series] = reconcile(one + two)
    assert not series.contradicted
    assert series.best_estimate == 83 and series.support == 2


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # Spanish writes the count one with the article; "a" before a number is "to"
        (
            "La lancha se hundió con tres muertos y un sobreviviente.",
            "es",
            [("killed", 3, E), ("survivors", 1, E)],
        ),
        ("Cuatro ocupantes murieron y uno sobrevivió.", "es", [("killed", 4, E), ("survivors", 1, E)]),
        ("Nueve personas murieron y una más sobrevivió.", "es", [("killed", 9, E), ("survivors", 1, E)]),
        ("El ataque mató a una persona.", "es", [("killed", 1, E)]),
        ("Three men were killed and two survived.", "en", [("killed", 3, E), ("survivors", 2, E)]),
        ("Una lancha fue destruida y un buque llegó.", "es", []),
        # people "eliminated" are killed; the people a boat carried are its crew
        ("La Armada ha eliminado a más de 40 personas en la campaña.", "es", [("killed", 40, A)]),
        ("El semisumergible era tripulado por cuatro personas.", "es", [("crew", 4, E)]),
        ("The go-fast had five people on board.", "en", [("crew", 5, E)]),
        # "a minimum of" and the Spanish approximate collectives
        ("The raids left a minimum of 40 fatalities.", "en", [("killed", 40, A)]),
        ("La Marina hundió una veintena de lanchas.", "es", [("boats", 20, B)]),
        # sanctioned nationals, motions
        ("Treasury sanctioned four Colombian nationals on Tuesday.", "en", [("individuals", 4, E)]),
        ("La Asamblea debatió tres mociones sobre el tema.", "es", [("resolutions", 3, E)]),
    ],
)
def test_counts_of_people_and_things_said_many_ways(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


def test_a_tally_told_with_verbs_is_for_against_and_abstained() -> None:
    text = "En la votación, 64 diputados votaron a favor del proyecto, mientras que 12 se opusieron y 5 se abstuvieron."
    assert figures(text, "es") == [("votes_for", 64, E), ("votes_against", 12, E), ("abstentions", 5, E)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "La encuesta, que consultó a 950 votantes, tiene un margen de error de unos 2 puntos porcentuales.",
            "es",
            [("respondents", 950, E), ("margin_of_error", 2, B)],
        ),
        (
            "The survey polled more than 2,000 adults and has a margin of error of 3 percentage points.",
            "en",
            [("respondents", 2000, A), ("margin_of_error", 3, E)],
        ),
        (
            "Un 48% de los demócratas se mostró de acuerdo, frente a un 31% en desacuerdo.",
            "es",
            [("percent", 48, E), ("percent", 31, E)],
        ),
        ("Some 40% of independents disagree with the plan.", "en", [("percent", 40, B)]),
    ],
)
def test_poll_samples_margins_and_shares_of_groups(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Officials said it was the ninth attack on a vessel.", "en", [("strikes", 9, E)]),
        ("Es al menos el segundo bombardeo en aguas del Pacífico.", "es", [("strikes", 2, A)]),
        ("Its second strike of the week hit a go-fast.", "en", [("strikes", 2, E)]),
        ("The second strike hit the wreckage minutes later.", "en", []),  # the follow-up strike on one boat
        ("El primer ataque ocurrió en septiembre.", "es", []),
    ],
)
def test_ordinal_words_count_strikes_so_far(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


def test_what_a_thing_has_is_reported_even_in_a_future_sentence() -> None:
    text = (
        "The move will add the carrier's more than 60 aircraft to the region. It will send 900 more troops."
    )
    assert figures(text) == [("aircraft", 60, A)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a poll measures its share: "as many as" / "up to" before it is emphasis, not a bound
        (
            "As many as 58 percent of voters said they oppose the tariffs, the survey found.",
            "en",
            [("percent_oppose", 58, E)],
        ),
        (
            "Up to 71 percent of independents said they are against it, according to the poll.",
            "en",
            [("percent_oppose", 71, E)],
        ),
        ("The survey asked 1,204 likely voters across the state.", "en", [("respondents", 1204, E)]),
        # counts of sanctioned parties, blacklisted or named by their office
        (
            "So far 41 individuals and 19 companies have been blacklisted.",
            "en",
            [("individuals", 41, E), ("individuals", 19, E)],
        ),
        (
            "Washington anunció sanciones contra seis altos funcionarios bolivianos.",
            "es",
            [("individuals", 6, E)],
        ),
        ("El Tesoro sancionó a cuatro fundadores de la banda.", "es", [("individuals", 4, E)]),
        # groups put on a list
        (
            "The government has listed nine organizations as terrorist entities.",
            "en",
            [("organizations", 9, E)],
        ),
        (
            "El país enfrenta a cerca de 30 organizaciones calificadas como terroristas.",
            "es",
            [("organizations", 30, B)],
        ),
        # police count when a force is sent, otherwise they are people
        (
            "La operación, que movilizó a 1800 agentes, dejó 12 muertos.",
            "es",
            [("police_officers", 1800, E), ("killed", 12, E)],
        ),
        ("Three police officers were killed in the ambush.", "en", [("killed", 3, E)]),
        # killed, said as a death or a life taken
        ("Los bombardeos resultaron en la muerte de seis narco-terroristas.", "es", [("killed", 6, E)]),
        ("La ofensiva se ha cobrado la vida de más de 40 personas.", "es", [("killed", 40, A)]),
        # a reward raised from one sum to another: both values, the former one at the new scale
        (
            "El gobierno ha elevado de 5 a 8 millones de dólares la recompensa por su captura.",
            "es",
            [("reward_usd", 5e6, E), ("reward_usd", 8e6, E)],
        ),
        (
            "The reward was raised from $2 million to $4 million.",
            "en",
            [("reward_usd", 2e6, E), ("reward_usd", 4e6, E)],
        ),
        # an amount coordinated after a sum of money is money, with its qualifier
        (
            "Ofrece una recompensa de hasta 20 millones de dólares por el primero y 10 millones por el segundo.",
            "es",
            [("reward_usd", 20e6, X), ("reward_usd", 10e6, X)],
        ),
    ],
)
def test_polls_sanctioned_parties_police_and_changed_rewards(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # who leads a group describes it; a definite count refers back to one told before
        ("OFAC sanctioned a network run by the three brothers of a jailed boss.", "en"),
        ("Las sanciones alcanzan a una facción dirigida por los cinco hijos del capo.", "es"),
        ("The eight groups designated by the State Department are all cartels.", "en"),
        ("They are among the two gangs and six cartels the US has designated.", "en"),
        ("Five armed groups operate in the region.", "en"),
        ("Two officers spoke to reporters after the meeting.", "en"),
    ],
)
def test_descriptions_of_groups_and_their_leaders_are_no_figures(sentence: str, lang: str) -> None:
    assert figures(sentence, lang) == []


def test_a_range_low_end_takes_the_scale_of_its_high_end() -> None:
    claims = claims_of("Officials offered a reward of between 10 and 15 million dollars for him.")
    assert [(c.value, c.low, c.high) for c in claims] == [(10e6, 10e6, 15e6)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a tally whose losing side is spelled out
        (
            "El Senado aprobó la moción 41 votos a siete.",
            "es",
            [("votes_for", 41.0, E), ("votes_against", 7.0, E)],
        ),
        # how long a call or a vote lasted, in the reporter's words
        ("The two leaders spoke by phone for about an hour.", "en", [("duration_hours", 1.0, B)]),
        ("La llamada se extendió por casi una hora.", "es", [("duration_hours", 1.0, B)]),
        ("La votación se mantuvo abierta durante más de 15 minutos.", "es", [("duration_minutes", 15.0, A)]),
        # a reading time, or a quoted duration, is no claim
        ("4 minutos", "es", []),
        ('"We talked for an hour," the minister said of the call.', "en", []),
        # tankers seized or sanctioned, sanctioned casinos and businesses
        ("The coast guard has intercepted three tankers.", "en", [("tankers", 3.0, E)]),
        ("Los guardacostas incautaron dos buques petroleros.", "es", [("tankers", 2.0, E)]),
        ("Three tankers sailed past the island.", "en", []),
        ("The Treasury sanctioned seven casinos.", "en", [("individuals", 7.0, E)]),
    ],
)
def test_spelled_tallies_durations_and_sanctioned_things(
    text: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(text, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Según una fuente que habló con la agencia, la misión incluirá a unos 3000 soldados y cuenta "
            "con el apoyo del gobierno.",
            "es",
        ),
        (
            "A source who spoke to the agency said the mission will include about 3,000 troops and has "
            "the government's backing.",
            "en",
        ),
    ],
)
def test_a_figure_in_a_forecast_clause_of_a_reporting_sentence_is_no_claim(sentence: str, lang: str) -> None:
    """The sentence reports (someone spoke), but the figure's own clause forecasts: a number that
    will be, not one that is."""
    assert [c for c in claims_of(sentence, lang) if c.value == 3000] == []


def test_a_tally_that_would_bring_the_toll_to_a_figure_is_still_a_claim() -> None:
    text = (
        "Officials said the raid killed five people, a count which would bring the toll in the raids to 38."
    )
    assert ("killed", 38, E) in figures(text)


# --- figures told in context: a poll's passage, a hedge said once, a gloss ---------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the poll is named in an earlier sentence; the share says what people think or are
        (
            "A new survey of voters came out on Monday. Separately, 41 percent said they doubt the plan. "
            "Another 12% aren't sure.",
            "en",
            [("percent", 41, E), ("percent", 12, E)],
        ),
        (
            "La encuesta de la universidad se publicó ayer. El 22 % cree que la economía mejorará. "
            "El 15 % no estaba seguro.",
            "es",
            [("percent", 22, E), ("percent", 15, E)],
        ),
        # a passage of shares runs on past the sentence that named the poll
        (
            "El sondeo salió el martes. Entre los jóvenes, 70 % apoya la ley. Entre los mayores, 40 % la apoya. "
            "Los votantes rurales también opinan. La mayoría, 58 %, admite dudas.",
            "es",
            [("percent_support", 70, E), ("percent_support", 40, E), ("percent", 58, E)],
        ),
    ],
)
def test_a_share_in_a_poll_passage_is_a_poll_figure(
    text: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(text, lang) == expected


def test_a_percentage_outside_a_poll_is_a_share_and_no_polls() -> None:
    # every percentage the text states is a figure; only a poll's passage makes it the poll's
    assert figures("Prices rose 12 percent last year. Another 5% said nothing about rent.") == [
        ("share", 12, E),
        ("share", 5, E),
    ]
    # a poll named long before does not make a later percentage its share
    text = "The survey came out in May. The port grew. Trade rose. Ships came. Then 30 percent said yes."
    assert figures(text) == [("share", 30, E)]


def test_a_share_in_words_glossed_by_its_percentage_is_one_figure() -> None:
    assert figures("In the poll, about half of respondents (47%) supported the plan.") == [
        ("percent_support", 47, E)
    ]
    assert figures("En la encuesta, la mitad de los encuestados -52%- rechaza la medida.", "es") == [
        ("percent_oppose", 52, E)
    ]
    assert figures("In the poll, half of voters backed the plan.") == [("percent", 50, E)]


def test_the_margin_of_error_is_its_own_phrase_not_a_share_after_it() -> None:
    text = "El sondeo, con un margen de error de 3 puntos, indica que 45 % apoya la ley."
    assert figures(text, "es") == [("margin_of_error", 3, E), ("percent_support", 45, E)]


def test_the_people_a_poll_was_conducted_among_are_its_sample() -> None:
    text = "El estudio, realizado entre 1500 adultos con un margen de error de 3 puntos, salió ayer."
    assert ("respondents", 1500, E) in figures(text, "es")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Navy sent roughly 3,000 sailors to the region. Officials said 3,000 sailors arrived.", "en"),
        ("La Armada envió unos **3000 marines** a la zona. Se confirmó que 3000 marines llegaron.", "es"),
    ],
)
def test_a_figure_restated_bare_keeps_the_hedge_it_was_told_with(text: str, lang: str) -> None:
    assert figures(text, lang) == [("troops", 3000, B), ("troops", 3000, B)]


def test_a_bare_figure_told_first_stays_exact() -> None:
    text = "The Navy sent 3,000 sailors to the region. Later, roughly 3,000 sailors arrived."
    assert figures(text) == [("troops", 3000, E), ("troops", 3000, B)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La encuesta tiene un margen de error cercano a los tres puntos.", "es", ("margin_of_error", 3, B)),
        ("El sondeo se hizo entre más de 1800 votantes registrados.", "es", ("respondents", 1800, A)),
        (
            "The survey (fielded in early October) of 2,000 likely midterm election voters was released.",
            "en",
            ("respondents", 2000, E),
        ),
    ],
)
def test_a_poll_sample_and_margin_keep_their_hedges_and_long_modifiers(
    text: str, lang: str, expected: tuple[str, float, Qualifier]
) -> None:
    assert expected in figures(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The poll shows voters back the plan by a 12-point margin.", "en"),
        ("La encuesta muestra que el candidato lleva una ventaja de 12 puntos.", "es"),
    ],
)
def test_a_poll_lead_in_points_is_a_figure(text: str, lang: str) -> None:
    assert figures(text, lang) == [("margin_points", 12, E)]


def test_a_share_range_between_two_percentages_is_one_figure() -> None:
    claims = claims_of("Según la encuesta, entre el 55% y 65% de los votantes apoya la medida.", "es")
    assert [(c.value, c.high, c.qualifier) for c in claims] == [(55, 65, E)]


def test_a_number_in_words_glossed_by_its_digits_is_one_count() -> None:
    text = "El Tesoro incluyó en la Lista de Personas Bloqueadas a nueve (9) sujetos."
    assert figures(text, "es") == [("individuals", 9, E)]
    assert figures("La OFAC sancionó a 14 sujetos por lavado de dinero.", "es") == [("individuals", 14, E)]


def test_an_ordinal_strike_may_carry_two_modifiers() -> None:
    assert figures("It was the seventh reported US attack on drug boats.") == [("strikes", 7, E)]
    assert figures("Fue el quinto gran ataque “letal” de la campaña.", "es") == [("strikes", 5, E)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The raids have killed some 40 or more fishermen since spring.", "en", ("killed", 40, A)),
        ("Thirty or more people were killed in the blast.", "en", ("killed", 30, A)),
        ("Murieron unos 25 o más pescadores en los ataques.", "es", ("killed", 25, A)),
        ("The base can hold 900 or fewer troops.", "en", ("troops", 900, X)),
    ],
)
def test_a_figure_followed_by_or_more_is_a_floor(
    sentence: str, lang: str, expected: tuple[str, float, Qualifier]
) -> None:
    """ "some 40 or more", "unos 25 o más": the words after the figure make it a floor (at_least),
    whatever hedge came before it; "or fewer" makes it a ceiling."""
    assert figures(sentence, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Officials said turnout in the referendum was more than 5 million.", "en", [("voters", 5e6, A)]),
        (
            "La encuesta, realizada por el diario a 1,250 adultos, halló que el 40 % aprueba la medida.",
            "es",
            [("respondents", 1250, E), ("percent_support", 40, E)],
        ),
    ],
)
def test_an_elections_turnout_and_a_survey_carried_out_on_people(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    """A turnout said as a number counts the people who voted; a survey "realizada ... a N adultos"
    counts those it asked."""
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three smugglers were killed when the boat caught fire.", ("killed", 3, E)),
        ("At least four suspected were killed in the raid.", ("killed", 4, A)),
        ("The raid raised the total number of boats destroyed to at least 17.", ("boats", 17, A)),
    ],
)
def test_the_noun_of_a_count_may_stand_before_its_verb_or_its_figure(
    sentence: str, expected: tuple[str, float, Qualifier]
) -> None:
    """ "three smugglers were killed": the people between figure and verb; "the number of boats
    destroyed to 17": the noun before the figure."""
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # people counted with nothing done to them are still what the text reports of them
        ("The president met with more than a dozen senators at the Capitol.", "en", [("lawmakers", 12, A)]),
        (
            "El mandatario reunió a más de una decena de líderes regionales en la cumbre.",
            "es",
            [("people", 10, A)],
        ),
        ("The militia is estimated at around 300 members.", "en", [("people", 300, B)]),
        ("The rebels took 40 hostages during the raid.", "en", [("hostages", 40, E)]),
        (
            "Otros cinco mexicanos y tres empresas fueron añadidos a la lista.",
            "es",
            [("people", 5, E), ("individuals", 3, E)],
        ),
        ("Seis lugartenientes del grupo quedaron fuera del acuerdo.", "es", [("people", 6, E)]),
        (
            "Officials identified nearly 900 individuals for visa restrictions.",
            "en",
            [("individuals", 900, B)],
        ),
        ("The command covers 28 countries in the hemisphere.", "en", [("countries", 28, E)]),
        ("El estado de excepción rige en cinco provincias del país.", "es", [("countries", 5, E)]),
        ("Neighbours heard at least four blasts overnight.", "en", [("explosions", 4, A)]),
    ],
)
def test_a_count_of_people_or_places_needs_no_event_to_be_a_figure(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # a definite count refers back; sources are cited, not counted; a count per item is no total
        ("The two leaders spoke by phone on Monday.", "en"),
        ("Los dos mandatarios conversaron durante la cumbre.", "es"),
        ("Relations between the two countries have soured.", "en"),
        ("Three officials familiar with the talks said the deal was close.", "en"),
        ("According to two diplomats, the meeting went well.", "en"),
        ("Dos funcionarios que pidieron el anonimato confirmaron la reunión.", "es"),
        ("Inspectors found five migrants in each truck.", "en"),
        # a number word capitalised inside prose is part of a name
        ("He was placed on the FBI's Ten Most Wanted Fugitives list last year.", "en"),
        ("La ONU sancionó a 12 personas; entre la decena de sancionados hay alcaldes.", "es"),
    ],
)
def test_counts_that_refer_back_cite_sources_or_go_per_item_are_no_new_figures(
    sentence: str, lang: str
) -> None:
    assert [f for f in figures(sentence, lang) if f[1] in (2, 3, 5, 10)] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Son nueve los sancionados por el Tesoro en esta ronda.", [("individuals", 9, E)]),
        ("Fueron cuatro los senadores que votaron en contra de la medida.", [("lawmakers", 4, E)]),
        ("Suman ya 40 las personas fallecidas en los ataques.", [("killed", 40, E)]),
    ],
)
def test_a_spanish_count_fronted_before_its_subject(
    sentence: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, "es") == expected


def test_a_share_that_fears_expects_or_took_no_side_is_a_poll_figure() -> None:
    text = (
        "La encuesta de Datos consultó a 800 personas. El 41 % apoya al gobierno. Un 22 % no tomó partido. "
        "El 60,5 % teme un nuevo conflicto."
    )
    assert [(m, v) for m, v, _ in figures(text, "es")] == [
        ("respondents", 800),
        ("percent_support", 41),
        ("percent", 22),
        ("percent", 60.5),
    ]
    text = "The survey asked 900 adults about the strikes. Another 12 percent remained unsure. 55 percent fear a war."
    assert [(m, v) for m, v, _ in figures(text)] == [("respondents", 900), ("percent", 12), ("percent", 55)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("El candidato tiene un respaldo que no supera el 4 %, según la encuesta.", "es", ("percent", 4, X)),
        ("No more than 5 percent of voters backed him, the poll found.", "en", ("percent", 5, X)),
    ],
)
def test_a_ceiling_said_by_denying_more(
    sentence: str, lang: str, expected: tuple[str, float, Qualifier]
) -> None:
    assert figures(sentence, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("En 2019 fue condenado a 25 años de prisión por narcotráfico.", "es", [("sentence_years", 25, E)]),
        ("He was sentenced to 20 years in prison in 2019.", "en", [("sentence_years", 20, E)]),
        ("El acusado, de 30 años, fue condenado por fraude.", "es", []),
        ("Venezuela otorgó un préstamo de 300 millones de dólares al grupo.", "es", [("loan_usd", 3e8, E)]),
        ("The bank was fined $2 million for the violations.", "en", [("penalty_usd", 2e6, E)]),
        (
            "El gobierno declaró el lunes a 12 bandas criminales como organizaciones terroristas.",
            "es",
            [("organizations", 12, E)],
        ),
    ],
)
def test_prison_terms_loans_fines_and_groups_declared_terrorist(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the hedge is in another part joined by a semicolon, or in a relative clause's conditional of report
        (
            "Venezuela facilitó un préstamo de 300 millones de dólares a la guerrilla; sin embargo, no se sabe si "
            "el préstamo se pagó.",
            [("loan_usd", 3e8, E)],
        ),
        (
            "Según el Tesoro, las sanciones alcanzan a un grupo de 12 individuos que estarían ligados a la red.",
            [("individuals", 12, E)],
        ),
        ("El Tesoro podría sancionar a 12 individuos que estarían ligados a la red.", []),
        ("Si el Congreso lo aprueba, el Tesoro sancionará a 12 individuos; eso dijeron.", []),
    ],
)
def test_a_hedge_outside_the_figure_leaves_it_asserted(
    sentence: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, "es") == expected


def test_lists_joined_modifiers_bracketed_parts_and_absences() -> None:
    # "one" or "un" listed after a figure of the same kind is a count of one; not after another kind
    assert figures("The air wing includes four squadrons of fighters and one squadron of jammers.") == [
        ("aircraft", 4, E),
        ("aircraft", 1, E),
    ]
    assert figures("La flota suma seis buques de guerra, un submarino nuclear y aviones.", "es") == [
        ("ships", 6, E),
        ("ships", 1, E),
    ]
    assert figures("El ataque dejó dos muertos y un herido grave.", "es") == [("killed", 2, E)]
    # two modifiers joined right after the figure; not a noun joined later ("fracciones ... y congresistas")
    assert figures("Treasury has sanctioned more than 60 current and former officials since 2015.") == [
        ("individuals", 60, A)
    ]
    assert figures(
        "La moción tuvo el apoyo de 30 diputados de cuatro bancadas grandes y legisladores sueltos.", "es"
    ) == [("lawmakers", 30, E), ("count", 4, E)]
    # the absent members of a vote are one of its figures
    assert figures(
        "La votación terminó con 20 votos a favor, 3 en contra, 8 abstenciones y 4 ausencias.", "es"
    )[-1] == ("absences", 4, E)


def test_the_parts_of_a_poll_sample_told_in_brackets() -> None:
    sentence = "La encuesta fue realizada a 2.000 personas (1.200 en Venezuela y 800 en el resto de América)."
    found = sentence_figures(sentence, "es")
    assert [(f.measure, f.value, f.part) for f in found] == [
        ("respondents", 2000, None),
        ("respondents", 1200, "part Venezuela"),
        ("respondents", 800, "part América"),
    ]


def test_a_sum_with_its_scale_in_one_letter() -> None:
    assert figures("The State Department offers rewards of up to $5M for the two leaders.") == [
        ("reward_usd", 5e6, X)
    ]
    assert figures("The 3M plant and the B-52 base were closed.") == []


def test_firms_named_by_their_trade_and_a_name_with_an_apostrophe_before_a_count() -> None:
    assert figures("The order also targets Ali Ka’an and three Panama-based shipping agencies.") == [
        ("individuals", 3, E)
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # captives are counted as such whatever verb is nearest; armed men are agents unless a killing
        # verb comes right before them
        (
            "Unos 300 milicianos irrumpieron en el pueblo, matando a 40 personas y tomando 25 rehenes.",
            "es",
            [("troops", 300, B), ("killed", 40, E), ("hostages", 25, E)],
        ),
        (
            "About 200 gunmen stormed the town, killing 12 people.",
            "en",
            [("attackers", 200, B), ("killed", 12, E)],
        ),
        ("El ejército abatió a dos sicarios en la frontera.", "es", [("killed", 2, E)]),
        ("The strike killed three terrorists aboard the boat.", "en", [("killed", 3, E)]),
        ("The government freed 20 political prisoners on Monday.", "en", [("prisoners", 20, E)]),
    ],
)
def test_captives_and_armed_men(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a sum with no reward, loan, fine or seizure around it is still a figure an analyst reads
        (
            "The network laundered more than $40 million for the gang, officials said.",
            "en",
            [("amount_usd", 4e7, A)],
        ),
        ("La red movió 15 millones de dólares hacia cuentas en Panamá.", "es", [("amount_usd", 1.5e7, E)]),
        # its currency is kept, so that sums in reals or euros never join a series in dollars
        (
            "The faction moved 3 billion Brazilian reals through fintech firms.",
            "en",
            [("amount_brl", 3e9, E)],
        ),
        ("The ring moved R$ 30 million through shell firms.", "en", [("amount_brl", 3e7, E)]),
        ("Las autoridades congelaron 5 millones de euros del clan.", "es", [("amount_eur", 5e6, E)]),
        (
            "El grupo lavó 300 millones de pesos mexicanos en casas de cambio.",
            "es",
            [("amount_pesos", 3e8, E)],
        ),
    ],
)
def test_plain_sums_of_money_with_their_currency(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # gang members sanctioned are counted as the individuals an act names
        ("El Tesoro sancionó este jueves a cinco pandilleros hondureños.", "es", [("individuals", 5, E)]),
        # groups a verb of adding puts on a list
        (
            "El gobierno agregó a cuatro bandas criminales a su lista de terroristas.",
            "es",
            [("organizations", 4, E)],
        ),
        # the states and municipalities a group spans
        (
            "The cartel operates in 12 states and in about 40 municipalities.",
            "en",
            [("countries", 12, E), ("municipalities", 40, B)],
        ),
        ("La banda opera en siete municipios de la frontera.", "es", [("municipalities", 7, E)]),
    ],
)
def test_gang_members_listed_groups_states_and_municipalities(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a share outside a poll is a figure too, with its ceiling ("as much as")
        ("The group keeps as much as 80 percent of the proceeds, officials said.", "en", [("share", 80, X)]),
        ("El cártel controla el 60 % del tráfico en la frontera.", "es", [("share", 60, E)]),
    ],
)
def test_shares_outside_a_poll(
    sentence: str, lang: str, expected: list[tuple[str, float, Qualifier]]
) -> None:
    assert figures(sentence, lang) == expected


def test_plain_sums_and_shares_form_a_series_only_with_the_same_words() -> None:
    # "$40 million in bribes" and "$15 million in fuel sales" are different things: reconciling them
    # as one series would report a contradiction between two true figures
    topics = {
        c.text: c.topic
        for c in claims_of(
            "The network paid $40 million in bribes. It moved $15 million in fuel sales. "
            "The cartel keeps 80 percent of the proceeds."
        )
    }
    assert topics == {
        "40 million": "40 million in bribes",
        "15 million": "15 million in fuel sales",
        "80 percent": "80 percent of the proceeds",
    }
    # a reward stays the one "reward" series every article's reward joins
    assert {c.topic for c in claims_of("Washington offers a $50 million reward for his capture.")} == {
        "reward"
    }
