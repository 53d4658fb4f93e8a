# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The compiled hot path of name comparison: remembered token similarity, the greedy token
alignment and the best pair of names across two records.

`names.similarity` holds the reference implementation in Python and uses this module when it
is built; both must give the same scores and the same token pairs (tests compare them on
thousands of pairs). Screening spends most of its time here: a query is aligned with a dozen
candidates, each with up to three names, and in Python each alignment cost 20-30 µs of
interpreter work around a few float operations. Each name form's `packed` array (a header,
then each token's serial, weight and flags; made on its first comparison) is all the loops
read; the token objects are only used on a similarity cache miss and to write explained pairs.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from cpython.ref cimport PyObject
from libc.math cimport pow
from libc.stdint cimport int32_t, int64_t, uint64_t
from libc.stdlib cimport calloc, free, malloc, qsort

cdef extern from "Python.h":
    PyObject* PyTuple_GET_ITEM(object, Py_ssize_t)


cdef struct TokenRec:
    int64_t serial
    double weight
    int32_t flags  # FLAG_CORE, FLAG_BIN, FLAG_INITIAL, FLAG_COMPOUND, FLAG_PLACE
    int32_t padding


cdef struct FormHeader:
    # what a comparison needs of the form itself, before its tokens (forms.pack_form)
    int32_t core_count
    int32_t joined_length
    int32_t flags  # FORM_BIN, FORM_CJK, FORM_PARTICLE; the length of `spelled` from SPELLED_SHIFT
    int32_t count


cdef struct Edge:
    double neg  # minus the similarity: edges sort ascending, as the Python (-s, i, j) tuples do
    int32_t i
    int32_t j


cdef enum:
    FORM_BIN = 1
    FORM_CJK = 2
    FORM_PARTICLE = 4
    SPELLED_SHIFT = 8
    FLAG_CORE = 1
    FLAG_BIN = 2
    FLAG_INITIAL = 4
    FLAG_COMPOUND = 8
    FLAG_PLACE = 16
    REPLACEABLE = FLAG_CORE | FLAG_INITIAL | FLAG_COMPOUND
    SPLIT_QUERY = 1
    SPLIT_CANDIDATE = 2
    STACK_TOKENS = 64
    STACK_EDGES = 512
    SHORT_SORT = 24  # edges sorted by insertion up to this many


cdef TokenRec _token_probe
cdef FormHeader _form_probe

LAYOUT = {
    # what `watchfloor.compiled.load` compares with `names.forms.PACKED_LAYOUT` before this
    # module is used: the packed records' sizes and offsets, and the flags' bits
    "token": sizeof(TokenRec),
    "token.serial": <char*>&_token_probe.serial - <char*>&_token_probe,
    "token.weight": <char*>&_token_probe.weight - <char*>&_token_probe,
    "token.flags": <char*>&_token_probe.flags - <char*>&_token_probe,
    "form": sizeof(FormHeader),
    "form.core_count": <char*>&_form_probe.core_count - <char*>&_form_probe,
    "form.joined_length": <char*>&_form_probe.joined_length - <char*>&_form_probe,
    "form.flags": <char*>&_form_probe.flags - <char*>&_form_probe,
    "form.count": <char*>&_form_probe.count - <char*>&_form_probe,
    "FORM_BIN": FORM_BIN,
    "FORM_CJK": FORM_CJK,
    "FORM_PARTICLE": FORM_PARTICLE,
    "SPELLED_SHIFT": SPELLED_SHIFT,
    "FLAG_CORE": FLAG_CORE,
    "FLAG_BIN": FLAG_BIN,
    "FLAG_INITIAL": FLAG_INITIAL,
    "FLAG_COMPOUND": FLAG_COMPOUND,
    "FLAG_PLACE": FLAG_PLACE,
}


# --- remembered token similarity -------------------------------------------------------------

cdef struct Slot:
    uint64_t key  # 0: empty (serials start at 1, so no key is 0)
    double value


cdef struct Table:
    Slot* slots
    size_t mask  # capacity - 1, a power of two less one
    size_t used


cdef Table _tables[2]  # the newer generation, then the older (swapped by _rotate)
cdef size_t _generation = 1_500_000
cdef object _token_similarity = None
cdef object _ratio = None
cdef object _character_agreement = None
cdef object _cross_script = None
cdef double _substitution = 0.8
cdef double _substituted[16]  # pow(_substitution, k), made once: pow was 1.4 % of a query
cdef double _nasab = 0.7
cdef double _place = 0.7
cdef double _thin = 0.85


def configure(token_similarity, pack_form, ratio, character_agreement, cross_script,
              double substitution, double nasab, double place, double thin, size_t limit):
    """Bind the Python parts this module calls back (the token similarity on a cache miss, the
    form packer, rapidfuzz's ratio, the CJK character agreement, the score of a name in
    characters against a romanised one) and the penalties, from names.similarity."""
    global _token_similarity, _pack_form, _ratio, _character_agreement, _substitution, _nasab, _place
    global _thin, _cross_script
    cdef int k
    _token_similarity = token_similarity
    _pack_form = pack_form
    _ratio = ratio
    _character_agreement = character_agreement
    _cross_script = cross_script
    _substitution = substitution
    for k in range(16):
        _substituted[k] = pow(substitution, <double>k)
    _nasab = nasab
    _place = place
    _thin = thin
    set_cache_limit(limit)


def set_cache_limit(size_t limit):
    """At most `limit` remembered pairs: two generations of half that each, the older dropped
    when the newer fills, so a long batch keeps its recent pairs instead of starting cold."""
    global _generation
    _generation = max(limit // 2, 1)
    clear_cache()


def clear_cache():
    _drop(&_tables[0])
    _drop(&_tables[1])


def cache_size():
    return _tables[0].used + _tables[1].used


cdef void _drop(Table* table) noexcept:
    free(table.slots)
    table.slots = NULL
    table.mask = 0
    table.used = 0


cdef inline size_t _slot(uint64_t key, size_t mask) noexcept:
    key ^= key >> 33
    key *= 0xFF51AFD7ED558CCDULL
    key ^= key >> 33
    return key & mask


cdef inline Slot* _find(Table* table, uint64_t key) noexcept:
    """The slot holding `key`, or the empty slot where it would go (NULL for an empty table):
    an open-addressing table, one probe of contiguous memory where a node map chases two."""
    cdef size_t i
    if table.slots == NULL:
        return NULL
    i = _slot(key, table.mask)
    while table.slots[i].key != key and table.slots[i].key != 0:
        i = (i + 1) & table.mask
    return &table.slots[i]


cdef int _grow(Table* table) except -1:
    """Double the table (at least 4,096 slots) and re-insert what it holds."""
    cdef size_t capacity = max(2 * (table.mask + 1), 4096), i
    cdef Slot* old = table.slots
    cdef size_t old_capacity = table.mask + 1 if old != NULL else 0
    cdef Slot* slot
    table.slots = <Slot*>calloc(capacity, sizeof(Slot))
    if table.slots == NULL:
        table.slots = old
        raise MemoryError()
    table.mask = capacity - 1
    for i in range(old_capacity):
        if old[i].key != 0:
            slot = _find(table, old[i].key)
            slot.key, slot.value = old[i].key, old[i].value
    free(old)
    return 0


cdef int _remember(uint64_t key, double value) except -1:
    cdef Table* table = &_tables[0]
    cdef Table swap
    cdef Slot* slot
    if table.used >= _generation:  # the newer generation is full: it becomes the older
        _drop(&_tables[1])
        swap = _tables[1]
        _tables[1] = _tables[0]
        _tables[0] = swap
    if (table.used + 1) * 2 > table.mask + 1 or table.slots == NULL:
        _grow(table)
    slot = _find(table, key)
    if slot.key == 0:
        slot.key = key
        table.used += 1
    slot.value = value
    return 0


cdef inline double _cached(int64_t sa, int64_t sb) noexcept:
    """The similarity of two tokens as the newer generation remembers it, or -1."""
    cdef uint64_t key = (<uint64_t>sa << 32) | <uint64_t>sb
    cdef Slot* found = _find(&_tables[0], key)
    if found != NULL and found.key == key:
        return found.value
    return -1.0


cdef double _fill(object a, object b, int64_t sa, int64_t sb) except? -2.0:
    """After a miss in the newer generation: the older one's answer, promoted, or a fresh one."""
    cdef uint64_t key = (<uint64_t>sa << 32) | <uint64_t>sb
    cdef Slot* found = _find(&_tables[1], key)
    cdef double value
    if found != NULL and found.key == key:
        value = found.value
    else:
        value = _token_similarity(a, b)
    _remember(key, value)
    return value


def cached_similarity(a, b):
    """`token_similarity`, remembered by the tokens' serial numbers."""
    cdef int64_t sa = a.serial, sb = b.serial
    cdef double found = _cached(sa, sb)
    return found if found >= 0.0 else _fill(a, b, sa, sb)


# --- alignment ---------------------------------------------------------------------------------

cdef inline bint _before(const Edge* a, const Edge* b) noexcept nogil:
    """The order edges are taken in: best similarity first, then query and candidate
    positions (as the Python (-s, i, j) tuples sort)."""
    if a.neg != b.neg:
        return a.neg < b.neg
    if a.i != b.i:
        return a.i < b.i
    return a.j < b.j


cdef int _edge_order(const void* left, const void* right) noexcept nogil:
    """`_before` as qsort's comparison, for alignments with many edges."""
    cdef const Edge* a = <const Edge*>left
    cdef const Edge* b = <const Edge*>right
    if _before(a, b):
        return -1
    return 1 if _before(b, a) else 0


cdef inline void _insertion_sort(Edge* edges, Py_ssize_t n) noexcept nogil:
    """Edges in `_before`'s order: most alignments have a handful, where qsort's call through a
    function pointer for each comparison cost more than the comparisons themselves."""
    cdef Py_ssize_t k, m
    cdef Edge edge
    for k in range(1, n):
        edge = edges[k]
        m = k
        while m > 0 and _before(&edge, &edges[m - 1]):
            edges[m] = edges[m - 1]
            m -= 1
        edges[m] = edge


cdef object _pack_form = None


cdef bytes _packed(object form):
    """A name form's header and packed tokens, made and kept on the form the first time it is
    compared."""
    packed = form.packed
    if packed is None:
        packed = _pack_form(form)
        object.__setattr__(form, "packed", packed)  # a cache on a frozen form, never compared
    return <bytes>packed


cdef inline const FormHeader* _header(bytes packed) noexcept:
    return <const FormHeader*>PyBytes_AS_STRING(packed)


cdef inline const TokenRec* _records(bytes packed, Py_ssize_t* count) noexcept:
    count[0] = _header(packed).count
    return <const TokenRec*>(PyBytes_AS_STRING(packed) + sizeof(FormHeader))


cdef Py_ssize_t _bin_at(const TokenRec* t, Py_ssize_t n) noexcept:
    """Position of the first `bin` strictly inside the name, or -1."""
    cdef Py_ssize_t k
    for k in range(1, n - 1):
        if t[k].flags & FLAG_BIN:
            return k
    return -1


cdef bint _on(const TokenRec* t, Py_ssize_t lo, Py_ssize_t hi, int64_t serial) noexcept:
    cdef Py_ssize_t k
    for k in range(lo, hi):
        if t[k].serial == serial:
            return True
    return False


cdef bint _nasab_swapped(const TokenRec* q, Py_ssize_t nq, const TokenRec* c, Py_ssize_t nc,
                         const int32_t* mi, const int32_t* mj, Py_ssize_t matched) noexcept:
    """True when a name part on one side of `bin` is aligned with one on the other side (the
    son taken for the father); tokens are told apart as the Python code does, by identity."""
    cdef Py_ssize_t qa = _bin_at(q, nq), ca = _bin_at(c, nc), k
    cdef int64_t qs, cs
    if qa < 0 or ca < 0:
        return False
    for k in range(matched):
        if not (q[mi[k]].flags & FLAG_CORE):
            continue
        qs = q[mi[k]].serial
        cs = c[mj[k]].serial
        if (_on(q, 0, qa, qs) and _on(c, ca + 1, nc, cs)) or (
            _on(q, qa + 1, nq, qs) and _on(c, 0, ca, cs)
        ):
            return True
    return False


cdef double _align(object qform, bytes qpacked, object cform, bytes cpacked,
                   double extra_query, double extra_candidate, int min_core, bint initials,
                   bint places, bint nasab, list pairs, int* split) except? -2.0:
    """The weighted Dice score of the greedy best-first alignment (names.similarity.align);
    appends the explained pairs to `pairs` unless it is None, and sets `split` to which sides
    kept an unmatched name part (SPLIT_QUERY, SPLIT_CANDIDATE: names.similarity._split_apart).
    The forms' token tuples are read only on a similarity cache miss or to explain."""
    cdef Py_ssize_t nq, nc, i, j, k, n_edges = 0, aligned = 0, extra_q = 0, extra_c = 0, core = 0, full = 0
    cdef const TokenRec* q = _records(qpacked, &nq)
    cdef const TokenRec* c = _records(cpacked, &nc)
    cdef Edge stack_edges[STACK_EDGES]
    cdef char stack_used[2 * STACK_TOKENS]
    cdef int32_t stack_match[2 * STACK_TOKENS]
    cdef Edge* edges = stack_edges
    cdef char* used = stack_used
    cdef int32_t* match = stack_match
    cdef double s, weight, matched = 0.0, total = 0.0, score
    cdef int32_t place_q = 0, place_c = 0
    cdef object qtokens = None, ctokens = None
    split[0] = 0
    if nq * nc > STACK_EDGES:
        edges = <Edge*>malloc(nq * nc * sizeof(Edge))
    if nq + nc > STACK_TOKENS:
        used = <char*>malloc((nq + nc) * sizeof(char))
        match = <int32_t*>malloc(2 * (nq + nc) * sizeof(int32_t))
    if edges == NULL or used == NULL or match == NULL:
        raise MemoryError()
    try:
        if pairs is not None:
            qtokens, ctokens = qform.tokens, cform.tokens
        for i in range(nq):
            for j in range(nc):
                if q[i].serial == c[j].serial:
                    s = 1.0
                else:
                    s = _cached(q[i].serial, c[j].serial)
                    if s < 0.0:  # not remembered: the tokens themselves are needed
                        if qtokens is None:
                            qtokens, ctokens = qform.tokens, cform.tokens
                        s = _fill(<object>PyTuple_GET_ITEM(qtokens, i),
                                  <object>PyTuple_GET_ITEM(ctokens, j), q[i].serial, c[j].serial)
                # a full match (equal texts, or I and 1) aligns whatever the policy says of initials
                if s > 0.0 and (s >= 1.0 or initials or not ((q[i].flags | c[j].flags) & FLAG_INITIAL)):
                    edges[n_edges].neg = -s
                    edges[n_edges].i = <int32_t>i
                    edges[n_edges].j = <int32_t>j
                    n_edges += 1
        if n_edges <= SHORT_SORT:
            _insertion_sort(edges, n_edges)
        else:
            qsort(edges, n_edges, sizeof(Edge), _edge_order)
        for i in range(nq + nc):
            used[i] = 0
        for i in range(n_edges):
            if used[edges[i].i] or used[nq + edges[i].j]:
                continue
            used[edges[i].i] = 1
            used[nq + edges[i].j] = 1
            s = -edges[i].neg
            weight = q[edges[i].i].weight + c[edges[i].j].weight
            if s < 1.0 and ((q[edges[i].i].flags | c[edges[i].j].flags) & FLAG_INITIAL):
                weight = 2 * min(q[edges[i].i].weight, c[edges[i].j].weight)
            matched += s * weight
            total += weight
            match[aligned] = edges[i].i
            match[nq + nc + aligned] = edges[i].j
            aligned += 1
            if (q[edges[i].i].flags | c[edges[i].j].flags) & FLAG_CORE:
                core += 1
            if not ((q[edges[i].i].flags | c[edges[i].j].flags) & FLAG_INITIAL):
                full += 1
            if pairs is not None:
                pairs.append((<object>PyTuple_GET_ITEM(qtokens, edges[i].i),
                              <object>PyTuple_GET_ITEM(ctokens, edges[i].j), s))
        if aligned < nq:
            for i in range(nq):
                if not used[i]:
                    total += q[i].weight * extra_query
                    if q[i].flags & REPLACEABLE:
                        extra_q += 1
                    if q[i].flags & (FLAG_CORE | FLAG_INITIAL):
                        split[0] |= SPLIT_QUERY
                    place_q |= q[i].flags & FLAG_PLACE
                    if pairs is not None:
                        pairs.append((<object>PyTuple_GET_ITEM(qtokens, i), None, 0.0))
        if aligned < nc:
            for j in range(nc):
                if not used[nq + j]:
                    total += c[j].weight * extra_candidate
                    if c[j].flags & REPLACEABLE:
                        extra_c += 1
                    if c[j].flags & (FLAG_CORE | FLAG_INITIAL):
                        split[0] |= SPLIT_CANDIDATE
                    place_c |= c[j].flags & FLAG_PLACE
                    if pairs is not None:
                        pairs.append((None, <object>PyTuple_GET_ITEM(ctokens, j), 0.0))
        if total <= 0.0 or matched <= 0.0:
            return 0.0
        score = matched / total
        if extra_q and extra_c:
            k = min(extra_q, extra_c)
            score *= _substituted[k] if k < 16 else pow(_substitution, <double>k)
        if places and place_q != place_c:
            score *= _place  # a country named on one side only: a branch or subsidiary
        if (core < min_core and (extra_q or extra_c)) or not full:
            score *= _thin  # too few parts shared, or nothing but initials (N.N. ~ Nursultan Nazarbayev)
        if nasab and _nasab_swapped(q, nq, c, nc, match, match + nq + nc, aligned):
            score *= _nasab
        return score
    finally:
        if edges != stack_edges:
            free(edges)
        if used != stack_used:
            free(used)
            free(match)


def align(query, candidate, policy, bint nasab=True):
    """(score, pairs) of two name forms' tokens: `names.similarity.align`, compiled."""
    cdef int split = 0
    pairs = []
    score = _align(query, _packed(query), candidate, _packed(candidate),
                   policy.extra_query, policy.extra_candidate, policy.min_core_matches,
                   policy.initials, policy.places, nasab, pairs, &split)
    return score, pairs


cdef double _joined(object query, const FormHeader* qh, object candidate, const FormHeader* ch,
                    bint split) except? -2.0:
    """names.similarity.joined_similarity: the names written without spaces, when split apart
    differently and nearly identical (the strings are read only when the headers allow it)."""
    cdef int qs, cs
    if (qh.flags | ch.flags) & FORM_PARTICLE:
        qs = (qh.flags >> SPELLED_SHIFT) if qh.flags & FORM_PARTICLE else qh.joined_length
        cs = (ch.flags >> SPELLED_SHIFT) if ch.flags & FORM_PARTICLE else ch.joined_length
        if qs == cs and qs >= 6:
            if (query.spelled or query.joined) == (candidate.spelled or candidate.joined):
                return 1.0
    if qh.joined_length < 6 or ch.joined_length < 6:
        return 0.0
    if qh.core_count == ch.core_count:
        return 0.0
    if not split and qh.joined_length != ch.joined_length:
        return 0.0  # only equal texts count then, and texts of unequal length are not read
    # rapidfuzz's ratio is 100 * (1 - indel distance / total length), and the distance is at
    # least the length difference: past that bound the call could only answer 0
    if 200 * min(qh.joined_length, ch.joined_length) < 90 * (qh.joined_length + ch.joined_length):
        return 0.0
    cdef str a = query.joined
    cdef str b = candidate.joined
    if a == b:
        return 1.0
    if not split:
        return 0.0
    return _ratio(a, b, score_cutoff=90.0) / 100.0


cdef double _compare(object query, bytes qp, object candidate, double extra_query,
                     double extra_candidate, int min_core, bint initials, bint places) except? -2.0:
    """The score names.similarity.compare_forms gives one pair of name forms (`qp` the query
    form's packed tokens)."""
    cdef bytes cp = _packed(candidate)
    cdef const FormHeader* qh = _header(qp)
    cdef const FormHeader* ch = _header(cp)
    cdef int split = 0
    if (qh.flags ^ ch.flags) & FORM_CJK:  # rare: a name in characters against a romanised one
        return _cross_script(query, candidate, extra_query, extra_candidate, min_core, initials, places)
    cdef double score = _align(
        query, qp, candidate, cp, extra_query, extra_candidate, min_core, initials, places,
        (qh.flags & ch.flags & FORM_BIN) != 0, None, &split,
    )
    cdef double joined = _joined(query, qh, candidate, ch, split == SPLIT_QUERY | SPLIT_CANDIDATE)
    cdef double agreement
    if joined > score:
        score = joined
    if qh.flags & FORM_CJK:
        cjk = query.cjk
        if query.cjk_scripts == candidate.cjk_scripts and cjk != candidate.cjk:
            agreement = _character_agreement(cjk, candidate.cjk)
            if agreement * _substitution < score:
                return agreement * _substitution
    return score


cdef int best_of(tuple queries, tuple candidates, double extra_query, double extra_candidate,
                 int min_core, bint initials, bint places, double* score, Py_ssize_t* bi,
                 Py_ssize_t* bj) except -1:
    """The best-scoring pair of name forms, the first one found on ties, stopping at a perfect
    score: 1 with its score and indexes, 0 when either side has no name (for match._score)."""
    cdef double found
    cdef Py_ssize_t i, j, nq = len(queries), nc = len(candidates)
    cdef bytes qp
    bi[0] = -1
    for i in range(nq):
        query = queries[i]
        qp = _packed(query)
        for j in range(nc):
            found = _compare(query, qp, candidates[j], extra_query, extra_candidate, min_core,
                             initials, places)
            if bi[0] < 0 or found > score[0]:
                score[0], bi[0], bj[0] = found, i, j
                if found >= 1.0:
                    return 1
    return 1 if bi[0] >= 0 else 0


def best_pair(queries, candidates, policy):
    """(score, query index, candidate index) of the best-scoring pair of name forms (see
    best_of); None when either side has no name."""
    cdef double score = 0.0
    cdef Py_ssize_t bi = -1, bj = -1
    if not best_of(tuple(queries), tuple(candidates), policy.extra_query, policy.extra_candidate,
                   policy.min_core_matches, policy.initials, policy.places, &score, &bi, &bj):
        return None
    return score, bi, bj
