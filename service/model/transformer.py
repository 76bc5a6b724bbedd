"""The encoder-decoder Transformer that reads a document and writes its manifest JSON.

One set of modules serves both uses:
- training runs `forward(src, tgt_in)` over whole sequences in parallel (teacher forcing);
- serving runs `encode_state(src)` once per document, then `decode_step(...)` token by token
  against a key/value cache owned by the caller (see `service/engine/`).

Design points (each one a classic mistake when missed):
- token embeddings are shared by source, target and the output projection (one joint
  SentencePiece vocabulary), scaled by sqrt(d_model) before positions are added;
- sinusoidal positions on both source and target;
- pre-norm blocks with a final LayerNorm on each stack;
- decoder self-attention is causal; source padding is masked in encoder self-attention
  and in cross-attention; cross-attention is never causal;
- an optional copy head (pointer-generator): values are mostly copied from the document,
  so the output distribution mixes generating from the vocabulary with pointing at
  source tokens. `forward` and `decode_step` therefore return log-probabilities.
- match features for the copy head (`copy_match_order` k > 0): a source position whose k
  preceding tokens equal the decoder's last k input tokens gets a learned bonus, so copying
  a value continues where the previous copied token came from. Learning that alignment from
  content alone stalled (digits were copied from the wrong places); the bonus gives it
  directly. Tokens are compared modulo SentencePiece's word-start mark, since a value's first
  word follows a space in the document but a quote in the JSON.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import cast

import torch
import torch.nn.functional as F
from torch import Tensor, nn


@dataclass(slots=True)
class ModelConfig:
    """Shape of the network; saved inside every checkpoint so it describes itself."""

    vocab_size: int
    d_model: int = 256
    n_heads: int = 4
    n_encoder_layers: int = 4
    n_decoder_layers: int = 4
    d_ff: int = 1024
    max_source_len: int = 2048
    max_target_len: int = 1024
    dropout: float = 0.1
    copy_head: bool = True
    copy_match_order: int = 0  # match features of the copy head (0: none, as in model v1)
    encoder_conv_kernel: int = 0  # local mixing width in each encoder layer (0: none, as in v2)
    # What the decoder writes: "manifest" (contract JSON, models v1-v5) or "extraction" (printed
    # spans, `service.extraction.schema`). The network is the same; the grammar and the
    # normalisation after decoding follow it.
    target: str = "manifest"
    pad_id: int = 0
    bos_id: int = 2
    eos_id: int = 3

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads


@dataclass(slots=True)
class EncoderState:
    """What the decoder needs from one encoded batch, computed once per document.

    cross_kv: per decoder layer, cross-attention keys and values, each (B, H, S, Dh)
    src_valid: (B, S) True on real source tokens
    copy_keys: (B, S, C) keys of the copy head, or None without one
    src_ids: (B, S) source token ids (where copied probability mass lands)
    src_context: (B, S, k) the k tokens before each source position, for the match features
    """

    cross_kv: list[tuple[Tensor, Tensor]]
    src_valid: Tensor
    copy_keys: Tensor | None
    src_ids: Tensor
    src_context: Tensor | None = None


def sinusoidal_positions(length: int, d_model: int) -> Tensor:
    """(length, d_model) fixed position table of "Attention Is All You Need"."""
    position = torch.arange(length, dtype=torch.float32)[:, None]
    freq = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model))
    table = torch.zeros(length, d_model)
    table[:, 0::2] = torch.sin(position * freq)
    table[:, 1::2] = torch.cos(position * freq)
    return table


class Attention(nn.Module):
    """Multi-head attention on scaled_dot_product_attention, with keys/values exposed
    separately so the decoder can cache them.

    No dropout on the attention probabilities: it forces PyTorch's unfused attention path,
    measured 4x slower on CPU for 1,500-token documents; regularisation comes from the
    residual, feed-forward and embedding dropout instead."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.n_heads = config.n_heads
        self.head_dim = config.head_dim
        self.query = nn.Linear(config.d_model, config.d_model)
        self.key_value = nn.Linear(config.d_model, 2 * config.d_model)
        self.out = nn.Linear(config.d_model, config.d_model)

    def split_heads(self, x: Tensor) -> Tensor:
        batch, length, _ = x.shape
        return x.view(batch, length, self.n_heads, self.head_dim).transpose(1, 2)  # (B, H, T, Dh)

    def keys_values(self, x: Tensor) -> tuple[Tensor, Tensor]:
        key, value = self.key_value(x).chunk(2, dim=-1)
        return self.split_heads(key), self.split_heads(value)

    def attend(self, x: Tensor, key: Tensor, value: Tensor, mask: Tensor | None) -> Tensor:
        """x: (B, T, C) queries; key/value: (B, H, L, Dh); mask: bool, True = may attend."""
        query = self.split_heads(self.query(x))
        heads = F.scaled_dot_product_attention(query, key, value, attn_mask=mask)
        batch, _, length, _ = heads.shape
        return self.out(heads.transpose(1, 2).reshape(batch, length, -1))


class FeedForward(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.up = nn.Linear(config.d_model, config.d_ff)
        self.down = nn.Linear(config.d_ff, config.d_model)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: Tensor) -> Tensor:
        return self.down(self.dropout(F.gelu(self.up(x))))


class LocalMixing(nn.Module):
    """A depthwise convolution over neighbouring source tokens, added to the attention input.

    A value's role is mostly told by the few tokens before it ("Consignee:", "GROSS KG"), so
    this hands each position its neighbours directly instead of spending attention heads on
    it (as Primer's depthwise convolutions do). Zero-initialised: a published model warm-starts
    unchanged. Padding is zeroed first, so a batched document encodes exactly as alone."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        kernel = config.encoder_conv_kernel
        if kernel % 2 == 0:
            raise ValueError(f"encoder_conv_kernel must be odd, got {kernel}")
        width = config.d_model
        self.conv = nn.Conv1d(width, width, kernel, padding=kernel // 2, groups=width)
        nn.init.zeros_(self.conv.weight)
        nn.init.zeros_(cast(Tensor, self.conv.bias))

    def forward(self, h: Tensor, valid: Tensor) -> Tensor:
        """h (B, S, C), valid (B, S) -> h plus the mix of its neighbours."""
        masked = h * valid[..., None].to(h.dtype)
        return h + self.conv(masked.transpose(1, 2)).transpose(1, 2)


class EncoderLayer(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.norm_attn = nn.LayerNorm(config.d_model)
        self.local = LocalMixing(config) if config.encoder_conv_kernel else None
        self.attn = Attention(config)
        self.norm_ff = nn.LayerNorm(config.d_model)
        self.ff = FeedForward(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        """x (B, S, C), mask (B, 1, 1, S) True on real source tokens."""
        h = self.norm_attn(x)
        if self.local is not None:
            h = self.local(h, mask[:, 0, 0, :])
        key, value = self.attn.keys_values(h)
        x = x + self.dropout(self.attn.attend(h, key, value, mask))
        return x + self.dropout(self.ff(self.norm_ff(x)))


class DecoderLayer(nn.Module):
    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.norm_self = nn.LayerNorm(config.d_model)
        self.self_attn = Attention(config)
        self.norm_cross = nn.LayerNorm(config.d_model)
        self.cross_attn = Attention(config)
        self.norm_ff = nn.LayerNorm(config.d_model)
        self.ff = FeedForward(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(
        self,
        x: Tensor,
        self_mask: Tensor,
        cross_kv: tuple[Tensor, Tensor],
        cross_mask: Tensor,
        cache: tuple[Tensor, Tensor] | None = None,
        cache_index: tuple[Tensor, Tensor, Tensor] | None = None,
    ) -> Tensor:
        """Without a cache, self-attention runs over x itself (training). With one, this step's
        keys/values are first written into the cache at `cache_index` (batch, head, position
        index tensors) and the queries attend over the whole cache (serving)."""
        h = self.norm_self(x)
        key, value = self.self_attn.keys_values(h)
        if cache is not None and cache_index is not None:
            cache[0].index_put_(cache_index, key)
            cache[1].index_put_(cache_index, value)
            key, value = cache
        x = x + self.dropout(self.self_attn.attend(h, key, value, self_mask))
        x = x + self.dropout(self.cross_attn.attend(self.norm_cross(x), *cross_kv, cross_mask))
        return x + self.dropout(self.ff(self.norm_ff(x)))


class CopyHead(nn.Module):
    """Pointer-generator: a single-head attention over the source whose weights are a
    distribution over source positions, mixed with the vocabulary distribution by a gate."""

    canonical: Tensor  # (V,) token id -> id of the same piece without the word-start mark

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.query = nn.Linear(config.d_model, config.d_model)
        self.key = nn.Linear(config.d_model, config.d_model)
        self.gate = nn.Linear(config.d_model, 1)
        self.scale = 1.0 / math.sqrt(config.d_model)
        self.match_order = config.copy_match_order
        self.pad_id = config.pad_id
        if self.match_order:
            self.match_bonus = nn.Parameter(torch.full((self.match_order,), 1.5))
            self.register_buffer("canonical", torch.arange(config.vocab_size))

    def context(self, ids: Tensor, missing: int) -> Tensor:
        """ids (B, L) -> (B, L, k): canonical ids of the k tokens before each position, ending
        with the one just before; `missing` before the start and for padding. Sources use -1
        and decoder inputs -2, so absent tokens never match each other."""
        canonical = self.canonical_ids(ids, missing)
        length = canonical.shape[1]
        shifted = [
            F.pad(canonical, (j, 0), value=missing)[:, :length] for j in range(1, self.match_order + 1)
        ]
        return torch.stack(shifted, dim=-1)

    def canonical_ids(self, ids: Tensor, missing: int) -> Tensor:
        """Token ids -> ids compared by the match features, `missing` for padding."""
        return self.canonical[ids].masked_fill(ids == self.pad_id, missing)

    def history(self, ids: Tensor) -> Tensor:
        """Decoder inputs (B, T) -> (B, T, k): each input and the k - 1 before it, canonical."""
        with_current = F.pad(ids, (0, 1), value=self.pad_id)
        return self.context(with_current, -2)[:, 1:]

    def match(self, history: Tensor, src_context: Tensor) -> Tensor:
        """history (B, T, k), src_context (B, S, k) -> (B, T, S) bonus for each source position."""
        equal = history[:, :, None, :] == src_context[:, None, :, :]
        return (equal.to(self.match_bonus.dtype) * self.match_bonus).sum(-1)

    def pointer(self, hidden: Tensor, keys: Tensor, src_valid: Tensor, match: Tensor | None) -> Tensor:
        """hidden (B, T, C), keys (B, S, C), match (B, T, S) bonus -> (B, T, S) float32
        distribution over source positions."""
        scores = torch.einsum("btc,bsc->bts", self.query(hidden), keys) * self.scale
        if match is not None:
            scores = scores + match
        scores = scores.masked_fill(~src_valid[:, None, :], float("-inf"))
        return scores.softmax(dim=-1).float()

    def mixture_log(self, hidden: Tensor, vocab_log_probs: Tensor, copied: Tensor) -> Tensor:
        """log(g p_vocab + (1 - g) p_copy), the gate g read from `hidden` (B, T, C); the two
        probability tensors are (B, T, V) for whole distributions or (B, T) for one token each."""
        generate = torch.sigmoid(self.gate(hidden))  # (B, T, 1)
        if vocab_log_probs.dim() == 2:
            generate = generate.squeeze(-1)
        mixture = generate * vocab_log_probs.exp() + (1.0 - generate) * copied
        return mixture.clamp_min(1e-12).log()

    def mix(
        self,
        hidden: Tensor,
        vocab_log_probs: Tensor,
        keys: Tensor,
        src_valid: Tensor,
        src_ids: Tensor,
        match: Tensor | None = None,
    ) -> Tensor:
        """hidden (B, T, C), vocab_log_probs (B, T, V), keys (B, S, C), match (B, T, S) bonus
        -> log-probs (B, T, V)."""
        pointer = self.pointer(hidden, keys, src_valid, match)
        copied = torch.zeros_like(vocab_log_probs).scatter_add_(
            -1, src_ids[:, None, :].expand(-1, hidden.shape[1], -1), pointer
        )
        return self.mixture_log(hidden, vocab_log_probs, copied)

    def mix_target(
        self,
        hidden: Tensor,
        target_vocab_log_probs: Tensor,
        target: Tensor,
        keys: Tensor,
        src_valid: Tensor,
        src_ids: Tensor,
        match: Tensor | None = None,
    ) -> Tensor:
        """`mix` at one token per position: target (B, T) ids and their vocabulary
        log-probs (B, T) -> (B, T) log-probs. Training needs no more, and skips building,
        exponentiating and scattering into the (B, T, V) mixture."""
        pointer = self.pointer(hidden, keys, src_valid, match)
        copied = (pointer * (src_ids[:, None, :] == target[:, :, None])).sum(-1)
        return self.mixture_log(hidden, target_vocab_log_probs, copied)


class Seq2SeqTransformer(nn.Module):
    positions: Tensor  # (max_len, C) sinusoidal table, a non-persistent buffer

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        self.embedding = nn.Embedding(config.vocab_size, config.d_model, padding_idx=config.pad_id)
        nn.init.normal_(self.embedding.weight, std=config.d_model**-0.5)
        longest = max(config.max_source_len, config.max_target_len)
        self.register_buffer("positions", sinusoidal_positions(longest, config.d_model), persistent=False)
        self.embed_dropout = nn.Dropout(config.dropout)
        self.encoder = nn.ModuleList(EncoderLayer(config) for _ in range(config.n_encoder_layers))
        self.encoder_norm = nn.LayerNorm(config.d_model)
        self.decoder = nn.ModuleList(DecoderLayer(config) for _ in range(config.n_decoder_layers))
        self.decoder_norm = nn.LayerNorm(config.d_model)
        self.copy = CopyHead(config) if config.copy_head else None

    @property
    def decoder_layers(self) -> list[DecoderLayer]:
        return cast(list[DecoderLayer], list(self.decoder))

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def embed(self, ids: Tensor, positions: Tensor) -> Tensor:
        """ids, positions: (B, T) -> (B, T, C), embeddings scaled before positions are added."""
        scaled = self.embedding(ids) * math.sqrt(self.config.d_model)
        return self.embed_dropout(scaled + self.positions[positions])

    # ---- encoder -------------------------------------------------------------------------

    def encode_memory(self, src: Tensor) -> tuple[Tensor, Tensor]:
        """src (B, S) -> memory (B, S, C), src_valid (B, S)."""
        src_valid = src != self.config.pad_id
        positions = torch.arange(src.shape[1], device=src.device).expand_as(src)
        x = self.embed(src, positions)
        mask = src_valid[:, None, None, :]  # (B, 1, 1, S): key padding only
        for layer in self.encoder:
            x = layer(x, mask)
        return self.encoder_norm(x), src_valid

    def encoder_state(self, memory: Tensor, src_valid: Tensor, src: Tensor) -> EncoderState:
        """Everything the decoder reads from the source, computed once."""
        cross_kv = [layer.cross_attn.keys_values(memory) for layer in self.decoder_layers]
        copy_keys = self.copy.key(memory) if self.copy is not None else None
        src_context = self.copy.context(src, -1) if self.copy is not None and self.copy.match_order else None
        return EncoderState(
            cross_kv=cross_kv, src_valid=src_valid, copy_keys=copy_keys, src_ids=src, src_context=src_context
        )

    def encode_state(self, src: Tensor) -> EncoderState:
        memory, src_valid = self.encode_memory(src)
        return self.encoder_state(memory, src_valid, src)

    # ---- decoder -------------------------------------------------------------------------

    def output_log_probs(
        self, hidden: Tensor, state: EncoderState, history: Tensor | None, target: Tensor | None = None
    ) -> Tensor:
        """Final decoder hidden states (B, T, C) and, with match features, each position's last
        k input tokens (B, T, k) -> log-probabilities (B, T, V); with `target` (B, T) ids, only
        each target's log-probability (B, T)."""
        hidden = self.decoder_norm(hidden)
        # float32 from here on, whatever the weights: entropies and the copy mixture need it
        vocab_log_probs = F.log_softmax((hidden @ self.embedding.weight.T).float(), dim=-1)
        if target is not None:
            vocab_log_probs = vocab_log_probs.gather(-1, target[..., None]).squeeze(-1)
        if self.copy is None or state.copy_keys is None:
            return vocab_log_probs
        match = None
        if state.src_context is not None:
            if history is None:
                raise ValueError("this model's copy head needs the decoder's input history")
            match = self.copy.match(history, state.src_context)
        keys, valid, ids = state.copy_keys, state.src_valid, state.src_ids
        if target is not None:
            return self.copy.mix_target(hidden, vocab_log_probs, target, keys, valid, ids, match)
        return self.copy.mix(hidden, vocab_log_probs, keys, valid, ids, match)

    def input_history(self, stream: Tensor) -> Tensor | None:
        """Decoder inputs (B, T) from the first one on -> (B, T, k) match history, or None
        without match features. The engine builds the same from each sequence's tokens."""
        if self.copy is None or not self.copy.match_order:
            return None
        return self.copy.history(stream)

    def forward(self, src: Tensor, tgt_in: Tensor, target: Tensor | None = None) -> Tensor:
        """Teacher-forced training pass: src (B, S), tgt_in (B, T) = BOS + y[:-1] -> (B, T, V);
        with `target` (B, T) = y, only log p(y_t) per position (B, T): all a plain NLL needs."""
        state = self.encode_state(src)
        length = tgt_in.shape[1]
        positions = torch.arange(length, device=tgt_in.device).expand_as(tgt_in)
        causal = torch.ones(length, length, dtype=torch.bool, device=tgt_in.device).tril()
        self_mask = causal[None, None] & (tgt_in != self.config.pad_id)[:, None, None, :]
        cross_mask = state.src_valid[:, None, None, :]
        x = self.embed(tgt_in, positions)
        for layer, cross_kv in zip(self.decoder_layers, state.cross_kv, strict=True):
            x = layer(x, self_mask, cross_kv, cross_mask)
        return self.output_log_probs(x, state, self.input_history(tgt_in), target)

    def decode_step(
        self,
        tokens: Tensor,
        positions: Tensor,
        self_cache: list[tuple[Tensor, Tensor]],
        self_mask: Tensor,
        state: EncoderState,
        scored: Tensor | None = None,
        history: Tensor | None = None,
    ) -> Tensor:
        """Incremental decoding against a caller-owned KV cache.

        tokens, positions: (B, T) new tokens (T = 1 normally, more for forced runs);
        self_cache: per decoder layer (K, V), each (B, H, L, Dh), L >= max position + 1; the new
          keys/values are written in place at `positions` (pass views of a static cache);
        self_mask: (B, 1, T, L) bool, True where a new token may attend (its own row of the
          causal mask over cached + new positions);
        scored: optional (B, m) indices of the fed positions per row whose next token is wanted
          (the last pending token, and each draft token after it);
        history: (B, T, k) token ids, for each fed token itself and the k - 1 inputs before it
          (pad_id before the first), required when the copy head has match features.
        Returns log-probabilities (B, T, V), or (B, m, V) at the `scored` positions: the output
        head and copy head then skip the rest of a forced run, whose tokens are already known.
        """
        batch_index = torch.arange(tokens.shape[0], device=tokens.device)[:, None, None]  # (B, 1, 1)
        head_index = torch.arange(self.config.n_heads, device=tokens.device)[None, :, None]  # (1, H, 1)
        cache_index = (batch_index, head_index, positions[:, None, :])  # position: (B, 1, T)
        cross_mask = state.src_valid[:, None, None, :]
        x = self.embed(tokens, positions)
        for layer, cache, cross_kv in zip(self.decoder_layers, self_cache, state.cross_kv, strict=True):
            x = layer(x, self_mask, cross_kv, cross_mask, cache, cache_index)
        if self.copy is None or not self.copy.match_order or history is None:
            history = None
        else:
            history = self.copy.canonical_ids(history, -2)
        if scored is None:
            return self.output_log_probs(x, state, history)
        rows = torch.arange(x.shape[0], device=x.device)[:, None]
        picked = None if history is None else history[rows, scored]
        return self.output_log_probs(x[rows, scored], state, picked)


def step_mask(positions: Tensor, cache_length: int) -> Tensor:
    """(B, T) positions -> (B, 1, T, L) mask letting each new token see cache slots <= its position."""
    slots = torch.arange(cache_length, device=positions.device)
    return (slots[None, None, :] <= positions[:, :, None])[:, None]
