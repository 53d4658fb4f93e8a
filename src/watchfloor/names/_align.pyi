"""Types of the compiled aligner (`_align.pyx`) as `names.similarity` calls it: mypy cannot read
the extension, so the Python code is checked against these declarations instead."""

from collections.abc import Callable, Sequence

from watchfloor.names.forms import NameForm
from watchfloor.names.similarity import AlignPolicy, Pairs
from watchfloor.names.tokens import Token

LAYOUT: dict[str, int]

def configure(
    token_similarity: Callable[[Token, Token], float],
    pack_form: Callable[[NameForm], bytes],
    ratio: Callable[..., float],
    character_agreement: Callable[[str, str], float],
    cross_script: Callable[[NameForm, NameForm, float, float, int, bool, bool], float],
    substitution: float,
    nasab: float,
    place: float,
    thin: float,
    limit: int,
) -> None: ...
def set_cache_limit(limit: int) -> None: ...
def clear_cache() -> None: ...
def cache_size() -> int: ...
def cached_similarity(a: Token, b: Token) -> float: ...
def align(
    query: NameForm, candidate: NameForm, policy: AlignPolicy, nasab: bool = True
) -> tuple[float, Pairs]: ...
def best_pair(
    queries: Sequence[NameForm], candidates: Sequence[NameForm], policy: AlignPolicy
) -> tuple[float, int, int] | None: ...
