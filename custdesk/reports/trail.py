"""审计记录: the audit trail of one customer, or of the whole log, for a period if wanted.

One customer's entries are open to whoever may see the customer (the file's
history); the whole log needs the audit permission (``AccessDenied`` otherwise).
In the whole log, an entry about a file above the reader's clearance keeps its
number, time, user and action — the chain has no gaps — but neither names the
file nor shows its content. The chain's verification heads the report when the
reader holds the audit permission. Each entry is told as the window tells it
(``core.audit_view``: operations and details by their labels, the file by its code and
name, money in yuan, local times); what was masked when it was logged stays masked.
``render`` is pure layout.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..core import audit_list, audit_view, clock, i18n
from ..core.exports import Rendered, Stamp
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
    "at.seq": ("序号", "No."),
    "at.time": ("时间", "Time"),
    "at.user": ("用户", "User"),
    "at.action": ("操作", "Action"),
    "at.object": ("对象", "Object"),
    "at.summary": ("内容摘要", "Summary"),
})

#: at most this many entries are listed (the newest of the period)
MAX_ENTRIES = 20_000
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
    if code is not None:
        code = code.strip().upper()
        shown = desk.customers.get(code)           # NotFound for a file above clearance
        name, level = shown["name"], desk.customers.level_of(code)
        scope = i18n.tr("at.scope_customer", name=name, code=code)
    else:
        desk.access.require("audit.read", i18n.tr("audit.read"))
        scope = i18n.tr("at.scope_all")
        level = max(1, desk.access.clearance)
    where, params = audit_list.day_condition(start, end)
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
    for row in audit_view.present(desk, entries):
        # (one file's trail names the file in its title: each row names the item)
        what = row.item if code is not None else " · ".join(filter(None, [row.customer,
                                                                           row.item]))
        data.rows.append([str(row.seq), row.time, row.user, row.operation,
                          b.DASH if row.withheld else b.text(what), row.details])
        data.hidden.append(row.withheld)
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
