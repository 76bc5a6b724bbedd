"""CTranslate2's settings, and the engine's ratio against the best of them, median over rounds."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import torch

from service.bench import cli
from service.bench.comparison import Comparison
from service.bench.ctranslate2_reference import Setting, settings
from service.model.transformer import ModelConfig, Seq2SeqTransformer


def test_each_precision_runs_as_one_instance_and_as_one_thread_replicas() -> None:
    found = settings(2, {"float32", "int8", "int16"}, cpu=True)
    assert [setting.label for setting in found] == ["float32 1x2t", "float32 2x1t", "int8 1x2t", "int8 2x1t"]
    assert found[1] == Setting("float32", replicas=2, threads=1)


def test_one_thread_or_a_gpu_has_no_replicas_and_unsupported_precisions_are_left_out() -> None:
    assert [setting.label for setting in settings(1, {"float32", "int8"}, cpu=True)] == [
        "float32 1x1t",
        "int8 1x1t",
    ]
    assert [setting.label for setting in settings(4, {"float32"}, cpu=False)] == ["float32 1x4t"]


def test_replicas_get_a_batch_each() -> None:
    assert Setting("int8", 1, 2).batch_sizes(32) == [8, 32]
    assert Setting("int8", 2, 1).batch_sizes(32) == [8, 16]
    assert Setting("int8", 2, 1).batch_sizes(4) == [2, 4]


def test_latency_is_compared_with_the_fastest_setting_of_each_round() -> None:
    comparison = Comparison("s", higher_is_better=False)
    comparison.add_round(1.0, {"float32 1x2t": 1.2, "int8 1x2t": 0.8})
    comparison.add_round(1.0, {"float32 1x2t": 0.9, "int8 1x2t": 1.1})
    assert comparison.best() == ["int8 1x2t", "float32 1x2t"]
    assert comparison.ratios() == pytest.approx([0.8, 0.9])


def test_throughput_is_compared_with_the_highest_setting_of_each_round() -> None:
    comparison = Comparison("documents/s", higher_is_better=True)
    comparison.add_round(3.0, {"b=8 float32 1x2t": 2.0, "b=16 int8 2x1t": 2.5})
    assert comparison.best() == ["b=16 int8 2x1t"]
    assert comparison.ratios() == pytest.approx([1.2])


def test_the_median_round_decides_a_noisy_ratio() -> None:
    comparison = Comparison("documents/s", higher_is_better=True)
    for engine in (0.9, 1.05, 1.3):
        comparison.add_round(engine, {"int8 2x1t": 1.0})
    assert comparison.median() == pytest.approx(1.05)
    assert comparison.as_dict()["ratio_per_round"] == pytest.approx([0.9, 1.05, 1.3])


def test_repeats_must_be_positive() -> None:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    assert parser.parse_args([]).repeats == 1
    assert parser.parse_args(["--repeats", "3"]).repeats == 3
    with pytest.raises(SystemExit):
        parser.parse_args(["--repeats", "0"])


def test_every_setting_decodes_to_the_pinned_lengths(tmp_path: Path) -> None:
    """Batches are queued at once (replicas take them in parallel), lengths still honoured."""
    pytest.importorskip("ctranslate2")
    from service.bench.ctranslate2_reference import CTranslate2Reference, convert

    torch.manual_seed(0)
    config = ModelConfig(
        vocab_size=300,
        d_model=32,
        n_heads=2,
        n_encoder_layers=1,
        n_decoder_layers=1,
        d_ff=64,
        max_source_len=64,
        max_target_len=64,
        dropout=0.0,
        copy_head=False,
    )
    model_dir = convert(Seq2SeqTransformer(config).eval(), tmp_path / "ct2")
    sources, lengths = [list(range(10, 30))] * 5, [3, 4, 5, 6, 7]
    for setting in settings(2, {"float32", "int8"}, cpu=True):
        reference = CTranslate2Reference(model_dir, "cpu", setting)
        seconds, produced = reference.decode_seconds(sources, lengths, batch_size=2)
        assert seconds > 0
        assert produced == 2 * 4 + 2 * 6 + 7  # each batch decodes to its longest member
