"""`python -m reliability.crash --trials 50`: the full crash-safety run, printed as it goes."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from reliability.crash_harness import run_crash_trials


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability.crash")
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--reports", type=int, default=3000, help="reports in the demo server")
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="paht-crash-") as work:
        summary = run_crash_trials(
            Path(work),
            args.trials,
            reports=args.reports,
            page_size=args.page_size,
            seed=args.seed,
            log=print,
        )
    print(
        json.dumps(
            {
                "trials": len(summary.trials),
                "killed_mid_run": summary.kills,
                "phases": summary.phases(),
                "actions_queued": summary.actions_queued,
                "applied_once": summary.actions_applied_once,
                "lost": summary.actions_lost,
                "applied_twice": summary.actions_applied_twice,
                "violations": summary.violations,
            },
            ensure_ascii=False,
        )
    )
    return 0 if not summary.violations else 1


if __name__ == "__main__":
    raise SystemExit(main())
