"""The one error a parser raises for input it cannot read."""


class SourceError(Exception):
    """Input that is not a valid list file of the promised format; the message is for the user."""
