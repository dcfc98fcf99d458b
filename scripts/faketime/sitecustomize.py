"""Loaded by every Python of a faketime run (scripts/faketime-suite.sh puts this folder on
PYTHONPATH). Two things libfaketime 0.9.10 breaks in a threaded Python, mended here.

time.sleep: with FAKETIME_DONT_FAKE_MONOTONIC=1 the absolute clock_nanosleep it uses turns into
EINVAL; a select() timeout is relative and passes through untouched. Only the wall clock is
faked in these runs; elapsed time stays real.

The environment: libfaketime calls getenv() on every clock read, so every thread that reads
the clock walks the C environment array. glibc's setenv() of a new variable reallocs that
array and frees the old one: a thread walking it then reads freed memory and the process
segfaults (a relay sender thread did, while the next test's fixture set its folders). After
each putenv the array is copied into memory that is never freed and `environ` points there,
so glibc's next realloc never frees an array a reader may still be walking.
"""

import ctypes
import os
import select
import time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    select.select([], [], [], seconds)


_libc = ctypes.CDLL(None)
_environ = ctypes.c_void_p.in_dll(_libc, "environ")
_arrays_kept: list[ctypes.Array[ctypes.c_void_p]] = []
_real_putenv = os.putenv


def _environ_in_kept_memory() -> None:
    entries = ctypes.cast(_environ.value, ctypes.POINTER(ctypes.c_void_p))
    count = 0
    while entries[count]:
        count += 1
    copy = (ctypes.c_void_p * (count + 1))(*(entries[n] for n in range(count)))
    _arrays_kept.append(copy)
    _environ.value = ctypes.addressof(copy)


def _putenv(key: str | bytes, value: str | bytes) -> None:
    _real_putenv(key, value)
    _environ_in_kept_memory()


time.sleep = _sleep
os.putenv = _putenv
_environ_in_kept_memory()
