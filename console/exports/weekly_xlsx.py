"""The weekly report's tables as a workbook: one sheet each, numbers as numbers, times as
Excel times in Vietnam time, bold frozen header row, widths from the content, printed one
page wide."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from console.domain.calendar import VN_TZ
from console.exports.vn_text import Rounded
from console.exports.weekly_model import WeeklyFigures
from console.exports.weekly_tables import Cell, FigureTable, all_tables

MAX_WIDTH = 60
TIME_FORMAT = "dd/mm/yyyy hh:mm"
#: Column widths (characters) an A4 portrait page takes before the print turns landscape.
PORTRAIT_WIDTH = 95


def _excel(value: Cell) -> int | float | str | datetime:
    """openpyxl cannot store aware times: write the Vietnam wall-clock time."""
    if isinstance(value, datetime):
        return value.astimezone(VN_TZ).replace(tzinfo=None)
    return value


def _width(header: str, column: Sequence[Cell]) -> float:
    longest = max([len(header), *(16 if isinstance(v, datetime) else len(str(v)) for v in column)])
    return float(min(MAX_WIDTH, max(8, longest + 2)))


def _sheet(workbook: Workbook, table: FigureTable, caption: str) -> None:
    sheet = workbook.create_sheet(table.sheet[:31])
    sheet.append(list(table.header))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in table.rows:
        sheet.append([_excel(v) for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=True):
            if isinstance(value, Rounded):
                cell.number_format = "0." + "0" * value.places
    for index, header in enumerate(table.header, start=1):
        column = [row[index - 1] for row in table.rows]
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(header, column)
        if any(isinstance(v, datetime) for v in column):
            for cell in sheet[letter][1:]:
                cell.number_format = TIME_FORMAT
    sheet.freeze_panes = "A2"
    sheet.sheet_properties.tabColor = None
    sheet.oddHeader.center.text = caption
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """Printed, every column fits one A4 page wide (landscape when the table is wide) and
    the header row heads every page: a wide ranking otherwise spills its last columns onto
    pages of bare numbers."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    widths = sum(d.width or 8 for d in sheet.column_dimensions.values())
    if widths > PORTRAIT_WIDTH:
        sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def build_weekly_xlsx(figures: WeeklyFigures, path: Path) -> Path:
    week = figures.week
    caption = (
        f"Tuần {week.number:02d}/{week.year} ({week.monday:%d/%m/%Y} - {week.sunday:%d/%m/%Y})"
    )
    return write_tables(
        all_tables(figures), path, caption=caption, title=f"Báo cáo tuần {week.label}"
    )


def write_tables(tables: Sequence[FigureTable], path: Path, *, caption: str, title: str) -> Path:
    """One sheet per table, in order; `caption` heads every printed page."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        _sheet(workbook, table, caption)
    workbook.properties.title = title
    workbook.properties.creator = "PAHT Console"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    workbook.save(tmp)
    tmp.replace(path)
    return path
