"""The period reports from the GUI: pick a month, a quarter or a year (the last finished one
first), read the summary, the rankings and who the commendation rules propose, with the rules
themselves shown as the Center wrote them; export the DOCX and XLSX (and the conference deck,
on by default for a year) in the background; open the folder.

Figures, tables and rules are the export's own (console.exports.period*), so the preview says
what the documents will say.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.hue_time import local_date
from console.domain.reference import Reference
from console.exports.period import PeriodExport, default_stem, export_period, period_figures
from console.exports.period_figures import PeriodFigures
from console.exports.period_rules import CommendationRules, load_rules
from console.exports.period_span import ReportPeriod
from console.exports.period_tables import proposal_table, summary_table, unit_ranking, ward_ranking
from console.store import Cache
from widgets.export_place import ExportPlace, open_folder
from widgets.supervisor.common import tr
from widgets.supervisor.weekly_dialog import table_html
from widgets.tasks import TaskRunner

#: How many of each kind the picker offers, the one under way first.
OFFERED = {"month": 13, "quarter": 8, "year": 4}


def offered(kind: str, today: date) -> list[ReportPeriod]:
    """The periods of `kind` up to the one holding `today`, newest first."""
    periods = []
    for back in range(OFFERED[kind]):
        if kind == "month":
            months = today.year * 12 + today.month - 1 - back
            periods.append(ReportPeriod.month(months // 12, months % 12 + 1))
        elif kind == "quarter":
            quarters = today.year * 4 + (today.month - 1) // 3 - back
            periods.append(ReportPeriod.quarter(quarters // 4, quarters % 4 + 1))
        else:
            periods.append(ReportPeriod.year(today.year - back))
    return periods


def rules_text(rules: CommendationRules) -> str:
    units = "; ".join(rules.units.criteria())
    wards = "; ".join(rules.wards.criteria())
    return (
        tr("Proposed for commendation: units with %1. Wards with %2.")
        .replace("%1", units)
        .replace("%2", wards)
    )


def preview_html(p: PeriodFigures) -> str:
    parts = [f"<h2>{html.escape(p.period.name.capitalize())} ({html.escape(p.period.dates)})</h2>"]
    for table in (summary_table(p), proposal_table(p), unit_ranking(p), ward_ranking(p)):
        parts.append(table_html(table))
    return "\n".join(parts)


class PeriodDialog(QDialog):
    """Signals: `previewed()`, `exported(PeriodExport)`, `failed(str)` (Vietnamese)."""

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
        self.setObjectName("periodDialog")
        self.setWindowTitle(tr("Period reports"))
        self.resize(1000, 760)
        self.cache, self.reference, self.actor = cache, reference, actor
        self.runner, self.exports, self.now = runner, exports, now
        self.rules = load_rules()
        self.last_export: PeriodExport | None = None

        self.kind = QComboBox(self)
        self.kind.setObjectName("periodKind")
        for key, label in (
            ("month", tr("Month")),
            ("quarter", tr("Quarter")),
            ("year", tr("Year")),
        ):
            self.kind.addItem(label, key)
        self.period = QComboBox(self)
        self.period.setObjectName("periodChoice")
        self.deck = QCheckBox(tr("With the conference slides (PPTX)"), self)
        self.deck.setObjectName("periodDeck")
        self.rules_label = QLabel(rules_text(self.rules), self)
        self.rules_label.setObjectName("periodRules")
        self.rules_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rules_label.setWordWrap(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("periodPreview")
        self.preview.setOpenLinks(False)
        self.status = QLabel(self)
        self.status.setObjectName("periodStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.setObjectName("periodExport")
        self.open_button = QPushButton(tr("Open folder"), self)
        self.open_button.setObjectName("periodOpenFolder")
        self.open_button.setEnabled(False)
        close = QPushButton(tr("Close"), self)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Report for"), self))
        top.addWidget(self.kind)
        top.addWidget(self.period, 1)
        top.addWidget(self.deck)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.export_button, self.open_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)

        self._fill_periods()
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)

    def _fill_periods(self) -> None:
        kind = str(self.kind.currentData())
        self.period.blockSignals(True)
        self.period.clear()
        for i, period in enumerate(offered(kind, local_date(self.now()))):
            label = f"{period.name} ({period.first:%d/%m/%Y} – {period.last:%d/%m/%Y})"
            self.period.addItem(tr("%1, under way").replace("%1", label) if i == 0 else label)
            self.period.setItemData(i, period)
        # The period being lived has no complete figures yet: the last finished one comes first.
        self.period.setCurrentIndex(1)
        self.period.blockSignals(False)
        self.deck.setChecked(kind == "year")
        self.refresh()

    def chosen(self) -> ReportPeriod:
        period: ReportPeriod = self.period.currentData()
        return period

    def refresh(self) -> None:
        self.preview.setPlainText(tr("Computing the figures…"))
        task = functools.partial(
            period_figures,
            self.cache,
            self.chosen(),
            now=self.now(),
            reference=self.reference,
            rules=self.rules,
        )
        self.runner.run(task, on_done=self._show, on_error=self._failed)

    def _show(self, figures: PeriodFigures) -> None:
        if figures.period != self.chosen():
            return
        self.preview.setHtml(preview_html(figures))
        self.previewed.emit()

    def _failed(self, exc: BaseException) -> None:
        message = tr("Could not prepare the report: %1").replace("%1", str(exc))
        self.status.setText(message)
        self.export_button.setEnabled(True)
        self.failed.emit(message)

    def export(self) -> None:
        """Ask where to save the DOCX (the XLSX and PPTX go beside it, same name)."""
        self.exports.choose_file(
            self,
            tr("Save the report"),
            f"{default_stem(self.chosen())}.docx",
            tr("Word documents (*.docx)"),
            self._export_to,
        )

    def _export_to(self, docx: Path) -> None:
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))
        task = functools.partial(
            export_period,
            self.cache,
            self.chosen(),
            docx.parent,
            actor=self.actor,
            now=self.now(),
            reference=self.reference,
            rules=self.rules,
            deck=self.deck.isChecked(),
            stem=docx.stem,
        )
        self.runner.run(task, on_done=self._exported, on_error=self._failed)

    def _exported(self, result: PeriodExport) -> None:
        self.last_export = result
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        names = ", ".join(p.name for p in (result.docx, result.xlsx, result.pptx) if p)
        self.status.setText(tr("Written: %1").replace("%1", names))
        self.exported.emit(result)

    def open_folder(self) -> None:
        if self.last_export is not None:
            open_folder(self, self.last_export.docx.parent)
