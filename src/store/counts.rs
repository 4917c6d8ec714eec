//! Counts kept as the records change: the book per day of receipt and facet (book, kind,
//! subject, channel, customer group, unit, status), the survey forms per day and template,
//! and their box answers. The book's count and the figures read these few thousand rows
//! instead of a year's records (BENCHMARKS.md).
//!
//! The one place that keeps them: triggers on `feedback`, `survey_response` and
//! `survey_answer`, written here from [`FACETS`], run by SQLite inside the statement that
//! changes a record, so every write path — a save, a move, a correction, a withdrawal, an
//! import, a disposal, an erasure, and any written later — keeps them in its own
//! transaction without calling anything. A new counted column is a line of [`FACETS`] and a
//! migration whose step calls [`install`] (migrate.rs), which writes the triggers again and
//! rebuilds the counts. [`differences`] holds them against a recount (`ykien check`);
//! [`install`] is also the repair (`ykien check --repair-counts`).

use crate::error::Result;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// A facet of the book: its name in `book_count.facet`, the column of `feedback` it counts,
/// and what the check calls it.
pub struct Facet {
    pub name: &'static str,
    pub column: &'static str,
    pub label: &'static str,
}

/// The facets of the book counted per day. A null column (no unit) counts as "".
pub const FACETS: &[Facet] = &[
    Facet { name: "book", column: "book", label: "sổ" },
    Facet { name: "kind", column: "kind", label: "loại ý kiến" },
    Facet { name: "subject", column: "subject", label: "nội dung liên quan" },
    Facet { name: "channel", column: "channel", label: "kênh tiếp nhận" },
    Facet { name: "customer_group", column: "customer_group", label: "nhóm khách hàng" },
    Facet { name: "unit", column: "unit_id", label: "đơn vị xử lý" },
    Facet { name: "status", column: "status", label: "trạng thái" },
];

const TRIGGERS: &[&str] = &[
    "book_count_insert",
    "book_count_delete",
    "book_count_update",
    "survey_count_response_insert",
    "survey_count_response_delete",
    "survey_count_response_update",
    "survey_count_answer_insert",
    "survey_count_answer_delete",
    "survey_count_answer_update",
];

/// The insert trigger of the book, set aside by an import (see [`suspend_book`]).
const BOOK_INSERT: &str = "book_count_insert";

const BOOK_UPSERT: &str =
    "ON CONFLICT (facet, value, day) DO UPDATE SET entries = entries + excluded.entries, withdrawn = withdrawn + excluded.withdrawn";
const FORM_UPSERT: &str = "ON CONFLICT (day, template_id) DO UPDATE SET forms = forms + excluded.forms";
const ANSWER_UPSERT: &str =
    "ON CONFLICT (template_id, day, code, state, value) DO UPDATE SET answers = answers + excluded.answers";

/// One facet row of a case `r` (`new` or `old`), counted `sign` times.
fn facet_rows(r: &str, sign: &str) -> Vec<String> {
    FACETS
        .iter()
        .map(|f| {
            format!(
                "SELECT '{name}' AS facet, COALESCE({r}.{col}, '') AS value, substr({r}.received_at, 1, 10) AS day,
                        {sign}1 AS entries, {sign}({r}.withdrawn_at IS NOT NULL) AS withdrawn WHERE {r}.deleted_at IS NULL",
                name = f.name,
                col = f.column
            )
        })
        .collect()
}

fn book_insert_trigger() -> String {
    format!(
        "CREATE TRIGGER {BOOK_INSERT} AFTER INSERT ON feedback WHEN new.deleted_at IS NULL BEGIN
            INSERT INTO book_count (facet, value, day, entries, withdrawn) SELECT * FROM ({}) WHERE true {BOOK_UPSERT};
         END;",
        facet_rows("new", "").join(" UNION ALL ")
    )
}

fn triggers_sql() -> String {
    let watched: Vec<&str> = ["received_at", "deleted_at", "withdrawn_at"].into_iter().chain(FACETS.iter().map(|f| f.column)).collect();
    let changed = watched.iter().map(|c| format!("old.{c} IS NOT new.{c}")).collect::<Vec<_>>().join(" OR ");
    let mut both = facet_rows("old", "-");
    both.extend(facet_rows("new", ""));
    // The answers of a form, as counted: through its round's template, while the form is not undone.
    let answers_of = |r: &str, sign: &str| {
        format!(
            "INSERT INTO survey_answer_count (template_id, day, code, state, value, answers)
             SELECT o.template_id, {r}.filled_on, a.code, a.state, COALESCE(a.value, 0), {sign}count(*)
             FROM survey_answer a JOIN survey_round o ON o.id = {r}.round_id
             WHERE a.response_id = {r}.id AND a.state <> 'text' AND {r}.deleted_at IS NULL
             GROUP BY o.template_id, a.code, a.state, COALESCE(a.value, 0) {ANSWER_UPSERT};"
        )
    };
    let form_of = |r: &str, sign: &str| {
        format!(
            "INSERT INTO survey_form_count (day, template_id, forms)
             SELECT {r}.filled_on, o.template_id, {sign}1 FROM survey_round o WHERE o.id = {r}.round_id AND {r}.deleted_at IS NULL {FORM_UPSERT};"
        )
    };
    let answer = |a: &str, sign: &str| {
        format!(
            "INSERT INTO survey_answer_count (template_id, day, code, state, value, answers)
             SELECT o.template_id, r.filled_on, {a}.code, {a}.state, COALESCE({a}.value, 0), {sign}1
             FROM survey_response r JOIN survey_round o ON o.id = r.round_id
             WHERE r.id = {a}.response_id AND r.deleted_at IS NULL AND {a}.state <> 'text' {ANSWER_UPSERT};"
        )
    };
    format!(
        "{insert}
         CREATE TRIGGER book_count_delete AFTER DELETE ON feedback WHEN old.deleted_at IS NULL BEGIN
            INSERT INTO book_count (facet, value, day, entries, withdrawn) SELECT * FROM ({old}) WHERE true {BOOK_UPSERT};
         END;
         CREATE TRIGGER book_count_update AFTER UPDATE OF {watched} ON feedback WHEN {changed} BEGIN
            INSERT INTO book_count (facet, value, day, entries, withdrawn)
            SELECT facet, value, day, sum(entries), sum(withdrawn) FROM ({both}) WHERE true
            GROUP BY facet, value, day HAVING sum(entries) <> 0 OR sum(withdrawn) <> 0 {BOOK_UPSERT};
         END;
         CREATE TRIGGER survey_count_response_insert AFTER INSERT ON survey_response WHEN new.deleted_at IS NULL BEGIN
            {form_new}
         END;
         CREATE TRIGGER survey_count_response_delete AFTER DELETE ON survey_response WHEN old.deleted_at IS NULL BEGIN
            {form_old}
            {answers_old}
         END;
         CREATE TRIGGER survey_count_response_update AFTER UPDATE OF round_id, filled_on, deleted_at ON survey_response
         WHEN old.round_id IS NOT new.round_id OR old.filled_on IS NOT new.filled_on OR old.deleted_at IS NOT new.deleted_at BEGIN
            {form_old}
            {answers_old}
            {form_new}
            {answers_new}
         END;
         CREATE TRIGGER survey_count_answer_insert AFTER INSERT ON survey_answer WHEN new.state <> 'text' BEGIN
            {answer_new}
         END;
         CREATE TRIGGER survey_count_answer_delete AFTER DELETE ON survey_answer WHEN old.state <> 'text' BEGIN
            {answer_old}
         END;
         CREATE TRIGGER survey_count_answer_update AFTER UPDATE OF response_id, code, state, value ON survey_answer
         WHEN old.response_id IS NOT new.response_id OR old.code IS NOT new.code OR old.state IS NOT new.state OR old.value IS NOT new.value BEGIN
            {answer_old}
            {answer_new}
         END;",
        insert = book_insert_trigger(),
        old = facet_rows("old", "-").join(" UNION ALL "),
        watched = watched.join(", "),
        both = both.join(" UNION ALL "),
        form_new = form_of("new", ""),
        form_old = form_of("old", "-"),
        answers_old = answers_of("old", "-"),
        answers_new = answers_of("new", ""),
        answer_new = answer("new", ""),
        answer_old = answer("old", "-"),
    )
}

/// The book recounted from the records, as `book_count` holds it.
fn book_recount_sql() -> String {
    let columns = FACETS.iter().map(|f| format!("COALESCE({}, '') AS {}", f.column, f.name)).collect::<Vec<_>>().join(", ");
    let per_facet = FACETS
        .iter()
        .map(|f| format!("SELECT '{0}' AS facet, {0} AS value, day, n, w FROM k", f.name))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    // Grouped by the whole key once (one sort of the book), then by each facet.
    format!(
        "WITH k AS (SELECT substr(received_at, 1, 10) AS day, {columns}, count(*) AS n, sum(withdrawn_at IS NOT NULL) AS w
                    FROM feedback WHERE deleted_at IS NULL GROUP BY 1, {keys})
         SELECT facet, value, day, sum(n), sum(w) FROM ({per_facet}) GROUP BY facet, value, day",
        keys = FACETS.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
    )
}

const FORM_RECOUNT: &str = "SELECT r.filled_on, o.template_id, count(*) FROM survey_response r JOIN survey_round o ON o.id = r.round_id
     WHERE r.deleted_at IS NULL GROUP BY r.filled_on, o.template_id";

const ANSWER_RECOUNT: &str = "SELECT o.template_id, r.filled_on, a.code, a.state, COALESCE(a.value, 0), count(*)
     FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_round o ON o.id = r.round_id
     WHERE r.deleted_at IS NULL AND a.state <> 'text'
     GROUP BY o.template_id, r.filled_on, a.code, a.state, COALESCE(a.value, 0)";

/// Writes the triggers (again) and builds every count from the records: the migration that
/// brings the counts, and their repair. Run inside the caller's transaction.
pub fn install(conn: &Connection) -> Result<()> {
    for t in TRIGGERS {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {t}"))?;
    }
    conn.execute_batch(&triggers_sql())?;
    conn.execute_batch("DELETE FROM book_count; DELETE FROM survey_form_count; DELETE FROM survey_answer_count;")?;
    conn.execute(&format!("INSERT INTO book_count (facet, value, day, entries, withdrawn) {}", book_recount_sql()), [])?;
    conn.execute(&format!("INSERT INTO survey_form_count (day, template_id, forms) {FORM_RECOUNT}"), [])?;
    conn.execute(&format!("INSERT INTO survey_answer_count (template_id, day, code, state, value, answers) {ANSWER_RECOUNT}"), [])?;
    Ok(())
}

/// Builds the counts again from the records (and their triggers), with its audit entry:
/// `ykien check --repair-counts`. The counts are derived from the records, so the entry
/// says only that they were rebuilt.
pub fn repair(tx: &super::Tx) -> Result<()> {
    install(tx)?;
    tx.audit::<(), _>("counts", "book_count", None, Some(&serde_json::json!({ "rebuilt": true })))
}

/// The book's insert trigger set aside while an import stores its lines, and the last case
/// before them ([`resume_book`] counts the lines at once).
pub struct Suspended {
    after: i64,
}

/// Sets the book's insert trigger aside for an import's transaction: one grouped statement
/// at the end counts its lines instead of seven upserts a line. Inside the same
/// transaction, so a failed or cancelled import leaves the trigger as it was.
pub fn suspend_book(conn: &Connection) -> Result<Suspended> {
    let after: i64 = conn.query_row("SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0))?;
    conn.execute_batch(&format!("DROP TRIGGER {BOOK_INSERT}"))?;
    Ok(Suspended { after })
}

/// Counts every case stored since [`suspend_book`] (new cases take rowids above every older
/// one) and puts the trigger back.
pub fn resume_book(conn: &Connection, s: Suspended) -> Result<()> {
    let recount = book_recount_sql().replace("WHERE deleted_at IS NULL", "WHERE deleted_at IS NULL AND rowid > ?1");
    conn.execute(
        &format!("INSERT INTO book_count (facet, value, day, entries, withdrawn) SELECT * FROM ({recount}) WHERE true {BOOK_UPSERT}"),
        [s.after],
    )?;
    conn.execute_batch(&book_insert_trigger())?;
    Ok(())
}

type Key = (String, String, String);
/// Cases and withdrawn ones (the survey tables use the first only).
type Counted = (i64, i64);

fn read(conn: &Connection, sql: &str) -> Result<BTreeMap<Key, (i64, i64)>> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([], |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?), (r.get(3)?, r.get(4)?))))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, v): (Key, (i64, i64)) = row?;
        if v != (0, 0) {
            out.insert(k, v);
        }
    }
    Ok(out)
}

/// Where the kept counts differ from a recount of the records, each said in Vietnamese (the
/// first few of each table, then how many more); empty when they are equal.
pub fn differences(conn: &Connection) -> Result<Vec<String>> {
    const SHOWN: usize = 5;
    let mut out = Vec::new();
    let repair = "sửa bằng «ykien check --repair-counts»";
    // The book.
    let kept = read(conn, "SELECT facet, value, day, entries, withdrawn FROM book_count")?;
    let counted = read(conn, &book_recount_sql())?;
    let differ = diff(&kept, &counted);
    for (k, a, b) in differ.iter().take(SHOWN) {
        let label = FACETS.iter().find(|f| f.name == k.0).map_or(k.0.as_str(), |f| f.label);
        let value = if k.1.is_empty() { "(không có)" } else { &k.1 };
        out.push(format!(
            "số đếm của sổ không khớp với hồ sơ: {label} «{value}», ngày {}: đang giữ {} ý kiến ({} rút lại), đếm lại được {} ({} rút lại); {repair}",
            k.2, a.0, a.1, b.0, b.1
        ));
    }
    if differ.len() > SHOWN {
        out.push(format!("số đếm của sổ: còn {} chỗ không khớp khác; {repair}", differ.len() - SHOWN));
    }
    // The survey forms.
    let kept = read(conn, "SELECT day, template_id, '', forms, 0 FROM survey_form_count")?;
    let counted = read(conn, &FORM_RECOUNT.replace("count(*) FROM", "'', count(*), 0 FROM"))?;
    let differ = diff(&kept, &counted);
    for (k, a, b) in differ.iter().take(SHOWN) {
        out.push(format!(
            "số phiếu khảo sát đếm sẵn không khớp với hồ sơ: mẫu phiếu {}, ngày {}: đang giữ {}, đếm lại được {}; {repair}",
            k.1, k.0, a.0, b.0
        ));
    }
    if differ.len() > SHOWN {
        out.push(format!("số phiếu khảo sát: còn {} chỗ không khớp khác; {repair}", differ.len() - SHOWN));
    }
    // Their answers: the key folded into three strings.
    let key = "template_id || ' ' || code, day, state || ' ' || value";
    let kept = read(conn, &format!("SELECT {key}, answers, 0 FROM survey_answer_count"))?;
    let counted = read(
        conn,
        &format!(
            "SELECT {key}, n, 0 FROM (SELECT o.template_id, r.filled_on AS day, a.code, a.state, COALESCE(a.value, 0) AS value, count(*) AS n
             FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_round o ON o.id = r.round_id
             WHERE r.deleted_at IS NULL AND a.state <> 'text' GROUP BY 1, 2, 3, 4, 5)"
        ),
    )?;
    let differ = diff(&kept, &counted);
    for (k, a, b) in differ.iter().take(SHOWN) {
        out.push(format!(
            "số câu trả lời đếm sẵn không khớp với hồ sơ: {} ({}), ngày {}: đang giữ {}, đếm lại được {}; {repair}",
            k.0, k.2, k.1, a.0, b.0
        ));
    }
    if differ.len() > SHOWN {
        out.push(format!("số câu trả lời: còn {} chỗ không khớp khác; {repair}", differ.len() - SHOWN));
    }
    Ok(out)
}

fn diff(kept: &BTreeMap<Key, Counted>, counted: &BTreeMap<Key, Counted>) -> Vec<(Key, Counted, Counted)> {
    let keys: std::collections::BTreeSet<&Key> = kept.keys().chain(counted.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (a, b) = (kept.get(k).copied().unwrap_or((0, 0)), counted.get(k).copied().unwrap_or((0, 0)));
            (a != b).then(|| (k.clone(), a, b))
        })
        .collect()
}

/// A condition of the book's count that the kept counts can answer: one facet among a list
/// of its values (or none), received from `from` to `to` (YYYY-MM-DD, both included).
pub struct BookQuery<'a> {
    pub facet: Option<(&'a str, Vec<String>)>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Withdrawn entries left out (the lists about handling).
    pub without_withdrawn: bool,
}

/// The number of cases of the book that `q` picks, from the kept counts.
pub fn book_total(conn: &Connection, q: &BookQuery) -> Result<i64> {
    // Without a facet, the book's facet: every case has exactly one book.
    let (facet, values) = match &q.facet {
        Some((f, v)) => (*f, Some(v)),
        None => ("book", None),
    };
    let counted = if q.without_withdrawn { "entries - withdrawn" } else { "entries" };
    let sql = format!(
        "SELECT coalesce(sum({counted}), 0) FROM book_count WHERE facet = ?1 AND day >= ?2 AND day <= ?3 {}",
        if values.is_some() { "AND value IN (SELECT value FROM json_each(?4))" } else { "AND ?4 IS NULL" }
    );
    let list = values.map(|v| serde_json::to_string(v).expect("strings serialise"));
    let from = q.from.clone().unwrap_or_default();
    let to = q.to.clone().unwrap_or_else(|| "9999-12-31".into());
    Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params![facet, from, to, list], |r| r.get(0))?)
}

/// The book's entries (not withdrawn) received from `from` to `to`, per day and facet value:
/// (facet, value, day, entries), for the facets the figures list.
pub fn entries_by_day(conn: &Connection, from: &str, to: &str) -> Result<Vec<(String, String, String, u32)>> {
    let mut st = conn.prepare_cached(
        "SELECT facet, value, day, entries - withdrawn FROM book_count
         WHERE facet IN ('book', 'kind', 'subject', 'channel', 'customer_group', 'unit') AND day >= ?1 AND day <= ?2
           AND entries - withdrawn <> 0",
    )?;
    let rows = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
