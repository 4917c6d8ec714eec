//! What the management review keeps besides the figures: the objectives of each year, what
//! staff write into the annual report, and the archive of every report generated to be
//! signed, byte for byte with the SHA-256 of its file.

use super::Tx;
use crate::domain::digest::sha256_hex;
use crate::domain::report::{AnnualTexts, ArchivedReport, Metric, Objective};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// The objectives of `year`, in the order of [`Metric::ALL`].
pub fn objectives(conn: &Connection, year: i32) -> Result<Vec<Objective>> {
    let mut st = conn.prepare_cached("SELECT year, metric, target FROM objective WHERE year = ?1")?;
    let mut list: Vec<Objective> =
        st.query_map([year], |r| Ok(Objective { year: r.get(0)?, metric: r.get(1)?, target: r.get(2)? }))?.collect::<rusqlite::Result<_>>()?;
    list.sort_by_key(|o| Metric::ALL.iter().position(|m| *m == o.metric));
    Ok(list)
}

/// Sets (or with `None`, removes) the objective of a year; the target is checked by the caller.
pub fn set_objective(tx: &Tx, year: i32, metric: Metric, target: Option<f64>) -> Result<()> {
    let key = format!("{year}/{}", metric.as_str());
    let before: Option<f64> =
        tx.query_row("SELECT target FROM objective WHERE year = ?1 AND metric = ?2", params![year, metric], |r| r.get(0)).optional()?;
    match target {
        Some(t) => {
            tx.execute(
                "INSERT INTO objective (year, metric, target, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (year, metric) DO UPDATE SET target = ?3, updated_at = ?4",
                params![year, metric, t, tx.now()],
            )?;
        }
        None => {
            tx.execute("DELETE FROM objective WHERE year = ?1 AND metric = ?2", params![year, metric])?;
        }
    }
    tx.audit("objective", &key, Some(&before), Some(&target))
}

/// What staff wrote into the annual report of `year`; empty texts until saved.
pub fn annual_texts(conn: &Connection, year: i32) -> Result<AnnualTexts> {
    let row = conn
        .query_row(
            "SELECT number, report_date, conclusions, proposals, prepared_by, qmr, head_name, head_title
             FROM annual_report_text WHERE year = ?1",
            [year],
            |r| {
                Ok(AnnualTexts {
                    number: r.get(0)?,
                    date: r.get::<_, Option<String>>(1)?.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                    conclusions: r.get(2)?,
                    proposals: r.get(3)?,
                    prepared_by: r.get(4)?,
                    qmr: r.get(5)?,
                    head_name: r.get(6)?,
                    head_title: r.get(7)?,
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

pub fn save_annual_texts(tx: &Tx, year: i32, t: &AnnualTexts) -> Result<()> {
    let before = annual_texts(tx, year)?;
    tx.execute(
        "INSERT INTO annual_report_text (year, number, report_date, conclusions, proposals, prepared_by, qmr, head_name, head_title, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (year) DO UPDATE SET number = ?2, report_date = ?3, conclusions = ?4, proposals = ?5, prepared_by = ?6,
             qmr = ?7, head_name = ?8, head_title = ?9, updated_at = ?10",
        params![
            year,
            t.number,
            t.date.map(|d| d.to_string()),
            t.conclusions,
            t.proposals,
            t.prepared_by,
            t.qmr,
            t.head_name,
            t.head_title,
            tx.now()
        ],
    )?;
    tx.audit("annual_report_text", &year.to_string(), Some(&before), Some(t))
}

/// Keeps a generated report's file, recorded as made by the transaction's actor, now.
pub fn archive(tx: &Tx, kind: &str, from: &str, to: &str, pdf: &[u8]) -> Result<ArchivedReport> {
    let a = ArchivedReport {
        id: super::new_id(),
        kind: kind.into(),
        period_from: from.into(),
        period_to: to.into(),
        author: tx.actor().into(),
        generated_at: tx.now().into(),
        sha256: sha256_hex(pdf),
        bytes: pdf.len() as u32,
    };
    tx.execute(
        "INSERT INTO report_archive (id, kind, period_from, period_to, author, generated_at, sha256, pdf)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![a.id, a.kind, a.period_from, a.period_to, a.author, a.generated_at, a.sha256, pdf],
    )?;
    tx.audit("report_archive", &a.id, None::<&()>, Some(&a))?;
    Ok(a)
}

/// Reports archived, newest first.
pub fn archived(conn: &Connection) -> Result<Vec<ArchivedReport>> {
    let mut st = conn.prepare_cached(
        "SELECT id, kind, period_from, period_to, author, generated_at, sha256, length(pdf)
         FROM report_archive ORDER BY generated_at DESC",
    )?;
    let rows = st.query_map([], |r| {
        Ok(ArchivedReport {
            id: r.get(0)?,
            kind: r.get(1)?,
            period_from: r.get(2)?,
            period_to: r.get(3)?,
            author: r.get(4)?,
            generated_at: r.get(5)?,
            sha256: r.get(6)?,
            bytes: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The archived file, byte for byte.
pub fn archived_pdf(conn: &Connection, id: &str) -> Result<Vec<u8>> {
    conn.query_row("SELECT pdf FROM report_archive WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { entity: "báo cáo lưu trữ", id: id.to_owned() })
}
