#!/usr/bin/env bash
# scripts/windows/wrun.sh [timeout-seconds] PROGRAM ARGS... : one Windows program under Wine, in
# $WINEPREFIX, with the environment and precautions of wine-env.sh (the build's own): stdin from
# /dev/null, output through a pipe, a time limit; exits with the program's status.
# Used by tests/windows to drive the installed app and msiexec.
set -uo pipefail
: "${WINEPREFIX:?set WINEPREFIX}"
# shellcheck source=wine-env.sh
. "$(dirname "$0")/wine-env.sh"
wrun "$@"
