"""Types of the compiled candidate ranking (`_candidates.pyx`) as `index.matcher` calls it:
mypy cannot read the extension, so the Python code is checked against these declarations."""

import numpy as np

LAYOUT: dict[str, int]

def rank(
    spans: list[bytes], posting_ids: np.ndarray, form_entity: np.ndarray, keep: int, size: int, tie_break: float
) -> list[tuple[int, list[int]]]: ...
