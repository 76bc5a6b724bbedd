"""Request and response bodies of the HTTP API (pydantic: this is the HTTP boundary).

Limits that do not depend on configuration are declared here and answered with 422. Numbers
are strict (`true` is not 1, `"10"` is not 10), so a client bug is refused rather
than guessed at. Emptiness, UTF-8 validity and size limits are checked by the edge instead,
because the API promises them their own status codes (400, 413); the OpenAPI document still
states them (`openapi.py`), so generated clients know what is refused.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from service.api.examples import OCEAN_BL_MANIFEST, OCEAN_BL_TEXT
from service.engine.types import Decoding, FinishReason
from service.manifest import Manifest

EXAMPLE_META: dict[str, Any] = {
    "model_version": "v5",
    "input_tokens": 612,
    "output_tokens": 287,
    "finish_reason": "eos",
    "mean_entropy": 0.04,
    "queue_seconds": 0.002,
    "duration_seconds": 1.9,
}


MAX_BEAM_WIDTH = 16
# A document takes the encoder plus a decode step per output token: about a second on a CPU.
# A shorter deadline is a client error (422), not a 504 the service could never have avoided.
MIN_TIMEOUT_S = 1.0
MAX_TIMEOUT_S = 3600.0
# Text must contain something other than whitespace (checked by the edge: 400).
NON_BLANK = r"\S"


class _Body(BaseModel):
    """Unknown fields are refused, so a misspelt option is an error rather than ignored."""

    model_config = ConfigDict(extra="forbid")


def _text(description: str) -> Any:
    return Field(description=description, json_schema_extra={"minLength": 1, "pattern": NON_BLANK})


class ParseOptions(_Body):
    max_new_tokens: int | None = Field(
        default=None,
        ge=1,
        strict=True,
        description="output token budget; default and upper bound are the service's max_new_tokens",
    )
    decoding: Decoding = Field(
        default=Decoding.GREEDY, description="greedy, or beam search of `beam_width` beams"
    )
    beam_width: int = Field(
        default=4,
        ge=1,
        le=MAX_BEAM_WIDTH,
        strict=True,
        description="beams kept when decoding is beam (then at most the service's max_slots)",
    )
    timeout_s: float | None = Field(
        default=None,
        ge=MIN_TIMEOUT_S,
        le=MAX_TIMEOUT_S,
        strict=True,
        allow_inf_nan=False,
        description="deadline for this document; default is the service's default_timeout_s",
    )


class ParseRequest(_Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"text": OCEAN_BL_TEXT, "options": {"decoding": "greedy"}}]}
    )

    text: str = _text("the document's text, as extracted (layout whitespace kept)")
    options: ParseOptions = Field(default_factory=ParseOptions)


ReaderName = Literal["x12", "edifact", "cargo-imp", "dcsa", "model"]


class ParseMeta(BaseModel):
    model_version: str
    input_tokens: int = Field(description="source tokens the model read (0 when a reader read it)")
    output_tokens: int = Field(description="tokens generated, grammar-forced ones included")
    finish_reason: FinishReason | Literal["partial"] = Field(
        description="length: the token budget ran out and the JSON was closed; "
        "partial: a reader read the message only in part (see `unparsed`)"
    )
    mean_entropy: float = Field(
        description="mean per-token entropy (nats) of the model's choices; high = unsure"
    )
    queue_seconds: float = Field(description="waiting time before decoding started")
    duration_seconds: float = Field(description="time from submission to the finished manifest")
    reader: ReaderName = Field(
        default="model", description="what read the document: a machine message's standard, or the model"
    )
    partial: bool = Field(default=False, description="the reader read the message only in part")
    unparsed: list[str] = Field(
        default_factory=list, description="the segments a reader left out, each with its line and why"
    )
    fallback: str | None = Field(
        default=None, description="why a machine message in the document went to the model, not its reader"
    )


class SourceSpan(BaseModel):
    start: int = Field(description="offset of the first character in the submitted text")
    end: int = Field(description="offset after the last character: text[start:end] is the piece")
    text: str = Field(description="the piece of the submitted text")


class Provenance(BaseModel):
    path: str = Field(description="the manifest leaf, e.g. items[0].gross_weight.value")
    spans: list[SourceSpan] = Field(description="where in the submitted text the value was read, in order")
    confidence: float = Field(ge=0, le=1, description="the decoder's confidence in the value (0-1)")


class ParseResponse(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"manifest": OCEAN_BL_MANIFEST, "provenance": [], "meta": EXAMPLE_META}]
        }
    )

    manifest: Manifest
    provenance: list[Provenance] = Field(
        default_factory=list,
        description="for each non-null manifest value read from the text: its source and confidence",
    )
    meta: ParseMeta


class BatchDocument(_Body):
    id: str | None = Field(default=None, max_length=200, description="echoed back with the result")
    text: str = _text("the document's text, as extracted (layout whitespace kept)")


class BatchRequest(_Body):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"documents": [{"id": "hlcu-877", "text": OCEAN_BL_TEXT}]}]}
    )

    documents: list[BatchDocument] = Field(
        min_length=1, description="parsed concurrently; results keep this order; at most max_batch_documents"
    )
    options: ParseOptions = Field(default_factory=ParseOptions, description="applied to every document")


class ErrorBody(BaseModel):
    status: int = Field(description="the HTTP status this error has (per document inside a batch)")
    error: str = Field(description="machine-readable error code")
    message: str
    details: list[dict[str, Any]] | None = Field(default=None, description="validation errors, for 422")


class BatchResult(BaseModel):
    id: str | None
    manifest: Manifest | None = None
    provenance: list[Provenance] | None = None
    meta: ParseMeta | None = None
    error: ErrorBody | None = None


class BatchResponse(BaseModel):
    results: list[BatchResult] = Field(description="one per document, in request order")


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    ready: bool
    status: str = Field(description="ready, loading, draining or unhealthy")


class ModelDescription(BaseModel):
    model_config = ConfigDict(protected_namespaces=())

    version: str
    device: str
    parameters: int
    max_input_tokens: int
    max_new_tokens: int = Field(description="output token limit: the setting, capped by the model")
    config: dict[str, Any] = Field(description="the network's shape, as saved with the weights")
    card: dict[str, Any] = Field(description="training recipe, data and evaluation figures")
