"""`python -m reliability.report`: every reliability family at full size -> docs/RELIABILITY.md.

The in-suite tests run the same code small; this run uses the sizes the issue asks for and
writes the figures (trials, faults injected, payloads tried, outcomes, anything lost) to a
Markdown page anyone can regenerate. The window checks run through pytest (they need Qt's
event loop), with every fault case switched on (RELIABILITY_FULL=1).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reliability.access import run_access_matrix
from reliability.corrupt_cache import run_corruption_trials
from reliability.crash_harness import run_crash_trials
from reliability.fuzz import run_fuzz
from reliability.hostile import media_cases
from reliability.hostile_flow import run_hostile_roundtrip
from reliability.network import run_fault_trials

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "RELIABILITY.md"


@dataclass
class Section:
    title: str
    command: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class PytestRun:
    tests: int
    failed: int
    skipped: int


def pytest_run(args: list[str], env: dict[str, str] | None = None) -> PytestRun:
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args,
             f"--junitxml={junit}"],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            check=False,
        )  # fmt: skip
        suite = ET.parse(junit).getroot()
        node = suite if suite.tag == "testsuite" else suite[0]
        tests = int(node.get("tests", 0))
        failed = int(node.get("failures", 0)) + int(node.get("errors", 0))
        return PytestRun(tests, failed, int(node.get("skipped", 0)))


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines


def crash_section(work: Path, trials: int) -> Section:
    s = Section(
        "Crash safety (SIGKILL during push and pull)",
        f"python -m reliability.crash --trials {trials}",
    )
    summary = run_crash_trials(work / "crash", trials, reports=3000, page_size=100, log=print)
    phases = summary.phases()
    s.lines += _table(
        ["figure", "value"],
        [
            ["trials (push / pull)", f"{trials} ({sum(t.kind == 'push' for t in summary.trials)} / "
             f"{sum(t.kind == 'pull' for t in summary.trials)})"],
            ["children killed mid-run (SIGKILL)", summary.kills],
            ["kill landed during push", phases.get("push", 0)],
            ["kill landed during pull", phases.get("pull", 0)],
            ["kill landed after the work / run finished first",
             phases.get("after the work", 0) + phases.get("finished first", 0)],
            ["operator actions queued", summary.actions_queued],
            ["applied exactly once on the server", summary.actions_applied_once],
            ["**lost**", f"**{summary.actions_lost}**"],
            ["**applied twice**", f"**{summary.actions_applied_twice}**"],
            ["integrity_check / cursor / convergence failures", len(summary.violations)],
        ],
    )  # fmt: skip
    s.problems += summary.violations
    return s


def corruption_section(work: Path, rounds: int) -> Section:
    s = Section("Damaged cache file", "python -m reliability.report --only corruption")
    outcomes = run_corruption_trials(work / "corrupt", reports=1000, rounds=rounds)
    s.lines += _table(
        ["variant", "trials", "rebuilt", "pending kept", "converged", "applied once", "lost"],
        [
            [
                variant,
                len(group),
                sum(o.rebuilt for o in group),
                f"{sum(o.pending_kept for o in group)}/{sum(o.pending_before for o in group)}",
                sum(o.converged for o in group),
                sum(o.applied_once for o in group),
                sum(o.pending_before - o.pending_kept for o in group),
            ]
            for variant in dict.fromkeys(o.variant for o in outcomes)
            for group in [[o for o in outcomes if o.variant == variant]]
        ],
    )
    s.problems += [f"{o.variant}: {v}" for o in outcomes for v in o.violations]
    return s


def network_section(work: Path, rounds: int) -> Section:
    s = Section(
        "Network faults (fault proxy on 127.0.0.1)",
        "python -m reliability.report --only network",
    )
    outcomes = run_fault_trials(work / "network", reports=1000, rounds=rounds)
    rows = []
    for name in dict.fromkeys(o.case for o in outcomes):
        group = [o for o in outcomes if o.case == name]
        first = group[0]
        rows.append([
            name, len(group), sum(o.injected for o in group),
            f"{first.attempts} (documented {first.expected_attempts})",
            ", ".join(f"{w:g}" for w in first.waits) or "none",
            "online" if first.online_under_fault else "offline",
            "-" if first.transient_recovered is None else ("yes" if all(o.transient_recovered for o in group) else "NO"),
            sum(o.converged for o in group),
            sum(o.lost for o in group), sum(o.applied_twice for o in group),
        ])  # fmt: skip
    s.lines += _table(
        ["fault", "trials", "faults injected", "attempts", "waits (s)", "state under fault",
         "short fault absorbed", "converged after", "lost", "applied twice"],
        rows,
    )  # fmt: skip
    s.problems += [f"{o.case}: {v}" for o in outcomes for v in o.violations]
    window = pytest_run(
        ["tests/integration/test_network_faults.py", "-k", "window"], {"RELIABILITY_FULL": "1"}
    )
    s.lines += [
        "",
        f"Main window under each fault (pytest, every case): {window.tests} tests, "
        f"{window.tests - window.failed - window.skipped} passed, {window.failed} failed: "
        "no crash, no modal box, offline shown with its reason, the search box and timers keep "
        "answering while the server hangs, online again once the fault stops.",
    ]
    if window.failed:
        s.problems.append(f"{window.failed} window fault test(s) failed")
    return s


def fuzz_section(work: Path, examples: int) -> Section:
    s = Section(
        "Server robustness (Schemathesis, signed in)",
        "python -m reliability.report --only schemathesis",
    )
    summary = run_fuzz(work / "fuzz", reports=500, max_examples=examples)
    s.lines += [f"{examples} examples per operation and mode (positive and negative).", ""]
    s.lines += _table(
        ["operation", "requests", "statuses", "5xx", "schema/status/content-type failures"],
        [
            [op.label, op.cases, ", ".join(f"{k}×{v}" for k, v in sorted(op.statuses.items())),
             sum(v for k, v in op.statuses.items() if k >= 500), len(op.failures)]
            for op in summary.operations
        ],
    )  # fmt: skip
    s.lines += ["", f"Total: {summary.cases} requests, {summary.server_errors} answers 5xx."]
    s.problems += summary.failures
    return s


def hostile_section(work: Path) -> Section:
    s = Section("Hostile content", "python -m reliability.report --only hostile")
    summary = run_hostile_roundtrip(work / "hostile")
    widgets = pytest_run(["tests/widgets/test_hostile_widgets.py"])
    s.lines += _table(
        ["figure", "value"],
        [
            ["text payloads tried (HTML/script, RTL, zero-width, combining, NUL, 100 KB)", summary.payloads],
            ["media URLs tried (file:, javascript:, data:, loopback, other hosts)", len(media_cases("http://127.0.0.1:9"))],
            ["fields compared server -> cache, char for char", summary.fields_checked],
            ["titles checked in the weekly DOCX and XLSX", summary.export_titles_checked],
            ["window tests (detail panel, map sentinel, media trap, display cuts)",
             f"{widgets.tests} run, {widgets.failed} failed"],
            ["**payloads that executed, leaked a request or got lost**", f"**{len(summary.violations) + widgets.failed}**"],
        ],
    )  # fmt: skip
    s.problems += summary.violations
    if widgets.failed:
        s.problems.append(f"{widgets.failed} hostile window test(s) failed")
    return s


def access_section(work: Path) -> Section:
    s = Section("Access", "python -m reliability.report --only access")
    summary = run_access_matrix(work / "access")
    tests = pytest_run(["tests/integration/test_access.py"])
    s.lines += _table(
        ["figure", "value"],
        [
            ["role × action checks on the server (6 roles, 15 actions, account creation, other unit)", summary.checks],
            ["allowed and done", summary.allowed_ok],
            ["refused with 403, report untouched", summary.denied_ok],
            ["personal-field checks (report and change feed, per role)", summary.field_checks],
            ["access tests (keyring/file, logs, settings, TLS, sign-in brake, scrubbing)",
             f"{tests.tests} run, {tests.failed} failed"],
            ["**leaks or wrong answers**", f"**{len(summary.violations) + tests.failed}**"],
        ],
    )  # fmt: skip
    s.problems += summary.violations
    if tests.failed:
        s.problems.append(f"{tests.failed} access test(s) failed")
    return s


def render(sections: list[Section], started: datetime, seconds: float) -> str:
    lines = [
        "# Reliability figures",
        "",
        "Generated by `python -m reliability.report` (rerun it to refresh this page); "
        f"run of {started:%Y-%m-%d %H:%M} UTC, {seconds / 60:.1f} min on "
        f"{platform.machine()} with {os.cpu_count()} CPU(s), Python {platform.python_version()}.",
        "The same families run small inside the test suite (`tests/integration/test_crash_safety.py`, "
        "`test_network_faults.py`, `test_schemathesis.py`, `test_hostile_content.py`, "
        "`test_access.py`, `tests/widgets/test_hostile_widgets.py`). The full crash run alone: "
        "`python -m reliability.crash --trials 50`.",
        "",
        "| family | problems found |",
        "|---|---|",
        *[f"| {s.title} | {len(s.problems)} |" for s in sections],
    ]
    for s in sections:
        lines += [
            "",
            f"## {s.title}",
            "",
            f"Command: `{s.command}` ({s.seconds:.0f} s)",
            "",
            *s.lines,
        ]
        if s.problems:
            lines += ["", "Problems:", *[f"- {p}" for p in s.problems[:50]]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability.report")
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["crash", "corruption", "network", "schemathesis", "hostile", "access"],
        help="run these families only (the page then shows only them)",
    )
    args = parser.parse_args(argv)
    started = datetime.now(UTC)
    clock = time.monotonic()
    families: dict[str, Callable[[Path], Section]] = {
        "crash": lambda w: crash_section(w, args.trials),
        "corruption": lambda w: corruption_section(w, args.rounds),
        "network": lambda w: network_section(w, args.rounds),
        "schemathesis": lambda w: fuzz_section(w, args.examples),
        "hostile": hostile_section,
        "access": access_section,
    }
    chosen = [families[name] for name in args.only] if args.only else list(families.values())
    sections = []
    with tempfile.TemporaryDirectory(prefix="paht-reliability-") as work:
        for family in chosen:
            begun = time.monotonic()
            section = family(Path(work))
            section.seconds = time.monotonic() - begun
            print(f"{section.title}: {len(section.problems)} problem(s) in {section.seconds:.0f} s")
            sections.append(section)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(sections, started, time.monotonic() - clock), encoding="utf-8")
    print(f"written {args.output}")
    return 0 if all(not s.problems for s in sections) else 1


if __name__ == "__main__":
    raise SystemExit(main())
