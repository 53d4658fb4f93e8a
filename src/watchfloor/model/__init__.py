"""FollowTheMoney helpers shared by every layer: entity construction, designation status, provenance."""

from watchfloor.model.designation import DesignationStatus, designation_status
from watchfloor.model.entities import MATCHABLE_SCHEMATA, NEWS_DATASET, dataset_for, make_entity

__all__ = [
    "MATCHABLE_SCHEMATA",
    "NEWS_DATASET",
    "DesignationStatus",
    "dataset_for",
    "designation_status",
    "make_entity",
]
