"""`python -m benchmarks NAME|all`: run benchmarks.NAME.run() (or every benchmark)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def _names() -> list[str]:
    folder = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(
            f"usage: python -m benchmarks NAME|all   (NAME: {', '.join(_names())})", file=sys.stderr
        )
        return 2
    names = _names() if argv[0] == "all" else [argv[0]]
    for name in names:
        importlib.import_module(f"benchmarks.{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
