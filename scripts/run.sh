#!/usr/bin/env bash
# Starts the console on the embedded demo. With no display, it renders the window offscreen,
# saves a screenshot and prints where, so `make run` also works on a headless machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# Bytecode as a wheel install would leave it (even where PYTHONDONTWRITEBYTECODE is set): the
# window's start should not compile the console's sources every time.
.venv/bin/python -m compileall -q console widgets >/dev/null
[[ $(id -u) -eq 0 ]] && export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox}"
if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
  exec .venv/bin/paht-console "$@"
fi
echo "No display found: running offscreen and saving a screenshot of the window."
out="${PAHT_SCREENSHOT:-$PWD/paht-console-screenshot.png}"
QT_QPA_PLATFORM=offscreen .venv/bin/paht-console --demo --screenshot "$out" "$@"
.venv/bin/paht-console --demo status
echo "Screenshot of the console: $out"
