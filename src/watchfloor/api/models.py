"""Request and response shapes of the HTTP API, all in one module.

The yente-compatible part keeps yente's field names exactly (``schema``, ``properties``,
``explanations``, ``total`` with ``value``/``relation``...), so that yente clients work unchanged.
watchfloor adds fields a yente client ignores: ``designation_status`` and ``designations`` say
whether a designation is in force, pending (announced, not yet effective) or only reported by
the press, so a news report is never presented as an official listing.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from watchfloor.index.query import QuerySpec
from watchfloor.model.entities import ScreenableSchema

DesignationState = Literal["effective", "pending", "reported", "lifted"]


class ErrorResponse(BaseModel):
    detail: str = Field(..., examples=["no dataset 'foo' in this store; datasets: default, us_ofac_sdn"])


class StatusResponse(BaseModel):
    status: str = "ok"


# --- entities -----------------------------------------------------------------------------------


class DesignationModel(BaseModel):
    """One designation of a party by one authority under one program, with its status on a date."""

    sanction_id: str
    authority: str
    program: str
    status: DesignationState = Field(
        ..., description="effective (in force), pending (announced, not yet in force), reported (press only)"
    )
    official: bool = Field(..., description="False when only news reporting carries it")
    start_date: str | None = None
    end_date: str | None = None
    listing_date: str | None = None
    dataset: str
    version_id: str
    source: str | None = None


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str = Field(..., examples=["ofac-36745"])
    caption: str = Field(..., examples=["CARTEL DE LOS SOLES"])
    schema_: str = Field(..., alias="schema", examples=["Organization"])
    properties: dict[str, list[str | EntityResponse]] = Field(
        ..., examples=[{"name": ["CARTEL DE LOS SOLES"]}]
    )
    datasets: list[str] = Field(default_factory=list)
    referents: list[str] = Field(default_factory=list)
    target: bool = Field(False, description="True when a designation of this party is in force")
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    designation_status: DesignationState | None = Field(
        None, description="The strongest status of this party's designations on the as-of date"
    )
    designations: list[DesignationModel] = Field(default_factory=list)


class AdjacentResultsResponse(BaseModel):
    """One property's neighbours, a page at a time (yente's ``/entities/{id}/adjacent``)."""

    results: list[str | EntityResponse] = Field(default_factory=list)
    total: TotalSpec
    limit: int
    offset: int = 0


class EntityAdjacentResponse(BaseModel):
    entity: EntityResponse
    adjacent: dict[str, AdjacentResultsResponse] = Field(
        ..., description="Per entity property with any neighbour: a page of them, nested as in /entities"
    )


class FeatureResult(BaseModel):
    """yente's per-feature explanation of a score."""

    score: float
    detail: str | None = None
    query: str | None = None
    candidate: str | None = None


class ScoredEntityResponse(EntityResponse):
    score: float
    match: bool = Field(..., description="Whether the score is at or above the threshold")
    explanations: dict[str, FeatureResult] = Field(default_factory=dict)
    features: dict[str, float] = Field(default_factory=dict, description="Deprecated yente field: subscores")
    explanation: list[str] = Field(default_factory=list, description="watchfloor: the reasons in plain words")
    exposure: list[dict[str, Any]] = Field(
        default_factory=list,
        description="watchfloor: paths (up to two hops) from a matched party to other designated parties",
    )


class TotalSpec(BaseModel):
    value: int
    relation: Literal["eq", "gte"] = "eq"


# --- /match -------------------------------------------------------------------------------------


class EntityExample(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: str = Field(..., alias="schema", examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(..., examples=[{"name": ["Nicolas Maduro Moros"]}])


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict, description="Accepted for yente compatibility")
    config: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


class EntityMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int
    as_of: str = Field(..., description="The date designation status is given for")
    algorithm: str = Field(..., description="watchfloor: the algorithm that scored the results")
    algorithm_requested: str = Field(
        ..., description="watchfloor: the name the caller asked for ('best', 'logic-v2', ...)"
    )


# --- /search ------------------------------------------------------------------------------------


class SearchFacetItem(BaseModel):
    name: str
    label: str
    count: int = 1


class SearchFacet(BaseModel):
    label: str
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    results: list[EntityResponse]
    facets: dict[str, SearchFacet] = Field(default_factory=dict)
    total: TotalSpec
    limit: int
    offset: int = 0


# --- /catalog and /algorithms -------------------------------------------------------------------


class DatasetModel(BaseModel):
    name: str
    title: str
    summary: str | None = None
    url: str | None = None
    load: bool = True
    entities_url: str | None = None
    version: str
    index_version: str | None = None
    index_current: bool = True
    children: list[str] = Field(default_factory=list)
    entity_count: int | None = None
    updated_at: str | None = None
    official: bool | None = Field(None, description="False for news datasets (reported, not official)")


class DataCatalogModel(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str] = Field(default_factory=list)
    index_stale: bool = False


class FeatureDoc(BaseModel):
    description: str | None
    coefficient: float
    url: str


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    config: dict[str, Any] = Field(default_factory=dict)
    features: dict[str, FeatureDoc]


class Algorithm(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc]
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


# --- watchfloor's own endpoints (/api/...) ------------------------------------------------------


class ExposureResponse(BaseModel):
    """``watchfloor exposure --json``: each path is a list of steps (``from``, ``to``, ``type``,
    ``percentage``, ``official``...); an alleged step adds ``article``, ``sentence``, ``status``."""

    entity_id: str
    designated: bool
    blocked: bool = Field(..., description="Designated, or blocked by the 50 percent rule under `reading`")
    ownership_by_blocked: float | None = Field(
        None, description="Percent held in aggregate by blocked persons"
    )
    paths: list[list[dict[str, Any]]] = Field(..., description="Paths over official relations only")
    exposed: bool
    ownership_paths: list[dict[str, Any]]
    as_of: str
    hops: int
    truncated: bool
    reading: Literal["ofac", "look-through"] = Field(
        ..., description="The reading of the 50 percent rule used"
    )
    alleged_paths: list[list[dict[str, Any]]] = Field(
        ..., description="Paths that need a press report: alleged, never official, never counted above"
    )
    pending: dict[str, Any] | None = Field(
        None, description="Blocked once an announced designation takes effect: `effective`, `days_left`..."
    )


class ScreenRequest(BaseModel):
    """One name to screen, as on the command line (``watchfloor screen``)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=1, max_length=500, examples=["Cartel de los Soles"])
    schema_: ScreenableSchema = Field("LegalEntity", alias="schema")
    birth_date: str | None = Field(None, examples=["1962-11-23"])
    country: str | None = Field(None, examples=["ve"])
    identifiers: list[str] = Field(default_factory=list)
    gender: str | None = None
    aliases: list[str] = Field(default_factory=list)
    as_of: str | None = Field(None, description="YYYY-MM-DD; status and knowledge as of that day")
    limit: int = Field(10, ge=1, le=500)
    threshold: float | None = Field(None, ge=0.0, le=1.0)

    def query(self) -> QuerySpec:
        return QuerySpec(
            self.name,
            self.schema_,
            self.birth_date,
            self.country,
            tuple(self.identifiers),
            self.gender,
            tuple(self.aliases),
        )


class HitDesignation(BaseModel):
    authority: str
    program: str
    status: DesignationState
    start_date: str | None = None
    official: bool
    source: str | None = None


class SamePartyModel(BaseModel):
    entity_id: str
    datasets: list[str]
    reason: str


class ScreeningHitModel(BaseModel):
    entity_id: str
    caption: str
    schema_: str = Field(..., alias="schema")
    score: float
    match: bool
    status: DesignationState
    datasets: list[str]
    designations: list[HitDesignation]
    explanation: list[str]
    exposure: list[dict[str, Any]] = Field(default_factory=list)
    same_as: list[SamePartyModel] = Field(
        default_factory=list,
        description="The party's entries on other lists, and why they are the same party",
    )


class ScreenResponse(BaseModel):
    query: dict[str, Any]
    results: list[ScreeningHitModel] = Field(..., description="Parties with a designation in force")
    pending: list[ScreeningHitModel] = Field(
        ..., description="Parties whose designations are only pending or reported: not (yet) official status"
    )
    list_versions: list[str] = Field(default_factory=list, description="The list versions screened against")


class ListVersionModel(BaseModel):
    version_id: str
    dataset: str
    seq: int
    format: str
    mode: str
    official: bool
    published: str
    ingested_at: str
    source: str
    checksum: str
    entity_count: int
    statement_count: int
    in_force: bool


class DesignationCounts(BaseModel):
    total: int
    by_status: dict[str, int]
    by_dataset: dict[str, dict[str, int]]


class ListsResponse(BaseModel):
    as_of: str
    versions: list[ListVersionModel]
    designations: DesignationCounts
    pending: list[dict[str, Any]] = Field(..., description="Designations announced but not yet in force")


REVIEWER_CHECK = (
    "Optional check: the reviewer is always the API key's name (without keys, the server's "
    "operating-system user); a different name here is refused with 403, never recorded"
)


class DecisionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["true_match", "false_positive", "escalated"]
    reason: str = Field(..., min_length=1, max_length=4000)
    whitelist: bool = Field(
        True,
        description="A false positive also silences the pair until its data change (needs a second reviewer)",
    )
    reviewer: str | None = Field(None, description=REVIEWER_CHECK)


class ApprovalRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(None, max_length=4000, description="Why the second reviewer approves")
    reviewer: str | None = Field(None, description=REVIEWER_CHECK)


class RejectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(..., min_length=1, max_length=4000)
    reviewer: str | None = Field(None, description=REVIEWER_CHECK)


class AssignRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: str = Field(..., min_length=1, max_length=200, description="The reviewer who takes the alert")


class CommentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, max_length=4000)


class PolicyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    four_eyes: bool = Field(..., description="Closing, whitelisting and reversing need a second reviewer")


class RescreenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    as_of: str | None = None
    threshold: float | None = Field(None, ge=0.0, le=1.0)


EntityResponse.model_rebuild()
ScoredEntityResponse.model_rebuild()
AdjacentResultsResponse.model_rebuild()
EntityAdjacentResponse.model_rebuild()
