-- custdesk schema, migration 4: the register of exported reports.

-- Every PDF that leaves the program is registered here with the SHA-256 of its
-- bytes, so that ``report verify`` can say whether a file is an unaltered export.
CREATE TABLE report_exports (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,          -- ZX-2026-000123
    kind TEXT NOT NULL CHECK (kind IN ('customer', 'reviews', 'portfolio', 'audit')),
    customer_id INTEGER REFERENCES customers (id),
    params TEXT NOT NULL DEFAULT '{}',    -- JSON: period, language, ...
    language TEXT NOT NULL CHECK (language IN ('zh', 'en')),
    encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
    pages INTEGER NOT NULL CHECK (pages > 0),
    size INTEGER NOT NULL CHECK (size > 0),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    chain_seq INTEGER NOT NULL,           -- the audit-chain head printed in the footer
    chain_hash TEXT NOT NULL,
    by_user TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX report_exports_sha256 ON report_exports (sha256);
CREATE INDEX report_exports_customer ON report_exports (customer_id, id);

-- The register is evidence: rows are never changed or removed.
CREATE TRIGGER report_exports_frozen_update BEFORE UPDATE ON report_exports
BEGIN
    SELECT RAISE(ABORT, 'report exports are immutable');
END;
CREATE TRIGGER report_exports_frozen_delete BEFORE DELETE ON report_exports
BEGIN
    SELECT RAISE(ABORT, 'report exports are immutable');
END;
