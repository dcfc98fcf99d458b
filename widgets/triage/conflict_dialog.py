"""A 409: someone acted on the report first. Show what the operator meant, what the server now
holds and who changed it, then re-apply the action on the new state or drop it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label, label_of
from console.domain.model import Event, RejectReason, Report
from console.domain.reference import Reference
from console.store import OutboxEntry
from widgets.i18n import current_language
from widgets.triage.common import local_text, tr

REAPPLY = 10
DROP = 11
CHANGED = QBrush(QColor("#fff3cd"))


def _fields(
    reference: Reference, code_of: Callable[[int], str]
) -> list[tuple[str, Callable[[Report], str]]]:
    language = current_language()

    def unit(r: Report) -> str:
        return reference.unit_name(r.unit, language) if r.unit else "—"

    def reason(r: Report) -> str:
        return label_of(RejectReason, r.reject_reason, language) or "—"

    def place(r: Report) -> str:
        return "—" if r.lat is None or r.lon is None else f"{r.lat:.6f}, {r.lon:.6f}"

    return [
        (tr("Status"), lambda r: label(r.status, language)),
        (tr("Category"), lambda r: reference.category_name(r.category, language)),
        (tr("Urgency"), lambda r: label(r.urgency, language)),
        (tr("Unit"), unit),
        (tr("Deadline"), lambda r: local_text(r.deadline)),
        (tr("Merged into"), lambda r: code_of(r.duplicate_of) if r.duplicate_of else "—"),
        (tr("Reject reason"), reason),
        (tr("Location"), place),
        (tr("Escalation level"), lambda r: str(r.escalation_level)),
    ]


def event_line(event: Event, reference: Reference) -> str:
    """One history line: "08:05 06/01/2026 — supervisor (Supervisor): Assign for handling ..."."""
    language = current_language()
    line = (
        f"{local_text(event.at)} — {event.actor} ({label(event.role, language)}): "
        f"{label(event.action, language)}, "
        f"{label(event.from_status, language)} → {label(event.to_status, language)}"
    )
    unit = event.payload.get("unit")
    if isinstance(unit, str) and unit:
        line += f" ({reference.unit_name(unit, language)})"
    return line


def unseen_events(
    history: Sequence[Event], entry: OutboxEntry, server: Report | None
) -> list[Event]:
    """The events the operator had not seen: one per version past the one the action expected."""
    if server is None or not history:
        return list(history[-1:])
    count = max(1, server.version - entry.expected_version)
    return list(history[-count:])


class ConflictDialog(QDialog):
    def __init__(
        self,
        entry: OutboxEntry,
        server: Report | None,
        history: Sequence[Event],
        reference: Reference,
        code_of: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        """`code_of` names a report by its PA code (a merge target is shown by it)."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.entry = entry
        self.reference = reference
        self.setWindowTitle(self.tr("Another operator acted first"))
        self.resize(680, 520)
        code = server.code if server is not None else f"#{entry.report_id}"
        intro = QLabel(
            self.tr(
                "Your action «%1» on %2 (queued at %3) was not applied: the report changed "
                "on the server before it arrived."
            )
            .replace("%1", label(entry.action_type, current_language()))
            .replace("%2", code)
            .replace("%3", local_text(entry.created_at)),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.server_message = QLabel(entry.last_error or "", self)
        self.server_message.setWordWrap(True)
        self.server_message.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableWidget(self)
        self.table.setObjectName("differences")
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Your change"), self.tr("Now on the server")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        mine = entry.preview
        rows: list[tuple[str, str, str, bool]] = []
        for caption, value in _fields(reference, code_of):
            ours = value(mine) if mine is not None else "—"
            theirs = value(server) if server is not None else "—"
            rows.append((caption, ours, theirs, ours != theirs))
        self.table.setRowCount(len(rows))
        for n, (caption, ours, theirs, differs) in enumerate(rows):
            for column, text in enumerate((caption, ours, theirs)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(CHANGED)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.who = QLabel(self)
        self.who.setObjectName("whoActed")
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.set_history(history, server)

        buttons = QDialogButtonBox(self)
        self.reapply_button = QPushButton(self.tr("Re-apply on the new state"), self)
        self.reapply_button.setObjectName("reapply")
        self.drop_button = QPushButton(self.tr("Drop the action"), self)
        self.drop_button.setObjectName("drop")
        later = QPushButton(self.tr("Decide later"), self)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.drop_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.reapply_button.clicked.connect(lambda: self.done(REAPPLY))
        self.drop_button.clicked.connect(lambda: self.done(DROP))
        later.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.server_message)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Who changed it:"), self))
        layout.addWidget(self.who)
        layout.addWidget(buttons)
        self.reapply_button.setDefault(True)

    def set_history(self, history: Sequence[Event], server: Report | None) -> None:
        events = unseen_events(history, self.entry, server)
        if not events:
            self.who.setText(self.tr("(the server's history is not available offline)"))
            return
        self.who.setText("\n".join(event_line(e, self.reference) for e in reversed(events)))
