"""审计记录: the audit trail of one customer, or of the whole log, for a period if wanted.

One customer's entries are open to whoever may see the customer (the file's
history); the whole log needs the audit permission (``AccessDenied`` otherwise).
In the whole log, an entry about a file above the reader's clearance keeps its
number, time, user and action — the chain has no gaps — but neither names the
file nor shows its content. The chain's verification heads the report when the
reader holds the audit permission. Summaries are printed as stored: what was
masked when it was logged stays masked. ``render`` is pure layout.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..core import clock, i18n
from ..core.exports import Rendered, Stamp
from ..core.fields import CUSTOMER_FIELDS, RECORD_KINDS
from . import blocks as b
from .page import BAD, GOOD, MUTED, WIDTH, build, classified, styles

i18n.register({
    "at.title": ("审计记录", "Audit Trail"),
    "at.subtitle": ("{scope} · {period} · 报告编号 {number} · 报告日期 {date}",
                    "{scope} · {period} · Report no. {number} · Date {date}"),
    "at.scope_all": ("全部审计日志", "The whole audit log"),
    "at.scope_customer": ("客户 {name}（{code}）", "Customer {name} ({code})"),
    "at.period": ("{start} 至 {end}", "{start} to {end}"),
    "at.period_all": ("全部期间", "All dates"),
    "at.period_from": ("{start} 起", "From {start}"),
    "at.period_to": ("至 {end}", "Until {end}"),
    "at.s.chain": ("审计链校验", "Audit chain verification"),
    "at.s.entries": ("记录", "Entries"),
    "at.ok": ("审计链完整", "The audit chain is intact"),
    "at.bad": ("审计链已被破坏", "The audit chain is broken"),
    "at.count": ("链上记录", "Entries in the chain"),
    "at.head": ("链头", "Chain head"),
    "at.first_bad": ("首个问题记录", "First bad entry"),
    "at.no_permission": ("审计链校验需要审计权限（经理、管理员或审计员），本报告未作校验。",
                         "Verifying the audit chain needs the audit permission (managers, "
                         "administrators, auditors): it was not checked for this report."),
    "at.listed": ("共 {count} 条记录，按时间先后排列；时间为本地时间。",
                  "{count} entries, oldest first; times are local."),
    "at.cut": ("记录超过 {cap} 条：只列出最新的 {cap} 条（第 {first} 条起），更早的 {rest} 条未列出；"
               "请缩短期间。",
               "There are more than {cap} entries: only the newest {cap} are listed (from entry "
               "{first}); {rest} earlier ones are left out. Choose a shorter period."),
    "at.none": ("期间内没有记录。", "There are no entries in the period."),
    "at.hidden": ("（涉及超出您密级的档案，不予显示）", "(concerns a file above your clearance: not shown)"),
    "at.seq": ("序号", "No."),
    "at.time": ("时间", "Time"),
    "at.user": ("用户", "User"),
    "at.action": ("操作", "Action"),
    "at.object": ("对象", "Object"),
    "at.summary": ("内容摘要", "Summary"),
    "at.a.database.create": ("建立数据库", "database created"),
    "at.a.login": ("登录", "logged in"),
    "at.a.login.failed": ("登录失败", "failed login"),
    "at.a.unlock": ("解锁", "unlocked"),
    "at.a.refused": ("操作被拒绝", "refused"),
    "at.a.user.add": ("新增用户", "user added"),
    "at.a.user.update": ("修改用户", "user changed"),
    "at.a.user.disable": ("停用用户", "user disabled"),
    "at.a.user.password": ("修改密码", "password changed"),
    "at.a.user.recover": ("恢复访问", "access recovered"),
    "at.a.settings.set": ("修改设置", "setting changed"),
    "at.a.settings.field_level": ("修改字段密级", "field level changed"),
    "at.a.scorecard.install": ("安装评分卡", "scorecard installed"),
    "at.a.scorecard.save": ("保存评分卡", "scorecard saved"),
    "at.a.customer.add": ("建立档案", "file created"),
    "at.a.customer.edit": ("修改档案", "file edited"),
    "at.a.customer.reveal": ("查看敏感信息", "sensitive data revealed"),
    "at.a.record.add": ("新增记录", "record added"),
    "at.a.record.edit": ("修改记录", "record edited"),
    "at.a.record.delete": ("删除记录", "record deleted"),
    "at.a.record.reveal": ("查看敏感记录", "sensitive records revealed"),
    "at.a.document.add": ("上传文件", "document added"),
    "at.a.document.open": ("打开文件", "document opened"),
    "at.a.document.delete": ("删除文件", "document deleted"),
    "at.a.assessment.create": ("新建评估", "assessment created"),
    "at.a.assessment.revise": ("修改评估", "assessment revised"),
    "at.a.assessment.discard": ("作废评估", "assessment discarded"),
    "at.a.assessment.submit": ("提交评估", "assessment submitted"),
    "at.a.assessment.approve": ("批准评估", "assessment approved"),
    "at.a.assessment.reject": ("退回评估", "assessment rejected"),
    "at.a.limit.request": ("申请调整额度", "limit change requested"),
    "at.a.limit.approve": ("批准额度调整", "limit change approved"),
    "at.a.limit.reject": ("驳回额度调整", "limit change rejected"),
    "at.a.review.done": ("完成复审", "review done"),
    "at.a.review.snooze": ("推迟复审", "review put off"),
    "at.a.review.cycle": ("调整复审周期", "review cycle changed"),
    "at.a.warning.raise": ("触发预警", "warning raised"),
    "at.a.warning.escalate": ("预警升级", "warning escalated"),
    "at.a.warning.lower": ("预警降级", "warning lowered"),
    "at.a.warning.acknowledge": ("确认预警", "warning acknowledged"),
    "at.a.warning.action": ("处置预警", "warning handled"),
    "at.a.warning.close": ("关闭预警", "warning closed"),
    "at.a.report.export": ("导出报告", "report exported"),
    "at.a.audit.reanchor": ("重新锚定链头", "chain head re-anchored"),
    "at.a.import.customers": ("导入客户档案", "customers imported"),
    "at.a.import.financials": ("导入财务报表", "financial statements imported"),
    "at.a.import.transactions": ("导入交易记录", "transactions imported"),
    "at.a.import.mapping_saved": ("保存导入映射", "import mapping saved"),
    "at.a.import.mapping_deleted": ("删除导入映射", "import mapping deleted"),
    "at.a.export.customers": ("导出客户数据", "customer data exported"),
    "at.a.backup.create": ("备份数据库", "database backed up"),
    "at.a.backup.restore": ("从备份恢复", "restored from a backup"),
    "at.a.privacy.export": ("导出个人信息", "personal data exported"),
    "at.a.privacy.erase": ("删除个人信息", "personal data erased"),
    "at.a.privacy.purge": ("按保存期限清除", "retention purge"),
})

#: at most this many entries are listed (the newest of the period)
MAX_ENTRIES = 20_000
SUMMARY_CHARS = 200
_ROWS_PER_TABLE = 1000        # a long list is laid out in pieces: splitting one table into pages
                              # costs time with the rows left, so pieces make 20,000 rows fast


@dataclass
class TrailData:
    """Everything the trail prints, already as text in the report's language."""
    scope: str
    period: str
    date: str
    verified: bool | None                 # None: not checked (no audit permission)
    verdict: str = ""                     # "审计链完整" or "审计链已被破坏"
    message: str = ""                     # the verification's own message
    chain: list = field(default_factory=list)       # [(label, text)]
    listed: str = ""
    cut: str = ""
    rows: list = field(default_factory=list)        # [[seq, time, user, action, object, summary]]
    hidden: list = field(default_factory=list)      # per row: concerns a file above clearance
    level: int = 1                  # the file's level, or the most a reader may see in the log


def action_label(action: str) -> str:
    key = f"at.a.{action}"
    text = i18n.tr(key)
    return action if text == key else text


#: summary keys that hold money (integer fen), printed as money
MONEY_KEYS = frozenset(
    [f.key for f in CUSTOMER_FIELDS if f.type in ("money", "signed_money")]
    + [f.key for kind in RECORD_KINDS.values() for f in kind.fields
       if f.type in ("money", "signed_money")]
    + ["recommended_limit", "approved_limit", "limit_before", "credit_limit", "current_limit",
       "new_limit", "exposure", "limit", "amount"])


#: keys whose values are telephone numbers (core gives them masked; kept apart from money)
#: (contacts' numbers are logged as entered)
PHONE_KEYS = frozenset({"phone", "emergency_phone"})


def _value(value, money: bool = False, phone: bool = False) -> str:
    if value is None:
        return b.DASH
    if isinstance(value, bool):
        return "true" if value else "false"
    if money and isinstance(value, int):
        return b.money(value)
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k}: {_value(v, k in MONEY_KEYS, k in PHONE_KEYS)}"
                               for k, v in value.items()) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return str(value)


def summary_text(summary, action: str = "", limit: int = SUMMARY_CHARS) -> str:
    """An entry's JSON summary in one compact line of at most ``limit`` characters: keys as
    stored, money in yuan, a change as "before → after", telephone numbers partly hidden;
    masked values stay masked."""
    if not summary:
        return ""
    if not isinstance(summary, dict):
        text = _value(summary)
    else:
        money = MONEY_KEYS | ({"before", "after"} if action.startswith("limit.") else set())
        parts = []

        def add(key, value):
            flags = (key in money, key in PHONE_KEYS)
            if isinstance(value, dict) and set(value) == {"before", "after"}:
                parts.append(f"{key}: {_value(value['before'], *flags)} → "
                             f"{_value(value['after'], *flags)}")
            elif key == "fields" and isinstance(value, dict):
                for k, v in value.items():
                    add(k, v)
            else:
                parts.append(f"{key}: {_value(value, *flags)}")
        for key, value in summary.items():
            add(key, value)
        text = "; ".join(parts)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _utc_bound(day: datetime.date) -> str:
    """The stored (UTC) timestamp at which local ``day`` begins."""
    moment = datetime.datetime.combine(day, datetime.time.min).astimezone()
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _period_text(start: datetime.date | None, end: datetime.date | None) -> str:
    if start and end:
        return i18n.tr("at.period", start=start.isoformat(), end=end.isoformat())
    if start:
        return i18n.tr("at.period_from", start=start.isoformat())
    if end:
        return i18n.tr("at.period_to", end=end.isoformat())
    return i18n.tr("at.period_all")


def gather(desk, code: str | None, start: datetime.date | None = None,
           end: datetime.date | None = None) -> TrailData:
    """The entries of customer ``code`` (or of the whole log, which needs the audit
    permission) whose local day lies in [start, end], as ``desk``'s user may see them."""
    where, params = [], []
    if code is not None:
        code = code.strip().upper()
        shown = desk.customers.get(code)           # NotFound for a file above clearance
        name, level = shown["name"], desk.customers.level_of(code)
        scope = i18n.tr("at.scope_customer", name=name, code=code)
    else:
        desk.access.require("audit.read", i18n.tr("audit.read"))
        scope = i18n.tr("at.scope_all")
        level = max(1, desk.access.clearance)
    if start:
        where.append("at >= ?")
        params.append(_utc_bound(start))
    if end:
        where.append("at < ?")
        params.append(_utc_bound(end + datetime.timedelta(days=1)))
    condition = " AND ".join(where)
    data = TrailData(scope, _period_text(start, end), clock.today().isoformat(), None,
                     level=level)
    if desk.access.can("audit.read"):
        result = desk.audit.verify()
        seq, digest = desk.audit.head()
        data.verified = result.ok
        data.verdict = i18n.tr("at.ok" if result.ok else "at.bad")
        data.message = result.message
        data.chain = [(i18n.tr("at.count"), f"{result.count:,}"),
                      (i18n.tr("at.head"), f"#{seq} {digest[:16]}")]
        if result.first_bad is not None:
            data.chain.append((i18n.tr("at.first_bad"), f"#{result.first_bad}"))
    else:
        data.message = i18n.tr("at.no_permission")
    # The entries as this reader may read them (core's one answer for entries about files
    # above their clearance): the same on every path.
    total = desk.audit.count(customer=code, where=condition, params=params)
    entries = desk.audit.entries(customer=code, limit=MAX_ENTRIES, where=condition,
                                 params=params)
    entries.reverse()
    data.listed = i18n.tr("at.listed", count=f"{total:,}")
    if total > len(entries):
        data.cut = i18n.tr("at.cut", cap=f"{MAX_ENTRIES:,}", first=entries[0]["seq"],
                           rest=f"{total - len(entries):,}")
    for e in entries:
        hidden = e["withheld"]
        summary = i18n.tr("at.hidden") if hidden else summary_text(e["summary"], e["action"])
        data.rows.append([str(e["seq"]), clock.local_text(e["at"], seconds=True), e["user"],
                          action_label(e["action"]), b.DASH if hidden else b.text(e["object"]),
                          summary])
        data.hidden.append(hidden)
    return data


# -- layout -----------------------------------------------------------------------------
_WIDTHS = {"zh": [0.75, 2.3, 1.2, 1.45, 1.9, 4.6], "en": [0.75, 2.3, 1.2, 1.75, 1.9, 4.3]}


def _verdict(data: TrailData) -> list:
    s = styles()
    if data.verified is None:
        return [b.note(data.message)]
    colour = GOOD if data.verified else BAD
    hexed = f"#{colour.hexval()[2:]}"
    box = Table([[Paragraph(f'<font size="12" color="{hexed}">{escape(data.verdict)}</font>',
                            s.body)],
                 [Paragraph(f'<font color="{hexed}">{escape(data.message)}</font>', s.body)]],
                colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colour),
                             ("LINEBEFORE", (0, 0), (0, -1), 4, colour),
                             ("LEFTPADDING", (0, 0), (-1, -1), 10),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [box, Spacer(1, 6), *b.pairs(data.chain, columns=2)]


def _story(data: TrailData, stamp: Stamp) -> list:
    s = styles()
    story = [Paragraph(escape(i18n.tr("at.title")), s.title),
             Paragraph(escape(i18n.tr("at.subtitle", scope=data.scope, period=data.period,
                                      number=stamp.number, date=data.date)), s.subtitle)]
    story.append(b.heading(1, i18n.tr("at.s.chain")))
    story += _verdict(data)
    story.append(b.heading(2, i18n.tr("at.s.entries")))
    story.append(b.note(data.listed if data.rows else i18n.tr("at.none")))
    if data.cut:
        story.append(b.note(data.cut))
    headers = [i18n.tr(k) for k in ("at.seq", "at.time", "at.user", "at.action", "at.object",
                                    "at.summary")]
    for first in range(0, len(data.rows), _ROWS_PER_TABLE):
        piece = [[b.cell(v, i == 0, MUTED if hidden and i == 5 else None)
                  for i, v in enumerate(row)]
                 for row, hidden in zip(data.rows[first:first + _ROWS_PER_TABLE],
                                        data.hidden[first:first + _ROWS_PER_TABLE])]
        flow = b.table(headers, piece, _WIDTHS[i18n.language()], right={0})
        story += flow[:1]          # pieces follow one another without a gap
    return story


def render(data: TrailData, stamp: Stamp) -> Rendered:
    """The trail as PDF bytes (pure: the same data and stamp give the same bytes)."""
    with i18n.using(stamp.language):
        decor = classified(stamp, i18n.tr("at.title"), data.level)
        return build(_story(data, stamp), decor, subject=f"{data.scope} {stamp.number}")
