"""Load benchmark of a running manifest-parser service on this machine (loopback only).

    manifest-parser serve &                       # or any MANIFEST_PARSER_* configuration
    python scripts/load_test.py --pid $! --json-out load.json

Phases, each bounded in requests and in time:
1. closed loop at concurrency 1, 8 and 32: every worker sends its next document as soon as
   the previous answer arrives. Throughput, latency p50/p95/p99 (of 2xx answers), statuses.
2. open loop at 3x the best closed-loop throughput (Poisson arrivals): overload must be
   refused with 429/503 only: no 5xx and no lost request (every request gets an answer).
3. soak: closed loop for --soak-seconds (default 600) with the server's resident memory
   (VmRSS, needs --pid) read before and after, to show a leak if there is one.
Exit status 1 when the overload phase saw a status other than 2xx/429/503 or lost a request.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from service.api.examples import OCEAN_BL_TEXT

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
OVERLOAD_ANSWERS = {429, 503}


@dataclass(slots=True)
class Outcome:
    status: int | None  # None: no answer (connection error or client timeout)
    seconds: float


@dataclass(slots=True)
class PhaseReport:
    phase: str
    concurrency: int | None  # closed loop
    offered_rps: float | None  # open loop
    requests: int
    wall_seconds: float
    throughput_rps: float  # 2xx answers per second
    p50_s: float | None
    p95_s: float | None
    p99_s: float | None
    statuses: dict[str, int]
    lost: int
    extra: dict[str, float] = field(default_factory=dict)


def percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(q * len(sorted_values)) - 1))
    return sorted_values[index]


def summarise(
    phase: str,
    outcomes: list[Outcome],
    wall: float,
    concurrency: int | None = None,
    offered_rps: float | None = None,
) -> PhaseReport:
    ok = sorted(o.seconds for o in outcomes if o.status is not None and 200 <= o.status < 300)
    statuses = Counter("lost" if o.status is None else str(o.status) for o in outcomes)
    return PhaseReport(
        phase=phase,
        concurrency=concurrency,
        offered_rps=offered_rps,
        requests=len(outcomes),
        wall_seconds=round(wall, 3),
        throughput_rps=round(len(ok) / wall, 3) if wall > 0 else 0.0,
        p50_s=percentile(ok, 0.50),
        p95_s=percentile(ok, 0.95),
        p99_s=percentile(ok, 0.99),
        statuses=dict(sorted(statuses.items())),
        lost=statuses.get("lost", 0),
    )


class Load:
    """Sends documents to /v1/parse, cycling through the given texts."""

    def __init__(self, client: httpx.AsyncClient, texts: list[str], options: dict[str, object]) -> None:
        self.client = client
        self._bodies = itertools.cycle([{"text": text, "options": options} for text in texts])

    async def send(self) -> Outcome:
        started = time.perf_counter()
        try:
            response = await self.client.post("/v1/parse", json=next(self._bodies))
        except httpx.HTTPError:
            return Outcome(None, time.perf_counter() - started)
        return Outcome(response.status_code, time.perf_counter() - started)

    async def closed_loop(
        self, concurrency: int, max_requests: int, max_seconds: float
    ) -> tuple[list[Outcome], float]:
        outcomes: list[Outcome] = []
        issued = 0
        started = time.perf_counter()
        deadline = started + max_seconds

        async def worker() -> None:
            nonlocal issued
            while issued < max_requests and time.perf_counter() < deadline:
                issued += 1
                outcomes.append(await self.send())

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return outcomes, time.perf_counter() - started

    async def open_loop(
        self, rate: float, max_requests: int, max_seconds: float, seed: int
    ) -> tuple[list[Outcome], float]:
        """Poisson arrivals at `rate` per second, whatever the answers: the overload a real client
        population produces (a closed loop would slow down with the server and hide it)."""
        arrivals = random.Random(seed)
        tasks: list[asyncio.Task[Outcome]] = []
        started = time.perf_counter()
        next_at = started
        while len(tasks) < max_requests:
            next_at += arrivals.expovariate(rate)
            if next_at - started > max_seconds:
                break
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
            tasks.append(asyncio.create_task(self.send()))
        outcomes = list(await asyncio.gather(*tasks))
        return outcomes, time.perf_counter() - started


def resident_mib(pid: int | None) -> float | None:
    """The process's VmRSS from /proc (Linux), in MiB."""
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def print_report(report: PhaseReport) -> None:
    def ms(value: float | None) -> str:
        return "-" if value is None else f"{value * 1000:.0f}ms"

    setting = f"c={report.concurrency}" if report.concurrency else f"{report.offered_rps:.1f} req/s offered"
    print(
        f"{report.phase:<10} {setting:<22} n={report.requests:<6} {report.throughput_rps:7.2f} ok/s  "
        f"p50 {ms(report.p50_s):>7} p95 {ms(report.p95_s):>7} p99 {ms(report.p99_s):>7}  "
        f"{report.statuses} {report.extra or ''}",
        flush=True,
    )


async def run(args: argparse.Namespace) -> int:
    texts = [path.read_text(encoding="utf-8") for path in args.text_file] or [OCEAN_BL_TEXT]
    options: dict[str, object] = (
        {} if args.max_new_tokens is None else {"max_new_tokens": args.max_new_tokens}
    )
    limits = httpx.Limits(max_connections=1024, max_keepalive_connections=256)
    reports: list[PhaseReport] = []
    async with httpx.AsyncClient(base_url=args.url, timeout=args.request_timeout, limits=limits) as client:
        (await client.get("/readyz")).raise_for_status()
        load = Load(client, texts, options)
        for concurrency in args.concurrency:
            outcomes, wall = await load.closed_loop(
                concurrency, args.requests_per_level, args.seconds_per_level
            )
            reports.append(summarise("closed", outcomes, wall, concurrency=concurrency))
            print_report(reports[-1])
        capacity = max(report.throughput_rps for report in reports)
        rate = args.overload_factor * capacity
        outcomes, wall = await load.open_loop(
            rate, args.overload_max_requests, args.overload_seconds, args.seed
        )
        overload = summarise("overload", outcomes, wall, offered_rps=round(rate, 3))
        reports.append(overload)
        print_report(overload)
        if args.soak_seconds > 0:
            before = resident_mib(args.pid)
            outcomes, wall = await load.closed_loop(
                args.soak_concurrency, args.soak_max_requests, args.soak_seconds
            )
            soak = summarise("soak", outcomes, wall, concurrency=args.soak_concurrency)
            after = resident_mib(args.pid)
            if before is not None and after is not None:
                soak.extra = {
                    "rss_before_mib": before,
                    "rss_after_mib": after,
                    "rss_growth_mib": round(after - before, 1),
                }
            reports.append(soak)
            print_report(soak)
    unexpected = {status for status in overload.statuses if status != "lost" and int(status) >= 300} - {
        str(code) for code in OVERLOAD_ANSWERS
    }
    verdict = {
        "capacity_rps": capacity,
        "overload_only_429_503": not unexpected,
        "overload_lost": overload.lost,
        "ok": not unexpected and overload.lost == 0,
    }
    print(json.dumps(verdict))
    if args.json_out:
        args.json_out.write_text(
            json.dumps({"phases": [asdict(r) for r in reports], "verdict": verdict}, indent=2)
        )
    return 0 if verdict["ok"] else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="service base URL (loopback only)")
    parser.add_argument("--pid", type=int, help="the server's process id, for its resident memory")
    parser.add_argument(
        "--text-file", type=Path, action="append", default=[], help="documents to send (repeat)"
    )
    parser.add_argument(
        "--max-new-tokens", type=int, help="per-request output budget (default: the service's)"
    )
    parser.add_argument("--concurrency", type=lambda s: [int(c) for c in s.split(",")], default=[1, 8, 32])
    parser.add_argument("--requests-per-level", type=int, default=400)
    parser.add_argument("--seconds-per-level", type=float, default=60.0)
    parser.add_argument("--overload-factor", type=float, default=3.0)
    parser.add_argument("--overload-seconds", type=float, default=30.0)
    parser.add_argument("--overload-max-requests", type=int, default=5000)
    parser.add_argument("--soak-seconds", type=float, default=600.0)
    parser.add_argument("--soak-concurrency", type=int, default=8)
    parser.add_argument("--soak-max-requests", type=int, default=1_000_000)
    parser.add_argument("--request-timeout", type=float, default=180.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    if urlsplit(args.url).hostname not in LOOPBACK:
        parser.error(f"--url must be a loopback address ({', '.join(sorted(LOOPBACK))})")
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(run(parse_args())))
