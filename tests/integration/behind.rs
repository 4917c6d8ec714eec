//! Every number of the Báo cáo page that opens the entries or forms behind it opens exactly
//! as many as it says: the book's filters and the survey form list use the figures' own
//! conditions.

use chrono::NaiveDate;
use ykien::report::behind::{AnswerPick, FormsQuery};
use ykien::report::figures::{Count, Figures};
use ykien::report::period::Period;
use ykien::{Channel, CustomerGroup, FeedbackFilter, Ledger};

fn demo_at(today: &str) -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    let day = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    l.set_clock(Some(day.and_hms_opt(16, 0, 0).unwrap()));
    ykien::demo::fill(&mut l).unwrap();
    l
}

fn total(l: &Ledger, f: FeedbackFilter) -> u32 {
    l.feedback(&FeedbackFilter { limit: Some(0), ..f }).unwrap().total as u32
}

fn period_filter(p: &Period) -> FeedbackFilter {
    FeedbackFilter { from: Some(p.from.clone()), to: Some(p.to.clone()), ..Default::default() }
}

fn non_zero(counts: &[Count]) -> impl Iterator<Item = &Count> {
    counts.iter().filter(|c| c.count > 0 && !c.key.is_empty())
}

/// Checks the book's counts of `f`, judged on the period's last day.
fn book_counts_match(l: &Ledger, f: &Figures) {
    let p = &f.period;
    assert_eq!(total(l, period_filter(p)), f.feedback.total, "{}: the period", p.label);
    let mut checked = 0;
    for c in non_zero(&f.feedback.by_channel) {
        let channel = Channel::parse(&c.key).unwrap();
        assert_eq!(total(l, FeedbackFilter { channel: Some(channel), ..period_filter(p) }), c.count, "{}: channel {}", p.label, c.key);
        checked += 1;
    }
    for c in non_zero(&f.feedback.by_customer_group) {
        let group = CustomerGroup::parse(&c.key).unwrap();
        assert_eq!(total(l, FeedbackFilter { customer_group: Some(group), ..period_filter(p) }), c.count, "{}: group {}", p.label, c.key);
        checked += 1;
    }
    assert!(checked >= 4, "the demo spreads its entries over several channels and groups");

    let c = &f.complaints;
    let complaints = |extra: FeedbackFilter| total(l, FeedbackFilter { complaints: Some(true), ..extra });
    assert_eq!(complaints(FeedbackFilter { to: Some(c.as_of.clone()), ..period_filter(p) }), c.received, "{}: received", p.label);
    assert_eq!(complaints(FeedbackFilter { open_on: Some(c.as_of.clone()), ..Default::default() }), c.open_at_end, "{}: open", p.label);
    assert_eq!(complaints(FeedbackFilter { overdue_on: Some(c.as_of.clone()), ..Default::default() }), c.overdue_at_end, "{}: overdue", p.label);
}

#[test]
fn the_book_opens_as_many_entries_as_each_count_says() {
    let l = demo_at("2026-11-20");
    for p in [Period::year(2025).unwrap(), Period::quarter(2026, 2).unwrap(), Period::month(2026, 3).unwrap()] {
        let f = l.figures(&p).unwrap();
        assert!(f.complaints.received > 0, "{}: the demo has complaints", p.label);
        book_counts_match(&l, &f);
    }
    let last_year = l.figures(&Period::year(2025).unwrap()).unwrap();
    assert!(last_year.complaints.open_at_end + last_year.complaints.overdue_at_end > 0, "some are still open at the year's end");
}

#[test]
fn the_form_list_holds_as_many_forms_as_each_survey_count_says() {
    let l = demo_at("2026-11-20");
    let p = Period::year(2026).unwrap();
    let s = l.figures(&p).unwrap().surveys;
    assert!(s.forms > 0, "the demo has survey forms");
    let forms = |template: Option<(&str, u32)>, slot: Option<&str>, pick: AnswerPick| {
        let q = FormsQuery {
            template_code: template.map(|t| t.0.to_owned()),
            template_version: template.map(|t| t.1),
            slot: slot.map(str::to_owned),
            pick,
        };
        l.survey_forms_behind(&p, &q).unwrap()
    };
    assert_eq!(forms(None, None, AnswerPick::Any).total, s.forms, "every form of the period");
    let mut checked = 0;
    for t in &s.templates {
        let id = Some((t.code.as_str(), t.version));
        assert_eq!(forms(id, None, AnswerPick::Any).total, t.forms);
        for slot in &t.slots {
            for (i, level) in slot.levels.iter().enumerate() {
                let found = forms(id, Some(&slot.code), AnswerPick::Level(i as u32 + 1));
                assert_eq!(found.total, level.count, "{} {}", slot.code, level.label);
                assert_eq!(found.forms.len() as u32, level.count.min(ykien::report::behind::FORMS_LISTED));
                checked += 1;
            }
            assert_eq!(forms(id, Some(&slot.code), AnswerPick::Blank).total, slot.blank, "{} blank", slot.code);
            assert_eq!(forms(id, Some(&slot.code), AnswerPick::Spoiled).total, slot.spoiled, "{} spoiled", slot.code);
        }
    }
    assert!(checked > 20);
    let first = &forms(None, None, AnswerPick::Any).forms;
    assert!(first.windows(2).all(|w| w[0].filled_on <= w[1].filled_on), "by date on the form");
    assert!(first.iter().all(|f| f.filled_on.starts_with("2026") && !f.round_code.is_empty()));
}

#[test]
fn a_pick_by_answer_needs_its_question() {
    let l = demo_at("2026-11-20");
    let q = FormsQuery { template_code: None, template_version: None, slot: None, pick: AnswerPick::Blank };
    let err = l.survey_forms_behind(&Period::year(2026).unwrap(), &q).unwrap_err();
    assert!(err.to_string().contains("câu hỏi"), "{err}");
}
