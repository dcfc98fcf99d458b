"""The signed-in session a window works with, and what it derives from it off the GUI thread.

Opening the store, loading a report's details and turning 200,000 queue rows into map
markers all take time, so they are plain functions run on a TaskRunner.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from console.config import Settings
from console.connection import Connection
from console.domain.model import Event, Report, Role
from console.domain.reference import Reference, load_reference, reference_from_json
from console.domain.sla import SlaClock, load_sla
from console.maps.markers import MarkerRow
from console.maps.page import TileProvider
from console.store import Cache, Outbox, QueueRow, open_cache, open_outbox
from console.store.queue_filter import QueueClock
from console.store.queue_memory import bulk_allocation
from console.sync.client import CentralClient

LAYOUT_FILE = "window.ini"


@dataclass
class WorkSession:
    """What a signed-in window works with; built by `widgets.app` after sign-in."""

    settings: Settings
    connection: Connection
    cache: Cache
    outbox: Outbox
    engine: Any
    sla: SlaClock
    reference: Reference
    token_warning: str | None = None
    tiles: TileProvider | None = None


def layout_settings(config_dir: Path) -> QSettings:
    """The window's own settings (layout, language) in an INI file in the config folder."""
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / LAYOUT_FILE), QSettings.Format.IniFormat)


def open_work(
    settings: Settings, connection: Connection
) -> tuple[Cache, Outbox, SlaClock, Reference]:
    """Opens the local store and the rules (on a worker: a migration may take a while)."""
    cache = open_cache(settings.data_dir)
    outbox = open_outbox(settings.data_dir)
    reference = load_reference()
    stored = cache.reference_json()
    if stored:
        # An unusable copy from the server leaves the shipped reference data in use.
        with contextlib.suppress(ValueError, KeyError, TypeError):
            reference = reference_from_json(stored)
    return cache, outbox, load_sla(), reference


def resume(base_url: str, token: str, ca_bundle: str | None) -> Connection:
    """A connection from a saved token, if the server still accepts it."""
    client = CentralClient(base_url, token=token, ca_bundle=ca_bundle, retries=0)
    info = client.me()
    return Connection(
        base_url=base_url,
        client=client,
        user=str(info["name"]),
        role=Role(info["role"]),
        token=token,
    )


def load_detail(cache: Cache, outbox: Outbox, report_id: int) -> tuple[Report | None, list[Event]]:
    """The report as the operator should see it: with its pending (unsent) actions applied."""
    preview = outbox.pending_previews().get(report_id)
    return preview or cache.get_report(report_id), cache.get_history(report_id)


class MarkerCache:
    """Map markers for queue rows, remembered per report version.

    A marker changes only when its report does or when its running deadline passes, so a
    filter change over 200,000 rows reuses almost every marker. Used from worker threads
    (writes are idempotent); the first 200,000 are a bulk allocation (console.store.queue_memory).
    """

    def __init__(self, clock: QueueClock) -> None:
        self._clock = clock
        self._memo: dict[int, tuple[int, datetime | None, MarkerRow]] = {}

    def markers(self, rows: Sequence[QueueRow], now: datetime) -> list[MarkerRow]:
        with bulk_allocation():
            return self._markers(rows, now)

    def _markers(self, rows: Sequence[QueueRow], now: datetime) -> list[MarkerRow]:
        memo = self._memo
        out: list[MarkerRow] = []
        for row in rows:
            if row.lat is None or row.lon is None:
                continue
            hit = memo.get(row.id)
            if hit is not None and hit[0] == row.version:
                due, marker = hit[1], hit[2]
                if marker.overdue == (due is not None and due < now):
                    out.append(marker)
                    continue
            running = self._clock.deadline(row)
            due = running[0] if running is not None else None
            marker = MarkerRow(
                id=row.id,
                lat=row.lat,
                lon=row.lon,
                status=row.status,
                overdue=due is not None and due < now,
                escalation_level=row.escalation_level,
                code=row.code,
                title=row.title,
            )
            memo[row.id] = (row.version, due, marker)
            out.append(marker)
        return out
