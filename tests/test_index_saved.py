"""A saved list index answers exactly as the index it was saved from, in a fresh process too,
and a damaged or stale file is rebuilt, never trusted."""

from __future__ import annotations

import json
import mmap
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
from followthemoney.statement import StatementEntity

from watchfloor.index import Matcher, make_query
from watchfloor.index.saved import index_directory, index_key, load_matcher, open_matcher, save_matcher
from watchfloor.model import make_entity
from watchfloor.names.tokens import PACKED_TOKEN, Role, Token, make_token

QUERIES = [
    ("Person", "Nicolás Maduro"),
    ("Person", "Nicolas MADURO MOROS"),
    ("Person", "Diosdado Cabello"),
    ("Person", "Tareck El Aissami"),
    ("Person", "Muhammad Ali Khan"),  # a word no list name has: the tagger is asked
    ("Organization", "Cartel of the Suns"),
    ("Organization", "Tren de Aragua"),
]


def _entities() -> list[StatementEntity]:
    rows = [
        ("p1", "Person", ["MADURO MOROS, Nicolas"], "1962-11-23"),
        ("p2", "Person", ["MADURO GUERRA, Nicolas Ernesto"], "1990-06-21"),
        ("p3", "Person", ["CABELLO RONDON, Diosdado"], "1963-04-15"),
        ("p4", "Person", ["EL AISSAMI MADDAH, Tareck Zaidan"], "1974-11-12"),
        ("p5", "Person", ["KHAN, Mohammed Ali"], None),
        ("o1", "Organization", ["CARTEL DE LOS SOLES", "Cartel of the Suns"], None),
        ("o2", "Organization", ["TREN DE ARAGUA"], None),
    ]
    entities = []
    for entity_id, schema, names, birth in rows:
        entity = make_entity("test", schema, entity_id)
        entity.add("name", names[0])
        for alias in names[1:]:
            entity.add("alias", alias)
        if birth:
            entity.add("birthDate", birth)
        entities.append(entity)
    return entities


def _answers(matcher: Matcher) -> list[list[tuple[str, float]]]:
    return [
        [(r.entity_id, r.score) for r in matcher.match(make_query(schema=s, name=n), limit=5)]
        for s, n in QUERIES
    ]


def test_a_saved_index_answers_as_the_built_one_in_a_fresh_process(tmp_path: Path) -> None:
    built = Matcher.build(_entities())
    path = tmp_path / "matcher-test.pkl"
    assert save_matcher(built, path)
    expected = _answers(built)
    assert expected[0][0][0] == "p1"
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from watchfloor.index import make_query\n"
        "from watchfloor.index.saved import load_matcher\n"
        f"queries = {QUERIES!r}\n"
        "m = load_matcher(Path(sys.argv[1]))\n"
        "print(json.dumps([[(r.entity_id, r.score) for r in m.match(make_query(schema=s, name=n), limit=5)]"
        " for s, n in queries]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    loaded = [[tuple(pair) for pair in answer] for answer in json.loads(done.stdout)]
    assert loaded == expected


def test_unpickled_tokens_are_interned_in_the_receiving_process() -> None:
    token = make_token("maduro", "Maduro")
    again = pickle.loads(pickle.dumps(token))
    assert again is token  # same process: the interned token itself, with its serial


def _token_fields(token: Token) -> str:
    """Everything of a token but its serial, which each process gives anew."""
    flags = PACKED_TOKEN.unpack(token.packed)[2]
    names = ("text", "role", "weight", "phonetic", "skeleton", "abjad", "core", "arguments")
    return repr((*(getattr(token, name) for name in names), sorted(token.symbols), flags))


_IN_A_FRESH_PROCESS = """
import json, pickle, sys
sys.path.insert(0, sys.argv[1])
from test_index_saved import _token_fields
from watchfloor.names.tokens import Role, make_token
if sys.argv[2] == "unpickle":
    tokens = pickle.loads(sys.stdin.buffer.read())
else:
    tokens = [make_token(t, s, None if r is None else Role(r)) for t, s, r in json.load(sys.stdin)]
print(json.dumps([_token_fields(t) for t in tokens]))
"""


def test_tokens_restored_in_a_fresh_process_equal_those_made_there() -> None:
    """Unpickling restores a token's computed keys instead of computing them again: in a fresh
    process, the restored tokens must be exactly what that process makes from the same
    arguments (a role given or classified, abjad, initial, number, weak given name, place,
    compound head, particle, legal form)."""
    made = [
        make_token("mohammed", "محمد"),
        make_token("petrov", "Петров"),
        make_token("ben", "Ben", Role.NAME),
        make_token("maduro", "Maduro"),
        make_token("a"),
        make_token("1962"),
        make_token("abdul"),
        make_token("mexico"),
        make_token("de"),
        make_token("llc"),
    ]
    here = str(Path(__file__).parent)

    def fresh(mode: str, given: bytes) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", _IN_A_FRESH_PROCESS, here, mode],
            input=given,
            capture_output=True,
            check=True,
        )
        return list(json.loads(done.stdout))

    arguments = [
        (t.arguments[0], t.arguments[1], None if t.arguments[2] is None else int(t.arguments[2]))
        for t in made
    ]
    restored = fresh("unpickle", pickle.dumps(made))
    computed = fresh("make", json.dumps(arguments).encode())
    assert restored == computed == [_token_fields(t) for t in made]


def test_a_truncated_or_foreign_file_is_not_opened(tmp_path: Path) -> None:
    built = Matcher.build(_entities())
    path = tmp_path / "matcher-x.pkl"
    save_matcher(built, path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert load_matcher(path) is None
    path.write_bytes(pickle.dumps({"not": "an index"}))
    assert load_matcher(path) is None
    calls = []

    def entities() -> list[StatementEntity]:
        calls.append(1)
        return _entities()

    rebuilt = open_matcher(tmp_path, "x", entities)
    assert calls == [1] and len(rebuilt) == len(built)
    reopened = open_matcher(tmp_path, "x", entities)
    assert calls == [1] and len(reopened) == len(built)  # the second call opened the saved one


def test_the_key_follows_what_the_index_covers() -> None:
    key = index_key(["v1", "v2"], {"p1", "p2"})
    assert key == index_key(["v2", "v1"], ["p2", "p1"])  # order-free
    assert key != index_key(["v1", "v3"], {"p1", "p2"})
    assert key != index_key(["v1", "v2"], {"p1"})


def test_the_directory_sits_beside_a_duckdb_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("WATCHFLOOR_INDEX_DIR")
    assert index_directory(str(tmp_path / "lists.duckdb")) == tmp_path / "lists.index"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    server = index_directory("postgresql://u@127.0.0.1/db")
    assert server.parent == tmp_path / "cache" / "watchfloor" / "index"


def test_a_saved_index_maps_its_arrays_from_the_file(tmp_path: Path) -> None:
    """The posting lists and each name's entity are not copied out of the file but mapped from
    it, read-only, so processes opening the same index share them; the index answers alike."""
    built = Matcher.build(_entities())
    path = tmp_path / "matcher-x.pkl"
    save_matcher(built, path)
    opened = load_matcher(path)
    assert opened is not None
    for name in ("posting_ids", "form_entity"):
        array = getattr(opened, name)
        assert np.array_equal(array, getattr(built, name))
        assert not array.flags.writeable and not array.flags.owndata
        while isinstance(array, np.ndarray):  # numpy's own views, down to the buffer it was given
            array = array.base
        assert isinstance(array, memoryview) and isinstance(array.obj, mmap.mmap)
    query = make_query("Nicolas Maduro Moros", "Person")
    assert [(r.entity_id, r.score) for r in opened.match(query)] == [
        (r.entity_id, r.score) for r in built.match(query)
    ]
