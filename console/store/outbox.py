"""The durable outbox of operator actions, in its own file so a cache rebuild never erases it.

An entry stays until the server's answer is stored; nothing is deleted (dropped entries are
kept, for the record). A damaged outbox is never moved or rebuilt: it raises, so a person
looks at it before any action is lost.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.model import ActionType, Report, Role, parse_time, utcnow
from console.domain.wire import report_from_json
from console.store.db import DamagedDatabase, StoreError, open_engine
from console.store.migrations import OUTBOX_MIGRATIONS
from console.store.records import stamp
from console.store.schema import OutboxRow
from console.version import NewerNeeded

OUTBOX_FILE = "outbox.sqlite3"


class EntryState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    CONFLICT = "conflict"
    REFUSED = "refused"
    FAILED = "failed"
    DROPPED = "dropped"


PENDING_STATES = (EntryState.QUEUED.value, EntryState.FAILED.value)
RETRYABLE_STATES = (EntryState.CONFLICT.value, EntryState.REFUSED.value, EntryState.FAILED.value)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    report_id: int
    action_type: ActionType
    payload: dict[str, Any]
    expected_version: int
    idempotency_key: str
    state: EntryState
    created_at: datetime
    actor: str
    role: Role
    attempts: int
    last_error: str | None
    server_status: int | None
    #: For a conflict: the server's current report (wire JSON).
    current_json: dict[str, Any] | None
    server_code: str | None = None
    #: The report as the domain predicted it after this action (shown while pending).
    preview: Report | None = None
    #: For a sent entry: the report the server returned.
    result_json: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    queued: int
    failed: int
    conflicts: int
    refused: int


class UnknownEntry(StoreError):
    pass


class NewerConsoleNeeded(StoreError):
    """The central needs a newer console: no action enters the outbox (and none leaves it)."""

    def __init__(self, needed: NewerNeeded) -> None:
        super().__init__(needed.message())
        self.needed = needed


def _loads(raw: str | None) -> dict[str, Any] | None:
    return None if raw is None else dict(json.loads(raw))


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        report_id=row.report_id,
        action_type=ActionType(row.action_type),
        payload=json.loads(row.payload),
        expected_version=row.expected_version,
        idempotency_key=row.idempotency_key,
        state=EntryState(row.state),
        created_at=parse_time(row.created_at) or utcnow(),
        actor=row.actor,
        role=Role(row.role),
        attempts=row.attempts,
        last_error=row.last_error,
        server_status=row.server_status,
        current_json=_loads(row.current_json),
        server_code=row.server_code,
        preview=report_from_json(json.loads(row.preview_json)),
        result_json=_loads(row.result_json),
    )


class Outbox:
    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = threading.Lock()
        #: Set while the central needs a newer console than this one.
        self.held: NewerNeeded | None = None

    def hold(self, needed: NewerNeeded | None) -> None:
        """Refuse new actions and keep queued ones unsent while `needed`; None lifts it."""
        self.held = needed

    def check_open(self) -> None:
        """Raises NewerConsoleNeeded while held: before an operator's action is built."""
        if self.held is not None:
            raise NewerConsoleNeeded(self.held)

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with self._write_lock, self._sessions.begin() as session:
            yield session

    def _change(self, entry_id: int, *, attempted: bool = False, **values: Any) -> OutboxEntry:
        with self._writing() as session:
            row = session.get(OutboxRow, entry_id)
            if row is None:
                raise UnknownEntry(f"Không tìm thấy thao tác chờ gửi số {entry_id}.")
            for name, value in values.items():
                setattr(row, name, value)
            if attempted:
                row.attempts += 1
            row.updated_at = stamp(utcnow())
            session.flush()
            return _entry(row)

    def enqueue(
        self,
        report_id: int,
        action_type: ActionType,
        payload: dict[str, Any],
        expected_version: int,
        actor: str,
        role: Role,
        preview: Report,
    ) -> OutboxEntry:
        self.check_open()
        now = stamp(utcnow())
        row = OutboxRow(
            report_id=report_id,
            action_type=action_type.value,
            payload=_dumps(payload),
            expected_version=expected_version,
            idempotency_key=str(uuid.uuid4()),
            state=EntryState.QUEUED.value,
            created_at=now,
            updated_at=now,
            actor=actor,
            role=role.value,
            attempts=0,
            preview_json=_dumps(preview.to_json()),
        )
        with self._writing() as session:
            session.add(row)
            session.flush()
            return _entry(row)

    def get(self, entry_id: int) -> OutboxEntry | None:
        with self._sessions() as session:
            row = session.get(OutboxRow, entry_id)
            return None if row is None else _entry(row)

    def _select(self, *states: str) -> list[OutboxEntry]:
        stmt = select(OutboxRow).order_by(OutboxRow.id)
        if states:
            stmt = stmt.where(OutboxRow.state.in_(states))
        with self._sessions() as session:
            return [_entry(row) for row in session.scalars(stmt)]

    def pending(self) -> list[OutboxEntry]:
        """Entries still to be pushed (queued or failed on the network), oldest first."""
        return self._select(*PENDING_STATES)

    def all_entries(self) -> list[OutboxEntry]:
        return self._select()

    def mark_sent_ok(self, entry_id: int, server_report_json: dict[str, Any]) -> OutboxEntry:
        return self._change(
            entry_id,
            state=EntryState.SENT.value,
            server_status=200,
            result_json=_dumps(server_report_json),
            last_error=None,
            attempted=True,
        )

    def mark_conflict(
        self, entry_id: int, current_json: dict[str, Any] | None, message: str
    ) -> OutboxEntry:
        return self._change(
            entry_id,
            state=EntryState.CONFLICT.value,
            server_status=409,
            current_json=None if current_json is None else _dumps(current_json),
            last_error=message,
            attempted=True,
        )

    def mark_refused(self, entry_id: int, status: int, code: str, message: str) -> OutboxEntry:
        return self._change(
            entry_id,
            state=EntryState.REFUSED.value,
            server_status=status,
            server_code=code,
            last_error=message,
            attempted=True,
        )

    def mark_failed(self, entry_id: int, message: str) -> OutboxEntry:
        """A network or server failure: the entry stays pending, to be pushed again."""
        return self._change(
            entry_id,
            state=EntryState.FAILED.value,
            last_error=message,
            attempted=True,
        )

    def retry(self, entry_id: int, expected_version: int | None = None) -> OutboxEntry:
        """Queue a conflicting, refused or failed entry again (same idempotency key unless
        the expected version changes, since the server would answer the old key's result)."""
        self.check_open()
        entry = self.get(entry_id)
        if entry is None or entry.state.value not in RETRYABLE_STATES:
            raise UnknownEntry(f"Thao tác số {entry_id} không thể gửi lại.")
        values: dict[str, Any] = {"state": EntryState.QUEUED.value}
        if expected_version is not None and expected_version != entry.expected_version:
            values.update(expected_version=expected_version, idempotency_key=str(uuid.uuid4()))
        elif entry.state is not EntryState.FAILED:
            values["idempotency_key"] = str(uuid.uuid4())
        return self._change(entry_id, **values)

    def drop(self, entry_id: int) -> OutboxEntry:
        return self._change(entry_id, state=EntryState.DROPPED.value)

    def counts(self) -> OutboxCounts:
        with self._sessions() as session:
            rows = session.execute(
                select(OutboxRow.state, func.count()).group_by(OutboxRow.state)
            ).all()
        by_state = {state: count for state, count in rows}
        return OutboxCounts(
            queued=by_state.get(EntryState.QUEUED.value, 0),
            failed=by_state.get(EntryState.FAILED.value, 0),
            conflicts=by_state.get(EntryState.CONFLICT.value, 0),
            refused=by_state.get(EntryState.REFUSED.value, 0),
        )

    def pending_previews(self) -> dict[int, Report]:
        """The latest predicted state of each report with pending actions."""
        previews: dict[int, Report] = {}
        for entry in self.pending():
            if entry.preview is not None:
                previews[entry.report_id] = entry.preview
        return previews

    def pending_count_for(self, report_id: int) -> int:
        with self._sessions() as session:
            value = session.scalar(
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.report_id == report_id, OutboxRow.state.in_(PENDING_STATES))
            )
        return int(value or 0)


def open_outbox(data_dir: Path) -> Outbox:
    """Open (or create) data_dir/outbox.sqlite3. A damaged file raises StoreError: unlike the
    cache it holds work that exists nowhere else."""
    path = data_dir / OUTBOX_FILE
    try:
        return Outbox(open_engine(path, OUTBOX_MIGRATIONS), path)
    except DamagedDatabase as exc:
        raise StoreError(
            f"Hàng đợi thao tác ({path}) bị hỏng, cần kiểm tra trước khi dùng tiếp: {exc}"
        ) from exc
