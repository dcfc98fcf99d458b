"""The central API at city scale: PostgreSQL with 1,000,000 reports, `paht-console serve
--workers 4`, 50 consoles holding the changes feed (long-polls with wait=25 from the top of
the feed), 20 of them acting (2 actions a second in total: accept, assign, then a note on the
new reports their feed brought, with the version they hold; every 5th action sent twice with
its key), citizens posting 5 reports a second, for 120 s (`--quick`: 20 s).

The database is a copy of a seeded one (benchmarks._load_data; PAHT_BENCH_LOAD_REPORTS sets
its size). Afterwards every acted-on report's history is read: an action answered 200 must be
there exactly once. The load generator is this process (threads, one requests.Session each);
its CPU is printed beside the server's (all its processes) and PostgreSQL's (the cluster).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from benchmarks import _load_figures as lf
from benchmarks._figures import failed, figure
from benchmarks._load_clients import (
    REPLAY_EVERY,
    Actor,
    Feed,
    act_on_schedule,
    citizens,
    idle_floor,
    sign_in,
)
from benchmarks._load_data import LoadData, open_reports, prepare

REPO = Path(__file__).resolve().parent.parent
REPORTS = int(os.environ.get("PAHT_BENCH_LOAD_REPORTS", "1000000"))
WORKERS, CONSOLES, ACTORS = 4, 50, 20
ACTIONS_PER_S, REPORTS_PER_S = 2.0, 5.0
GOAL_ACTION_MS, GOAL_PAGE_MS = 150.0, 200.0
#: Actions timed one at a time before the load starts (the floor beside the figure).
FLOOR_ACTIONS = 10


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`paht-console serve --workers N` in a child process, up when /health answers."""

    def __init__(self, db_url: str, log: Path) -> None:
        port = _free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "console.cli", "serve", "--demo", "--no-simulate"]
        command += ["--workers", str(WORKERS), "--db", db_url, "--port", str(port)]
        self.log = log.open("w")
        self.proc = subprocess.Popen(command, cwd=REPO, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited {self.proc.returncode}: {self.tail()}")
            try:
                if requests.get(f"{self.base_url}/api/v1/health", timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"serve did not answer within 300 s: {self.tail()}")

    def tail(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-800:]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def _histories(base_url: str, http: Any, report_ids: list[int]) -> dict[int, list[Any]]:
    def one(report_id: int) -> tuple[int, list[Any]]:
        answer = http.get(f"{base_url}/api/v1/reports/{report_id}", timeout=60)
        answer.raise_for_status()
        return report_id, answer.json()["history"]

    with ThreadPoolExecutor(4) as pool:
        return dict(pool.map(one, report_ids))


def measure(data: LoadData, seconds: float, log: Path) -> dict[str, Any]:
    from console.domain.reference import load_reference

    server = Server(data.url, log)
    feeds: list[Feed] = []
    try:
        # One after another: parallel sign-ins of one account from one address count as
        # guesses until their passwords are checked (429).
        sessions = [sign_in(server.base_url, "operator") for _ in range(CONSOLES + ACTORS)]
        feeds = [Feed(server.base_url, http, data.top_seq) for http in sessions[:CONSOLES]]
        unit = load_reference().active_units()[0].code
        actors = [
            Actor(server.base_url, sessions[CONSOLES + i], i, ACTORS, data.reports + 1, unit)
            for i in range(ACTORS)
        ]
        for actor, feed in zip(actors, feeds, strict=False):
            feed.actor = actor
        floor = idle_floor(server.base_url, sessions[-1], open_reports(data.url, FLOOR_ACTIONS))
        for feed in feeds:
            feed.start()
        time.sleep(2.0)  # every console holds its first long-poll
        wall, own = time.monotonic(), time.process_time()
        server_cpu, pg_cpu = lf.tree_cpu(server.proc.pid), lf.postgres_cpu()
        with ThreadPoolExecutor(1) as pool:
            acting = pool.submit(act_on_schedule, actors, ACTIONS_PER_S, seconds)
            posted = citizens(server.base_url, REPORTS_PER_S, seconds)
            acting.result()
        time.sleep(3.0)  # the last changes reach every console
        elapsed = time.monotonic() - wall
        cpu = {
            "load_generator": (time.process_time() - own) / elapsed,
            "server": lf.used(server_cpu, lf.tree_cpu(server.proc.pid)) / elapsed,
            "postgresql": lf.used(pg_cpu, lf.postgres_cpu()) / elapsed,
        }
        for feed in feeds:
            feed.stop_event.set()
        actions = [a for actor in actors for a in actor.actions]
        acted = sorted({a.report_id for a in actions if a.status == 200})
        histories = _histories(server.base_url, sessions[0], acted)
    finally:
        for feed in feeds:
            feed.stop_event.set()
        server.stop()
    for feed in feeds:
        feed.join(timeout=10)
    made = {(rid, 1): times for rid, times in posted.items() if rid > 0}
    made.update({(a.report_id, a.version): (a.start, a.end) for a in actions if a.status == 200})
    serve: list[float] = []
    wake: list[float] = []
    for feed in feeds:
        s, w = lf.page_latencies(feed.pages, made)
        serve += s
        wake += w
    lost, twice = lf.lost_and_twice(actions, histories)
    errors = [e for f in feeds for e in f.errors] + [e for a in actors for e in a.errors]
    errors += [str(v) for k, v in posted.items() if k < 0]
    missed = sum(lf.missed(f.pages, made) for f in feeds)
    return {
        "seconds": round(elapsed, 1),
        "posted": sum(1 for k in posted if k > 0),
        "actions": sum(1 for a in actions if a.status == 200),
        "actions_sent": len(actions),
        "replays": sum(1 for a in actions if a.replay_status is not None),
        "replays_changed": lf.replays_changed(actions),
        "action": lf.percentiles_ms([a.end - a.start for a in actions if a.end]),
        "idle": lf.percentiles_ms(floor),
        "page": lf.percentiles_ms(serve),
        "wake": lf.percentiles_ms(wake),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "lost": lost,
        "twice": twice,
        "missed": missed,
        "cpu_of_core": {k: round(v, 3) for k, v in cpu.items()},
    }


def _server_errors(log: Path) -> list[str]:
    """The server log's exception lines (deduplicated), the whole log to stderr if any."""
    text = log.read_text(errors="replace")
    found = sorted({line.strip()[:300] for line in text.splitlines() if _is_error(line)})
    if found:
        print(text[-20000:], file=sys.stderr)
    return found[:10]


def _is_error(line: str) -> bool:
    return line[:1].isalpha() and ("Error:" in line or "Exception:" in line)


def _problems(m: dict[str, Any], seconds: float) -> list[str]:
    problems = [f"{m['errors']} errors: {m['error_samples']}"] * bool(m["errors"])
    problems += [f"server log: {m['server_errors']}"] * bool(m["server_errors"])
    problems += [f"{m['missed']} changes never reached a console"] * bool(m["missed"])
    problems += [f"{m['replays_changed']} replayed keys answered differently"] * bool(
        m["replays_changed"]
    )
    if m["posted"] < 0.95 * seconds * REPORTS_PER_S:
        problems.append(f"posted {m['posted']} of {int(seconds * REPORTS_PER_S)}")
    if m["actions"] < 0.8 * seconds * ACTIONS_PER_S:
        problems.append(f"{m['actions']} actions of {int(seconds * ACTIONS_PER_S)} planned")
    return problems


def run(options: list[str] | None = None) -> list[dict[str, Any]]:
    quick = "--quick" in (options or [])
    seconds = 20.0 if quick else 120.0
    raw: dict[str, Any] = {"reports": REPORTS, "workers": WORKERS, "consoles": CONSOLES}
    raw |= {"actors": ACTORS, "quick": quick, "load_avg": round(os.getloadavg()[0], 2)}
    try:
        data = prepare(REPORTS)
        raw |= data.describe()
        with tempfile.TemporaryDirectory(prefix="paht-load-") as tmp:
            m = measure(data, seconds, Path(tmp) / "serve.log")
            m["server_errors"] = _server_errors(Path(tmp) / "serve.log")
    except Exception as exc:
        return [failed("central_load", exc, **raw)]
    problems = _problems(m, seconds)
    shared = {**raw, "seconds": m["seconds"], "cpu_of_core": m["cpu_of_core"]}
    action, page = m["action"], m["page"]
    a95, p95 = action["p95_ms"], page["p95_ms"]
    clean = m["errors"] == 0 and m["lost"] == 0 and m["twice"] == 0
    return [
        figure(
            "central_load_action",
            a95 if a95 is not None else float("nan"),
            "ms",
            f"p95 <= {GOAL_ACTION_MS:.0f} ms",
            met=a95 is not None and a95 <= GOAL_ACTION_MS,
            problems=problems,
            measured=f"POST /reports/{{id}}/actions start to answer, {ACTORS} operators at "
            f"{ACTIONS_PER_S:.0f}/s in total under the full load; idle floor: "
            f"{FLOOR_ACTIONS} notes one at a time before it",
            **shared,
            **{f"action_{k}": v for k, v in action.items()},
            **{f"idle_floor_{k}": v for k, v in m["idle"].items()},
            actions=m["actions"],
            actions_sent=m["actions_sent"],
        ),
        figure(
            "central_load_changes",
            p95 if p95 is not None else float("nan"),
            "ms",
            f"p95 <= {GOAL_PAGE_MS:.0f} ms",
            met=p95 is not None and p95 <= GOAL_PAGE_MS,
            problems=problems,
            measured="GET /changes request to full answer, pages with items whose data was "
            f"there when asked; wake: the change's POST start to the page, {CONSOLES} "
            "consoles long-polling with wait=25",
            **shared,
            **{f"page_{k}": v for k, v in page.items()},
            **{f"wake_{k}": v for k, v in m["wake"].items()},
            posted=m["posted"],
        ),
        figure(
            "central_load_integrity",
            m["errors"] + m["lost"] + m["twice"],
            "count",
            "0 errors, 0 lost, 0 applied twice",
            met=clean,
            problems=problems,
            measured="every action answered 200 found exactly once in its report's history "
            f"afterwards; every {REPLAY_EVERY}th action replayed with its key",
            **shared,
            errors=m["errors"],
            lost=m["lost"],
            applied_twice=m["twice"],
            replays=m["replays"],
            replays_changed=m["replays_changed"],
            missed=m["missed"],
        ),
    ]


if __name__ == "__main__":
    run(sys.argv[1:])
