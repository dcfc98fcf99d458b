"""The TrueType fonts the PDF and the drawn pictures use: found on the machine at run time.

The workstation bundle ships DejaVu Sans in the package's resources/fonts (a Windows
workstation has none of these families), searched before the machine's folders.

Vietnamese needs a font with the precomposed letters (ắ, ệ, ữ...) and the combining marks;
DejaVu, Liberation (2.x) and Noto have them. Without one, every glyph would be a box.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from console.paths import RESOURCES_DIR

FONT_DIRS = (
    RESOURCES_DIR / "fonts",
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
)
#: Families in order of preference: (regular, bold, italic, bold italic) file names.
FAMILIES = (
    (
        "DejaVu Sans",
        (
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
    ),
    (
        "Liberation Sans",
        (
            "LiberationSans-Regular.ttf",
            "LiberationSans-Bold.ttf",
            "LiberationSans-Italic.ttf",
            "LiberationSans-BoldItalic.ttf",
        ),
    ),
    (
        "Noto Sans",
        (
            "NotoSans-Regular.ttf",
            "NotoSans-Bold.ttf",
            "NotoSans-Italic.ttf",
            "NotoSans-BoldItalic.ttf",
        ),
    ),
)


class FontNotFound(RuntimeError):
    """No usable Vietnamese font on this machine; the message says which to install."""


@dataclass(frozen=True, slots=True)
class FontFamily:
    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def _index() -> dict[str, Path]:
    extra = os.environ.get("PAHT_FONT_DIR")
    folders = (Path(extra), *FONT_DIRS) if extra else FONT_DIRS
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*.ttf"):
                found.setdefault(path.name, path)
    return found


@functools.cache
def find_family() -> FontFamily:
    """The first complete family of FAMILIES installed here (PAHT_FONT_DIR is searched first)."""
    files = _index()
    for name, wanted in FAMILIES:
        paths = [files.get(w) for w in wanted]
        if all(p is not None for p in paths):
            regular, bold, italic, bold_italic = (p for p in paths if p is not None)
            return FontFamily(name, regular, bold, italic, bold_italic)
    raise FontNotFound(
        "Không tìm thấy phông chữ có tiếng Việt (DejaVu Sans, Liberation Sans hoặc Noto Sans) "
        "trong /usr/share/fonts: tài liệu sẽ hiển thị sai dấu. Hãy cài gói fonts-dejavu-core "
        "hoặc fonts-liberation."
    )
