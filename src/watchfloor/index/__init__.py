"""Candidate generation and screening over a whole list: `Matcher.build(entities)` once, then
`matcher.match(query)` many times; `make_query` builds a validated query entity, and
`query_record` the same query already prepared for `matcher.match_record` (batch rows).
`Matcher.build(entities, workers=2)` makes a large list's records on two cores (`records`)."""

from watchfloor.index.matcher import Matcher
from watchfloor.index.query import QuerySpec, make_query, query_record
from watchfloor.match.errors import QueryError

__all__ = ["Matcher", "QueryError", "QuerySpec", "make_query", "query_record"]
