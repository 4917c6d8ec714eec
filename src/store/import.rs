//! Storing an imported ledger: duplicates recognised by the digest of each line, then every
//! new line stored as a closed case of the book in one transaction (the caller's batch).

use super::Tx;
use crate::domain::deadline::Calendar;
use crate::domain::feedback::ReceiptNo;
use crate::domain::settings::Settings;
use crate::domain::text::fold;
use crate::domain::workflow::Status;
use crate::error::{Error, Result};
use crate::domain::ledger_import::{ImportBatch, PreparedRow, RowStatus};
use rusqlite::{params, Connection, OptionalExtension};

/// Marks the lines already in the database: imported before (same digest), or entered by
/// hand with the same minute, customer and content.
pub fn mark_duplicates(conn: &Connection, rows: &mut [PreparedRow]) -> Result<()> {
    // What the book holds is read once into sets when it is no more than the file's lines (a
    // statement for each line was 3 % of an import); past that, each line is looked up, and
    // the memory used stays that of the file. The digests of the lines imported before:
    let imported = small_set(conn, "FROM import_row", "source_hash", &[], rows.len())?;
    // and the minutes of the cases in the file's days, so that a line whose minute holds no
    // case needs no statement (an old ledger into a new database, or into years the book
    // does not reach), read from the book's index by day (kept for the cases not deleted).
    let mut new = rows.iter().filter(|r| r.status == RowStatus::New).map(|r| r.input.received_at.as_str());
    let first = new.next();
    let minutes = match new.fold((first, first), |(lo, hi), t| (lo.min(Some(t)), hi.max(Some(t)))) {
        (Some(from), Some(to)) => small_set(
            conn,
            "FROM feedback WHERE received_at BETWEEN ?1 AND ?2 AND deleted_at IS NULL",
            "DISTINCT received_at",
            &[&from, &to],
            rows.len(),
        )?,
        _ => None,
    };
    let mut by_hash = conn.prepare_cached("SELECT 1 FROM import_row WHERE source_hash = ?1")?;
    let mut same_minute = conn.prepare_cached(
        "SELECT customer_name, content FROM feedback WHERE received_at = ?1 AND deleted_at IS NULL",
    )?;
    for row in rows.iter_mut().filter(|r| r.status == RowStatus::New) {
        let known = match &imported {
            Some(set) => set.contains(&row.source_hash),
            None => by_hash.query_row([&row.source_hash], |_| Ok(())).optional()?.is_some(),
        };
        let typed = !known && minutes.as_ref().is_none_or(|m| m.contains(&row.input.received_at)) && {
            // Folded only when a case of the same minute is there to compare (seldom).
            let mut mine: Option<(String, String)> = None;
            let mut rows = same_minute.query([&row.input.received_at])?;
            let mut found = false;
            while let Some(r) = rows.next()? {
                let (name, content) = mine.get_or_insert_with(|| (fold(&row.input.customer_name), fold(&row.input.content)));
                if fold(&r.get::<_, String>(0)?) == *name && fold(&r.get::<_, String>(1)?) == *content {
                    found = true;
                    break;
                }
            }
            found
        };
        if known || typed {
            row.status = RowStatus::Duplicate;
        }
    }
    Ok(())
}

/// The values `what` of the rows `from` (a `FROM … WHERE …` with `params`), read into a set
/// when they are no more than `most` rows; `None` when they are more.
fn small_set(conn: &Connection, from: &str, what: &str, params: &[&dyn rusqlite::ToSql], most: usize) -> Result<Option<std::collections::HashSet<String>>> {
    let rows: i64 = conn.query_row(&format!("SELECT count(*) {from}"), params, |r| r.get(0))?;
    if rows as usize > most {
        return Ok(None);
    }
    let mut st = conn.prepare(&format!("SELECT {what} {from}"))?;
    let found = st.query_map(params, |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(found))
}

/// Context for storing lines.
pub struct Target<'a> {
    pub settings: &'a Settings,
    pub calendar: &'a Calendar,
    pub batch_id: &'a str,
    /// The receipt numbers given so far, by year.
    pub receipts: std::cell::RefCell<Receipts>,
}

/// The receipt numbers of an import, counted in memory for its whole transaction: each
/// year's last number read once, the counters written once at the end ([`index_rows`]).
/// The import holds the write lock from its first line to its commit, so no other writer
/// can take a number meanwhile; a rollback drops the numbers with the lines.
#[derive(Default)]
pub struct Receipts(std::collections::BTreeMap<i32, i64>);

impl Receipts {
    fn next(&mut self, tx: &Tx, year: i32) -> Result<ReceiptNo> {
        let last = match self.0.get(&year) {
            Some(last) => *last,
            None => tx
                .prepare_cached("SELECT last FROM receipt_counter WHERE year = ?1")?
                .query_row([year], |r| r.get(0))
                .optional()?
                .unwrap_or(0),
        };
        self.0.insert(year, last + 1);
        Ok(ReceiptNo { year, seq: last + 1 })
    }

    fn write(&self, tx: &Tx) -> Result<()> {
        let mut st = tx.prepare_cached(
            "INSERT INTO receipt_counter (year, last) VALUES (?1, ?2) ON CONFLICT (year) DO UPDATE SET last = excluded.last",
        )?;
        for (year, last) in &self.0 {
            st.execute(params![year, last])?;
        }
        Ok(())
    }
}

/// The search index's insert trigger, set aside while an import stores its lines, and the
/// last case before them.
pub struct Indexing {
    trigger: String,
    after: i64,
    counts: super::counts::Suspended,
    words: super::words::Suspended,
}

/// Sets the search index's insert trigger aside for the import's transaction: the lines go
/// to the index all at once at the end ([`index_rows`]). Line by line, the full-text index
/// writes what it holds in memory to the file at every statement that may need undoing: one
/// small segment per line, merged again and again (half the time of an import). The trigger
/// is dropped and made again from its own text inside the same transaction, so a failed or
/// cancelled import leaves it exactly as it was. The book's kept counts are set aside the
/// same way, and count the lines in one statement at the end; the word index too (store::words).
pub fn suspend_indexing(tx: &Tx) -> Result<Indexing> {
    let trigger: String =
        tx.query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'feedback_search_insert'", [], |r| r.get(0))?;
    let after: i64 = tx.query_row("SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0))?;
    tx.execute_batch("DROP TRIGGER feedback_search_insert")?;
    let counts = super::counts::suspend_book(tx)?;
    let words = super::words::suspend(tx)?;
    Ok(Indexing { trigger, after, counts, words })
}

/// Gives every line stored since [`suspend_indexing`] to the search index in one statement
/// (new cases take rowids above every older one), counts them, puts the triggers back, and
/// writes the receipt counters the lines took.
pub fn index_rows(tx: &Tx, indexing: Indexing, receipts: &Receipts) -> Result<()> {
    receipts.write(tx)?;
    tx.execute(
        "INSERT INTO feedback_search (rowid, search_key) SELECT rowid, search_key FROM feedback WHERE rowid > ?1",
        [indexing.after],
    )?;
    tx.execute_batch(&indexing.trigger)?;
    super::words::resume(tx, indexing.words)?;
    super::counts::resume_book(tx, indexing.counts)
}

pub fn begin_batch(tx: &Tx, p: &ImportBatch, batch_id: &str, rows: usize) -> Result<()> {
    tx.execute(
        "INSERT INTO import_batch (id, file_name, file_hash, encoding, rows, imported_at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![batch_id, p.file_name, p.file_hash, p.encoding, rows as i64, tx.now(), tx.actor()],
    )?;
    let after = serde_json::json!({
        "file_name": p.file_name, "file_hash": p.file_hash, "encoding": p.encoding, "rows": rows, "sheet": p.sheet,
    });
    tx.audit::<(), _>("import_batch", batch_id, None, Some(&after))
}

/// Stores one new line as a closed case: received and closed on the dates of the old book,
/// with where it came from in its history. `staff` and `units` are (id, folded name): the
/// old book's receiver and unit are matched by their folds.
pub fn store_row(tx: &Tx, t: &Target, file_name: &str, row: &PreparedRow, staff: &[(String, String)], units: &[(String, String)]) -> Result<()> {
    if row.status != RowStatus::New {
        return Err(Error::Conflict(format!("Dòng {} không được nhập (trùng hoặc có lỗi).", row.row_no)));
    }
    let mut f = row.input.clone();
    let receiver_key = fold(&row.receiver_name);
    f.receiver_id = staff.iter().find(|(_, n)| !receiver_key.is_empty() && *n == receiver_key).map(|(id, _)| id.clone());
    let unit_key = fold(&row.unit_name);
    f.unit_id = units.iter().find(|(_, n)| !unit_key.is_empty() && *n == unit_key).map(|(id, _)| id.clone());
    let receipt: ReceiptNo = t.receipts.borrow_mut().next(tx, chrono::Datelike::year(&row.received))?;
    let id = super::new_id();
    let day = row.received.date();
    let reply_due = t.calendar.due(day, t.settings.reply_deadline_days, t.settings.count_working_days);
    let closed_on = row.closed_on.filter(|c| *c >= day).unwrap_or(day);
    let closed_at = format!("{}T{}", closed_on, if closed_on == day { row.received.format("%H:%M").to_string() } else { "00:00".into() });
    let resolution = if row.result.is_empty() { "Đã xử lý (theo sổ cũ).".to_owned() } else { row.result.clone() };
    tx.prepare_cached(
        "INSERT INTO feedback (id, receipt_year, receipt_seq, received_at, channel, kind, subject, book,
            customer_name, customer_org, customer_address, customer_phone, customer_email, customer_group,
            content, receiver_id, unit_id, written, formal, status, reply_due, closed_at, resolution,
            search_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, 0, 'closed', ?18, ?19, ?20, ?21, ?22, ?22)",
    )?
    .execute(params![
        id, receipt.year, receipt.seq, f.received_at, f.channel, f.kind, f.subject, f.book,
        f.customer_name, f.customer_org, f.customer_address, f.customer_phone, f.customer_email,
        f.customer_group, f.content, f.receiver_id, f.unit_id, reply_due.to_string(), closed_at, resolution,
        super::feedback::search_key(&receipt, &f), tx.now()
    ])?;
    let mut origin = format!("Nhập từ sổ cũ: tệp «{file_name}», dòng {}", row.row_no);
    if !row.old_number.is_empty() {
        origin.push_str(&format!(", số thứ tự cũ {}", row.old_number));
    }
    if f.receiver_id.is_none() && !row.receiver_name.is_empty() {
        origin.push_str(&format!(". Người tiếp nhận (theo sổ): {}", row.receiver_name));
    }
    if f.unit_id.is_none() && !row.unit_name.is_empty() {
        origin.push_str(&format!(". Đơn vị xử lý (theo sổ): {}", row.unit_name));
    }
    if !row.confirmation.is_empty() {
        origin.push_str(&format!(". Xác nhận của trưởng phòng/đơn vị: {}", row.confirmation));
    }
    origin.push('.');
    let received_at = super::feedback::fmt_local(row.received);
    super::feedback::event(tx, &id, received_at, f.receiver_id.as_deref(), None, Status::Received, Some(f.channel), &origin)?;
    super::feedback::event(tx, &id, closed_at, None, Some(Status::Received), Status::Closed, None, &resolution)?;
    tx.prepare_cached("INSERT INTO import_row (source_hash, batch_id, feedback_id, row_no) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![row.source_hash, t.batch_id, id, row.row_no])?;
    tx.audit_created(
        "feedback",
        &id,
        &serde_json::json!({ "receipt_no": receipt.to_string(), "input": f, "imported": { "batch": t.batch_id, "row": row.row_no } }),
    )
}
