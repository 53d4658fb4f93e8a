"""Exposure to designated parties through relationships, and blocking by ownership (OFAC 50%).

``storage`` holds the graph (numbered nodes, edge arrays, indexes); ``paths`` finds who is
exposed and through which relations; ``ownership`` applies the 50 percent rule and explains it;
``edges`` reads FtM relationship entities into the edges the storage is built from.
"""

from watchfloor.graph.edges import EDGE_TYPES, Edge, GraphInputError, edges_from_entities, parse_percentage
from watchfloor.graph.ownership import BlockedVerdict, Holding, blocked_by_ownership
from watchfloor.graph.paths import ExposureReport, exposure, official_paths
from watchfloor.graph.storage import ExposureGraph

__all__ = [
    "EDGE_TYPES",
    "BlockedVerdict",
    "Edge",
    "ExposureGraph",
    "ExposureReport",
    "GraphInputError",
    "Holding",
    "blocked_by_ownership",
    "edges_from_entities",
    "exposure",
    "official_paths",
    "parse_percentage",
]
