"""The packaging files, without building the bundle (installer/build.sh does that, in CI).

The version is written once (custdesk/__init__.py): the AppStream release, the Windows
installer and the bundle take it from there. The Linux menu entry and metadata validate;
the icon renders at every size; the Linux install script installs, and uninstalls without
touching the user's data; the ICU trimming keeps exactly the items it should.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import custdesk

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP_ID = "org.custdesk.custdesk"
DESKTOP = INSTALLER / "linux" / f"{APP_ID}.desktop"
METAINFO = INSTALLER / "linux" / f"{APP_ID}.metainfo.xml"
sys.path.insert(0, str(INSTALLER))

import make_icons  # noqa: E402
import trim_icu  # noqa: E402


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


# -- one version, one name ------------------------------------------------------------------
def test_newest_appstream_release_is_the_program_version():
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == custdesk.__version__


def test_the_application_id_is_the_same_everywhere():
    assert ET.parse(METAINFO).getroot().findtext("id") == APP_ID
    assert f'launchable type="desktop-id">{APP_ID}.desktop<' in METAINFO.read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in (INSTALLER / "custdesk.spec").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in (ROOT / "custdesk" / "gui" / "app.py").read_text(
        encoding="utf-8")
    assert f"APP_ID={APP_ID}" in (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")


def test_the_menu_entry_names_the_icon_and_program():
    entry = desktop_entry()
    assert entry["Icon"] == "custdesk" and entry["Exec"] == "custdesk"
    assert entry["StartupWMClass"] == "custdesk"
    assert "Name[zh_CN]" in entry and "Comment[zh_CN]" in entry


def test_the_windows_installer_takes_the_version_from_the_program_and_keeps_the_data():
    script = (INSTALLER / "windows" / "custdesk.iss").read_text(encoding="utf-8")
    assert re.search(r'#define AppVersion GetStringFileInfo\(.*"ProductVersion"\)', script)
    assert custdesk.__version__ not in script
    assert "build\\bundle-data\"" in script and "SetupIconFile={#Prepared}\\custdesk.ico" in script
    assert "{autodesktop}" in script and "{group}" in script
    # Nothing of the user's data folder is ever deleted.
    assert "[UninstallDelete]" not in script and "[InstallDelete]" not in script


def test_the_bundle_extra_is_not_part_of_the_test_tools():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    test_extra = text.split("test = [", 1)[1].split("]", 1)[0]
    bundle_extra = text.split("bundle = [", 1)[1].split("]", 1)[0]
    assert "pyinstaller" not in test_extra.lower()
    assert re.search(r'"pyinstaller>=\d+\.\d+', bundle_extra)


# -- validators (where the machine has them) ----------------------------------------------
@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian: appstream)")
def test_appstream_metadata_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- icons --------------------------------------------------------------------------------
def test_icons_render_at_every_size_and_make_an_ico(tmp_path, qapp):
    assert make_icons.main([str(tmp_path)]) == 0
    from PySide6.QtGui import QImage, QImageReader
    for size in make_icons.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "custdesk.png"))
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the middle of the icon is opaque and the corners are not.
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() == 0
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "custdesk.svg").read_bytes() == \
        (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    ico = (tmp_path / "custdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    reader = QImageReader(str(tmp_path / "custdesk.ico"))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull()
        sizes.add(image.width())
    assert sizes == set(make_icons.ICO_SIZES)


def test_the_window_icon_is_the_app_svg(qapp):
    from custdesk.gui.style import apply_style
    apply_style(qapp)
    assert not qapp.windowIcon().pixmap(64, 64).isNull()


# -- Linux install script -----------------------------------------------------------------
@pytest.fixture
def fake_bundle(tmp_path, qapp):
    """A folder laid out like dist/custdesk (the program is a stand-in script)."""
    bundle = tmp_path / "dist" / "custdesk"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "custdesk"
    program.write_text("#!/bin/sh\necho custdesk stand-in\n")
    program.chmod(0o755)
    share = bundle / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    make_icons.main([str(tmp_path / "icons")])
    shutil.copytree(tmp_path / "icons" / "hicolor", share / "icons" / "hicolor")
    shutil.copy(INSTALLER / "linux" / "install.sh", bundle / "install.sh")
    return bundle


def test_install_script_installs_for_the_user_and_uninstalls_keeping_data(fake_bundle, tmp_path):
    home = tmp_path / "home"
    data = home / ".local" / "share" / "custdesk"
    data.mkdir(parents=True)
    (data / "custdesk.db").write_bytes(b"the user's database")
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    env.pop("CUSTDESK_PREFIX", None)
    subprocess.run(["bash", str(fake_bundle / "install.sh")], env=env, check=True,
                   capture_output=True)
    target = home / ".local" / "opt" / "custdesk"
    share = home / ".local" / "share"
    assert (target / "custdesk").exists() and (target / "_internal").is_dir()
    assert os.readlink(home / ".local" / "bin" / "custdesk") == str(target / "custdesk")
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{target}/custdesk"' in entry and f"TryExec={target}/custdesk" in entry
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "custdesk.png").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "custdesk.svg").exists()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate",
                                str(share / "applications" / f"{APP_ID}.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    subprocess.run(["bash", str(target / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not target.exists() and not (home / ".local" / "bin" / "custdesk").is_symlink()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((share / "icons" / "hicolor").rglob("custdesk.*"))
    assert (data / "custdesk.db").read_bytes() == b"the user's database"


def test_install_script_refuses_to_remove_a_folder_that_is_not_a_bundle(fake_bundle, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "CUSTDESK_PREFIX": str(precious)}
    result = subprocess.run(["bash", str(fake_bundle / "install.sh")], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "not a custdesk bundle" in result.stderr
    assert (precious / "notes.txt").read_text() == "keep me"


def test_build_script_is_valid_bash():
    for script in (INSTALLER / "build.sh", INSTALLER / "linux" / "install.sh"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


# -- ICU trimming ---------------------------------------------------------------------------
def test_icu_items_kept_are_the_shared_ones_and_our_languages():
    keep = trim_icu.keep_item
    for name in ("root.res", "pool.res", "res_index.res", "supplementalData.res", "uts46.nrm",
                 "gb18030.cnv", "zh.res", "zh_Hans_CN.res", "en_001.res", "coll/zh.res",
                 "coll/root.res", "zone/zh_Hant.res", "brkitr/cjdict.dict", "brkitr/word.brk",
                 "translit/root.res", "unames.icu"):
        assert keep(name), name
    for name in ("de.res", "fr_CA.res", "coll/ja.res", "curr/sr_Latn_BA.res", "unit/yue.res",
                 "brkitr/thaidict.dict"):
        assert not keep(name), name


def _package(items: dict[str, bytes]) -> bytes:
    """A small ICU common-data package in the layout ICU's own tools write."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) \
        + b"CmnD" + bytes([1, 0, 0, 0]) + bytes(4)
    header += bytes(32 - len(header))
    names = [f"icudt99l/{name}".encode() + b"\0" for name in items]
    toc_size = 4 + 8 * len(items)
    offset, name_offsets = toc_size, []
    for name in names:
        name_offsets.append(offset)
        offset += len(name)
    offset += -(32 + offset) % 16
    data_offsets, body = [], b""
    for data in items.values():
        data_offsets.append(offset + len(body))
        body += data + bytes(-len(data) % 16)
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets))
    head = header + toc + b"".join(names)
    return head + bytes(-len(head) % 16) + body


def _items(blob: bytes) -> dict[str, bytes]:
    header = struct.unpack_from("<H", blob)[0]
    count = struct.unpack_from("<I", blob, header)[0]
    entries = [struct.unpack_from("<II", blob, header + 4 + 8 * i) for i in range(count)]
    found = {}
    for i, (name_offset, data_offset) in enumerate(entries):
        start = header + name_offset
        name = blob[start:blob.index(b"\0", start)].decode().split("/", 1)[1]
        end = header + entries[i + 1][1] if i + 1 < count else len(blob)
        assert (header + data_offset) % 16 == 0, "items must stay 16-byte aligned"
        found[name] = blob[header + data_offset:end].rstrip(b"\0")
    return found


def test_icu_package_filtering_keeps_items_whole_and_aligned():
    items = {"coll/de.res": b"D" * 37, "coll/zh.res": b"Z" * 50, "de.res": b"d" * 3,
             "root.res": b"R" * 16, "zh.res": b"z" * 21}
    blob = _package(items)
    assert _items(blob) == items
    smaller, kept, total = trim_icu.filter_package(blob)
    assert (kept, total) == (3, 5)
    assert _items(smaller) == {k: v for k, v in items.items() if not k.endswith("de.res")}
    everything, kept, _ = trim_icu.filter_package(blob, keep=lambda name: True)
    assert _items(everything) == items and kept == 5


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ld") is None,
                    reason="links an ELF library with binutils")
def test_icu_library_is_rebuilt_with_the_same_symbol_and_name(tmp_path):
    blob = _package({"root.res": b"R" * 40, "zh.res": b"z" * 8})
    library = tmp_path / "libicudata.so.99"
    trim_icu.build_library("icudt99_dat", blob, library.name, library)
    assert trim_icu.extract(library) == ("icudt99_dat", blob)
    soname = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True).stdout
    assert re.search(r"SONAME\s+libicudata\.so\.99", soname)
