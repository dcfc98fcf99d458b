"""The commendation rules applied as written, on a small hand-made city (period_data
.commendation_city); thresholds changed in a YAML of the Center's own; the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from console.exports.period import export_period
from console.exports.period_rules import load_rules
from console.exports.period_span import InvalidPeriod, parse_named, period_from_args
from console.paths import RESOURCES_DIR
from console.store import open_cache
from tests.console.exports.period_data import NOW, commendation_city


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def city(tmp_path: Path) -> Path:
    cache = open_cache(tmp_path / "data")
    commendation_city(cache)
    cache.close()
    return tmp_path / "data"


def test_rules_as_written(city: Path, tmp_path: Path) -> None:
    cache = open_cache(city)
    done = export_period(cache, parse_named("2026-11"), tmp_path / "out", actor="gs", now=NOW)
    units = {s.key: s for s in done.figures.units}
    assert units["so-xay-dung"].proposed
    assert units["so-tai-chinh"].proposed  # average exactly 4.0, no October to compare with
    assert units["cap-nuoc-hue"].missed == ("giảm so với kỳ trước",)  # 95% but 100% before
    assert units["cap-nuoc-hue"].on_time_rate == 95.0
    assert units["so-du-lich"].missed == ("số lượng",)  # 19 handled
    wards = {s.key: s for s in done.figures.wards}
    assert wards["phu-xuan"].proposed and wards["kim-long"].proposed
    assert wards["thuan-hoa"].missed == ("giảm so với kỳ trước",)
    # Ranked: those with enough volume first, by on-time rate then rating.
    assert [s.key for s in done.figures.units] == [
        "so-xay-dung",
        "so-tai-chinh",
        "cap-nuoc-hue",
        "so-du-lich",
    ]
    text = _docx_text(done.docx)
    assert "đề xuất khen thưởng 2 đơn vị xử lý và 2 phường, xã sau" in text
    assert "Chưa đạt: giảm so với kỳ trước" in text
    entry = cache.audit_entries()[-1]
    assert entry.action == "export_period"
    assert entry.detail["proposed_units"] == ["so-xay-dung", "so-tai-chinh"]
    cache.close()


def test_the_center_changes_a_threshold(city: Path, tmp_path: Path) -> None:
    own = tmp_path / "commendation.yaml"
    own.write_text(
        (RESOURCES_DIR / "commendation.yaml")
        .read_text()
        .replace("min_volume: 20", "min_volume: 19"),
        encoding="utf-8",
    )
    rules = load_rules(own)
    cache = open_cache(city)
    done = export_period(
        cache, parse_named("2026-11"), tmp_path / "out", actor="gs", now=NOW, rules=rules
    )
    assert {s.key for s in done.figures.units if s.proposed} == {
        "so-xay-dung",
        "so-tai-chinh",
        "so-du-lich",
    }
    assert "có ít nhất 19 phản ánh đã xử lý trong kỳ" in _docx_text(done.docx)
    cache.close()


def test_periods_named_and_spans() -> None:
    nov = period_from_args(first=None, last=None, kind=None, named="2026-11")
    assert (nov.first.isoformat(), nov.last.isoformat(), nov.previous().label) == (
        "2026-11-01",
        "2026-11-30",
        "2026-10",
    )
    q4 = period_from_args(first="2026-10-01", last="2026-12-31", kind="quarter", named=None)
    assert q4 == parse_named("2026-Q4") and q4.previous().label == "2026-Q3"
    assert parse_named("2026-Q1").previous().label == "2025-Q4"
    assert parse_named("2026").previous().label == "2025"
    assert parse_named("2026-03").previous().label == "2026-02"
    # Leap year: a quarter's last day and the year's length.
    assert parse_named("2028-Q1").last.isoformat() == "2028-03-31"
    assert parse_named("2028").days == 366
    week = period_from_args(first="2026-11-16", last="2026-11-22", kind=None, named=None)
    assert week.kind == "span" and week.previous().dates == "từ ngày 09/11/2026 đến ngày 15/11/2026"
    # 31/12 17:00 UTC is 01/01 00:00 in Huế: the year's end.
    assert parse_named("2026").end.isoformat() == "2026-12-31T17:00:00+00:00"
    for bad in (
        {"first": "2026-10-01", "last": "2026-10-15", "kind": "month", "named": None},
        {"first": "2026-12-01", "last": "2026-11-01", "kind": None, "named": None},
        {"first": "2025-01-01", "last": "2026-06-30", "kind": None, "named": None},
        {"first": None, "last": None, "kind": None, "named": "2026-13"},
        {"first": None, "last": None, "kind": None, "named": "Q4"},
    ):
        with pytest.raises(InvalidPeriod):
            period_from_args(**bad)


def test_cli_writes_the_three_files(city: Path, tmp_path: Path) -> None:
    env = {"PAHT_DATA_DIR": str(city), "HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    out = tmp_path / "cli"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "console.cli",
            "export",
            "period",
            "--month",
            "2026-11",
            "--deck",
            "--no-sync",
            "--number",
            "7",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Đơn vị đề xuất khen thưởng: Sở Xây dựng" in run.stdout
    assert {p.name for p in out.iterdir()} == {
        "bao-cao-thang-2026-11.docx",
        "bao-cao-thang-2026-11.xlsx",
        "bao-cao-thang-2026-11.pptx",
    }
    assert "Số: 07/BC-TTGSĐHĐTTM" in _docx_text(out / "bao-cao-thang-2026-11.docx")
    wrong = subprocess.run(
        [
            sys.executable,
            "-m",
            "console.cli",
            "export",
            "period",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-15",
            "--kind",
            "month",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert wrong.returncode == 2
    assert "không phải một tháng trọn vẹn" in wrong.stderr
