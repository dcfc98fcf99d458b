"""Loaded by every Python of a faketime run (scripts/faketime-suite.sh puts this folder on
PYTHONPATH). Two things libfaketime 0.9.10 breaks in a threaded Python, mended here.

time.sleep: with FAKETIME_DONT_FAKE_MONOTONIC=1 the absolute clock_nanosleep it uses turns into
EINVAL; a select() timeout is relative and passes through untouched. Only the wall clock is
faked in these runs; elapsed time stays real.

The environment: libfaketime calls getenv() on every clock read, including the timed waits of
a thread waiting for the GIL, so threads walk the C environment array while the thread holding
the GIL changes it. glibc's setenv() of a new variable reallocs that array and frees the old
one, and a thread still walking it segfaults (a relay sender thread did, while the next test's
fixture set its folders). So os.putenv never calls setenv here: a value is written into an
array of our own with one pointer store, a new variable gets a new array swapped in with one
pointer store, and nothing a reader may hold is ever freed. unsetenv only moves pointers
within the array, which is safe as it is.
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
#: Every string and array `environ` ever pointed to from here: never freed.
_kept: list[ctypes.Array[ctypes.c_char] | ctypes.Array[ctypes.c_void_p]] = []


def _entries() -> list[int]:
    array = ctypes.cast(_environ.value, ctypes.POINTER(ctypes.c_void_p))
    found: list[int] = []
    while (address := array[len(found)]) is not None:
        found.append(address)
    return found


def _install(entries: list[int]) -> None:
    grown = (ctypes.c_void_p * (len(entries) + 1))(*entries)
    _kept.append(grown)
    _environ.value = ctypes.addressof(grown)


def _putenv(key: str | bytes, value: str | bytes) -> None:
    name, setting = os.fsencode(key), os.fsencode(value)
    if not name or b"=" in name or b"\0" in name + setting:
        raise ValueError("illegal environment variable name")
    entry = ctypes.create_string_buffer(name + b"=" + setting)
    _kept.append(entry)
    prefix = name + b"="
    entries = _entries()
    array = ctypes.cast(_environ.value, ctypes.POINTER(ctypes.c_void_p))
    for n, address in enumerate(entries):
        if ctypes.string_at(address).startswith(prefix):
            array[n] = ctypes.addressof(entry)
            return
    _install([*entries, ctypes.addressof(entry)])


time.sleep = _sleep
os.putenv = _putenv
_install(_entries())
