"""Every command of the README's "Using it" block, run as a user types it, plain and with --json.

The commands are read from README.md itself, so a command that changes there is tested as it
now reads. Paths into ``../shared`` (which tests may not need) become the bundled samples that
hold the same kind of file; ``serve`` runs until stopped, and is tested with the API.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import run_cli
from watchfloor.demo import samples_dir

README = Path(__file__).resolve().parent.parent / "README.md"
SAMPLES = samples_dir()
PATHS = {
    "../shared/data/ofac-sdn/2019-01": SAMPLES / "ofac-sdn-2019-01",
    "../shared/data/ofac-sdn/2021-07": SAMPLES / "ofac-sdn-2021-07",
    "../shared/data/un-sc/consolidated-2026-02-27.xml": SAMPLES / "un-sc-consolidated.xml",
    "../shared/seeds/": SAMPLES / "articles",
    "customers.csv": SAMPLES / "book.csv",
}
# serve and refresh run until stopped (tests/test_api_*.py start the server); lists fetch needs the
# publishers' servers: tests/test_lists_fetch.py runs both against a local server of real files
NOT_RUN = {"serve", "refresh", "lists fetch"}
# a word of the plain output that says the command did its job (the first output line may be a
# table's title or a progress line, so any line may hold it)
EXPECTED = {
    "lists ingest": r"ingested \w+@\d+: \d+ entities",
    "lists diff": r"us_ofac_sdn@1 -> us_ofac_sdn@2",
    "lists designate": r"recorded .*Cartel de los Soles.*effective 2025-11-24",
    "lists show": r"List versions \(as of 2025-11-20\)",
    "lists lift": r"FTO designation of wfd-\w+ \(Cartel de los Soles\) lifted from 2026-03-05",
    "lists sources": r"never fetched",
    "screen": r"MADURO MOROS",
    "screen-file": r"\d+ rows?|hits?",
    "book import": r"import I\d+: \d+ rows",
    "rescreen": r"run R\d+ as of",
    "alerts decide": r"A\d+: (false_positive by|true_match proposed by) \S+",
    "alerts assign": r"A2: assigned to ben",
    "alerts comment": r"A2: comment \d+ by \S+",
    "alerts report": r"wrote \d+ alerts on \d+ blocked parties",
    "alerts": r"Alerts|alert",
    "audit verify": r"audit log intact",
    "exposure": r"ofac-24427",
    "news ingest": r"stored \d+ article\(s\)",
    "timeline": r"Timeline",
    "claims": r"best estimate",
    "indicators": r"\w",
    "brief": r"wrote .*\(\d+ characters\)",  # the path may wrap anywhere
    "keys create": r"API key for 'analyst'",
}


def readme_commands() -> list[str]:
    """The watchfloor commands of the "Using it" block, in order, continuation lines joined."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Using it") :]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None, "README's 'Using it' section has no bash block"
    joined = block.group(1).replace("\\\n", " ")
    commands = []
    for line in joined.splitlines():
        if line.lstrip().startswith("#"):
            continue
        line = re.sub(r"\s+#\s.*$", "", line).strip()  # an inline comment
        for part in line.split("&&"):
            part = part.strip()
            if part.startswith("watchfloor "):
                commands.append(part)
    return commands


def _arguments(command: str, tmp_path: Path) -> list[str]:
    words = shlex.split(command)[1:]
    out = []
    for word in words:
        if word in PATHS:
            word = str(PATHS[word])
        elif word.endswith((".csv", ".html")) and "/" not in word:
            word = str(tmp_path / word)  # an output file in the user's working folder
        out.append(word)
    return out


def _kind(arguments: list[str]) -> str:
    for length in (2, 1):
        key = " ".join(arguments[:length])
        if key in EXPECTED or key in NOT_RUN:
            return key
    raise AssertionError(f"no expectation for README command {arguments!r}: add one to EXPECTED")


def test_the_readme_lists_the_commands_this_test_knows() -> None:
    commands = readme_commands()
    assert len(commands) >= 20
    kinds = {_kind(shlex.split(c)[1:]) for c in commands}
    assert {"lists ingest", "screen", "news ingest", "brief", "serve"} <= kinds


@pytest.mark.parametrize("with_json", [False, True], ids=["plain", "json"])
def test_every_readme_command_runs_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, with_json: bool
) -> None:
    location = str(tmp_path / "readme.duckdb")
    ran = 0
    for command in readme_commands():
        arguments = _arguments(command, tmp_path)
        kind = _kind(arguments)
        if kind in NOT_RUN:
            continue
        if with_json and "--json" not in arguments:
            arguments = [*arguments, "--json"]
        code, out, err = run_cli(capsys, location, *arguments)
        assert code == 0, f"{command!r} exited {code}: {err or out}"
        if with_json:
            json.loads(out)  # the whole standard output is one JSON document
        else:
            flat = " ".join(out.split())  # Rich wraps long lines at the terminal's width
            assert re.search(EXPECTED[kind], flat), f"{command!r} printed: {flat[:400]}"
        ran += 1
    assert ran >= 19
