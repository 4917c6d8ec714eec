//! The word index of the search: whole syllables of each case's folded search key (its
//! receipt number, customer, organisation and content, as `feedback::search_key` writes it),
//! beside the trigram index of the same key. A name or a common phrase is a few syllables,
//! each with a short list of the cases holding it, where the trigram index intersects a long
//! list for every three letters (BENCHMARKS.md).
//!
//! Three structures, all kept by SQLite triggers on `feedback` inside the statement that
//! changes a case, so every write path (a save, a correction, an import, a disposal or an
//! erasure, and any written later) keeps them in its own transaction:
//! - `feedback_words`, a full-text index of the key split into words (FTS5, `unicode61`
//!   with [`SEPARATORS`] as the only separators);
//! - `search_word`, its vocabulary: every word and the number of cases holding it, split
//!   the same way ([`words_of_key`], the SQL function [`WORDS_FUNCTION`]). It turns a
//!   query's first and last syllables, which the substring search lets be parts of longer
//!   words, into the words they can be parts of;
//! - `feedback_pairs`, a full-text index of the key's adjacent words taken two by two, each
//!   pair one token ([`pairs_of_key`], the SQL function [`PAIRS_FUNCTION`]; no positions
//!   kept). A name of three common syllables («Hồ Thanh Hoa») is a phrase whose every word
//!   is in tens of thousands of cases, which a phrase query of the word index walks side by
//!   side; its two pairs are in a few hundred (BENCHMARKS.md).
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

/// What joins the two words of a pair into one token: a separator of the key, so never part
/// of a word, and a word character of the pairs' tokenizer ([`pairs_tokenizer`]).
const PAIR_JOIN: char = '_';

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

/// The SQL function that gives the adjacent word pairs of a key as the text the pair index
/// holds: `search_pairs(key)`. Registered beside [`WORDS_FUNCTION`], for the same reasons.
pub const PAIRS_FUNCTION: &str = "search_pairs";

/// The distinct pairs of adjacent words of a folded key, each written `first_second`, joined
/// by spaces in the order they first appear: the text of the pair index. Adjacent in the
/// key's sequence of words (a word said twice makes a pair with each of its neighbours).
pub fn pairs_of_key(key: &str) -> String {
    let mut words = key.split(|c: char| SEPARATORS.contains(c)).filter(|w| !w.is_empty());
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    let mut out = String::new();
    let Some(mut before) = words.next() else { return out };
    for w in words {
        if seen.insert((before, w)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(before);
            out.push(PAIR_JOIN);
            out.push_str(w);
        }
        before = w;
    }
    out
}

/// Registers [`WORDS_FUNCTION`] and [`PAIRS_FUNCTION`] on a connection.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    // Innocuous and deterministic: they may run in triggers, views and indexes of any schema.
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    fn key<'a>(ctx: &'a rusqlite::functions::Context, name: &str) -> rusqlite::Result<&'a str> {
        match ctx.get_raw(0) {
            rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).map_err(|e| rusqlite::Error::UserFunctionError(e.into())),
            rusqlite::types::ValueRef::Null => Ok(""),
            _ => Err(rusqlite::Error::UserFunctionError(format!("{name}: a key is text").into())),
        }
    }
    conn.create_scalar_function(WORDS_FUNCTION, 1, flags, |ctx| {
        serde_json::to_string(&words_of_key(key(ctx, WORDS_FUNCTION)?)).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))
    })?;
    conn.create_scalar_function(PAIRS_FUNCTION, 1, flags, |ctx| Ok(pairs_of_key(key(ctx, PAIRS_FUNCTION)?)))
}

/// The pair index's tokenizer: FTS5's `ascii`, whose tokens are runs of small letters,
/// digits, `_` and any character past ASCII, taken as they are (no case folding that could
/// differ from the key's). A word holds no ASCII but small letters ([`SEPARATORS`]), so
/// each `first_second` of [`pairs_of_key`] is one token, exactly as written.
pub fn pairs_tokenizer() -> String {
    "\"ascii tokenchars '_'\"".to_owned()
}

/// The distinct words of the key `expr`, as a subquery.
fn words_of(expr: &str) -> String {
    format!("(SELECT value FROM json_each({WORDS_FUNCTION}({expr})))")
}

fn insert_trigger() -> String {
    format!(
        "CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON feedback BEGIN
            INSERT INTO feedback_words (rowid, search_key) VALUES (new.rowid, new.search_key);
            INSERT INTO feedback_pairs (rowid, pairs) VALUES (new.rowid, {PAIRS_FUNCTION}(new.search_key));
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
         INSERT INTO feedback_pairs (feedback_pairs, rowid, pairs) VALUES ('delete', {old}.rowid, {PAIRS_FUNCTION}({old}.search_key));
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
            INSERT INTO feedback_pairs (rowid, pairs) VALUES (new.rowid, {PAIRS_FUNCTION}(new.search_key));
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

/// Makes the two full-text tables if they are not there. The pair index keeps no text
/// (contentless: its text is computed from the key, and a view computing it would make the
/// table unreadable to a tool without [`PAIRS_FUNCTION`]) and no positions (a pair is looked
/// up whole); [`differences`] holds it against the keys, which FTS5 cannot do without the text.
fn create_tables(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS feedback_words USING fts5 (
            search_key, content = 'feedback', content_rowid = 'rowid', tokenize = {}, columnsize = 0
         );
         CREATE VIRTUAL TABLE IF NOT EXISTS feedback_pairs USING fts5 (pairs, content = '', tokenize = {}, detail = none);",
        tokenizer(),
        pairs_tokenizer()
    ))?;
    Ok(())
}

/// Builds the pair index again from the cases.
fn rebuild_pairs(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "INSERT INTO feedback_pairs (feedback_pairs) VALUES ('delete-all');
         INSERT INTO feedback_pairs (rowid, pairs) SELECT rowid, {PAIRS_FUNCTION}(search_key) FROM feedback;"
    ))?;
    Ok(())
}

/// Writes the triggers (again) and builds the indexes and the vocabulary from the cases: the
/// migration that brings the word index, and the repair. Run inside the caller's transaction.
pub fn install(conn: &Connection) -> Result<()> {
    write_triggers(conn)?;
    conn.execute_batch("INSERT INTO feedback_words (feedback_words) VALUES ('rebuild'); DELETE FROM search_word;")?;
    rebuild_pairs(conn)?;
    conn.execute(&format!("INSERT INTO search_word (word, cases) {}", vocabulary_sql()), [])?;
    Ok(())
}

/// Brings the pair index to a file that has the word index: the table, the triggers that
/// now keep it too, and its contents built from the cases (the migration that adds it).
pub fn install_pairs(conn: &Connection) -> Result<()> {
    write_triggers(conn)?;
    rebuild_pairs(conn)
}

/// Writes the triggers that keep the indexes and the vocabulary, replacing those there (the
/// tables made first if need be): the step that moved the splitting of a key into words from
/// SQL to [`WORDS_FUNCTION`] (the words, and so the index, are the same), and the step that
/// added the pair index. A file upgraded across both gets an empty pair index at the first,
/// filled by the second ([`install_pairs`]) in the same upgrade.
pub fn write_triggers(conn: &Connection) -> Result<()> {
    create_tables(conn)?;
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

/// Where the indexes differ from the cases, said in Vietnamese (`ykien check`): FTS5's own
/// check of the word index against the keys, the pair index against the pairs of the keys
/// ([`PairsDigest`]), and the vocabulary against a recount.
pub fn differences(conn: &Connection) -> Result<Vec<String>> {
    let repair = "sửa bằng «ykien check --repair-counts»";
    let mut out = Vec::new();
    if conn.execute("INSERT INTO feedback_words (feedback_words, rank) VALUES ('integrity-check', 1)", []).is_err() {
        out.push(format!("chỉ mục từ của tìm kiếm không khớp với hồ sơ; {repair}"));
    }
    let pairs_hold = conn.execute("INSERT INTO feedback_pairs (feedback_pairs) VALUES ('integrity-check')", []).is_ok()
        && PairsDigest::of_keys(conn)? == PairsDigest::of_index(conn)?;
    if !pairs_hold {
        out.push(format!("chỉ mục cặp từ của tìm kiếm không khớp với hồ sơ; {repair}"));
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

/// The (case, pair) entries of the pair index, or of the keys, as their number and an
/// order-free digest (the wrapping sum of a hash of each): equal digests mean the same
/// entries, but for a chance of one in 2⁶⁴. Both sides are read a row at a time, in any order.
#[derive(Default, PartialEq, Eq)]
struct PairsDigest {
    entries: u64,
    sum: u64,
}

impl PairsDigest {
    fn add(&mut self, case: i64, pair: &str) {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        // One fixed hash for both sides (the same keys every time, unlike a `HashMap`'s).
        self.entries += 1;
        self.sum = self.sum.wrapping_add(BuildHasherDefault::<DefaultHasher>::default().hash_one((case, pair)));
    }

    /// `each` given every row of `sql`: a case and a text.
    fn read(conn: &Connection, sql: &str, mut each: impl FnMut(&mut Self, i64, &str)) -> Result<Self> {
        let mut digest = Self::default();
        let mut st = conn.prepare(sql)?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let text = r.get_ref(1)?.as_str_or_null().map_err(rusqlite::Error::from)?.unwrap_or("");
            each(&mut digest, r.get(0)?, text);
        }
        Ok(digest)
    }

    /// The pairs of every case's key.
    fn of_keys(conn: &Connection) -> Result<Self> {
        Self::read(conn, "SELECT rowid, search_key FROM feedback", |d, case, key| {
            for pair in pairs_of_key(key).split(' ').filter(|p| !p.is_empty()) {
                d.add(case, pair);
            }
        })
    }

    /// The entries of the pair index, through a temporary `fts5vocab` table of them.
    fn of_index(conn: &Connection) -> Result<Self> {
        conn.execute_batch("CREATE VIRTUAL TABLE IF NOT EXISTS temp.ykien_pairs_held USING fts5vocab (main, feedback_pairs, instance)")?;
        let digest = Self::read(conn, "SELECT doc, term FROM temp.ykien_pairs_held", |d, case, pair| d.add(case, pair));
        conn.execute_batch("DROP TABLE temp.ykien_pairs_held")?;
        digest
    }
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
    conn.execute(
        &format!("INSERT INTO feedback_pairs (rowid, pairs) SELECT rowid, {PAIRS_FUNCTION}(search_key) FROM feedback WHERE rowid > ?1"),
        [s.after],
    )?;
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
    /// The FTS5 expression over `table` (`feedback_words` or `feedback_pairs`) whose cases
    /// hold the query (`exact`), or include every case that does (the substring is then
    /// tested on each).
    Match { table: &'static str, expr: String, exact: bool },
}

/// The word index's answer to `q`, a folded query, or `None` when the trigram index must
/// answer it: a query with anything but small ASCII letters between single spaces (digits,
/// punctuation, letters of other scripts), or a syllable that is part of too many words.
///
/// Why it finds exactly the cases whose key holds `q` as a substring (`instr`): a query
/// `t1 t2 … tn` of small letters lies, in any key that holds it, across consecutive words:
/// `t1` ends a word (a space follows it), `t2 … tn-1` are whole words, `tn` begins a word.
/// So the key has consecutive words `e t2 … tn-1 p` with `e` ending in `t1` and `p` beginning
/// with `tn`, hence the adjacent pairs `e_t2`, `t2_t3`, …, `tn-1_p`: the pair index's cases
/// holding one of the pairs `e_t2` (for each word `e` of the vocabulary that ends in `t1`),
/// every pair after it, and one of the pairs `tn-1_p` (for each word `p` that begins with
/// `tn`, or the prefix `"tn-1_tn" *` when they are many) include every such case.
/// Each pair is in a few cases where its words are each in many; the few more it finds (the
/// pairs apart in the key, or its words apart by punctuation) are tested for the substring.
/// A first syllable that ends too many words is left out of the pairs (the others still hold
/// every case); a phrase of two syllables is then the word index's `"t2" *`. One syllable
/// lies inside one word: the cases holding any word of the vocabulary that contains it are
/// exactly those.
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
            _ => Some(Lookup::Match {
                table: "feedback_words",
                expr: found.iter().map(|w| quoted(w)).collect::<Vec<_>>().join(" OR "),
                exact: true,
            }),
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
    let begun = words(&format!("SELECT word FROM search_word WHERE word >= ?1 AND word < ?1 || char(1114111) LIMIT {limit}"), last)?;
    let ending = words(&format!("SELECT word FROM search_word WHERE substr(word, -length(?1)) = ?1 LIMIT {limit}"), first)?;
    if begun.is_empty() || ending.is_empty() {
        return Ok(Some(Lookup::Nothing));
    }
    // The pairs a case holding the query holds, as groups of alternatives (a case holds one
    // of each group), each pair written as the pair index's tokenizer reads it. A pair that
    // ends with the last syllable is listed as its few words, not as a prefix: FTS5 reads
    // the whole list of a prefix before it gives the first case (a common phrase's two
    // hundred thousand), where alternatives are read side by side and stop with the page.
    let pair = |a: &str, b: &str| format!("\"{a}{PAIR_JOIN}{b}\"");
    let to_last_prefix = |a: &str| format!("{} *", pair(a, last));
    let before_last = |a: &str| -> Vec<String> {
        if begun.len() <= MAX_ALTERNATIVES {
            begun.iter().map(|p| pair(a, p)).collect()
        } else {
            vec![to_last_prefix(a)]
        }
    };
    let mut groups: Vec<Vec<String>> = Vec::new();
    if let [_] = rest {
        if ending.len() > MAX_ALTERNATIVES {
            // A first syllable that ends too many words (a letter or two) is left to the test
            // of the substring: the last syllable alone still finds every case that holds it.
            return Ok(Some(Lookup::Match { table: "feedback_words", expr: format!("\"{last}\" *"), exact: false }));
        }
        let every: Vec<String> = ending.iter().flat_map(|e| before_last(e)).collect();
        groups.push(if every.len() <= MAX_ALTERNATIVES * 4 { every } else { ending.iter().map(|e| to_last_prefix(e)).collect() });
    } else {
        // Left out when it ends too many words: the other pairs still hold every such case.
        if ending.len() <= MAX_ALTERNATIVES {
            groups.push(ending.iter().map(|e| pair(e, rest[0])).collect());
        }
        groups.extend(inner.windows(2).map(|w| vec![pair(w[0], w[1])]));
        groups.push(before_last(inner[inner.len() - 1]));
    }
    let expr = groups.iter().map(|g| format!("({})", g.join(" OR "))).collect::<Vec<_>>().join(" AND ");
    Ok(Some(Lookup::Match { table: "feedback_pairs", expr, exact: false }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key's pairs are its neighbouring words, across any separator, each pair once, and
    /// the pair index's tokenizer keeps each one whole.
    #[test]
    fn the_pairs_of_a_key_are_its_neighbouring_words_each_once() {
        let key = crate::domain::text::fold("Hồ Thanh Hoa, Hồ Thanh: «hồ sơ» 12a hồ thanh");
        assert_eq!(pairs_of_key(&key), "ho_thanh thanh_hoa hoa_ho thanh_ho ho_so so_a a_ho");
        assert_eq!(pairs_of_key("an"), "");
        assert_eq!(pairs_of_key(""), "");
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE t USING fts5 (k, tokenize = {}); CREATE VIRTUAL TABLE v USING fts5vocab (t, 'row');",
            pairs_tokenizer()
        ))
        .unwrap();
        conn.execute("INSERT INTO t (k) VALUES (?1)", [pairs_of_key(&key)]).unwrap();
        let mut terms: Vec<String> =
            conn.prepare("SELECT term FROM v").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        terms.sort();
        assert_eq!(terms, ["a_ho", "ho_so", "ho_thanh", "hoa_ho", "so_a", "thanh_ho", "thanh_hoa"]);
    }

    /// A phrase is looked up by its pairs: the first syllable as the end of the words of the
    /// vocabulary, the last as a prefix; a first syllable that ends too many words is left out.
    #[test]
    fn a_phrase_is_looked_up_by_its_pairs() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::migrate::migrate(&mut conn).unwrap();
        for (w, n) in [("ho", 3), ("pho", 1), ("thanh", 2), ("hoa", 1), ("hoang", 1), ("van", 1), ("an", 1)] {
            conn.execute("INSERT INTO search_word (word, cases) VALUES (?1, ?2)", rusqlite::params![w, n]).unwrap();
        }
        let expr = |q: &str| match lookup(&conn, q).unwrap() {
            Some(Lookup::Match { table, expr, exact }) => format!("{table}: {expr} {exact}"),
            other => format!("{other:?}"),
        };
        assert_eq!(expr("ho thanh hoa"), "feedback_pairs: (\"ho_thanh\" OR \"pho_thanh\") AND (\"thanh_hoa\" OR \"thanh_hoang\") false");
        assert_eq!(expr("o thanh"), "feedback_pairs: (\"ho_thanh\" OR \"pho_thanh\") false");
        assert_eq!(expr("van an thanh ho"), "feedback_pairs: (\"van_an\") AND (\"an_thanh\") AND (\"thanh_ho\" OR \"thanh_hoa\" OR \"thanh_hoang\") false");
        assert_eq!(expr("ho xyz hoa"), "Some(Nothing)");
        assert_eq!(expr("ho thanh xyz"), "Some(Nothing)");
        assert_eq!(expr("xyz thanh"), "Some(Nothing)");
        for i in 0..20 {
            let letter = "abcdefghijklmnopqrstu".chars().nth(i).unwrap();
            for w in [format!("zz{letter}n"), format!("hoa{letter}")] {
                conn.execute("INSERT INTO search_word (word, cases) VALUES (?1, 1)", [w]).unwrap();
            }
        }
        assert_eq!(expr("n thanh"), "feedback_words: \"thanh\" * false", "too many words end in n");
        assert_eq!(expr("n thanh van"), "feedback_pairs: (\"thanh_van\") false");
        assert_eq!(expr("ho thanh hoa"), "feedback_pairs: (\"ho_thanh\" OR \"pho_thanh\") AND (\"thanh_hoa\" *) false", "too many words begin with hoa");
        assert_eq!(expr("o hoa"), "feedback_pairs: (\"ho_hoa\" * OR \"hoao_hoa\" * OR \"pho_hoa\" *) false");
    }

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
