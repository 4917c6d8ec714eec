-- 0001: the office profile, units, staff, settings and the audit log.
-- Ids are UUIDv7 text so that records from two PCs can later be merged without clashes.
-- Rows are never deleted: `deleted_at` marks a soft delete, so history and merges keep them.
-- Times are UTC RFC 3339 text.

CREATE TABLE office (
    id               TEXT PRIMARY KEY,
    -- At most one office per database.
    singleton        INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
    name             TEXT NOT NULL,
    parent_agency    TEXT NOT NULL DEFAULT '',
    place_name       TEXT NOT NULL,
    address          TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    ledger_form_code TEXT NOT NULL,
    survey_form_code TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE unit (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    search_key  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE UNIQUE INDEX unit_live_name ON unit (name) WHERE deleted_at IS NULL;

CREATE TABLE staff (
    id          TEXT PRIMARY KEY,
    full_name   TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    unit_id     TEXT REFERENCES unit (id),
    role        TEXT NOT NULL CHECK (role IN
                  ('reception', 'unit_head', 'quality_officer', 'leadership', 'administrator')),
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    search_key  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;
CREATE INDEX staff_unit ON staff (unit_id);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before      TEXT,
    after       TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- The log is append-only, enforced by the database itself and not only by the code above it.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
