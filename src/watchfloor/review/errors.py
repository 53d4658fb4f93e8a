"""What can go wrong in a review, one class per answer a caller gives (the API's status codes)."""

from __future__ import annotations


class ReviewError(ValueError):
    """A review request that cannot be carried out; the message says why."""


class UnknownAlertError(ReviewError):
    """No alert has the given ID."""


class InvalidDecisionError(ReviewError):
    """The decision, reason, reviewer, assignee or comment given is not acceptable."""


class IdentityError(ReviewError):
    """The reviewer is not who the request says (a name typed in place of the key or login)."""


class FourEyesError(ReviewError):
    """The same reviewer on both sides of a decision that needs two (propose and approve, or
    escalate and close)."""


class ReviewConflictError(ReviewError):
    """The alert's case is not in a state that allows this step (a proposal already waits, or none
    does)."""
