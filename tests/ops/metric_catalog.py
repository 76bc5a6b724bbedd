"""The Prometheus metrics the service promises (the table shared by the API, the engine and the
monitoring): names, types and bounded label values.

Dashboards and alert rules may read only these series; the sample exporter exposes exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
FINISH_REASONS = ("eos", "length")
# the contract's leaves, list items and nested parties/places collapsed: one series per field
SPAN_FIELDS = (
    "arrival_date",
    "carrier",
    "consignee",
    "consignee.address",
    "consignee.country",
    "consignee.name",
    "containers",
    "containers.number",
    "containers.seal",
    "containers.size_type",
    "departure_date",
    "document_number",
    "freight_terms",
    "incoterm",
    "issue_date",
    "items",
    "items.dangerous_goods",
    "items.description",
    "items.gross_weight",
    "items.hs_code",
    "items.marks",
    "items.package_type",
    "items.quantity",
    "items.volume",
    "notify_party",
    "notify_party.address",
    "notify_party.country",
    "notify_party.name",
    "place_of_delivery",
    "place_of_delivery.name",
    "place_of_delivery.unlocode",
    "port_of_discharge",
    "port_of_discharge.name",
    "port_of_discharge.unlocode",
    "port_of_loading",
    "port_of_loading.name",
    "port_of_loading.unlocode",
    "shipper",
    "shipper.address",
    "shipper.country",
    "shipper.name",
    "total_gross_weight",
    "total_gross_weight.unit",
    "total_gross_weight.value",
    "total_packages",
    "total_volume",
    "total_volume.unit",
    "total_volume.value",
    "vessel_or_flight",
    "voyage",
)


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
        "manifest_parser_model_info",
        "gauge",
        "model metadata",
        (("version", ("sample",)), ("device", ("cpu",)), ("parameters", ("1000000",))),
    ),
    MetricSpec("manifest_parser_ready", "gauge", "1 when ready to serve"),
    MetricSpec(
        "manifest_parser_unreadable_values_total",
        "counter",
        "printed spans the normaliser could not read",
        (("field", SPAN_FIELDS),),
    ),
    MetricSpec(
        "manifest_parser_ungrounded_values_total",
        "counter",
        "decoded spans the document does not print",
        (("field", SPAN_FIELDS),),
    ),
    MetricSpec("manifest_parser_field_confidence", "histogram", "decoder confidence of each returned value"),
)

# Written by Prometheus itself for every scrape target.
PROMETHEUS_SERIES = frozenset({"up"})


def known_series() -> frozenset[str]:
    """Every series name an expression may select."""
    return PROMETHEUS_SERIES.union(*(spec.series_names for spec in CATALOG))
