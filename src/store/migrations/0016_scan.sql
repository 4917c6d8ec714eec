-- Returned survey forms read from scans. A scanned file is kept by its name and its content's
-- hash (SHA-256) with what was read from it; each page keeps its image (upright, PNG), what was
-- read (the serial, the status, the answers with their confidence and whether a person must
-- confirm them), and the form it went into once saved. Page images are survey records: the
-- disposal and the erasure of a form clear its pages' images (image set to NULL).
CREATE TABLE scan_file (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES survey_round (id),
    name        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    pages       INTEGER NOT NULL CHECK (pages >= 0),
    created_at  TEXT NOT NULL
);
CREATE INDEX scan_file_round ON scan_file (round_id);

CREATE TABLE scan_page (
    id          TEXT PRIMARY KEY,
    file_id     TEXT NOT NULL REFERENCES scan_file (id),
    page        INTEGER NOT NULL CHECK (page >= 1),
    serial      INTEGER,
    -- The page of the form (from its QR code), 1 for the first.
    form_page   INTEGER,
    status      TEXT NOT NULL CHECK (status IN ('read', 'needs_review', 'unreadable')),
    -- JSON: [{code, state, value, confidence, review}] as read.
    answers     TEXT NOT NULL,
    -- Why the form was not found on the page, or why its answers were not accepted.
    problem     TEXT,
    image       BLOB,
    response_id TEXT REFERENCES survey_response (id),
    -- Set when the page leaves the review queue (saved, or set aside by a person).
    done_at     TEXT,
    UNIQUE (file_id, page)
);
CREATE INDEX scan_page_waiting ON scan_page (file_id) WHERE done_at IS NULL;
CREATE INDEX scan_page_response ON scan_page (response_id);

-- How each answer of a form saved from a scan was got: read and accepted, or checked by a
-- person (who, and what the reading had proposed).
CREATE TABLE scan_answer (
    response_id TEXT NOT NULL REFERENCES survey_response (id),
    code        TEXT NOT NULL,
    read_state  TEXT NOT NULL,
    read_value  INTEGER,
    confidence  REAL NOT NULL,
    how         TEXT NOT NULL CHECK (how IN ('read', 'checked')),
    checked_by  TEXT,
    PRIMARY KEY (response_id, code)
);
