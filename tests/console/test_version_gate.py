"""The central names the oldest console it is meant for; an older console keeps reading but
queues and sends nothing (real central over HTTP, real SQLite files, no Qt)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
import requests

import console
from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.model import ActionType, Role, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import TRANSITIONS, Context
from console.store import Cache, EntryState, open_cache, open_outbox, submit_action
from console.store.outbox import NewerConsoleNeeded
from console.sync import CentralClient, SyncEngine
from console.version import NewerNeeded, console_version, newer_needed, parse_version

INSTALLER = "https://ioc.hue.gov.vn/paht-console/setup.exe"


def test_this_console_knows_its_version() -> None:
    assert console.__version__ == console_version() == metadata.version("paht-console")


@pytest.mark.parametrize(
    ("minimum", "current", "older"),
    [
        ("0.2.0", "0.1.0", True),
        ("0.1.0", "0.1.0", False),
        ("0.1.0", "0.2.0", False),
        ("0.10.0", "0.9.0", True),  # not compared as text
        ("1.0.0", "1.0.0rc1", True),
        ("1.0.0rc1", "1.0.0", False),
        ("1.0", "1.0.0", False),
        (None, "0.1.0", False),
        ("", "0.1.0", False),
        ("not a version", "0.1.0", False),  # a typo on the central locks nobody out
    ],
)
def test_versions_are_compared_as_versions(minimum: str | None, current: str, older: bool) -> None:
    assert (newer_needed(minimum, None, current) is not None) is older


def test_only_a_web_address_becomes_the_installer_link() -> None:
    def link(url: str) -> str | None:
        needed = newer_needed("9.0", url, "0.1.0")
        assert needed is not None
        return needed.installer_url

    assert link(INSTALLER) == INSTALLER
    assert link("javascript:alert(1)") is None
    assert link("file:///C:/Windows/system32/cmd.exe") is None
    with pytest.raises(ValueError, match="không phải số phiên bản"):
        parse_version("mới nhất")


def test_a_held_outbox_refuses_new_actions_and_retries(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    needed = NewerNeeded("0.2.0", "0.1.0", INSTALLER)
    outbox.hold(needed)
    with pytest.raises(NewerConsoleNeeded) as refused:
        outbox.check_open()
    text = str(refused.value)
    assert "cần PAHT Console phiên bản 0.2.0 trở lên" in text and "phiên bản 0.1.0" in text
    assert INSTALLER in text and "chưa gửi" in text
    outbox.hold(None)
    outbox.check_open()
    outbox.close()


# -- against a real central ------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('gate-central') / 'central.sqlite3'}"
    seed_demo(url, 30)
    return url


def _health(base_url: str) -> dict[str, object]:
    answer = requests.get(f"{base_url}/api/v1/health", timeout=10)
    assert answer.status_code == 200
    body: dict[str, object] = answer.json()
    return body


def test_health_names_the_minimum_console_and_the_installer(seeded: str) -> None:
    with CentralServer(seeded, demo=True) as plain:
        body = _health(plain.base_url)
        assert body["min_console_version"] is None and body["installer_url"] is None
    with CentralServer(
        seeded, demo=True, min_console_version="0.2.0", installer_url=INSTALLER
    ) as central:
        body = _health(central.base_url)
        assert body["min_console_version"] == "0.2.0" and body["installer_url"] == INSTALLER
        schema = requests.get(f"{central.base_url}/openapi.json", timeout=10).json()
        fields = schema["components"]["schemas"]["HealthOut"]["properties"]
        assert {"min_console_version", "installer_url"} <= set(fields)


def _open_reports(cache: Cache) -> list[int]:
    """Two reports a note may be added to."""
    rows = cache.load_queue_rows()
    reports = cache.get_reports([row.id for row in rows])
    notable = TRANSITIONS[ActionType.NOTE].sources
    return [i for i, report in reports.items() if report.status in notable][:2]


def _note(text: str) -> tuple[ActionType, dict[str, str]]:
    return ActionType.NOTE, {"text": text}


def test_an_older_console_reads_but_queues_and_sends_nothing(seeded: str, tmp_path: Path) -> None:
    """The central restarts with a minimum above this console: the next sync (after the
    outage) finds it; reading goes on, a waiting note stays unsent, a new one is refused.
    Once the minimum is met the waiting note is sent."""
    first = CentralServer(seeded, demo=True)
    first.start()
    port = first.port
    client = CentralClient(first.base_url, backoff=0.01, retries=0)
    client.login("operator", "demo")
    cache, outbox = open_cache(tmp_path), open_outbox(tmp_path)
    engine = SyncEngine(client, cache, outbox)
    ctx = Context(utcnow(), load_sla())
    try:
        assert engine.sync_once().online and outbox.held is None
        report_id, other = _open_reports(cache)
        kind, payload = _note("Đã gọi điện xác minh")
        waiting = submit_action(
            cache, outbox, report_id, kind, payload, actor="operator", role=Role.OPERATOR, ctx=ctx
        )
        first.close()
        assert not engine.sync_once().online  # the central is being upgraded

        with CentralServer(
            seeded, demo=True, port=port, min_console_version="99.0", installer_url=INSTALLER
        ) as upgraded:
            supervisor = CentralClient(upgraded.base_url)
            supervisor.login("supervisor", "demo")
            version = supervisor.report(other)["version"]
            supervisor.post_action(other, "note", {"text": "ghi chú"}, version, "k-1")

            result = engine.sync_once()

            assert result.online and result.error is None
            assert outbox.held == NewerNeeded("99.0", console_version(), INSTALLER)
            assert result.pull.received >= 1  # reading goes on
            cached = cache.get_report(other)
            assert cached is not None and cached.version == version + 1
            assert result.push.sent == 0
            assert [entry.id for entry in outbox.pending()] == [waiting.id]  # kept, unsent
            assert supervisor.report(report_id)["version"] == waiting.expected_version

            before = outbox.counts()
            with pytest.raises(NewerConsoleNeeded, match=r"99\.0"):
                submit_action(
                    cache, outbox, report_id, kind, payload, actor="operator",
                    role=Role.OPERATOR, ctx=ctx,
                )  # fmt: skip
            assert outbox.counts() == before and len(outbox.all_entries()) == 1
            supervisor.close()
        assert not engine.sync_once().online

        with CentralServer(
            seeded, demo=True, port=port, min_console_version=console_version()
        ) as met:
            result = engine.sync_once()
            assert result.online and outbox.held is None
            assert outbox.get(waiting.id).state is EntryState.SENT  # type: ignore[union-attr]
            assert met.base_url == f"http://127.0.0.1:{port}"
    finally:
        client.close()
        cache.close()
        outbox.close()


# -- `paht-console serve` --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.terminate()
            process.communicate(timeout=20)


def _serve_command(tmp_path: Path, port: int, *extra: str) -> list[str]:
    db = f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    return [
        sys.executable, "-m", "console.cli", "--data-dir", str(tmp_path), "serve",
        "--no-simulate", "--db", db, "--port", str(port), *extra,
    ]  # fmt: skip


def test_serve_takes_the_minimum_from_its_option_and_the_link_from_the_environment(
    tmp_path: Path, serve: list[subprocess.Popen[str]]
) -> None:
    port = _free_port()
    env = {**os.environ, "PAHT_INSTALLER_URL": INSTALLER, "PAHT_MIN_CONSOLE_VERSION": "0.3"}
    process = subprocess.Popen(
        _serve_command(tmp_path, port, "--min-console-version", "0.2.0"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    serve.append(process)
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, process.communicate()[1]
        try:
            body = _health(f"http://127.0.0.1:{port}")
            break
        except requests.ConnectionError:
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
    assert body["min_console_version"] == "0.2.0" and body["installer_url"] == INSTALLER


def test_serve_refuses_a_minimum_that_is_not_a_version(tmp_path: Path) -> None:
    done = subprocess.run(
        _serve_command(tmp_path, _free_port(), "--min-console-version", "latest"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "--min-console-version: 'latest' không phải số phiên bản" in done.stderr


def test_sync_once_says_the_central_needs_a_newer_console(
    seeded: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from console.cli import main

    monkeypatch.setenv("PAHT_PASSWORD", "demo")
    with CentralServer(
        seeded, demo=True, min_console_version="99.0", installer_url=INSTALLER
    ) as central:
        argv = ["--server", central.base_url, "--user", "operator", "--data-dir", str(tmp_path)]
        code = main([*argv, "sync", "--once"])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and summary["online"] and summary["cache_reports"] == 30
    assert (
        summary["newer_console_needed"]
        == NewerNeeded("99.0", console_version(), INSTALLER).message()
    )
