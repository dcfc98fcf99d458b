"""Weekly report export at 200,000 cached reports, against a floor that computes the same figures.

The cache comes from benchmarks._data (demo reports, pinned seed and NOW, checked by content).
The floor computes every figure the export computes (console/exports/weekly_figures.py:
received by channel, accepted, rejected by reason, awaiting; handled on time, with an
extension, late; outstanding and overdue; the same by category, unit and ward, former wards
folded into their successors; ratings; overdue cases with their days late, the units to
urge; most merged; hotspots) in plain sqlite3, a few aggregate queries, and Python only for
what SQL cannot do (folding wards, working days late on the same calendar, sorting). Its
figures must equal the export's, or the figure is not ok.

Export (figures + DOCX + XLSX + audit) and floor run alternately, ROUNDS times each, after one
untimed pass of each; the figure is the ratio of their medians.
"""

from __future__ import annotations

import math
import os
import sqlite3
import statistics
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import _data
from benchmarks._figures import failed, figure

SCALE = int(os.environ.get("PAHT_BENCH_WEEKLY_REPORTS", "200000"))
WEEK = "2026-W47"
GOAL = 5.0
ROUNDS = 3
TOP, HOTSPOT_MIN = 5, 3


def _norm(column: str) -> str:
    """A stored time padded to microseconds ("...:00Z" -> "...:00.000000Z")."""
    return f"(CASE WHEN length({column}) = 20 THEN substr({column}, 1, 19) || '.000000Z' ELSE {column} END)"


RA = "json_extract(data, '$.resolved_at')"
F_RECEIVED = (
    "SELECT json_extract(data, '$.channel'), status, json_extract(data, '$.reject_reason'),"
    " category, unit, ward, count(*) FROM reports WHERE created_at >= :s AND created_at < :e"
    " GROUP BY 1, 2, 3, 4, 5, 6"
)
#: One statement, one scan for the rest: handled and outstanding by category, unit and ward,
#: the overdue reports of each group (id, deadline, escalation level), the week's ratings,
#: then (UNION ALL, part 1) the most merged reports active in the week. The JSON
#: fields are parsed once per report that can count (MATERIALIZED keeps SQLite from parsing
#: again at each use); NOT INDEXED: a scan beats the created_at index for most of the table.
#: Outstanding and overdue as console.domain.lateness defines them (written out here, not
#: taken from console.store.counting): a report rejected after the week's end was still
#: awaiting triage at it, so it is outstanding.
F_HANDLING = (
    "WITH w AS MATERIALIZED (SELECT id, code, merged_count, category, unit, ward, status, deadline,"
    f" escalation_level, rating, created_at, updated_at, {RA} AS raw_ra,"
    " json_extract(data, '$.extended') AS ext FROM reports NOT INDEXED"
    " WHERE created_at < :e AND (created_at >= :s OR updated_at >= :s OR status <> 'rejected')),"
    f" r AS (SELECT *, {_norm('raw_ra')} AS ra FROM w WHERE created_at >= :s"
    " OR updated_at >= :s OR (status <> 'rejected' AND coalesce(raw_ra, '~') >= :s)),"
    " c AS (SELECT *, CASE WHEN ra >= :s AND ra < :e THEN"
    f" CASE WHEN deadline IS NOT NULL AND ra > {_norm('deadline')} THEN 3 WHEN ext THEN 2"
    " ELSE 1 END END AS h, CASE WHEN updated_at >= :s AND updated_at < :e THEN rating END"
    " AS rated, (NOT (status = 'rejected' AND updated_at < :e) AND (ra IS NULL OR ra >= :e))"
    " AS o FROM r),"
    " d AS (SELECT *, (o AND deadline < :e AND (ra IS NOT NULL OR status IN ('assigned',"
    " 'in_progress', 'extension_requested', 'reopened'))) AS od FROM c)"
    " SELECT 0, category, unit, ward, sum(h = 1), sum(h = 2), sum(h = 3), sum(o),"
    " sum(od), group_concat(CASE WHEN od THEN id || ' ' || deadline || ' ' || escalation_level"
    " END),"
    " sum(rated = 1), sum(rated = 2), sum(rated = 3), sum(rated = 4), sum(rated = 5)"
    " FROM d GROUP BY 2, 3, 4 UNION ALL SELECT * FROM (SELECT 1, code, merged_count,"
    f" {', '.join(['NULL'] * 12)} FROM w WHERE merged_count > 0 AND updated_at >= :s"
    " ORDER BY merged_count DESC, created_at LIMIT :top)"
)


def floor_figures(path: Path, week: Any, reference: Any, calendar: Any) -> dict[str, Any]:
    """Every figure of the week in plain sqlite3, in the comparable form of `export_view`."""
    from console.exports.weekly_week import bound

    cut = min(week.end, _data.NOW.astimezone(UTC))
    params = {"s": bound(week.start), "e": bound(cut), "top": TOP}
    wards: dict[str, str] = {}

    def ward_key(code: str) -> str:
        if code not in wards:
            current = reference.current_ward(code)
            wards[code] = (code or "-") if current is None else current.code
        return wards[code]

    tables: dict[str, dict[str, list[int]]] = {"category": {}, "unit": {}, "ward": {}}

    def rows_of(category: str, unit: str | None, ward: str) -> list[list[int]]:
        keys = [("category", category), ("ward", ward_key(ward))]
        keys += [("unit", unit)] if unit else []
        return [tables[t].setdefault(k, [0] * 6) for t, k in keys]

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        channels: dict[str, int] = defaultdict(int)
        reasons: dict[str, int] = defaultdict(int)
        cells: dict[tuple[str, str], int] = defaultdict(int)
        total = awaiting = 0
        for channel, status, reason, category, unit, ward, n in conn.execute(F_RECEIVED, params):
            total += n
            channels[channel or "-"] += n
            if status == "rejected":
                reasons[reason or "-"] += n
            elif status == "new":
                awaiting += n
            for row in rows_of(category, unit, ward):
                row[0] += n
            cells[(ward_key(ward), category)] += n
        sums, ratings, overdue = [0] * 5, [0] * 5, []
        merged = []
        for part, category, unit, ward, *counts in conn.execute(F_HANDLING, params):
            if part == 1:
                merged.append([category, unit])  # code, merged_count
                continue
            late_ones, rated = counts[5], counts[6:]
            ratings = [a + int(b or 0) for a, b in zip(ratings, rated, strict=True)]
            counts = [int(v or 0) for v in counts[:5]]
            if not any(counts[:4]):
                continue
            sums = [a + b for a, b in zip(sums, counts, strict=True)]
            for row in rows_of(category, unit, ward):
                for i, v in enumerate(counts):
                    row[1 + i] += v
            for case in (late_ones or "").split(","):
                if case:
                    report_id, deadline, level = case.split(" ")
                    overdue.append((int(report_id), unit, deadline, int(level)))
    finally:
        conn.close()

    cases = []
    for report_id, unit, deadline_text, level in overdue:
        deadline = datetime.fromisoformat(deadline_text)
        working = calendar.working_between(deadline, cut) / calendar.day_length
        calendar_days = (cut - deadline) / timedelta(days=1)
        days = max(0, math.ceil(working)), max(0, math.ceil(calendar_days))
        cases.append((report_id, unit, deadline, *days, level))
    cases.sort(key=lambda c: (-c[3], c[2], c[0]))
    units: dict[str, list[Any]] = {}
    for _id, unit, deadline, working_days, _days, level in cases:
        u = units.setdefault(unit, [unit, 0, deadline, 0, 0])
        u[1], u[2] = u[1] + 1, min(u[2], deadline)
        u[3], u[4] = max(u[3], working_days), max(u[4], level)
    urge = sorted(units.values(), key=lambda u: (-u[1], u[2], reference.unit_name(u[0])))
    ranked = sorted(cells.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    rejected = sum(reasons.values())
    return {
        "received": [total, dict(channels), total - rejected - awaiting, rejected, dict(reasons)],
        "awaiting": awaiting,
        "handled": sums[:3],
        "outstanding": sums[3:],
        "by": {name: {k: v for k, v in t.items() if any(v)} for name, t in tables.items()},
        "satisfaction": ratings,
        "overdue": [[c[0], c[2].isoformat(), c[3], c[4], c[5]] for c in cases],
        "units_to_urge": [[u[0], u[1], u[2].isoformat(), u[3], u[4]] for u in urge],
        "merged": merged,
        "hotspots": [
            [reference.ward_name(w), reference.category_name(c), n]
            for (w, c), n in ranked
            if n >= HOTSPOT_MIN
        ],
    }


def export_view(f: Any) -> dict[str, Any]:
    """The export's figures in the floor's form (labels and masked titles left out)."""

    def table(rows: Any) -> dict[str, list[int]]:
        return {
            r.key: [r.received, r.on_time, r.extended, r.late, r.outstanding, r.overdue]
            for r in rows
            if (r.received, r.on_time, r.extended, r.late, r.outstanding, r.overdue) != (0,) * 6
        }

    r = f.received
    return {
        "received": [
            r.total,
            {c.key: c.count for c in r.by_channel},
            r.accepted,
            r.rejected,
            {c.key: c.count for c in r.rejected_by_reason},
        ],
        "awaiting": r.awaiting,
        "handled": [f.handled.on_time, f.handled.extended, f.handled.late],
        "outstanding": [f.outstanding.total, f.outstanding.overdue],
        "by": {
            "category": table(f.by_category),
            "unit": table(f.by_unit),
            "ward": table(f.by_ward),
        },
        "satisfaction": list(f.satisfaction.distribution),
        "overdue": [
            [c.id, c.deadline.isoformat(), c.working_days_late, c.calendar_days_late, level]
            for c in f.overdue
            for level in [c.escalation_level]
        ],
        "units_to_urge": [
            [u.key, u.overdue, u.oldest_deadline.isoformat(), u.most_working_days_late, top]
            for u in f.units_to_urge
            for top in [u.highest_escalation]
        ],
        "merged": [[m.code, m.merged_count] for m in f.merged],
        "hotspots": [[h.ward, h.category, h.count] for h in f.hotspots],
    }


def _measure(folder: Path) -> dict[str, Any]:
    from console.domain.calendar import load_calendar
    from console.domain.reference import reference_or_shipped
    from console.exports.weekly import export_weekly
    from console.exports.weekly_week import parse_week
    from console.store import open_cache

    week = parse_week(WEEK)
    calendar = load_calendar()
    cache = open_cache(folder)
    try:
        reference = reference_or_shipped(cache.reference_json())
        out = Path(tempfile.mkdtemp(prefix="paht-weekly-"))
        exports: list[float] = []
        floors: list[float] = []
        export = floor = None
        for round_ in range(ROUNDS + 1):  # round 0: untimed warm-up of both
            order = ("export", "floor") if round_ % 2 == 0 else ("floor", "export")
            for what in order:
                started = time.perf_counter()
                if what == "export":
                    export = export_weekly(cache, WEEK, out, actor="benchmark", now=_data.NOW)
                    seconds = time.perf_counter() - started
                    (exports if round_ else []).append(seconds)
                else:
                    floor = floor_figures(cache.path, week, reference, calendar)
                    seconds = time.perf_counter() - started
                    (floors if round_ else []).append(seconds)
    finally:
        cache.close()
    assert export is not None and floor is not None
    return {"export": export, "floor": floor, "exports": exports, "floors": floors}


def run() -> list[dict[str, Any]]:
    try:
        dataset = _data.cache(SCALE)
        return [weekly_figure(dataset.folder, SCALE, "weekly", **dataset.describe())]
    except Exception as exc:
        return [failed("weekly", exc, reports=SCALE)]


def weekly_figure(folder: Path, reports: int, bench: str, **data: Any) -> dict[str, Any]:
    """The export over the cache in `folder` against the floor, as the figure `bench`."""
    measured = _measure(folder)
    export, floor = measured["export"], measured["floor"]
    ours = export_view(export.figures)
    problems = [f"floor and export differ in {k}" for k in ours if ours[k] != floor[k]]
    if export.figures.received.total <= 0 or not export.figures.overdue:
        problems.append("the week has no received or no overdue report: nothing was measured")
    export_s = statistics.median(measured["exports"])
    floor_s = statistics.median(measured["floors"])
    ratio = export_s / floor_s if floor_s > 0 else float("inf")
    return figure(
        bench,
        ratio,
        "ratio",
        f"<= {GOAL:g}",
        met=ratio <= GOAL,
        problems=problems,
        measured="export (figures, DOCX, XLSX, audit) / plain-sqlite3 floor computing the "
        "same figures; medians of alternating rounds",
        export_seconds=round(export_s, 3),
        floor_seconds=round(floor_s, 3),
        export_samples=[round(v, 3) for v in measured["exports"]],
        floor_samples=[round(v, 3) for v in measured["floors"]],
        figures_equal=not any(p.startswith("floor and export") for p in problems),
        reports=reports,
        received=export.figures.received.total,
        handled=export.figures.handled.total,
        outstanding=export.figures.outstanding.total,
        overdue=export.figures.outstanding.overdue,
        docx_bytes=export.docx.stat().st_size,
        xlsx_bytes=export.xlsx.stat().st_size,
        **data,
    )


if __name__ == "__main__":
    run()
