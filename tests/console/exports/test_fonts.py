"""The fonts the briefing draws with: the package's own folder comes before the machine's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.exports.briefing import fonts


@pytest.fixture
def font_dirs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    fonts.find_family.cache_clear()
    yield
    monkeypatch.undo()
    fonts.find_family.cache_clear()


def test_the_packaged_fonts_come_first(
    font_dirs: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundle's copy of DejaVu Sans is used even where the machine has one too."""
    assert fonts.FONT_DIRS[0] == fonts.RESOURCES_DIR / "fonts"
    machine = fonts.find_family()
    packaged = tmp_path / "resources" / "fonts"
    packaged.mkdir(parents=True)
    for path in (machine.regular, machine.bold, machine.italic, machine.bold_italic):
        shutil.copy(path, packaged / path.name)
    monkeypatch.setattr(fonts, "FONT_DIRS", (packaged, *fonts.FONT_DIRS[1:]))
    monkeypatch.delenv("PAHT_FONT_DIR", raising=False)
    fonts.find_family.cache_clear()
    family = fonts.find_family()
    assert family.name == machine.name
    assert family.regular.parent == packaged


def test_no_font_anywhere_is_a_clear_message(
    font_dirs: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path,))
    monkeypatch.delenv("PAHT_FONT_DIR", raising=False)
    with pytest.raises(fonts.FontNotFound, match="fonts-dejavu-core"):
        fonts.find_family()
