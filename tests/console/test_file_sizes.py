"""No module of console/ or widgets/ grows past 400 lines unless its first line says why: a file
that long is usually two things, to be split along the domain's seams."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400
REASON = "# Over 400 lines by reason:"


def test_no_module_over_400_lines_without_a_reason() -> None:
    too_long = []
    for package in ("console", "widgets"):
        for path in sorted((ROOT / package).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            if len(lines) > LIMIT and not lines[0].startswith(REASON):
                too_long.append(f"{path.relative_to(ROOT)}: {len(lines)} lines")
    assert too_long == []
