//! Records (R5) on the [`Ledger`]: backups and restore, import of old ledgers, exports,
//! retention and disposal. Each method is a thin orchestration over `store`, `import`,
//! `export` and `pdf`.
//!
//! A restore has one path: [`Database::restore`] for a file nobody has open (allowed only
//! when it has no accounts or is too damaged to open), [`Ledger::restore_backup`] for the
//! open one (an administrator's); both end in [`restore_file`].

use super::{Database, Ledger};
use crate::domain::dates::parse_date;
use crate::domain::feedback::Kind;
use crate::domain::progress::Progress;
use crate::error::{Error, Result};
use crate::import::{ImportPreview, RowStatus};
use crate::store::backup::{self, BackupFile, BackupSettings, RestoreReport};
use crate::store::cipher::{self, FileKind};
use crate::store::retention::{Disposal, DueRecord, DueSurveyForm, RecordType, SurveyDisposal};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// Where the office's backups go and whether they are recent enough (R5.3).
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupState {
    /// The folder backups go into (the chosen one, or the default beside the database).
    pub folder: String,
    /// Whether the office chose that folder (otherwise it is the default).
    pub chosen: bool,
    /// The second place each backup is copied to; empty: none.
    pub second_folder: String,
    pub newest: Option<BackupFile>,
    pub newest_second: Option<BackupFile>,
    pub warn_after_days: u32,
    /// What the window warns of, in Vietnamese; empty when backups are recent.
    pub warnings: Vec<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportReport {
    pub path: String,
    pub rows: i32,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The records due for disposal on a date. The top-level fields describe the feedback book
/// (as they always have); the returned survey forms are beside them in `survey_forms`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RetentionDue {
    pub on: String,
    /// `ledger`: the feedback book and the case files.
    pub record_type: String,
    pub record_label: String,
    pub retention_years: u32,
    pub records: Vec<DueRecord>,
    pub survey_forms: SurveyFormsDue,
}

/// The returned survey forms due for disposal on a date.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SurveyFormsDue {
    /// `survey_forms`.
    pub record_type: String,
    pub record_label: String,
    /// The office's setting `survey_retention_years`.
    pub retention_years: u32,
    /// Where the period runs from, in words.
    pub counted_from: String,
    pub records: Vec<DueSurveyForm>,
}

impl RetentionDue {
    /// Whether anything of `only` (of every type when `None`) is due.
    fn is_empty(&self, only: Option<RecordType>) -> bool {
        let ledger = only.is_none_or(|t| t == RecordType::Ledger) && !self.records.is_empty();
        let surveys = only.is_none_or(|t| t == RecordType::SurveyForms) && !self.survey_forms.records.is_empty();
        !(ledger || surveys)
    }
}

/// What a disposal did and where its record (biên bản) was written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DisposalReport {
    /// The feedback book's part (its `records` empty, its `id` empty, when no case was due).
    pub disposal: Disposal,
    /// The returned survey forms' part, when forms were due.
    pub survey_forms: Option<SurveyDisposal>,
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

const LEDGER_RECORDS: &str = "Sổ ghi nhận ý kiến của khách hàng và hồ sơ xử lý ý kiến, phản ánh, khiếu nại";
const LEDGER_COUNTED_FROM: &str = "ngày đóng hồ sơ";
const SURVEY_RECORDS: &str = "Phiếu khảo sát sự hài lòng của khách hàng đã thu về";
const SURVEY_COUNTED_FROM: &str = "ngày kết thúc đợt khảo sát, hoặc ngày ghi trên phiếu nếu muộn hơn";

impl Ledger {
    // ---- Backups ----

    pub fn backup_settings(&self) -> Result<BackupSettings> {
        backup::settings(&self.conn)
    }

    pub fn save_backup_settings(&mut self, s: &BackupSettings) -> Result<BackupSettings> {
        self.guard(crate::Action::EditBackupSettings)?;
        let s = s.validated()?;
        self.write(|tx| backup::save_settings(tx, &s))?;
        self.note_folders(&s);
        Ok(s)
    }

    /// Where a damaged database's backups are found: the folders are also written in a small
    /// text file beside the database, which stays readable when the database is not.
    fn note_folders(&self, s: &BackupSettings) {
        if let (Some(db), Ok(folder)) = (self.path(), self.folder_of(s)) {
            backup::note_folders(db, &folder, &s.second_folder);
        }
    }

    /// The folder backups go into: the one chosen, else «Sao lưu» beside the database.
    pub(crate) fn backup_folder(&self) -> Result<PathBuf> {
        self.folder_of(&self.backup_settings()?)
    }

    /// The folder backups go into under the settings `s`.
    fn folder_of(&self, s: &BackupSettings) -> Result<PathBuf> {
        if !s.folder.is_empty() {
            return Ok(PathBuf::from(&s.folder));
        }
        let db = self.path().ok_or_else(|| Error::validation("folder", "Dữ liệu đang mở chỉ nằm trong bộ nhớ, không sao lưu được."))?;
        Ok(backup::default_folder(db))
    }

    /// A verified backup into `dir`, keeping there the newest as many as the settings keep.
    pub fn backup_to(&self, dir: &Path, progress: Progress) -> Result<BackupFile> {
        self.backup_into(dir, self.backup_settings()?.keep, progress)
    }

    /// A verified backup into `dir`, keeping the newest `keep` there.
    fn backup_into(&self, dir: &Path, keep: u32, progress: Progress) -> Result<BackupFile> {
        progress(0, 1);
        let key = self.db.as_ref().and_then(Database::key);
        let file = backup::backup_into(&self.conn, dir, self.now(), keep, key, &|| !progress(0, 1))?;
        progress(1, 1);
        Ok(file)
    }

    /// A backup into the office's backup folder, copied to its second place when it has one.
    /// The backup stands even when the second place is not reachable (an unplugged USB
    /// drive): [`Ledger::backup_state`] then shows how old the copy there is.
    pub fn backup_now(&self, progress: Progress) -> Result<BackupFile> {
        let s = self.backup_settings()?;
        let dir = self.folder_of(&s)?;
        self.note_folders(&s);
        let file = self.backup_into(&dir, s.keep, progress)?;
        if !s.second_folder.is_empty() {
            let _ = backup::copy_into(&file, Path::new(&s.second_folder), s.keep);
        }
        Ok(file)
    }

    /// The automatic backup: at the day's first start when the folder has none made today,
    /// and always when the app (or the office server) closes. `None` when none was due.
    pub fn automatic_backup(&self, on_start: bool) -> Result<Option<BackupFile>> {
        if on_start && !self.daily_backup_due()? {
            return Ok(None);
        }
        self.backup_now(&crate::no_progress).map(Some)
    }

    /// The backups in the office's folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        backup::list(&self.backup_folder()?)
    }

    /// Whether the day's first automatic backup is still due: the folder has none made today.
    pub fn daily_backup_due(&self) -> Result<bool> {
        Ok(!backup::has_backup_on(&self.backup_folder()?, self.today())?)
    }

    /// Where backups go, the newest in each place, and what the window warns of: a newest
    /// backup older than the settings' days (or none, on a database in use for longer than
    /// that: a new one makes its first within minutes), and a second place not copied to
    /// for as long, or never.
    pub fn backup_state(&self) -> Result<BackupState> {
        let s = self.backup_settings()?;
        let folder = self.folder_of(&s)?;
        let newest = backup::list(&folder)?.into_iter().next();
        let newest_second = match s.second_folder.as_str() {
            "" => None,
            second => backup::list(Path::new(second)).ok().and_then(|l| l.into_iter().next()),
        };
        let today = self.today();
        let days_since = |b: &Option<BackupFile>| {
            let made = b.as_ref().and_then(|b| NaiveDate::parse_from_str(b.made_at.get(..10)?, "%Y-%m-%d").ok());
            made.map(|d| (today - d).num_days())
        };
        let limit = i64::from(s.warn_after_days);
        let since_first_use = crate::store::audit::days_since_first_entry(&self.conn, today)?;
        let mut warnings = Vec::new();
        match (days_since(&newest), &newest) {
            (Some(days), Some(b)) if days > limit => warnings.push(format!(
                "Bản sao lưu gần nhất đã cách đây {days} ngày ({}), quá {limit} ngày đã đặt.",
                crate::domain::dates::dmy(&b.made_at)
            )),
            (None, _) if since_first_use > limit => {
                warnings.push(format!("Dữ liệu đã dùng hơn {limit} ngày mà chưa có bản sao lưu nào trong thư mục {}.", folder.display()))
            }
            _ => {}
        }
        if !s.second_folder.is_empty() {
            match days_since(&newest_second) {
                Some(days) if days <= limit => {}
                _ if !Path::new(&s.second_folder).is_dir() => warnings.push(format!(
                    "Không thấy nơi sao lưu thứ hai ({}): ổ USB hoặc ổ đĩa đó đã được cắm vào chưa? Cắm vào rồi sao lưu ngay.",
                    s.second_folder
                )),
                Some(days) => warnings.push(format!(
                    "Nơi sao lưu thứ hai ({}) có bản gần nhất cách đây {days} ngày: hãy sao lưu ngay.",
                    s.second_folder
                )),
                None => warnings.push(format!("Nơi sao lưu thứ hai ({}) chưa có bản sao lưu nào: hãy sao lưu ngay.", s.second_folder)),
            }
        }
        Ok(BackupState {
            folder: folder.display().to_string(),
            chosen: !s.folder.is_empty(),
            second_folder: s.second_folder,
            newest,
            newest_second,
            warn_after_days: s.warn_after_days,
            warnings,
        })
    }

    // ---- Restore, the administrator's ----

    /// Replaces this ledger's database with the backup `from` (checked with this database's
    /// passphrase, see [`Database::restore`]) and opens the restored file. Only an
    /// administrator may; everyone is signed out after it, since the restored file has its
    /// own accounts.
    pub fn restore_backup(&mut self, from: &Path, safety_dir: Option<&Path>) -> Result<RestoreReport> {
        self.guard(crate::Action::RestoreBackup)?;
        let db = self
            .db
            .clone()
            .ok_or_else(|| Error::validation("path", "Dữ liệu đang mở chỉ nằm trong bộ nhớ, không phục hồi được."))?;
        // The file is replaced underneath the connection: close it first.
        drop(std::mem::replace(&mut self.conn, rusqlite::Connection::open_in_memory()?));
        let report = restore_file(&db, from, safety_dir);
        let reopened = db.open()?;
        self.conn = reopened.conn;
        self.encrypted = reopened.encrypted;
        if report.is_ok() {
            self.session = None;
        }
        report
    }

    // ---- Import of old ledgers ----

    /// Reads an old ledger and previews it; with `commit`, stores every new line in one
    /// transaction, or none when a line has an error. Lines already stored are skipped.
    pub fn import_ledger(&mut self, path: &Path, commit: bool, progress: Progress) -> Result<ImportPreview> {
        self.guard(crate::Action::ImportLedger)?;
        let bytes = std::fs::read(path)?;
        let mut prepared = crate::import::prepare(path, &bytes, self.today())?;
        crate::store::import::mark_duplicates(&self.conn, &mut prepared.rows)?;
        if !commit {
            return Ok(prepared.preview(false));
        }
        let errors = prepared.rows.iter().filter(|r| r.status == RowStatus::Error).count();
        if errors > 0 {
            let first = prepared.rows.iter().find(|r| r.status == RowStatus::Error).map(|r| r.errors.join(" ")).unwrap_or_default();
            return Err(Error::validation(
                "file",
                format!("Tệp có {errors} dòng lỗi nên chưa nhập dòng nào. Hãy sửa trong tệp rồi nhập lại. Lỗi đầu tiên: {first}"),
            ));
        }
        let (settings, calendar) = (self.settings()?, self.calendar()?);
        // Names folded once here, not once a line (store_row matches the old book's by folds).
        let fold = crate::domain::text::fold;
        let staff: Vec<(String, String)> = self.staff(None)?.into_iter().map(|s| (s.id, fold(&s.full_name))).collect();
        let units: Vec<(String, String)> = self.units()?.into_iter().map(|u| (u.id, fold(&u.name))).collect();
        let new: Vec<&crate::import::PreparedRow> = prepared.rows.iter().filter(|r| r.status == RowStatus::New).collect();
        let total = new.len() as u64;
        let batch_id = crate::store::new_id();
        self.write(|tx| {
            crate::store::import::begin_batch(tx, &prepared.batch(), &batch_id, new.len())?;
            let target = crate::store::import::Target { settings: &settings, calendar: &calendar, batch_id: &batch_id, receipts: Default::default() };
            let indexing = crate::store::import::suspend_indexing(tx)?;
            for (i, row) in new.iter().enumerate() {
                crate::store::import::store_row(tx, &target, &prepared.file_name, row, &staff, &units)?;
                if (i + 1) % 500 == 0 && !progress(i as u64 + 1, total) {
                    return Err(Error::Cancelled);
                }
            }
            crate::store::import::index_rows(tx, indexing, &target.receipts.into_inner())
        })?;
        progress(total, total);
        Ok(prepared.preview(true))
    }

    // ---- Exports ----

    fn period(from: Option<&str>, to: Option<&str>) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        let from = from.filter(|s| !s.trim().is_empty()).map(|s| parse_date("from", "Từ ngày", s)).transpose()?;
        let to = to.filter(|s| !s.trim().is_empty()).map(|s| parse_date("to", "Đến ngày", s)).transpose()?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(Error::validation("to", "«Đến ngày» phải sau «Từ ngày»."));
            }
        }
        Ok((from, to))
    }

    fn ledger_lines(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<crate::store::export::LedgerLine>> {
        let mut lines = Vec::new();
        crate::store::export::ledger(&self.conn, from, to, |l| {
            lines.push(l);
            Ok(())
        })?;
        Ok(lines)
    }

    /// The ledger received in the period (all of it by default) to .xlsx or .csv.
    pub fn export_ledger(&self, out: &Path, from: Option<&str>, to: Option<&str>, progress: Progress) -> Result<ExportReport> {
        self.guard(crate::Action::ExportRecords)?;
        crate::export::Kind::of(out)?;
        let (from, to) = Self::period(from, to)?;
        let lines = self.ledger_lines(from, to)?;
        let rows = crate::export::ledger(out, &lines, progress)?;
        Ok(ExportReport { path: out.display().to_string(), rows: rows as i32, bytes: std::fs::metadata(out)?.len() })
    }

    /// The cases of the period with their history to .xlsx (two sheets) or .csv (the history).
    pub fn export_cases(&self, out: &Path, from: Option<&str>, to: Option<&str>, progress: Progress) -> Result<ExportReport> {
        self.guard(crate::Action::ExportRecords)?;
        crate::export::Kind::of(out)?;
        let (from, to) = Self::period(from, to)?;
        let lines = self.ledger_lines(from, to)?;
        let mut history = Vec::new();
        crate::store::export::history(&self.conn, from, to, |h| {
            history.push(h);
            Ok(())
        })?;
        let rows = crate::export::cases(out, &lines, &history, progress)?;
        Ok(ExportReport { path: out.display().to_string(), rows: rows as i32, bytes: std::fs::metadata(out)?.len() })
    }

    // ---- Retention and disposal ----

    /// The records whose retention period has run out on `on` (YYYY-MM-DD or dd/mm/yyyy):
    /// closed cases of the feedback book, and returned survey forms.
    pub fn retention_due(&self, on: &str) -> Result<RetentionDue> {
        let on = parse_date("on", "Ngày xét", on)?;
        let settings = self.settings()?;
        let (years, survey_years) = (settings.ledger_retention_years, settings.survey_retention_years);
        Ok(RetentionDue {
            on: on.to_string(),
            record_type: RecordType::Ledger.as_str().into(),
            record_label: LEDGER_RECORDS.into(),
            retention_years: years,
            records: crate::store::retention::due(&self.conn, on, years)?,
            survey_forms: SurveyFormsDue {
                record_type: RecordType::SurveyForms.as_str().into(),
                record_label: SURVEY_RECORDS.into(),
                retention_years: survey_years,
                counted_from: SURVEY_COUNTED_FROM.into(),
                records: crate::store::retention::due_survey_forms(&self.conn, on, survey_years)?,
            },
        })
    }

    /// Disposes of every record due on `on` (cases and survey forms) and writes one disposal
    /// record (biên bản) to `out`, one part per type.
    pub fn dispose(&mut self, on: &str, out: &Path) -> Result<DisposalReport> {
        self.dispose_of(on, out, None)
    }

    /// Disposes of the records due on `on`, of the type `only` or of every type, and writes
    /// the disposal record (biên bản) to `out`. The PDF is made inside the transaction and
    /// renamed into place after the commit: a disposal never happens without its record, and
    /// a failed one erases nothing.
    pub fn dispose_of(&mut self, on: &str, out: &Path, only: Option<RecordType>) -> Result<DisposalReport> {
        self.guard(crate::Action::DisposeRecords)?;
        let due = self.retention_due(on)?;
        if due.is_empty(only) {
            return Err(Error::validation("on", format!("Không có hồ sơ nào hết thời hạn lưu trữ vào ngày {}.", due.on)));
        }
        let office = self.office()?.ok_or_else(|| {
            Error::validation("office", "Chưa nhập thông tin cơ quan: hãy hoàn tất phần thiết lập trước khi lập biên bản.")
        })?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = out.with_file_name(format!(".{}.partial", out.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
        let on_date = NaiveDate::parse_from_str(&due.on, "%Y-%m-%d").expect("normalised date");
        let control = self.form_control(crate::domain::document_control::ControlledForm::DisposalRecord)?;
        let wanted = |t: RecordType| only.is_none_or(|o| o == t);
        let cases: &[DueRecord] = if wanted(RecordType::Ledger) { &due.records } else { &[] };
        let forms: &[DueSurveyForm] = if wanted(RecordType::SurveyForms) { &due.survey_forms.records } else { &[] };
        let result = self.erasing(|l| l.write(|tx| {
            let disposal = crate::store::retention::dispose(tx, on_date, due.retention_years, cases)?;
            let surveys = if forms.is_empty() {
                None
            } else {
                Some(crate::store::retention::dispose_survey_forms(tx, on_date, due.survey_forms.retention_years, forms)?)
            };
            let head = crate::store::audit::verify_chain(tx)?.head.unwrap_or_default();
            let print = disposal_print(&office, &disposal, surveys.as_ref(), on_date, &head, &control);
            let pdf = crate::pdf::forms::disposal_record(&office, &print)?;
            std::fs::write(&tmp, &pdf)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            Ok((disposal, surveys, pdf.len() as u64))
        }));
        match result {
            Ok((disposal, survey_forms, bytes)) => {
                std::fs::rename(&tmp, out)?;
                Ok(DisposalReport { disposal, survey_forms, path: out.display().to_string(), bytes })
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

impl Ledger {
    /// Runs an erasure (a disposal, or a person's data erased at their request) with SQLite's
    /// secure_delete on, so that what it erases is overwritten in the file, not only unlinked
    /// from it; once it has succeeded, the free pages are wiped too.
    pub(crate) fn erasing<T>(&mut self, f: impl FnOnce(&mut Ledger) -> Result<T>) -> Result<T> {
        let was = crate::store::maintenance::set_secure_delete(&self.conn, true)?;
        let result = f(self);
        let _ = crate::store::maintenance::set_secure_delete(&self.conn, was);
        if result.is_ok() {
            self.wipe_free_space();
        }
        result
    }

    /// After a disposal: copies of the erased words may still lie in pages SQLite freed long
    /// before (when a table's pages were rebalanced), which no update reaches. VACUUM rebuilds
    /// the file from what it holds now, and the write-ahead journal is emptied. The disposal
    /// is committed by then: a failure here (another program reading the file) leaves it done,
    /// and the next disposal wipes again.
    fn wipe_free_space(&self) {
        let _ = crate::store::maintenance::vacuum(&self.conn);
        let _ = crate::store::maintenance::checkpoint(&self.conn);
    }
}

fn disposal_print(
    office: &crate::OfficeProfile,
    d: &Disposal,
    surveys: Option<&SurveyDisposal>,
    on: NaiveDate,
    head: &str,
    control: &crate::pdf::blocks::FormControl,
) -> crate::pdf::forms::DisposalPrint {
    use crate::pdf::forms::{DisposalSection, DisposedRow};
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(on);
    let mut sections = Vec::new();
    if !d.records.is_empty() {
        let mut counts: Vec<String> = Vec::new();
        for k in Kind::ALL {
            let n = d.records.iter().filter(|r| r.kind == *k).count();
            if n > 0 {
                counts.push(format!("{}: {n}", k.label()));
            }
        }
        let notes = if d.removed_reports.is_empty() {
            Vec::new()
        } else {
            let list: Vec<String> = d
                .removed_reports
                .iter()
                .map(|r| {
                    format!(
                        "Báo cáo tổng hợp khiếu nại, phàn nàn, kháng nghị từ ngày {} đến ngày {} (lập ngày {}, mã SHA-256 {})",
                        crate::pdf::blocks::short_date(date(&r.period_from)),
                        crate::pdf::blocks::short_date(date(&r.period_to)),
                        crate::pdf::blocks::short_date(date(&crate::store::retention::local_day(&r.generated_at))),
                        r.sha256
                    )
                })
                .collect();
            vec![format!(
                "Bản lưu trong phần mềm của các báo cáo có ghi họ tên khách hàng và nội dung của các hồ sơ trên cũng được xoá: {}. \
                 Bản giấy đã ký của các báo cáo này được xử lý theo quy định của cơ quan.",
                list.join("; ")
            )]
        };
        sections.push(DisposalSection {
            record_type: format!("{} ({})", LEDGER_RECORDS, office.ledger_form_code),
            retention_years: d.retention_years,
            counted_from: LEDGER_COUNTED_FROM.into(),
            rows: d
                .records
                .iter()
                .map(|r| DisposedRow::Case {
                    receipt_no: r.receipt_no.clone(),
                    received_on: date(&r.received_on),
                    closed_on: date(&r.closed_on),
                    kind: r.kind.label().into(),
                    subject: r.subject.label().into(),
                    unit: r.unit_name.clone().unwrap_or_default(),
                })
                .collect(),
            unit: "hồ sơ".into(),
            counts,
            method: "xoá thông tin cá nhân của khách hàng (họ tên, tổ chức, địa chỉ, điện thoại, thư điện tử), nội dung ý kiến, \
                     kết quả giải quyết, ghi chú và nội dung công văn trả lời trong cơ sở dữ liệu, kể cả trong nhật ký thay đổi. \
                     Số phiếu, ngày tháng, loại ý kiến, nội dung liên quan, kênh tiếp nhận, đơn vị xử lý và trạng thái được giữ \
                     lại để số liệu của các báo cáo đã lập không thay đổi. Hồ sơ giấy tương ứng (nếu có) được huỷ theo quy định \
                     của cơ quan."
                .into(),
            notes,
        });
    }
    if let Some(s) = surveys.filter(|s| !s.records.is_empty()) {
        // The forms come by round, then serial.
        let mut rounds: Vec<(&str, usize)> = Vec::new();
        for f in &s.records {
            match rounds.last_mut() {
                Some((code, n)) if *code == f.round_code => *n += 1,
                _ => rounds.push((&f.round_code, 1)),
            }
        }
        let counts = rounds.iter().map(|(code, n)| format!("đợt {code}: {n} phiếu")).collect();
        let withdrawn = match s.withdrawn_entries {
            0 => String::new(),
            n => format!(", gồm cả nội dung của {n} lần nhập phiếu đã rút lại"),
        };
        sections.push(DisposalSection {
            record_type: format!("{} ({})", SURVEY_RECORDS, office.survey_form_code),
            retention_years: s.retention_years,
            counted_from: SURVEY_COUNTED_FROM.into(),
            rows: s
                .records
                .iter()
                .map(|f| DisposedRow::SurveyForm {
                    round_code: f.round_code.clone(),
                    round_name: f.round_name.clone(),
                    serial: crate::domain::survey_round::serial_text(f.serial),
                    filled_on: date(&f.filled_on),
                    period_from: date(&f.period_from),
                    period_to: date(&f.period_to),
                })
                .collect(),
            unit: "phiếu khảo sát".into(),
            counts,
            method: format!(
                "xoá mọi nội dung viết tay đã nhập từ phiếu ({} mục: ý kiến khác, ý kiến đóng góp, họ tên và thông tin liên hệ \
                 của người trả lời, nội dung giao dịch ghi thêm) trong cơ sở dữ liệu và trong nhật ký thay đổi{withdrawn}. \
                 Số phiếu, ngày ghi trên phiếu, các mức đánh giá đã chọn và nhóm đã phân cho từng ý kiến được giữ lại để số liệu \
                 của các báo cáo đã lập không thay đổi. Phiếu giấy tương ứng được huỷ theo quy định của cơ quan.",
                s.erased_texts
            ),
            notes: Vec::new(),
        });
    }
    crate::pdf::forms::DisposalPrint { on, sections, audit_head: head.to_owned(), control: control.clone() }
}

/// The static restore works on a file nobody has open, so it cannot know who asks: it
/// restores only a database without accounts, or one too damaged to be used (the recovery
/// offered at start-up). Otherwise an administrator restores through
/// [`Ledger::restore_backup`].
pub(super) fn restore_allowed(db: &Database) -> Result<()> {
    let readable = || -> Option<bool> {
        let conn = cipher::open_read_only(db.path(), db.key()).ok()?;
        if !crate::store::integrity::quick_problems(&conn).ok()?.is_empty() {
            return None;
        }
        crate::store::account::any(&conn).ok()
    };
    if readable() == Some(true) {
        return Err(Error::Forbidden(
            "Dữ liệu này có tài khoản: chỉ cán bộ quản trị hệ thống đã đăng nhập mới được phục hồi từ bản sao lưu \
             (trên dòng lệnh: ykien restore TỆP --as TÊN_ĐĂNG_NHẬP)."
                .into(),
        ));
    }
    Ok(())
}

/// Replaces the file of `db` (closed by every connection of ours) with the backup `from`,
/// once allowed: the backup is checked with the passphrase, the current file is first copied
/// into `safety_dir` (by default the backup folder it names, else the database's own folder),
/// encrypted when it is. Encryption is the office's choice, so restoring a plaintext backup
/// (made before encryption was turned on) over an encrypted database encrypts the restored
/// file with the same passphrase.
fn restore_file(db: &Database, from: &Path, safety_dir: Option<&Path>) -> Result<RestoreReport> {
    let (path, key) = (db.path(), db.key());
    let was_encrypted = cipher::file_kind(path)? == FileKind::Encrypted;
    let dir = match safety_dir {
        Some(d) => d.to_owned(),
        None => backup::folder_named_in(path, key),
    };
    let report = backup::restore_file(path, from, &dir, chrono::Local::now().naive_local(), key)?;
    // Brings an older backup up to date (and seals its audit chain) at once.
    let mut restored = db.open()?;
    if let (true, false, Some(k)) = (was_encrypted, restored.is_encrypted(), key) {
        restored.encrypt_restored(k.clone())?;
    }
    Ok(report)
}

impl Database {
    /// Replaces this file with the backup `from` after checking it (see [`restore_file`]).
    /// Nothing may have the file open; a database with accounts that opens is restored by
    /// its administrator through [`Ledger::restore_backup`] instead.
    pub fn restore(&self, from: &Path, safety_dir: Option<&Path>) -> Result<RestoreReport> {
        restore_allowed(self)?;
        restore_file(self, from, safety_dir)
    }

    /// The newest backup that passes its check, in the folders this (possibly damaged)
    /// database names (its backup folder, then its second place): what the app offers when
    /// the start-up check fails. Encrypted backups (and the encrypted database's settings)
    /// are read with the passphrase.
    pub fn recovery_backup(&self) -> Option<BackupFile> {
        backup::folders_named_in(self.path(), self.key()).iter().find_map(|dir| backup::newest_good(dir, self.key()).ok().flatten())
    }
}
