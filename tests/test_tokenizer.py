"""The tokenizer is lossless on any text, speaks bytes the grammar can use, and its CLI works.

A small tokenizer (a few hundred pieces) is trained once per module on a synthetic sample of
freight-like documents and their labels, which takes well under a second.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path
from typing import Any

import llguidance
import pytest

from service.grammar.schema import compile_grammar
from service.grammar.vocabulary import build_lltokenizer
from service.manifest import load_contract_schema
from service.tokenizer import Tokenizer, contract_symbols, train_tokenizer
from service.training import tokenizer_cli
from tests.shared_material import labelled_documents

FULL_LABEL = Path(__file__).parent / "fixtures" / "manifest_full.json"
VOCAB_SIZE = 500

WORDS = (
    *("BILL", "OF", "LADING", "SHIPPER", "CONSIGNEE", "NOTIFY", "PARTY", "VESSEL", "VOYAGE", "PORT"),
    *("LOADING", "DISCHARGE", "GROSS", "WEIGHT", "KGS", "CBM", "PALLETS", "CARTONS", "DRUMS", "SEAL"),
    *("CONTAINER", "FREIGHT", "PREPAID", "COLLECT", "MACHINERY", "PARTS", "STEEL", "COILS", "Absender"),
    *("Empfänger", "Gewicht", "Expéditeur", "Destinataire", "Poids", "Embarcador", "Consignatário"),
    *("收货人", "发货人", "重量"),
)


def compact(label: dict[str, Any]) -> str:
    return json.dumps(label, ensure_ascii=False, separators=(",", ":"))


def synthetic_record(index: int, rng: random.Random) -> dict[str, Any]:
    """A freight-like document (columns padded with spaces, line breaks, tabs) and a label."""
    label = json.loads(FULL_LABEL.read_text(encoding="utf-8"))
    label["document_number"] = f"{rng.choice(['HLCU', 'MAEU', 'SWB-'])}{rng.randrange(10**9):09d}"
    label["items"][0]["gross_weight"]["value"] = round(rng.uniform(1, 30000), rng.choice([0, 1, 3]))
    label["items"][0]["description"] = " ".join(rng.choices(WORDS, k=rng.randint(2, 5)))
    lines = [f"{' ' * rng.randint(0, 30)}{rng.choice(WORDS)} No.: {label['document_number']}"]
    for _ in range(rng.randint(10, 25)):
        left, right = " ".join(rng.choices(WORDS, k=3)), " ".join(rng.choices(WORDS, k=2))
        separator = "\t" if rng.random() < 0.1 else " " * rng.randint(2, 24)
        lines.append(
            f"{left}{separator}{right}  {rng.randrange(10**6):,}".replace(",", rng.choice([",", "."]))
        )
    text = "\n".join(lines) + ("\n" if index % 2 else "\r\n")
    return {
        "id": f"s{index}",
        "family": "synthetic",
        "document_type": label["document_type"],
        "text": text,
        "label": label,
    }


def synthetic_records(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [synthetic_record(index, rng) for index in range(count)]


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Tokenizer:
    records = synthetic_records(120, seed=1)
    texts = list(tokenizer_cli.training_texts(records))
    assert 200_000 < sum(len(text.encode()) for text in texts) < 600_000
    path = train_tokenizer(texts, VOCAB_SIZE, tmp_path_factory.mktemp("tok") / "sp")
    return Tokenizer.from_file(path)


def random_text(rng: random.Random, length: int) -> str:
    """Code points from every part of Unicode that matters here (no lone surrogates: not UTF-8)."""
    ranges = [
        (0x00, 0x7F),  # ASCII incl. controls, tab, CR, LF
        (0x80, 0x24F),  # Latin-1 and extended Latin
        (0x300, 0x36F),  # combining marks
        (0x2000, 0x206F),  # general punctuation, odd spaces
        (0x2581, 0x2581),  # SentencePiece's own space mark
        (0x3000, 0x30FF),  # CJK punctuation, kana
        (0x4E00, 0x9FFF),  # CJK ideographs
        (0xD7FF, 0xD7FF),
        (0xE000, 0xFFFF),  # private use, specials, BOM, U+FFFD
        (0x1F300, 0x1FAFF),  # emoji
        (0x10000, 0x10FFFF),  # any supplementary plane
    ]
    chars = []
    for _ in range(length):
        low, high = rng.choice(ranges)
        chars.append(chr(rng.randint(low, high)))
    return "".join(chars)


def concatenated_bytes(tokenizer: Tokenizer, text: str) -> bytes:
    table = tokenizer.token_bytes()
    return b"".join(table[token_id] for token_id in tokenizer.encode(text))


def test_special_ids_and_size(tokenizer: Tokenizer) -> None:
    assert (tokenizer.pad_id, tokenizer.unk_id, tokenizer.bos_id, tokenizer.eos_id) == (0, 1, 2, 3)
    assert tokenizer.vocab_size == VOCAB_SIZE
    assert tokenizer.special_ids == {0, 1, 2, 3}
    assert tokenizer.token_bytes()[tokenizer.eos_id] == b"\xff</s>"
    assert tokenizer.id_to_piece(tokenizer.eos_id) == "</s>"
    assert tokenizer.decode([tokenizer.bos_id, *tokenizer.encode("NEW YORK"), tokenizer.eos_id]) == "NEW YORK"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "CONSIGNEE\nACME GMBH\n\nHAMBURG\n",
        "Line one\r\nLine two\r\n",
        "Gross\tWeight\t\t12.500 KGS",
        "MARKS          12 PLTS                 8.420,000 KGS",
        "   leading and trailing spaces   ",
        " ",
        "\n",
        "📦 Container 🚢 → Hamburg ✅",
        "收货人：上海进出口有限公司　地址：上海市浦东新区",
        "Empfänger: Müller & Söhne, Straße 5, Zürich – Façade, São Paulo, Ærø",
        "e\u0301 n\u0303 combining marks",
        "a\u2581b \u2581\u2581 SentencePiece's space mark U+2581",
        "NUL\x00 BEL\x07 DEL\x7f NBSP\xa0 ZWSP\u200b BOM\ufeff",
        '{"document_type":"bill_of_lading","items":[{"quantity":12,"volume_cbm":31.2}],"x":null}',
    ],
)
def test_round_trip_of_hard_text(tokenizer: Tokenizer, text: str) -> None:
    assert tokenizer.decode(tokenizer.encode(text)) == text
    assert concatenated_bytes(tokenizer, text) == text.encode("utf-8")


def test_round_trip_of_random_unicode(tokenizer: Tokenizer) -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = random_text(rng, rng.randint(1, 60))
        ids = tokenizer.encode(text)
        assert tokenizer.decode(ids) == text
        assert concatenated_bytes(tokenizer, text) == text.encode("utf-8")
        assert not tokenizer.special_ids & set(ids)  # byte fallback, never <unk>


def test_labels_round_trip_and_contract_keys_are_single_tokens(tokenizer: Tokenizer) -> None:
    for record in synthetic_records(5, seed=99):
        target = compact(record["label"])
        assert tokenizer.decode(tokenizer.encode(target)) == target
    ids = tokenizer.encode('{"document_type":"sea_waybill","gross_weight":{"value":12500,"unit":"kg"}')
    pieces = [tokenizer.id_to_piece(token_id) for token_id in ids]
    assert pieces[:3] == ["{", '"document_type":', '"sea_waybill"']
    assert pieces[pieces.index('"value":') + 1 : pieces.index('"value":') + 6] == ["1", "2", "5", "0", "0"]
    assert pieces[-3:] == ['"unit":', '"kg"', "}"]


def test_contract_symbols_cover_every_key_and_enum_value() -> None:
    symbols = contract_symbols()
    assert len(symbols) == len(set(symbols))
    assert {
        '"document_type":',
        '"un_number":',
        '"hazard_class":',
        '"bill_of_lading"',
        '"40HC"',
        '"ibc"',
    } <= set(symbols)
    assert '"null"' not in symbols


def test_whitespace_runs_become_few_tokens(tokenizer: Tokenizer) -> None:
    assert len(tokenizer.encode(" " * 16)) < 8


def test_shared_documents_and_labels_round_trip(tokenizer: Tokenizer) -> None:
    for name, text_path, label_path in labelled_documents():
        for text in (
            text_path.read_text(encoding="utf-8"),
            compact(json.loads(label_path.read_text("utf-8"))),
        ):
            assert tokenizer.decode(tokenizer.encode(text)) == text, name
            assert concatenated_bytes(tokenizer, text) == text.encode("utf-8"), name


def test_serialized_model_loads_to_the_same_tokenizer(tokenizer: Tokenizer, tmp_path: Path) -> None:
    path = tmp_path / "copy.model"
    path.write_bytes(tokenizer.to_bytes())
    copy = Tokenizer.from_file(path)
    text = synthetic_records(1, seed=3)[0]["text"]
    assert copy.encode(text) == tokenizer.encode(text)
    assert copy.token_bytes() == tokenizer.token_bytes()


def test_training_keeps_documents_longer_than_sentencepiece_default(tmp_path: Path) -> None:
    # SentencePiece drops training sentences over 4 KiB unless told otherwise; with only such
    # documents it would have nothing to learn from and fail.
    rng = random.Random(11)
    long_texts = ["\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(80)) for _ in range(6)]
    assert min(len(text.encode()) for text in long_texts) > 4096
    tokenizer = Tokenizer.from_file(train_tokenizer(long_texts, 600, tmp_path / "long"))
    text = long_texts[0]
    assert tokenizer.decode(tokenizer.encode(text)) == text
    assert len(tokenizer.encode(text)) < len(text) / 3  # it learnt word pieces from them


def test_the_grammar_engine_accepts_the_token_bytes(tokenizer: Tokenizer) -> None:
    lltokenizer, _ = build_lltokenizer(tokenizer)
    assert (lltokenizer.vocab_size, lltokenizer.eos_token) == (tokenizer.vocab_size, tokenizer.eos_id)
    label = compact(json.loads(FULL_LABEL.read_text(encoding="utf-8")))
    ids = tokenizer.encode(label)
    assert lltokenizer.decode_bytes(ids) == label.encode("utf-8")
    matcher = llguidance.LLMatcher(lltokenizer, compile_grammar(load_contract_schema(), lltokenizer))
    assert matcher.consume_tokens(ids), matcher.get_error()
    assert matcher.is_accepting()
    assert matcher.consume_token(tokenizer.eos_id)
    assert matcher.is_stopped()


# --- the CLI -----------------------------------------------------------------------------------


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="manifest-parser tokenizer")
    tokenizer_cli.add_arguments(parser)
    return tokenizer_cli.run(parser.parse_args(argv))


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder as the generator writes it: `<split>-NNNNN.jsonl` shards side by side."""
    folder = tmp_path_factory.mktemp("corpus")
    records = synthetic_records(100, seed=5)
    shards = {"train-00000": records[:90:2], "train-00001": records[1:90:2], "validation-00000": records[90:]}
    for name, shard in shards.items():
        lines = [json.dumps(record, ensure_ascii=False) for record in shard]
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_cli_train_writes_a_model_that_round_trips_the_corpus(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "store" / "tokenizer.model"
    train_split = str(corpus_dir / "train")
    assert run_cli("train", "--data", train_split, "--vocab-size", "480", "--out", str(out)) == 0
    assert out.is_file()
    assert f"wrote {out}: 480 pieces from 90 records" in capsys.readouterr().out  # train shards only
    trained = Tokenizer.from_file(out)
    record = json.loads((corpus_dir / "train-00000.jsonl").read_text(encoding="utf-8").splitlines()[0])
    for text in (record["text"], compact(record["label"])):
        assert trained.decode(trained.encode(text)) == text


def test_cli_stats_prints_median_p95_max_and_chars_per_token(
    corpus_dir: Path, tokenizer: Tokenizer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "sp.model"
    model.write_bytes(tokenizer.to_bytes())
    assert run_cli("stats", "--model", str(model), "--data", str(corpus_dir / "train")) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[2:]}
    shards = [shard.read_text(encoding="utf-8") for shard in sorted(corpus_dir.glob("train-*.jsonl"))]
    records = [json.loads(line) for shard in shards for line in shard.splitlines()]
    source_lengths = sorted(len(tokenizer.encode(record["text"])) for record in records)
    target_lengths = [len(tokenizer.encode(compact(record["label"]))) + 1 for record in records]  # + EOS
    assert int(rows["source"][0]) == statistics.median_low(source_lengths)  # 90 records: ranks 45/46
    assert int(rows["source"][2]) == max(source_lengths)
    assert int(rows["source"][1]) == source_lengths[85]  # nearest rank: ceil(0.95 * 90) = 86th
    assert int(rows["target"][2]) == max(target_lengths)
    chars = sum(len(record["text"]) for record in records)
    assert float(rows["source"][3]) == pytest.approx(chars / sum(source_lengths), abs=0.006)


def test_cli_compare_trains_each_size_and_measures_held_out_records(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    train_split = str(corpus_dir / "train")
    assert run_cli("compare", "--data", train_split, "--sizes", "450,600", "--held-out", "20") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "trained on 70 records, measured on 20 others (bpe)"
    rows = [line.split() for line in lines[2:]]
    assert [row[0] for row in rows] == ["450", "600"]
    assert all(int(row[1]) <= int(row[0]) for row in rows)  # the size is a ceiling
    source_medians = [int(row[4]) for row in rows]
    assert source_medians[1] <= source_medians[0]  # a larger vocabulary never lengthens text here


def test_cli_refuses_an_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no records"):
        run_cli("stats", "--model", "unused.model", "--data", str(tmp_path))
    with pytest.raises(SystemExit, match="no records"):
        run_cli("stats", "--model", "unused.model", "--data", str(tmp_path / "train"))
