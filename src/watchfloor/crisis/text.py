"""Keyword matching on normalised text, shared by indicator rules."""

from __future__ import annotations

from normality import normalize


def normal(text: str) -> str:
    """Lowercase ASCII words separated by single spaces ("Land-based" -> "land based")."""
    return normalize(text, lowercase=True, ascii=True) or ""


def has_term(normal_text: str, term: str) -> bool:
    """Whole-word match of ``term`` in already-normalised text; a trailing ``*`` matches a prefix.

    Whole words keep "land" from matching "island" or "Poland".
    """
    prefix = term.endswith("*")
    needle = normal(term.rstrip("*"))
    if not needle:
        return False
    padded = f" {normal_text} "
    if prefix:
        return f" {needle}" in padded
    return f" {needle} " in padded
