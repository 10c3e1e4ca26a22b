#!/bin/sh
# The tray app on a real X server, as a person would use it: Xvfb, a system-tray host (trayer or
# stalonetray), a demo home, then tests/gui/x11_tray_probe.py clicks the icon with xdotool,
# opens every menu action and ends with Quitter. Prints the probe's JSON report; exit 0 when the
# app quit with 0 and printed nothing on stderr.
#
#   scripts/xvfb-tray-check.sh [SHOT.png]    # SHOT: the tray and its open menu, cut to size
#
# Needs (Debian): xvfb trayer xdotool imagemagick, and Qt's xcb libraries (scripts/qt-syslibs.sh
# with DISPLAY set, plus libxcb-image0 libxcb-render-util0). Everything it starts, it stops.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SHOT=${1:-}
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done
if command -v trayer >/dev/null; then
  TRAY="trayer --edge top --align right --widthtype request --height 32 --transparent false --SetDockType true"
elif command -v stalonetray >/dev/null; then
  TRAY="stalonetray"
else
  echo "missing: a system-tray host (apt-get install trayer)" >&2; exit 2
fi

WORK=$(mktemp -d /tmp/shopsync-xtray.XXXXXX)
PIDS=""
cleanup() {
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  for pid in $PIDS; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Xvfb picks a free display number itself and writes it once it accepts clients.
mkfifo "$WORK/displayfd"
# -noreset: without it the server resets (and forgets the background) whenever its last client
# disconnects.
Xvfb -displayfd 3 -noreset -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/displayfd" >/dev/null 2>&1 &
PIDS="$!"
read -r NUM < "$WORK/displayfd"
export DISPLAY=":$NUM"
echo "Xvfb on $DISPLAY, tray host: ${TRAY%% *}"
if command -v xsetroot >/dev/null; then xsetroot -solid '#3a6ea5'; fi  # a desktop, not black
$TRAY >/dev/null 2>&1 &
PIDS="$! $PIDS"

# A demo home: the sample export synced once to the sandbox site (which stops with --once).
"$PY" -m shopsync --home "$WORK/home" demo --once --headless --port 0 >"$WORK/demo.log" 2>&1 \
  || { cat "$WORK/demo.log" >&2; exit 1; }

set +e
QT_QPA_PLATFORM=xcb SHOPSYNC_SITE_TOKEN=demo-token \
  "$PY" tests/gui/x11_tray_probe.py --home "$WORK/home" ${SHOT:+--shot "$SHOT"} \
  >"$WORK/probe.out" 2>"$WORK/probe.err"
rc=$?
set -e
tail -n 1 "$WORK/probe.out"
if [ -s "$WORK/probe.err" ]; then
  echo "--- stderr (should be empty):" >&2
  cat "$WORK/probe.err" >&2
  [ "$rc" -eq 0 ] && rc=1
fi
[ -n "$SHOT" ] && [ -f "$SHOT" ] && echo "screenshot: $SHOT"
exit "$rc"
