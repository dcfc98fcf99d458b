"""paht-console relay channels add|list|remove on the server's database; secrets from
stdin stay out of every listing and answer."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from console.central.server import CentralServer
from console.cli import main
from tests.console.central.conftest import Api


def test_the_admin_configures_channels_on_the_servers_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    secret = {"access_token": "zalo-secret-token", "group_id": "g-1"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(secret)))

    add = ["relay", "channels", "add"]
    added = main(
        [
            *add,
            "zalo-xanh",
            "--kind",
            "zalo",
            "--name",
            "Nhóm Zalo xanh",
            "--db",
            db,
            "--settings-stdin",
        ]
    )
    hook = main(
        [
            *add,
            "hook",
            "--kind",
            "webhook",
            "--name",
            "Cổng",
            "--db",
            db,
            "--set",
            "url=http://127.0.0.1:9/relay",
        ]
    )
    refused = main([*add, "tg", "--kind", "telegram", "--name", "T", "--db", db])
    removed = main(["relay", "channels", "remove", "hook", "--db", db])
    capsys.readouterr()
    listed = main(["relay", "channels", "list", "--json", "--db", db])

    assert (added, hook, refused, removed, listed) == (0, 0, 2, 0, 0)
    out = capsys.readouterr().out
    assert [c["id"] for c in json.loads(out)] == ["zalo-xanh"]
    assert "zalo-secret-token" not in out
    with CentralServer(db, demo=True) as server:
        answer = Api(server.base_url, "operator").get("/relay/channels")
    assert answer.json()[0]["name"] == "Nhóm Zalo xanh"
    assert "zalo-secret-token" not in answer.text
