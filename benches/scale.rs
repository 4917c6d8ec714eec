//! Every figure of BENCHMARKS.md at one scale, each beside its floor measured in the same run:
//! saving a case or a form beside a bare rusqlite insert of the same rows into the same file,
//! search beside the bare FTS5 query, a backup beside a plain copy of the file, the start-up
//! check beside reading the file, an import beside a bare insert of the rows it stores.
//!
//! `cargo xtask bench [--scale district|province|stress] [--seed N]` runs it (and measures the
//! app window); by hand: `YKIEN_BENCH_SCALE=province cargo bench --bench scale`.
//!
//! The database of a scale is generated once by `ykien::demo::scale` (the same rows for the
//! same seed) and kept in target/bench/; each run works on a fresh copy of it. The table is
//! printed and written to target/bench/results-SCALE.md.

mod common;
use common::{answers, bench_now, generate, markdown, Figure, Goal};
use rusqlite::types::Value;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use ykien::demo::scale::Scale;
use ykien::domain::survey::SurveyTemplate;
use ykien::domain::survey_entry::slots;
use ykien::report::period::Period;
use ykien::{no_progress, Book, Channel, CustomerGroup, FeedbackFilter, FeedbackInput, Kind, Ledger, PrintJob, ResponseInput, RoundInput, Subject};

const YEAR: i32 = 2026;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|s| !s.is_empty())
}

fn env_n(name: &str, default: usize) -> usize {
    env(name).and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed(), v)
}

fn main() {
    let scale = Scale::parse(&env("YKIEN_BENCH_SCALE").unwrap_or_else(|| "district".into())).expect("district, province or stress");
    let seed: u64 = env("YKIEN_BENCH_SEED").and_then(|s| s.parse().ok()).unwrap_or(1);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let pristine = dir.join(format!("{}-seed{seed}-v{}.db", scale.as_str(), ykien::store::migrate::SCHEMA_VERSION));
    let generated = generate(&pristine, scale, seed);

    let work = dir.join(format!("{}-work.db", scale.as_str()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", work.display()));
    }
    std::fs::copy(&pristine, &work).unwrap();
    let size = std::fs::metadata(&work).unwrap().len();
    let load_before = loadavg();
    println!(
        "Ý Kiến benchmarks, scale {} (seed {seed}): {} cases, {} forms, {:.0} MB; {}",
        scale.as_str(),
        scale.cases(),
        scale.forms(),
        size as f64 / 1e6,
        machine()
    );
    println!("load average before: {load_before}");

    let mut figures: Vec<Figure> = Vec::new();
    if let Some(g) = generated {
        figures.push(Figure::new("generate the database (`ykien demo --scale`, through the core API)", vec![g]));
    }
    // YKIEN_BENCH_ONLY=save,search… runs only those parts (for profiling one of them).
    let only = env("YKIEN_BENCH_ONLY");
    let part = |name: &str| only.as_deref().is_none_or(|o| o.split(',').any(|p| p.trim() == name));
    if part("startup") {
        figures.extend(startup(&work, size));
    }
    let mut l = Ledger::open(&work).unwrap();
    l.set_clock(Some(bench_now()));
    let bare = Connection::open(&work).unwrap();
    // The word index's triggers call it, as on the app's own connections.
    ykien::store::words::register(&bare).unwrap();
    bare.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;").unwrap();
    bare.set_prepared_statement_cache_capacity(64);
    if part("save") {
        figures.push(save_case(&mut l, &bare));
        figures.push(save_form(&mut l, &bare));
    }
    if part("search") {
        figures.extend(search(&l, &bare, scale));
        figures.extend(ledger_list(&l, &bare));
    }
    if part("reports") {
        figures.extend(reports(&mut l));
    }
    if part("export") {
        figures.push(export_year(&l, &bare, &dir));
    }
    if part("backup") {
        figures.push(backup(&l, &work, &dir));
    }
    drop(bare);
    if part("import") {
        figures.extend(import(&mut l, &dir));
    }
    drop(l);

    let load_after = loadavg();
    let table = markdown(&figures);
    println!("\n{table}");
    println!("load average after: {load_after}");
    let head = format!(
        "## Scale {}: {} cases, {} survey forms ({:.0} MB file, seed {seed})\n\n{}; load average {load_before} before, {load_after} after.\n\n",
        scale.as_str(),
        scale.cases(),
        scale.forms(),
        size as f64 / 1e6,
        machine()
    );
    std::fs::write(dir.join(format!("results-{}.md", scale.as_str())), format!("{head}{table}")).unwrap();
}

/// The app's start: opening the file (schema check, no migration to run), which the window
/// waits for; SQLite's quick check, which runs in the background meanwhile; beside them,
/// reading every byte of the file; and the full check of `ykien check`.
fn startup(work: &Path, size: u64) -> Vec<Figure> {
    let runs = env_n("YKIEN_BENCH_STARTUP_RUNS", 5);
    let (mut open, mut quick, mut read) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let (t, l) = time(|| Ledger::open(work).unwrap());
        open.push(t);
        let (t, problems) = time(|| l.startup_problems().unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        quick.push(t);
        read.push(time(|| read_file(work)).0);
    }
    let l = Ledger::open(work).unwrap();
    let full: Vec<Duration> = (0..env_n("YKIEN_BENCH_CHECK_RUNS", 2))
        .map(|_| {
            let (t, report) = time(|| l.check().unwrap());
            assert!(report.ok, "{:?}", report.problems);
            t
        })
        .collect();
    let mb = size as f64 / 1e6;
    vec![
        Figure::new("start-up: open the file (what the window waits for)", open).note(format!("{mb:.0} MB, warm page cache")),
        Figure::new("start-up: quick check (in the background, the window already open)", quick)
            .floor("read the whole file", read)
            .note(format!("{mb:.0} MB, warm page cache")),
        Figure::new("full check (`ykien check`: integrity, foreign keys, audit chain)", full),
    ]
}

fn read_file(path: &Path) -> u64 {
    use std::io::Read;
    let mut f = std::fs::File::open(path).unwrap();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).unwrap();
        if k == 0 {
            return n;
        }
        n += k as u64;
    }
}

/// A row as stored, to be written again by a bare INSERT with some columns changed.
struct StoredRow {
    table: &'static str,
    cols: Vec<String>,
    vals: Vec<Value>,
}

impl StoredRow {
    fn read(conn: &Connection, table: &'static str, filter: &str, arg: &str) -> Vec<StoredRow> {
        let mut st = conn.prepare(&format!("SELECT * FROM {table} WHERE {filter}")).unwrap();
        let cols: Vec<String> = st.column_names().map(String::from).collect();
        let n = cols.len();
        st.query_map([arg], |r| Ok((0..n).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()))
            .unwrap()
            .map(|r| StoredRow { table, cols: cols.clone(), vals: r.unwrap().unwrap() })
            .collect()
    }

    fn with(&self, changes: &[(&str, Value)]) -> StoredRow {
        let mut vals = self.vals.clone();
        for (col, v) in changes {
            let i = self.cols.iter().position(|c| c == col).unwrap_or_else(|| panic!("no column {col} in {}", self.table));
            vals[i] = v.clone();
        }
        StoredRow { table: self.table, cols: self.cols.clone(), vals }
    }

    fn insert(&self, conn: &Connection) {
        let marks: Vec<String> = (1..=self.cols.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", self.table, self.cols.join(", "), marks.join(", "));
        conn.prepare_cached(&sql).unwrap().execute(rusqlite::params_from_iter(&self.vals)).unwrap();
    }
}

/// The audit row `row` appended to the chain of `conn`: the next number and its hash, as the
/// app computes them (computed before the bare transaction is timed; only the insert counts).
fn chained(conn: &Connection, row: StoredRow) -> StoredRow {
    use ykien::domain::audit::chain::{entry_hash, Link};
    let (seq, prev): (i64, String) =
        conn.query_row("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    let text = |c: &str| match &row.vals[row.cols.iter().position(|x| x == c).unwrap()] {
        Value::Text(t) => t.clone(),
        v => panic!("{c} is {v:?}"),
    };
    let (at, actor, action, entity, entity_id, content) =
        (text("at"), text("actor"), text("action"), text("entity"), text("entity_id"), text("content_hash"));
    let link = Link { seq: seq + 1, at: &at, actor: &actor, action: &action, entity: &entity, entity_id: &entity_id, content_hash: &content };
    let hash = entry_hash(&link, &prev);
    row.with(&[("seq", Value::Integer(seq + 1)), ("hash", Value::Text(hash))])
}

/// As [`bare_tx`], the search index given every new case in one statement at the end, its
/// insert trigger set aside meanwhile (as the import does). The book's kept counts, which the
/// import adds in one statement at the end, are left out of the floor: their trigger is set
/// aside too and put back, the rows not counted.
fn bare_bulk(conn: &Connection, rows: &[StoredRow]) -> Duration {
    time(|| {
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        let trigger: String = conn
            .query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'feedback_search_insert'", [], |r| r.get(0))
            .unwrap();
        let counts: String =
            conn.query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'book_count_insert'", [], |r| r.get(0)).unwrap();
        let after: i64 = conn.query_row("SELECT coalesce(max(rowid), 0) FROM feedback", [], |r| r.get(0)).unwrap();
        conn.execute_batch("DROP TRIGGER feedback_search_insert; DROP TRIGGER book_count_insert").unwrap();
        // The word index the same way: set aside, given the new cases in one statement.
        let words = ykien::store::words::suspend(conn).unwrap();
        for r in rows {
            r.insert(conn);
        }
        conn.execute("INSERT INTO feedback_search (rowid, search_key) SELECT rowid, search_key FROM feedback WHERE rowid > ?1", [after])
            .unwrap();
        ykien::store::words::resume(conn, words).unwrap();
        conn.execute_batch(&trigger).unwrap();
        conn.execute_batch(&counts).unwrap();
        conn.execute_batch("COMMIT").unwrap();
    })
    .0
}

fn uuid() -> Value {
    Value::Text(uuid::Uuid::now_v7().to_string())
}

/// One bare transaction: BEGIN IMMEDIATE, the rows, COMMIT (an fsync, as the app's).
fn bare_tx(conn: &Connection, rows: &[StoredRow]) -> Duration {
    time(|| {
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        for r in rows {
            r.insert(conn);
        }
        conn.execute_batch("COMMIT").unwrap();
    })
    .0
}

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLES: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phương", "Sơn", "Thảo", "Tuấn", "Yến"];
const CONTENT: &[&str] = &[
    "Hồ sơ cấp Giấy phép bán lẻ rượu nộp đã hơn 15 ngày nhưng chưa có kết quả.",
    "Đề nghị hướng dẫn thủ tục gia hạn Giấy chứng nhận đủ điều kiện kinh doanh xăng dầu.",
    "Cán bộ một cửa yêu cầu bổ sung giấy tờ không có trong thành phần hồ sơ đã niêm yết.",
    "Khen công chức bộ phận một cửa hướng dẫn tận tình, chu đáo.",
    "Đề nghị bố trí thêm ghế chờ và nước uống tại khu vực tiếp nhận hồ sơ.",
];

fn h(i: usize) -> usize {
    i.wrapping_mul(2_654_435_761) >> 5
}

/// A Vietnamese full name drawn from the hash `x`.
fn full_name(x: usize) -> String {
    format!("{} {} {}", SURNAMES[x % SURNAMES.len()], MIDDLES[(x >> 4) % MIDDLES.len()], GIVEN[(x >> 8) % GIVEN.len()])
}

/// A case as the front desk enters it, received a few minutes before "now".
fn case_input(i: usize, unit: &str, receiver: &str) -> FeedbackInput {
    let x = h(i);
    FeedbackInput {
        received_at: format!("2027-01-15T08:{:02}", x % 60),
        channel: [Channel::InPerson, Channel::Hotline, Channel::Email][x % 3],
        kind: [Kind::Reflection, Kind::Suggestion, Kind::Request, Kind::Praise][(x >> 3) % 4],
        subject: [Subject::ProcessingTime, Subject::Procedure, Subject::Other][(x >> 5) % 3],
        book: Book::Feedback,
        customer_name: full_name(x),
        customer_org: String::new(),
        customer_address: "phường Tân Lập, tỉnh Đắk Lắk".into(),
        customer_phone: format!("09{:08}", x % 100_000_000),
        customer_email: String::new(),
        customer_group: CustomerGroup::FirstTime,
        content: CONTENT[(x >> 7) % CONTENT.len()].into(),
        receiver_id: Some(receiver.into()),
        unit_id: Some(unit.into()),
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}

/// Saving one case as the front desk does (checks, receipt number, the case, its history,
/// the search index, the audit entry, one transaction, synchronous=FULL), interleaved with a
/// bare insert of the same rows into the same file.
fn save_case(l: &mut Ledger, bare: &Connection) -> Figure {
    let runs = env_n("YKIEN_BENCH_SAVE_RUNS", 200);
    let unit = l.units().unwrap().into_iter().find(|u| u.name.contains("Tiếp nhận")).unwrap().id;
    let receiver = l.staff(None).unwrap().into_iter().find(|s| s.unit_id.as_deref() == Some(&unit)).unwrap().id;
    // The rows one save writes, read back from a first save, to be written again bare.
    let first = l.add_feedback(&case_input(0, &unit, &receiver)).unwrap();
    let feedback = StoredRow::read(bare, "feedback", "id = ?1", &first.id).remove(0);
    let event = StoredRow::read(bare, "case_event", "feedback_id = ?1", &first.id).remove(0);
    let audit = StoredRow::read(bare, "audit_log", "entity = 'feedback' AND entity_id = ?1", &first.id).remove(0);
    let (mut app, mut floor) = (Vec::new(), Vec::new());
    for i in 1..=runs {
        let input = case_input(i, &unit, &receiver);
        app.push(time(|| l.add_feedback(&input).unwrap()).0);
        let id = uuid();
        let rows = [
            feedback.with(&[("id", id.clone()), ("receipt_seq", Value::Integer(50_000_000 + i as i64))]),
            event.with(&[("seq", Value::Null), ("id", uuid()), ("feedback_id", id.clone())]),
            chained(bare, audit.with(&[("entity_id", id)])),
        ];
        floor.push(bare_tx(bare, &rows));
    }
    Figure::new("save one case", app)
        .floor("bare INSERT of its rows (case, history, audit; FTS by trigger)", floor)
        .goal(Goal::MedianAndRatio(5.0, 2.0))
}

/// Saving one returned survey form as the entry screen does, interleaved with a bare insert
/// of the same rows (the form, its answers, the audit entry).
fn save_form(l: &mut Ledger, bare: &Connection) -> Figure {
    let runs = env_n("YKIEN_BENCH_SAVE_RUNS", 200);
    let round = l
        .create_survey_round(&RoundInput {
            name: "Khảo sát sự hài lòng năm 2027".into(),
            period_from: "2027-01-01".into(),
            period_to: "2027-12-31".into(),
            template_key: "bm-qt-sct-05-02".into(),
        })
        .unwrap();
    l.record_survey_forms_numbered(&round.id, runs as i32 + 10).unwrap();
    let slots = slots(&SurveyTemplate::bm_qt_sct_05_02());
    let form = |i: usize| ResponseInput {
        round_id: round.id.clone(),
        serial: (i + 1).to_string(),
        filled_on: format!("2027-01-{:02}", 2 + i % 13),
        answers: answers(&slots, i),
        keystrokes: Some(14),
    };
    let first = l.save_survey_response(&form(0)).unwrap();
    let response = StoredRow::read(bare, "survey_response", "id = ?1", &first.id).remove(0);
    let answers = StoredRow::read(bare, "survey_answer", "response_id = ?1", &first.id);
    let audit = StoredRow::read(bare, "audit_log", "entity = 'survey_response' AND entity_id = ?1", &first.id).remove(0);
    let (mut app, mut floor) = (Vec::new(), Vec::new());
    for i in 1..=runs {
        let input = form(i);
        app.push(time(|| l.save_survey_response(&input).unwrap()).0);
        let id = uuid();
        let mut rows = vec![response.with(&[("id", id.clone()), ("serial", Value::Integer(50_000_000 + i as i64))])];
        rows.extend(answers.iter().map(|a| a.with(&[("response_id", id.clone())])));
        rows.push(chained(bare, audit.with(&[("entity_id", id)])));
        floor.push(bare_tx(bare, &rows));
    }
    Figure::new("save one survey form", app)
        .floor("bare INSERT of its rows (form, answers, audit)", floor)
        .goal(Goal::MedianAndRatio(5.0, 2.0))
        .note(format!("{} answers", answers.len()))
}

/// Accent-free search as typed at the front desk: the count and the first page of 100.
fn search(l: &Ledger, bare: &Connection, scale: Scale) -> Vec<Figure> {
    let runs = env_n("YKIEN_BENCH_SEARCH_RUNS", 200);
    let fold = ykien::domain::text::fold;
    let names: Vec<String> = (0..runs)
        .map(|i| {
            let x = h(i + 7);
            fold(&full_name(x))
        })
        .collect();
    const WORDS: &[&str] = &["giay phep", "xang dau", "an toan thuc pham", "mot cua", "ruou", "ghe cho", "dien luc", "khuyen mai", "bo sung", "ea kar"];
    let words: Vec<String> = (0..runs).map(|i| WORDS[i % WORDS.len()].to_owned()).collect();
    let years = scale.years() as usize;
    let per_year = scale.cases() / years;
    let receipts: Vec<String> =
        (0..runs).map(|i| format!("{}/{:06}", YEAR as usize + 1 - years + h(i) % years, 1 + h(i + 3) % per_year)).collect();
    let mut out = Vec::new();
    for (what, queries) in [("a name", names), ("a word of content", words), ("a receipt number", receipts)] {
        let (mut app, mut floor, mut found) = (Vec::new(), Vec::new(), Vec::new());
        for q in &queries {
            // As the window asks: its count stops past a thousand («hơn 1.000»).
            let filter = FeedbackFilter { search: Some(q.clone()), limit: Some(100), count_limit: Some(1000), ..Default::default() };
            let (t, page) = time(|| l.feedback(&filter).unwrap());
            if std::env::var_os("YKIEN_BENCH_SEARCH_EACH").is_some() {
                eprintln!("search {what} {q:?}: {:.2} ms, total {}", t.as_secs_f64() * 1e3, page.total);
            }
            app.push(t);
            std::hint::black_box(page);
            let phrase = format!("\"{}\"", fold(q));
            let (t, matches) = time(|| {
                // The least the search did before the word index: look the phrase up once in
                // the trigram index, which gives the count and the ids of a first page.
                let mut st = bare.prepare_cached("SELECT rowid FROM feedback_search WHERE feedback_search MATCH ?1").unwrap();
                let ids: Vec<i64> = st.query_map([&phrase], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
                std::hint::black_box((ids.len(), ids.iter().take(100).sum::<i64>()))
            });
            floor.push(t);
            // The exact number of matches (the window's count stops past a thousand).
            found.push(matches.0);
        }
        found.sort_unstable();
        let median_found = found[found.len() / 2];
        let max_found = found[found.len() - 1];
        out.push(
            Figure::new(&format!("search {what}, count and first page of 100"), app)
                .floor("bare FTS5 trigram lookup of the matching ids (count and a page): the search before the word index", floor)
                .goal(Goal::P95(20.0))
                .note(format!("median {median_found} matches, up to {max_found}")),
        );
    }
    out
}

/// The book as it opens: its first page of 100 with the count, and the counts of the
/// navigation (open, overdue, due soon).
fn ledger_list(l: &Ledger, bare: &Connection) -> Vec<Figure> {
    let runs = env_n("YKIEN_BENCH_LIST_RUNS", 50);
    let (mut app, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        app.push(time(|| std::hint::black_box(l.feedback(&FeedbackFilter { limit: Some(100), ..Default::default() }).unwrap())).0);
        floor.push(
            time(|| {
                let mut st = bare
                    .prepare_cached(
                        "SELECT id, receipt_year, receipt_seq, received_at, customer_name, customer_org, kind, subject, channel,
                                status, reply_due, closed_at, content
                         FROM feedback WHERE deleted_at IS NULL
                         ORDER BY received_at DESC, receipt_year DESC, receipt_seq DESC LIMIT 100",
                    )
                    .unwrap();
                let rows: Vec<(String, String)> = st.query_map([], |r| Ok((r.get(0)?, r.get(12)?))).unwrap().map(|r| r.unwrap()).collect();
                std::hint::black_box(rows);
            })
            .0,
        );
    }
    let counts: Vec<Duration> = (0..runs).map(|_| time(|| std::hint::black_box(l.case_counts().unwrap())).0).collect();
    vec![
        Figure::new("open the ledger list: count and first page of 100", app)
            .floor("bare SELECT of the first 100 rows", floor),
        Figure::new("the counts of the navigation (open, overdue, due soon)", counts),
    ]
}

/// The management review: the figures of a year, the annual report PDF, and the 500-row
/// ledger PDF.
fn reports(l: &mut Ledger) -> Vec<Figure> {
    let runs = env_n("YKIEN_BENCH_REPORT_RUNS", 10);
    let year = Period::year(YEAR).unwrap();
    let figures: Vec<Duration> = (0..runs).map(|_| time(|| std::hint::black_box(l.figures_report(&year).unwrap())).0).collect();
    let r = l.figures_report(&year).unwrap();
    let what = format!("{} cases, {} forms in {YEAR}", r.figures.feedback.total, r.figures.surveys.forms);
    let texts = ykien::report::annual::AnnualTexts::default();
    let annual: Vec<Duration> = (0..runs).map(|_| time(|| std::hint::black_box(l.annual_report_pdf(YEAR, &texts).unwrap())).0).collect();

    // The last days of December holding about 500 entries.
    let page = l
        .feedback(&FeedbackFilter { to: Some(format!("{YEAR}-12-31")), limit: Some(1), offset: Some(499), ..Default::default() })
        .unwrap();
    let from = page.rows[0].received_at[..10].to_owned();
    let job = PrintJob::LedgerPeriod { from: from.clone(), to: format!("{YEAR}-12-31"), book: None, unit_id: None };
    let rows = l.feedback(&FeedbackFilter { from: Some(from), to: Some(format!("{YEAR}-12-31")), limit: Some(0), ..Default::default() }).unwrap().total;
    let ledger: Vec<Duration> = (0..runs).map(|_| time(|| std::hint::black_box(l.print(&job).unwrap())).0).collect();
    vec![
        Figure::new(&format!("the figures of {YEAR} (with {} and the quarters)", YEAR - 1), figures).goal(Goal::Median(300.0)).note(what),
        Figure::new(&format!("the annual report PDF of {YEAR}"), annual).goal(Goal::Median(1000.0)),
        Figure::new("the ledger PDF (BM.QT.SCT.05-01)", ledger).note(format!("{rows} rows")),
    ]
}

/// A year of the book to .xlsx, beside a bare SELECT of the same rows.
fn export_year(l: &Ledger, bare: &Connection, dir: &Path) -> Figure {
    let runs = env_n("YKIEN_BENCH_EXPORT_RUNS", 3);
    let out = dir.join("export-year.xlsx");
    let (from, to) = (format!("{YEAR}-01-01"), format!("{YEAR}-12-31"));
    let (mut app, mut floor, mut rows) = (Vec::new(), Vec::new(), 0);
    for _ in 0..runs {
        let (t, report) = time(|| l.export_ledger(&out, Some(&from), Some(&to), &no_progress).unwrap());
        app.push(t);
        rows = report.rows;
        floor.push(
            time(|| {
                let mut st = bare.prepare_cached("SELECT * FROM feedback WHERE received_at >= ?1 AND received_at < ?2 AND deleted_at IS NULL").unwrap();
                let n = st.column_count();
                let all: Vec<Vec<Value>> =
                    st.query_map([&from, &format!("{}-01-01", YEAR + 1)], |r| (0..n).map(|i| r.get(i)).collect()).unwrap().map(|r| r.unwrap()).collect();
                std::hint::black_box(all);
            })
            .0,
        );
    }
    let _ = std::fs::remove_file(&out);
    Figure::new(&format!("export {YEAR} to .xlsx"), app).floor("bare SELECT of the year's rows", floor).note(format!("{rows} rows"))
}

/// A verified backup (copy, integrity check of the copy, flush, rename), beside a plain copy
/// of the file with its flush.
fn backup(l: &Ledger, work: &Path, dir: &Path) -> Figure {
    let runs = env_n("YKIEN_BENCH_BACKUP_RUNS", 3);
    let to = dir.join("backups");
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap();
    let (mut app, mut floor, mut bytes) = (Vec::new(), Vec::new(), 0);
    for _ in 0..runs {
        let (t, b) = time(|| l.backup_to(&to, &no_progress).unwrap());
        app.push(t);
        bytes = b.bytes;
        std::fs::remove_file(&b.path).unwrap();
        let copy = to.join("plain-copy.db");
        floor.push(
            time(|| {
                std::fs::copy(work, &copy).unwrap();
                std::fs::File::open(&copy).unwrap().sync_all().unwrap();
            })
            .0,
        );
        std::fs::remove_file(&copy).unwrap();
    }
    Figure::new("verified backup", app).floor("plain copy of the file + fsync", floor).note(format!("{:.0} MB", bytes as f64 / 1e6))
}

/// An old ledger of 100,000 lines from .xlsx: into a new database (beside a bare insert of
/// the same rows, and beside reading the file alone), then once into this scale's database.
fn import(l: &mut Ledger, dir: &Path) -> Vec<Figure> {
    let lines = env_n("YKIEN_BENCH_IMPORT_ROWS", 100_000) as u32;
    let runs = env_n("YKIEN_BENCH_IMPORT_RUNS", 3);
    let file = dir.join(format!("so-cu-{lines}.xlsx"));
    if !file.exists() {
        common::write_old_ledger(&file, lines, |i| {
            let x = h(i as usize);
            (full_name(x), format!("{} (sổ cũ, dòng {i})", CONTENT[(x >> 7) % CONTENT.len()]))
        });
    }
    let fresh = |name: &str| -> PathBuf {
        let p = dir.join(name);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
        }
        p
    };
    let (mut app, mut floor, mut read) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let path = fresh("import-app.db");
        let mut a = Ledger::open(&path).unwrap();
        a.save_office(&ykien::demo::demo_office()).unwrap();
        let (t, done) = time(|| a.import_ledger(&file, true, &no_progress).unwrap());
        assert!(done.committed && done.new_rows as u32 == lines, "{} new rows", done.new_rows);
        app.push(t);

        // The same rows, read from what the import stored, written bare into a new file.
        let stored = Connection::open(&path).unwrap();
        let mut rows = Vec::new();
        for table in ["import_batch", "feedback", "case_event", "import_row", "audit_log"] {
            let filter = if table == "audit_log" { "entity IN ('feedback', 'import_batch') AND ?1 = ?1" } else { "?1 = ?1" };
            for r in StoredRow::read(&stored, table, filter, "") {
                rows.push(match table {
                    "case_event" | "audit_log" => r.with(&[("seq", Value::Null)]),
                    _ => r,
                });
            }
        }
        drop(stored);
        drop(a);
        let bare_path = fresh("import-bare.db");
        let mut b = Ledger::open(&bare_path).unwrap();
        b.save_office(&ykien::demo::demo_office()).unwrap();
        drop(b);
        let bare = Connection::open(&bare_path).unwrap();
        ykien::store::words::register(&bare).unwrap();
        bare.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;").unwrap();
        floor.push(bare_bulk(&bare, &rows));
        drop(bare);

        read.push(time(|| read_xlsx(&file)).0);
        if run == 0 {
            println!("import: {lines} lines, {} rows stored", rows.len());
        }
    }
    let into_scale = time(|| l.import_ledger(&file, true, &no_progress).unwrap()).0;
    vec![
        Figure::new(&format!("import an old ledger of {lines} lines (.xlsx) into a new database"), app.clone())
            .floor("bare INSERT of the rows it stores, search index in one statement", floor)
            .goal(Goal::Median(10_000.0)),
        Figure::new("  the same file read alone (calamine)", read),
        Figure::new("  the same import into this scale's database", vec![into_scale]),
    ]
}

fn read_xlsx(path: &Path) -> usize {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    range.rows().map(|r| r.len()).sum()
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg").map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// "Intel Xeon … (2 cores), 24 GB, Linux 6.1": what the figures were taken on.
fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned()))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| s.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok()))
        .map(|kb| format!("{:.0} GB", kb / 1e6))
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{cpu} ({cores} cores), {mem}, Linux {}", kernel.trim())
}
