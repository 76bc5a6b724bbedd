"""One document's way through the service: check, read or tokenize, submit, validate, describe.

A document that is (or holds) a machine message with a reader is read by its standard,
whatever its length, and never reaches the model; a message its reader refuses goes to
the model when it fits, and the response says why. The engine never sees text: over-long
documents are refused here with their measured length (never truncated), and what comes
back is validated against the contract before anyone sees it. A batch submits all its
documents at once, so they share decode steps with each other and with everyone else's
requests; its options are checked once, for the whole request. Tokenizing a long text takes a
CPU for a while, so it runs in a worker thread, like the readers: the event loop keeps
answering probes and other clients meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

from pydantic import ValidationError

from service import readers
from service.api.errors import BadDocument, InvalidOption, InvalidOutput, PayloadTooLarge, describe
from service.api.schemas import (
    BatchDocument,
    BatchResult,
    ParseMeta,
    ParseOptions,
    ParseResponse,
    Provenance,
)
from service.api.state import ServiceState
from service.engine.errors import EngineUnavailable
from service.engine.types import DecodeParams, Decoding, FinishReason, GenerationResult
from service.extraction.reading import DecodedOutput, Reading, read_output, read_spans
from service.manifest import Manifest

logger = logging.getLogger(__name__)


class DocumentParser:
    def __init__(self, state: ServiceState) -> None:
        self._state = state

    async def encode(self, text: str, fallback: str | None = None) -> list[int]:
        token_ids = await asyncio.to_thread(self._state.runtime.tokenizer.encode, text)
        limit = self._state.engine.max_input_tokens
        if len(token_ids) > limit:
            why = f" ({fallback})" if fallback else ""
            raise PayloadTooLarge(
                f"document is {len(token_ids)} tokens long; the model reads at most {limit}{why}"
            )
        return token_ids

    def decode_params(self, options: ParseOptions) -> DecodeParams:
        output_limit = self._state.engine.max_new_tokens
        if options.max_new_tokens is not None and options.max_new_tokens > output_limit:
            raise InvalidOption(
                f"options.max_new_tokens is {options.max_new_tokens}; "
                f"this service allows at most {output_limit}"
            )
        slots = self._state.settings.max_slots
        if options.decoding is Decoding.BEAM and options.beam_width > slots:
            raise InvalidOption(
                f"options.beam_width is {options.beam_width}; a beam needs a decode slot "
                f"and this service has {slots}"
            )
        return DecodeParams(
            max_new_tokens=options.max_new_tokens,
            decoding=options.decoding,
            beam_width=options.beam_width,
            timeout_s=options.timeout_s,
        )

    async def parse(self, text: str, options: ParseOptions) -> ParseResponse:
        self._state.check_admission()
        return await self._parse(text, self.decode_params(options))

    async def _parse(self, text: str, params: DecodeParams) -> ParseResponse:
        _check_text(text)
        started = time.perf_counter()
        fallback: str | None = None
        try:
            message = await asyncio.to_thread(readers.read, text)
        except readers.NotReadable as why:
            message, fallback = None, str(why)
        if message is not None:
            return self._answer(message, text, started)
        token_ids = await self.encode(text, fallback)
        try:
            result = await self._state.engine.submit(token_ids, params)
        except EngineUnavailable:
            self._state.check_admission()  # refused because draining began: say so
            raise
        reading = self._read(result, text)
        meta = ParseMeta(
            model_version=self._state.runtime.loaded.version,
            input_tokens=result.input_tokens,
            output_tokens=result.output_tokens,
            finish_reason=result.finish_reason,
            mean_entropy=result.mean_entropy,
            queue_seconds=result.queue_seconds,
            duration_seconds=time.perf_counter() - started,
            fallback=fallback,
        )
        self._state.metrics.on_document("model")
        return ParseResponse(manifest=reading.manifest, provenance=reading.provenance, meta=meta)

    def _answer(self, message: readers.Reading, text: str, started: float) -> ParseResponse:
        """The response for a message its reader read: exact, no tokens, partial when it stopped."""
        reading = self._valid(
            read_spans(message.extraction, message.offsets, text), f"{message.reader} reader"
        )
        meta = ParseMeta(
            model_version=self._state.runtime.loaded.version,
            input_tokens=0,
            output_tokens=0,
            finish_reason="partial" if message.partial else FinishReason.EOS,
            mean_entropy=0.0,
            queue_seconds=0.0,
            duration_seconds=time.perf_counter() - started,
            reader=message.reader,
            partial=message.partial,
            unparsed=message.unparsed,
        )
        self._state.metrics.on_document(message.reader)
        return ParseResponse(manifest=reading.manifest, provenance=reading.provenance, meta=meta)

    async def parse_batch(
        self, documents: Sequence[BatchDocument], options: ParseOptions
    ) -> list[BatchResult]:
        """Every document is answered: a manifest, or the error it would have had on its own."""
        limit = self._state.settings.max_batch_documents
        if len(documents) > limit:
            raise PayloadTooLarge(f"batch has {len(documents)} documents; the limit is {limit}")
        self._state.check_admission()
        params = self.decode_params(options)  # an option error is the request's, not each document's
        outcomes = await asyncio.gather(
            *(self._parse(document.text, params) for document in documents), return_exceptions=True
        )
        results = []
        for document, outcome in zip(documents, outcomes, strict=True):
            if isinstance(outcome, ParseResponse):
                results.append(
                    BatchResult(
                        id=document.id,
                        manifest=outcome.manifest,
                        provenance=outcome.provenance,
                        meta=outcome.meta,
                    )
                )
            elif isinstance(outcome, Exception):
                results.append(BatchResult(id=document.id, error=describe(outcome, self._state.metrics).body))
            else:  # CancelledError and friends are not a document's fault: let them through
                raise outcome
        return results

    def _read(self, result: GenerationResult, document: str) -> ValidReading:
        """The manifest (validated against the contract) and provenance of one decoded document."""
        output = DecodedOutput(result.text, result.token_pieces, result.token_log_probs)
        try:
            reading = read_output(output, document, self._state.runtime.loaded.config.target)
        except ValueError as error:
            self._invalid("model", result.text, error)
        return self._valid(reading, "model")

    def _valid(self, reading: Reading, source: str) -> ValidReading:
        """`reading` validated against the contract, its metrics observed."""
        try:
            manifest = Manifest.model_validate(reading.manifest)
        except ValidationError as error:
            self._invalid(source, reading.manifest, error)
        self._state.metrics.observe_reading(
            reading.unreadable, reading.ungrounded, [entry["confidence"] for entry in reading.provenance]
        )
        return ValidReading(manifest, [Provenance.model_validate(entry) for entry in reading.provenance])

    def _invalid(self, source: str, output: object, error: Exception) -> NoReturn:
        self._state.metrics.schema_invalid.inc()
        logger.error(
            f"{source} output failed contract validation", extra={"output": output, "errors": str(error)}
        )
        raise InvalidOutput(
            f"the {source} produced an output that fails the contract; this is a bug"
        ) from None


def _check_text(text: str) -> None:
    if not text.strip():
        raise BadDocument("text is empty")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadDocument(
            f"text is not valid UTF-8 (unpaired surrogate at character {error.start})"
        ) from None


@dataclass(slots=True)
class ValidReading:
    manifest: Manifest
    provenance: list[Provenance]
