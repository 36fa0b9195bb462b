"""A user added with the defaults can work: their clearance is the level new files get."""

from __future__ import annotations

import pytest

from custdesk.core import i18n
from custdesk.core.desk import Desk
from custdesk.core.errors import ValidationError
from custdesk.core.fields import DEFAULT_FILE_LEVEL, LEVELS
from custdesk.core.users import DEFAULT_CLEARANCE, MIN_FILE_CLEARANCE, clearance_explained

PASSWORD = "mei-has-a-long-password"


def test_default_clearance_is_the_default_file_level():
    assert DEFAULT_CLEARANCE == max(MIN_FILE_CLEARANCE, DEFAULT_FILE_LEVEL)
    assert DEFAULT_CLEARANCE >= DEFAULT_FILE_LEVEL


def test_user_added_with_defaults_sees_and_saves_files(desk, db_target):
    code = desk.customers.add({"kind": "individual", "name": "王芳"}).code
    assert desk.customers.get(code)["level"] == LEVELS[DEFAULT_FILE_LEVEL]
    desk.users.add("mei", "clerk", None, PASSWORD, "林美")
    assert desk.users.get("mei").clearance == DEFAULT_CLEARANCE
    [entry] = desk.audit.entries(where="action = 'user.add' AND object = 'mei'")
    assert entry["summary"]["clearance"] == LEVELS[DEFAULT_CLEARANCE]
    desk.close()

    with Desk.open(db_target, "mei", PASSWORD) as mei:
        assert mei.user.clearance == DEFAULT_CLEARANCE
        codes = [row["code"] for row in mei.customers.list(limit=50)]
        assert code in codes                       # the file the administrator made
        own = mei.customers.add({"kind": "enterprise", "name": "甲乙商贸有限公司"}).code
        assert mei.customers.get(own)["level"] == LEVELS[DEFAULT_FILE_LEVEL]
        assert own in [row["code"] for row in mei.customers.list(limit=50)]


def test_public_clearance_still_refused(desk):
    with pytest.raises(ValidationError):
        desk.users.add("pub", "clerk", "public", PASSWORD)


def test_clearance_explained_follows_the_field_levels(desk):
    levels = desk.access.field_levels()
    internal = clearance_explained(1, levels)
    confidential = clearance_explained(2, levels)
    # By default an ID number needs 秘密: masked for 内部, revealable for 秘密.
    assert levels["id_number"] == 2
    assert "“公开”、“内部”" in internal and "“秘密”" not in internal.split("。")[0]
    assert "证件号码" in internal.split("始终遮盖：")[1]
    assert "始终遮盖" not in clearance_explained(3, levels)
    assert "证件号码" in confidential.split("可显示：")[1].split("。")[0]
    # A manager lowering the ID number's level shows in the explanation at once.
    desk.settings.set_field_level("id_number", "internal")
    assert "证件号码" in clearance_explained(1, desk.access.field_levels()).split("可显示：")[1]
    i18n.set_language("en")
    text = clearance_explained(1, levels)
    assert "“Public”, “Internal”" in text and "Always masked: ID number, bank card, income" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_clearance_explained_says_which_customers_a_role_cannot_grade(desk):
    levels = desk.access.field_levels()
    # A person's grading reads their income (秘密 by default): a clerk at 内部 cannot.
    clerk = clearance_explained(1, levels, "clerk")
    assert "不能评级或审批个人客户" in clerk and "收入" in clerk.split("不能评级")[1]
    assert "企业客户" not in clerk
    assert "不能评级" not in clearance_explained(2, levels, "clerk")
    assert "不能评级" not in clearance_explained(1, levels, "auditor")   # grades nothing
    assert clearance_explained(1, levels) == clearance_explained(1, levels, "auditor")
    i18n.set_language("en")
    assert "Cannot grade or approve individual customers" in \
        clearance_explained(1, levels, "reviewer")
