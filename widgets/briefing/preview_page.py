"""The last two pages: the whole pack previewed as its PDF, then the export itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from console.exports.briefing import default_stem
from widgets.briefing.host import BriefingHost


class PreviewPage(QWizardPage):
    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Document preview"))
        self.setSubTitle(
            self.tr("The whole document as printed; photos blurred, personal data hidden.")
        )
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Building the document..."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        self.document.close()
        self.status.setText(self.tr("Building the document..."))
        self.owner.build_preview()

    def show_preview(self, pdf: Path, summary: str) -> None:
        self.document.load(str(pdf))
        self.status.setText(summary)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    def isComplete(self) -> bool:
        return self.owner.pack is not None and self.document.pageCount() > 0


class ExportPage(QWizardPage):
    """Export asks where to save the PDF (in the exports folder, the pack's own name); the
    DOCX, PPTX and manifest go beside it under the same name."""

    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Export the document"))
        self.setSubTitle(
            self.tr("PDF to print, DOCX to edit, PPTX to present, with a list of contents.")
        )
        self.export_button = QPushButton(self.tr("Save the documents…"))
        self.export_button.setObjectName("briefingExport")
        self.export_button.clicked.connect(self._export)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("briefingExportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.export_button)
        layout.addWidget(self.status, 1)
        self.setFinalPage(True)

    def _export(self) -> None:
        pack = self.owner.pack
        if pack is None:
            return
        self.owner.exports.choose_file(
            self,
            self.tr("Save the press documents"),
            f"{default_stem(pack)}.pdf",
            self.tr("PDF documents (*.pdf)"),
            self._export_to,
        )

    def _export_to(self, pdf: Path) -> None:
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting..."))
        self.owner.export_to(pdf)

    def show_done(self, files: list[Path]) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("Exported and logged:\n{0}").format("\n".join(str(f) for f in files))
        )
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(message)

    def isComplete(self) -> bool:
        return self.owner.export is not None
