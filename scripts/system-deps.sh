#!/usr/bin/env bash
# Installs the Debian packages the console and its tests need, when they are missing.
# Fonts (Vietnamese glyphs; Liberation Serif stands in for Times New Roman), the X/EGL libraries
# Qt and QtWebEngine load, poppler-utils (PDF checks), Xvfb for a real window on a headless box.
set -euo pipefail
packages=(
  fonts-dejavu-core fonts-noto-core fonts-liberation fonts-liberation2
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libnss3
  libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libasound2 libxshmfence1 libgbm1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xkb1
  poppler-utils xvfb xauth
)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "Missing Debian packages (install them as root): ${missing[*]}" >&2; exit 0
  fi
else SUDO=""; fi
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
# asound2 was renamed on newer Debian/Ubuntu; install what exists.
installable=()
for pkg in "${missing[@]}"; do
  if apt-cache show "$pkg" >/dev/null 2>&1; then installable+=("$pkg");
  elif [[ $pkg == libasound2 ]] && apt-cache show libasound2t64 >/dev/null 2>&1; then installable+=(libasound2t64); fi
done
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${installable[@]}" >/dev/null
