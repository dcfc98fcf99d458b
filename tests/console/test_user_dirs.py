"""Per-user folders: with no folder given, data, settings, logs, crash reports and exports go
to the platform's per-user places (platformdirs), never into the checkout or the working
folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import platformdirs
import platformdirs.windows
import pytest

import console
from console.config import APP_NAME, load_settings
from console.credentials import TokenStore

ROOT = Path(console.__file__).resolve().parent.parent
#: Windows answers from its known folders (the last test), not from HOME and XDG variables.
xdg_only = pytest.mark.skipif(sys.platform == "win32", reason="XDG folders are not Windows'")

#: What a window run leaves behind: a line logged, an exception nobody caught (as Qt hands
#: one to sys.excepthook from a slot), then a crash of the interpreter.
WINDOW_RUN = """
import faulthandler, logging, sys
from console.config import load_settings
from console.logging_setup import logs_in
logging.basicConfig(level=logging.INFO)
settings = load_settings()
with logs_in(settings.log_dir):
    logging.getLogger("paht.test").info("started, token=abc123")
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    faulthandler._sigsegv()
"""


@pytest.fixture
def user_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A user account of its own: HOME and the XDG folders in tmp_path, no PAHT_* folder."""
    places = {
        name: tmp_path / name
        for name in ("home", "xdg-data", "xdg-config", "xdg-state", "documents", "cwd")
    }
    for place in places.values():
        place.mkdir()
    for name in ("PAHT_DATA_DIR", "PAHT_CONFIG_DIR", "PAHT_EXPORTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(places["home"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(places["xdg-data"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(places["xdg-config"]))
    monkeypatch.setenv("XDG_STATE_HOME", str(places["xdg-state"]))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(places["documents"]))
    monkeypatch.chdir(places["cwd"])
    return places


@xdg_only
def test_default_settings_use_the_platforms_user_folders(user_env: dict[str, Path]) -> None:
    settings = load_settings()
    assert settings.data_dir == Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert settings.config_dir == Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    assert settings.log_dir == Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    assert settings.data_dir.is_relative_to(user_env["xdg-data"])
    assert settings.config_dir.is_relative_to(user_env["xdg-config"])
    assert settings.log_dir.is_relative_to(user_env["xdg-state"])
    assert settings.exports_dir == user_env["documents"] / "PAHT"
    assert TokenStore(settings.config_dir).path.is_relative_to(user_env["xdg-config"])


def test_logs_follow_a_data_folder_that_was_given(tmp_path: Path) -> None:
    assert load_settings(data_dir=tmp_path / "d").log_dir == tmp_path / "d" / "logs"
    assert load_settings().log_dir == Path(os.environ["PAHT_DATA_DIR"]) / "logs"


@xdg_only
def test_a_window_runs_log_and_crash_go_to_the_log_folder(user_env: dict[str, Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_RUN],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0  # the crash
    logs = user_env["xdg-state"] / APP_NAME / "log"
    log_text = (logs / "paht-console.log").read_text(encoding="utf-8")
    assert "started, token=***" in log_text and "abc123" not in log_text
    assert "RuntimeError: boom in a slot" in log_text
    assert "Fatal Python error: Segmentation fault" in (logs / "crash.log").read_text()
    assert not list(user_env["cwd"].iterdir())
    assert not list(user_env["home"].iterdir())


def test_windows_folders_are_under_the_users_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shapes the README gives for Windows (platformdirs reads the known folders from
    these variables before asking Windows)."""
    local, roaming = r"C:\Users\an\AppData\Local", r"C:\Users\an\AppData\Roaming"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", roaming)
    monkeypatch.setenv("WIN_PD_OVERRIDE_PERSONAL", r"C:\Users\an\Documents")
    dirs = platformdirs.windows.Windows(appname=APP_NAME, appauthor=False)
    assert PureWindowsPath(dirs.user_data_dir) == PureWindowsPath(local, APP_NAME)
    assert PureWindowsPath(dirs.user_config_dir) == PureWindowsPath(local, APP_NAME)
    assert PureWindowsPath(dirs.user_log_dir) == PureWindowsPath(local, APP_NAME, "Logs")
    assert PureWindowsPath(dirs.user_documents_dir) == PureWindowsPath(r"C:\Users\an\Documents")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for shown in (r"%LOCALAPPDATA%\paht-console", r"%LOCALAPPDATA%\paht-console\Logs"):
        assert shown in readme
