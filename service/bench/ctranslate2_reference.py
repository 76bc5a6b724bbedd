"""CTranslate2 as the speed reference: our weights converted into its Transformer format.

Mapping (pre-norm encoder-decoder, shared embeddings scaled by sqrt(d_model), GELU):
self-attention query + key/value projections are fused into CTranslate2's one QKV linear;
cross-attention keeps query and fused key/value; the output projection is the shared
embedding matrix; our sinusoidal table is given as explicit position encodings. The copy
head has no CTranslate2 equivalent, so the converted model is the plain vocabulary path:
CTranslate2 does less work per token than our engine, which also mixes in the copy head.
Token ids map to placeholder strings ("t42"), with the specials named as CTranslate2 expects.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import torch
from torch import nn

from service.model.transformer import Attention, DecoderLayer, EncoderLayer, Seq2SeqTransformer

SPECIAL_NAMES = {"pad_id": "<pad>", "unk": "<unk>", "bos_id": "<s>", "eos_id": "</s>"}


def _array(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().cpu().float().numpy()


def _linear(spec: Any, *layers: nn.Linear) -> None:
    spec.weight = np.concatenate([_array(layer.weight) for layer in layers])
    spec.bias = np.concatenate([_array(layer.bias) for layer in layers])


def _norm(spec: Any, norm: nn.LayerNorm) -> None:
    spec.gamma = _array(norm.weight)
    spec.beta = _array(norm.bias)


def _self_attention(spec: Any, norm: nn.LayerNorm, attention: Attention) -> None:
    _norm(spec.layer_norm, norm)
    _linear(spec.linear[0], attention.query, attention.key_value)
    _linear(spec.linear[1], attention.out)


def _feed_forward(spec: Any, layer: EncoderLayer | DecoderLayer) -> None:
    _norm(spec.layer_norm, layer.norm_ff)
    _linear(spec.linear_0, layer.ff.up)
    _linear(spec.linear_1, layer.ff.down)


def vocabulary(model: Seq2SeqTransformer) -> list[str]:
    config = model.config
    names = {config.pad_id: "<pad>", 1: "<unk>", config.bos_id: "<s>", config.eos_id: "</s>"}
    return [names.get(index, f"t{index}") for index in range(config.vocab_size)]


def convert(model: Seq2SeqTransformer, output_dir: Path) -> Path:
    """Write a CTranslate2 model directory for `model` (float32 weights)."""
    import ctranslate2
    from ctranslate2.specs import common_spec, transformer_spec

    config = model.config
    spec = transformer_spec.TransformerSpec.from_config(
        (config.n_encoder_layers, config.n_decoder_layers),
        config.n_heads,
        pre_norm=True,
        activation=common_spec.Activation.GELU,
    )
    spec.config.layer_norm_epsilon = model.decoder_norm.eps
    table = _array(model.get_buffer("positions"))
    embedding = _array(model.embedding.weight)
    for stack in (spec.encoder, spec.decoder):
        stack.scale_embeddings = True
        stack.position_encodings.encodings = table
    spec.encoder.embeddings[0].weight = embedding
    spec.decoder.embeddings.weight = embedding
    spec.decoder.projection.weight = embedding
    _norm(spec.encoder.layer_norm, model.encoder_norm)
    _norm(spec.decoder.layer_norm, model.decoder_norm)
    for layer_spec, module in zip(spec.encoder.layer, model.encoder, strict=True):
        encoder_layer = cast(EncoderLayer, module)
        _self_attention(layer_spec.self_attention, encoder_layer.norm_attn, encoder_layer.attn)
        _feed_forward(layer_spec.ffn, encoder_layer)
    for layer_spec, module in zip(spec.decoder.layer, model.decoder, strict=True):
        layer = cast(DecoderLayer, module)
        _self_attention(layer_spec.self_attention, layer.norm_self, layer.self_attn)
        cross = layer_spec.attention
        _norm(cross.layer_norm, layer.norm_cross)
        _linear(cross.linear[0], layer.cross_attn.query)
        _linear(cross.linear[1], layer.cross_attn.key_value)
        _linear(cross.linear[2], layer.cross_attn.out)
        _feed_forward(layer_spec.ffn, layer)
    tokens = vocabulary(model)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    spec.validate()
    spec.optimize(quantization=None)
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(output_dir))
    del ctranslate2  # imported for its side effect of registering the spec types
    return output_dir


COMPUTE_TYPES = ("float32", "int8")  # int8: linear weights quantised when the model loads
SMALL_BATCH = 8


@dataclass(frozen=True, slots=True)
class Setting:
    """One way to run CTranslate2: its precision, and its threads either inside one instance
    (each batch faster) or split into one-thread replicas (batches in parallel)."""

    compute_type: str
    replicas: int  # inter_threads: batches decoded at once
    threads: int  # intra_threads of each replica

    @property
    def label(self) -> str:
        return f"{self.compute_type} {self.replicas}x{self.threads}t"

    def batch_sizes(self, concurrency: int) -> list[int]:
        """For `concurrency` documents: a small batch, and the largest that still gives every
        replica a batch of its own."""
        return sorted({min(SMALL_BATCH, concurrency), math.ceil(concurrency / self.replicas)})


def settings(threads: int, supported: set[str], cpu: bool) -> list[Setting]:
    """Each precision the device supports, as one instance on all `threads` and, on a
    multi-thread CPU, as `threads` one-thread replicas."""
    splits = [(1, threads), (threads, 1)] if cpu and threads > 1 else [(1, threads)]
    return [
        Setting(kind, replicas, per_replica)
        for kind in COMPUTE_TYPES
        if kind in supported
        for replicas, per_replica in splits
    ]


def supported_compute_types(device: str) -> set[str]:
    import ctranslate2

    return set(ctranslate2.get_supported_compute_types(device))


class CTranslate2Reference:
    """Greedy decoding of fixed-length outputs with CTranslate2 in one `Setting`."""

    def __init__(self, model_dir: Path, device: str, setting: Setting) -> None:
        import ctranslate2

        self.translator = ctranslate2.Translator(
            str(model_dir),
            device=device,
            compute_type=setting.compute_type,
            inter_threads=setting.replicas,
            intra_threads=setting.threads,
        )
        self.setting = setting
        self.names = vocabulary_from(model_dir)

    def decode_seconds(
        self, sources: list[list[int]], lengths: list[int], batch_size: int
    ) -> tuple[float, int]:
        """Seconds to decode every source to exactly its length, `batch_size` at a time;
        also returns the number of tokens produced (a check that lengths were honoured).
        Every batch is queued at once so that replicas decode batches in parallel."""
        started = time.perf_counter()
        pending = [
            self._submit(sources[start : start + batch_size], max(lengths[start : start + batch_size]))
            for start in range(0, len(sources), batch_size)
        ]
        produced = sum(len(result.result().hypotheses[0]) for batch in pending for result in batch)
        return time.perf_counter() - started, produced

    def _submit(self, chunk: list[list[int]], length: int) -> list[Any]:
        return self.translator.translate_batch(
            [[self.names[token] for token in source] for source in chunk],
            beam_size=1,
            max_decoding_length=length,
            min_decoding_length=length,
            asynchronous=True,
        )


def vocabulary_from(model_dir: Path) -> list[str]:
    import json

    return list(json.loads((model_dir / "shared_vocabulary.json").read_text(encoding="utf-8")))
