"""The adapter against our own Open311 face (the reference central on 127.0.0.1), in JSON and
in XML: every public request arrives as a report with the central's id, category, place and
open/closed state; the services become the categories."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.model import Status
from console.store import open_cache, open_outbox
from console.sync.open311.engine import Open311Engine

CLOSED_THERE = {"resolved", "published", "closed"}
CLOSED_HERE = {Status.CLOSED}


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, Path]]:
    path = tmp_path_factory.mktemp("open311-central") / "central.sqlite3"
    seed_demo(f"sqlite:///{path}", 120)
    server = CentralServer(f"sqlite:///{path}", demo=True, port=0)
    server.start()
    yield server, path
    server.close()


def public_reports(path: Path) -> dict[int, tuple[str, str, float | None, float | None]]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT id, status, category, lat, lon FROM reports WHERE status != 'rejected'"
        ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_our_own_face_round_trips(
    central: tuple[CentralServer, Path], tmp_path: Path, fmt: str
) -> None:
    server, path = central
    base = f"http://127.0.0.1:{server.port}/open311/v2"
    if requests.get(f"{base}/requests.{fmt}", timeout=10).status_code == 404:
        pytest.skip(f"the central's Open311 face has no requests.{fmt} yet (404)")
    cache, outbox = open_cache(tmp_path), open_outbox(tmp_path)
    engine = Open311Engine.for_server(f"open311+{base}", cache, outbox, page_size=25)
    engine.client.fmt = fmt
    try:
        result = engine.sync_once()
        assert result.error is None, result.error
        assert engine.client.fmt == fmt
        truth = public_reports(path)
        assert result.pull.pages >= len(truth) // 25
        held = cache.get_reports(list(truth))
        assert sorted(held) == sorted(truth)
        for report_id, (status, category, lat, lon) in truth.items():
            report = held[report_id]
            assert report.code == str(report_id) and report.category == category
            assert (report.status in CLOSED_HERE) == (status in CLOSED_THERE), report_id
            assert report.lat == pytest.approx(lat) and report.lon == pytest.approx(lon)
            assert report.reporter is None and report.channel == "open311"
        reference = cache.reference_json()
        assert reference is not None
        codes = {c["code"] for c in reference["categories"]}
        assert {category for _, category, _, _ in truth.values()} <= codes
        again = engine.sync_once()
        assert again.pull.stored == 0 and again.pull.new_ids == ()
        assert cache.counts().quarantined == 0
    finally:
        engine.client.close()
        cache.close()
        outbox.close()
