# Sourced by scripts/windows/*.sh: the Wine environment every Windows step runs in, and `wrun`,
# the one way a Windows program is started. docs/build.md explains each workaround.
#
# Inputs: WINEPREFIX (the prefix to use). Everything else has a default.

export WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all}
# mscms=n: our stand-in mscms.dll (WcsCreateIccProfile, which qwindows imports and Wine 8.0
# lacks) wins over Wine's builtin. mscoree/mshtml disabled: no Mono/Gecko download prompt.
# winemenubuilder disabled: an MSI's shortcuts must not land in the Linux desktop's menus.
# winedbg disabled: a crash must end the process, not wait for ever in a debugger.
export WINEDLLOVERRIDES="mscms=n;mscoree=;mshtml=;winemenubuilder.exe=;winedbg.exe="
# Linux pip settings must not leak into Windows pip: the find-links folder holds Linux wheels,
# and certificate paths are Linux paths (given to Windows programs as Z: paths instead). Only
# Windows programs started by `wrun` see these changes; Linux tools keep their environment.
WINE_ENV=(-u PIP_FIND_LINKS -u PIP_NO_INDEX -u SSL_CERT_DIR -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME)
for _var in SSL_CERT_FILE PIP_CERT REQUESTS_CA_BUNDLE; do
  _val=${!_var:-}
  if [ -n "$_val" ] && [ "${_val#/}" != "$_val" ]; then
    WINE_ENV+=("$_var=Z:${_val//\//\\}")
  fi
done
unset _var _val
# Wine drops QT_* variables on the way to Windows programs; WINE<name> passes <name> through.
if [ -n "${QT_QPA_PLATFORM:-}" ]; then
  WINE_ENV+=("WINEQT_QPA_PLATFORM=$QT_QPA_PLATFORM")
fi

WINE=${WINE:-wine}
WINE_TIMEOUT=${WINE_TIMEOUT:-900}

# wrun [timeout-seconds] program args...: a Windows program with stdin from /dev/null and
# stdout/stderr through a pipe (Windows Python dies at start when a standard handle is a
# regular file under Wine 8.0), under `timeout`; returns the program's own exit status.
# A timeout also ends every process of the prefix (`wineserver -k`): a Windows program's
# children would otherwise outlive the killed `wine` and hold the pipe open.
wrun() {
  local limit=$WINE_TIMEOUT rc
  if [[ "$1" =~ ^[0-9]+$ ]]; then limit=$1; shift; fi
  env "${WINE_ENV[@]}" timeout --kill-after=20 "$limit" "$WINE" "$@" </dev/null 2>&1 | cat
  rc=${PIPESTATUS[0]}
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "wrun: $1 did not finish in $limit s: stopping the prefix's processes" >&2
    timeout 30 wineserver -k || true
  fi
  return "$rc"
}

# winpath /linux/path -> Z:\linux\path (Wine maps Z: to /).
winpath() {
  local p
  p=$(readlink -m "$1")
  printf 'Z:%s' "${p//\//\\}"
}
