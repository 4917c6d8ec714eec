//! The word index of the search: whole syllables of each case's folded search key (its
//! receipt number, customer, organisation and content, as `feedback::search_key` writes it),
//! beside the trigram index of the same key. A name or a common phrase is a few syllables,
//! each with a short list of the cases holding it, where the trigram index intersects a long
//! list for every three letters (BENCHMARKS.md).
//!
//! Two structures, both kept by SQLite triggers on `feedback` inside the statement that
//! changes a case, so every write path (a save, a correction, an import, a disposal or an
//! erasure, and any written later) keeps them in its own transaction:
//! - `feedback_words`, a full-text index of the key split into words (FTS5, `unicode61`
//!   with [`SEPARATORS`] as the only separators);
//! - `search_word`, its vocabulary: every word and the number of cases holding it, split
//!   the same way ([`words_of_key`], the SQL function [`WORDS_FUNCTION`]). It turns a
//!   query's first and last syllables, which the substring search lets be parts of longer
//!   words, into the words they can be parts of.
//!
//! A word here is a run of characters between separators: the separators are every ASCII
//! character but the small letters (digits and punctuation included) and common typographic
//! punctuation; the key is already folded (no accents, lower case), so a word of Vietnamese is
//! one syllable. The search stays the substring search it always was ([`lookup`] says how).
//! [`install`] writes the triggers and builds both from the cases (the migration, and the
//! repair of `ykien check --repair-counts`); [`differences`] holds them against a rebuild.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

/// The characters between words. Never a small ASCII letter: a query made of small letters
/// then lies inside the words of any key that holds it (see [`lookup`]).
pub const SEPARATORS: &str = concat!(
    " !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "\u{a0}\u{2013}\u{2014}\u{2018}\u{2019}\u{201a}\u{201c}\u{201d}\u{201e}\u{2026}\u{ab}\u{bb}\u{2039}\u{203a}\u{2022}\u{b7}\u{b0}\u{d7}\u{f7}\u{a7}\u{b6}\u{a9}\u{ae}\u{2122}\u{20ac}\u{20ab}\u{2116}",
);

/// At most this many words of the vocabulary stand for one syllable of a query; a syllable
/// that is part of more words (two letters, say) is searched through the trigram index.
const MAX_ALTERNATIVES: usize = 16;

const TRIGGERS: &[&str] = &["search_words_insert", "search_words_delete", "search_words_update"];

/// The insert trigger, set aside by an import (see [`suspend`]).
const INSERT_TRIGGER: &str = "search_words_insert";

/// The FTS5 tokenizer: every character a word character but the separators (categories of
/// all kinds), no accent folding (the key has none), so its words are exactly those of
/// [`words_of_key`]. The separators are quoted twice: once for the tokenizer's argument, once
/// for the table's option.
pub fn tokenizer() -> String {
    let inner = SEPARATORS.replace('\'', "''");
    let arg = format!("unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Z* C*' separators '{inner}'");
    format!("\"{}\"", arg.replace('"', "\"\""))
}

/// The SQL function that gives the distinct words of a key as a JSON array, in the order they
/// first appear: `search_words(key)`. Registered on every connection the store opens
/// ([`register`]), so the triggers that call it run on every write path; a connection opened
/// otherwise (a tool, a test) reads the file but cannot change a case without it. Computed in
/// Rust rather than by SQL: the chain of a hundred nested `replace` calls it replaces made
/// every save pay a hundred passes over the key, and made the schema unreadable to older
/// SQLite (the sqlite3 3.40 shell of Debian 12 refused the file: "malformed database schema
/// (search_words_delete) - parser stack overflow").
pub const WORDS_FUNCTION: &str = "search_words";

/// The distinct words of a folded key, in the order they first appear: the runs of
/// characters between [`SEPARATORS`], as FTS5's tokenizer of `feedback_words` cuts them.
pub fn words_of_key(key: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for w in key.split(|c: char| SEPARATORS.contains(c)).filter(|w| !w.is_empty()) {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// Registers [`WORDS_FUNCTION`] on a connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    // Innocuous and deterministic: it may run in triggers and indexes of any schema.
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function(WORDS_FUNCTION, 1, flags, |ctx| {
        let key = ctx.get_raw(0);
        let key = match key {
            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))?,
            rusqlite::types::ValueRef::Null => "",
            _ => return Err(rusqlite::Error::UserFunctionError("search_words: a key is text".into())),
        };
        serde_json::to_string(&words_of_key(key)).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))
    })
}

/// The distinct words of the key `expr`, as a subquery.
fn words_of(expr: &str) -> String {
    format!("(SELECT value FROM json_each({WORDS_FUNCTION}({expr})))")
}

fn insert_trigger() -> String {
    format!(
        "CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON feedback BEGIN
            INSERT INTO feedback_words (rowid, search_key) VALUES (new.rowid, new.search_key);
            INSERT INTO search_word (word, cases) SELECT value, 1 FROM {} WHERE true
                ON CONFLICT (word) DO UPDATE SET cases = cases + 1;
         END;",
        words_of("new.search_key")
    )
}

/// The statements that take a case `old` out of both.
fn remove(old: &str) -> String {
    format!(
        "INSERT INTO feedback_words (feedback_words, rowid, search_key) VALUES ('delete', {old}.rowid, {old}.search_key);
         UPDATE search_word SET cases = cases - 1 WHERE word IN {w};
         DELETE FROM search_word WHERE cases <= 0 AND word IN {w};",
        w = words_of(&format!("{old}.search_key"))
    )
}

fn triggers_sql() -> String {
    format!(
        "{}
         CREATE TRIGGER search_words_delete AFTER DELETE ON feedback BEGIN {} END;
         CREATE TRIGGER search_words_update AFTER UPDATE OF search_key ON feedback BEGIN
            {}
            INSERT INTO feedback_words (rowid, search_key) VALUES (new.rowid, new.search_key);
            INSERT INTO search_word (word, cases) SELECT value, 1 FROM {} WHERE true
                ON CONFLICT (word) DO UPDATE SET cases = cases + 1;
         END;",
        insert_trigger(),
        remove("old"),
        remove("old"),
        words_of("new.search_key"),
    )
}

/// The vocabulary recounted from the cases.
fn vocabulary_sql() -> String {
    format!(
        "SELECT j.value AS word, count(*) AS cases FROM feedback f, json_each({WORDS_FUNCTION}(f.search_key)) j GROUP BY j.value"
    )
}

/// Writes the triggers (again) and builds the index and its vocabulary from the cases: the
/// migration that brings the index, and its repair. Run inside the caller's transaction.
pub fn install(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS feedback_words USING fts5 (
            search_key, content = 'feedback', content_rowid = 'rowid', tokenize = {}, columnsize = 0
         )",
        tokenizer()
    ))?;
    write_triggers(conn)?;
    conn.execute_batch("INSERT INTO feedback_words (feedback_words) VALUES ('rebuild'); DELETE FROM search_word;")?;
    conn.execute(&format!("INSERT INTO search_word (word, cases) {}", vocabulary_sql()), [])?;
    Ok(())
}

/// Writes the triggers that keep the index and its vocabulary, replacing those there: the
/// step that moved the splitting of a key into words from SQL to [`WORDS_FUNCTION`] (the
/// words, and so the index, are the same).
pub fn write_triggers(conn: &Connection) -> Result<()> {
    for t in TRIGGERS {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {t}"))?;
    }
    conn.execute_batch(&triggers_sql())?;
    Ok(())
}

/// Builds the index again from the cases, with its audit entry (`ykien check
/// --repair-counts`). Derived from the cases, so the entry says only that it was rebuilt.
pub fn repair(tx: &super::Tx) -> Result<()> {
    install(tx)?;
    tx.audit::<(), _>("search_words", "search_word", None, Some(&serde_json::json!({ "rebuilt": true })))
}

/// Where the index differs from the cases, said in Vietnamese (`ykien check`): FTS5's own
/// check of the index against the keys, and the vocabulary against a recount.
pub fn differences(conn: &Connection) -> Result<Vec<String>> {
    let repair = "sửa bằng «ykien check --repair-counts»";
    let mut out = Vec::new();
    if conn.execute("INSERT INTO feedback_words (feedback_words, rank) VALUES ('integrity-check', 1)", []).is_err() {
        out.push(format!("chỉ mục từ của tìm kiếm không khớp với hồ sơ; {repair}"));
    }
    let sql = format!(
        "SELECT k.word, k.cases, c.cases FROM search_word k LEFT JOIN ({v}) c ON c.word = k.word
         WHERE c.cases IS NOT k.cases
         UNION ALL
         SELECT c.word, NULL, c.cases FROM ({v}) c WHERE c.word NOT IN (SELECT word FROM search_word)",
        v = vocabulary_sql()
    );
    let mut st = conn.prepare(&sql)?;
    let differ = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    const SHOWN: usize = 5;
    for (word, kept, counted) in differ.iter().take(SHOWN) {
        out.push(format!(
            "từ «{word}» của tìm kiếm: đang giữ {} ý kiến, đếm lại được {}; {repair}",
            kept.unwrap_or(0),
            counted.unwrap_or(0)
        ));
    }
    if differ.len() > SHOWN {
        out.push(format!("từ của tìm kiếm: còn {} chỗ không khớp khác; {repair}", differ.len() - SHOWN));
    }
    Ok(out)
}

/// The last case before an import, its insert trigger set aside meanwhile.
pub struct Suspended {
    after: i64,
}

/// Sets the insert trigger aside for an import's transaction: the lines are indexed in two
/// statements at the end ([`resume`]) instead of one index write and a few dozen upserts a
/// line. Inside the same transaction, so a failed import leaves the trigger as it was.
pub fn suspend(conn: &Connection) -> Result<Suspended> {
    let after: i64 = conn.query_row("SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0))?;
    conn.execute_batch(&format!("DROP TRIGGER {INSERT_TRIGGER}"))?;
    Ok(Suspended { after })
}

/// Indexes every case stored since [`suspend`] (new cases take rowids above every older one)
/// and puts the trigger back. The vocabulary of the new cases is counted here, in a map of a
/// few thousand words, and written one upsert a word: SQL's `GROUP BY` over every word of
/// every line sorted two million rows for a 100,000-line import (a fifth of its time).
pub fn resume(conn: &Connection, s: Suspended) -> Result<()> {
    conn.execute("INSERT INTO feedback_words (rowid, search_key) SELECT rowid, search_key FROM feedback WHERE rowid > ?1", [s.after])?;
    let mut counted: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    {
        let mut st = conn.prepare_cached("SELECT search_key FROM feedback WHERE rowid > ?1")?;
        let mut rows = st.query([s.after])?;
        while let Some(r) = rows.next()? {
            let key = r.get_ref(0)?.as_str_or_null().map_err(rusqlite::Error::from)?.unwrap_or("");
            for w in words_of_key(key) {
                match counted.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        counted.insert(w.to_owned(), 1);
                    }
                }
            }
        }
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO search_word (word, cases) VALUES (?1, ?2) ON CONFLICT (word) DO UPDATE SET cases = cases + excluded.cases",
    )?;
    for (word, cases) in &counted {
        upsert.execute(rusqlite::params![word, cases])?;
    }
    conn.execute_batch(&insert_trigger())?;
    Ok(())
}

/// How the word index answers a folded query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// No case holds it: a word the query needs whole is in no key.
    Nothing,
    /// The FTS5 expression over `feedback_words` whose cases hold the query (`exact`), or
    /// include every case that does (the substring is then tested on each).
    Match { expr: String, exact: bool },
}

/// The word index's answer to `q`, a folded query, or `None` when the trigram index must
/// answer it: a query with anything but small ASCII letters between single spaces (digits,
/// punctuation, letters of other scripts), or a syllable that is part of too many words.
///
/// Why it finds exactly the cases whose key holds `q` as a substring (`instr`): a query
/// `t1 t2 … tn` of small letters lies, in any key that holds it, across consecutive words:
/// `t1` ends a word (a space follows it), `t2 … tn-1` are whole words, `tn` begins a word.
/// So the key has consecutive words `e t2 … tn-1 p` with `e` ending in `t1` and `p` beginning
/// with `tn`: the FTS5 phrase `"e t2 … tn" *` for each word `e` of the vocabulary that ends
/// in `t1` finds every such case (and perhaps a few more, where the words are separated by
/// punctuation: the substring is tested on those). One syllable lies inside one word: the
/// cases holding any word of the vocabulary that contains it are exactly those.
pub fn lookup(conn: &Connection, q: &str) -> Result<Option<Lookup>> {
    let terms: Vec<&str> = q.split(' ').collect();
    if terms.iter().any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_lowercase())) {
        return Ok(None);
    }
    let words = |sql: &str, t: &str| -> Result<Vec<String>> {
        let mut st = conn.prepare_cached(sql)?;
        let found = st.query_map([t], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(found)
    };
    let limit = MAX_ALTERNATIVES + 1;
    let quoted = |w: &str| format!("\"{w}\"");
    if let [t] = terms.as_slice() {
        let found = words(&format!("SELECT word FROM search_word WHERE instr(word, ?1) > 0 LIMIT {limit}"), t)?;
        return Ok(match found.len() {
            0 => Some(Lookup::Nothing),
            n if n > MAX_ALTERNATIVES => None,
            _ => Some(Lookup::Match { expr: found.iter().map(|w| quoted(w)).collect::<Vec<_>>().join(" OR "), exact: true }),
        });
    }
    let (first, rest) = (terms[0], &terms[1..]);
    let (last, inner) = rest.split_last().expect("two terms or more");
    for t in inner {
        let known: Option<i64> = conn.prepare_cached("SELECT 1 FROM search_word WHERE word = ?1")?.query_row([t], |r| r.get(0)).optional()?;
        if known.is_none() {
            return Ok(Some(Lookup::Nothing));
        }
    }
    // Words beginning with the last syllable: a range of the vocabulary's key.
    let begun: Option<i64> = conn
        .prepare_cached("SELECT 1 FROM search_word WHERE word >= ?1 AND word < ?1 || char(1114111) LIMIT 1")?
        .query_row([last], |r| r.get(0))
        .optional()?;
    if begun.is_none() {
        return Ok(Some(Lookup::Nothing));
    }
    let tail = rest.join(" ");
    let ending = words(&format!("SELECT word FROM search_word WHERE substr(word, -length(?1)) = ?1 LIMIT {limit}"), first)?;
    let expr = match ending.len() {
        0 => return Ok(Some(Lookup::Nothing)),
        // A first syllable that ends too many words (a letter or two) is left to the test of
        // the substring: the rest of the phrase alone still finds every case that holds it.
        n if n > MAX_ALTERNATIVES => format!("\"{tail}\" *"),
        _ => ending.iter().map(|e| format!("\"{e} {tail}\" *")).collect::<Vec<_>>().join(" OR "),
    };
    Ok(Some(Lookup::Match { expr, exact: false }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words the triggers count are those FTS5's tokenizer indexes: the same key, split
    /// by [`words_of_key`] and by `feedback_words`'s tokenizer, gives the same words.
    #[test]
    fn the_words_of_a_key_are_those_of_the_full_text_index() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate(&mut conn).unwrap();
        let key = crate::domain::text::fold("2026/000123 Nguyễn Văn An, Công ty «ABC» – an toàn…thực phẩm (lần 2) an x.y@z.vn");
        let ours = words_of_key(&key);
        assert_eq!(ours, ["nguyen", "van", "an", "cong", "ty", "abc", "toan", "thuc", "pham", "lan", "x", "y", "z", "vn"]);
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE t USING fts5 (k, tokenize = {}); CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row');",
            tokenizer()
        ))
        .unwrap();
        conn.execute("INSERT INTO t (k) VALUES (?1)", [&key]).unwrap();
        let mut theirs: Vec<String> =
            conn.prepare("SELECT term FROM v").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let mut sorted: Vec<String> = ours.iter().map(|w| w.to_string()).collect();
        sorted.sort();
        theirs.sort();
        assert_eq!(sorted, theirs);
        // And the SQL function gives them as the triggers read them.
        let json: String = conn.query_row("SELECT search_words(?1)", [&key], |r| r.get(0)).unwrap();
        assert_eq!(serde_json::from_str::<Vec<String>>(&json).unwrap(), ours);
    }
}
