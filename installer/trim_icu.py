"""A smaller ICU data library for the Linux bundle: locale data for custdesk's languages only.

Qt links ICU, whose data library (libicudata.so.NN, about 31 MB) holds names, currencies,
units, time-zone names and collation rules for some 800 locales. custdesk runs in Chinese
or English, so the bundle keeps the data of the root, ``zh*`` and ``en*`` locales and all
of ICU's locale-independent data (character properties, normalisation, break rules and the
Chinese dictionary, converters, transliterators, time zones), about 13.5 MB.

    python installer/trim_icu.py LIBICUDATA OUT_DIR   writes OUT_DIR/<same file name>

The library's one exported symbol (``icudtNN_dat``) is ICU's "common data" package: a
header, a table of contents of named items and the items. This filters that table and
links the result into a shared library of the same name with binutils' ``as`` and ``ld``
(which PyInstaller needs on Linux anyway).
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = ("en", "zh")
# A locale's resource: "de.res", "sr_Latn_BA.res", "coll/de_AT.res"; not "root.res",
# "pool.res", "supplementalData.res", "zoneinfo64.res"... (those are shared by all locales).
_LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
# Shaped like a locale but a tree's index of its locales.
_SHARED = {"res_index.res"}
# Word-break dictionaries of scripts custdesk is not written in (Chinese's cjdict stays).
_OTHER_SCRIPTS = {"brkitr/burmesedict.dict", "brkitr/khmerdict.dict", "brkitr/laodict.dict",
                  "brkitr/thaidict.dict"}
_ALIGN = 16   # ICU reads its items in place and wants them 16-byte aligned


def keep_item(name: str) -> bool:
    """``name`` without the package prefix, e.g. ``coll/zh.res``."""
    if name in _OTHER_SCRIPTS:
        return False
    base = name.rsplit("/", 1)[-1]
    match = _LOCALE_ITEM.match(base)
    return match is None or base in _SHARED or match.group(1) in LANGUAGES


def _objdump(*args: str) -> str:
    return subprocess.run(["objdump", *args], check=True, capture_output=True, text=True).stdout


def extract(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes."""
    symbol = None
    for line in _objdump("-T", str(library)).splitlines():
        fields = line.split()
        if fields and re.fullmatch(r"icudt\d+_dat", fields[-1]) and ".rodata" in fields:
            size = fields[fields.index(".rodata") + 1]
            symbol = fields[-1], int(fields[0], 16), int(size, 16)
    if symbol is None:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    name, address, size = symbol
    for line in _objdump("-h", str(library)).splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1] == ".rodata":
            vma, offset = int(fields[3], 16), int(fields[5], 16)
            with open(library, "rb") as handle:
                handle.seek(offset + address - vma)
                return name, handle.read(size)
    raise ValueError(f"{library}: no .rodata section")


def filter_package(blob: bytes, keep=keep_item) -> tuple[bytes, int, int]:
    """The package with only the items ``keep`` accepts; (bytes, items kept, items in all)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[4 + 4] != 0:
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", blob, header_size)[0]
    entries = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        start = header_size + name_offset
        name = blob[start:blob.index(b"\0", start)]
        end = header_size + entries[i + 1][1] if i + 1 < count else len(blob)
        short = name.decode("ascii").split("/", 1)[1]
        if keep(short):
            items.append((name, blob[header_size + data_offset:end]))

    def pad(length: int) -> int:
        return -length % _ALIGN

    toc_size = 4 + 8 * len(items)
    names = b""
    name_offsets = []
    for name, _ in items:
        name_offsets.append(toc_size + len(names))
        names += name + b"\0"
    position = toc_size + len(names)
    position += pad(header_size + position)
    data_offsets, body = [], b""
    for _, data in items:
        data_offsets.append(position + len(body))
        body += data + b"\0" * pad(len(data))
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets))
    before_body = blob[:header_size] + toc + names
    out = before_body + b"\0" * pad(len(before_body)) + body
    return out, len(items), count


def build_library(symbol: str, blob: bytes, soname: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.bin"
        data.write_bytes(blob)
        source = Path(tmp) / "data.s"
        source.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGN}\n{symbol}:\n\t.incbin \"{data}\"\n"
            f"\t.size {symbol}, . - {symbol}\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n")
        obj = Path(tmp) / "data.o"
        subprocess.run(["as", "-o", str(obj), str(source)], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(out), str(obj)], check=True)


def trim(library: Path, out_dir: Path) -> Path:
    symbol, blob = extract(library)
    smaller, kept, total = filter_package(blob)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / library.name
    soname = library.name   # libicudata.so.73: the name the other ICU libraries ask for
    build_library(symbol, smaller, soname, out)
    # The new library must hand back exactly the kept items.
    check_symbol, check_blob = extract(out)
    if check_symbol != symbol or check_blob != smaller:
        raise RuntimeError(f"{out}: the linked data differs from what was written")
    print(f"trim_icu: {library.name}: {kept} of {total} items, "
          f"{len(blob) / 1e6:.1f} MB -> {len(smaller) / 1e6:.1f} MB")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: python installer/trim_icu.py LIBICUDATA OUT_DIR", file=sys.stderr)
        sys.exit(2)
    trim(Path(sys.argv[1]), Path(sys.argv[2]))
