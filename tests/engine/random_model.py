"""Test material for the grammar and the engine: the session's tiny tokenizer, the compiled
contract grammar, short freight documents, and seeded random-weight models.

Random weights are the grammar's hardest case: the model's choices follow no JSON habit, so
only the constraint keeps the output valid. Fixtures are imported by the conftests of
tests/grammar and tests/engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from service.engine.engine import Engine, EngineConfig
from service.engine.types import GenerationResult
from service.grammar.constraint import ContractGrammar
from service.manifest import load_contract_schema
from service.model.transformer import ModelConfig, Seq2SeqTransformer
from service.tokenizer import Tokenizer

DOCUMENTS = (
    "BILL OF LADING  B/L No.: HLCUHAM260312877  Date of issue: 14.03.2026\n"
    "SHIPPER Voss Maschinenbau GmbH Industriestrasse 12 33602 Bielefeld, GERMANY",
    "AIR WAYBILL 020-12345675 Issued by Lufthansa Cargo AG Flight LH8402\n"
    "Shipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE  Pieces 3 CTNS 45,5 KG",
    "PACKING LIST PL-2026-0042\nHLXU 871234-3  12 PLTS CARTON SEALING MACHINES 8.420,000 KGS",
    "CMR 4711 Place of taking over: Lyon FR  Place of delivery: Torino IT  Gross weight 12500 kg",
    "ARRIVAL NOTICE AN-77 ETA 02/03/2026 Vessel MSC ANNA voyage 412E container MSCU1234565",
)

# What the grammar writes when it closes an empty output: every nullable value null.
MINIMAL_MANIFEST = (
    '{"document_type":"air_waybill","document_number":null,"issue_date":null,"transport_mode":"air",'
    '"carrier":null,"vessel_or_flight":null,"voyage":null,"shipper":null,"consignee":null,'
    '"notify_party":null,"port_of_loading":null,"port_of_discharge":null,"place_of_delivery":null,'
    '"departure_date":null,"arrival_date":null,"incoterm":null,"freight_terms":null,"containers":[],'
    '"items":[],"total_packages":null,"total_gross_weight":null,"total_volume_cbm":null}'
)


def random_model(
    vocab_size: int, seed: int = 0, copy_head: bool = True, target: str = "manifest"
) -> Seq2SeqTransformer:
    """A small two-layer model with seeded random weights, in eval mode (with a copy head, it has
    the match features of the committed model); `target` is what its decoder writes."""
    torch.manual_seed(seed)
    config = ModelConfig(
        vocab_size=vocab_size,
        d_model=32,
        n_heads=4,
        n_encoder_layers=2,
        n_decoder_layers=2,
        d_ff=64,
        max_source_len=256,
        max_target_len=512,
        dropout=0.0,
        copy_head=copy_head,
        copy_match_order=3 if copy_head else 0,
        target=target,
    )
    return Seq2SeqTransformer(config).eval()


@pytest.fixture(autouse=True)
def single_thread() -> Iterator[None]:
    """Tiny models gain nothing from intra-op threads, and on a shared machine OpenMP's
    spinning threads slow every small op down tenfold; restored after each test."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def tokenizer(tiny_tokenizer_path: Path) -> Tokenizer:
    return Tokenizer.from_file(tiny_tokenizer_path)


@pytest.fixture(scope="session")
def grammar(tokenizer: Tokenizer) -> ContractGrammar:
    return ContractGrammar(tokenizer, load_contract_schema())


class RecordingObserver:
    """Keeps every engine event, in order, for assertions."""

    def __init__(self) -> None:
        self.events: list[tuple[str, float]] = []

    def on_step(self, duration_s: float, batch_size: int) -> None:
        self.events.append(("step", batch_size))

    def on_admitted(self, queue_seconds: float) -> None:
        self.events.append(("admitted", queue_seconds))

    def on_first_token(self, ttft_seconds: float) -> None:
        self.events.append(("first_token", ttft_seconds))

    def on_finish(self, result: GenerationResult) -> None:
        self.events.append(("finish", result.output_tokens))

    def on_queue(self, waiting: int, running: int) -> None:
        self.events.append(("queue", waiting))

    def batch_sizes(self) -> list[int]:
        return [int(value) for name, value in self.events if name == "step"]


async def started_engine(
    tokenizer: Tokenizer,
    config: EngineConfig,
    model: Seq2SeqTransformer | None = None,
    observer: RecordingObserver | None = None,
) -> Engine:
    engine = Engine(model or random_model(tokenizer.vocab_size), tokenizer, config, observer=observer)
    await engine.start()
    return engine
