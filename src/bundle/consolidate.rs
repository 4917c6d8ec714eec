//! The figures of several offices put together: counts summed; every share and index
//! recomputed from the summed counts (a satisfaction index from the summed answers of each
//! level, never an average of the offices' indexes); the median and 90th percentile of the
//! days to close taken over every office's closed complaints.

use crate::report::collect::{median, nearest_rank};
use crate::report::figures::{
    ComplaintFigures, Count, FeedbackFigures, FormalFigures, Figures, FiguresReport, QuarterSurveys, Satisfaction, Share, SlotFigures, SourceFigures,
    SurveyFigures, TemplateFigures,
};
use crate::store::bundle::TrustedOffice;
use serde::Serialize;
use ts_rs::TS;

/// One office's figures of the period as its bundle carries them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OfficeFigures {
    pub office: TrustedOffice,
    /// The name the office's own profile gives.
    pub sent_as: String,
    /// When the office made the bundle (UTC).
    pub made_at: String,
    pub report: FiguresReport,
}

/// What `report figures --offices` prints: each office side by side, their total, and the
/// registered offices that have not sent a bundle of the period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConsolidatedFigures {
    /// YYYY-MM-DD, both included.
    pub from: String,
    pub to: String,
    pub offices: Vec<OfficeFigures>,
    /// The offices' figures summed; absent while none has sent its bundle.
    pub total: Option<FiguresReport>,
    /// Registered (and asked for) but without a bundle of the period.
    pub missing: Vec<TrustedOffice>,
}

/// The report of one office from the figures its bundle carries (see
/// [`super::Payload::figures`] for their order); it has no objectives (those are each
/// office's own).
pub fn report_of(figures: &[Figures]) -> Option<FiguresReport> {
    let (now, before) = (figures.first()?.clone(), figures.get(1)?.clone());
    let rest = &figures[2..];
    let (quarters, quarters_before) = rest.split_at(rest.len() / 2);
    let quarter_surveys = quarters
        .iter()
        .zip(quarters_before)
        .map(|(q, b)| QuarterSurveys::new(Satisfaction::of(&q.period, &q.surveys), Satisfaction::of(&b.period, &b.surveys)))
        .collect();
    // As in an office's own report, the quarters side by side show the book and the
    // complaints; each quarter's satisfaction is in `quarter_surveys`.
    let quarters = quarters.iter().map(|q| Figures { surveys: SurveyFigures::default(), ..q.clone() }).collect();
    Some(FiguresReport {
        changes: crate::report::changes(&now, &before),
        figures: now,
        year_before: before,
        quarters,
        objectives: Vec::new(),
        quarter_surveys,
    })
}

/// The figures of several offices, position by position (each office's list in the same
/// order of periods), summed.
pub fn sum_lists(lists: &[Vec<Figures>]) -> Vec<Figures> {
    let n = lists.iter().map(Vec::len).min().unwrap_or(0);
    (0..n).map(|i| sum(&lists.iter().map(|l| &l[i]).collect::<Vec<_>>())).collect()
}

/// The figures of one period of several offices, summed (the first office's period).
pub fn sum(all: &[&Figures]) -> Figures {
    Figures {
        period: all[0].period.clone(),
        feedback: feedback(&all.iter().map(|f| &f.feedback).collect::<Vec<_>>()),
        complaints: complaints(&all.iter().map(|f| &f.complaints).collect::<Vec<_>>()),
        surveys: surveys(&all.iter().map(|f| &f.surveys).collect::<Vec<_>>()),
    }
}

fn add(a: Share, b: Share) -> Share {
    Share::new(a.count + b.count, a.of + b.of)
}

/// Counts of one vocabulary summed by key, in the order the keys first appear.
fn counts<'a>(lists: impl Iterator<Item = &'a Vec<Count>>) -> Vec<Count> {
    let mut out: Vec<Count> = Vec::new();
    for c in lists.flatten() {
        match out.iter_mut().find(|o| o.key == c.key) {
            Some(o) => o.count += c.count,
            None => out.push(c.clone()),
        }
    }
    out
}

fn feedback(all: &[&FeedbackFigures]) -> FeedbackFigures {
    FeedbackFigures {
        total: all.iter().map(|f| f.total).sum(),
        by_kind: counts(all.iter().map(|f| &f.by_kind)),
        by_subject: counts(all.iter().map(|f| &f.by_subject)),
        by_channel: counts(all.iter().map(|f| &f.by_channel)),
        by_customer_group: counts(all.iter().map(|f| &f.by_customer_group)),
        // Each office's units are its own (their ids are unique): listed one after another.
        by_unit: counts(all.iter().map(|f| &f.by_unit)),
    }
}

fn complaints(all: &[&ComplaintFigures]) -> ComplaintFigures {
    let sum_u = |f: fn(&ComplaintFigures) -> u32| all.iter().map(|c| f(c)).sum::<u32>();
    let sum_s = |f: fn(&ComplaintFigures) -> Share| all.iter().map(|c| f(c)).fold(Share::new(0, 0), add);
    let closed = sum_u(|c| c.closed);
    let mut days: Vec<u32> = all.iter().flat_map(|c| c.days_to_close.iter().copied()).collect();
    days.sort_unstable();
    // Every closed complaint's days are needed for a median; without them it is unknown.
    let known = days.len() == closed as usize;
    ComplaintFigures {
        as_of: all.iter().map(|c| c.as_of.clone()).max().unwrap_or_default(),
        received: sum_u(|c| c.received),
        closed,
        replied_on_time: sum_s(|c| c.replied_on_time),
        median_days_to_close: if known { median(&days) } else { None },
        p90_days_to_close: if known { nearest_rank(&days, 90) } else { None },
        open_at_end: sum_u(|c| c.open_at_end),
        overdue_at_end: sum_u(|c| c.overdue_at_end),
        settled_front_desk: sum_s(|c| c.settled_front_desk),
        escalated_specialist: sum_s(|c| c.escalated_specialist),
        escalated_leadership: sum_s(|c| c.escalated_leadership),
        days_to_close: if known { days } else { Vec::new() },
        formal: formal(&all.iter().filter_map(|c| c.formal.as_ref()).collect::<Vec<_>>()),
    }
}

/// The Law on Complaints' figures summed over the offices that had formal complaints; none
/// when no office had any.
fn formal(all: &[&FormalFigures]) -> Option<FormalFigures> {
    if all.is_empty() {
        return None;
    }
    Some(FormalFigures {
        received: all.iter().map(|f| f.received).sum(),
        accepted_on_time: all.iter().map(|f| f.accepted_on_time).fold(Share::new(0, 0), add),
        decided_on_time: all.iter().map(|f| f.decided_on_time).fold(Share::new(0, 0), add),
        overdue_at_end: all.iter().map(|f| f.overdue_at_end).sum(),
    })
}

/// The survey figures summed: each box of each criterion of each form (code and version)
/// summed, then every index recomputed from those sums.
fn surveys(all: &[&SurveyFigures]) -> SurveyFigures {
    let mut templates: Vec<TemplateFigures> = Vec::new();
    for t in all.iter().flat_map(|s| &s.templates) {
        match templates.iter_mut().find(|x| x.code == t.code && x.version == t.version) {
            None => templates.push(t.clone()),
            Some(x) => {
                x.forms += t.forms;
                for slot in &t.slots {
                    match x.slots.iter_mut().find(|s| s.code == slot.code) {
                        None => x.slots.push(slot.clone()),
                        Some(s) => {
                            s.levels = counts([&s.levels, &slot.levels].into_iter());
                            s.blank += slot.blank;
                            s.spoiled += slot.spoiled;
                            s.rated |= slot.rated;
                        }
                    }
                }
            }
        }
    }
    for t in &mut templates {
        let k = t.satisfied_levels as usize;
        let mut form = Share::new(0, 0);
        for s in &mut t.slots {
            s.index = s.rated.then(|| satisfied(s, k));
            if let Some(i) = s.index {
                form = add(form, i);
            }
        }
        t.index = form;
    }
    let mut sources: Vec<SourceFigures> = Vec::new();
    for s in all.iter().filter_map(|s| s.by_source.as_ref()).flatten() {
        match sources.iter_mut().find(|x| x.key == s.key) {
            Some(x) => {
                x.forms += s.forms;
                x.index = add(x.index, s.index);
            }
            None => sources.push(s.clone()),
        }
    }
    SurveyFigures {
        forms: all.iter().map(|s| s.forms).sum(),
        index: templates.iter().fold(Share::new(0, 0), |a, t| add(a, t.index)),
        templates,
        // Each office groups the opinions written on its forms in its own words.
        opinion_groups: Vec::new(),
        by_source: (!sources.is_empty()).then_some(sources),
    }
}

/// The satisfied answers (the first `k` levels) out of the valid ones of a criterion.
fn satisfied(s: &SlotFigures, k: usize) -> Share {
    let valid = s.levels.iter().map(|l| l.count).sum();
    Share::new(s.levels.iter().take(k).map(|l| l.count).sum(), valid)
}
