"""Shared helpers of the matching benchmarks: data paths, list loading, the logic-v2 peer."""

from __future__ import annotations

import os
import platform
import resource
import time
from pathlib import Path

from followthemoney.statement import StatementEntity

ROOT = Path(__file__).resolve().parent.parent
DATA = (ROOT / ".." / "shared" / "data").resolve()


def machine() -> str:
    return f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d', time.gmtime())}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load_lists(ofac: str | None = "2021-07", un: bool = True) -> list[StatementEntity]:
    """OFAC SDN (CSV snapshot) and the UN consolidated list, through watchfloor's own parsers."""
    from watchfloor.sources import get_parser

    entities: list[StatementEntity] = []
    if ofac:
        parse, dataset = get_parser("ofac-csv")
        entities.extend(parse(DATA / "ofac-sdn" / ofac, dataset))
    if un:
        parse, dataset = get_parser("un-xml")
        entities.extend(parse(DATA / "un-sc" / "consolidated-2026-02-27.xml", dataset))
    return entities


def peer_entity(schema: str, name: str, entity_id: str, **props: str | None):
    """A nomenklatura-side entity for logic-v2 (bench-only dependency)."""
    from followthemoney import model

    data = {"name": [name]}
    for key, value in props.items():
        if value:
            data[key] = [value]
    return model.make_entity(schema).__class__.from_dict(
        {"id": entity_id, "schema": schema, "properties": data}
    )


def logic_v2():
    """logic-v2's compare function and default config, measured side by side with watchfloor; None
    where nomenklatura is not installed (its pins conflict with requirements.lock: install it in a
    venv of its own to measure the peer)."""
    try:
        from nomenklatura.matching import LogicV2
        from nomenklatura.matching.types import ScoringConfig
    except ImportError:
        print("peer: nomenklatura is not installed; its figures are left out of this run")
        return None

    config = ScoringConfig.defaults()

    def compare(query, result) -> float:
        return LogicV2.compare(query, result, config).score

    return compare
