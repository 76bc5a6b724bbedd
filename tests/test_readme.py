"""No line of the README contradicts the service: error body, error codes, settings, figures, length."""

from __future__ import annotations

import json

from service.api.errors import CLIENT_CLOSED_REQUEST, ERROR_TABLE, INTERNAL_ERROR
from service.api.response_examples import ERROR_EXAMPLES
from service.checkpoint import DEFAULT_STORE
from service.config import ENV_PREFIX, Settings
from tests.readme import README, code_blocks, section, table_rows

MAX_WORDS = 1200


def test_readme_is_short() -> None:
    assert len(README.read_text(encoding="utf-8").split()) <= MAX_WORDS


def test_error_body_is_the_one_the_service_sends() -> None:
    (example,) = code_blocks(section("Using it"), "json")[1:]
    assert json.loads(example) == ERROR_EXAMPLES[415]["not_json"]


def test_error_table_lists_every_status_and_code() -> None:
    documented = set()
    for status, codes, _ in table_rows(section("Using it"), "status"):
        documented |= {(int(status), code.strip(" `")) for code in codes.split(",")}
    answers = {(m.status, m.code) for m in [*ERROR_TABLE.values(), INTERNAL_ERROR]}
    answers = {(status, code) for status, code in answers if status != CLIENT_CLOSED_REQUEST}
    assert documented == answers


def test_settings_table_gives_every_setting_and_its_default() -> None:
    rows = {
        variable.strip("`"): default.strip("`")
        for variable, default, _ in table_rows(section("Settings"), "variable")
    }
    fields = Settings.model_fields
    assert set(rows) == {ENV_PREFIX + name.upper() for name in fields}
    for name, field in fields.items():
        documented = rows[ENV_PREFIX + name.upper()]
        if field.default is None:
            assert documented == "unset"
        elif name == "model_dir":
            assert field.default == DEFAULT_STORE and documented == DEFAULT_STORE.name
        else:
            expected = f"{field.default:g}" if isinstance(field.default, float) else str(field.default)
            assert documented == expected, name


def test_quality_figures_are_the_model_cards() -> None:
    current = (DEFAULT_STORE / "CURRENT").read_text().strip()
    card = json.loads((DEFAULT_STORE / current / "card.json").read_text())
    figures = [row[1].strip("*") for row in table_rows(section("What quality to expect"), "documents")]
    sets = ("test-7", "heldout-7", "realistic", "real-edi")  # as the gate scored them
    assert len(figures) == len(sets)
    for figure, name in zip(figures, sets, strict=True):
        assert figure == f"{card['evaluation'][name]['f1']:.2f}"
    assert f"`{DEFAULT_STORE.name}/{current}`" in section("What quality to expect")
