"""An audit entry as people read it: the one presentation for every place that shows one.

The log keeps what happened in the program's own terms (``assessment.approve`` on
``assessment#255``, ``{"approved_limit": 19700000}``, UTC times). This module says it in
the reader's language: the operation by its label, the file by its code and name (as the
reader is cleared to see it), the item by its kind, each detail by its field's label,
money in yuan, enumerations (grade, level, role, severity, status …) by their labels,
times in local time. The audit page, a file's history tab, the PDF audit trail, the
command line and the exports of the log (``audit_list``) all use it; ``--json`` keeps
the raw entries. Presentation only: nothing here writes to the chain.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from . import clock, i18n
from .audit import SYSTEM_USER
from .fields import (CUSTOMER_FIELDS, LEVEL_LABELS, LEVELS, RECORD_KINDS, choice_label, label,
                     level_label)
from .validation import format_money

# -- what each operation is called ---------------------------------------------------------
#: every action the program writes (``AuditLog.append``), by its label. A test scans the
#: code for the actions written and fails on one missing here.
ACTIONS: dict[str, tuple[str, str]] = {
    "database.create": ("建立数据库", "Database created"),
    "login": ("登录", "Logged in"),
    "login.failed": ("登录失败", "Failed login"),
    "logout": ("退出登录", "Logged out"),
    "unlock": ("解锁", "Unlocked"),
    "unlock.failed": ("解锁失败", "Failed unlock"),
    "restore.confirm": ("确认恢复备份（密码正确）", "Backup restore confirmed (password)"),
    "restore.confirm.failed": ("确认恢复备份时密码错误", "Wrong password to confirm a restore"),
    "refused": ("操作被拒绝", "Refused"),
    "user.add": ("新增用户", "User added"),
    "user.update": ("修改用户", "User changed"),
    "user.disable": ("停用用户", "User disabled"),
    "user.password": ("修改密码", "Password changed"),
    "user.recover": ("用恢复密钥恢复访问", "Access recovered with the recovery key"),
    "cert.issue": ("签发用户证书", "User certificate issued"),
    "keys.grant": ("分发密级密钥", "Level keys granted"),
    "keys.convert": ("转换为按密级加密", "Converted to keys per level"),
    "keys.rotate": ("更换密级密钥", "Level keys rotated"),
    "keys.rekey_file": ("更换数据库密钥", "Database key changed"),
    "settings.set": ("修改设置", "Setting changed"),
    "settings.field_level": ("修改字段密级", "Field level changed"),
    "scorecard.install": ("安装评分卡", "Scorecard installed"),
    "scorecard.save": ("保存评分卡", "Scorecard saved"),
    "scorecard.approve": ("审批评分卡版本", "Scorecard version decided"),
    "scorecard.approvals": ("启用评分卡双人审批", "Scorecard four-eyes approval in force"),
    "customer.add": ("建立档案", "File created"),
    "customer.edit": ("修改档案", "File edited"),
    "customer.level": ("设定档案密级", "File level set"),
    "customer.reveal": ("查看敏感信息", "Sensitive data revealed"),
    "record.add": ("新增记录", "Record added"),
    "record.edit": ("修改记录", "Record edited"),
    "record.delete": ("删除记录", "Record deleted"),
    "record.reveal": ("查看敏感记录", "Sensitive records revealed"),
    "document.add": ("上传附件", "Document added"),
    "document.open": ("打开附件", "Document opened"),
    "document.delete": ("删除附件", "Document deleted"),
    "assessment.create": ("新建评估", "Assessment created"),
    "assessment.revise": ("修改评估", "Assessment revised"),
    "assessment.discard": ("作废评估", "Assessment discarded"),
    "assessment.submit": ("提交评估", "Assessment submitted"),
    "assessment.approve": ("批准评估", "Assessment approved"),
    "assessment.reject": ("退回评估", "Assessment rejected"),
    "limit.request": ("申请调整额度", "Limit change requested"),
    "limit.approve": ("批准额度调整", "Limit change approved"),
    "limit.reject": ("驳回额度调整", "Limit change rejected"),
    "review.done": ("完成复审", "Review done"),
    "review.snooze": ("推迟复审", "Review put off"),
    "review.cycle": ("调整复审周期", "Review cycle changed"),
    "warning.raise": ("触发预警", "Warning raised"),
    "warning.escalate": ("预警升级", "Warning escalated"),
    "warning.lower": ("预警降级", "Warning lowered"),
    "warning.acknowledge": ("确认预警", "Warning acknowledged"),
    "warning.action": ("处置预警", "Warning handled"),
    "warning.close": ("关闭预警", "Warning closed"),
    "report.reserve": ("预留报告编号", "Report number reserved"),
    "report.export": ("导出报告", "Report exported"),
    "report.void": ("报告编号作废（报告未生成）", "Report number voided (report not made)"),
    "audit.reanchor": ("重新锚定链头", "Chain head re-anchored"),
    "audit.export": ("导出审计日志", "Audit log exported"),
    "import.customers": ("导入客户档案", "Customers imported"),
    "import.financials": ("导入财务报表", "Financial statements imported"),
    "import.transactions": ("导入交易记录", "Transactions imported"),
    "import.mapping_saved": ("保存导入映射", "Import mapping saved"),
    "import.mapping_deleted": ("删除导入映射", "Import mapping deleted"),
    "export.customers": ("导出客户数据", "Customer data exported"),
    "backup.create": ("备份数据库", "Database backed up"),
    "backup.restore": ("从备份恢复", "Restored from a backup"),
    "backup.rekey": ("备份改用新密钥", "Backups re-encrypted"),
    "backup.delete": ("删除备份", "Backup deleted"),
    "privacy.export": ("导出个人信息", "Personal data exported"),
    "privacy.erase": ("删除个人信息", "Personal data erased"),
    "privacy.purge": ("按保存期限清除", "Retention purge"),
}

#: labels of the keys entries carry that are not fields of a file (``fields.label``)
DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "grade": ("等级", "Grade"), "computed_grade": ("计算等级", "Computed grade"),
    "grade_before": ("原等级", "Previous grade"), "risk_level": ("风险等级", "Risk level"),
    "score": ("得分", "Score"), "incomplete": ("资料不全", "Incomplete"),
    "recommended_limit": ("建议额度", "Recommended limit"),
    "approved_limit": ("核定额度", "Approved limit"),
    "limit_before": ("原额度", "Previous limit"), "valid_until": ("有效期至", "Valid until"),
    "next_review": ("下次复审", "Next review"), "missing": ("缺失项", "Missing inputs"),
    "before": ("调整前", "Before"), "after": ("调整后", "After"),
    "from": ("由", "From"), "to": ("改为", "To"), "count": ("次数", "Count"),
    "rule": ("预警规则", "Rule"), "severity": ("严重程度", "Severity"),
    "facts": ("情况", "Facts"), "filename": ("文件名", "File name"),
    "size": ("大小", "Size"), "sha256": ("校验值", "Checksum"),
    "digest": ("摘要", "Digest"), "language": ("语言", "Language"),
    "pages": ("页数", "Pages"), "encrypted": ("已加密", "Encrypted"),
    "role": ("角色", "Role"), "clearance": ("密级权限", "Clearance"),
    "display": ("显示名", "Display name"), "active": ("启用", "Active"),
    "firm": ("公司", "Firm"), "fields": ("项目", "Items"), "level": ("保密级别", "Level"),
    "serial": ("证书号", "Certificate no."), "changed": ("变更", "Changed"),
    "epoch": ("密钥代数", "Key epoch"), "epochs": ("密钥代数", "Key epochs"),
    "levels": ("密级", "Levels"), "columns": ("列数", "Columns"),
    "replaced": ("替换原有", "Replaced an existing one"), "total": ("总行数", "Rows"),
    "imported": ("新增", "Imported"), "updated": ("更新", "Updated"),
    "rejected": ("拒收", "Rejected"), "duplicates": ("重复", "Duplicates"),
    "skip_invalid": ("跳过有误的行", "Skip invalid rows"),
    "update_existing": ("更新已有档案", "Update existing files"),
    "accept_warnings": ("接受警告的理由", "Reason to accept warnings"),
    "folder": ("文件夹", "Folder"), "audit_head": ("审计链头", "Audit chain head"),
    "backup": ("备份", "Backup"), "backup_made": ("备份时间", "Backup made"),
    "backup_head": ("备份的链头", "Backup's chain head"),
    "office": ("办公室数据库", "Office database"),
    "set_aside": ("原数据库另存为", "Previous database kept as"),
    "years": ("保存年限", "Years kept"), "erased": ("已删除的档案", "Files erased"),
    "contacts_removed": ("删除联系人", "Contacts removed"),
    "records_removed": ("删除记录", "Records removed"), "record_ids": ("记录", "Records"),
    "documents": ("附件", "Documents"), "customers": ("客户", "Customers"),
    "records": ("记录", "Records"), "levels_up_to": ("最高密级", "Levels up to"),
    "revealed": ("显示的敏感项", "Revealed"), "format": ("格式", "Format"),
    "entries": ("条数", "Entries"), "filters": ("筛选条件", "Filters"),
    "user": ("用户", "User"), "action": ("操作", "Operation"), "customer": ("客户", "Customer"),
    "start": ("起始日期", "From"), "end": ("截止日期", "Until"),
    "customers_matched": ("符合的客户数", "Matching files"),
    "at": ("时间", "Time"), "reported_by": ("记录来源", "Reported by"),
    "why": ("原因", "Why"), "snoozes": ("已推迟次数", "Times put off"),
    "status": ("状态", "Status"), "previous_head": ("原链头", "Previous head"),
    "cut": ("截断", "Cut"), "legacy_entries": ("转换前记录", "Earlier entries"),
    "legacy_digest": ("转换前摘要", "Digest of earlier entries"),
    "sealed_rows": ("加密的行", "Rows sealed"), "users": ("用户", "Users"),
    "one_time_passwords_for": ("发放一次性密码", "One-time passwords for"),
    "without_keys": ("无密钥的用户", "Users without keys"),
    "kind": ("类别", "Kind"), "id": ("编号", "ID"), "printed": ("报告中明文显示", "Printed in clear"),
    "watermark": ("水印", "Watermark"), "made_by": ("备份人", "Made by"),
    "label": ("备注", "Label"), "created_at": ("建立时间", "Made at"),
    "decision": ("决定", "Decision"), "four_eyes": ("双人审批", "Four eyes"),
    "needs_approval": ("须另一位经理批准", "Needs a second manager's approval"),
}

i18n.register({f"av.a.{code}": texts for code, texts in ACTIONS.items()})
i18n.register({f"av.f.{key}": texts for key, texts in DETAIL_LABELS.items()})
i18n.register({
    "av.system": ("系统", "System"),
    "av.hidden": ("（涉及超出您密级的档案，不予显示）",
                  "(concerns a file above your clearance: not shown)"),
    "av.yes": ("是", "yes"), "av.no": ("否", "no"),
    "av.bytes": ("{size} 字节", "{size} bytes"),
    "av.months": ("{months} 个月", "{months} months"),
    "av.by_risk": ("按风险等级", "by risk level"),
    "av.override": ("{field}（已确认警告：{reason}）", "{field} (warning accepted: {reason})"),
    "av.item.document": ("附件", "Document"), "av.item.assessment": ("评估", "Assessment"),
    "av.item.limit_change": ("额度调整", "Limit change"), "av.item.warning": ("预警", "Warning"),
    "av.item.report": ("报告", "Report"), "av.item.user": ("用户", "User"),
    "av.user_shown": ("{shown}（{name}）", "{shown} ({name})"),
    "av.lang.zh": ("中文", "Chinese"), "av.lang.en": ("英文", "English"),
    "av.col.seq": ("序号", "No."), "av.col.time": ("时间", "Time"),
    "av.col.user": ("用户", "User"), "av.col.action": ("操作", "Operation"),
    "av.col.code": ("客户编号", "Customer code"), "av.col.name": ("客户名称", "Customer name"),
    "av.col.item": ("对象", "Item"), "av.col.details": ("内容", "Details"),
})

#: keys whose values are money (integer fen): every money field of a file or record, and
#: the limits an assessment or a limit change carries
MONEY_KEYS = frozenset(
    [f.key for f in CUSTOMER_FIELDS if f.type in ("money", "signed_money")]
    + [f.key for kind in RECORD_KINDS.values() for f in kind.fields
       if f.type in ("money", "signed_money")]
    + ["recommended_limit", "approved_limit", "limit_before", "credit_limit", "current_limit",
       "new_limit", "exposure", "limit"])
#: checksums and digests: their first characters identify them
_HASH_KEYS = frozenset({"sha256", "digest", "legacy_digest", "hash"})
DETAIL_CHARS = 200


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if i18n.language() == "zh" else pair[1]


def action_label(action: str) -> str:
    """The operation's label in the current language (its code when it has none)."""
    return _pick(ACTIONS[action]) if action in ACTIONS else action


def action_choices() -> list[tuple[str, str]]:
    """(code, label) of every operation, in the catalogue's order (for a filter list)."""
    return [(code, action_label(code)) for code in ACTIONS]


def _cap(text: str) -> str:
    """A label heading a detail or an item: capitalised in English (field labels are kept in
    lower case for use inside sentences)."""
    return text[:1].upper() + text[1:] if i18n.language() == "en" else text


def detail_label(key: str) -> str:
    if key in DETAIL_LABELS:
        return _pick(DETAIL_LABELS[key])
    return _cap(label(key))


def user_label(user: str, people: dict[str, str] | None = None) -> str:
    """Who made an entry: the person as the window shows them (``users.display_names``)
    with the user name the chain records, so that an auditor can tie the two."""
    if user == SYSTEM_USER:
        return i18n.tr("av.system")
    shown = (people or {}).get(user)
    return i18n.tr("av.user_shown", shown=shown, name=user) if shown and shown != user else user


def local_time(stamp: str | None) -> str:
    """A stored UTC timestamp in local time, to the second."""
    return clock.local_text(stamp, seconds=True) if isinstance(stamp, str) else str(stamp or "")


def _level_text(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(LEVELS):
        return level_label(value)
    if value in LEVEL_LABELS:
        return _pick(LEVEL_LABELS[value])
    return str(value)


def _enum(key: str, value, action: str):
    """An enumeration's label (None: ``key`` holds no enumeration here)."""
    from .access import ROLE_LABELS
    from .grading.scale import RISK_LABELS
    from .warnings import RANK, rule_label, severity_label, status_label
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    if key in ("level", "clearance", "levels_up_to") or \
            (action == "settings.field_level" and key in ("before", "after")):
        return _level_text(value)
    if key == "risk_level" and value in RISK_LABELS:
        return _pick(RISK_LABELS[value])
    if key == "role" and value in ROLE_LABELS:
        return _pick(ROLE_LABELS[value])
    if key == "severity" or (action.startswith("warning.") and key in ("from", "to")
                             and value in RANK):
        return severity_label(value)
    if key == "rule" and action.startswith("warning."):
        return rule_label(value)
    if key == "status" and action.startswith("warning."):
        return status_label(value)
    if key in ("reason", "kind") and action.startswith("backup."):
        from . import backup  # noqa: F401  (registers the names of the kinds of sets)
        if (text := i18n.tr(f"backup.kind.{value}")) != f"backup.kind.{value}":
            return text
    if key == "kind" and action.startswith("report."):
        from .exports import kind_label
        return kind_label(value)
    if key == "language" and value in ("zh", "en"):
        return i18n.tr(f"av.lang.{value}")
    if key == "action" and action == "refused":
        return action_label(value)
    if key == "months" and isinstance(value, int):
        return i18n.tr("av.months", months=value)
    if key == "size" and isinstance(value, int):
        return i18n.tr("av.bytes", size=f"{value:,}")
    if key in ("at", "created_at", "backup_made") and isinstance(value, str) and "T" in value:
        return local_time(value)
    if key in ("audit_head", "backup_head") and isinstance(value, int):
        return f"#{value}"
    if key in _HASH_KEYS and isinstance(value, str) and len(value) > 16:
        return value[:12] + "…"
    if key == "format" and isinstance(value, str):
        return value.upper()
    if isinstance(value, str) and value in _choice_values():
        return choice_label(value)
    return None


@functools.cache
def _choice_values() -> frozenset:
    from .fields import all_choice_values
    return frozenset(all_choice_values())


def value_text(key: str, value, action: str = "") -> str:
    """One value of an entry as people read it."""
    if key == "months" and value is None and action == "review.cycle":
        return i18n.tr("av.by_risk")        # the file's own cycle given up for its risk's
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return i18n.tr("av.yes" if value else "av.no")
    money = key in MONEY_KEYS or (action.startswith("limit.") and key in ("before", "after"))
    if money and isinstance(value, int):
        return format_money(value)
    if key in ("fields", "revealed", "printed") and isinstance(value, list):
        return _list([label(str(v)) for v in value])
    if key == "missing" and isinstance(value, list):
        return _list([_factor_label(str(v)) for v in value])
    if key == "record_ids" and isinstance(value, list):
        return ", ".join(item_text(str(v)) for v in value)
    if key == "previous_head" and isinstance(value, dict):
        return f"#{value.get('seq')} {str(value.get('hash') or '')[:12]}"
    if isinstance(value, list):
        return ", ".join(value_text(key, v, action) for v in value)
    if isinstance(value, dict):
        return "(" + _join([f"{detail_label(k)}: {value_text(k, v, action)}"
                            for k, v in value.items()]) + ")"
    shown = _enum(key, value, action)
    if shown is not None:
        return shown
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _list(items: list[str]) -> str:
    return ("、" if i18n.language() == "zh" else ", ").join(items)


def _factor_label(key: str) -> str:
    """A scorecard factor by its measure's label (the Altman factor scores its zone)."""
    from .grading.metrics import METRICS
    metric = METRICS.get(key) or METRICS.get(f"{key}_zone")
    return metric.label if metric else label(key)


def _join(parts: list[str]) -> str:
    return ("；" if i18n.language() == "zh" else "; ").join(parts)


#: the order details are told in (the log keeps keys sorted); others follow, then these last
_FIRST = ("rule", "severity", "from", "to", "status", "grade", "computed_grade", "adjustment",
          "risk_level", "score", "recommended_limit", "approved_limit", "grade_before",
          "limit_before", "valid_until", "next_review", "missing", "missing_reason", "kind",
          "name", "filename", "role", "clearance", "level")
_LAST = ("reason", "note", "why", *sorted(_HASH_KEYS))


def _rank(key: str) -> int:
    if key in _FIRST:
        return _FIRST.index(key)
    return len(_FIRST) + 1 + _LAST.index(key) if key in _LAST else len(_FIRST)


def details(action: str, summary, limit: int | None = DETAIL_CHARS, obj: str = "") -> str:
    """An entry's details in one line: each item by its label, a change as
    "before → after", money in yuan; masked values stay masked. ``obj`` is the entry's
    object: a switch among the settings (a warning rule on or off) reads 否 → 是, not 0 → 1."""
    if not summary:
        return ""
    if action == "settings.set" and isinstance(summary, dict) and _switch_setting(obj):
        summary = {k: (v == "1") if k in ("before", "after") and v in ("0", "1") else v
                   for k, v in summary.items()}
    if not isinstance(summary, dict):
        text = value_text("", summary, action)
    else:
        from .warnings import RESOLVED, facts_text, note_text
        parts = []

        def add(key, value):
            if isinstance(value, dict) and {"before", "after"} <= set(value) and len(value) == 2:
                parts.append(f"{detail_label(key)}: {value_text(key, value['before'], action)}"
                             f" → {value_text(key, value['after'], action)}")
            elif key == "fields" and isinstance(value, dict):
                for k in sorted(value, key=_rank):
                    add(k, value[k])
            elif key == "overrides" and isinstance(value, dict):
                parts.extend(i18n.tr("av.override", field=detail_label(k), reason=reason)
                             for k, reason in value.items())
            elif (value is None or value == "" or value == []) and not (
                    key == "months" and action == "review.cycle"):
                return          # an empty item says nothing (a reason not given, no inputs missing)
            elif key == "facts" and isinstance(value, dict):
                parts.append(facts_text(summary.get("rule", ""), value))
            elif key == "note" and action == "warning.close" and value == RESOLVED:
                parts.append(f"{detail_label(key)}: {note_text(SYSTEM_USER, 'close', value)}")
            elif key == "id" and action == "customer.level":
                return          # the file's row number: the customer column names the file
            else:
                parts.append(f"{detail_label(key)}: {value_text(key, value, action)}")
        if {"before", "after"} <= set(summary):
            # A value changed (a limit, a setting, a field's level): "before → after" first.
            change = (f"{value_text('before', summary['before'], action)} → "
                      f"{value_text('after', summary['after'], action)}")
            what = {"settings.field_level": detail_label("level")}.get(
                action, label("limit") if action.startswith("limit.") else "")
            parts.append(f"{what}: {change}" if what else change)
            summary = {k: v for k, v in summary.items() if k not in ("before", "after")}
        for key in sorted(summary, key=_rank):
            add(key, summary[key])
        text = _join(parts)
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _switch_setting(key: str) -> bool:
    """Settings stored as "0"/"1" (``backup.BackupConfig`` and the warning rules write them so)."""
    return key == "backup_on_exit" or re.fullmatch(r"warning\.\w+\.enabled", key or "") is not None


def item_text(obj: str, action: str = "", code: str | None = None) -> str:
    """The item an entry is about, by its kind ("评估 #255", "交易记录 #12"); "" when it is
    the file itself (the customer column names it)."""
    if not obj or (code and obj.upper() == code.upper()) or \
            action.startswith(("login", "logout", "unlock", "restore.confirm")):
        return ""       # the file itself, or the user who logged in (the user column)
    kind, sep, number = obj.rpartition("#")
    if sep and number.isdigit():
        if kind in RECORD_KINDS:
            return f"{_cap(_pick((RECORD_KINDS[kind].zh, RECORD_KINDS[kind].en)))} #{number}"
        if f"av.item.{kind}" in _ITEM_KEYS:
            return f"{i18n.tr(f'av.item.{kind}')} #{number}"
    if action == "record.reveal" and obj in RECORD_KINDS:
        return _cap(_pick((RECORD_KINDS[obj].zh, RECORD_KINDS[obj].en)))
    if action.startswith("report."):
        return f"{i18n.tr('av.item.report')} {obj}"
    if action == "settings.field_level":
        return _cap(label(obj))
    if action == "settings.set":
        return setting_label(obj)
    if action.startswith("user.") or action == "cert.issue":
        return f"{i18n.tr('av.item.user')} {obj}"
    return obj


# What each setting is, as the audit log names a change of it (by key, the settings'
# table's names).
i18n.register({
    "av.setting.firm_name": ("单位名称", "Firm name"),
    "av.setting.privacy.closed_years": ("已关闭客户档案保留年限", "Years a closed file is kept"),
    "av.setting.privacy.negative_years": ("负面记录保留年限", "Years a negative record is kept"),
    "av.setting.review.cycle.high": ("复审周期（高风险，月）", "Review cycle, high risk (months)"),
    "av.setting.review.cycle.medium": ("复审周期（中风险，月）",
                                       "Review cycle, medium risk (months)"),
    "av.setting.review.cycle.low": ("复审周期（低风险，月）", "Review cycle, low risk (months)"),
    "av.setting.review.unrated_days": ("未评级客户首次复审期限（天）",
                                       "First review of an unrated file (days)"),
    "av.setting.review.triggered_days": ("预警触发复审期限（天）",
                                         "Review triggered by a warning (days)"),
    "av.setting.review.snooze_days": ("复审每次推迟天数", "Days a review is put off"),
    "av.setting.review.snooze_limit": ("复审最多推迟次数", "Times a review may be put off"),
    "av.setting.review.hold_days": ("逾期冻结授信天数", "Days overdue before credit is held"),
    "av.setting.backup_folder": ("备份文件夹", "Backup folder"),
    "av.setting.backup_daily": ("保留每日备份份数", "Daily backups kept"),
    "av.setting.backup_weekly": ("保留每周备份份数", "Weekly backups kept"),
    "av.setting.backup_on_exit": ("退出时备份", "Back up on exit"),
    "av.setting.backup_recent": ("保留当天自动备份份数", "Automatic backups of today kept"),
    "av.setting.scorecard.default.individual": ("个人客户默认评分卡",
                                                "Default scorecard for individuals"),
    "av.setting.scorecard.default.enterprise": ("企业客户默认评分卡",
                                                "Default scorecard for enterprises"),
    "av.setting.warning_rule": ("预警规则“{rule}”启用", "Warning rule “{rule}” on"),
})


def setting_label(key: str) -> str:
    """A setting by what it is ("预警规则“逾期付款”启用", "Review cycle, high risk (months)");
    its key when it has no label (a setting added later)."""
    rule = re.fullmatch(r"warning\.(\w+)\.enabled", key)
    if rule:
        from .warnings import rule_label
        return i18n.tr("av.setting.warning_rule", rule=rule_label(rule.group(1)))
    return i18n.tr(f"av.setting.{key}") if i18n.texts(f"av.setting.{key}") else key


_ITEM_KEYS = frozenset(f"av.item.{k}" for k in ("document", "assessment", "limit_change",
                                                 "warning"))


# -- entries shown ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    """One entry as shown: every field already text in the current language."""
    seq: int
    time: str                  # local time
    user: str                  # user name (the program's own entries: "System")
    action: str                # the code, for filters and tests
    operation: str             # its label
    code: str                  # the file's code ("" for entries about no file, or withheld)
    name: str                  # the file's name, when the reader may see it
    item: str
    details: str
    withheld: bool

    @property
    def customer(self) -> str:
        return f"{self.code} {self.name}".strip()

    def cells(self) -> list:
        return [self.seq, self.time, self.user, self.operation, self.code, self.name,
                self.item, self.details]


COLUMN_KEYS = ("seq", "time", "user", "action", "code", "name", "item", "details")


def column_labels() -> list[str]:
    return [i18n.tr(f"av.col.{key}") for key in COLUMN_KEYS]


def customer_names(desk, codes) -> dict[str, str]:
    """code -> name of the files among ``codes`` this desk's user may see (others are left
    out: a file above their clearance, or sealed under a key they lack, shows no name)."""
    codes = sorted({c for c in codes if c})
    if not codes:
        return {}
    rows = desk.db.execute(
        "SELECT code, name, level, id FROM customers "
        "WHERE code IN (SELECT value FROM json_each(?))", [json.dumps(codes)]).fetchall()
    clearance, logged = desk.access.clearance, desk.facts.file_levels
    # The level the log last gave a file counts too (as ``AuditLog.entries`` withholds).
    return {code: name for code, name, level, file_id in rows
            if name is not None and max(level, logged.get(file_id, 0)) <= clearance}


def present(desk, entries: list[dict], limit: int | None = DETAIL_CHARS) -> list[Row]:
    """Entries (``AuditLog.entries``, as this reader may read them) as rows to show."""
    names = customer_names(desk, {e["customer"] for e in entries if not e["withheld"]})
    people = desk.users.display_names()
    return [present_one(e, names, limit, people) for e in entries]


def present_one(entry: dict, names: dict[str, str], limit: int | None = DETAIL_CHARS,
                people: dict[str, str] | None = None) -> Row:
    action = entry["action"]
    who = user_label(entry["user"], people)
    if entry["withheld"]:
        return Row(entry["seq"], local_time(entry["at"]), who, action,
                   action_label(action), "", "", "", i18n.tr("av.hidden"), True)
    code = entry.get("customer") or ""
    return Row(entry["seq"], local_time(entry["at"]), who, action,
               action_label(action), code, names.get(code, ""),
               item_text(entry.get("object") or "", action, code),
               details(action, entry.get("summary"), limit, entry.get("object") or ""), False)
