"""`export_period`: the Center's report for a month, a quarter, a year or any span of whole
days, behind the province's commendation: a DOCX in the administrative format, an XLSX of its
tables and, for a year (the annual review conference each January) or on request, a PPTX deck.

The figures are console.exports.period_figures'; the commendation rules are read from
console/resources/commendation.yaml and printed in the document. Each export is written to
the cache's audit log (it leaves the Center).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.domain.calendar import WorkingCalendar, load_calendar
from console.domain.hue_time import local_date
from console.domain.model import utcnow
from console.domain.reference import Reference, reference_or_shipped
from console.exports.period_figures import PeriodFigures, compute_period_figures
from console.exports.period_rules import CommendationRules, load_rules
from console.exports.period_span import InvalidPeriod, ReportPeriod
from console.store import Cache

__all__ = ["InvalidPeriod", "PeriodExport", "export_period", "period_figures"]

_STEM = {"month": "thang", "quarter": "quy", "year": "nam", "span": "ky"}


@dataclass(frozen=True, slots=True)
class PeriodExport:
    docx: Path
    xlsx: Path
    pptx: Path | None
    figures: PeriodFigures


def default_stem(period: ReportPeriod) -> str:
    return f"bao-cao-{_STEM[period.kind]}-{period.label}"


def period_figures(
    cache: Cache,
    period: ReportPeriod,
    *,
    now: datetime,
    reference: Reference | None = None,
    calendar: WorkingCalendar | None = None,
    rules: CommendationRules | None = None,
) -> PeriodFigures:
    """The period's figures alone (for the dialog's preview or a test), as the export counts."""
    if now < period.start:
        raise InvalidPeriod(f"Kỳ {period.name} chưa bắt đầu: chưa có số liệu.")
    return compute_period_figures(
        cache,
        period,
        now=now,
        reference=reference or reference_or_shipped(cache.reference_json()),
        calendar=calendar or load_calendar(),
        rules=rules or load_rules(),
    )


def export_period(
    cache: Cache,
    period: ReportPeriod,
    out_dir: Path,
    *,
    actor: str,
    now: datetime | None = None,
    reference: Reference | None = None,
    rules: CommendationRules | None = None,
    number: int | None = None,
    deck: bool | None = None,
    stem: str | None = None,
) -> PeriodExport:
    """Write <stem>.docx, .xlsx and (a year, or `deck`) .pptx into `out_dir` and log it.

    Raises InvalidPeriod (message in Vietnamese) for a period not begun. python-docx,
    openpyxl and python-pptx load here, not when the supervisor's window starts.
    """
    from console.exports.period_docx import build_period_docx
    from console.exports.period_pptx import build_period_pptx
    from console.exports.period_tables import all_tables
    from console.exports.weekly_xlsx import write_tables

    moment = now or utcnow()
    figures = period_figures(cache, period, now=moment, reference=reference, rules=rules)
    stem = stem or default_stem(period)
    issued = local_date(moment)
    docx = build_period_docx(figures, out_dir / f"{stem}.docx", issued, number=number)
    xlsx = write_tables(
        all_tables(figures),
        out_dir / f"{stem}.xlsx",
        caption=f"{period.name.capitalize()} ({period.dates})",
        title=f"Báo cáo {period.name}",
    )
    pptx = None
    if deck if deck is not None else period.kind == "year":
        pptx = build_period_pptx(figures, out_dir / f"{stem}.pptx", issued)
    current = figures.current
    cache.audit(
        actor,
        "export_period",
        {
            "period": period.label,
            "files": [str(p) for p in (docx, xlsx, pptx) if p is not None],
            "received": current.received.total,
            "handled": current.handled.total,
            "overdue": current.outstanding.overdue,
            "proposed_units": [s.key for s in figures.units if s.proposed],
            "proposed_wards": [s.key for s in figures.wards if s.proposed],
        },
    )
    return PeriodExport(docx=docx, xlsx=xlsx, pptx=pptx, figures=figures)
