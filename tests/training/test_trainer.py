"""The training pipeline end to end on a tiny model: it learns, checkpoints, resumes where it
stopped, and runs under DistributedDataParallel (world size 1, gloo, CPU)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
import torch

from service.tokenizer import train_tokenizer
from service.training.config import TrainConfig
from service.training.data import Example, bucket_batches, collate, target_text, tokenize_records
from service.training.resume_point import write_resume_point
from service.training.trainer import (
    STATE_FILE,
    Trainer,
    batch_loss,
    learning_rate,
    own_predictions,
    sampling_probability,
    smoothed_nll,
)
from tests.engine.random_model import random_model

LABEL = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "manifest_full.json").read_text())


def _records(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for index in range(n):
        number = f"BL{rng.randrange(10**6):06d}"
        label = dict(LABEL, document_number=number)
        records.append({"id": str(index), "text": f"BILL OF LADING\nB/L No.: {number}\n", "label": label})
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for split, n, seed in (("train", 40, 1), ("validation", 8, 2)):
        (root / split).mkdir()
        with (root / split / f"{split}-00000.jsonl").open("w", encoding="utf-8") as handle:
            for record in _records(n, seed):
                handle.write(json.dumps(record) + "\n")
    texts = [r["text"] for r in _records(40, 1)] + [target_text(r["label"]) for r in _records(40, 1)]
    train_tokenizer(texts * 5, 600, root / "tokenizer")
    return root


def _config(corpus: Path, run_dir: Path, max_steps: int) -> TrainConfig:
    return TrainConfig(
        train_data=corpus / "train",
        validation_data=corpus / "validation",
        tokenizer=corpus / "tokenizer.model",
        run_dir=run_dir,
        model={
            "d_model": 32,
            "n_heads": 2,
            "n_encoder_layers": 1,
            "n_decoder_layers": 1,
            "d_ff": 64,
            "max_source_len": 256,
            "max_target_len": 512,
            "dropout": 0.0,
        },
        token_budget=3000,
        max_steps=max_steps,
        warmup_steps=2,
        learning_rate=3e-3,
        log_every=1,
        eval_every=1000,
        checkpoint_every=2,
        eval_loss_documents=8,
        bf16=False,
    )


def test_learning_rate_warms_up_then_decays() -> None:
    config = _config(Path("."), Path("."), max_steps=100)
    assert learning_rate(0, config) < learning_rate(1, config) <= config.learning_rate
    assert learning_rate(100, config) == pytest.approx(config.min_learning_rate)


def test_warmup_stable_decay_holds_the_peak_so_a_later_run_can_extend_it() -> None:
    config = _config(Path("."), Path("."), max_steps=100)
    config.schedule, config.decay_fraction = "wsd", 0.2
    assert learning_rate(10, config) == learning_rate(79, config) == config.learning_rate
    assert config.min_learning_rate < learning_rate(90, config) < config.learning_rate
    assert learning_rate(100, config) == pytest.approx(config.min_learning_rate)
    config.max_steps = 200  # extended before its decay began: the same rate, no new warm-up
    assert learning_rate(100, config) == config.learning_rate


def test_scheduled_sampling_rises_over_the_decay_only() -> None:
    config = _config(Path("."), Path("."), max_steps=100)
    config.schedule, config.decay_fraction, config.scheduled_sampling = "wsd", 0.2, 0.15
    assert sampling_probability(0, config) == sampling_probability(80, config) == 0.0
    assert sampling_probability(90, config) == pytest.approx(0.075)
    assert sampling_probability(100, config) == pytest.approx(0.15)
    config.scheduled_sampling = 0.0
    assert sampling_probability(100, config) == 0.0


def test_scheduled_sampling_feeds_the_models_own_predictions_and_keeps_bos_padding_and_labels() -> None:
    model = random_model(vocab_size=50)
    examples = [
        Example(np.arange(5, 5 + n, dtype=np.int32), np.arange(7, 7 + n, dtype=np.int32)) for n in (6, 3)
    ]
    batch = collate(examples, pad_id=0, bos_id=2)
    predicted = model(batch.src, batch.tgt_in).argmax(dim=-1)
    mixed = own_predictions(model, batch, 1.0, torch.device("cpu"))
    padding = batch.tgt_in == 0
    assert torch.equal(mixed.tgt_out, batch.tgt_out) and torch.equal(mixed.src, batch.src)
    assert (mixed.tgt_in[:, 0] == 2).all() and torch.equal(mixed.tgt_in[padding], batch.tgt_in[padding])
    inside = ~padding[:, 1:]
    assert torch.equal(mixed.tgt_in[:, 1:][inside], predicted[:, :-1][inside])
    assert torch.equal(own_predictions(model, batch, 0.0, torch.device("cpu")).tgt_in, batch.tgt_in)


def test_smoothed_loss_ignores_padding() -> None:
    log_probs = torch.log_softmax(torch.randn(1, 3, 5), dim=-1)
    target = torch.tensor([[1, 2, 0]])
    unpadded = smoothed_nll(log_probs[:, :2], target[:, :2], pad_id=0, smoothing=0.1)
    assert smoothed_nll(log_probs, target, pad_id=0, smoothing=0.1) == pytest.approx(float(unpadded))


def test_unsmoothed_batch_loss_is_the_mean_nll_of_the_full_distribution() -> None:
    model = random_model(vocab_size=50)
    examples = [
        Example(np.arange(5, 5 + n, dtype=np.int32), np.arange(7, 7 + n, dtype=np.int32)) for n in (6, 3)
    ]
    batch = collate(examples, pad_id=0, bos_id=2)
    full = smoothed_nll(model(batch.src, batch.tgt_in), batch.tgt_out, pad_id=0, smoothing=0.0)
    loss = batch_loss(model, batch, pad_id=0, smoothing=0.0, device=torch.device("cpu"))
    assert float(loss.detach()) == pytest.approx(float(full.detach()), abs=1e-5)


def test_batches_respect_the_token_budget() -> None:
    examples, _ = tokenize_records(
        _records(30, 3), lambda text: list(text.encode()), eos_id=3, max_source=10_000, max_target=10_000
    )
    for indices in bucket_batches(examples, token_budget=4000, seed=0):
        batch = collate([examples[i] for i in indices], pad_id=0, bos_id=2)
        assert batch.src.numel() + batch.tgt_in.numel() <= 4000 or len(indices) == 1
        assert (batch.tgt_in[:, 0] == 2).all()
        assert torch.equal(
            batch.tgt_in[0, 1 : len(examples[indices[0]].target)],
            batch.tgt_out[0, : len(examples[indices[0]].target) - 1],
        )


def test_loss_falls_and_resume_continues_where_it_stopped(corpus: Path, tmp_path: Path) -> None:
    torch.manual_seed(0)
    trainer = Trainer(_config(corpus, tmp_path / "run", max_steps=30), torch.device("cpu"))
    before = trainer.validation_loss()
    figures = trainer.train()
    assert figures["validation_loss"] < before
    assert (tmp_path / "run" / STATE_FILE).is_file()

    longer = Trainer(_config(corpus, tmp_path / "run", max_steps=32), torch.device("cpu"))
    assert longer.resume() and longer.step == 30
    assert torch.equal(longer.model.embedding.weight, trainer.model.embedding.weight)
    longer.train()
    assert longer.step == 32
    assert [(stage["from_step"], stage["to_step"]) for stage in longer.lineage] == [(0, 30), (30, 32)]


def test_a_committed_resume_point_continues_a_run_whose_directory_is_gone(
    corpus: Path, tmp_path: Path
) -> None:
    torch.manual_seed(0)
    trainer = Trainer(_config(corpus, tmp_path / "run", max_steps=4), torch.device("cpu"))
    trainer.train()
    point = tmp_path / "resume" / "run.pt"
    assert write_resume_point(tmp_path / "run" / STATE_FILE, point) == 4
    assert point.stat().st_size < 0.6 * (tmp_path / "run" / STATE_FILE).stat().st_size

    config = _config(corpus, tmp_path / "elsewhere", max_steps=6)
    config.resume_point = point
    later = Trainer(config, torch.device("cpu"))
    assert later.resume() and later.step == 4
    weights = trainer.model.embedding.weight.detach()
    assert torch.allclose(
        later.model.embedding.weight.detach(), weights, atol=1e-2 * float(weights.abs().max())
    )
    later.train()
    assert later.step == 6
    assert [(stage["from_step"], stage["to_step"]) for stage in later.lineage] == [(0, 4), (4, 6)]


def test_a_run_stopped_at_a_step_and_resumed_ends_as_an_uninterrupted_one(
    corpus: Path, tmp_path: Path
) -> None:
    """How model v1 was made (stopped at step 900, then annealed): the recipe must replay it."""
    straight = Trainer(_config(corpus, tmp_path / "straight", max_steps=6), torch.device("cpu"))
    straight.train()
    first = Trainer(_config(corpus, tmp_path / "stopped", max_steps=6), torch.device("cpu"))
    first.config.stop_at_step = 3
    first.train()
    assert first.step == 3
    second = Trainer(_config(corpus, tmp_path / "stopped", max_steps=6), torch.device("cpu"))
    assert second.resume() and second.step == 3
    second.train()
    assert second.step == 6
    for name, weight in straight.model.state_dict().items():
        assert torch.equal(weight, second.model.state_dict()[name]), name


def test_runs_under_ddp_with_gloo(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "1")
    monkeypatch.setenv("MASTER_ADDR", "127.0.0.1")
    monkeypatch.setenv("MASTER_PORT", str(29500 + random.randrange(1000)))
    try:
        trainer = Trainer(_config(corpus, tmp_path / "ddp", max_steps=3), torch.device("cpu"))
        assert trainer.dist.world == 1 and torch.distributed.is_initialized()
        trainer.train()
        assert trainer.step == 3
    finally:
        if torch.distributed.is_initialized():
            torch.distributed.destroy_process_group()


def test_warm_start_takes_a_published_models_weights(corpus: Path, tmp_path: Path) -> None:
    from service.checkpoint import save_model

    trained = Trainer(_config(corpus, tmp_path / "first", max_steps=2), torch.device("cpu"))
    trained.train()
    save_model(trained.model, corpus / "tokenizer.model", {}, tmp_path / "store", "v0")
    config = _config(corpus, tmp_path / "second", max_steps=2)
    config.init_from = tmp_path / "store"
    warm = Trainer(config, torch.device("cpu"))
    assert not warm.resume() and warm.step == 0
    assert torch.equal(warm.model.embedding.weight, trained.model.embedding.weight)


def test_warm_start_adds_features_to_a_model_published_without(corpus: Path, tmp_path: Path) -> None:
    from service.checkpoint import save_model

    trained = Trainer(_config(corpus, tmp_path / "first", max_steps=2), torch.device("cpu"))
    trained.train()
    save_model(trained.model, corpus / "tokenizer.model", {}, tmp_path / "store", "v0")
    config = _config(corpus, tmp_path / "second", max_steps=2)
    config.model |= {"copy_match_order": 3, "encoder_conv_kernel": 7, "dropout": 0.1}
    config.init_from = tmp_path / "store"
    warm = Trainer(config, torch.device("cpu"))
    assert not warm.resume()
    assert torch.equal(warm.model.embedding.weight, trained.model.embedding.weight)
    assert all(layer.local is not None and not layer.local.conv.weight.any() for layer in warm.model.encoder)
    copy = warm.model.copy
    assert copy is not None and copy.match_order == 3
    tokenizer = warm.tokenizer
    marked = [i for i in range(tokenizer.vocab_size) if copy.canonical[i].item() != i]
    assert marked, "the tokenizer has word-start pieces with bare twins"
    for token_id in marked:
        bare = tokenizer.id_to_piece(int(copy.canonical[token_id]))
        assert tokenizer.id_to_piece(token_id) == "\u2581" + bare
