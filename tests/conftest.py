"""Test-wide setup, free of Qt (tests/console and tests/integration run where PySide6 cannot
be imported: tests/without_qt.py): the environment a headless Qt will read, a home and data
folders of the test's own, and one pinned clock: the whole suite runs on a Wednesday morning
in Huế whatever the wall clock, the weekday, Tết or the year say (console.domain.clock).
Qt's own setup is in tests/widgets/conftest.py."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from console.domain import clock
from console.domain.calendar import VN_TZ

#: "Now" when the suite starts: 10:00 on an ordinary working Wednesday in Huế. The clock runs
#: on from there with real elapsed time (timeouts and ordering behave as in production).
SUITE_NOW = datetime(2026, 12, 2, 10, 0, tzinfo=VN_TZ)
clock.pin_clock(SUITE_NOW)
os.environ[clock.NOW_ENV] = SUITE_NOW.isoformat()


@pytest.fixture(autouse=True)
def _children_share_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A subprocess a test starts (the console, a crash-harness child) reads the same now."""
    monkeypatch.setenv(clock.NOW_ENV, clock.utcnow().isoformat())


@pytest.fixture
def clock_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[datetime], None]]:
    """`clock_at(moment)`: from here on the test, its servers and its children run at
    `moment` (and on from it); the suite's clock resumes after the test."""
    before = clock.utcnow()
    started = datetime.now(VN_TZ)

    def move(moment: datetime) -> None:
        clock.pin_clock(moment)
        monkeypatch.setenv(clock.NOW_ENV, moment.isoformat())

    yield move
    clock.pin_clock(before + (datetime.now(VN_TZ) - started))


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own data and config folders; nothing touches the user's."""
    base = tmp_path_factory.mktemp("paht-home")
    monkeypatch.setenv("PAHT_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("PAHT_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("PAHT_EXPORTS_DIR", str(base / "exports"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "xdg-state"))


@pytest.fixture(autouse=True)
def _home_stays_empty(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """HOME is an empty folder of the test's own, and a test fails if anything lands in it:
    whatever the console keeps goes to the folders above, never to the user's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    yield
    written = sorted(str(path.relative_to(home)) for path in Path(home).rglob("*"))
    assert written == [], f"the test wrote into HOME: {written}"


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """What the collector's next tick would do, done now on the GUI thread: one test's
    cycles (dialogs, controllers) are not freed in the middle of the next one."""
    yield
    gc.collect()
