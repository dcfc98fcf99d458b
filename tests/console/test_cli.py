"""The command line takes its global options before or after the command's name."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from console.cli import main
from console.connection import DEMO_DB_NAME, ensure_demo_database


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize("before", [True, False])
def test_status_reads_the_data_folder_given_before_or_after_the_command(
    tmp_path: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elsewhere"
    option = ["--data-dir", str(folder)]
    argv = [*option, "status"] if before else ["status", *option]

    assert main(argv) == 0
    assert f"Thư mục dữ liệu: {folder}" in capsys.readouterr().out
    assert (folder / "cache.sqlite3").is_file()


def test_every_global_option_is_taken_after_every_command() -> None:
    from console.cli import _parser

    parser = _parser()
    for command in (["sync"], ["status"], ["demo-data"], ["export", "weekly"]):
        args = parser.parse_args(
            [
                *command,
                "--server",
                "https://ioc.example",
                "--user",
                "lan",
                "--data-dir",
                "/d",
                "--demo",
                "--screenshot",
                "s.png",
                "-v",
            ]
        )
        assert (args.server, args.user, args.data_dir, args.demo, args.verbose) == (
            "https://ioc.example",
            "lan",
            "/d",
            True,
            True,
        ), command
        assert args.screenshot == Path("s.png")
    # Given before the command and not after it, an option keeps its value.
    args = parser.parse_args(["--user", "lan", "-v", "sync", "--once"])
    assert (args.user, args.verbose, args.once) == ("lan", True, True)
    # serve's own --demo (demo accounts) is not the global one.
    args = parser.parse_args(["serve", "--demo", "--data-dir", "/d"])
    assert (args.serve_demo, args.demo, args.data_dir) == (True, False, "/d")


def test_serve_runs_on_the_data_folder_given_after_it(tmp_path: Path) -> None:
    folder = tmp_path / "central-data"
    ensure_demo_database(folder / DEMO_DB_NAME, 30)
    port = _free_port()
    command = [sys.executable, "-m", "console.cli", "serve", "--data-dir", str(folder)]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--no-simulate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                answer = requests.post(
                    f"http://127.0.0.1:{port}/api/v1/auth/token",
                    json={"user": "operator", "password": "demo"},
                    timeout=2,
                )
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        assert answer is not None and answer.status_code == 200, server.stderr
    finally:
        server.terminate()
        out, _err = server.communicate(timeout=30)
    assert str(folder / DEMO_DB_NAME) in out


@pytest.mark.parametrize(
    ("workers", "refusal"),
    [("2", "--workers 2 cần PostgreSQL"), ("0", "--workers phải là số dương")],
)
def test_serve_refuses_several_workers_on_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str, refusal: str
) -> None:
    database = tmp_path / "central.sqlite3"
    command = ["serve", "--db", f"sqlite:///{database}", "--workers", workers]
    assert main([*command, "--data-dir", str(tmp_path)]) == 2
    assert refusal in capsys.readouterr().err
    assert not database.exists()


def test_a_server_takes_its_database_from_the_environment_and_never_prints_its_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A URL on the command line shows in `ps` and in the journal: the unit passes it in
    PAHT_CENTRAL_DB, and what the commands print hides the password."""
    database = tmp_path / "central.sqlite3"
    monkeypatch.setenv("PAHT_CENTRAL_DB", f"sqlite:///{database}")
    assert main(["demo-data", "--count", "30", "--data-dir", str(tmp_path / "data")]) == 0
    assert str(database) in capsys.readouterr().out
    assert main(["db", "current", "--data-dir", str(tmp_path / "data")]) == 0
    assert "(mới nhất)" in capsys.readouterr().out
    assert not (tmp_path / "data" / DEMO_DB_NAME).exists()

    from console.central.db import url_without_password

    shown = url_without_password("postgresql+psycopg://paht:s3cret-Pw@db.ioc:5432/paht")
    assert "s3cret-Pw" not in shown
    assert shown.endswith("@db.ioc:5432/paht")


@pytest.mark.parametrize(
    ("bundle", "said"),
    [("missing.pem", "Không tìm thấy tệp chứng chỉ CA"), ("", "là một thư mục")],
)
def test_a_ca_bundle_that_cannot_be_read_is_a_clear_error_not_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    bundle: str,
    said: str,
) -> None:
    """Found deploying: the service account could not read /etc/paht/tls and the command died
    with a PermissionError traceback (as root, a directory stands in for an unreadable file)."""
    monkeypatch.setenv("PAHT_CA_BUNDLE", str(tmp_path / bundle))
    assert main(["status", "--data-dir", str(tmp_path / "data")]) == 2
    error = capsys.readouterr().err
    assert said in error
    assert "Traceback" not in error
