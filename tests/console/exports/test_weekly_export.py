"""The exported files: the DOCX in the administrative format, the XLSX with the same numbers,
a PDF made by LibreOffice with its Vietnamese text intact, and the audit entry."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from console.exports.vn_text import vn_number
from console.exports.weekly import WeeklyExport, export_weekly
from console.store import Cache, open_cache
from tests.console.exports.weekly_data import NOW

SECTIONS = (
    "I. TÌNH HÌNH TIẾP NHẬN PHẢN ÁNH",
    "II. KẾT QUẢ XỬ LÝ",
    "III. MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN",
    "IV. VỤ VIỆC NỔI BẬT, ĐIỂM NÓNG",
    "V. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT",
)


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(parts).split())


@pytest.fixture
def exported(cache: Cache, tmp_path: Path) -> WeeklyExport:
    return export_weekly(cache, "2026-W47", tmp_path / "out", actor="giamsat1", now=NOW)


def test_docx_holds_every_required_part(exported: WeeklyExport) -> None:
    text = _docx_text(exported.docx)
    for part in (
        "UBND THÀNH PHỐ HUẾ",
        "TRUNG TÂM GIÁM SÁT, ĐIỀU HÀNH ĐÔ THỊ THÔNG MINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 47/BC-TTGSĐHĐTTM",
        "Huế, ngày 25 tháng 11 năm 2026",
        "BÁO CÁO",
        "Tình hình tiếp nhận, xử lý phản ánh hiện trường tuần 47 "
        "(từ ngày 16/11/2026 đến ngày 22/11/2026)",
        *SECTIONS,
        "Nơi nhận:",
        "- Lưu: VT, ĐHĐTTM.",
        "Phụ lục I",
        "Phụ lục IV",
    ):
        assert part in text, part
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    f = exported.figures
    assert f"tiếp nhận {vn_number(f.received.total)} phản ánh" in text
    assert f"đã xử lý {vn_number(f.handled.total)} phản ánh" in text
    # Section V names the units to urge.
    section_v = text[text.index(SECTIONS[-1]) :]
    assert f.units_to_urge and f.units_to_urge[0].label in section_v
    # Reporter phone numbers do not leave the Center.
    assert "0905123456" not in text


def test_docx_page_setup_and_fonts(exported: WeeklyExport) -> None:
    doc = Document(str(exported.docx))
    first = doc.sections[0]
    page = (first.page_width, first.page_height, first.left_margin, first.right_margin)
    assert [round(length.mm) for length in page if length is not None] == [210, 297, 30, 15]
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert any(s.orientation == 1 for s in doc.sections[1:])  # landscape annexes


def test_date_line_has_leading_zeros(cache: Cache, tmp_path: Path) -> None:
    now = datetime(2026, 3, 4, 20, 0, tzinfo=UTC)  # 05/03/2026 in Huế
    export = export_weekly(cache, "2026-W08", tmp_path, actor="giamsat1", now=now, number=7)
    text = _docx_text(export.docx)
    assert "Huế, ngày 05 tháng 03 năm 2026" in text
    assert "Số: 07/BC-TTGSĐHĐTTM" in text
    assert "tuần 08 (từ ngày 16/02/2026 đến ngày 22/02/2026)" in text


def test_xlsx_has_the_same_numbers(exported: WeeklyExport) -> None:
    f = exported.figures
    book = load_workbook(exported.xlsx)
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert summary["Phản ánh tiếp nhận trong tuần"] == f.received.total
    assert summary["Phản ánh đã xử lý trong tuần"] == f.handled.total
    assert summary["- Trễ hạn"] == f.handled.late
    assert summary["Phản ánh tồn đọng cuối tuần"] == f.outstanding.total
    assert summary["- Trong đó quá hạn"] == f.outstanding.overdue
    channels = book["Kênh tiếp nhận"]
    counts = {r[0]: r[1] for r in channels.iter_rows(min_row=2, values_only=True)}
    assert counts["Tổng cộng"] == f.received.total
    assert all(isinstance(n, int) for n in counts.values())
    overdue = book["Quá hạn"]
    assert overdue.max_row - 1 == len(f.overdue)
    assert isinstance(overdue["G2"].value, datetime)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 8


def test_export_is_audited(cache: Cache, exported: WeeklyExport) -> None:
    entry = cache.audit_entries()[-1]
    assert (entry.actor, entry.action) == ("giamsat1", "export_weekly")
    assert entry.detail["week"] == "2026-W47"
    assert str(exported.docx) in entry.detail["files"]
    assert str(exported.xlsx) in entry.detail["files"]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler-utils (pdftotext) not installed",
)
def test_pdf_from_libreoffice_keeps_vietnamese_text(exported: WeeklyExport, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(exported.docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        # LibreOffice makes ~/.config and ~/.cache whatever its profile says.
        env={**os.environ, "HOME": str(tmp_path / "lo-home")},
    )
    pdf = out / (exported.docx.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    for part in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Huế, ngày 25 tháng 11 năm 2026",
        "KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT",
        "Nơi nhận:",
        "Phường Thuận Hóa",
    ):
        assert part in text, part


def test_empty_week_still_makes_a_report(tmp_path: Path) -> None:
    empty = open_cache(tmp_path / "cache")
    try:
        export = export_weekly(empty, "2026-W47", tmp_path / "out", actor="giamsat1", now=NOW)
    finally:
        empty.close()
    text = _docx_text(export.docx)
    assert "tiếp nhận 0 phản ánh hiện trường." in text
    assert "Trong tuần không có lượt đánh giá kết quả xử lý." in text
    assert "Không có phản ánh quá hạn." in text
    assert load_workbook(export.xlsx)["Quá hạn"].max_row == 1
