//! Period bundles on the [`Ledger`]: the office's key, a bundle of a period made and signed,
//! and for a consolidating office («Đơn vị tổng hợp») the offices it trusts, their bundles
//! imported, and their figures side by side with the total (src/bundle/, docs/bundles.md).

use crate::bundle::consolidate::{self, ConsolidatedFigures, OfficeFigures};
use crate::bundle::{self, format, BundleKey, Payload};
use crate::domain::text::clean_line;
use crate::error::{Error, Result};
use crate::report::period::Period;
use crate::store::bundle::{ConsolidationSettings, ImportedBundle, RecordRow, TrustedOffice};
use crate::{store, Action, Ledger};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// A bundle written: where, for which period, and how big.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedBundle {
    pub path: String,
    pub from: String,
    pub to: String,
    pub made_at: String,
    /// The fingerprint of the key that signed it.
    pub fingerprint: String,
    pub encrypted: bool,
    /// The cases and survey forms that came with the figures (0 without records).
    pub cases: u32,
    pub forms: u32,
    pub bytes: u64,
}

/// What importing a bundle did: `imported` (the first of its office and period), `replaced`
/// (a newer version of one imported before) or `unchanged` (that very bundle again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BundleImport {
    pub outcome: String,
    pub bundle: ImportedBundle,
}

impl Ledger {
    /// The office's bundle key, made now (and audited) when the database has none yet.
    pub fn bundle_key(&mut self) -> Result<BundleKey> {
        self.guard_read()?;
        if let Some(k) = store::bundle::key(&self.conn)? {
            return Ok(BundleKey { grouped: format::grouped(&k.fingerprint), fingerprint: k.fingerprint, created_at: k.created_at });
        }
        self.write(bundle::ensure_key)
    }

    /// The bundle of the period `from`..`to` written at `out`: the office's figures of it
    /// (and with `with_records` the records behind them, without personal data), signed with
    /// the office's key, sealed with the database's passphrase when it is encrypted.
    pub fn export_bundle(&mut self, from: &str, to: &str, with_records: bool, out: &Path) -> Result<ExportedBundle> {
        self.guard(Action::ExportRecords)?;
        let period = crate::report::period::PeriodQuery { from: Some(from.into()), to: Some(to.into()), ..Default::default() }.period()?;
        let office = self.office()?.ok_or_else(|| {
            Error::validation("office", "Chưa nhập thông tin cơ quan (Cài đặt › Cơ quan): gói số liệu phải mang tên đơn vị gửi.")
        })?;
        let key = self.bundle_key()?;
        let secret = store::bundle::key(&self.conn)?.expect("the key was just made").secret;
        let mut figures = self.figures_of(&bundle::periods_of(&period, self.today())?)?;
        for f in &mut figures {
            f.surveys.opinion_groups.clear();
        }
        let (audit_entries, audit_head) = store::bundle::audit_head(&self.conn)?;
        let (cases, forms) = if with_records {
            (Some(store::bundle::own_cases(&self.conn, &period.from, &period.to)?), Some(store::bundle::own_forms(&self.conn, &period.from, &period.to)?))
        } else {
            (None, None)
        };
        let payload = Payload {
            office,
            period: period.clone(),
            days_to_close: figures.iter().map(|f| f.complaints.days_to_close.clone()).collect(),
            figures,
            audit_entries,
            audit_head,
            cases,
            forms,
        };
        let made_at = store::now_utc();
        let seal = if self.encrypted { self.db.as_ref().and_then(|d| d.key()) } else { None };
        let bytes = bundle::write(&payload, &made_at, self.schema_version()?, &secret, seal)?;
        crate::documents::write_whole(out, &bytes)?;
        Ok(ExportedBundle {
            path: out.display().to_string(),
            from: period.from,
            to: period.to,
            made_at,
            fingerprint: key.fingerprint,
            encrypted: seal.is_some(),
            cases: payload.cases.as_ref().map_or(0, |c| c.len() as u32),
            forms: payload.forms.as_ref().map_or(0, |f| f.len() as u32),
            bytes: bytes.len() as u64,
        })
    }

    pub fn consolidation_settings(&self) -> Result<ConsolidationSettings> {
        self.guard_read()?;
        store::bundle::settings(&self.conn)
    }

    pub fn save_consolidation_settings(&mut self, s: &ConsolidationSettings) -> Result<ConsolidationSettings> {
        self.guard(Action::EditSettings)?;
        let clean = ConsolidationSettings {
            consolidating: s.consolidating,
            inbox: s.inbox.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned),
        };
        self.write(|tx| store::bundle::save_settings(tx, &clean))?;
        Ok(clean)
    }

    fn check_consolidating(&self) -> Result<()> {
        if self.consolidation_settings()?.consolidating {
            Ok(())
        } else {
            Err(Error::validation(
                "consolidating",
                "Đơn vị này chưa được đặt là «Đơn vị tổng hợp» (Cài đặt › Gói số liệu): chỉ đơn vị tổng hợp mới đăng ký đơn vị gửi và nhập gói số liệu.",
            ))
        }
    }

    /// Registers an office whose bundles this consolidating office accepts, by the
    /// fingerprint of its key (read out or copied from the sending office).
    pub fn trust_office(&mut self, name: &str, fingerprint: &str) -> Result<TrustedOffice> {
        self.guard(Action::EditSettings)?;
        self.check_consolidating()?;
        let name = clean_line(name);
        if name.is_empty() {
            return Err(Error::validation("name", "Hãy nhập tên đơn vị gửi."));
        }
        let fingerprint = format::parse_fingerprint(fingerprint)?;
        self.write(|tx| store::bundle::trust(tx, &name, &fingerprint))
    }

    pub fn trusted_offices(&self) -> Result<Vec<TrustedOffice>> {
        self.guard_read()?;
        store::bundle::offices(&self.conn)
    }

    pub fn imported_bundles(&self) -> Result<Vec<ImportedBundle>> {
        self.guard_read()?;
        store::bundle::imported(&self.conn)
    }

    /// Imports the bundle `file` (its bytes): refused with its reason when it is not signed,
    /// signed by an office not registered here, altered, of a newer schema, or older than
    /// the one already imported for its office and period; the same bundle again changes
    /// nothing; a newer one replaces the older whole.
    pub fn import_bundle(&mut self, file: &[u8], passphrase: Option<&str>) -> Result<BundleImport> {
        self.guard(Action::ImportLedger)?;
        self.check_consolidating()?;
        let refused = |r: format::Refusal| Error::validation("bundle", r.message());
        let v = format::read(file).map_err(refused)?;
        let fingerprint = format::fingerprint(&v.public_key);
        let office = store::bundle::offices(&self.conn)?.into_iter().find(|o| o.fingerprint == fingerprint).ok_or_else(|| {
            Error::validation(
                "bundle",
                format!(
                    "Gói số liệu của «{}» được ký bằng khoá chưa đăng ký ({}): hãy đăng ký đơn vị gửi với mã khoá này (Cài đặt › Gói số liệu) sau khi đã đối chiếu mã khoá với đơn vị đó.",
                    v.head.office,
                    format::grouped(&fingerprint)
                ),
            )
        })?;
        let supported = store::migrate::SCHEMA_VERSION;
        if v.head.schema > supported {
            return Err(Error::validation(
                "bundle",
                format!(
                    "Gói số liệu của «{}» được lập bằng phiên bản Ý Kiến mới hơn (cơ sở dữ liệu phiên bản {}, phiên bản này đọc đến {supported}); hãy cập nhật Ý Kiến rồi nhập lại.",
                    office.name, v.head.schema
                ),
            ));
        }
        if let Some(old) = store::bundle::imported_for(&self.conn, &office.id, &v.head.from, &v.head.to)? {
            if old.digest == v.digest {
                return Ok(BundleImport { outcome: "unchanged".into(), bundle: old });
            }
            if v.head.made_at <= old.made_at {
                return Err(Error::validation(
                    "bundle",
                    format!(
                        "Gói số liệu này của «{}» ({} – {}) lập lúc {}, cũ hơn gói đã nhập (lập lúc {}): không nhập đè số liệu mới bằng số liệu cũ.",
                        office.name, v.head.from, v.head.to, v.head.made_at, old.made_at
                    ),
                ));
            }
        }
        let payload = bundle::payload(&v.head, v.body, passphrase)?;
        if payload.period.from != v.head.from || payload.period.to != v.head.to {
            return Err(refused(format::Refusal::Altered));
        }
        let mut records = Vec::new();
        for c in payload.cases.iter().flatten() {
            records.push(RecordRow { kind: "case", id: c.id.clone(), data: to_json(c)? });
        }
        for f in payload.forms.iter().flatten() {
            records.push(RecordRow { kind: "form", id: f.id.clone(), data: to_json(f)? });
        }
        let before = store::bundle::imported_for(&self.conn, &office.id, &v.head.from, &v.head.to)?;
        let b = ImportedBundle {
            id: uuid::Uuid::now_v7().to_string(),
            office_id: office.id.clone(),
            office: office.name.clone(),
            sent_as: payload.office.name.clone(),
            from: v.head.from.clone(),
            to: v.head.to.clone(),
            made_at: v.head.made_at.clone(),
            digest: v.digest.clone(),
            schema: v.head.schema,
            records: records.len() as u32,
            imported_at: String::new(),
        };
        let stored = serde_json::to_string(&payload).map_err(|e| Error::Corrupt(e.to_string()))?;
        self.write(|tx| {
            let b = ImportedBundle { imported_at: tx.now().to_owned(), ..b.clone() };
            store::bundle::replace(tx, &b, &stored, &records)
        })?;
        let bundle = store::bundle::imported_for(&self.conn, &office.id, &v.head.from, &v.head.to)?.expect("just imported");
        Ok(BundleImport { outcome: if before.is_some() { "replaced" } else { "imported" }.into(), bundle })
    }

    /// The figures of the year `year` of the registered offices named in `offices` (ids,
    /// fingerprints or names; all of them when empty or `all`), each side by side and
    /// summed, with those that have not sent their bundle of the year.
    pub fn consolidated_figures(&self, year: i32, offices: &[String]) -> Result<ConsolidatedFigures> {
        self.guard_read()?;
        let period = Period::year(year)?;
        let registered = store::bundle::offices(&self.conn)?;
        let chosen: Vec<TrustedOffice> = if offices.is_empty() || offices.iter().any(|o| o == "all") {
            registered
        } else {
            offices.iter().map(|o| find_office(&registered, o)).collect::<Result<_>>()?
        };
        let payloads = store::bundle::payloads(&self.conn, &period.from, &period.to)?;
        let (mut side_by_side, mut lists, mut missing) = (Vec::new(), Vec::new(), Vec::new());
        for office in chosen {
            let Some((_, json)) = payloads.iter().find(|(id, _)| *id == office.id) else {
                missing.push(office);
                continue;
            };
            let payload: Payload = serde_json::from_str(json).map_err(|e| Error::Corrupt(e.to_string()))?;
            let figures = payload.figures();
            let Some(report) = consolidate::report_of(&figures) else { continue };
            let made_at = store::bundle::imported_for(&self.conn, &office.id, &period.from, &period.to)?.map(|b| b.made_at).unwrap_or_default();
            side_by_side.push(OfficeFigures { office, sent_as: payload.office.name, made_at, report });
            lists.push(figures);
        }
        let total = (!lists.is_empty()).then(|| consolidate::report_of(&consolidate::sum_lists(&lists))).flatten();
        Ok(ConsolidatedFigures { from: period.from, to: period.to, offices: side_by_side, total, missing })
    }
}

impl Ledger {
    /// The consolidated annual report of `year` written at `path`: PDF/A, Word (`.docx`) or
    /// the figures of the offices' total as an Excel workbook (`.xlsx`), by the file's
    /// extension. Its conclusions and proposals are left to write by hand.
    pub fn save_consolidated_report(&self, year: i32, path: &Path) -> Result<()> {
        let figures = self.consolidated_figures(year, &[])?;
        let print = bundle::report::consolidated_report(&figures, &crate::domain::report::AnnualTexts::default()).ok_or_else(|| {
            Error::validation("year", format!("Chưa có đơn vị nào gửi gói số liệu năm {year}: chưa có gì để tổng hợp."))
        })?;
        // Under the document control of the office's own annual report: the same form.
        let control = self.form_control(crate::domain::document_control::ControlledForm::AnnualReport)?;
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
        match extension.as_str() {
            "xlsx" => crate::export::figures(path, figures.total.as_ref().expect("a report has a total")),
            "docx" => crate::documents::write_whole(path, &crate::report::docx::report_docx(&self.office_for_print()?, &print, Some(&control))?),
            _ => crate::documents::write_whole(path, &crate::pdf::forms::report_controlled(&self.office_for_print()?, &print, Some(&control))?),
        }
    }
}

/// A registered office by its id, its fingerprint (or the first eight digits of it), or its
/// name as registered.
fn find_office(registered: &[TrustedOffice], wanted: &str) -> Result<TrustedOffice> {
    let folded: String = wanted.chars().filter(|c| !matches!(c, ' ' | ':' | '-')).collect::<String>().to_uppercase();
    registered
        .iter()
        .find(|o| {
            o.id == wanted
                || o.name == wanted.trim()
                || (folded.len() >= 8 && folded.chars().all(|c| c.is_ascii_hexdigit()) && o.fingerprint.starts_with(&folded))
        })
        .cloned()
        .ok_or_else(|| Error::NotFound { entity: "đơn vị gửi gói số liệu", id: wanted.to_owned() })
}

fn to_json<T: Serialize>(x: &T) -> Result<String> {
    serde_json::to_string(x).map_err(|e| Error::Corrupt(e.to_string()))
}
