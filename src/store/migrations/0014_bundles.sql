-- Period bundles between offices (src/bundle/, docs/bundles.md).

-- The office's own Ed25519 key, which signs the bundles it sends: one row, made at setup or
-- on first need. The fingerprint (SHA-256 of the public key, uppercase hex) is what the
-- receiving office registers.
CREATE TABLE bundle_key (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    secret      BLOB NOT NULL CHECK (length(secret) = 32),
    public      BLOB NOT NULL CHECK (length(public) = 32),
    fingerprint TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- Whether this office consolidates the figures of others («Đơn vị tổng hợp»), and the inbox
-- folder it watches for bundles.
CREATE TABLE bundle_setting (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    consolidating INTEGER NOT NULL DEFAULT 0,
    inbox         TEXT
) STRICT;

-- The offices a consolidating office receives bundles from, by the fingerprint of their key.
CREATE TABLE bundle_office (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    trusted_at  TEXT NOT NULL
) STRICT;

-- One imported bundle per office and period: a newer one replaces it whole (deleted, then
-- inserted), never updated in place.
CREATE TABLE bundle_import (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES bundle_office (id),
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    digest      TEXT NOT NULL,
    schema      INTEGER NOT NULL,
    office_name TEXT NOT NULL,
    -- The bundle's content as signed (JSON): the office profile, the figures, the audit head.
    payload     TEXT NOT NULL,
    records     INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (office_id, period_from, period_to)
) STRICT;

-- The records behind an imported bundle's figures, without personal data (JSON each).
CREATE TABLE bundle_record (
    import_id TEXT NOT NULL REFERENCES bundle_import (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('case', 'form')),
    id        TEXT NOT NULL,
    data      TEXT NOT NULL,
    PRIMARY KEY (import_id, kind, id)
) STRICT, WITHOUT ROWID;

-- What another office sent is its record, not ours: nothing of it is edited here.
CREATE TRIGGER bundle_import_read_only BEFORE UPDATE ON bundle_import
BEGIN SELECT RAISE(ABORT, 'an imported bundle is read-only'); END;
CREATE TRIGGER bundle_record_read_only BEFORE UPDATE ON bundle_record
BEGIN SELECT RAISE(ABORT, 'an imported bundle is read-only'); END;
