"""The serving path (encode once, then cached decode steps) must equal the training path."""

from __future__ import annotations

import pytest
import torch

from service.model.transformer import ModelConfig, Seq2SeqTransformer, step_mask

PAD, BOS, EOS = 0, 2, 3


def _model(copy_head: bool) -> Seq2SeqTransformer:
    torch.manual_seed(0)
    config = ModelConfig(
        vocab_size=97,
        d_model=32,
        n_heads=4,
        n_encoder_layers=2,
        n_decoder_layers=2,
        d_ff=64,
        max_source_len=64,
        max_target_len=32,
        dropout=0.0,
        copy_head=copy_head,
    )
    return Seq2SeqTransformer(config).eval()


def _padded_batch() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(1)
    src = torch.randint(4, 97, (3, 20), generator=generator)
    src[1, 12:] = PAD
    src[2, 5:] = PAD
    tgt = torch.randint(4, 97, (3, 10), generator=generator)
    tgt[:, 0] = BOS
    tgt[2, 7:] = PAD
    return src, tgt


@pytest.mark.parametrize("copy_head", [False, True])
def test_cached_step_decoding_equals_parallel_forward(copy_head: bool) -> None:
    model = _model(copy_head)
    src, tgt = _padded_batch()
    with torch.no_grad():
        full = model(src, tgt)
        state = model.encode_state(src)
        cache_len = 16
        shape = (3, model.config.n_heads, cache_len, model.config.head_dim)
        cache = [(torch.zeros(shape), torch.zeros(shape)) for _ in model.decoder]
        steps = []
        for t in range(tgt.shape[1]):
            positions = torch.full((3, 1), t)
            steps.append(
                model.decode_step(tgt[:, t : t + 1], positions, cache, step_mask(positions, cache_len), state)
            )
    stepped = torch.cat(steps, dim=1)
    valid = tgt != PAD
    assert (full[valid] - stepped[valid]).abs().max().item() <= 1e-4


def test_multi_token_step_equals_single_steps() -> None:
    """Forced runs feed several tokens in one call; the result must not change."""
    model = _model(copy_head=True)
    src, tgt = _padded_batch()
    with torch.no_grad():
        state = model.encode_state(src)
        shape = (3, model.config.n_heads, 16, model.config.head_dim)
        cache = [(torch.zeros(shape), torch.zeros(shape)) for _ in model.decoder]
        positions = torch.arange(6).expand(3, 6)
        chunk = model.decode_step(tgt[:, :6], positions, cache, step_mask(positions, 16), state)
        full = model(src, tgt[:, :6])
    assert (chunk - full).abs().max().item() <= 1e-4


def test_log_probs_are_normalised() -> None:
    model = _model(copy_head=True)
    src, tgt = _padded_batch()
    with torch.no_grad():
        probs = model(src, tgt).exp().sum(-1)
    assert torch.allclose(probs, torch.ones_like(probs), atol=1e-4)


def test_decoder_is_causal_and_encoder_ignores_padding() -> None:
    model = _model(copy_head=True)
    src, tgt = _padded_batch()
    with torch.no_grad():
        base = model(src, tgt)
        changed_future = tgt.clone()
        changed_future[:, 6:] = 5
        assert torch.allclose(model(src, changed_future)[:, :6], base[:, :6], atol=1e-5)
        longer_pad = torch.cat([src, torch.zeros(3, 7, dtype=torch.long)], dim=1)
        assert torch.allclose(model(longer_pad, tgt), base, atol=1e-5)
