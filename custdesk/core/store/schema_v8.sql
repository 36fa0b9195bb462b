-- custdesk schema, migration 8: outcomes, collateral, and four-eyes approval of scorecards.

-- What became of a customer: the bad outcomes a scorecard is validated against
-- (core/outcomes.py defines them). Outcomes the program can see for itself (90+ days past
-- due on our invoices) are detected from the transactions; the rest are entered here by
-- hand, dated and audited like every record.
CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT CHECK (kind IN ('overdue_90', 'write_off', 'judgement', 'bankruptcy', 'manager')),
    occurred_on TEXT,
    amount INTEGER CHECK (amount >= 0),
    reason TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sealed BLOB,
    vault TEXT,
    CHECK (sealed IS NOT NULL OR vault IS NOT NULL OR (kind IS NOT NULL AND occurred_on IS NOT NULL))
);
CREATE INDEX outcomes_customer ON outcomes (customer_id);

-- Guarantees and collateral behind a customer's credit: what covers the secured part of
-- a limit. Values in fen; the haircut in percent of the value.
CREATE TABLE collateral (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind TEXT CHECK (kind IN ('guarantee', 'real_estate', 'pledge', 'deposit', 'other')),
    provider TEXT,
    value INTEGER CHECK (value >= 0),
    valued_on TEXT,
    haircut INTEGER CHECK (haircut BETWEEN 0 AND 100),
    expires_on TEXT,
    secured_amount INTEGER CHECK (secured_amount >= 0),
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sealed BLOB,
    vault TEXT,
    CHECK (sealed IS NOT NULL OR vault IS NOT NULL OR (kind IS NOT NULL AND provider IS NOT NULL AND value IS NOT NULL))
);
CREATE INDEX collateral_customer ON collateral (customer_id);

-- A manager's scorecard version grades no one until another manager approves it (four
-- eyes). A row is one decision, never changed; built-in versions need none. What counts is
-- the signed audit entry of the decision (keys/facts.py): a row anyone slips in beside it
-- neither approves a version nor stops the real decision being written.
CREATE TABLE scorecard_approvals (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'rejected')),
    requested_by TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decision_reason TEXT,
    FOREIGN KEY (name, version) REFERENCES scorecards (name, version),
    CHECK (decided_by <> requested_by)
);
CREATE INDEX scorecard_approvals_version ON scorecard_approvals (name, version);
CREATE TRIGGER scorecard_approvals_no_update BEFORE UPDATE ON scorecard_approvals
BEGIN
    SELECT RAISE(ABORT, 'a scorecard decision cannot be changed');
END;
CREATE TRIGGER scorecard_approvals_no_delete BEFORE DELETE ON scorecard_approvals
BEGIN
    SELECT RAISE(ABORT, 'a scorecard decision cannot be deleted');
END;
