"""Candidate generation over a whole list, then scoring of the best candidates.

Build: every matchable entity becomes a `Record`; each distinct token of its names, aliases and
weak aliases gets a posting list (numpy int32 name numbers; each name knows its entity) and is reachable from a query token
by its own text, its name-variant symbols (Muhammad -> Mohammed), its phonetic key, its consonant
skeleton (mhmd -> Mohammed) and its single-deletion keys (edit distance up to two: Scholze ->
Scholz). Query: expand each query token to the list's tokens it resembles (cached per token
text, so a batch pays once for "Mohammed"), add up rarity-weighted evidence per name with
numpy, keep each entity's best name, and score the best few entities with the full feature set
on their three best names at most: aligning every alias of a 40-alias entry is what made
screening slow. Recall comes from the expansion, precision from the scoring.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import struct
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from watchfloor import compiled
from watchfloor.compiled import struct_layout
from watchfloor.index.records import records_of_rows
from watchfloor.match import DEFAULT_THRESHOLD, MatchResult, compare_records, match_records
from watchfloor.match.record import Record, Row, add_cleaned, clean_identifier, record_of, row_of
from watchfloor.model.entities import MATCHABLE_SCHEMATA
from watchfloor.names import NameForm, Role, Token
from watchfloor.names.similarity import remembered_similarity
from watchfloor.names.text import ascii_token, clean_text, split_words

if TYPE_CHECKING:  # FtM's model costs half a second to load; a screening command needs none of it
    from followthemoney.statement import StatementEntity

_SKIP_ROLES = (Role.TITLE, Role.PARTICLE, Role.LEGAL)
_ID_SCHEMATA = ("Passport", "Identification")


def _deletes(text: str) -> list[str]:
    """Single-character deletions of a token (its keys in the edit-distance neighbourhood)."""
    if len(text) < 4:
        return []
    return [text[:i] + text[i + 1 :] for i in range(len(text))]


def _is_matchable(entity: StatementEntity) -> bool:
    schema = entity.schema
    if schema.name in MATCHABLE_SCHEMATA:
        return True
    return any(schema.is_a(name) for name in ("LegalEntity", "Vessel", "Airplane"))


_LONGEST = 65535  # a joined text's length as `Matcher.form_length` holds it (uint16)

_SCANNED = 48  # a posting list this long or shorter is read name by name, a longer one by length first

TIE_BREAK = 1e-10  # per name number; 1.2 million names move a sum by 1.2e-4 at most

POSTING_SPAN = struct.Struct("@qqd")
"""One posting list as the compiled ranking reads it: where its numbers start in
`Matcher.posting_ids`, their count and the evidence each is worth. Offsets, not addresses: the
ranking is handed the array itself and checks every span against it."""

if TYPE_CHECKING:  # mypy reads the stubs (_candidates.pyi, _score.pyi); at run time, the backend's
    from watchfloor.index import _candidates
    from watchfloor.match import _score
else:  # None: not built or refused; _score was loaded and configured by match.features
    _candidates = compiled.load(
        "watchfloor.index._candidates", struct_layout("span", POSTING_SPAN, ("start", "count", "weight"))
    )
    _score = compiled.load("watchfloor.match._score")

Evidence = tuple[list[np.ndarray], list[float], bytes]
"""What a query token reaches: posting lists, the evidence each is worth, and both packed as
`POSTING_SPAN`s for the compiled ranking."""


def posting_spans(bounds: list[tuple[int, int]], values: list[float]) -> bytes:
    """Posting lists (their `(start, end)` in `Matcher.posting_ids`) and their evidence values
    as packed `POSTING_SPAN`s."""
    return b"".join(
        [POSTING_SPAN.pack(start, end - start, value) for (start, end), value in zip(bounds, values, strict=True)]
    )


class Matcher:
    """Index over a set of list entities + scoring; build once, query many times."""

    EXPANSION_CACHE_LIMIT = 200_000
    SCORED_BEYOND_LIMIT = 3
    """Candidates scored beyond the results asked for: a name ranked a little lower by token
    evidence can still win on the full features (birth date, country, identifiers)."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.forms: list[NameForm] = []
        self.form_entity = np.zeros(0, dtype=np.int32)
        self.form_weak = b""  # per name number: 1 for a weak alias
        self.form_length = np.zeros(0, dtype=np.uint16)  # per name number: its joined text's length
        self.vocab: dict[str, Token] = {}
        self.posting_ids = np.zeros(0, dtype=np.int32)  # every posting list, one after another
        self.posting_bounds: dict[str, tuple[int, int]] = {}  # token text -> (start, end) in it
        self.by_symbol: dict[int, list[str]] = {}
        self.by_phonetic: dict[str, list[str]] = {}
        self.by_skeleton: dict[str, list[str]] = {}
        self.by_delete: dict[str, list[str]] = {}
        self.by_identifier: dict[str, list[int]] = {}
        self._expansions: dict[int, Evidence] = {}

    def __len__(self) -> int:
        return len(self.records)

    def posting(self, text: str) -> np.ndarray:
        """The name numbers holding the token `text`, in order (a view of `posting_ids`)."""
        start, end = self.posting_bounds[text]
        return self.posting_ids[start:end]

    def _lay_out_postings(self, postings: dict[str, array[int]]) -> None:
        """Every posting list in one array, each found by its bounds: one buffer to save and to
        hand the compiled ranking, which reads spans of it by offset."""
        bounds: dict[str, tuple[int, int]] = {}
        start = 0
        for text, ids in postings.items():
            bounds[text] = (start, start + len(ids))
            start += len(ids)
        flat = array("i")
        for ids in postings.values():
            flat.extend(ids)
        self.posting_ids = np.frombuffer(flat, dtype=np.int32)
        self.posting_bounds = bounds

    def knows_words(self, name: str, person: bool = False) -> bool:
        """Whether every word of a name is a word of some list name, as the index spells it. A
        caller that wants confident links only (the news linker) skips the other names without
        making their tokens: an unknown word would load rigour's tagger, which costs seconds.
        Outside a person's name, letters written apart (T&T, U S A) are joined into a new word
        by the acronym rule, so such a name is not known either."""
        parts = [part for word in split_words(clean_text(name)) for part in ascii_token(word)]
        if not person and any(len(part) == 1 and part.isalpha() for part in parts):
            return False
        return bool(parts) and all(part in self.vocab for part in parts)

    def __getstate__(self) -> dict[str, object]:
        """Saved without the expansion cache: its posting lists are views of `posting_ids`, which
        a pickle would copy one by one."""
        state = dict(self.__dict__)
        state["_expansions"] = {}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @classmethod
    def build(cls, entities: Iterable[StatementEntity], workers: int = 1) -> Matcher:
        """Index the matchable entities (people, organisations, vessels...); identity documents
        (Passport, Identification) lend their numbers to their holder; the rest is ignored.

        `workers` > 1 makes the records of a large list (past its first 20,000 entries) in
        `workers - 1` forked helpers and this process (`index.records`): the same index, built
        on several cores. Forking suits a command-line process; a server with threads should
        keep the default.

        The cyclic garbage collector is paused while building (the index makes millions of
        small acyclic objects, and each collection would walk all of them again), and the built
        index is then frozen out of later collections, which keeps query latency free of
        multi-millisecond collector pauses."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            self = cls._build(entities, workers)
        finally:
            if collecting:
                gc.enable()
        gc.freeze()
        return self

    @classmethod
    def _build(cls, entities: Iterable[StatementEntity], workers: int) -> Matcher:
        self = cls()
        postings: dict[str, array[int]] = defaultdict(lambda: array("i"))
        held: dict[str, list[str]] = defaultdict(list)
        form_entity = array("i")
        form_weak = array("b")
        form_length = array("H")
        vocab = self.vocab

        def rows() -> Iterator[Row]:
            for entity in entities:
                if entity.schema.name in _ID_SCHEMATA:
                    for holder in entity.get("holder", quiet=True):
                        held[holder].extend(entity.get("number", quiet=True))
                elif _is_matchable(entity):
                    yield row_of(entity)

        for record in records_of_rows(rows(), workers):
            if not record.names and not record.weak_names:
                continue
            number = len(self.records)
            self.records.append(record)
            for weak, forms in ((0, record.names), (1, record.weak_names)):
                for form in forms:
                    form_number = len(self.forms)
                    self.forms.append(form)
                    form_entity.append(number)
                    form_weak.append(weak)
                    form_length.append(min(len(form.joined), _LONGEST))
                    for text in {t.text for t in form.tokens}:
                        postings[text].append(form_number)
                    for token in form.tokens:
                        if token.text not in vocab:
                            vocab[token.text] = token
            for ident in record.identifiers:
                self.by_identifier.setdefault(ident, []).append(number)
        if held:
            self._attach_identifiers(held)
        self.form_entity = np.frombuffer(form_entity, dtype=np.int32)
        self.form_weak = form_weak.tobytes()
        self.form_length = np.frombuffer(form_length, dtype=np.uint16)
        self._lay_out_postings(postings)
        self._index_vocabulary()
        return self

    def _attach_identifiers(self, held: dict[str, list[str]]) -> None:
        numbers = {record.entity_id: n for n, record in enumerate(self.records)}
        for holder, values in held.items():
            n = numbers.get(holder)
            if n is None:
                continue
            idents: set[str] = set()
            add_cleaned(idents, values, clean_identifier)
            record = self.records[n]
            record.identifiers = record.identifiers | idents
            for ident in idents:
                self.by_identifier.setdefault(ident, []).append(n)

    def _index_vocabulary(self) -> None:
        symbol: dict[int, list[str]] = defaultdict(list)
        phonetic: dict[str, list[str]] = defaultdict(list)
        skeleton: dict[str, list[str]] = defaultdict(list)
        deletes: dict[str, list[str]] = defaultdict(list)
        for text, token in self.vocab.items():
            if token.role in _SKIP_ROLES or token.role == Role.NUMBER:
                continue
            for sym in token.symbols:
                symbol[sym].append(text)
            if len(token.phonetic) > 1:
                phonetic[token.phonetic].append(text)
            if len(token.skeleton) > 2:
                skeleton[token.skeleton].append(text)
            for key in _deletes(text):
                deletes[key].append(text)
        self.by_symbol = dict(symbol)
        self.by_phonetic = dict(phonetic)
        self.by_skeleton = dict(skeleton)
        self.by_delete = dict(deletes)

    def _expand(self, token: Token) -> set[str]:
        """The list's tokens that a query token may stand for."""
        found: set[str] = set()
        if token.text in self.vocab:
            found.add(token.text)
        if token.role in (Role.NUMBER, Role.INITIAL):
            return found
        for sym in token.symbols:
            found.update(self.by_symbol.get(sym, ()))
        found.update(self.by_phonetic.get(token.phonetic, ()))
        if token.abjad:
            found.update(self.by_skeleton.get(token.skeleton, ()))
        found.update(self.by_delete.get(token.text, ()))
        for key in _deletes(token.text):
            if key in self.vocab:
                found.add(key)
            found.update(self.by_delete.get(key, ()))
        return found

    def _evidence(self, token: Token) -> Evidence:
        """Posting lists a query token reaches and the evidence each is worth (similarity x
        rarity x the token's weight), cached per token across queries."""
        key = token.serial
        found = self._expansions.get(key)
        if found is not None:
            return found
        total = max(len(self.forms), 1)
        arrays: list[np.ndarray] = []
        bounds: list[tuple[int, int]] = []
        values: list[float] = []
        similarity = remembered_similarity()
        for text in sorted(self._expand(token)):  # sorted: results must not depend on hash seeds
            sim = similarity(token, self.vocab[text])
            if sim <= 0.0:
                continue
            start, end = self.posting_bounds[text]
            arrays.append(self.posting_ids[start:end])
            bounds.append((start, end))
            # the query token's own weight folded in once here rather than on every query
            values.append(sim * math.log(1.0 + total / (end - start)) * token.weight)
        found = (arrays, values, posting_spans(bounds, values))
        if len(self._expansions) >= self.EXPANSION_CACHE_LIMIT:
            self._expansions.clear()
        self._expansions[key] = found
        return found

    def candidates(self, query: Record, size: int) -> list[tuple[int, list[int]]]:
        """The `size` best entities by rarity-weighted token evidence, each with its (up to
        three) best-supported name numbers."""
        evidence: list[Evidence] = []
        remembered = self._expansions.get
        for form in query.names:
            tokens = [t for t in form.tokens if t.role not in _SKIP_ROLES] or form.tokens
            for token in tokens:
                found = remembered(token.serial) or self._evidence(token)
                if found[0]:
                    evidence.append(found)
        forced: list[int] = []
        for ident in query.identifiers:
            forced.extend(self.by_identifier.get(ident, ()))
        if not evidence and not forced:
            return []
        picked = self._rank(evidence, 8 * size + 32, size) if evidence else []
        exact = self._exact_names(query, size) if evidence else []
        if not forced and not exact:
            return picked
        present = {e: names for e, names in picked}
        for entity, number in exact:
            names = present.get(entity)
            if names is None:  # scored on its exact name
                picked.append((entity, [number]))
                present[entity] = picked[-1][1]
            elif names and number not in names:  # ranked on other names: this one too
                names.append(number)
        for entity in forced:
            if entity not in present:
                picked.insert(0, (entity, []))
                present[entity] = []
        return picked

    def _exact_names(self, query: Record, size: int) -> list[tuple[int, int]]:
        """The list names written exactly as a name of the query (the same words once
        normalised, titles and legal forms aside), as (entity, name number), `size` at most.

        Token evidence ranks a name by the rarity of the list words a query word reaches, so
        a rare variant ("ISIS-K" as one word) or a longer name holding the query's words can
        outrank the entry whose alias is the query itself ("ISIS"); an exact name is as sure a
        candidate as an identifier, so it is never left to the ranking. Found in the shortest
        posting list of the query's words, among the names of the same joined length."""
        found: list[tuple[int, int]] = []
        bounds = self.posting_bounds
        forms = self.forms
        for form in query.names:
            joined = form.joined
            words = [t for t in form.tokens if t.role not in _SKIP_ROLES] or form.tokens  # as `joined` has them
            shortest: tuple[int, int] | None = None
            for token in words:
                span = bounds.get(token.text)
                if span is None:
                    break  # a word no list name has: no list name is written as this one
                if shortest is None or span[1] - span[0] < shortest[1] - shortest[0]:
                    shortest = span
            else:
                if shortest is None:
                    continue
                names = self.posting_ids[shortest[0] : shortest[1]]
                if len(names) > _SCANNED:
                    names = names[self.form_length[names] == min(len(joined), _LONGEST)]
                for number in names.tolist():
                    if forms[number].joined == joined:
                        found.append((int(self.form_entity[number]), number))
                        if len(found) >= size:
                            return found
        return found

    def _rank(self, evidence: list[Evidence], keep: int, size: int) -> list[tuple[int, list[int]]]:
        """The `size` best entities, each with its up to three best-supported name numbers, from
        the `keep` names with the highest summed evidence; compiled when `index._candidates`
        is built."""
        if compiled.ACTIVE and _candidates is not None:
            return _candidates.rank(
                [spans for _, _, spans in evidence], self.posting_ids, self.form_entity, keep, size, TIE_BREAK
            )
        chunks = [ids for arrays, _, _ in evidence for ids in arrays]
        weights = [value for _, values, _ in evidence for value in values]
        return self.reference_rank(chunks, weights, keep, size)

    def reference_rank(
        self, chunks: list[np.ndarray], weights: list[float], keep: int, size: int
    ) -> list[tuple[int, list[int]]]:
        """`_rank` in numpy and Python: the definition the compiled ranking is tested against."""
        ids = np.concatenate(chunks)
        spread = np.repeat(np.asarray(weights, dtype=np.float64), [len(chunk) for chunk in chunks])
        forms, slots = np.unique(ids, return_inverse=True)
        sums = np.zeros(len(forms), dtype=np.float64)
        np.add.at(sums, slots, spread)  # in posting order, as the compiled loop adds
        # Equal evidence is common (many names share the query's tokens). A nudge far below
        # any real difference makes lower name numbers win ties, so a list's primary names
        # (numbered before its aliases, and earlier entries before later ones) survive the
        # cut, the same way in every process.
        values = sums - forms * TIE_BREAK
        if len(forms) > keep:
            top = np.argpartition(-values, keep - 1)[:keep]
            forms, values = forms[top], values[top]
        order = np.lexsort((forms, -values))
        forms, sums = forms[order], values[order]
        names_of: dict[int, list[int]] = {}
        top_sum: dict[int, float] = {}
        for position, entity in enumerate(self.form_entity[forms].tolist()):
            names = names_of.get(entity)
            score = float(sums[position])
            if names is None:
                if len(names_of) < size:
                    names_of[entity] = [int(forms[position])]
                    top_sum[entity] = score
            elif len(names) < 3 and score >= 0.5 * top_sum[entity]:
                names.append(int(forms[position]))
            elif len(names_of) >= size and position > 4 * size:
                break
        return list(names_of.items())

    def _view(self, entity: int, names: list[int]) -> Record:
        """The entity's record restricted to the names worth aligning."""
        record = self.records[entity]
        if not names or len(names) == len(record.names) + len(record.weak_names):
            return record  # nothing left out (most entries have three names or fewer)
        weak_flags = self.form_weak
        forms = self.forms
        strong = tuple([forms[n] for n in names if not weak_flags[n]])
        weak = tuple([forms[n] for n in names if weak_flags[n]])
        return Record(
            record.entity_id,
            record.caption,
            record.schema,
            record.kind,
            strong,
            weak,
            record.birth_dates,
            record.countries,
            record.identifiers,
            record.gender,
        )

    def match_record(
        self, query: Record, limit: int = 10, threshold: float | None = None, matches_only: bool = False
    ) -> list[MatchResult]:
        """Score the best candidates of a prepared query; best first. `matches_only` returns
        what the full list would hold at or above the threshold, without scoring the
        qualifiers of candidates whose names already rule them out."""
        cut = DEFAULT_THRESHOLD if threshold is None else threshold
        picked = self.candidates(query, limit + self.SCORED_BEYOND_LIMIT)
        if compiled.ACTIVE and _score is not None:
            # the same results as below, the loop and the default algorithm compiled
            results = _score.score_candidates(
                query,
                picked,
                self.records,
                self.forms,
                self.form_weak,
                cut,
                matches_only,
                MatchResult,
                self._view,
            )
        else:
            score: Callable[[Record, Record, float], MatchResult | None]
            score = match_records if matches_only else compare_records
            found = [score(query, self._view(e, names), cut) for e, names in picked]
            results = [r for r in found if r is not None]
        results.sort(key=lambda r: (-r.score, r.entity_id))
        return results[:limit]

    def scored_candidates(self, query: Record, limit: int = 10) -> list[str]:
        """The entity IDs `match_record(query, limit)` scores with the full feature set, each
        one decision: what a side-by-side benchmark hands another scorer to decide."""
        picked = self.candidates(query, limit + self.SCORED_BEYOND_LIMIT)
        return [self.records[entity].entity_id for entity, _ in picked]

    def match(
        self, query: StatementEntity, limit: int = 10, threshold: float | None = None
    ) -> list[MatchResult]:
        """Best candidates for a query entity, best first, including those below threshold."""
        return self.match_record(record_of(query), limit, threshold)

    def match_many(
        self,
        queries: Iterable[StatementEntity],
        limit: int = 10,
        threshold: float | None = None,
        workers: int = 1,
    ) -> Iterator[list[MatchResult]]:
        """Results for many queries, in order. One process shares every cache across queries;
        `workers > 1` forks that many processes (POSIX only) which share the built index
        copy-on-write, for batch screening on several cores."""
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for query in queries:
                yield self.match_record(record_of(query), limit, threshold)
            return
        global _FORKED
        pending = list(queries)
        _FORKED = (self, pending, limit, threshold)
        context = multiprocessing.get_context("fork")
        # the workers inherit the index and the queries; only numbers go out, and results come
        # back with their evidence as index numbers, its sentences written here when read
        with context.Pool(workers) as pool:
            rows = pool.imap(_match_in_worker, range(len(pending)), chunksize=128)
            for position, found in enumerate(rows):
                deferred = None
                if compiled.ACTIVE and _score is not None:
                    deferred = _score.Deferred(record_of, pending[position])
                yield [row if isinstance(row, MatchResult) else self._arrived(row, deferred) for row in found]
        _FORKED = None

    def _arrived(self, row: PortableResult, query: object) -> MatchResult:
        """A worker's result, its evidence to be written from this process's index."""
        entity_id, caption, schema, score, match, scores, entity, names = row
        evidence = _score.evidence_of(scores, query, self._view, entity, names)
        return MatchResult(entity_id, caption, schema, score, match, scores, evidence)


_FORKED: tuple[Matcher, list[StatementEntity], int, float | None] | None = None
"""What a forked batch worker inherits from its parent: matcher, queries, limit, threshold."""


PortableResult = tuple[str, str, str, float, bool, dict[str, float], int, list[int]]
"""A result as a batch worker sends it: its fields, its feature scores and the index entry (entity
number, name numbers aligned) its explanation is written from. Writing every explanation to
send it as text cost twice the matching itself; a flat tuple, because a `MatchResult` (a slots
dataclass) pickles 3.6x slower, 14 against 4 µs for a query's ten results."""


def _match_in_worker(position: int) -> list[MatchResult | PortableResult]:
    assert _FORKED is not None
    matcher, queries, limit, threshold = _FORKED
    results = matcher.match_record(record_of(queries[position]), limit, threshold)
    return [_portable(result) for result in results]


def _portable(result: MatchResult) -> MatchResult | PortableResult:
    """The result as numbers, while its evidence is unwritten; else the result (whose evidence
    then pickles as written text)."""
    portable = getattr(result.evidence, "portable", None)
    found = portable() if portable is not None else None
    if found is None:
        return result
    scores, entity, names = found
    return (
        result.entity_id,
        result.caption,
        result.schema,
        result.score,
        result.match,
        scores,
        entity,
        names,
    )
