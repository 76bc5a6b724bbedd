"""The review page (`/`) and the API docs (`/docs`) in a real headless Chromium, network off.

The real service runs on the committed model on a loopback port. The page is given a sample
document from examples/ and must show exactly the manifest the API returns for it, with each
provenance span highlighted. Canned answers pin the rest: the highlighting itself (code-point
offsets past a character outside the BMP, overlapping spans, shading, field order), and an
answer without provenance or with none located (the manifest, a note, no highlights).
A screenshot of each page is kept under test-artifacts/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from service.checkpoint import DEFAULT_STORE
from tests.browser import ARTIFACTS, chromium, foreign_resources
from tests.live_server import LiveServer, live_server
from tests.shared_material import REPO_ROOT

pytestmark = pytest.mark.slow

WAIT_S = 120.0
SAMPLE = REPO_ROOT / "examples" / "ocean_bill_of_lading.txt"


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with live_server(DEFAULT_STORE) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium() as driver:
        yield driver


def submit(browser: webdriver.Chrome, text: str) -> None:
    """Put `text` in the box as a paste would and press Parse; wait for the answer."""
    browser.execute_script("document.getElementById('document').value = arguments[0]", text)
    browser.find_element(By.ID, "parse").click()
    WebDriverWait(browser, WAIT_S).until(lambda driver: driver.find_element(By.ID, "json").text)


def answer_with(browser: webdriver.Chrome, answer: dict[str, Any]) -> None:
    """Make the loaded page's calls to the service return `answer` (200) instead."""
    browser.execute_script(
        """const body = arguments[0];
        window.fetch = async () => new Response(body,
            {status: 200, headers: {'Content-Type': 'application/json'}});""",
        json.dumps(answer),  # as text, so the page sees the keys in this order
    )


def marks(browser: webdriver.Chrome) -> list[dict[str, str]]:
    script = """return [...document.querySelectorAll('#highlighted mark')].map((mark) =>
        ({text: mark.textContent, paths: mark.dataset.paths, background: mark.style.background}))"""
    found: list[dict[str, str]] = browser.execute_script(script)
    return found


def field_rows(browser: webdriver.Chrome) -> list[list[str]]:
    script = """return [...document.querySelectorAll('#fields tbody tr')].map((row) =>
        [...row.cells].map((cell) => cell.textContent))"""
    rows: list[list[str]] = browser.execute_script(script)
    return rows


def text_of(browser: webdriver.Chrome, element_id: str) -> str:
    text: str = browser.execute_script(f"return document.getElementById('{element_id}').textContent")
    return text


def located_text(found: list[dict[str, str]], path: str) -> str:
    return "".join(mark["text"] for mark in found if path in mark["paths"].split(" "))


def test_review_page_shows_the_manifest_and_where_it_was_read(
    server: LiveServer, browser: webdriver.Chrome
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    expected = httpx.post(server.base_url + "/v1/parse", json={"text": text}, timeout=WAIT_S).json()
    browser.get(server.base_url + "/")
    submit(browser, text)
    browser.save_screenshot(str(ARTIFACTS / "review-page.png"))
    assert json.loads(text_of(browser, "json")) == expected["manifest"]
    assert text_of(browser, "status").startswith(f"Parsed by model {expected['meta']['model_version']} in ")
    found = marks(browser)
    rows = field_rows(browser)
    provenance = expected["provenance"]
    assert provenance  # the committed model locates values in this document
    assert not browser.find_element(By.ID, "provenance-note").is_displayed()
    for entry in provenance:
        assert located_text(found, entry["path"]) == "".join(span["text"] for span in entry["spans"])
    assert {path for mark in found for path in mark["paths"].split(" ")} == {e["path"] for e in provenance}
    confidences = [float(row[2]) for row in rows[: len(provenance)]]
    assert confidences == sorted(round(entry["confidence"], 2) for entry in provenance)
    assert all(row[2] == "not located" for row in rows[len(provenance) :])
    assert foreign_resources(browser, server.base_url) == []


def test_copy_button_puts_the_manifest_json_on_the_clipboard(
    server: LiveServer, browser: webdriver.Chrome
) -> None:
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": server.base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    browser.get(server.base_url + "/")
    submit(browser, SAMPLE.read_text(encoding="utf-8"))
    browser.find_element(By.ID, "copy").click()
    WebDriverWait(browser, 10).until(lambda driver: "copied" in text_of(driver, "status"))
    copied = browser.execute_async_script(
        "navigator.clipboard.readText().then(arguments[arguments.length - 1])"
    )
    assert json.loads(copied) == json.loads(text_of(browser, "json"))


CANNED_TEXT = "📦 Shipper: ACME GMBH\nGross 1.250 KG\n"  # the parcel is 1 code point, 2 JS units
CANNED: dict[str, Any] = {
    "manifest": {
        "document_type": "packing_list",
        "shipper": {"name": "ACME GMBH", "address": None},
        "items": [{"gross_weight": {"value": 1250, "unit": "kg"}}],
    },
    "meta": {"model_version": "canned", "duration_seconds": 0.5, "finish_reason": "eos"},
    "provenance": [
        {
            "path": "shipper.name",
            "spans": [{"start": 11, "end": 20, "text": "ACME GMBH"}],
            "confidence": 0.93,
        },
        {
            "path": "items[0].gross_weight.value",
            "spans": [{"start": 27, "end": 32, "text": "1.250"}],
            "confidence": 0.41,
        },
        # overlaps the value: the unit is read from the number and the "KG" after it
        {
            "path": "items[0].gross_weight.unit",
            "spans": [{"start": 27, "end": 35, "text": "1.250 KG"}],
            "confidence": 0.7,
        },
    ],
}


def test_highlights_follow_the_provenance_of_an_answer(server: LiveServer, browser: webdriver.Chrome) -> None:
    for entry in CANNED["provenance"]:  # the canned answer keeps the contract of provenance
        for span in entry["spans"]:
            assert CANNED_TEXT[span["start"] : span["end"]] == span["text"]
    browser.get(server.base_url + "/")
    answer_with(browser, CANNED)
    submit(browser, CANNED_TEXT)
    assert marks(browser) == [
        {"text": "ACME GMBH", "paths": "shipper.name", "background": "rgb(168, 241, 157)"},
        {
            "text": "1.250",
            "paths": "items[0].gross_weight.value items[0].gross_weight.unit",
            "background": "rgb(241, 226, 157)",
        },
        {"text": " KG", "paths": "items[0].gross_weight.unit", "background": "rgb(207, 241, 157)"},
    ]
    assert field_rows(browser) == [
        ["items[0].gross_weight.value", "1250", "0.41"],
        ["items[0].gross_weight.unit", "kg", "0.70"],
        ["shipper.name", "ACME GMBH", "0.93"],
        ["document_type", "packing_list", "not located"],
    ]
    assert not browser.find_element(By.ID, "provenance-note").is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#fields tbody tr").click()
    focused = browser.execute_script(
        "return [...document.querySelectorAll('#highlighted mark.focus')].map((mark) => mark.textContent)"
    )
    assert focused == ["1.250"]
    browser.save_screenshot(str(ARTIFACTS / "review-page-highlights.png"))


def test_api_docs_load_with_the_network_off(server: LiveServer, browser: webdriver.Chrome) -> None:
    browser.get(server.base_url + "/docs")
    WebDriverWait(browser, 30).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock")
    )
    operations = browser.find_elements(By.CSS_SELECTOR, ".swagger-ui .opblock-summary-path")
    assert sorted(op.text.replace("\u200b", "") for op in operations) == [
        "/healthz",
        "/metrics",
        "/readyz",
        "/v1/model",
        "/v1/parse",
        "/v1/parse/batch",
    ]
    assert "manifest-parser" in browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info .title").text
    browser.save_screenshot(str(ARTIFACTS / "api-docs.png"))
    assert foreign_resources(browser, server.base_url) == []


@pytest.mark.parametrize(
    ("provenance", "note"),
    [
        (None, "This service's answer has no provenance, so the values cannot be shown in the text."),
        ([], "No value of this manifest was located in the text."),
    ],
)
def test_without_located_values_the_page_shows_the_manifest_and_a_note(
    server: LiveServer, browser: webdriver.Chrome, provenance: list[Any] | None, note: str
) -> None:
    answer = {key: value for key, value in CANNED.items() if key != "provenance"}
    if provenance is not None:
        answer["provenance"] = provenance
    browser.get(server.base_url + "/")
    answer_with(browser, answer)
    submit(browser, CANNED_TEXT)
    assert json.loads(text_of(browser, "json")) == CANNED["manifest"]
    assert browser.find_element(By.ID, "provenance-note").is_displayed()
    assert text_of(browser, "provenance-note").startswith(note)
    assert marks(browser) == []
    assert text_of(browser, "highlighted") == CANNED_TEXT
    assert field_rows(browser) == [
        ["document_type", "packing_list", "not located"],
        ["shipper.name", "ACME GMBH", "not located"],
        ["items[0].gross_weight.value", "1250", "not located"],
        ["items[0].gross_weight.unit", "kg", "not located"],
    ]
