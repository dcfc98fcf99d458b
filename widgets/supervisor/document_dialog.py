"""What the weekly and the period report dialogs share: a read-only preview of the export's own
tables, computed in the background; a status line; Export (the DOCX is chosen, the other files
go beside it under its name), Open folder, Close."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.reference import Reference
from console.store import Cache
from widgets.export_place import ExportPlace, open_folder
from widgets.supervisor.common import tr
from widgets.tasks import TaskRunner


class DocumentDialog(QDialog):
    """Signals: `previewed()` when a preview is shown, `exported(result)`, `failed(str)` with
    the reason in Vietnamese. A subclass says what is chosen and how to compute, show and export
    it; its widgets' object names start with `name`."""

    previewed = Signal()
    exported = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        name: str,
        cache: Cache,
        reference: Reference,
        actor: str,
        runner: TaskRunner,
        exports: ExportPlace,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Dialog")
        self.cache, self.reference, self.actor = cache, reference, actor
        self.runner, self.exports, self.now = runner, exports, now
        self.last_export: Any = None
        self.preview = QTextBrowser(self)
        self.preview.setObjectName(f"{name}Preview")
        self.preview.setReadOnly(True)
        self.preview.setOpenLinks(False)
        self.status = QLabel(self)
        self.status.setObjectName(f"{name}Status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName(f"{name}Export")
        self.open_button = QPushButton(tr("Open folder"), self)
        self.open_button.setObjectName(f"{name}OpenFolder")
        self.open_button.setEnabled(False)
        self.close_button = QPushButton(tr("Close"), self)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

    def lay_out(self, top: QLayout, *between: QWidget) -> None:
        """`top`, then `between` (notes above the preview), the preview, status and buttons."""
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.export_button, self.open_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for widget in between:
            layout.addWidget(widget)
        layout.addWidget(self.preview, 1)
        layout.addLayout(bottom)

    # -- what a subclass says -------------------------------------------------------------

    def chosen(self) -> Any:
        raise NotImplementedError

    def figures_task(self) -> Callable[[], Any]:
        """Computes the chosen span's figures (on the runner's thread)."""
        raise NotImplementedError

    def figures_of(self, figures: Any) -> tuple[Any, str]:
        """Which span `figures` are of, and their preview's HTML."""
        raise NotImplementedError

    def export_task(self, docx: Path) -> Callable[[], Any]:
        raise NotImplementedError

    def written(self, result: Any) -> str:
        """The status line once `result`'s files are written."""
        raise NotImplementedError

    def save_texts(self) -> tuple[str, str]:
        """The save dialog's title and the DOCX's default name."""
        raise NotImplementedError

    def failure(self) -> str:
        """The message a failure shows, with %1 for its reason."""
        return tr("Could not prepare the report: %1")

    # -- the common steps -----------------------------------------------------------------

    def refresh(self) -> None:
        self.preview.setPlainText(tr("Computing the figures…"))
        self.runner.run(self.figures_task(), on_done=self._show, on_error=self._failed)

    def _show(self, figures: Any) -> None:
        span, page = self.figures_of(figures)
        if span != self.chosen():
            return
        self.preview.setHtml(page)
        self.previewed.emit()

    def _failed(self, exc: BaseException) -> None:
        message = self.failure().replace("%1", str(exc))
        self.status.setText(message)
        self.export_button.setEnabled(True)
        self.failed.emit(message)

    def export(self) -> None:
        title, name = self.save_texts()
        self.exports.choose_file(self, title, name, tr("Word documents (*.docx)"), self._export_to)

    def _export_to(self, docx: Path) -> None:
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.status.setText(tr("Exporting…"))
        docx.parent.mkdir(parents=True, exist_ok=True)
        self.runner.run(self.export_task(docx), on_done=self._exported, on_error=self._failed)

    def _exported(self, result: Any) -> None:
        self.last_export = result
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(self.written(result))
        self.exported.emit(result)

    def open_folder(self) -> None:
        if self.last_export is not None:
            open_folder(self, self.last_export.docx.parent)
