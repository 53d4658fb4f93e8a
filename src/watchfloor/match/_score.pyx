# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The default matching algorithm (`match.features.FEATURES`), compiled.

`match.features.reference_score_pair` runs any declared list of features in Python and is the
definition; this module gives the same scores, feature values and evidence for the default list
without the interpreter's cost of six comparator calls per candidate (about two thirds of a
screening query's time was spent there). The weights and factors come from the Python
declarations (`configure`), and every explanation is written by the Python comparator itself,
when it is read: only the numbers are computed here. Tests compare the two on thousands of
record pairs.
"""

cimport cython
from libc.math cimport rint

from watchfloor.names._align cimport best_of

LAYOUT = {
    # the rules written out below, in the order `match.features.FEATURES` declares them: main
    # features first, then the qualifiers; `watchfloor.compiled.load` refuses this module when
    # the declared features differ (a rule added or moved in Python has no twin here)
    "main": ("name", "identifier"),
    "qualifiers": ("birth_date", "country", "gender_mismatch", "schema_mismatch"),
}

# bound by configure() (module-level objects start as None)
cdef object _Scored, _Evidence, _person, _organization, _schema
cdef double _w_name, _w_identifier, _w_birth, _w_country, _w_gender, _w_schema
cdef double _weak_factor, _ceiling
cdef double _person_eq, _person_ec, _org_eq, _org_ec
cdef int _person_min, _org_min
cdef bint _person_initials, _org_initials, _person_places, _org_places
cdef dict _schema_scores = {}
cdef dict _comparators = {}  # feature name -> its Python comparator, which writes the sentence


def configure(scored, evidence, person, organization, person_policy, org_policy, dict comparators,
              dict weights, double weak_factor, double ceiling):
    """Bind the Python declarations: result classes, name kinds and policies, the default
    features' comparators and weights by feature name (name, identifier, birth_date, country,
    gender_mismatch, schema_mismatch), the weak-alias factor and the qualifiers' ceiling."""
    global _Scored, _Evidence, _person, _organization, _schema
    global _w_name, _w_identifier, _w_birth, _w_country, _w_gender, _w_schema, _weak_factor, _ceiling
    global _person_eq, _person_ec, _org_eq, _org_ec, _person_min, _org_min, _person_initials, _org_initials
    global _person_places, _org_places
    _Scored, _Evidence, _person, _organization = scored, evidence, person, organization
    _person_eq, _person_ec = person_policy.extra_query, person_policy.extra_candidate
    _person_min, _person_initials = person_policy.min_core_matches, person_policy.initials
    _org_eq, _org_ec = org_policy.extra_query, org_policy.extra_candidate
    _org_min, _org_initials = org_policy.min_core_matches, org_policy.initials
    _person_places, _org_places = person_policy.places, org_policy.places
    _w_name, _w_identifier = weights["name"], weights["identifier"]
    _w_birth, _w_country = weights["birth_date"], weights["country"]
    _w_gender, _w_schema = weights["gender_mismatch"], weights["schema_mismatch"]
    _weak_factor, _ceiling = weak_factor, ceiling
    _comparators.clear()
    _comparators.update(comparators)
    _schema = comparators["schema_mismatch"]
    _schema_scores.clear()


@cython.no_gc
cdef class _Detail:
    """Writes one feature's explanation when it is read, by running its Python comparator."""

    cdef object func, query, candidate

    def __cinit__(self, func, query, candidate):
        self.func, self.query, self.candidate = func, query, candidate

    def __call__(self):
        return self.func(self.query, self.candidate).detail


@cython.no_gc
cdef class LazyEvidence:
    """The evidence of one scored pair, as a read-only mapping made when first read: a query
    scores a dozen candidates and most are never explained, so one object stands for the
    eight (an `Evidence` and its sentence writer per feature) the Python scorer makes. It
    references records only (no cycle), so the garbage collector need not track it."""

    cdef dict scores
    cdef object query, candidate
    cdef dict made

    def __cinit__(self, dict scores, query, candidate):
        self.scores, self.query, self.candidate, self.made = scores, query, candidate, None

    cdef dict _made(self):
        if self.made is None:
            if isinstance(self.candidate, _View):
                self.candidate = (<_View>self.candidate).record()
            if isinstance(self.query, Deferred):
                self.query = (<Deferred>self.query).value()
            self.made = {
                name: _Evidence(score, _Detail(_comparators[name], self.query, self.candidate))
                for name, score in self.scores.items()
            }
        return self.made

    def portable(self):
        """(feature scores, entity number, name numbers) while nothing is written yet and the
        candidate is an index entry, else None: what a batch worker sends its parent, which
        holds the same index and writes the sentences only if they are read."""
        if self.made is not None or not isinstance(self.candidate, _View):
            return None
        view = <_View>self.candidate
        return self.scores, view.entity, view.names

    def __getitem__(self, name):
        return self._made()[name]

    def __iter__(self):
        return iter(self.scores)

    def __len__(self):
        return len(self.scores)

    def __contains__(self, name):
        return name in self.scores

    def keys(self):
        return self._made().keys()

    def items(self):
        return self._made().items()

    def values(self):
        return self._made().values()

    def get(self, name, default=None):
        return self._made().get(name, default)

    def __eq__(self, other):
        return self._made() == other

    def __repr__(self):
        return repr(self._made())

    def __reduce__(self):
        # crosses to other processes as a plain dict of written evidence
        return (dict, (self._made(),))


@cython.no_gc
cdef class _View:
    """A candidate as an index entry (its number, and the name numbers aligned, or none for
    all), made into a record only when read."""

    cdef object make, entity, names

    def __cinit__(self, make, entity, names):
        self.make, self.entity, self.names = make, entity, names

    cdef object record(self):
        return self.make(self.entity, self.names)


@cython.no_gc
cdef class Deferred:
    """A value made by `make(*args)` the first time it is read (a batch parent's query record,
    needed only to write an explanation)."""

    cdef object make, args, made
    cdef bint done

    def __cinit__(self, make, *args):
        self.make, self.args, self.made, self.done = make, args, None, False

    cdef object value(self):
        if not self.done:
            self.made, self.done = self.make(*self.args), True
            self.make = self.args = None
        return self.made


def evidence_of(dict scores, query, view, entity, names):
    """The evidence of an index entry's scores, written when read: `query` a record or a
    `Deferred` one, `view(entity, names)` the candidate's record restricted to `names`."""
    return LazyEvidence(scores, query, _View(view, entity, names))


@cython.no_gc
cdef class _Query:
    """What scoring reads of the query record, read once per query rather than per candidate."""

    cdef object record, kind, identifiers, birth_dates, countries, gender, schema
    cdef tuple names

    def __cinit__(self, record):
        self.record, self.kind, self.names = record, record.kind, record.names
        self.identifiers, self.birth_dates = record.identifiers, record.birth_dates
        self.countries, self.gender, self.schema = record.countries, record.gender, record.schema


cdef double _names(_Query query, object ckind, tuple cnames, tuple cweak) except? -2.0:
    """compare.names.name_match's score: the best name pair, or a weak alias at a discount."""
    qkind = query.kind
    cdef bint person = (qkind is _person or ckind is _person) and not (
        qkind is _organization or ckind is _organization
    )
    cdef double eq = _person_eq if person else _org_eq, ec = _person_ec if person else _org_ec
    cdef int min_core = _person_min if person else _org_min
    cdef bint initials = _person_initials if person else _org_initials
    cdef bint places = _person_places if person else _org_places
    cdef double best = 0.0, weak = 0.0
    cdef Py_ssize_t bi, bj
    cdef tuple names = query.names
    cdef bint found = best_of(names, cnames, eq, ec, min_core, initials, places, &best, &bi, &bj)
    if cweak and (not found or best < 1.0):
        if best_of(names, cweak, eq, ec, min_core, initials, places, &weak, &bi, &bj):
            if weak * _weak_factor > (best if found else 0.0):
                return weak * _weak_factor
    if not found or best <= 0.0:
        return 0.0
    return best


cdef double _date_score(str q, str c) except? -9.0:
    if q.startswith(c) or c.startswith(q):
        return 0.5 if len(q) == len(c) == 10 else 0.25
    if q[:4] == c[:4]:
        return -0.5
    return 0.0 if abs(int(q[:4]) - int(c[:4])) <= 1 else -1.0


cdef double _birth(tuple query, tuple candidate) except? -9.0:
    cdef double best = -2.0, score
    for q in query:
        for c in candidate:
            score = _date_score(q, c)
            if score > best:
                best = score
    return best


def score_default(query, candidate, floor=None):
    """`reference_score_pair(query, candidate, FEATURES, floor)`, compiled."""
    cdef dict values = {}
    cdef double score = _score(_Query(query), candidate, candidate.names, candidate.weak_names, floor, values)
    if score < 0.0:
        return None
    return _Scored(score, values, LazyEvidence(values, query, candidate))


cdef double _score(_Query query, object candidate, tuple cnames, tuple cweak, object floor,
                   dict values) except? -9.0:
    """The pair's score, its feature values put in `values`; -1 when it cannot reach `floor`."""
    cdef double name = _names(query, candidate.kind, cnames, cweak), best = 0.0, weighted, score, found
    if name != 0.0:
        values["name"] = name
        best = name * _w_name
    # a candidate's field is read only when the query has that evidence: each read of a list
    # entry's record is a likely cache miss (the records of one query's candidates lie apart)
    qids = query.identifiers
    if qids:
        cids = candidate.identifiers
        if cids and not qids.isdisjoint(cids):
            values["identifier"] = 1.0
            weighted = max(_w_identifier, min(1.0, name + 0.3))
            if weighted > best:
                best = weighted
    score = best
    if floor is not None and score + _ceiling < <double>floor:
        return -1.0
    if score > 0.0:
        qdates = query.birth_dates
        if qdates:
            cdates = candidate.birth_dates
            if cdates:
                found = _birth(qdates, cdates)
                values["birth_date"] = found
                score += found * _w_birth
        qc = query.countries
        if qc:
            cc = candidate.countries
            if cc:
                found = -1.0 if qc.isdisjoint(cc) else 0.5
                values["country"] = found
                score += found * _w_country
        qg = query.gender
        if qg:
            cg = candidate.gender
            if cg and qg != cg:
                values["gender_mismatch"] = 1.0
                score += _w_gender
        if query.schema != candidate.schema:
            key = (query.schema, candidate.schema)
            mismatch = _schema_scores.get(key)
            if mismatch is None:
                mismatch = _schema_scores[key] = _schema(query.record, candidate).score
            if mismatch != 0.0:
                values["schema_mismatch"] = mismatch
                score += <double>mismatch * _w_schema
    return min(1.0, max(0.0, score))


def score_candidates(query, list picked, list records, list forms, bytes form_weak, double threshold,
                     bint matches_only, result, view):
    """`match.result_for` of each picked candidate, in order: `picked` holds (entity number,
    name numbers to align, or none for all), `records`, `forms` and `form_weak` are the index's
    tables, `result` the result class and `view(entity, names)` makes the restricted record
    an explanation is written from. With `matches_only`, candidates below `threshold` are
    left out, their qualifiers unscored."""
    cdef list out = []
    cdef dict values
    cdef double score
    cdef const unsigned char* weak_flags = form_weak
    cdef Py_ssize_t n
    cdef _Query prepared = _Query(query)
    floor = threshold if matches_only else None
    cdef Py_ssize_t number, count = len(records)
    for entity, names in picked:
        number = entity
        if not 0 <= number < count:
            raise IndexError(f"entity number {number} is not in the index")
        record = records[number]  # a list read at a C index (bounds checked above)
        cnames, cweak = record.names, record.weak_names
        if names and len(names) != len(cnames) + len(cweak):
            cnames = tuple([forms[n] for n in names if not weak_flags[n]])
            cweak = tuple([forms[n] for n in names if weak_flags[n]])
        values = {}
        score = _score(prepared, record, cnames, cweak, floor, values)
        if matches_only and score < threshold:
            continue
        # the record itself is what an explanation reads when every name is aligned (_view
        # returns it); as a view, the candidate stays an index entry a worker can name; made
        # only for a result (most screening candidates are not matches)
        candidate = _View(view, entity, names)
        # match.display_score: four decimals, ties to even
        out.append(result(record.entity_id, record.caption, record.schema, rint(score * 10000.0) / 10000.0,
                          score >= threshold, values, LazyEvidence(values, query, candidate)))
    return out
