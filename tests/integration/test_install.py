"""The console installed the way a workstation gets it, away from the source tree: the sdist
is built from the checkout and the wheel from the sdist (so the sdist is complete), the wheel
goes into a fresh venv outside the checkout with its dependencies from the machine's
configured package index, and the installed `paht-console` runs from a folder of its own:
the window's screenshot, `status` and both exports, each file opened again.

pip runs with the machine's environment as it was when the suite started (its real HOME holds
pip's index settings); the console runs with the test's own folders and pinned clock.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

import console
from tests.integration.conftest import run_ok

pytestmark = [pytest.mark.slow, pytest.mark.webengine, pytest.mark.timeout(900)]

ROOT = Path(console.__file__).resolve().parent.parent
MACHINE_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
WINDOW_SIZE = (1400, 860)  # widgets.main_window.DEFAULT_SIZE (Qt is not imported here)
RESOURCE = "console/resources/reference/categories.yaml"


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    venv: Path

    def bin(self, name: str) -> str:
        return str(self.venv / "bin" / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    python = sys.executable
    run_ok([python, "-m", "build", "--sdist", "--outdir", str(dist), str(ROOT)], MACHINE_ENV, base)
    (sdist,) = dist.glob("paht_console-*.tar.gz")
    run_ok(
        [python, "-m", "pip", "wheel", str(sdist), "--no-deps", "-w", str(dist)],
        MACHINE_ENV,
        base,
    )
    (wheel,) = dist.glob("paht_console-*.whl")
    venv = base / "venv"
    run_ok([python, "-m", "venv", str(venv)], MACHINE_ENV, base)
    run_ok(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--no-cache-dir", str(wheel)],
        MACHINE_ENV,
        base,
        timeout=600,
    )
    yield Installed(sdist, wheel, venv)


@pytest.fixture
def console_env(tmp_path: Path) -> dict[str, str]:
    """The test's environment (own folders, pinned clock) with nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PAHT_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_the_wheel_and_the_sdist_carry_the_resources(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    shipped = {
        str(p.relative_to(ROOT)) for p in (ROOT / "console" / "resources").rglob("*") if p.is_file()
    }
    assert shipped and shipped <= names
    with tarfile.open(installed.sdist) as sdist:
        assert any(name.endswith(RESOURCE) for name in sdist.getnames())


def test_the_installed_console_is_not_the_checkout(
    installed: Installed, console_env: dict[str, str], tmp_path: Path
) -> None:
    out = run_ok(
        [
            installed.bin("python"),
            "-c",
            "import console, widgets, console.paths as p;"
            "print(console.__file__); print(widgets.__file__); print(p.RESOURCES_DIR)",
        ],
        console_env,
        tmp_path,
    )
    paths = [Path(line) for line in out.splitlines()]
    assert len(paths) == 3
    for path in paths:
        assert path.is_relative_to(installed.venv / "lib") and not path.is_relative_to(ROOT)
    assert (paths[2] / "reference" / "categories.yaml").is_file()


def test_the_installed_console_shows_its_window(
    installed: Installed, console_env: dict[str, str], tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    data = tmp_path / "data"
    run_ok(
        [
            installed.bin("paht-console"),
            "--demo",
            "--data-dir",
            str(data),
            "--screenshot",
            str(shot),
        ],
        console_env,
        tmp_path,
    )
    with Image.open(shot) as image:
        assert image.size == WINDOW_SIZE
        colours = image.convert("RGB").getcolors(maxcolors=WINDOW_SIZE[0] * WINDOW_SIZE[1])
    assert colours is not None and len(colours) > 100  # a window, not one flat colour


def test_the_installed_console_reports_and_exports(
    installed: Installed, console_env: dict[str, str], tmp_path: Path
) -> None:
    tool = [installed.bin("paht-console"), "--demo", "--data-dir", str(tmp_path / "data")]
    out_dir = tmp_path / "exports"
    weekly = run_ok([*tool, "export", "weekly", "--out", str(out_dir)], console_env, tmp_path)
    status = run_ok([*tool, "status"], console_env, tmp_path)
    cached = re.search(r"Phản ánh trong bộ nhớ đệm: (\d+)", status)
    assert cached is not None and int(cached.group(1)) > 0, status
    assert "Báo cáo tuần" in weekly
    (docx_path,) = out_dir.glob("bao-cao-tuan-*.docx")
    (xlsx_path,) = out_dir.glob("bao-cao-tuan-*.xlsx")
    assert any("BÁO CÁO" in p.text.upper() for p in Document(str(docx_path)).paragraphs)
    assert load_workbook(xlsx_path, read_only=True).sheetnames

    briefing = [*tool, "export", "briefing", "--from", "2026-11-01", "--to", "2026-11-30"]
    run_ok([*briefing, "--out", str(out_dir)], console_env, tmp_path)
    stem = "thong-tin-bao-chi-20261101-20261130"
    assert len(PdfReader(out_dir / f"{stem}.pdf").pages) > 0
    assert Document(str(out_dir / f"{stem}.docx")).paragraphs
    assert len(Presentation(str(out_dir / f"{stem}.pptx")).slides) > 0
    assert json.loads((out_dir / f"{stem}.manifest.json").read_text(encoding="utf-8"))
