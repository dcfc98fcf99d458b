"""central_load's figures from recorded client traffic (the benchmark itself never runs in
the suite): page serve times versus wake delays, lost and twice-applied actions."""

from __future__ import annotations

from benchmarks._load_clients import Action, Page
from benchmarks._load_figures import (
    lost_and_twice,
    missed,
    page_latencies,
    percentiles_ms,
    replays_changed,
)


def test_a_page_waited_for_gives_a_wake_delay_and_a_ready_one_a_serve_time() -> None:
    made = {(7, 1): (10.0, 10.05), (7, 2): (11.0, 11.04), (8, 1): (11.5, 11.6)}
    pages = [
        Page(start=9.0, end=10.03, changes=[(7, 1)]),  # held, woken by report 7
        Page(start=11.2, end=11.25, changes=[(7, 2)]),  # asked after the action's answer
        Page(start=11.3, end=11.62, changes=[(7, 2), (8, 1)]),  # (7, 2) again: no second wake
    ]
    serve, wake = page_latencies(pages, made)
    assert [round(s, 3) for s in serve] == [0.05, 0.32]
    assert [round(w, 3) for w in wake] == [0.03, 0.25, 0.12]
    assert missed(pages, made) == 0
    assert missed(pages[:1], made) == 2  # report 7 never seen at version 2, report 8 never


def _action(report_id: int, kind: str, status: int = 200, text: str | None = None) -> Action:
    return Action(report_id, kind, f"k{report_id}{kind}", text, 0.0, 0.1, status, 2)


def test_histories_show_lost_and_twice_applied_actions() -> None:
    actions = [
        _action(1, "accept"),
        _action(1, "assign"),
        _action(1, "note", text="load note a"),
        _action(2, "accept"),
        _action(3, "accept", status=409),
    ]
    histories = {
        1: [
            {"action": "accept", "payload": {}},
            {"action": "assign", "payload": {"unit": "u"}},
            {"action": "note", "payload": {"text": "load note a"}},
            {"action": "note", "payload": {"text": "load note a"}},
        ],
        2: [],
        3: [],
    }
    assert lost_and_twice(actions, histories) == (1, 1)
    replayed = _action(4, "accept")
    replayed.replay_status, replayed.replay_version = 200, 3
    assert replays_changed([replayed, _action(5, "accept")]) == 1


def test_percentiles_in_milliseconds() -> None:
    figures = percentiles_ms([i / 1000 for i in range(1, 101)])
    assert (figures["p50_ms"], figures["p95_ms"], figures["max_ms"]) == (50.5, 95.1, 100.0)
    assert percentiles_ms([])["p95_ms"] is None
