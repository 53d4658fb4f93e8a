"""Crash drill for batch screening, run as its own process by the resume tests:

    python tests/batch_crash_drill.py STORE INPUT OUTPUT --as-of DAY --chunks N --chunk-rows R [--workers W]

screens INPUT and, once the N-th chunk of this run is written and synced but
before its checkpoint is, ends the process at once (exit 75, no clean-up), as a power cut would
at the moment that costs a resumed run the most.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from watchfloor.screen.batch import screen_file
from watchfloor.store import open_store

SCRIPT = Path(__file__)
EXIT_CODE = 75  # EX_TEMPFAIL: the tests tell the drill's exit from a crash of anything else


def die_after(chunks: int) -> Callable[[int], None]:
    def after_chunk(done: int) -> None:
        if done >= chunks:
            os._exit(EXIT_CODE)

    return after_chunk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    parser.add_argument("--chunks", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-rows", type=int, required=True)
    args = parser.parse_args()
    screen_file(
        open_store(args.store),
        args.input,
        args.output,
        as_of=args.as_of,
        workers=args.workers,
        chunk_rows=args.chunk_rows,
        after_chunk=die_after(args.chunks),
    )


if __name__ == "__main__":
    main()
