"""The central's database restored from a backup (or replaced): consoles rebuild their cache.

Real central API over HTTP on 127.0.0.1, real SQLite files; the restore is what an operator
does: put last night's copy back, `paht-console db new-identity`, start the server again on
the same port.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, make_url, text

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.model import ActionType, Role, Status, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import Context
from console.store import EntryState, open_cache, open_outbox, submit_action
from console.sync import CentralClient, ChangesPage, SyncEngine
from tests.console.sync.scripted_server import Answer, ScriptedServer
from tests.integration.test_sync import Workstation
from tests.postgres import own_database

REPORTS = 300
PG_URL = os.environ.get("PAHT_TEST_PG_URL")


class Central:
    """The central API over one SQLite file, stopped and started again on the same port."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        self.server = CentralServer(self.url, demo=True, port=0)
        self.base_url = self.server.start()

    def restart(self) -> None:
        self.server = CentralServer(self.url, demo=True, port=self.server.port)
        assert self.server.start() == self.base_url

    def stop(self) -> None:
        self.server.close()

    def backup(self, target: Path) -> None:
        """A consistent copy while it runs (what a nightly backup takes)."""
        with (
            closing(sqlite3.connect(self.path)) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)

    def put_back(self, backup: Path) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        shutil.copy(backup, self.path)

    def restore(self, backup: Path, *, new_identity: bool = True) -> None:
        """Stopped: last night's copy goes back, then the documented step after a restore."""
        self.stop()
        self.put_back(backup)
        if new_identity:
            done = subprocess.run(
                [sys.executable, "-m", "console.cli", "db", "new-identity", "--db", self.url],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, done.stderr
        self.restart()

    def health(self) -> dict[str, Any]:
        answer: dict[str, Any] = requests.get(f"{self.base_url}/api/v1/health", timeout=10).json()
        return answer

    def versions(self) -> dict[int, int]:
        with closing(sqlite3.connect(self.path)) as conn:
            return dict(conn.execute("SELECT id, version FROM reports").fetchall())

    def session(self, user: str) -> requests.Session:
        http = requests.Session()
        answer = http.post(
            f"{self.base_url}/api/v1/auth/token", json={"user": user, "password": "demo"}
        )
        answer.raise_for_status()
        http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        return http

    def file_report(self, title: str) -> int:
        answer = self.session("citizen").post(
            f"{self.base_url}/api/v1/reports",
            json={
                "title": title,
                "description": "Nước ngập sau mưa lớn.",
                "category": "environment",
                "ward": "phu-xuan",
                "lat": 16.4637,
                "lon": 107.5909,
                "address": "Lê Lợi",
                "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": None},
            },
            timeout=10,
        )
        assert answer.status_code == 201, answer.text
        return int(answer.json()["id"])

    def note(self, report_id: int, text: str) -> int:
        """A supervisor's note; returns the report's new version."""
        http = self.session("supervisor")
        version = http.get(f"{self.base_url}/api/v1/reports/{report_id}", timeout=10).json()
        answer = http.post(
            f"{self.base_url}/api/v1/reports/{report_id}/actions",
            json={
                "type": "note",
                "payload": {"text": text},
                "expected_version": version["version"],
                "idempotency_key": str(uuid.uuid4()),
            },
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        return int(answer.json()["version"])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("restore-seed") / "central.sqlite3"
    seed_demo(f"sqlite:///{path}", REPORTS)
    return path


@pytest.fixture
def central(seeded: Path, tmp_path: Path) -> Iterator[Central]:
    path = tmp_path / "central.sqlite3"
    shutil.copy(seeded, path)
    running = Central(path)
    yield running
    running.stop()


def _workstation(central: Central, data: Path) -> Workstation:
    client = CentralClient(central.base_url, backoff=0.01, retries=0)
    client.login("operator", "demo")
    cache, outbox = open_cache(data), open_outbox(data)
    return Workstation(data, client, cache, outbox, SyncEngine(client, cache, outbox))


@pytest.fixture
def workstation(central: Central, tmp_path: Path) -> Iterator[Workstation]:
    ws = _workstation(central, tmp_path / "ws")
    yield ws
    ws.close()


def _cached(ws: Workstation) -> dict[int, int]:
    return {row.id: row.version for row in ws.cache.load_queue_rows()}


def _title(ws: Workstation, report_id: int) -> str | None:
    report = ws.cache.get_report(report_id)
    return None if report is None else report.title


def _waiting(ws: Workstation) -> list[int]:
    """Reports waiting for intake (the demo city keeps some at the suite's hour)."""
    found = [row.id for row in ws.cache.load_queue_rows() if row.status == Status.NEW.value]
    assert len(found) >= 3
    return found


def _queue_offline_accept(ws: Workstation, report_id: int) -> int:
    """An operator accepts a report while the central is down: the outbox entry's id."""
    entry = submit_action(
        ws.cache,
        ws.outbox,
        report_id,
        ActionType.ACCEPT,
        {},
        actor="operator",
        role=Role.OPERATOR,
        ctx=Context(utcnow(), load_sla()),
    )
    return entry.id


def test_a_restored_central_rebuilds_the_cache_and_keeps_the_outbox(
    central: Central, workstation: Workstation, tmp_path: Path
) -> None:
    first = workstation.engine.sync_once()
    assert first.error is None and not first.pull.rebuilt
    assert workstation.cache.database() == central.health()["database"]
    backup = tmp_path / "nightly.sqlite3"
    central.backup(backup)
    # The day after the backup, lost in the restore: a new report and a note.
    lost_id = central.file_report("Phản ánh chỉ có sau bản sao lưu")
    noted, accepted, after_note = _waiting(workstation)[:3]
    lost_version = central.note(noted, "Ghi chú sẽ mất khi khôi phục")
    workstation.engine.sync_once()
    assert _title(workstation, lost_id) == "Phản ánh chỉ có sau bản sao lưu"
    assert _cached(workstation)[noted] == lost_version
    cursor_before = workstation.cache.cursor()
    old_identity = workstation.cache.database()

    central.stop()
    entry_id = _queue_offline_accept(workstation, accepted)
    offline = workstation.engine.sync_once()
    assert not offline.online and workstation.outbox.get(entry_id).state is not EntryState.SENT  # type: ignore[union-attr]
    central.restore(backup)
    assert central.health()["database"] != old_identity
    # After the restore, before the console comes back: new work on the restored data.
    reused_id = central.file_report("Phản ánh mới sau khi khôi phục")
    after_version = central.note(after_note, "Ghi chú sau khi khôi phục")
    # The counter has caught up with the console's cursor: only the identity tells.
    assert central.health()["cursor"] == cursor_before and reused_id == lost_id

    result = workstation.engine.sync_once()

    assert result.error is None and result.pull.rebuilt
    sent = workstation.outbox.get(entry_id)
    assert sent is not None and sent.state is EntryState.SENT
    assert _cached(workstation) == central.versions()
    assert _cached(workstation)[after_note] == after_version
    assert _cached(workstation)[noted] < lost_version
    assert _title(workstation, reused_id) == "Phản ánh mới sau khi khôi phục"
    accepted_report = workstation.cache.get_report(accepted)
    assert accepted_report is not None and accepted_report.status is Status.ACCEPTED
    assert workstation.cache.database() == central.health()["database"]
    assert workstation.cache.rebuilt_since(0) and not workstation.cache.rebuilding()
    again = workstation.engine.sync_once()
    assert again.error is None and not again.pull.rebuilt and again.pull.received == 0


def test_a_cursor_ahead_of_the_central_rebuilds_without_a_new_identity(
    central: Central, workstation: Workstation, tmp_path: Path
) -> None:
    workstation.engine.sync_once()
    backup = tmp_path / "nightly.sqlite3"
    central.backup(backup)
    lost = [central.file_report(f"Phản ánh mất số {n}") for n in range(3)]
    workstation.engine.sync_once()
    assert all(workstation.cache.get_report(rid) is not None for rid in lost)
    identity = workstation.cache.database()

    central.restore(backup, new_identity=False)
    assert central.health()["database"] == identity

    result = workstation.engine.sync_once()

    assert result.error is None and result.pull.rebuilt
    assert _cached(workstation) == central.versions()
    assert all(workstation.cache.get_report(rid) is None for rid in lost)
    assert workstation.cache.cursor() == central.health()["cursor"]


def test_an_old_central_without_an_identity_syncs_as_before(tmp_path: Path) -> None:
    records = _real_records(tmp_path)
    old = ScriptedServer()
    old.on(
        "/api/v1/changes",
        Answer(200, {"items": records[:60], "next": "60", "more": True}),
        Answer(200, {"items": records[60:], "next": "100", "more": False}),
        Answer(200, {"items": [], "next": "100", "more": False}),
    )
    old.start()
    data = tmp_path / "ws"
    cache, outbox = open_cache(data), open_outbox(data)
    try:
        engine = SyncEngine(CentralClient(old.url), cache, outbox, page_size=60)
        first, second = engine.pull(), engine.pull()
    finally:
        old.stop()
    assert (first.received, second.received) == (100, 0)
    assert not first.rebuilt and not second.rebuilt
    assert cache.counts().reports == 100 and cache.cursor() == "100"
    assert cache.database() is None


def _real_records(tmp_path: Path) -> list[Any]:
    path = tmp_path / "central.sqlite3"
    seed_demo(f"sqlite:///{path}", 100)
    with CentralServer(f"sqlite:///{path}", demo=True, port=0) as server:
        client = CentralClient(server.base_url)
        client.login("operator", "demo")
        page: ChangesPage = client.changes(None, 100)
        assert page.database is not None
        return page.items


class PgCentral(Central):
    """The same on a PostgreSQL database of its own: pg_dump at night, pg_restore after."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.server = CentralServer(url, demo=True, port=0)
        self.base_url = self.server.start()

    def backup(self, target: Path) -> None:
        subprocess.run(
            ["pg_dump", "--format=custom", f"--file={target}", self.dsn], check=True, timeout=120
        )

    def put_back(self, backup: Path) -> None:
        subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", f"--dbname={self.dsn}", backup],
            check=True,
            timeout=120,
        )

    def versions(self) -> dict[int, int]:
        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                rows = conn.execute(text("SELECT id, version FROM reports"))
                return {int(row.id): int(row.version) for row in rows}
        finally:
            engine.dispose()


@pytest.fixture
def pg_central() -> Iterator[Central]:
    with own_database("paht_restore") as url:
        seed_demo(url, REPORTS)
        running = PgCentral(url)
        yield running
        running.stop()


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set")
def test_a_postgresql_central_restored_with_pg_restore_rebuilds_the_cache(
    pg_central: Central, tmp_path: Path
) -> None:
    ws = _workstation(pg_central, tmp_path / "ws")
    try:
        ws.engine.sync_once()
        backup = tmp_path / "nightly.dump"
        pg_central.backup(backup)
        lost = pg_central.file_report("Phản ánh chỉ có sau bản sao lưu")
        noted = _waiting(ws)[0]
        pg_central.note(noted, "Ghi chú sẽ mất khi khôi phục")
        ws.engine.sync_once()
        identity = ws.cache.database()

        pg_central.restore(backup)
        assert pg_central.health()["database"] != identity
        result = ws.engine.sync_once()

        assert result.error is None and result.pull.rebuilt
        assert _cached(ws) == pg_central.versions()
        assert lost not in _cached(ws)
    finally:
        ws.close()
