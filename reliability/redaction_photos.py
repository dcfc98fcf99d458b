"""Synthetic street photos with known plates and faces, to measure the briefing's blurring.

Vietnamese plates in both layouts (the long one-line car plate, 520 x 110 mm, and the
two-line motorbike plate, 190 x 140 mm) on a drawn vehicle, rotated and seen at an angle,
pasted on the demo city's street scenes; a real face (the astronaut photo that ships inside
scikit-image's wheel, when installed); and scenes with neither, shop signs and phone numbers
included, to count what is blurred for nothing. Everything is drawn from a seed, in memory:
the same seed gives the same pixels, and no file is read but fonts and that one photo.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from console.central.demo.photos import SCENES, render_photo
from console.exports.briefing.fonts import FONT_DIRS, find_family

Box = tuple[int, int, int, int]
SIZE = (1280, 960)
#: Plate sizes in millimetres (width, height) of the two layouts.
LAYOUTS = {"car": (520, 110), "moto": (190, 140)}
PLATE_WIDTHS = (40, 55, 75, 100, 140, 190, 250)
#: (rotation in degrees, yaw in degrees): straight, tilted, seen from the side, both.
POSES = ((0.0, 0.0), (6.0, 0.0), (-3.0, 30.0), (-8.0, 20.0))
FACE_WIDTHS = (30, 45, 60, 90, 130, 200, 300)
#: In the astronaut photo: the head and shoulders pasted, and the face inside it.
ASTRONAUT_CROP = (110, 10, 340, 290)
ASTRONAUT_FACE = (176, 64, 96, 108)
PROVINCES = ("75", "43", "29", "30", "51", "92", "74", "38")
SERIES = "ABCDEFGHKLMNPSTUVXYZ"
SIGN_WORDS = (
    "TẠP HÓA",
    "PHỞ BÒ",
    "CƠM HẾN",
    "SỬA XE",
    "BÚN BÒ HUẾ",
    "NHÀ THUỐC",
    "KIỆT 45",
    "CẮT TÓC",
    "BÁNH KHOÁI",
)


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # plate | face
    layout: str  # car | moto | face
    width: int  # the plate's (or face's) width before the pose, in pixels
    pose: str
    box: Box


@dataclass(slots=True)
class Photo:
    name: str
    image: Image.Image
    targets: list[Target] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.targets


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """A condensed bold face, like the plates' own lettering; DejaVu Sans Bold otherwise."""
    for folder in FONT_DIRS:
        for path in folder.rglob("DejaVuSansCondensed-Bold.ttf") if folder.is_dir() else ():
            return ImageFont.truetype(str(path), size)
    return ImageFont.truetype(str(find_family().bold), size)


def plate_text(rng: random.Random, layout: str) -> list[str]:
    """The lines of a plate number: '75A-123.45', or '75-B1' over '234.56'."""
    province, letter = rng.choice(PROVINCES), rng.choice(SERIES)
    digits = f"{rng.randint(100, 999)}.{rng.randint(0, 99):02d}"
    if layout == "car":
        return [f"{province}{letter}-{digits}"]
    return [f"{province}-{letter}{rng.randint(1, 9)}", digits]


def draw_plate(lines: list[str], layout: str, width: int, yellow: bool = False) -> Image.Image:
    """The plate drawn at 4x its final width, then scaled down: lettering and border as on
    the road, black on white (yellow for a transport business)."""
    mm_w, mm_h = LAYOUTS[layout]
    big_w = width * 4
    big_h = round(big_w * mm_h / mm_w)
    plate = Image.new("RGB", (big_w, big_h), (238, 200, 40) if yellow else (245, 245, 240))
    d = ImageDraw.Draw(plate)
    border = max(2, big_w // 60)
    d.rounded_rectangle(
        (border, border, big_w - border, big_h - border),
        radius=border * 2,
        outline=(15, 15, 15),
        width=border,
    )
    row_h = (big_h - 4 * border) / len(lines)
    for i, line in enumerate(lines):
        size = int(row_h * 0.82)
        font = _font(size)
        while font.getlength(line) > big_w - 6 * border and size > 4:
            size -= 2
            font = _font(size)
        cy = 2 * border + row_h * (i + 0.5)
        d.text((big_w / 2, cy), line, fill=(15, 15, 15), font=font, anchor="mm")
    return plate.resize((width, max(2, round(big_h / 4))), Image.Resampling.LANCZOS)


def _vehicle(rng: random.Random, layout: str, plate: Image.Image) -> tuple[Image.Image, Box]:
    """The back of a car or a motorbike, sized to the plate, the plate on it; and where."""
    pw, ph = plate.size
    body = tuple(rng.randint(20, 230) for _ in range(3))
    if layout == "car":
        w, h = int(pw * 3.4), int(pw * 2.1)
        sprite = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(sprite)
        d.rounded_rectangle((0, h * 0.12, w, h * 0.92), radius=w // 14, fill=(*body, 255))
        d.polygon(
            [(w * 0.16, h * 0.14), (w * 0.84, h * 0.14), (w * 0.76, 0), (w * 0.24, 0)],
            fill=(*body, 255),
        )
        d.rectangle((w * 0.2, h * 0.2, w * 0.8, h * 0.45), fill=(40, 50, 60, 255))
        for x0 in (0.04, 0.8):
            d.rectangle((w * x0, h * 0.5, w * (x0 + 0.16), h * 0.6), fill=(200, 30, 30, 255))
        d.rectangle((0, h * 0.78, w, h * 0.92), fill=(35, 35, 35, 255))
        for x0 in (0.06, 0.78):
            d.rectangle((w * x0, h * 0.9, w * (x0 + 0.16), h), fill=(15, 15, 15, 255))
        at = ((w - pw) // 2, int(h * 0.62))
    else:
        w, h = int(pw * 2.6), int(pw * 3.6)
        sprite = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(sprite)
        d.ellipse((w * 0.05, 0, w * 0.95, h * 0.35), fill=(30, 30, 40, 255))
        d.rounded_rectangle(
            (w * 0.1, h * 0.25, w * 0.9, h * 0.55), radius=w // 8, fill=(*body, 255)
        )
        d.rectangle((w * 0.3, h * 0.5, w * 0.7, h * 0.6), fill=(200, 30, 30, 255))
        d.rectangle((w * 0.38, h * 0.78, w * 0.62, h), fill=(15, 15, 15, 255))
        at = ((w - pw) // 2, int(h * 0.6))
    sprite.paste(plate, at)
    return sprite, (at[0], at[1], pw, ph)


def _pose(
    sprite: Image.Image, box: Box, rotation: float, yaw: float
) -> tuple[Image.Image, np.ndarray]:
    """The sprite turned by `rotation` and seen `yaw` degrees from the side (the far edge
    shorter), on a canvas that holds it all; and the four corners of `box` after that."""
    w, h = sprite.size
    shrink = 0.35 * math.sin(math.radians(yaw))
    squeeze = math.cos(math.radians(yaw))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32(
        [[0, 0], [w * squeeze, h * shrink / 2], [w * squeeze, h * (1 - shrink / 2)], [0, h]]
    )
    centre = (w * squeeze / 2, h / 2)
    turn = cv2.getRotationMatrix2D(centre, rotation, 1.0)
    matrix = np.vstack([turn, [0, 0, 1]]) @ cv2.getPerspectiveTransform(src, dst)
    corners = cv2.perspectiveTransform(src.reshape(-1, 1, 2), matrix).reshape(-1, 2)
    left, top = corners.min(axis=0)
    right, bottom = corners.max(axis=0)
    matrix = np.array([[1, 0, -left], [0, 1, -top], [0, 0, 1]]) @ matrix
    size = (math.ceil(right - left), math.ceil(bottom - top))
    warped = cv2.warpPerspective(np.asarray(sprite), matrix, size, flags=cv2.INTER_LINEAR)
    x, y, bw, bh = box
    quad = np.float32([[x, y], [x + bw, y], [x + bw, y + bh], [x, y + bh]]).reshape(-1, 1, 2)
    return Image.fromarray(warped, "RGBA"), cv2.perspectiveTransform(quad, matrix).reshape(-1, 2)


def _background(rng: random.Random) -> Image.Image:
    """One of the demo city's scenes at full size."""
    canvas = Image.new("RGB", SIZE, (128, 128, 128))
    scene = SCENES[rng.choice(sorted(SCENES))]
    scene(ImageDraw.Draw(canvas), rng, *SIZE, False)
    return canvas


def _phone_shot(image: Image.Image, rng: random.Random) -> Image.Image:
    """A little blur, sensor noise and JPEG, as a phone camera leaves a photo."""
    soft = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    pixels = np.asarray(soft, dtype=np.int16)
    noise = np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 3.0, pixels.shape)
    noisy = Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=rng.randint(78, 90))
    with Image.open(io.BytesIO(buffer.getvalue())) as shot:
        return shot.convert("RGB")


def _paste(canvas: Image.Image, sprite: Image.Image, rng: random.Random) -> tuple[int, int]:
    """Somewhere on the lower half (the road), wholly inside the photo."""
    w, h = canvas.size
    x = rng.randint(0, max(0, w - sprite.width))
    lowest = max(0, h - sprite.height)
    y = rng.randint(min(int(h * 0.45), lowest), lowest)
    canvas.paste(sprite, (x, y), sprite)
    return x, y


def _bounds(quad: np.ndarray, at: tuple[int, int]) -> Box:
    left, top = quad.min(axis=0)
    right, bottom = quad.max(axis=0)
    return (
        int(left) + at[0],
        int(top) + at[1],
        math.ceil(right - left),
        math.ceil(bottom - top),
    )


def plate_photo(seed: int, layout: str, width: int, pose: tuple[float, float]) -> Photo:
    """A street with one vehicle seen from behind, its plate `width` pixels wide."""
    rng = random.Random(seed)
    plate = draw_plate(plate_text(rng, layout), layout, width, yellow=rng.random() < 0.15)
    sprite, box = _vehicle(rng, layout, plate)
    posed, quad = _pose(sprite, box, *pose)
    canvas = _background(rng)
    at = _paste(canvas, posed, rng)
    pose_name = f"rot{pose[0]:+.0f}_yaw{pose[1]:.0f}"
    target = Target("plate", layout, width, pose_name, _bounds(quad, at))
    return Photo(f"plate-{layout}-{width}-{pose_name}", _phone_shot(canvas, rng), [target])


def astronaut() -> Image.Image | None:
    """The astronaut portrait shipped in scikit-image's wheel, read without importing it
    (nothing downloaded); None where scikit-image is not installed."""
    spec = importlib.util.find_spec("skimage")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "astronaut.png"
    if not path.is_file():
        return None
    with Image.open(path) as opened:
        return opened.convert("RGB")


def face_photo(seed: int, portrait: Image.Image, face: Box, face_width: int) -> Photo:
    """A street with a person in it whose face (box `face` in `portrait`) is `face_width`
    pixels wide; mirrored on odd seeds."""
    rng = random.Random(seed)
    scale = face_width / face[2]
    crop = ASTRONAUT_CROP if portrait.size == (512, 512) else (0, 0, *portrait.size)
    head = portrait.crop(crop)
    fx, fy = face[0] - crop[0], face[1] - crop[1]
    if seed % 2:
        head = head.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        fx = head.width - fx - face[2]
    head = head.resize(
        (max(1, round(head.width * scale)), max(1, round(head.height * scale))),
        Image.Resampling.LANCZOS,
    )
    canvas = _background(rng)
    x = rng.randint(0, SIZE[0] - head.width)
    y = rng.randint(max(0, SIZE[1] // 3 - head.height // 2), SIZE[1] - head.height)
    canvas.paste(head, (x, y))
    box = (
        x + round(fx * scale),
        y + round(fy * scale),
        round(face[2] * scale),
        round(face[3] * scale),
    )
    target = Target("face", "face", face_width, "frontal", box)
    return Photo(f"face-{face_width}-{seed % 2}", _phone_shot(canvas, rng), [target])


def signs_photo(seed: int) -> Photo:
    """A street with shop signs, a house number and a phone number: text, no plate."""
    rng = random.Random(seed)
    canvas = _background(rng)
    d = ImageDraw.Draw(canvas)
    for _ in range(rng.randint(3, 6)):
        w, h = rng.randint(120, 520), rng.randint(40, 130)
        x, y = rng.randint(0, SIZE[0] - w), rng.randint(int(SIZE[1] * 0.1), int(SIZE[1] * 0.6))
        light = rng.random() < 0.5
        fill = (
            (245, 245, 240) if light else rng.choice([(190, 30, 30), (20, 70, 160), (30, 120, 60)])
        )
        ink = (20, 20, 20) if light else (250, 240, 200)
        d.rectangle((x, y, x + w, y + h), fill=fill, outline=(30, 30, 30), width=max(2, h // 20))
        lines = [rng.choice(SIGN_WORDS)]
        if rng.random() < 0.5:
            lines.append(
                f"0{rng.randint(200, 999)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"
            )
        size = int(h * 0.8 / len(lines))
        for i, line in enumerate(lines):
            font = _font(size)
            while font.getlength(line) > w * 0.92 and size > 6:
                size -= 2
                font = _font(size)
            cy = y + h * (i + 0.5) / len(lines)
            d.text((x + w / 2, cy), line, fill=ink, font=font, anchor="mm")
    for _ in range(rng.randint(1, 3)):
        w = rng.randint(50, 120)
        x, y = rng.randint(0, SIZE[0] - w), rng.randint(int(SIZE[1] * 0.2), int(SIZE[1] * 0.55))
        d.rectangle(
            (x, y, x + w, y + w * 0.7), fill=(20, 60, 150), outline=(240, 240, 240), width=3
        )
        d.text(
            (x + w / 2, y + w * 0.35),
            str(rng.randint(1, 199)),
            fill="white",
            font=_font(w // 2),
            anchor="mm",
        )
    return Photo(f"signs-{seed}", _phone_shot(canvas, rng), [])


def street_photo(seed: int) -> Photo:
    """A demo city scene with no text, no plate and no face."""
    rng = random.Random(seed)
    return Photo(f"street-{seed}", _phone_shot(_background(rng), rng), [])


def demo_photo(report_id: int, category: str) -> Photo:
    """A citizen's photo as the demo central API serves it (640 x 480): no plate, no face."""
    with Image.open(io.BytesIO(render_photo(report_id, category, "photo", 1))) as opened:
        return Photo(f"demo-{category}-{report_id}", opened.convert("RGB"), [])


def photo_set(seed: int = 2026, portrait: Image.Image | None = None) -> list[Photo]:
    """Every layout at every width and pose, faces at every width (when a portrait is given),
    and photos with neither: drawn streets, shop signs and the demo city's own photos."""
    photos = [
        plate_photo(seed * 1000 + i, layout, width, pose)
        for i, (layout, width, pose) in enumerate(
            (layout, width, pose) for layout in LAYOUTS for width in PLATE_WIDTHS for pose in POSES
        )
    ]
    if portrait is not None:
        photos += [
            face_photo(seed * 2000 + i * 2 + mirror, portrait, ASTRONAUT_FACE, width)
            for i, width in enumerate(FACE_WIDTHS)
            for mirror in (0, 1)
        ]
    photos += [street_photo(seed * 3000 + i) for i in range(20)]
    photos += [signs_photo(seed * 4000 + i) for i in range(20)]
    photos += [demo_photo(seed + i, category) for i in range(3) for category in sorted(SCENES)]
    return photos
