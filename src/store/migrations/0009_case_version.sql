-- 0009: each case's version. 1 when the case is entered, one more at every write that
-- changes what the case shows (a move, a mandatory step, a reply letter, the exception
-- deadline, the confirmation, a corrective action linked to it, an erasure). A desk sends the
-- version of the case it shows with a move or a step; when another desk has changed the case
-- since, the core refuses it instead of acting on a stale view. The store's writes bump it
-- themselves, in the same transaction (see `store/case_version.rs` for why not triggers).
-- Cases already in the book start at 1.

ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
