"""The one clock of the program: UTC now, or a chosen moment that runs on from there.

Every "now" the console, the central API and the demo city use goes through `utcnow`, so a
test, a rehearsal or a training session can run the whole program at a chosen moment (00:05
Huế time, the first day of Tết, 31 December) while the wall clock says otherwise.
`PAHT_NOW` (ISO 8601, e.g. "2026-12-02T10:00:00+07:00") pins it for a whole process; the
moment then advances with real elapsed time, so timeouts, ordering and ages behave as usual.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime, timedelta

NOW_ENV = "PAHT_NOW"

_offset = timedelta()


def utcnow() -> datetime:
    """Aware UTC now, as the program's clock reads it."""
    return datetime.now(UTC) + _offset


def pin_clock(moment: datetime | None) -> None:
    """From here on `utcnow()` starts at `moment` and runs on; None returns to the wall clock."""
    global _offset
    if moment is None:
        _offset = timedelta()
        return
    if moment.tzinfo is None:
        raise ValueError("the clock needs an aware moment")
    _offset = moment - datetime.now(UTC)


def parse_moment(text: str) -> datetime:
    """An aware moment from ISO 8601 text; a naive one is taken as Huế time (UTC+7)."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC) - timedelta(hours=7)
    return moment.astimezone(UTC)


def pin_from_environment(environ: dict[str, str] | None = None) -> datetime | None:
    """Pin the clock to `PAHT_NOW` when it is set; the moment, or None."""
    text = (os.environ if environ is None else environ).get(NOW_ENV, "").strip()
    if not text:
        return None
    moment = parse_moment(text)
    pin_clock(moment)
    return moment


# A bad PAHT_NOW is reported by the command line (console.cli), not by an import.
with contextlib.suppress(ValueError):
    pin_from_environment()
