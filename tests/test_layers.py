"""The layer contract of docs/architecture.md, checked on the source: no module imports a package
above its own in the Layers table (module-level, function-level or type-checking imports alike),
and every import inside a function says on its line why it is there (a cycle, start-up cost, an
optional dependency). The table is read from the document itself, so the two cannot drift."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "watchfloor"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
REASON = re.compile(r"#\s*(cycle|start-up|optional):\s*\S")
"""What a function-level import's line must say: ``# cycle: ...``, ``# start-up: ...`` (the CLI
loads every command's module, and `watchfloor screen` must start fast, issue #23) or
``# optional: ...`` (a dependency that may not be installed)."""


@dataclass(frozen=True)
class Import:
    line: int
    target: str  # the absolute module name imported
    in_function: bool
    explained: bool  # the statement's lines carry a reason comment


def layer_table(markdown: str) -> dict[str, int]:
    """Each package (or top-level module) of the "Layers" block to its row, 0 the top. A row
    names its packages first (``cli/ api/ web/``, ``demo.py``), then says what they do."""
    section = markdown.split("\n## Layers", 1)[1]
    block = section.split("```", 2)[1]
    rows: dict[str, int] = {}
    for row, line in enumerate(line for line in block.splitlines() if line.strip()):
        for word in line.split():
            if not (word.endswith("/") or word.endswith(".py")):
                break
            rows[word.removesuffix("/").removesuffix(".py")] = row
    return rows


def imports(module: str, source: str, is_package: bool = False) -> Iterator[Import]:
    """Every import statement of a module, with where it sits and whether its line says why."""
    lines = source.splitlines()
    here = module.split(".") if is_package else module.split(".")[:-1]

    def walk(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                text = " ".join(lines[child.lineno - 1 : (child.end_lineno or child.lineno)])
                explained = REASON.search(text) is not None
                for target in _targets(child, here):
                    yield Import(child.lineno, target, in_function, explained)
            nested = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from walk(child, in_function or nested)

    yield from walk(ast.parse(source), False)


def _targets(node: ast.Import | ast.ImportFrom, here: list[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the importing module's package, up level - 1
        anchor = here[: len(here) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    if base == "watchfloor":  # ``from watchfloor import cli`` imports the package ``watchfloor.cli``
        return [f"{base}.{alias.name}" for alias in node.names]
    return [base]


def layer_of(module: str, layers: Mapping[str, int]) -> int | None:
    """The row of a ``watchfloor.*`` module; None for other libraries and the bare package."""
    parts = module.split(".")
    if parts[0] != "watchfloor" or len(parts) < 2:
        return None
    if parts[1] not in layers:
        raise KeyError(f"{module}: package {parts[1]!r} is not in docs/architecture.md's Layers table")
    return layers[parts[1]]


def problems(module: str, source: str, layers: Mapping[str, int], is_package: bool = False) -> list[str]:
    """Each upward import and each unexplained function-level import of one module, one line each."""
    own = layer_of(module, layers)
    found = []
    for item in imports(module, source, is_package):
        target = layer_of(item.target, layers)
        if own is not None and target is not None and target < own:
            found.append(f"{module}:{item.line} imports {item.target}, a layer above it")
        if item.in_function and not item.explained:
            found.append(f"{module}:{item.line} imports {item.target} in a function without saying why")
    return found


def source_modules() -> Iterator[tuple[str, str, bool]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        yield ".".join(parts[:-1] if is_package else parts), path.read_text(encoding="utf-8"), is_package


LAYERS = layer_table(ARCHITECTURE.read_text(encoding="utf-8"))


def test_the_table_places_every_package_once() -> None:
    present = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    present |= {p.stem for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    assert set(LAYERS) == present
    assert LAYERS["cli"] == 0 and LAYERS["model"] == max(LAYERS.values())


def test_no_module_imports_a_layer_above_its_own_and_function_level_imports_say_why() -> None:
    found = [problem for module in source_modules() for problem in problems(*module[:2], LAYERS, module[2])]
    assert found == []


def test_the_checker_catches_upward_and_unexplained_imports() -> None:
    bad = (
        "from typing import TYPE_CHECKING\n"
        "from watchfloor.store import Store\n"
        "from watchfloor.screen.service import Screener\n"
        "from watchfloor import cli\n"
        "from ..index import query\n"
        "if TYPE_CHECKING:\n"
        "    from watchfloor.api.context import ApiContext\n"
        "def later():\n"
        "    from watchfloor.sources import (  # start-up: the parsers load only here\n"
        "        get_parser,\n"
        "    )\n"
        "    import yaml  # optional: fine\n"
        "    import json\n"
        "    from watchfloor.graph import edges  # because\n"
        "    return lambda: __import__('x')\n"
    )
    assert problems("watchfloor.ingest.bad", bad, LAYERS) == [
        "watchfloor.ingest.bad:3 imports watchfloor.screen.service, a layer above it",
        "watchfloor.ingest.bad:4 imports watchfloor.cli, a layer above it",
        "watchfloor.ingest.bad:5 imports watchfloor.index, a layer above it",
        "watchfloor.ingest.bad:7 imports watchfloor.api.context, a layer above it",
        "watchfloor.ingest.bad:13 imports json in a function without saying why",
        "watchfloor.ingest.bad:14 imports watchfloor.graph, a layer above it",
        "watchfloor.ingest.bad:14 imports watchfloor.graph in a function without saying why",
    ]
    # the same statements one layer up are fine, save the unexplained ones
    assert problems("watchfloor.cli.fine", bad, LAYERS) == [
        "watchfloor.cli.fine:13 imports json in a function without saying why",
        "watchfloor.cli.fine:14 imports watchfloor.graph in a function without saying why",
    ]


def test_a_package_missing_from_the_table_is_an_error_not_a_pass() -> None:
    with pytest.raises(KeyError, match="plugins"):
        problems("watchfloor.ingest.bad", "from watchfloor.plugins import x\n", LAYERS)
