"""`python -m benchmarks NAME [OPTIONS]|all`: run benchmarks.NAME.run() (or every benchmark);
options such as `live --quick` go to that benchmark's run()."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def _names() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    if not argv or (argv[0] == "all" and len(argv) > 1):
        print(
            f"usage: python -m benchmarks NAME [OPTIONS]|all   (NAME: {', '.join(_names())})",
            file=sys.stderr,
        )
        return 2
    if len(argv) > 1:
        importlib.import_module(f"benchmarks.{argv[0]}").run(argv[1:])
        return 0
    names = _names() if argv[0] == "all" else [argv[0]]
    for name in names:
        importlib.import_module(f"benchmarks.{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
