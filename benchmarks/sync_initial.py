"""Initial sync of 200,000 reports into a fresh cache, against a plain floor in the same run.

The reference API runs in its own process on loopback (its work does not share the GIL with
the client measured) over the demo central database of benchmarks._data (pinned seed and NOW,
checked by content). Measured, each into a fresh folder:
(a) the console's full pull (HTTP client, validation, search keys, Core bulk upsert, cursor
    per page, the next page fetched while the current one is stored);
(b) the floor: the fastest plain way to do the same work: the next page requested on a thread
    with requests while the current one is parsed with json and inserted with
    sqlite3.executemany, one transaction per page with the cursor, the same columns and
    indexes as the console's cache (search key folded plainly, record kept as JSON), no
    validation.
One untimed floor pass warms the server first; then console and floor alternate
(console, floor, floor, console, ...) ROUNDS times each. The figure is the ratio of the
medians, in reports per second; both must store every report or it is not ok.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import tempfile
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks import _data
from benchmarks._figures import failed, figure
from benchmarks._server import ServerProcess

SCALE = int(os.environ.get("PAHT_BENCH_REPORTS", "200000"))
ROUNDS = int(os.environ.get("PAHT_BENCH_SYNC_ROUNDS", "3"))
GOAL = 0.5


_COLUMNS = (
    "id", "code", "created_at", "updated_at", "category", "ward", "title", "status", "unit",
    "deadline", "urgency", "escalation_level", "lat", "lon", "duplicate_of", "merged_count",
    "rating", "version",
)  # fmt: skip
#: The console's cache table: the same columns (search_key, rev, data after them) and indexes.
_SCHEMA = (
    f"CREATE TABLE reports ({', '.join(_COLUMNS)}, search_key, rev, data, PRIMARY KEY (id))",
    "CREATE INDEX ix_reports_rev ON reports (rev)",
    "CREATE INDEX ix_reports_status_deadline ON reports (status, deadline)",
    "CREATE INDEX ix_reports_lat_lon ON reports (lat, lon)",
    "CREATE INDEX ix_reports_created_at ON reports (created_at)",
    "CREATE TABLE meta (key PRIMARY KEY, value)",
)
_INSERT = f"INSERT OR REPLACE INTO reports VALUES ({', '.join('?' * (len(_COLUMNS) + 3))})"


def console_sync(base_url: str, data_dir: Path, expected: int = SCALE) -> tuple[float, int]:
    from console.store import open_cache, open_outbox
    from console.sync import CentralClient, SyncEngine

    client = CentralClient(base_url)
    client.login("operator", "demo")
    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    try:
        started = time.perf_counter()
        result = SyncEngine(client, cache, outbox).pull()
        elapsed = time.perf_counter() - started
        stored = cache.counts().reports
    finally:
        cache.close()
        outbox.close()
        client.close()
    if result.quarantined or result.received != expected:
        raise RuntimeError(f"console received {result.received}, quarantined {result.quarantined}")
    return elapsed, stored


def _search_key(item: dict[str, Any]) -> str:
    """The plain form of the console's search key: lowercase, marks dropped, words once."""
    text = f"{item['code']} {item['title']} {item.get('description', '')[:500]} "
    text += item.get("address") or ""
    plain = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return " ".join(dict.fromkeys(plain.encode("ascii", "ignore").decode("ascii").split()))


def floor_sync(base_url: str, db_path: Path) -> tuple[float, int]:
    import requests

    from console.sync.engine import PAGE_SIZE

    session = requests.Session()
    login = session.post(
        f"{base_url}/api/v1/auth/token", json={"user": "operator", "password": "demo"}, timeout=60
    )
    login.raise_for_status()
    session.headers["Authorization"] = f"Bearer {login.json()['token']}"
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.commit()

    def fetch(cursor: str | None) -> bytes:
        params: dict[str, Any] = {"limit": PAGE_SIZE}
        if cursor is not None:
            params["after"] = cursor
        answer = session.get(f"{base_url}/api/v1/changes", params=params, timeout=60)
        answer.raise_for_status()
        return answer.content

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as fetcher:
        pending = fetcher.submit(fetch, None)
        rev = 0
        while True:
            page = json.loads(pending.result())
            last = not page["more"] or not page["items"]
            if not last:
                pending = fetcher.submit(fetch, page["next"])
            rev += 1
            rows = [
                (
                    *(item.get(name) for name in _COLUMNS),
                    _search_key(item),
                    rev,
                    json.dumps(item, ensure_ascii=False),
                )
                for item in page["items"]
            ]
            with conn:  # one transaction: the page, the revision and the cursor
                conn.executemany(_INSERT, rows)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('revision', ?)", (rev,))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('cursor', ?)", (page["next"],))
            if last:
                break
    elapsed = time.perf_counter() - started
    stored = int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
    conn.close()
    session.close()
    return elapsed, stored


def _measure(base_url: str) -> dict[str, list[tuple[float, int]]]:
    runs: dict[str, list[tuple[float, int]]] = {"console": [], "floor": []}
    with tempfile.TemporaryDirectory(prefix="paht-sync-bench-") as tmp:
        floor_sync(base_url, Path(tmp) / "warm.sqlite3")  # untimed: warms the server
        for n in range(2 * ROUNDS):
            # console, floor, floor, console, console, floor...
            kind = ("console", "floor")[(n + n // 2) % 2]
            target = Path(tmp) / f"{kind}-{n}"
            if kind == "console":
                runs[kind].append(console_sync(base_url, target))
            else:
                runs[kind].append(floor_sync(base_url, target.with_suffix(".sqlite3")))
    return runs


def run() -> dict[str, Any]:
    from console.sync.engine import PAGE_SIZE

    try:
        central = _data.central(SCALE)
        server = ServerProcess(f"sqlite:///{central.path}")
        try:
            runs = _measure(server.base_url)
        finally:
            server.stop()
    except Exception as exc:
        return failed("sync_initial", exc, reports=SCALE)
    problems = [
        f"{kind} stored {n} reports, expected {SCALE}"
        for kind, samples in runs.items()
        for _s, n in samples
        if n != SCALE
    ]
    console_s = statistics.median(s for s, _n in runs["console"])
    floor_s = statistics.median(s for s, _n in runs["floor"])
    ratio = (SCALE / console_s) / (SCALE / floor_s)
    return figure(
        "sync_initial",
        ratio,
        "ratio",
        f">= {GOAL}",
        met=ratio >= GOAL,
        problems=problems,
        measured="console reports/s over a pipelined plain floor's (requests on a thread, json, "
        "sqlite3.executemany, one transaction per page); medians of alternating rounds",
        reports=SCALE,
        page_size=PAGE_SIZE,
        console_reports_per_s=round(SCALE / console_s, 1),
        floor_reports_per_s=round(SCALE / floor_s, 1),
        console_s=round(console_s, 2),
        floor_s=round(floor_s, 2),
        console_samples=[round(s, 2) for s, _n in runs["console"]],
        floor_samples=[round(s, 2) for s, _n in runs["floor"]],
        **central.describe(),
    )


if __name__ == "__main__":
    run()
