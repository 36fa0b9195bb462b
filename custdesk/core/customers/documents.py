"""Documents (ID scans, licences, statements): stored inside the encrypted database."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import clock, i18n
from ..changes import Changes
from ..cleaning import check_one, clean_fields
from ..errors import FieldError, NotFound, ValidationError
from ..files import FileTooBig, NotRegularFile, os_error_text, read_regular
from ..fields import DOCUMENT_FIELDS
from ..validation import check_text

MAX_BYTES = 20 * 1024 * 1024

i18n.register({
    "document.too_big": ("文件过大（{size:.1f} MB），上限为 {limit} MB",
                         "the file is too large ({size:.1f} MB); the limit is {limit} MB"),
    "document.empty": ("文件是空的", "the file is empty"),
    "document.unreadable": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "document.not_regular": ("只能添加普通文件（这是文件夹、设备或管道）",
                             "only ordinary files can be added (this is a folder, a device or a pipe)"),
    "document.bad_name": ("文件名不能为空，也不能含换行", "a file name cannot be empty or contain line breaks"),
    "document.corrupt": ("文件内容与登记的校验值不符，可能已损坏",
                         "the file's content does not match its recorded checksum; it may be damaged"),
})

LIST_COLUMNS = ("id", "kind", "filename", "size", "sha256", "expires_on", "notes", "created_at",
                "created_by")


def _file_name(name: str) -> str:
    """The base name of an uploaded file, kept as typed (underscores, brackets and all)."""
    base = check_one("file", check_text, Path(str(name).replace("\\", "/")).name, 255)
    if not base or "\n" in base:
        raise ValidationError(FieldError("file", "document.bad_name"))
    return base


def read_document(path: Path) -> bytes:
    """The bytes of an ordinary file up to the limit (``files.read_regular``), or refused."""
    try:
        return read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        raise ValidationError(FieldError("file", "document.not_regular")) from exc
    except FileTooBig as exc:
        DocumentStore._too_big(exc.size)
    except OSError as exc:
        raise ValidationError(FieldError("file", "document.unreadable",
                                         {"error": os_error_text(exc)})) from exc


class DocumentStore:
    def __init__(self, desk):
        self._desk = desk

    def add_file(self, code: str, path: Path | str, kind: str, **fields) -> Changes:
        path = Path(path)
        return self.add(code, path.name, read_document(path), kind, **fields)

    @staticmethod
    def _too_big(size: int):
        raise ValidationError(FieldError("file", "document.too_big",
                                         {"size": size / 1048576, "limit": MAX_BYTES // 1048576}))

    def add(self, code: str, filename: str, content: bytes, kind: str, **fields) -> Changes:
        desk = self._desk
        desk.access.require("customer.edit", i18n.tr("customer.edit"))
        customer_id = desk.customers.require_visible(code)
        clean, _, _ = clean_fields(DOCUMENT_FIELDS, {"kind": kind, **fields}, required=True)
        if len(content) > MAX_BYTES:
            self._too_big(len(content))
        if not content:
            raise ValidationError(FieldError("file", "document.empty"))
        filename = _file_name(filename)
        digest = hashlib.sha256(content).hexdigest()
        now = clock.timestamp()
        with desk.writing():
            doc_id = desk.store.insert("documents", {
                "customer_id": customer_id, "filename": filename, "size": len(content),
                "sha256": digest, "content": content, **{k: v for k, v in clean.items() if v is not None},
                "created_at": now, "created_by": desk.user.name, "updated_at": now})
            desk.audit.append("document.add", f"document#{doc_id}", customer=code.upper(),
                              summary={"filename": filename, "kind": clean["kind"], "size": len(content),
                                       "sha256": digest})
            desk.warnings.evaluate(clock.today(), [customer_id])   # missing or expiring papers
        return Changes.of("documents", "warnings", code=code.upper(), id=doc_id)

    def list(self, code: str) -> list[dict]:
        customer_id = self._desk.customers.require_visible(code)
        rows = self._desk.db.execute(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM documents WHERE customer_id = ? ORDER BY id",
            [customer_id])
        return [dict(zip(LIST_COLUMNS, row)) for row in rows.fetchall()]

    def content(self, code: str, doc_id: int) -> tuple[str, bytes]:
        """(file name, bytes) of a document; opening it is logged and its checksum checked."""
        desk = self._desk
        customer_id = desk.customers.require_visible(code)
        row = desk.db.execute("SELECT filename, content, sha256 FROM documents WHERE id = ? "
                              "AND customer_id = ?", [doc_id, customer_id]).fetchone()
        if row is None:
            raise NotFound(f"{code} document#{doc_id}")
        filename, content, digest = row
        if content is None or hashlib.sha256(content).hexdigest() != digest:
            raise ValidationError(FieldError("file", "document.corrupt"))
        with desk.writing():
            desk.audit.append("document.open", f"document#{doc_id}", customer=code.upper(),
                              summary={"filename": filename})
        return filename, bytes(content)

    def delete(self, code: str, doc_id: int) -> Changes:
        desk = self._desk
        desk.access.require("customer.edit", i18n.tr("customer.edit"))
        customer_id = desk.customers.require_visible(code)
        row = desk.db.execute("SELECT filename, sha256 FROM documents WHERE id = ? AND customer_id = ?",
                              [doc_id, customer_id]).fetchone()
        if row is None:
            raise NotFound(f"{code} document#{doc_id}")
        with desk.writing():
            desk.db.execute("DELETE FROM main.documents WHERE id = ?", [doc_id])
            desk.audit.append("document.delete", f"document#{doc_id}", customer=code.upper(),
                              summary={"filename": row[0], "sha256": row[1]})
            desk.warnings.evaluate(clock.today(), [customer_id])
        return Changes.of("documents", "warnings", code=code.upper(), id=doc_id)
