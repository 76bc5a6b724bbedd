"""The naive baseline: greedy decoding that re-runs the whole model over the full prefix at
every step (`model(src, prefix)`, encoder included), one document at a time, no cache."""

from __future__ import annotations

import math
import time

import torch

from service.model.transformer import Seq2SeqTransformer


@torch.inference_mode()
def naive_greedy_seconds(
    model: Seq2SeqTransformer, source: list[int], steps: int, device: torch.device
) -> float:
    """Seconds to decode exactly `steps` tokens (EOS ignored, so lengths match the engine's)."""
    src = torch.tensor([source], device=device)
    prefix = [model.config.bos_id]
    started = time.perf_counter()
    for _ in range(steps):
        log_probs = model(src, torch.tensor([prefix], device=device))[0, -1]
        log_probs[model.config.pad_id] = -math.inf  # a pad id in the prefix would be masked out
        prefix.append(int(log_probs.argmax()))
    return time.perf_counter() - started
