-- The inbox folder of a consolidating office: every bundle file found there and what became
-- of it (imported, replaced, unchanged, or refused with its reason), newest last. The files
-- themselves are moved out of the folder («Đã nhận», «Không nhận») so none is read twice.
CREATE TABLE bundle_inbox (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    -- Where the file was moved to (its folder and name), after it was read.
    moved_to    TEXT NOT NULL,
    read_at     TEXT NOT NULL,
    -- `imported`, `replaced`, `unchanged` or `refused`.
    outcome     TEXT NOT NULL CHECK (outcome IN ('imported', 'replaced', 'unchanged', 'refused')),
    -- The office as registered here and the period, when the bundle was accepted.
    office      TEXT,
    period_from TEXT,
    period_to   TEXT,
    -- Why it was refused, in the words shown to the user.
    reason      TEXT
) STRICT;
CREATE INDEX bundle_inbox_read ON bundle_inbox (read_at);

CREATE TRIGGER bundle_inbox_read_only BEFORE UPDATE ON bundle_inbox
BEGIN SELECT RAISE(ABORT, 'the inbox log is read-only'); END;
