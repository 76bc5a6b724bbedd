"""Every Prometheus metric of the service, declared once, in base units.

`Metrics` owns a private `CollectorRegistry` so several apps (tests) can live in one process.
It is also the engine's `EngineObserver`: the engine reports steps, admissions, first tokens,
finished generations and queue depth through it and never imports prometheus itself.
Every labelled series is created at start-up with value 0, so dashboards and alert ratios
see a series before the first event (a missing series would read as "no data", not 0).
Names and meanings are documented in docs/metrics.md; the dashboard and alerts use them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from service.engine.types import FinishReason, GenerationResult
from service.extraction.schema import metric_field, metric_fields
from service.readers import READERS

PREFIX = "manifest_parser_"
ENDPOINTS = ("/v1/parse", "/v1/parse/batch")
STATUS_CLASSES = ("2xx", "4xx", "5xx")
FINISH_REASONS = tuple(reason.value for reason in FinishReason)
READER_LABELS = (*READERS, "model")  # who read a parsed document: a standard's reader, or the model

REQUEST_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)
WAIT_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
STEP_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64)
ENTROPY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0)
TOKEN_BUCKETS = (16, 32, 64, 128, 256, 512, 1024, 2048, 4096)
CONFIDENCE_BUCKETS = (0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0)
SPAN_FIELDS = metric_fields()  # the bounded label set of the span metrics


class RejectReason(StrEnum):
    """Why a request was refused: the bounded label set of rejected_requests_total."""

    QUEUE_FULL = "queue_full"
    NOT_READY = "not_ready"
    DRAINING = "draining"
    TOO_LARGE = "too_large"
    BAD_REQUEST = "bad_request"
    DEADLINE = "deadline"
    UNAUTHORIZED = "unauthorized"


def status_class(status: int) -> str:
    """Collapse an HTTP status into the bounded `status_class` label (anything below 400 is 2xx)."""
    if status >= 500:
        return "5xx"
    return "4xx" if status >= 400 else "2xx"


class TotalsOf(Collector):
    """Counters that are the running sums of histograms (tokens in and out).

    The client library reserves a counter's base name, so a `Counter("x_total")` cannot sit
    beside a `Histogram("x")` in one registry; exposing the histogram's sum under the counter's
    name gives both series, and the two can never disagree."""

    def __init__(self, sums: dict[str, tuple[str, Histogram]]) -> None:
        self._sums = sums

    def collect(self) -> Iterator[Metric]:
        for name, (documentation, histogram) in self._sums.items():
            total = next(s.value for m in histogram.collect() for s in m.samples if s.name.endswith("_sum"))
            yield CounterMetricFamily(name, documentation, value=total)


class Metrics:
    """The metrics of one app and the engine observer that feeds most of them."""

    def __init__(self, queue_capacity: int) -> None:
        self.registry = CollectorRegistry()
        reg = self.registry
        self.request_duration = Histogram(
            PREFIX + "request_duration_seconds",
            "End-to-end HTTP request latency.",
            ["endpoint", "status_class"],
            buckets=REQUEST_BUCKETS,
            registry=reg,
        )
        self.rejected = Counter(
            PREFIX + "rejected_requests_total", "Requests refused, by reason.", ["reason"], registry=reg
        )
        self.queue_wait = Histogram(
            PREFIX + "queue_wait_seconds",
            "Submit to admission into a decode slot.",
            buckets=WAIT_BUCKETS,
            registry=reg,
        )
        self.time_to_first_token = Histogram(
            PREFIX + "time_to_first_token_seconds",
            "Submit to first generated token.",
            buckets=WAIT_BUCKETS,
            registry=reg,
        )
        self.decode_step = Histogram(
            PREFIX + "decode_step_seconds",
            "One engine step over all running sequences.",
            buckets=STEP_BUCKETS,
            registry=reg,
        )
        self.batch_size = Histogram(
            PREFIX + "batch_size", "Running sequences per decode step.", buckets=BATCH_BUCKETS, registry=reg
        )
        self.entropy = Histogram(
            PREFIX + "decoder_entropy_nats",
            "Mean per-token entropy of the model distribution, per request.",
            buckets=ENTROPY_BUCKETS,
            registry=reg,
        )
        self.generations = Counter(
            PREFIX + "generations_total",
            "Finished generations, by finish reason.",
            ["finish_reason"],
            registry=reg,
        )
        self.input_tokens = Histogram(
            PREFIX + "input_tokens", "Source tokens per request.", buckets=TOKEN_BUCKETS, registry=reg
        )
        self.output_tokens = Histogram(
            PREFIX + "output_tokens", "Generated tokens per request.", buckets=TOKEN_BUCKETS, registry=reg
        )
        reg.register(
            TotalsOf(
                {
                    PREFIX + "input_tokens_total": ("Source tokens read.", self.input_tokens),
                    PREFIX + "output_tokens_total": ("Tokens generated.", self.output_tokens),
                }
            )
        )
        self.forced_tokens = Counter(
            PREFIX + "forced_tokens_total",
            "Tokens fed by the grammar without a model decision.",
            registry=reg,
        )
        self.drafted_tokens = Counter(
            PREFIX + "drafted_tokens_total",
            "Model-chosen tokens confirmed from a source draft, without a decoder call of their own.",
            registry=reg,
        )
        self.waiting = Gauge(PREFIX + "requests_waiting", "Requests in the waiting queue.", registry=reg)
        self.running = Gauge(PREFIX + "requests_running", "Sequences in decode slots.", registry=reg)
        self.queue_capacity = Gauge(
            PREFIX + "queue_capacity", "Configured bound of the waiting queue.", registry=reg
        )
        self.documents = Counter(
            PREFIX + "documents_total",
            "Documents parsed, by what read them: a standard's reader or the model.",
            ["reader"],
            registry=reg,
        )
        self.schema_invalid = Counter(
            PREFIX + "schema_invalid_outputs_total", "Outputs that failed contract validation.", registry=reg
        )
        self.model_info = Gauge(
            PREFIX + "model_info",
            "Loaded model (value 1).",
            ["version", "device", "parameters"],
            registry=reg,
        )
        self.ready = Gauge(PREFIX + "ready", "1 when ready to serve, else 0.", registry=reg)
        self.unreadable_values = Counter(
            PREFIX + "unreadable_values_total",
            "Printed spans the normaliser could not read (nulled, never guessed), by field.",
            ["field"],
            registry=reg,
        )
        self.ungrounded_values = Counter(
            PREFIX + "ungrounded_values_total",
            "Decoded spans the document does not print (dropped as null), by field.",
            ["field"],
            registry=reg,
        )
        self.field_confidence = Histogram(
            PREFIX + "field_confidence",
            "Decoder confidence of each value returned (0-1).",
            buckets=CONFIDENCE_BUCKETS,
            registry=reg,
        )

        self.queue_capacity.set(queue_capacity)
        for name in SPAN_FIELDS:
            self.unreadable_values.labels(name)
            self.ungrounded_values.labels(name)
        for endpoint in ENDPOINTS:
            for status in STATUS_CLASSES:
                self.request_duration.labels(endpoint, status)
        for reason in RejectReason:
            self.rejected.labels(reason.value)
        for finish_reason in FINISH_REASONS:
            self.generations.labels(finish_reason)
        for reader in READER_LABELS:
            self.documents.labels(reader)

    # ---- EngineObserver -----------------------------------------------------------------

    def on_step(self, duration_s: float, batch_size: int) -> None:
        self.decode_step.observe(duration_s)
        self.batch_size.observe(batch_size)

    def on_admitted(self, queue_seconds: float) -> None:
        self.queue_wait.observe(queue_seconds)

    def on_first_token(self, ttft_seconds: float) -> None:
        self.time_to_first_token.observe(ttft_seconds)

    def on_finish(self, result: GenerationResult) -> None:
        self.generations.labels(str(result.finish_reason)).inc()
        self.input_tokens.observe(result.input_tokens)
        self.output_tokens.observe(result.output_tokens)
        self.forced_tokens.inc(result.forced_tokens)
        self.drafted_tokens.inc(result.drafted_tokens)
        self.entropy.observe(result.mean_entropy)

    def on_queue(self, waiting: int, running: int) -> None:
        self.waiting.set(waiting)
        self.running.set(running)

    # ---- the HTTP side ------------------------------------------------------------------

    def observe_request(self, endpoint: str, status: int, seconds: float) -> None:
        self.request_duration.labels(endpoint, status_class(status)).observe(seconds)

    def on_document(self, reader: str) -> None:
        self.documents.labels(reader).inc()

    def observe_reading(self, unreadable: list[str], ungrounded: list[str], confidences: list[float]) -> None:
        """What turning one decoded output into a manifest found: spans nulled, and value confidences."""
        for path in unreadable:
            self.unreadable_values.labels(metric_field(path)).inc()
        for path in ungrounded:
            self.ungrounded_values.labels(metric_field(path)).inc()
        for confidence in confidences:
            self.field_confidence.observe(confidence)

    def reject(self, reason: RejectReason) -> None:
        self.rejected.labels(reason.value).inc()

    def set_model(self, version: str, device: str, parameters: int) -> None:
        self.model_info.labels(version, device, str(parameters)).set(1)

    def track_readiness(self, is_ready: Callable[[], bool]) -> None:
        """The ready gauge reads the service's state at scrape time, so it can never go stale."""
        self.ready.set_function(lambda: 1.0 if is_ready() else 0.0)

    def exposition(self) -> tuple[bytes, str]:
        """The text format served at /metrics, with its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
