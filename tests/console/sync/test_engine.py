"""The sync engine against a scripted local server: order, refusals, offline, stopping."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.model import ActionType, Role
from console.domain.wire import report_from_json
from console.store import EntryState, Outbox, open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from tests.console.store.factories import report_json
from tests.console.sync.scripted_server import Answer, ScriptedServer

CHANGES = "/api/v1/changes"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    yield scripted
    scripted.stop()


def _engine(server: ScriptedServer, data_dir: Path) -> SyncEngine:
    client = CentralClient(server.url, token="t", retries=0)
    return SyncEngine(client, open_cache(data_dir), open_outbox(data_dir), page_size=2)


def _queue(outbox: Outbox, report_id: int) -> int:
    preview = report_from_json(report_json(report_id, 2, status="accepted"))
    return outbox.enqueue(report_id, ActionType.ACCEPT, {}, 1, "op", Role.OPERATOR, preview).id


def test_push_records_refusals_and_stops_at_the_first_network_failure(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.on(
        "/api/v1/reports/1/actions",
        Answer(422, {"code": "illegal_transition", "message": "Không thể tiếp nhận"}),
    )
    server.on(
        "/api/v1/reports/2/actions",
        Answer(403, {"code": "forbidden_role", "message": "Vai trò không được phép"}),
    )
    server.on("/api/v1/reports/3/actions", Answer(503, b"down", {"Content-Type": "text/plain"}))
    server.on("/api/v1/reports/4/actions", Answer(200, report_json(4, 2, status="accepted")))
    engine = _engine(server, tmp_path)
    refused, forbidden, unlucky, later = (_queue(engine.outbox, i) for i in (1, 2, 3, 4))
    result = engine.sync_once()

    assert not result.online
    assert result.error is not None and "503" in result.error
    assert (result.push.sent, result.push.refused, result.push.conflicts, result.push.failed) == (
        3,
        2,
        0,
        1,
    )
    states = {e.id: e for e in engine.outbox.all_entries()}
    assert (states[refused].state, states[refused].server_code) == (
        EntryState.REFUSED,
        "illegal_transition",
    )
    assert states[refused].last_error == "Không thể tiếp nhận"
    assert (states[forbidden].state, states[forbidden].server_status) == (EntryState.REFUSED, 403)
    assert (states[unlucky].state, states[unlucky].attempts) == (EntryState.FAILED, 1)
    assert states[later].state is EntryState.QUEUED  # never overtakes the failed one
    assert server.hits("/api/v1/reports/4/actions") == 0
    assert server.hits(CHANGES) == 0  # offline: no pull after a failed push

    server.script["/api/v1/reports/3/actions"].clear()
    server.on("/api/v1/reports/3/actions", Answer(200, report_json(3, 2, status="accepted")))
    server.on(CHANGES, Answer(200, {"items": [], "next": "0", "more": False}))
    again = engine.sync_once()
    assert again.online and (again.push.sent, again.push.applied) == (2, 2)
    assert engine.outbox.pending() == []
    cached = engine.cache.get_report(3)
    assert cached is not None and cached.status.value == "accepted"


def test_actions_queued_after_a_refused_one_on_the_same_report_are_held(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.on(
        "/api/v1/reports/1/actions",
        Answer(422, {"code": "illegal_transition", "message": "Không thể"}),
    )
    server.on(CHANGES, Answer(200, {"items": [], "next": "0", "more": False}))
    engine = _engine(server, tmp_path)
    first, second = _queue(engine.outbox, 1), _queue(engine.outbox, 1)

    result = engine.push()

    assert (result.sent, result.refused, result.conflicts) == (1, 1, 1)
    assert server.hits("/api/v1/reports/1/actions") == 1
    held = engine.outbox.get(second)
    assert held is not None and held.state is EntryState.CONFLICT
    assert held.last_error is not None and "cần xem lại" in held.last_error
    assert engine.outbox.get(first).state is EntryState.REFUSED  # type: ignore[union-attr]


def test_pull_stops_between_pages_and_resumes_from_the_stored_cursor(
    server: ScriptedServer, tmp_path: Path
) -> None:
    pages = [
        Answer(200, {"items": [report_json(1), report_json(2)], "next": "2", "more": True}),
        Answer(200, {"items": [report_json(3), report_json(4)], "next": "4", "more": True}),
        Answer(200, {"items": [report_json(5)], "next": "5", "more": False}),
    ]
    server.on(CHANGES, *pages)
    engine = _engine(server, tmp_path)

    first = engine.pull(should_stop=lambda: engine.cache.counts().reports > 0)

    assert (first.pages, first.received) == (1, 2)
    assert engine.cache.cursor() == "2"
    server.script[CHANGES].clear()
    server.on(CHANGES, pages[1], pages[2])
    second = engine.pull()
    assert (second.pages, second.received) == (2, 3)
    assert "after=2" in server.seen[-2].path
    assert sorted(row.id for row in engine.cache.load_queue_rows()) == [1, 2, 3, 4, 5]
    assert engine.cache.cursor() == "5"
