"""The benchmark's building blocks, and one end-to-end smoke run (slow)."""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import pytest
import torch

from service.bench import cli
from service.bench.report import percentile
from service.bench.scenarios import poisson_arrivals
from service.model.transformer import ModelConfig, Seq2SeqTransformer


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.99), percentile(values, 1.0)) == (50.0, 99.0, 100.0)
    assert percentile([3.0], 0.99) == 3.0


def test_poisson_arrivals_are_increasing_at_the_requested_rate() -> None:
    arrivals = poisson_arrivals(4000, rate=20.0, seed=1)
    assert all(later > earlier for earlier, later in itertools.pairwise(arrivals))
    assert 18.0 < len(arrivals) / arrivals[-1] < 22.0
    assert arrivals[:5] == poisson_arrivals(5, rate=20.0, seed=1)


def test_ctranslate2_conversion_scores_like_our_model(tmp_path: Path) -> None:
    """The converted model gives the very log-probabilities of our plain (no copy head) path."""
    ctranslate2 = pytest.importorskip("ctranslate2")
    from service.bench.ctranslate2_reference import convert, vocabulary_from

    torch.manual_seed(0)
    config = ModelConfig(
        vocab_size=300,
        d_model=32,
        n_heads=2,
        n_encoder_layers=2,
        n_decoder_layers=2,
        d_ff=64,
        max_source_len=64,
        max_target_len=64,
        dropout=0.0,
        copy_head=False,
    )
    model = Seq2SeqTransformer(config).eval()
    model_dir = convert(model, tmp_path / "ct2")
    names = vocabulary_from(model_dir)
    source, target = list(range(10, 40)), [17, 99, 250, 4, 8]
    translator = ctranslate2.Translator(str(model_dir), device="cpu")
    scored = translator.score_batch([[names[t] for t in source]], [[names[t] for t in target]])[0].log_probs
    with torch.no_grad():
        log_probs = model(torch.tensor([source]), torch.tensor([[config.bos_id, *target]]))[0]
    ours = [float(log_probs[i, token]) for i, token in enumerate([*target, config.eos_id])]
    assert scored == pytest.approx(ours, abs=1e-4)


@pytest.mark.slow
def test_quick_bench_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    output = tmp_path / "bench.json"
    assert cli.run(parser.parse_args(["--quick", "--threads", "1", "--json", str(output)])) == 0
    printed = capsys.readouterr().out
    assert "engine b=1" in printed and "poisson request-level batching" in printed
    results = json.loads(output.read_text())
    names = [row["name"] for row in results["rows"]]
    assert {"engine b=1", "naive loop b=1", "engine 4 concurrent", "poisson continuous batching"} <= set(
        names
    )
    assert results["ratios"]["jump_forward_step_reduction_b1"] > 0
