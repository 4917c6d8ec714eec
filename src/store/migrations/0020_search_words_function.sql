-- 0020: the word index's triggers split a key into words with the function search_words (Rust,
-- registered on every connection: store/words.rs) instead of a hundred nested replace()
-- calls, which cost every save a hundred passes over the key and which older SQLite could not
-- parse. The words, hence the index and its vocabulary, are unchanged: only the triggers are
-- written again, by store/words.rs after this step.
SELECT 1;
