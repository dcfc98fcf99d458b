"""`export_weekly`: the IOC's weekly report to the City People's Committee, as a DOCX in the
administrative format and an XLSX of its tables, from the local cache, without Qt.

The week's meaning (ISO week, Monday 00:00 to Monday 00:00 Vietnam time) and every count are
defined in console.exports.weekly_figures; the document repeats them in its notes. Each export
is written to the cache's audit log (it leaves the Center).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.domain.calendar import WorkingCalendar, load_calendar
from console.domain.hue_time import local_date
from console.domain.model import utcnow
from console.domain.reference import Reference, reference_or_shipped
from console.exports.weekly_figures import compute_weekly_figures
from console.exports.weekly_model import WeeklyFigures
from console.exports.weekly_week import InvalidWeek, Week, parse_week
from console.store import Cache

__all__ = ["InvalidWeek", "WeeklyExport", "export_weekly", "weekly_figures"]


@dataclass(frozen=True, slots=True)
class WeeklyExport:
    docx: Path
    xlsx: Path
    figures: WeeklyFigures


def _reference(cache: Cache) -> Reference:
    """The server's reference data if the cache holds it, else the shipped one."""
    return reference_or_shipped(cache.reference_json())


def default_stem(week: Week) -> str:
    return f"bao-cao-tuan-{week.label}"


def weekly_figures(
    cache: Cache,
    week: Week,
    *,
    now: datetime,
    reference: Reference | None = None,
    calendar: WorkingCalendar | None = None,
) -> WeeklyFigures:
    """The week's figures alone (for a screen or a test), same rules as the export."""
    if now < week.start:
        raise InvalidWeek(
            f"Tuần {week.label} (từ {week.monday:%d/%m/%Y}) chưa bắt đầu: chưa có số liệu."
        )
    # The store exposes no public engine yet; the exports read through the cache's own.
    with cache._engine.connect() as conn:
        return compute_weekly_figures(
            conn, week, reference or _reference(cache), calendar or load_calendar(), now
        )


def export_weekly(
    cache: Cache,
    week: str,
    out_dir: Path,
    *,
    actor: str,
    now: datetime | None = None,
    reference: Reference | None = None,
    number: int | None = None,
    stem: str | None = None,
) -> WeeklyExport:
    """Write <stem>.docx and .xlsx into `out_dir` (stem bao-cao-tuan-<week> unless the user
    chose another name) and log the export.

    `number` is the document's register number (restarting each 1 January); by default the
    ISO week number. Raises InvalidWeek (message in Vietnamese) for a malformed or future week.
    python-docx and openpyxl load here, not when the supervisor's window starts.
    """
    from console.exports.weekly_docx import build_weekly_docx
    from console.exports.weekly_xlsx import build_weekly_xlsx

    moment = now or utcnow()
    parsed = parse_week(week)
    figures = weekly_figures(cache, parsed, now=moment, reference=reference)
    stem = stem or default_stem(parsed)
    docx = build_weekly_docx(figures, out_dir / f"{stem}.docx", local_date(moment), number=number)
    xlsx = build_weekly_xlsx(figures, out_dir / f"{stem}.xlsx")
    cache.audit(
        actor,
        "export_weekly",
        {
            "week": parsed.label,
            "files": [str(docx), str(xlsx)],
            "received": figures.received.total,
            "handled": figures.handled.total,
            "outstanding": figures.outstanding.total,
            "overdue": figures.outstanding.overdue,
        },
    )
    return WeeklyExport(docx=docx, xlsx=xlsx, figures=figures)
