"""Every output path × every reader not cleared to a 机密 file: nothing of it comes out.

The table below names each way data leaves core — a manager's read method, a report, an
export, a command of the command line — with how to call it. Readers: a clerk (内部), a
reviewer and an auditor (秘密), and managers cleared to 内部 and 秘密. A file at 机密 is
filled with values; no name, identity number, phone, amount or text of it may reach any
of them, and asking for it by code answers as for a code that does not exist.

The completeness tests fail when a new public method of a manager, a new report or a new
command appears without an entry here (or a reason why it carries no customer data).
"""

from __future__ import annotations

import argparse
import datetime
import inspect
import io
import json
import re

import pytest

from custdesk.core import audit_list, backup, clock, exporting
from custdesk.core.customers.archive import CustomerArchive
from custdesk.core.customers.documents import DocumentStore
from custdesk.core.customers.records import RecordManager
from custdesk.core.desk import Desk
from custdesk.core.errors import AccessDenied, CustdeskError, NotFound
from custdesk.core.exports import Exports
from custdesk.core.fields import RECORD_KINDS
from custdesk.core.grading.assessments import Grading
from custdesk.core.outcomes import Outcomes
from custdesk.core.audit import AuditLog
from custdesk.core.privacy import Privacy
from custdesk.core.reviews import Reviews
from custdesk.core.settings import Settings
from custdesk.core.users import UserManager
from custdesk.core.warnings import Warnings
from custdesk.reports import export as reports
from tests.conftest import ADMIN, PASSWORDS

TODAY = datetime.datetime(2026, 11, 22, 2, 0, tzinfo=datetime.timezone.utc)
SECRET = {"name": "机密往来实业有限公司", "legal_rep": "钱机密", "phone": "13911112222",
          "address": "北京市朝阳区机密路1号", "notes": "机密的备注：抵押在幸福路",
          "credit_code": "91110105MA01ABCD39", "email": "jimi@example.cn"}
TEXTS = [*SECRET.values(), "钱联系人", "13922223333", "(2026)京0105民初7777号", "机密合同内容",
         "INV-JIMI-1", "机密事由", "机密沟通内容", "机密许可证"]
AMOUNTS = ["8,765,432", "87654321", "876543200", "1,234,567", "123456700", "7,654,321",
           "765432100"]
READERS = {  # name: (role, clearance); the first three come with the template database
    "clerk": ("clerk", "internal"), "reviewer": ("reviewer", "confidential"),
    "auditor": ("auditor", "confidential"), "mgr_internal": ("manager", "internal"),
    "mgr_confidential": ("manager", "confidential")}
ADDED = ("mgr_internal", "mgr_confidential")
READER_PW = {name: PASSWORDS.get(name, f"{name}-reader-password") for name in READERS}


@pytest.fixture(scope="module")
def firm(template, tmp_path_factory):
    """The template database with the readers added and a 机密 file full of values: records
    of every kind, a document, an approved assessment, a warning, an export."""
    from tests.conftest import copy_database
    path = tmp_path_factory.mktemp("disclosure") / "custdesk.db"
    copy_database(template[0], path)
    clock.set_fixed(TODAY)
    boss = Desk.open(path, ADMIN, PASSWORDS[ADMIN], daily_check=False)
    manager = Desk.open(path, "manager", PASSWORDS["manager"], daily_check=False)
    try:
        for name in ADDED:
            role, level = READERS[name]
            boss.users.add(name, role, level, READER_PW[name])
        code = boss.customers.add({"kind": "enterprise", "level": "secret", **SECRET}).code
        boss.records.add(code, "contacts", {"name": "钱联系人", "phone": "13922223333"})
        boss.records.add(code, "litigation", {"case_no": "(2026)京0105民初7777号",
                                              "role": "defendant", "amount": "8765432",
                                              "filed_on": "2026-10-01"})
        boss.records.add(code, "transactions", {"kind": "invoice", "ref_no": "INV-JIMI-1",
                                                "amount": "1234567", "occurred_on": "2026-06-01",
                                                "due_date": "2026-07-01"})
        boss.records.add(code, "financials", {"period": "2025", "revenue": "7654321",
                                              "total_assets": "7654321",
                                              "current_assets": "7654321",
                                              "total_liabilities": "1234567",
                                              "current_liabilities": "1234567",
                                              "net_profit": "7654321", "equity": "6419754"})
        boss.records.add(code, "complaints", {"received_on": "2026-10-02", "subject": "机密事由"})
        boss.records.add(code, "communications", {"occurred_on": "2026-10-03",
                                                  "summary": "机密沟通内容"})
        boss.records.add(code, "licences", {"name": "机密许可证", "expires_on": "2026-11-30"})
        boss.records.add(code, "credit_records", {"kind": "overdue", "source": "机密事由",
                                                  "occurred_on": "2026-09-01",
                                                  "amount": "8765432"})
        boss.records.add(code, "outcomes", {"kind": "manager", "occurred_on": "2026-09-02",
                                            "amount": "8765432", "reason": "机密事由"})
        boss.documents.add(code, "合同.txt", "机密合同内容".encode(), "contract")
        made = boss.grading.assess(code).id
        boss.grading.submit(made, missing_reason="资料待补")
        manager.grading.approve(made)
        boss.warnings.evaluate(TODAY.date())
        report = reports.customer(boss, code)
        warning = boss.warnings.list(code=code)[0]["id"]
        boss.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        boss.close()
        manager.close()
        clock.set_fixed(None)
    return {"path": path, "code": code, "assessment": made, "warning": warning,
            "report": report}


@pytest.fixture
def reader(firm):
    opened = []

    def open_(name):
        clock.set_fixed(TODAY)
        desk = Desk.open(firm["path"], name, READER_PW[name], daily_check=False)
        opened.append(desk)
        return desk

    yield open_
    for desk in opened:
        desk.close()
    clock.set_fixed(None)


def _text(value) -> str:
    if isinstance(value, (bytes, bytearray)):
        if value[:4] == b"%PDF":
            from tests.reports.conftest import pdf_text
            return pdf_text(bytes(value))
        if value[:2] == b"PK":
            import openpyxl
            book = openpyxl.load_workbook(io.BytesIO(bytes(value)))
            return "\n".join(str(c) for ws in book for row in ws.iter_rows(values_only=True)
                             for c in row)
        return bytes(value).decode("utf-8", "ignore")
    return json.dumps(value, ensure_ascii=False, default=str)


def _leaks(text: str, code: str) -> list[str]:
    flat = re.sub(r"\s+", "", text)
    found = [t for t in TEXTS if re.sub(r"\s+", "", t) in flat]
    found += [a for a in AMOUNTS if a in flat]
    if code in flat:
        found.append(code)
    return found


def _absent_answer(call, code: str):
    """What ``call`` says for the hidden file, and for a code that does not exist."""
    answers = []
    for which in (code, "C000000"):
        try:
            answers.append(("value", _text(call(which))))
        except CustdeskError as exc:
            answers.append((type(exc).__name__, str(exc).replace(which, "CODE")))
    return answers


def _file_bytes(path, write):
    write(path)
    return path.read_bytes()


# Each path: (name, call(desk, firm, tmp_path) -> output, or "by_code": call(desk, code)).
SCALAR = {
    "customers.list": lambda d, f, t: d.customers.list(),
    "customers.list:name": lambda d, f, t: d.customers.list("机密往来"),
    "customers.list:code": lambda d, f, t: d.customers.list(f["code"]),
    "customers.list:phone": lambda d, f, t: d.customers.list(SECRET["phone"]),
    "customers.list:tail": lambda d, f, t: d.customers.list(SECRET["phone"][-4:]),
    "customers.list:credit_code": lambda d, f, t: d.customers.list(SECRET["credit_code"]),
    "customers.list_rows": lambda d, f, t: d.customers.list_rows(limit=1000),
    "customers.summary_rows": lambda d, f, t: d.customers.summary_rows(),
    "grading.queue": lambda d, f, t: d.grading.queue(),
    "grading.standings": lambda d, f, t: d.grading.standings(),
    "grading.largest_exposures": lambda d, f, t: d.grading.largest_exposures(50),
    "reviews.due": lambda d, f, t: d.reviews.due(within=3650),
    "reviews.counts": lambda d, f, t: d.reviews.counts(within=3650),
    "reviews.schedule_rows": lambda d, f, t: d.reviews.schedule_rows(
        "next_review <= ?", ["2099-01-01"], ("code", "name", "credit_limit"), 1000),
    "reviews.ics": lambda d, f, t: d.reviews.ics(d.reviews.due(within=3650)),
    "warnings.list": lambda d, f, t: d.warnings.list(),
    "warnings.preview": lambda d, f, t: d.warnings.preview(TODAY.date()),
    "warnings.counts": lambda d, f, t: d.warnings.counts(),
    "audit.entries": lambda d, f, t: d.audit.entries(),
    "audit.verify": lambda d, f, t: d.audit.verify().as_dict(),
    "audit_list.page": lambda d, f, t: [r.cells() for r in audit_list.page(d, limit=10**6).rows],
    "audit_list.page:name": lambda d, f, t: [r.cells() for r in audit_list.page(
        d, audit_list.Filter(customer="机密往来")).rows],
    "audit_list.export": lambda d, f, t: _file_bytes(
        t / "log.csv", lambda p: audit_list.export(d, audit_list.Filter(), p)),
    "exports.list": lambda d, f, t: d.exports.list(),
    "exports.verify": lambda d, f, t: d.exports.verify(f["report"].data),
    "export.csv": lambda d, f, t: _file_bytes(
        t / "x.csv", lambda p: exporting.export_customers(d, p)),
    "export.xlsx": lambda d, f, t: _file_bytes(
        t / "x.xlsx", lambda p: exporting.export_customers(d, p)),
    "privacy.retention": lambda d, f, t: d.privacy.retention(datetime.date(2040, 1, 1)),
    "report.reviews": lambda d, f, t: reports.reviews(
        d, datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)).data,
    "report.portfolio": lambda d, f, t: reports.portfolio(d).data,
    "report.audit": lambda d, f, t: reports.audit(d).data,
    "report.verify": lambda d, f, t: reports.verify_file(d, _saved(t, f["report"].data)),
    "report.validation": lambda d, f, t: _validation_report(d, t),
    "evidence.validate_firm": lambda d, f, t: _firm_validation(d),
    "users.list": lambda d, f, t: [u.as_dict() for u in d.users.list()],
    "users.display_names": lambda d, f, t: d.users.display_names(),
    "settings.field_levels": lambda d, f, t: d.settings.field_levels(),
    "outcomes.events": lambda d, f, t: d.outcomes.events(),
    "outcomes.bad_dates": lambda d, f, t: d.outcomes.bad_dates(),
    "outcomes.approved": lambda d, f, t: d.outcomes.approved(),
    "outcomes.observations": lambda d, f, t: d.outcomes.observations(window_months=3),
    "outcomes.migration": lambda d, f, t: d.outcomes.migration(1),
    "outcomes.grades": lambda d, f, t: d.outcomes.grades(),
    "outcomes.inputs": lambda d, f, t: d.outcomes.inputs(
        [g.assessment_id for g in d.outcomes.grades()]),
    "backup.list": lambda d, f, t: [s.as_dict() for s in backup.list_backups(
        backup.config(d).folder)],
}
BY_CODE = {
    "customers.get": lambda d, c: d.customers.get(c),
    "customers.kind_of": lambda d, c: d.customers.kind_of(c),
    "customers.level_of": lambda d, c: d.customers.level_of(c),
    "customers.require_visible": lambda d, c: d.customers.require_visible(c),
    **{f"records.list:{k}": (lambda k: lambda d, c: d.records.list(c, k))(k)
       for k in RECORD_KINDS},
    "records.raw": lambda d, c: d.records.raw(c, "litigation"),
    "documents.list": lambda d, c: d.documents.list(c),
    "documents.content": lambda d, c: d.documents.content(c, 1),
    "grading.list": lambda d, c: d.grading.list(c),
    "grading.history": lambda d, c: d.grading.history(c),
    "grading.credit": lambda d, c: d.grading.credit(c),
    "grading.open_assessment": lambda d, c: d.grading.open_assessment(c),
    "grading.limit_changes": lambda d, c: d.grading.limit_changes(c),
    "grading.evaluate": lambda d, c: d.grading.evaluate(c),
    "grading.facts": lambda d, c: d.grading.facts(c),
    "reviews.state": lambda d, c: d.reviews.state(c),
    "reviews.events": lambda d, c: d.reviews.events(c),
    "warnings.list:code": lambda d, c: d.warnings.list(code=c),
    "audit.entries:customer": lambda d, c: d.audit.entries(customer=c),
    "audit.count:customer": lambda d, c: d.audit.count(customer=c),
    "audit_list.page:customer": lambda d, c: [r.cells() for r in audit_list.page(
        d, customer=c).rows],
    "exports.list:code": lambda d, c: d.exports.list(c),
    "privacy.subject_data": lambda d, c: d.privacy.subject_data(c, "依法答复"),
    "report.customer": lambda d, c: reports.customer(d, c).data,
    "report.audit:customer": lambda d, c: reports.audit(d, customer=c).data,
}
BY_ID = {  # paths that take the id of a row of the hidden file
    "grading.get": lambda d, f: d.grading.get(f["assessment"]),
    "warnings.actions": lambda d, f: d.warnings.actions(f["warning"]),
    "warnings.handle": lambda d, f: d.warnings.handle(f["warning"], "看看", action="action"),
    "exports.get": lambda d, f: d.exports.get(f["report"].number),
}


def _firm_validation(desk):
    """The default card on the firm's outcomes: counts and rates only (the error when
    there are none to count says so, and nothing of a file)."""
    from custdesk.core.grading import evidence
    from custdesk.core.grading.history import HistoryError
    try:
        return evidence.validate_firm(desk, kind="enterprise")
    except HistoryError as exc:
        return str(exc)


def _validation_report(desk, tmp_path):
    """The validation report of a history file: the firm's name and the reader, no file."""
    from custdesk.core.grading import evidence, history
    from custdesk.reports import validation
    from tests import histories
    data = history.read(histories.write(tmp_path / "h.csv", 300), "违约")
    result = evidence.validate_file(desk, "individual-standard", data)
    return validation.make(desk, result).data


def _saved(tmp_path, data: bytes):
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(READERS))
def test_nothing_of_a_secret_file_reaches_a_reader_not_cleared(firm, reader, name, tmp_path):
    desk = reader(name)
    code = firm["code"]
    leaks = {}
    for path, call in SCALAR.items():
        try:
            out = _text(call(desk, firm, tmp_path))
        except AccessDenied:
            continue                      # the path is not this reader's at all
        found = _leaks(out, code)
        if found:
            leaks[path] = found
    for path, call in BY_CODE.items():
        answers = _absent_answer(lambda c: call(desk, c), code)
        if answers[0] != answers[1]:
            leaks[path] = answers
        elif answers[0][0] == "value":
            found = _leaks(answers[0][1], code)
            if found:
                leaks[path] = found
    for path, call in BY_ID.items():
        try:
            out = _text(call(desk, firm))
        except NotFound as exc:
            assert code not in str(exc), path
            continue
        except AccessDenied:
            continue
        leaks[path] = _leaks(out, code) or ["answered"]
    assert leaks == {}


def test_a_cleared_reader_sees_it_so_the_matrix_would_catch_a_leak(firm, tmp_path):
    """The same paths for the manager cleared to 机密: the values are there (the check works)."""
    clock.set_fixed(TODAY)
    with Desk.open(firm["path"], "manager", PASSWORDS["manager"], daily_check=False) as desk:
        seen = _leaks(_text(SCALAR["customers.list"](desk, firm, tmp_path)), firm["code"])
        assert SECRET["name"] in seen and firm["code"] in seen
        assert _leaks(_text(BY_CODE["report.customer"](desk, firm["code"])), firm["code"])
    clock.set_fixed(None)


def test_a_public_reader_cannot_exist_on_a_single_pc_database(firm):
    with Desk.open(firm["path"], ADMIN, PASSWORDS[ADMIN], daily_check=False) as boss:
        with pytest.raises(CustdeskError, match="公开"):
            boss.users.add("receptionist", "clerk", "public", "receptionist-password")


# -- completeness: a new output path fails here until it has an entry ------------------------
MANAGERS = {"customers": CustomerArchive, "records": RecordManager, "documents": DocumentStore,
            "grading": Grading, "reviews": Reviews, "warnings": Warnings, "audit": AuditLog,
            "exports": Exports, "privacy": Privacy, "users": UserManager, "settings": Settings,
            "outcomes": Outcomes}
# Methods that write (their refusals are tested with the access rules) or give no customer
# data, with the reason.
EXEMPT = {
    "customers.add": "writes", "customers.edit": "writes", "customers.allocate": "new ids",
    "customers.write_files": "writes",
    "customers.mark_level": "writes", "audit.file_level": "writes",
    "customers.catalogue": "internal cache behind list/list_rows",
    "records.add": "writes", "records.update": "writes", "records.delete": "writes",
    "documents.add": "writes", "documents.add_file": "writes", "documents.delete": "writes",
    "grading.approve": "writes", "grading.assess": "writes", "grading.decide_limit": "writes",
    "grading.discard": "writes", "grading.reject": "writes", "grading.request_limit": "writes",
    "grading.revise": "writes", "grading.submit": "writes",
    "reviews.done": "writes", "reviews.snooze": "writes", "reviews.set_cycle": "writes",
    "reviews.set_policy": "writes", "reviews.refresh": "writes", "reviews.refresh_all": "writes",
    "reviews.restart": "writes", "reviews.trigger": "writes",
    "reviews.policy": "settings only", "reviews.schedule_count": "a count of visible files",
    "reviews.schedule_per_day": "counts of visible files", "reviews.schedule_holds": "a count",
    "warnings.candidates": "rule results inside a write (files the session reads)",
    "warnings.daily": "writes", "warnings.evaluate": "writes",
    "warnings.enabled_rules": "settings only",
    "audit.append": "writes", "audit.write_head": "writes", "audit.reanchor": "writes",
    "audit.checkpoint": "a hash and a signature", "audit.checkpoint_for": "a hash",
    "audit.check_checkpoint": "checks a given checkpoint", "audit.head": "a hash",
    "audit.head_consistent": "a yes or no", "audit.read_head": "a hash",
    "audit.count": "a count (its per-customer form is in the matrix)",
    "exports.export": "writes (the report bodies are in the matrix)",
    "exports.reserve": "writes (a number; the stamp carries no file's data)",
    "exports.register": "writes", "exports.void": "writes",
    "records.save_statements": "writes", "reviews.save_settings": "writes",
    "privacy.erase": "writes", "privacy.purge": "writes", "privacy.set_years": "writes",
    "privacy.years": "settings only",
    "users.add": "writes", "users.disable": "writes", "users.set_password": "writes",
    "users.update": "writes", "users.exists": "a user name's existence", "users.get": "users only",
    "settings.get": "settings only", "settings.set": "writes",
    "settings.set_field_level": "writes",
    "outcomes.window": "settings only", "outcomes.set_window": "writes",
}


def _covered() -> set[str]:
    names = set()
    for key in [*SCALAR, *BY_CODE, *BY_ID]:
        names.add(key.split(":")[0])
    return names


def test_every_public_method_of_every_manager_has_an_entry():
    missing = []
    for area, cls in MANAGERS.items():
        for name, _value in inspect.getmembers(cls):
            if name.startswith("_"):
                continue
            key = f"{area}.{name}"
            if key not in _covered() and key not in EXEMPT:
                missing.append(key)
    assert missing == [], "an output path without an entry in the disclosure matrix"


REPORT_FUNCTIONS = {"customer", "reviews", "portfolio", "audit", "batch", "verify_file",
                    "validation"}
REPORT_EXEMPT = {"encrypt": "bytes in, bytes out", "write": "writes a file",
                 "write_bytes": "writes a file", "claimed_number": "reads a given file",
                 "checkpoint_of": "reads a given file"}


def test_every_report_has_an_entry():
    public = {n for n, v in inspect.getmembers(reports, inspect.isfunction)
              if not n.startswith("_") and v.__module__ == reports.__name__}
    assert public - REPORT_FUNCTIONS - set(REPORT_EXEMPT) == set()
    assert {"report.customer", "report.reviews", "report.portfolio", "report.audit",
            "report.verify"} <= _covered()


# Commands of the command line: each is a thin layer over core paths above, or writes.
CLI = {
    "init": "writes", "recover": "writes", "demo": "the demo's own users",
    "user add": "writes", "user list": "users.list", "user passwd": "writes",
    "user disable": "writes",
    "customer add": "writes", "customer show": "customers.get", "customer list": "customers.list",
    "customer edit": "writes", "record add": "writes", "record list": "records.list",
    "document add": "writes", "document list": "documents.list",
    "document get": "documents.content", "financials add": "writes", "assess": "grading.get",
    "grade history": "grading.history", "grade show": "grading.credit",
    "grade queue": "grading.queue", "limit request": "writes", "limit approve": "writes",
    "limit reject": "writes", "scorecard list": "no customer data",
    "scorecard show": "no customer data", "scorecard save": "writes",
    "scorecard default": "writes", "scorecard build": "writes",
    "scorecard approve": "writes", "scorecard reject": "writes",
    # Counts and rates over the outcomes the reader may see (or over a file's rows).
    "scorecard validate": "outcomes.events", "reviews due": "reviews.due", "reviews snooze": "writes",
    "reviews done": "writes", "reviews ics": "reviews.ics", "reviews cycle": "writes",
    "warnings": "warnings.list", "settings show": "settings.field_levels",
    "outcomes list": "outcomes.events", "outcomes window": "settings only",
    "settings field-level": "writes", "settings firm": "writes",
    "audit verify": "audit.verify", "audit checkpoint": "a hash",
    "audit reanchor": "writes", "audit log": "audit.entries", "audit export": "audit_list.export",
    "report customer": "report.customer", "report reviews": "report.reviews",
    "report portfolio": "report.portfolio", "report audit": "report.audit",
    "report batch": "report.customer", "report verify": "report.verify",
    "export customers": "export.csv", "privacy export": "privacy.subject_data",
    "privacy erase": "writes", "privacy purge": "privacy.retention",
    "backup list": "backup.list", "backup verify": "no customer data",
    "backup rekey": "writes", "backup config": "settings only", "backup": "writes",
    "backup create": "writes", "backup delete": "writes",
    "restore": "writes", "check": "audit.verify", "import": "writes",
    "office init": "writes", "office migrate": "writes", "office restore": "writes",
    "office export": "writes", "office upgrade": "writes",
}


def _commands() -> list[str]:
    from custdesk.cli.common import build_parser
    found = []

    def walk(parser, prefix=()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
                    if nested:
                        walk(sub, (*prefix, name))
                    if not nested or sub.get_default("handler"):
                        found.append(" ".join((*prefix, name)))
    walk(build_parser())
    return found


def test_every_command_has_an_entry_and_its_paths_are_in_the_matrix():
    assert sorted(set(_commands()) - set(CLI)) == []
    for command, path in CLI.items():
        if "." in path:
            assert path.split(":")[0] in _covered() | {"export.csv"}, (command, path)


def test_the_clerks_command_line_prints_nothing_of_it(firm, monkeypatch, capsys, tmp_path):
    """The commands a clerk can run, their output read back."""
    from custdesk.__main__ import main
    monkeypatch.setenv("CUSTDESK_PASSWORD", READER_PW["clerk"])
    code = firm["code"]
    outputs = []
    for args in (["customer", "list", "--json"], ["customer", "show", code, "--json"],
                 ["record", "list", code, "litigation", "--json"], ["grade", "show", code],
                 ["grade", "queue", "--json"], ["reviews", "due", "--within", "3650", "--json"],
                 ["warnings", "--json"], ["document", "list", code],
                 ["report", "verify", str(_saved(tmp_path, firm["report"].data)), "--json"],
                 ["export", "customers", str(tmp_path / "c.csv")]):
        status = main(["--db", str(firm["path"]), "--user", "clerk", *args])
        out, err = capsys.readouterr()
        outputs.append((args, status, out + err))
    text = "\n".join(o for _a, _s, o in outputs) + (tmp_path / "c.csv").read_text("utf-8-sig")
    assert _leaks(text, code) == [] or _leaks(text, code) == [code]
    # The code itself is only ever echoed back where the clerk typed it (not found).
    for args, status, out in outputs:
        if code in out:
            assert code in args and status == 1, (args, out)
