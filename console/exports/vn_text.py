"""Numbers and dated place lines written the Vietnamese way, without python-docx (the briefing
wording and the PDF/PPTX packs use them; console.exports.official_doc too)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def date_line(place: str, day: date) -> str:
    """'Huế, ngày 05 tháng 01 năm 2026': leading zeros on day and month, as the decree asks."""
    return f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


class Rounded(float):
    """A rate or an average as a table prints it: always with its own number of decimals
    (an average of 4,20 beside one of 4,23, not 4,2), and still a number in a workbook.
    Halves go up, as on a calculator and in Excel's ROUND: 13 of 16 on time is 81,3%, where
    Python's round() would give 81,2."""

    places: int

    def __new__(cls, value: float, places: int) -> Rounded:
        step = Decimal(1).scaleb(-places)
        made = super().__new__(cls, float(Decimal(repr(value)).quantize(step, ROUND_HALF_UP)))
        made.places = places
        return made


def vn_number(value: int | float, decimals: int = 1) -> str:
    """1234 -> '1.234'; 12.5 -> '12,5' (Vietnamese separators)."""
    shown = f"{value:,}" if isinstance(value, int) else f"{value:,.{decimals}f}"
    return shown.replace(",", " ").replace(".", ",").replace(" ", ".")
