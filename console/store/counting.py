"""The rules of console.domain.lateness as SQL over the cache's `reports` table (or a table
with its columns and `ra`, the result's time): the dashboard, the board and the weekly report
count with these, so their figures agree with the queue's Overdue tab.

`moment` names the bound parameter holding the moment (stored time format, see `stamp`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from console.domain.lateness import OVERDUE_STATUSES
from console.domain.model import Status
from console.store.cache import Cache
from console.store.records import stamp

_AT_UNIT = ", ".join(f"'{s.value}'" for s in sorted(OVERDUE_STATUSES))


def norm(column: str) -> str:
    """A stored time padded to microseconds, so two stored times compare as text."""
    padded = f"substr({column}, 1, 19) || '.000000Z'"
    return f"(CASE WHEN length({column}) = 20 THEN {padded} ELSE {column} END)"


#: The result's time in the `reports` table, comparable with stamped bounds.
RESULT_AT = norm("json_extract(data, '$.resolved_at')")


def open_at(moment: str = ":e", ra: str = "ra", t: str = "") -> str:
    """Received before `moment` and neither rejected nor resolved before it."""
    return (
        f"({t}created_at < {moment}"
        f" AND NOT ({t}status = '{Status.REJECTED.value}' AND {t}updated_at < {moment})"
        f" AND ({ra} IS NULL OR {ra} >= {moment}))"
    )


def overdue_at(moment: str = ":e", ra: str = "ra", t: str = "") -> str:
    """Open at `moment`, with a unit then (at a unit now, or its result posted after it),
    its deadline passed. At the present moment: a handling status past its deadline."""
    return (
        f"({open_at(moment, ra, t)} AND {t}deadline IS NOT NULL AND {t}deadline < {moment}"
        f" AND ({t}status IN ({_AT_UNIT}) OR {ra} IS NOT NULL))"
    )


_OVERDUE_NOW = text(f"SELECT count(*) FROM reports WHERE {overdue_at(':now', RESULT_AT)}")


def overdue_count(cache: Cache, now: datetime) -> int:
    """Reports overdue at `now` (console.domain.lateness.is_overdue over the whole cache)."""
    with cache._engine.connect() as conn:
        return int(conn.execute(_OVERDUE_NOW, {"now": stamp(now)}).scalar() or 0)
