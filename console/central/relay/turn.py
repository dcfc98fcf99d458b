"""Whose turn it is to send the relay: one server process at a time, on either database.

On PostgreSQL the sender holds a session advisory lock (`serve --workers N`); on a SQLite file,
an exclusive lock on a file beside it, so a second `serve` started on the same file by mistake
stands by instead of taking the first one's messages in flight for a dead server's. Either
lock dies with its process: the next sender polling takes the turn over.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, text

LOCK_KEY = 0x70616874  # "paht": the sending process's PostgreSQL advisory lock


def lock_file_of(engine: Engine) -> Path | None:
    """The file beside a SQLite database whose lock is the turn; None for a database in
    memory (only its own process can reach it)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).with_name(Path(database).name + ".relay-sender")


def _lock_exclusively(handle: IO[bytes]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class SendingTurn:
    """Taken by polling, held until given up or the process ends."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None
        self._file: IO[bytes] | None = None
        self._alone = engine.dialect.name != "postgresql" and lock_file_of(engine) is None

    @property
    def held(self) -> bool:
        return self._alone or self._connection is not None or self._file is not None

    def take(self) -> bool:
        """Whether this process sends now."""
        if self.held:
            return True
        if self.engine.dialect.name == "postgresql":
            self._take_advisory_lock()
        else:
            self._take_file_lock()
        return self.held

    def _take_advisory_lock(self) -> None:
        conn = self.engine.connect()
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar()
        conn.commit()
        if got:
            self._connection = conn
        else:
            conn.close()

    def _take_file_lock(self) -> None:
        path = lock_file_of(self.engine)
        assert path is not None
        handle = path.open("a+b")
        if _lock_exclusively(handle):
            self._file = handle
        else:
            handle.close()

    def give_up(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                self._connection.commit()
            with contextlib.suppress(Exception):
                self._connection.close()
            self._connection = None
        if self._file is not None:
            self._file.close()
            self._file = None
