"""Warnings on the command line: refused with a hint, kept with --accept-warnings or --override."""

from __future__ import annotations

import json

from custdesk.core import i18n
from custdesk.core.validation import id_check_char
from tests.cli.test_cli import cli  # noqa: F401 - the fixture

FIRST17 = "11019919800101123"            # 110199: no such county, current or former
ODD_ID = FIRST17 + id_check_char(FIRST17)


def test_warnings_are_refused_with_a_hint_on_one_line(cli):  # noqa: F811
    status, out, err = cli("customer", "add", "--kind", "individual", "--name", "孙八",
                           "--id-number", ODD_ID, "--phone", "15400138000")
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert i18n.tr("valid.id.region_unknown", code="110199", born=1980) in err
    assert i18n.tr("valid.mobile.unallocated") in err and "--accept-warnings" in err
    assert json.loads(cli("customer", "list", "--json")[1]) == []


def test_accept_warnings_keeps_them_with_the_reason(cli):  # noqa: F811
    status, out, err = cli("customer", "add", "--kind", "individual", "--name", "孙八",
                           "--id-number", ODD_ID, "--phone", "+86 154 0013 8000",
                           "--accept-warnings", "客户出示原件，号码如此")
    assert status == 0, err
    code = out.strip()
    assert len(err.strip().splitlines()) == 2          # each kept warning is printed
    record = json.loads(cli("customer", "show", code, "--json", "--reveal", "id_number",
                            "--reveal", "phone", "--reason", "核对")[1])
    assert (record["id_number"], record["phone"]) == (ODD_ID, "15400138000")
    assert record["overrides"] == {"id_number": "客户出示原件，号码如此",
                                   "phone": "客户出示原件，号码如此"}
    log = json.loads(cli("audit", "log", "--json")[1])
    added = [e for e in log if e["action"] == "customer.add" and e.get("customer") == code]
    assert added and added[0]["summary"]["overrides"]["id_number"] == "客户出示原件，号码如此"
    # An error is never accepted: a birth date that does not exist.
    bad = "11010519900230" + "123"
    status, _, err = cli("customer", "edit", code, "--field", f"id_number={bad + id_check_char(bad)}",
                         "--accept-warnings", "坚持")
    assert status == 1 and "--accept-warnings" not in err


def test_override_names_one_field(cli):  # noqa: F811
    code = cli("customer", "add", "--kind", "enterprise", "--name", "某公司")[1].strip()
    status, _, err = cli("customer", "edit", code, "--field", "phone=010-1234567")
    assert status == 1 and "--accept-warnings" in err
    status, _, err = cli("customer", "edit", code, "--field", "phone=010-1234567",
                         "--override", "phone=总机旧号")
    assert status == 0, err
    log = json.loads(cli("audit", "log", "--json")[1])
    edits = [e for e in log if e["action"] == "customer.edit" and e.get("customer") == code]
    assert edits[-1]["summary"]["overrides"] == {"phone": "总机旧号"}


def test_an_import_keeps_warned_values_only_with_a_reason(cli, tmp_path):  # noqa: F811
    from tests.core.test_importing import PERSON_HEADER, people, write_csv
    rows = [PERSON_HEADER, *people(2), ["孙八", "个人", ODD_ID, "15400138000", "内部"]]
    path = write_csv(tmp_path / "客户.csv", rows)
    status, out, err = cli("import", "customers", str(path))
    assert status == 1 and "--accept-warnings" in err       # refused whole, with the way out
    assert json.loads(cli("customer", "list", "--json")[1]) == []
    status, out, err = cli("import", "customers", str(path), "--json",
                           "--accept-warnings", "原件核对无误")
    assert status == 0, err
    result = json.loads(out)
    assert (result["imported"], result["rejected"]) == (3, 0)
    code = result["codes"][2]
    record = json.loads(cli("customer", "show", code, "--json")[1])
    assert record["name"] == "孙八"
    assert record["overrides"] == {"id_number": "原件核对无误", "phone": "原件核对无误"}
    clean = json.loads(cli("customer", "show", result["codes"][0], "--json")[1])
    assert clean["overrides"] == {}                          # nothing kept where nothing warned
    log = json.loads(cli("audit", "log", "--json")[1])
    [entry] = [e for e in log if e["action"] == "import.customers"]
    assert entry["summary"]["accept_warnings"] == "原件核对无误"
