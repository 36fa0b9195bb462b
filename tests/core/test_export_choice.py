"""Exporting some files only: those a list shows (its search and filters) or those selected in
it; a file the user may not see stays out however it is named."""

from __future__ import annotations

import csv
import io

import openpyxl

from custdesk.core.exporting import export_customers, matching_codes


def _codes_in_csv(path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    return [row[0] for row in rows[1:]]


def _firm(desk) -> dict[str, str]:
    made = {}
    for name, kind in (("张伟", "individual"), ("张敏", "individual"), ("李娜", "individual"),
                       ("张家港顺达物流有限公司", "enterprise"), ("王芳", "individual")):
        made[name] = desk.customers.add({"kind": kind, "name": name}).code
    for name in ("张伟", "李娜"):
        desk.records.add(made[name], "communications", {"occurred_on": "2026-01-05",
                                                        "summary": f"与{name}电话沟通"})
    return made


def test_the_files_a_list_shows_are_every_match_of_its_search_and_filters(desk):
    made = _firm(desk)
    assert sorted(matching_codes(desk, "张")) == sorted(
        made[n] for n in ("张伟", "张敏", "张家港顺达物流有限公司"))
    assert sorted(matching_codes(desk, "张", kind="individual")) == sorted(
        made[n] for n in ("张伟", "张敏"))
    assert len(matching_codes(desk)) == 5
    assert matching_codes(desk, "没有这个人") == []


def test_an_export_of_the_files_shown_writes_those_only(desk, tmp_path):
    made = _firm(desk)
    shown = matching_codes(desk, "张", kind="individual")
    out = tmp_path / "shown.csv"
    done = export_customers(desk, out, codes=shown)
    assert done["customers"] == 2
    assert sorted(_codes_in_csv(out)) == sorted(made[n] for n in ("张伟", "张敏"))
    logged = next(e for e in desk.audit.entries() if e["action"] == "export.customers")
    assert logged["summary"]["customers"] == 2
    # Every file when no codes are given.
    assert export_customers(desk, tmp_path / "all.csv")["customers"] == 5


def test_an_export_of_selected_rows_keeps_their_records_and_no_others(desk, tmp_path):
    made = _firm(desk)
    out = tmp_path / "picked.xlsx"
    done = export_customers(desk, out, codes=[made["李娜"].lower(), made["王芳"]])
    assert done == {**done, "customers": 2, "records": 1}
    book = openpyxl.load_workbook(out, read_only=True)
    customers = [row[0] for row in book["客户"].iter_rows(values_only=True)][1:]
    assert sorted(customers) == sorted([made["李娜"], made["王芳"]])
    talks = [row[0] for row in book["沟通记录"].iter_rows(values_only=True)][1:]
    assert talks == [made["李娜"]]


def test_a_chosen_file_above_the_clearance_stays_out(desk, open_as, tmp_path):
    made = _firm(desk)
    secret = desk.customers.add({"kind": "enterprise", "name": "机密贸易有限公司",
                                 "level": "secret"}).code
    clerk = open_as("clerk")
    out = tmp_path / "clerk.csv"
    done = export_customers(clerk, out, codes=[secret, made["张伟"]])
    assert done["customers"] == 1 and _codes_in_csv(out) == [made["张伟"]]
    assert secret not in matching_codes(clerk)
