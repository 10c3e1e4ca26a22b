"""Pack a PyInstaller bundle into ShopSync's MSI with wixl (msitools), on Linux.

    python3 scripts/windows/make_msi.py --bundle build/windows/dist/shopsync \
        --version 0.1.0 --output dist/ShopSync-0.1.0.msi

Why a script and not two shell lines: wixl-heat reads the file list on stdin and names each
component after a hash of its path, and the bundle's folder must be given as a prefix it can
strip; the version must be the MSI's three numbers (installer/version_info.py), and the icon
the one the executables carry. Plain Python 3 (no project import), so it runs before any venv.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import version_info  # noqa: E402 - installer/version_info.py

WXS = ROOT / "installer" / "shopsync.wxs"


def upgrade_code() -> str:
    """The Product's UpgradeCode, as installer/shopsync.wxs fixes it (the one place it lives)."""
    match = re.search(r'UpgradeCode="([0-9A-Fa-f-]{36})"', WXS.read_text(encoding="utf-8"))
    if not match:
        raise SystemExit(f"{WXS}: no UpgradeCode")
    return "{" + match.group(1).upper() + "}"


def post_build_queries(msi_version: str) -> list[str]:
    """What wixl 0.101 cannot express, written into the MSI's tables after it ran:
    - the autostart component's condition (wixl has no <Condition> child of <Component>);
    - MajorUpgrade's AllowSameVersionUpgrades (ignored by wixl): the upgrade row also matches
      the same version (attributes 1 MigrateFeatures + 512 VersionMaxInclusive), so a rebuild
      of a version replaces it instead of installing beside it. Attributes is part of the
      Upgrade table's key, so the row is replaced rather than updated.
    """
    return [
        """UPDATE `Component` SET `Condition` = 'AUTOSTART <> "0"' WHERE `Component` = 'Autostart'""",
        "DELETE FROM `Upgrade` WHERE `ActionProperty` = 'WIX_UPGRADE_DETECTED'",
        "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) "
        f"VALUES ('{upgrade_code()}', '{msi_version}', 513, 'WIX_UPGRADE_DETECTED')",
    ]


def icon() -> Path:
    """The same icon choice as installer/shopsync.spec."""
    for path in (ROOT / "resources" / "icons" / "shopsync.ico", ROOT / "installer" / "shopsync.ico"):
        if path.is_file():
            return path
    raise SystemExit("no shopsync.ico (resources/icons or installer/)")


def _rel(path: Path) -> str:
    """wixl only takes source paths relative to its working folder (it runs in /)."""
    return str(path.resolve().relative_to("/"))


def harvest(bundle: Path) -> str:
    """The WiX fragment listing every file of the bundle (component group "Bundle")."""
    files = sorted(str(p) for p in bundle.rglob("*") if p.is_file())
    if not any(f.endswith("shopsync.exe") for f in files):
        raise SystemExit(f"{bundle} holds no shopsync.exe: run the PyInstaller step first")
    done = subprocess.run(
        ["wixl-heat", "--prefix", f"{bundle}/", "--directory-ref", "INSTALLDIR",
         "--component-group", "Bundle", "--var", "var.BundleDir", "--win64"],
        input="\n".join(files) + "\n", capture_output=True, text=True, check=True,
    )
    return done.stdout


def build(bundle: Path, version: str, output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fragment = Path(tmp) / "bundle.wxs"
        fragment.write_text(harvest(bundle), encoding="utf-8")
        subprocess.run(
            ["wixl", "--arch", "x64", "-o", str(output),
             "-D", f"Version={version_info.msi_version(version)}",
             "-D", f"BundleDir={_rel(bundle)}", "-D", f"Icon={_rel(icon())}", "-D", "Win64=yes",
             str(WXS), str(fragment)],
            check=True, cwd="/",
        )
    for query in post_build_queries(version_info.msi_version(version)):
        subprocess.run(["msibuild", str(output), "-q", query], check=True)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    out = build(args.bundle.resolve(), args.version, args.output)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
