"""Exposure to designated parties through relationships, and blocking by ownership (OFAC 50%)."""

from watchfloor.graph.edges import EDGE_TYPES, Edge, GraphInputError, edges_from_entities, parse_percentage
from watchfloor.graph.exposure import BlockedVerdict, ExposureGraph, ExposureReport, Holding

__all__ = [
    "EDGE_TYPES",
    "BlockedVerdict",
    "Edge",
    "ExposureGraph",
    "ExposureReport",
    "GraphInputError",
    "Holding",
    "edges_from_entities",
    "parse_percentage",
]
