"""The local files' schema steps are frozen (console.store.migrations): a fresh file has what
the models describe, and an outbox written by the first release keeps every pending action,
which the sync then sends."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import MetaData

from console.central.server import CentralServer
from console.domain.model import ActionType, Status
from console.store import EntryState, open_cache, open_outbox
from console.store.outbox import OUTBOX_FILE
from console.store.reference_copy import CACHE_FILE
from console.store.schema import CacheBase, OutboxBase
from console.sync import CentralClient, SyncEngine

RELEASE1_OUTBOX = Path(__file__).parent / "data" / "outbox_release1.sqlite3"


def _differences(path: Path, metadata: MetaData) -> list[str]:
    """What the file lacks or has beyond the models: columns (with NOT NULL) and indexes."""
    found: list[str] = []
    with sqlite3.connect(path) as conn:
        for table in metadata.sorted_tables:
            rows = conn.execute(f"PRAGMA table_info({table.name})").fetchall()
            in_file = {(name, bool(notnull or pk)) for _, name, _, notnull, _, pk in rows}
            in_model = {(c.name, not c.nullable) for c in table.columns}
            found += [f"{table.name}: column {c} missing" for c in sorted(in_model - in_file)]
            found += [f"{table.name}: column {c} not in models" for c in sorted(in_file - in_model)]
            listed = conn.execute(f"PRAGMA index_list({table.name})").fetchall()
            indexes = {row[1] for row in listed if row[3] == "c"}
            wanted = {str(ix.name) for ix in table.indexes}
            found += [f"{table.name}: index {i} missing" for i in sorted(wanted - indexes)]
    return found


def test_fresh_files_have_every_column_and_index_of_the_models(tmp_path: Path) -> None:
    open_cache(tmp_path).close()
    open_outbox(tmp_path).close()

    assert _differences(tmp_path / CACHE_FILE, CacheBase.metadata) == []
    assert _differences(tmp_path / OUTBOX_FILE, OutboxBase.metadata) == []


def _fixture_rows() -> list[tuple[int, str, str, str]]:
    with sqlite3.connect(RELEASE1_OUTBOX) as conn:
        rows = conn.execute(
            "SELECT report_id, action_type, payload, idempotency_key FROM outbox ORDER BY id"
        ).fetchall()
    return [tuple(row) for row in rows]


@pytest.fixture
def central(tmp_path: Path) -> Iterator[str]:
    """A central holding reports 1-4, each new at version 1, as the fixture's actions expect."""
    server = CentralServer(f"sqlite:///{tmp_path / 'central.sqlite3'}", demo=True, port=0)
    base_url = server.start()
    http = requests.Session()
    token = http.post(
        f"{base_url}/api/v1/auth/token", json={"user": "admin", "password": "demo"}, timeout=10
    ).json()["token"]
    http.headers["Authorization"] = f"Bearer {token}"
    for n in range(1, 5):
        answer = http.post(
            f"{base_url}/api/v1/reports",
            json={"title": f"Rác thải {n}", "category": "environment", "ward": "phu-xuan"},
            timeout=10,
        )
        assert answer.status_code == 201, answer.text
    http.close()
    yield base_url
    server.close()


def test_an_outbox_of_the_first_release_keeps_and_sends_every_pending_action(
    tmp_path: Path, central: str
) -> None:
    data_dir = tmp_path / "workstation"
    data_dir.mkdir()
    shutil.copy(RELEASE1_OUTBOX, data_dir / OUTBOX_FILE)
    written = _fixture_rows()
    assert len(written) == 4

    outbox = open_outbox(data_dir)
    cache = open_cache(data_dir)
    client = CentralClient(central)
    try:
        pending = outbox.pending()
        assert [
            (e.report_id, e.action_type.value, e.idempotency_key, e.state) for e in pending
        ] == [(r, a, key, EntryState.QUEUED) for r, a, _, key in written]
        assert pending[0].payload == {"category": "environment", "urgency": "urgent"}
        assert all(e.preview is not None and e.expected_version == 1 for e in pending)

        client.login("operator", "demo")
        pushed = SyncEngine(client, cache, outbox).push()

        assert (pushed.applied, pushed.conflicts, pushed.refused, pushed.error) == (4, 0, 0, None)
        assert [e.state for e in outbox.all_entries()] == [EntryState.SENT] * 4
        statuses = {n: client.report(n)["status"] for n in range(1, 5)}
        assert statuses == {
            1: Status.ACCEPTED.value,
            2: Status.REJECTED.value,
            3: Status.NEW.value,
            4: Status.REJECTED.value,
        }
        assert client.report(4)["duplicate_of"] == 1
        assert client.report(1)["urgency"] == "urgent"
        assert ActionType.NOTE.value in {
            event["action"] for event in client.report(3).get("history", [])
        }
    finally:
        client.close()
        cache.close()
        outbox.close()
