"""The scene test_hue_time.py runs in a child process under a foreign TZ: a supervisor's whole
window over a live central, and the weekly and briefing exports, with every time string an
operator would read written to the JSON file named by HUE_TIME_OUT.

Not collected on its own (no test_ prefix): only test_hue_time.py starts it, once per zone.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QTreeWidget,
    QWidget,
)

from console.connection import sign_in
from console.domain.model import ActionType, Role, utcnow
from console.domain.reference import load_reference
from console.domain.routing import suggest_unit
from console.exports.briefing import export_briefing
from console.exports.weekly import export_weekly
from console.exports.weekly_week import week_of
from tests.console.exports.briefing_data import docx_text, pdf_text, pptx_text
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.opening import open_session

#: Made at known UTC instants; test_hue_time.py expects their Huế wall-clock times.
DEADLINE = "2026-12-03T22:30:00Z"
EXTENSION = "2026-12-16T10:00:00Z"


def texts_of(widget: QWidget) -> list[str]:
    """Every text the widget and its children show."""
    found: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QLineEdit):
            found.append(child.text())
        elif isinstance(child, QPlainTextEdit | QTextBrowser):
            found.append(child.toPlainText())
        elif isinstance(child, QTreeWidget):
            for n in range(child.topLevelItemCount()):
                item = child.topLevelItem(n)
                if item is not None:
                    found.extend(item.text(c) for c in range(child.columnCount()))
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    value = model.index(row, col).data(Qt.ItemDataRole.DisplayRole)
                    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
                    found.extend(str(v) for v in (value, tip) if v)
        tip = child.toolTip()
        if tip:
            found.append(tip)
    return [t for t in found if t]


def _file_and_assign(admin: Any, title: str, deadline: str | None) -> dict[str, Any]:
    report = admin.act(admin.file(title=title), "accept", {})
    unit = suggest_unit(load_reference(), report["category"], report["ward"]).unit
    payload: dict[str, Any] = {"unit": unit}
    if deadline:
        payload |= {"deadline": deadline, "deadline_reason": "Cần khảo sát hiện trường"}
    assigned: dict[str, Any] = admin.act(report, "assign", payload)
    return assigned


def _select(qtbot: Any, window: MainWindow, report_id: int) -> None:
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: window.queue.model.row_of(report_id) is not None, timeout=30_000)
    assert window.queue.select_report(report_id)
    qtbot.waitUntil(lambda: window.queue.selected_ids() == [report_id], timeout=30_000)


def test_scene(
    qtbot: Any,
    qapp: Any,
    shell_central: Any,
    shell_settings: Any,
    triage_api: Any,
    run_sync: Any,
    tmp_path: Path,
) -> None:
    translators = install_translators(qapp, "vi")  # the default UI
    admin = triage_api(shell_central, "admin")
    late = _file_and_assign(admin, "Đèn đường hỏng trước chợ", DEADLINE)
    asked = _file_and_assign(admin, "Cây xanh gãy cành", None)
    asked = admin.act(asked, "request_extension", {"deadline": EXTENSION, "reason": "Chờ xe cẩu"})

    session = open_session(shell_settings, sign_in(shell_central.base_url, "supervisor", "demo"))
    window = MainWindow(session, use_tray=False)
    window.resize(1600, 1000)
    window.show()
    window.start()
    run_sync(window)
    seen: dict[str, Any] = {"status": texts_of(window.status)}

    _select(qtbot, window, late["id"])
    qtbot.waitUntil(lambda: late["code"] in " ".join(texts_of(window.detail)), timeout=30_000)
    seen["queue"] = texts_of(window.queue.table)
    seen["detail"] = texts_of(window.detail)

    report = session.cache.get_reports([late["id"]])[late["id"]]
    session.outbox.enqueue(
        late["id"], ActionType.NOTE, {"text": "Gọi đơn vị"}, report.version,
        "supervisor", Role.SUPERVISOR, report,
    )  # fmt: skip
    triage = window.tools.triage
    assert triage is not None
    pending = triage.show_pending()
    qtbot.waitExposed(pending)
    seen["pending"] = texts_of(pending)
    pending.close()

    _select(qtbot, window, asked["id"])
    supervisor = window.tools.supervisor
    assert supervisor is not None
    window.tools.selection_changed()
    dialog = supervisor.decide_extension_selected()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    seen["extension"] = {"editor": dialog.deadline.text(), "texts": texts_of(dialog)}
    if shots := os.environ.get("HUE_TIME_SHOTS"):  # to look at, not to assert
        dialog.grab().save(f"{shots}/extension.png")
        window.grab().save(f"{shots}/window.png")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    now = utcnow()
    weekly = export_weekly(
        session.cache, week_of(now).label, tmp_path / "weekly", actor="supervisor", now=now
    )
    seen["weekly_docx"] = docx_text(weekly.docx)
    deadlines = {r.code: r.deadline for r in session.cache.load_queue_rows() if r.deadline}
    cells: list[list[str]] = []
    for sheet in load_workbook(weekly.xlsx).worksheets:
        for row in sheet.iter_rows(min_row=2, values_only=True):
            codes = [v for v in row if isinstance(v, str) and v.startswith("PA-")]
            times = [v for v in row if hasattr(v, "hour")]
            cells.extend([codes[0] if codes else "", t.isoformat()] for t in times)
    seen["weekly_xlsx"] = cells
    seen["deadlines"] = {code: d.isoformat() for code, d in deadlines.items()}

    local_day = (now + timedelta(hours=7)).date()
    pack = export_briefing(
        session.cache,
        date_from=local_day - timedelta(days=6),
        date_to=local_day,
        case_ids=[late["id"], asked["id"]],
        out_dir=tmp_path / "briefing",
        actor="supervisor",
        fetch_media=None,
        map_png=None,
        now=now,
    )
    seen["briefing"] = {
        "docx": docx_text(pack.docx),
        "pdf": pdf_text(pack.pdf),
        "pptx": pptx_text(pack.pptx),
    }
    seen["now"] = now.isoformat()
    Path(os.environ["HUE_TIME_OUT"]).write_text(json.dumps(seen, ensure_ascii=False), "utf-8")
    window.close()
    # The web page goes before the web profile does, at the latest when the process ends.
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    remove_translators(qapp, translators)
