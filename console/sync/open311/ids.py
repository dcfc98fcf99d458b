"""What the Open311 adapter must remember beside the cache: the number given to each id that
is not a small positive integer, and what the server turned out to speak.

Kept in its own small SQLite file next to the cache (`open311.sqlite3`), so a report keeps its
number across runs, and even when the cache itself is rebuilt from the server.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from console.sync.open311.mapping import FIRST_MAPPED_ID

FILE_NAME = "open311.sqlite3"


class Open311Memory:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._lock = threading.Lock()
        folder.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db, db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS ids (original TEXT PRIMARY KEY, id INTEGER UNIQUE)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value TEXT)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10.0, isolation_level="IMMEDIATE")

    def number(self, original: str) -> int:
        """The stable number of a server id: given once, from FIRST_MAPPED_ID up."""
        with self._lock, closing(self._connect()) as db, db:
            row = db.execute("SELECT id FROM ids WHERE original = ?", (original,)).fetchone()
            if row is not None:
                return int(row[0])
            top = db.execute("SELECT max(id) FROM ids").fetchone()[0]
            number = FIRST_MAPPED_ID if top is None else int(top) + 1
            db.execute("INSERT INTO ids (original, id) VALUES (?, ?)", (original, number))
            return number

    def fact(self, key: str) -> str | None:
        with closing(self._connect()) as db:
            row = db.execute("SELECT value FROM facts WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_fact(self, key: str, value: str) -> None:
        with self._lock, closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO facts (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
