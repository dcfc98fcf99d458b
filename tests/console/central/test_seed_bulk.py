"""The bulk seed of a large city on PostgreSQL stores exactly what the in-process path stores."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, text

from console.central.db import Base, make_engine
from console.central.seed import seed_city
from console.central.seed_pg import seed_postgres

PG_URL = os.environ.get("PAHT_TEST_PG_URL")
NOW = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set"),
]


def _content(engine: Engine) -> tuple[list[Any], list[Any], list[str]]:
    """Reports (seq counted from the first) and events (without their serial id)."""
    with engine.connect() as conn:
        reports = conn.execute(
            text("SELECT *, seq - (SELECT min(seq) FROM reports) AS rel FROM reports ORDER BY id")
        ).all()
        events = conn.execute(
            text(
                "SELECT report_id, at, actor, role, action, from_status, to_status, payload "
                "FROM events ORDER BY report_id, id"
            )
        ).all()
        indexes = conn.execute(
            text(
                "SELECT indexname FROM pg_indexes WHERE tablename IN ('reports', 'events') "
                "ORDER BY indexname"
            )
        ).scalars()
        return [r._mapping for r in reports], list(events), list(indexes)


def _without_seq(rows: list[Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "seq"} for row in rows]


def test_bulk_seed_stores_what_the_plain_path_stores() -> None:
    assert PG_URL is not None
    engine = make_engine(PG_URL)
    try:
        Base.metadata.drop_all(engine)
        engine.dispose()
        engine = make_engine(PG_URL)
        assert seed_city(engine, 250, seed=3, now=NOW) == 250
        plain_reports, plain_events, plain_indexes = _content(engine)
        counts: list[int] = []
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))
            conn.execute(text("DELETE FROM reports"))
        assert seed_postgres(engine, 250, 3, NOW, counts.append) == 250
        bulk_reports, bulk_events, bulk_indexes = _content(engine)
    finally:
        engine.dispose()
    assert counts == [250]
    assert len(plain_events) > 250
    assert bulk_events == plain_events
    assert _without_seq(bulk_reports) == _without_seq(plain_reports)
    assert bulk_indexes == plain_indexes
