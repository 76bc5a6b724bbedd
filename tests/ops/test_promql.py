"""PromQL extraction: the metric names each expression reads, Grafana variables, the `bool` probe
form, and the shipped dashboard and rules reading only catalogued series."""

from __future__ import annotations

import json

import pytest

from service.ops.promql import (
    DASHBOARD_FILES,
    Expression,
    dashboard_expressions,
    metric_names,
    probe,
    resolve_variables,
    rule_expressions,
    shipped_expressions,
    template_values,
    tokenize,
)
from tests.ops.metric_catalog import CATALOG, known_series


@pytest.mark.parametrize(
    ("promql", "names"),
    [
        ("up", {"up"}),
        ('up{job="manifest-parser", instance=~"a|b"}', {"up"}),
        (
            'histogram_quantile(0.99, sum by (le, endpoint) (rate(x_bucket{status_class!="4xx"}[5m])))',
            {"x_bucket"},
        ),
        (
            "sum(rate(a_total[1m])) by (instance) / on (instance) group_left (version) b_info",
            {"a_total", "b_info"},
        ),
        ("sum without (pod) (a) and ignoring (le) b offset 5m", {"a", "b"}),
        ('(sum(up{job="p"}) or vector(0)) < 1', {"up"}),
        ('count_values("version", m) > bool 1e3 unless n @ start()', {"m", "n"}),
        ('label_replace(a, "by", "$1", "sum", "(.*)")', {"a"}),
        ("max_over_time(a[1h:5m]) # by comment b", {"a"}),
        ("sum by (le) (x) * inf - NaN", {"x"}),
    ],
)
def test_metric_names_are_the_selected_series_only(promql: str, names: set[str]) -> None:
    assert metric_names(promql) == names


def test_tokens_reassemble_the_expression_and_unknown_characters_are_refused() -> None:
    promql = 'sum by (le) (rate(x_bucket{a="b c"}[5m])) > 0.5'
    assert "".join(token.text for token in tokenize(promql)) == promql
    with pytest.raises(ValueError, match=r"unexpected '\$'"):
        tokenize("rate(x[$__rate_interval])")


@pytest.mark.parametrize(
    ("promql", "probed"),
    [
        ("a / b > 0.01", "a / b > bool 0.01"),
        ("a < 0.5\nand\nb >= 100", "a < bool 0.5\nand\nb >= bool 100"),
        ("(sum(up) or vector(0)) < 1", "(sum(up) or vector(0)) < bool 1"),
        ('m{job!="x", a=~"y"} == 0', 'm{job!="x", a=~"y"} == bool 0'),
        ("count(a > 1) > bool 2", "count(a > 1) > bool 2"),
        ("w / on (instance) c > 0.9", "w / on (instance) c > bool 0.9"),
        ("rate(a[5m])", "rate(a[5m])"),
    ],
)
def test_probe_turns_top_level_comparisons_into_bool(promql: str, probed: str) -> None:
    assert probe(promql) == probed


DASHBOARD = {
    "templating": {
        "list": [
            {"name": "instance", "includeAll": True, "allValue": ".+", "current": {"value": ["$__all"]}},
            {"name": "job", "current": {"value": "manifest-parser"}},
            {"name": "pods", "multi": True, "current": {"value": ["a", "b"]}},
            {"name": "bare", "includeAll": True},
        ]
    },
    "panels": [
        {
            "title": "Rate",
            "targets": [
                {"refId": "A", "expr": 'rate(x{instance=~"$instance", job="${job}"}[$__rate_interval])'},
                {"refId": "B", "expr": ""},
            ],
        },
        {
            "title": "Row",
            "type": "row",
            "panels": [
                {"title": "Inner", "targets": [{"refId": "A", "expr": 'y{pod=~"[[pods]]", b=~"$bare"}'}]}
            ],
        },
    ],
}


def test_template_variables_take_their_load_time_values() -> None:
    assert template_values(DASHBOARD) == {
        "instance": ".+",
        "job": "manifest-parser",
        "pods": "a|b",
        "bare": ".*",
    }


def test_dashboard_expressions_resolve_variables_and_include_collapsed_rows() -> None:
    assert dashboard_expressions(DASHBOARD, "d.json") == [
        Expression("d.json: Rate [A]", 'rate(x{instance=~".+", job="manifest-parser"}[1m])'),
        Expression("d.json: Inner [A]", 'y{pod=~"a|b", b=~".*"}'),
    ]


def test_an_undefined_variable_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"\$nope"):
        resolve_variables("rate(x[${nope:raw}])", {})


def test_rule_expressions_cover_alerting_and_recording_rules() -> None:
    rules = {
        "groups": [{"rules": [{"alert": "A", "expr": "up == 0\n"}, {"record": "r:x", "expr": "sum(x)"}]}]
    }
    assert rule_expressions(rules, "r.yml") == [
        Expression("r.yml: A", "up == 0"),
        Expression("r.yml: r:x", "sum(x)"),
    ]


def test_shipped_expressions_read_only_catalogued_series() -> None:
    expressions = shipped_expressions()
    known = known_series()
    assert {e.origin: sorted(e.metrics - known) for e in expressions if e.metrics - known} == {}
    assert all(expression.metrics for expression in expressions)


def test_the_dashboard_shows_every_catalogued_metric() -> None:
    panels = [e for path in DASHBOARD_FILES for e in dashboard_expressions(json.loads(path.read_text()))]
    shown = set().union(*(expression.metrics for expression in panels))
    assert sorted(spec.name for spec in CATALOG if not spec.series_names & shown) == []
