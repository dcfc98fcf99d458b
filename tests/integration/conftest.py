"""Real `paht-console serve` processes on one PostgreSQL database, for the tests that race
them (test_workers, test_workers_tokens)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.postgres import own_database

PG_URL = os.environ.get("PAHT_TEST_PG_URL")
#: The marks of a module whose tests run serve processes on PostgreSQL.
ON_POSTGRES = [
    pytest.mark.postgres,
    pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set"),
]
START_S = 40.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Serve:
    """`paht-console serve --demo` in its own process, on its own port."""

    def __init__(self, db_url: str, data_dir: Path, workers: int) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/api/v1"
        command = [sys.executable, "-m", "console.cli", "serve", "--demo", "--no-simulate"]
        command += ["--db", db_url, "--port", str(self.port), "--workers", str(workers)]
        command += ["--data-dir", str(data_dir)]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_S
            while not self._answers():
                assert self.process.poll() is None, self.process.communicate()[1]
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        except BaseException:
            self.kill()
            raise

    def kill(self) -> None:
        """Whatever happened, leave no process of this server behind."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.communicate()

    def _answers(self) -> bool:
        try:
            return requests.get(f"{self.base}/health", timeout=5).status_code == 200
        except (requests.ConnectionError, requests.Timeout):  # not serving yet
            return False

    def signal(self, ctrl_c: bool = False) -> None:
        """SIGTERM to the server, or Ctrl+C as a terminal sends it (to every process of the
        group)."""
        if ctrl_c:
            os.killpg(self.process.pid, signal.SIGINT)
        else:
            self.process.send_signal(signal.SIGTERM)

    def stop(self, ctrl_c: bool = False) -> int:
        """Signal the server; its exit status, once nothing went wrong on the way out."""
        self.signal(ctrl_c)
        return self.stopped()

    def stopped(self) -> int:
        try:
            _, errors = self.process.communicate(timeout=15)
        finally:
            self.kill()
        assert "Traceback" not in errors, errors
        return self.process.returncode


def signed_in(serve: Serve, user: str) -> requests.Session:
    session = requests.Session()
    answer = session.post(
        f"{serve.base}/auth/token", json={"user": user, "password": "demo"}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return session


@pytest.fixture(scope="module")
def db_url() -> Iterator[str]:
    """A database of this module's own, dropped at its end."""
    with own_database("paht_workers") as url:
        yield url


@pytest.fixture(scope="module")
def pair(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Serve, Serve]]:
    """Two serve processes on one database (the second itself runs two workers)."""
    first = Serve(db_url, tmp_path_factory.mktemp("a"), workers=1)
    try:
        second = Serve(db_url, tmp_path_factory.mktemp("b"), workers=2)
        try:
            yield first, second
            second.signal(ctrl_c=True)
            first.signal()
            assert second.stopped() == 0
            assert first.stopped() in (0, -signal.SIGTERM)  # uvicorn re-raises the signal
        finally:
            second.kill()
    finally:
        first.kill()


def run_ok(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> str:
    """Runs a command to its end; its output, or a failure showing the end of both streams."""
    done = subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout
