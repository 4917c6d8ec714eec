-- 0021: forms read from scanned pages get a source of their own, 'scan', beside 'keyboard',
-- 'import' (a file of typed forms) and 'demo'; they were saved as 'import' before. They count
-- as paper forms wherever forms are counted.
--
-- SQLite cannot widen a CHECK in place, so the table is made again: its rows copied aside,
-- the table created with the wider CHECK, the rows copied back with their ids (every answer,
-- opinion group and scanned page that names a form still finds it; the runner leaves foreign
-- keys unenforced while the table is gone), and its indexes and triggers (the kept counts'
-- among them), whose text is kept aside here first, made again by the runner after this file
-- (store/migrate.rs). No trigger fires while the rows are copied, so the kept counts stand.
CREATE TABLE migration_kept_schema AS
    SELECT type, name, sql FROM sqlite_schema
    WHERE tbl_name = 'survey_response' AND type IN ('index', 'trigger') AND sql IS NOT NULL;
CREATE TABLE survey_response_before AS SELECT * FROM survey_response;
DROP TABLE survey_response;

CREATE TABLE survey_response (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES survey_round (id),
    serial      INTEGER NOT NULL CHECK (serial >= 1),
    -- The date written on the form (the day of entry when none was written).
    filled_on   TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('keyboard', 'import', 'demo', 'scan')),
    keystrokes  INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- Set by "undo last form": the serial may then be entered again.
    deleted_at  TEXT,
    disposed_at TEXT,
    serial_written TEXT
);

-- Forms saved from the scan reader are those its scanned pages or its answers' readings name.
INSERT INTO survey_response
    (id, round_id, serial, filled_on, source, keystrokes, created_at, updated_at, deleted_at, disposed_at, serial_written)
SELECT b.id, b.round_id, b.serial, b.filled_on,
       CASE WHEN EXISTS (SELECT 1 FROM scan_page p WHERE p.response_id = b.id)
              OR EXISTS (SELECT 1 FROM scan_answer a WHERE a.response_id = b.id)
            THEN 'scan' ELSE b.source END,
       b.keystrokes, b.created_at, b.updated_at, b.deleted_at, b.disposed_at, b.serial_written
FROM survey_response_before b ORDER BY b.rowid;

DROP TABLE survey_response_before;

-- What each box of a scanned page was read as (JSON: [{code, value, at: [x, y] mm, mark}],
-- mark one of ticked, doubtful, empty, filled), for the review's crop to outline it in its
-- colour. Pages read before have none: their crop reads the kept image again.
ALTER TABLE scan_page ADD COLUMN boxes TEXT CHECK (boxes IS NULL OR json_valid(boxes));
