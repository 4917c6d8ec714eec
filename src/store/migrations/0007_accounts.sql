-- 0007: accounts (tài khoản). Each staff member who uses the app signs in with their own
-- account; the role comes from the staff row, so moving someone to another role or unit
-- changes what their account may do at once. The password is kept only as an argon2id hash
-- (PHC string with its own salt and parameters); it never reaches the audit log.
-- A sign-in writes nothing unless it resets the count of wrong passwords: reading stays reading.
-- A database with no account row at all works as before any account existed: everything is
-- allowed and recorded as the system, until the first (administrator's) account is created.

CREATE TABLE account (
    id                    TEXT PRIMARY KEY,
    staff_id              TEXT NOT NULL UNIQUE REFERENCES staff (id),
    -- Lower-case ASCII, compared as stored.
    login                 TEXT NOT NULL UNIQUE,
    password_hash         TEXT NOT NULL,
    -- Set when an administrator created the account or reset its password: the user must
    -- choose their own password at the next sign-in before doing anything else.
    must_change_password  INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    -- Wrong passwords in a row; at the office's limit the account is locked until `locked_until`
    -- (office local time, YYYY-MM-DDTHH:MM:SS) and the count starts again.
    failed_attempts       INTEGER NOT NULL DEFAULT 0,
    locked_until          TEXT,
    -- Disabled by an administrator (someone who left): cannot sign in; kept for the history.
    disabled              INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;
