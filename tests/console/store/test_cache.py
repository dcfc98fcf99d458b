"""The local cache: bulk upserts with their cursor, quarantine, fast queue rows, rebuild."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from console.domain.model import ActionType, Event, Role, Status
from console.domain.wire import report_from_json
from console.store import open_cache, open_outbox
from tests.console.store.factories import report_json


def _page(ids: range, version: int = 1, **changes: object) -> tuple[list, list]:
    raws = [report_json(i, version, **changes) for i in ids]
    return [report_from_json(r) for r in raws], raws


def test_page_is_stored_with_its_cursor_and_read_back(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    reports, raws = _page(range(1, 11))
    cache.upsert_page(reports, [], "10", raw_good=raws)

    assert cache.cursor() == "10"
    rows = {row.id: row for row in cache.load_queue_rows()}
    assert len(rows) == 10
    row = rows[3]
    assert row.code == "PA-2025-000003"
    assert row.status == "new"
    assert row.created_at == datetime(2025, 10, 1, 3, tzinfo=UTC)
    assert "den duong hong so 3" in row.search_key
    assert "le loi" in row.search_key
    report = cache.get_report(3)
    assert report is not None and report.reporter is not None
    assert report.reporter.phone == "0905123456"
    assert cache.counts().reports == 10
    assert not cache.needs_resync


def test_an_older_version_never_overwrites_a_newer_one(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    cache.upsert_page(_page(range(1, 3), version=3, status="accepted")[0], [], "1")
    cache.upsert_page(_page(range(1, 2), version=2)[0], [], "2")
    cache.upsert_page(_page(range(2, 3), version=4, status="assigned")[0], [], "3")

    by_id = {row.id: row for row in cache.load_queue_rows()}
    assert (by_id[1].version, by_id[1].status) == (3, "accepted")
    assert (by_id[2].version, by_id[2].status) == (4, "assigned")
    assert cache.cursor() == "3"


def test_bad_records_are_quarantined_with_reasons_and_the_rest_stored(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    reports, raws = _page(range(1, 6))
    huge = report_json(99, status="exploded", description="x" * 50_000)
    cache.upsert_page(
        reports,
        [(huge, "status: unknown 'exploded'"), ("junk", "record: not an object")],
        "7",
        raw_good=raws,
    )

    assert cache.counts().reports == 5
    assert cache.counts().quarantined == 2
    entries = cache.quarantined()
    assert entries[0].report_id == 99
    assert entries[0].reason == "status: unknown 'exploded'"
    assert len(entries[0].raw) <= 4_000
    assert entries[1].report_id is None


def test_rows_changed_since_a_revision(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    cache.upsert_page(_page(range(1, 101))[0], [], "100")
    seen = cache.revision()
    cache.upsert_page(_page(range(50, 53), version=2, status="accepted")[0], [], "103")

    changed = cache.load_queue_rows_since(seen)
    assert sorted(row.id for row in changed) == [50, 51, 52]
    assert {row.status for row in changed} == {"accepted"}
    assert cache.load_queue_rows_since(cache.revision()) == []


def test_history_reference_and_audit_round_trip(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    cache.upsert_reports(_page(range(1, 2))[0])
    event = Event(
        1,
        datetime(2025, 10, 2, tzinfo=UTC),
        "operator",
        Role.OPERATOR,
        ActionType.ACCEPT,
        Status.NEW,
        Status.ACCEPTED,
        {"category": "street_lighting"},
    )
    cache.store_history(1, [event])
    cache.store_history(1, [event, event])
    assert cache.get_history(1) == [event, event]
    with pytest.raises(IntegrityError):  # foreign keys are on: history only for cached reports
        cache.store_history(404, [event])

    cache.set_reference({"categories": [{"code": "street_lighting", "name": "Chiếu sáng"}]})
    assert cache.reference_json() == {
        "categories": [{"code": "street_lighting", "name": "Chiếu sáng"}]
    }
    cache.audit("media", "export_briefing", {"reports": 12})
    assert [(a.actor, a.action, a.detail) for a in cache.audit_entries()] == [
        ("media", "export_briefing", {"reports": 12})
    ]


def test_find_nearby_uses_place_and_time(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    near = report_json(1, lat=16.4600, lon=107.5900, created_at="2025-10-01T08:00:00Z")
    far = report_json(2, lat=16.5000, lon=107.5900, created_at="2025-10-01T08:00:00Z")
    old = report_json(3, lat=16.4601, lon=107.5901, created_at="2025-09-01T08:00:00Z")
    cache.upsert_page([report_from_json(r) for r in (near, far, old)], [], None)

    found = cache.find_nearby(
        16.4601, 107.5901, 100, datetime(2025, 9, 30, tzinfo=UTC), datetime(2025, 10, 2, tzinfo=UTC)
    )
    assert [r.id for r in found] == [1]


def test_the_file_uses_wal(tmp_path: Path) -> None:
    open_cache(tmp_path).close()
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1


def test_a_corrupt_cache_is_moved_aside_and_the_outbox_kept(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    cache.upsert_page(_page(range(1, 50))[0], [], "49")
    cache.close()
    outbox = open_outbox(tmp_path)
    outbox.close()
    outbox_bytes = (tmp_path / "outbox.sqlite3").read_bytes()
    path = tmp_path / "cache.sqlite3"
    data = bytearray(path.read_bytes())
    data[:100] = b"\xde\xad" * 50  # destroy the header
    path.write_bytes(bytes(data))

    rebuilt = open_cache(tmp_path)
    assert rebuilt.needs_resync
    assert rebuilt.cursor() is None
    assert rebuilt.counts().reports == 0
    assert rebuilt.rebuilt_from is not None and rebuilt.rebuilt_from.exists()
    assert rebuilt.rebuilt_from.name.startswith("cache.sqlite3.broken-")
    assert (tmp_path / "outbox.sqlite3").read_bytes() == outbox_bytes
    assert not open_cache(tmp_path).needs_resync


def test_a_cache_from_a_newer_version_is_rebuilt(tmp_path: Path) -> None:
    open_cache(tmp_path).close()
    with sqlite3.connect(tmp_path / "cache.sqlite3") as conn:
        conn.execute("INSERT INTO schema_version VALUES (99)")
    assert open_cache(tmp_path).needs_resync


def test_reads_while_a_worker_thread_writes(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for start in range(1, 2001, 200):
                cache.upsert_page(_page(range(start, start + 200))[0], [], str(start + 199))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=write)
    worker.start()
    sizes = []
    while worker.is_alive():
        sizes.append(len(cache.load_queue_rows()))
    worker.join()
    assert errors == []
    assert sizes == sorted(sizes)
    assert len(cache.load_queue_rows()) == 2000
