"""Examples of every answer in the OpenAPI document: each endpoint's success and each error status.

Error examples are bodies this service really sends (the messages are its own; a test sends
the matching requests and compares). They live here, keyed by status, so the routes and the
error table stay as they are; `service.api.openapi` puts them into the document.
"""

from __future__ import annotations

from typing import Any

from service.api.examples import OCEAN_BL_MANIFEST, OCEAN_BL_TEXT
from service.api.schemas import EXAMPLE_META


def _error(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"status": status, "error": code, "message": message, "details": details}


INVALID_DECODING_DETAIL = {
    "type": "enum",
    "loc": ["body", "options", "decoding"],
    "msg": "Input should be 'greedy' or 'beam'",
    "input": "fast",
    "ctx": {"expected": "'greedy' or 'beam'"},
}


def _read(path: str, printed: str, confidence: float) -> dict[str, Any]:
    """A provenance entry for a value printed once in the example document."""
    start = OCEAN_BL_TEXT.index(printed)
    span = {"start": start, "end": start + len(printed), "text": printed}
    return {"path": path, "spans": [span], "confidence": confidence}


PROVENANCE_EXAMPLE = [
    _read("document_number", "HLCUHAM260312877", 0.99),
    _read("shipper.name", "Voss Maschinenbau GmbH", 0.97),
    _read("containers[0].number", "HLXU 871234-3", 0.95),
    _read("items[0].gross_weight.value", "8.420,000", 0.62),
]

# status -> named examples; the first of each status is the one a test reproduces
ERROR_EXAMPLES: dict[int, dict[str, dict[str, Any]]] = {
    400: {
        "empty": _error(400, "bad_document", "text is empty"),
        "not_utf8": _error(
            400, "bad_document", "text is not valid UTF-8 (unpaired surrogate at character 11)"
        ),
    },
    401: {"no_key": _error(401, "unauthorized", "missing or wrong X-API-Key header")},
    408: {"stalled_body": _error(408, "request_timeout", "the request body did not arrive within 30 s")},
    413: {
        "too_many_tokens": _error(
            413, "too_large", "document is 8091 tokens long; the model reads at most 2048"
        ),
        "body_too_large": _error(
            413, "too_large", "request body is 2000000 bytes; the limit is 1048576 bytes"
        ),
    },
    415: {
        "not_json": _error(
            415,
            "unsupported_media_type",
            "send the body as JSON (Content-Type: application/json), not text/plain",
        )
    },
    422: {
        "bad_option": _error(
            422,
            "invalid_request",
            "body.options.decoding: Input should be 'greedy' or 'beam'",
            [INVALID_DECODING_DETAIL],
        )
    },
    429: {"queue_full": _error(429, "overloaded", "waiting queue full; retry after 2.0s")},
    431: {
        "large_head": _error(
            431, "headers_too_large", "request headers are 20480 bytes; the limit is 16384 bytes"
        )
    },
    500: {
        "invalid_output": _error(
            500, "invalid_output", "the model produced an output that fails the contract; this is a bug"
        )
    },
    503: {
        "loading": _error(503, "not_ready", "the model is still loading"),
        "draining": _error(503, "draining", "the service is shutting down; retry on another instance"),
    },
    504: {"deadline": _error(504, "deadline_exceeded", "no result within 120.0s")},
}

MODEL_EXAMPLE: dict[str, Any] = {
    "version": "v5",
    "device": "cpu",
    "parameters": 6_700_000,
    "max_input_tokens": 2048,
    "max_new_tokens": 1024,
    "config": {"d_model": 256, "n_encoder_layers": 3, "n_decoder_layers": 3, "vocab_size": 4000},
    "card": {"version": "v5", "evaluation": {"test": {"f1": 0.833}, "heldout": {"f1": 0.62}}},
}

# (path, method, status) -> example of a success answer (or of readiness's 503, not an error body)
SUCCESS_EXAMPLES: dict[tuple[str, str, str], Any] = {
    ("/v1/parse", "post", "200"): {
        "manifest": OCEAN_BL_MANIFEST,
        "provenance": PROVENANCE_EXAMPLE,
        "meta": EXAMPLE_META,
    },
    ("/v1/parse/batch", "post", "200"): {
        "results": [
            {
                "id": "hlcu-877",
                "manifest": OCEAN_BL_MANIFEST,
                "provenance": PROVENANCE_EXAMPLE,
                "meta": EXAMPLE_META,
                "error": None,
            },
            {
                "id": "blank",
                "manifest": None,
                "provenance": None,
                "meta": None,
                "error": ERROR_EXAMPLES[400]["empty"],
            },
        ]
    },
    ("/v1/model", "get", "200"): MODEL_EXAMPLE,
    ("/healthz", "get", "200"): {"status": "alive"},
    ("/readyz", "get", "200"): {"ready": True, "status": "ready"},
    ("/readyz", "get", "503"): {"ready": False, "status": "loading"},
}

METRICS_EXAMPLE = (
    "# HELP manifest_parser_requests_running Sequences in decode slots.\n"
    "# TYPE manifest_parser_requests_running gauge\n"
    "manifest_parser_requests_running 3.0\n"
)
