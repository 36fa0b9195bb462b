"""Write custdesk/core/region_codes.txt from python-stdnum's historical county list.

    .venv/bin/pip download --no-deps python-stdnum -d /tmp/stdnum && unzip ... stdnum/cn/loc.dat
    .venv/bin/python tools/region_codes.py path/to/stdnum/cn/loc.dat VERSION > custdesk/core/region_codes.txt

Only the codes and the last year each was in use are kept (no names): the file is read to
tell whether the first six digits of an identity number were ever a division code.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

# Codes that the division list does not hold but identity numbers do carry.
EXTRA = {
    # Residence permits for Taiwan residents (港澳台居民居住证申领发放办法, 2018): the
    # number begins 830000; Hong Kong's and Macao's begin 810000 and 820000 (in the list).
    "830000": None,
}

HEADER = """\
# Administrative division codes (GB/T 2260) to county level, current and retired, as the
# first six digits of resident identity numbers (GB 11643) carry them.
#
# Source: python-stdnum {version}, file stdnum/cn/loc.dat (LGPL-2.1+), which gathers the
# Ministry of Civil Affairs' code lists from 1980 on as tabulated in the Chinese Wikipedia
# articles "中华人民共和国行政区划代码" (CC BY-SA 4.0). Only the codes and the last year each
# was in use are taken here: a list of facts, without the place names or any other text.
# Added by hand: 830000 (residence permits of Taiwan residents, 2018), not in that list.
# Made with tools/region_codes.py; refresh both from a newer python-stdnum together.
#
# Format: one line per prefecture, "PPCC" (province and prefecture digits) then the last two
# digits of each county code; "~YYYY" after a code is the last year it was in use (retired
# codes stay valid on numbers issued before). A code is known if any such line lists it.
"""


def parse(lines) -> dict[str, int | None]:
    """{six-digit code: last year in use, None while in use}."""
    codes: dict[str, int | None] = {}
    province = None
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        m = re.fullmatch(r'(\s*)(\d+) (province|county)="([^"]*)"\s*', line)
        if m is None:
            raise ValueError(f"unexpected line: {line!r}")
        if m.group(3) == "province":
            province = m.group(2)
            continue
        code = province + m.group(2)
        ends = []
        for entry in m.group(4).split(","):
            years = re.match(r"\[(\d*)-(\d*)\]", entry)
            ends.append(int(years.group(2)) if years and years.group(2) else None)
        codes[code] = None if None in ends else max(ends)
    return codes


def render(codes: dict[str, int | None], version: str) -> str:
    by_prefix = defaultdict(list)
    for code in sorted({**codes, **EXTRA}):
        end = {**codes, **EXTRA}[code]
        by_prefix[code[:4]].append(code[4:] + (f"~{end}" if end else ""))
    body = "".join(f"{prefix} {' '.join(items)}\n" for prefix, items in sorted(by_prefix.items()))
    return HEADER.format(version=version) + body


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(render(parse(f), sys.argv[2]))
