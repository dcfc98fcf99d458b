"""Printing figures: one JSON object per line; `ok` only when the goal is met AND the run
itself went right (no error, the counts it expected)."""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any


def figure(
    bench: str,
    value: float,
    unit: str,
    goal: str,
    *,
    met: bool,
    problems: list[str] | None = None,
    **raw: Any,
) -> dict[str, Any]:
    """Prints and returns one figure; `problems` (what went wrong in the run) make it not ok."""
    result: dict[str, Any] = {
        "bench": bench,
        "value": round(value, 3) if abs(value) < 10 else round(value, 1),
        "unit": unit,
        "goal": goal,
        "ok": bool(met) and not problems,
    }
    if problems:
        result["problems"] = problems
    result.update(raw)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return result


def failed(bench: str, exc: BaseException, **raw: Any) -> dict[str, Any]:
    """The figure of a run that raised: no value, not ok, the error beside it."""
    result = {
        "bench": bench,
        "value": None,
        "ok": False,
        "error": f"{type(exc).__name__}: {exc}"[:2000],
        **raw,
    }
    print(traceback.format_exc(), file=sys.stderr, flush=True)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return result
