"""Reading list files defensively: sniff what a file really is, decode legacy bytes, build IDs.

Every parser refuses input that is not its format with one sentence the user can act on, so the
checks for "this is a PDF / XML / binary / empty file" live here once rather than in each parser.
"""

from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from followthemoney.types.common import PropertyType
from normality import slugify

from watchfloor.sources.errors import SourceError

# OFAC's legacy files end with a DOS end-of-file marker (Ctrl-Z).
EOF_MARKER = "\x1a"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Map a byte that cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the same code point."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(byte) for byte in bad), error.end


codecs.register_error("watchfloor-latin1-fallback", _latin1_fallback)


def decode_legacy(data: bytes) -> str:
    """Decode a legacy list file, never failing on any byte.

    The rule: bytes that are valid UTF-8 (with or without a BOM; plain ASCII included) are UTF-8;
    anything else is cp1252, OFAC's encoding, where the five bytes cp1252 leaves undefined become
    the latin-1 character of the same value. cp1252 text with accents is practically never valid
    UTF-8, so a list re-saved as UTF-8 is read right too, and nothing is lost either way.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="watchfloor-latin1-fallback")


def describe_foreign(head: bytes) -> str | None:
    """Name the kind of file the first bytes show when it is clearly not delimited text, else None."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF"):
        return "a PDF document"
    if stripped.startswith((b"PK\x03\x04", b"\x1f\x8b")):
        return "a compressed archive"
    if stripped.startswith(b"<"):
        return "an XML or HTML document"
    if stripped.startswith((b"{", b"[")):
        return "a JSON document"
    if b"\x00" in head:
        return "a binary file"
    return None


def read_bytes(path: Path) -> bytes:
    """Read a whole file, turning OS errors into a SourceError that names the file."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder, expected a file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None


def slug_id(*parts: str) -> str:
    """A deterministic ID fragment from free text (identifier numbers, wallet addresses)."""
    return "-".join(slugify(part, sep="-") or "x" for part in parts)


@lru_cache(maxsize=65536)
def clean_value(prop_type: PropertyType, value: str) -> str | None:
    """FtM's cleaning of one value, memoised: lists repeat the same countries and dates thousands of times.

    Only for values whose cleaning does not depend on the entity (countries, dates, gender, names,
    identifiers); phone numbers, which use the entity's countries, are cleaned without that hint.
    """
    return prop_type.clean(value)
