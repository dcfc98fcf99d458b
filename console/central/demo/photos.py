"""Demo photos drawn on the fly: a simple scene per category, "after" result photos cleaner.

A citizen's photo ("photo") carries EXIF with a camera and fake GPS near Huế, as a phone
would write it, so the console's privacy stripping has something real to strip. Result
photos ("result_photo") come from the unit's office software and carry no EXIF.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import ExifTags, Image, ImageDraw

Box = tuple[float, float, float, float]
Scene = Callable[[ImageDraw.ImageDraw, random.Random, int, int, bool], None]

CENTRE = (16.4637, 107.5909)
#: Extra canvas around the picture, so photos of one scene can be framed differently.
MARGIN = (40, 30)
CAMERAS = (
    ("samsung", "SM-A546E"),
    ("Apple", "iPhone 13"),
    ("OPPO", "CPH2437"),
    ("Xiaomi", "23021RAA2Y"),
)


def _shade(
    rng: random.Random, base: tuple[int, int, int], spread: int = 18
) -> tuple[int, int, int]:
    r, g, b = (min(255, max(0, c + rng.randint(-spread, spread))) for c in base)
    return r, g, b


def _street(
    d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, night: bool = False
) -> None:
    """Sky, a row of shop-houses, pavement and a road running away from the viewer."""
    sky_top, sky_low = ((20, 24, 52), (48, 52, 90)) if night else ((120, 170, 225), (200, 225, 245))
    bands = 12
    for i in range(bands):
        t = i / bands
        colour = tuple(int(a + (b - a) * t) for a, b in zip(sky_top, sky_low, strict=True))
        d.rectangle((0, h * 0.45 * t, w, h * 0.45 * (t + 1 / bands) + 1), fill=colour)
    x = 0.0
    while x < w:
        bw = w * rng.uniform(0.09, 0.16)
        top = h * rng.uniform(0.12, 0.3)
        wall = _shade(rng, (60, 60, 70) if night else (225, 205, 160), 30)
        d.rectangle((x, top, x + bw, h * 0.55), fill=wall, outline=(90, 80, 70))
        for wy in range(int(top + 12), int(h * 0.5), 26):
            lit = night and rng.random() < 0.5
            d.rectangle(
                (x + 6, wy, x + bw - 6, wy + 12), fill=(250, 220, 120) if lit else (70, 90, 110)
            )
        x += bw
    d.rectangle((0, h * 0.55, w, h * 0.62), fill=(150, 145, 140) if not night else (70, 70, 75))
    asphalt = (70, 72, 76) if not night else (35, 35, 40)
    d.polygon([(0, h * 0.62), (w, h * 0.62), (w, h), (0, h)], fill=asphalt)
    for k in range(6):
        y0 = h * (0.64 + k * 0.06)
        d.rectangle((w * 0.48, y0, w * 0.52, y0 + h * 0.03), fill=(230, 230, 225))


def _rubbish(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    if after:
        d.rectangle(
            (w * 0.72, h * 0.46, w * 0.8, h * 0.6), fill=(40, 140, 70), outline=(20, 80, 40)
        )
        return
    cx, cy = w * rng.uniform(0.2, 0.6), h * 0.6
    for _ in range(80):
        rx, ry = rng.uniform(12, 40), rng.uniform(8, 26)
        x, y = cx + rng.gauss(0, w * 0.07), cy + rng.gauss(0, h * 0.03)
        colour = rng.choice(
            [(30, 30, 30), (220, 220, 220), (60, 110, 190), (200, 60, 60), (120, 90, 50)]
        )
        d.ellipse((x - rx, y - ry, x + rx, y + ry), fill=_shade(rng, colour), outline=(20, 20, 20))


def _lamp(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h, night=True)
    base_x, base_y = w * 0.35, h * 0.62
    lean = 0.0 if after else rng.uniform(0.25, 0.45)
    top_x, top_y = base_x + lean * h * 0.5, h * 0.12 + lean * 40
    d.line((base_x, base_y, top_x, top_y), fill=(150, 150, 155), width=max(4, w // 80))
    head = (top_x - 10, top_y - 6, top_x + 50, top_y + 10)
    d.line((top_x, top_y, top_x + 40, top_y), fill=(150, 150, 155), width=4)
    if after:
        d.pieslice((top_x - 10, top_y, top_x + 90, top_y + 200), 60, 120, fill=(255, 240, 170))
    d.rectangle(head, fill=(250, 230, 140) if after else (60, 60, 60))


def _pothole(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.75, 0.88)
    rx, ry = w * rng.uniform(0.13, 0.2), h * rng.uniform(0.05, 0.08)
    if after:
        d.rectangle((cx - rx * 1.3, cy - ry * 1.5, cx + rx * 1.3, cy + ry * 1.5), fill=(45, 45, 48))
        return
    d.ellipse(
        (cx - rx, cy - ry, cx + rx, cy + ry), fill=(40, 32, 25), outline=(110, 100, 90), width=3
    )
    d.ellipse((cx - rx * 0.6, cy - ry * 0.4, cx + rx * 0.5, cy + ry * 0.5), fill=(90, 110, 120))
    for _ in range(8):
        x, y = cx + rng.uniform(-rx, rx) * 1.4, cy + rng.uniform(-ry, ry) * 1.4
        d.line((x, y, x + rng.uniform(-20, 20), y + rng.uniform(-8, 8)), fill=(30, 30, 30), width=2)


def _flood(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    if after:
        for _ in range(6):
            x, y = rng.uniform(0, w), rng.uniform(h * 0.7, h)
            d.ellipse((x - 30, y - 5, x + 30, y + 5), fill=(85, 88, 95))
        return
    level = h * rng.uniform(0.52, 0.6)
    d.rectangle((0, level, w, h), fill=(120, 105, 70))
    for _ in range(25):
        x, y = rng.uniform(0, w), rng.uniform(level + 5, h)
        d.arc((x - 25, y - 4, x + 25, y + 4), 0, 180, fill=(170, 160, 120), width=2)
    x = w * rng.uniform(0.2, 0.7)
    d.rectangle((x, level - 30, x + 50, level + 5), fill=(180, 30, 30))
    d.ellipse((x + 15, level - 55, x + 35, level - 30), fill=(230, 190, 150))


def _tree(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    if after:
        d.rectangle((w * 0.12, h * 0.3, w * 0.15, h * 0.6), fill=(100, 70, 40))
        d.ellipse((w * 0.04, h * 0.12, w * 0.24, h * 0.36), fill=(50, 120, 50))
        return
    y0, y1 = h * rng.uniform(0.62, 0.7), h * rng.uniform(0.8, 0.92)
    d.line((w * 0.05, y0, w * 0.85, y1), fill=(100, 70, 40), width=max(10, h // 25))
    for _ in range(18):
        t = rng.uniform(0.5, 1.0)
        x, y = w * (0.05 + 0.8 * t), y0 + (y1 - y0) * t
        r = rng.uniform(18, 45)
        d.ellipse((x - r, y - r - 15, x + r, y + r - 15), fill=_shade(rng, (50, 120, 45)))


def _stalls(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    if after:
        return
    for k in range(rng.randint(3, 5)):
        x = w * (0.08 + k * 0.18)
        colour = rng.choice([(220, 60, 50), (240, 180, 40), (60, 120, 200)])
        d.pieslice((x - 40, h * 0.42, x + 40, h * 0.56), 180, 360, fill=colour)
        d.line((x, h * 0.49, x, h * 0.63), fill=(90, 90, 90), width=3)
        d.rectangle((x - 22, h * 0.58, x + 22, h * 0.61), fill=(120, 80, 50))
        for s in (-30, 30):
            d.rectangle((x + s - 6, h * 0.6, x + s + 6, h * 0.64), fill=(30, 90, 200))


def _crowd(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h, night=not after)
    if after:
        return
    for _ in range(rng.randint(4, 7)):
        x, y = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.64, 0.78)
        d.ellipse((x - 7, y - 44, x + 7, y - 30), fill=(15, 15, 20))
        d.rectangle((x - 9, y - 30, x + 9, y), fill=(15, 15, 20))
        d.rectangle((x - 30, y, x + 30, y + 12), fill=(25, 25, 30))


def _river(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    d.rectangle((0, 0, w, h * 0.4), fill=(150, 195, 235))
    d.rectangle((0, h * 0.4, w, h * 0.48), fill=(60, 120, 60))
    d.rectangle((0, h * 0.48, w, h), fill=(70, 120, 130))
    for _ in range(30):
        x, y = rng.uniform(0, w), rng.uniform(h * 0.5, h)
        d.line((x, y, x + 30, y), fill=(120, 170, 180), width=2)
    x, y = w * 0.3, h * 0.7
    d.polygon(
        [(x, y), (x + w * 0.4, y), (x + w * 0.35, y + 30), (x + 15, y + 30)], fill=(170, 40, 30)
    )
    d.polygon([(x - 20, y - 30), (x + 5, y), (x + 20, y)], fill=(230, 180, 40))
    d.rectangle((x + 40, y - 40, x + w * 0.3, y), fill=(200, 60, 40))
    if not after:
        for k in range(3):
            d.ellipse((x + 60 + k * 30, y - 70, x + 75 + k * 30, y - 55), fill=(230, 190, 150))


def _market(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    d.rectangle((0, 0, w, h), fill=(200, 190, 170))
    d.rectangle((0, h * 0.5, w, h), fill=(150, 110, 70))
    for _ in range(30):
        x, y = rng.uniform(0, w), rng.uniform(h * 0.52, h * 0.8)
        d.ellipse((x - 18, y - 14, x + 18, y + 14), fill=_shade(rng, (230, 140, 40), 60))
    if after:
        for k in range(4):
            d.rectangle(
                (w * (0.1 + 0.22 * k), h * 0.38, w * (0.22 + 0.22 * k), h * 0.48), fill="white"
            )


def _cables(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    for x in (w * 0.15, w * 0.85):
        d.line((x, h * 0.62, x, h * 0.08), fill=(170, 170, 165), width=8)
    for _ in range(4 if after else 30):
        top = h * rng.uniform(0.1, 0.16)
        sag = rng.uniform(5, 15) if after else rng.uniform(10, 160)
        d.arc((w * 0.15, top - sag, w * 0.85, top + sag), 0, 180, fill=(20, 20, 20), width=2)


def _bus_stop(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    _street(d, rng, w, h)
    x0, x1 = w * 0.25, w * 0.7
    for x in (x0, x1):
        d.line((x, h * 0.62, x, h * 0.3), fill=(60, 60, 70), width=6)
    roof = [(x0 - 20, h * 0.3), (x1 + 20, h * 0.3), (x1 + 20, h * 0.26), (x0 - 20, h * 0.26)]
    if not after:
        roof[1] = (x1 + 10, h * 0.36)
    d.polygon(roof, fill=(30, 110, 180))
    d.rectangle((x0 + 20, h * 0.5, x1 - 20, h * 0.53), fill=(120, 80, 50))


def _wall(d: ImageDraw.ImageDraw, rng: random.Random, w: int, h: int, after: bool) -> None:
    d.rectangle((0, 0, w, h * 0.3), fill=(150, 195, 235))
    d.rectangle((0, h * 0.3, w, h * 0.8), fill=(150, 120, 95))
    for x in range(0, w, 40):
        d.rectangle((x, h * 0.25, x + 22, h * 0.3), fill=(150, 120, 95))
    for y in range(int(h * 0.32), int(h * 0.8), 18):
        offset = 0 if (y // 18) % 2 else 20
        for x in range(-offset, w, 40):
            d.rectangle((x, y, x + 38, y + 16), outline=(120, 95, 75))
    d.rectangle((0, h * 0.8, w, h), fill=(60, 130, 60))
    if not after:
        for _ in range(6):
            gx, gy = rng.uniform(0, w * 0.8), rng.uniform(h * 0.4, h * 0.7)
            pts = [(gx + k * 12, gy + rng.uniform(-15, 15)) for k in range(8)]
            d.line(pts, fill=rng.choice([(200, 30, 30), (30, 30, 200), (20, 20, 20)]), width=4)


SCENES: dict[str, Scene] = {
    "environment": _rubbish,
    "lighting": _lamp,
    "roads": _pothole,
    "water": _flood,
    "trees": _tree,
    "urban-order": _stalls,
    "security": _crowd,
    "tourism": _river,
    "consumer": _market,
    "telecom": _cables,
    "transport": _bus_stop,
    "heritage": _wall,
}


def _exif(rng: random.Random) -> Image.Exif:
    """What a phone camera writes: make, model, time and where the photo was taken."""
    exif = Image.Exif()
    make, model = rng.choice(CAMERAS)
    exif[ExifTags.Base.Make] = make
    exif[ExifTags.Base.Model] = model
    exif[ExifTags.Base.DateTime] = (
        f"2025:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} 08:15:00"
    )
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    for ref_tag, tag, value, refs in (
        (ExifTags.GPS.GPSLatitudeRef, ExifTags.GPS.GPSLatitude, CENTRE[0], "NS"),
        (ExifTags.GPS.GPSLongitudeRef, ExifTags.GPS.GPSLongitude, CENTRE[1], "EW"),
    ):
        value += rng.gauss(0, 0.01)
        degrees, rest = int(value), (value - int(value)) * 60
        gps[ref_tag] = refs[0]
        gps[tag] = (float(degrees), float(int(rest)), round((rest - int(rest)) * 60, 2))
    return exif


def render_photo(
    report_id: int, category: str, kind: str, n: int, size: tuple[int, int] = (640, 480)
) -> bytes:
    """A JPEG of the scene for `category`; the same bytes for the same arguments."""
    after = kind == "result_photo"
    # The same place for every photo of a report (before and after), framed a little apart.
    rng = random.Random(report_id * 7919)
    width, height = size
    canvas = Image.new("RGB", (width + MARGIN[0], height + MARGIN[1]), (128, 128, 128))
    SCENES.get(category, _rubbish)(ImageDraw.Draw(canvas), rng, *canvas.size, after)
    shot = random.Random(report_id * 104_729 + n * 31 + after)
    left, top = shot.randint(0, MARGIN[0]), shot.randint(0, MARGIN[1])
    image = canvas.crop((left, top, left + width, top + height))
    buffer = io.BytesIO()
    if after:
        image.save(buffer, "JPEG", quality=80)
    else:
        image.save(buffer, "JPEG", quality=80, exif=_exif(shot))
    return buffer.getvalue()
