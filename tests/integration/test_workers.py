"""The central API in several real server processes on one PostgreSQL database: version checks,
idempotency keys, sign-in throttling and the live channel hold across processes, and
`serve --workers 2` starts, serves and stops cleanly."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests
from sqlalchemy import create_engine, text

from console.central.auth import FREE_FAILURES
from tests.integration.conftest import ON_POSTGRES, START_S, Serve, signed_in

pytestmark = ON_POSTGRES


def new_report(serve: Serve) -> dict[str, Any]:
    body = {
        "title": "Cây đổ chắn đường Lê Lợi",
        "description": "Cây xanh bật gốc sau mưa lớn.",
        "category": "environment",
        "ward": "phu-xuan",
        "lat": 16.46,
        "lon": 107.59,
        "address": "12 Lê Lợi",
        "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": None},
    }
    answer = signed_in(serve, "citizen").post(f"{serve.base}/reports", json=body, timeout=10)
    assert answer.status_code == 201, answer.text
    report: dict[str, Any] = answer.json()
    return report


def at_once(*calls: Callable[[], requests.Response]) -> list[requests.Response]:
    """Run the calls in parallel threads released together."""
    gate = threading.Barrier(len(calls))

    def run(call: Callable[[], requests.Response]) -> requests.Response:
        gate.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def accept(
    session: requests.Session, serve: Serve, report: dict[str, Any], key: str
) -> Callable[[], requests.Response]:
    body = {
        "type": "accept",
        "payload": {"category": "environment", "urgency": "normal"},
        "expected_version": report["version"],
        "idempotency_key": key,
    }
    url = f"{serve.base}/reports/{report['id']}/actions"
    return lambda: session.post(url, json=body, timeout=20)


def accepts_in_history(session: requests.Session, serve: Serve, report_id: int) -> int:
    history = session.get(f"{serve.base}/reports/{report_id}", timeout=10).json()["history"]
    return sum(event["action"] == "accept" for event in history)


def test_two_processes_acting_on_one_version_one_wins(pair: tuple[Serve, Serve]) -> None:
    a, b = pair
    on_a, on_b = signed_in(a, "operator"), signed_in(b, "supervisor")
    for _ in range(4):
        report = new_report(a)
        answers = at_once(
            accept(on_a, a, report, uuid.uuid4().hex), accept(on_b, b, report, uuid.uuid4().hex)
        )
        assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
        won = next(r for r in answers if r.status_code == 200).json()
        lost = next(r for r in answers if r.status_code == 409).json()
        assert lost["code"] == "version_conflict"
        assert lost["current"]["version"] == won["version"] == report["version"] + 1
        assert lost["current"]["status"] == won["status"]
        assert accepts_in_history(on_a, a, report["id"]) == 1


def test_one_key_sent_to_two_processes_is_applied_once(pair: tuple[Serve, Serve]) -> None:
    a, b = pair
    on_a, on_b = signed_in(a, "operator"), signed_in(b, "operator")
    for _ in range(4):
        report = new_report(b)
        key = uuid.uuid4().hex
        first, second = at_once(accept(on_a, a, report, key), accept(on_b, b, report, key))
        assert first.status_code == second.status_code == 200, [first.text, second.text]
        assert first.json() == second.json()
        assert first.json()["version"] == report["version"] + 1
        assert accepts_in_history(on_b, b, report["id"]) == 1


def _workers_holding(serve: Serve) -> int:
    """How many of the server's processes hold an open connection from us."""
    children = psutil.Process(serve.process.pid).children()
    return sum(
        any(c.laddr.port == serve.port and c.raddr for c in child.net_connections("tcp"))
        for child in children
    )


def _burst(serve: Serve, user: str) -> tuple[list[requests.Response], int]:
    """20 wrong passwords for `user` at once; the answers and how many workers took them."""
    url = f"{serve.base}/auth/token"
    guessers = [requests.Session() for _ in range(20)]
    answers = at_once(
        *(
            lambda s=s, n=n: s.post(url, json={"user": user, "password": f"sai-{n}"}, timeout=30)
            for n, s in enumerate(guessers)
        )
    )
    workers = _workers_holding(serve)
    for session in guessers:
        session.close()
    return answers, workers


def test_parallel_guesses_on_two_workers_are_braked(pair: tuple[Serve, Serve]) -> None:
    """On the server with two workers (under PAHT_NOW the pair's two servers each pin their
    clock from their own start, seconds apart; workers share their parent's). Which worker
    accepts a connection is the kernel's choice: a burst is tried again, for another name,
    until one was answered by both."""
    _, b = pair
    for attempt in range(8):
        answers, workers = _burst(b, f"khong-co-{attempt}")  # unknown names count the same
        _assert_braked(answers)
        if workers == 2:
            break
    assert workers == 2, "every burst went to one worker"
    answers, _ = _burst(b, "media")
    waits = _assert_braked(answers)
    time.sleep(max(waits) + 0.5)
    url = f"{b.base}/auth/token"
    right = requests.post(url, json={"user": "media", "password": "demo"}, timeout=10)
    assert right.status_code == 200
    wrong = requests.post(url, json={"user": "media", "password": "sai-lần-nữa"}, timeout=10)
    assert wrong.status_code == 401  # the count was cleared


def _assert_braked(answers: list[requests.Response]) -> list[int]:
    """At most FREE_FAILURES tries reached the password check; the waits asked of the rest."""
    codes = [r.status_code for r in answers]
    assert set(codes) == {401, 429} and codes.count(401) <= FREE_FAILURES, codes
    waits = [int(r.headers["Retry-After"]) for r in answers if r.status_code == 429]
    assert min(waits) >= 1
    return waits


def _hold_changes(session: requests.Session, serve: Serve) -> tuple[threading.Thread, list[Any]]:
    cursor = session.get(f"{serve.base}/health", timeout=10).json()["cursor"]
    answer: list[Any] = []

    def hold() -> None:
        page = session.get(
            f"{serve.base}/changes", params={"after": cursor, "wait": 30}, timeout=40
        )
        answer.append((time.monotonic(), page.json()["items"]))

    thread = threading.Thread(target=hold)
    thread.start()
    time.sleep(0.5)  # the request is held by now
    return thread, answer


def _woken_by_the_other(a: Serve, b: Serve) -> None:
    thread, answer = _hold_changes(signed_in(a, "operator"), a)
    filed = new_report(b)
    filed_at = time.monotonic()
    thread.join(20)
    assert answer, "the held request did not answer"
    answered_at, items = answer[0]
    assert answered_at - filed_at < 10  # woken, not waited out (the wait is 30 s)
    assert [item["id"] for item in items] == [filed["id"]]


def _listeners(db_url: str) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            )
        ).scalar_one()
    engine.dispose()
    return int(count)


def test_a_change_through_one_process_wakes_the_wait_on_the_other(
    pair: tuple[Serve, Serve], db_url: str
) -> None:
    a, b = pair
    _woken_by_the_other(a, b)
    _woken_by_the_other(b, a)
    assert _listeners(db_url) == 3
    engine = create_engine(db_url)
    with engine.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            )
        )
    engine.dispose()
    deadline = time.monotonic() + 15
    while _listeners(db_url) < 3:
        assert time.monotonic() < deadline, "the listeners did not reconnect"
        time.sleep(0.2)
    _woken_by_the_other(a, b)


def _workers(serve: Serve) -> list[psutil.Process]:
    """The server's live worker processes (not multiprocessing's resource tracker)."""
    found = []
    for child in psutil.Process(serve.process.pid).children():
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.ZombieProcess:
            continue  # dead, not yet collected by its parent
    return found


def _until_both_serve(serve: Serve) -> None:
    """Until both workers have answered (the parent restarts only a worker that served)."""
    deadline = time.monotonic() + START_S
    while True:
        sessions = [requests.Session() for _ in range(10)]
        at_once(*(lambda s=s: s.get(f"{serve.base}/health", timeout=10) for s in sessions))
        both = _workers_holding(serve) == 2
        for session in sessions:
            session.close()
        if both:
            time.sleep(0.5)  # a worker tells its parent it serves within 0.2 s
            return
        assert time.monotonic() < deadline, "one worker never answered"


@pytest.fixture
def two_workers(db_url: str, tmp_path: Path) -> Iterator[Serve]:
    serve = Serve(db_url, tmp_path, workers=2)
    yield serve
    serve.kill()


def test_serve_with_two_workers_serves_and_stops_cleanly(two_workers: Serve) -> None:
    serve = two_workers
    _until_both_serve(serve)
    first, second = _workers(serve)
    first.kill()  # a worker that dies after serving is replaced
    deadline = time.monotonic() + START_S
    while {w.pid for w in _workers(serve)} in ({second.pid}, {first.pid, second.pid}):
        assert time.monotonic() < deadline, "the dead worker was not replaced"
        time.sleep(0.1)
    assert len(_workers(serve)) == 2 and serve.process.poll() is None
    session = signed_in(serve, "operator")
    with ThreadPoolExecutor(8) as pool:
        pages = list(
            pool.map(lambda _: session.get(f"{serve.base}/changes", timeout=20), range(80))
        )
    assert [page.status_code for page in pages] == [200] * 80
    thread, answer = _hold_changes(session, serve)
    processes = psutil.Process(serve.process.pid).children(recursive=True)
    asked_at = time.monotonic()
    assert serve.stop() == 0
    thread.join(10)
    assert answer and answer[0][0] - asked_at < 8  # the held request was released
    _, alive = psutil.wait_procs(processes, timeout=5)
    assert alive == []
