"""Machine messages through the served path: read by their standard, never refused for length."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.config import Settings
from service.manifest import Manifest
from service.metrics import READER_LABELS
from service.scoring import flatten
from tests.api.serving import serve
from tests.readers.test_detect import EMAIL_HEAD, EMAIL_TAIL
from tests.readers.test_edifact import IFTMIN
from tests.readers.x12_messages import BILL_310, interchange

pytestmark = pytest.mark.anyio

REAL_001 = Path(__file__).resolve().parents[3] / "shared" / "eval" / "real-edi" / "001.txt"


@pytest.mark.skipif(not REAL_001.is_file(), reason="shared/eval/real-edi is not on this machine")
async def test_real_message_001_is_read_by_the_x12_reader_whatever_its_length(settings: Settings) -> None:
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": REAL_001.read_text(encoding="utf-8")})
        documents = await served.metric("manifest_parser_documents_total", {"reader": "x12"})
    assert response.status_code == 200
    body = response.json()
    manifest = Manifest.model_validate(body["manifest"])
    assert body["meta"]["reader"] == "x12"
    assert body["meta"]["finish_reason"] == "eos"
    assert (body["meta"]["partial"], body["meta"]["unparsed"]) == (False, [])
    assert body["meta"]["input_tokens"] == 0
    assert manifest.vessel_or_flight == "MONTE CERVANTES"
    assert len(manifest.containers) == 18
    assert documents == 1


async def test_an_email_with_an_interchange_pasted_in_is_read_by_the_reader(settings: Settings) -> None:
    text = EMAIL_HEAD + interchange(BILL_310) + EMAIL_TAIL
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
        read = await served.metric("manifest_parser_documents_total", {"reader": "x12"})
        modelled = await served.metric("manifest_parser_documents_total", {"reader": "model"})
    body = response.json()
    assert response.status_code == 200
    assert body["meta"]["reader"] == "x12"
    assert body["manifest"]["document_number"] == "NLAXHAM260211"
    assert body["manifest"]["containers"][0] == {
        "number": "NSLU4455661",
        "seal": "SL778899",
        "size_type": "40GP",
    }
    assert (read, modelled) == (1, 0)
    provenance = {entry["path"]: entry for entry in body["provenance"]}
    number = provenance["containers[0].number"]
    assert [piece["text"] for piece in number["spans"]] == ["NSLU", "4455661"]
    assert all(text[piece["start"] : piece["end"]] == piece["text"] for piece in number["spans"])
    assert number["confidence"] == 1.0
    stated = {path for path, value in flatten(body["manifest"]) if value is not None}
    assert set(provenance) == stated - {"document_type", "transport_mode"}


async def test_an_email_with_an_edifact_message_pasted_in_is_read_by_the_reader(settings: Settings) -> None:
    text = "Hello,\nplease find our IFTMIN below.\n\n" + IFTMIN + "\nKind regards\nExport desk\n"
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
        read = await served.metric("manifest_parser_documents_total", {"reader": "edifact"})
    body = response.json()
    assert response.status_code == 200
    assert (body["meta"]["reader"], body["meta"]["finish_reason"]) == ("edifact", "eos")
    assert body["manifest"]["document_number"] == "NLAXHAM260211"
    assert body["manifest"]["total_gross_weight"] == {"value": 12500.5, "unit": "kg"}  # UNA decimal comma
    assert read == 1


async def test_a_message_cut_short_is_answered_in_part_and_says_what_is_missing(settings: Settings) -> None:
    text = interchange(BILL_310)
    cut = text[: text.index("H1*1263")]
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": cut})
    body = response.json()
    assert response.status_code == 200
    Manifest.model_validate(body["manifest"])
    assert body["meta"]["finish_reason"] == "partial"
    assert body["meta"]["partial"] is True
    assert body["meta"]["unparsed"] == [
        "SE missing: the message stops after L5 at line 31: 'L5*2*RELATED MATERIAL . REF: PO 5521'"
    ]
    assert body["manifest"]["document_number"] == "NLAXHAM260211"


async def test_a_message_its_reader_refuses_goes_to_the_model_and_the_response_says_why(
    settings: Settings,
) -> None:
    text = "\n".join(interchange(BILL_310[:4], version="009900").splitlines()[:6])
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
        modelled = await served.metric("manifest_parser_documents_total", {"reader": "model"})
    body = response.json()
    assert response.status_code == 200
    Manifest.model_validate(body["manifest"])
    assert body["meta"]["reader"] == "model"
    assert body["meta"]["fallback"] == "X12: version '009900' (GS08) is not one this reader knows"
    assert body["meta"]["input_tokens"] > 0
    assert modelled == 1


async def test_a_refused_message_too_long_for_the_model_is_413_with_both_reasons(settings: Settings) -> None:
    text = interchange(BILL_310 * 20, version="009900")
    async with serve(settings) as served:
        response = await served.client.post("/v1/parse", json={"text": text})
    assert response.status_code == 413
    message = response.json()["message"]
    assert "tokens long; the model reads at most" in message
    assert message.endswith("(X12: version '009900' (GS08) is not one this reader knows)")


async def test_every_reader_series_exists_from_start_up(settings: Settings) -> None:
    async with serve(settings) as served:
        values = [
            await served.metric("manifest_parser_documents_total", {"reader": r}) for r in READER_LABELS
        ]
    assert READER_LABELS == ("x12", "edifact", "cargo-imp", "dcsa", "model")
    assert values == [0.0] * 5
