"""The pack's pictures drawn with Pillow: bar charts, the weekly trend, the headless map.

Drawn once at 1600 x 900 (16:9), so the same PNG fills a slide and a printed half page.
The GUI shows the same series in Qt Charts and its map picture comes from the console's
map page; these drawings are what a headless export (the command line) uses.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from console.domain.model import Report
from console.domain.reference import Reference
from console.exports.briefing.figures import Bar, WeekPoint
from console.exports.briefing.fonts import find_family
from console.exports.briefing.period import Period
from console.maps.background import PERFUME_RIVER, RIVER_LABEL_AT, RIVER_NAME, ward_labels

SIZE = (1600, 900)
INK = (33, 37, 41)
MUTED = (110, 117, 125)
GRID = (222, 226, 230)
BLUE = (21, 101, 192)
LIGHT_BLUE = (144, 202, 249)
GREEN = (46, 125, 50)
RIVER = (142, 197, 238)
RIVER_INK = (47, 116, 181)
#: Graticule steps in degrees, the finest first.
GRATICULE_STEPS = (0.05, 0.1, 0.2, 0.25, 0.5)
ORANGE = (239, 108, 0)
#: The city's extent (DOMAIN.md), a little padded.
LAT_RANGE = (15.97, 16.77)
LON_RANGE = (106.99, 108.24)
#: The smallest map span in degrees (about 11 km): a few wards around the points.
MIN_SPAN = 0.1


@dataclass(frozen=True, slots=True)
class WardPoint:
    code: str
    name: str
    lat: float
    lon: float
    count: int


@functools.cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    family = find_family()
    return ImageFont.truetype(str(family.bold if bold else family.regular), size)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _canvas(title: str, subtitle: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image, "RGBA")
    draw.text((60, 40), title, font=_font(46, True), fill=INK)
    draw.text((60, 104), subtitle, font=_font(28), fill=MUTED)
    return image, draw


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(title: str, subtitle: str, bars: Sequence[Bar], part_label: str = "") -> bytes:
    """Horizontal bars, longest first, the value at the end of each bar; `part` (if any)
    drawn darker inside its bar and named in a legend."""
    image, draw = _canvas(title, subtitle)
    label_font, value_font = _font(28), _font(28, True)
    left, right, top, bottom = 560, SIZE[0] - 140, 180, SIZE[1] - 70
    if not bars:
        draw.text((60, 300), "Không có số liệu trong kỳ.", font=_font(34), fill=MUTED)
        return _png(image)
    highest = max(b.value for b in bars) or 1
    step = (bottom - top) / len(bars)
    thickness = min(56, step * 0.7)
    for i, bar in enumerate(bars):
        y = top + i * step + (step - thickness) / 2
        label = _fit(draw, bar.label, label_font, left - 80)
        draw.text((left - 20, y + thickness / 2), label, font=label_font, fill=INK, anchor="rm")
        length = (right - left) * bar.value / highest
        draw.rectangle((left, y, left + max(length, 2), y + thickness), fill=LIGHT_BLUE)
        if bar.part is not None:
            inner = (right - left) * bar.part / highest
            draw.rectangle((left, y, left + max(inner, 0), y + thickness), fill=BLUE)
        draw.text(
            (left + length + 14, y + thickness / 2),
            f"{bar.value:,}".replace(",", "."),
            font=value_font,
            fill=INK,
            anchor="lm",
        )
    if part_label:
        x = SIZE[0] - 620
        draw.rectangle((x, 120, x + 28, 148), fill=BLUE)
        draw.text((x + 40, 134), part_label, font=_font(26), fill=INK, anchor="lm")
        draw.rectangle((x + 300, 120, x + 328, 148), fill=LIGHT_BLUE)
        draw.text((x + 340, 134), "Còn lại", font=_font(26), fill=INK, anchor="lm")
    return _png(image)


def _nice_step(highest: int) -> int:
    """The smallest round step (1, 2, 2.5, 5 x 10^k, whole) whose four gridlines reach
    `highest`: 93 -> 25 (0, 25, 50, 75, 100)."""
    magnitude = 1
    while True:
        for factor in (1.0, 2.0, 2.5, 5.0):
            step = factor * magnitude
            if step.is_integer() and 4 * step >= highest:
                return int(step)
        magnitude *= 10


def trend_chart(title: str, subtitle: str, points: Sequence[WeekPoint]) -> bytes:
    """Received and handled per week, two lines with their values."""
    image, draw = _canvas(title, subtitle)
    left, right, top, bottom = 140, SIZE[0] - 80, 200, SIZE[1] - 120
    step = _nice_step(max([1, *(max(p.received, p.handled) for p in points)]))
    highest = 4 * step
    small = _font(24)
    for k in range(5):
        y = bottom - (bottom - top) * k / 4
        draw.line((left, y, right, y), fill=GRID, width=2)
        value = k * step
        draw.text(
            (left - 16, y), f"{value:,}".replace(",", "."), font=small, fill=MUTED, anchor="rm"
        )
    if not points:
        return _png(image)
    span = max(1, len(points) - 1)
    xs = [
        left + (right - left) * (i / span if len(points) > 1 else 0.5) for i in range(len(points))
    ]
    every = max(1, len(points) // 12)
    for i, (x, point) in enumerate(zip(xs, points, strict=True)):
        if i % every == 0:
            draw.text(
                (x, bottom + 20), point.first.strftime("%d/%m"), font=small, fill=MUTED, anchor="mt"
            )
    for colour, values in (
        (BLUE, [p.received for p in points]),
        (GREEN, [p.handled for p in points]),
    ):
        ys = [bottom - (bottom - top) * v / highest for v in values]
        if len(xs) > 1:
            draw.line(list(zip(xs, ys, strict=True)), fill=colour, width=6, joint="curve")
        for x, y, v in zip(xs, ys, values, strict=True):
            draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=colour)
            if len(points) <= 14:
                draw.text((x, y - 16), str(v), font=small, fill=colour, anchor="mb")
    for i, (colour, name) in enumerate(((BLUE, "Tiếp nhận"), (GREEN, "Đã xử lý"))):
        x = SIZE[0] - 560 + i * 260
        draw.rectangle((x, 120, x + 28, 148), fill=colour)
        draw.text((x + 40, 134), name, font=_font(26), fill=INK, anchor="lm")
    return _png(image)


def ward_points(reports: Sequence[Report], period: Period, reference: Reference) -> list[WardPoint]:
    """Reports received in the period counted per ward (a former ward under its successor),
    at the ward's centre: the only position a pack gives."""
    counts: dict[str, int] = {}
    for r in reports:
        if period.contains(r.created_at):
            ward = reference.current_ward(r.ward) or reference.ward(r.ward)
            if ward is not None:
                counts[ward.code] = counts.get(ward.code, 0) + 1
    points = []
    for code, count in counts.items():
        ward = reference.ward(code)
        if ward is not None:
            points.append(WardPoint(code, ward.name, ward.lat, ward.lon, count))
    return sorted(points, key=lambda p: -p.count)


def _extent(
    points: Sequence[WardPoint], aspect: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(lat range, lon range) around the points, padded, in the drawing's `aspect` (width
    over height, with longitude degrees shortened by cos(latitude)); the city without points."""
    if not points:
        return LAT_RANGE, LON_RANGE
    lats, lons = [p.lat for p in points], [p.lon for p in points]
    mid_lat, mid_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    squeeze = math.cos(math.radians(mid_lat))
    half_h = max((max(lats) - min(lats)) / 2 * 1.25, MIN_SPAN / 2)
    half_w = max((max(lons) - min(lons)) / 2 * 1.15, MIN_SPAN / 2)
    if half_w * squeeze / half_h < aspect:
        half_w = half_h * aspect / squeeze
    else:
        half_h = half_w * squeeze / aspect
    return (mid_lat - half_h, mid_lat + half_h), (mid_lon - half_w, mid_lon + half_w)


def _graticule_step(span: float) -> float:
    """The smallest round step that draws at most eight lines across `span` degrees."""
    return next((step for step in GRATICULE_STEPS if span / step <= 8), GRATICULE_STEPS[-1])


def _background(
    image: Image.Image,
    at: Callable[[float, float], tuple[float, float]],
    box: tuple[int, int, int, int],
    reference: Reference,
    lats: tuple[float, float],
    lons: tuple[float, float],
) -> None:
    """What a reader places the dots by, without tiles: a graticule with its degrees, the
    Perfume River and every ward's name at its centre (console.maps.background), clipped
    to the map's frame."""
    left, top, right, bottom = box
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    small = _font(18)
    step = _graticule_step(max(lats[1] - lats[0], lons[1] - lons[0]))
    lat = math.ceil(lats[0] / step) * step
    while lat < lats[1]:
        _, y = at(lat, lons[0])
        draw.line((left, y, right, y), fill=GRID, width=1)
        draw.text((left + 6, y - 2), f"{lat:.2f}°B", font=small, fill=MUTED, anchor="lb")
        lat += step
    lon = math.ceil(lons[0] / step) * step
    while lon < lons[1]:
        x, _ = at(lats[0], lon)
        draw.line((x, top, x, bottom), fill=GRID, width=1)
        draw.text((x + 4, top + 6), f"{lon:.2f}°Đ", font=small, fill=MUTED, anchor="lt")
        lon += step
    river = [at(lat, lon) for lat, lon in PERFUME_RIVER]
    draw.line(river, fill=RIVER, width=9, joint="curve")
    x, y = river[RIVER_LABEL_AT]
    draw.text((x + 14, y), RIVER_NAME, font=_font(22), fill=RIVER_INK, anchor="lm")
    names = _font(20)
    for ward in ward_labels(reference):
        x, y = at(ward.lat, ward.lon)
        draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=(160, 170, 180))
        draw.text((x + 8, y), ward.name, font=names, fill=MUTED, anchor="lm")
    frame = layer.crop(box)
    image.paste(frame, (left, top), frame)


def ward_map(points: Sequence[WardPoint], reference: Reference, subtitle: str) -> bytes:
    """A plain map of the wards: every ward centre as a dot, circles sized by the period's
    reports, the busiest named. Drawn without tiles (the command line has no map page)."""
    image, draw = _canvas("Phân bố phản ánh theo phường, xã", subtitle)
    left, right, top, bottom = 60, SIZE[0] - 60, 170, SIZE[1] - 60
    draw.rectangle((left, top, right, bottom), fill=(236, 242, 247), outline=GRID, width=2)

    (south, north), (west, east) = _extent(points, (right - left) / (bottom - top))

    def at(lat: float, lon: float) -> tuple[float, float]:
        x = left + (right - left) * (lon - west) / (east - west)
        y = bottom - (bottom - top) * (lat - south) / (north - south)
        return x, y

    _background(image, at, (left, top, right, bottom), reference, (south, north), (west, east))
    highest = max([1, *(p.count for p in points)])
    for point in sorted(points, key=lambda p: -p.count):
        x, y = at(point.lat, point.lon)
        radius = 10 + 50 * (point.count / highest) ** 0.5
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(239, 108, 0, 150),
            outline=(191, 54, 12),
            width=3,
        )
    label_font = _font(24, True)
    taken: list[tuple[float, float, float, float]] = []
    for point in points[:10]:
        x, y = at(point.lat, point.lon)
        text_box = draw.textbbox(
            (x + 14, y), f"{point.name}: {point.count}", font=label_font, anchor="lm"
        )
        if any(
            not (
                text_box[2] < t[0] or text_box[0] > t[2] or text_box[3] < t[1] or text_box[1] > t[3]
            )
            for t in taken
        ):
            continue
        taken.append(text_box)
        draw.text(
            (x + 14, y),
            f"{point.name}: {point.count}",
            font=label_font,
            fill=INK,
            anchor="lm",
            stroke_width=3,
            stroke_fill="white",
        )
    draw.text(
        (right - 20, bottom - 20),
        "Vị trí quy về trung tâm phường, xã",
        font=_font(22),
        fill=MUTED,
        anchor="rb",
    )
    return _png(image)
