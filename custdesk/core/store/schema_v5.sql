-- custdesk schema, migration 5: privacy requests and retention.

-- When a file was closed: retention runs from here (set by core on the status change).
ALTER TABLE customers ADD COLUMN closed_on TEXT;
-- A file whose personal information was erased keeps its aggregates (grades, amounts).
ALTER TABLE customers ADD COLUMN erased_at TEXT;
ALTER TABLE customers ADD COLUMN erased_by TEXT;
-- Files closed before this migration: the day of their last change is the best known.
UPDATE customers SET closed_on = substr(updated_at, 1, 10) WHERE status = 'closed';
