"""Detection: which standard, and the message's range inside the submitted text."""

from __future__ import annotations

from service.readers import Detected, detect, read
from tests.readers.x12_messages import BILL_310, interchange, seg

EMAIL_HEAD = "From: ops@nordiclines.example\nSubject: B/L NLAXHAM260211\n\nHi team, the 310 below.\n\n"
EMAIL_TAIL = "\nBest regards\nNordic Lines export desk\n"


def test_an_interchange_pasted_in_an_email_is_found_with_its_range() -> None:
    message = interchange(BILL_310).rstrip("\n")
    text = EMAIL_HEAD + message + EMAIL_TAIL
    found = detect(text)
    assert found == Detected("x12", len(EMAIL_HEAD), len(EMAIL_HEAD) + len(message))
    reading = read(text)
    assert reading is not None and reading.unparsed == []
    assert reading.extraction["document_number"] == "NLAXHAM260211"
    number = dict(reading.offsets)["document_number"]
    assert [text[start:end] for start, end in number] == ["NLAXHAM260211"]


def test_a_bare_transaction_set_is_found_up_to_its_se() -> None:
    body = "\n".join([seg("ST", {1: "310", 2: "0001"}), *BILL_310, seg("SE", {1: "32", 2: "0001"})])
    text = "see below\n" + body + "\nthanks"
    assert detect(text) == Detected("x12", len("see below\n"), len("see below\n") + len(body))


def test_prose_that_mentions_the_tags_is_for_the_model() -> None:
    assert detect("ISA: the interchange header. ST 310 is a freight receipt; our ISA*ID is below.") is None
    assert detect("BILL OF LADING NLAXHAM260211\nSHIPPER: ELBWERK MASCHINEN GMBH\n") is None
    assert read("SEA WAYBILL 123\n40 CTNS MACHINE PARTS") is None
