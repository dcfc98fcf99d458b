"""English mode leaves no Vietnamese on screen (issue 13): a supervisor's window over a live
central with demo data, and every main dialog opened from it, are walked text by text
(labels, buttons, headers, cells, combo items, tabs, titles, tooltips, menus, charts).

Vietnamese may remain only where it is not the console's own wording: proper names (the
Vietnamese words of wards', units' and places' English names), what citizens and units wrote
(titles, descriptions, addresses, names, results, reasons) and the documents that leave the
Center (the reply to a citizen, the notice to a unit, the weekly report's preview, the press
pack's figures).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from console.connection import sign_in
from console.domain.reference import load_reference
from console.domain.routing import suggest_unit
from tests.widgets.english_walk import Leftovers, proper_words
from widgets import i18n
from widgets.main_window import MainWindow
from widgets.opening import open_session

pytestmark = pytest.mark.webengine

#: What the unit and the demo admin write in this test (data, not the console's words).
UNIT_TEXTS = ("Chờ xe cẩu", "Đã thu gom rác, vệ sinh mặt đường.", "Cần khảo sát hiện trường")
#: A language is offered in its own name in the Language menu.
OWN_NAMES = ("Tiếng Việt",)


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The application in English: no translator, data labels in English."""
    locale = QLocale()
    monkeypatch.setattr(i18n._Installed, "language", "en")
    monkeypatch.setattr(i18n._Installed, "translators", [])
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(locale)


def _assigned(admin: Any, title: str, **payload: Any) -> dict[str, Any]:
    report = admin.act(admin.file(title=title), "accept", {})
    unit = suggest_unit(load_reference(), report["category"], report["ward"]).unit
    result: dict[str, Any] = admin.act(report, "assign", {"unit": unit, **payload})
    return result


def _dialog(qtbot: Any, kind: str) -> QDialog:
    """The visible top-level dialog whose class is named `kind`."""

    def found() -> QDialog | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible() and type(w).__name__ == kind
            ),
            None,
        )

    qtbot.waitUntil(lambda: found() is not None, timeout=10_000)
    dialog = found()
    assert dialog is not None
    return dialog


def _select(qtbot: Any, window: MainWindow, report_id: int) -> None:
    qtbot.waitUntil(lambda: window.queue.model.row_of(report_id) is not None, timeout=30_000)
    assert window.queue.select_report(report_id)
    qtbot.waitUntil(lambda: window.queue.selected_ids() == [report_id], timeout=30_000)
    window.tools.selection_changed()


def _walk_dialog(
    qtbot: Any,
    leftovers: Leftovers,
    window: MainWindow,
    report_id: int,
    kind: str,
    open_it: Callable[[], Any],
    documents: tuple[str, ...] = (),
) -> None:
    _select(qtbot, window, report_id)
    open_it()
    dialog = _dialog(qtbot, kind)
    qtbot.waitExposed(dialog)
    leftovers.walk(kind, dialog, documents)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_english_mode_shows_no_vietnamese_but_names_and_citizens_text(
    qtbot: Any,
    english: None,
    shell_central: Any,
    shell_settings: Any,
    triage_api: Any,
    run_sync: Any,
) -> None:
    admin = triage_api(shell_central, "admin")
    fresh = admin.file(title="Ổ gà lớn giữa đường Trần Hưng Đạo")
    late = _assigned(
        admin,
        "Đèn đường hỏng trước chợ",
        deadline="2026-12-04T03:00:00Z",
        deadline_reason=UNIT_TEXTS[2],
    )
    asked = _assigned(admin, "Cây xanh gãy cành")
    asked = admin.act(asked, "request_extension", {"deadline": "2026-12-20T03:00:00Z",
                                                    "reason": UNIT_TEXTS[0]})  # fmt: skip
    done = _assigned(admin, "Rác tồn đọng ở kiệt 12")
    done = admin.act(done, "acknowledge", {})
    done = admin.act(done, "resolve", {"result_text": UNIT_TEXTS[1]})

    session = open_session(shell_settings, sign_in(shell_central.base_url, "supervisor", "demo"))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.start()
    run_sync(window)
    window.queue.set_view("all")
    cache = session.cache
    rows = cache.load_queue_rows()
    reports = cache.get_reports([r.id for r in rows])
    citizen = [*UNIT_TEXTS, *OWN_NAMES]
    for report in reports.values():
        citizen += [report.title, report.description, report.address, report.result_text or ""]
        if report.reporter is not None:
            citizen.append(report.reporter.name or "")
    leftovers = Leftovers(proper_words(session.reference), [c for c in citizen if c])

    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        _select(qtbot, window, fresh["id"])
    leftovers.walk("main window", window)

    triage, supervisor = window.tools.triage, window.tools.supervisor
    assert triage is not None and supervisor is not None
    walk = lambda *args, **kw: _walk_dialog(qtbot, leftovers, window, *args, **kw)  # noqa: E731
    walk(fresh["id"], "AcceptDialog", triage.accept_selected)
    walk(fresh["id"], "RejectDialog", triage.reject_selected, ("reply",))
    walk(fresh["id"], "MergeDialog", triage.merge_selected)
    walk(late["id"], "AssignDialog", triage.assign_selected, ("unitMessage",))
    walk(late["id"], "EscalationDialog", supervisor.escalate_selected, ("escalationMessage",))
    walk(asked["id"], "ExtensionDialog", supervisor.decide_extension_selected)
    walk(done["id"], "ReviewDialog", supervisor.review_selected, ("reviewReply",))

    pending = triage.show_pending()
    qtbot.waitExposed(pending)
    leftovers.walk("pending actions", pending)
    pending.close()

    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.shortcut_sheet is not None, timeout=5000)
    assert window.shortcut_sheet is not None
    leftovers.walk("shortcut sheet", window.shortcut_sheet)
    window.shortcut_sheet.close()

    board = supervisor.show_overdue_board()
    qtbot.waitUntil(lambda: board.data is not None, timeout=30_000)
    board.tree.expandAll()
    leftovers.walk("overdue board", board)
    board.close()

    dashboard = supervisor.show_dashboard()
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=30_000)
    leftovers.walk("dashboard", dashboard)
    dashboard.close()

    weekly = supervisor.show_weekly()
    qtbot.waitExposed(weekly)
    leftovers.walk("weekly dialog", weekly, ("weeklyPreview",))
    weekly.close()

    wizard = window.tools.open_briefing()
    qtbot.waitExposed(wizard)
    leftovers.walk("briefing wizard", wizard)
    wizard.next()
    figures = wizard.currentPage()
    qtbot.waitUntil(lambda: "Period" in " ".join(_labels(figures)), timeout=30_000)
    # The headline table and the charts are the pack's own, which the press reads in Vietnamese.
    leftovers.walk("briefing figures", wizard, ("briefingHeadline", "briefingChart"))
    wizard.reject()

    window.close()
    assert leftovers.found == {}, "\n".join(
        f"{where}: {text!r}" for where, texts in leftovers.found.items() for text in texts
    )


def _labels(widget: QWidget) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in widget.findChildren(QLabel)]
