"""`paht-console --server open311+http://... sync --once` in a child process over real HTTP:
no sign-in, the cache filled, `status` counts it; and which open311 addresses are allowed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.sync.server_url import InsecureServer, check_server_url, open311_base
from tests.console.sync.scripted_server import Answer, ScriptedServer

FIXTURES = Path(__file__).parents[2] / "fixtures" / "open311"
V2 = "/open311/v2"


@pytest.fixture
def city() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    for path, name in (("services", "services.json"), ("requests", "requests_quirks.json")):
        server.on(f"{V2}/{path}.json", Answer(200, (FIXTURES / name).read_bytes()))
    yield server
    server.stop()


def paht(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "console.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_sync_once_fills_the_cache_without_signing_in(city: ScriptedServer, tmp_path: Path) -> None:
    server = f"open311+{city.url}{V2}"
    done = paht(tmp_path, "--server", server, "sync", "--once")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["online"] is True and summary["error"] is None
    assert summary["cache_reports"] == 6 and summary["cache_quarantined"] == 2
    assert not any(seen.method == "POST" for seen in city.seen)
    assert all(seen.path.startswith(V2) for seen in city.seen)
    status = paht(tmp_path, "--server", server, "status")
    assert status.returncode == 0, status.stderr
    assert "Phản ánh trong bộ nhớ đệm: 6; cách ly: 2" in status.stdout


def test_an_unreachable_open311_server_is_an_offline_run(tmp_path: Path) -> None:
    done = paht(tmp_path, "--server", f"open311+http://127.0.0.1:9{V2}", "sync", "--once")
    assert done.returncode == 2
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["online"] is False and "Open311" in summary["error"]


def test_open311_addresses_follow_the_https_rule() -> None:
    assert open311_base("open311+https://city.example/open311/v2") == (
        "https://city.example/open311/v2"
    )
    assert open311_base("https://city.example") is None
    assert check_server_url("open311+https://city.example/v2", insecure_http=False) is None
    assert check_server_url("open311+http://127.0.0.1:8/v2", insecure_http=False) is None
    with pytest.raises(InsecureServer):
        check_server_url("open311+http://city.example/v2", insecure_http=False)
    warning = check_server_url("open311+http://city.example/v2", insecure_http=True)
    assert warning is not None and "city.example" in warning
