"""The map's note when its tiles do not load, in the console's language (live switching too).

The page draws and shows the note itself (console/resources/map/paht_offline.js, starting in
Vietnamese); this gives it the words of the language the operator chose.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView


class TileNote(QObject):
    """Sends the note's text to `view`'s page when it is ready and when the language changes."""

    def __init__(self, view: QWebEngineView, ready: SignalInstance) -> None:
        super().__init__(view)
        self._view = view
        ready.connect(self.send)
        view.installEventFilter(self)

    def text(self) -> str:
        return self.tr(
            "The map background could not be loaded — showing positions on a blank background. "
            "Set PAHT_TILES_URL to use an in-house map server."
        )

    def send(self) -> None:
        script = f"window.pahtOffline && pahtOffline.setNoteText({json.dumps(self.text())})"
        page = self._view.page()
        if page.lifecycleState() is not QWebEnginePage.LifecycleState.Discarded:
            page.runJavaScript(script, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.send()
        return False
