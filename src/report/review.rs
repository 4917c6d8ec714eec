//! The objectives of a year judged on its figures (R4.5). What the management review keeps
//! (the objectives, what staff write into the annual report, the archive of reports with the
//! SHA-256 of each file, R4.4) is stored by [`crate::store::review`].

use super::figures::Figures;
pub use crate::domain::digest::sha256_hex;
pub use crate::domain::report::{ArchivedReport, Metric, Objective, ObjectiveResult};

impl Metric {
    /// The figure this objective is judged on.
    pub fn actual(self, f: &Figures) -> Option<f64> {
        match self {
            Metric::RepliedOnTime => f.complaints.replied_on_time.percent,
            Metric::SettledFrontDesk => f.complaints.settled_front_desk.percent,
            Metric::SatisfactionIndex => f.surveys.index.percent,
        }
    }
}

/// Each objective against the figures: met when the figure reaches the target.
pub fn judge(objectives: &[Objective], f: &Figures) -> Vec<ObjectiveResult> {
    objectives
        .iter()
        .map(|o| {
            let actual = o.metric.actual(f);
            ObjectiveResult { metric: o.metric, label: o.metric.label().into(), target: o.target, actual, met: actual.map(|a| a >= o.target) }
        })
        .collect()
}
