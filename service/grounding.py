"""Is every copied string of a manifest printed in its document? Checked from the two alone.

The contract copies some values from the text as written (numbers, dates and codes are
normalised and are not checked here). Each such string must be printed in the document,
in one run or in pieces in the order written (whitespace runs standing for one space), and
must itself follow the whitespace rule: no outer or doubled whitespace. This check reads
only the manifest and the text, never the service's own provenance, so it can audit it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from service.extraction.locate import locate
from service.manifest import collapse_whitespace
from service.scoring import flatten

# Leaves the contract copies from the text as written (indices dropped).
COPIED = re.compile(
    r"(document_number|carrier|vessel_or_flight|voyage|(shipper|consignee|notify_party)\.(name|address)"
    r"|(port_of_loading|port_of_discharge|place_of_delivery)\.name|containers\.seal"
    r"|items\.(description|marks))"
)
_INDEX = re.compile(r"\[\d+\]")
PLACES = ("port_of_loading", "port_of_discharge", "place_of_delivery")


def copied_strings(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, value) of every non-null string the contract copies from the text."""
    return [
        (path, value)
        for path, value in flatten(manifest)
        if isinstance(value, str) and COPIED.fullmatch(_INDEX.sub("", path))
    ]


def ungrounded_strings(manifest: dict[str, Any], text: str) -> list[tuple[str, str]]:
    """The copied strings that are not printed in `text` or break the whitespace rule."""
    return [
        (path, value)
        for path, value in copied_strings(manifest)
        if value != collapse_whitespace(value) or locate(value, text) is None
    ]


def drop_unprinted(manifest: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """`manifest` with every copied string whitespace-collapsed and, where the text does not print
    it, null (a party or place without its name, an item without its description, goes whole);
    returns it with the paths dropped. For models that write the contract directly."""
    result = copy.deepcopy(manifest)
    dropped: list[str] = []

    def keep(path: str, value: Any) -> str | None:
        if not isinstance(value, str):
            return value
        collapsed = collapse_whitespace(value)
        if collapsed and locate(collapsed, text) is not None:
            return collapsed
        dropped.append(path)
        return None

    for key in ("document_number", "carrier", "vessel_or_flight", "voyage"):
        result[key] = keep(key, result[key])
    for key in (
        "shipper",
        "consignee",
        "notify_party",
        "port_of_loading",
        "port_of_discharge",
        "place_of_delivery",
    ):
        entry = result[key]
        if entry is None:
            continue
        entry["name"] = keep(f"{key}.name", entry["name"])
        if "address" in entry:
            entry["address"] = keep(f"{key}.address", entry["address"])
        if entry["name"] is None:
            result[key] = None
    for index, container in enumerate(result["containers"]):
        container["seal"] = keep(f"containers[{index}].seal", container["seal"])
    items = []
    for index, item in enumerate(result["items"]):
        item["description"] = keep(f"items[{index}].description", item["description"])
        item["marks"] = keep(f"items[{index}].marks", item["marks"])
        if item["description"] is not None:
            items.append(item)
    result["items"] = items
    return result, dropped


@dataclass(slots=True)
class GroundingCount:
    strings: int = 0
    grounded: int = 0
    ungrounded: list[str] = field(default_factory=list)

    def add(self, manifest: dict[str, Any], text: str) -> None:
        copied = copied_strings(manifest)
        missing = ungrounded_strings(manifest, text)
        self.strings += len(copied)
        self.grounded += len(copied) - len(missing)
        self.ungrounded.extend(f"{path}={value!r}" for path, value in missing)

    @property
    def share(self) -> float:
        return self.grounded / self.strings if self.strings else 1.0
