"""Imports the command modules so they attach to the app (one line per module)."""

from watchfloor.cli import alerts, batch, book, crisis, demo, exposure, news, screening, serve  # noqa: F401
