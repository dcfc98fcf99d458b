"""The memory of a Qt WebEngine application: its own process and the Chromium ones below it."""

from __future__ import annotations

from typing import Any


def _chromium_type(process: Any) -> str:
    """Chromium's --type ('zygote', 'gpu-process', 'utility'...), else the process name."""
    try:
        for arg in process.cmdline():
            if arg.startswith("--type="):
                return str(arg.split("=", 1)[1])
        return str(process.name())
    except Exception:
        return "gone"


def memory_parts() -> dict[str, float]:
    """PSS in MB (shared pages counted once, split between their users) of this process
    ("main") and of every process below it (QtWebEngine's zygotes, gpu, utility...; a process
    forked by a zygote is a renderer, whatever its inherited command line says)."""
    import psutil

    me = psutil.Process()
    parts = {"main": me.memory_full_info().pss / 2**20}
    children = me.children(recursive=True)
    kinds = {child.pid: _chromium_type(child) for child in children}
    zygotes = {pid for pid, kind in kinds.items() if kind == "zygote"}
    for child in children:
        try:
            kind = "renderer" if child.ppid() in zygotes else kinds[child.pid]
            pss = child.memory_full_info().pss / 2**20
        except psutil.Error:
            continue
        name, n = kind, 1
        while name in parts:
            n += 1
            name = f"{kind}-{n}"
        parts[name] = pss
    return parts
