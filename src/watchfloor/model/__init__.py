"""FollowTheMoney helpers shared by every layer: entity construction, designation status, provenance."""

from watchfloor.model.designation import DesignationStatus, designation_status
from watchfloor.model.entities import dataset_for, make_entity

__all__ = ["DesignationStatus", "dataset_for", "designation_status", "make_entity"]
