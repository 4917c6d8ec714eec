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
    SCAN_SOURCE_STEP_SQL,
    include_str!("migrations/0022_complaint_closing.sql"),
    PAIRS_STEP_SQL,
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
    if MIGRATIONS.get(version as usize - 1) == Some(&SCAN_SOURCE_STEP_SQL) {
        remake_kept_schema(conn)?;
    }
    if MIGRATIONS.get(version as usize - 1) == Some(&PAIRS_STEP_SQL) {
        super::words::install_pairs(conn)?;
    }
    Ok(())
}

/// Makes again the indexes and triggers a step that rebuilt a table kept aside, by their own
/// text, in `migration_kept_schema` (indexes first: a trigger may rely on one), then drops it.
fn remake_kept_schema(conn: &Connection) -> Result<()> {
    let kept: Vec<String> = {
        let mut st = conn.prepare("SELECT sql FROM migration_kept_schema ORDER BY type = 'trigger', name")?;
        let rows = st.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for sql in kept {
        conn.execute_batch(&sql)?;
    }
    conn.execute_batch("DROP TABLE migration_kept_schema")?;
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
const WORDS_FUNCTION_STEP_SQL: &str = include_str!("migrations/0020_search_words_function.sql");

/// The step that gives forms read from scans their own source: it rebuilds `survey_response`,
/// whose indexes and triggers are made again by `remake_kept_schema` after it.
const SCAN_SOURCE_STEP_SQL: &str = include_str!("migrations/0021_scan_source.sql");

/// The step that brings the search's pair index: the table, its view and its triggers are
/// written and its contents built by `store::words::install_pairs` after it.
const PAIRS_STEP_SQL: &str = include_str!("migrations/0023_search_pairs.sql");

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
///
/// Foreign keys are not enforced while the steps run: a step that rebuilds a table drops it
/// while other tables' rows name its rows, and makes it again with the same ids. SQLite
/// ignores the pragma inside a transaction, so it is set around the steps, and put back
/// whatever they did.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    super::words::register(conn)?;
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if !enforced || user_version(conn)? >= SCHEMA_VERSION {
        return apply_with(conn, MIGRATIONS, after_step);
    }
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let done = apply_with(conn, MIGRATIONS, after_step);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    done
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

    /// The rebuild of `survey_response` for the source `scan`: every form kept with its id and
    /// everything that names it, the forms read from scans marked, the indexes and the kept
    /// counts' triggers still there and working, foreign keys enforced again after.
    #[test]
    fn forms_read_from_scans_get_their_own_source_and_nothing_else_changes() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        crate::store::words::register(&conn).unwrap();
        let before = MIGRATIONS.iter().position(|m| *m == SCAN_SOURCE_STEP_SQL).unwrap();
        apply_with(&mut conn, &MIGRATIONS[..before], after_step).unwrap();
        let t = "'2026-03-01T00:00:00Z'";
        conn.execute_batch(&format!(
            "INSERT INTO survey_template (id, key, version, code, title, body, created_at, updated_at) VALUES ('t', 'k', 1, 'BM', 'Phiếu', '{{}}', {t}, {t});
             INSERT INTO survey_round (id, code, name, period_from, period_to, template_id, printed, created_at, updated_at)
                 VALUES ('r', '2026-01', 'Đợt 1', '2026-03-01', '2026-03-31', 't', 9, {t}, {t});
             INSERT INTO survey_response (id, round_id, serial, filled_on, source, keystrokes, created_at, updated_at) VALUES
                 ('typed', 'r', 1, '2026-03-02', 'keyboard', 12, {t}, {t}),
                 ('file', 'r', 2, '2026-03-02', 'import', NULL, {t}, {t}),
                 ('scanned', 'r', 3, '2026-03-03', 'import', NULL, {t}, {t}),
                 ('confirmed', 'r', 4, '2026-03-03', 'import', NULL, {t}, {t});
             INSERT INTO survey_answer (response_id, code, state, value) VALUES
                 ('typed', 'q1', 'chosen', 4), ('file', 'q1', 'chosen', 5), ('scanned', 'q1', 'chosen', 5), ('confirmed', 'q1', 'blank', NULL);
             INSERT INTO scan_file (id, round_id, name, sha256, pages, created_at) VALUES ('f', 'r', 'chong.pdf', 'ab', 2, {t});
             INSERT INTO scan_page (id, file_id, page, serial, form_page, status, answers, response_id, done_at)
                 VALUES ('p1', 'f', 1, 3, 1, 'read', '[]', 'scanned', {t});
             INSERT INTO scan_answer (response_id, code, read_state, confidence, how, checked_by)
                 VALUES ('confirmed', 'q1', 'blank', 0.4, 'checked', 'qmr');"
        ))
        .unwrap();
        let counts = |conn: &Connection| -> Vec<(String, i64)> {
            let mut st = conn.prepare("SELECT day, forms FROM survey_form_count ORDER BY day").unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
        };
        let kept = |conn: &Connection| -> Vec<String> {
            let mut st = conn
                .prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE tbl_name = 'survey_response' AND sql IS NOT NULL ORDER BY 1")
                .unwrap();
            st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
        };
        let counted = counts(&conn);
        assert_eq!(counted, [("2026-03-02".to_string(), 2), ("2026-03-03".to_string(), 2)]);
        let schema = kept(&conn);
        assert!(schema.iter().filter(|s| s.starts_with("trigger")).count() >= 3, "{schema:?}");
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let mut st = conn.prepare("SELECT id, source FROM survey_response ORDER BY serial").unwrap();
        let sources: Vec<(String, String)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(
            sources,
            [("typed", "keyboard"), ("file", "import"), ("scanned", "scan"), ("confirmed", "scan")].map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(kept(&conn), schema, "every index and trigger made again");
        assert_eq!(counts(&conn), counted, "the kept counts untouched by the copy");
        let leftovers: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE name IN ('migration_kept_schema', 'survey_response_before')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(leftovers, 0);
        let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0);
        let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(enforced);
        // The triggers work on the new table: a form read from a scan counts as any other.
        conn.execute(&format!("INSERT INTO survey_response (id, round_id, serial, filled_on, source, created_at, updated_at) VALUES ('new', 'r', 5, '2026-03-03', 'scan', {t}, {t})"), [])
            .unwrap();
        assert_eq!(counts(&conn)[1], ("2026-03-03".to_string(), 3));
        assert!(conn.execute(&format!("INSERT INTO survey_response (id, round_id, serial, filled_on, source, created_at, updated_at) VALUES ('bad', 'r', 6, '2026-03-03', 'fax', {t}, {t})"), []).is_err());
        assert!(conn.execute("DELETE FROM survey_response WHERE id = 'typed'", []).is_err(), "its answers still name it");
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
                "desk_requests", "desk_sessions", "disposal", "feedback", "feedback_pairs", "feedback_pairs_config", "feedback_pairs_data", "feedback_pairs_docsize", "feedback_pairs_idx", "feedback_search", "feedback_search_config", "feedback_search_data",
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
