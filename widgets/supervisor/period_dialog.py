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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from console.domain.hue_time import local_date
from console.domain.reference import Reference
from console.exports.period import PeriodExport, default_stem, export_period, period_figures
from console.exports.period_figures import PeriodFigures
from console.exports.period_rules import CommendationRules, load_rules
from console.exports.period_span import ReportPeriod
from console.exports.period_tables import proposal_table, summary_table, unit_ranking, ward_ranking
from console.store import Cache
from widgets.export_place import ExportPlace
from widgets.supervisor.common import tr
from widgets.supervisor.document_dialog import DocumentDialog
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


class PeriodDialog(DocumentDialog):
    """Signals (DocumentDialog): `previewed()`, `exported(PeriodExport)`, `failed(str)`."""

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
        rules = load_rules()  # before any widget: unreadable rules raise RulesError
        super().__init__("period", cache, reference, actor, runner, exports, now, parent)
        self.setWindowTitle(tr("Period reports"))
        self.resize(1000, 760)
        self.rules = rules
        self.export_button.setText(tr("Export…"))
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
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Report for"), self))
        top.addWidget(self.kind)
        top.addWidget(self.period, 1)
        top.addWidget(self.deck)
        self.lay_out(top, self.rules_label)
        self._fill_periods()
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())

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

    def figures_task(self) -> Callable[[], PeriodFigures]:
        return functools.partial(
            period_figures,
            self.cache,
            self.chosen(),
            now=self.now(),
            reference=self.reference,
            rules=self.rules,
        )

    def figures_of(self, figures: PeriodFigures) -> tuple[ReportPeriod, str]:
        return figures.period, preview_html(figures)

    def save_texts(self) -> tuple[str, str]:
        """The XLSX and the PPTX go beside the DOCX, same name."""
        return tr("Save the report"), f"{default_stem(self.chosen())}.docx"

    def export_task(self, docx: Path) -> Callable[[], PeriodExport]:
        return functools.partial(
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

    def written(self, result: PeriodExport) -> str:
        names = ", ".join(p.name for p in (result.docx, result.xlsx, result.pptx) if p)
        return tr("Written: %1").replace("%1", names)
