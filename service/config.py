"""Service settings: the one place that reads environment variables.

Every setting can be given as `MANIFEST_PARSER_<NAME>` (e.g. `MANIFEST_PARSER_MAX_SLOTS=8`) or
passed to `Settings(...)` directly (tests, the `serve` command's flags). The defaults run the
committed model on one CPU; the container overrides `host` to listen on all interfaces.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.checkpoint import DEFAULT_STORE

ENV_PREFIX = "MANIFEST_PARSER_"


class Settings(BaseSettings):
    """Runtime configuration of the HTTP service and its engine."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
        protected_namespaces=(),
    )

    host: str = Field(default="127.0.0.1", description="interface to listen on (0.0.0.0 in the container)")
    port: int = Field(default=8000, ge=0, le=65535, description="TCP port (0 picks a free one)")
    model_dir: Path = Field(
        default=DEFAULT_STORE, description="a model store (with CURRENT) or one version directory"
    )
    device: Literal["auto", "cpu", "cuda"] = Field(default="auto", description="auto picks cuda when present")
    precision: Literal["float32", "bfloat16"] = Field(
        default="float32",
        description="engine weights and KV cache; bfloat16 needs a GPU or a CPU with AVX-512 BF16/AMX",
    )
    max_slots: int = Field(
        default=16, ge=1, le=256, description="sequences decoded together (KV-cache slots)"
    )
    max_waiting: int = Field(default=64, ge=0, le=100_000, description="waiting queue bound; beyond it 429")
    max_new_tokens: int = Field(default=1024, ge=1, description="default and upper bound of output tokens")
    default_timeout_s: float = Field(
        default=120.0, gt=0, description="per-document deadline unless the request sets one"
    )
    drain_timeout_s: float = Field(
        default=30.0, ge=0, description="on SIGTERM, how long in-flight work may finish"
    )
    drain_grace_s: float = Field(
        default=5.0,
        ge=0,
        le=300,
        description="on SIGTERM, how long the listener stays open answering 503 before it closes",
    )
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="largest accepted request body")
    body_timeout_s: float = Field(
        default=30.0, gt=0, description="a request body must arrive within this time, or 408"
    )
    head_timeout_s: float = Field(
        default=10.0,
        gt=0,
        description="a request head must arrive within this time, or the connection closes",
    )
    max_header_bytes: int = Field(
        default=16_384, ge=1024, le=1_048_576, description="largest accepted request head, or 431"
    )
    max_batch_documents: int = Field(default=32, ge=1, description="documents per /v1/parse/batch request")
    api_key: SecretStr | None = Field(default=None, description="when set, /v1 endpoints require X-API-Key")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="root log level"
    )
