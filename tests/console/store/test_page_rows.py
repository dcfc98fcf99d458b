"""The one-pass page apply accepts, rejects and stores exactly what report_from_json does."""

from __future__ import annotations

from typing import Any

import pytest

from console.store import page_rows as fast
from console.store.page_rows import page_rows
from console.store.records import report_row
from console.sync.engine import validate_page
from tests.console.store.factories import report_json

#: Changes to a well-formed record: unusual but valid, or invalid for one reason each.
CHANGES: list[dict[str, Any]] = [
    {},
    {"created_at": "2025-10-01T08:00:00.123456Z", "deadline": "2025-10-03T00:00:00Z"},
    {"created_at": "2025-10-01T15:00:00+07:00"},
    {"created_at": "2025-10-01T08:00:00"},
    {"created_at": "2025-10-01 08:00:00Z"},
    {"created_at": "2025-W40-3T08:00:00Z"},
    {"created_at": "٢٠٢٥-10-01T08:00:00Z"},
    {"created_at": "2025-02-30T08:00:00Z"},
    {"created_at": "2025-10-01T24:00:00Z"},
    {"created_at": None},
    {"updated_at": 20251001},
    {"resolved_at": "soon"},
    {"escalated_at": "2025-10-01T08:00:00Z", "extension_deadline": "2025-13-01T00:00:00Z"},
    {"id": True},
    {"id": 0},
    {"id": "7"},
    {"status": ["new"]},
    {"status": "lost"},
    {"urgency": ""},
    {"urgency": None},
    {"urgency": {"a": 1}},
    {"urgency": "panic"},
    {"lat": 16, "lon": 107},
    {"lat": float("nan")},
    {"lon": float("inf")},
    {"lat": 91.0},
    {"lat": True},
    {"lat": None, "lon": None},
    {"version": None},
    {"version": 0},
    {"escalation_level": None, "merged_count": None, "views": None},
    {"escalation_level": 4},
    {"rating": 0},
    {"rating": True},
    {"rating": 5},
    {"duplicate_of": "5"},
    {"duplicate_of": -3},
    {"views": 1.5},
    {"merged_count": -1},
    {"media": {}},
    {"media": "x"},
    {"media": [{"url": "/m/1", "kind": None}]},
    {"media": [{"kind": "photo"}]},
    {"reporter": ["a"]},
    {"reporter": None},
    {"code": "x" * 65},
    {"code": 5},
    {"title": "t" * 2_001},
    {"description": None, "address": None, "ward": None, "channel": None},
    {"description": "d" * 200_001},
    {"channel": "c" * 65},
    {"ward": 3},
    {"result_text": 1},
    {"extension_reason": "e" * 200_001},
    {"unit": 5, "reject_reason": 5, "extended": "yes"},
    {"title": "Nước ngập 30°C — 水 <script>", "address": "Đường Lê Lợi"},
]


def _slow(items: list[Any]) -> tuple[list[Any], list[tuple[Any, str]]]:
    good, raws, bad = validate_page(items)
    return [report_row(r, raw) for r, raw in zip(good, raws, strict=True)], bad


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: ",".join(c) or "plain")
def test_each_record_gives_the_row_or_reason_of_report_from_json(change: dict[str, Any]) -> None:
    items = [{**report_json(7, 3), **change}]
    rows, bad = _slow(items)
    checked = page_rows(items)
    assert (checked.rows, checked.bad) == (rows, bad)
    assert checked.ids == [row[0] for row in rows]


@pytest.mark.parametrize(
    "missing", ["version", "urgency", "media", "reporter", "escalation_level", "code", "lat"]
)
def test_a_missing_field_gives_the_row_or_reason_of_report_from_json(missing: str) -> None:
    item = report_json(7, 3)
    del item[missing]
    checked = page_rows([item])
    assert (checked.rows, checked.bad) == _slow([item])


def test_a_page_keeps_order_ids_and_the_newest_change() -> None:
    items: list[Any] = [
        report_json(1, updated_at="2025-10-02T08:00:00Z"),
        "not a record",
        report_json(2, status="lost"),
        report_json(3, updated_at="2025-10-05T08:00:00.5Z"),
        report_json(4, updated_at="2025-10-04T08:00:00Z"),
    ]
    checked = page_rows(items)
    assert checked.ids == [1, 3, 4]
    assert [raw for raw, _reason in checked.bad] == ["not a record", items[2]]
    assert checked.newest == "2025-10-05T08:00:00.500000Z"
    assert (checked.rows, checked.bad) == _slow(items)


def test_the_usual_record_takes_the_one_pass_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_data: Any) -> None:
        raise AssertionError("report_from_json called for a usual record")

    monkeypatch.setattr(fast, "report_from_json", refuse)
    item = report_json(9, 2, deadline="2025-10-03T00:00:00.250000Z", rating=4, unit="u")
    item["media"] = [{"url": "/api/v1/reports/9/media/1", "kind": "photo", "caption": ""}]
    assert page_rows([item]).ids == [9]
