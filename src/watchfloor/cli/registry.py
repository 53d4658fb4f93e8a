"""Imports the command modules so they attach to the app (one line per module)."""
