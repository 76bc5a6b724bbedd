"""`manifest-parser parse FILE...`: parse documents and write one JSON line per file.

By default the files go to a running service (`--url`, default from the host/port settings,
with `X-API-Key` when `MANIFEST_PARSER_API_KEY` is set). `--local` loads the model in this
process instead and runs the very same path as the service (engine, validation, errors).
Each line is `{"file", "manifest", "meta"}` or `{"file", "error": {"status", "error",
"message"}}`, on stdout or in the `--out` file, in the order the files were given. Failures
are also listed on stderr, one line per file, with a closing count; a progress bar goes there
too when stderr is a terminal. Exit status: 0 when every file parsed, 1 when any failed,
2 when nothing was sent (a file cannot be read, the --out directory is missing, or the
service is unreachable).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from service.api.progress import ProgressBar

if TYPE_CHECKING:
    from service.config import Settings

NOTHING_SENT = 2

Result = dict[str, Any]
OnDone = Callable[[Result], None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="text files, one document each")
    parser.add_argument("--out", type=Path, help="write the JSON lines to this file instead of stdout")
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="progress bar on stderr (default: only when stderr is a terminal)",
    )
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

    documents = _read_all(args.files)
    if documents is None:
        return NOTHING_SENT
    if args.out is not None and not args.out.parent.is_dir():
        print(f"cannot write {args.out}: no directory {args.out.parent}", file=sys.stderr)
        return NOTHING_SENT
    overrides = {
        name: getattr(args, name) for name in ("model_dir", "device") if getattr(args, name) is not None
    }
    settings = Settings(**overrides)
    options: dict[str, Any] = {"decoding": args.decoding, "beam_width": args.beam_width}
    if args.max_new_tokens is not None:
        options["max_new_tokens"] = args.max_new_tokens
    if args.timeout is not None:
        options["timeout_s"] = args.timeout
    show = sys.stderr.isatty() if args.progress is None else args.progress
    progress = ProgressBar(len(documents), sys.stderr, enabled=show)

    def done(result: Result) -> None:
        progress.advance(failed="error" in result)

    try:
        if args.local:
            results = asyncio.run(_parse_locally(settings, documents, options, done))
        else:
            results = asyncio.run(
                _parse_remotely(settings, args.url, args.concurrency, documents, options, done)
            )
    except httpx.TransportError as error:
        progress.close()
        print(f"cannot reach the service: {error!r}", file=sys.stderr)
        return NOTHING_SENT
    progress.close()
    if args.out is None:
        _write_lines(results, sys.stdout)
    else:
        with args.out.open("w", encoding="utf-8") as out:
            _write_lines(results, out)
    failures = _report(results, args.out)
    return 1 if failures else 0


def _read_all(paths: list[Path]) -> list[tuple[str, str]] | None:
    """Every file's text, or None after one stderr line per file that cannot be read."""
    documents = []
    unreadable = False
    for path in paths:
        try:
            documents.append((str(path), _read(path)))
        except OSError as error:
            print(f"cannot read {path}: {error.strerror or error}", file=sys.stderr)
            unreadable = True
    return None if unreadable else documents


def _read(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 become lone surrogates, which the service
    refuses with 400 like any other text that is not UTF-8."""
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _write_lines(results: list[Result], out: TextIO) -> None:
    for result in results:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")


def _report(results: list[Result], out: Path | None) -> int:
    """List each failed file on stderr and close with the counts; returns the failures."""
    failed = [result for result in results if "error" in result]
    for result in failed:
        error = result["error"]
        print(f"{result['file']}: {error['status']} {error['error']}: {error['message']}", file=sys.stderr)
    written = "" if out is None else f"; results in {out}"
    print(f"{len(results) - len(failed)} parsed, {len(failed)} failed{written}", file=sys.stderr)
    return len(failed)


async def _parse_locally(
    settings: Settings, documents: list[tuple[str, str]], options: dict[str, Any], done: OnDone
) -> list[Result]:
    from service.api.errors import describe
    from service.api.parsing import DocumentParser
    from service.api.schemas import ParseOptions
    from service.api.state import ServiceState
    from service.metrics import Metrics

    state = ServiceState(settings, Metrics(queue_capacity=settings.max_waiting))
    parser = DocumentParser(state)
    parse_options = ParseOptions(**options)

    async def one(name: str, text: str) -> Result:
        try:
            response = await parser.parse(text, parse_options)
        except Exception as error:
            result = {"file": name, "error": describe(error, state.metrics).body.model_dump()}
        else:
            result = {"file": name, **response.model_dump(mode="json")}
        done(result)
        return result

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
    done: OnDone,
) -> list[Result]:
    import httpx

    from service.api.auth import API_KEY_HEADER

    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    headers = {"Content-Type": "application/json"}
    if settings.api_key is not None:
        headers[API_KEY_HEADER] = settings.api_key.get_secret_value()
    slots = asyncio.Semaphore(concurrency)

    async def one(client: httpx.AsyncClient, name: str, text: str) -> Result:
        # ASCII-escaped JSON carries lone surrogates through, so the service judges the text
        body = json.dumps({"text": text, "options": options})
        async with slots:
            response = await client.post("/v1/parse", content=body)
        try:
            answer = response.json()
        except ValueError:  # not this service (a wrong --url, a proxy's error page)
            answer = {
                "status": response.status_code,
                "error": "not_json",
                "message": f"{response.url} answered without JSON; is --url this service?",
            }
            result = {"file": name, "error": answer}
        else:
            result = {"file": name, **answer} if response.is_success else {"file": name, "error": answer}
        done(result)
        return result

    timeout = httpx.Timeout(settings.default_timeout_s + 30.0)
    async with httpx.AsyncClient(
        base_url=url or f"http://{host}:{settings.port}", headers=headers, timeout=timeout
    ) as client:
        return list(await asyncio.gather(*(one(client, name, text) for name, text in documents)))
