"""The process settings the console makes at start, and that it gives them back at the end."""

from __future__ import annotations

import gc
import sys
from typing import Any

from console.store import queue_memory
from widgets import runtime


def test_the_settings_are_made_once_and_given_back(qapp: Any) -> None:
    """Applied a second time (the suite's session runs with them, tests/widgets/conftest.py),
    they hold, and `restore` gives back what was there before."""
    interval, collecting, trimming = sys.getswitchinterval(), gc.isenabled(), queue_memory._trim
    applied = runtime.apply()
    try:
        assert sys.getswitchinterval() == runtime.GIL_SWITCH_INTERVAL_S
        assert not gc.isenabled()  # collection runs on the GUI thread's timer instead
        assert queue_memory._trim
        applied.freeze_long_lived()
        frozen = gc.get_freeze_count()
        applied.freeze_long_lived()  # once only
        assert gc.get_freeze_count() == frozen
    finally:
        applied.restore()
        gc.unfreeze()
    assert sys.getswitchinterval() == interval
    assert gc.isenabled() is collecting
    assert queue_memory._trim is trimming
