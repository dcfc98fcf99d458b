"""The last two pages: the whole pack previewed as its PDF, then the export itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

if TYPE_CHECKING:
    from widgets.briefing.wizard import BriefingWizard


class PreviewPage(QWizardPage):
    def __init__(self, wizard: BriefingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Xem trước tài liệu"))
        self.setSubTitle(
            self.tr("Toàn bộ tài liệu như khi in; ảnh đã làm mờ, thông tin cá nhân đã ẩn.")
        )
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Đang dựng tài liệu..."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        self.document.close()
        self.status.setText(self.tr("Đang dựng tài liệu..."))
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
    def __init__(self, wizard: BriefingWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Xuất tài liệu"))
        self.setSubTitle(self.tr("PDF để in, DOCX để chỉnh sửa, PPTX để trình chiếu, kèm bảng kê."))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.folder = QLineEdit(str(Path(documents or Path.home()) / "thong-tin-bao-chi"))
        browse = QPushButton(self.tr("Chọn thư mục..."))
        browse.clicked.connect(self._browse)
        self.export_button = QPushButton(self.tr("Xuất tài liệu"))
        self.export_button.clicked.connect(self._export)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.export_button)
        layout.addWidget(self.status, 1)
        self.setFinalPage(True)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Thư mục lưu tài liệu"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _export(self) -> None:
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Đang xuất..."))
        self.owner.export_to(Path(self.folder.text()))

    def show_done(self, files: list[Path]) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("Đã xuất và ghi nhật ký:\n{0}").format("\n".join(str(f) for f in files))
        )
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(message)

    def isComplete(self) -> bool:
        return self.owner.export is not None
