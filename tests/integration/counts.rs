//! The counts kept as the records change (the book's per day, the survey forms' and their
//! answers'): after every kind of write — saves, moves, corrections, withdrawals, imports,
//! disposals, erasures, forms undone — they equal a recount of the records, and the figures
//! read from them equal the figures counted from the records. The check finds counts that
//! differ and names what differs; `--repair-counts` builds them again.

use crate::temp_dir;
use chrono::NaiveDateTime;
use std::path::Path;
use ykien::report::period::Period;
use ykien::*;

/// A small seeded generator: the same mix of writes at every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, all: &'a [T]) -> &'a T {
        &all[self.below(all.len())]
    }
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// The kept counts equal the recount, and a year's figures read from them equal the figures
/// counted from the records.
fn assert_counts_hold(l: &Ledger, step: &str, figures: bool) {
    let check = l.check().unwrap();
    assert!(check.ok, "after {step}: {:?}", check.problems);
    for year in [2025, 2026].into_iter().filter(|_| figures) {
        let p = Period::year(year).unwrap();
        assert_eq!(l.figures_report(&p).unwrap(), l.figures_report_recounted(&p).unwrap(), "the figures of {year} after {step}");
    }
}

/// The book's count read from the kept counts equals the count of the rows themselves.
fn assert_book_counts(l: &Ledger, units: &[String], step: &str) {
    let all = |f: FeedbackFilter| FeedbackFilter { limit: Some(1000), ..f };
    let mut filters = vec![
        FeedbackFilter::default(),
        FeedbackFilter { kind: Some(Kind::Complaint), ..Default::default() },
        FeedbackFilter { status: Some(Status::Closed), ..Default::default() },
        FeedbackFilter { complaints: Some(true), from: Some("2026-01-01".into()), ..Default::default() },
        FeedbackFilter { channel: Some(Channel::InPerson), to: Some("2026-06-30".into()), ..Default::default() },
        FeedbackFilter { book: Some(Book::Feedback), ..Default::default() },
    ];
    filters.extend(units.iter().map(|u| FeedbackFilter { unit_id: Some(u.clone()), ..Default::default() }));
    for f in filters {
        // The rows themselves, page by page.
        let (mut rows, mut total) = (0, None);
        loop {
            let page = l.feedback(&all(FeedbackFilter { offset: Some(rows as u32), ..f.clone() })).unwrap();
            total.get_or_insert(page.total);
            rows += page.rows.len();
            if page.rows.is_empty() {
                break;
            }
        }
        assert_eq!(total.unwrap() as usize, rows, "the count of {f:?} after {step}");
    }
}

#[test]
fn kept_counts_equal_a_recount_after_a_random_mix_of_writes() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("so.db")).unwrap();
    l.set_clock(Some(at("2026-11-20T09:00")));
    ykien::demo::fill(&mut l).unwrap();
    let units: Vec<String> = l.units().unwrap().into_iter().map(|u| u.id).collect();
    assert!(!units.is_empty());
    assert_counts_hold(&l, "the demo data", true);
    assert_book_counts(&l, &units, "the demo data");
    let rounds: Vec<String> = l.survey_rounds().unwrap().into_iter().map(|r| r.id).collect();

    let mut rng = Rng(0x5eed_2026);
    let mut done = std::collections::BTreeMap::<&str, usize>::new();
    for i in 0..40 {
        let ids: Vec<String> =
            l.feedback(&FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap().rows.into_iter().map(|r| r.id).collect();
        let id = rng.pick(&ids).clone();
        let what = match rng.below(6) {
            0 => {
                let day = format!("2026-{:02}-{:02}T{:02}:15", 1 + rng.below(10), 1 + rng.below(28), 8 + rng.below(8));
                let mut input = crate::cases::input(&day, *rng.pick(Kind::ALL), *rng.pick(Subject::ALL));
                input.channel = *rng.pick(&[Channel::InPerson, Channel::Hotline, Channel::Email]);
                input.customer_group = *rng.pick(CustomerGroup::ALL);
                input.unit_id = (rng.below(2) == 0).then(|| rng.pick(&units).clone());
                if rng.below(3) == 0 {
                    input.settled_on_spot = Some("Đã giải thích tại chỗ".into());
                }
                l.add_feedback(&input).map(|_| ()).err().map(|e| e.to_string());
                "save"
            }
            1 => {
                let case = l.case(&id).unwrap();
                let moves = ykien::domain::workflow::moves_from(case.status);
                if let Some(m) = (!moves.is_empty()).then(|| rng.pick(&moves)) {
                    let unit = (m.to == Status::Specialist).then(|| rng.pick(&units).clone());
                    let mv = MoveInput { to: m.to, note: "Đã xử lý theo quy trình".into(), channel: None, staff_id: None, version: None, unit_id: unit, at: None };
                    let _ = l.move_case(&id, &mv);
                }
                "move"
            }
            2 => {
                let mut c = CorrectionInput { reason: "Ghi nhầm khi tiếp nhận".into(), ..CorrectionInput::default() };
                match rng.below(5) {
                    0 => c.kind = Some(*rng.pick(Kind::ALL)),
                    1 => c.subject = Some(*rng.pick(Subject::ALL)),
                    2 => c.customer_group = Some(*rng.pick(CustomerGroup::ALL)),
                    3 => c.unit_id = Some(rng.pick(&units).clone()),
                    _ => c.received_at = Some(format!("2026-{:02}-{:02}T08:30", 1 + rng.below(10), 1 + rng.below(28))),
                }
                let _ = l.correct_feedback(&id, &c);
                "correction"
            }
            3 => {
                let _ = l.withdraw_feedback(&id, "Ghi nhầm hai lần cùng một ý kiến");
                "withdrawal"
            }
            4 => match rounds.first() {
                Some(round) => {
                    let _ = l.undo_last_survey_response(round);
                    "form undone"
                }
                None => "nothing",
            },
            _ => {
                let names: Vec<String> = l.feedback(&FeedbackFilter { limit: Some(1000), status: Some(Status::Closed), ..Default::default() }).unwrap().rows.into_iter().map(|r| r.customer_name).filter(|n| !n.is_empty()).collect();
                if let Some(name) = (!names.is_empty()).then(|| rng.pick(&names).clone()) {
                    let found = l.find_person(&PersonQuery { name, ..Default::default() }).unwrap();
                    let refs: Vec<String> = found.iter().take(2).map(|m| m.reference.clone()).collect();
                    if let Ok(selection) = l.person_selection(&refs) {
                        let _ = l.erase_person(&ErasureRequest { selection, reference: format!("Đơn số {i}"), request_date: "2026-11-20".into() });
                    }
                }
                "erasure"
            }
        };
        *done.entry(what).or_default() += 1;
        // The figures every few steps: they are the slow part of a debug build.
        assert_counts_hold(&l, &format!("step {i}, a {what}"), i % 4 == 3);
    }
    assert_book_counts(&l, &units, "the mix");

    // An old ledger imported: its lines counted at once, at the end of the import.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/so-ghi-nhan-2023.xlsx");
    let imported = l.import_ledger(&fixture, true, &|_, _| true).unwrap();
    assert!(imported.committed && imported.new_rows > 0, "the import stored lines");
    assert_counts_hold(&l, "the import", true);
    // Disposal: the lines of 2023 are past their three years in 2027.
    l.set_clock(Some(at("2027-01-15T09:00")));
    let disposed = l.dispose("2027-01-15", &dir.path().join("tieu-huy.pdf")).unwrap();
    assert!(!disposed.disposal.records.is_empty());
    assert_counts_hold(&l, "the disposal", true);
    assert_book_counts(&l, &units, "the disposal");
    assert!(done.len() >= 5, "every kind of write was tried: {done:?}");
}

#[test]
fn the_check_names_counts_that_differ_and_the_repair_builds_them_again() {
    let dir = temp_dir();
    let db = dir.path().join("so.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.set_clock(Some(at("2026-03-02T09:00")));
        l.add_feedback(&crate::cases::input("2026-03-02T08:30", Kind::Complaint, Subject::ServiceResult)).unwrap();
    }
    let ykien = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    let ok = ykien(&["check"]);
    assert!(ok.status.success(), "{ok:?}");
    // A count made wrong behind the app's back (the test's own SQLite, not the app's code).
    let raw = rusqlite::Connection::open(&db).unwrap();
    raw.execute("UPDATE book_count SET entries = entries + 5 WHERE facet = 'kind' AND value = 'complaint'", []).unwrap();
    // And the search's word index: a word's number of cases, and a word lost.
    raw.execute("UPDATE search_word SET cases = cases + 2 WHERE word = 'nguyen'", []).unwrap();
    raw.execute("DELETE FROM search_word WHERE word = 'van'", []).unwrap();
    // And its pair index: a case's pairs taken out of it.
    let key: String = raw.query_row("SELECT search_key FROM feedback WHERE rowid = 1", [], |r| r.get(0)).unwrap();
    let pairs = ykien::store::words::pairs_of_key(&key);
    assert!(pairs.contains("nguyen_van"), "{pairs}");
    raw.execute("INSERT INTO feedback_pairs (feedback_pairs, rowid, pairs) VALUES ('delete', 1, ?1)", [&pairs]).unwrap();
    drop(raw);
    let bad = ykien(&["check"]);
    assert!(!bad.status.success());
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        said.contains("số đếm của sổ không khớp với hồ sơ: loại ý kiến «complaint», ngày 2026-03-02: đang giữ 6 ý kiến (0 rút lại), đếm lại được 1 (0 rút lại)")
            && said.contains("từ «nguyen» của tìm kiếm: đang giữ 3 ý kiến, đếm lại được 1")
            && said.contains("từ «van» của tìm kiếm: đang giữ 0 ý kiến, đếm lại được 1")
            && said.contains("chỉ mục cặp từ của tìm kiếm không khớp với hồ sơ")
            && said.contains("--repair-counts"),
        "{said}"
    );
    let repaired = ykien(&["check", "--repair-counts"]);
    assert!(repaired.status.success(), "{repaired:?}");
    assert_eq!(String::from_utf8_lossy(&repaired.stdout).trim(), "ok");
    let l = Ledger::open(&db).unwrap();
    let entities: Vec<String> = l.audit_log(2).unwrap().into_iter().map(|e| e.entity).collect();
    assert_eq!(entities, ["search_words", "counts"], "the repair of both is in the audit log, newest first");
}
