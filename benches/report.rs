//! Benchmark of the management review at province scale: the figures of a year (with the
//! year before and the four quarters) and the annual report PDF, over 100,000 cases across ten
//! years, most of them closed along the paths of seed 000, and 50,000 survey forms.
//!
//! `cargo bench --bench report` (YKIEN_BENCH_CASES=N, YKIEN_BENCH_FORMS=M for other sizes;
//! YKIEN_BENCH_DB=path keeps the generated database for profiling). Prints a table; the
//! figures of record are in BENCHMARKS.md.

mod common;
use common::{answers, stats};
use chrono::{Days, NaiveDate};
use std::time::{Duration, Instant};
use ykien::domain::survey::SurveyTemplate;
use ykien::domain::survey_entry::slots;
use ykien::report::period::Period;
use ykien::{Book, Channel, CustomerGroup, FeedbackFilter, FeedbackInput, Kind, Ledger, MoveInput, ResponseInput, RoundInput, Status, Subject};

fn hash(i: usize) -> usize {
    i.wrapping_mul(2_654_435_761) >> 3
}

fn case(i: usize, n: usize) -> (FeedbackInput, NaiveDate) {
    let h = hash(i);
    // Spread evenly over 2017–2026, in order of receipt.
    let day = NaiveDate::from_ymd_opt(2017, 1, 2).unwrap() + Days::new((i as u64 * 3650) / n as u64);
    let input = FeedbackInput {
        received_at: format!("{day}T{:02}:{:02}", 8 + h % 9, h % 60),
        channel: Channel::ALL[h % Channel::ALL.len()],
        kind: Kind::ALL[(h >> 4) % Kind::ALL.len()],
        subject: [Subject::ProcessingTime, Subject::Procedure, Subject::Other][(h >> 7) % 3],
        book: Book::Feedback,
        customer_name: format!("Nguyễn Văn {}", ["An", "Bình", "Cường", "Dũng", "Hà"][h % 5]),
        customer_org: String::new(),
        customer_address: String::new(),
        customer_phone: String::new(),
        customer_email: String::new(),
        customer_group: CustomerGroup::ALL[(h >> 9) % CustomerGroup::ALL.len()],
        content: format!("Ý kiến số {i} về thủ tục cấp phép"),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    };
    (input, day)
}

/// Most cases close: 60 % at the front desk, 30 % through a specialist unit, 5 % through
/// leadership; 5 % stay open.
fn walk(l: &mut Ledger, id: &str, i: usize, day: NaiveDate) -> ykien::Result<()> {
    use Status::*;
    let path: &[Status] = match hash(i * 7) % 100 {
        0..60 => &[FrontDesk, AwaitingCustomer, Closed],
        60..90 => &[FrontDesk, Specialist, SolutionFeedback, AwaitingCustomer, Closed],
        90..95 => &[Specialist, Leadership, SolutionFeedback, AwaitingCustomer, Closed],
        _ => &[FrontDesk],
    };
    let days = 1 + hash(i * 13) % 40;
    for (k, to) in path.iter().enumerate() {
        let at = day + Days::new((days * (k + 1) / path.len()) as u64);
        l.set_clock(Some(at.and_hms_opt(15, 0, 0).unwrap()));
        let note = if matches!(to, FrontDesk | Closed) { "" } else { "Đã xử lý" };
        l.move_case(id, &MoveInput { to: *to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None })?;
    }
    Ok(())
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn main() {
    let (n, forms) = (env("YKIEN_BENCH_CASES", 100_000), env("YKIEN_BENCH_FORMS", 50_000));
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("YKIEN_BENCH_DB").map(std::path::PathBuf::from).unwrap_or_else(|| dir.path().join("bench.db"));
    let mut l = Ledger::open(&path).unwrap();
    let stored = l.feedback(&FeedbackFilter { limit: Some(0), ..Default::default() }).unwrap().total as usize;
    if stored == 0 {
        let t = Instant::now();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        for chunk in (0..n).collect::<Vec<_>>().chunks(5_000) {
            l.batch(|l| {
                for &i in chunk {
                    let (input, day) = case(i, n);
                    l.set_clock(Some(day.and_hms_opt(18, 0, 0).unwrap()));
                    let c = l.add_feedback(&input)?;
                    walk(l, &c.id, i, day)?;
                }
                Ok(())
            })
            .unwrap();
        }
        l.set_clock(Some(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap().and_hms_opt(17, 0, 0).unwrap()));
        let mut rounds = Vec::new();
        for year in [2025, 2026] {
            let r = l
                .create_survey_round(&RoundInput {
                    name: format!("Khảo sát năm {year}"),
                    period_from: format!("{year}-01-01"),
                    period_to: format!("{year}-12-31"),
                    template_key: "bm-qt-sct-05-02".into(),
                })
                .unwrap();
            l.record_survey_forms_numbered(&r.id, forms as i32).unwrap();
            rounds.push((year, r.id));
        }
        let slots = slots(&SurveyTemplate::bm_qt_sct_05_02());
        for chunk in (0..forms).collect::<Vec<_>>().chunks(10_000) {
            l.batch(|l| {
                for &i in chunk {
                    let (year, round) = &rounds[i % 2];
                    l.save_survey_response(&ResponseInput {
                        round_id: round.clone(),
                        serial: (i / 2 + 1).to_string(),
                        filled_on: format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                        answers: answers(&slots, i),
                        keystrokes: None,
                    })?;
                }
                Ok(())
            })
            .unwrap();
        }
        let size = std::fs::metadata(&path).unwrap().len();
        println!("stored {n} cases and {forms} forms in {:.1} s ({:.0} MB)", t.elapsed().as_secs_f64(), size as f64 / 1e6);
    }
    l.set_clock(Some(NaiveDate::from_ymd_opt(2027, 1, 15).unwrap().and_hms_opt(9, 0, 0).unwrap()));

    let year = Period::year(2026).unwrap();
    let runs: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(l.figures_report(&year).unwrap());
            t.elapsed()
        })
        .collect();
    println!("{:<28} {}", "figures of a year", stats(runs));
    let r = l.figures_report(&year).unwrap();
    println!(
        "  ({} cases, {} complaints, {} forms in 2026; on time {:?} %, index {:?} %)",
        r.figures.feedback.total, r.figures.complaints.received, r.figures.surveys.forms,
        r.figures.complaints.replied_on_time.percent, r.figures.surveys.index.percent
    );
    let texts = ykien::report::annual::AnnualTexts::default();
    let runs: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(l.annual_report_pdf(2026, &texts).unwrap());
            t.elapsed()
        })
        .collect();
    println!("{:<28} {}", "annual report PDF", stats(runs));
}
