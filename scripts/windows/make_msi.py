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
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import version_info  # noqa: E402 - installer/version_info.py

WXS = ROOT / "installer" / "shopsync.wxs"
# The shop-facing install guide until the platform gives its own page (SHOPSYNC_HELP_URL).
DEFAULT_HELP_URL = "https://github.com/shopsync/shopsync/blob/main/docs/installation.md"


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
        # "Apps" shows the install folder: ARPINSTALLLOCATION = [INSTALLDIR] once costed
        # (type 51: set a property; CostFinalize is 1000).
        "INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) "
        "VALUES ('SetArpInstallLocation', 51, 'ARPINSTALLLOCATION', '[INSTALLDIR]')",
        "INSERT INTO `InstallExecuteSequence` (`Action`, `Sequence`) "
        "VALUES ('SetArpInstallLocation', 1001)",
        # msiexec /x … REMOVEDATA=1: the data folder goes too (never in an upgrade, where the
        # old version is removed with UPGRADINGPRODUCTCODE set). Type 34 (an exe, working
        # folder from the Directory table) + 64 (failure ignored: the program is uninstalled
        # anyway), run once the uninstall is committed (after InstallFinalize, 6600): the data
        # is not the package's, so it is no part of the transaction. System64Folder: in a
        # 64-bit package SystemFolder is SysWOW64 (absent from a 64-bit-only Wine prefix).
        "INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) "
        "VALUES ('RemoveDataFolder', 98, 'LocalAppDataFolder', "
        "'\"[System64Folder]cmd.exe\" /c rmdir /s /q \"[LocalAppDataFolder]ShopSync\"')",
        "INSERT INTO `InstallExecuteSequence` (`Action`, `Condition`, `Sequence`) "
        """VALUES ('RemoveDataFolder', 'REMOVE="ALL" AND REMOVEDATA="1" AND NOT UPGRADINGPRODUCTCODE', 6610)""",
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


def help_link() -> str:
    """The help page "Apps" links to: the platform's, given at build time."""
    return os.environ.get("SHOPSYNC_HELP_URL") or DEFAULT_HELP_URL


def size_kb(bundle: Path) -> int:
    """The installed size in KB (what "Apps" shows as the size)."""
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) // 1024 + 1


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
             "-D", f"HelpLink={help_link()}", "-D", f"SizeKb={size_kb(bundle)}",
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
