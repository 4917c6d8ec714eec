//! Survey figures of a period (R4.3, seed 004 §5.3): for every question and criterion of the
//! forms filled in the period, how many ticked each box, left it blank or ticked two; the
//! satisfaction index of each criterion and of the whole form.
//!
//! The index is the share of satisfied answers among valid ones (a box ticked, neither blank
//! nor spoiled). Satisfied are the first levels of a rating scale: all but the last on a scale
//! of three or fewer ("Tốt" and "Đạt yêu cầu" on BM.QT.SCT.05-02), the first two on longer
//! scales ("Rất hài lòng", "Hài lòng"), unless the template sets `satisfied_levels`.

use super::figures::{Count, Share, SourceFigures};
pub use super::figures::{SlotFigures, SurveyFigures, TemplateFigures};
use super::period::Period;
use super::Reading;
use crate::domain::settings::IndexSource;
use crate::domain::survey::{fill, SurveyItem, SurveyTemplate};
use crate::domain::survey_entry::slots;
use crate::error::Result;
use crate::store;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// The satisfied levels of a scale of `n` levels, unless the template says otherwise.
pub fn satisfied_levels(template: &SurveyTemplate, n: usize) -> usize {
    match template.satisfied_levels {
        Some(k) => usize::from(k).min(n),
        None if n <= 3 => n.saturating_sub(1),
        None => 2,
    }
}

/// Where survey answers come from: the paper forms (entered or imported) and the ratings
/// tapped at the desks' kiosks (`store::kiosk`), counted alike.
/// The paper forms are read from the kept counts or recounted, as the report reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Paper(Reading),
    Kiosk,
}

impl Source {
    fn forms(self, conn: &Connection, p: &Period) -> Result<Vec<(String, u32)>> {
        match self {
            Source::Paper(Reading::Kept) => store::report::forms_by_template(conn, &p.from, &p.to),
            Source::Paper(Reading::Recounted) => store::report::forms_by_template_recounted(conn, &p.from, &p.to),
            Source::Kiosk => store::kiosk::forms_by_template(conn, &p.from, &p.to),
        }
    }

    fn answers(self, conn: &Connection, p: &Period, template_id: &str) -> Result<Vec<(String, String, i64, u32)>> {
        match self {
            Source::Paper(Reading::Kept) => store::report::answer_counts(conn, &p.from, &p.to, template_id),
            Source::Paper(Reading::Recounted) => store::report::answer_counts_recounted(conn, &p.from, &p.to, template_id),
            Source::Kiosk => store::kiosk::answer_counts(conn, &p.from, &p.to, template_id),
        }
    }
}

/// The survey figures of the forms filled in `p`, template by template, counted from the
/// sources the office chose for its index (`Settings::survey_index_source`: paper forms,
/// kiosk ratings, or both together); each source apart in `by_source`, marked whether the
/// index counts it, once a kiosk rated or whenever the office counts one source only. The
/// opinion groups are left for [`super::opinions`] to count.
pub fn figures(conn: &Connection, p: &Period) -> Result<SurveyFigures> {
    figures_read(conn, p, Reading::Kept)
}

/// [`figures`], the paper forms read as `reading` says.
pub fn figures_read(conn: &Connection, p: &Period, reading: Reading) -> Result<SurveyFigures> {
    let paper = Source::Paper(reading);
    let chosen = store::settings::get(conn)?.survey_index_source;
    let counted: Vec<Source> = [(paper, "paper"), (Source::Kiosk, "kiosk")]
        .into_iter()
        .filter(|(_, key)| chosen.counts(key))
        .map(|(s, _)| s)
        .collect();
    let mut figures = figures_of(conn, p, &counted)?;
    if chosen != IndexSource::Both || !Source::Kiosk.forms(conn, p)?.is_empty() {
        let apart = |source, key: &str, label: &str| -> Result<SourceFigures> {
            let f = figures_of(conn, p, &[source])?;
            Ok(SourceFigures { key: key.into(), label: label.into(), forms: f.forms, index: f.index, counted: chosen.counts(key) })
        };
        figures.by_source =
            Some(vec![apart(paper, "paper", "Phiếu khảo sát giấy")?, apart(Source::Kiosk, "kiosk", "Đánh giá tại quầy")?]);
    }
    Ok(figures)
}

fn figures_of(conn: &Connection, p: &Period, sources: &[Source]) -> Result<SurveyFigures> {
    let office = store::office::get(conn)?.map(|o| o.name).unwrap_or_default();
    // Templates in the order the paper forms have always listed them, the kiosks' after.
    let mut forms_of: Vec<(String, u32)> = Vec::new();
    for source in sources {
        for (template_id, n) in source.forms(conn, p)? {
            match forms_of.iter_mut().find(|(t, _)| *t == template_id) {
                Some((_, total)) => *total += n,
                None => forms_of.push((template_id, n)),
            }
        }
    }
    let mut templates = Vec::new();
    for (template_id, forms) in forms_of {
        let template = store::survey::template(conn, &template_id)?;
        let mut counts = Vec::new();
        for source in sources {
            counts.extend(source.answers(conn, p, &template_id)?);
        }
        let mut f = template_figures(&template, forms, &counts);
        for slot in &mut f.slots {
            slot.question = fill(&slot.question, &office);
            slot.label = fill(&slot.label, &office);
        }
        templates.push(f);
    }
    let (count, of) = templates.iter().fold((0, 0), |(c, o), t| (c + t.index.count, o + t.index.of));
    Ok(SurveyFigures {
        forms: templates.iter().map(|t| t.forms).sum(),
        templates,
        index: Share::new(count, of),
        opinion_groups: Vec::new(),
        by_source: None,
    })
}

/// The figures of one template from the answers counted by (code, state, value).
pub fn template_figures(t: &SurveyTemplate, forms: u32, counts: &[(String, String, i64, u32)]) -> TemplateFigures {
    let asked: Vec<_> = slots(t).into_iter().filter(|s| !s.is_text()).collect();
    let rated: HashSet<&str> = asked
        .iter()
        .filter(|s| t.sections.iter().flat_map(|x| &x.items).any(|i| matches!(i, SurveyItem::RatingGrid { id, .. } if s.code == *id || s.code.starts_with(&format!("{id}.")))))
        .map(|s| s.code.as_str())
        .collect();
    let mut tally: HashMap<(&str, &str, i64), u32> = HashMap::new();
    for (code, state, value, n) in counts {
        *tally.entry((code.as_str(), state.as_str(), *value)).or_insert(0) += n;
    }
    let mut satisfied_of_form = (0, 0);
    let mut levels_used = 0;
    let figures: Vec<SlotFigures> = asked
        .iter()
        .map(|s| {
            let code = s.code.as_str();
            let levels: Vec<Count> = s
                .options
                .iter()
                .enumerate()
                .map(|(i, label)| Count {
                    key: (i + 1).to_string(),
                    label: label.clone(),
                    count: tally.get(&(code, "chosen", i as i64 + 1)).copied().unwrap_or(0),
                })
                .collect();
            let valid: u32 = levels.iter().map(|l| l.count).sum();
            let is_rated = rated.contains(code);
            let index = is_rated.then(|| {
                let k = satisfied_levels(t, levels.len());
                levels_used = k as u32;
                let satisfied: u32 = levels.iter().take(k).map(|l| l.count).sum();
                satisfied_of_form = (satisfied_of_form.0 + satisfied, satisfied_of_form.1 + valid);
                Share::new(satisfied, valid)
            });
            SlotFigures {
                blank: tally.get(&(code, "blank", 0)).copied().unwrap_or(0),
                spoiled: tally.get(&(code, "spoiled", 0)).copied().unwrap_or(0),
                code: s.code.clone(),
                question: s.question.clone(),
                label: s.label.clone(),
                rated: is_rated,
                levels,
                index,
            }
        })
        .collect();
    TemplateFigures {
        code: t.code.clone(),
        version: t.version,
        title: t.title.clone(),
        forms,
        satisfied_levels: levels_used,
        slots: figures,
        index: Share::new(satisfied_of_form.0, satisfied_of_form.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_criterion_answered_only_blank_has_no_index_and_weighs_nothing() {
        let t = SurveyTemplate::bm_qt_sct_05_02();
        let c = |code: &str, state: &str, value: i64, n: u32| (code.to_owned(), state.to_owned(), value, n);
        // Three forms: "Thái độ giao tiếp" left blank on all; "Lắng nghe ý kiến" 2 Tốt, 1 Chưa đạt.
        let counts = [c("cau_1.1", "blank", 0, 3), c("cau_1.2", "chosen", 1, 2), c("cau_1.2", "chosen", 3, 1)];
        let f = template_figures(&t, 3, &counts);
        let slot = |code: &str| f.slots.iter().find(|s| s.code == code).unwrap();
        let blank = slot("cau_1.1");
        assert_eq!((blank.blank, blank.index), (3, Some(Share { count: 0, of: 0, percent: None })));
        assert_eq!(slot("cau_1.2").index.unwrap().percent, Some(66.7));
        assert_eq!((f.index.count, f.index.of, f.index.percent), (2, 3, Some(66.7)), "the blank criterion adds nothing");
    }

    #[test]
    fn longer_scales_count_their_first_two_levels_unless_the_template_says_otherwise() {
        let mut t = SurveyTemplate::example_five_levels();
        assert_eq!(satisfied_levels(&t, 5), 2);
        assert_eq!(satisfied_levels(&t, 3), 2);
        t.satisfied_levels = Some(3);
        assert_eq!(satisfied_levels(&t, 5), 3);
    }
}
