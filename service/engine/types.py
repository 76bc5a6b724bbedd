"""What callers pass in and get back: decoding parameters and per-request results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FinishReason(StrEnum):
    EOS = "eos"  # the JSON was complete
    LENGTH = "length"  # max_new_tokens ran out; the grammar closed the JSON
    REPETITION = "repetition"  # the output looped (`repetition.py`); the grammar closed the JSON


class Decoding(StrEnum):
    GREEDY = "greedy"
    BEAM = "beam"


@dataclass(slots=True)
class DecodeParams:
    max_new_tokens: int | None = None  # None -> EngineConfig.max_new_tokens (also the upper bound)
    decoding: Decoding = Decoding.GREEDY
    beam_width: int = 4
    timeout_s: float | None = None  # None -> EngineConfig.default_timeout_s


@dataclass(slots=True)
class GenerationResult:
    text: str  # the manifest JSON text (compact), always contract-valid JSON
    finish_reason: FinishReason  # LENGTH when max_new_tokens ran out and the grammar closed the JSON
    input_tokens: int
    output_tokens: int  # tokens emitted (model-chosen + forced)
    forced_tokens: int  # of which fed by the grammar without a model decision
    drafted_tokens: int  # of which model-chosen, confirmed from a source draft without a call of their own
    queue_seconds: float  # submit -> admitted into a slot
    ttft_seconds: float  # submit -> first output token
    decode_seconds: float  # admitted -> finished
    mean_entropy: float  # mean entropy (nats) of the model's distribution over model-decided steps
    steps: int  # decoder calls this request took part in
    # The output's tokens as UTF-8 pieces of `text`, and the model's log-probability of each
    # (0.0 where the grammar forced it): what per-value confidence is computed from.
    token_pieces: list[bytes] = field(default_factory=list)
    token_log_probs: list[float] = field(default_factory=list)
