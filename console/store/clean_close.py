"""Whether a local file is as this software last closed it, so its integrity check can wait.

A clean close leaves the file's size and modification time beside it; an open that finds
them unchanged (and no WAL left) skips the check, which reads the whole file.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

#: Beside the file after a clean close: its size and modification time then.
CLOSED_SUFFIX = ".closed"


def _closed_stamp(path: Path) -> Path:
    return path.with_name(path.name + CLOSED_SUFFIX)


def _file_state(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_size, info.st_mtime_ns]


def note_clean_close(path: Path) -> None:
    state = _file_state(path)
    if state is not None:
        with contextlib.suppress(OSError):
            _closed_stamp(path).write_text(json.dumps(state), encoding="utf-8")


def unchanged_since_close(path: Path) -> bool:
    """True when the file is as a clean close left it; the note is used up either way, so a
    run that dies with the file open is checked at the next start."""
    stamp = _closed_stamp(path)
    try:
        noted = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    stamp.unlink(missing_ok=True)
    wal = _file_state(path.with_name(path.name + "-wal"))
    return (wal is None or wal[0] == 0) and noted == _file_state(path)
