"""Every PromQL expression the deployment ships, read from the Grafana dashboard and the alert rules.

Tests evaluate these against a real Prometheus and check the metric names against the service's
metric catalogue, so a renamed metric or a typo in a panel fails a test instead of showing an empty
graph in production. Grafana template variables are resolved the way Grafana would with its
defaults ("All" becomes the variable's allValue, `.*` without one). Metric names are found with a
small lexer, not a full PromQL parser: enough for selectors, functions, aggregations with
`by`/`without` label lists, vector matching, label matchers, ranges and `offset`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OPS_DIR = Path(__file__).resolve().parent
DASHBOARD_FILES: tuple[Path, ...] = tuple(sorted((OPS_DIR / "grafana" / "dashboards").glob("*.json")))
RULE_FILES: tuple[Path, ...] = (OPS_DIR / "alerts.yml",)

# Grafana's built-in variables, as fixed durations: long enough for rate() over a few scrapes.
BUILTIN_VARIABLES: dict[str, str] = {
    "__rate_interval": "1m",
    "__interval": "1m",
    "__range": "1h",
}

_TOKEN = re.compile(
    r"""
    (?P<string>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`)
  | (?P<comment>\#[^\n]*)
  | (?P<number>(?:\d+(?:ms|[smhdwy]))+|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<ident>[A-Za-z_:][A-Za-z0-9_:]*)
  | (?P<comparison>==|!=|>=|<=|>|<)
  | (?P<matcher>=~|!~|=)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<space>\s+)
  | (?P<other>[-+*/%^,@])
    """,
    re.VERBOSE,
)
_AGGREGATIONS = frozenset(
    {"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values"}
    | {"bottomk", "topk", "quantile", "limitk", "limit_ratio"}
)
_LABEL_LIST_KEYWORDS = frozenset({"by", "without", "on", "ignoring", "group_left", "group_right"})
_KEYWORDS = _LABEL_LIST_KEYWORDS | {"and", "or", "unless", "bool", "offset", "atan2", "inf", "nan"}
_VARIABLE = re.compile(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Expression:
    """One PromQL expression, where it comes from, and the metric names it reads."""

    origin: str
    promql: str

    @property
    def metrics(self) -> frozenset[str]:
        return metric_names(self.promql)


def tokenize(promql: str) -> list[Token]:
    """Tokens whose texts concatenate back to `promql`; raises ValueError on a character PromQL lacks."""
    tokens: list[Token] = []
    position = 0
    while position < len(promql):
        match = _TOKEN.match(promql, position)
        if match is None or match.lastgroup is None:
            raise ValueError(f"unexpected {promql[position]!r} at {position} in {promql!r}")
        tokens.append(Token(match.lastgroup, match.group()))
        position = match.end()
    return tokens


def _significant(promql: str) -> list[Token]:
    return [token for token in tokenize(promql) if token.kind not in ("space", "comment")]


def _skip_group(tokens: list[Token], start: int) -> int:
    """Index just past the bracket group opening at `start`."""
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].kind == "open":
            depth += 1
        elif tokens[index].kind == "close":
            depth -= 1
            if depth == 0:
                return index + 1
    raise ValueError("unbalanced brackets")


def metric_names(promql: str) -> frozenset[str]:
    """The metric names an expression selects (histogram series keep their _bucket/_sum/_count)."""
    tokens = _significant(promql)
    names: set[str] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind == "open" and token.text in "{[":
            index = _skip_group(tokens, index)  # label matchers and range durations
            continue
        index += 1
        if token.kind != "ident":
            continue
        word = token.text.lower()
        if word in _LABEL_LIST_KEYWORDS and following is not None and following.text == "(":
            index = _skip_group(tokens, index)
        elif word in _KEYWORDS:
            continue
        elif following is not None and following.text == "(":
            continue  # a function call or an aggregation
        elif word in _AGGREGATIONS and following is not None and following.text.lower() in ("by", "without"):
            continue
        else:
            names.add(token.text)
    return frozenset(names)


def probe(promql: str) -> str:
    """The expression with each top-level comparison turned into a `bool` comparison.

    An alert expression such as `errors / all > 0.01` returns nothing while the alert is quiet;
    `errors / all > bool 0.01` returns 0 or 1 whenever its inputs exist. That is what a test
    evaluating every rule against a healthy service needs to see.
    """
    tokens = tokenize(promql)
    parts: list[str] = []
    depth = 0
    for index, token in enumerate(tokens):
        parts.append(token.text)
        if token.kind == "open":
            depth += 1
        elif token.kind == "close":
            depth -= 1
        elif token.kind == "comparison" and depth == 0:
            rest = [t for t in tokens[index + 1 :] if t.kind not in ("space", "comment")]
            if not rest or rest[0].text.lower() != "bool":
                parts.append(" bool")
    return "".join(parts)


def template_values(dashboard: Mapping[str, Any]) -> dict[str, str]:
    """Each dashboard variable's value at load time: the default selection, All as allValue or `.*`."""
    values: dict[str, str] = {}
    for variable in dashboard.get("templating", {}).get("list", []):
        current = variable.get("current", {}).get("value")
        selected = current if isinstance(current, list) else [current] if current is not None else []
        if not selected or "$__all" in selected:
            values[variable["name"]] = variable.get("allValue") or ".*"
        else:
            values[variable["name"]] = "|".join(str(value) for value in selected)
    return values


def resolve_variables(text: str, values: Mapping[str, str]) -> str:
    """`text` with `$var`, `${var}`, `${var:format}` and `[[var]]` replaced; unknown names raise KeyError."""
    known = {**BUILTIN_VARIABLES, **values}

    def replace(match: re.Match[str]) -> str:
        name = next(group for group in match.groups() if group is not None)
        if name not in known:
            raise KeyError(f"undefined dashboard variable ${name} in {text!r}")
        return known[name]

    return _VARIABLE.sub(replace, text)


def _panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from _panels(panel.get("panels", []))  # panels folded inside a collapsed row


def dashboard_expressions(dashboard: Mapping[str, Any], name: str = "dashboard") -> list[Expression]:
    """Every `targets[].expr` of every panel, variables resolved."""
    values = template_values(dashboard)
    return [
        Expression(
            f"{name}: {panel.get('title', panel.get('id'))} [{target.get('refId', '?')}]",
            resolve_variables(target["expr"], values),
        )
        for panel in _panels(dashboard.get("panels", []))
        for target in panel.get("targets", [])
        if target.get("expr")
    ]


def rule_expressions(rules: Mapping[str, Any], name: str = "rules") -> list[Expression]:
    """The `expr` of every alerting and recording rule in a Prometheus rule file."""
    return [
        Expression(f"{name}: {rule.get('alert') or rule.get('record')}", rule["expr"].strip())
        for group in rules.get("groups", [])
        for rule in group.get("rules", [])
    ]


def shipped_expressions() -> list[Expression]:
    """Every expression of the dashboards and rule files in this directory."""
    import yaml  # a dev dependency: only tests and ops tooling read the rule files

    expressions: list[Expression] = []
    for path in DASHBOARD_FILES:
        expressions += dashboard_expressions(json.loads(path.read_text()), path.name)
    for path in RULE_FILES:
        expressions += rule_expressions(yaml.safe_load(path.read_text()), path.name)
    return expressions
