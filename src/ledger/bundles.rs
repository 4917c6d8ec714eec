//! Period bundles on the [`Ledger`]: the office's key, a bundle of a period made and signed,
//! and for a consolidating office («Đơn vị tổng hợp») the offices it trusts, their bundles
//! imported, and their figures side by side with the total (src/bundle/, docs/bundles.md).

use crate::bundle::consolidate::{self, ConsolidatedFigures, OfficeFigures};
use crate::bundle::{self, format, BundleKey, Payload};
use crate::domain::text::clean_line;
use crate::domain::report::ArchivedReport;
use crate::error::{Error, Result};
use crate::report::period::Period;
use crate::bundle::inbox::{self, InboxWatch};
use crate::store::bundle::{BundleCase, BundleForm, ConsolidationSettings, ImportedBundle, InboxEntry, RecordRow, TrustedOffice};
use crate::{store, Action, Ledger};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many of the inbox folder's latest files the page lists.
const INBOX_SHOWN: u32 = 200;
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

/// What lies behind an office's figures of a year, as its bundle carried it: the records
/// without personal data, or none when the bundle carried the figures only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfficeRecords {
    pub office: TrustedOffice,
    pub from: String,
    pub to: String,
    /// `cases` (every case received), `complaints` (the complaints, grievances and appeals
    /// received) or `forms` (the survey forms filled and the kiosk ratings given).
    pub figure: String,
    /// Whether the bundle carried its records (`--with-records`); `false`: figures only.
    pub with_records: bool,
    /// How many records lie behind the figure; the first [`RECORDS_SHOWN`] are listed.
    pub total: u32,
    pub cases: Vec<BundleCase>,
    pub forms: Vec<BundleForm>,
}

/// How many records behind a figure are listed at most.
pub const RECORDS_SHOWN: usize = 500;

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
        if store::bundle::settings(&self.conn)?.consolidating {
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
        let actor = self.writer()?;
        self.import_bundle_as(&actor, file, passphrase)
    }

    /// [`Ledger::import_bundle`] recorded as `actor`, without asking who is signed in: the
    /// inbox folder's watcher imports for the machine, as the setting someone allowed to
    /// change it asked.
    fn import_bundle_as(&mut self, actor: &str, file: &[u8], passphrase: Option<&str>) -> Result<BundleImport> {
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
        store::with_tx(&mut self.conn, actor, |tx| {
            let b = ImportedBundle { imported_at: tx.now().to_owned(), ..b.clone() };
            store::bundle::replace(tx, &b, &stored, &records)
        })?;
        let bundle = store::bundle::imported_for(&self.conn, &office.id, &v.head.from, &v.head.to)?.expect("just imported");
        Ok(BundleImport { outcome: if before.is_some() { "replaced" } else { "imported" }.into(), bundle })
    }

    /// The inbox folder to watch, when one is set and this office consolidates. Read for the
    /// machine's watcher, whoever is signed in (or nobody).
    pub fn inbox_folder(&self) -> Result<Option<PathBuf>> {
        let s = store::bundle::settings(&self.conn)?;
        Ok(s.inbox.filter(|_| s.consolidating).map(PathBuf::from))
    }

    /// One look at the inbox folder ([`bundle::inbox`]): the bundles ready there imported,
    /// moved out of the folder, and what became of each recorded. Answers those records.
    pub fn watch_inbox(&mut self, watch: &mut InboxWatch) -> Result<Vec<InboxEntry>> {
        let Some(folder) = self.inbox_folder()? else { return Ok(Vec::new()) };
        let ready = watch.ready(&folder)?;
        self.import_inbox(&ready, watch)
    }

    /// The bundle files `files` of the inbox folder (ready, as [`InboxWatch::ready`] found
    /// them) imported as `bundle import` imports them, recorded as the machine's watcher. A
    /// file accepted goes into «Đã nhận», a file refused into «Không nhận», its reason kept;
    /// a file that cannot be read now stays for the next look.
    pub fn import_inbox(&mut self, files: &[PathBuf], watch: &mut InboxWatch) -> Result<Vec<InboxEntry>> {
        let actor = self.at_desk(format!("{} (thư mục nhận gói số liệu)", self.actor));
        let mut done = Vec::new();
        for file in files {
            let Ok(bytes) = std::fs::read(file) else { continue };
            let (outcome, accepted, reason) = match self.import_bundle_as(&actor, &bytes, None) {
                Ok(i) => (i.outcome, Some(i.bundle), None),
                Err(Error::Validation { field, message }) => {
                    let reason = if field == "passphrase" {
                        format!("{message} Gói đã được chuyển vào thư mục «{}»: hãy chọn nhập gói đó trên trang Gói số liệu.", inbox::REFUSED)
                    } else {
                        message
                    };
                    ("refused".to_owned(), None, Some(reason))
                }
                Err(e) => return Err(e),
            };
            let sub = if accepted.is_some() { inbox::RECEIVED } else { inbox::REFUSED };
            let moved_to = match inbox::move_into(file, sub) {
                Ok(to) => to.display().to_string(),
                Err(e) => {
                    watch.stuck(file);
                    eprintln!("Không chuyển được gói số liệu {} vào thư mục «{sub}»: {e}", file.display());
                    file.display().to_string()
                }
            };
            let entry = InboxEntry {
                id: uuid::Uuid::now_v7().to_string(),
                file_name: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                moved_to,
                read_at: String::new(),
                outcome,
                office: accepted.as_ref().map(|b| b.office.clone()),
                from: accepted.as_ref().map(|b| b.from.clone()),
                to: accepted.as_ref().map(|b| b.to.clone()),
                reason,
            };
            let entry = store::with_tx(&mut self.conn, &actor, |tx| {
                let e = InboxEntry { read_at: tx.now().to_owned(), ..entry };
                store::bundle::log_inbox(tx, &e)?;
                Ok(e)
            })?;
            done.push(entry);
        }
        Ok(done)
    }

    /// The files read from the inbox folder and what became of each, newest first.
    pub fn inbox_log(&self) -> Result<Vec<InboxEntry>> {
        self.guard_read()?;
        store::bundle::inbox_log(&self.conn, INBOX_SHOWN)
    }

    /// The records behind the figure `figure` (`cases`, `complaints` or `forms`) of the office
    /// `office` (its id, fingerprint or name) in `year`, as its bundle of the year carried
    /// them: in the order received (cases) or filled (forms).
    pub fn office_records(&self, office: &str, year: i32, figure: &str) -> Result<OfficeRecords> {
        self.guard_read()?;
        let period = Period::year(year)?;
        let office = find_office(&store::bundle::offices(&self.conn)?, office)?;
        let bundle = store::bundle::imported_for(&self.conn, &office.id, &period.from, &period.to)?.ok_or_else(|| {
            Error::validation("year", format!("«{}» chưa gửi gói số liệu năm {year}.", office.name))
        })?;
        let payload: Payload = serde_json::from_str(&store::bundle::payload_of(&self.conn, &bundle.id)?)
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        let parse = |kind: &str| -> Result<Vec<String>> { store::bundle::records(&self.conn, &bundle.id, kind) };
        let (mut cases, mut forms) = (Vec::new(), Vec::new());
        match figure {
            "cases" | "complaints" => {
                for json in parse("case")? {
                    let c: BundleCase = serde_json::from_str(&json).map_err(|e| Error::Corrupt(e.to_string()))?;
                    let complaint = crate::domain::feedback::Kind::parse(&c.kind).is_ok_and(|k| k.is_complaint());
                    if figure == "cases" || complaint {
                        cases.push(c);
                    }
                }
                cases.sort_by(|a, b| (&a.received_on, &a.receipt_no).cmp(&(&b.received_on, &b.receipt_no)));
            }
            "forms" => {
                for json in parse("form")? {
                    forms.push(serde_json::from_str::<BundleForm>(&json).map_err(|e| Error::Corrupt(e.to_string()))?);
                }
                forms.sort_by(|a, b| (&a.filled_on, &a.id).cmp(&(&b.filled_on, &b.id)));
            }
            other => return Err(Error::validation("figure", format!("Không có số liệu «{other}» để xem hồ sơ phía sau."))),
        }
        let total = (cases.len() + forms.len()) as u32;
        cases.truncate(RECORDS_SHOWN);
        forms.truncate(RECORDS_SHOWN);
        Ok(OfficeRecords {
            office,
            from: period.from,
            to: period.to,
            figure: figure.to_owned(),
            with_records: payload.cases.is_some(),
            total,
            cases,
            forms,
        })
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
    /// The consolidated annual report of `year` as the PDF/A to be signed, archived as the
    /// office's own annual report is when printed (`report_archive`, kind `consolidated`):
    /// byte for byte with its SHA-256, under the annual report's document control, kept as
    /// the management review's records are (it holds counts and office names only).
    pub fn generate_consolidated_report(&mut self, year: i32) -> Result<(Vec<u8>, ArchivedReport)> {
        self.guard(Action::WriteAnnualReport)?;
        let (print, _) = self.consolidated_print(year)?;
        let control = self.form_control(crate::domain::document_control::ControlledForm::AnnualReport)?;
        let pdf = crate::pdf::forms::report_controlled(&self.office_for_print()?, &print, Some(&control))?;
        let p = Period::year(year)?;
        let archived = self.write(|tx| store::review::archive(tx, CONSOLIDATED, &p.from, &p.to, &pdf))?;
        Ok((pdf, archived))
    }

    /// The consolidated annual report of `year` written at `path`: PDF/A (archived, as
    /// [`Ledger::generate_consolidated_report`]), Word (`.docx`, a copy to edit, not archived,
    /// as the annual report's) or the figures of the offices' total as an Excel workbook
    /// (`.xlsx`), by the file's extension. Its conclusions and proposals are left to write by
    /// hand.
    pub fn save_consolidated_report(&mut self, year: i32, path: &Path) -> Result<()> {
        self.guard(Action::WriteAnnualReport)?;
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
        match extension.as_str() {
            "xlsx" => {
                let (_, figures) = self.consolidated_print(year)?;
                crate::export::figures(path, figures.total.as_ref().expect("a report has a total"))
            }
            "docx" => {
                let (print, _) = self.consolidated_print(year)?;
                // Under the document control of the office's own annual report: the same form.
                let control = self.form_control(crate::domain::document_control::ControlledForm::AnnualReport)?;
                crate::documents::write_whole(path, &crate::report::docx::report_docx(&self.office_for_print()?, &print, Some(&control))?)
            }
            _ => crate::documents::write_whole(path, &self.generate_consolidated_report(year)?.0),
        }
    }

    /// The consolidated report of `year` laid out, with the figures it is made of.
    fn consolidated_print(&self, year: i32) -> Result<(crate::pdf::forms::ReportPrint, ConsolidatedFigures)> {
        let figures = self.consolidated_figures(year, &[])?;
        let print = bundle::report::consolidated_report(&figures, &crate::domain::report::AnnualTexts::default()).ok_or_else(|| {
            Error::validation("year", format!("Chưa có đơn vị nào gửi gói số liệu năm {year}: chưa có gì để tổng hợp."))
        })?;
        Ok((print, figures))
    }
}

/// The kind of the consolidated annual report in the archive of printed reports.
pub const CONSOLIDATED: &str = "consolidated";

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
