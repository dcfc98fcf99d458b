"""What a briefing reads from the cache: the reports of its period and of the one before.

A report created, resolved or rated in either period was last updated at or after the
previous period's start, so one indexed range on created_at plus a filter on updated_at
finds them all without reading the whole cache into Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from sqlalchemy import Connection, text

from console.domain.model import Report
from console.domain.reference import Reference, reference_or_shipped
from console.domain.wire import InvalidRecord, report_from_json
from console.exports.briefing.period import Period
from console.store import Cache
from console.store.records import stamp

_WINDOW = text(
    "SELECT data FROM reports WHERE created_at < :end AND updated_at >= :start ORDER BY id"
)
_DUPLICATES = "SELECT duplicate_of, lat, lon FROM reports WHERE duplicate_of IN ({ids})"
EARTH_M = 6_371_000.0


def _connect(cache: Cache) -> Connection:
    # The store exposes no public engine; exports read through the cache's own (as weekly does).
    return cache._engine.connect()


def reference_of(cache: Cache) -> Reference:
    """The server's reference data if the cache holds a valid copy, else the shipped one."""
    return reference_or_shipped(cache.reference_json())


def load_reports(cache: Cache, period: Period) -> list[Report]:
    """Reports that may count in `period` or the period before it (records that fail
    validation are left out: they are in quarantine, not in the cache)."""
    params = {"start": stamp(period.previous().start), "end": stamp(period.end)}
    reports = []
    with _connect(cache) as conn:
        for (raw,) in conn.execute(_WINDOW, params):
            try:
                reports.append(report_from_json(json.loads(raw)))
            except InvalidRecord:
                continue
    return reports


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_M * math.asin(math.sqrt(min(1.0, a)))


def duplicate_spread_m(cache: Cache, reports: Sequence[Report]) -> dict[int, float]:
    """For each report with merged duplicates: how far (metres) its farthest duplicate was
    reported from it, the "wide area" of the community-impact ranking."""
    origins = {r.id: r for r in reports if r.merged_count > 0 and r.lat is not None}
    if not origins:
        return {}
    spread: dict[int, float] = {}
    sql = text(_DUPLICATES.format(ids=",".join(str(i) for i in sorted(origins))))
    with _connect(cache) as conn:
        for origin_id, lat, lon in conn.execute(sql):
            origin = origins[origin_id]
            if lat is None or lon is None or origin.lat is None or origin.lon is None:
                continue
            distance = _metres(origin.lat, origin.lon, lat, lon)
            spread[origin_id] = max(spread.get(origin_id, 0.0), distance)
    return spread


def reopened_ids(cache: Cache) -> set[int]:
    """Reports whose cached history holds a reopening (only reports whose detail was opened
    have a cached history; the status `reopened` covers the ones being handled again)."""
    sql = text(
        "SELECT DISTINCT report_id FROM history WHERE json_extract(data, '$.action') = 'reopen'"
    )
    with _connect(cache) as conn:
        return {int(row[0]) for row in conn.execute(sql)}
