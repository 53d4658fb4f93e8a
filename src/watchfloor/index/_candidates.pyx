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
from libcpp.algorithm cimport nth_element, sort
from libcpp.pair cimport pair
from libcpp.vector cimport vector

cdef extern from *:
    void prefetch "__builtin_prefetch" (const void*) noexcept nogil

ctypedef pair[double, int32_t] Ranked  # (minus the evidence, name number): ascending is best first


cdef struct Span:
    # one posting list as index.matcher.POSTING_SPAN packs it: address, length, evidence value
    const int32_t* ids
    int64_t count
    double weight


SPAN_SIZE = sizeof(Span)


def rank(list spans, object form_entity, Py_ssize_t keep, Py_ssize_t size, double tie_break):
    """The `size` best entities as [(entity, [name numbers])], best first, each with up to three
    names scoring at least half its best one, from the `keep` best names. `spans` holds one
    bytes object per query token: the `Span`s of the posting lists it reaches, into arrays the
    index keeps alive; `form_entity` is the index's int32 array of each name's entity, read
    through the buffer protocol (a typed memoryview of it cost 1.5 µs a call to make).

    Two things here are about memory, not arithmetic: a query's evidence is read as a few
    packed arrays (not two dozen memoryviews and floats, each its own object to fetch), and
    the sums live in an open-addressing table sized to the query's postings, made per call (a
    few kilobytes on OFAC + UN) rather than in a per-thread array as long as the name table,
    whose scattered entries were cold whenever a query came (and 9.6 MB a thread at a million
    entities)."""
    cdef vector[int32_t] keys
    cdef double* sums = NULL  # written before read: not cleared (at a million entities a
    # query's table is hundreds of kilobytes)
    cdef vector[uint32_t] touched
    cdef vector[Ranked] ranked
    cdef const Span* span
    cdef const int32_t* ids
    cdef Py_ssize_t k, s, p, n, total = 0, count = 0
    cdef uint32_t mask, slot, capacity = 16
    cdef int32_t form
    cdef double weight
    cdef bytes packed
    for packed in spans:
        span = <const Span*>PyBytes_AS_STRING(packed)
        for s in range(PyBytes_GET_SIZE(packed) // <Py_ssize_t>sizeof(Span)):
            total += span[s].count
            prefetch(span[s].ids)  # the lists lie apart: their heads are fetched together
    while capacity < 2 * total:
        capacity <<= 1
    mask = capacity - 1
    keys.assign(capacity, -1)
    sums = <double*>malloc(capacity * sizeof(double))
    if sums == NULL:
        raise MemoryError()
    try:
        touched.reserve(total)
        for packed in spans:
            span = <const Span*>PyBytes_AS_STRING(packed)
            for s in range(PyBytes_GET_SIZE(packed) // <Py_ssize_t>sizeof(Span)):
                weight = span[s].weight
                ids = span[s].ids
                n = span[s].count
                for p in range(n):
                    form = ids[p]
                    slot = (<uint32_t>form * 2654435761u) & mask
                    while keys[slot] != form and keys[slot] != -1:
                        slot = (slot + 1) & mask
                    if keys[slot] == -1:
                        keys[slot] = form
                        sums[slot] = weight
                        touched.push_back(slot)
                    else:
                        sums[slot] += weight  # in posting order, as the reference adds
        count = touched.size()
        ranked.resize(count)
        for p in range(count):
            slot = touched[p]
            form = keys[slot]
            # a nudge far below any real difference: lower name numbers (a list's primary names,
            # earlier entries) win ties, the same way in every process. Written field by field:
            # a pair built on the stack and copied in stalls on its 16-byte reload.
            ranked[p].first = -(sums[slot] - form * tie_break)
            ranked[p].second = form
    finally:
        free(sums)
    if count > keep:
        # the best `keep` in linear time, then only those sorted (common tokens touch thousands)
        nth_element(ranked.begin(), ranked.begin() + keep, ranked.end())
        sort(ranked.begin(), ranked.begin() + keep)
        count = keep
    else:
        sort(ranked.begin(), ranked.end())
    cdef Py_buffer owners
    PyObject_GetBuffer(form_entity, &owners, PyBUF_SIMPLE)
    try:
        return _pick(ranked, count, <const int32_t*>owners.buf, size)
    finally:
        PyBuffer_Release(&owners)


cdef list _pick(vector[Ranked]& ranked, Py_ssize_t count, const int32_t* form_entity, Py_ssize_t size):
    cdef vector[int32_t] entities
    cdef vector[double] top
    cdef vector[int] held
    cdef list names = []
    cdef Py_ssize_t position, e, slot
    cdef int32_t entity
    cdef double score
    for position in range(count):
        entity = form_entity[ranked[position].second]
        score = -ranked[position].first
        slot = -1
        for e in range(<Py_ssize_t>entities.size()):
            if entities[e] == entity:
                slot = e
                break
        if slot < 0:
            if <Py_ssize_t>entities.size() < size:
                entities.push_back(entity)
                top.push_back(score)
                held.push_back(1)
                names.append([ranked[position].second])
        elif held[slot] < 3 and score >= 0.5 * top[slot]:
            held[slot] += 1
            names[slot].append(ranked[position].second)
        elif <Py_ssize_t>entities.size() >= size and position > 4 * size:
            break
    return [(entities[e], names[e]) for e in range(<Py_ssize_t>entities.size())]
