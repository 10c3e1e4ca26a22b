#!/usr/bin/env bash
# A Wine prefix ShopSync's Windows build runs in: `scripts/windows/prefix.sh DIR`.
#
# Used by build.sh (the build prefix, cached) and by tests/windows (a fresh prefix per test run,
# where the MSI is installed as on a new PC). What it sets, and why (docs/build.md, "Wine"):
# - win64, reported as Windows 10 (Wine 8.0 says Windows 7 by default; Qt 6 and Python 3.13
#   need 10);
# - no crash debugger (AeDebug): a crashing program must exit, winedbg would wait for ever;
# - the stand-in DLLs of scripts/windows/stubs (icuuc, bcryptprimitives, mscms), built once
#   with mingw-w64 and copied into system32: Wine 8.0 lacks what Qt6Core, qwindows and Rust's
#   standard library (python-calamine) import from them. Nothing of this goes into the MSI.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 PREFIX-DIR" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${SHOPSYNC_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shopsync-windows}
export WINEPREFIX
WINEPREFIX=$(readlink -m "$1")
# shellcheck source=wine-env.sh
. "$HERE/wine-env.sh"

build_stubs() {  # -> $CACHE/stubs/<hash>/*.dll, built once per source change
  local hash out c name
  hash=$(cat "$HERE"/stubs/*.c "$HERE"/stubs/*.def | sha256sum | cut -c1-16)
  out=$CACHE/stubs/$hash
  if [ ! -f "$out/.done" ]; then
    mkdir -p "$out"
    for c in "$HERE"/stubs/*.c; do
      name=$(basename "$c" .c)
      x86_64-w64-mingw32-gcc -O2 -shared -s -o "$out/$name.dll" "$c" "$HERE/stubs/$name.def" \
        -ladvapi32
    done
    touch "$out/.done"
  fi
  echo "$out"
}

STUBS=$(build_stubs)
if [ ! -f "$WINEPREFIX/.shopsync-prefix" ]; then
  rm -rf "$WINEPREFIX"
  mkdir -p "$(dirname "$WINEPREFIX")"
  wrun 300 wineboot -i >/dev/null || true
  wrun 120 winecfg /v win10 >/dev/null
  aedebug='HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug'
  wrun 60 reg add "$aedebug" /v Auto /t REG_SZ /d 1 /f >/dev/null
  wrun 60 reg add "$aedebug" /v Debugger /t REG_SZ /d '' /f >/dev/null
  timeout 60 wineserver -w || true
  touch "$WINEPREFIX/.shopsync-prefix"
fi
# -f: Wine puts placeholder files of its builtin DLLs (mscms.dll) there, newer than ours.
cp -f "$STUBS"/*.dll "$WINEPREFIX/drive_c/windows/system32/"
