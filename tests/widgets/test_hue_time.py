"""Huế time whatever the workstation's zone: the supervisor's window and the exports, run in a
child process with TZ=UTC and with TZ=America/New_York (hue_time_scene.py), show only Huế
wall-clock times. The child's clock is the suite's pinned now (10:00 Wednesday 02/12/2026 in
Huế: 03:00 UTC the same day, 22:00 the day before in New York); its data was made at known
UTC instants."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

#: The child runs the whole window, map included: Qt WebEngine (see scripts/faketime-suite.sh).
pytestmark = pytest.mark.webengine

SCENE = Path(__file__).with_name("hue_time_scene.py")
#: The suite's now and the few minutes the scene takes.
NOW_HUE = re.compile(r"\b10:0\d(:\d\d)?\b")
#: The known instants as Huế reads them, and as each foreign zone would have misread them.
DEADLINE_HUE, EXTENSION_HUE = "05:30 04/12/2026", "17:00 16/12/2026"
MISREAD = {
    "UTC": ["22:30 03/12/2026", "10:00 16/12/2026"],
    "America/New_York": ["17:30 03/12/2026", "05:00 16/12/2026"],
}


def _scene(zone: str, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "seen.json"
    env = {**os.environ, "TZ": zone, "HUE_TIME_OUT": str(out), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", str(SCENE)],
        env={k: v for k, v in env.items() if not k.startswith("PYTEST_")},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    seen: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return seen


@pytest.mark.parametrize("zone", ["UTC", "America/New_York"])
def test_only_hue_times_on_screen_and_in_exports(zone: str, tmp_path: Path) -> None:
    seen = _scene(zone, tmp_path)
    everything = json.dumps(seen, ensure_ascii=False)
    for wrong in MISREAD[zone]:
        assert wrong not in everything

    (last_sync,) = [t for t in seen["status"] if "Đồng bộ lần cuối" in t]
    assert NOW_HUE.search(last_sync), last_sync
    assert any(DEADLINE_HUE in t for t in seen["queue"]), seen["queue"]
    detail = "\n".join(seen["detail"])
    assert DEADLINE_HUE in detail
    assert re.search(r"10:0\d 02/12/2026", detail), detail  # received just now
    queued = [t for t in seen["pending"] if re.fullmatch(r"\d\d:\d\d \d\d/\d\d/\d{4}", t)]
    assert queued and all(re.fullmatch(r"10:0\d 02/12/2026", t) for t in queued), queued

    assert seen["extension"]["editor"] == EXTENSION_HUE
    assert any(EXTENSION_HUE in t for t in seen["extension"]["texts"])

    docx = seen["weekly_docx"]
    assert "Huế, ngày 02 tháng 12 năm 2026" in docx
    assert re.search(r"thời điểm lập báo cáo \(10:0\d 02/12/2026\)", docx), docx[-1500:]
    listed = [(code, cell) for code, cell in seen["weekly_xlsx"] if code in seen["deadlines"]]
    assert listed, "the workbook lists no deadline of a report"
    for code, cell in listed:  # Excel times carry no zone: Huế's wall clock
        stored = datetime.fromisoformat(seen["deadlines"][code])
        assert datetime.fromisoformat(cell) == (stored + timedelta(hours=7)).replace(tzinfo=None)

    for kind, text in seen["briefing"].items():
        assert "02/12/2026" in text, kind
    assert f"hạn xử lý {DEADLINE_HUE}" in seen["briefing"]["docx"]
