"""The one error the matcher raises for input it cannot use."""


class QueryError(ValueError):
    """A screening query that cannot be matched; the message is one line, for the user."""
