"""The durable outbox: order, answers kept, retries, and never lost to a cache rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.domain.model import ActionType, Role, Status
from console.domain.wire import report_from_json
from console.store import EntryState, StoreError, open_outbox
from tests.console.store.factories import report_json


def _enqueue(outbox, report_id: int, text: str = "ghi chú", version: int = 1):  # type: ignore[no-untyped-def]
    preview = report_from_json(report_json(report_id, version + 1, status="accepted"))
    return outbox.enqueue(
        report_id, ActionType.NOTE, {"text": text}, version, "operator", Role.OPERATOR, preview
    )


def test_entries_are_pending_in_order_and_survive_a_restart(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    first = _enqueue(outbox, 1, "một")
    second = _enqueue(outbox, 2, "hai")
    third = _enqueue(outbox, 1, "ba", version=2)
    outbox.close()

    reopened = open_outbox(tmp_path)
    pending = reopened.pending()
    assert [e.id for e in pending] == [first.id, second.id, third.id]
    assert [e.payload["text"] for e in pending] == ["một", "hai", "ba"]
    assert len({e.idempotency_key for e in pending}) == 3
    assert pending[0].state is EntryState.QUEUED
    assert pending[0].role is Role.OPERATOR
    assert reopened.pending_previews()[1].version == 3
    assert reopened.pending_count_for(1) == 2
    assert reopened.counts().queued == 3


def test_server_answers_are_recorded(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    sent, conflict, refused, failed = (_enqueue(outbox, i) for i in range(1, 5))
    outbox.mark_sent_ok(sent.id, report_json(1, 2, status="accepted"))
    outbox.mark_conflict(conflict.id, report_json(2, 5, status="assigned"), "Đã được cập nhật")
    outbox.mark_refused(refused.id, 422, "illegal_transition", "Không thể tiếp nhận")
    outbox.mark_failed(failed.id, "Mất kết nối")

    by_id = {e.id: e for e in outbox.all_entries()}
    assert by_id[sent.id].state is EntryState.SENT
    assert by_id[sent.id].result_json is not None
    assert by_id[conflict.id].current_json is not None
    assert by_id[conflict.id].current_json["version"] == 5
    assert (by_id[refused.id].server_status, by_id[refused.id].server_code) == (
        422,
        "illegal_transition",
    )
    assert by_id[failed.id].attempts == 1
    assert [e.id for e in outbox.pending()] == [failed.id]
    assert set(outbox.pending_previews()) == {4}
    counts = outbox.counts()
    assert (counts.queued, counts.failed, counts.conflicts, counts.refused) == (0, 1, 1, 1)


def test_retry_and_drop(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    conflict = _enqueue(outbox, 1)
    failed = _enqueue(outbox, 2)
    outbox.mark_conflict(conflict.id, None, "xung đột")
    outbox.mark_failed(failed.id, "mất mạng")

    again = outbox.retry(conflict.id, expected_version=5)
    assert again.state is EntryState.QUEUED
    assert again.expected_version == 5
    assert again.idempotency_key != conflict.idempotency_key
    assert outbox.retry(failed.id).idempotency_key == failed.idempotency_key
    dropped = outbox.drop(again.id)
    assert dropped.state is EntryState.DROPPED
    assert [e.id for e in outbox.pending()] == [failed.id]
    with pytest.raises(StoreError):
        outbox.retry(dropped.id)


def test_a_damaged_outbox_is_never_replaced(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    _enqueue(outbox, 1)
    outbox.close()
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"not a database" * 100)

    with pytest.raises(StoreError, match="bị hỏng"):
        open_outbox(tmp_path)
    assert path.read_bytes() == b"not a database" * 100
    assert not list(tmp_path.glob("outbox.sqlite3.broken-*"))


def test_preview_keeps_the_predicted_status(tmp_path: Path) -> None:
    outbox = open_outbox(tmp_path)
    entry = _enqueue(outbox, 7)
    assert entry.preview is not None and entry.preview.status is Status.ACCEPTED
