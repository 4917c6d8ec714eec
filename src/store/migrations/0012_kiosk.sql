-- 0012: rating kiosks. A tablet at a desk of the one-stop shop on which the citizen, once
-- served, taps how satisfied they are. An administrator registers each kiosk; the tablet is
-- paired once with a one-time code and then holds a device token that may do one thing only:
-- submit a rating for its desk. The clerk's window arms the kiosk for one service (a case
-- saved or closed, or a service that is not a case); each arm takes one rating at most.
-- Ratings are survey responses of their own source: the figures count them with the paper
-- forms of the same period, by source and together.

CREATE TABLE kiosk (
    id                  TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    -- The desk's unit (the one-stop shop, a department), when given.
    unit_id             TEXT REFERENCES unit (id),
    -- The survey template the kiosk asks (a stored version).
    template_id         TEXT NOT NULL REFERENCES survey_template (id),
    -- SHA-256 of the device token; null until a tablet is paired. Only the hash is kept: a
    -- copy of the file lets nobody submit ratings.
    token_hash          TEXT UNIQUE,
    -- SHA-256 of the one-time pairing code, and until when it may be used; null once used.
    pairing_hash        TEXT,
    pairing_until       TEXT,
    paired_at           TEXT,
    -- When the tablet last asked whether it is armed.
    last_seen_at        TEXT,
    disabled_at         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) STRICT;

-- One service the clerk's window armed the kiosk for: who served, and the case if there is one.
CREATE TABLE kiosk_arm (
    id          TEXT PRIMARY KEY,
    kiosk_id    TEXT NOT NULL REFERENCES kiosk (id),
    account_id  TEXT REFERENCES account (id),
    staff_id    TEXT,
    case_id     TEXT REFERENCES feedback (id),
    armed_at    TEXT NOT NULL
) STRICT;
CREATE INDEX kiosk_arm_kiosk ON kiosk_arm (kiosk_id, armed_at);

-- A citizen's rating: one per arm (one per service), and one per tap id (the tablet's id for
-- the tap, sent again unchanged while the server cannot be reached), so that repeated taps and
-- retried sends are one rating.
CREATE TABLE kiosk_rating (
    id          TEXT PRIMARY KEY,
    kiosk_id    TEXT NOT NULL REFERENCES kiosk (id),
    arm_id      TEXT NOT NULL UNIQUE REFERENCES kiosk_arm (id),
    tap_id      TEXT NOT NULL UNIQUE,
    template_id TEXT NOT NULL REFERENCES survey_template (id),
    -- Copied from the arm and the kiosk: the desk's unit, the staff member, the case.
    unit_id     TEXT,
    staff_id    TEXT,
    case_id     TEXT,
    -- The office's local day the rating arrived: the date the figures count it on.
    rated_on    TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX kiosk_rating_day ON kiosk_rating (rated_on);

-- Its answers, by the template's slot codes ("cau_1.2"), each a level chosen (1 = the first).
CREATE TABLE kiosk_answer (
    rating_id   TEXT NOT NULL REFERENCES kiosk_rating (id),
    code        TEXT NOT NULL,
    value       INTEGER NOT NULL CHECK (value >= 1),
    PRIMARY KEY (rating_id, code)
) STRICT, WITHOUT ROWID;
