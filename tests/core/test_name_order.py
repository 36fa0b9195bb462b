"""Lists by name compare pinyin syllable by syllable: 李娜, 李卫东 … before 刘晶, 刘雪."""

from __future__ import annotations

import random
import re
import unicodedata

from hypothesis import given, settings, strategies as st
from pypinyin import Style, lazy_pinyin

from custdesk.core import demo
from custdesk.core.customers.search import SURNAME_READINGS, name_keys

# The hundred commonest surnames, most common first, after the household-registration
# statistics the Ministry of Public Security publishes each year (公安部户政管理研究中心,
# 全国姓名报告; its last places change from year to year: 万 and 欧 came in with 2019).
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐宋许邓冯韩曹曾彭肖蔡潘田董袁于余"
            "叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段"
            "雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫欧")

# The names as they were seen: run together, "liujing" fell between "lina" and "liweidong".
SEEN = ["李娜", "刘晶", "刘雪", "李卫东"]


def syllables(name: str) -> list[tuple[str, int, str]]:
    """The reference, worked out apart from the program: pypinyin's syllable of each
    character with its tone and the character itself (the surname read as a surname:
    曾 zeng, not ceng), compared one syllable after the other."""
    reading = SURNAME_READINGS.get(name[:1])
    tones = ([*reading] if reading else lazy_pinyin(name[:1], style=Style.TONE3)) + \
        lazy_pinyin(name[1:], style=Style.TONE3, neutral_tone_with_five=True)
    return [(t[:-1], int(t[-1]), ch) for t, ch in zip(tones, name, strict=True)]


def letters(name: str) -> list[str]:
    return [s for s, _tone, _ch in syllables(name)]


def key(name: str) -> str:
    return name_keys(name, person=True)[2]


def people(per_surname: int = 3, seed: int = 7) -> list[str]:
    """Each of the hundred commonest surnames with given names of one and two characters."""
    rng = random.Random(seed)
    given = [*demo.GIVEN_ONE["male"], *demo.GIVEN_ONE["female"], *demo.GIVEN_TWO["male"],
             *demo.GIVEN_TWO["female"]]
    assert len(set(SURNAMES)) == 100
    return [surname + rng.choice(given) for surname in SURNAMES for _ in range(per_surname)]


def surname_runs(ordered: list[str]) -> list[str]:
    return [n[0] for i, n in enumerate(ordered) if i == 0 or n[0] != ordered[i - 1][0]]


def test_the_hundred_commonest_surnames_sort_as_their_syllables():
    names = people() + SEEN
    ordered = sorted(names, key=key)
    assert [syllables(n) for n in ordered] == sorted(syllables(n) for n in names)
    # Each surname's files stand together, homophones too (黎 li2 before 李 li3; 于 and 余),
    # and the surnames follow their pinyin: no surname comes back after another began.
    runs = surname_runs(ordered)
    assert len(runs) == 100
    assert [letters(s) for s in runs] == sorted(letters(s) for s in runs)
    assert runs.index("黎") < runs.index("李") < runs.index("刘") < runs.index("龙")


def test_the_names_seen_split_no_more():
    assert sorted(SEEN, key=key) == ["李娜", "李卫东", "刘晶", "刘雪"]
    # What the list sorted on before: the syllables run together.
    assert sorted(SEEN, key=lambda n: "".join(lazy_pinyin(n))) == ["李娜", "刘晶", "刘雪", "李卫东"]


def test_a_name_before_the_longer_names_it_starts():
    assert sorted(["李娜娜", "李娜", "李"], key=key) == ["李", "李娜", "李娜娜"]
    assert sorted(["王安", "万安"], key=key) == ["万安", "王安"]          # wan < wang
    assert sorted(["张安", "章安", "张"], key=key) == ["张", "张安", "章安"]   # the same reading


def test_latin_and_mixed_names_sort_among_the_pinyin():
    names = ["Zhang Wei", "Acme Trading", "李 Anna", "李娜", "Lisa Wong", "刘晶", "安娜", "3M 中国",
             "acme trading", "IBM（中国）有限公司"]
    ordered = sorted(names, key=lambda n: name_keys(n)[2])
    assert ordered == ["3M 中国", "Acme Trading", "acme trading", "安娜", "IBM（中国）有限公司",
                       "李 Anna", "李娜", "Lisa Wong", "刘晶", "Zhang Wei"]


def test_tones_then_characters_keep_each_surname_together():
    # 黎 li2 before 李 li3 before 厉 li4, each with all its given names.
    names = ["李明", "黎娜", "厉明", "李娜", "黎明", "里娜"]
    assert sorted(names, key=key) == ["黎明", "黎娜", "李明", "李娜", "里娜", "厉明"]
    assert key("张伟") != key("张玮")


_CHARS = SURNAMES + demo.GIVEN_ONE["male"] + demo.GIVEN_ONE["female"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(_CHARS, min_size=2, max_size=4), min_size=2, max_size=20))
def test_any_names_sort_as_their_syllables(names):
    ordered = sorted(names, key=key)
    readings = [syllables(n) for n in ordered]
    assert readings == sorted(readings)
    runs = surname_runs(ordered)
    assert len(runs) == len(set(runs))


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=12))
def test_any_text_has_a_sort_key_made_of_its_syllables(name):
    """Whatever a name holds: its sort key is its syllables one by one (letters, a space,
    a tone, at most one character), then "!" and the name; the letters run together are
    its full pinyin, their first letters its initials."""
    initials, full, sort = name_keys(name)
    head, _, tail = sort.partition("!")
    assert tail == unicodedata.normalize("NFKC", name).strip()
    units = re.findall(r"([0-9a-z]+) ([0-5])([^0-9a-z! ]?)", head)
    assert "".join(f"{w} {t}{c}" for w, t, c in units) == head
    assert "".join(w for w, _t, _c in units) == full
    assert "".join(w[0] for w, _t, _c in units) == initials


def test_the_list_on_screen_and_its_sealed_files(desk, open_as):
    """The customer list through core: clear files from SQL, sealed (秘密) files from the
    catalogue, merged in one order; 李 files together before 刘."""
    names = people(per_surname=1, seed=3) + SEEN
    for i, name in enumerate(names):
        desk.customers.add({"kind": "individual", "name": name, "level": 2 if i % 7 == 0 else 1})
    desk.customers.add({"kind": "enterprise", "name": "Lisa Wong Trading"})
    rows, total = desk.customers.list_rows(limit=1000)
    listed = [r[2] for r in rows]
    assert total == len(names) + 1
    people_listed = [n for n in listed if n != "Lisa Wong Trading"]
    assert [syllables(n) for n in people_listed] == sorted(syllables(n) for n in names)
    li = [i for i, n in enumerate(listed) if n[0] == "李"]
    liu = [i for i, n in enumerate(listed) if n[0] == "刘"]
    assert li == list(range(li[0], li[-1] + 1)) and li[-1] < liu[0]
    assert li[-1] < listed.index("Lisa Wong Trading") < liu[0]
    # The same order a page at a time (the index walk stops at the limit) and for a clerk
    # who sees only the files in clear.
    assert [r[2] for r in desk.customers.list_rows(limit=20)[0]] == listed[:20]
    clerk = open_as("clerk")
    shown = [r[2] for r in clerk.customers.list_rows(limit=1000)[0]]
    assert shown == [n for n in listed if n in shown] and len(shown) < len(listed)
    # A file renamed takes its new place.
    code = next(r[0] for r in rows if r[2] == "李娜")
    desk.customers.edit(code, {"name": "刘娜"})
    after = [r[2] for r in desk.customers.list_rows(limit=1000)[0]]
    assert after.index("刘晶") < after.index("刘娜") and "李娜" not in after
