"""The serving path (encode once, then cached decode steps) must equal the training path."""

from __future__ import annotations

import pytest
import torch

from service.model.transformer import ModelConfig, Seq2SeqTransformer, step_mask

PAD, BOS, EOS = 0, 2, 3


MODELS = ["plain", "copy", "copy+match", "copy+match+local"]


def _model(kind: str) -> Seq2SeqTransformer:
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
        copy_head=kind != "plain",
        copy_match_order=3 if "match" in kind else 0,
        encoder_conv_kernel=5 if "local" in kind else 0,
    )
    model = Seq2SeqTransformer(config).eval()
    for layer in model.encoder:
        if layer.local is not None:  # zero-initialised: give it weights so that it does something
            torch.nn.init.normal_(layer.local.conv.weight, std=0.3)
    return model


def _history(stream: torch.Tensor, start: int, stop: int, order: int = 3) -> torch.Tensor:
    """What the engine passes for inputs start..stop-1: each input and the ones before it."""
    windows = [
        [[int(row[p - j]) if p - j >= 0 else PAD for j in range(order)] for p in range(start, stop)]
        for row in stream
    ]
    return torch.tensor(windows)


def _padded_batch() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(1)
    src = torch.randint(4, 97, (3, 20), generator=generator)
    src[1, 12:] = PAD
    src[2, 5:] = PAD
    tgt = torch.randint(4, 97, (3, 10), generator=generator)
    tgt[:, 0] = BOS
    tgt[2, 7:] = PAD
    return src, tgt


@pytest.mark.parametrize("kind", MODELS)
def test_cached_step_decoding_equals_parallel_forward(kind: str) -> None:
    model = _model(kind)
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
            mask = step_mask(positions, cache_len)
            history = _history(tgt, t, t + 1)
            steps.append(model.decode_step(tgt[:, t : t + 1], positions, cache, mask, state, history=history))
    stepped = torch.cat(steps, dim=1)
    valid = tgt != PAD
    assert (full[valid] - stepped[valid]).abs().max().item() <= 1e-4


def test_multi_token_step_equals_single_steps() -> None:
    """Forced runs feed several tokens in one call; the result must not change."""
    model = _model("copy+match")
    src, tgt = _padded_batch()
    with torch.no_grad():
        state = model.encode_state(src)
        shape = (3, model.config.n_heads, 16, model.config.head_dim)
        cache = [(torch.zeros(shape), torch.zeros(shape)) for _ in model.decoder]
        positions = torch.arange(6).expand(3, 6)
        mask = step_mask(positions, 16)
        chunk = model.decode_step(tgt[:, :6], positions, cache, mask, state, history=_history(tgt, 0, 6))
        full = model(src, tgt[:, :6])
    assert (chunk - full).abs().max().item() <= 1e-4


def test_scored_positions_equal_the_full_step_at_those_positions() -> None:
    """The engine scores only some fed tokens per row (the last pending one and any draft after
    it); their distributions must be those of the full step."""
    model = _model("copy+match")
    src, tgt = _padded_batch()
    scored = torch.tensor([[5, 3], [2, 4], [0, 0]])
    with torch.no_grad():
        state = model.encode_state(src)
        shape = (3, model.config.n_heads, 16, model.config.head_dim)
        positions = torch.arange(6).expand(3, 6)
        outputs = []
        for selection in (None, scored):
            cache = [(torch.zeros(shape), torch.zeros(shape)) for _ in model.decoder]
            mask = step_mask(positions, 16)
            history = _history(tgt, 0, 6)
            outputs.append(model.decode_step(tgt[:, :6], positions, cache, mask, state, selection, history))
    every, only_scored = outputs
    assert only_scored.shape == (3, 2, model.config.vocab_size)
    assert (only_scored - every[torch.arange(3)[:, None], scored]).abs().max().item() <= 1e-5


@pytest.mark.parametrize("kind", MODELS)
def test_target_log_probs_equal_the_full_distribution_at_the_targets(kind: str) -> None:
    """Training asks only for log p(y_t); it must be the full forward's value, gradients too."""
    model = _model(kind).train()
    src, tgt = _padded_batch()
    target = torch.roll(tgt, -1, dims=1)
    full = model(src, tgt).gather(-1, target[..., None]).squeeze(-1)
    (full_grad,) = torch.autograd.grad(full.sum(), model.embedding.weight)
    only = model(src, tgt, target)
    (only_grad,) = torch.autograd.grad(only.sum(), model.embedding.weight)
    assert only.shape == target.shape
    assert (only - full).abs().max().item() <= 1e-5
    assert (only_grad - full_grad).abs().max().item() <= 1e-5


def test_log_probs_are_normalised() -> None:
    model = _model("copy+match")
    src, tgt = _padded_batch()
    with torch.no_grad():
        probs = model(src, tgt).exp().sum(-1)
    assert torch.allclose(probs, torch.ones_like(probs), atol=1e-4)


@pytest.mark.parametrize("kind", ["copy+match", "copy+match+local"])
def test_decoder_is_causal_and_encoder_ignores_padding(kind: str) -> None:
    model = _model(kind)
    src, tgt = _padded_batch()
    with torch.no_grad():
        base = model(src, tgt)
        changed_future = tgt.clone()
        changed_future[:, 6:] = 5
        assert torch.allclose(model(src, changed_future)[:, :6], base[:, :6], atol=1e-5)
        longer_pad = torch.cat([src, torch.zeros(3, 7, dtype=torch.long)], dim=1)
        assert torch.allclose(model(longer_pad, tgt), base, atol=1e-5)


def test_local_mixing_starts_as_the_identity_then_reads_only_real_neighbours() -> None:
    plain, local = _model("copy+match"), _model("copy+match+local")
    src, tgt = _padded_batch()
    for layer in local.encoder:
        torch.nn.init.zeros_(layer.local.conv.weight)
    local.load_state_dict(plain.state_dict(), strict=False)
    with torch.no_grad():
        assert torch.equal(local(src, tgt), plain(src, tgt))
    mixing = _model("copy+match+local").encoder[0].local
    h = torch.randn(1, 12, 32)
    valid = torch.tensor([[True] * 9 + [False] * 3])
    changed, padding_changed = h.clone(), h.clone()
    changed[0, 4] += 1.0
    padding_changed[0, 10] += 1.0
    with torch.no_grad():
        moved = (mixing(changed, valid) - mixing(h, valid)).abs().amax(-1)[0]
        assert torch.equal(mixing(padding_changed, valid)[0, :9], mixing(h, valid)[0, :9])
    assert moved[2:7].min() > 0 and moved[:2].max() == 0 and moved[7:].max() == 0


def test_match_features_continue_a_copy_where_the_last_copied_tokens_were() -> None:
    """Having just written source tokens 7, 8 and 9, a copying model points at token 10."""
    model = _model("copy+match")
    copy = model.copy
    assert copy is not None
    with torch.no_grad():
        copy.query.weight.zero_()  # content scores all equal: only the match features decide
        copy.gate.weight.zero_()
        copy.gate.bias.fill_(-20.0)  # copy, do not generate
        copy.match_bonus.fill_(5.0)
        src = torch.randint(4, 97, (1, 20), generator=torch.Generator().manual_seed(3))
        tgt = torch.cat([torch.tensor([[BOS]]), src[:, 7:10]], dim=1)
        predicted = model(src, tgt)[0, -1].argmax().item()
    assert predicted == src[0, 10].item()


def test_match_features_ignore_the_word_start_mark() -> None:
    """A value's first word follows a quote in the JSON but a space in the document."""
    model = _model("copy+match")
    copy = model.copy
    assert copy is not None
    canonical = torch.arange(97)
    canonical[50] = 40  # piece 50 is piece 40 with a word-start mark
    copy.canonical.copy_(canonical)
    src = torch.tensor([[60, 50, 61, 62]])
    written = torch.tensor([[BOS, 40, 61]])
    bonus = copy.match(copy.history(written), copy.context(src, -1))
    assert bonus[0, 2].argmax().item() == 3  # after "40 61" comes source position 3


def test_match_context_of_sequences_shorter_than_the_order() -> None:
    copy = _model("copy+match").copy
    assert copy is not None
    assert copy.history(torch.tensor([[BOS]])).tolist() == [[[BOS, -2, -2]]]
    assert copy.context(torch.tensor([[7, 8]]), -1).tolist() == [[[-1, -1, -1], [7, -1, -1]]]
