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

/// The templates of the forms filled in the period, from the kept counts of forms
/// (store::counts), each with the codes of its answers that are opinions.
fn templates_filled(conn: &Connection, p: &Period) -> Result<Vec<(String, Vec<String>)>> {
    store::report::forms_by_template(conn, &p.from, &p.to)?
        .into_iter()
        .map(|(template_id, _)| {
            let codes = opinion_codes(&store::survey::template(conn, &template_id)?);
            Ok((template_id, codes))
        })
        .collect()
}

/// The opinions written on forms filled in the period, oldest first.
pub fn list(conn: &Connection, p: &Period) -> Result<Vec<Opinion>> {
    let mut out = Vec::new();
    for (template_id, codes) in templates_filled(conn, p)? {
        out.extend(store::opinion::texts(conn, &p.from, &p.to, &template_id)?.into_iter().filter(|o| codes.contains(&o.code)));
    }
    out.sort_by(|a, b| place(a).cmp(&place(b)));
    Ok(out)
}

/// Where an opinion stands in the list: filled on, round, serial, code.
type Place<'a> = (&'a str, &'a str, i32, &'a str);

fn place(o: &Opinion) -> Place<'_> {
    (&o.filled_on, &o.round_code, o.serial, &o.code)
}

/// [`groups`] of [`list`], counted without reading the opinions' texts: the figures' need.
pub fn group_counts(conn: &Connection, p: &Period) -> Result<Vec<Count>> {
    let mut tally = Tally::default();
    for (template_id, codes) in templates_filled(conn, p)? {
        store::opinion::each_grouped(conn, &p.from, &p.to, &template_id, |group, (filled_on, round, serial, code)| {
            if codes.iter().any(|c| c == code) {
                tally.add(group, (filled_on, round, serial, code));
            }
        })?;
    }
    Ok(tally.ranked())
}

/// The groups of the period's opinions, largest first, then the unsorted ones (key "").
/// Group names that differ only in accents, case or spacing are one group, shown as its
/// earliest opinion in the list spells it.
pub fn groups(opinions: &[Opinion]) -> Vec<Count> {
    let mut tally = Tally::default();
    for o in opinions {
        tally.add(o.group.as_deref(), place(o));
    }
    tally.ranked()
}

/// Opinions counted by group: per folded name, where its earliest opinion stands, that
/// opinion's spelling and the count; and the unsorted ones.
#[derive(Default)]
struct Tally {
    by_key: BTreeMap<String, (OwnedPlace, String, u32)>,
    unsorted: u32,
}

type OwnedPlace = (String, String, i32, String);

impl Tally {
    fn add(&mut self, group: Option<&str>, at: Place) {
        let Some(name) = group else {
            self.unsorted += 1;
            return;
        };
        let owned = || (at.0.to_owned(), at.1.to_owned(), at.2, at.3.to_owned());
        let entry = self.by_key.entry(fold(name)).or_insert_with(|| (owned(), name.to_owned(), 0));
        let first = &entry.0;
        if at < (first.0.as_str(), first.1.as_str(), first.2, first.3.as_str()) {
            (entry.0, entry.1) = (owned(), name.to_owned());
        }
        entry.2 += 1;
    }

    /// Largest first, then the unsorted ones (key "").
    fn ranked(self) -> Vec<Count> {
        let mut list: Vec<Count> = self.by_key.into_iter().map(|(key, (_, label, count))| Count { key, label, count }).collect();
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
        if self.unsorted > 0 {
            list.push(Count { key: String::new(), label: "Chưa phân nhóm".into(), count: self.unsorted });
        }
        list
    }
}
