"""Static caches, allocated once at start-up and updated in place by slot.

Self-attention K/V: (layers, slots, heads, self_length, head_dim). Cross-attention K/V:
(layers, slots, heads, source_length, head_dim), written once per request from its encoder
output, together with the copy head's keys and match context and the source ids/validity mask. A step reads
views `[:, :n, :, :length]` of the packed slots: no per-step allocation, no concatenation,
no gathers. Slots beyond a request's source length are marked invalid, so stale data left
by an earlier occupant is never attended to.
"""

from __future__ import annotations

import torch
from torch import Tensor

from service.model.transformer import EncoderState, ModelConfig


class StaticKVCache:
    def __init__(
        self,
        config: ModelConfig,
        slots: int,
        self_length: int,
        source_length: int,
        device: torch.device,
        dtype: torch.dtype = torch.float32,
    ) -> None:
        shape = (config.n_decoder_layers, slots, config.n_heads)
        self.self_k = torch.zeros((*shape, self_length, config.head_dim), dtype=dtype, device=device)
        self.self_v = torch.zeros_like(self.self_k)
        self.cross_k = torch.zeros((*shape, source_length, config.head_dim), dtype=dtype, device=device)
        self.cross_v = torch.zeros_like(self.cross_k)
        self.copy_keys = (
            torch.zeros((slots, source_length, config.d_model), dtype=dtype, device=device)
            if config.copy_head
            else None
        )
        self.src_context = (
            torch.zeros((slots, source_length, config.copy_match_order), dtype=torch.long, device=device)
            if config.copy_head and config.copy_match_order
            else None
        )
        self.src_ids = torch.full((slots, source_length), config.pad_id, dtype=torch.long, device=device)
        self.src_valid = torch.zeros((slots, source_length), dtype=torch.bool, device=device)
        self.pad_id = config.pad_id
        self.layers = config.n_decoder_layers
        self.self_length = self_length
        self.source_lengths = [0] * slots  # host-side copy: no device sync to size the views

    def nbytes(self) -> int:
        tensors = [self.self_k, self.self_v, self.cross_k, self.cross_v, self.src_ids, self.src_valid]
        tensors += [t for t in (self.copy_keys, self.src_context) if t is not None]
        return sum(t.numel() * t.element_size() for t in tensors)

    def write_source(self, slots: list[int], row: int, state: EncoderState, length: int) -> None:
        """Store row `row` of a newcomers' encoder state into each of `slots` (one per beam)."""
        index = torch.tensor(slots, device=self.cross_k.device)
        for layer, (key, value) in enumerate(state.cross_kv):
            self.cross_k[layer, index, :, :length] = key[row, :, :length]
            self.cross_v[layer, index, :, :length] = value[row, :, :length]
        if self.copy_keys is not None and state.copy_keys is not None:
            self.copy_keys[index, :length] = state.copy_keys[row, :length]
        if self.src_context is not None and state.src_context is not None:
            self.src_context[index, :length] = state.src_context[row, :length]
        self.src_ids[index] = self.pad_id
        self.src_ids[index, :length] = state.src_ids[row, :length]
        self.src_valid[index] = False
        self.src_valid[index, :length] = True
        for slot in slots:
            self.source_lengths[slot] = length

    def move(self, source: int, target: int, self_used: int) -> None:
        """Copy one slot's contents into another (packing after a request leaves)."""
        length = self.source_lengths[source]
        self.self_k[:, target, :, :self_used] = self.self_k[:, source, :, :self_used]
        self.self_v[:, target, :, :self_used] = self.self_v[:, source, :, :self_used]
        self.cross_k[:, target, :, :length] = self.cross_k[:, source, :, :length]
        self.cross_v[:, target, :, :length] = self.cross_v[:, source, :, :length]
        if self.copy_keys is not None:
            self.copy_keys[target, :length] = self.copy_keys[source, :length]
        if self.src_context is not None:
            self.src_context[target, :length] = self.src_context[source, :length]
        self.src_ids[target] = self.src_ids[source]
        self.src_valid[target] = self.src_valid[source]
        self.source_lengths[target] = length

    def reorder_self(self, targets: list[int], sources: list[int], self_used: int) -> None:
        """Beam search: targets[i] takes the decoder history of sources[i] (sources read first)."""
        target_index = torch.tensor(targets, device=self.self_k.device)
        source_index = torch.tensor(sources, device=self.self_k.device)
        self.self_k[:, target_index, :, :self_used] = self.self_k[:, source_index, :, :self_used]
        self.self_v[:, target_index, :, :self_used] = self.self_v[:, source_index, :, :self_used]

    def views(self, count: int, self_used: int) -> tuple[list[tuple[Tensor, Tensor]], EncoderState]:
        """The decoder's inputs for packed slots 0..count-1: self cache views and encoder state."""
        source = max(self.source_lengths[:count])
        self_cache = [
            (self.self_k[layer, :count, :, :self_used], self.self_v[layer, :count, :, :self_used])
            for layer in range(self.layers)
        ]
        cross = [
            (self.cross_k[layer, :count, :, :source], self.cross_v[layer, :count, :, :source])
            for layer in range(self.layers)
        ]
        state = EncoderState(
            cross_kv=cross,
            src_valid=self.src_valid[:count, :source],
            copy_keys=None if self.copy_keys is None else self.copy_keys[:count, :source],
            src_ids=self.src_ids[:count, :source],
            src_context=None if self.src_context is None else self.src_context[:count, :source],
        )
        return self_cache, state
