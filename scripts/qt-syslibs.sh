#!/bin/sh
# Checks the system libraries Qt (PySide6) needs on Linux; installs them with apt-get when run as
# root on Debian/Ubuntu, otherwise prints the one command to run. No-op on other systems.
set -e
[ "$(uname -s)" = "Linux" ] || exit 0
# library file -> Debian package
pairs="libGL.so.1:libgl1 libEGL.so.1:libegl1 libxkbcommon.so.0:libxkbcommon0 \
libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0"
# For a real display (the tray app under X11), not needed offscreen.
if [ -n "${DISPLAY:-}" ]; then
  pairs="$pairs libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0 \
libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-shape.so.0:libxcb-shape0 \
libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0"
fi
missing=""
for pair in $pairs; do
  lib=${pair%%:*}; pkg=${pair#*:}
  if ! /sbin/ldconfig -p 2>/dev/null | grep -q "$lib"; then missing="$missing $pkg"; fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Qt system libraries:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
else
  echo "Qt needs system libraries that are missing. Run:"
  echo "  sudo apt-get install -y$missing"
  exit 1
fi
