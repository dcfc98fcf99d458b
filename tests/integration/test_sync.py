"""Sync against the real central API on 127.0.0.1 (real HTTP, real SQLite files in tmp_path).

The central API runs over a copy of a demo database seeded once per session."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.model import ActionType, Role, Status, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import Context
from console.store import Cache, EntryState, Outbox, open_cache, open_outbox, submit_action
from console.sync import CentralClient, SyncEngine
from tests.console.sync.scripted_server import Answer, ScriptedServer

DEMO_REPORTS = 5_000


@dataclass
class Workstation:
    data_dir: Path
    client: CentralClient
    cache: Cache
    outbox: Outbox
    engine: SyncEngine

    def close(self) -> None:
        self.client.close()
        self.cache.close()
        self.outbox.close()


@dataclass
class Central:
    server: CentralServer
    db_path: Path
    base_url: str

    def versions(self) -> dict[int, int]:
        """Every report id and version as the server holds them."""
        with sqlite3.connect(self.db_path) as conn:
            return dict(conn.execute("SELECT id, version FROM reports").fetchall())

    def events_of(self, report_id: int) -> int:
        with sqlite3.connect(self.db_path) as conn:
            return int(
                conn.execute(
                    "SELECT count(*) FROM events WHERE report_id = ?", (report_id,)
                ).fetchone()[0]
            )

    def client(self, user: str) -> CentralClient:
        client = CentralClient(self.base_url, backoff=0.01)
        client.login(user, "demo")
        return client

    def workstation(
        self, data_dir: Path, user: str = "operator", page_size: int = 1000
    ) -> Workstation:
        client = self.client(user)
        cache, outbox = open_cache(data_dir), open_outbox(data_dir)
        return Workstation(
            data_dir, client, cache, outbox, SyncEngine(client, cache, outbox, page_size=page_size)
        )


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("central-seed") / "central.sqlite3"
    seed_demo(f"sqlite:///{path}", DEMO_REPORTS)
    return path


@pytest.fixture
def central(seeded_db: Path, tmp_path: Path) -> Iterator[Central]:
    path = tmp_path / "central.sqlite3"
    shutil.copy(seeded_db, path)
    server = CentralServer(f"sqlite:///{path}", demo=True, port=0)
    base_url = server.start()
    yield Central(server, path, base_url)
    server.close()


@pytest.fixture
def workstation(central: Central, tmp_path: Path) -> Iterator[Workstation]:
    ws = central.workstation(tmp_path / "ws")
    yield ws
    ws.close()


def _cached_versions(cache: Cache) -> dict[int, int]:
    return {row.id: row.version for row in cache.load_queue_rows()}


def _ctx() -> Context:
    return Context(utcnow(), load_sla())


def _new_reports(cache: Cache) -> list[int]:
    """Reports waiting for intake; the demo city keeps some at any hour (the suite's clock)."""
    waiting = [row.id for row in cache.load_queue_rows() if row.status == Status.NEW.value]
    assert waiting, "the demo city has no report waiting for intake"
    return waiting


def _a_new_report(cache: Cache) -> int:
    return _new_reports(cache)[0]


def test_initial_sync_brings_every_report(central: Central, workstation: Workstation) -> None:
    seen: list[int] = []
    result = workstation.engine.sync_once(progress=lambda done, _total: seen.append(done))

    assert result.online and result.error is None
    assert result.pull.received == DEMO_REPORTS
    assert result.pull.quarantined == 0
    assert seen[-1] == DEMO_REPORTS and seen == sorted(seen)
    assert _cached_versions(workstation.cache) == central.versions()
    assert workstation.cache.cursor() is not None
    report = workstation.cache.get_report(1)
    assert report is not None and report.reporter is not None  # operators see the reporter


def test_delta_sync_fetches_only_what_changed(central: Central, workstation: Workstation) -> None:
    workstation.engine.pull()
    supervisor = central.client("supervisor")
    changed = _new_reports(workstation.cache)[:7]
    assert len(changed) == 7
    for report_id in changed:
        version = workstation.cache.get_report(report_id).version  # type: ignore[union-attr]
        supervisor.post_action(
            report_id, "note", {"text": "Đã gọi lại người dân"}, version, str(uuid.uuid4())
        )
    before = workstation.cache.revision()

    delta = workstation.engine.pull()

    assert delta.received == len(changed)
    assert sorted(row.id for row in workstation.cache.load_queue_rows_since(before)) == sorted(
        changed
    )
    assert _cached_versions(workstation.cache) == central.versions()


def test_an_accepted_action_replaces_the_pending_state(
    central: Central, workstation: Workstation
) -> None:
    workstation.engine.pull()
    report_id = _a_new_report(workstation.cache)
    entry = submit_action(
        workstation.cache,
        workstation.outbox,
        report_id,
        ActionType.ACCEPT,
        {"urgency": "urgent"},
        actor="operator",
        role=Role.OPERATOR,
        ctx=_ctx(),
    )
    assert workstation.outbox.pending_previews()[report_id].status is Status.ACCEPTED

    pushed = workstation.engine.push()

    assert (pushed.sent, pushed.applied, pushed.conflicts, pushed.error) == (1, 1, 0, None)
    stored = workstation.outbox.get(entry.id)
    assert stored is not None and stored.state is EntryState.SENT
    assert workstation.outbox.pending_previews() == {}
    cached = workstation.cache.get_report(report_id)
    assert cached is not None and cached.status is Status.ACCEPTED
    assert cached.urgency.value == "urgent"
    assert cached.version == central.versions()[report_id] == entry.expected_version + 1


def test_a_stale_action_is_stored_as_a_conflict(central: Central, workstation: Workstation) -> None:
    workstation.engine.pull()
    report_id = _a_new_report(workstation.cache)
    entry = submit_action(
        workstation.cache,
        workstation.outbox,
        report_id,
        ActionType.ACCEPT,
        {},
        actor="operator",
        role=Role.OPERATOR,
        ctx=_ctx(),
    )
    follow_up = submit_action(
        workstation.cache,
        workstation.outbox,
        report_id,
        ActionType.NOTE,
        {"text": "Chờ xác minh"},
        actor="operator",
        role=Role.OPERATOR,
        ctx=_ctx(),
    )
    central.client("supervisor").post_action(
        report_id, "reject", {"reason": "complaint"}, entry.expected_version, str(uuid.uuid4())
    )

    pushed = workstation.engine.push()

    assert (pushed.applied, pushed.conflicts) == (0, 2)
    stored = workstation.outbox.get(entry.id)
    assert stored is not None and stored.state is EntryState.CONFLICT
    assert stored.server_status == 409
    assert stored.current_json is not None and stored.current_json["status"] == "rejected"
    assert stored.last_error and "đã được cập nhật" in stored.last_error
    follow = workstation.outbox.get(follow_up.id)
    assert follow is not None and follow.state is EntryState.CONFLICT
    cached = workstation.cache.get_report(report_id)
    assert cached is not None and cached.status is Status.REJECTED
    assert central.versions()[report_id] == entry.expected_version + 1


def test_a_repeated_idempotency_key_is_applied_once(
    central: Central, workstation: Workstation
) -> None:
    workstation.engine.pull()
    report_id = _a_new_report(workstation.cache)
    entry = submit_action(
        workstation.cache,
        workstation.outbox,
        report_id,
        ActionType.NOTE,
        {"text": "Đã liên hệ"},
        actor="operator",
        role=Role.OPERATOR,
        ctx=_ctx(),
    )
    events_before = central.events_of(report_id)
    # The first attempt reached the server but its answer was lost before it was stored.
    workstation.client.post_action(
        report_id, "note", entry.payload, entry.expected_version, entry.idempotency_key
    )

    pushed = workstation.engine.push()

    assert (pushed.applied, pushed.conflicts, pushed.refused) == (1, 0, 0)
    assert workstation.outbox.get(entry.id).state is EntryState.SENT  # type: ignore[union-attr]
    assert central.events_of(report_id) == events_before + 1
    assert central.versions()[report_id] == entry.expected_version + 1


def test_a_server_restart_in_the_middle_of_a_sync_loses_and_repeats_nothing(
    central: Central, tmp_path: Path
) -> None:
    ws = central.workstation(tmp_path / "ws", page_size=500)
    ws.client.retries = 1

    def stop_after_second_page(done: int, _total: int | None) -> None:
        if done == 1000:
            central.server.stop()

    first = ws.engine.sync_once(progress=stop_after_second_page)
    assert not first.online
    assert first.error is not None and "Mất kết nối" in first.error
    # The page after the second may already have been fetched (prefetch) and is then stored.
    kept = ws.cache.counts().reports
    assert first.pull.pages in (2, 3)
    assert kept == first.pull.received == 500 * first.pull.pages
    assert ws.cache.cursor() is not None

    central.server.start()
    second = ws.engine.sync_once()

    assert second.online and second.error is None
    assert second.pull.received == DEMO_REPORTS - kept
    assert ws.cache.counts().reports == DEMO_REPORTS
    assert _cached_versions(ws.cache) == central.versions()
    ws.close()


def test_a_corrupt_cache_is_rebuilt_by_a_resync_and_the_outbox_kept(
    central: Central, tmp_path: Path
) -> None:
    data_dir = tmp_path / "ws"
    ws = central.workstation(data_dir)
    ws.engine.pull()
    report_id = _a_new_report(ws.cache)
    submit_action(
        ws.cache,
        ws.outbox,
        report_id,
        ActionType.ACCEPT,
        {},
        actor="operator",
        role=Role.OPERATOR,
        ctx=_ctx(),
    )
    ws.close()
    cache_file = data_dir / "cache.sqlite3"
    damaged = bytearray(cache_file.read_bytes())
    damaged[4096 * 3 : 4096 * 6] = b"\x00\xff" * (4096 * 3 // 2)
    damaged[:16] = b"garbage garbage!"
    cache_file.write_bytes(bytes(damaged))

    again = central.workstation(data_dir)
    assert again.cache.needs_resync
    assert [e.report_id for e in again.outbox.pending()] == [report_id]

    result = again.engine.sync_once()

    assert result.online and result.push.applied == 1
    assert again.cache.counts().reports == DEMO_REPORTS
    assert _cached_versions(again.cache) == central.versions()
    rebuilt = again.cache.get_report(report_id)
    assert rebuilt is not None and rebuilt.status is Status.ACCEPTED
    assert list(data_dir.glob("cache.sqlite3.broken-*"))
    again.close()


def _malformed(good: dict[str, Any], n: int) -> Any:
    """Fifty ways a record can be broken, cycling through the kinds a real feed produces."""
    kinds: list[tuple[str, Any]] = [
        ("status", {**good, "status": "lost_in_space"}),
        ("id", {**good, "id": -n}),
        ("lat", {**good, "lat": 123.0}),
        ("version", {**good, "version": 0}),
        ("created_at", {**good, "created_at": "hôm qua"}),
        ("record", ["not", "an", "object"]),
        ("title", {k: v for k, v in good.items() if k != "title"}),
        ("rating", {**good, "rating": 9}),
        ("media", {**good, "media": "photo.jpg"}),
        ("urgency", {**good, "urgency": "panic"}),
    ]
    return kinds[n % len(kinds)]


def test_fifty_malformed_records_are_quarantined_and_the_rest_stored(
    central: Central, tmp_path: Path
) -> None:
    """The page comes from a tiny local HTTP server (tests/console/sync/scripted_server.py):
    150 real records from the central API with 50 broken ones mixed in."""
    real = central.client("operator").changes(None, 200).items
    items: list[Any] = []
    expected: list[str] = []
    for i, record in enumerate(real):
        if i % 4 == 3:
            field, broken = _malformed(record, i // 4)
            items.append(broken)
            expected.append(field)
        else:
            items.append(record)
    scripted = ScriptedServer()
    scripted.on("/api/v1/changes", Answer(200, {"items": items, "next": "200", "more": False}))
    scripted.start()
    try:
        client = CentralClient(scripted.url)
        cache, outbox = open_cache(tmp_path / "ws"), open_outbox(tmp_path / "ws")
        result = SyncEngine(client, cache, outbox).pull()
    finally:
        scripted.stop()

    assert (result.received, result.stored, result.quarantined) == (200, 150, 50)
    assert cache.counts().reports == 150
    assert cache.cursor() == "200"
    entries = cache.quarantined()
    assert len(entries) == 50
    assert [e.reason.split(":")[0] for e in entries] == expected
    assert all(e.raw for e in entries)
    good_ids = {r["id"] for i, r in enumerate(real) if i % 4 != 3}
    assert {row.id for row in cache.load_queue_rows()} == good_ids
