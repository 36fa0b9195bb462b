"""Exporting reports: number, render, encrypt, register, write; batches; verifying a file.

Every function here makes a *registered* export (``desk.exports``: the number reserved in
one short transaction, the render outside any, the fingerprint registered in a second): the bytes
returned are exactly the bytes fingerprinted in the register and logged, so a
file written from them passes ``verify_file``. Writing is atomic (a temporary
name, fsync, rename): a crash never leaves half a report under the real name.
"""

from __future__ import annotations

import datetime
import io
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..core import i18n
from ..core.changes import Changes
from ..core.errors import CustdeskError
from ..core.exports import Rendered, Stamp
from ..core.files import os_error_text, private_dir, read_regular, write_atomic_bytes

i18n.register({
    "report.no_codes": ("没有选择客户", "No customers were chosen"),
    "report.bad_period": ("结束日期早于开始日期", "The end date is before the start date"),
    "report.out_dir": ("无法写入文件夹 {path}：{error}", "Cannot write to the folder {path}: {error}"),
    "report.write": ("无法写入 {path}：{error}", "Cannot write {path}: {error}"),
    "report.read": ("无法读取 {path}：{error}", "Cannot read {path}: {error}"),
})

#: the largest file ``verify_file`` reads (a batch report of a large firm fits well within)
VERIFY_LIMIT = 256 << 20
#: where a report states its own number, so that a changed copy still names its original
NUMBER_KEY = "/CustdeskReport"
_NUMBER_RE = re.compile(rb"\b((?:ZX|FS|ZH|SJ)-\d{4}-\d{6})\b")


@dataclass(frozen=True)
class Export:
    """One registered export, with the bytes to write."""
    number: str
    kind: str
    code: str | None
    data: bytes
    pages: int
    sha256: str
    encrypted: bool
    language: str
    at: str
    changes: Changes = field(default_factory=Changes)

    @property
    def file_name(self) -> str:
        """A file name a clerk recognises: number, customer code, ``.pdf``."""
        return f"{self.number}-{self.code}.pdf" if self.code else f"{self.number}.pdf"


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)    # (code, message)
    cancelled: bool = False

    @property
    def changes(self) -> Changes:
        return Changes.of("exports") if self.written else Changes()


def _language(lang: str | None) -> str:
    return lang or i18n.language()


def _export(desk, kind: str, render: Callable[[Stamp], Rendered], lang: str | None,
            customer: str | None = None, params: dict | None = None) -> Export:
    language = _language(lang)
    with i18n.using(language):
        row = desk.exports.export(kind, render, language=language, customer=customer,
                                  params=params)
    return Export(row["number"], kind, row["code"], row["data"], row["pages"], row["sha256"],
                  bool(row["encrypted"]), language, row["at"], row["changes"])


def encrypt(data: bytes, password: str) -> bytes:
    """``data`` encrypted with AES-256 (PDF 2.0, R6): standard readers ask for ``password``.

    The owner password is random and thrown away: nobody can lift the restrictions
    (no editing) without re-creating the document. Encrypted output is not byte-stable
    (fresh salts each time); the register fingerprints the encrypted bytes.
    """
    import pikepdf
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(
            user=password, owner=secrets.token_urlsafe(24), R=6,
            allow=pikepdf.Permissions(modify_annotation=False, modify_assembly=False,
                                      modify_form=False, modify_other=False)))
    return out.getvalue()


def _finish(pdf: Rendered, password: str | None) -> Rendered:
    if not password:
        return pdf
    return Rendered(encrypt(pdf.data, password), pdf.pages, encrypted=True)


# -- the reports -------------------------------------------------------------------
def customer(desk, code: str, *, lang: str | None = None, password: str | None = None) -> Export:
    """The customer credit audit report (客户资信审核报告) of one file, as this user may see it."""
    from . import customer as report
    code = code.strip().upper()
    language = _language(lang)
    with i18n.using(language):
        data = report.gather(desk, code)
    return _export(desk, "customer",
                   lambda stamp: _finish(report.render(data, stamp), password),
                   language, customer=code,
                   params={"watermark": data.watermarked, "printed": data.printed})


def reviews(desk, start: datetime.date, end: datetime.date, *, lang: str | None = None) -> Export:
    """The review schedule from ``start`` to ``end`` (inclusive), week by week."""
    from . import schedule as report
    if end < start:
        raise CustdeskError(i18n.tr("report.bad_period"))
    language = _language(lang)
    with i18n.using(language):
        data = report.gather(desk, start, end)
    return _export(desk, "reviews", lambda stamp: report.render(data, stamp), language,
                   params={"from": start.isoformat(), "to": end.isoformat()})


def portfolio(desk, *, lang: str | None = None) -> Export:
    """Counts and exposure by grade and risk, the largest exposures, open warnings."""
    from . import portfolio as report
    language = _language(lang)
    with i18n.using(language):
        data = report.gather(desk)
    return _export(desk, "portfolio", lambda stamp: report.render(data, stamp), language)


def audit(desk, *, customer: str | None = None, start: datetime.date | None = None,
          end: datetime.date | None = None, lang: str | None = None) -> Export:
    """The audit trail of one customer or of a period, with the chain's verification."""
    from . import trail as report
    if start and end and end < start:
        raise CustdeskError(i18n.tr("report.bad_period"))
    language = _language(lang)
    code = customer.strip().upper() if customer else None
    with i18n.using(language):
        data = report.gather(desk, code, start, end)
    params = {k: v for k, v in (("from", start and start.isoformat()),
                                ("to", end and end.isoformat())) if v}
    return _export(desk, "audit", lambda stamp: report.render(data, stamp), language,
                   customer=code, params=params)


def validation(desk, render: Callable[[Stamp], Rendered], language: str,
               params: dict) -> Export:
    """A scorecard validation report (``reports.validation.make`` gathers it)."""
    return _export(desk, "validation", render, language, params=params)


# -- files ------------------------------------------------------------------------------
def write(export: Export, path: Path | str) -> Path:
    """Write the export's bytes to ``path`` atomically; return the path."""
    return write_bytes(export.data, path)


def write_bytes(data: bytes, path: Path | str) -> Path:
    """Write ``data`` to ``path`` atomically (temporary name, fsync, rename); return the path."""
    path = Path(path)
    try:
        write_atomic_bytes(path, data)
    except OSError as error:
        raise CustdeskError(i18n.tr("report.write", path=path, error=os_error_text(error))) \
            from error
    return path


def batch(desk, codes: list[str], out_dir: Path | str, *, lang: str | None = None,
          password: str | None = None,
          progress: Callable[[int, int, str], bool] | None = None) -> BatchResult:
    """One customer report per code into ``out_dir``.

    ``progress(done, total, code)`` is called before each file and once at the end; when
    it returns False the batch stops (files already written stay). A file that cannot be
    made (not found, no clearance) is reported in ``failed`` and the batch goes on.
    """
    codes = [c.strip().upper() for c in codes if c.strip()]
    if not codes:
        raise CustdeskError(i18n.tr("report.no_codes"))
    out_dir = Path(out_dir)
    try:
        private_dir(out_dir)
    except OSError as error:
        raise CustdeskError(i18n.tr("report.out_dir", path=out_dir, error=os_error_text(error))) \
            from error
    result = BatchResult()
    for done, code in enumerate(codes):
        if progress is not None and progress(done, len(codes), code) is False:
            result.cancelled = True
            return result
        try:
            made = customer(desk, code, lang=lang, password=password)
            result.written.append(write(made, out_dir / made.file_name))
        except CustdeskError as error:
            result.failed.append((code, str(error)))
    if progress is not None:
        progress(len(codes), len(codes), "")
    return result


def claimed_number(data: bytes) -> str | None:
    """The report number a PDF says it carries (even if it was changed), when readable."""
    try:
        import pikepdf
        with pikepdf.open(io.BytesIO(data)) as pdf:
            value = pdf.docinfo.get(NUMBER_KEY)
            if value is not None:
                return str(value)
    except Exception:  # noqa: BLE001 - a damaged or encrypted file: fall back to the bytes
        pass
    found = _NUMBER_RE.search(data)
    return found.group(1).decode() if found else None


def checkpoint_of(data: bytes) -> dict | None:
    """The signed audit checkpoint a report carries in its metadata (None: none, or the file
    is encrypted or not a report)."""
    import json
    try:
        import pikepdf
        with pikepdf.open(io.BytesIO(data)) as pdf:
            keywords = str(pdf.docinfo.get("/Keywords", ""))
    except Exception:  # noqa: BLE001 - not a PDF we can read: no checkpoint
        return None
    start = keywords.find("{")
    if start < 0:
        return None
    try:
        point = json.loads(keywords[start:])
    except ValueError:
        return None
    return point if isinstance(point, dict) and "seq" in point else None


def verify_file(desk, path: Path | str) -> dict:
    """Whether the file at ``path`` is an unaltered export of this database, and which."""
    path = Path(path)
    try:
        data = read_regular(path, VERIFY_LIMIT)
    except OSError as error:
        raise CustdeskError(i18n.tr("report.read", path=path, error=os_error_text(error))) \
            from error
    except ValueError as error:          # a folder, a device, a pipe; too large
        raise CustdeskError(i18n.tr("report.read", path=path, error=error)) from error
    return desk.exports.verify(data, claimed_number(data))
