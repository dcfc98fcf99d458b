"""The triage queue over a real local cache: tabs, search, merges that keep the operator's place."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from console.config import load_settings
from console.domain.model import ActionType, Report, Role, Status, Urgency, utcnow
from console.store import Cache, Outbox, open_cache, open_outbox, queue_loading
from console.store.saved_views import USER_VIEWS_FILE
from widgets.queue_model import ID_ROLE, PENDING_MARK, Column
from widgets.queue_view import QueueView


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Cache, Outbox]]:
    cache, outbox = open_cache(tmp_path), open_outbox(tmp_path)
    yield cache, outbox
    cache.close()
    outbox.close()


@pytest.fixture
def open_view(
    qtbot: Any, store: tuple[Cache, Outbox], queue_reference: Any, queue_sla: Any
) -> Iterator[Callable[[], QueueView]]:
    """`open_view()`: a shown QueueView over the test's cache, its first load done."""
    views: list[QueueView] = []

    def make() -> QueueView:
        view = QueueView(queue_sla, queue_reference, load_settings(), store=store)
        qtbot.addWidget(view)
        view.resize(1100, 420)
        view.show()
        views.append(view)
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.reload()
        return view

    yield make
    for view in views:
        view.shutdown()


def shown_ids(view: QueueView) -> set[int]:
    model = view.model
    return {model.report_id(r) for r in range(model.rowCount())}


def merge(qtbot: Any, view: QueueView) -> None:
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.merge_changes()


def test_each_tab_shows_its_reports_with_counts(
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
) -> None:
    now = utcnow()
    cache, _ = store
    cache.upsert_reports(
        [
            make_report(1, status=Status.NEW),
            make_report(2, status=Status.ACCEPTED),
            make_report(
                3, status=Status.ASSIGNED, unit="so-xay-dung", deadline=now + timedelta(days=9)
            ),
            make_report(
                4, status=Status.IN_PROGRESS, unit="so-xay-dung", deadline=now - timedelta(days=1)
            ),
            make_report(5, status=Status.RETURNED),
            make_report(
                6,
                status=Status.EXTENSION_REQUESTED,
                unit="so-du-lich",
                deadline=now + timedelta(days=9),
            ),
            make_report(7, status=Status.RESOLVED, unit="so-du-lich"),
            make_report(8, status=Status.CLOSED),
        ]
    )
    view = open_view()
    assert view.current_view().key == "new"
    expected = {
        "new": {1, 2},
        "assigned": {3, 4},
        "overdue": {4},
        "returned": {5},
        "extension": {6},
        "awaiting_publication": {7},
        "all": set(range(1, 9)),
    }
    for key, ids in expected.items():
        view.set_view(key)
        assert shown_ids(view) == ids, key
        assert f"({len(ids)})" in view.tabs.tabText(view.tabs.currentIndex())


def test_the_opening_view_shows_before_the_whole_cache_is_read(
    qtbot: Any,
    store: tuple[Cache, Outbox],
    queue_reference: Any,
    queue_sla: Any,
    make_report: Callable[..., Report],
) -> None:
    """The New tab's rows come from the status index first; the rest of the cache follows,
    and a tab the first screen cannot answer says it is loading instead of showing too few."""
    cache, _ = store
    waiting = [make_report(n, status=Status.NEW) for n in range(1, 6)]
    closed = [make_report(n, status=Status.CLOSED) for n in range(6, 1_206)]
    cache.upsert_reports(waiting + closed)
    view = QueueView(queue_sla, queue_reference, load_settings(), store=store)
    qtbot.addWidget(view)
    view.show()
    screens: list[tuple[set[int], str]] = []

    def seen(rows: list[Any]) -> None:
        screens.append(({r.id for r in rows}, view.summary.text()))
        if len(screens) == 1:
            view.set_view("all")  # before the whole cache has been read

    view.visibleRowsChanged.connect(seen)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.reload()

    assert screens[0] == (set(range(1, 6)), "5 reports in this view; loading the others…")
    assert screens[1] == (set(), "Loading reports…")
    assert screens[-1][0] == set(range(1, 1_206))
    assert screens[-1][1] == "1.205 of 1.205 reports"  # Vietnamese digit grouping
    view.set_view("new")
    assert shown_ids(view) == set(range(1, 6))
    view.shutdown()


def test_search_ignores_diacritics_and_lists_narrow(
    qtbot: Any,
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
) -> None:
    store[0].upsert_reports(
        [
            make_report(1, title="Đèn đường hỏng", category="lighting"),
            make_report(2, title="Đèn tín hiệu tắt", category="roads"),
            make_report(3, title="Ổ gà giữa đường", category="roads"),
        ]
    )
    view = open_view()
    view.set_view("all")
    view.filter_bar.search.setText("den duong")
    qtbot.waitUntil(lambda: shown_ids(view) == {1})
    view.filter_bar.search.setText("duong")
    qtbot.waitUntil(lambda: shown_ids(view) == {1, 3})
    view.filter_bar.set_choice(view.filter_bar.category, "roads")
    assert shown_ids(view) == {3}
    assert view.summary.text().startswith("1 ")
    view.filter_bar.clear()
    assert shown_ids(view) == {1, 2, 3}


def test_new_rows_never_move_the_selection_or_the_scroll(
    qtbot: Any,
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
) -> None:
    cache, _ = store
    now = utcnow()
    assigned = [
        make_report(
            n,
            status=Status.ASSIGNED,
            urgency=Urgency.URGENT,
            unit="so-xay-dung",
            deadline=now + timedelta(hours=2, minutes=n),
            title=f"Phản ánh đang xử lý {n}",
        )
        for n in range(1, 301)
    ]
    cache.upsert_reports(assigned)
    view = open_view()
    view.set_view("all")
    arrivals: list[tuple[int, bool]] = []
    view.newReportsArrived.connect(lambda count, urgent: arrivals.append((count, urgent)))

    assert view.select_report(150)
    view.table.verticalScrollBar().setValue(140)

    def top_id() -> int:
        return int(view.table.indexAt(QPoint(1, 1)).data(ID_ROLE))

    top_before = top_id()
    assert top_before == 141
    # Twenty urgent new reports (30 minutes to triage: they sort above everything) and an
    # update to a row above the screen.
    cache.upsert_reports(
        [make_report(1000 + n, urgency=Urgency.URGENT, created_at=now) for n in range(20)]
        + [assigned[4].replace(version=2, escalation_level=1)]
    )
    merge(qtbot, view)

    assert view.model.rowCount() == 320
    assert view.model.report_id(0) >= 1000  # they did arrive at the top
    assert view.selected_ids() == [150]
    assert view.table.currentIndex().data(ID_ROLE) == 150
    assert top_id() == top_before
    assert arrivals == [(20, True)]
    new_tab = next(n for n in range(view.tabs.count()) if view.tabs.tabData(n) == "new")
    assert "+20" in view.tabs.tabText(new_tab)
    view.set_view("new")
    assert "+20" not in view.tabs.tabText(new_tab)


def test_a_pending_action_shows_its_predicted_state_in_italics(
    qtbot: Any,
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
) -> None:
    cache, outbox = store
    original = make_report(7, status=Status.ACCEPTED)
    cache.upsert_reports([original, make_report(8)])
    view = open_view()
    preview = original.replace(
        status=Status.ASSIGNED,
        unit="so-xay-dung",
        deadline=utcnow() + timedelta(days=7),
        version=2,
    )
    outbox.enqueue(
        7, ActionType.ASSIGN, {"unit": "so-xay-dung"}, 1, "operator", Role.OPERATOR, preview
    )
    merge(qtbot, view)

    assert shown_ids(view) == {8}  # it left the "new" tab with its predicted status
    view.set_view("assigned")
    row = view.model.row_of(7)
    assert row is not None
    assert view.model.index(row, Column.CODE).data().startswith(PENDING_MARK)
    assert view.model.index(row, Column.STATUS).data() == "Đã chuyển xử lý"
    font = view.model.index(row, Column.TITLE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.italic()

    (entry,) = outbox.pending()
    outbox.mark_refused(entry.id, 422, "illegal_transition", "Không hợp lệ")
    merge(qtbot, view)
    assert shown_ids(view) == set()  # back to its stored state: accepted, in the "new" tab
    view.set_view("new")
    assert shown_ids(view) == {7, 8}


def test_saved_view_becomes_a_tab_and_survives_a_restart(
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
) -> None:
    store[0].upsert_reports([make_report(1, category="lighting"), make_report(2, category="roads")])
    view = open_view()
    view.set_view("all")
    view.filter_bar.set_choice(view.filter_bar.category, "lighting")
    saved = view.save_current_view("Chiếu sáng")
    assert saved is not None
    assert (load_settings().config_dir / USER_VIEWS_FILE).exists()

    again = open_view()
    assert saved.key in [v.key for v in again.views()]
    again.set_view(saved.key)
    assert shown_ids(again) == {1}
    assert "Chiếu sáng (1)" in again.tabs.tabText(again.tabs.currentIndex())
    again.remove_view(saved.key)
    assert saved.key not in [v.key for v in again.views()]


def test_typed_letters_answered_from_the_word_index_follow_changed_reports(
    qtbot: Any,
    open_view: Callable[[], QueueView],
    store: tuple[Cache, Outbox],
    make_report: Callable[..., Report],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(queue_loading, "WORDS_FROM", 0)
    store[0].upsert_reports(
        [
            make_report(1, title="Đèn đường hỏng"),
            make_report(2, title="Đèn tín hiệu tắt"),
            make_report(3, title="Ổ gà giữa đường"),
        ]
    )
    view = open_view()
    view.set_view("all")
    search = view.filter_bar.search
    search.setFocus()
    for letter, expected in (("d", {1, 2, 3}), ("e", {1, 2}), ("n", {1, 2})):
        qtbot.keyClick(search, letter)
        qtbot.waitUntil(lambda expected=expected: shown_ids(view) == expected)
    assert view.summary.text().startswith("2 ")
    store[0].upsert_reports([make_report(2, title="Cây đổ", version=2)])
    merge(qtbot, view)
    qtbot.waitUntil(lambda: shown_ids(view) == {1})
    search.clear()
    qtbot.keyClicks(search, "cay")
    qtbot.waitUntil(lambda: shown_ids(view) == {2})
