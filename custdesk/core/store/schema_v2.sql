-- custdesk schema, migration 2: credit grading.

-- Scorecards as TOML text, one row per version; a version never changes once stored,
-- so an assessment can always show the exact rules it was scored with.
CREATE TABLE scorecards (
    name TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'enterprise')),
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TRIGGER scorecards_no_update BEFORE UPDATE ON scorecards
BEGIN
    SELECT RAISE(ABORT, 'a stored scorecard version cannot be changed');
END;

CREATE TRIGGER scorecards_no_delete BEFORE DELETE ON scorecards
BEGIN
    SELECT RAISE(ABORT, 'a stored scorecard version cannot be deleted');
END;

-- draft -> submitted -> approved | rejected. Every input, its points and the
-- formula behind it are kept in ``detail`` (JSON) so the grade can be explained.
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    scorecard_name TEXT NOT NULL,
    scorecard_version INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
    as_of TEXT NOT NULL,
    period TEXT,
    answers TEXT NOT NULL DEFAULT '{}',
    detail TEXT NOT NULL,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    computed_grade TEXT NOT NULL,
    adjustment INTEGER NOT NULL DEFAULT 0 CHECK (adjustment BETWEEN -2 AND 2),
    adjustment_reason TEXT,
    grade TEXT NOT NULL,
    risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
    incomplete INTEGER NOT NULL DEFAULT 0 CHECK (incomplete IN (0, 1)),
    recommended_limit INTEGER NOT NULL CHECK (recommended_limit >= 0),
    approved_limit INTEGER CHECK (approved_limit >= 0),
    valid_until TEXT,
    assessor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    decided_by TEXT,
    decided_at TEXT,
    decision_reason TEXT,
    FOREIGN KEY (scorecard_name, scorecard_version) REFERENCES scorecards (name, version),
    CHECK (adjustment = 0 OR length(trim(adjustment_reason)) > 0),
    -- Four eyes, kept by the database as well as by core.
    CHECK (decided_by IS NULL OR decided_by <> assessor)
);
CREATE INDEX assessments_customer ON assessments (customer_id, id);
CREATE INDEX assessments_status ON assessments (status);
CREATE UNIQUE INDEX assessments_one_open ON assessments (customer_id)
    WHERE status IN ('draft', 'submitted');

CREATE TRIGGER assessments_decided_frozen BEFORE UPDATE ON assessments
WHEN OLD.status IN ('approved', 'rejected')
BEGIN
    SELECT RAISE(ABORT, 'a decided assessment cannot be changed');
END;

CREATE TRIGGER assessments_kept BEFORE DELETE ON assessments
WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'only a draft assessment can be discarded');
END;

-- A change of limit outside an assessment, decided by a second person.
CREATE TABLE limit_changes (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    current_limit INTEGER,
    new_limit INTEGER NOT NULL CHECK (new_limit >= 0),
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    decision_reason TEXT,
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX limit_changes_customer ON limit_changes (customer_id, id);
CREATE UNIQUE INDEX limit_changes_one_open ON limit_changes (customer_id) WHERE status = 'submitted';

CREATE TRIGGER limit_changes_decided_frozen BEFORE UPDATE ON limit_changes
WHEN OLD.status <> 'submitted'
BEGIN
    SELECT RAISE(ABORT, 'a decided limit change cannot be changed');
END;

CREATE TRIGGER limit_changes_kept BEFORE DELETE ON limit_changes
BEGIN
    SELECT RAISE(ABORT, 'limit changes cannot be deleted');
END;

-- The customer's current credit standing, set only by approvals; ``exposure`` (open
-- invoices, fen) is kept by core whenever transactions change.
ALTER TABLE customers ADD COLUMN grade TEXT;
ALTER TABLE customers ADD COLUMN risk_level TEXT;
ALTER TABLE customers ADD COLUMN credit_limit INTEGER;
ALTER TABLE customers ADD COLUMN grade_valid_until TEXT;
ALTER TABLE customers ADD COLUMN graded_on TEXT;
ALTER TABLE customers ADD COLUMN assessment_id INTEGER REFERENCES assessments (id);
ALTER TABLE customers ADD COLUMN exposure INTEGER NOT NULL DEFAULT 0;
CREATE INDEX customers_grade_valid_until ON customers (grade_valid_until);
