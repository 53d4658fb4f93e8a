"""The scoring rules are defined once, in Python (`match/compare/*`, combined by
`match.features.FEATURES`); the compiled scorer (`match/_score.pyx`) writes them out again for
speed. Here every rule has a compiled twin and none is extra, and for each rule, on generated
record pairs that carry that rule's evidence on both sides, the compiled path (aligner and
scorer) gives the Python path's score, feature values and explanations (hypothesis, a fixed
derandomized budget)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import Counter
from typing import get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchfloor import compiled
from watchfloor.match import features
from watchfloor.match.compare import Evidence
from watchfloor.match.record import Record, record_from_properties

RULES_PACKAGE = importlib.import_module("watchfloor.match.compare")  # watchfloor.match.compare is a function
EXAMPLES = 120  # per rule; each example is scored at three floors on both paths
RULES = [f.name for f in features.FEATURES]

NAMES = [
    "Nicolas Maduro Moros", "MADURO MOROS, Nicolas", "Nicola Maduro", "Diosdado Cabello",
    "Usama bin Muhammad bin Awad BIN LADIN", "Osama bin Laden", "Saddam Hussein al-Tikriti",
    "Aleksandr Petrov", "Александр Петров", "J. R. Smith", "John Robert Smith", "Xi Jinping",
    "习近平", "Kim Jong Un", "김정은", "Ted Doe", "Theodore Doe", "Maria de la Cruz",
    "Banco Nacional de Cuba", "Banco Nacional de Cuba S.A.", "Siemens AG", "Romashka OOO",
    "ООО Ромашка", "Carlyle Partners VII L.P.", "Carlyle Partners VIII L.P.", "Tren de Aragua",
    "Banco Santander Mexico S.A.", "Banco Santander S.A.", "BICENTENARIO XII", "Xii Bicentenario",
]  # fmt: skip
SCHEMATA = ["Person", "Organization", "Company", "LegalEntity", "Vessel"]
DATES = ["1962", "1962-11", "1962-11-23", "1962-11-24", "1963", "1963-04-15", "1961-02", "1975-01-01"]
COUNTRIES = ["ve", "cu", "ru", "us", "kp"]
GENDERS = ["male", "female"]
IDENTIFIERS = ["AB123456", "563120356", "X9999-01"]

FIELD_OF = {  # the property that carries each rule's evidence, forced onto both sides for it
    "name": "name",
    "identifier": "passportNumber",
    "birth_date": "birthDate",
    "country": "nationality",
    "gender_mismatch": "gender",
    "schema_mismatch": None,  # the schema is always there; drawn apart more often for it
}
VALUES = {"birthDate": DATES, "nationality": COUNTRIES, "gender": GENDERS, "passportNumber": IDENTIFIERS}


def _word_dropped(name: str) -> str:
    words = name.split()
    return " ".join(words[1:] + words[:1]) if len(words) > 1 else name.lower()


@st.composite
def _record(draw: st.DrawFn, rule: str, side: str) -> Record:
    forced = FIELD_OF[rule]
    props: dict[str, list[str]] = {}
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))
    props["name"] = sorted(_word_dropped(n) if draw(st.booleans()) else n for n in names)
    if draw(st.integers(0, 3)) == 0:
        props["weakAlias"] = [draw(st.sampled_from(NAMES))]
    for prop, values in VALUES.items():
        if prop == forced or draw(st.booleans()):
            size = 1 if prop == "gender" else draw(st.integers(1, 2))
            props[prop] = sorted(set(draw(st.lists(st.sampled_from(values), min_size=size, max_size=size))))
    schemata = SCHEMATA if rule == "schema_mismatch" or side == "candidate" else SCHEMATA[:2]
    schema = draw(st.sampled_from(schemata))
    return record_from_properties(f"{side}-1", props["name"][0], schema, props)


def _flat(scored: features.Scored | None) -> tuple[float, dict[str, float], dict[str, str]] | None:
    if scored is None:
        return None
    return scored.score, scored.features, {k: e.detail for k, e in scored.evidence.items()}


def _comparators() -> set[object]:
    """Every rule `match/compare/*` defines: a public function of two records giving Evidence."""
    found: set[object] = set()
    for info in pkgutil.iter_modules(RULES_PACKAGE.__path__):
        module = importlib.import_module(f"{RULES_PACKAGE.__name__}.{info.name}")
        for name, func in vars(module).items():
            public = (
                inspect.isfunction(func) and func.__module__ == module.__name__ and not name.startswith("_")
            )
            if public and get_type_hints(func).get("return") is Evidence:
                found.add(func)
    return found


def test_every_python_rule_is_a_feature_and_has_a_compiled_twin() -> None:
    assert _comparators() == {f.func for f in features.FEATURES}
    scorer = compiled.load("watchfloor.match._score")
    if scorer is None:
        pytest.skip("match._score not built or not in use")
    assert scorer.LAYOUT == features.RULES  # the backend refuses the scorer otherwise
    assert [*scorer.LAYOUT["main"], *scorer.LAYOUT["qualifiers"]] == RULES


@pytest.mark.skipif(
    compiled.status().get("watchfloor.match._score") != "compiled", reason="match._score not in use"
)
@pytest.mark.parametrize("rule", RULES)
def test_compiled_rule_equals_the_python_rule(rule: str) -> None:
    fired: Counter[str] = Counter()

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(query=_record(rule, "query"), candidate=_record(rule, "candidate"))
    def check(query: Record, candidate: Record) -> None:
        for floor in (None, 0.5, 0.75):
            fast = _flat(features.score_pair(query, candidate, floor=floor))
            with compiled.python_reference():
                slow = _flat(features.score_pair(query, candidate, floor=floor))
            assert fast == slow, (query, candidate, floor)
        full = features.score_pair(query, candidate)
        if full is not None and rule in full.features:
            fired[rule] += 1

    check()
    # the examples exercised the rule itself, not only the pairs around it
    assert fired[rule] >= EXAMPLES // 6, fired
