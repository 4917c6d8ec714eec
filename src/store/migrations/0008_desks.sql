-- 0008: desks of the office server (`ykien serve`). Several PCs work on this one file through
-- the server; each signed-in desk holds a session, and each write a desk sends carries a
-- request id whose answer is kept, so that a save retried after a lost answer is not made twice.
-- Neither table is a record of the office: they are not in the audit log, and sessions end
-- with a sign-out (the row is deleted).

-- A desk's session. Only the SHA-256 of its token is kept: a copy of the file does not let
-- anyone act as a signed-in desk.
CREATE TABLE desk_sessions (
    token_hash    TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- The desk's host name as it gave it, and its network address as the server saw it.
    desk_name     TEXT NOT NULL,
    address       TEXT NOT NULL,
    -- UTC, RFC 3339 with milliseconds (as the rest of the file).
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    -- The idle lock (the desk's own, or the server's after the account policy's idle minutes).
    locked        INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
) STRICT;

CREATE INDEX desk_sessions_account ON desk_sessions (account_id);

-- The answer the server gave to a write, by the desk's request id: stored in the same
-- transaction as the write itself, so the two are committed together or not at all. Kept a week.
CREATE TABLE desk_requests (
    id        TEXT PRIMARY KEY,
    command   TEXT NOT NULL,
    -- The HTTP status and the JSON body answered.
    status    INTEGER NOT NULL,
    response  TEXT NOT NULL,
    at        TEXT NOT NULL
) STRICT;

CREATE INDEX desk_requests_at ON desk_requests (at);
