"""Screening does not wait for an ingest: while a new list version is parsed, written and indexed
(by the server's ingest process, `ingest.child`), `/match` keeps answering from the lists in
force, and the new version answers after."""

from __future__ import annotations

import io
import os
import signal
import threading
import zipfile
from pathlib import Path

from tests.test_api_support import client, ingest_process, match_body, seed
from watchfloor.store import SqlStore

FIXTURES = Path(__file__).parent / "fixtures"


def _ofac_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((FIXTURES / "ofac_csv" / "sdn-2021").iterdir()):
            archive.write(path, arcname=f"sdn/{path.name}")
    return buffer.getvalue()


def test_match_answers_from_the_lists_in_force_while_a_version_is_ingested(duck_store: SqlStore) -> None:
    """The ingest process is stopped (SIGSTOP) as soon as it exists, so the ingest is held in
    the middle until `/match` has answered: no timing involved. On code where screening waits for
    the ingest, the `/match` below never answers while it is held."""
    seed(duck_store)
    with client(duck_store) as api:
        assert api.post("/match/default", json=match_body("Nicolas Maduro")).status_code == 200  # warm
        outcome: dict[str, int] = {}

        def ingest() -> None:
            response = api.post(
                "/api/lists/ingest",
                params={"format": "ofac-csv", "dataset": "ofac_upload", "published": "2021-07-07"},
                files={"file": ("sdn.zip", _ofac_zip(), "application/zip")},
            )
            outcome["ingest"] = response.status_code

        answers: list[tuple[int, str]] = []

        def screen() -> None:
            for _ in range(3):
                response = api.post("/match/default", json=match_body("Nicolas Maduro"))
                answers.append((response.status_code, response.json()["responses"]["q1"]["results"][0]["id"]))

        writer = threading.Thread(target=ingest)
        writer.start()
        child = ingest_process()
        os.kill(child, signal.SIGSTOP)
        try:
            reader = threading.Thread(target=screen)
            reader.start()
            reader.join(30)
            held_meanwhile = writer.is_alive()
            answered = not reader.is_alive()
        finally:
            os.kill(child, signal.SIGCONT)
            writer.join(120)
        assert answered and held_meanwhile, "/match waited for the ingest"
        assert answers == [(200, "ofac-22790")] * 3
        assert outcome == {"ingest": 200}
        after = api.post("/match/ofac_upload", json=match_body("Banco Nacional de Cuba", schema="Company"))
        assert after.json()["responses"]["q1"]["results"][0]["caption"] == "BANCO NACIONAL DE CUBA"
