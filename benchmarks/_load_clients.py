"""central_load's clients, each a thread with its own requests.Session: consoles holding the
changes feed, operators acting on the new reports their feed brought, citizens posting."""

from __future__ import annotations

import itertools
import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import requests

WAIT_S = 25
PAGE_LIMIT = 1000
#: Every so many actions the same request is sent again (a client retrying after a lost
#: answer): it must change nothing.
REPLAY_EVERY = 5
_ACTED = itertools.count()
_NEXT_STEP = {"new": "accept", "accepted": "assign", "assigned": "note"}


def sign_in(base_url: str, user: str) -> requests.Session:
    http = requests.Session()
    answer = http.post(
        f"{base_url}/api/v1/auth/token", json={"user": user, "password": "demo"}, timeout=60
    )
    answer.raise_for_status()
    http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return http


@dataclass
class Page:
    start: float
    end: float
    changes: list[tuple[int, int]]


class Feed(threading.Thread):
    """A console on the live channel: GET /changes?after=cursor&wait=WAIT_S, again and again."""

    def __init__(self, base_url: str, http: requests.Session, cursor: int) -> None:
        super().__init__(daemon=True)
        self.url, self.http, self.cursor = f"{base_url}/api/v1/changes", http, str(cursor)
        self.pages: list[Page] = []
        self.errors: list[str] = []
        self.stop_event = threading.Event()
        self.actor: Actor | None = None

    def run(self) -> None:
        params: dict[str, Any] = {"limit": PAGE_LIMIT, "wait": WAIT_S}
        while not self.stop_event.is_set():
            start = time.monotonic()
            try:
                answer = self.http.get(
                    self.url, params={**params, "after": self.cursor}, timeout=(5, WAIT_S + 15)
                )
                body = answer.json() if answer.status_code == 200 else None
            except (requests.RequestException, ValueError) as exc:
                if not self.stop_event.is_set():
                    self.errors.append(f"changes: {type(exc).__name__}: {exc}"[:200])
                    self.stop_event.wait(1.0)
                continue
            end = time.monotonic()
            if body is None:
                if not self.stop_event.is_set():
                    self.errors.append(f"changes: HTTP {answer.status_code}")
                    self.stop_event.wait(1.0)
                continue
            items = body["items"]
            if items:
                self.pages.append(Page(start, end, [(i["id"], i["version"]) for i in items]))
                if self.actor is not None:
                    self.actor.offer(items)
            self.cursor = body["next"]


@dataclass
class Action:
    report_id: int
    type: str
    key: str
    text: str | None
    start: float
    end: float = 0.0
    status: int = 0
    version: int = 0
    replay_status: int | None = None
    replay_version: int | None = None


@dataclass
class Actor:
    """An operator acting on the new reports of its share (id % actors == index) that its
    console's feed brought: accept, then assign, then a note, with the version it holds."""

    base_url: str
    http: requests.Session
    index: int
    actors: int
    first_new_id: int
    unit: str
    mine: dict[int, dict[str, Any]] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def offer(self, items: list[dict[str, Any]]) -> None:
        with self.lock:
            for item in items:
                report_id = item["id"]
                if (
                    report_id >= self.first_new_id
                    and report_id % self.actors == self.index
                    and report_id not in self.mine
                ):
                    self.mine[report_id] = {"version": item["version"], "status": item["status"]}

    def _next(self) -> tuple[int, dict[str, Any]] | None:
        with self.lock:
            for report_id, state in self.mine.items():
                if state["status"] in _NEXT_STEP:
                    return report_id, state
        return None

    def act(self) -> None:
        """One action on the first report of its share that still has a step to take."""
        chosen = self._next()
        if chosen is None:
            return
        report_id, state = chosen
        kind = _NEXT_STEP[state["status"]]
        key = uuid.uuid4().hex
        text = f"load note {key}" if kind == "note" else None
        payload = {"assign": {"unit": self.unit}, "note": {"text": text}}.get(kind, {})
        body = {
            "type": kind,
            "payload": payload,
            "expected_version": state["version"],
            "idempotency_key": key,
        }
        url = f"{self.base_url}/api/v1/reports/{report_id}/actions"
        action = Action(report_id, kind, key, text, time.monotonic())
        self.actions.append(action)
        try:
            answer = self.http.post(url, json=body, timeout=30)
            action.end, action.status = time.monotonic(), answer.status_code
            if answer.status_code != 200:
                self.errors.append(f"{kind}: HTTP {answer.status_code} {answer.text[:120]}")
                return
            action.version = int(answer.json()["version"])
            with self.lock:
                state["version"] = action.version
                state["status"] = "noted" if kind == "note" else answer.json()["status"]
            if next(_ACTED) % REPLAY_EVERY == REPLAY_EVERY - 1:
                again = self.http.post(url, json=body, timeout=30)
                action.replay_status = again.status_code
                if again.status_code == 200:
                    action.replay_version = int(again.json()["version"])
        except (requests.RequestException, ValueError, KeyError) as exc:
            action.end = time.monotonic()
            self.errors.append(f"{kind}: {type(exc).__name__}: {exc}"[:200])


def act_on_schedule(actors: list[Actor], rate: float, seconds: float) -> None:
    """Actions at `rate` per second in total, the actors taking turns, each in its thread."""
    start = time.monotonic()

    def one(actor: Actor) -> None:
        slots = range(actor.index, int(seconds * rate), len(actors))
        for n in slots:
            time.sleep(max(0.0, start + n / rate - time.monotonic()))
            actor.act()

    threads = [threading.Thread(target=one, args=(a,), daemon=True) for a in actors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def citizens(base_url: str, rate: float, seconds: float, senders: int = 4) -> dict[int, Any]:
    """The demo city's citizens posting at `rate` a second on a fixed schedule: report id ->
    (POST start, POST end); failures as negative keys with their error."""
    from console.central.demo.city import City
    from console.central.demo.generate import citizen_report
    from console.domain.model import utcnow
    from console.domain.reference import load_reference

    rng, city = random.Random(15), City(load_reference(), utcnow())
    bodies = [citizen_report(rng, city) for _ in range(int(seconds * rate))]
    token = sign_in(base_url, "citizen").headers["Authorization"]
    local = threading.local()
    start = time.monotonic() + 0.2

    def send(n: int) -> tuple[int, Any]:
        if not hasattr(local, "http"):
            local.http = requests.Session()
            local.http.headers["Authorization"] = token
        time.sleep(max(0.0, start + n / rate - time.monotonic()))
        sent = time.monotonic()
        try:
            answer = local.http.post(f"{base_url}/api/v1/reports", json=bodies[n], timeout=30)
            if answer.status_code == 201:
                return int(answer.json()["id"]), (sent, time.monotonic())
            return -n - 1, f"HTTP {answer.status_code} {answer.text[:120]}"
        except requests.RequestException as exc:
            return -n - 1, f"{type(exc).__name__}: {exc}"[:200]

    with ThreadPoolExecutor(senders) as pool:
        return dict(pool.map(send, range(len(bodies))))


def idle_floor(
    base_url: str, http: requests.Session, reports: list[tuple[int, int]]
) -> list[float]:
    """Notes on seeded reports (id, version), one at a time with nothing else running: the
    action's floor on this machine at this moment."""
    times = []
    for report_id, version in reports:
        body = {
            "type": "note",
            "payload": {"text": "floor"},
            "expected_version": version,
            "idempotency_key": uuid.uuid4().hex,
        }
        start = time.monotonic()
        answer = http.post(f"{base_url}/api/v1/reports/{report_id}/actions", json=body, timeout=30)
        times.append(time.monotonic() - start)
        answer.raise_for_status()
    return times
