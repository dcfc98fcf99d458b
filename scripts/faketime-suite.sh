#!/usr/bin/env bash
# The suite at three moments of the calendar, under libfaketime (Debian `faketime`):
#   00:05 Huế time on a weekday (17:05 UTC the day before): the demo city once had nothing new;
#   10:00 Huế time on 2027-02-06, the first day of Tết (office calendar, holidays);
#   23:59 Huế time on 31 December (the year changes in Huế, not yet in UTC).
# The suite pins its own "now" (tests/conftest.py), so each run must pass exactly as at noon.
# Only the wall clock is faked. A faked monotonic clock (libfaketime's default) starts at the
# faked epoch, so every Python lock, Event or join with a timeout computes a deadline decades
# away and hangs: FAKETIME_DONT_FAKE_MONOTONIC=1 keeps elapsed time real, and
# scripts/faketime/sitecustomize.py works around that mode's broken time.sleep (EINVAL) and
# keeps a fixture's setenv from freeing the environment libfaketime's getenv is reading.
# Left out (marker `webengine`): the tests that run Qt WebEngine in the test process or a child.
# Chromium's threads segfault under libfaketime 0.9.10 (one map test alone crashes at exit,
# with or without the monotonic clock faked, with libfaketimeMT too); the window and map tests
# run on the same pinned clock in `make test`, and so does `slow` (building and installing the wheel).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is not installed (Debian package faketime)" >&2; exit 1; }
moments=("2026-12-02 17:05:00" "2027-02-06 03:00:00" "2026-12-31 16:59:00")
for moment in "${moments[@]}"; do
  echo "== the suite at $moment UTC (faketime) =="
  PYTHONPATH="$PWD/scripts/faketime${PYTHONPATH:+:$PYTHONPATH}" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    TZ=UTC faketime -f "@$moment" .venv/bin/python -m pytest -q -p no:cacheprovider \
    -m "not webengine and not slow" tests
done
