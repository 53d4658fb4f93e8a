"""``watchfloor demo``: a fresh store with the bundled samples, served (filled in by its owner)."""

from watchfloor.cli.common import app  # noqa: F401
