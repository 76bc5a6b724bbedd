"""A stand-in for the service's /metrics: every catalogued series on a loopback HTTP server.

It exists to prove the live Prometheus harness itself; the real service replaces it through the
`metrics_target_url` fixture. Values are computed at each scrape from the time since start, so
counters and histograms grow between scrapes (rate() has something to measure) with no
background thread. The text format is served whatever the scraper asks for, as the service does:
in OpenMetrics a `x_total` counter and an `x` histogram would both claim the family name `x`.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from tests.ops.metric_catalog import CATALOG, MetricSpec

EVENTS_PER_SECOND = 5.0
BUCKET_EDGES = (0.01, 0.1, 1.0, 10.0, 100.0)  # any layout will do: only the series have to exist
GAUGE_VALUES = {
    "manifest_parser_requests_waiting": 3.0,
    "manifest_parser_requests_running": 8.0,
    "manifest_parser_queue_capacity": 64.0,
    "manifest_parser_model_info": 1.0,
    "manifest_parser_ready": 1.0,
}


def _label_sets(spec: MetricSpec) -> list[list[str]]:
    return [list(values) for values in itertools.product(*(values for _, values in spec.labels))]


def _family(spec: MetricSpec, events: float) -> Metric:
    """One metric family, `events` observations in (spread evenly over the buckets)."""
    names = list(spec.label_names)
    if spec.kind == "gauge":
        gauge = GaugeMetricFamily(spec.name, spec.help, labels=names)
        for labels in _label_sets(spec):
            gauge.add_metric(labels, GAUGE_VALUES[spec.name])
        return gauge
    if spec.kind == "counter":
        counter = CounterMetricFamily(spec.name, spec.help, labels=names)
        for labels in _label_sets(spec):
            counter.add_metric(labels, events)
        return counter
    histogram = HistogramMetricFamily(spec.name, spec.help, labels=names)
    cumulative = [(str(edge), events * (i + 1) / len(BUCKET_EDGES)) for i, edge in enumerate(BUCKET_EDGES)]
    for labels in _label_sets(spec):
        histogram.add_metric(labels, [*cumulative, ("+Inf", events)], sum_value=events)
    return histogram


class SampleCollector(Collector):
    def __init__(self) -> None:
        self._start = time.monotonic()

    def collect(self) -> Iterator[Metric]:
        events = EVENTS_PER_SECOND * (time.monotonic() - self._start)
        for spec in CATALOG:
            yield _family(spec, events)


@contextmanager
def serve_sample_metrics() -> Iterator[str]:
    """Yield the sample exporter's /metrics URL on 127.0.0.1; stop the server on exit."""
    registry = CollectorRegistry()
    registry.register(SampleCollector())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = generate_latest(registry)
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPE_LATEST)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="sample-exporter", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/metrics"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
