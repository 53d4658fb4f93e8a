"""``watchfloor`` commands: batch (filled in by its owner)."""

from watchfloor.cli.common import app  # noqa: F401
