"""Which module defines each command, so that a command imports only its own module.

Importing every command module made each command pay for all the others before it began (the
review package, the API server, the news pipeline), and ``watchfloor screen`` must start and exit
within a second (issue #23). ``LazyCommands`` is the root command group: it imports a command's
module when that command is asked for, and every module when all are listed (``--help``).
"""

from __future__ import annotations

import importlib

import typer
from typer.core import TyperGroup

try:  # typer >= 0.25 vendors click; older releases use click itself
    from typer._click import Command, Context
except ImportError:  # pragma: no cover
    from click import Command, Context  # type: ignore[assignment]  # the same classes, from click

MODULE_COMMANDS: dict[str, tuple[str, ...]] = {
    "lists": ("lists",),
    "alerts": ("alerts",),
    "batch": ("screen-file",),
    "book": ("rescreen", "replay", "book", "audit"),
    "crisis": ("timeline", "indicators", "claims", "brief", "scenarios"),
    "demo": ("demo",),
    "exposure": ("exposure",),
    "news": ("news",),
    "screening": ("screen", "compare-pairs"),
    "serve": ("serve", "refresh", "keys"),
}
"""Each module of ``watchfloor.cli`` that registers commands, and the commands (or command
groups) it registers on the root app; ``tests/test_cli_registry.py`` holds this equal to what the
modules register."""

COMMAND_MODULE = {command: module for module, commands in MODULE_COMMANDS.items() for command in commands}


class LazyCommands(TyperGroup):
    """The root group: a command's module is imported when the command is looked up."""

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        module = COMMAND_MODULE.get(cmd_name)
        if cmd_name not in self.commands and module is not None:
            self._load([module])
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: Context) -> list[str]:
        self._load(list(MODULE_COMMANDS))
        return super().list_commands(ctx)

    def _load(self, modules: list[str]) -> None:
        """Import the modules (their commands register on the root Typer app), then take the
        commands Typer makes of what is registered now."""
        for module in modules:
            importlib.import_module(f"watchfloor.cli.{module}")
        from watchfloor.cli.common import app  # cycle: common makes the app with this class

        self.commands.update(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
