"""Crisis view: timeline, claim reconciliation, watch indicators, competing hypotheses, briefing.

Pure functions over entities and claims the caller passes in; the store, CLI and web console
wire them up.
"""

from watchfloor.crisis.ach import AchMatrix, Rating, Scenario, Weight, load_scenarios
from watchfloor.crisis.brief import build_brief, render_brief
from watchfloor.crisis.entities import SourceRef, event_type
from watchfloor.crisis.errors import CrisisError
from watchfloor.crisis.indicators import (
    FiredIndicator,
    Indicator,
    NotifyResult,
    evaluate,
    load_indicators,
    notify,
)
from watchfloor.crisis.reconcile import ReconciledClaim, reconcile
from watchfloor.crisis.timeline import TimelineItem, build_timeline

__all__ = [
    "AchMatrix",
    "CrisisError",
    "FiredIndicator",
    "Indicator",
    "NotifyResult",
    "Rating",
    "ReconciledClaim",
    "Scenario",
    "SourceRef",
    "TimelineItem",
    "Weight",
    "build_brief",
    "build_timeline",
    "evaluate",
    "event_type",
    "load_indicators",
    "load_scenarios",
    "notify",
    "reconcile",
    "render_brief",
]
