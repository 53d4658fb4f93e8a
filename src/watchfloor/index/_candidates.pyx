# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""Candidate ranking, compiled: sum each name's evidence over the posting lists a query
reaches, rank the names, keep the best entities with their best-supported names.

`index.matcher.Matcher.reference_rank` is the same in numpy and Python; a query reaches about
25 posting lists, and the ten numpy calls around them (each a few microseconds on arrays of a
few hundred numbers) cost more than the additions. Here it is one pass over the postings, a
selection of the best names touched and a short loop over the best of them.
"""

from cpython.buffer cimport PyBUF_SIMPLE, PyBuffer_Release, PyObject_GetBuffer
from libc.stdint cimport int32_t
from libcpp.algorithm cimport nth_element, sort
from libcpp.pair cimport pair
from libcpp.vector cimport vector

ctypedef pair[double, int32_t] Ranked  # (minus the evidence, name number): ascending is best first


def rank(list chunks, list weights, double[::1] acc, const int32_t[::1] form_entity,
         Py_ssize_t keep, Py_ssize_t size, double tie_break):
    """The `size` best entities as [(entity, [name numbers])], best first, each with up to three
    names scoring at least half its best one, from the `keep` best names. `acc` is a zeroed
    per-thread accumulator as long as the name table; it is left zeroed."""
    cdef vector[int32_t] touched
    cdef vector[Ranked] ranked
    cdef Py_buffer view
    cdef const int32_t* ids
    cdef Py_ssize_t k, p, n, count
    cdef int32_t form
    cdef double weight
    touched.reserve(4096)  # most queries touch fewer names: no regrowth while adding
    for k in range(len(chunks)):
        weight = weights[k]
        PyObject_GetBuffer(chunks[k], &view, PyBUF_SIMPLE)
        try:
            ids = <const int32_t*>view.buf
            n = view.len // sizeof(int32_t)
            for p in range(n):
                form = ids[p]
                if acc[form] == 0.0:
                    touched.push_back(form)
                acc[form] += weight
        finally:
            PyBuffer_Release(&view)
    count = touched.size()
    ranked.resize(count)
    for p in range(count):
        form = touched[p]
        # a nudge far below any real difference: lower name numbers (a list's primary names,
        # earlier entries) win ties, the same way in every process. Written field by field:
        # a pair built on the stack and copied in stalls on its 16-byte reload.
        ranked[p].first = -(acc[form] - form * tie_break)
        ranked[p].second = form
        acc[form] = 0.0
    if count > keep:
        # the best `keep` in linear time, then only those sorted (common tokens touch thousands)
        nth_element(ranked.begin(), ranked.begin() + keep, ranked.end())
        sort(ranked.begin(), ranked.begin() + keep)
        count = keep
    else:
        sort(ranked.begin(), ranked.end())
    return _pick(ranked, count, form_entity, size)


cdef list _pick(vector[Ranked]& ranked, Py_ssize_t count, const int32_t[::1] form_entity, Py_ssize_t size):
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
