"""Paging by `updated_after` against a small Open311 city on 127.0.0.1 that honours it
(inclusive, as most servers and ours do), with page/page_size, newest created first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from console.domain.model import parse_time
from console.store import Cache, Outbox, open_cache, open_outbox
from console.sync.open311.engine import Cursor, Open311Engine

T0 = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def request(n: int, updated: datetime, status: str = "open") -> dict[str, Any]:
    return {
        "service_request_id": n,
        "status": status,
        "service_code": "001",
        "service_name": "Cans left out 24x7",
        "requested_datetime": (T0 + timedelta(minutes=n)).isoformat(),
        "updated_datetime": updated.isoformat(),
    }


class City:
    """Requests in memory; `ignores_page` answers every page like the first."""

    def __init__(self) -> None:
        self.records: dict[int, dict[str, Any]] = {}
        self.asked: list[dict[str, str]] = []
        self.ignores_page = False
        city = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                if parts.path.endswith("/services.json"):
                    body: Any = [{"service_code": "001", "service_name": "Cans left out 24x7"}]
                elif parts.path.endswith("/requests.json"):
                    city.asked.append(query)
                    body = city.page(query)
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"open311+http://127.0.0.1:{self.httpd.server_address[1]}/open311/v2"

    def page(self, query: dict[str, str]) -> list[dict[str, Any]]:
        after = parse_time(query.get("updated_after"))
        chosen = [
            r
            for r in self.records.values()
            if after is None or parse_time(r["updated_datetime"]) >= after  # type: ignore[operator]
        ]
        chosen.sort(key=lambda r: r["requested_datetime"], reverse=True)
        size = int(query.get("page_size", 1000))
        number = 1 if self.ignores_page else int(query.get("page", 1))
        return chosen[(number - 1) * size : number * size]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def city() -> Iterator[City]:
    served = City()
    yield served
    served.stop()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[Cache, Outbox]]:
    cache, outbox = open_cache(tmp_path), open_outbox(tmp_path)
    yield cache, outbox
    cache.close()
    outbox.close()


def engine(city: City, desk: tuple[Cache, Outbox]) -> Open311Engine:
    return Open311Engine.for_server(city.url, *desk, page_size=2)


def test_equal_timestamps_across_pages_and_runs_lose_nothing(
    city: City, desk: tuple[Cache, Outbox]
) -> None:
    same = T0 + timedelta(hours=1)
    for n in (1, 2, 3):
        city.records[n] = request(n, same)
    first = engine(city, desk).sync_once()
    assert first.error is None and desk[0].counts().reports == 3
    assert Cursor.load(desk[0].cursor()) == Cursor(same, frozenset({"1", "2", "3"}))
    city.records[4] = request(4, same)  # arrives later, stamped the same second
    city.records[2] = request(2, same + timedelta(minutes=5), "closed")
    second = engine(city, desk).sync_once()
    assert sorted(second.pull.new_ids) == [4]
    assert second.pull.stored == 2  # 4 and the changed 2; 1 and 3 were known
    assert city.asked[-1]["updated_after"] == "2026-12-02T04:00:00Z"
    report = desk[0].get_report(2)
    assert report is not None and report.status.value == "closed"
    assert desk[0].counts().reports == 4
    third = engine(city, desk).sync_once()
    assert third.pull.stored == 0 and third.pull.pages == 1


def test_a_server_that_ignores_page_is_read_once(city: City, desk: tuple[Cache, Outbox]) -> None:
    city.ignores_page = True
    for n in range(1, 6):
        city.records[n] = request(n, T0 + timedelta(minutes=n))
    result = engine(city, desk).sync_once()
    # page_size 2 is honoured, page is not: the second page repeats the first, and ends it.
    assert result.pull.pages == 2 and result.pull.stored == 2


def test_a_run_stopped_halfway_keeps_its_pages_and_the_old_cursor(
    city: City, desk: tuple[Cache, Outbox]
) -> None:
    for n in range(1, 6):
        city.records[n] = request(n, T0 + timedelta(minutes=n))
    cut = engine(city, desk).sync_once(should_stop=lambda: True)
    assert cut.pull.stored == 2 and desk[0].cursor() is None
    whole = engine(city, desk).sync_once()
    assert whole.error is None and desk[0].counts().reports == 5
    assert Cursor.load(desk[0].cursor()).after == T0 + timedelta(minutes=5)
