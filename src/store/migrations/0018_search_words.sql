-- 0020: the word index of the search, beside the trigram index of 0002 (store/words.rs). A
-- name or a common phrase is found from the short lists of its whole syllables before the
-- substring is tested. The full-text table is made by store/words.rs after this step (its
-- tokenizer's separators are written there once), with its triggers, and both are built from
-- the cases. `ykien check` holds them equal to a rebuild; `ykien check --repair-counts`
-- builds them again.

-- Every word of the folded search keys and the number of cases holding it: what a query's
-- first and last syllables can be part of.
CREATE TABLE search_word (
    word   TEXT PRIMARY KEY,
    cases  INTEGER NOT NULL
) WITHOUT ROWID;
