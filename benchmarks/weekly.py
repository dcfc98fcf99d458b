"""Weekly report export at 200,000 cached reports, against the raw SQL counts alone.

The cache is built once into /tmp/paht-bench-weekly (demo reports, fixed seed and clock) and
reused. The figure is the export's time (figures + DOCX + XLSX + audit) divided by the time
of the bare sqlite3 counts of the same week in the same run: how much the report costs over
the queries it cannot avoid.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.central.demo.generate import generate_reports
from console.domain.wire import report_from_json
from console.exports.weekly import export_weekly
from console.store import Cache, open_cache

SCALE = 200_000
SEED = 7
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
WEEK = "2026-W47"
# Monday 17 Nov 2026 00:00 and Monday 24 Nov 2026 00:00 Vietnam time, in UTC.
START, END = "2026-11-15T17:00:00.000000Z", "2026-11-22T17:00:00.000000Z"
CACHE_DIR = Path("/tmp/paht-bench-weekly")
GOAL = 5.0
BATCH = 5_000


def build_cache(count: int = SCALE) -> Cache:
    """The benchmark cache, generated on the first run and reused afterwards."""
    cache = open_cache(CACHE_DIR)
    if cache.counts().reports >= count:
        return cache
    batch = []
    for raw in generate_reports(count, seed=SEED, now=NOW):
        raw.pop("events", None)
        batch.append(report_from_json(raw))
        if len(batch) >= BATCH:
            cache.upsert_reports(batch)
            batch = []
    if batch:
        cache.upsert_reports(batch)
    return cache


RA = "json_extract(data, '$.resolved_at')"
#: The bare counts, written plainly: received (by channel, status, reason, category, ward),
#: handled in the week, outstanding and overdue at its end, ratings.
RAW_COUNTS = [
    "SELECT json_extract(data, '$.channel'), status, json_extract(data, '$.reject_reason'),"
    " category, ward, count(*) FROM reports WHERE created_at >= :s AND created_at < :e"
    " GROUP BY 1, 2, 3, 4, 5",
    f"SELECT category, unit, ward, count(*) FROM reports WHERE {RA} >= :s AND {RA} < :e"
    " GROUP BY 1, 2, 3",
    "SELECT category, unit, ward, count(*), sum(deadline < :e) FROM reports"
    " WHERE created_at < :e AND status <> 'rejected' AND unit IS NOT NULL"
    f" AND coalesce({RA}, '~') >= :e GROUP BY 1, 2, 3",
    "SELECT rating, count(*) FROM reports WHERE rating IS NOT NULL"
    " AND updated_at >= :s AND updated_at < :e GROUP BY 1",
]


def raw_counts_seconds(path: Path) -> float:
    """The bare counts a weekly report needs, in plain sqlite3."""
    started = time.perf_counter()
    with sqlite3.connect(path) as conn:
        for sql in RAW_COUNTS:
            conn.execute(sql, {"s": START, "e": END}).fetchall()
    return time.perf_counter() - started


def run() -> list[dict[str, Any]]:
    built = time.perf_counter()
    cache = build_cache()
    build_seconds = time.perf_counter() - built
    try:
        raw = min(raw_counts_seconds(cache.path) for _ in range(2))
        out = Path(tempfile.mkdtemp(prefix="paht-weekly-"))
        started = time.perf_counter()
        export = export_weekly(cache, WEEK, out, actor="benchmark", now=NOW)
        seconds = time.perf_counter() - started
    finally:
        cache.close()
    ratio = seconds / raw if raw > 0 else float("inf")
    figure = {
        "bench": "weekly",
        "value": round(ratio, 2),
        "unit": "ratio",
        "goal": f"<= {GOAL:g}",
        "ok": ratio <= GOAL,
        "export_seconds": round(seconds, 3),
        "raw_sql_seconds": round(raw, 3),
        "reports": SCALE,
        "received": export.figures.received.total,
        "outstanding": export.figures.outstanding.total,
        "docx_bytes": export.docx.stat().st_size,
        "xlsx_bytes": export.xlsx.stat().st_size,
        "cache_build_seconds": round(build_seconds, 1),
    }
    print(json.dumps(figure, ensure_ascii=False))
    return [figure]


if __name__ == "__main__":
    run()
