"""How sure a link from a news mention to a list entry is: one definition for the news layer,
which decides it, and the store, which keeps it."""

from __future__ import annotations

from enum import StrEnum


class LinkStatus(StrEnum):
    LINKED = "linked"  # the article names this entry, with confidence
    CANDIDATE = "candidate"  # one of entries the article could not tell apart (a father, his son)


LINKED = LinkStatus.LINKED
CANDIDATE = LinkStatus.CANDIDATE
