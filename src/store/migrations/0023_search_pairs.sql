-- 0023: the pair index of the search, beside the word index of 0018 (store/words.rs): the
-- adjacent words of each case's folded key taken two by two, each pair one token, so that a
-- name of common syllables is found from the short lists of its pairs rather than by walking
-- the long lists of its words side by side. The full-text table (contentless: its text is
-- computed from the key), the triggers that now keep it too and its first contents are
-- written by store/words.rs after this step. `ykien check` holds it against the pairs of
-- the keys; `ykien check --repair-counts` builds it again.
SELECT 1;
