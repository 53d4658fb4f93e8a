"""The server's tagger process answers exactly as rigour's tagger in this process, a request whose
words are known is answered while it is still loading (one with a new word waits for it), and a
dead tagger process is replaced by the tagger here, with a warning."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.test_api_support import LOCAL, TestClient, match_body, seed
from watchfloor.names.symbols import ANSWERED_BY, tag_words, warm_tagger
from watchfloor.names.tagger_process import TaggerProcess
from watchfloor.screen.service import Screener
from watchfloor.store import SqlStore
from watchfloor.web import create_server

WORDS = [
    "mohammed",
    "muhammad",
    "alexander",
    "husayn",
    "maria",
    "madurro",
    "محمد",
    "حسين",
    "Александр",
    "Владимир",
    "zzyzx",
]


def test_the_tagger_process_answers_as_the_tagger_here() -> None:
    tagger = TaggerProcess()
    try:
        answered = tagger.tag(WORDS)
    finally:
        tagger.close()
    assert answered == tag_words(WORDS)
    mohammed, muhammad, alexander, husayn = answered[:4]
    assert mohammed & muhammad and mohammed & answered[6]  # one name: Mohammed, Muhammad, محمد
    assert husayn & answered[7] and alexander & answered[8]  # Husayn, حسين; Alexander, Александр
    assert not answered[5] and not answered[10]


def test_a_tagger_process_that_died_is_replaced_by_the_tagger_here(caplog: pytest.LogCaptureFixture) -> None:
    tagger = TaggerProcess(warm=int)  # no load: it dies before its first answer
    try:
        assert tagger.pid is not None
        os.kill(tagger.pid, signal.SIGKILL)
        with caplog.at_level(logging.WARNING, logger="watchfloor.names.tagger_process"):
            answered = tagger.tag(["maria", "Владимир"])
    finally:
        tagger.close()
    assert answered == tag_words(["maria", "Владимир"]) and answered[0]
    assert not tagger.alive
    assert "the name tagger process stopped" in caplog.text


def _load_once_opened(gate: str) -> None:
    """The tagger process's load, held back until the test creates ``gate`` (run in the child)."""
    while not os.path.exists(gate):
        time.sleep(0.02)
    warm_tagger()


def _post_in_thread(api: TestClient, name: str) -> tuple[threading.Thread, dict[str, Any]]:
    answer: dict[str, Any] = {}

    def post() -> None:
        response = api.post("/match/default", json=match_body(name))
        answer["status"] = response.status_code
        answer["results"] = response.json().get("responses", {}).get("q1", {}).get("results")

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    return thread, answer


def test_a_request_with_known_words_is_answered_while_the_tagger_process_loads(
    duck_store: SqlStore, tmp_path: Path
) -> None:
    seed(duck_store)
    Screener(duck_store)  # today's index, saved: the server opens it, its list words restored
    gate = tmp_path / "load-now"
    app = create_server(store=duck_store)  # as `watchfloor serve`: warmed, with a tagger process
    app.state.context.tagger_warm = partial(_load_once_opened, str(gate))
    with TestClient(app, client=LOCAL, base_url="http://127.0.0.1") as api:
        deadline = time.monotonic() + 60
        while api.get("/readyz").status_code != 200 and time.monotonic() < deadline:
            time.sleep(0.05)
        tagger = app.state.context.tagger
        assert tagger is not None and tagger.alive
        known, known_answer = _post_in_thread(api, "Nicolas MADURO MOROS")
        known.join(30)
        assert not known.is_alive() and known_answer["status"] == 200  # the tagger still loads
        assert known_answer["results"][0]["id"] == "ofac-22790"
        asked = ANSWERED_BY["tagger-process"]
        unseen, unseen_answer = _post_in_thread(api, "Nicolaz Madurrozq MOROS")
        unseen.join(1.0)
        assert unseen.is_alive()  # a new word waits for the tagger; no answer without its symbols
        gate.touch()
        unseen.join(120)
        assert not unseen.is_alive() and unseen_answer["status"] == 200
        assert ANSWERED_BY["tagger-process"] > asked
