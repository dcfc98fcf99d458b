"""The engine follows one central database: another id, or a cursor ahead of it, rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.store import open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from tests.console.store.factories import report_json
from tests.console.sync.scripted_server import Answer, ScriptedServer
from tests.console.sync.test_engine import _queue

CHANGES = "/api/v1/changes"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    yield scripted
    scripted.stop()


def _page(items: list[Any], next_: str, more: bool, database: str | None) -> Answer:
    headers = {"Content-Type": "application/json"}
    if database is not None:
        headers["X-Paht-Database"] = database
    return Answer(200, {"items": items, "next": next_, "more": more}, headers)


def _engine(server: ScriptedServer, data_dir: Path) -> SyncEngine:
    client = CentralClient(server.url, token="t", retries=0)
    return SyncEngine(client, open_cache(data_dir), open_outbox(data_dir), page_size=2)


def _versions(engine: SyncEngine) -> dict[int, int]:
    return {row.id: row.version for row in engine.cache.load_queue_rows()}


def _after(server: ScriptedServer) -> list[str | None]:
    """The cursor each /changes request asked after."""
    found: list[str | None] = []
    for seen in server.seen:
        if seen.path.startswith(CHANGES):
            query = dict(p.split("=", 1) for p in seen.path.partition("?")[2].split("&") if p)
            found.append(query.get("after"))
    return found


def test_the_first_answer_naming_a_database_is_kept(server: ScriptedServer, tmp_path: Path) -> None:
    server.on(CHANGES, _page([report_json(1, 1)], "1", False, None))
    engine = _engine(server, tmp_path)
    engine.pull()
    assert engine.cache.database() is None
    server.script[CHANGES].clear()
    server.on(CHANGES, _page([report_json(2, 1)], "2", False, "aaa"))

    result = engine.pull()

    assert not result.rebuilt and result.new_ids == (2,)
    assert engine.cache.database() == "aaa" and _versions(engine) == {1: 1, 2: 1}


def test_another_database_replaces_the_cache_and_leaves_the_outbox(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.on(
        CHANGES, _page([report_json(1, 5), report_json(2, 3), report_json(3, 1)], "9", False, "old")
    )
    engine = _engine(server, tmp_path)
    engine.pull()
    queued = _queue(engine.outbox, 1)
    server.script[CHANGES].clear()
    server.on(
        CHANGES,
        _page([], "9", False, "new"),
        _page([report_json(1, 2), report_json(4, 1)], "2", True, "new"),
        _page([report_json(2, 3)], "3", False, "new"),
    )

    result = engine.pull()

    assert result.rebuilt
    assert _after(server) == [None, "9", None, "2"]
    assert _versions(engine) == {1: 2, 2: 3, 4: 1}  # 1 went back, 3 is gone
    assert engine.cache.database() == "new" and engine.cache.cursor() == "3"
    entry = engine.outbox.get(queued)
    assert entry is not None and entry.state.value == "queued"


def test_a_cursor_ahead_rebuilds_and_a_stopped_rebuild_resumes(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.on(CHANGES, _page([report_json(1, 5), report_json(2, 3)], "50", False, "db"))
    engine = _engine(server, tmp_path)
    engine.pull()
    server.script[CHANGES].clear()
    ahead = {"code": "cursor_ahead", "message": "Con trỏ vượt quá", "database": "db"}
    server.on(
        CHANGES,
        Answer(409, ahead),
        _page([report_json(1, 1), report_json(3, 1)], "2", True, "db"),
        _page([], "2", False, "db"),
    )

    stopped = engine.pull(should_stop=lambda: engine.cache.cursor() == "2")

    assert not stopped.rebuilt and engine.cache.rebuilding()
    resumed = engine.pull()
    assert resumed.rebuilt and not engine.cache.rebuilding()
    assert _versions(engine) == {1: 1, 3: 1}
    # The page after the stop was fetched ahead but not stored: it is asked for again.
    assert _after(server) == [None, "50", None, "2", "2"]
