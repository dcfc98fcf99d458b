"""The suite's guard (tests/conftest.py): a test that writes into HOME fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import console

ROOT = Path(console.__file__).resolve().parent.parent


def test_a_test_that_writes_into_home_fails(tmp_path: Path) -> None:
    (tmp_path / "test_writes_home.py").write_text(
        "from pathlib import Path\n\n"
        "def test_keeps_to_itself(tmp_path):\n    (tmp_path / 'fine.txt').write_text('ok')\n\n"
        "def test_writes_home():\n    (Path.home() / '.paht-note').write_text('oops')\n"
    )
    plugins = ["-p", "no:cacheprovider", "-p", "no:pytest-qt", "-p", "tests.conftest"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *plugins, "--rootdir", str(tmp_path), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ERROR at teardown of test_writes_home" in done.stdout and "1 error" in done.stdout
    assert "the test wrote into HOME: ['.paht-note']" in done.stdout
    assert not (Path.home() / ".paht-note").exists()
