"""The frozen bundle's entry point: the same `paht-console` command as the installed script."""

import multiprocessing
import sys

from console.cli import main

if __name__ == "__main__":
    # `serve --workers` and the PostgreSQL seed start spawn children: in a frozen app they run
    # this executable again, and freeze_support() turns such a run into the child.
    multiprocessing.freeze_support()
    sys.exit(main())
