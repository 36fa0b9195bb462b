"""A person's copy of their data (PIPL access request): a ZIP with JSON, documents and the
credit audit report."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..core.privacy import to_json
from . import export

#: a fixed time for the ZIP entries, so the archive says nothing beyond its content
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def subject_zip(desk, code: str, out: Path | str, reason: str) -> dict:
    """Write everything held about individual ``code`` to the ZIP ``out``: ``data.json``,
    ``documents/…`` and the customer credit report (a registered export). Returns counts."""
    held = desk.privacy.subject_data(code, reason)
    report = export.customer(desk, held["code"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, data: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data,
                             compress_type=zipfile.ZIP_DEFLATED)
        add("data.json", to_json(held["data"]).encode("utf-8"))
        for name, content in held["files"]:
            add(f"documents/{name}", content)
        add(report.file_name, report.data)
    export.write_bytes(buffer.getvalue(), out)
    return {"code": held["code"], "documents": len(held["files"]), "report": report.number,
            "path": str(out)}
