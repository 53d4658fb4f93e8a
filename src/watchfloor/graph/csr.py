"""Rows of positions grouped by a key (compressed sparse rows), in numpy alone.

The graph's adjacency and its two ownership indexes are such rows, and the path search, the
ownership rule and the storage all gather them; the primitives live here, below all three, so
none of them has to import another for its arithmetic.
"""

from __future__ import annotations

import numpy as np


def group(keys: np.ndarray, row_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Row pointer and a stable order that groups positions by ``keys``."""
    order = np.argsort(keys, kind="stable")
    indptr = np.zeros(row_count + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=row_count), out=indptr[1:])
    return indptr, order


def slots(indptr: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """All positions of the rows ``rows``, concatenated."""
    starts = indptr[rows]
    counts = indptr[rows + 1] - starts
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    # annotated: numpy types arithmetic and fancy indexing on untyped arrays as Any
    positions: np.ndarray = np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, counts)
    return positions


def slots_by_row(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``slots`` and, for each position, the index in ``rows`` of the row it belongs to."""
    counts = indptr[rows + 1] - indptr[rows]
    return slots(indptr, rows), np.repeat(np.arange(len(rows)), counts)


def distinct(values: np.ndarray, stamp: np.ndarray) -> np.ndarray:
    """``values`` without repeats, in first-seen order, in linear time (``stamp``: any int
    array indexable by every value; its contents are overwritten). np.unique sorts or hashes,
    which dominates a breadth-first search from a hub with hundreds of thousands of neighbours."""
    order = np.arange(len(values), dtype=np.int64)
    stamp[values] = order
    found: np.ndarray = values[stamp[values] == order]
    return found
