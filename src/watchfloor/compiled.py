"""The compiled core or the Python references: the one place that chooses between them.

Screening's hot path exists twice: as Cython extensions (`names._align`, `match._score`,
`index._candidates`) and as the Python code they are tested against, which stays the
definition. A module that has a compiled twin asks `load` for it at import and checks
`ACTIVE` before each use; nothing else imports an extension. The choice is made here because
it has three inputs that must agree everywhere: whether the extension was built (it is
optional at install), whether it was built against the Python side's packed layouts and rules
(an extension left from an older build is refused, with a warning, rather than read with the
wrong offsets), and the switch: `WATCHFLOOR_PURE_PYTHON=1` at start-up, or `python_reference()`
for a measurement or a test that compares the two paths in one process.

This module imports nothing of watchfloor at its top (it sits below every package that asks
it): an extension, and the package around it, are imported by name when first asked for.
"""

from __future__ import annotations

import importlib
import os
import re
import struct
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType

PURE_PYTHON = "WATCHFLOOR_PURE_PYTHON"
"""Environment variable: `1` leaves the compiled core unloaded; everything runs on the Python
references (same results, slower)."""

REQUIRES: dict[str, tuple[str, ...]] = {
    "watchfloor.names._align": (),
    "watchfloor.match._score": ("watchfloor.names._align",),  # cimports the aligner's C function
    "watchfloor.index._candidates": (),
}
"""Every extension, and the extensions whose C functions it calls (usable only together)."""

Layout = Mapping[str, object]
"""What an extension must agree on with the Python side: struct sizes and field offsets, flag
values, the names of the rules it implements. The extension exports its own as `LAYOUT`."""

_loaded: dict[str, ModuleType | None] = {}
_why_not: dict[str, str] = {}


ACTIVE = True
"""Whether loaded extensions run: a module with a compiled twin checks `compiled.ACTIVE and
ext is not None` before each use (read through the module, never imported by name:
`python_reference` turns it off for a while). A flag, not a function: the check sits on
paths called per name pair, where a call cost a tenth of a comparison."""


def load(name: str, layout: Layout | None = None) -> ModuleType | None:
    """The extension `name` if it is built, wanted and agrees with `layout` (compared with its
    `LAYOUT`); else None, and the reason is kept for `status`. The module that uses the
    extension asks with its layout, at its import; later calls, from anywhere, get that answer
    (an extension asked for before its user was imported imports its package first, whose
    module then asks, and that answer stands)."""
    if name in _loaded:
        return _loaded[name]
    if name not in REQUIRES:
        raise ValueError(f"{name} is not a compiled extension of watchfloor")
    module = _load(name, layout)
    if name in _loaded:  # asked while its package was importing: that answer stands
        return _loaded[name]
    _loaded[name] = module
    if module is None and _why_not[name].startswith(_STALE):
        # not built, or switched off, is a choice made at install or start; a stale build is
        # a mistake, but the Python path gives the same results, so a warning, not an error
        # (CI runs with WATCHFLOOR_REQUIRE_COMPILED=1: tests/test_compiled_core.py fails on it)
        warnings.warn(f"{name} not used: {_why_not[name]}; running the Python reference", stacklevel=3)
    return module


_SWITCHED_OFF = f"{PURE_PYTHON}=1"
_STALE = "built for another layout"


def _load(name: str, layout: Layout | None) -> ModuleType | None:
    if os.environ.get(PURE_PYTHON) == "1":
        _why_not[name] = _SWITCHED_OFF
        return None
    # the package first: the module that uses the extension asks for it as it imports (that
    # answer stands, see `load`), and so do the modules of the extensions it calls
    importlib.import_module(name.rpartition(".")[0])
    if name in _loaded:
        return _loaded[name]
    for needed in REQUIRES[name]:  # refused: not even imported (it would link to that one)
        if _loaded.get(needed) is None:
            _why_not[name] = f"{needed} is not in use"
            return None
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # not built: no C++ compiler at install
        _why_not[name] = f"not built ({error})"
        return None
    if layout is not None:
        differ = disagreement(layout, getattr(module, "LAYOUT", None))
        if differ:
            _why_not[name] = f"{_STALE} (differs in {', '.join(differ)}; rebuild it)"
            return None
    return module


def disagreement(layout: Layout, found: object) -> list[str]:
    """The keys on which an extension's `LAYOUT` (`found`) and the Python side's differ; an
    extension with no `LAYOUT` (built before it had one) differs on all of them."""
    theirs = found if isinstance(found, Mapping) else {}
    return sorted(k for k in set(layout) | set(theirs) if layout.get(k) != theirs.get(k))


def status() -> dict[str, str]:
    """Each extension asked for so far: "compiled", or why the Python reference runs instead."""
    return {
        name: "compiled"
        if ACTIVE and _loaded[name] is not None
        else _why_not.get(name, "python_reference() in force")
        for name in _loaded
    }


@contextmanager
def python_reference() -> Iterator[None]:
    """Run on the Python references while inside: for benchmarks and tests that measure or
    compare the two paths in one process. Process-wide, so not for a server's threads."""
    global ACTIVE
    before, ACTIVE = ACTIVE, False
    try:
        yield
    finally:
        ACTIVE = before


_CODE = re.compile(r"(\d*)([xcbB?hHiIlLqQnNefdspP])")


def struct_layout(name: str, packed: struct.Struct, fields: tuple[str, ...]) -> dict[str, int]:
    """The size of a packed record and the offset of each field (its non-padding codes, in
    order), keyed as a compiled `LAYOUT` keys its C struct: `name`, `name.field`."""
    order, codes = packed.format[:1], _CODE.findall(packed.format[1:])
    values = [count + code for count, code in codes if code != "x"]
    if len(values) != len(fields):
        raise ValueError(f"{packed.format!r} has {len(values)} fields, not {len(fields)}")
    layout = {name: packed.size}
    prefix = ""
    for count, code in codes:
        if code != "x":
            field = fields[len(layout) - 1]
            # the field's end less its own size: counts the alignment padding before it
            layout[f"{name}.{field}"] = struct.calcsize(order + prefix + count + code) - struct.calcsize(
                order + count + code
            )
        prefix += count + code
    return layout
