"""paht-console accounts open311-keys add|list|revoke against a real central API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from console.central.server import CentralServer
from console.cli import main
from tests.console.central.conftest import START, Clock


@pytest.fixture
def central(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CentralServer]:
    monkeypatch.setenv("PAHT_PASSWORD", "demo")
    with CentralServer(
        f"sqlite:///{tmp_path / 'central.sqlite3'}", demo=True, now=Clock(START)
    ) as server:
        yield server


def _run(central: CentralServer, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    where = ["--server", central.base_url, "--user", "admin"]
    assert main(["accounts", "open311-keys", *argv, *where]) == 0
    return capsys.readouterr().out


def test_a_key_is_printed_once_works_and_is_revoked(
    central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    made = json.loads(_run(central, capsys, "add", "hotel-saigon-morin", "--json"))
    key = made["api_key"]
    body = {"api_key": key, "service_code": "tourism", "address_string": "30 Lê Lợi"}
    url = f"{central.base_url}/open311/v2/requests.json"
    assert requests.post(url, data=body, timeout=10).status_code == 200

    listed = _run(central, capsys, "list")
    assert "hotel-saigon-morin" in listed and "hoạt động" in listed and key not in listed
    assert "Đã thu hồi" in _run(central, capsys, "revoke", "hotel-saigon-morin")
    assert "thu hồi 05/01/2026 09:00" in _run(central, capsys, "list")
    assert requests.post(url, data=body, timeout=10).status_code == 403
