"""A report a partner app POSTs through Open311 reaches the operator's New view, its channel
the partner app's name."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt

from widgets.main_window import MainWindow

pytestmark = pytest.mark.webengine


def test_an_open311_report_is_in_the_new_view_with_the_partner_as_channel(
    qtbot: Any, main_window: MainWindow, shell_central: Any, run_sync: Any
) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    base = shell_central.base_url
    token = requests.post(
        f"{base}/api/v1/auth/token", json={"user": "admin", "password": "demo"}, timeout=10
    ).json()["token"]
    key = requests.post(
        f"{base}/api/v1/open311/keys",
        json={"app": "hue-tourist"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    ).json()["api_key"]
    body = {"api_key": key, "service_code": "lighting", "attribute[FAULT]": "off"}
    body |= {"address_string": "Cầu Trường Tiền", "description": "Đèn cầu tắt cả nhịp"}
    posted = requests.post(f"{base}/open311/v2/requests.json", data=body, timeout=10)
    new_id = int(posted.json()[0]["service_request_id"])

    assert run_sync(window).ok
    window.queue.set_view("new")
    model, table = window.queue.model, window.queue.table
    qtbot.waitUntil(lambda: model.row_of(new_id) is not None, timeout=30_000)
    row = model.row_of(new_id)
    assert row is not None
    cell = table.visualRect(model.index(row, 0)).center()
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.detail.fields["channel"].text() == "hue-tourist"
    assert window.detail.heading.text().endswith("Đèn cầu tắt cả nhịp")
