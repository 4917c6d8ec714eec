-- 0016: counts kept as the records change. The book's count, the year's figures and the
-- survey figures read a few thousand rows of these tables instead of a year's records.
-- Triggers on the records keep them in the same transaction as every write (store/counts.rs
-- writes the triggers and builds the counts of an existing database after this step, in one
-- grouped read of the book and one of the survey answers; its time at the province and
-- stress scales is still to be measured, BENCHMARKS.md). `ykien check` holds them equal to a
-- recount; `ykien check --repair-counts` builds them again.

-- The book, per day of receipt: for each facet (book, kind, subject, channel,
-- customer_group, unit, status) and each of its values, the cases in the book (not deleted),
-- and of those the ones withdrawn as entered by mistake. "No unit" is the empty value.
CREATE TABLE book_count (
    facet      TEXT NOT NULL,
    value      TEXT NOT NULL,
    day        TEXT NOT NULL,          -- YYYY-MM-DD, the day of receipt
    entries    INTEGER NOT NULL,
    withdrawn  INTEGER NOT NULL,
    PRIMARY KEY (facet, value, day)
) WITHOUT ROWID;

-- The survey forms (not undone) per template and day written on them.
CREATE TABLE survey_form_count (
    day          TEXT NOT NULL,
    template_id  TEXT NOT NULL,
    forms        INTEGER NOT NULL,
    PRIMARY KEY (day, template_id)
) WITHOUT ROWID;

-- Their box answers (not the written ones), by code, state and value (0 when none).
CREATE TABLE survey_answer_count (
    template_id  TEXT NOT NULL,
    day          TEXT NOT NULL,
    code         TEXT NOT NULL,
    state        TEXT NOT NULL,
    value        INTEGER NOT NULL,
    answers      INTEGER NOT NULL,
    PRIMARY KEY (template_id, day, code, state, value)
) WITHOUT ROWID;
