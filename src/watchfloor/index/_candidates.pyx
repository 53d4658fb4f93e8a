# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""Candidate ranking, compiled: sum each name's evidence over the posting lists a query
reaches, rank the names, keep the best entities with their best-supported names.

`index.matcher.Matcher.reference_rank` is the same in numpy and Python; a query reaches about
25 posting lists, and the ten numpy calls around them (each a few microseconds on arrays of a
few hundred numbers) cost more than the additions. Here it is one pass over the postings, a
selection of the best names touched and a short loop over the best of them.
"""

from cpython.buffer cimport PyBUF_SIMPLE, PyBuffer_Release, PyObject_GetBuffer
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from libc.stdint cimport int32_t, int64_t, uint32_t
from libc.stdlib cimport free, malloc
from libc.string cimport memset
from libcpp.algorithm cimport nth_element, sort
from libcpp.pair cimport pair

cdef extern from *:
    void prefetch "__builtin_prefetch" (const void*) noexcept nogil

ctypedef pair[double, int32_t] Ranked  # (minus the evidence, name number): ascending is best first

cdef enum:
    STACK_SLOTS = 2048  # a table this size or smaller lives on the stack (most queries' do)
    STACK_NAMES = 1024  # the names it can hold: half full at most
    STACK_PICK = 64


cdef struct Span:
    # one posting list as index.matcher.POSTING_SPAN packs it: offset into the posting array,
    # length, evidence value
    int64_t start
    int64_t count
    double weight


cdef Span _span_probe

LAYOUT = {
    # what `watchfloor.compiled.load` compares with `index.matcher.POSTING_SPAN` before this
    # module is used: the packed spans are read at these offsets
    "span": sizeof(Span),
    "span.start": <char*>&_span_probe.start - <char*>&_span_probe,
    "span.count": <char*>&_span_probe.count - <char*>&_span_probe,
    "span.weight": <char*>&_span_probe.weight - <char*>&_span_probe,
}


def rank(
    list spans, object posting_ids, object form_entity, Py_ssize_t keep, Py_ssize_t size, double tie_break
):
    """The `size` best entities as [(entity, [name numbers])], best first, each with up to three
    names scoring at least half its best one, from the `keep` best names. `spans` holds one
    bytes object per query token: the `Span`s of the posting lists it reaches, as offsets into
    `posting_ids` (the index's int32 array of every posting list), each checked against its
    length; `form_entity` is the index's int32 array of each name's entity. Both are read
    through the buffer protocol (a typed memoryview of one cost 1.5 µs a call to make).

    Three things here are about memory, not arithmetic: a query's evidence is read as a few
    packed arrays (not two dozen memoryviews and floats, each its own object to fetch); the
    sums live in an open-addressing table sized to the query's postings, made per call (on the
    stack for most queries) rather than in a per-thread array as long as the name table, whose
    scattered entries were cold whenever a query came (and 9.6 MB a thread at a million
    entities), where four vectors and their allocations a call were a tenth of its time."""
    cdef const Span* span
    cdef Py_ssize_t s, total = 0
    cdef bytes packed
    cdef Py_buffer postings
    cdef const int32_t* base
    cdef int64_t length
    PyObject_GetBuffer(posting_ids, &postings, PyBUF_SIMPLE)
    try:
        base = <const int32_t*>postings.buf
        length = postings.len // <Py_ssize_t>sizeof(int32_t)
        for packed in spans:
            span = <const Span*>PyBytes_AS_STRING(packed)
            for s in range(PyBytes_GET_SIZE(packed) // <Py_ssize_t>sizeof(Span)):
                if span[s].start < 0 or span[s].count < 0 or span[s].start + span[s].count > length:
                    raise ValueError("a posting span lies outside the posting array")
                total += span[s].count
                prefetch(base + span[s].start)  # the lists lie apart: their heads are fetched together
        return _rank(spans, base, form_entity, total, keep, size, tie_break)
    finally:
        PyBuffer_Release(&postings)


cdef list _rank(
    list spans, const int32_t* base, object form_entity, Py_ssize_t total, Py_ssize_t keep,
    Py_ssize_t size, double tie_break
):
    cdef int32_t stack_keys[STACK_SLOTS]
    cdef double stack_sums[STACK_SLOTS]
    cdef Ranked stack_ranked[STACK_NAMES]
    cdef int32_t* keys = stack_keys
    cdef double* sums = stack_sums
    cdef Ranked* ranked = stack_ranked
    cdef const Span* span
    cdef const int32_t* ids
    cdef Py_ssize_t s, p, n, count = 0
    cdef uint32_t mask, slot, capacity = 16
    cdef int32_t form
    cdef double weight
    cdef bytes packed
    cdef Py_buffer owners
    while capacity < 2 * total:
        capacity <<= 1
    mask = capacity - 1
    if capacity > STACK_SLOTS:
        # at a million entities a common token's table is hundreds of kilobytes
        keys = <int32_t*>malloc(capacity * sizeof(int32_t))
        sums = <double*>malloc(capacity * sizeof(double))
        ranked = <Ranked*>malloc((capacity // 2) * sizeof(Ranked))
        if keys == NULL or sums == NULL or ranked == NULL:
            free(keys)
            free(sums)
            free(ranked)
            raise MemoryError()
    try:
        memset(keys, 0xFF, capacity * sizeof(int32_t))  # every key -1: empty (sums are
        # written before read, so not cleared)
        for packed in spans:
            span = <const Span*>PyBytes_AS_STRING(packed)
            for s in range(PyBytes_GET_SIZE(packed) // <Py_ssize_t>sizeof(Span)):
                weight = span[s].weight
                ids = base + span[s].start
                n = span[s].count
                for p in range(n):
                    form = ids[p]
                    slot = (<uint32_t>form * 2654435761u) & mask
                    while keys[slot] != form and keys[slot] != -1:
                        slot = (slot + 1) & mask
                    if keys[slot] == -1:
                        keys[slot] = form
                        sums[slot] = weight
                        # the name's place in `ranked`, kept where its sum is until the end
                        ranked[count].second = <int32_t>slot
                        count += 1
                    else:
                        sums[slot] += weight  # in posting order, as the reference adds
        for p in range(count):
            slot = <uint32_t>ranked[p].second
            form = keys[slot]
            # a nudge far below any real difference: lower name numbers (a list's primary names,
            # earlier entries) win ties, the same way in every process. Written field by field:
            # a pair built on the stack and copied in stalls on its 16-byte reload.
            ranked[p].first = -(sums[slot] - form * tie_break)
            ranked[p].second = form
        if count > keep:
            # the best `keep` in linear time, then only those sorted (common tokens touch
            # thousands). The pick reads most of them (68 of 80 on OFAC + UN): a heap popped
            # as far as it reads was slower than this sort.
            nth_element(ranked, ranked + keep, ranked + count)
            count = keep
        sort(ranked, ranked + count)
        PyObject_GetBuffer(form_entity, &owners, PyBUF_SIMPLE)
        try:
            return _pick(ranked, count, <const int32_t*>owners.buf, size)
        finally:
            PyBuffer_Release(&owners)
    finally:
        if keys != stack_keys:
            free(keys)
            free(sums)
            free(ranked)


cdef struct Opened:
    # an entity the pick has opened: its best name's evidence, its number, its names so far
    double top
    int32_t entity
    int32_t held


cdef list _pick(const Ranked* ranked, Py_ssize_t count, const int32_t* form_entity, Py_ssize_t size):
    """Walk the names best first, as far as needed: a name opens its entity's entry
    while fewer than `size` are open, or joins its entity's (three names at most, each at least
    half the best); the walk ends at a name that does neither once `size` are open and more
    than `4 * size` names were read."""
    cdef Opened on_stack[STACK_PICK]
    cdef Opened* opened = on_stack
    cdef list names = []
    cdef Py_ssize_t position, e, slot, n = 0
    cdef int32_t entity, form
    cdef double score
    if size > STACK_PICK:
        opened = <Opened*>malloc(size * sizeof(Opened))
        if opened == NULL:
            raise MemoryError()
    try:
        for position in range(count):
            form = ranked[position].second
            score = -ranked[position].first
            entity = form_entity[form]
            slot = -1
            for e in range(n):
                if opened[e].entity == entity:
                    slot = e
                    break
            if slot < 0:
                if n < size:
                    opened[n].entity, opened[n].top, opened[n].held = entity, score, 1
                    n += 1
                    names.append([form])
            elif opened[slot].held < 3 and score >= 0.5 * opened[slot].top:
                opened[slot].held += 1
                (<list>names[slot]).append(form)
            elif n >= size and position > 4 * size:
                break
        return [(opened[e].entity, names[e]) for e in range(n)]
    finally:
        if opened != on_stack:
            free(opened)
