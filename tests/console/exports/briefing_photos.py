"""Photos for the briefing tests, drawn here (no licence needed: the tests make them).

`face_photo` is a drawn frontal face, blurred a little like a phone shot, that OpenCV's
frontal-face Haar cascade really detects (checked by the tests themselves); both carry
EXIF with a camera and GPS, as a citizen's phone would write them.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import ExifTags, Image, ImageDraw, ImageFilter

SIZE = (640, 480)


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "samsung"
    exif[ExifTags.Base.Model] = "SM-A546E"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (16.0, 27.0, 49.3)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (107.0, 35.0, 27.2)
    return exif


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=_exif())
    return buffer.getvalue()


def face_image() -> Image.Image:
    """A face in front of a textured wall, centred at (320, 240), about 190 px tall."""
    rng = np.random.default_rng(3)
    wall = rng.integers(90, 150, size=(SIZE[1], SIZE[0], 3), dtype=np.uint8)
    img = Image.fromarray(wall).filter(ImageFilter.GaussianBlur(2))
    d = ImageDraw.Draw(img)
    cx, cy = 320, 240
    d.ellipse((cx - 80, cy - 115, cx + 80, cy + 40), fill=(30, 22, 18))
    d.rectangle((cx - 30, cy + 60, cx + 30, cy + 140), fill=(190, 145, 115))
    d.ellipse((cx - 70, cy - 85, cx + 70, cy + 95), fill=(215, 170, 140))
    for sx in (-1, 1):
        ex = cx + sx * 35
        d.ellipse((ex - 22, cy - 38, ex + 22, cy - 28), fill=(50, 35, 30))
        d.ellipse((ex - 20, cy - 25, ex + 20, cy - 5), fill=(150, 110, 90))
        d.ellipse((ex - 12, cy - 20, ex + 12, cy - 10), fill=(245, 245, 245))
        d.ellipse((ex - 6, cy - 21, ex + 6, cy - 9), fill=(40, 25, 20))
    d.polygon([(cx, cy - 10), (cx - 12, cy + 28), (cx + 12, cy + 28)], fill=(200, 150, 120))
    d.ellipse((cx - 14, cy + 22, cx + 14, cy + 34), fill=(170, 120, 95))
    d.ellipse((cx - 25, cy + 48, cx + 25, cy + 62), fill=(140, 60, 60))
    face = img.crop((cx - 110, cy - 130, cx + 110, cy + 150)).filter(ImageFilter.GaussianBlur(3))
    img.paste(face, (cx - 110, cy - 130))
    return img


def face_photo() -> bytes:
    return _jpeg(face_image())


def street_photo() -> bytes:
    """A demo street scene (the central API's drawing) with a phone's EXIF and no face."""
    from console.central.demo.photos import render_photo

    with Image.open(io.BytesIO(render_photo(7, "urban-order", "photo", 1))) as drawn:
        return _jpeg(drawn.convert("RGB"))
