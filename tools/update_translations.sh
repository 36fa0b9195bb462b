#!/usr/bin/env bash
# Bring the window's translation files up to date with the source code.
#
#   bash tools/update_translations.sh
#
# What it does:
#   1. Runs pyside6-lupdate over every Python file in custdesk/gui into
#      resources/i18n/custdesk_zh_CN.ts and resources/i18n/custdesk_en.ts.
#      Translations already in the files are kept; new strings are added with
#      type="unfinished"; strings no longer in the code are dropped (-no-obsolete).
#   2. Completes custdesk_en.ts: the source strings are English, so every English
#      entry is marked finished with the source text as its translation (a plural
#      entry gets the source text in each form; edit the singular form by hand if
#      you like: it is kept on the next run).
#   3. Lists the Chinese entries still to translate, and exits 1 when there are any.
#
# How to add translations (after adding self.tr("…") / QCoreApplication.translate(ctx, "…")
# in custdesk/gui and running this script):
#   - Open resources/i18n/custdesk_zh_CN.ts in Qt Linguist (pyside6-linguist), translate each
#     entry and mark it done (Ctrl+Enter); or edit the XML: put the Chinese text in
#     <translation>…</translation> and delete type="unfinished". Plural entries
#     (numerus="yes", self.tr("%Ln …", "", n)) have one <numerusform> in Chinese.
#   - Keep placeholders exactly as in the source (%1, %2, %n, %Ln, {name}, {amount:,.2f}),
#     HTML tags, and the keyboard accelerator as a trailing "(&X)": "&File" -> "文件(&F)".
#   - Use the program's terms: 客户档案, 资信, 授信, 复审, 预警, 审计日志, 保密级别,
#     公开/内部/秘密/机密, 显示 (Reveal), 保存, 撤销更改 (Revert).
#   - Do not call tr() inside an f-string: lupdate cannot see it. Translate a whole
#     phrase with %1 and fill it in: self.tr("User: %1").replace("%1", name).
#   - Run the tests: tests/gui/test_translations.py fails while any entry is unfinished,
#     empty, stale or has lost a placeholder.
# The program compiles a .ts to .qm by itself (custdesk/gui/translation.py); no .qm is kept
# in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${CUSTDESK_VENV:-.venv}
LUPDATE=${LUPDATE:-}
if [ -z "$LUPDATE" ]; then
  if [ -x "$VENV/bin/pyside6-lupdate" ]; then LUPDATE="$VENV/bin/pyside6-lupdate"
  else LUPDATE=$(command -v pyside6-lupdate || true)
  fi
fi
if [ -z "$LUPDATE" ]; then
  echo "pyside6-lupdate not found: set up the venv (bash tools/dev.sh) or set LUPDATE" >&2
  exit 2
fi
PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  if [ -x "$VENV/bin/python" ]; then PYTHON="$VENV/bin/python"; else PYTHON=python3; fi
fi

mkdir -p resources/i18n
for lang in zh_CN en; do
  "$LUPDATE" -silent -extensions py -no-obsolete -locations relative \
    -source-language en -target-language "$lang" \
    custdesk/gui -ts "resources/i18n/custdesk_$lang.ts"
done

"$PYTHON" - <<'PY'
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

def save(tree, path):
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")

# English: the translation is the source text.
en = Path("resources/i18n/custdesk_en.ts")
tree = ET.parse(en)
for message in tree.getroot().iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if translation.get("type") in ("unfinished", "vanished", "obsolete"):
        del translation.attrib["type"]
    forms = translation.findall("numerusform")
    if forms:
        for form in forms:
            if not (form.text or "").strip():
                form.text = source
    elif not (translation.text or "").strip():
        translation.text = source
save(tree, en)

# Chinese: list what is left to translate.
zh = Path("resources/i18n/custdesk_zh_CN.ts")
left = []
for context in ET.parse(zh).getroot().iter("context"):
    for message in context.iter("message"):
        translation = message.find("translation")
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all((t or "").strip() for t in texts):
            left.append(f"  [{context.findtext('name')}] {message.findtext('source')!r}")
if left:
    print(f"{zh}: {len(left)} entries to translate:", *left, sep="\n")
    sys.exit(1)
print(f"{zh}: every entry is translated.")
PY
