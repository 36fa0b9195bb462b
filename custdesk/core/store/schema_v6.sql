-- custdesk schema, migration 6: keys per clearance and a signed audit log.
-- (The tables holding customer data gain their sealed and vault columns in code:
-- migrations.m0006_keys rebuilds them, see sealed_schema.)

-- Each person's public keys and what they may do, signed by an administrator
-- (or, for the first one, by the firm's root key, which the paper recovery key
-- derives). The newest certificate of a user is their role and clearance; the
-- users table repeats them for reading, and `check` reports any difference.
CREATE TABLE user_certs (
    serial INTEGER PRIMARY KEY,
    user TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'manager', 'admin', 'auditor')),
    clearance INTEGER NOT NULL CHECK (clearance BETWEEN 0 AND 3),
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    sign_key TEXT NOT NULL,
    box_key TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issuer_serial INTEGER NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX user_certs_user ON user_certs (user, serial);

CREATE TRIGGER user_certs_no_update BEFORE UPDATE ON user_certs
BEGIN
    SELECT RAISE(ABORT, 'a certificate cannot be changed');
END;

CREATE TRIGGER user_certs_no_delete BEFORE DELETE ON user_certs
BEGIN
    SELECT RAISE(ABORT, 'a certificate cannot be deleted');
END;

-- The public half of each level's key, per epoch (a new epoch when someone who held
-- the level loses it), signed by an administrator. Writers seal to the newest epoch.
CREATE TABLE level_keys (
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    epoch INTEGER NOT NULL CHECK (epoch >= 1),
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issuer_serial INTEGER NOT NULL,
    signature TEXT NOT NULL,
    PRIMARY KEY (level, epoch)
);

-- A level's secret sealed to one person's box key: what their clearance opens.
CREATE TABLE key_grants (
    user TEXT NOT NULL,
    level INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    token TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (user, level, epoch)
);

-- Keyed digests of sealed identity numbers and phones, for exact search and duplicate
-- checks by those cleared to the value's level (the key comes with the level).
CREATE TABLE blind_index (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    level INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (customer_id, field, level, epoch)
);
CREATE INDEX blind_index_digest ON blind_index (digest);

-- Entries are signed by their author's own key (signer: the user whose certificate
-- vouches for the key; for entries the program writes on its own, the user at the desk).
ALTER TABLE audit_log ADD COLUMN signer TEXT;
ALTER TABLE audit_log ADD COLUMN signer_serial INTEGER;
ALTER TABLE audit_log ADD COLUMN signature TEXT;

-- Entries read by their action (the field levels, the certificates' announcements).
CREATE INDEX audit_log_action ON audit_log (action, seq);

-- A warning's actions carry their warning's file and rule: their level is read from their
-- own row, whose seal is bound to these columns (not from the warning's row, which anyone
-- with the file could point at another file).
ALTER TABLE warning_actions ADD COLUMN customer_id INTEGER REFERENCES customers (id);
ALTER TABLE warning_actions ADD COLUMN rule TEXT;
UPDATE warning_actions SET
    customer_id = (SELECT w.customer_id FROM warnings w WHERE w.id = warning_actions.warning_id),
    rule = (SELECT w.rule FROM warnings w WHERE w.id = warning_actions.warning_id);
CREATE INDEX warning_actions_customer ON warning_actions (customer_id);
