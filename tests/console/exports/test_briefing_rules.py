"""The briefing's rules one at a time: the period's edges, text redaction, what is refused."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image

from console.domain.wire import report_from_json
from console.exports.briefing import InvalidPeriod, Period, UnknownCases, export_briefing
from console.exports.briefing.figures import BriefingFigures, headline
from console.exports.briefing.redaction import redact_text
from console.exports.briefing.wording import headline_rows
from console.store import open_cache
from tests.console.exports.briefing_data import NOW, pdf_text, planted


def test_period_runs_midnight_to_midnight_vietnam_time() -> None:
    period = Period(date(2026, 11, 16), date(2026, 11, 22))
    assert period.start == datetime(2026, 11, 15, 17, 0, tzinfo=UTC)
    assert period.end == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    assert period.contains(datetime(2026, 11, 22, 16, 59, 59, tzinfo=UTC))
    assert not period.contains(datetime(2026, 11, 22, 17, 0, tzinfo=UTC))
    assert period.previous() == Period(date(2026, 11, 9), date(2026, 11, 15))
    assert period.label == "từ ngày 16/11/2026 đến ngày 22/11/2026"


def test_a_reversed_or_overlong_period_is_refused_in_vietnamese() -> None:
    with pytest.raises(InvalidPeriod, match="trước ngày bắt đầu"):
        Period.checked(date(2026, 11, 22), date(2026, 11, 1))
    with pytest.raises(InvalidPeriod, match="quá 366 ngày"):
        Period.checked(date(2024, 1, 1), date(2026, 1, 1))


def test_reporter_name_is_hidden_wherever_the_citizen_wrote_it() -> None:
    text = "Tôi là trần  thị BÍCH Ngọc, số 0905123467, xe 75B1-234.56, mail ngoc@gmail.com."
    shown = redact_text(text, ["Trần Thị Bích Ngọc", None])
    assert shown == "Tôi là [đã ẩn], số 09******67, xe 75B1-***.**, mail n***@gmail.com."


def test_an_empty_period_has_no_rates_rather_than_zero() -> None:
    period = Period(date(2026, 1, 5), date(2026, 1, 11))
    empty = headline([], period)
    rows = {r.label: r for r in headline_rows(BriefingFigures(period, empty, empty, (), (), ()))}
    assert rows["Phản ánh tiếp nhận"].current == "0"
    assert rows["Tỷ lệ xử lý đúng hạn"].current == "-"
    assert rows["Tỷ lệ hài lòng"].current == "-"
    assert rows["Thời gian xử lý (trung vị)"].current == "-"


def test_unknown_case_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache")
    cache.upsert_reports([report_from_json(planted())])
    with pytest.raises(UnknownCases, match="phản ánh số 424242"):
        export_briefing(
            cache,
            date_from=date(2026, 11, 1),
            date_to=date(2026, 11, 22),
            case_ids=[424242],
            out_dir=tmp_path / "out",
            actor="media01",
            fetch_media=None,
            map_png=None,
            now=NOW,
        )
    assert not (tmp_path / "out").exists()
    assert [e for e in cache.audit_entries() if e.action == "export_briefing"] == []
    cache.close()


def test_without_photo_source_the_pack_says_so_and_uses_the_given_map(tmp_path: Path) -> None:
    cache = open_cache(tmp_path / "cache")
    cache.upsert_reports([report_from_json(planted())])
    picture = io.BytesIO()
    Image.new("RGB", (800, 450), (200, 220, 240)).save(picture, "PNG")
    export = export_briefing(
        cache,
        date_from=date(2026, 11, 1),
        date_to=date(2026, 11, 22),
        case_ids=[900_001],
        out_dir=tmp_path / "out",
        actor="media01",
        fetch_media=None,
        map_png=picture.getvalue(),
        now=NOW,
    )
    manifest = json.loads(export.manifest.read_text("utf-8"))
    assert manifest["cases"][0]["photos"] == []
    assert manifest["notes"] == ["Không kèm ảnh: không có nguồn ảnh khi xuất."]
    assert manifest["map"]["source"].startswith("Trang bản đồ của PAHT Console")
    assert "Không kèm ảnh" in pdf_text(export.pdf)
    cache.close()
