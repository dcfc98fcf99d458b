"""The keyboard shortcut sheet (F1): every shortcut the window has, grouped by menu.

It is read from the window's live QActions and QShortcuts each time it opens, never from a
list of its own, so it cannot drift from what the keys really do; texts are the actions' own,
in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str]


def plain(text: str) -> str:
    """A menu text without its accelerator marks ("&Sync now" -> "Sync now")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences: list[QKeySequence]) -> list[str]:
    return [
        s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()
    ]


def _actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _actions(sub)
        elif not action.isSeparator():
            yield action


def shortcut_groups(window: QMainWindow, other: str) -> list[tuple[str, list[Row]]]:
    """(menu title, [(keys, what it does)]) for each menu with shortcuts, in menu-bar order;
    then `other`: the window's actions and QShortcuts outside the menus (a QShortcut that
    stands in for a menu action on the same key is that action, listed once)."""
    groups: list[tuple[str, list[Row]]] = []
    seen: set[str] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = []
        for action in _actions(menu):
            keys = _keys(action.shortcuts())
            if keys and not seen.issuperset(keys):
                rows.append((", ".join(keys), plain(action.text())))
                seen.update(keys)
        if rows:
            groups.append((plain(menu.title()), rows))
    rest: list[Row] = []
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys and not seen.issuperset(keys) and action.text():
            rest.append((", ".join(keys), plain(action.text())))
            seen.update(keys)
    for shortcut in window.findChildren(QShortcut):
        keys = _keys([shortcut.key()])
        if keys and not seen.issuperset(keys) and shortcut.whatsThis():
            rest.append((", ".join(keys), shortcut.whatsThis()))
            seen.update(keys)
    if rest:
        groups.append((other, rest))
    return groups


class ShortcutSheet(QDialog):
    """Non-modal: the operator may keep it open beside the queue; Esc or Close shuts it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutSheet")
        self._window = window
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        self.resize(560, 620)
        self.fill()

    def fill(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for title, rows in shortcut_groups(self._window, self.tr("Other")):
            group = QTreeWidgetItem(self.tree, [title])
            group.setFont(0, bold)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for keys, what in rows:
                QTreeWidgetItem(group, [keys, what])
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)

    def rows(self) -> list[Row]:
        """Every (keys, action) row shown, for tests and tools."""
        found = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            assert group is not None
            for c in range(group.childCount()):
                item = group.child(c)
                assert item is not None
                found.append((item.text(0), item.text(1)))
        return found

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the window's actions have taken their new texts.
            QTimer.singleShot(0, self, self.fill)
        super().changeEvent(event)
