"""A first start prints the console's own lines only: no Qt or Chromium noise on stderr.

The screenshot run is what `make run` does on a headless machine; the subprocess gets the
environment a user has (no Chromium flags but the root sandbox one, no logging rules), so
`widgets.app.prepare_environment` and the Qt message handler are what keep it quiet.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.app import QUIET_LOGGING_RULES, prepare_environment

#: What a headless (offscreen or Xvfb) start printed before the handler and the flags.
NOISE = (
    "propagateSizeHints",
    "QRhiGles2",
    "Failed to create RHI",
    "Vulkan",
    "vulkan",
    "GBM is not supported",
    "GPUInfo",
    "GPU vendor",
    "Failed to connect to the bus",
    "dbus",
    "command_buffer",
    "ContextResult",
    ":ERROR:",
)
#: One line of the console's log (console/cli.py's logging format), from a logger of ours.
OWN_LINE = re.compile(
    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
    r"(?P<logger>[\w.]+): "
)


def _user_environment() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QTWEBENGINE_CHROMIUM_FLAGS", "QT_LOGGING_RULES", "QT_MESSAGE_PATTERN"}
        and not k.startswith("PYTEST")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"  # as scripts/run.sh sets it
    return env


@pytest.mark.webengine  # the child runs Qt WebEngine (the map): left out under libfaketime
def test_a_first_screenshot_run_prints_only_the_consoles_own_lines(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", "--demo", "--screenshot", str(shot)],
        env=_user_environment(),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.is_file() and shot.stat().st_size > 10_000
    lines = done.stderr.splitlines()
    assert [line for line in lines if any(noise in line for noise in NOISE)] == []
    own = [(line, OWN_LINE.match(line)) for line in lines]
    assert [line for line, match in own if match is None] == [], done.stderr[-3000:]
    # A Qt message that reaches the log is a real one: none on a healthy start.
    assert [line for line, match in own if match and match["logger"].split(".")[0] == "qt"] == []
    # The first run seeds the demo city and says so: the console's own lines still show.
    assert any("Seeding the embedded demo city" in line for line in lines), done.stderr


def _prepared(monkeypatch: pytest.MonkeyPatch, **env: str | None) -> tuple[list[str], str]:
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    prepare_environment()
    return os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split(), os.environ["QT_LOGGING_RULES"]


def test_chromium_is_told_to_keep_its_error_lines_and_the_gpu_offscreen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    flags, rules = _prepared(
        monkeypatch,
        QTWEBENGINE_CHROMIUM_FLAGS=None,
        QT_LOGGING_RULES=None,
        QT_QPA_PLATFORM="offscreen",
    )
    assert "--log-level=3" in flags and "--disable-gpu" in flags
    assert ("--no-sandbox" in flags) == (os.geteuid() == 0)
    assert rules.split(";") == list(QUIET_LOGGING_RULES)

    prepare_environment()  # a second start adds nothing twice
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split() == flags
    assert os.environ["QT_LOGGING_RULES"] == rules


def test_the_users_own_flags_and_rules_are_kept_and_win(monkeypatch: pytest.MonkeyPatch) -> None:
    flags, rules = _prepared(
        monkeypatch,
        QTWEBENGINE_CHROMIUM_FLAGS="--enable-logging=stderr --v=1 --use-gl=egl",
        QT_LOGGING_RULES="qt.webenginecontext.info=true",
        QT_QPA_PLATFORM="offscreen",
    )
    assert flags[:3] == ["--enable-logging=stderr", "--v=1", "--use-gl=egl"]
    assert not any(f.startswith("--log-level") for f in flags)
    assert "--disable-gpu" not in flags
    # Later rules win in QT_LOGGING_RULES: the user's come after ours.
    assert rules.split(";")[-1] == "qt.webenginecontext.info=true"


def test_a_display_keeps_its_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    flags, _rules = _prepared(
        monkeypatch, QTWEBENGINE_CHROMIUM_FLAGS="--log-level=1", QT_QPA_PLATFORM="xcb"
    )
    assert "--disable-gpu" not in flags
    assert [f for f in flags if f.startswith("--log-level")] == ["--log-level=1"]
