-- 0003: records (R1.6, R5): the hash chain of the audit log, imports of old ledgers, and
-- disposal of records past their retention period.

-- The tamper-evident audit trail. Each entry carries the digest of its content (the record
-- before and after) and a hash over its fields, its content digest and the hash of the entry
-- before it. Editing any stored byte of an entry breaks its own hash or the next one's.
-- The content digest is separate so that a disposal may erase the personal data an entry
-- holds (before/after) and still leave a chain that verifies.
ALTER TABLE audit_log ADD COLUMN content_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- Set when a disposal erased the entry's before/after; the disposal's own entry names it.
ALTER TABLE audit_log ADD COLUMN redacted_at TEXT;

-- Entries stay append-only. Two updates only are allowed: sealing an entry written before
-- the chain existed (once, by this migration), and a disposal erasing before/after.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    new.seq IS old.seq AND new.at IS old.at AND new.actor IS old.actor AND new.action IS old.action
    AND new.entity IS old.entity AND new.entity_id IS old.entity_id
    AND (
        -- sealing a legacy entry
        (old.hash IS NULL AND new.hash IS NOT NULL AND new.content_hash IS NOT NULL
         AND new.before IS old.before AND new.after IS old.after AND new.redacted_at IS NULL)
        OR
        -- a disposal erasing the content, keeping the digests
        (old.hash IS NOT NULL AND new.hash IS old.hash AND new.content_hash IS old.content_hash
         AND old.redacted_at IS NULL AND new.redacted_at IS NOT NULL
         AND new.before IS NULL AND new.after IS NULL)
    )
)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Old ledgers imported from spreadsheets. One row per imported line, keyed by a digest of
-- its content, so that importing the same file (or the same lines in another file) again
-- adds nothing twice.
CREATE TABLE import_batch (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    file_hash   TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    actor       TEXT NOT NULL
) STRICT;

CREATE TABLE import_row (
    source_hash TEXT PRIMARY KEY,
    batch_id    TEXT NOT NULL REFERENCES import_batch (id),
    feedback_id TEXT NOT NULL REFERENCES feedback (id),
    row_no      INTEGER NOT NULL
) STRICT;
CREATE INDEX import_row_batch ON import_row (batch_id);

-- Disposal (tiêu huỷ) of records past their retention period: the personal data and free
-- text are erased, the anonymous facts that reports count (kind, subject, channel, unit,
-- dates, status) are kept.
ALTER TABLE feedback ADD COLUMN disposed_at TEXT;

CREATE TABLE disposal (
    id           TEXT PRIMARY KEY,
    on_date      TEXT NOT NULL,          -- the date the disposal was decided for (YYYY-MM-DD)
    record_type  TEXT NOT NULL,
    retention_years INTEGER NOT NULL,
    records      INTEGER NOT NULL,
    -- The list printed on the disposal record, as JSON: what was disposed, without personal data.
    items        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    actor        TEXT NOT NULL
) STRICT;
