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

import time
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


class CTranslate2Reference:
    """Greedy decoding of fixed-length outputs with CTranslate2."""

    def __init__(self, model_dir: Path, device: str, threads: int) -> None:
        import ctranslate2

        self.translator = ctranslate2.Translator(
            str(model_dir), device=device, inter_threads=1, intra_threads=threads
        )
        self.names = vocabulary_from(model_dir)

    def decode_seconds(
        self, sources: list[list[int]], lengths: list[int], batch_size: int
    ) -> tuple[float, int]:
        """Seconds to decode every source to exactly its length, `batch_size` at a time;
        also returns the number of tokens produced (a check that lengths were honoured)."""
        produced = 0
        started = time.perf_counter()
        for start in range(0, len(sources), batch_size):
            chunk = sources[start : start + batch_size]
            length = max(lengths[start : start + batch_size])
            results = self.translator.translate_batch(
                [[self.names[token] for token in source] for source in chunk],
                beam_size=1,
                max_decoding_length=length,
                min_decoding_length=length,
                max_batch_size=batch_size,
            )
            produced += sum(len(result.hypotheses[0]) for result in results)
        return time.perf_counter() - started, produced


def vocabulary_from(model_dir: Path) -> list[str]:
    import json

    return list(json.loads((model_dir / "shared_vocabulary.json").read_text(encoding="utf-8")))
