"""The period reports opened again: every figure of the DOCX, the XLSX and the PPTX equals
counts made independently with plain sqlite3 (tests.console.exports.period_expect), for a month,
a quarter across Tết, the last quarter and the year, with reports on the year's and quarters'
edges."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pptx import Presentation

from console.exports.official_doc import vn_cell
from console.exports.period import PeriodExport, export_period
from console.exports.period_span import ReportPeriod, parse_named
from console.exports.vn_text import Rounded
from console.store import open_cache
from tests.console.exports import period_expect as ex
from tests.console.exports.period_data import NOW, add_edges
from tests.console.exports.weekly_data import GENERATED, fill

PERIODS = ("2026-11", "2026-Q1", "2026-Q4", "2026")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PeriodExport]]:
    folder = tmp_path_factory.mktemp("period")
    cache = open_cache(folder / "data")
    fill(cache, GENERATED)
    add_edges(cache)
    done = {
        name: export_period(cache, parse_named(name), folder / "out", actor="giamsat1", now=NOW)
        for name in PERIODS
    }
    yield done
    cache.close()


def _dbs(done: PeriodExport, cache_path: Path) -> tuple[ex.Db, ex.Db]:
    period = done.figures.period
    before = period.previous()
    return ex.Db(cache_path, period.first, period.last), ex.Db(
        cache_path, before.first, before.last
    )


def _cache_path(done: PeriodExport) -> Path:
    return done.docx.parent.parent / "data" / "cache.sqlite3"


def _expected(done: PeriodExport) -> dict[str, list[tuple[Any, ...]]]:
    """Sheet name -> rows, from the independent counts."""
    db, before = _dbs(done, _cache_path(done))
    rules = ex.rules()
    rows: dict[str, list[tuple[Any, ...]]] = {}
    rows["Tổng hợp"] = [row for row in ex.summary(db, before)]
    channels = db.by("json_extract(data, '$.channel')", ex.within("created_at"))
    total = sum(channels.values())
    rows["Kênh tiếp nhận"] = [
        *sorted(
            (db.ref.channel_name(k), n, round(100 * n / total, 1)) for k, n in channels.items()
        ),
        ("Tổng cộng", total, 100.0 if total else 0.0),
    ]
    for sheet, column, name in (
        ("Theo lĩnh vực", "category", db.ref.category_name),
        ("Theo đơn vị", "unit", db.ref.unit_name),
        ("Theo phường, xã", "ward", lambda k: db.ward(k)[1]),
    ):
        table = ex.breakdown(db, column)
        rows[sheet] = [
            *sorted((name(k), *v) for k, v in table.items()),
            ("Tổng cộng", *(sum(v[i] for v in table.values()) for i in range(7))),
        ]
    rows["Xếp hạng đơn vị"] = ex.ranking(db, before, "unit", rules["units"])
    rows["Xếp hạng phường, xã"] = ex.ranking(db, before, "ward", rules["wards"])
    proposals = [
        (kind, *row[1:2], row[2], row[5], row[7], row[10])
        for kind, sheet in (
            ("Đơn vị xử lý", "Xếp hạng đơn vị"),
            ("Phường, xã", "Xếp hạng phường, xã"),
        )
        for row in rows[sheet]
        if row[-1] == "Đề xuất"
    ]
    rows["Đề xuất khen thưởng"] = [(i, *p) for i, p in enumerate(proposals, start=1)]
    return rows


def _comparable(sheet: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Breakdowns and channels in any order (the export sorts by volume); the rest in order.
    Summary rows lose their label; breakdown rows their running number and notes."""
    if sheet == "Tổng hợp":
        return [tuple(r[1:]) for r in rows]
    if sheet == "Kênh tiếp nhận":
        return [*sorted(tuple(r) for r in rows[:-1]), tuple(rows[-1])]
    if sheet.startswith("Theo"):
        body = sorted(tuple(r[1:9]) for r in rows[:-1])
        return [*body, tuple(rows[-1][1:9])]
    return [tuple(r) for r in rows]


def _expected_comparable(sheet: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    if sheet.startswith("Theo"):
        return [tuple(r) for r in rows[:-1]] + [tuple(rows[-1])]
    return [tuple(r) for r in rows]


def _number(text: str) -> Any:
    """A DOCX cell read back: '1.234' -> 1234, '72,5' -> 72.5, other text as it is."""
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text):
        return int(text.replace(".", ""))
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d+", text):
        return float(text.replace(".", "").replace(",", "."))
    return text


@pytest.mark.parametrize("name", PERIODS)
def test_xlsx_and_docx_equal_independent_counts(
    exports: dict[str, PeriodExport], name: str
) -> None:
    done = exports[name]
    expected = _expected(done)
    assert expected["Tổng hợp"][0][0] > 0
    workbook = load_workbook(done.xlsx)
    docx_tables = {}
    doc = Document(str(done.docx))
    for table in doc.tables[1:]:
        header = tuple(c.text for c in table.rows[0].cells)
        docx_tables.setdefault(header, []).append(
            [tuple(c.text for c in row.cells) for row in table.rows[1:]]
        )
    for sheet, want in expected.items():
        got = [tuple(c.value for c in row) for row in workbook[sheet].iter_rows(min_row=2)]
        got = [tuple("" if v is None else v for v in row) for row in got]
        assert _comparable(sheet, got) == _expected_comparable(sheet, want), (name, sheet)
        header = tuple(c.value for c in workbook[sheet][1])
        if sheet == "Đề xuất khen thưởng" and not want:
            continue
        shown = [[tuple(_number(v) for v in row) for row in t] for t in docx_tables[header]]
        assert any(
            _comparable(sheet, table) == _expected_comparable(sheet, want) for table in shown
        ), (name, sheet)


@pytest.mark.parametrize("name", PERIODS)
def test_docx_prose_and_format(exports: dict[str, PeriodExport], name: str) -> None:
    done = exports[name]
    period = done.figures.period
    db, before = _dbs(done, _cache_path(done))
    head = ex.headline(db)
    doc = Document(str(done.docx))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = " ".join(" ".join(parts).split())
    for part in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: /BC-TTGSĐHĐTTM",
        "Huế, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        f"Kết quả tiếp nhận, xử lý phản ánh hiện trường {period.name} ({period.dates})",
        "I. TÌNH HÌNH TIẾP NHẬN PHẢN ÁNH",
        "II. KẾT QUẢ XỬ LÝ",
        "III. XẾP HẠNG ĐƠN VỊ XỬ LÝ, PHƯỜNG, XÃ",
        "IV. ĐỀ XUẤT KHEN THƯỞNG",
        "V. KIẾN NGHỊ",
        f"tiếp nhận {vn_cell(head[0])} phản ánh hiện trường (kỳ trước {vn_cell(ex.headline(before)[0])})",
        f"Các đơn vị đã xử lý {vn_cell(head[4])} phản ánh; trong đó đúng hạn {vn_cell(head[5])}",
        f"quá hạn {vn_cell(head[10])} phản ánh",
        "tỷ lệ xử lý đúng hạn từ 95% trở lên; điểm hài lòng bình quân của người dân từ 4/5 "
        "trở lên; có ít nhất 20 phản ánh đã xử lý trong kỳ",
        "Phụ lục VI",
        "Nơi nhận:",
        "GIÁM ĐỐC",
    ):
        assert part in text, (name, part)


def test_deck_for_the_year_only_unless_asked(exports: dict[str, PeriodExport]) -> None:
    assert exports["2026"].pptx is not None
    assert all(exports[n].pptx is None for n in PERIODS if n != "2026")


def test_pptx_equals_independent_counts(exports: dict[str, PeriodExport]) -> None:
    done = exports["2026"]
    assert done.pptx is not None
    expected = _expected(done)
    db, before = _dbs(done, _cache_path(done))
    head, prev = ex.headline(db), ex.headline(before)
    deck = Presentation(str(done.pptx))
    texts = [
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in deck.slides
    ]
    assert "HỘI NGHỊ TỔNG KẾT CÔNG TÁC TIẾP NHẬN, XỬ LÝ PHẢN ÁNH HIỆN TRƯỜNG NĂM 2026" in texts[0]
    tiles = texts[1]
    for now, then in (
        (vn_cell(head[0]), vn_cell(prev[0])),
        (vn_cell(head[4]), vn_cell(prev[4])),
        (f"{vn_cell(head[8])}%", f"{vn_cell(prev[8])}%"),
        (vn_cell(head[12]), vn_cell(prev[12])),
        (vn_cell(head[10]), vn_cell(prev[10])),
    ):
        assert f"{now}\nKỳ trước: {then}" in tiles
    tables: dict[str, list[tuple[str, ...]]] = {}
    for slide, title in zip(deck.slides, texts, strict=True):
        for shape in slide.shapes:
            if shape.has_table:
                cells = [tuple(c.text for c in row.cells) for row in shape.table.rows]
                tables[title.split("\n")[0].strip()] = cells[1:]
    # Rank, name, volume, on-time rate, satisfaction, change, verdict (wards list "handled"
    # after their volume, units do not: theirs is the same number).
    for title, sheet, cols in (
        ("Xếp hạng đơn vị xử lý", "Xếp hạng đơn vị", (0, 1, 2, 4, 6, 9, 10)),
        ("Xếp hạng phường, xã", "Xếp hạng phường, xã", (0, 1, 2, 5, 7, 10, 11)),
    ):
        key = next(k for k in tables if k.startswith(title))
        want = [tuple(vn_cell(row[c]) for c in cols) for row in expected[sheet][:8]]
        assert tables[key] == want, title
    channel_key = next(k for k in tables if k.startswith("Tiếp nhận theo kênh"))
    channels = [tuple(vn_cell(v) for v in row) for row in expected["Kênh tiếp nhận"]]
    assert len(channels) <= 8
    assert sorted(tables[channel_key]) == sorted(channels)


def test_edges_of_the_year_and_the_quarters(exports: dict[str, PeriodExport]) -> None:
    year, q4, q1 = exports["2026"].figures, exports["2026-Q4"].figures, exports["2026-Q1"].figures
    db = ex.Db(_cache_path(exports["2026"]), date(2026, 1, 1), date(2026, 12, 31))
    ids = {r[0] for r in db.rows(f"SELECT id FROM reports WHERE {ex.within('created_at')}")}
    assert 910_001 in ids and 910_002 not in ids
    assert year.current.received.total == len(ids)
    q3 = ex.Db(_cache_path(exports["2026"]), date(2026, 7, 1), date(2026, 9, 30))
    q3_ids = {r[0] for r in q3.rows(f"SELECT id FROM reports WHERE {ex.within(ex.RA)}")}
    assert 910_003 in q3_ids and 910_004 not in q3_ids
    assert q4.previous.handled.total == len(q3_ids)
    assert ReportPeriod.of(date(2026, 10, 1), date(2026, 12, 31)) == q4.period
    assert (
        q1.previous.received.total
        == ex.headline(ex.Db(_cache_path(exports["2026"]), date(2025, 10, 1), date(2025, 12, 31)))[
            0
        ]
    )


def test_tet_on_time_by_the_sla_clock_not_by_calendar_days(
    exports: dict[str, PeriodExport],
) -> None:
    """Three reports from Friday 13/02/2026, due three working days later: Tết makes that
    Wednesday 25/02. Two resolved on 24/02, eleven calendar days on, are on time."""
    done = exports["2026-Q1"]
    db = ex.Db(_cache_path(done), date(2026, 1, 1), date(2026, 3, 31))
    on_time = db.count(f"{ex.HANDLED} AND NOT ({ex.LATE}) AND NOT ({ex.EXTENDED})")
    naive = db.count(
        f"{ex.HANDLED} AND julianday({ex.RA}) - julianday(created_at) <= 3 AND NOT ({ex.EXTENDED})"
    )
    assert done.figures.current.handled.on_time == on_time != naive
    tet = db.rows(
        "SELECT id FROM reports WHERE id BETWEEN 910006 AND 910008"
        f" AND NOT ({ex.LATE}) AND {ex.HANDLED}"
    )
    assert sorted(r[0] for r in tet) == [910_006, 910_007]
    water = next(s for s in done.figures.units if s.key == "cap-nuoc-hue")
    assert water.on_time == ex.breakdown(db, "unit")["cap-nuoc-hue"][2]


def test_every_sheet_prints_one_page_wide_with_its_header_on_each_page(
    exports: dict[str, PeriodExport],
) -> None:
    workbook = load_workbook(exports["2026"].xlsx)
    orientation = {}
    for sheet in workbook.worksheets:
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        orientation[sheet.title] = sheet.page_setup.orientation
    assert orientation["Tổng hợp"] != "landscape"
    assert orientation["Xếp hạng đơn vị"] == "landscape"


def test_a_ranking_prints_every_average_with_two_decimals_and_every_rate_with_one(
    exports: dict[str, PeriodExport],
) -> None:
    """A unit averaging exactly 4 stars reads 4,00 beside another's 4,23, in the workbook as
    on the slides, and the workbook keeps the number a number."""
    sheet = load_workbook(exports["2026"].xlsx)["Xếp hạng đơn vị"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    averages = [row[header.index("Điểm hài lòng (1-5)")] for row in rows]
    rates = [row[header.index("Tỷ lệ đúng hạn (%)")] for row in rows]
    assert any(c.value == 4 for c in averages)
    assert {c.number_format for c in averages if isinstance(c.value, int | float)} == {"0.00"}
    assert {c.number_format for c in rates if isinstance(c.value, int | float)} == {"0.0"}
    assert vn_cell(Rounded(4.0, 2)) == "4,00"
    # Halves go up, as on a supervisor's calculator and in Excel's ROUND (round() gives 81,2).
    assert vn_cell(Rounded(100 * 13 / 16, 1)) == "81,3"
    assert vn_cell(Rounded(-15.35, 1)) == "-15,4"
