"""Initial sync of 200,000 reports into a fresh cache, against a bare floor in the same run.

The reference API runs in its own process on loopback (so its work does not share the GIL
with the client being measured) over a demo database seeded once into /tmp/paht-bench and
reused. Measured: (a) the console's full pull (HTTP client, validation, search keys, Core
bulk upsert, cursor per page); (b) the floor: the same pages fetched with requests, parsed
with json and inserted with sqlite3.executemany, no validation. The figure is (a)/(b) in
reports per second.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from console.central.db import Base, seed_demo
from console.store import open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from console.sync.engine import PAGE_SIZE

SCALE = int(os.environ.get("PAHT_BENCH_REPORTS", "200000"))
BENCH_DIR = Path(os.environ.get("PAHT_BENCH_DIR", "/tmp/paht-bench"))
GOAL = 0.5
REPO = Path(__file__).resolve().parent.parent

_SERVE = """
import sys
from console.central.server import CentralServer
server = CentralServer(sys.argv[1], demo=True, port=0)
print(server.start(), flush=True)
sys.stdin.read()
server.close()
"""

_COLUMNS = (
    "id", "code", "created_at", "updated_at", "category", "ward", "title", "status", "unit",
    "deadline", "urgency", "escalation_level", "lat", "lon", "duplicate_of", "merged_count",
    "rating", "version",
)  # fmt: skip


def _schema_tag() -> str:
    """A short digest of the central schema, so a kept database never outlives its schema."""
    shape = sorted(
        (t.name, tuple(c.name for c in t.columns)) for t in Base.metadata.tables.values()
    )
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:10]


def seeded_database(count: int = SCALE) -> Path:
    """The central demo database with `count` reports, built once and kept between runs."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"central-{count}-{_schema_tag()}.sqlite3"
    marker = path.with_suffix(".ok")
    if not marker.exists():
        for stale in BENCH_DIR.glob(f"central-{count}-*"):
            stale.unlink()
        print(f"seeding {count} demo reports into {path} (once)...", file=sys.stderr)
        seed_demo(f"sqlite:///{path}", count)
        marker.write_text("ok")
    return path


class ServerProcess:
    def __init__(self, db_path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVE, f"sqlite:///{db_path}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
            text=True,
        )
        assert self.proc.stdout is not None
        self.base_url = self.proc.stdout.readline().strip()
        if not self.base_url.startswith("http"):
            self.stop()
            raise RuntimeError("the reference API did not start")

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def console_sync(base_url: str, data_dir: Path) -> tuple[float, int]:
    client = CentralClient(base_url)
    client.login("operator", "demo")
    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    started = time.perf_counter()
    result = SyncEngine(client, cache, outbox).pull()
    elapsed = time.perf_counter() - started
    stored = cache.counts().reports
    cache.close()
    outbox.close()
    client.close()
    if result.quarantined or stored != SCALE:
        raise RuntimeError(f"console sync stored {stored}, quarantined {result.quarantined}")
    return elapsed, stored


def floor_sync(base_url: str, db_path: Path) -> tuple[float, int]:
    session = requests.Session()
    login = session.post(
        f"{base_url}/api/v1/auth/token", json={"user": "operator", "password": "demo"}
    )
    session.headers["Authorization"] = f"Bearer {login.json()['token']}"
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"CREATE TABLE reports ({', '.join(_COLUMNS)}, data, PRIMARY KEY (id))")
    conn.execute("CREATE TABLE meta (key PRIMARY KEY, value)")
    insert = f"INSERT OR REPLACE INTO reports VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})"
    started = time.perf_counter()
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": PAGE_SIZE}
        if cursor is not None:
            params["after"] = cursor
        page = json.loads(
            session.get(f"{base_url}/api/v1/changes", params=params, timeout=60).content
        )
        rows = [
            (*(item.get(name) for name in _COLUMNS), json.dumps(item, ensure_ascii=False))
            for item in page["items"]
        ]
        conn.executemany(insert, rows)
        cursor = page["next"]
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('cursor', ?)", (cursor,))
        conn.commit()
        if not page["more"]:
            break
    elapsed = time.perf_counter() - started
    stored = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    conn.close()
    session.close()
    return elapsed, int(stored)


def run() -> dict[str, Any]:
    server = ServerProcess(seeded_database())
    try:
        with tempfile.TemporaryDirectory(prefix="paht-sync-bench-") as tmp:
            floor_s, floor_n = floor_sync(server.base_url, Path(tmp) / "floor.sqlite3")
            console_s, console_n = console_sync(server.base_url, Path(tmp) / "console")
    finally:
        server.stop()
    console_rate = console_n / console_s
    floor_rate = floor_n / floor_s
    ratio = console_rate / floor_rate
    figure = {
        "bench": "sync_initial",
        "value": round(ratio, 3),
        "unit": "ratio",
        "goal": f">= {GOAL}",
        "ok": ratio >= GOAL,
        "reports": SCALE,
        "page_size": PAGE_SIZE,
        "console_reports_per_s": round(console_rate, 1),
        "floor_reports_per_s": round(floor_rate, 1),
        "console_s": round(console_s, 2),
        "floor_s": round(floor_s, 2),
    }
    print(json.dumps(figure, ensure_ascii=False))
    return figure


if __name__ == "__main__":
    run()
