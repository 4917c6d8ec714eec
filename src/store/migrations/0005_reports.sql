-- The management review (R4): what its figures read fast, the objectives of each year, what
-- staff write into the annual report, and every report generated to be signed.

-- Complaints as the figures read them, without touching the rows (the kinds are those of
-- Kind::is_complaint; the queries name them the same way so that SQLite uses this index).
CREATE INDEX feedback_complaint_facts ON feedback (received_at, closed_at, reply_due, exception_due, id)
    WHERE deleted_at IS NULL AND kind IN ('complaint', 'grievance', 'appeal');
-- When a case was first passed on: only these moves are read by the figures.
CREATE INDEX case_event_to_specialist ON case_event (feedback_id, at) WHERE to_status = 'specialist';
CREATE INDEX case_event_to_leadership ON case_event (feedback_id, at) WHERE to_status = 'leadership';

-- Survey forms by the date written on them, the way the figures of a period read them.
CREATE INDEX survey_response_filled ON survey_response (filled_on, round_id, id) WHERE deleted_at IS NULL;

-- Free-text opinions of survey forms ("Ý kiến khác") sorted by staff into groups, counted in
-- the reports (R4.2).
CREATE TABLE opinion_group (
    response_id  TEXT NOT NULL REFERENCES survey_response (id),
    code         TEXT NOT NULL,
    group_name   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (response_id, code)
) STRICT, WITHOUT ROWID;

-- Satisfaction objectives per year (R4.5): a share in percent to reach or exceed.
CREATE TABLE objective (
    year        INTEGER NOT NULL,
    metric      TEXT NOT NULL,
    target      REAL NOT NULL CHECK (target >= 0 AND target <= 100),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (year, metric)
) STRICT;

-- What staff write into the annual report of a year, kept until it is printed and signed.
CREATE TABLE annual_report_text (
    year         INTEGER PRIMARY KEY,
    number       TEXT NOT NULL DEFAULT '',
    report_date  TEXT,
    conclusions  TEXT NOT NULL DEFAULT '',
    proposals    TEXT NOT NULL DEFAULT '',
    prepared_by  TEXT NOT NULL DEFAULT '',
    qmr          TEXT NOT NULL DEFAULT '',
    head_name    TEXT NOT NULL DEFAULT '',
    head_title   TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
) STRICT;

-- Every report generated to be signed, byte for byte as printed, with the SHA-256 of the
-- file: the archived copy can be told apart from any later edit.
CREATE TABLE report_archive (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    author        TEXT NOT NULL,
    generated_at  TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    pdf           BLOB NOT NULL
) STRICT;
CREATE INDEX report_archive_period ON report_archive (kind, period_from);
