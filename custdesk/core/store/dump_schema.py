"""Print the schema that the migrations build (to refresh ``db_schema.sql``)."""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

from .connection import connect
from .migrations import dump_schema, migrate


def build_schema_text() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "schema.db", secrets.token_bytes(32))
        try:
            migrate(db, None)
            return dump_schema(db)
        finally:
            db.close()


if __name__ == "__main__":
    sys.stdout.write(build_schema_text())
