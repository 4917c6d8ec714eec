-- 0002: the feedback book and the handling of cases (R1, R2).

-- Receipt numbers run from 1 each year. The counter is read and bumped inside the write
-- transaction that stores the record, so two windows saving at once queue on the write lock
-- and can never share or skip a number.
CREATE TABLE receipt_counter (
    year  INTEGER PRIMARY KEY,
    last  INTEGER NOT NULL
) STRICT;

CREATE TABLE feedback (
    id                TEXT PRIMARY KEY,
    receipt_year      INTEGER NOT NULL,
    receipt_seq       INTEGER NOT NULL,
    received_at       TEXT NOT NULL,          -- office local time, YYYY-MM-DDTHH:MM
    channel           TEXT NOT NULL,
    kind              TEXT NOT NULL,
    subject           TEXT NOT NULL,
    book              TEXT NOT NULL,
    customer_name     TEXT NOT NULL,
    customer_org      TEXT NOT NULL DEFAULT '',
    customer_address  TEXT NOT NULL DEFAULT '',
    customer_phone    TEXT NOT NULL DEFAULT '',
    customer_email    TEXT NOT NULL DEFAULT '',
    customer_group    TEXT NOT NULL,
    content           TEXT NOT NULL,
    receiver_id       TEXT REFERENCES staff (id),
    unit_id           TEXT REFERENCES unit (id),
    written           INTEGER NOT NULL DEFAULT 0,
    formal            INTEGER NOT NULL DEFAULT 0,
    complex           INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,
    reply_due         TEXT NOT NULL,          -- YYYY-MM-DD, fixed at receipt
    exception_due     TEXT,                   -- set by the director, with its reason
    exception_reason  TEXT,
    exception_by      TEXT REFERENCES staff (id),
    -- Formal complaints (Law on Complaints): deadline to accept (thụ lý), fixed at receipt;
    -- the date of acceptance; the deadline to decide, fixed at acceptance.
    formal_accept_due TEXT,
    accepted_on       TEXT,
    formal_decide_due TEXT,
    confirmed_by      TEXT REFERENCES staff (id),
    confirmed_at      TEXT,
    closed_at         TEXT,                   -- office local time
    resolution        TEXT NOT NULL DEFAULT '',
    search_key        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    UNIQUE (receipt_year, receipt_seq)
) STRICT;
-- The book's order, newest first, over live rows only: the first page of any list is read
-- straight from this index, and counting live rows scans it instead of the table.
CREATE INDEX feedback_book_order ON feedback (received_at DESC, receipt_year DESC, receipt_seq DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX feedback_status_due ON feedback (status, reply_due);

-- Accent-free substring search: a trigram index over the folded search key, kept in step
-- with the table by triggers. Queries of three characters or more use it; shorter ones scan.
CREATE VIRTUAL TABLE feedback_search USING fts5 (
    search_key, content = 'feedback', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER feedback_search_insert AFTER INSERT ON feedback BEGIN
    INSERT INTO feedback_search (rowid, search_key) VALUES (new.rowid, new.search_key);
END;
CREATE TRIGGER feedback_search_delete AFTER DELETE ON feedback BEGIN
    INSERT INTO feedback_search (feedback_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
END;
CREATE TRIGGER feedback_search_update AFTER UPDATE OF search_key ON feedback BEGIN
    INSERT INTO feedback_search (feedback_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
    INSERT INTO feedback_search (rowid, search_key) VALUES (new.rowid, new.search_key);
END;
CREATE INDEX feedback_unit ON feedback (unit_id);

-- The case history: every move, with who, when, through which channel and what was said.
CREATE TABLE case_event (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    feedback_id  TEXT NOT NULL REFERENCES feedback (id),
    at           TEXT NOT NULL,               -- office local time
    actor        TEXT NOT NULL,
    staff_id     TEXT REFERENCES staff (id),
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    channel      TEXT,
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX case_event_feedback ON case_event (feedback_id, seq);

-- Mandatory steps of R2.5 (attitude talk, investigation, report to the QMR).
CREATE TABLE case_step (
    id           TEXT PRIMARY KEY,
    feedback_id  TEXT NOT NULL REFERENCES feedback (id),
    step         TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    staff_id     TEXT REFERENCES staff (id),
    note         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX case_step_feedback ON case_step (feedback_id);

-- Reply letters to written complaints (công văn trả lời): draft → signed → sent.
CREATE TABLE reply_letter (
    id           TEXT PRIMARY KEY,
    feedback_id  TEXT NOT NULL REFERENCES feedback (id),
    number       TEXT NOT NULL DEFAULT '',    -- số công văn
    body         TEXT NOT NULL,
    status       TEXT NOT NULL,
    signer_name  TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    drafted_at   TEXT NOT NULL,
    signed_on    TEXT,
    sent_on      TEXT,
    sent_via     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;
CREATE INDEX reply_letter_feedback ON reply_letter (feedback_id);

-- Corrective, preventive and improvement actions (QT-07-HTCL, QT.SCT.04), linked to the
-- cases that caused them.
CREATE TABLE corrective_action (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    cause               TEXT NOT NULL,
    action              TEXT NOT NULL,
    owner_id            TEXT REFERENCES staff (id),
    due_date            TEXT NOT NULL,
    status              TEXT NOT NULL,
    effectiveness_note  TEXT NOT NULL DEFAULT '',
    effective           INTEGER,               -- NULL until checked
    checked_on          TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
) STRICT;

CREATE TABLE corrective_action_case (
    action_id    TEXT NOT NULL REFERENCES corrective_action (id),
    feedback_id  TEXT NOT NULL REFERENCES feedback (id),
    PRIMARY KEY (action_id, feedback_id)
) STRICT;
CREATE INDEX corrective_action_case_feedback ON corrective_action_case (feedback_id);

-- Days off the office keeps besides weekends (Tết, national holidays, compensatory days).
CREATE TABLE holiday (
    day   TEXT PRIMARY KEY,                    -- YYYY-MM-DD
    name  TEXT NOT NULL
) STRICT;
