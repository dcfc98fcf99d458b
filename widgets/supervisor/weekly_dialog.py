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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.hue_time import time_text
from console.domain.reference import Reference
from console.exports.weekly import WeeklyExport, default_stem, export_weekly, weekly_figures
from console.exports.weekly_model import WeeklyFigures
from console.exports.weekly_tables import Cell, FigureTable, all_tables
from console.exports.weekly_week import Week, week_of
from console.store import Cache
from widgets.export_place import ExportPlace, open_folder
from widgets.supervisor.common import tr
from widgets.tasks import TaskRunner

WEEKS_OFFERED = 12


def _cell(value: Cell) -> str:
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, float):
        # Rates carry one decimal, average ratings two.
        return f"{value:.{1 if round(value, 1) == value else 2}f}".replace(".", ",")
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


class WeeklyDialog(QDialog):
    """Signals: `previewed()` when a preview is shown, `exported(WeeklyExport)`,
    `failed(str)` with the reason in Vietnamese."""

    previewed = Signal()
    exported = Signal(object)
    failed = Signal(str)

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
        super().__init__(parent)
        self.setObjectName("weeklyDialog")
        self.setWindowTitle(tr("Weekly report"))
        self.resize(900, 700)
        self.cache = cache
        self.reference = reference
        self.actor = actor
        self.runner = runner
        self.exports = exports
        self.now = now
        self.last_export: WeeklyExport | None = None

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
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("weeklyPreview")
        self.preview.setReadOnly(True)
        self.preview.setOpenLinks(False)
        self.status = QLabel(self)
        self.status.setObjectName("weeklyStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(tr("Export DOCX and XLSX"), self)
        self.export_button.setObjectName("weeklyExport")
        self.open_button = QPushButton(tr("Open folder"), self)
        self.open_button.setObjectName("weeklyOpenFolder")
        self.open_button.setEnabled(False)
        close = QPushButton(tr("Close"), self)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Week"), self))
        top.addWidget(self.week, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)

        self.week.currentIndexChanged.connect(lambda _index: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)

    def chosen_week(self) -> Week:
        week: Week = self.week.currentData()
        return week

    def refresh(self) -> None:
        self.preview.setPlainText(tr("Computing the figures…"))
        task = functools.partial(
            weekly_figures, self.cache, self.chosen_week(), now=self.now(), reference=self.reference
        )
        self.runner.run(task, on_done=self._show, on_error=self._failed)

    def _show(self, figures: WeeklyFigures) -> None:
        if figures.week != self.chosen_week():
            return
        self.preview.setHtml(preview_html(figures))
        self.previewed.emit()

    def _failed(self, exc: BaseException) -> None:
        message = tr("Could not prepare the weekly report: %1").replace("%1", str(exc))
        self.status.setText(message)
        self.export_button.setEnabled(True)
        self.failed.emit(message)

    def export(self) -> None:
        """Ask where to save the DOCX (the XLSX goes beside it, same name), then export."""
        self.exports.choose_file(
            self,
            tr("Save the weekly report"),
            f"{default_stem(self.chosen_week())}.docx",
            tr("Word documents (*.docx)"),
            self._export_to,
        )

    def _export_to(self, docx: Path) -> None:
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))
        task = functools.partial(
            export_weekly,
            self.cache,
            self.chosen_week().label,
            docx.parent,
            actor=self.actor,
            now=self.now(),
            reference=self.reference,
            stem=docx.stem,
        )
        docx.parent.mkdir(parents=True, exist_ok=True)
        self.runner.run(task, on_done=self._exported, on_error=self._failed)

    def _exported(self, result: WeeklyExport) -> None:
        self.last_export = result
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(
            tr("Written: %1 and %2").replace("%1", result.docx.name).replace("%2", result.xlsx.name)
        )
        self.exported.emit(result)

    def open_folder(self) -> None:
        if self.last_export is not None:
            open_folder(self, self.last_export.docx.parent)
