-- custdesk schema, migration 1: the foundation.
-- Money is integer fen; dates are ISO YYYY-MM-DD; timestamps are UTC ISO 8601 with Z.
-- Confidentiality levels: 0 public, 1 internal, 2 confidential (秘密), 3 secret (机密).

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'manager', 'admin', 'auditor')),
    clearance INTEGER NOT NULL CHECK (clearance BETWEEN 0 AND 3),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    disabled_at TEXT
);

CREATE TABLE field_levels (
    field TEXT PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3)
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'enterprise')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    status TEXT NOT NULL DEFAULT 'prospect'
        CHECK (status IN ('prospect', 'active', 'suspended', 'closed', 'blacklisted')),
    tier TEXT NOT NULL DEFAULT 'normal' CHECK (tier IN ('vip', 'key', 'normal')),
    level INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 0 AND 3),
    owner TEXT,
    phone TEXT,
    email TEXT,
    address TEXT,
    tags TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    -- Derived search keys, kept by core whenever name or phone change.
    name_norm TEXT NOT NULL,
    pinyin_initials TEXT NOT NULL,
    pinyin_full TEXT NOT NULL,
    phone_rev TEXT,
    -- JSON: field -> reason, for checksum warnings a user accepted.
    overrides TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX customers_pinyin_initials ON customers (pinyin_initials);
CREATE INDEX customers_pinyin_full ON customers (pinyin_full);
CREATE INDEX customers_phone_rev ON customers (phone_rev);
CREATE INDEX customers_level ON customers (level);

-- One- and two-character pieces of each name: finds any substring, including
-- the two-character names that FTS5's trigram tokenizer cannot match.
CREATE TABLE name_grams (
    gram TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    PRIMARY KEY (gram, customer_id)
) WITHOUT ROWID;
CREATE INDEX name_grams_customer ON name_grams (customer_id);

CREATE TABLE individuals (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    gender TEXT CHECK (gender IN ('male', 'female')),
    birth_date TEXT,
    id_type TEXT NOT NULL DEFAULT 'resident_id'
        CHECK (id_type IN ('resident_id', 'passport', 'permanent_residence')),
    id_number TEXT,
    wechat TEXT,
    hometown TEXT,
    employer TEXT,
    position TEXT,
    employment_start TEXT,
    monthly_income INTEGER CHECK (monthly_income >= 0),
    housing TEXT CHECK (housing IN ('own', 'mortgage', 'rent', 'family', 'other')),
    emergency_contact TEXT,
    emergency_phone TEXT,
    bank_card TEXT
);
CREATE UNIQUE INDEX individuals_id_number ON individuals (id_type, id_number)
    WHERE id_number IS NOT NULL;

CREATE TABLE enterprises (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    credit_code TEXT,
    legal_rep TEXT,
    registered_capital INTEGER CHECK (registered_capital >= 0),
    founding_date TEXT,
    industry TEXT,
    employees INTEGER CHECK (employees >= 0),
    business_scope TEXT
);
CREATE UNIQUE INDEX enterprises_credit_code ON enterprises (credit_code)
    WHERE credit_code IS NOT NULL;

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT,
    phone TEXT,
    email TEXT,
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_customer ON contacts (customer_id);

CREATE TABLE financial_statements (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    revenue INTEGER CHECK (revenue >= 0),
    net_profit INTEGER,
    ebit INTEGER,
    total_assets INTEGER CHECK (total_assets >= 0),
    current_assets INTEGER CHECK (current_assets >= 0),
    total_liabilities INTEGER CHECK (total_liabilities >= 0),
    current_liabilities INTEGER CHECK (current_liabilities >= 0),
    equity INTEGER,
    retained_earnings INTEGER,
    operating_cash_flow INTEGER,
    receivables INTEGER CHECK (receivables >= 0),
    inventory INTEGER CHECK (inventory >= 0),
    income INTEGER CHECK (income >= 0),
    expenses INTEGER CHECK (expenses >= 0),
    assets INTEGER CHECK (assets >= 0),
    liabilities INTEGER CHECK (liabilities >= 0),
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (customer_id, period)
);

CREATE TABLE credit_records (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('loan', 'repayment', 'overdue', 'bureau', 'blacklist')),
    source TEXT,
    occurred_on TEXT NOT NULL,
    amount INTEGER CHECK (amount >= 0),
    overdue_days INTEGER CHECK (overdue_days >= 0),
    status TEXT CHECK (status IN ('open', 'closed')),
    ended_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX credit_records_customer ON credit_records (customer_id);

CREATE TABLE litigation (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    case_no TEXT NOT NULL,
    court TEXT,
    role TEXT NOT NULL CHECK (role IN ('plaintiff', 'defendant', 'third_party')),
    cause TEXT,
    amount INTEGER CHECK (amount >= 0),
    filed_on TEXT NOT NULL,
    status TEXT CHECK (status IN ('open', 'closed')),
    closed_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX litigation_customer ON litigation (customer_id);

CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'payment')),
    ref_no TEXT,
    occurred_on TEXT NOT NULL,
    due_date TEXT,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    invoice_ref TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX transactions_customer ON transactions (customer_id, occurred_on);

CREATE TABLE communications (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    occurred_on TEXT NOT NULL,
    channel TEXT CHECK (channel IN ('phone', 'visit', 'email', 'wechat', 'meeting', 'other')),
    summary TEXT NOT NULL,
    follow_up_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX communications_customer ON communications (customer_id);

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    received_on TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT,
    handled_by TEXT,
    resolution TEXT,
    closed_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX complaints_customer ON complaints (customer_id);

CREATE TABLE licences (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    number TEXT,
    issuer TEXT,
    issued_on TEXT,
    expires_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX licences_customer ON licences (customer_id);

-- Files live inside the encrypted database, never loose on disk.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    filename TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    expires_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_customer ON documents (customer_id);

-- Append-only, hash-chained: each entry's hash is an HMAC (keyed from the
-- database key) over its fields and the previous entry's hash.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL DEFAULT '',
    customer TEXT,
    summary TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_customer ON audit_log (customer);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log entries cannot be deleted');
END;
