"""The libfaketime runs (scripts/faketime-suite.sh) are only worth their time if the process
survives them. libfaketime calls getenv() on every clock read; a fixture setting a new
variable while a server thread reads the clock once crashed a whole run (SIGSEGV in the relay
sender). A child process here does the same thing on purpose: one thread reads the clock in a
loop while the main thread adds and removes variables. Without the harness's sitecustomize
this crashes within a few hundred changes on this machine type; with it, the child finishes
and its children still see the variables it set.

Needs Debian's `faketime` (.ci/run installs it); skipped where it is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "scripts" / "faketime"

CHILD = """
import os, subprocess, threading, datetime
stop = threading.Event()
def read_the_clock():
    while not stop.is_set():
        datetime.datetime.now()
reader = threading.Thread(target=read_the_clock)
reader.start()
for n in range(6000):
    os.environ[f"PAHT_GUARD_{n % 300}"] = str(n)
    if n % 300 == 299:
        for k in range(300):
            del os.environ[f"PAHT_GUARD_{k}"]
os.environ["PAHT_GUARD_LAST"] = "seen"
stop.set()
reader.join()
shown = subprocess.run(["sh", "-c", "echo $PAHT_GUARD_LAST; date -u +%Y"],
                       capture_output=True, text=True, check=True).stdout.split()
print(" ".join(shown))
"""


@pytest.mark.skipif(shutil.which("faketime") is None, reason="Debian's faketime is not installed")
def test_a_threaded_process_changing_its_environment_survives_libfaketime() -> None:
    # Not nested in the faketime run this suite may itself be in: one libfaketime, as in CI.
    outer = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and "FAKETIME" not in k}
    env = {
        **outer,
        "PYTHONPATH": str(HARNESS),
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        "TZ": "UTC",
    }
    child = subprocess.run(
        ["faketime", "-f", "@2026-12-31 16:59:00", sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split() == ["seen", "2026"]
