"""The live benchmark's one real window: `python -m benchmarks._live_window BASE_URL DATA_DIR N`
signs in as the demo operator with live updates on (and a day-long polling interval, so only
the channel can bring a report), then files N citizens' reports one a second from a thread and
times each from the start of its POST to its row in the queue's model. Prints one JSON line."""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks._gui_children import _environment, _wait

GAP_S = 1.0


def _file_reports(base_url: str, count: int, posted: dict[int, float]) -> None:
    import requests

    from console.central.demo.city import City
    from console.central.demo.generate import citizen_report
    from console.domain.model import utcnow
    from console.domain.reference import load_reference

    rng, city = random.Random(17), City(load_reference(), utcnow())
    http = requests.Session()
    login = http.post(
        f"{base_url}/api/v1/auth/token", json={"user": "citizen", "password": "demo"}, timeout=10
    )
    login.raise_for_status()
    http.headers["Authorization"] = f"Bearer {login.json()['token']}"
    for _ in range(count):
        started = time.monotonic()
        answer = http.post(f"{base_url}/api/v1/reports", json=citizen_report(rng, city), timeout=30)
        answer.raise_for_status()
        posted[int(answer.json()["id"])] = started
        time.sleep(max(0.0, started + GAP_S - time.monotonic()))


def measure(base_url: str, data_dir: Path, count: int) -> dict[str, Any]:
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.config import load_settings
    from console.connection import sign_in
    from widgets import runtime
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    app = QApplication([])
    applied = runtime.apply()
    settings = load_settings(data_dir=data_dir).with_changes(
        sync_interval_s=86_400, tiles_url=None, live_updates=True
    )
    session = open_session(settings, sign_in(base_url, "operator", "demo"))
    window = MainWindow(session, use_tray=False)
    window.show()
    window.queue.set_view("all")
    window.start()
    problems: list[str] = []
    if not _wait(app, lambda: window.sync.last_outcome is not None, 300):
        problems.append("the first sync did not finish in 300 s")
    posted: dict[int, float] = {}
    seen: dict[int, float] = {}

    def look() -> None:
        now = time.monotonic()
        for report_id in list(posted):
            if report_id not in seen and window.queue.model.row_of(report_id) is not None:
                seen[report_id] = now

    watch = QTimer()
    watch.setInterval(5)
    watch.timeout.connect(look)
    watch.start()
    sender = threading.Thread(target=_file_reports, args=(base_url, count, posted), daemon=True)
    if not problems:
        sender.start()
        _wait(app, lambda: not sender.is_alive() and len(seen) == len(posted), count * GAP_S + 30)
    watch.stop()
    if len(posted) != count:
        problems.append(f"filed {len(posted)} of {count} reports")
    if len(seen) != len(posted):
        problems.append(f"{len(posted) - len(seen)} filed reports never reached the queue")
    window.close()
    session.cache.close()
    applied.restore()
    return {
        "latencies_s": [seen[i] - posted[i] for i in posted if i in seen],
        "problems": problems,
    }


if __name__ == "__main__":
    _environment()
    report = measure(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))
    print(json.dumps(report), flush=True)
    os._exit(0)  # the web engine's teardown is not part of the measurement
