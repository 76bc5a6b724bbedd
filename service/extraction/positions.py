"""Where each leaf value stands in the decoder's output text, and how sure the decoder was of it.

The output is compact JSON written token by token; a value's confidence is the lowest
probability the model gave any token that wrote it (its characters and the token that
closed it, which decided where it ends). Tokens the grammar forced count as certain.
"""

from __future__ import annotations

import codecs
import json
import math

_DECODER = json.JSONDecoder()


def leaf_positions(text: str) -> dict[str, tuple[int, int]]:
    """`path -> (start, end)` character range of every non-null scalar in compact JSON `text`
    (string values without their quotes), paths as `items[0].gross_weight.value`."""
    positions: dict[str, tuple[int, int]] = {}

    def value(index: int, path: str) -> int:
        char = text[index]
        if char == "{":
            index += 1
            while text[index] != "}":
                key, index = _DECODER.raw_decode(text, index)
                index = value(index + 1, f"{path}.{key}" if path else key)  # skip the ':'
                if text[index] == ",":
                    index += 1
            return index + 1
        if char == "[":
            index += 1
            position = 0
            while text[index] != "]":
                index = value(index, f"{path}[{position}]")
                position += 1
                if text[index] == ",":
                    index += 1
            return index + 1
        parsed, end = _DECODER.raw_decode(text, index)
        if parsed is not None:
            positions[path] = (index + 1, end - 1) if char == '"' else (index, end)
        return end

    value(0, "")
    return positions


def token_offsets(pieces: list[bytes]) -> list[int]:
    """The character offset in the decoded output at which each token's piece ends."""
    decoder = codecs.getincrementaldecoder("utf-8")("ignore")  # a piece may end inside a character
    ends: list[int] = []
    characters = 0
    for piece in pieces:
        characters += len(decoder.decode(piece))
        ends.append(characters)
    return ends


def confidence(span: tuple[int, int], ends: list[int], log_probs: list[float]) -> float:
    """The lowest probability of the tokens that wrote `span` and the one just after it."""
    start, end = span
    lowest = 0.0
    previous_end = 0
    for token_end, log_prob in zip(ends, log_probs, strict=True):
        if token_end > start and previous_end <= end:
            lowest = min(lowest, log_prob)
        if previous_end > end:
            break
        previous_end = token_end
    return math.exp(lowest)


def confidences(text: str, pieces: list[bytes], log_probs: list[float]) -> dict[str, float]:
    """`path -> confidence` for every non-null leaf of the output."""
    if not pieces:
        return {}
    ends = token_offsets(pieces)
    return {path: confidence(span, ends, log_probs) for path, span in leaf_positions(text).items()}
