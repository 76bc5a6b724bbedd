"""`manifest-parser check-grounding`: audit a manifest against its document, trusting nothing else.

Reads the document text and a JSON file holding a manifest (or a whole `/v1/parse` response),
prints every copied string that the text does not print or that breaks the whitespace rule,
and exits 1 when there is one: the service's own provenance is never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", type=Path, help="the document's text file")
    parser.add_argument("manifest", type=Path, help="a manifest JSON file, or a /v1/parse response")


def run(args: argparse.Namespace) -> int:
    from service.grounding import copied_strings, ungrounded_strings

    try:
        text = args.text.read_text(encoding="utf-8")
        body = json.loads(args.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"check-grounding: {error}") from None
    manifest = body.get("manifest", body) if isinstance(body, dict) else None
    if not isinstance(manifest, dict):
        raise SystemExit("check-grounding: the JSON file holds no manifest")
    copied, missing = copied_strings(manifest), ungrounded_strings(manifest, text)
    for path, value in missing:
        print(f"not printed: {path} = {value!r}")
    print(f"{len(copied) - len(missing)} of {len(copied)} copied strings grounded")
    return 1 if missing else 0
