"""The shared exposure-graph fixture: relations written as FtM JSON lines, and who is designated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from followthemoney.statement import StatementEntity

from watchfloor.model import dataset_for

FIXTURE = Path(__file__).parent / "fixtures" / "graph" / "relations.ftm.jsonl"
DESIGNATED = {"ofac-a", "ofac-b", "ofac-cds"}
DAY = date(2025, 1, 1)


def load_fixture() -> list[StatementEntity]:
    rows = [json.loads(line) for line in FIXTURE.read_text().splitlines() if line.strip()]
    return [StatementEntity.from_data(dataset_for(row["datasets"][0]), row) for row in rows]
