"""`manifest-parser data`: shards, determinism across workers, show and stats."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from service.data import cli
from service.data.families import kv_list, stochastic


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


@pytest.fixture(autouse=True)
def _only_kv_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("service.data.families.all_families", lambda: {"kv_list": kv_list.FAMILY})


def test_generate_writes_shards_of_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["generate", "--n", "25", "--seed", "3", "--out", str(tmp_path), "--shard-size", "10"]) == 0
    shards = sorted(p.name for p in tmp_path.iterdir())
    assert shards == ["train-00000.jsonl", "train-00001.jsonl", "train-00002.jsonl"]
    records = [json.loads(line) for name in shards for line in (tmp_path / name).read_text().splitlines()]
    assert [r["id"] for r in records] == [f"train-3-{i:07d}" for i in range(25)]
    assert {r["family"] for r in records} == {"kv_list"}
    assert "wrote 25 documents" in capsys.readouterr().out


def test_generate_prints_the_styles_a_split_draws(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {"kv_list": kv_list.FAMILY, "stochastic": stochastic.FAMILY}
    monkeypatch.setattr("service.data.families.all_families", lambda: found)
    assert _run(["generate", "--split", "heldout", "--n", "4", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "heldout: stochastic layout styles drawn from captions: " in err
    assert "pl/en" in err and "double" in err and "inline" in err
    assert "heldout: every stochastic document has at least one of pl, pl/en, inline, double" in err
    assert "heldout: OCR noise of printed (non-e-mail) stochastic documents: none 70%, light 15%" in err
    assert _run(["generate", "--split", "train", "--n", "2", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "train: stochastic layout styles" in err and "pl/en" not in err and "double" not in err


@pytest.mark.slow
def test_workers_do_not_change_the_output(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    common = ["generate", "--split", "test", "--n", "700", "--seed", "1", "--out"]
    assert _run([*common, str(one)]) == 0
    assert _run([*common, str(two), "--workers", "2"]) == 0
    assert (one / "test-00000.jsonl").read_bytes() == (two / "test-00000.jsonl").read_bytes()


def test_show_prints_document_and_label(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["show", "--family", "kv_list", "--seed", "2", "--document-type", "air_waybill"]) == 0
    text, label = capsys.readouterr().out.split("-" * 80 + "\n")
    assert json.loads(label)["document_type"] == "air_waybill"
    assert text.strip()


def test_show_unknown_family_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["show", "--family", "nope"]) == 2
    assert "unknown family" in capsys.readouterr().err


def test_stats_counts_per_family_and_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(["generate", "--n", "12", "--seed", "1", "--out", str(tmp_path)])
    capsys.readouterr()
    assert _run(["stats", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "kv_list" in out and "n=     12" in out
