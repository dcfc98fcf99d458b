"""The frozen workstation bundle (`make bundle`): built from the spec into a temporary folder
(about a minute here, so always built afresh rather than trusting a dist/ left behind), then
its `paht-console` runs with no Python around it: the window's screenshot on the demo city and
a briefing export (fonts, face cascade and reportlab from inside the bundle).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from pypdf import PdfReader

import console
from tests.integration.conftest import run_ok

pytestmark = [pytest.mark.slow, pytest.mark.webengine, pytest.mark.timeout(900)]

ROOT = Path(console.__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "paht-console.spec"
WINDOW_SIZE = (1400, 860)  # widgets.main_window.DEFAULT_SIZE (Qt is not imported here)
# Parts of the default layout (docs/screenshot.png), as fractions of the window: the queue's
# rows on the left, the map at the bottom right.
QUEUE_BOX = (0.01, 0.25, 0.57, 0.88)
MAP_BOX = (0.62, 0.62, 0.99, 0.92)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    run_ok(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "build"),
            str(SPEC),
        ],
        {k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        base,
        timeout=840,
    )
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    yield base / "dist" / "paht-console"
    shutil.rmtree(base, ignore_errors=True)  # some 700 MB: not kept for pytest's last runs


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """The test's environment (own folders, pinned clock) with nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PAHT_DATA_DIR"] = str(tmp_path / "data")
    env["PAHT_CONFIG_DIR"] = str(tmp_path / "config")
    return env


def test_the_bundle_carries_its_parts(bundle: Path) -> None:
    inside = bundle / "_internal"
    qt = inside / "PySide6" / "Qt"
    for part in (
        bundle / "paht-console",  # the window (no terminal beside it on Windows)
        bundle / "paht-console-cli",  # the commands
        qt / "libexec" / "QtWebEngineProcess",
        qt / "resources" / "qtwebengine_resources.pak",
        qt / "translations" / "qtwebengine_locales" / "vi.pak",
        inside / "console" / "resources" / "i18n" / "paht_vi.qm",
        inside / "console" / "resources" / "map" / "paht_map.js",
        inside / "console" / "resources" / "reference" / "categories.yaml",
        inside / "console" / "resources" / "fonts" / "DejaVuSans-Bold.ttf",
        inside / "console" / "central" / "migrations" / "env.py",
        inside / "cv2" / "data" / "haarcascade_frontalface_default.xml",
    ):
        assert part.is_file(), part
    # Modules the console never loads stay out, with the translations of other languages.
    assert not list(inside.glob("PySide6/QtQuick*.so"))
    assert not (qt / "translations" / "qtwebengine_locales" / "de.pak").exists()


def _box(image: Image.Image, box: tuple[float, float, float, float]) -> Image.Image:
    width, height = image.size
    left, top, right, bottom = box
    return image.crop(
        (int(left * width), int(top * height), int(right * width), int(bottom * height))
    )


def _text_lines(area: Image.Image) -> int:
    """Bands of pixel rows holding dark (text) pixels: one per line of text in the area."""
    grey = area.convert("L")
    width, height = grey.size
    pixels = grey.load()
    assert pixels is not None
    lines, inside = 0, False
    for y in range(height):
        dark = sum(1 for x in range(width) if pixels[x, y] < 100) > 3
        lines += dark and not inside
        inside = dark
    return lines


def test_the_frozen_console_shows_the_queue_and_the_map(
    bundle: Path, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    run_ok(
        [str(bundle / "paht-console"), "--demo", "--screenshot", str(shot)],
        frozen_env,
        tmp_path,
        300,
    )
    with Image.open(shot) as image:
        assert image.size == WINDOW_SIZE
        picture = image.convert("RGB")
    queue, map_area = _box(picture, QUEUE_BOX), _box(picture, MAP_BOX)
    assert _text_lines(queue) >= 15  # a row of text per report shown
    # The map: tiles or the offline background, clusters and the legend, not a blank page.
    colours = map_area.getcolors(maxcolors=map_area.width * map_area.height)
    assert colours is not None and len(colours) > 200
    assert max(ImageStat.Stat(map_area).stddev) > 15  # a blank page: 0


def test_the_frozen_console_exports_a_briefing(
    bundle: Path, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "exports"
    tool = [str(bundle / "paht-console-cli"), "--demo", "export", "briefing"]
    run_ok(
        [*tool, "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)],
        frozen_env,
        tmp_path,
        300,
    )
    stem = "thong-tin-bao-chi-20261101-20261130"
    assert len(PdfReader(out / f"{stem}.pdf").pages) > 0
    manifest = json.loads((out / f"{stem}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["font"] == "DejaVu Sans"
