"""The records of a large list, made in helper processes while this one indexes them.

Turning an entity into a `Record` (names cleaned, transliterated, tagged) is most of the work
of building an index, and each entity's record depends on that entity alone. Past the first
`SEQUENTIAL_START` rows (so a small list never forks), chunks of rows go to forked helpers,
which send their records back as plain tuples, each name token as the arguments of
`make_token` (once per helper): this process then interns the very tokens a sequential build
would. Records come back in input order, so entity numbers, name numbers and every result are
those of the sequential build. When every helper is busy, this process makes the chunk's
records itself, so the work balances whether rows come slowly (entities still being read)
or all at once.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection

from watchfloor.match.record import Record, Row, record_from_properties, shared_set
from watchfloor.names import NameForm, Token, kind_of, make_token, name_form, name_forms
from watchfloor.names.tokens import TokenArguments

SEQUENTIAL_START = 20_000
"""Rows made in this process before any helper starts: forking costs more than a small list."""
CHUNK = 1000
"""Rows per message: large enough that pickling overhead is small, small enough to balance."""

EncodedForm = tuple[str, tuple[int, ...], str, int, bool, str, str, str, str]
EncodedRecord = tuple[
    tuple[EncodedForm, ...],
    tuple[EncodedForm, ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[str, ...],
    str | None,
]


class BuildError(RuntimeError):
    """A helper process failed or vanished while making records."""


def records_of_rows(rows: Iterable[Row], workers: int = 1) -> Iterator[Record]:
    """The record of each row, in order; with `workers` > 1 (and fork available) made by
    `workers - 1` helper processes and this one."""
    iterator = iter(rows)
    alone = workers <= 1 or "fork" not in multiprocessing.get_all_start_methods()
    for row in itertools.islice(iterator, None if alone else SEQUENTIAL_START):
        yield record_from_properties(*row)
    first = None if alone else next(iterator, None)
    if first is None:
        return
    helpers = [_Helper() for _ in range(workers - 1)]
    try:
        yield from _pooled(itertools.chain([first], iterator), helpers)
    finally:
        for helper in helpers:
            helper.close()


class _Chunk:
    """One chunk on its way: the rows' identities, and their records once made."""

    __slots__ = ("helper", "meta", "records")

    def __init__(
        self, helper: _Helper | None, meta: list[tuple[str, str, str]], records: list[Record] | None
    ) -> None:
        self.helper = helper
        self.meta = meta
        self.records = records

    def wait(self) -> list[Record]:
        """The chunk's records, waiting for its helper when they are still being made."""
        if self.records is None:
            assert self.helper is not None  # a chunk made here has its records from the start
            self.records = self.helper.receive(self.meta)
        return self.records


def _pooled(rows: Iterator[Row], helpers: list[_Helper]) -> Iterator[Record]:
    """Each chunk to an idle helper, or made here when none is; records yielded in order. A
    helper holds one chunk at a time, so neither side ever waits on a full pipe."""
    pending: deque[_Chunk] = deque()
    while chunk := list(itertools.islice(rows, CHUNK)):
        for entry in pending:  # take in what the helpers have finished, without waiting
            if entry.records is None and entry.helper is not None and entry.helper.ready():
                entry.records = entry.helper.receive(entry.meta)
        while pending and (done := pending[0].records) is not None:
            pending.popleft()
            yield from done
        meta = [(entity_id, caption, schema) for entity_id, caption, schema, _ in chunk]
        idle = next((helper for helper in helpers if not helper.busy), None)
        if idle is not None:
            idle.send([(schema, props) for _, _, schema, props in chunk])
            pending.append(_Chunk(idle, meta, None))
        else:
            pending.append(_Chunk(None, meta, [record_from_properties(*row) for row in chunk]))
    for entry in pending:
        yield from entry.wait()


class _Helper:
    """A forked process making records, one chunk at a time, and its token table."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        here, there = context.Pipe()
        self.process = context.Process(target=_serve, args=(there, here), daemon=True)
        self.process.start()
        there.close()
        self.connection = here
        self.tokens: list[Token] = []  # the helper's token numbers, as tokens of this process
        # one object for each distinct birth-date tuple and country set: a list repeats a few
        # thousand of them across its million entries, and each arrives as a new copy
        self.dates: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.countries: dict[tuple[str, ...], frozenset[str]] = {}
        self.busy = False

    def send(self, chunk: list[tuple[str, dict[str, list[str]]]]) -> None:
        self.connection.send(chunk)
        self.busy = True

    def ready(self) -> bool:
        return self.busy and self.connection.poll()

    def receive(self, meta: list[tuple[str, str, str]]) -> list[Record]:
        try:
            message = self.connection.recv()
        except (EOFError, OSError) as error:
            raise BuildError(f"an index build helper exited (code {self.process.exitcode})") from error
        self.busy = False
        if message[0] == "error":
            raise BuildError(f"an index build helper failed: {message[1]}")
        _, new_tokens, encoded = message
        self.tokens.extend([make_token(*arguments) for arguments in new_tokens])
        return [self._decode(row, found) for row, found in zip(meta, encoded, strict=True)]

    def _decode(self, meta: tuple[str, str, str], found: EncodedRecord) -> Record:
        entity_id, caption, schema = meta
        names, weak, dates, countries, identifiers, gender = found
        country_set = self.countries.get(countries)
        if country_set is None:
            country_set = self.countries[countries] = shared_set(countries)
        return Record(
            entity_id,
            caption,
            schema,
            kind_of(schema),
            _decode_forms(self.tokens, names),
            _decode_forms(self.tokens, weak),
            self.dates.setdefault(dates, dates),
            country_set,
            shared_set(identifiers),
            gender,
        )

    def close(self) -> None:
        """Stop the helper: told to when idle, terminated when still making a chunk nobody
        will read (the build stopped early or failed)."""
        if not self.busy:
            with contextlib.suppress(OSError):  # a helper already gone needs no telling
                self.connection.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.connection.close()


def _serve(connection: Connection, parent_end: Connection) -> None:
    """A helper's life: records of each chunk received until told to stop; it ends quietly
    when the building process is gone or interrupted (that process reports what happened)."""
    parent_end.close()
    with contextlib.suppress(EOFError, BrokenPipeError, KeyboardInterrupt):
        _serve_chunks(connection)
    connection.close()


def _serve_chunks(connection: Connection) -> None:
    numbers: dict[int, int] = {}  # token serial -> the number this helper sent it under
    while (chunk := connection.recv()) is not None:
        new_tokens: list[TokenArguments] = []
        try:
            encoded = [
                _encode(record_from_properties("", "", schema, props), numbers, new_tokens)
                for schema, props in chunk
            ]
        except Exception as error:  # any failure ends the build with its message, not a hang
            connection.send(("error", f"{type(error).__name__}: {error}"))
            return
        connection.send(("ok", new_tokens, encoded))
        # the records go to the building process, which keeps its own forms: remembered
        # names would only fill this one (by a third of a gigabyte over a million names)
        name_form.cache_clear()
        name_forms.cache_clear()


def _encode(record: Record, numbers: dict[int, int], new_tokens: list[TokenArguments]) -> EncodedRecord:
    return (
        tuple([_encode_form(form, numbers, new_tokens) for form in record.names]),
        tuple([_encode_form(form, numbers, new_tokens) for form in record.weak_names]),
        record.birth_dates,
        tuple(sorted(record.countries)),
        tuple(record.identifiers),
        record.gender,
    )


def _encode_form(form: NameForm, numbers: dict[int, int], new_tokens: list[TokenArguments]) -> EncodedForm:
    refs = []
    for token in form.tokens:
        number = numbers.get(token.serial)
        if number is None:
            number = numbers[token.serial] = len(numbers)
            new_tokens.append(token.arguments)
        refs.append(number)
    return (
        form.original,
        tuple(refs),
        form.joined,
        form.core_count,
        form.has_bin,
        form.comparable,
        form.cjk_scripts,
        form.cjk,
        form.spelled,
    )


def _decode_forms(tokens: list[Token], encoded: tuple[EncodedForm, ...]) -> tuple[NameForm, ...]:
    if not encoded:
        return ()
    return tuple(
        [
            NameForm(
                original,
                tuple([tokens[n] for n in refs]),
                joined,
                count,
                has_bin,
                comparable,
                scripts,
                cjk,
                spelled,
            )
            for original, refs, joined, count, has_bin, comparable, scripts, cjk, spelled in encoded
        ]
    )
