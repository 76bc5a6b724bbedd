"""`manifest-parser parse FILE...`: parse documents and print one JSON line per file.

By default the files go to a running service (`--url`, default from the host/port settings,
with `X-API-Key` when `MANIFEST_PARSER_API_KEY` is set). `--local` loads the model in this
process instead and runs the very same path as the service (engine, validation, errors).
Each line is `{"file", "manifest", "meta"}` or `{"file", "error": {"status", "error",
"message"}}`; the exit status is 1 when any file failed, 2 when the service was unreachable.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from service.config import Settings

UNREACHABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="text files, one document each")
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--url", help="base URL of a running service (default http://<host>:<port> from settings)"
    )
    target.add_argument(
        "--local", action="store_true", help="run the model in this process, no service needed"
    )
    parser.add_argument("--model-dir", help="with --local: model store or version directory")
    parser.add_argument(
        "--device", choices=["auto", "cpu", "cuda"], help="with --local: where the model runs"
    )
    parser.add_argument("--decoding", choices=["greedy", "beam"], default="greedy")
    parser.add_argument("--beam-width", type=int, default=4)
    parser.add_argument("--max-new-tokens", type=int, help="output token budget per document")
    parser.add_argument("--timeout", type=float, help="deadline per document, in seconds")
    parser.add_argument("--concurrency", type=int, default=4, help="documents in flight against a service")


def run(args: argparse.Namespace) -> int:
    import httpx

    from service.config import Settings

    overrides = {
        name: getattr(args, name) for name in ("model_dir", "device") if getattr(args, name) is not None
    }
    settings = Settings(**overrides)
    options: dict[str, Any] = {"decoding": args.decoding, "beam_width": args.beam_width}
    if args.max_new_tokens is not None:
        options["max_new_tokens"] = args.max_new_tokens
    if args.timeout is not None:
        options["timeout_s"] = args.timeout
    documents = [(str(path), _read(path)) for path in args.files]
    if args.local:
        results = asyncio.run(_parse_locally(settings, documents, options))
    else:
        try:
            results = asyncio.run(_parse_remotely(settings, args.url, args.concurrency, documents, options))
        except httpx.TransportError as error:
            print(f"cannot reach the service: {error!r}", file=sys.stderr)
            return UNREACHABLE
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    return 1 if any("error" in result for result in results) else 0


def _read(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 become lone surrogates, which the service
    refuses with 400 like any other text that is not UTF-8."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


async def _parse_locally(
    settings: Settings, documents: list[tuple[str, str]], options: dict[str, Any]
) -> list[dict[str, Any]]:
    from service.api.errors import describe
    from service.api.parsing import DocumentParser
    from service.api.schemas import ParseOptions
    from service.api.state import ServiceState
    from service.metrics import Metrics

    state = ServiceState(settings, Metrics(queue_capacity=settings.max_waiting))
    parser = DocumentParser(state)
    parse_options = ParseOptions(**options)

    async def one(name: str, text: str) -> dict[str, Any]:
        try:
            response = await parser.parse(text, parse_options)
        except Exception as error:
            return {"file": name, "error": describe(error, state.metrics).body.model_dump()}
        return {"file": name, **response.model_dump(mode="json")}

    try:
        await state.start()
        return list(await asyncio.gather(*(one(name, text) for name, text in documents)))
    finally:
        await state.drain()


async def _parse_remotely(
    settings: Settings,
    url: str | None,
    concurrency: int,
    documents: list[tuple[str, str]],
    options: dict[str, Any],
) -> list[dict[str, Any]]:
    import httpx

    from service.api.auth import API_KEY_HEADER

    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    headers = {"Content-Type": "application/json"}
    if settings.api_key is not None:
        headers[API_KEY_HEADER] = settings.api_key.get_secret_value()
    slots = asyncio.Semaphore(concurrency)

    async def one(client: httpx.AsyncClient, name: str, text: str) -> dict[str, Any]:
        # ASCII-escaped JSON carries lone surrogates through, so the service judges the text
        body = json.dumps({"text": text, "options": options})
        async with slots:
            response = await client.post("/v1/parse", content=body)
        answer = response.json()
        return {"file": name, **answer} if response.is_success else {"file": name, "error": answer}

    timeout = httpx.Timeout(settings.default_timeout_s + 30.0)
    async with httpx.AsyncClient(
        base_url=url or f"http://{host}:{settings.port}", headers=headers, timeout=timeout
    ) as client:
        return list(await asyncio.gather(*(one(client, name, text) for name, text in documents)))
