"""Serving the app in-process for tests: lifespan run for real, requests through httpx's ASGI transport.

`app.router.lifespan_context(app)` runs the same startup/shutdown uvicorn would (load, start,
warm up; drain), so these tests exercise the real engine on the tiny random model.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from service.api.state import ServiceState
from service.app import create_app
from service.config import Settings


@dataclass(slots=True)
class Served:
    app: FastAPI
    client: httpx.AsyncClient

    @property
    def state(self) -> ServiceState:
        state: ServiceState = self.app.state.service
        return state

    async def metric(self, name: str, labels: Mapping[str, str] | None = None) -> float:
        """The current value of one sample, read through GET /metrics like Prometheus would."""
        response = await self.client.get("/metrics")
        return sample_value(response.text, name, labels or {})


def sample_value(exposition: str, name: str, labels: Mapping[str, str]) -> float:
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == name and sample.labels == dict(labels):
                return float(sample.value)
    raise LookupError(f"no sample {name}{dict(labels)}")


@asynccontextmanager
async def serve(settings: Settings) -> AsyncIterator[Served]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://service.test") as client:
            yield Served(app, client)
