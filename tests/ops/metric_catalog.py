"""The Prometheus metrics the service promises (the table shared by the API, the engine and the
monitoring): names, types and bounded label values.

Dashboards and alert rules may read only these series; the sample exporter exposes exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from service.extraction.schema import metric_fields

MetricKind = Literal["counter", "gauge", "histogram"]

ENDPOINTS = ("/v1/parse", "/v1/parse/batch")
STATUS_CLASSES = ("2xx", "4xx", "5xx")
REJECT_REASONS = (
    "queue_full",
    "not_ready",
    "draining",
    "too_large",
    "bad_request",
    "deadline",
    "unauthorized",
)
FINISH_REASONS = ("eos", "length", "repetition")
READERS = ("x12", "edifact", "cargo-imp", "dcsa", "model")
FIELDS = metric_fields()  # the extraction's fields, two levels deep, read off its schema


@dataclass(frozen=True, slots=True)
class MetricSpec:
    name: str
    kind: MetricKind
    help: str
    labels: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def label_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.labels)

    @property
    def series_names(self) -> frozenset[str]:
        """The names Prometheus stores for this metric."""
        if self.kind == "histogram":
            return frozenset(f"{self.name}{suffix}" for suffix in ("_bucket", "_sum", "_count"))
        return frozenset({self.name})


CATALOG: tuple[MetricSpec, ...] = (
    MetricSpec(
        "manifest_parser_request_duration_seconds",
        "histogram",
        "end-to-end HTTP request latency",
        (("endpoint", ENDPOINTS), ("status_class", STATUS_CLASSES)),
    ),
    MetricSpec(
        "manifest_parser_rejected_requests_total",
        "counter",
        "requests refused",
        (("reason", REJECT_REASONS),),
    ),
    MetricSpec("manifest_parser_queue_wait_seconds", "histogram", "submit to admission into a decode slot"),
    MetricSpec("manifest_parser_time_to_first_token_seconds", "histogram", "submit to first generated token"),
    MetricSpec("manifest_parser_decode_step_seconds", "histogram", "one engine step (all running sequences)"),
    MetricSpec("manifest_parser_batch_size", "histogram", "running sequences per decode step"),
    MetricSpec("manifest_parser_decoder_entropy_nats", "histogram", "mean per-token entropy, per request"),
    MetricSpec(
        "manifest_parser_generations_total",
        "counter",
        "finished generations",
        (("finish_reason", FINISH_REASONS),),
    ),
    MetricSpec("manifest_parser_input_tokens_total", "counter", "tokens in"),
    MetricSpec("manifest_parser_output_tokens_total", "counter", "tokens out"),
    MetricSpec("manifest_parser_input_tokens", "histogram", "input tokens per request"),
    MetricSpec("manifest_parser_output_tokens", "histogram", "output tokens per request"),
    MetricSpec("manifest_parser_forced_tokens_total", "counter", "tokens fed by the grammar, not the model"),
    MetricSpec("manifest_parser_drafted_tokens_total", "counter", "model tokens confirmed from drafts"),
    MetricSpec("manifest_parser_requests_waiting", "gauge", "queue depth"),
    MetricSpec("manifest_parser_requests_running", "gauge", "sequences in decode slots"),
    MetricSpec("manifest_parser_queue_capacity", "gauge", "configured max waiting requests"),
    MetricSpec(
        "manifest_parser_schema_invalid_outputs_total", "counter", "outputs failing contract validation"
    ),
    MetricSpec(
        "manifest_parser_documents_total",
        "counter",
        "documents parsed, by what read them",
        (("reader", READERS),),
    ),
    MetricSpec(
        "manifest_parser_unreadable_values_total",
        "counter",
        "spans the normaliser nulled",
        (("field", FIELDS),),
    ),
    MetricSpec(
        "manifest_parser_ungrounded_values_total",
        "counter",
        "spans the text does not print",
        (("field", FIELDS),),
    ),
    MetricSpec("manifest_parser_field_confidence", "histogram", "confidence of each value returned"),
    MetricSpec(
        "manifest_parser_model_info",
        "gauge",
        "model metadata",
        (("version", ("sample",)), ("device", ("cpu",)), ("parameters", ("1000000",))),
    ),
    MetricSpec("manifest_parser_ready", "gauge", "1 when ready to serve"),
)

# Written by Prometheus itself for every scrape target.
PROMETHEUS_SERIES = frozenset({"up"})


def known_series() -> frozenset[str]:
    """Every series name an expression may select."""
    return PROMETHEUS_SERIES.union(*(spec.series_names for spec in CATALOG))
