"""The deployment files agree with each other and with the service: settings that exist, grace
periods above the drain, mounts that exist, one datasource, a dashboard grid that fits, and a
runbook section for every alert. (Syntax is checked by the real tools: scripts/check_deploy.sh.)"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from service.api.serve_cli import SHUTDOWN_MARGIN_S
from service.config import ENV_PREFIX, Settings
from service.ops.promql import DASHBOARD_FILES, OPS_DIR, RULE_FILES
from tests.ops.metric_catalog import CATALOG
from tests.shared_material import REPO_ROOT

GRID_COLUMNS = 24


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def compose() -> dict[str, Any]:
    return dict(load_yaml(REPO_ROOT / "docker-compose.yml"))


def deployment() -> dict[str, Any]:
    return dict(load_yaml(OPS_DIR / "k8s" / "deployment.yaml"))


def seconds(duration: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(s|m)", duration)
    assert match, duration
    return float(match[1]) * (60 if match[2] == "m" else 1)


def alert_rules() -> list[dict[str, Any]]:
    return [rule for path in RULE_FILES for group in load_yaml(path)["groups"] for rule in group["rules"]]


def test_every_service_setting_the_deployment_sets_exists() -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    k8s_env = [item["name"] for item in deployment()["spec"]["template"]["spec"]["containers"][0]["env"]]
    names = set(re.findall(rf"\b({ENV_PREFIX}\w+)=", dockerfile))
    names |= {name for name in compose()["services"]["parser"]["environment"] if name.startswith(ENV_PREFIX)}
    names |= {name for name in k8s_env if name.startswith(ENV_PREFIX)}
    settings = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    assert sorted(names - settings) == []


def test_containers_are_killed_only_after_the_grace_drain_and_shutdown_margin() -> None:
    parser = compose()["services"]["parser"]
    grace = float(parser["environment"]["MANIFEST_PARSER_DRAIN_GRACE_S"])
    drain = float(parser["environment"]["MANIFEST_PARSER_DRAIN_TIMEOUT_S"])
    assert seconds(parser["stop_grace_period"]) > grace + drain + SHUTDOWN_MARGIN_S

    pod = deployment()["spec"]["template"]["spec"]
    container = pod["containers"][0]
    k8s_env = {item["name"]: item["value"] for item in container["env"]}
    k8s_grace = float(k8s_env["MANIFEST_PARSER_DRAIN_GRACE_S"])
    k8s_drain = float(k8s_env["MANIFEST_PARSER_DRAIN_TIMEOUT_S"])
    pre_stop_command = " ".join(container["lifecycle"]["preStop"]["exec"]["command"])
    pre_stop = re.search(r"sleep\((\d+(?:\.\d+)?)\)", pre_stop_command)
    assert pre_stop is not None
    budget = float(pre_stop[1]) + k8s_grace + k8s_drain + SHUTDOWN_MARGIN_S
    assert pod["terminationGracePeriodSeconds"] > budget


def test_grafana_password_is_required_and_has_no_default() -> None:
    password = compose()["services"]["grafana"]["environment"]["GF_SECURITY_ADMIN_PASSWORD"]
    # `${VAR:?message}`: compose refuses to start when VAR is unset or empty
    assert re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}", password), password


def test_monitoring_ports_are_published_on_loopback_unless_overridden() -> None:
    services = compose()["services"]
    published = {name: services[name]["ports"] for name in ("prometheus", "grafana")}
    assert published == {
        "prometheus": ["${PROMETHEUS_BIND:-127.0.0.1}:${PROMETHEUS_PORT:-9090}:9090"],
        "grafana": ["${GRAFANA_BIND:-127.0.0.1}:${GRAFANA_PORT:-3000}:3000"],
    }


def test_parser_publishes_no_host_port_so_it_can_scale() -> None:
    services = compose()["services"]
    assert "ports" not in services["parser"]
    assert services["nginx"]["ports"]


def test_every_file_mounted_into_a_container_exists() -> None:
    mounts = [
        volume.split(":")[0]
        for service in compose()["services"].values()
        for volume in service.get("volumes", [])
        if volume.startswith("./")
    ]
    assert mounts
    assert [mount for mount in mounts if not (REPO_ROOT / mount).exists()] == []


def test_dashboards_use_the_provisioned_datasource_and_the_mounted_path() -> None:
    provisioning = OPS_DIR / "grafana" / "provisioning"
    (datasource,) = load_yaml(provisioning / "datasources" / "prometheus.yml")["datasources"]
    (provider,) = load_yaml(provisioning / "dashboards" / "manifest-parser.yml")["providers"]
    grafana_mounts = dict(volume.split(":")[:2] for volume in compose()["services"]["grafana"]["volumes"])
    assert grafana_mounts["./service/ops/grafana/dashboards"] == provider["options"]["path"]
    for path in DASHBOARD_FILES:
        text = path.read_text()
        uids = set(re.findall(r'"uid":\s*"([^"]+)"', text)) - {json.loads(text)["uid"]}
        assert uids == {datasource["uid"]}, path.name


def test_dashboard_panels_have_unique_ids_and_fit_the_grid_without_overlap() -> None:
    for path in DASHBOARD_FILES:
        panels = json.loads(path.read_text())["panels"]
        assert len({panel["id"] for panel in panels}) == len(panels)
        cells: dict[tuple[int, int], str] = {}
        for panel in panels:
            grid = panel["gridPos"]
            assert grid["x"] + grid["w"] <= GRID_COLUMNS, panel["title"]
            for x in range(grid["x"], grid["x"] + grid["w"]):
                for y in range(grid["y"], grid["y"] + grid["h"]):
                    assert (x, y) not in cells, f"{panel['title']} overlaps {cells[(x, y)]}"
                    cells[(x, y)] = panel["title"]


def test_every_alert_states_its_threshold_and_has_a_runbook_section() -> None:
    operations = (REPO_ROOT / "docs" / "operations.md").read_text()
    headings = {line.lstrip("#").strip().lower() for line in operations.splitlines() if line.startswith("#")}
    for rule in alert_rules():
        assert rule["annotations"]["threshold"], rule["alert"]
        assert rule["annotations"]["runbook"] == f"docs/operations.md#{rule['alert'].lower()}"
        assert rule["alert"].lower() in headings, rule["alert"]


def test_alerts_select_the_job_prometheus_scrapes() -> None:
    (job,) = load_yaml(OPS_DIR / "prometheus.yml")["scrape_configs"]
    selected = {match for rule in alert_rules() for match in re.findall(r'job="([^"]+)"', rule["expr"])}
    assert selected == {job["job_name"]}


def test_the_autoscaler_metric_is_a_catalogued_gauge_served_by_the_adapter() -> None:
    hpa = load_yaml(OPS_DIR / "k8s" / "hpa.yaml")
    (metric,) = hpa["spec"]["metrics"]
    name = metric["pods"]["metric"]["name"]
    assert {spec.name: spec.kind for spec in CATALOG}[name] == "gauge"
    adapter = yaml.safe_load(load_yaml(OPS_DIR / "k8s" / "prometheus-adapter.yaml")["data"]["config.yaml"])
    assert [rule["name"]["as"] for rule in adapter["rules"]] == [name]
