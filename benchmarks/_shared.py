"""Where benchmarks find the real data: ``../shared/data`` beside the repository (never copied in)."""

from __future__ import annotations

import os
import platform
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("WATCHFLOOR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def require(path: Path) -> Path:
    """The data file, or a clear exit when ../shared is not beside the checkout."""
    if not path.exists():
        print(f"skipped: {path} is not present (benchmarks read ../shared/data)")
        sys.exit(0)
    return path


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def free_port() -> int:
    """A loopback TCP port nobody listens on now, for a server a benchmark starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
