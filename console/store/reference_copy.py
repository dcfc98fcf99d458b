"""The server's reference data as the cache last stored it, read with the sqlite3 module alone.

The window needs the categories, units and wards before it shows, while the cache itself
(SQLAlchemy, migrations, the integrity check) opens in the background. A missing, locked or
damaged file reads as "no copy": the shipped reference data is used, as `open_cache` would.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

CACHE_FILE = "cache.sqlite3"
REFERENCE_KEY = "reference"


def stored_reference(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / CACHE_FILE
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (REFERENCE_KEY,)).fetchone()
        data = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None
