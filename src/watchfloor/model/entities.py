"""Build FtM statement entities bound to a named dataset.

Every producer of entities (list parsers, the news pipeline, hand-recorded designations) goes
through here so that datasets are created one way and entity IDs are never empty.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from followthemoney import Dataset
    from followthemoney.statement import StatementEntity

NEWS_DATASET = "news"
"""The dataset every article and what it mentions is stored in (as unofficial ledger versions)."""

ScreenableSchema = Literal[
    "Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"
]
MATCHABLE_SCHEMATA: tuple[str, ...] = get_args(ScreenableSchema)
"""The schemata a party is screened as: what the screening index holds, what a query may name,
what a designation may be recorded for. Narrower than FtM's ``matchable`` flag, which also
covers addresses, accounts, securities and positions that no sanctions list designates by name.
PublicBody is in: the ftm-json reader (OpenSanctions) takes any concrete schema, and a ministry
or state agency stored as a PublicBody must be screened like any other organisation."""


@lru_cache(maxsize=256)
def dataset_for(name: str) -> Dataset:
    """One Dataset object per name: statements carry the dataset name, not the object."""
    from followthemoney import Dataset  # start-up: FtM's model (half a second), only to make entities

    return Dataset({"name": name, "title": name})


def make_entity(dataset: str, schema: str, entity_id: str) -> StatementEntity:
    """A new, empty entity; the ID must come from the source's own identifier (see DESIGN.md)."""
    if not entity_id:
        raise ValueError("entity ID must not be empty")
    from followthemoney.statement import StatementEntity  # start-up: as in dataset_for

    return StatementEntity(dataset_for(dataset), {"schema": schema, "id": entity_id})
