"""The live channel, console side, against the real central API on 127.0.0.1: a report filed
while a console holds the channel reaches its cache in about a second (the poll interval is
ten minutes), through server restarts, a proxy that cuts idle connections, and against a
server without the channel (the console polls)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.store import open_cache, open_outbox
from console.sync import CentralClient, SyncEngine
from console.sync.live import LiveBatch, LiveFeed
from tests.idle_proxy import IdleCuttingProxy

ARRIVAL_S = 10.0  # the channel, not the 600 s interval (nor its 25 s wait)


def file_report(base_url: str, title: str = "Cây đổ chắn đường Lê Lợi") -> int:
    """A citizen's report, filed through the central API's intake."""
    http = requests.Session()
    token = http.post(
        f"{base_url}/api/v1/auth/token", json={"user": "admin", "password": "demo"}, timeout=10
    ).json()["token"]
    answer = http.post(
        f"{base_url}/api/v1/reports",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "title": title,
            "description": "Cây lớn đổ ngang đường sau mưa.",
            "category": "environment",
            "ward": "phu-xuan",
            "lat": 16.4637,
            "lon": 107.5909,
            "address": "Lê Lợi",
            "reporter": {"name": "Nguyễn Văn A", "phone": "0905123456", "email": None},
        },
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    http.close()
    return int(answer.json()["id"])


class Station:
    """A console holding the channel on its own thread; every batch lands in `batches`."""

    def __init__(self, base_url: str, data_dir: Path, **feed_options: Any) -> None:
        self.client = CentralClient(base_url, backoff=0.01)
        self.client.login("operator", "demo")
        self.cache, self.outbox = open_cache(data_dir), open_outbox(data_dir)
        engine = SyncEngine(self.client, self.cache, self.outbox)
        self.batches: queue.Queue[LiveBatch] = queue.Queue()
        self.feed = LiveFeed(engine, self.batches.put, **{"interval_s": 600, **feed_options})
        self.thread = threading.Thread(target=self.feed.run, name="live-feed")
        self.thread.start()

    def wait_for(self, wanted: Callable[[LiveBatch], bool], timeout: float) -> LiveBatch:
        deadline = time.monotonic() + timeout
        seen: list[LiveBatch] = []
        while (left := deadline - time.monotonic()) > 0:
            try:
                batch = self.batches.get(timeout=left)
            except queue.Empty:
                break
            if wanted(batch):
                return batch
            seen.append(batch)
        raise AssertionError(f"no such batch within {timeout} s; saw {seen}")

    def close(self) -> float:
        """Stops the feed; returns how long stopping took."""
        started = time.monotonic()
        self.feed.stop()
        self.thread.join(10)
        took = time.monotonic() - started
        assert not self.thread.is_alive()
        self.client.close()
        self.cache.close()
        self.outbox.close()
        return took


@pytest.fixture
def city(tmp_path: Path) -> str:
    db_url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    seed_demo(db_url, 40)
    return db_url


@pytest.fixture
def central(city: str) -> Iterator[CentralServer]:
    server = CentralServer(city, demo=True, port=0)
    server.start()
    yield server
    server.close()


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Callable[..., Station]]:
    stations: list[Station] = []

    def make(base_url: str, **feed_options: Any) -> Station:
        stations.append(Station(base_url, tmp_path / f"console-{len(stations)}", **feed_options))
        return stations[-1]

    yield make
    for made in stations:
        if made.thread.is_alive():
            made.close()


def _arrived(report_id: int) -> Callable[[LiveBatch], bool]:
    return lambda batch: report_id in batch.new_ids


def test_a_report_filed_while_the_console_waits_reaches_its_cache_at_once(
    central: CentralServer, station: Callable[..., Station]
) -> None:
    console = station(central.base_url)
    first = console.wait_for(lambda b: b.result.error is None, 30)
    assert first.live and first.result.pull.received >= 40
    assert first.new_ids == ()  # the first fill of an empty cache is not "new arrivals"

    filed_at = time.monotonic()
    report_id = file_report(central.base_url)
    batch = console.wait_for(_arrived(report_id), ARRIVAL_S)
    assert time.monotonic() - filed_at < ARRIVAL_S
    assert batch.live and batch.last_change_at is not None
    cached = console.cache.get_report(report_id)
    assert cached is not None and cached.title == "Cây đổ chắn đường Lê Lợi"

    # Nothing changes now: the feed waits on the server, and stopping cuts that wait.
    assert console.batches.empty()
    assert console.close() < 5.0  # the 25 s wait is cut, not waited out


def test_the_channel_comes_back_after_the_server_restarts(
    central: CentralServer, station: Callable[..., Station]
) -> None:
    console = station(central.base_url)
    console.wait_for(lambda b: b.live, 30)

    central.stop()
    console.wait_for(lambda b: not b.result.online, 10)
    central.start()  # same port, same database
    report_id = file_report(central.base_url)
    batch = console.wait_for(_arrived(report_id), 10)
    assert batch.live and batch.result.online


def test_updates_arrive_behind_a_proxy_that_cuts_idle_connections(
    central: CentralServer, station: Callable[..., Station]
) -> None:
    proxy = IdleCuttingProxy(central.port, idle_s=10)
    try:
        console = station(proxy.base_url)
        console.wait_for(lambda b: b.live, 30)
        console.wait_for(lambda b: not b.result.online, 15)  # the 25 s wait was cut at 10 s
        assert proxy.cuts >= 1 and console.feed.wait_s == 12

        # Asked again at once, waiting 12 s: a report filed now wakes it.
        filed_at = time.monotonic()
        report_id = file_report(central.base_url)
        assert console.wait_for(_arrived(report_id), ARRIVAL_S).live
        assert time.monotonic() - filed_at < ARRIVAL_S
        console.close()
    finally:
        proxy.close()


def test_against_a_server_without_the_channel_the_console_polls(
    city: str, station: Callable[..., Station]
) -> None:
    server = CentralServer(city, demo=True, port=0, live=False)
    server.start()
    try:
        console = station(server.base_url, interval_s=1)
        first = console.wait_for(lambda b: b.result.error is None, 30)
        assert not first.live

        report_id = file_report(server.base_url)
        assert not console.wait_for(_arrived(report_id), 5).live
        console.close()
    finally:
        server.close()


def test_the_sync_command_holds_the_channel(central: CentralServer, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "console.cli", "sync", "--server", central.base_url]
    command += ["--user", "operator", "--data-dir", str(tmp_path / "cli")]
    env = {**os.environ, "PAHT_PASSWORD": "demo"}
    cli = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in cli.stdout or ()])
    reader.start()
    try:
        first = lines.get(timeout=60)
        assert '"live": true' in first and '"received": 4' in first
        filed_at = time.monotonic()
        file_report(central.base_url)
        arrived = lines.get(timeout=ARRIVAL_S)
        assert time.monotonic() - filed_at < ARRIVAL_S
        assert '"new": 1' in arrived and '"cache_reports": 41' in arrived
    finally:
        cli.send_signal(signal.SIGINT)
        assert cli.wait(timeout=10) == 0, cli.stderr and cli.stderr.read()
        reader.join(5)
