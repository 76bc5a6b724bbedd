"""Logs are one JSON object per line, with the request id and any extra fields."""

from __future__ import annotations

import io
import json
import logging

from service.api.jsonlog import REQUEST_ID, JsonFormatter


def test_a_record_is_one_json_line_with_request_id_extras_and_traceback() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.jsonlog")
    logger.addHandler(handler)
    logger.propagate = False
    token = REQUEST_ID.set("req-42")
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        logger.error("parse failed for %s", "doc-1", exc_info=True, extra={"status": 500})
    finally:
        REQUEST_ID.reset(token)
        logger.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["message"] == "parse failed for doc-1"
    assert (record["level"], record["logger"]) == ("error", "tests.jsonlog")
    assert record["request_id"] == "req-42"
    assert record["status"] == 500
    assert record["exception"].startswith("Traceback") and "ValueError: bad\nthing" in record["exception"]
    assert record["time"].endswith("+00:00")
