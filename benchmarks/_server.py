"""The reference central API in a process of its own, as a benchmark's server: its CPU is its
own, and the console side never shares an interpreter (or a GIL) with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_SERVE = """
import sys
from console.central.server import CentralServer
server = CentralServer(sys.argv[1], demo=True, port=0)
print(server.start(), flush=True)
sys.stdin.read()
server.close()
"""


class ServerProcess:
    """`CentralServer(db_url, demo=True)` in a child; closing its stdin stops it."""

    def __init__(self, db_url: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVE, db_url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
            text=True,
        )
        assert self.proc.stdout is not None
        self.base_url = self.proc.stdout.readline().strip()
        if not self.base_url.startswith("http"):
            self.stop()
            raise RuntimeError("the reference API did not start")

    def cpu_s(self) -> float:
        """User + system CPU seconds of the server process so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
