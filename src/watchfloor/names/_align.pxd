# The compiled name comparison, as other compiled modules call it (match._score).

cdef int best_of(tuple queries, tuple candidates, double extra_query, double extra_candidate,
                 int min_core, bint initials, bint places, double* score, Py_ssize_t* bi,
                 Py_ssize_t* bj) except -1
