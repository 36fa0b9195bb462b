"""Search: any substring of a name (two characters too), pinyin, code, phone tail, ID numbers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from custdesk.core.customers.search import name_grams, name_key, pinyin_keys


@pytest.fixture
def people(desk):
    specs = [
        ("张伟", "13800001234", "individual"), ("张伟", "13900005678", "individual"),
        ("王芳", "13700009999", "individual"), ("欧阳娜娜", None, "individual"),
        ("张伟明", None, "individual"), ("上海恒泰贸易有限公司", "021-52345678", "enterprise"),
        ("Zhang Wei Trading", None, "enterprise"),
    ]
    return {f"{name}{i}": desk.customers.add({"kind": kind, "name": name, "phone": phone}).code
            for i, (name, phone, kind) in enumerate(specs)}


def names(desk, text):
    return sorted(row["name"] for row in desk.customers.list(text))


def test_two_character_name(desk, people):
    assert names(desk, "张伟") == ["张伟", "张伟", "张伟明"]


def test_one_character_and_inner_substrings(desk, people):
    assert names(desk, "芳") == ["王芳"]
    assert names(desk, "阳娜") == ["欧阳娜娜"]
    assert names(desk, "恒泰贸易") == ["上海恒泰贸易有限公司"]
    assert names(desk, "伟明") == ["张伟明"]
    assert names(desk, "泰恒") == []  # pieces present, order wrong


def test_pinyin_initials_and_full_pinyin(desk, people):
    assert names(desk, "zw") == ["Zhang Wei Trading", "张伟", "张伟", "张伟明"]
    assert names(desk, "ZWM") == ["张伟明"]
    assert names(desk, "wangfang") == ["王芳"]
    assert names(desk, "oyn") == ["欧阳娜娜"]


def test_code_prefix_and_bare_number(desk, people):
    code = people["王芳2"]
    assert [r["code"] for r in desk.customers.list(code)] == [code]
    assert code in [r["code"] for r in desk.customers.list(code.lower())]
    assert code in [r["code"] for r in desk.customers.list(str(int(code[1:])))]


def test_phone_tail(desk, people):
    assert names(desk, "5678") == ["上海恒泰贸易有限公司", "张伟"]
    assert names(desk, "9999") == ["王芳"]


def test_full_width_and_spaces_in_the_query(desk, people):
    assert names(desk, " 张 伟 ") == ["张伟", "张伟", "张伟明"]
    assert names(desk, "５６７８") == ["上海恒泰贸易有限公司", "张伟"]


def test_results_in_pinyin_order(desk, people):
    assert [r["name"] for r in desk.customers.list("")][:3] == ["欧阳娜娜", "上海恒泰贸易有限公司",
                                                                 "王芳"]


def test_no_match_and_wildcards_are_literal(desk, people):
    assert desk.customers.list("李") == []
    assert desk.customers.list("%") == []
    assert desk.customers.list("_") == []


def test_pinyin_keys():
    assert pinyin_keys("张伟") == ("zw", "zhangwei")
    assert pinyin_keys("ABC贸易") == ("amy", "abcmaoyi")
    assert name_key("Ｚhang　Wei") == "zhangwei"
    assert name_grams("张伟明") == {"张", "伟", "明", "张伟", "伟明"}


def test_surnames_read_as_surnames():
    assert pinyin_keys("曾伟", person=True) == ("zw", "zengwei")
    assert pinyin_keys("单雄信", person=True)[1] == "shanxiongxin"
    assert pinyin_keys("尉迟恭", person=True) == ("ycg", "yuchigong")
    assert pinyin_keys("曾经公司")[1] == "cengjinggongsi"  # an enterprise name is not a person


def test_person_sorted_and_found_by_surname_reading(desk):
    code = desk.customers.add({"kind": "individual", "name": "曾伟"}).code
    desk.customers.add({"kind": "individual", "name": "蔡明"})
    assert [r["code"] for r in desk.customers.list("zw")] == [code]
    assert [r["name"] for r in desk.customers.list("")] == ["蔡明", "曾伟"]


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(CJK, min_size=2, max_size=6), data=st.data())
def test_every_substring_of_a_name_finds_it(desk, name, data):
    code = desk.customers.add({"kind": "individual", "name": name}).code
    start = data.draw(st.integers(0, len(name) - 1))
    end = data.draw(st.integers(start + 1, len(name)))
    assert code in [r["code"] for r in desk.customers.list(name[start:end])]
