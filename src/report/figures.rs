//! The figures of a period, as the management review reads them. Every share carries its
//! numerator and denominator, so that a figure can be checked by hand from the cases behind
//! it; percentages are rounded to one decimal, half away from zero, only for showing.

use super::period::Period;
use crate::domain::report::ObjectiveResult;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many entries fall under one word of a vocabulary (a kind, a channel, a unit…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Count {
    /// The stored name (`complaint`), or a unit's id; empty for "no unit".
    pub key: String,
    /// What a report prints: "Khiếu nại", "Phòng Quản lý thương mại".
    pub label: String,
    pub count: u32,
}

/// `count` out of `of`; `percent` is absent when `of` is zero (nothing to divide).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, TS)]
pub struct Share {
    pub count: u32,
    pub of: u32,
    pub percent: Option<f64>,
}

impl Share {
    pub fn new(count: u32, of: u32) -> Share {
        Share { count, of, percent: percent(count, of) }
    }
}

/// `count / of` as a percentage with one decimal, half away from zero.
pub fn percent(count: u32, of: u32) -> Option<f64> {
    (of > 0).then(|| {
        // Integer arithmetic up to the rounding step: 1/8 is 12.5 exactly, never 12.499….
        let (n, d) = (1000 * u64::from(count), u64::from(of));
        let tenths = n / d + u64::from(2 * (n % d) >= d);
        tenths as f64 / 10.0
    })
}

/// What the feedback book received in the period (R4.1), every word of each vocabulary
/// listed, with zeros, in the order of the procedures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackFigures {
    pub total: u32,
    pub by_kind: Vec<Count>,
    pub by_subject: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_customer_group: Vec<Count>,
    /// Every unit of the office, then "Chưa giao đơn vị" when some entries have none.
    pub by_unit: Vec<Count>,
}

/// How complaints (khiếu nại, phàn nàn, kháng nghị) received in the period were handled,
/// judged at the end of the period (seed 000, seed 001).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ComplaintFigures {
    /// The day open cases are judged on (YYYY-MM-DD): the period's last day, or today
    /// while the period runs.
    pub as_of: String,
    /// Received in the period.
    pub received: u32,
    /// Of those, closed by the end of the period.
    pub closed: u32,
    /// Closed on or before the deadline in force (the director's exception deadline when
    /// set), out of those whose outcome is known at the end of the period: the closed ones
    /// and those still open past their deadline. Open ones not yet due are not counted.
    pub replied_on_time: Share,
    /// Calendar days from receipt to closing, over the closed ones: the median (the mean of
    /// the two middle values when their number is even) and the 90th percentile (nearest
    /// rank: the ⌈0.9·n⌉-th smallest).
    pub median_days_to_close: Option<f64>,
    pub p90_days_to_close: Option<u32>,
    /// Complaints received up to the end of the period (in it or before) and not closed by
    /// its end; of those, past their deadline on its last day.
    pub open_at_end: u32,
    pub overdue_at_end: u32,
    /// Of the closed ones: settled at the front desk (never passed on), passed to a
    /// specialist unit (but not to leadership), passed to leadership for direction.
    pub settled_front_desk: Share,
    pub escalated_specialist: Share,
    pub escalated_leadership: Share,
    /// The days to close of each closed one, smallest first: what a median over several
    /// offices is taken from (their medians cannot be combined). Not shown: carried by the
    /// period bundles beside the figures.
    #[serde(skip)]
    #[ts(skip)]
    pub days_to_close: Vec<u32>,
    /// Formal complaints under the Law on Complaints, beside the reply clock; absent when
    /// the period has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub formal: Option<FormalFigures>,
}

/// The Law on Complaints' deadlines over a period (Luật Khiếu nại 2011, art. 27–28).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FormalFigures {
    /// Formal complaints received in the period.
    pub received: u32,
    /// Acceptance decisions recorded within their 10 days, out of those recorded by the
    /// period's end and those still undecided past their deadline.
    pub accepted_on_time: Share,
    /// Accepted complaints closed within their deadline to decide (30 days, 45 when complex),
    /// out of those closed and those still open past it.
    pub decided_on_time: Share,
    /// Formal complaints open at the period's end whose Law deadline had passed.
    pub overdue_at_end: u32,
}

/// One question or criterion with boxes to tick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SlotFigures {
    /// The answer code, e.g. "cau_1.2".
    pub code: String,
    /// "Câu hỏi 1"; the criterion or option in `label`.
    pub question: String,
    pub label: String,
    /// A criterion of a rating grid, counted in the satisfaction index.
    pub rated: bool,
    /// Each box, in the printed order, with how many ticked it.
    pub levels: Vec<Count>,
    pub blank: u32,
    pub spoiled: u32,
    /// Satisfied answers out of valid ones; rated criteria only.
    pub index: Option<Share>,
}

/// The forms of one template version filled in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateFigures {
    /// "BM.QT.SCT.05-02", its version and title.
    pub code: String,
    pub version: u32,
    pub title: String,
    pub forms: u32,
    /// How many of the first levels of a rating scale count as satisfied.
    pub satisfied_levels: u32,
    pub slots: Vec<SlotFigures>,
    /// Over every rated criterion of the form.
    pub index: Share,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[derive(Default)]
pub struct SurveyFigures {
    /// Forms filled in the period (the date written on them).
    pub forms: u32,
    pub templates: Vec<TemplateFigures>,
    /// Over every rated criterion of every form.
    pub index: Share,
    /// The written opinions by the group staff put them in, largest first; the unsorted
    /// ones last, under the key "".
    pub opinion_groups: Vec<Count>,
    /// The forms and index of each source (paper forms, ratings at the kiosks), when the
    /// period has ratings from a kiosk or the office counts one source only; the figures above
    /// count those marked `counted` (the office's choice of index source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub by_source: Option<Vec<SourceFigures>>,
}

impl SurveyFigures {
    /// The sources the index above counts: both when the figures list no source apart (no
    /// kiosk rated and the office counts both, its default).
    pub fn index_source(&self) -> crate::domain::settings::IndexSource {
        use crate::domain::settings::IndexSource;
        let Some(sources) = &self.by_source else { return IndexSource::Both };
        let counted = |key: &str| sources.iter().any(|s| s.key == key && s.counted);
        match (counted("paper"), counted("kiosk")) {
            (true, false) => IndexSource::Paper,
            (false, true) => IndexSource::Kiosk,
            _ => IndexSource::Both,
        }
    }

    /// Each source apart and, last, both together (key `together`), whatever the index
    /// counts; empty when the figures list no source apart.
    pub fn sources_and_together(&self) -> Vec<SourceFigures> {
        let Some(sources) = &self.by_source else { return Vec::new() };
        let mut all = sources.clone();
        let (forms, count, of) = sources.iter().fold((0, 0, 0), |(f, c, o), s| (f + s.forms, c + s.index.count, o + s.index.of));
        let both = self.index_source() == crate::domain::settings::IndexSource::Both;
        all.push(SourceFigures { key: "together".into(), label: "Tính chung".into(), forms, index: Share::new(count, of), counted: both });
        all
    }
}

/// The survey figures of one source: `paper` (forms entered or imported) or `kiosk` (ratings
/// tapped at a desk's kiosk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SourceFigures {
    pub key: String,
    pub label: String,
    pub forms: u32,
    pub index: Share,
    /// Whether the figures above (the index, the forms, the templates) count this source, as
    /// the office chose (`Settings::survey_index_source`). Absent in a bundle made before
    /// the office could choose: both were counted then.
    #[serde(default = "counted_by_default")]
    pub counted: bool,
}

fn counted_by_default() -> bool {
    true
}

/// All the figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Figures {
    pub period: Period,
    pub feedback: FeedbackFigures,
    pub complaints: ComplaintFigures,
    pub surveys: SurveyFigures,
}

/// One figure against the same period of the year before.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Change {
    pub key: String,
    pub label: String,
    /// `count`, `percent` (the change is in percentage points) or `days`.
    pub unit: String,
    pub current: Option<f64>,
    pub previous: Option<f64>,
    /// `current − previous`, rounded to one decimal; absent when either is unknown.
    pub change: Option<f64>,
}

/// What `report figures` prints: the period, the same period a year before, the changes,
/// and for a whole year its four quarters side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FiguresReport {
    pub figures: Figures,
    pub year_before: Figures,
    pub changes: Vec<Change>,
    /// Side by side for the book and the complaints; their survey figures are left empty
    /// (each quarter's satisfaction is in `quarter_surveys`).
    pub quarters: Vec<Figures>,
    /// The objectives of the period's year, judged on the period's figures.
    pub objectives: Vec<ObjectiveResult>,
    /// For a whole year, each quarter's satisfaction beside the same quarter a year before
    /// (seed 004 §5.3.2); empty for any other period.
    pub quarter_surveys: Vec<QuarterSurveys>,
}

/// A rated criterion of a form: its satisfied answers out of valid ones. The same answer
/// code of two versions of one form is one criterion, their answers counted together.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CriterionShare {
    /// The form's code ("BM.QT.SCT.05-02").
    pub template: String,
    /// The answer code ("cau_1.2"), the question and the criterion as printed.
    pub code: String,
    pub question: String,
    pub label: String,
    pub share: Share,
}

/// The satisfaction measured in one period: the forms filled in it (the date written on
/// them), the index over every rated criterion, and each criterion's share, counted as the
/// year's are.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Satisfaction {
    pub period: Period,
    pub forms: u32,
    pub index: Share,
    pub criteria: Vec<CriterionShare>,
}

impl Satisfaction {
    /// The summary of a period's survey figures.
    pub fn of(period: &Period, s: &SurveyFigures) -> Satisfaction {
        let mut criteria: Vec<CriterionShare> = Vec::new();
        for t in &s.templates {
            for x in &t.slots {
                let Some(share) = x.index else { continue };
                match criteria.iter_mut().find(|c| c.template == t.code && c.code == x.code) {
                    Some(c) => c.share = Share::new(c.share.count + share.count, c.share.of + share.of),
                    None => criteria.push(CriterionShare {
                        template: t.code.clone(),
                        code: x.code.clone(),
                        question: x.question.clone(),
                        label: x.label.clone(),
                        share,
                    }),
                }
            }
        }
        Satisfaction { period: period.clone(), forms: s.forms, index: s.index, criteria }
    }

    /// The share of the same criterion (template code and answer code) in this period.
    pub fn criterion(&self, template: &str, code: &str) -> Option<&Share> {
        self.criteria.iter().find(|c| c.template == template && c.code == code).map(|c| &c.share)
    }
}

/// One quarter's satisfaction beside the same quarter a year before (cut at the same day
/// while the quarter runs, as the year is).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuarterSurveys {
    pub quarter: Satisfaction,
    pub year_before: Satisfaction,
    /// The index's change in percentage points, one decimal; absent when either is unknown.
    pub change: Option<f64>,
}

impl QuarterSurveys {
    pub fn new(quarter: Satisfaction, year_before: Satisfaction) -> QuarterSurveys {
        let change = quarter.index.percent.zip(year_before.index.percent).map(|(a, b)| one_decimal(a - b));
        QuarterSurveys { quarter, year_before, change }
    }
}

/// Rounds to one decimal, half away from zero.
pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_away_from_zero_to_one_decimal() {
        assert_eq!(percent(1, 8), Some(12.5));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(1, 16), Some(6.3), "6.25 rounds up");
        assert_eq!(percent(0, 5), Some(0.0));
        assert_eq!(percent(5, 5), Some(100.0));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(1, 1999), Some(0.1), "0.05002… rounds up");
        assert_eq!(percent(1, 2001), Some(0.0), "0.04997… rounds down");
    }

    #[test]
    fn a_criterion_of_two_versions_of_one_form_is_counted_once_over_both() {
        let slot = |code: &str, rated: bool, index: Option<Share>| SlotFigures {
            code: code.into(),
            question: "Câu hỏi 1".into(),
            label: "Thái độ giao tiếp".into(),
            rated,
            levels: Vec::new(),
            blank: 0,
            spoiled: 0,
            index,
        };
        let template = |version: u32, slots: Vec<SlotFigures>, index: Share| TemplateFigures {
            code: "BM.QT.SCT.05-02".into(),
            version,
            title: String::new(),
            forms: 1,
            satisfied_levels: 2,
            slots,
            index,
        };
        let surveys = SurveyFigures {
            forms: 2,
            templates: vec![
                template(1, vec![slot("cau_1.1", true, Some(Share::new(1, 2))), slot("cau_2", false, None)], Share::new(1, 2)),
                template(2, vec![slot("cau_1.1", true, Some(Share::new(2, 2)))], Share::new(2, 2)),
            ],
            index: Share::new(3, 4),
            opinion_groups: Vec::new(),
            by_source: None,
        };
        let q = Period { from: "2026-01-01".into(), to: "2026-03-31".into(), label: "Quý I năm 2026".into() };
        let s = Satisfaction::of(&q, &surveys);
        assert_eq!(s.criteria.len(), 1, "one criterion; the unrated question is not one");
        assert_eq!(s.criterion("BM.QT.SCT.05-02", "cau_1.1"), Some(&Share::new(3, 4)));
        let before = Satisfaction { period: q.clone(), forms: 1, index: Share::new(1, 2), criteria: Vec::new() };
        assert_eq!(QuarterSurveys::new(s.clone(), before).change, Some(25.0));
        let empty = Satisfaction { period: q, forms: 0, index: Share::new(0, 0), criteria: Vec::new() };
        assert_eq!(QuarterSurveys::new(s, empty).change, None, "nothing to compare with");
    }
}
