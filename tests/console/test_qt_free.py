"""The core stays free of Qt: importing every console module never loads PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import console

ROOT = Path(console.__file__).resolve().parent.parent


def _console_modules() -> list[str]:
    """Every module but the Alembic scripts, which Alembic runs by path inside its context."""
    return sorted(
        info.name
        for info in pkgutil.walk_packages(console.__path__, prefix="console.")
        if not info.name.endswith("__main__")
        and not info.name.startswith("console.central.migrations.")
    )


def test_every_console_module_imports_without_qt() -> None:
    modules = _console_modules()
    assert "console.domain.workflow" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'widgets'))\n"
        "print('LEAKED', leaked)\n"
        "sys.exit(1 if leaked else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout


def test_the_qt_free_run_refuses_qt(tmp_path: Path) -> None:
    """`.ci/run` runs tests/console and tests/integration under tests/without_qt.py: there a
    test that imports PySide6 fails, so a Qt import sneaking into the core is caught."""
    (tmp_path / "test_imports_qt.py").write_text(
        "def test_qt():\n    import PySide6.QtCore  # noqa: F401\n"
    )
    plugins = ["-p", "no:cacheprovider", "-p", "no:pytest-qt", "-p", "tests.without_qt"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *plugins, "--rootdir", str(ROOT), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ImportError: PySide6 may not be imported" in done.stdout
