"""客户资信审核报告: text read back, masking, stamps, provenance, encryption, languages."""

from __future__ import annotations

import re
import subprocess
import sys

import pikepdf
import pytest

from custdesk.core import i18n
from custdesk.core.errors import AccessDenied, NotFound
from custdesk.core.exports import Stamp, sha256
from custdesk.core.fields import level_label
from custdesk.reports import customer as report
from custdesk.reports import export

from .conftest import pdf_text, pick

HEADINGS_ZH = ("基本信息", "联系方式", "财务摘要", "信用记录与涉诉", "交易与账龄", "当前评级",
               "评级历史", "复审", "预警及处置", "授信额度与担保", "审核签字")
HEADINGS_EN = ("Basic information", "Contacts", "Financial summary", "Credit records and litigation",
               "Transactions and ageing", "Current assessment", "Grade history", "Reviews",
               "Warnings and their handling", "Credit limit and guarantees", "Sign-off")


def _flat(text: str) -> str:
    """pdftotext may split a line's words with runs of spaces: compare without them."""
    return re.sub(r"\s+", "", text)


def test_enterprise_report_reads_back_in_chinese(demo_as, tmp_path):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    name = desk.customers.get(code)["name"]
    made = export.customer(desk, code)
    assert re.fullmatch(r"ZX-2026-\d{6}", made.number)
    text = pdf_text(export.write(made, tmp_path / made.file_name))
    flat = _flat(text)
    assert "客户资信审核报告" in text and name in flat and code in text
    for heading in HEADINGS_ZH:
        assert heading in flat, heading
    assert f"第1页共{made.pages}页" in flat and f"第{made.pages}页共{made.pages}页" in flat
    assert flat.count(made.number) >= made.pages      # in every footer
    assert "AltmanZ''" in flat and ("安全区" in flat or "灰色区" in flat or "困境区" in flat)
    head_seq = made.data and desk.exports.get(made.number)["chain_seq"]
    assert f"审计链头#{head_seq}" in flat
    assert "签字：" in flat and "公司盖章" in flat


def test_identity_numbers_are_masked_and_never_printed_whole(demo_as):
    desk = demo_as("admin")
    code = pick(desk, "individual")
    raw_id = desk.customers._raw(code)["id_number"]
    text = _flat(pdf_text(export.customer(desk, code).data))
    assert raw_id not in text
    assert "*" * 14 + raw_id[-4:] in text


def test_income_prints_only_for_a_cleared_reader(demo_as):
    admin, clerk = demo_as("admin"), demo_as("clerk")        # clerk: internal clearance
    code = pick(clerk, "individual")
    income = admin.customers._raw(code)["monthly_income"]
    assert income
    shown = f"¥{income / 100:,.2f}"
    assert shown in pdf_text(export.customer(admin, code).data)
    clerk_text = pdf_text(export.customer(clerk, code).data)
    assert shown not in clerk_text and "***" in clerk_text
    assert "按您的密级权限不予显示" in _flat(clerk_text)
    printed = {e["customer"]: e["summary"]["printed"] for e in admin.audit.entries()
               if e["action"] == "report.export" and e["user"] == "admin"}
    assert "income" in printed[code]


def test_a_file_above_clearance_cannot_be_reported(demo_as):
    admin, clerk = demo_as("admin"), demo_as("clerk")
    secret = pick(admin, "enterprise", graded=False, min_level=2)
    with pytest.raises(NotFound):
        export.customer(clerk, secret)
    assert all(r["code"] != secret for r in clerk.exports.list())


def test_watermark_on_confidential_files_only(demo_as):
    desk = demo_as("admin")
    confidential = pick(desk, "enterprise", graded=False, min_level=2)
    internal = pick(desk, "enterprise", graded=False, max_level=1)
    def diagonal(data: bytes) -> str:
        """The characters set at an angle: everything pdftotext drops with -nodiag."""
        everything = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                                    check=True).stdout.decode()
        straight = subprocess.run(["pdftotext", "-nodiag", "-", "-"], input=data,
                                  capture_output=True, check=True).stdout.decode()
        left = list(_flat(everything))
        for ch in _flat(straight):
            left.remove(ch)
        return "".join(left)
    marked = diagonal(export.customer(desk, confidential).data)
    level = level_label(desk.customers.level_of(confidential))          # 秘密 or 机密
    assert set("周建国导出2026-11-2209:30" + level) <= set(marked)   # user, time and level
    assert diagonal(export.customer(desk, internal).data) == ""


def _stamp(number="ZX-2026-000042", language="zh") -> Stamp:
    return Stamp(number, "customer", "测试公司", "测试员", "tester", "2026-11-22T01:02:03.000000Z",
                 17, "ab" * 32, language)


def test_output_is_byte_stable_for_the_same_data(demo_as):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    first = report.render(report.gather(desk, code), _stamp()).data
    second = report.render(report.gather(desk, code), _stamp()).data
    assert first == second
    assert report.render(report.gather(desk, code), _stamp("ZX-2026-000043")).data != first


def test_each_export_is_registered_logged_and_numbered_once(demo_as):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    one, two = export.customer(desk, code), export.customer(desk, code)
    assert int(two.number[-6:]) == int(one.number[-6:]) + 1
    row = desk.exports.get(one.number)
    assert row["sha256"] == sha256(one.data) and row["code"] == code and row["pages"] == one.pages
    entry = next(e for e in desk.audit.entries(customer=code) if e["object"] == one.number)
    assert entry["action"] == "report.export" and entry["summary"]["sha256"] == row["sha256"]
    assert desk.audit.verify().ok
    with pytest.raises(Exception):
        desk.db.execute("UPDATE report_exports SET sha256 = ? WHERE number = ?", ["0" * 64, one.number])


def test_verify_accepts_the_export_and_rejects_a_changed_byte(demo_as, tmp_path):
    desk = demo_as("admin")
    made = export.customer(desk, pick(desk, "individual"))
    path = export.write(made, tmp_path / made.file_name)
    ok = export.verify_file(desk, path)
    assert ok["ok"] and ok["export"]["number"] == made.number and made.number in ok["message"]
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0x01
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    bad = export.verify_file(desk, changed)
    assert not bad["ok"] and bad["claimed"] == made.number and "改动" in bad["message"]
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4 not ours")
    assert not export.verify_file(desk, other)["ok"]


def test_encrypted_report_opens_with_its_password_in_qpdf_and_poppler(demo_as, tmp_path):
    desk = demo_as("admin")
    code = pick(desk, "enterprise")
    made = export.customer(desk, code, password="s3cret-pw")
    assert made.encrypted
    path = export.write(made, tmp_path / made.file_name)
    assert subprocess.run(["qpdf", "--password=s3cret-pw", "--check", str(path)],
                          capture_output=True).returncode == 0
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode != 0
    assert subprocess.run(["pdftotext", str(path), "-"], capture_output=True).returncode != 0
    assert made.number in _flat(pdf_text(path, password="s3cret-pw"))
    with pikepdf.open(path, password="s3cret-pw") as pdf:
        assert pdf.is_encrypted and pdf.encryption.R == 6 and len(pdf.pages) == made.pages
    assert export.verify_file(desk, path)["ok"]


def test_english_report(demo_as):
    desk = demo_as("admin")
    made = export.customer(desk, pick(desk, "enterprise"), lang="en")
    text = pdf_text(made.data)
    assert "Customer Credit Audit Report" in text
    for heading in HEADINGS_EN:
        assert heading in text, heading
    assert f"Page 1 of {made.pages}" in text
    # Row headings and table cells start with a capital, as every caption does.
    assert "Current ratio" in text and "current ratio" not in text
    history = text[text.index("Grade history"):text.index("Reviews", text.index("Grade history"))]
    assert re.search(r"\) +¥[\d,.]+ +Approved ", history), history
    assert i18n.language() == "zh"              # the user's language is left as it was


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sign_off_labels_print_whole(demo_as, lang):
    """Each of the three sign-off rows prints its signature and date labels on one line."""
    desk = demo_as("admin")
    made = export.customer(desk, pick(desk, "enterprise"), lang=lang)
    text = pdf_text(made.data)
    with i18n.using(lang):
        labels = [i18n.tr("cr.sign"), i18n.tr("cr.signed_date")]
    for label in labels:
        assert text.count(label) == 3, label


def test_only_users_with_the_permission_export(demo_as, monkeypatch):
    desk = demo_as("clerk")
    from custdesk.core import access
    monkeypatch.setitem(access.PERMISSIONS, "report.export", frozenset({"admin"}))
    with pytest.raises(AccessDenied):
        export.customer(desk, pick(desk, "enterprise", graded=False))
    assert desk.exports.list() == []


def test_without_a_truetype_font_the_builtin_cid_font_is_used(tmp_path):
    """No usable system font: STSong-Light, and the Chinese still reads back."""
    script = (
        "from custdesk.reports import fonts\n"
        "fonts.candidates = lambda: []\n"
        "from custdesk.reports import page, blocks\n"
        "from custdesk.core.exports import Stamp\n"
        "from reportlab.platypus import Paragraph\n"
        "s = Stamp('ZX-2026-000001', 'customer', '测试公司', '测试员', 't',"
        " '2026-11-22T01:02:03Z', 1, 'a' * 64, 'zh')\n"
        "pdf = page.build([blocks.heading(1, '基本信息'), blocks.para('客户名称张三')],"
        " page.Decor(s, '客户资信审核报告', '密级：内部'))\n"
        f"open({str(tmp_path / 'cid.pdf')!r}, 'wb').write(pdf.data)\n"
        "print(fonts.report_font().name)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "STSong-Light"
    fonts = subprocess.run(["pdffonts", str(tmp_path / "cid.pdf")], capture_output=True,
                           text=True).stdout
    assert "STSong-Light" in fonts
    flat = _flat(pdf_text(tmp_path / "cid.pdf"))
    assert "基本信息" in flat and "第1页共1页" in flat


def test_a_latin_only_or_missing_font_is_skipped():
    from custdesk.reports import fonts
    assert fonts._load("/nonexistent/font.ttc") is None
    latin = [p for p in fonts.glob.glob("/usr/share/fonts/**/NotoSansMono-Regular.ttf",
                                        recursive=True)]
    if latin:
        assert fonts._load(latin[0]) is None
    assert fonts.report_font().embedded         # this machine has a CJK TrueType font
