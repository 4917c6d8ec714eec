//! Benchmark of survey entry at scale: saving one returned form (its own transaction, every
//! check of the entry screen) with 200,000 forms stored, beside a bare rusqlite insert of the
//! same rows as the floor; and the keystrokes a form takes on the entry screen.
//!
//! `cargo bench --bench surveys` (YKIEN_BENCH_FORMS=N for another size). Prints a table; the
//! figures of record are in BENCHMARKS.md.

mod common;
use common::{answers, ms, stats};
use std::time::{Duration, Instant};
use ykien::domain::survey::SurveyTemplate;
use ykien::domain::survey_entry::slots;
use ykien::{Ledger, ResponseInput, RoundInput};

fn main() {
    let n: usize = std::env::var("YKIEN_BENCH_FORMS").ok().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut l = Ledger::open(&path).unwrap();
    l.set_clock(Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap().and_hms_opt(8, 0, 0).unwrap()));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let round = l
        .create_survey_round(&RoundInput {
            name: "Khảo sát cấp tỉnh".into(),
            period_from: "2026-01-01".into(),
            period_to: "2026-12-31".into(),
            template_key: "bm-qt-sct-05-02".into(),
        })
        .unwrap();
    l.record_survey_forms_numbered(&round.id, (n + 1000) as i32).unwrap();
    let slots = slots(&SurveyTemplate::bm_qt_sct_05_02());
    let form = |i: usize| ResponseInput {
        round_id: round.id.clone(),
        serial: (i + 1).to_string(),
        filled_on: format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        answers: answers(&slots, i),
        keystrokes: None,
    };

    let t = Instant::now();
    for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
        l.batch(|l| {
            for &i in chunk {
                l.save_survey_response(&form(i))?;
            }
            Ok(())
        })
        .unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    println!("stored {n} forms in {:.1} s ({:.0} MB)", t.elapsed().as_secs_f64(), size as f64 / 1e6);

    // Saving one form as the entry screen does: serial checks, answer checks, the form, its
    // answers and the audit entry in one transaction, synchronous=FULL.
    let saves: Vec<Duration> = (0..200)
        .map(|i| {
            let f = form(n + i);
            let t = Instant::now();
            l.save_survey_response(&f).unwrap();
            t.elapsed()
        })
        .collect();
    println!("save one form          {}", stats(saves));

    // The floor: the same rows (the form and its answers) inserted bare, one transaction.
    let mut bare = rusqlite::Connection::open(dir.path().join("bare.db")).unwrap();
    bare.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE r (id TEXT PRIMARY KEY, round_id TEXT, serial INTEGER, filled_on TEXT);
         CREATE TABLE a (response_id TEXT, code TEXT, state TEXT, value INTEGER, text TEXT, PRIMARY KEY (response_id, code)) WITHOUT ROWID;",
    )
    .unwrap();
    let bare_saves: Vec<Duration> = (0..200)
        .map(|i| {
            let f = form(i);
            let t = Instant::now();
            let tx = bare.transaction().unwrap();
            let id = uuid::Uuid::now_v7().to_string();
            tx.execute("INSERT INTO r VALUES (?1, ?2, ?3, ?4)", (&id, &f.round_id, i as i64, &f.filled_on)).unwrap();
            for a in &f.answers {
                tx.execute("INSERT INTO a VALUES (?1, ?2, ?3, ?4, ?5)", (&id, &a.code, a.state.as_str(), a.value, &a.text)).unwrap();
            }
            tx.commit().unwrap();
            t.elapsed()
        })
        .collect();
    println!("bare rusqlite insert   {}", stats(bare_saves));

    let t = Instant::now();
    let list = l.survey_responses(&round.id).unwrap();
    println!("list the round's {} forms: {:.0} ms", list.len(), ms(t.elapsed()));

    // Keystrokes on the entry screen: one key per answer asked, the serial (a scan is one
    // action; typed, its digits and Enter) and Enter to save.
    let sample: Vec<usize> = (0..10_000).map(|i| answers(&slots, i).len()).collect();
    let mean = sample.iter().sum::<usize>() as f64 / sample.len() as f64;
    let (min, max) = (sample.iter().min().unwrap(), sample.iter().max().unwrap());
    println!("answers per form       mean {mean:.2} (min {min}, max {max})");
    println!("keys per form, scanned serial        {:.2} = answers + 2", mean + 2.0);
    println!("keys per form, serial typed (3 digits) {:.2} = answers + 5", mean + 5.0);
}
