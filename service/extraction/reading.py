"""The decoder's output -> the response: manifest, provenance and confidence per value.

For a model that writes extractions, every printed span is first located in the submitted
text; a span the text does not print is dropped (null) and counted as ungrounded, so no
value is ever invented, then the normaliser gives the manifest. Each non-null manifest leaf
that was read from the text gets its provenance: the pieces of the text it was read from
(offsets in characters of the submitted text) and the decoder's confidence in it. A machine
message's reader gives its offsets itself (`read_spans`), and its values are sure. A model
that writes the contract directly (v1-v5) gets provenance for the strings it copied.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from service.extraction.locate import Piece, locate
from service.extraction.positions import confidences
from service.extraction.schema import DECISIONS
from service.grounding import drop_unprinted
from service.manifest import Manifest
from service.normalise import normalise
from service.scoring import flatten


@dataclass(slots=True)
class Reading:
    manifest: dict[str, Any]
    provenance: list[dict[str, Any]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # spans the normaliser could not read, by field
    ungrounded: list[str] = field(default_factory=list)  # paths of spans the text does not print


@dataclass(slots=True)
class DecodedOutput:
    """What the engine returned for one document."""

    text: str
    token_pieces: list[bytes] = field(default_factory=list)
    token_log_probs: list[float] = field(default_factory=list)


def _pieces_json(pieces: list[Piece], document: str) -> list[dict[str, Any]]:
    return [{"start": p.start, "end": p.end, "text": document[p.start : p.end]} for p in pieces]


def _ground(value: Any, path: str, document: str, found: dict[str, list[Piece]], missing: list[str]) -> Any:
    """`value` with every span the document does not print replaced by None."""
    if isinstance(value, dict):
        return {key: _ground(child, f"{path}.{key}" if path else key, document, found, missing)
                for key, child in value.items()}  # fmt: skip
    if isinstance(value, list):
        return [_ground(child, f"{path}[{i}]", document, found, missing) for i, child in enumerate(value)]
    if isinstance(value, str) and path not in DECISIONS:
        pieces = locate(value, document)
        if pieces is None:
            missing.append(path)
            return None
        found[path] = pieces
    return value


def _sources(path: str, kept: dict[str, list[int]]) -> list[str]:
    """The extraction paths a manifest leaf was normalised from."""
    match = re.match(r"(containers|items)\[(\d+)\](.*)", path)
    if match:
        path = f"{match[1]}[{kept[match[1]][int(match[2])]}]{match[3]}"
    if path.endswith("volume_cbm"):  # items[k].volume_cbm <- items[k].volume; total_volume_cbm alike
        stem = path[: -len("_cbm")]
        return [f"{stem}.value", f"{stem}.unit"]
    return [path]


def read_extraction(output: DecodedOutput, document: str) -> Reading:
    extraction = json.loads(output.text)
    sure = confidences(output.text, output.token_pieces, output.token_log_probs)
    found: dict[str, list[Piece]] = {}
    ungrounded: list[str] = []
    grounded = _ground(extraction, "", document, found, ungrounded)
    reading = _provenance(grounded, found, document, sure)
    reading.ungrounded = ungrounded
    return reading


def read_spans(
    extraction: dict[str, Any], offsets: list[tuple[str, list[tuple[int, int]]]], document: str
) -> Reading:
    """A reader's extraction with the offsets it read each span at: provenance sure (1.0), no search."""
    found = {path: [Piece(start, end) for start, end in pieces] for path, pieces in offsets}
    return _provenance(extraction, found, document, {})


def _provenance(
    extraction: dict[str, Any], found: dict[str, list[Piece]], document: str, sure: dict[str, float]
) -> Reading:
    """The normalised manifest and, per non-null leaf read from the text, its pieces and confidence."""
    normalised = normalise(extraction)
    provenance = []
    for path, value in flatten(normalised.manifest):
        if value is None:
            continue
        sources = [source for source in _sources(path, normalised.kept) if source in found]
        if not sources:
            continue
        pieces = sorted({piece for source in sources for piece in found[source]}, key=lambda p: p.start)
        provenance.append(
            {
                "path": path,
                "spans": _pieces_json(pieces, document),
                "confidence": min(sure.get(source, 1.0) for source in sources),
            }
        )
    return Reading(normalised.manifest, provenance, normalised.unreadable)


def read_manifest(output: DecodedOutput, document: str) -> Reading:
    """A contract-writing model: the output is the manifest, less the copied strings the text
    does not print (dropped and counted); the strings it keeps get provenance."""
    written = Manifest.model_validate_json(output.text).model_dump()  # invalid output: ValidationError
    manifest, ungrounded = drop_unprinted(written, document)
    sure = confidences(output.text, output.token_pieces, output.token_log_probs)
    # Items without a printed description were dropped: the output's index of each kept item.
    kept = [i for i in range(len(written["items"])) if f"items[{i}].description" not in ungrounded]

    def written_path(path: str) -> str:
        return _ITEM.sub(lambda match: f"items[{kept[int(match[1])]}]", path, count=1)

    provenance = []
    for path, value in flatten(manifest):
        pieces = locate(value, document) if isinstance(value, str) else None
        if pieces:
            confidence = sure.get(written_path(path), 1.0)
            provenance.append(
                {"path": path, "spans": _pieces_json(pieces, document), "confidence": confidence}
            )
    return Reading(manifest, provenance, ungrounded=ungrounded)


_ITEM = re.compile(r"^items\[(\d+)\]")


def read_output(output: DecodedOutput, document: str, target: str) -> Reading:
    """The response content of one decoded document, by what the model writes."""
    if target == "extraction":
        return read_extraction(output, document)
    return read_manifest(output, document)
