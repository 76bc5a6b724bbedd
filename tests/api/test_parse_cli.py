"""`manifest-parser parse`: one JSON line per file, in-process (--local) or through a service."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from service.cli import main
from service.manifest import Manifest
from tests.conftest import TINY_VERSION
from tests.live_server import live_server

TEXT = "SEA WAYBILL SWB-0042\nShipper: Nordlicht Optik AG, Hauptstr. 4, 80331 Muenchen, DE\n2 CTNS 45,5 KG"


@pytest.fixture
def documents(tmp_path: Path) -> list[Path]:
    good = tmp_path / "waybill.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Empfänger: Müller GmbH".encode("latin-1"))
    return [good, empty, latin1]


def printed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return printed_lines(capsys.readouterr().out)


def printed_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def check_lines(lines: list[dict[str, Any]], files: list[Path]) -> None:
    assert [line["file"] for line in lines] == [str(path) for path in files]
    good, empty, latin1 = lines
    Manifest.model_validate(good["manifest"])
    assert good["meta"]["model_version"] == TINY_VERSION
    assert (empty["error"]["status"], empty["error"]["message"]) == (400, "text is empty")
    assert latin1["error"]["status"] == 400
    assert latin1["error"]["message"].startswith("text is not valid UTF-8")


def test_local_parse_prints_a_line_per_file_and_fails_on_bad_ones(
    tiny_model_store: Path, documents: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(path) for path in documents]
    status = main(
        ["parse", *files, "--local", "--model-dir", str(tiny_model_store), "--max-new-tokens", "16"]
    )
    assert status == 1
    check_lines(printed(capsys), documents)


def test_out_file_progress_bar_and_failures_listed_on_stderr(
    tiny_model_store: Path, documents: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    files = [str(path) for path in documents]
    local = ["--local", "--model-dir", str(tiny_model_store), "--max-new-tokens", "16"]
    status = main(["parse", *files, *local, "--out", str(out), "--progress"])
    assert status == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    check_lines([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], documents)
    bar, *report = captured.err.split("\n")
    redraws = bar.split("\r")[1:]
    assert len(redraws) == 3
    assert redraws[-1] == "[" + "#" * 30 + "] 3/3 files, 2 failed"
    _, empty, latin1 = files
    assert report[0] == f"{empty}: 400 bad_document: text is empty"
    assert report[1].startswith(f"{latin1}: 400 bad_document: text is not valid UTF-8")
    assert report[2:] == [f"1 parsed, 2 failed; results in {out}", ""]


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tiny_model_store: Path, documents: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    local = ["--local", "--model-dir", str(tiny_model_store), "--max-new-tokens", "16"]
    assert main(["parse", str(documents[0]), *local]) == 0
    captured = capsys.readouterr()
    assert captured.err == "1 parsed, 0 failed\n"
    assert len(captured.out.splitlines()) == 1


def test_a_missing_file_is_one_line_and_nothing_is_sent(
    documents: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing-here.txt"
    assert main(["parse", str(documents[0]), str(missing), "--url", "http://127.0.0.1:9"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"cannot read {missing}: No such file or directory\n"
    assert captured.out == ""


def test_a_missing_output_directory_is_one_line_and_nothing_is_sent(
    documents: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-dir" / "out.jsonl"
    assert main(["parse", str(documents[0]), "--out", str(out), "--url", "http://127.0.0.1:9"]) == 2
    assert capsys.readouterr().err == f"cannot write {out}: no directory {out.parent}\n"


class QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keeps stderr for the command alone
        pass


def test_an_answer_that_is_not_json_fails_that_file_without_a_traceback(
    documents: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server = HTTPServer(("127.0.0.1", 0), QuietHandler)  # answers POST with a 501 HTML page
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        assert main(["parse", str(documents[0]), "--url", url]) == 1
    finally:
        server.shutdown()
        server.server_close()
    captured = capsys.readouterr()
    (line,) = printed_lines(captured.out)
    message = f"{url}/v1/parse answered without JSON; is --url this service?"
    assert line == {
        "file": str(documents[0]),
        "error": {"status": 501, "error": "not_json", "message": message},
    }
    assert captured.err == f"{documents[0]}: 501 not_json: {message}\n0 parsed, 1 failed\n"


def test_unreachable_service_exits_2(documents: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["parse", str(documents[0]), "--url", f"http://127.0.0.1:{port}"]) == 2
    assert "cannot reach the service" in capsys.readouterr().err


@pytest.mark.slow
def test_remote_parse_gives_the_same_lines_as_local(
    tiny_model_store: Path, documents: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with live_server(tiny_model_store) as server:
        status = main(["parse", *map(str, documents), "--url", server.base_url, "--max-new-tokens", "16"])
    assert status == 1
    remote = printed(capsys)
    check_lines(remote, documents)
    main(
        [
            "parse",
            str(documents[0]),
            "--local",
            "--model-dir",
            str(tiny_model_store),
            "--max-new-tokens",
            "16",
        ]
    )
    assert printed(capsys)[0]["manifest"] == remote[0]["manifest"]
