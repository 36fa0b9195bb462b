"""The demo database: invented but plausible customers, built through the public API.

``generate`` makes plain-data customer specs (deterministic for a seed);
``populate`` files them through ``desk.customers`` and ``desk.records`` so every
value is validated and every change audited, exactly as a clerk's would be;
``ensure_demo`` builds the whole demo database once, out of sight, and moves it
into place only when it is complete.

Every person, firm, ID number and credit code here is made up. The ID numbers and
credit codes carry real region codes and correct check characters so that they
pass validation; they are not anyone's.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import math
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from pypinyin import lazy_pinyin

from .validation import USCC_ALPHABET, id_check_char, phone_allocated, uscc_check_char

# Public on purpose: the login screen shows them as a hint. Never reuse them elsewhere.
DEMO_PASSWORDS: dict[str, str] = {
    "admin": "demo-admin-2026",
    "manager": "demo-manager-2026",
    "reviewer": "demo-reviewer-2026",
    "clerk": "demo-clerk-2026",
    "auditor": "demo-auditor-2026",
}
# name -> (role, clearance, full name)
DEMO_USERS: dict[str, tuple[str, str, str]] = {
    "admin": ("admin", "secret", "周建国"),
    "manager": ("manager", "secret", "李秀英"),
    "reviewer": ("reviewer", "confidential", "王海燕"),
    "clerk": ("clerk", "internal", "赵磊"),
    "auditor": ("auditor", "confidential", "孙丽华"),
}
DEMO_FIRM = "示范商贸有限公司"

def periods(as_of: datetime.date) -> tuple[str, ...]:
    """The three whole years of statements a firm has filed by ``as_of``."""
    return tuple(str(as_of.year - n) for n in (3, 2, 1))


# The day the demo data is written around ("today" of the invented history) unless another
# is given: the tests' and the benchmarks' day. The demo a person opens is written around
# the day it is made (``ensure_demo``), so that what is due and overdue reads as it should.
AS_OF = datetime.date(2026, 11, 22)


# -- places ---------------------------------------------------------------------------
# (GB/T 2260 county code, city, district as written in an address, landline area code)
REGIONS: tuple[tuple[str, str, str, str], ...] = (
    ("110105", "北京", "北京市朝阳区", "010"),
    ("110108", "北京", "北京市海淀区", "010"),
    ("120101", "天津", "天津市和平区", "022"),
    ("130102", "石家庄", "河北省石家庄市长安区", "0311"),
    ("140105", "太原", "山西省太原市小店区", "0351"),
    ("210102", "沈阳", "辽宁省沈阳市和平区", "024"),
    ("220102", "长春", "吉林省长春市南关区", "0431"),
    ("230103", "哈尔滨", "黑龙江省哈尔滨市南岗区", "0451"),
    ("310104", "上海", "上海市徐汇区", "021"),
    ("310115", "上海", "上海市浦东新区", "021"),
    ("320106", "南京", "江苏省南京市鼓楼区", "025"),
    ("320505", "苏州", "江苏省苏州市虎丘区", "0512"),
    ("330106", "杭州", "浙江省杭州市西湖区", "0571"),
    ("330203", "宁波", "浙江省宁波市海曙区", "0574"),
    ("330782", "义乌", "浙江省义乌市", "0579"),
    ("340104", "合肥", "安徽省合肥市蜀山区", "0551"),
    ("350102", "福州", "福建省福州市鼓楼区", "0591"),
    ("350203", "厦门", "福建省厦门市思明区", "0592"),
    ("360102", "南昌", "江西省南昌市东湖区", "0791"),
    ("370102", "济南", "山东省济南市历下区", "0531"),
    ("370202", "青岛", "山东省青岛市市南区", "0532"),
    ("410105", "郑州", "河南省郑州市金水区", "0371"),
    ("420106", "武汉", "湖北省武汉市武昌区", "027"),
    ("430104", "长沙", "湖南省长沙市岳麓区", "0731"),
    ("440106", "广州", "广东省广州市天河区", "020"),
    ("440305", "深圳", "广东省深圳市南山区", "0755"),
    ("441900", "东莞", "广东省东莞市", "0769"),
    ("450103", "南宁", "广西壮族自治区南宁市青秀区", "0771"),
    ("500103", "重庆", "重庆市渝中区", "023"),
    ("510107", "成都", "四川省成都市武侯区", "028"),
    ("520103", "贵阳", "贵州省贵阳市云岩区", "0851"),
    ("530102", "昆明", "云南省昆明市五华区", "0871"),
    ("610113", "西安", "陕西省西安市雁塔区", "029"),
)
# Province abbreviations used in court case numbers, by the first two digits.
PROVINCE_ABBR = {"11": "京", "12": "津", "13": "冀", "14": "晋", "21": "辽", "22": "吉",
                 "23": "黑", "31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽",
                 "36": "赣", "37": "鲁", "41": "豫", "42": "鄂", "43": "湘", "44": "粤",
                 "45": "桂", "50": "渝", "51": "川", "52": "黔", "53": "云", "61": "陕"}
HOMETOWNS = ("河北保定", "山东临沂", "河南周口", "安徽阜阳", "四川南充", "湖南衡阳", "江西赣州",
             "湖北黄冈", "江苏盐城", "浙江温州", "广东梅州", "福建莆田", "山西大同", "辽宁锦州",
             "黑龙江齐齐哈尔", "陕西宝鸡", "重庆万州", "广西桂林", "云南曲靖", "贵州遵义")
STREETS = ("人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "胜利路", "文化路",
           "长江路", "黄河路", "科技路", "创业大道", "工业园路", "滨江路", "光明街", "幸福路",
           "迎宾大道", "南京路", "朝阳路", "学府路", "花园街", "商业街", "金融街", "东风路")

# -- people -----------------------------------------------------------------------------
# Common surnames, weighted roughly by frequency, and a few two-character ones.
SURNAMES = ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高")
SURNAME_WEIGHTS = (72, 71, 70, 55, 47, 32, 24, 20, 20, 19,
                   15, 15, 13, 12, 12, 11, 10, 10, 9, 9)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
GIVEN_ONE = {
    "male": "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰建国志文海东亮成",
    "female": "芳娜敏静丽艳娟霞秀玲英慧倩婷雪琳颖洁燕红萍梅晶莉兰月佳欣怡丹蕾薇璐",
}
GIVEN_TWO = {
    "male": ("建国", "志强", "建华", "国华", "晓明", "文博", "浩然", "子轩", "宇航", "俊杰",
             "家豪", "志明", "海涛", "永刚", "立新", "学军", "振华", "德明", "国庆", "红军",
             "鹏飞", "嘉诚", "天佑", "明轩", "思远", "一鸣", "博文", "晨阳", "子豪", "卫东"),
    "female": ("秀英", "桂英", "海燕", "丽华", "玉兰", "春梅", "淑珍", "晓燕", "雨涵", "欣怡",
               "子涵", "诗琪", "梦瑶", "思雨", "佳怡", "婉清", "雪梅", "丽娟", "秀兰", "美玲",
               "晓丽", "静怡", "慧敏", "文静", "若曦", "一诺", "梓萱", "可馨", "红梅", "凤英"),
}
# Same name, different people: the search and the list must tell them apart by more
# than the name. (individual number -> (name, gender))
DUPLICATE_NAMES = {1: ("张伟", "male"), 6: ("张伟", "male"), 2: ("王芳", "female"),
                   11: ("王芳", "female"), 20: ("李娜", "female"), 60: ("李娜", "female"),
                   35: ("刘洋", "male"), 90: ("刘洋", "male")}
POSITIONS = ("职员", "工程师", "销售经理", "会计", "教师", "医生", "护士", "店长", "司机",
             "设计师", "项目经理", "行政主管", "个体经营", "技术员", "采购专员", "主管")
EMAIL_HOSTS = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                   "151", "152", "153", "155", "156", "157", "158", "159", "166", "173",
                   "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
                   "198", "199")

# -- firms ------------------------------------------------------------------------------
BRANDS = ("恒泰", "华信", "鼎盛", "宏远", "瑞丰", "金桥", "汇通", "永兴", "德润", "嘉禾",
          "中恒", "天成", "博远", "信达", "新源", "隆盛", "安泰", "聚鑫", "润发", "海纳",
          "同创", "卓越", "兴业", "万通", "锦程", "盛世", "华晨", "和顺", "益民", "晨光",
          "东方", "远航", "联华", "正泰", "明达", "通达", "利源", "宝丰", "富康", "久隆")
# industry -> (name words, business scope, typical licences)
INDUSTRIES: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "批发零售": (("贸易", "商贸", "百货", "供应链"),
             "日用百货、五金交电、电子产品、办公用品的批发与零售；货物进出口。",
             ("对外贸易经营者备案登记表", "食品经营许可证")),
    "制造业": (("机械制造", "电子科技", "塑胶制品", "精密模具", "包装材料"),
            "机械设备、电子元器件、塑料制品的研发、生产与销售；技术服务。",
            ("排污许可证", "安全生产许可证", "ISO 9001 质量管理体系认证证书")),
    "建筑业": (("建筑工程", "建设工程", "装饰工程", "市政工程"),
            "房屋建筑工程、市政公用工程、建筑装修装饰工程施工；劳务分包。",
            ("建筑业企业资质证书", "安全生产许可证")),
    "软件和信息技术服务": (("软件技术", "信息技术", "网络科技", "数据科技"),
                  "软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储服务。",
                  ("高新技术企业证书", "ISO 27001 信息安全管理体系认证证书")),
    "餐饮": (("餐饮管理", "餐饮服务", "食品"),
           "餐饮服务；餐饮管理；食品销售；外卖递送服务。",
           ("食品经营许可证", "公共场所卫生许可证")),
    "物流运输": (("物流", "供应链管理", "货运代理", "运输"),
             "普通货物道路运输；仓储服务（不含危险化学品）；国内货物运输代理。",
             ("道路运输经营许可证", "仓储经营备案证明")),
    "农副产品加工": (("农产品加工", "粮油", "食品", "生态农业"),
               "农副产品收购、初加工与销售；粮油制品、预包装食品的生产与销售。",
               ("食品生产许可证", "粮食收购许可证")),
    "医药销售": (("医药", "药业", "医疗器械"),
             "药品、医疗器械的批发与零售；保健食品销售。",
             ("药品经营许可证", "医疗器械经营许可证")),
}
INDUSTRY_WEIGHTS = (28, 20, 12, 12, 8, 10, 6, 4)
CONTACT_POSITIONS = ("总经理", "财务经理", "采购经理", "出纳", "财务总监", "法务专员",
                     "销售总监", "行政经理", "副总经理")

# -- events -----------------------------------------------------------------------------
COMMUNICATION_TOPICS = (
    "电话确认本月对账单，对方无异议。",
    "上门拜访，了解近期经营情况，客户表示订单稳定。",
    "微信沟通下季度采购计划，约定下周报价。",
    "邮件发送合同续签文本，等待对方法务审核。",
    "催收到期货款，对方承诺月底前付清。",
    "客户来访，洽谈提高授信额度事宜。",
    "电话回访售后服务满意度，客户反馈良好。",
    "会议讨论付款方式调整，由月结改为票据结算。",
    "提醒对方更新营业执照及资质证照复印件。",
    "沟通发票抬头变更事宜，已按新信息开具。",
)
COMPLAINT_SUBJECTS = (
    ("到货延迟", "订单约定七日内到货，实际延迟五日，影响客户生产安排。", "协调物流加急补发，并给予运费减免。"),
    ("发票信息有误", "开具的增值税发票税号错误，客户无法抵扣。", "已作废重开并快递寄出。"),
    ("产品质量问题", "部分批次包装破损，客户要求退换。", "安排退换货，质检部门复核该批次。"),
    ("对账差异", "客户对账金额与我方记录相差一笔货款。", "核对银行流水后确认为重复入账，已更正。"),
    ("服务态度", "客户反映业务员电话沟通态度生硬。", "已向客户致歉并对相关人员进行培训。"),
)
LITIGATION_CAUSES = ("买卖合同纠纷", "借款合同纠纷", "租赁合同纠纷", "建设工程施工合同纠纷",
                     "劳动争议", "服务合同纠纷", "承揽合同纠纷")
CREDIT_SOURCES = ("中国人民银行征信中心", "百行征信", "合作银行", "本公司记录", "行业协会")
COURT_NOTES = ("一审审理中", "已调解结案", "已判决，对方已履行", "执行阶段", "等待开庭")


# ---------------------------------------------------------------------------- helpers

def yuan(fen: int) -> str:
    """Integer fen as the yuan string the money fields take: 1234567 -> '12345.67'."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{whole}.{cents:02d}"


def _fen(rng: random.Random, low_yuan: float, high_yuan: float, *, log: bool = True,
         round_to: int = 1) -> int:
    """A random amount in fen between two yuan bounds (log-uniform by default)."""
    if log:
        value = math.exp(rng.uniform(math.log(low_yuan), math.log(high_yuan)))
    else:
        value = rng.uniform(low_yuan, high_yuan)
    fen = int(value * 100)
    return max(round_to, fen // round_to * round_to)


def _date_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"


def _landline(rng: random.Random, area: str) -> str:
    """A local number in a range the numbering plan has allocated (others draw a warning),
    of 7 digits where the city's have 7."""
    while True:
        number = f"{rng.randint(2, 8)}{rng.randint(0, 9_999_999):07d}"
        for local in (number, number[:7]):
            if phone_allocated(area + local):
                return f"{area}-{local}"


def resident_id(region: str, birth: datetime.date, sequence: int, male: bool) -> str:
    """A GB 11643 ID number: region, birth date, 2 sequence digits, a gender digit
    (odd for men), and the check character."""
    gender_digit = 2 * (sequence % 5) + (1 if male else 0)
    first17 = f"{region}{birth:%Y%m%d}{sequence // 5 % 100:02d}{gender_digit}"
    return first17 + id_check_char(first17)


def _org_code_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code body."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body]
    check = 11 - sum(v * w for v, w in zip(values, weights)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code(rng: random.Random, region: str, founded: datetime.date) -> str:
    """A GB 32100 code for a company (91: registered by market regulation, enterprise):
    region code, a 9-character organisation code and the check character."""
    if founded.year >= 2016:   # codes issued since the 2015 reform: 'MA' and letters
        body = "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = "91" + region + body + _org_code_check(body)
    return first17 + uscc_check_char(first17)


def _person_name(rng: random.Random, gender: str, two_char_share: float = 0.45) -> str:
    if rng.random() < 0.03:
        surname = rng.choice(COMPOUND_SURNAMES)
    else:
        surname = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]
    if rng.random() < two_char_share:
        return surname + rng.choice(GIVEN_ONE[gender])
    return surname + rng.choice(GIVEN_TWO[gender])


def _address(rng: random.Random, district: str) -> str:
    tail = rng.choice(("", f"{rng.randint(2, 28)}楼", f"{rng.randint(1, 12)}栋{rng.randint(101, 2608)}室",
                       f"{rng.choice('ABCD')}座{rng.randint(3, 30)}层"))
    return f"{district}{rng.choice(STREETS)}{rng.randint(1, 999)}号{tail}"


def _choose(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), list(weighted.values()))[0]


# ------------------------------------------------------------------------------ generate

def generate(count: int = 300, seed: int = 20261122, as_of: datetime.date = AS_OF) -> list[dict]:
    """``count`` customer specs: ``{"values": {...}, "records": {kind: [values, ...]}}``.

    Plain data only (str, int, bool); money is given in yuan strings and dates as
    'YYYY-MM-DD', as a clerk would type them. The same seed gives the same specs.
    """
    rng = random.Random(seed)
    used_ids: set[str] = set()
    used_codes: set[str] = set()
    used_firms: set[str] = set()
    counters = {"invoice": 0, "payment": 0, "individual": 0}
    late = _late_payers(count, seed)
    specs = []
    for number in range(count):
        if rng.random() < 0.45:
            spec = _enterprise(rng, used_codes, used_firms, as_of)
        else:
            counters["individual"] += 1
            spec = _individual(rng, used_ids, counters["individual"], as_of)
        spec["records"].update(_history(rng, spec, counters, as_of, late.get(number)))
        specs.append({"values": spec["values"],
                      "records": {k: v for k, v in spec["records"].items() if v}})
    papers = random.Random(seed + 1)    # its own stream: the files above stay as they were
    for spec in specs:
        spec["documents"] = _papers(papers, spec["values"], as_of)
    _pledge(random.Random(seed + 3), specs[:count - _newcomer_count(count)], as_of)
    return specs


# How many days the oldest unpaid invoice of the customers who pay late is past due: a few
# of each warning colour (over 30 days yellow, over 60 orange, over 90 red).
LATE_PAYMENT_DAYS = (34, 41, 52, 58, 64, 71, 83, 96, 104)
LATE_PAYER_SHARE = 0.03


def _late_payers(count: int, seed: int) -> dict[int, int]:
    """Spec number -> days past due, for the few customers who pay late (none of the
    newcomers, whose history is short): chosen on a stream of their own."""
    late = max(1, round(count * LATE_PAYER_SHARE)) if count >= 10 else 0
    numbers = random.Random(seed + 2).sample(range(count - _newcomer_count(count)), late)
    return {n: LATE_PAYMENT_DAYS[i * len(LATE_PAYMENT_DAYS) // late]
            for i, n in enumerate(sorted(numbers))}


# Guarantees and collateral behind about a fifth of the files (none of the newcomers'):
# valued before the files were opened, in force for years, but for a few items that expire
# within 30 days and a few files whose cover falls short of the amount it secures.
COLLATERAL_SHARE = 0.2
GUARANTORS = ("个人连带责任保证", "关联企业连带责任保证", "法定代表人个人保证")
PLEDGES = ("应收账款质押", "存货质押", "股权质押", "定期存单质押")
# kind -> haircut range (percent of the value)
HAIRCUTS = {"guarantee": (30, 50), "real_estate": (30, 40), "pledge": (40, 60),
            "deposit": (0, 0), "other": (50, 60)}


def _pledge(rng: random.Random, specs: list[dict], as_of: datetime.date) -> None:
    """Collateral records for about ``COLLATERAL_SHARE`` of ``specs`` (added to their
    records): each states the amount it secures, within its cover, except in a few files
    (short cover); a few items expire within 30 days of ``as_of``."""
    holders = [spec for spec in specs if rng.random() < COLLATERAL_SHARE]
    # (Each such file shows a warning: a few, not a wall of them.)
    soon, few = (max(1, len(holders) // 50), max(1, len(holders) // 25)) if holders else (0, 0)
    chosen = rng.sample(range(len(holders)), min(len(holders), soon + few))
    expiring, short = set(chosen[:soon]), set(chosen[soon:])
    opened = as_of - _days(OPENED_DAYS_BEFORE)
    for number, spec in enumerate(holders):
        enterprise = spec["values"]["kind"] == "enterprise"
        items = []
        for index in range(rng.choice((1, 1, 1, 2))):
            kind = _choose(rng, {"guarantee": 30, "real_estate": 30, "pledge": 15, "deposit": 20,
                                 "other": 5} if enterprise else
                           {"guarantee": 50, "real_estate": 35, "deposit": 15})
            if kind == "guarantee":
                provider = (f"{rng.choice(REGIONS)[1]}{rng.choice(BRANDS)}投资有限公司"
                            if enterprise and rng.random() < 0.5 else
                            f"{_person_name(rng, rng.choice(('male', 'female')))}"
                            f"（{rng.choice(GUARANTORS)}）")
            elif kind == "real_estate":
                provider = f"{_address(rng, rng.choice(REGIONS)[2])}房产"
            elif kind == "pledge":
                provider = rng.choice(PLEDGES)
            elif kind == "deposit":
                provider = "保证金专户"
            else:
                provider = rng.choice(("机器设备抵押", "车辆抵押"))
            value = _fen(rng, 200_000, 5_000_000, round_to=10_000_00) if enterprise else                 _fen(rng, 50_000, 1_500_000, round_to=1_000_00)
            haircut = rng.randint(*HAIRCUTS[kind])
            cover = value * (100 - haircut) // 100
            secured = int(cover * rng.uniform(0.5, 0.95)) if number not in short \
                else int(cover / rng.uniform(0.6, 0.9))
            valued = opened - _days(rng.randint(10, 365))
            expires = as_of + _days(rng.randint(3, 28)) if number in expiring \
                else as_of + _days(rng.randint(90, 5 * 365))
            items.append({"kind": kind, "provider": provider, "value": yuan(value),
                          "valued_on": valued.isoformat(), "haircut": haircut,
                          "expires_on": expires.isoformat(),
                          "secured_amount": yuan(secured // 100_00 * 100_00)})
        spec["records"]["collateral"] = items


def _papers(rng: random.Random, values: dict, as_of: datetime.date) -> list[dict]:
    """The identity paper a file must hold (nearly every file has it; a few expire soon or
    have: a firm in good order, whose list of warnings is short)."""
    if rng.random() < 0.02:
        return []
    enterprise = values["kind"] == "enterprise"
    kind = "business_licence" if enterprise else "id_card"
    title = "营业执照副本（演示）" if enterprise else "身份证复印件（演示）"
    draw = rng.random()
    expires = (as_of + _days(rng.randint(3, 28)) if draw < 0.02 else
               as_of - _days(rng.randint(1, 60)) if draw < 0.025 else
               None if enterprise else as_of + _days(rng.randint(200, 3650)))
    text = f"{title}\n{values['name']}\n本文件为演示数据，不是真实证件。\n"
    return [{"filename": f"{title}.txt", "kind": kind, "content": text.encode("utf-8"),
             "expires_on": expires.isoformat() if expires else None}]


def _common(rng: random.Random, kind: str) -> dict:
    level = _choose(rng, {"public": 10, "internal": 79, "confidential": 8, "secret": 3})
    # The owner must be cleared to see the file: the clerk's clearance is internal.
    owners = {"clerk": 60, "manager": 25, "admin": 15} if level in ("public", "internal") \
        else {"manager": 70, "admin": 30}
    return {
        "kind": kind,
        "status": _choose(rng, {"active": 72, "prospect": 12, "suspended": 6, "closed": 7,
                                "blacklisted": 3}),
        "tier": _choose(rng, {"vip": 6, "key": 20, "normal": 74}),
        "level": level,
        "owner": _choose(rng, owners),
    }


def _individual(rng: random.Random, used_ids: set[str], number: int,
                as_of: datetime.date) -> dict:
    region, _city, district, _area = rng.choice(REGIONS)
    if number in DUPLICATE_NAMES:
        name, gender = DUPLICATE_NAMES[number]
    else:
        gender = rng.choice(("male", "female"))
        name = _person_name(rng, gender)
    birth = _date_between(rng, datetime.date(1955, 1, 1), datetime.date(2003, 12, 31))
    while True:
        id_number = resident_id(region, birth, rng.randint(0, 499), gender == "male")
        if id_number not in used_ids:
            used_ids.add(id_number)
            break
    values = _common(rng, "individual")
    values.update(name=name, phone=_mobile(rng), address=_address(rng, district),
                  id_type="resident_id", id_number=id_number)
    age_20 = datetime.date(birth.year + 20, 7, 1)
    if birth.year >= 1965:   # the rest are mostly retired; no employer on file
        if rng.random() < 0.85:
            words = INDUSTRIES[rng.choices(list(INDUSTRIES), INDUSTRY_WEIGHTS)[0]][0]
            values["employer"] = f"{rng.choice(REGIONS)[1]}{rng.choice(BRANDS)}{rng.choice(words)}有限公司"
        else:
            values["employer"] = rng.choice(("市第一人民医院", "区实验中学", "市税务局",
                                             "个体经营", "市公交集团"))
        values["position"] = rng.choice(POSITIONS)
        values["employment_start"] = _date_between(
            rng, max(age_20, datetime.date(1990, 1, 1)), as_of - _days(60)).isoformat()
    values["monthly_income"] = yuan(_fen(rng, 3500, 60000, round_to=10000))
    values["housing"] = _choose(rng, {"own": 35, "mortgage": 30, "rent": 25, "family": 8,
                                      "other": 2})
    statements = _personal_statements(id_number, values, as_of)
    if rng.random() < 0.6:
        values["wechat"] = f"wxid_{''.join(rng.choice('abcdefghijkmnpqrstuvwxyz23456789') for _ in range(10))}"
    if rng.random() < 0.4:
        values["email"] = (f"{rng.randint(10_000_000, 3_999_999_999)}@qq.com" if rng.random() < 0.5
                           else f"user{rng.randint(1000, 99999)}@{rng.choice(EMAIL_HOSTS)}")
    if rng.random() < 0.5:
        values["hometown"] = rng.choice(HOMETOWNS)
    if rng.random() < 0.4:
        values["emergency_contact"] = _person_name(rng, rng.choice(("male", "female")))
        values["emergency_phone"] = _mobile(rng)
    if rng.random() < 0.3:
        values["bank_card"] = _bank_card(rng)
    if rng.random() < 0.15:
        values["notes"] = rng.choice(("老客户介绍", "曾有一次延期还款，已结清", "需每季度回访",
                                      "偏好微信联系"))
    return {"values": values, "records": {"financials": statements}, "scale": 1,
            "region": region, "district": district}


def _personal_statements(id_number: str, values: dict, as_of: datetime.date) -> list[dict]:
    """A person's yearly statements for the last two whole years (income, spending, what
    they own and owe), as a clerk collects them for a credit file: without them the
    scorecard rightly scores debt, net assets and savings at their worst. Drawn from a
    generator of the person's own (seeded by the ID number) so that adding them leaves the
    rest of the demo as it was."""
    rng = random.Random(id_number)
    monthly = int(round(float(values["monthly_income"]) * 100))
    owns_home = values["housing"] in ("own", "mortgage")
    assets = int(monthly * 12 * (rng.uniform(3, 12) if owns_home else rng.uniform(0.5, 3)))
    debt_share = rng.uniform(0.25, 0.6) if values["housing"] == "mortgage" else rng.uniform(0, 0.2)
    out = []
    for year in (as_of.year - 2, as_of.year - 1):
        income = int(monthly * 12 * rng.uniform(0.9, 1.1))
        expenses = int(income * rng.uniform(0.5, 0.9))
        assets = int(assets * rng.uniform(1.0, 1.08))
        out.append({"period": str(year), "income": yuan(income), "expenses": yuan(expenses),
                    "assets": yuan(assets), "liabilities": yuan(int(assets * debt_share))})
    return out


def _bank_card(rng: random.Random) -> str:
    """A 19-digit UnionPay-style card number with a correct Luhn digit."""
    body = "62" + rng.choice(("2202", "2848", "2700", "1700", "2588")) + "".join(
        str(rng.randint(0, 9)) for _ in range(12))
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return body + str((10 - total % 10) % 10)


def _enterprise(rng: random.Random, used_codes: set[str], used_firms: set[str],
                as_of: datetime.date) -> dict:
    region, city, district, area = rng.choice(REGIONS)
    industry = rng.choices(list(INDUSTRIES), INDUSTRY_WEIGHTS)[0]
    words, scope, licence_names = INDUSTRIES[industry]
    while True:
        suffix = "有限责任公司" if rng.random() < 0.1 else "有限公司"
        brand = rng.choice(BRANDS)
        name = f"{city}{brand}{rng.choice(words)}{suffix}"
        if name not in used_firms:
            used_firms.add(name)
            break
    founded = _date_between(rng, datetime.date(1995, 1, 1), datetime.date(2022, 12, 31))
    while True:
        code = credit_code(rng, region, founded)
        if code not in used_codes:
            used_codes.add(code)
            break
    legal_rep = _person_name(rng, rng.choice(("male", "male", "female")))
    values = _common(rng, "enterprise")
    revenue_2023 = _fen(rng, 2_000_000, 300_000_000, round_to=100)
    statements, paid_in = _statements(rng, revenue_2023, periods(as_of))
    capital = max(100_000_00, paid_in * rng.choice((1, 1, 2, 3)) // 1_000_000 * 1_000_000)
    values.update(
        name=name,
        phone=_landline(rng, area) if rng.random() < 0.7 else _mobile(rng),
        address=_address(rng, district),
        credit_code=code, legal_rep=legal_rep, registered_capital=yuan(capital),
        founding_date=founded.isoformat(), industry=industry,
        employees=max(3, int(revenue_2023 / 100 / rng.uniform(300_000, 1_500_000))),
        business_scope=scope,
    )
    if rng.random() < 0.5:
        values["email"] = (f"{rng.choice(('info', 'finance', 'sales', 'service'))}@"
                           f"{''.join(lazy_pinyin(brand))}{rng.randint(1, 999)}.com.cn")
    if rng.random() < 0.2:
        values["tags"] = rng.choice(("战略客户", "新客户", "重点跟进", "长期合作"))
    contacts = []
    for i in range(rng.randint(1, 3)):
        is_legal_rep = i == 0 and rng.random() < 0.35
        contact = {"name": legal_rep if is_legal_rep else _person_name(rng, rng.choice(("male", "female"))),
                   "position": "总经理" if is_legal_rep else rng.choice(CONTACT_POSITIONS),
                   "phone": _mobile(rng) if rng.random() < 0.8 else _landline(rng, area),
                   "is_primary": i == 0}
        if rng.random() < 0.4:
            contact["email"] = f"contact{rng.randint(100, 99999)}@{rng.choice(EMAIL_HOSTS)}"
        contacts.append(contact)
    licences = []
    if rng.random() < 0.6:
        for licence in rng.sample(licence_names, rng.randint(1, len(licence_names))):
            issued = _date_between(rng, max(founded, datetime.date(2015, 1, 1)), as_of - _days(200))
            roll = rng.random()
            if roll < 0.05:      # expiring within 60 days
                expires = as_of + _days(rng.randint(1, 60))
            elif roll < 0.075:   # already expired
                expires = as_of - _days(rng.randint(1, 240))
            else:
                expires = as_of + _days(rng.randint(90, 5 * 365))
            licences.append({"name": licence, "issuer": f"{city}市场监督管理局"
                             if "许可" in licence else f"{city}相关主管部门",
                             "number": f"{PROVINCE_ABBR.get(region[:2], '')}{rng.randint(10**9, 10**10 - 1)}",
                             "issued_on": issued.isoformat(), "expires_on": expires.isoformat()})
    return {"values": values, "records": {"contacts": contacts, "financials": statements,
                                          "licences": licences},
            "scale": revenue_2023 / 100 / 10_000_000, "region": region, "district": district}


def _statements(rng: random.Random, revenue_2023: int,
                years: tuple[str, ...]) -> tuple[list[dict], int]:
    """Three years of statements that add up; returns them and the paid-in capital (fen)."""
    troubled = rng.random() < 0.18           # some firms lose money in one or more years
    turnover = rng.uniform(0.6, 1.6)          # revenue / total assets
    debt_ratio = rng.uniform(0.3, 0.78)
    revenue = revenue_2023
    equity = None
    paid_in = retained = 0
    out = []
    for index, period in enumerate(years):
        if index:
            revenue = max(100_000_00, int(revenue * (1 + rng.uniform(-0.3, 0.3))))
        if troubled and rng.random() < 0.6:
            margin = rng.uniform(-0.15, -0.005)
        else:
            margin = rng.uniform(0.005, 0.12)
        net_profit = int(revenue * margin)
        total_assets = int(revenue / turnover * rng.uniform(0.9, 1.1))
        if equity is None:
            equity = int(total_assets * (1 - debt_ratio))
            retained = int(equity * rng.uniform(0.15, 0.6))
            paid_in = equity - retained
        else:
            dividend = int(net_profit * rng.uniform(0.2, 0.5)) if net_profit > 0 and rng.random() < 0.4 else 0
            retained += net_profit - dividend
            equity = paid_in + retained
            if equity > total_assets * 0.85:      # too little debt for the assets: grow the assets
                total_assets = int(equity / rng.uniform(0.55, 0.85))
        total_liabilities = total_assets - equity  # above total assets when equity < 0
        if total_liabilities < 0:
            total_assets, total_liabilities = equity, 0
        current_assets = int(total_assets * rng.uniform(0.4, 0.85))
        receivables = int(current_assets * rng.uniform(0.15, 0.5))
        inventory = int(current_assets * rng.uniform(0.05, 0.4))
        current_liabilities = int(total_liabilities * rng.uniform(0.5, 0.95))
        interest = int(total_liabilities * rng.uniform(0.02, 0.05))
        tax = net_profit // 3 if net_profit > 0 else 0  # 25 % of profit before tax
        ebit = net_profit + tax + interest
        cash_flow = int(net_profit + total_assets * rng.uniform(-0.06, 0.08))
        statement = {"period": period, "revenue": yuan(revenue), "net_profit": yuan(net_profit),
                     "ebit": yuan(ebit), "total_assets": yuan(total_assets),
                     "current_assets": yuan(current_assets),
                     "total_liabilities": yuan(total_liabilities),
                     "current_liabilities": yuan(current_liabilities), "equity": yuan(equity),
                     "retained_earnings": yuan(retained), "operating_cash_flow": yuan(cash_flow),
                     "receivables": yuan(receivables), "inventory": yuan(inventory)}
        if net_profit < 0:
            statement["notes"] = "本年度亏损"
        out.append(statement)
    return out, paid_in


def _history(rng: random.Random, spec: dict, counters: dict, as_of: datetime.date,
             late_days: int | None = None) -> dict[str, list[dict]]:
    """Transactions, communications and the occasional complaint, lawsuit or credit event;
    ``late_days``: the customer pays late, the oldest unpaid invoice that many days."""
    values = spec["values"]
    enterprise = values["kind"] == "enterprise"
    region, district = spec["region"], spec["district"]
    scale = spec["scale"]
    records: dict[str, list[dict]] = {}

    # -- invoices and payments over the last 18 months
    transactions: list[dict] = []
    overdue = late_days is not None
    start = as_of - _days(548)
    terms = rng.choice((30, 45, 60, 90)) if enterprise else rng.choice((15, 30))
    low, high = (5_000 * max(0.3, scale), 400_000 * max(0.3, min(scale, 5))) if enterprise else (800, 30_000)
    invoices = []
    for _ in range(rng.randint(6, 18) if enterprise else rng.randint(2, 7)):
        issued = _date_between(rng, start, as_of - _days(3))
        invoices.append((issued, issued + _days(terms), False))
    if overdue:  # one to three invoices left unpaid, the oldest ``late_days`` past due
        for days in [late_days] + [rng.randint(30, late_days) for _ in range(rng.randint(0, 2))]:
            due = as_of - _days(days)
            invoices.append((due - _days(terms), due, True))
    invoices.sort()
    for issued, due, left_unpaid in invoices:
        counters["invoice"] += 1
        ref = f"INV{issued:%Y%m}-{counters['invoice']:05d}"
        amount = _fen(rng, low, high, round_to=100)
        transactions.append({"kind": "invoice", "ref_no": ref, "occurred_on": issued.isoformat(),
                             "due_date": due.isoformat(), "amount": yuan(amount)})
        if left_unpaid:
            if rng.random() < 0.3:  # part paid on time, the rest outstanding
                transactions.append(_payment(counters, ref, due - _days(rng.randint(0, 10)),
                                             amount * rng.randint(2, 6) // 10 // 100 * 100))
            continue
        if due < as_of:
            # paid: mostly on time, sometimes a little late (under 30 days)
            paid_on = due + _days(rng.randint(-20, 25 if rng.random() < 0.25 else 0))
            if paid_on <= as_of:
                transactions.append(_payment(counters, ref, max(paid_on, issued), amount))
        elif rng.random() < 0.25:  # not yet due, already paid
            transactions.append(_payment(counters, ref, _date_between(rng, issued, as_of), amount))
    records["transactions"] = transactions

    # -- a few communications
    communications = []
    for _ in range(rng.randint(1, 4)):
        day = _date_between(rng, as_of - _days(400), as_of - _days(1))
        item = {"occurred_on": day.isoformat(),
                "channel": rng.choice(("phone", "visit", "email", "wechat", "meeting", "other")),
                "summary": rng.choice(COMMUNICATION_TOPICS)}
        if rng.random() < 0.3:
            item["follow_up_on"] = (day + _days(rng.randint(7, 45))).isoformat()
        communications.append(item)
    if overdue:
        day = as_of - _days(rng.randint(3, 25))
        communications.append({"occurred_on": day.isoformat(), "channel": "phone",
                               "summary": "逾期账款催收：对方称资金周转困难，申请延期付款。",
                               "follow_up_on": (day + _days(14)).isoformat()})
    records["communications"] = communications

    # -- complaints (about 5 %)
    if rng.random() < 0.05:
        subject, details, resolution = rng.choice(COMPLAINT_SUBJECTS)
        received = _date_between(rng, as_of - _days(500), as_of - _days(2))
        complaint = {"received_on": received.isoformat(), "subject": subject, "details": details,
                     "handled_by": rng.choice([u[2] for u in DEMO_USERS.values()])}
        if rng.random() < 0.7:
            closed = min(as_of, received + _days(rng.randint(1, 30)))
            complaint.update(resolution=resolution, closed_on=closed.isoformat())
        records["complaints"] = [complaint]

    # -- litigation (about 3 %, most of it closed)
    if rng.random() < 0.03:
        filed = _date_between(rng, as_of - _days(1000), as_of - _days(20))
        case = {"case_no": f"（{filed.year}）{PROVINCE_ABBR.get(region[:2], '京')}{region[2:6]}"
                           f"民初{rng.randint(100, 29999)}号",
                "court": f"{district.split('省')[-1].split('自治区')[-1]}人民法院",
                "role": _choose(rng, {"defendant": 70, "plaintiff": 20, "third_party": 10}),
                "cause": rng.choice(LITIGATION_CAUSES),
                "amount": yuan(_fen(rng, 20_000, 2_000_000 * max(0.5, min(scale, 5)), round_to=100)),
                "filed_on": filed.isoformat()}
        if rng.random() < 0.8:
            closed = min(as_of - _days(1), filed + _days(rng.randint(60, 400)))
            case.update(status="closed", closed_on=closed.isoformat(),
                        notes=rng.choice(COURT_NOTES[1:3]))
        else:
            case.update(status="open", notes=rng.choice((COURT_NOTES[0], COURT_NOTES[3], COURT_NOTES[4])))
        records["litigation"] = [case]

    # -- credit records (about 10 %, some with overdue events)
    if rng.random() < 0.10:
        items = []
        loan_day = _date_between(rng, as_of - _days(1500), as_of - _days(300))
        principal = _fen(rng, 50_000, 5_000_000 * max(0.2, min(scale, 5)), round_to=100_000)
        items.append({"kind": "loan", "source": rng.choice(CREDIT_SOURCES[:3]),
                      "occurred_on": loan_day.isoformat(), "amount": yuan(principal),
                      "status": "open", "notes": "经营性贷款" if enterprise else "个人消费贷款"})
        if rng.random() < 0.6:
            day = _date_between(rng, loan_day + _days(30), as_of - _days(10))
            items.append({"kind": "repayment", "source": items[0]["source"],
                          "occurred_on": day.isoformat(),
                          "amount": yuan(principal // rng.randint(3, 12) // 100 * 100)})
        if rng.random() < 0.5:
            day = _date_between(rng, loan_day + _days(60), as_of - _days(5))
            days_over = rng.choice((15, 31, 45, 62, 95, 180))
            event = {"kind": "overdue", "source": items[0]["source"],
                     "occurred_on": day.isoformat(), "overdue_days": days_over,
                     "amount": yuan(_fen(rng, 2_000, 200_000, round_to=100))}
            ended = day + _days(days_over)
            if ended < as_of and rng.random() < 0.6:
                event.update(status="closed", ended_on=ended.isoformat())
            else:
                event["status"] = "open"
            items.append(event)
        if rng.random() < 0.3:
            day = _date_between(rng, as_of - _days(200), as_of - _days(1))
            items.append({"kind": "bureau", "source": CREDIT_SOURCES[0],
                          "occurred_on": day.isoformat(),
                          "notes": "征信报告查询：无不良记录" if len(items) < 3 else "征信报告显示有逾期记录"})
        records["credit_records"] = items
    return records


def _payment(counters: dict, invoice_ref: str, day: datetime.date, amount: int) -> dict:
    counters["payment"] += 1
    return {"kind": "payment", "ref_no": f"RCV{day:%Y%m}-{counters['payment']:05d}",
            "occurred_on": day.isoformat(), "amount": yuan(amount), "invoice_ref": invoice_ref}


# ------------------------------------------------------------------------------ populate

def populate(desk, specs: list[dict]) -> None:
    """File ``specs`` through the public API (validated and audited like a clerk's input).

    Each customer and its records are one transaction. An ``owner`` who is not a user
    of this database is dropped (the file then belongs to the desk's user).
    """
    for spec in specs:
        values = dict(spec["values"])
        if values.get("owner") and not desk.users.exists(values["owner"]):
            del values["owner"]
        with desk.writing():
            code = desk.customers.add(values).code
            for kind, rows in spec.get("records", {}).items():
                for row in rows:
                    desk.records.add(code, kind, row)
            for paper in spec.get("documents", []):
                desk.documents.add(code, paper["filename"], paper["content"], paper["kind"],
                                   **({"expires_on": paper["expires_on"]} if paper["expires_on"] else {}))


# ------------------------------------------------------------------------------- grading

# Days before as_of on which the demo files were opened; every demo write is dated
# from then on, so the audit log runs forward in time like a real one.
OPENED_DAYS_BEFORE = 760
QUALITATIVE = {"management": ["strong", "sound", "sound", "average", "weak"],
               "industry_outlook": ["growing", "stable", "stable", "declining"],
               "collateral": ["secured", "partial", "unsecured", "unsecured"],
               "guarantor": ["strong", "some", "none", "none"]}


def _at(day: datetime.date, minute: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9, 0)).astimezone() \
        + datetime.timedelta(minutes=minute)


def _checked_at(as_of: datetime.date, made_at: datetime.datetime) -> datetime.datetime:
    """When the demo's day begins (the warning rules switched on, the day's check): 08:00,
    or just before the demo is made when that is earlier in the day, so that the first
    login does not follow entries dated hours after it."""
    morning = _at(as_of, -60)
    made_at = made_at.astimezone()
    if made_at.date() != as_of:
        return morning
    midnight = datetime.datetime.combine(as_of, datetime.time(0, 0)).astimezone()
    return max(midnight, min(morning, made_at - datetime.timedelta(minutes=1)))


# How many files' latest assessment still waits for a decision, is a draft, or was rejected
# (each of them graded once before: a firm in good order grades every file).
OPEN_STEPS = {"submit": 3, "draft": 2, "reject": 1}
# A limit that would leave a customer's exposure above 90 % of it is raised to cover it
# (secured by a guarantee or a deposit, as the decision says), except in a few files.
LIMIT_COVER = 1.3
UNCOVERED_SHARE = 0.01
# Reviews were done on time or a little late, cycle after cycle, but for one file each that
# fell due about this many days ago (the first beyond the 30 days that put credit on hold).
LATE_REVIEW_DAYS = (33, 19, 8)
# New customers opened in the last weeks, not graded yet (their first grading is due
# ``review.unrated_days`` after opening, so the oldest are a few days late).
NEWCOMER_SHARE = 0.04
NEWCOMER_DAYS = (2, 40)


# The order the demo's users come to the files in. Codes and ids are drawn at random when a
# file is opened, and many files share a creation minute: ordered by code, which file drew
# which fate (a grade, going bad) would differ from one build to the next.
_FILE_ORDER = "created_at, name, phone"


def grade_demo(path: Path, seed: int = 20261122, as_of: datetime.date = AS_OF) -> None:
    """Assess and decide the demo files as the demo users would, in date order.

    The manager assesses; the reviewer approves what their clearance lets them see,
    the administrator the rest. Every file is graded and its grade valid; most were graded
    a year or two before as well (``EARLIER_SHARE``: what a scorecard is validated on). A
    few files' new assessment waits in the approval queue (submitted in the last days), is
    a draft or was rejected; two limit changes wait for a decision. Some of the customers
    graded earlier went bad within the year after (``_went_bad``: the worse their grade,
    the likelier). Reviews are then done as they fell due (``_review_demo``).
    """
    import heapq
    from . import clock
    from .desk import Desk
    from .grading.scorecard import MissingInputs
    rng = random.Random(seed)
    fate = random.Random(seed + 4)        # who goes bad: a stream of its own
    opened = as_of - _days(OPENED_DAYS_BEFORE)
    clock.set_fixed(_at(opened + _days(5), 0))
    desks = {name: Desk.open(path, name, DEMO_PASSWORDS[name])
             for name in ("manager", "reviewer", "admin")}
    try:
        files = desks["manager"].db.execute(f"SELECT code, level FROM customers "
                                            f"ORDER BY {_FILE_ORDER}").fetchall()
        place = {code: n for n, (code, _level) in enumerate(files)}
        events = []        # (day, code, step)
        steps = [s for s, n in OPEN_STEPS.items() for _ in range(n)]
        chosen = rng.sample(range(len(files)), min(len(steps), len(files)))
        open_steps = {files[i][0]: step for i, step in zip(chosen, steps)}
        for code, level in files:
            step = open_steps.get(code, "approve")
            if rng.random() < EARLIER_SHARE:       # graded a year or two ago as well
                events.append((as_of - _days(rng.randint(*EARLIER_DAYS)), code, "approve"))
            if step != "approve":      # the grade in force while the new one is decided
                events.append((as_of - _days(rng.randint(150, 330)), code, "approve"))
            # An open step is recent: nothing waits for weeks in a firm in good order.
            days = rng.randint(15, 300) if step == "approve" else rng.randint(1, 10)
            events.append((as_of - _days(days), code, step))
        levels = dict(files)
        # What happens later is scheduled as it is decided (a customer going bad).
        events.sort(key=lambda event: (event[0], place[event[1]]))
        queue = [(day, n, code, step, None) for n, (day, code, step) in enumerate(events)]
        heapq.heapify(queue)
        count = len(queue)
        # A customer's management, outlook and guarantees are judged alike each time.
        judged: dict[str, tuple[dict, int]] = {}
        bad = _BadOutcomes(fate, as_of)
        minute = 0
        while queue:
            day, _n, code, step, what = heapq.heappop(queue)
            clock.set_fixed(_at(day, minute % 480))
            minute += 1
            if step == "outcome":
                bad.record(desks["manager"], code, what)
                continue
            grading = desks["manager"].grading
            kind = desks["manager"].customers.kind_of(code)
            if code not in judged:
                judged[code] = (
                    {key: rng.choice(values) for key, values in QUALITATIVE.items()
                     if (key == "guarantor") == (kind == "individual") and rng.random() < 0.9},
                    rng.choice([0] * 12 + [1, -1]))
            answers, adjust = judged[code]
            # The manager assesses and submits in one go (one transaction: the demo is made
            # in a few seconds).
            with desks["manager"].writing():
                try:
                    new_id = grading.assess(code, answers=answers, adjust=adjust,
                                            reason="与客户长期合作的实际表现" if adjust else "").id
                except MissingInputs:
                    continue  # a file the scorecard refuses (no balance sheet) stays ungraded
                if step != "draft":
                    grading.submit(new_id, missing_reason="演示数据：部分资料未收集")
            if step in ("draft", "submit"):
                continue
            approver = desks["reviewer" if levels[code] <= 2 else "admin"].grading
            if step == "reject":
                approver.reject(new_id, "财务数据需补充最新季度报表")
                continue
            # (Read as stored: ``get`` would also write out every trace for a person.)
            recommended, grade = desks["manager"].db.execute(
                "SELECT recommended_limit, grade FROM assessments WHERE id = ?",
                [new_id]).fetchone()
            limit, reason = _limit(rng, desks["manager"], code, recommended)
            approver.approve(new_id, limit, reason)
            if (as_of - day).days > 365:
                for when, what in bad.after(day, grade, kind):
                    count += 1
                    heapq.heappush(queue, (when, count, code, "outcome", what))
        _review_demo(desks, rng, as_of)
        _limit_requests(desks, rng, as_of)
    finally:
        for desk in desks.values():
            desk.close()


# Most files were graded a year or two before their present grade as well: the grades a
# scorecard's validation looks back on (``outcomes.observations``).
EARLIER_SHARE = 0.75
EARLIER_DAYS = (366, 730)
# The share of customers graded a year or two ago who went bad within the year after, by
# that grade (about 5 % of them in all; with the late payers and the overdues on the credit
# records, 5-10 % of the grades go bad within their window), and how: an invoice of ours
# paid more than 90 days late (sometimes a manager marks the customer bad after it), an
# overdue reported elsewhere (then a judgement or bankruptcy there as well), or an outcome
# entered by hand; the kinds entered take turns.
BAD_RATES = {"AAA": 0.0, "AA": 0.005, "A": 0.015, "BBB": 0.05, "BB": 0.14, "B": 0.25,
             "CCC": 0.4, "CC": 0.5, "C": 0.6}
BAD_WAYS = ("invoice", "entered", "credit", "invoice", "entered")
ENTERED_IN_TURN = ("write_off", "judgement", "bankruptcy", "overdue_90", "manager")
AFTER_OVERDUE = ("bankruptcy", "overdue_90", "judgement")
ENTERED_NOTES = {
    "overdue_90": ("客户开具的商业承兑汇票到期未兑付，逾期已超过 90 天", None),
    "write_off": ("经审批核销坏账，保留追索权", None),
    "judgement": ("合同纠纷一审判决客户败诉，至今未履行", None),
    "bankruptcy": ("法院裁定受理客户破产清算申请", None),
    "manager": ("经理实地走访后认定", "付款严重逾期，实际控制人失联，经营停滞"),
}


class _BadOutcomes:
    """Who of the customers graded a year or two ago goes bad, when and how; and writing it
    down on the day it became known, through the records as a clerk would."""

    def __init__(self, rng: random.Random, as_of: datetime.date):
        self.rng = rng
        self.as_of = as_of
        self.ways = 0
        self.entered: dict[tuple, int] = {}
        self.numbers = 0

    def _next_kind(self, kinds: tuple[str, ...] = ENTERED_IN_TURN) -> str:
        count = self.entered.get(kinds, 0)
        self.entered[kinds] = count + 1
        return kinds[count % len(kinds)]

    def after(self, graded: datetime.date, grade: str, kind: str) -> list[tuple]:
        """What becomes of a customer graded ``grade`` on ``graded``: [(day written, what)]."""
        rng, as_of = self.rng, self.as_of
        if rng.random() >= BAD_RATES.get(grade, 0):
            return []
        # Bad on a day within the year after the grade, long enough ago to be known now,
        # and late enough for the invoice behind it to fall after the file was opened.
        first = max(graded + _days(20), as_of - _days(OPENED_DAYS_BEFORE - 130))
        last = min(graded + _days(365), as_of - _days(45))
        if first > last:
            return []
        bad_on = _date_between(rng, first, last)
        way = BAD_WAYS[self.ways % len(BAD_WAYS)]
        self.ways += 1
        small = kind == "individual"
        amount = _fen(rng, 1_000, 20_000, round_to=100) if small else \
            _fen(rng, 20_000, 300_000, round_to=100)
        if way == "entered":
            return [(bad_on + _days(rng.randint(1, 10)), ("entered", {
                "kind": self._next_kind(), "on": bad_on, "amount": amount}))]
        if way == "invoice":
            self.numbers += 1
            paid = bad_on + _days(rng.randint(5, 40))
            due = bad_on - _days(90)
            out = [(paid + _days(rng.randint(0, 2)), ("invoice", {
                "number": self.numbers, "issued": due - _days(30), "due": due, "paid": paid,
                "amount": amount}))]
        else:
            out = [(bad_on + _days(rng.randint(3, 15)), ("credit", {
                "on": bad_on, "days": rng.choice((90, 120, 150, 180)), "amount": amount}))]
        # What followed, entered by hand: a manager marks the customer who paid so late as
        # bad; a customer overdue elsewhere is taken to court or goes bankrupt there too.
        if way == "invoice" and rng.random() >= 0.6:
            return out
        later = min(as_of - _days(1), bad_on + _days(rng.randint(30, 120)))
        follow = "manager" if way == "invoice" else self._next_kind(AFTER_OVERDUE)
        out.append((later, ("entered", {"kind": follow, "on": later, "amount": amount})))
        return out

    def record(self, desk, code: str, what: tuple) -> None:
        way, facts = what
        if way == "invoice":
            ref = f"INV{facts['issued']:%Y%m}-L{facts['number']:04d}"
            desk.records.add(code, "transactions", {
                "kind": "invoice", "ref_no": ref, "occurred_on": facts["issued"].isoformat(),
                "due_date": facts["due"].isoformat(), "amount": yuan(facts["amount"])})
            desk.records.add(code, "transactions", {
                "kind": "payment", "ref_no": f"RCV{facts['paid']:%Y%m}-L{facts['number']:04d}",
                "occurred_on": facts["paid"].isoformat(), "amount": yuan(facts["amount"]),
                "invoice_ref": ref, "notes": "逾期付款，经多次催收后结清"})
        elif way == "credit":
            desk.records.add(code, "credit_records", {
                "kind": "overdue", "source": CREDIT_SOURCES[0],
                "occurred_on": facts["on"].isoformat(), "overdue_days": facts["days"],
                "amount": yuan(facts["amount"]), "status": "open",
                "notes": "征信报告显示其他机构贷款逾期"})
        else:
            kind = facts["kind"]
            notes, reason = ENTERED_NOTES[kind]
            values = {"kind": kind, "occurred_on": facts["on"].isoformat(), "notes": notes}
            if kind != "manager":
                values["amount"] = yuan(facts["amount"])
            if reason:
                values["reason"] = reason
            desk.records.add(code, "outcomes", values)


def _limit(rng: random.Random, desk, code: str, recommended: int) -> tuple[str | None, str]:
    """The limit an approver sets (yuan, None for the recommendation) and its reason: now
    and then a little below the recommendation; above it where the customer's trade needs
    more, secured (``LIMIT_COVER``)."""
    limit = recommended if rng.random() < 0.8 else recommended * 8 // 10 // 100000 * 100000
    exposure = desk.db.execute("SELECT exposure FROM customers WHERE code = ?",
                               [code]).fetchone()[0] or 0
    if rng.random() >= UNCOVERED_SHARE and exposure * 10 > limit * 9:
        limit = -(-int(exposure * LIMIT_COVER) // 1_000_000) * 1_000_000   # whole ¥10,000
    if limit > recommended:
        return yuan(limit), "按近一年实际交易规模核定，已落实担保或保证金"
    return (None if limit == recommended else yuan(limit)), ""


def _review_demo(desks: dict, rng: random.Random, as_of: datetime.date) -> None:
    """Reviews done as they fell due, on time or a little late, cycle after cycle; the first
    to fall due after each of ``LATE_REVIEW_DAYS`` days ago waits still."""
    from . import clock
    db = desks["admin"].db
    waiting: list[str] = []
    lapses = sorted(as_of - _days(d) for d in LATE_REVIEW_DAYS)
    minute = 0
    while True:
        row = db.execute(
            "SELECT code, next_review, level FROM customers WHERE grade IS NOT NULL "
            "AND next_review < ? AND status <> 'closed' AND code NOT IN "
            f"(SELECT value FROM json_each(?)) ORDER BY next_review, {_FILE_ORDER} LIMIT 1",
            [as_of.isoformat(), json.dumps(waiting)]).fetchone()
        if row is None:
            return
        code, due, level = row
        due = datetime.date.fromisoformat(due)
        if lapses and due >= lapses[0]:
            while lapses and due >= lapses[0]:
                lapses.pop(0)
            waiting.append(code)
            continue
        day = min(as_of - _days(1), due + _days(rng.randint(0, 12)))
        clock.set_fixed(_at(day, 480 + minute % 300))
        minute += 1
        reviewer = desks["reviewer" if level <= 2 else "admin"]
        reviewer.reviews.done(code, rng.choice(["经营正常，额度内，无变化", "回访客户，付款正常",
                                                "复核财务与交易记录，维持原评级"]))


def _limit_requests(desks: dict, rng: random.Random, as_of: datetime.date) -> None:
    """Two customers whose trade grew ask for a higher limit, in the last days."""
    from . import clock
    manager = desks["manager"]
    rows = manager.db.execute(
        "SELECT c.code, c.credit_limit FROM customers c WHERE c.kind = 'enterprise' "
        "AND c.status = 'active' AND c.level <= 2 AND c.credit_limit >= 10000000 "
        "AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.customer_id = c.id "
        f"AND a.status IN ('draft', 'submitted')) ORDER BY {_FILE_ORDER}").fetchall()
    for days, (code, current) in zip((4, 2), rng.sample(rows, min(2, len(rows)))):
        clock.set_fixed(_at(as_of - _days(days), 120))
        manager.grading.request_limit(code, yuan(current * 3 // 2 // 1_000_000 * 1_000_000),
                                      "客户新签年度供货合同，月采购量增加约五成")


def _newcomer_count(files: int) -> int:
    return max(1, round(files * NEWCOMER_SHARE)) if files >= 10 else 0


def newcomers(specs: list[dict], as_of: datetime.date = AS_OF) -> list[dict]:
    """The last few specs, as customers opened in the last weeks: prospects, their
    history since they were opened (``NEWCOMER_DAYS`` days ago, oldest first)."""
    count = _newcomer_count(len(specs))
    first, last = NEWCOMER_DAYS
    out = []
    for index, spec in enumerate(specs[len(specs) - count:]):
        ago = last - (last - first) * index // max(1, count - 1)
        opened = as_of - _days(ago)
        records = {}
        for kind, rows in spec["records"].items():
            dated = {"transactions": "occurred_on", "communications": "occurred_on",
                     "complaints": "received_on"}.get(kind)
            kept = [r for r in rows if dated is None or r[dated] >= opened.isoformat()]
            if kind == "transactions":
                invoices = {r["ref_no"] for r in kept if r["kind"] == "invoice"}
                kept = [r for r in kept if r["kind"] == "invoice" or r["invoice_ref"] in invoices]
            if kept:
                records[kind] = kept
        out.append({**spec, "values": {**spec["values"], "status": "prospect"},
                    "records": records, "opened": opened})
    return out


# --------------------------------------------------------------------------- ensure_demo

_BUILD_PREFIX = ".custdesk-demo-build-"
_STALE_BUILD_SECONDS = 3600
_LOCK_STALE_SECONDS = 60


def _companions(path: Path) -> list[Path]:
    from .audit import head_path
    from .store.keyslots import slots_path
    return [slots_path(path), head_path(path)]


@contextlib.contextmanager
def _lock(path: Path):
    """A short exclusive lock (a file created with O_EXCL) around moving files into place."""
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + _LOCK_STALE_SECONDS + 5
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - lock.stat().st_mtime > _LOCK_STALE_SECONDS:
                    lock.unlink()   # left by a process that died while holding it
                    continue
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _sweep_old_builds(folder: Path) -> None:
    """Remove build folders that a killed process left behind long ago."""
    for old in folder.glob(_BUILD_PREFIX + "*"):
        with contextlib.suppress(OSError):
            if old.is_dir() and time.time() - old.stat().st_mtime > _STALE_BUILD_SECONDS:
                shutil.rmtree(old, ignore_errors=True)


def ensure_demo(path: Path, count: int = 300, as_of: datetime.date | None = None) -> bool:
    """Create the demo database at ``path`` unless it exists; True if it was created.

    It is built in a hidden folder beside ``path`` (same file system, same file
    name) and moved into place when complete: the key slots and the audit head
    first, the database file last, so ``path`` exists only once everything is in
    place. An interruption leaves no half-built demo at ``path``.

    The history is written around ``as_of`` (default: today), so that a new demo shows a
    firm in good order: a handful of reviews and first gradings a few days late, a few
    warnings of each colour, several decisions waiting.
    """
    from . import clock
    from .desk import Desk
    as_of = as_of or clock.today()
    path = Path(path)
    if path.exists():
        return False
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    _sweep_old_builds(folder)
    build_dir = Path(tempfile.mkdtemp(prefix=_BUILD_PREFIX, dir=folder))
    try:
        build = build_dir / path.name
        admin_full = DEMO_USERS["admin"][2]
        was_fixed = clock._fixed
        made_at = clock.now()
        clock.set_fixed(_at(as_of - _days(OPENED_DAYS_BEFORE), 0))
        try:
            desk, _recovery = Desk.create(build, "admin", DEMO_PASSWORDS["admin"],
                                          firm=DEMO_FIRM, full_name=admin_full)
            # The recovery key is not kept: the demo's passwords are public anyway.
            try:
                for name, (role, clearance, full_name) in DEMO_USERS.items():
                    if name != "admin":
                        desk.users.add(name, role, clearance, DEMO_PASSWORDS[name],
                                       full_name=full_name)
                # Warnings are checked once, on the demo's "today", not while its past is written.
                from .warnings import RULE_KEYS
                for rule in RULE_KEYS:
                    desk.settings.set(f"warning.{rule}.enabled", "0")
                specs = generate(count, as_of=as_of)
                late = newcomers(specs, as_of)
                populate(desk, specs[:len(specs) - len(late)])
                grade_demo(build, as_of=as_of)
                for spec in late:
                    clock.set_fixed(_at(spec["opened"], 30))
                    populate(desk, [spec])
                clock.set_fixed(_checked_at(as_of, made_at))
                for rule in RULE_KEYS:
                    desk.settings.set(f"warning.{rule}.enabled", "1")
                desk.warnings.evaluate(as_of)
                desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                desk.close()   # the last connection closing checkpoints and removes the -wal
        finally:
            clock.set_fixed(was_fixed)
        wal = Path(str(build) + "-wal")
        Path(str(build) + "-shm").unlink(missing_ok=True)
        with _lock(path):
            if path.exists():   # another process finished first: keep its demo
                return False
            for source, target in zip(_companions(build), _companions(path)):
                os.replace(source, target)
            if wal.exists():    # not checkpointed (should not happen): it belongs with the file
                os.replace(wal, Path(str(path) + "-wal"))
            else:
                Path(str(path) + "-wal").unlink(missing_ok=True)
            Path(str(path) + "-shm").unlink(missing_ok=True)
            os.replace(build, path)
        return True
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)
