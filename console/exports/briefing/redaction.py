"""Personal data out of what leaves the Center: free text masked, photos cleaned and blurred.

Text: console.domain.privacy.hide_personal (phones, e-mails, plates, and the reporter's own
name wherever a citizen wrote it; the central API masks the video wall's texts with it too).
Photos: decoded and re-encoded, so no EXIF, GPS or maker notes survive; faces found by
OpenCV's frontal-face Haar cascade (shipped in opencv-python-headless 4.x as cv2.data),
licence plates by their lettering (below), both blurred beyond recognition. Detection
misses some and finds some that are not there, hence the staff's review: the boxes a photo
is finally blurred with are the detected ones as edited by hand.

Plates: OpenCV's plate cascades are Russian and found no Vietnamese plate in
`python -m benchmarks redaction`. A plate is found instead as what it is: a row (car) or
two stacked rows (motorbike) of dark characters of one height on a light rectangle with an
edge of its own. Small plates (characters under ~6 px) and white shop signs with black
lettering defeat it; the benchmark prints how often.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image, ImageFilter, ImageOps

from console.domain.privacy import hide_personal

if TYPE_CHECKING:
    import cv2
    from cv2.typing import MatLike as Grey

#: (x, y, width, height) in the photo's pixels, after its EXIF orientation is applied.
Box = tuple[int, int, int, int]
#: Photos are scaled down to this longest side: enough for print and a big screen.
MAX_SIDE = 1280
JPEG_QUALITY = 85
FACE_CASCADE = "haarcascade_frontalface_default.xml"
#: A box grows by this share on each side: a cascade's box is tight on eyes and mouth.
MARGIN = 0.15
#: Characters this tall or taller (px) are looked for, also in the photo scaled up twice.
CHAR_MIN = 6


class UnreadablePhoto(ValueError):
    """Bytes that are not a picture Pillow can decode."""


@dataclass(frozen=True, slots=True)
class Region:
    box: Box
    kind: str  # face | plate


def redact_text(text: str, names: Iterable[str | None] = ()) -> str:
    """`text` in NFC with phones, e-mails and plates masked and each of `names` hidden."""
    return hide_personal(text, names)


def load_photo(data: bytes) -> Image.Image:
    """The photo upright (EXIF orientation applied) in RGB."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            upright = ImageOps.exif_transpose(opened)
            return upright.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadablePhoto(f"Ảnh không đọc được: {exc}") from exc


@functools.cache
def _cascade(name: str) -> cv2.CascadeClassifier:
    """OpenCV (and numpy) load on the first detection, not with the export package."""
    import cv2

    classifier = cv2.CascadeClassifier(cv2.data.haarcascades + name)  # type: ignore[attr-defined]
    if classifier.empty():
        raise RuntimeError(f"Không nạp được bộ nhận diện {name} của OpenCV.")
    return classifier


def _grow(box: Sequence[int], width: int, height: int) -> Box:
    x, y, w, h = (int(v) for v in box)
    dx, dy = int(w * MARGIN), int(h * MARGIN)
    left, top = max(0, x - dx), max(0, y - dy)
    right, bottom = min(width, x + w + dx), min(height, y + h + dy)
    return left, top, right - left, bottom - top


def detect_faces(grey: Grey) -> list[Box]:
    """Frontal faces in an equalised grey photo (the cascade's own boxes, not grown)."""
    side = min(grey.shape)
    size = (max(20, side // 25),) * 2
    boxes = _cascade(FACE_CASCADE).detectMultiScale(
        grey, scaleFactor=1.1, minNeighbors=5, minSize=size
    )
    return [_box(b) for b in boxes]


def _box(values: Sequence[int]) -> Box:
    return int(values[0]), int(values[1]), int(values[2]), int(values[3])


def _overlap(a: Box, b: Box) -> int:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def _distinct(boxes: Iterable[Box]) -> list[Box]:
    """Largest first, dropping a box that covers most of one already kept (the same thing
    found twice); a small box inside a big one is kept."""
    kept: list[Box] = []
    for box in sorted(set(boxes), key=lambda b: -b[2] * b[3]):
        if all(_overlap(box, k) < 0.6 * k[2] * k[3] for k in kept):
            kept.append(box)
    return kept


def _characters(grey: Grey) -> list[Box]:
    """Dark blobs shaped like a plate's letters and digits, at two local-contrast scales."""
    import cv2

    found: list[Box] = []
    for block in (15, 41):
        binary = cv2.adaptiveThreshold(
            grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 12
        )
        count, _, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
        for x, y, w, h, area in stats[1:count].tolist():
            if (
                CHAR_MIN <= h <= grey.shape[0] * 0.3
                and 0.12 <= w / h <= 1.1
                and 0.18 <= area / (w * h) <= 0.9
            ):
                found.append((x, y, w, h))
    return _distinct(found)


def _rows(chars: list[Box]) -> list[tuple[Box, float, int]]:
    """Chains of at least four characters of one height side by side (tilt allowed):
    (bounding box, median character height, count)."""
    chars = sorted(chars)
    parent = list(range(len(chars)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (x, y, w, h) in enumerate(chars):
        for j in range(i + 1, len(chars)):
            x2, y2, _, h2 = chars[j]
            gap = x2 - (x + w)
            if gap > 1.5 * h:
                break
            if (
                gap >= -0.2 * h
                and max(h, h2) / min(h, h2) <= 1.35
                and abs(y2 + h2 / 2 - y - h / 2) <= 0.35 * max(h, h2)
            ):
                parent[root(j)] = root(i)
                break
    groups: dict[int, list[Box]] = {}
    for i, box in enumerate(chars):
        groups.setdefault(root(i), []).append(box)
    rows = []
    for group in groups.values():
        if len(group) >= 4:
            left, top = min(b[0] for b in group), min(b[1] for b in group)
            right = max(b[0] + b[2] for b in group)
            bottom = max(b[1] + b[3] for b in group)
            height = sorted(b[3] for b in group)[len(group) // 2]
            rows.append(((left, top, right - left, bottom - top), float(height), len(group)))
    return rows


def _light_rectangle(grey: Grey, text: Box, height: float) -> Box | None:
    """The light region behind `text` if it ends, on all four sides, close around it."""
    import cv2
    import numpy as np

    x, y, w, h = text
    rows, cols = grey.shape
    mx, my = int(max(0.8 * height, 0.35 * w)), int(height)
    left, top = max(0, x - mx), max(0, y - my)
    right, bottom = min(cols, x + w + mx), min(rows, y + h + my)
    window = grey[top:bottom, left:right]
    threshold, _ = cv2.threshold(
        grey[y : y + h, x : x + w], 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU
    )
    light = (window > threshold).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(light, connectivity=4)
    inside = np.bincount(
        labels[y - top : y - top + h, x - left : x - left + w].ravel(), minlength=count
    )
    inside[0] = 0
    best = int(inside.argmax())
    if inside[best] == 0:
        return None
    px, py, pw, ph = (int(v) for v in stats[best][:4])
    if px == 0 or py == 0 or px + pw >= window.shape[1] or py + ph >= window.shape[0]:
        return None
    return left + px, top + py, pw, ph


def _plates_at(grey: Grey) -> list[Box]:
    """Car plates (one row, 520 x 110 mm) and motorbike plates (two rows, 190 x 140 mm)."""
    rows = _rows(_characters(grey))
    found: list[Box] = []
    for text, height, count in rows:
        if 6 <= count <= 12 and 3.0 <= text[2] / height <= 9.0:
            plate = _light_rectangle(grey, text, height)
            if (
                plate is not None
                and 2.4 <= plate[2] / plate[3] <= 6.5
                and plate[3] <= 2.6 * text[3]
                and plate[2] <= 1.5 * text[2]
            ):
                found.append(plate)
    for upper, height, _ in rows:
        for lower, other, _ in rows:
            ux, uy, uw, uh = upper
            lx, ly, lw, lh = lower
            if (
                ly > uy
                and height <= (ly + lh / 2) - (uy + uh / 2) <= 1.9 * height
                and max(height, other) / min(height, other) <= 1.3
                and abs(ux + uw / 2 - lx - lw / 2) <= 0.3 * max(uw, lw)
            ):
                left = min(ux, lx)
                both = (left, uy, max(ux + uw, lx + lw) - left, ly + lh - uy)
                plate = _light_rectangle(grey, both, height)
                if (
                    plate is not None
                    and 0.8 <= plate[2] / plate[3] <= 2.2
                    and plate[3] <= 1.8 * both[3]
                    and plate[2] <= 1.6 * both[2]
                ):
                    found.append(plate)
    return found


def detect_plates(grey: Grey) -> list[Box]:
    """Plates in a grey photo; those under 120 px wide looked for also at twice the size,
    where their lettering is tall enough to be told apart."""
    import cv2

    double = cv2.resize(grey, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    small = [(x // 2, y // 2, w // 2, h // 2) for x, y, w, h in _plates_at(double) if w < 240]
    return _distinct(_plates_at(grey) + small)


def detect_regions(image: Image.Image) -> list[Region]:
    """Faces and licence plates found in `image`, boxes grown by MARGIN."""
    import cv2
    import numpy as np

    grey = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY)
    width, height = image.size
    found = [Region(_grow(b, width, height), "face") for b in detect_faces(cv2.equalizeHist(grey))]
    found += [Region(_grow(b, width, height), "plate") for b in detect_plates(grey)]
    return found


def blur_boxes(image: Image.Image, boxes: Iterable[Box]) -> Image.Image:
    """A copy of `image` with each box pixelated then smoothed: nothing recognisable left,
    nothing outside the boxes changed."""
    result = image.copy()
    for x, y, w, h in boxes:
        left, top = max(0, x), max(0, y)
        right, bottom = min(image.width, x + w), min(image.height, y + h)
        if right <= left or bottom <= top:
            continue
        patch = result.crop((left, top, right, bottom))
        block = max(4, max(patch.size) // 6)
        small = patch.resize(
            (max(1, patch.width // block), max(1, patch.height // block)), Image.Resampling.BOX
        )
        coarse = small.resize(patch.size, Image.Resampling.NEAREST)
        result.paste(coarse.filter(ImageFilter.GaussianBlur(block)), (left, top))
    return result


def encode_clean(image: Image.Image, max_side: int = MAX_SIDE) -> bytes:
    """A fresh baseline JPEG: no EXIF, GPS, ICC profile or comment, at most `max_side`."""
    if max(image.size) > max_side:
        image = image.copy()
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    Image.frombytes("RGB", image.size, image.tobytes()).save(
        buffer, "JPEG", quality=JPEG_QUALITY, optimize=True
    )
    return buffer.getvalue()


def redact_photo(data: bytes, boxes: Iterable[Box] | None = None) -> tuple[bytes, list[Box], int]:
    """(clean JPEG, boxes blurred, boxes detected). `boxes` None: blur what is detected;
    a sequence (the staff's reviewed list, maybe empty): blur exactly those."""
    image = load_photo(data)
    detected = [region.box for region in detect_regions(image)]
    final = detected if boxes is None else [tuple(int(v) for v in b) for b in boxes]
    chosen: list[Box] = [(b[0], b[1], b[2], b[3]) for b in final]
    return encode_clean(blur_boxes(image, chosen)), chosen, len(detected)


def review_copy(data: bytes) -> tuple[bytes, list[Region]]:
    """For the staff's review screen: the photo upright at full size (boxes are in its
    pixels), without EXIF and not yet blurred, and what the cascades found in it."""
    image = load_photo(data)
    return encode_clean(image, max_side=max(image.size)), detect_regions(image)
