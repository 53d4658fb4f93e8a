"""The one error the news pipeline raises for input it cannot read."""


class NewsError(Exception):
    """A source that cannot be read as news (unreachable, too large, binary); the message is for the user."""
