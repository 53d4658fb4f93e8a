"""What news mentions link through: a list matcher asked only about known words, and the list
parties a mention may link to (built by `screen.wiring.list_matcher`).

The parties are saved beside the list index for the day: deciding them reads every designation and the ownership graph, which costs more than the rest of
a one-article ingest. The answer depends only on the official list versions in force, the day
and the code that decides it, so it is saved under a key of those (as ``index.saved`` keys an
index) and read back by the day's later commands; a file that cannot be read is recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from followthemoney.statement import StatementEntity
from followthemoney.types import registry

from watchfloor.files import write_atomically
from watchfloor.index import Matcher
from watchfloor.index.saved import KEPT_FILES, index_key, source_fingerprint
from watchfloor.match import MatchResult
from watchfloor.store import SqlStore

# the packages whose code decides who is designated or blocked on a day
_CODE_PACKAGES = ("graph", "ingest", "model", "screen", "store")


class KnownWordsMatcher:
    """The list matcher asked only about names whose every word is a list word: a news link
    must be confident, and a mention with a word no list name has is not one (a misspelt or
    unrelated name), so it is not scored at all."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        # a run's articles name the same parties again and again: each distinct mention (same
        # ID, schema and properties, hence the same record) is scored once
        self._answers: dict[tuple[object, ...], Sequence[MatchResult]] = {}
        self._spellings: dict[tuple[str, str], list[str]] | None = None

    def match(
        self, query: StatementEntity, limit: int = 10, threshold: float | None = None
    ) -> Sequence[MatchResult]:
        key = (query.id, query.schema.name, _properties(query), limit, threshold)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = self._match(query, limit, threshold)
        return answer

    def _match(self, query: StatementEntity, limit: int, threshold: float | None) -> Sequence[MatchResult]:
        names = query.get_type_values(registry.name)
        person = query.schema.is_a("Person")
        if not names:
            return ()
        if not all(self.matcher.knows_words(name, person) for name in names):
            asked = self._without_unknown_aliases(query, person)
            if asked is None and not person:
                asked = self._respelled(query, names)
            if asked is None:
                return ()
            query = asked
        return tuple(self.matcher.match(query, limit=limit, threshold=threshold))

    def _without_unknown_aliases(self, query: StatementEntity, person: bool) -> StatementEntity | None:
        """The mention without the other names the article gives it that no list writes (a
        nickname: "Jimmy Chérizier, alias Barbecue"), when its own names are all list words; the
        news linker still checks every name the article gives against the entry."""
        if not all(self.matcher.knows_words(name, person) for name in query.get("name")):
            return None
        asked = query.clone()
        asked.pop("alias")
        for alias in query.get("alias", quiet=True):
            if self.matcher.knows_words(alias, person):
                asked.add("alias", alias)
        return asked

    def known_spellings(self, name: str, person: bool = False) -> list[str]:
        """The name as list words: itself when every word is one, else (a group's) the spellings
        ``_respelled`` asks about, else none. The news linker fits only these, so that no word
        unknown to every list reaches the name tagger, whose first use costs seconds."""
        if self.matcher.knows_words(name, person):
            return [name]
        return [] if person else self._respellings([name]) or []

    def _respelled(self, query: StatementEntity, names: list[str]) -> StatementEntity | None:
        """The group's query with its names respelled in list words (``_respellings``), or None."""
        respelled = self._respellings(names)
        if respelled is None:
            return None
        query = query.clone()
        query.pop("alias")
        query.pop("name")
        for name in dict.fromkeys(respelled):
            query.add("name", name)
        return query

    def _respellings(self, names: list[str]) -> list[str] | None:
        """A group's names with the one word no list name has written as each list word that
        romanises it alike ("Hezbolá" as "hizballah", "hezbollah"), or None when a name has no
        such word or more than one unknown word."""
        from watchfloor.news.linking import (  # start-up: only for an unknown word
            TRANSLITERATED_LENGTH,
            romanised_key,
        )
        from watchfloor.news.mentions import name_key  # start-up: only for an unknown word

        vocab = self.matcher.vocab
        if self._spellings is None:
            self._spellings = {}
            for known in vocab:
                if len(known) >= TRANSLITERATED_LENGTH and known.isalpha():
                    self._spellings.setdefault(romanised_key(known), []).append(known)
        respelled: list[str] = []
        for name in names:
            words = name_key(name).split()
            unknown = [i for i, word in enumerate(words) if word not in vocab]
            if not unknown and self.matcher.knows_words(name):
                respelled.append(name)
                continue
            if len(unknown) != 1 or len(words[unknown[0]]) < TRANSLITERATED_LENGTH:
                return None
            at = unknown[0]
            spellings = self._spellings.get(romanised_key(words[at]), [])
            respelled += [" ".join([*words[:at], listed, *words[at + 1 :]]) for listed in spellings]
        if not respelled or not all(self.matcher.knows_words(name) for name in respelled):
            return None
        return respelled


def _properties(entity: StatementEntity) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What the matcher reads of a mention: its properties but the references to other entities
    (the article that is its ``proof`` differs in every article, and no match reads it)."""
    props = entity.schema.properties
    return tuple(
        sorted(
            (prop, tuple(sorted(values)))
            for prop, values in entity.properties.items()
            if props[prop].type != registry.entity
        )
    )


def official_parties(
    store: SqlStore, directory: Path, as_of: date, compute: Callable[[], set[str]]
) -> set[str]:
    """The saved parties for the store's official versions in force on ``as_of``, or
    ``compute()``'s, saved for next time (an unwritable directory only means no saving)."""
    in_force = [v.version_id for v in store.versions_in_force(as_of) if v.official]
    key = index_key([source_fingerprint(_CODE_PACKAGES)], in_force, [as_of.isoformat()])
    path = directory / f"parties-{key}.json"
    try:
        return set(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    parties = compute()
    _save(path, sorted(parties))
    return parties


def _save(path: Path, parties: list[str]) -> None:
    """Write atomically (temporary file, then rename); only the newest few files are kept."""
    if not write_atomically(path, lambda out: out.write(json.dumps(parties).encode("utf-8"))):
        return
    saved = sorted(path.parent.glob("parties-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in saved[KEPT_FILES:]:
        stale.unlink(missing_ok=True)
