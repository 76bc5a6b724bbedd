"""The OpenAPI example is the contract's example, copied without drift, and it is valid."""

from __future__ import annotations

from service.api.examples import OCEAN_BL_MANIFEST, OCEAN_BL_TEXT
from service.manifest import Manifest
from tests.shared_material import load_json, require_shared


def test_example_manifest_is_contract_valid() -> None:
    Manifest.model_validate(OCEAN_BL_MANIFEST)


def test_example_is_the_shared_contract_example() -> None:
    examples = require_shared("contract", "examples")
    assert (examples / "ocean_bl.txt").read_text(encoding="utf-8") == OCEAN_BL_TEXT
    assert load_json(examples / "ocean_bl.json") == OCEAN_BL_MANIFEST
