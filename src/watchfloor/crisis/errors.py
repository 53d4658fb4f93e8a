"""The one error the crisis view raises for input it cannot use."""


class CrisisError(Exception):
    """Bad indicator/scenario files or ratings; the message is one line, meant for the analyst."""
