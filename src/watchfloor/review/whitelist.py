"""Known false positives: a pair stays quiet while both sides are exactly as they were decided.

The key is (customer record hash, list entity hash), not the two IDs: when the customer's record
or the list entry changes, the earlier decision no longer covers what is now on the table.
"""

from __future__ import annotations

from typing import Any

from watchfloor.store.alerts import AlertStore
from watchfloor.store.db import database_of


class Whitelist:
    def __init__(self, keys: set[tuple[str, str]]) -> None:
        self.keys = keys

    @classmethod
    def load(cls, store: Any) -> Whitelist:
        return cls(AlertStore(database_of(store)).whitelist_keys())

    def suppresses(self, record_hash: str, entity_hash: str) -> bool:
        return (record_hash, entity_hash) in self.keys

    def __len__(self) -> int:
        return len(self.keys)
