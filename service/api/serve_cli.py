"""`manifest-parser serve`: run the HTTP service under uvicorn (one worker, one engine).

Flags override the matching `MANIFEST_PARSER_*` settings; everything else comes from the
environment. On SIGTERM or Ctrl-C the service drains: readiness turns 503 and new work is
refused with 503 while the listener stays open for `drain_grace_s` (a second signal cuts
that short), in-flight documents finish (up to `drain_timeout_s`, then they are answered
503), and the process exits with status 0.

The HTTP layer is h11 with a deadline for each request head (`head_timeout_s`, see
`protocol.py`), without a `Server` header. The app refuses a head over
`max_header_bytes` with its own 431; h11 buffers a head that arrives in pieces only up to
`HEAD_BUFFER_FACTOR` times that (beyond it uvicorn answers a plain 400 and closes), which bounds
the memory an endless head can take. Body size and arrival time are bounded by the routes.
"""

from __future__ import annotations

import argparse

# uvicorn cancels whatever is still running after its graceful timeout; give the engine's own
# drain (which answers every request it still holds) time to finish first.
SHUTDOWN_MARGIN_S = 5.0
HEAD_BUFFER_FACTOR = 8
STARTUP_FAILURE = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="TCP port (default 8000; 0 picks a free one)")
    parser.add_argument("--model-dir", help="model store or version directory (default: the committed store)")
    parser.add_argument(
        "--device", choices=["auto", "cpu", "cuda"], help="where the model runs (default auto)"
    )
    parser.add_argument("--log-level", choices=["debug", "info", "warning", "error"], help="default info")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from service.api.jsonlog import configure_logging
    from service.api.protocol import with_head_timeout
    from service.api.server import DrainingServer
    from service.app import create_app
    from service.config import Settings

    overrides = {
        name: getattr(args, name)
        for name in ("host", "port", "model_dir", "device", "log_level")
        if getattr(args, name) is not None
    }
    settings = Settings(**overrides)
    configure_logging(settings.log_level)
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,  # the app logs one JSON line per request itself
        timeout_graceful_shutdown=int(settings.drain_timeout_s + SHUTDOWN_MARGIN_S),
        http=with_head_timeout(settings.head_timeout_s),  # h11; httptools would ignore the head limits
        h11_max_incomplete_event_size=HEAD_BUFFER_FACTOR * settings.max_header_bytes,
        server_header=False,  # the software and version are nobody's business
    )
    server = DrainingServer(config, app.state.service, settings.drain_grace_s)
    server.run()
    return 0 if server.started else STARTUP_FAILURE
