"""Where exports go: one folder for the weekly report and the press briefing (the setting
`exports_dir`), and the save dialog that asks for each file, pre-filled with that folder and
the document's own name, remembering the folder chosen."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from console.config import Settings, SettingsError, remember_exports_dir

log = logging.getLogger(__name__)


class ExportPlace:
    """`ask=False` skips the save dialog and writes straight into the folder (scripts and
    tests that are not about the dialog). `native=False` uses Qt's own dialog, which a test
    can drive with key events."""

    def __init__(
        self,
        folder: Path,
        *,
        settings: Settings | None = None,
        ask: bool = True,
        native: bool = True,
    ) -> None:
        self.folder = folder
        self.settings = settings
        self.ask = ask
        self.native = native
        self.dialog: QFileDialog | None = None

    @classmethod
    def of(cls, settings: Settings) -> ExportPlace:
        return cls(settings.exports_dir, settings=settings)

    def choose_file(
        self,
        parent: QWidget,
        title: str,
        name: str,
        name_filter: str,
        on_chosen: Callable[[Path], None],
    ) -> None:
        """Ask where to save `name` (non-blocking); `on_chosen(path)` once the user agrees."""
        if not self.ask:
            on_chosen(self.folder / name)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        dialog = QFileDialog(parent, title, str(self.folder), name_filter)
        dialog.setObjectName("exportSaveDialog")
        # The option first: setting it later rebuilds the dialog's widgets in open mode.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(Path(name).suffix.lstrip("."))
        dialog.selectFile(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(path: str) -> None:
            self.remember(Path(path).parent)
            on_chosen(Path(path))

        dialog.fileSelected.connect(chosen)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def remember(self, folder: Path) -> None:
        self.folder = folder
        if self.settings is None:
            return
        try:
            self.settings = remember_exports_dir(self.settings, folder)
        except (OSError, SettingsError) as exc:  # the export itself still goes ahead
            log.warning("could not remember the exports folder %s: %s", folder, exc)


def open_folder(parent: QWidget, folder: Path) -> bool:
    """Open `folder` in the desktop's file manager; where nothing can (no launcher, a bare
    desktop, a remote session) say so, with the path the user can select and copy."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(parent)
    box.setObjectName("openFolderFailed")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ExportPlace", "Open folder"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(
            "ExportPlace", "This computer has no program to open the folder. The files are in:"
        )
        + f"\n{folder}"
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False
