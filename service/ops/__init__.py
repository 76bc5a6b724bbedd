"""Deployment and monitoring assets (Prometheus, alert rules, Grafana, nginx, Kubernetes) and the
helpers that read their PromQL so tests can evaluate it against a real Prometheus."""
