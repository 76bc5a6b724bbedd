"""A model that writes extractions, served: grounded values only, provenance that indexes the text."""

from __future__ import annotations

import pytest

from service.api.examples import OCEAN_BL_TEXT
from service.config import Settings
from service.grounding import ungrounded_strings
from service.manifest import Manifest
from service.metrics import SPAN_FIELDS
from tests.api.serving import serve

pytestmark = pytest.mark.anyio


@pytest.fixture
def extraction_settings(settings: Settings, tiny_extraction_store) -> Settings:  # type: ignore[no-untyped-def]
    return settings.model_copy(update={"model_dir": tiny_extraction_store, "max_new_tokens": 160})


async def test_every_returned_value_is_printed_and_its_provenance_indexes_the_text(
    extraction_settings: Settings,
) -> None:
    text = "Remarks: ÄÖÜ – non-ASCII first\n" + OCEAN_BL_TEXT[:900]
    async with serve(extraction_settings) as served:
        single = (await served.client.post("/v1/parse", json={"text": text})).json()
        batch = (await served.client.post("/v1/parse/batch", json={"documents": [{"text": text}] * 2})).json()
        ungrounded = sum(
            [
                await served.metric("manifest_parser_ungrounded_values_total", {"field": f})
                for f in SPAN_FIELDS
            ]
        )
    for body in (single, *batch["results"]):
        Manifest.model_validate(body["manifest"])
        assert ungrounded_strings(body["manifest"], text) == []
        for entry in body["provenance"]:
            assert 0.0 <= entry["confidence"] <= 1.0
            assert entry["spans"]
            for span in entry["spans"]:
                assert text[span["start"] : span["end"]] == span["text"]
    # grounded decoding writes only printed spans: none was left for the check after it to drop
    assert ungrounded == 0
