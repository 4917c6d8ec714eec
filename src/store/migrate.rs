//! Schema migrations: one SQL file a step, embedded in the binary, append-only once released.
//! `PRAGMA user_version` holds the number of steps applied. Each step runs in its own
//! transaction together with the bump of `user_version`, so a failed step leaves the schema
//! and the version exactly as they were.

use crate::error::{Error, Result};
use rusqlite::Connection;

/// Every step, in order. Never edit or reorder a released step: add a new file.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_feedback.sql"),
    include_str!("migrations/0003_surveys.sql"),
    include_str!("migrations/0004_records.sql"),
    include_str!("migrations/0005_reports.sql"),
    include_str!("migrations/0006_survey_disposal.sql"),
    include_str!("migrations/0007_accounts.sql"),
    include_str!("migrations/0008_desks.sql"),
    include_str!("migrations/0009_case_version.sql"),
    include_str!("migrations/0010_corrections.sql"),
    include_str!("migrations/0011_survey_typed_elsewhere.sql"),
    include_str!("migrations/0012_kiosk.sql"),
    include_str!("migrations/0013_law_path.sql"),
    include_str!("migrations/0014_bundles.sql"),
    COUNTS_STEP_SQL,
    include_str!("migrations/0016_scan.sql"),
    include_str!("migrations/0017_round_print.sql"),
    WORDS_STEP_SQL,
    include_str!("migrations/0019_bundle_inbox.sql"),
    WORDS_FUNCTION_STEP_SQL,
];

/// Steps that need Rust after their SQL, by the version they bring the schema to: data no
/// SQL function can compute. Runs in the step's transaction.
fn after_step(conn: &Connection, version: i64) -> Result<()> {
    if version == RECORDS_STEP {
        super::audit::seal_legacy(conn)?;
    }
    // Found by its text, not its number: the step's number is its place in the list.
    if MIGRATIONS.get(version as usize - 1) == Some(&COUNTS_STEP_SQL) {
        super::counts::install(conn)?;
    }
    if MIGRATIONS.get(version as usize - 1) == Some(&WORDS_STEP_SQL) {
        super::words::install(conn)?;
    }
    if MIGRATIONS.get(version as usize - 1) == Some(&WORDS_FUNCTION_STEP_SQL) {
        super::words::write_triggers(conn)?;
    }
    Ok(())
}

/// The step that brings the kept counts: its tables; their triggers and first counts are
/// written by `store::counts::install` after it.
const COUNTS_STEP_SQL: &str = include_str!("migrations/0015_counts.sql");

/// The step that brings the search's word index: its vocabulary table; the full-text table,
/// its triggers and their first contents are written by `store::words::install` after it.
const WORDS_STEP_SQL: &str = include_str!("migrations/0018_search_words.sql");

/// The step that moved the splitting of a key into words from SQL into a function: the word
/// index's triggers written again by `store::words::write_triggers`.
const WORDS_FUNCTION_STEP_SQL: &str = include_str!("migrations/0021_search_words_function.sql");

/// The step that added the audit log's hash chain (0004_records.sql).
const RECORDS_STEP: i64 = 4;

/// The schema version this build writes, and the newest it can open.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Brings the schema up to date. Refuses a database written by a newer version. Every
/// connection that writes comes through here, so here it is given the SQL function that the
/// word index's triggers call (store::words).
pub fn migrate(conn: &mut Connection) -> Result<()> {
    super::words::register(conn)?;
    apply_with(conn, MIGRATIONS, after_step)
}

#[cfg(test)]
pub(crate) fn apply(conn: &mut Connection, steps: &[&str]) -> Result<()> {
    apply_with(conn, steps, |_, _| Ok(()))
}

fn apply_with(conn: &mut Connection, steps: &[&str], after: fn(&Connection, i64) -> Result<()>) -> Result<()> {
    let current = user_version(conn)?;
    let supported = steps.len() as i64;
    if current > supported {
        return Err(Error::NewerSchema { found: current, supported });
    }
    for (i, sql) in steps.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        after(&tx, (i + 1) as i64)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn a_failing_step_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &["CREATE TABLE a (x INTEGER);"]).unwrap();
        let steps = ["CREATE TABLE a (x INTEGER);", "CREATE TABLE b (y INTEGER); SELECT no_such_fn();"];
        assert!(apply(&mut conn, &steps).is_err());
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(tables(&conn), vec!["a".to_string()]);
    }

    #[test]
    fn steps_apply_once_in_order() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = ["CREATE TABLE a (x INTEGER);", "ALTER TABLE a ADD COLUMN y TEXT;"];
        apply(&mut conn, &steps).unwrap();
        apply(&mut conn, &steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        match migrate(&mut conn) {
            Err(Error::NewerSchema { found: 99, supported }) => assert_eq!(supported, SCHEMA_VERSION),
            other => panic!("expected NewerSchema, got {other:?}"),
        }
    }

    #[test]
    fn entries_written_before_the_chain_are_sealed_by_the_migration() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..2]).unwrap();
        for i in 1..=3 {
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, entity, entity_id, after) VALUES ('2026-01-01T00:00:00Z', 'a', 'create', 'unit', ?1, '{}')",
                [i.to_string()],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        let report = super::super::audit::verify_chain(&conn).unwrap();
        assert_eq!((report.entries, report.broken), (3, None));
        // Sealed once: a sealed entry cannot be resealed.
        assert!(conn.execute("UPDATE audit_log SET hash = 'x' WHERE seq = 1", []).is_err());
    }

    /// Older SQLite (the sqlite3 3.40 shell of Debian 12, Python's sqlite3 there, older
    /// database browsers) parses the schema with a fixed stack of 100 entries and refuses the
    /// whole file as "malformed" when one statement nests deeper. An office's auditor or
    /// administrator may open the file with such a tool: no statement of the schema nests
    /// expressions more than a few levels (the deepest today is under 10).
    #[test]
    fn every_statement_of_the_schema_is_shallow_enough_for_older_sqlite() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let mut st = conn.prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL").unwrap();
        let rows: Vec<(String, String)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
        assert!(rows.iter().any(|(n, _)| n == "search_words_delete"), "the word index's triggers are in the schema");
        for (name, sql) in rows {
            let (mut depth, mut deepest, mut quoted) = (0i32, 0i32, None::<char>);
            for c in sql.chars() {
                match (quoted, c) {
                    (Some(q), c) if c == q => quoted = None,
                    (Some(_), _) => {}
                    (None, '\'' | '"') => quoted = Some(c),
                    (None, '(') => {
                        depth += 1;
                        deepest = deepest.max(depth);
                    }
                    (None, ')') => depth -= 1,
                    _ => {}
                }
            }
            assert!(deepest <= 12, "{name} nests {deepest} parentheses deep");
        }
    }

    /// The schema snapshot: a change to the migrations shows up here and must be deliberate.
    #[test]
    fn schema_snapshot() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(
            tables(&conn),
            [
                "account", "annual_report_text", "audit_log", "book_count", "bundle_import", "bundle_inbox", "bundle_key", "bundle_office",
                "bundle_record", "bundle_setting", "case_event", "case_step", "corrective_action", "corrective_action_case",
                "corrective_action_source",
                "desk_requests", "desk_sessions", "disposal", "feedback", "feedback_search", "feedback_search_config", "feedback_search_data",
                "feedback_search_docsize", "feedback_search_idx",
                "feedback_words", "feedback_words_config", "feedback_words_data", "feedback_words_idx", "holiday", "import_batch", "import_row", "kiosk", "kiosk_answer",
                "kiosk_arm", "kiosk_rating", "objective", "office",
                "opinion_group", "receipt_counter", "reply_letter", "report_archive", "scan_answer", "scan_file", "scan_page", "search_word", "setting",
                "sqlite_sequence", "staff", "survey_answer", "survey_answer_count", "survey_form_count", "survey_layout", "survey_printing", "survey_response",
                "survey_round", "survey_template", "unit"
            ]
        );
        let mut st = conn.prepare("SELECT name FROM pragma_table_info('staff')").unwrap();
        let cols: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(
            cols,
            ["id", "full_name", "title", "unit_id", "role", "phone", "email", "search_key",
             "created_at", "updated_at", "deleted_at"]
        );
        let mut st = conn.prepare("SELECT name FROM pragma_table_info('survey_response')").unwrap();
        let cols: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(
            cols,
            ["id", "round_id", "serial", "filled_on", "source", "keystrokes", "created_at", "updated_at", "deleted_at",
             "disposed_at", "serial_written"]
        );
        let mut st = conn.prepare("SELECT name FROM pragma_table_info('survey_round')").unwrap();
        let cols: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(cols[cols.len() - 3..], ["typed_elsewhere", "control", "layout"]);
    }
}
