"""`custdesk user add` without --clearance gives the clearance new files need."""

from __future__ import annotations

import json

from custdesk.cli import main
from custdesk.core.fields import DEFAULT_FILE_LEVEL, LEVELS
from custdesk.core.users import DEFAULT_CLEARANCE
from tests.conftest import ADMIN_PW


def run(monkeypatch, capsys, db, *args, user="boss", password=ADMIN_PW, env=None):
    for var in ("CUSTDESK_DB", "CUSTDESK_USER", "CUSTDESK_PASSWORD", "CUSTDESK_NEW_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    with monkeypatch.context() as m:
        m.setenv("CUSTDESK_PASSWORD", password)
        for key, value in (env or {}).items():
            m.setenv(key, value)
        status = main(["--db", str(db), "--user", user, *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_user_add_without_clearance_can_work(db_path, monkeypatch, capsys):
    status, out, _ = run(monkeypatch, capsys, db_path, "customer", "add", "--kind", "individual",
                         "--name", "王芳")
    assert status == 0
    code = out.strip()
    status, _, err = run(monkeypatch, capsys, db_path, "user", "add", "mei", "--role", "clerk",
                         env={"CUSTDESK_NEW_PASSWORD": "copper-lantern-meadow"})
    assert status == 0 and "内部" in err          # the message says what she was given
    users = {u["name"]: u for u in json.loads(run(monkeypatch, capsys, db_path, "user", "list",
                                                  "--json")[1])}
    assert users["mei"]["clearance"] == LEVELS[DEFAULT_CLEARANCE] == LEVELS[DEFAULT_FILE_LEVEL]

    as_mei = {"user": "mei", "password": "copper-lantern-meadow"}
    status, out, _ = run(monkeypatch, capsys, db_path, "customer", "list", "--json", **as_mei)
    assert status == 0 and code in out
    status, out, err = run(monkeypatch, capsys, db_path, "customer", "add", "--kind",
                           "enterprise", "--name", "甲乙商贸有限公司", **as_mei)
    assert status == 0, err
    status, out, _ = run(monkeypatch, capsys, db_path, "customer", "list", "--json", **as_mei)
    assert "甲乙商贸有限公司" in out
