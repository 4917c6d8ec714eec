//! Period bundles: the figures of a period made by one office, signed with its own Ed25519
//! key, for an office that consolidates several (a department and its centres, a district and
//! its communes). Each record is made by exactly one office, so putting offices together is a
//! union, never a merge: a consolidating office keeps each office's latest bundle of a period
//! whole, and sums their figures beside its own (`consolidate`).
//!
//! What travels is decided here: the office profile, the period, the schema version, the
//! figures as the office's own report computes them, the audit head, and on request the
//! records behind the figures without personal data ([`store::bundle::BundleCase`],
//! [`store::bundle::BundleForm`]). The file's layout and what is signed: `format`, and
//! docs/bundles.md.

pub mod consolidate;
pub mod format;
pub mod inbox;
pub mod report;

use crate::domain::office::OfficeProfile;
use crate::error::{Error, Result};
use crate::report::figures::Figures;
use crate::report::period::Period;
use crate::store::bundle::{BundleCase, BundleForm};
use crate::store::{self, cipher::Passphrase, Tx};
use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use ts_rs::TS;

pub use format::{Head, Refusal, FORMAT};

/// The office's bundle key as shown: its fingerprint (to be registered by the receiving
/// office) and when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleKey {
    /// 64 uppercase hex digits.
    pub fingerprint: String,
    /// The same in groups of four, as read out.
    pub grouped: String,
    pub created_at: String,
}

/// The office's signing key, made in `tx` when it has none yet (at setup, or on the first
/// need of a database made before bundles existed); the audit log records its fingerprint.
pub fn ensure_key(tx: &Tx) -> Result<BundleKey> {
    if let Some(k) = store::bundle::key(tx)? {
        return Ok(BundleKey { grouped: format::grouped(&k.fingerprint), fingerprint: k.fingerprint, created_at: k.created_at });
    }
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let public = SigningKey::from_bytes(&secret).verifying_key().to_bytes();
    let fingerprint = format::fingerprint(&public);
    let created_at = store::bundle::save_key(tx, &secret, &public, &fingerprint)?;
    Ok(BundleKey { grouped: format::grouped(&fingerprint), fingerprint, created_at })
}

/// What a bundle holds, signed (and sealed when the sending database is encrypted).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Payload {
    pub office: OfficeProfile,
    pub period: Period,
    /// The period, the same days a year before, and for a whole year its four quarters then
    /// the same four quarters a year before: each as the office's report computes it, the
    /// opinion groups (words typed by staff) left out.
    pub figures: Vec<Figures>,
    /// For each figures above, the days to close of its closed complaints.
    pub days_to_close: Vec<Vec<u32>>,
    /// The office's audit log when the bundle was made: its length and the hash of its last
    /// entry, which the office can later prove its log still continues.
    pub audit_entries: i32,
    pub audit_head: Option<String>,
    /// With `--with-records`: the cases received and the survey forms filled in the period.
    pub cases: Option<Vec<BundleCase>>,
    pub forms: Option<Vec<BundleForm>>,
}

impl Payload {
    /// The figures with their days to close put back.
    pub fn figures(&self) -> Vec<Figures> {
        let mut all = self.figures.clone();
        for (f, days) in all.iter_mut().zip(&self.days_to_close) {
            f.complaints.days_to_close = days.clone();
        }
        all
    }
}

/// The periods a bundle of `p` carries figures for, in [`Payload::figures`]' order.
pub fn periods_of(p: &Period, today: chrono::NaiveDate) -> Result<Vec<Period>> {
    use chrono::Datelike;
    let mut periods = vec![p.clone(), p.same_span_a_year_before(today)];
    let year = p.start().year();
    if p.from == format!("{year:04}-01-01") && p.to == format!("{year:04}-12-31") {
        let quarters = Period::quarters_of(year)?;
        let before: Vec<Period> = quarters.iter().map(|q| q.same_span_a_year_before(today)).collect();
        periods.extend(quarters);
        periods.extend(before);
    }
    Ok(periods)
}

/// The file of `payload`: deflated JSON, sealed with `seal` when given, signed with `key`.
pub fn write(payload: &Payload, made_at: &str, schema: i64, key: &[u8; 32], seal: Option<&Passphrase>) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(payload).map_err(|e| Error::Corrupt(e.to_string()))?;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&json)?;
    let deflated = z.finish()?;
    let body = match seal {
        Some(k) => store::bundle::seal(&deflated, k)?,
        None => deflated,
    };
    let head = Head {
        format: FORMAT,
        office: payload.office.name.clone(),
        public_key: String::new(),
        from: payload.period.from.clone(),
        to: payload.period.to.clone(),
        made_at: made_at.to_owned(),
        schema,
        encrypted: seal.is_some(),
        with_records: payload.cases.is_some(),
        body: 0,
    };
    Ok(format::write(head, &body, &SigningKey::from_bytes(key)))
}

/// The payload of a verified bundle's body, unsealed with `passphrase` when it is sealed.
pub fn payload(head: &Head, body: &[u8], passphrase: Option<&str>) -> Result<Payload> {
    let deflated = if head.encrypted {
        let Some(p) = passphrase.filter(|p| !p.is_empty()) else {
            return Err(Error::validation(
                "passphrase",
                format!("Gói số liệu của «{}» được mã hoá: hãy nhập mật khẩu mã hoá dữ liệu của đơn vị đó.", head.office),
            ));
        };
        store::bundle::unseal(body, &Passphrase::new(p)).map_err(|e| match e {
            Error::Encrypted { .. } => Error::validation("passphrase", "Mật khẩu mã hoá không đúng: không mở được gói số liệu."),
            other => other,
        })?
    } else {
        body.to_vec()
    };
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(deflated.as_slice())
        .read_to_end(&mut json)
        .map_err(|_| Error::validation("bundle", Refusal::Altered.message()))?;
    serde_json::from_slice(&json).map_err(|_| Error::validation("bundle", Refusal::Altered.message()))
}
