//! Demo data at the sizes offices reach, for benchmarks and for trying the app with years of
//! records: a district office's year, a province department's ten years, and a stress size
//! beyond any office. Every row goes through the ledger's own API (the same checks, the same
//! audit log), in batched transactions of a few thousand cases or forms; nothing is written
//! behind the API's back.
//!
//! The data is the same for the same seed and the same year of "today": the cases, their
//! handling, the survey answers and their dates. Ids (UUID v7) and the audit log's write
//! times are those of the moment of generation.

use super::cases::{one_case, people, Rng};
use crate::domain::survey_entry::slots;
use crate::{Ledger, ResponseInput, Result, RoundInput};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// How much data: cases in the feedback book and survey forms returned, over `years` whole
/// calendar years ending with the year before today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// One year of a district office: 5,000 cases, 2,000 survey forms.
    District,
    /// Ten years of a province department: 200,000 cases, 100,000 forms.
    Province,
    /// Beyond any office: 1,000,000 cases and 500,000 forms over ten years.
    Stress,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::District, Scale::Province, Scale::Stress];

    pub fn as_str(self) -> &'static str {
        match self {
            Scale::District => "district",
            Scale::Province => "province",
            Scale::Stress => "stress",
        }
    }

    pub fn parse(s: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// What the CLI says it made.
    pub fn label(self) -> &'static str {
        match self {
            Scale::District => "cấp huyện (một năm)",
            Scale::Province => "cấp tỉnh (mười năm)",
            Scale::Stress => "thử tải (một triệu hồ sơ)",
        }
    }

    pub fn cases(self) -> usize {
        match self {
            Scale::District => 5_000,
            Scale::Province => 200_000,
            Scale::Stress => 1_000_000,
        }
    }

    pub fn forms(self) -> usize {
        match self {
            Scale::District => 2_000,
            Scale::Province => 100_000,
            Scale::Stress => 500_000,
        }
    }

    pub fn years(self) -> i32 {
        match self {
            Scale::District => 1,
            _ => 10,
        }
    }
}

/// What was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Made {
    pub cases: usize,
    pub forms: usize,
    pub first_year: i32,
    pub last_year: i32,
}

/// Cases (or forms) per transaction: large enough that the commit's flush costs nothing per
/// row, small enough that a progress line comes every few seconds.
const BATCH: usize = 2_000;

/// Fills an empty database with the demo office and `scale`'s cases and survey forms, drawn
/// from `seed`. `progress(done, total)` is called after each batch (cases, then forms).
/// Refuses a database that already has an office, as the demo does.
pub fn fill(l: &mut Ledger, scale: Scale, seed: u64, progress: &dyn Fn(&str, usize, usize)) -> Result<Made> {
    fill_sized(l, scale.years(), scale.cases(), scale.forms(), seed, progress)
}

/// As [`fill`] with any number of cases and forms over `years` years: small offices of
/// different seeds for tests.
pub fn fill_sized(l: &mut Ledger, years: i32, cases: usize, forms: usize, seed: u64, progress: &dyn Fn(&str, usize, usize)) -> Result<Made> {
    let clock = l.clock;
    let today = l.now();
    let last_year = today.year() - 1;
    let first_year = last_year - years + 1;
    l.batch(super::fill_office)?;
    let p = people(l)?;
    let mut rng = Rng(mix(seed));

    // Cases: the same number each year, spread over the working days in order of receipt.
    let per_year = split(cases, years as usize);
    let mut received = Vec::with_capacity(cases);
    for (k, n) in per_year.iter().enumerate() {
        received.extend(moments(first_year + k as i32, *n));
    }
    let total = received.len();
    for (b, chunk) in received.chunks(BATCH).enumerate() {
        l.batch(|l| {
            for t in chunk {
                one_case(l, &mut rng, &p, *t, today, true)?;
            }
            Ok(())
        })?;
        progress("cases", (b * BATCH + chunk.len()).min(total), total);
    }

    // Survey forms: one round a year, a tenth more forms numbered than came back.
    let per_year = split(forms, years as usize);
    let total = forms;
    let mut done = 0;
    for (k, n) in per_year.iter().enumerate() {
        let year = first_year + k as i32;
        l.set_clock(Some(NaiveDate::from_ymd_opt(year, 1, 2).expect("a real date").and_time(NaiveTime::MIN)));
        let round = l.create_survey_round(&RoundInput {
            name: format!("Khảo sát sự hài lòng năm {year}"),
            period_from: format!("{year}-01-01"),
            period_to: format!("{year}-12-31"),
            template_key: "bm-qt-sct-05-02".into(),
        })?;
        l.record_survey_forms_numbered(&round.id, (*n + n / 10).max(1) as i32)?;
        let slots = slots(&l.survey_template(&round.template_id)?);
        let days = working_days(year);
        // Later years a little better, as an office that acts on its surveys.
        let better = (k as u64).min(8);
        l.set_clock(Some(today));
        for start in (0..*n).step_by(BATCH) {
            let end = (start + BATCH).min(*n);
            l.batch(|l| {
                for i in start..end {
                    let filled_on = days[i * days.len() / n];
                    let answers = super::surveys::answers(&mut rng, &slots, better);
                    let input = ResponseInput {
                        round_id: round.id.clone(),
                        serial: (i + 1).to_string(),
                        filled_on: filled_on.to_string(),
                        answers,
                        keystrokes: None,
                    };
                    l.save_response_from(&input, "demo")?;
                }
                Ok(())
            })?;
            done += end - start;
            progress("forms", done, total);
        }
    }
    l.set_clock(clock);
    Ok(Made { cases, forms, first_year, last_year })
}

/// The seed spread over all 64 bits (splitmix64): xorshift needs a state other than zero,
/// and nearby seeds should not give nearby streams.
fn mix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

/// `n` split into `parts` nearly equal counts.
fn split(n: usize, parts: usize) -> Vec<usize> {
    (0..parts).map(|k| n / parts + usize::from(k < n % parts)).collect()
}

/// Monday to Friday of `year`.
fn working_days(year: i32) -> Vec<NaiveDate> {
    let mut d = NaiveDate::from_ymd_opt(year, 1, 1).expect("a real date");
    let mut out = Vec::new();
    while d.year() == year {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            out.push(d);
        }
        d = d + Days::new(1);
    }
    out
}

/// `n` moments of receipt in `year`, in order, evenly over the office hours (07:30–16:30)
/// of its working days.
fn moments(year: i32, n: usize) -> Vec<NaiveDateTime> {
    let days = working_days(year);
    let minutes = 9 * 60;
    (0..n)
        .map(|i| {
            // Position in units of minutes over all the year's office hours.
            let at = (i as u64 * days.len() as u64 * minutes) / n as u64;
            let (day, minute) = ((at / minutes) as usize, (at % minutes) as i64);
            days[day].and_time(NaiveTime::MIN) + chrono::Duration::minutes(7 * 60 + 30 + minute)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_moments_are_in_order_within_office_hours_of_working_days() {
        let m = moments(2026, 5_000);
        assert_eq!(m.len(), 5_000);
        assert!(m.windows(2).all(|w| w[0] <= w[1]));
        assert!(m.iter().all(|t| t.year() == 2026 && !matches!(t.weekday(), Weekday::Sat | Weekday::Sun)));
        let hm = |t: &NaiveDateTime| t.format("%H:%M").to_string();
        assert!(m.iter().all(|t| hm(t).as_str() >= "07:30" && hm(t).as_str() < "16:30"));
        assert_eq!(split(10, 3), vec![4, 3, 3]);
        assert_ne!(mix(0), 0);
        assert_ne!(mix(1), mix(2));
    }

    #[test]
    fn the_same_seed_gives_the_same_cases_and_forms() {
        let at = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let make = |seed: u64| {
            let mut l = Ledger::open_in_memory().unwrap();
            l.set_clock(Some(at));
            let made = fill_sized(&mut l, 1, 300, 40, seed, &|_, _, _| {}).unwrap();
            assert_eq!((made.first_year, made.last_year), (2026, 2026));
            assert_eq!(l.now(), at, "the clock is given back as it was");
            let page = l.feedback(&crate::FeedbackFilter { limit: Some(1000), ..Default::default() }).unwrap();
            assert_eq!(page.total, 300);
            let cases: Vec<_> =
                page.rows.into_iter().map(|r| (r.receipt_no, r.received_at, r.customer_name, r.content, r.status)).collect();
            let round = l.survey_rounds().unwrap().remove(0);
            let forms: Vec<_> =
                l.survey_responses(&round.id).unwrap().into_iter().map(|r| (r.serial, r.filled_on, r.answers)).collect();
            assert_eq!(forms.len(), 40);
            (cases, forms)
        };
        let (a, b, c) = (make(7), make(7), make(8));
        assert_eq!(a, b);
        assert_ne!(a.0, c.0);
        assert!(a.0.iter().all(|r| r.1.starts_with("2026-")), "one whole year before today");
    }
}
