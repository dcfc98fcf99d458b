"""The ticker: seeded from today's rows at start, then one line per change the cache brings;
a refresh after a small change reads only the changed rows."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from console.domain.model import Report, Status
from console.store import Cache
from console.wall.state import WallState
from console.wall.ticker import LINE_CHARS, TICKER_LINES
from tests.console.store.factories import new_report
from tests.console.wall.conftest import DAY_START, NOW, SECOND

MINUTE = timedelta(minutes=1)


def _at(n: int, **fields: object) -> Report:
    return new_report(NOW, n, created_at=NOW - timedelta(hours=3), **fields)


def test_first_refresh_seeds_today_by_last_update_and_current_status(cache: Cache) -> None:
    cache.upsert_reports(
        [
            _at(1, updated_at=NOW - 50 * MINUTE),
            _at(2, status=Status.ASSIGNED, unit="u1", updated_at=NOW - 40 * MINUTE),
            _at(3, status=Status.RESOLVED, unit="u2", updated_at=NOW - 30 * MINUTE),
            _at(4, status=Status.PUBLISHED, unit="u2", updated_at=NOW - 20 * MINUTE),
            _at(5, status=Status.RETURNED, unit="u3", updated_at=NOW - 10 * MINUTE),
            # Last touched yesterday (23:59:59 in Huế): not today's news.
            new_report(
                NOW, 6, created_at=DAY_START - timedelta(hours=2), updated_at=DAY_START - SECOND
            ),
        ]
    )
    state = WallState(cache)
    ticker = state.refresh(NOW).ticker
    assert [(t.kind, t.report_id) for t in ticker] == [
        ("returned", 5),
        ("published", 4),
        ("resolved", 3),
        ("assigned", 2),
        ("received", 1),
    ]
    unit = state.reference.unit_name
    assert ticker[3].text == f"Phản ánh 2 → {unit('u1')}"
    assert ticker[4].text == f"Phản ánh 1 — {state.reference.ward_name('vy-da')}"
    assert ticker[0].text == f"{unit('u3')}: Phản ánh 5"


def test_each_change_makes_its_line_and_only_changed_rows_are_read(cache: Cache) -> None:
    deadline = NOW + 30 * MINUTE
    cache.upsert_reports(
        [
            new_report(
                NOW, n, created_at=NOW - timedelta(days=3), updated_at=NOW - timedelta(days=3)
            )
            for n in range(1, 5)
        ]
        + [
            new_report(
                NOW,
                5,
                created_at=NOW - timedelta(days=3),
                updated_at=NOW - timedelta(days=3),
                status=Status.IN_PROGRESS,
                unit="u2",
                deadline=deadline,
            )
        ]
        + [new_report(NOW, 10 + n, created_at=NOW - timedelta(days=2)) for n in range(40)]
    )
    state = WallState(cache)
    assert state.refresh(NOW).ticker == ()
    # Last week's reports 1-4 are not held (nothing of them counts this week); the one at a
    # unit is (it may become overdue), and so are this week's 40.
    assert state.rows_read == 41

    later = NOW + timedelta(hours=1)
    old = {n: cache.get_report(n) for n in range(1, 5)}

    def moved(n: int, **fields: object) -> Report:
        report = old[n]
        assert report is not None
        return dataclasses.replace(report, version=2, updated_at=later - n * MINUTE, **fields)

    cache.upsert_reports(
        [
            new_report(NOW, 99, created_at=later - 30 * SECOND, title="Cây đổ trên đường Lê Lợi"),
            moved(1, status=Status.ASSIGNED, unit="u1"),
            moved(2, status=Status.RESOLVED, unit="u1", resolved_at=later - 2 * MINUTE),
            moved(3, status=Status.PUBLISHED, unit="u1"),
            moved(4, status=Status.RETURNED, unit="u3"),
        ]
    )
    scene = state.refresh(later)
    assert state.rows_read == 5
    unit, ward = state.reference.unit_name, state.reference.ward_name
    assert [(t.kind, t.report_id, t.text) for t in scene.ticker] == [
        ("received", 99, f"Cây đổ trên đường Lê Lợi — {ward('vy-da')}"),
        ("assigned", 1, f"Phản ánh 1 → {unit('u1')}"),
        ("resolved", 2, f"{unit('u1')}: Phản ánh 2"),
        ("published", 3, "Phản ánh 3"),
        ("returned", 4, f"{unit('u3')}: Phản ánh 4"),
        ("overdue", 5, f"Phản ánh 5 — {unit('u2')}"),
    ]
    assert scene.ticker[-1].at == deadline
    assert 99 in {m.id for m in state.new_markers([99, 12345])}

    # Nothing changed: nothing read, nothing told again.
    again = state.refresh(later + MINUTE)
    assert state.rows_read == 0
    assert again.ticker == scene.ticker

    # An edit that changes no status tells nothing; the ticker keeps its newest lines.
    touched = cache.get_report(99)
    assert touched is not None
    cache.upsert_reports([dataclasses.replace(touched, version=2, escalation_level=1)])
    assert state.refresh(later + 2 * MINUTE).ticker == scene.ticker
    assert state.rows_read == 1
    cache.upsert_reports(
        [new_report(NOW, 200 + n, created_at=later + n * SECOND) for n in range(TICKER_LINES + 3)]
    )
    flood = state.refresh(later + 3 * MINUTE).ticker
    assert len(flood) == TICKER_LINES and flood[0].report_id == 200 + TICKER_LINES + 2


def test_long_titles_are_cut_to_one_line(cache: Cache) -> None:
    cache.upsert_reports([_at(1, title="Rác thải " * 30)])
    state = WallState(cache)
    (line,) = state.refresh(NOW).ticker
    assert len(line.text) <= LINE_CHARS
    assert line.text.startswith("Rác thải Rác thải")
    assert line.text.endswith(f"… — {state.reference.ward_name('vy-da')}")
