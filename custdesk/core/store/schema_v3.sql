-- custdesk schema, migration 3: review reminders and early-warning signals.

-- Review cycle state of each file. ``next_review`` is kept by core (month-end safe
-- date arithmetic needs dateutil, not SQL) whenever anything it depends on changes.
ALTER TABLE customers ADD COLUMN review_base TEXT;
ALTER TABLE customers ADD COLUMN review_cycle_months INTEGER
    CHECK (review_cycle_months BETWEEN 1 AND 60);
ALTER TABLE customers ADD COLUMN review_cycle_reason TEXT;
ALTER TABLE customers ADD COLUMN review_snoozed_until TEXT;
ALTER TABLE customers ADD COLUMN review_snoozes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN review_triggered_by TEXT;
ALTER TABLE customers ADD COLUMN next_review TEXT;
-- The due date of the oldest invoice still open, kept with ``exposure``.
ALTER TABLE customers ADD COLUMN overdue_since TEXT;
-- Due lists and counts read only this index (level and status included for that).
CREATE INDEX customers_next_review ON customers (next_review, level, status);

-- What happened to a file's review cycle: done, snoozed, triggered, cycle changed.
CREATE TABLE review_events (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    event TEXT NOT NULL CHECK (event IN ('done', 'assessment', 'snooze', 'trigger', 'cycle')),
    due_before TEXT,
    due_after TEXT,
    note TEXT,
    warning_id INTEGER REFERENCES warnings (id),
    by_user TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX review_events_customer ON review_events (customer_id, id);

-- Early-warning signals (预警) and their handling (预警处置).
CREATE TABLE warnings (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    rule TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('red', 'orange', 'yellow')),
    -- One episode of a condition (an invoice at a severity, a document's expiry ...),
    -- so a closed warning is not raised again for the same episode.
    subject TEXT NOT NULL,
    facts TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'acknowledged', 'actioned', 'closed')),
    raised_on TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    close_note TEXT,
    CHECK (status <> 'closed' OR length(trim(close_note)) > 0)
);
CREATE UNIQUE INDEX warnings_one_open ON warnings (customer_id, rule) WHERE status <> 'closed';
-- Counts by severity read only this index; open lists walk the partial one newest first.
CREATE INDEX warnings_status ON warnings (status, severity, customer_id);
CREATE INDEX warnings_open ON warnings (severity, raised_at) WHERE status <> 'closed';
CREATE INDEX warnings_subject ON warnings (customer_id, rule, subject);

CREATE TABLE warning_actions (
    id INTEGER PRIMARY KEY,
    warning_id INTEGER NOT NULL REFERENCES warnings (id),
    action TEXT NOT NULL CHECK (action IN ('acknowledge', 'action', 'close', 'escalate')),
    note TEXT,
    by_user TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX warning_actions_warning ON warning_actions (warning_id, id);

-- What a reviewer decides on must not change under them: once submitted, only the
-- decision columns of an assessment may be written.
CREATE TRIGGER assessments_submitted_frozen BEFORE UPDATE ON assessments
WHEN OLD.status = 'submitted' AND (
    NEW.customer_id IS NOT OLD.customer_id OR NEW.score IS NOT OLD.score
    OR NEW.computed_grade IS NOT OLD.computed_grade OR NEW.grade IS NOT OLD.grade
    OR NEW.adjustment IS NOT OLD.adjustment OR NEW.risk_level IS NOT OLD.risk_level
    OR NEW.detail IS NOT OLD.detail OR NEW.answers IS NOT OLD.answers
    OR NEW.recommended_limit IS NOT OLD.recommended_limit
    OR NEW.scorecard_version IS NOT OLD.scorecard_version)
BEGIN
    SELECT RAISE(ABORT, 'a submitted assessment cannot be changed');
END;
