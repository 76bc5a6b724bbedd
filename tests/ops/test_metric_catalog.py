"""The service's registry exposes exactly the catalogued series, so the dashboard and the alert
rules (checked against the catalogue) read what the service writes."""

from __future__ import annotations

from service.metrics import Metrics
from tests.ops.metric_catalog import CATALOG

P99_ALERT_THRESHOLD_S = 10.0  # service/ops/alerts.yml, ManifestParserP99LatencyHigh


def started_metrics() -> Metrics:
    """Metrics as the app holds them once the model is loaded."""
    metrics = Metrics(queue_capacity=8)
    metrics.set_model("v1", "cpu", 1000)
    return metrics


def test_the_service_exposes_every_catalogued_series_with_its_labels() -> None:
    exposed: dict[str, set[str]] = {}
    for family in started_metrics().registry.collect():
        for sample in family.samples:
            if not sample.name.endswith("_created"):
                exposed.setdefault(sample.name, set()).update(set(sample.labels) - {"le"})
    expected = {name: set(spec.label_names) for spec in CATALOG for name in spec.series_names}
    assert exposed == expected


def test_the_service_initialises_every_label_value_at_start_up() -> None:
    exposed = {
        (sample.name, label, value)
        for family in started_metrics().registry.collect()
        for sample in family.samples
        for label, value in sample.labels.items()
    }
    expected = {
        (name, label, value)
        for spec in CATALOG
        if spec.name != "manifest_parser_model_info"  # its values are the loaded model's
        for name in spec.series_names
        for label, values in spec.labels
        for value in values
    }
    assert sorted(expected - exposed) == []


def test_request_latency_has_a_bucket_edge_at_the_p99_alert_threshold() -> None:
    edges = {
        float(sample.labels["le"])
        for family in started_metrics().registry.collect()
        for sample in family.samples
        if sample.name == "manifest_parser_request_duration_seconds_bucket"
    }
    assert P99_ALERT_THRESHOLD_S in edges
