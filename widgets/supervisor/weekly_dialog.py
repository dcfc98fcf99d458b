"""The weekly report to the City People's Committee from the GUI: pick a week (the last
finished one first), read its tables in a read-only preview, choose where to save, export the
DOCX and XLSX in the background, open the folder.

The figures and tables are the export's own (console.exports), so the preview shows exactly
what the documents will say. Every cell is escaped: titles are citizens' text.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from console.domain.hue_time import time_text
from console.domain.reference import Reference
from console.exports.vn_text import Rounded, vn_number
from console.exports.weekly import WeeklyExport, default_stem, export_weekly, weekly_figures
from console.exports.weekly_model import WeeklyFigures
from console.exports.weekly_tables import Cell, FigureTable, all_tables
from console.exports.weekly_week import Week, week_of
from console.store import Cache
from widgets.export_place import ExportPlace
from widgets.supervisor.common import tr
from widgets.supervisor.document_dialog import DocumentDialog
from widgets.tasks import TaskRunner

WEEKS_OFFERED = 12


def _cell(value: Cell) -> str:
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, Rounded):
        return vn_number(value, value.places)
    return str(value)


def preview_html(figures: WeeklyFigures) -> str:
    """The week's tables as simple HTML (escaped), for a read-only QTextBrowser."""
    week = figures.week
    parts = [
        f"<h2>{html.escape(tr('Weekly report'))} {week.label} "
        f"({week.monday:%d/%m/%Y} – {week.sunday:%d/%m/%Y})</h2>"
    ]
    if not figures.complete:
        note = tr("The week is not over: figures run to %1.")
        parts.append(f"<p><i>{html.escape(note.replace('%1', _cell(figures.cut)))}</i></p>")
    parts.extend(table_html(table) for table in all_tables(figures))
    return "\n".join(parts)


def table_html(table: FigureTable) -> str:
    """One table with its title, every cell escaped."""
    parts = [f"<h3>{html.escape(table.title)}</h3>"]
    parts.append('<table border="1" cellspacing="0" cellpadding="3">')
    parts.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in table.header) + "</tr>")
    for row in table.rows:
        cells = "".join(f"<td>{html.escape(_cell(c))}</td>" for c in row)
        parts.append(f"<tr>{cells}</tr>")
    if not table.rows:
        parts.append(f'<tr><td colspan="{len(table.header)}">—</td></tr>')
    parts.append("</table>")
    return "\n".join(parts)


class WeeklyDialog(DocumentDialog):
    """Signals (DocumentDialog): `previewed()`, `exported(WeeklyExport)`, `failed(str)`."""

    def __init__(
        self,
        cache: Cache,
        reference: Reference,
        actor: str,
        runner: TaskRunner,
        exports: ExportPlace,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("weekly", cache, reference, actor, runner, exports, now, parent)
        self.setWindowTitle(tr("Weekly report"))
        self.resize(900, 700)
        self.export_button.setText(tr("Export DOCX and XLSX"))
        self.week = QComboBox(self)
        self.week.setObjectName("weeklyWeek")
        today = now()
        for back in range(WEEKS_OFFERED):
            week = week_of(today - timedelta(weeks=back))
            label = f"{week.label} ({week.monday:%d/%m} – {week.sunday:%d/%m/%Y})"
            self.week.addItem(tr("%1, not over yet").replace("%1", label) if back == 0 else label)
            self.week.setItemData(back, week)
        # The week being lived has no complete figures yet: the last finished one comes first.
        self.week.setCurrentIndex(1)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Week"), self))
        top.addWidget(self.week, 1)
        self.lay_out(top)
        self.week.currentIndexChanged.connect(lambda _index: self.refresh())

    def chosen(self) -> Week:
        week: Week = self.week.currentData()
        return week

    chosen_week = chosen

    def figures_task(self) -> Callable[[], WeeklyFigures]:
        return functools.partial(
            weekly_figures, self.cache, self.chosen(), now=self.now(), reference=self.reference
        )

    def figures_of(self, figures: WeeklyFigures) -> tuple[Week, str]:
        return figures.week, preview_html(figures)

    def failure(self) -> str:
        return tr("Could not prepare the weekly report: %1")

    def save_texts(self) -> tuple[str, str]:
        return tr("Save the weekly report"), f"{default_stem(self.chosen())}.docx"

    def export_task(self, docx: Path) -> Callable[[], WeeklyExport]:
        """The DOCX where asked, the XLSX beside it under the same name."""
        return functools.partial(
            export_weekly,
            self.cache,
            self.chosen().label,
            docx.parent,
            actor=self.actor,
            now=self.now(),
            reference=self.reference,
            stem=docx.stem,
        )

    def written(self, result: WeeklyExport) -> str:
        return (
            tr("Written: %1 and %2").replace("%1", result.docx.name).replace("%2", result.xlsx.name)
        )
