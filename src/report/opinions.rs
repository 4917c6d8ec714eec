//! Opinions written on survey forms ("Ý kiến khác", free-text questions), which staff sort
//! into groups of their own naming ("Thời gian chờ", "Cơ sở vật chất"…) so that the reports
//! can count them (R4.2, seed 004 §5.3). Who answered (the respondent lines) and what the
//! transaction was (choice details) are not opinions and are left out.

use super::figures::Count;
use super::period::Period;
pub use crate::domain::report::Opinion;
use crate::domain::survey::SurveyItem;
use crate::domain::text::fold;
use crate::error::Result;
use crate::store;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Whether a text answer of this template is an opinion: an "Ý kiến khác" line of a rating
/// grid, or a free-text question.
fn opinion_codes(t: &crate::domain::survey::SurveyTemplate) -> Vec<String> {
    t.sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|i| match i {
            SurveyItem::RatingGrid { id, other_opinion: true, .. } => Some(format!("{id}.other")),
            SurveyItem::FreeText { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// The opinions written on forms filled in the period, oldest first. The templates filled
/// come from the kept counts of forms (store::counts), not from the period's forms.
pub fn list(conn: &Connection, p: &Period) -> Result<Vec<Opinion>> {
    let mut out = Vec::new();
    for (template_id, _) in store::report::forms_by_template(conn, &p.from, &p.to)? {
        let codes = opinion_codes(&store::survey::template(conn, &template_id)?);
        out.extend(store::opinion::texts(conn, &p.from, &p.to, &template_id)?.into_iter().filter(|o| codes.contains(&o.code)));
    }
    out.sort_by(|a, b| (&a.filled_on, &a.round_code, a.serial, &a.code).cmp(&(&b.filled_on, &b.round_code, b.serial, &b.code)));
    Ok(out)
}

/// [`groups`] of [`list`], counted without reading the opinions' texts: the figures' need. A
/// group's name is, as there, the spelling of its earliest opinion in the list's order.
pub fn group_counts(conn: &Connection, p: &Period) -> Result<Vec<Count>> {
    // Per folded name: where its earliest opinion stands (filled on, round, serial, code),
    // that opinion's spelling, and the count.
    type First = (String, String, i32, String);
    let mut by_key: BTreeMap<String, (First, String, u32)> = BTreeMap::new();
    let mut unsorted = 0;
    for (template_id, _) in store::report::forms_by_template(conn, &p.from, &p.to)? {
        let codes = opinion_codes(&store::survey::template(conn, &template_id)?);
        store::opinion::each_grouped(conn, &p.from, &p.to, &template_id, |code, group| {
            if !codes.iter().any(|c| c == code) {
                return;
            }
            let Some((name, (filled_on, round, serial))) = group else {
                unsorted += 1;
                return;
            };
            let at = || (filled_on.to_owned(), round.to_owned(), serial, code.to_owned());
            let entry = by_key.entry(fold(name)).or_insert_with(|| (at(), name.to_owned(), 0));
            let earlier = (filled_on, round, serial, code) < (entry.0 .0.as_str(), entry.0 .1.as_str(), entry.0 .2, entry.0 .3.as_str());
            if earlier {
                *entry = (at(), name.to_owned(), entry.2);
            }
            entry.2 += 1;
        })?;
    }
    Ok(ranked(by_key.into_iter().map(|(key, (_, label, count))| (key, (label, count))), unsorted))
}

/// The groups of the period's opinions, largest first, then the unsorted ones (key "").
/// Group names that differ only in accents, case or spacing are one group.
pub fn groups(opinions: &[Opinion]) -> Vec<Count> {
    let mut by_key: BTreeMap<String, (String, u32)> = BTreeMap::new();
    let mut unsorted = 0;
    for o in opinions {
        match &o.group {
            Some(g) => by_key.entry(fold(g)).or_insert_with(|| (g.clone(), 0)).1 += 1,
            None => unsorted += 1,
        }
    }
    ranked(by_key.into_iter(), unsorted)
}

/// Groups (folded name, (spelling, count)) largest first, then the unsorted ones.
fn ranked(groups: impl Iterator<Item = (String, (String, u32))>, unsorted: u32) -> Vec<Count> {
    let mut list: Vec<Count> = groups.map(|(key, (label, count))| Count { key, label, count }).collect();
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    if unsorted > 0 {
        list.push(Count { key: String::new(), label: "Chưa phân nhóm".into(), count: unsorted });
    }
    list
}
