"""From a decoded extraction to the response: grounding, normalising, provenance and confidence."""

from __future__ import annotations

import json
import math

from service.extraction.reading import DecodedOutput, read_output
from service.grounding import ungrounded_strings
from service.manifest import Manifest
from service.normalise import normalise
from tests.normalise.test_manifest import _extraction

DOCUMENT = (
    "BILL OF LADING  No. MAEU 2604417\n"
    "Shipper: Müller Maschinenbau GmbH\n"
    "         Industriestraße 12, 70173 Stuttgart, Deutschland\n"
    "Issued 14.03.2026    Gross weight 12.500,00 KGS\n"
)


def _decoded(extraction: dict[str, object], unsure: str | None = None) -> DecodedOutput:
    """The output as one token per character; the characters of `unsure` get probability 0.4."""
    text = json.dumps(extraction, ensure_ascii=False, separators=(",", ":"))
    pieces = [char.encode() for char in text]
    log_probs = [0.0] * len(text)
    if unsure:
        start = text.index(unsure)
        log_probs[start : start + len(unsure)] = [math.log(0.4)] * len(unsure)
    return DecodedOutput(text, pieces, log_probs)


def test_values_come_with_exact_offsets_into_the_text_and_their_confidence() -> None:
    extraction = _extraction(
        document_number="MAEU 2604417",
        issue_date="14.03.2026",
        decimal_mark="comma",
        shipper={
            "name": "Müller Maschinenbau GmbH",
            "address": "Industriestraße 12, 70173 Stuttgart, Deutschland",
            "country": "Deutschland",
        },
        total_gross_weight={"value": "12.500,00", "unit": "KGS"},
    )
    reading = read_output(_decoded(extraction, unsure="Stuttgart"), DOCUMENT, "extraction")
    Manifest.model_validate(reading.manifest)
    assert reading.manifest["total_gross_weight"] == {"value": 12500, "unit": "kg"}
    assert reading.ungrounded == [] and reading.unreadable == []
    by_path = {entry["path"]: entry for entry in reading.provenance}
    for entry in reading.provenance:
        for span in entry["spans"]:
            assert DOCUMENT[span["start"] : span["end"]] == span["text"]
    assert [s["text"] for s in by_path["issue_date"]["spans"]] == ["14.03.2026"]
    assert [s["text"] for s in by_path["shipper.country"]["spans"]] == ["Deutschland"]
    assert [s["text"] for s in by_path["total_gross_weight.unit"]["spans"]] == ["KGS"]
    assert by_path["shipper.address"]["confidence"] == 0.4
    assert by_path["shipper.name"]["confidence"] == 1.0
    assert "document_type" not in by_path  # a decision, not read from a span


def test_a_span_the_document_does_not_print_is_null_and_counted_never_returned() -> None:
    extraction = _extraction(
        carrier="MASIMODAL TRANSPORT OF MULTIMODAL",
        shipper={"name": "ACME CORP", "address": None, "country": None},
        document_number="MAEU 2604417",
    )
    reading = read_output(_decoded(extraction), DOCUMENT, "extraction")
    assert reading.manifest["carrier"] is None
    assert reading.manifest["shipper"] is None
    assert reading.manifest["document_number"] == "MAEU 2604417"
    assert reading.ungrounded == ["carrier", "shipper.name"]


def test_a_contract_writing_model_gets_provenance_for_what_it_copied() -> None:
    manifest = normalise(_extraction(document_number="MAEU 2604417", issue_date="14.03.2026")).manifest
    text = json.dumps(manifest, separators=(",", ":"))
    reading = read_output(
        DecodedOutput(text, [c.encode() for c in text], [0.0] * len(text)), DOCUMENT, "manifest"
    )
    assert [entry["path"] for entry in reading.provenance] == ["document_number"]


def test_a_contract_writing_model_never_returns_a_copied_string_the_text_does_not_print() -> None:
    manifest = normalise(
        _extraction(
            document_number="MAEU 2604417",
            carrier="MASIMODAL TRANSPORT",
            shipper={"name": "Müller   Maschinenbau GmbH", "address": "Mars Base 1", "country": None},
            items=[
                {"description": "KNITTINGINGING", "hs_code": None, "quantity": None, "package_type": None,
                 "gross_weight": None, "volume": None, "marks": None, "dangerous_goods": None},
            ],
        )
    ).manifest  # fmt: skip
    manifest["shipper"]["name"] = "Müller   Maschinenbau GmbH"  # as a model might write it
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    output = DecodedOutput(text, [char.encode() for char in text], [0.0] * len(text))
    reading = read_output(output, DOCUMENT, "manifest")
    Manifest.model_validate(reading.manifest)
    assert reading.manifest["carrier"] is None and reading.manifest["items"] == []
    assert reading.manifest["shipper"] == {
        "name": "Müller Maschinenbau GmbH",
        "address": None,
        "country": None,
    }
    assert reading.manifest["document_number"] == "MAEU 2604417"
    assert reading.ungrounded == ["carrier", "shipper.address", "items[0].description"]
    assert ungrounded_strings(reading.manifest, DOCUMENT) == []
