"""Settings: documented defaults, the MANIFEST_PARSER_ environment prefix, refused values."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from service.checkpoint import DEFAULT_STORE
from service.config import ENV_PREFIX, Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)


def test_defaults_run_the_committed_model_on_loopback() -> None:
    settings = Settings()
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.model_dir == DEFAULT_STORE
    assert settings.device == "auto"
    assert settings.drain_timeout_s == 30.0
    assert settings.api_key is None
    assert settings.log_level == "info"


def test_environment_variables_with_the_prefix_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANIFEST_PARSER_HOST", "0.0.0.0")
    monkeypatch.setenv("MANIFEST_PARSER_MAX_SLOTS", "8")
    monkeypatch.setenv("MANIFEST_PARSER_MODEL_DIR", "/models/store")
    monkeypatch.setenv("MANIFEST_PARSER_DEFAULT_TIMEOUT_S", "2.5")
    monkeypatch.setenv("MAX_SLOTS", "3")  # no prefix: not ours
    settings = Settings()
    assert settings.host == "0.0.0.0"
    assert settings.max_slots == 8
    assert settings.model_dir == Path("/models/store")
    assert settings.default_timeout_s == 2.5


def test_api_key_is_secret_and_an_empty_one_means_no_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANIFEST_PARSER_API_KEY", "s3cret")
    settings = Settings()
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings)
    monkeypatch.setenv("MANIFEST_PARSER_API_KEY", "")
    assert Settings().api_key is None


def test_arguments_override_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANIFEST_PARSER_PORT", "9000")
    assert Settings(port=9100).port == 9100


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("MAX_SLOTS", "0"),
        ("PORT", "70000"),
        ("DEVICE", "tpu"),
        ("LOG_LEVEL", "verbose"),
        ("MAX_WAITING", "-1"),
    ],
)
def test_out_of_range_values_are_refused(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(ENV_PREFIX + name, value)
    with pytest.raises(ValidationError) as error:
        Settings()
    assert error.value.errors()[0]["loc"] == (name.lower(),)


def test_precision_setting_reaches_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.api.runtime import engine_config

    assert engine_config(Settings()).bf16 is False
    monkeypatch.setenv("MANIFEST_PARSER_PRECISION", "bfloat16")
    assert engine_config(Settings()).bf16 is True
    monkeypatch.setenv("MANIFEST_PARSER_PRECISION", "half")
    with pytest.raises(ValidationError):
        Settings()
