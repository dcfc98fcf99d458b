"""Walking what a window shows, for test_english_everywhere.py: every text an operator can
read (labels, buttons, headers, cells, combo items, tabs, titles, tooltips, menus, charts),
and the Vietnamese left in it once proper names and citizens' text are set aside."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QChartView, QHorizontalBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from console.domain.reference import Reference

#: Combining marks of Vietnamese letters: breve, circumflex, horn and the five tones.
VI_MARKS = {"\u0306", "\u0302", "\u031b", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
WORD = re.compile(r"\w+")
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def vietnamese(word: str) -> bool:
    if "đ" in word.lower():
        return True
    return any(m in VI_MARKS for m in unicodedata.normalize("NFD", word))


def proper_words(reference: Reference) -> set[str]:
    """Vietnamese words of the names English keeps (Huế, Phú Xuân Ward, Thuận Hóa...)."""
    names: list[str] = []
    for items in (reference.wards, reference.units, reference.categories):
        names.extend(item.name_en or "" for item in items)
    names.extend(reference.channels_en.values())
    return {w for name in names for w in WORD.findall(name) if vietnamese(w)}


class Leftovers:
    """Collects, per window, the texts that still hold Vietnamese words not allowed."""

    def __init__(self, words: set[str], citizen_text: Iterable[str]) -> None:
        self.words = words
        #: Longest first, so a title is removed before a shorter text inside it.
        self.citizen_text = sorted({t for t in citizen_text if t}, key=len, reverse=True)
        self.found: dict[str, list[str]] = {}

    def check(self, where: str, texts: Iterable[str]) -> None:
        for text in texts:
            rest = text
            for allowed in self.citizen_text:
                rest = rest.replace(allowed, " ")
            if any(vietnamese(w) and w not in self.words for w in WORD.findall(rest)):
                self.found.setdefault(where, []).append(text)

    def walk(self, where: str, widget: QWidget, documents: Iterable[str] = ()) -> None:
        """Checks what `widget` shows; widgets named in `documents` hold a document that
        leaves the Center (a reply, a notice to a unit), which stays Vietnamese."""
        self.check(where, shown_texts(widget, set(documents)))


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    found: list[str] = []
    for column in range(model.columnCount()):
        for role in ROLES:
            found.append(str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""))
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                found.extend(str(index.data(role) or "") for role in ROLES)
            first = model.index(row, 0, parent)
            if first.isValid() and model.rowCount(first) > 0:
                pending.append(first)
    return found


def _chart_texts(view: QChartView) -> list[str]:
    chart = view.chart()
    found = [chart.title()]
    for axis in chart.axes():
        found.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            found.extend(axis.categories())
    for series in chart.series():
        found.append(series.name())
        if isinstance(series, QBarSeries | QHorizontalBarSeries):
            found.extend(bar_set.label() for bar_set in series.barSets())
    return found


def _inside(widget: QWidget, documents: set[str]) -> bool:
    """True when `widget` or one of its parents is a document."""
    seen: QWidget | None = widget
    while seen is not None:
        if seen.objectName() in documents:
            return True
        seen = seen.parentWidget()
    return False


def shown_texts(widget: QWidget, documents: set[str]) -> list[str]:
    """Every text `widget` and its visible children show, with their actions and menus."""
    found = [widget.windowTitle()]
    for action in widget.findChildren(QAction):
        found.extend((action.text(), action.toolTip(), action.statusTip()))
        if action.menu() is not None:
            found.append(action.menu().title())
    if isinstance(widget, QWizard):
        for page_id in widget.pageIds():
            page = widget.page(page_id)
            found.extend((page.title(), page.subTitle()))
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible() or _inside(child, documents):
            continue
        found.append(child.toolTip())
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QDockWidget):
            found.append(child.windowTitle())
        elif isinstance(child, QLineEdit):
            found.extend((child.text(), child.placeholderText()))
        elif isinstance(child, QPlainTextEdit):
            found.extend((child.toPlainText(), child.placeholderText()))
        elif isinstance(child, QTextEdit):
            found.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            found.extend(child.itemText(n) for n in range(child.count()))
        elif isinstance(child, QTabBar):
            for n in range(child.count()):
                found.extend((child.tabText(n), child.tabToolTip(n)))
        elif isinstance(child, QChartView):
            found.extend(_chart_texts(child))
        if isinstance(child, QAbstractItemView):
            found.extend(_model_texts(child))
    return [text for text in found if text]
