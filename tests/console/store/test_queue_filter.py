"""The queue's filters, views and deadline order, as the operator meets them (no Qt)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.model import Report, Status, Urgency
from console.domain.sla import SlaClock, load_sla
from console.store import open_cache
from console.store.queue_clock import QueueClock, describe_time_left
from console.store.queue_filter import (
    QueueFilter,
    filter_rows,
    queue_row_from_report,
    sort_by_urgency,
)
from console.store.records import QueueRow
from console.store.saved_views import (
    BUILTIN_VIEWS,
    SavedView,
    load_user_views,
    new_view_key,
    save_user_views,
)
from console.store.search_index import QueueIndex, view_counts
from tests.console.store.factories import new_report

# Tuesday 10 March 2026, 09:00 in Huế: an ordinary working morning.
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sla() -> SlaClock:
    return load_sla()


@pytest.fixture
def clock(sla: SlaClock) -> QueueClock:
    return QueueClock(sla)


def report(report_id: int, **fields: Any) -> Report:
    return new_report(NOW, report_id, **fields)


def row(report_id: int, **fields: Any) -> QueueRow:
    return queue_row_from_report(report(report_id, **fields))


def ids(rows: list[QueueRow]) -> list[int]:
    return [r.id for r in rows]


def view(key: str) -> SavedView:
    return next(v for v in BUILTIN_VIEWS if v.key == key)


def test_each_builtin_view_selects_its_reports(clock: QueueClock) -> None:
    rows = [
        row(1, status=Status.NEW),
        row(2, status=Status.ACCEPTED),
        row(3, status=Status.ASSIGNED, unit="so-xay-dung", deadline=NOW + timedelta(days=3)),
        row(4, status=Status.IN_PROGRESS, unit="so-xay-dung", deadline=NOW - timedelta(hours=2)),
        row(5, status=Status.RETURNED),
        row(6, status=Status.EXTENSION_REQUESTED, deadline=NOW - timedelta(days=1)),
        row(7, status=Status.RESOLVED),
        row(8, status=Status.CLOSED),
        row(9, status=Status.REOPENED, deadline=NOW + timedelta(days=1)),
        row(10, status=Status.REJECTED),
        # The intake clock ran out: red on the row's clock, but not "overdue" (a unit late:
        # console.domain.lateness), so the tab counts what the board and the reports count.
        row(11, status=Status.NEW, created_at=NOW - timedelta(days=2)),
    ]
    selected = {v.key: set(ids(filter_rows(rows, v.filter, NOW, clock))) for v in BUILTIN_VIEWS}
    assert selected == {
        "new": {1, 2, 11},
        "assigned": {3, 4, 9},
        "overdue": {4, 6},
        "returned": {5},
        "extension": {6},
        "awaiting_publication": {7},
        "all": set(range(1, 12)),
    }
    assert view_counts(QueueIndex(rows), BUILTIN_VIEWS, NOW, clock)["overdue"] == 2


def test_search_ignores_diacritics_and_case(clock: QueueClock) -> None:
    rows = [
        row(1, title="Đèn đường hỏng trước số 5 Lê Lợi"),
        row(2, title="Ổ gà trên đường Hùng Vương"),
        row(3, title="Cây xanh đổ", address="ĐƯỜNG ĐIỆN BIÊN PHỦ"),
        row(4, title="Nước ngập", description="đèn tín hiệu giao thông không sáng"),
    ]

    def search(text: str) -> list[int]:
        return ids(filter_rows(rows, QueueFilter(text=text), NOW, clock))

    assert search("den duong") == [1]
    assert search("ĐÈN ĐƯỜNG") == [1]
    assert search("duong") == [1, 2, 3]
    assert search("  duong   den ") == [1]  # every word, in any order
    assert search("den") == [1, 4]
    assert search("PA-2026-000002") == [2]
    assert search("dien bien phu") == [3]
    assert search("khong co dau") == []


def test_pick_lists_dates_and_toggles_combine(clock: QueueClock) -> None:
    # 5 March 2026 23:30 in Huế is 16:30 UTC: it belongs to the 5th, not the 6th.
    late_evening = datetime(2026, 3, 5, 16, 30, tzinfo=UTC)
    rows = [
        row(1, category="lighting", ward="an-cuu", urgency=Urgency.URGENT, created_at=late_evening),
        row(2, category="lighting", ward="vy-da", created_at=late_evening + timedelta(hours=1)),
        row(3, category="roads", ward="an-cuu", unit="so-xay-dung", status=Status.ASSIGNED),
        row(4, category="roads", escalation_level=2, status=Status.ASSIGNED, unit="so-du-lich"),
    ]

    def keep(**fields: Any) -> list[int]:
        return ids(filter_rows(rows, QueueFilter(**fields), NOW, clock))

    assert keep(categories=frozenset({"lighting"})) == [1, 2]
    assert keep(wards=frozenset({"an-cuu"})) == [1, 3]
    assert keep(units=frozenset({"so-xay-dung"})) == [3]
    assert keep(urgencies=frozenset({Urgency.URGENT})) == [1]
    assert keep(statuses=frozenset({Status.ASSIGNED})) == [3, 4]
    assert keep(escalated_only=True) == [4]
    assert keep(date_to=date(2026, 3, 5)) == [1]
    assert keep(date_from=date(2026, 3, 6), date_to=date(2026, 3, 6)) == [2]
    assert keep(categories=frozenset({"lighting"}), wards=frozenset({"an-cuu"})) == [1]


def test_a_tab_narrowed_by_the_filter_bar() -> None:
    tab = view("assigned").filter
    narrowed = tab.narrow(QueueFilter(text="den", statuses=frozenset({Status.IN_PROGRESS})))
    assert narrowed is not None
    assert narrowed.statuses == {Status.IN_PROGRESS} and narrowed.text == "den"
    assert tab.narrow(QueueFilter(statuses=frozenset({Status.NEW}))) is None
    assert view("all").filter.narrow(QueueFilter(overdue_only=True)) == QueueFilter(
        overdue_only=True
    )


def test_typing_more_only_narrows() -> None:
    assert QueueFilter(text="den duo").refines(QueueFilter(text="den"))
    assert QueueFilter(text="đèn").refines(QueueFilter(text="den"))
    assert not QueueFilter(text="de").refines(QueueFilter(text="den"))
    assert not QueueFilter(text="den", units=frozenset({"x"})).refines(QueueFilter(text="den"))


def test_most_urgent_deadline_first(clock: QueueClock) -> None:
    rows = [
        row(1, status=Status.CLOSED, created_at=NOW - timedelta(days=30)),
        row(2, status=Status.ASSIGNED, deadline=NOW + timedelta(days=5)),
        row(3, status=Status.IN_PROGRESS, deadline=NOW - timedelta(days=2)),
        row(4, status=Status.NEW, urgency=Urgency.URGENT, created_at=NOW - timedelta(minutes=20)),
        row(5, status=Status.ASSIGNED, deadline=NOW + timedelta(hours=3)),
        row(6, status=Status.PUBLISHED, created_at=NOW - timedelta(days=3)),
        row(7, status=Status.NEW, created_at=NOW - timedelta(minutes=10)),
        row(8, status=Status.ASSIGNED, urgency=Urgency.URGENT, deadline=NOW - timedelta(days=1)),
    ]
    # The longest overdue first, in calendar time (2 days late over a weekend is only 9
    # working hours, less than the urgent report's 24 h, but it reads "quá hạn 2 ngày");
    # then the urgent report with 10 of its 30 minutes left; the normal new one with nearly
    # its 4 working hours; the 3 h and 5 day deadlines; no clock last, newest first.
    assert ids(sort_by_urgency(rows, clock)) == [3, 8, 4, 5, 7, 2, 6, 1]


def test_time_left_reads_like_the_operator_says_it(clock: QueueClock) -> None:
    # 09:00 + 3 h 20 min of office time = 14:20 (the lunch break does not count).
    soon = row(1, status=Status.ASSIGNED, deadline=datetime(2026, 3, 10, 7, 20, tzinfo=UTC))
    late = row(2, status=Status.ASSIGNED, deadline=NOW - timedelta(days=2, hours=3))
    urgent = row(
        3, status=Status.NEW, urgency=Urgency.URGENT, created_at=NOW - timedelta(minutes=5)
    )
    ample = row(4, status=Status.ASSIGNED, deadline=datetime(2026, 3, 16, 2, 0, tzinfo=UTC))
    day = clock.sla.calendar.day_length

    def text(r: QueueRow) -> str:
        state = clock.state(r, NOW)
        assert state is not None
        return describe_time_left(state, NOW, day)

    assert text(soon) == "còn 3 giờ 20 phút làm việc"
    assert text(late) == "quá hạn 2 ngày"
    assert text(urgent) == "còn 25 phút"
    assert text(ample) == "còn 4 ngày làm việc"
    english = [
        describe_time_left(clock.state(r, NOW), NOW, day, "en") for r in (soon, late, urgent)
    ]  # type: ignore[arg-type]
    assert english == ["3h 20min working time left", "2 days overdue", "25min left"]
    soon_state, ample_state = clock.state(soon, NOW), clock.state(ample, NOW)
    assert soon_state is not None and soon_state.running_low and not soon_state.overdue
    assert ample_state is not None and not ample_state.running_low
    assert clock.state(row(5, status=Status.CLOSED), NOW) is None


def test_user_views_are_saved_as_json(tmp_path: Path) -> None:
    flt = QueueFilter(text="đèn", categories=frozenset({"lighting"}), date_from=date(2026, 1, 2))
    mine = SavedView(
        new_view_key("Đèn đường Vỹ Dạ", ["user-den-duong-vy-da"]), "Đèn đường Vỹ Dạ", "", flt
    )
    assert mine.key == "user-den-duong-vy-da-2"
    save_user_views(tmp_path, [*BUILTIN_VIEWS, mine])

    stored = json.loads((tmp_path / "queue_views.json").read_text(encoding="utf-8"))
    assert [v["label_vi"] for v in stored["views"]] == ["Đèn đường Vỹ Dạ"]
    (loaded,) = load_user_views(tmp_path)
    assert loaded.filter == flt and loaded.label_vi == "Đèn đường Vỹ Dạ" and not loaded.builtin


def test_a_damaged_views_file_never_blocks_the_queue(tmp_path: Path) -> None:
    (tmp_path / "queue_views.json").write_text("{not json", encoding="utf-8")
    assert load_user_views(tmp_path) == []
    bad_status = {"views": [{"key": "k", "label_vi": "x", "filter": {"statuses": ["nope"]}}]}
    (tmp_path / "queue_views.json").write_text(json.dumps(bad_status), encoding="utf-8")
    assert load_user_views(tmp_path) == []
    assert load_user_views(tmp_path / "missing") == []


def test_filters_rows_read_from_a_real_cache(tmp_path: Path, clock: QueueClock) -> None:
    cache = open_cache(tmp_path)
    try:
        cache.upsert_reports(
            [
                report(1, title="Đèn đường không sáng", category="lighting"),
                report(2, title="Rác thải ven sông Hương"),
                report(
                    3,
                    title="Đèn trang trí hỏng",
                    status=Status.ASSIGNED,
                    deadline=NOW - timedelta(hours=1),
                ),
            ]
        )
        rows = sort_by_urgency(cache.load_queue_rows(), clock)
    finally:
        cache.close()
    assert ids(filter_rows(rows, QueueFilter(text="den"), NOW, clock)) == [3, 1]
    assert ids(filter_rows(rows, view("overdue").filter, NOW, clock)) == [3]
    assert ids(filter_rows(rows, QueueFilter(text="song huong"), NOW, clock)) == [2]


def test_an_index_finds_the_same_rows_and_narrows_within_a_previous_result(
    clock: QueueClock,
) -> None:
    rows = sort_by_urgency(
        [
            row(1, title="Đèn đường hỏng", category="lighting"),
            row(2, title="Đèn trang trí", category="lighting", status=Status.CLOSED),
            row(3, title="Đường ngập nước", category="water"),
        ],
        clock,
    )
    index = QueueIndex(rows)
    flt = QueueFilter(text="den")
    found = index.search(flt, NOW, clock)
    assert index.take(found) == filter_rows(rows, flt, NOW, clock)
    narrower = QueueFilter(text="den duong")
    assert narrower.refines(flt)
    assert ids(index.take(index.search(narrower, NOW, clock, within=found))) == [1]
    assert index.search(QueueFilter(text="zzz"), NOW, clock).tolist() == []
    assert len(QueueIndex([])) == 0
