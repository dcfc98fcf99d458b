"""The main window's menus, toolbar and shortcuts.

F5 (or Ctrl+R) syncs, Ctrl+F searches the queue, Ctrl+1/2/3 show the queue, details and
map, Ctrl+H toggles the heat map, Ctrl+0 shows every marker, Ctrl+Shift+V opens the video wall, Ctrl+Q quits, F1 lists every
shortcut. The role's own work (triage, supervision) sits between View and Language. Texts are
set in `retranslate`, again on every LanguageChange.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle

from widgets.i18n import LANGUAGES

if TYPE_CHECKING:
    from widgets.role_tools import RoleTools

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass(frozen=True)
class MenuSlots:
    """What the menus' actions call: the menus know these, never the window's class."""

    sync_now: Callable[[], Any]
    focus_search: Callable[[], Any]
    quit: Callable[[], Any]
    set_heatmap: Callable[[bool], Any]
    fit_all: Callable[[], Any]
    reset_layout: Callable[[], Any]
    show_shortcuts: Callable[[], Any]
    about: Callable[[], Any]
    choose_language: Callable[[str], Any]
    open_wall: Callable[[], Any]
    #: The language the window shows now (checked in the Language menu).
    language: Callable[[], str]


class WindowMenus(QObject):
    """Menus and toolbar on `window`; `docks` (queue, details, map) get Ctrl+1/2/3."""

    def __init__(self, window: QMainWindow, slots: MenuSlots, docks: Sequence[QDockWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._slots = slots
        self.sync = self._action(slots.sync_now, "F5", QStyle.StandardPixmap.SP_BrowserReload)
        self.sync.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.search = self._action(
            slots.focus_search, "Ctrl+F", QStyle.StandardPixmap.SP_FileDialogContentsView
        )
        self.quit = self._action(slots.quit, "Ctrl+Q")
        self.heat = self._action(slots.set_heatmap, "Ctrl+H")
        self.heat.setCheckable(True)
        self.fit = self._action(slots.fit_all, "Ctrl+0")
        self.reset_layout = self._action(slots.reset_layout)
        self.wall = self._action(slots.open_wall, "Ctrl+Shift+V")
        self.shortcuts = self._action(slots.show_shortcuts, "F1")
        self.about = self._action(slots.about)

        bar = window.menuBar()
        file_menu = bar.addMenu("")
        self.file_menu = file_menu
        file_menu.addAction(self.sync)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        view_menu = bar.addMenu("")
        self.view_menu = view_menu
        view_menu.addAction(self.search)
        for key, dock in zip(("Ctrl+1", "Ctrl+2", "Ctrl+3"), docks, strict=True):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(key))
            view_menu.addAction(toggle)
        view_menu.addSeparator()
        for act in (self.heat, self.fit, self.reset_layout):
            view_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.wall)

        self.toolbar = window.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.sync, self.search, self.heat, self.fit):
            self.toolbar.addAction(act)

        language_menu = bar.addMenu("")
        self.language_menu = language_menu
        group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for code in LANGUAGES:
            act = QAction(LANGUAGE_NAMES[code], window)
            act.setCheckable(True)
            act.setChecked(code == slots.language())
            act.triggered.connect(lambda _=False, c=code: slots.choose_language(c))
            group.addAction(act)
            language_menu.addAction(act)
            self.languages[code] = act

        help_menu = bar.addMenu("")
        self.help_menu = help_menu
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)
        self.retranslate()

    def retranslate(self) -> None:
        self.sync.setText(self.tr("&Sync now"))
        self.sync.setToolTip(self.tr("Sync with the central API now (F5)"))
        self.search.setText(self.tr("&Search the queue"))
        self.quit.setText(self.tr("&Quit"))
        self.heat.setText(self.tr("&Heat map"))
        self.fit.setText(self.tr("Show &all markers"))
        self.reset_layout.setText(self.tr("&Reset layout"))
        self.wall.setText(self.tr("Video &wall"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.about.setText(self.tr("&About PAHT Console"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        for code, act in self.languages.items():
            act.setChecked(code == self._slots.language())

    def event(self, event: QEvent) -> bool:
        """The window passes LanguageChange on to its children, this object among them."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().event(event)

    def add_role_tools(self, tools: RoleTools) -> None:
        """The role's menus go between View and Language, its actions onto the toolbar."""
        tools.add_menus(self._window.menuBar(), self.toolbar, self.language_menu.menuAction())

    def _action(
        self,
        slot: Any,
        shortcut: str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        act = QAction(self._window)
        if icon is not None:
            act.setIcon(self._window.style().standardIcon(icon))
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        return act
