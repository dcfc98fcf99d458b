"""The weekly report's SQL over the cache (rules in console.exports.weekly_figures).

One scan of `reports` fills a temporary table with the week's candidate reports and the few
JSON fields needed, each parsed once; every aggregate then reads that small table. Times are
compared as text: the bounds carry ".000000Z" (see weekly_week), and two stored times are
padded to microseconds first (`_norm`).
"""

from __future__ import annotations

from sqlalchemy import text

from console.store.counting import norm as _norm
from console.store.counting import open_at, overdue_at

_RA = "json_extract(data, '$.resolved_at')"

#: The one full scan: every report the week can count (received, updated, handled or still
#: open in it), with the few JSON fields needed, parsed once. The cheap column tests come
#: first so most rows never reach the JSON parse. A report left out was created before the
#: week, not updated since, and either rejected or resolved before the week began: it can
#: count nowhere.
Q_WEEK_ROWS = text(
    "CREATE TEMP TABLE weekly_rows AS SELECT id, category, unit, ward, status, deadline,"
    " escalation_level, rating, merged_count, created_at, updated_at,"
    " json_extract(data, '$.channel') AS channel,"
    " json_extract(data, '$.reject_reason') AS reason,"
    f" {_norm(_RA)} AS ra, json_extract(data, '$.extended') AS ext"
    " FROM reports WHERE created_at < :e AND (created_at >= :s OR updated_at >= :s"
    f" OR (status <> 'rejected' AND coalesce({_RA}, '~') >= :s))"
)
Q_DROP = text("DROP TABLE IF EXISTS temp.weekly_rows")
Q_RECEIVED = text(
    "SELECT channel, status, reason, category, unit, ward, count(*) FROM weekly_rows"
    " WHERE created_at >= :s GROUP BY 1, 2, 3, 4, 5, 6"
)


Q_HANDLING = text(
    "SELECT category, unit, ward, sum(h = 1), sum(h = 2), sum(h = 3), sum(o), sum(od) FROM ("
    " SELECT category, unit, ward,"
    "  CASE WHEN ra >= :s AND ra < :e THEN"
    f"   CASE WHEN deadline IS NOT NULL AND ra > {_norm('deadline')} THEN 3"
    "    WHEN ext THEN 2 ELSE 1 END END AS h,"
    f"  {open_at()} AS o, {overdue_at()} AS od FROM weekly_rows"
    ") GROUP BY 1, 2, 3"
)
Q_OVERDUE = text(
    "SELECT w.id, r.code, r.title, w.category, w.ward, w.unit, w.status, w.deadline,"
    " w.escalation_level FROM weekly_rows AS w JOIN reports AS r ON r.id = w.id"
    f" WHERE {overdue_at(t='w.', ra='w.ra')} ORDER BY w.deadline, w.id"
)
Q_RATINGS = text(
    "SELECT rating, count(*) FROM weekly_rows WHERE rating IS NOT NULL"
    " AND updated_at >= :s AND updated_at < :e GROUP BY rating"
)
Q_MERGED = text(
    "SELECT r.code, r.title, w.category, w.ward, w.status, w.merged_count"
    " FROM weekly_rows AS w JOIN reports AS r ON r.id = w.id"
    " WHERE w.merged_count > 0 AND w.updated_at >= :s"
    " ORDER BY w.merged_count DESC, w.created_at LIMIT :top"
)
