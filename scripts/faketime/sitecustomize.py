"""Loaded by every Python of a faketime run (scripts/faketime-suite.sh puts this folder on
PYTHONPATH). libfaketime 0.9.10 with FAKETIME_DONT_FAKE_MONOTONIC=1 turns the absolute
clock_nanosleep that time.sleep uses into EINVAL; a select() timeout is relative and passes
through untouched. Only the wall clock is faked in these runs; elapsed time stays real."""

import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


time.sleep = _sleep
