-- Paper surveys (R3): templates as versioned data, rounds with their printed serials, and
-- the returned forms, one row per answer so that per-criterion counts are a GROUP BY.

CREATE TABLE survey_template (
    id          TEXT PRIMARY KEY,
    -- "bm-qt-sct-05-02": the form code folded; with `version`, the template's identity.
    key         TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    code        TEXT NOT NULL,
    title       TEXT NOT NULL,
    -- The whole SurveyTemplate as JSON (the format of `survey template export`).
    body        TEXT NOT NULL CHECK (json_valid(body)),
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (key, version)
);

-- Where every answer box of a printed form lies (SurveyLayout as JSON). The office's name is
-- printed in the questions and moves the lines, so the layout belongs to both.
CREATE TABLE survey_layout (
    template_id TEXT NOT NULL REFERENCES survey_template (id),
    office_name TEXT NOT NULL,
    body        TEXT NOT NULL CHECK (json_valid(body)),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (template_id, office_name)
);

CREATE TABLE survey_round (
    id          TEXT PRIMARY KEY,
    -- "2026-01": the year of period_from and the round's number within it.
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL CHECK (period_to >= period_from),
    template_id TEXT NOT NULL REFERENCES survey_template (id),
    -- Forms printed so far: serials 1..printed.
    printed     INTEGER NOT NULL DEFAULT 0 CHECK (printed >= 0),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

-- Each printing of a round: which serials it produced.
CREATE TABLE survey_printing (
    id           TEXT PRIMARY KEY,
    round_id     TEXT NOT NULL REFERENCES survey_round (id),
    first_serial INTEGER NOT NULL CHECK (first_serial >= 1),
    last_serial  INTEGER NOT NULL CHECK (last_serial >= first_serial),
    printed_at   TEXT NOT NULL
);

CREATE TABLE survey_response (
    id          TEXT PRIMARY KEY,
    round_id    TEXT NOT NULL REFERENCES survey_round (id),
    serial      INTEGER NOT NULL CHECK (serial >= 1),
    -- The date written on the form (the day of entry when none was written).
    filled_on   TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('keyboard', 'import', 'demo')),
    keystrokes  INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- Set by "undo last form": the serial may then be entered again.
    deleted_at  TEXT
);
CREATE UNIQUE INDEX survey_response_serial ON survey_response (round_id, serial) WHERE deleted_at IS NULL;
CREATE INDEX survey_response_round ON survey_response (round_id, created_at);

CREATE TABLE survey_answer (
    response_id TEXT NOT NULL REFERENCES survey_response (id),
    -- The slot code: "cau_1.2", "cau_2.follow_up", "cau_1.other"…
    code        TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('chosen', 'blank', 'spoiled', 'text')),
    value       INTEGER CHECK ((state = 'chosen') = (value IS NOT NULL)),
    text        TEXT CHECK ((state = 'text') = (text IS NOT NULL)),
    PRIMARY KEY (response_id, code)
) WITHOUT ROWID;
