"""A real cache file per test and the moments the wall's tests are pinned to."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from console.store import Cache, open_cache
from tests.conftest import SUITE_NOW

#: Wednesday 2 December 2026, 10:00 in Huế.
NOW = SUITE_NOW
#: Monday 30 November 00:00 in Huế is Sunday 29 November 17:00 UTC.
WEEK_START = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
DAY_START = datetime(2026, 12, 1, 17, 0, tzinfo=UTC)
MONTH_START = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
LAST_MONTH_START = datetime(2026, 10, 31, 17, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    opened = open_cache(tmp_path)
    yield opened
    opened.close()


def count(cache: Cache, sql: str, *params: object) -> float:
    """An independent figure: plain sqlite3 on the cache's file, times compared as julianday."""
    with sqlite3.connect(cache.path) as conn:
        value = conn.execute(sql, params).fetchone()[0]
    return 0 if value is None else value


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
