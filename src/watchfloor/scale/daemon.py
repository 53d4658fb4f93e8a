"""The daemon that forks Spark's Python workers, warmed first (``spark.python.daemon.module``).

A Python worker's first name costs seconds: watchfloor's modules and the name data (scripts,
transliteration, name parts) load on first use. Spark's own daemon forks cold workers, so every
core of every executor would pay that; this one pays it once per executor, before it forks, and
freezes what it loaded so the workers share those pages, as the local engine's forked workers do.
"""

from __future__ import annotations

import gc

from pyspark.daemon import manager

from watchfloor.index import QuerySpec
from watchfloor.scale import spark  # noqa: F401  (what a task unpickles: its module, loaded once here)

WARM_NAMES = (("Person", "Nicolás Maduro Moros"), ("Company", "Banco Nacional de Cuba S.A."))


def warm() -> None:
    for schema, name in WARM_NAMES:
        QuerySpec(name, schema).record()
    gc.collect()
    gc.freeze()


if __name__ == "__main__":
    warm()
    manager()
