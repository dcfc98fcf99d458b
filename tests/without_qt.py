"""A pytest plugin that makes Qt impossible to import: `pytest -p no:pytest-qt -p
tests.without_qt tests/console tests/integration` proves the core and its tests run on a
machine without PySide6 (`.ci/run` does it). pytest-qt is left out of that run, so its ini
keys are declared here to keep pyproject.toml's settings valid."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

BLOCKED = ("PySide6", "shiboken6", "pytestqt")


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".")[0] in BLOCKED:
            raise ImportError(f"{fullname} may not be imported in the Qt-free run")
        return None


loaded = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
if loaded:
    raise RuntimeError(f"Qt was imported before the Qt-free run began: {loaded}")
sys.meta_path.insert(0, _NoQt())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("qt_api", "pytest-qt's, unused here")
    parser.addini("qt_log_level_fail", "pytest-qt's, unused here")
    parser.addini("qt_log_ignore", "pytest-qt's, unused here", type="linelist")


def pytest_sessionfinish(session: pytest.Session) -> None:
    leaked = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    assert not leaked, f"Qt modules loaded in the Qt-free run: {leaked}"
