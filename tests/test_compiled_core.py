"""The compiled hot paths (names._align, match._score, index._candidates) against the Python
reference implementations they replace: same scores, same token pairs, same candidates, same
results and explanations; and the backend that chooses between them (`watchfloor.compiled`).
Skipped where the extensions were not built, except when the suite is asked to require them
(scripts/test.sh does, so CI cannot fall back unseen)."""

from __future__ import annotations

import itertools
import os
import pickle
import random
from pathlib import Path

import numpy as np
import pytest

from watchfloor import compiled
from watchfloor.index import Matcher, make_query
from watchfloor.index import matcher as matcher_module
from watchfloor.match import features
from watchfloor.match.record import Record, record_of
from watchfloor.names import Kind, name_form, similarity
from watchfloor.names.similarity import ORG_POLICY, PERSON_POLICY
from watchfloor.sources import get_parser

FIXTURES = Path(__file__).parent / "fixtures"


def test_compiled_core_is_built_when_required() -> None:
    if os.environ.get("WATCHFLOOR_REQUIRE_COMPILED") != "1":
        pytest.skip("WATCHFLOOR_REQUIRE_COMPILED is not set")
    # every extension was asked for at import, and each is in use: built, and agreeing with
    # the Python side's packed layouts and rules
    assert compiled.status() == dict.fromkeys(compiled.REQUIRES, "compiled")


needs_compiled = pytest.mark.skipif(
    set(compiled.status().values()) != {"compiled"}, reason="compiled extensions not built or not in use"
)

PEOPLE = [
    "MADURO MOROS, Nicolas", "Nicolás Maduro", "Nicolas Maduro Moros", "Maduro, Nicola",
    "CABELLO RONDON, Diosdado", "Diosdado Cabello", "Usama bin Muhammad bin Awad BIN LADIN",
    "Osama bin Laden", "Muhammad bin Awad bin Ladin Usama", "Saddam Hussein al-Tikriti",
    "Husayn al Takriti Saddam", "Abd al-Rahman bin Ali", "Abdurrahman Ben Ali", "Aleksandr Petrov",
    "Александр Петров", "Alexander Petrov Ivanovich", "J. R. Smith", "John Robert Smith", "Xi Jinping",
    "习近平", "高市早苗", "高石早苗", "Kim Jong Un", "김정은", "Ali bin Hassan bin Ali", "Hassan bin Ali",
    "Abu Bakr al-Baghdadi", "Abubakr al-Baghdadi", "Maria de la Cruz", "Maria Delacruz", "Maria de la Rosa",
    "MOHAMMED QASIM MIR ABDUL KHUDAI RAHIM", "MOHAMMED QASIM MIR WALI KHUDAI RAHIM", "JC Juncker",
    "Jean-Claude Juncker", "Jordan Smith", "Ted Doe", "Theodore Doe", "Ben Netanyahu",
    "Benjamin Netanyahu",
    # 25 token pairs alike, many tied: past the insertion sort, edges go through qsort
    "Ali bin Hassan bin Ali bin Hussein bin Ali", "Hassan bin Ali bin Hussein bin Ali bin Hassan",
]  # fmt: skip
ORGS = [
    "AL QA'IDA", "Al-Qaeda", "Cartel de los Soles", "Cartel of the Suns", "Tren de Aragua",
    "BANCO NACIONAL DE CUBA", "Banco Nacional de Cuba S.A.", "Siemens AG", "SiemensAG",
    "Romashka OOO", "ООО Ромашка", "Brigade Forty-Four", "Brigade 44", "A.B.C. Company", "ABC Co",
    "Bowne Global Solutions II", "Bowne Global Solutions", "Van der Bilt Holdings", "Vanderbilt Holdings",
    "KaufhofGmbH", "Kaufhof GmbH", "Carlyle Partners VII L.P.", "Carlyle Partners VIII L.P.",
    "Banco Santander S.A.", "Banco Santander Mexico S.A.", "Management Company 23", "Management Company",
    "Blackstone Real Estate Partners V L.P.", "Blackstone Real Estate Partners VI L.P.",
    "Xii Bicentenario", "BICENTENARIO XII", "BICENTENARIO XIII", "I Dino", "DINO I",
    "I Fondo Global De Alimentos Ltda C", "C I FONDO GLOBAL DE ALIMENTOS LTDA", "Faberlic",
    "FABERLIC EUROPE Sp. z o.o.",
]  # fmt: skip


def _forms(names: list[str], kind: Kind) -> list:
    return [form for name in names for form in [name_form(name, kind)] if form is not None]


def _explained(pairs: list) -> list:
    return [(q and q.text, c and c.text, s) for q, c, s in pairs]


@needs_compiled
@pytest.mark.parametrize(("names", "kind"), [(PEOPLE, Kind.PERSON), (ORGS, Kind.ORGANIZATION)])
def test_compiled_alignment_equals_the_python_alignment(names: list[str], kind: Kind) -> None:
    forms = _forms(names, kind)
    reference = similarity.python_cached_similarity
    for policy in (PERSON_POLICY, ORG_POLICY):
        for left, right in itertools.product(forms, repeat=2):
            fast = similarity.compare_forms(left, right, policy)
            slow = similarity.compare_forms(left, right, policy, reference)
            assert fast.score == slow.score, (left.comparable, right.comparable)
            assert _explained(fast.pairs) == _explained(slow.pairs)
            assert fast.explain() == slow.explain()


@needs_compiled
def test_compiled_best_pair_equals_the_python_loop() -> None:
    rng = random.Random(5)
    forms = _forms(PEOPLE, Kind.PERSON)
    draws = [(rng.sample(forms, rng.randint(1, 3)), rng.sample(forms, rng.randint(1, 4))) for _ in range(300)]
    fast = [similarity.best_name_score(q, c, PERSON_POLICY) for q, c in draws]
    scores = [similarity.best_score(q, c, PERSON_POLICY) for q, c in draws]
    assert similarity.best_name_score([], forms, PERSON_POLICY) is None
    with compiled.python_reference():
        slow = [similarity.best_name_score(q, c, PERSON_POLICY) for q, c in draws]
        assert scores == [similarity.best_score(q, c, PERSON_POLICY) for q, c in draws]
    for one, other, score in zip(fast, slow, scores, strict=True):
        assert one is not None and other is not None
        assert (one.score, one.query, one.candidate) == (other.score, other.query, other.candidate)
        assert score == other.score
    assert scores == [similarity.best_score(q, c, PERSON_POLICY) for q, c in draws]


@pytest.fixture(scope="module")
def lists() -> list:
    parse, dataset = get_parser("ofac-csv")
    entities = list(parse(FIXTURES / "ofac_csv" / "sdn-2021", dataset))
    parse, dataset = get_parser("un-xml")
    entities.extend(parse(FIXTURES / "un_xml" / "consolidated-small.xml", dataset))
    return entities


def _queries(lists: list) -> list[Record]:
    """Each listed name as given, disguised (case, order, a typo), with a right and a wrong
    birth date and country; and names that match nothing."""
    rng = random.Random(9)
    out: list[Record] = []
    for entity in lists:
        if entity.schema.name not in ("Person", "Organization", "Company", "LegalEntity", "Vessel"):
            continue
        for name in entity.get("name"):
            words = name.replace(",", "").split()
            typo = "".join(c for i, c in enumerate(name) if i != len(name) // 2)
            for text in (name, " ".join(words[1:] + words[:1]).lower(), typo):
                out.append(record_of(make_query(text, entity.schema.name)))
                birth = rng.choice(["1962-11-23", "1970", "1963-04-15"])
                out.append(
                    record_of(make_query(text, "Person", birth_date=birth, country=rng.choice(["ve", "cu"])))
                )
    for text in ("Juan Perez", "Acme Trading LLC", "Nicola Madura", "Cuba", "Great Lakes"):
        out.append(record_of(make_query(text, "LegalEntity", identifiers=["563120356"])))
    return out


@needs_compiled
def test_compiled_scoring_equals_the_reference_features(lists: list) -> None:
    matcher = Matcher.build(lists)
    compared = 0
    for query in _queries(lists):
        for candidate in matcher.records:
            for floor in (None, 0.75):
                fast = features.score_pair(query, candidate, floor=floor)
                slow = features.reference_score_pair(query, candidate, floor=floor)
                assert (fast is None) == (slow is None)
                if fast is None or slow is None:
                    continue
                compared += 1
                assert (fast.score, fast.features) == (slow.score, slow.features)
                assert {k: e.detail for k, e in fast.evidence.items()} == {
                    k: e.detail for k, e in slow.evidence.items()
                }
    assert compared > 1000


def _flat(results: list) -> list:
    return [(r.entity_id, r.score, r.match, r.features, r.explanation, r.details) for r in results]


@needs_compiled
def test_compiled_screening_equals_the_python_screening(lists: list) -> None:
    matcher = Matcher.build(lists)
    queries = _queries(lists)
    runs = [
        (limit, threshold, only) for limit in (3, 10) for threshold in (None, 0.6) for only in (False, True)
    ]
    fast = [
        _flat(matcher.match_record(q, limit, threshold, only))
        for q in queries
        for limit, threshold, only in runs
    ]
    candidates = [matcher.candidates(q, 13) for q in queries]
    with compiled.python_reference():
        slow = [
            _flat(matcher.match_record(q, limit, threshold, only))
            for q in queries
            for limit, threshold, only in runs
        ]
        assert candidates == [matcher.candidates(q, 13) for q in queries]
    assert fast == slow
    assert sum(len(r) for r in fast) > 500


@needs_compiled
def test_compiled_ranking_equals_the_reference_ranking() -> None:
    """The compiled ranking reads each query token's posting lists as packed spans and sums
    into a table sized to the query's postings: on random posting lists it gives the
    reference's entities and names, ties and cuts included."""
    rng = random.Random(5)
    matcher = Matcher()
    forms = 5000
    matcher.forms = [None] * forms  # type: ignore[list-item]
    matcher.form_entity = np.array(sorted(rng.randrange(1200) for _ in range(forms)), dtype=np.int32)
    # posting lists of every length (long ones touch more names than the cut keeps)
    lists = [sorted(rng.sample(range(forms), rng.choice((1, 3, 40, 400)))) for _ in range(400)]
    starts = np.cumsum([0] + [len(ids) for ids in lists])
    matcher.posting_ids = np.array([n for ids in lists for n in ids], dtype=np.int32)
    checked = 0
    for _ in range(300):
        tokens = []
        for _ in range(rng.randint(1, 6)):  # query tokens, each reaching a few posting lists
            arrays, bounds, values = [], [], []
            for _ in range(rng.randint(1, 6)):
                which = rng.randrange(len(lists))
                start, end = int(starts[which]), int(starts[which + 1])
                arrays.append(matcher.posting_ids[start:end])
                bounds.append((start, end))
                values.append(rng.choice((0.5, 1.0, 2.25, rng.random())))  # few weights make ties
            tokens.append((arrays, values, matcher_module.posting_spans(bounds, values)))
        chunks = [ids for arrays, _, _ in tokens for ids in arrays]
        weights = [value for _, values, _ in tokens for value in values]
        for keep, size in ((136, 13), (20, 5), (5000, 40), (400, 90)):
            fast = matcher._rank(tokens, keep, size)
            assert fast == matcher.reference_rank(chunks, weights, keep, size)
            checked += len(fast)
    assert checked > 10_000


@needs_compiled
@pytest.mark.parametrize("start, end", [(-1, 2), (3, 9), (0, 1 << 40)])
def test_a_posting_span_outside_the_posting_array_is_refused(start: int, end: int) -> None:
    from watchfloor.index import _candidates  # compiled: imported only where it is built

    postings = np.arange(8, dtype=np.int32)
    owners = np.zeros(8, dtype=np.int32)
    spans = [matcher_module.posting_spans([(0, 2), (start, end)], [1.0, 1.0])]
    with pytest.raises(ValueError, match="outside the posting array"):
        _candidates.rank(spans, postings, owners, 10, 5, 1e-10)
    inside = [matcher_module.posting_spans([(0, 2)], [1.0])]
    assert _candidates.rank(inside, postings, owners, 10, 5, 1e-10) == [(0, [0, 1])]


@needs_compiled
def test_compiled_evidence_is_written_when_read_and_pickles_as_text(lists: list) -> None:
    matcher = Matcher.build(lists)
    query = record_of(make_query("Nicolas Maduro", "Person", birth_date="1962-11-23", country="ve"))
    result = matcher.match_record(query, 1)[0]
    assert result.entity_id == "ofac-22790"
    assert set(result.evidence) == set(result.features) >= {"name", "birth_date", "country"}
    assert "birth_date" in result.evidence and len(result.evidence) == len(result.features)
    copy = pickle.loads(pickle.dumps(result))
    assert type(copy.evidence) is dict
    assert copy.explanation == result.explanation
    assert any("birth date 1962-11-23 matches" in line for line in copy.explanation)


_SCREEN = """
import json, sys, types, warnings
from pathlib import Path
if sys.argv[1] == "unbuilt":
    for name in ("watchfloor.names._align", "watchfloor.match._score", "watchfloor.index._candidates"):
        sys.modules[name] = None  # what an install without a compiler leaves: the import fails
if sys.argv[1] == "stale":  # an aligner left from a build whose token records were 16 bytes
    stale = types.ModuleType("watchfloor.names._align")
    stale.LAYOUT = {"token": 16}
    sys.modules["watchfloor.names._align"] = stale
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    from watchfloor import compiled
    from watchfloor.index import Matcher, make_query
from watchfloor.sources import get_parser
parse, dataset = get_parser("un-xml")
matcher = Matcher.build(parse(Path(sys.argv[2]), dataset))
query = make_query("Bosco Ntaganda", "Person", birth_date="1973")
results = [(r.entity_id, r.score, r.match, r.explanation) for r in matcher.match(query, limit=3)]
warned = [str(w.message) for w in caught if "watchfloor" in str(w.message)]
print(json.dumps({"status": compiled.status(), "warned": warned, "results": results}))
"""


def _screen_in_a_process(mode: str, **env: str) -> dict:
    import json
    import subprocess
    import sys

    fixture = str(FIXTURES / "un_xml" / "consolidated-small.xml")
    run = subprocess.run(
        [sys.executable, "-c", _SCREEN, mode, fixture],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return json.loads(run.stdout)


def test_without_the_extensions_the_package_screens_alike() -> None:
    """An install without a C++ compiler, one switched to Python, and one holding an extension
    built for another layout all run on the Python references, with the same answers; only the
    stale extension is worth a warning (the other two are choices)."""
    default = _screen_in_a_process("default", WATCHFLOOR_PURE_PYTHON="0")
    unbuilt = _screen_in_a_process("unbuilt")
    switched = _screen_in_a_process("default", WATCHFLOOR_PURE_PYTHON="1")
    stale = _screen_in_a_process("stale")
    assert default["status"] == compiled.status()
    assert set(unbuilt["status"]) == set(compiled.REQUIRES)
    assert unbuilt["status"]["watchfloor.names._align"].startswith("not built")
    assert unbuilt["status"]["watchfloor.index._candidates"].startswith("not built")
    assert unbuilt["status"]["watchfloor.match._score"] == "watchfloor.names._align is not in use"
    assert unbuilt["warned"] == []
    assert switched["status"] == dict.fromkeys(compiled.REQUIRES, "WATCHFLOOR_PURE_PYTHON=1")
    assert switched["warned"] == []
    reason = stale["status"]["watchfloor.names._align"]
    assert reason.startswith("built for another layout (differs in FLAG_BIN,") and " token.weight;" in reason
    assert stale["status"]["watchfloor.match._score"] == "watchfloor.names._align is not in use"
    assert len(stale["warned"]) == 1 and "_align not used: built for another layout" in stale["warned"][0]
    for other in (unbuilt, switched, stale):
        assert other["results"] == default["results"]
    assert default["results"][0][0].startswith("unsc-") and default["results"][0][2]


_FIRST = """
import json, sys, types
if sys.argv[1] == "stale":
    stale = types.ModuleType("watchfloor.names._align")
    stale.LAYOUT = {"token": 16}
    sys.modules["watchfloor.names._align"] = stale
from watchfloor import compiled
scorer = compiled.load("watchfloor.match._score")  # before anything of watchfloor.match
print(json.dumps({"loaded": scorer is not None, "status": compiled.status()}))
"""


@needs_compiled
@pytest.mark.parametrize("mode", ["default", "stale"])
def test_an_extension_asked_for_first_gets_its_users_answer(mode: str) -> None:
    """Asked for before the module that uses it, an extension is still checked with that
    module's layout: its package is imported first, and the user's answer stands."""
    import json
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _FIRST, mode], capture_output=True, text=True, check=True)
    out = json.loads(run.stdout)
    assert out["loaded"] is (mode == "default")
    assert set(out["status"]) == {"watchfloor.names._align", "watchfloor.match._score"}
    if mode == "default":
        assert set(out["status"].values()) == {"compiled"}
    else:
        assert out["status"]["watchfloor.match._score"] == "watchfloor.names._align is not in use"


def test_a_layout_disagreement_names_what_differs() -> None:
    from watchfloor.names.forms import PACKED_LAYOUT

    assert compiled.disagreement(PACKED_LAYOUT, dict(PACKED_LAYOUT)) == []
    moved = {**PACKED_LAYOUT, "token.flags": 20, "FLAG_PLACE": 32}
    assert compiled.disagreement(PACKED_LAYOUT, moved) == ["FLAG_PLACE", "token.flags"]
    assert compiled.disagreement(PACKED_LAYOUT, None) == sorted(PACKED_LAYOUT)
    dropped = {**features.RULES, "qualifiers": ("country",)}
    assert compiled.disagreement(features.RULES, dropped) == ["qualifiers"]


def test_struct_layouts_count_the_padding_before_a_field() -> None:
    import struct

    assert compiled.struct_layout("span", struct.Struct("@qqd"), ("start", "count", "weight")) == {
        "span": 24,
        "span.start": 0,
        "span.count": 8,
        "span.weight": 16,
    }
    # native alignment pads an int before a double; "=" packs them tight
    assert compiled.struct_layout("x", struct.Struct("@id"), ("a", "b"))["x.b"] == 8
    assert compiled.struct_layout("x", struct.Struct("=i4xd"), ("a", "b")) == {"x": 16, "x.a": 0, "x.b": 8}
    with pytest.raises(ValueError, match="has 2 fields"):
        compiled.struct_layout("x", struct.Struct("=id"), ("a",))


def test_only_watchfloor_extensions_are_loaded() -> None:
    with pytest.raises(ValueError, match="not a compiled extension"):
        compiled.load("watchfloor.names.similarity")
