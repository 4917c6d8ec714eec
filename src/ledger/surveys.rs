//! Paper surveys on the [`Ledger`]: templates, rounds, printing, entry and import (R3).
//! Every write is one transaction with its audit entries; an import is all rows or none.

use crate::domain::dates::dmy;
use crate::domain::feedback::parse_date;
use crate::domain::document_control::ControlledForm;
use crate::domain::office::OfficeProfile;
use crate::domain::survey::{fill, SurveyTemplate};
use crate::domain::survey_entry::{check_answers, slots, EntrySlot};
use crate::domain::survey_import::{forms_from_table, is_csv, read_csv, read_sheet, ImportProblem, ImportReport, Serials};
use crate::domain::survey_round::{
    parse_serial, serial_text, EntrySheet, ResponseInput, RoundInput, SerialCheck, SerialRef, SurveyLayout, SurveyResponse,
    SurveyRound, TemplateInfo,
};
use crate::error::{Error, Result};
use crate::pdf::blocks::FormControl;
use crate::pdf::forms::{survey_round_forms, RoundPrint};
use crate::store::survey as db;
use crate::surveys::MAX_PRINT;
use crate::Ledger;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

impl Ledger {
    /// Stores the built-in templates the first time they are needed, so that rounds refer to
    /// stored, versioned data like an office's own templates.
    fn ensure_builtin_templates(&mut self) -> Result<()> {
        let missing: Vec<SurveyTemplate> = SurveyTemplate::built_in()
            .into_iter()
            .filter(|t| db::template_id(&self.conn, &t.key(), None).map(|id| id.is_none()).unwrap_or(true))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            for t in &missing {
                db::save_template(tx, t, true)?;
            }
            Ok(())
        })
    }

    /// Every stored template version (the built-in ones stored on first use).
    pub fn survey_templates(&mut self) -> Result<Vec<TemplateInfo>> {
        self.ensure_builtin_templates()?;
        db::templates(&self.conn)
    }

    /// A stored version's template.
    pub fn survey_template(&self, template_id: &str) -> Result<SurveyTemplate> {
        db::template(&self.conn, template_id)
    }

    /// The template `key` (newest version, or `version`) as the JSON of docs/surveys.md.
    pub fn export_survey_template(&mut self, key: &str, version: Option<i32>) -> Result<String> {
        self.ensure_builtin_templates()?;
        let id = self.template_id_of(key, version)?;
        Ok(self.survey_template(&id)?.to_json())
    }

    fn template_id_of(&self, key: &str, version: Option<i32>) -> Result<String> {
        let key = crate::domain::survey::key_of(key);
        db::template_id(&self.conn, &key, version)?.ok_or_else(|| {
            let known: Vec<String> = db::templates(&self.conn).unwrap_or_default().into_iter().filter(|t| t.latest).map(|t| t.key).collect();
            Error::validation("template", format!("Không có mẫu phiếu «{key}». Các mẫu hiện có: {}.", known.join(", ")))
        })
    }

    /// Saves an office's template (new, edited, or a new version when the current one is
    /// already printed or answered); returns the version it was stored as.
    pub fn save_survey_template(&mut self, template: &SurveyTemplate) -> Result<TemplateInfo> {
        self.guard(crate::Action::EditSurveyTemplates)?;
        let t = template.validated()?;
        self.ensure_builtin_templates()?;
        let builtin = SurveyTemplate::built_in().iter().any(|b| b.key() == t.key());
        let id = self.write(|tx| db::save_template(tx, &t, builtin))?;
        db::template_info_by_id(&self.conn, &id)
    }

    /// Reads a template from its JSON text and saves it.
    pub fn import_survey_template(&mut self, json: &str) -> Result<TemplateInfo> {
        let t = SurveyTemplate::from_json(json)?;
        self.save_survey_template(&t)
    }

    // ---- Rounds ----

    pub fn create_survey_round(&mut self, input: &RoundInput) -> Result<SurveyRound> {
        self.guard(crate::Action::ManageSurveyRounds)?;
        let (name, from, to) = input.validated()?;
        self.ensure_builtin_templates()?;
        let template_id = self.template_id_of(&input.template_key, None)?;
        self.write(|tx| db::create_round(tx, &name, from, to, &template_id))
    }

    pub fn survey_rounds(&self) -> Result<Vec<SurveyRound>> {
        db::rounds(&self.conn)
    }

    /// A round by its id or its code ("2026-01").
    pub fn survey_round(&self, id_or_code: &str) -> Result<SurveyRound> {
        db::round(&self.conn, id_or_code)
    }

    /// Prints `count` more forms of the round: reserves their serials, records where the
    /// answer boxes lie, and returns the PDF. Nothing is recorded when the PDF fails.
    pub fn print_survey_round(&mut self, round: &str, count: i32) -> Result<Vec<u8>> {
        self.guard(crate::Action::PrintSurveyForms)?;
        if !(1..=MAX_PRINT).contains(&count) {
            return Err(Error::validation("count", format!("Số phiếu cần in phải từ 1 đến {MAX_PRINT} (đã nhập {count}).")));
        }
        let office = self.office()?.ok_or_else(|| {
            Error::validation("office", "Chưa nhập thông tin cơ quan nên chưa in được phiếu. Hãy hoàn tất phần Thông tin cơ quan trước.")
        })?;
        let round = self.survey_round(round)?;
        refuse_printing(&round)?;
        let template = self.survey_template(&round.template_id)?;
        let year = NaiveDate::parse_from_str(&round.period_from, "%Y-%m-%d").ok().map(|d| d.year());
        let notice = Some(self.privacy_notice_printed()?);
        // The first print fixes the forms' corner and the boxes' places for the whole round;
        // later prints repeat them (see migration 0017).
        let (fixed_control, fixed_layout) = db::round_print(&self.conn, &round.id)?;
        let first_print = round.printed == 0;
        let control = match fixed_control {
            Some(c) => Some(c),
            None if first_print && is_office_survey_form(&template, &office) => {
                Some(self.document_control_as_printed()?.of(ControlledForm::SurveyForm))
            }
            None => None,
        };
        // The layout the round's forms already have: its own, or for a round printed before
        // layouts were kept with rounds, its template's for this office.
        let fixed = fixed_layout.is_some();
        let printed_before = match fixed_layout {
            Some(l) => Some(l),
            None if !first_print => db::layout(&self.conn, &round.template_id, &office.name)?,
            None => None,
        };
        self.write(|tx| {
            let first = db::record_printing(tx, &round.id, count)?;
            let print = RoundPrint {
                round_code: round.code.clone(),
                template_key: round.template_key.clone(),
                year,
                first_serial: first,
                count,
                notice,
                control: control.as_ref().map(FormControl::from),
            };
            let (pdf, layout) = survey_round_forms(&office, &template, &print)?;
            if printed_before.as_ref().is_some_and(|before| *before != layout) {
                return Err(Error::validation(
                    "round",
                    format!(
                        "Phiếu in thêm của đợt {} sẽ có ô trả lời ở chỗ khác phiếu đã in (tên cơ quan đã đổi từ lần in trước), nên máy không đọc được cả hai loại. Hãy mở một đợt khảo sát mới để in phiếu.",
                        round.code
                    ),
                ));
            }
            if !fixed {
                db::fix_round_print(tx, &round.id, control.as_ref(), &layout)?;
            }
            Ok(pdf)
        })
    }

    /// Records `count` more forms numbered outside the app (printed elsewhere and numbered
    /// with a stamp): their serials join the round's range, no PDF is made.
    pub fn record_survey_forms_numbered(&mut self, round: &str, count: i32) -> Result<i32> {
        self.guard(crate::Action::PrintSurveyForms)?;
        if count < 1 {
            return Err(Error::validation("count", "Số phiếu phải từ 1 trở lên."));
        }
        let round = self.survey_round(round)?;
        refuse_printing(&round)?;
        self.write(|tx| db::record_printing(tx, &round.id, count))
    }

    /// Where the answer boxes of the round's printed forms lie, once it has been printed.
    pub fn survey_layout(&self, round: &str) -> Result<Option<SurveyLayout>> {
        let round = self.survey_round(round)?;
        if let (_, Some(layout)) = db::round_print(&self.conn, &round.id)? {
            return Ok(Some(layout));
        }
        // A round printed before its layout was kept with it.
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        db::layout(&self.conn, &round.template_id, &office)
    }

    // ---- Entry ----

    /// The round, its template and the answers to key, for the entry screen.
    pub fn survey_entry_sheet(&self, round: &str) -> Result<EntrySheet> {
        let round = self.survey_round(round)?;
        let template = self.survey_template(&round.template_id)?;
        // What the clerk reads is what the paper says: the office's name in place.
        let office = self.office()?.map(|o| o.name).unwrap_or_default();
        let slots = slots(&template)
            .into_iter()
            .map(|s| EntrySlot { question: fill(&s.question, &office), label: fill(&s.label, &office), ..s })
            .collect();
        Ok(EntrySheet { round, template, slots })
    }

    /// Judges a serial as typed or scanned, before the answers are keyed.
    pub fn check_survey_serial(&self, round: &str, typed: &str) -> Result<SerialCheck> {
        let round = db::round_uncounted(&self.conn, round)?;
        Ok(self.judge_serial(&round, typed))
    }

    pub(super) fn judge_serial(&self, round: &SurveyRound, typed: &str) -> SerialCheck {
        if round.typed_elsewhere {
            // Its forms carry the office's own numbers, which only an import keeps.
            return SerialCheck::OutOfRound {
                message: format!("Đợt {} là phiếu nhập từ nơi khác: hãy nhập các phiếu của đợt từ tệp («Nhập từ tệp»).", round.code),
            };
        }
        let serial = match parse_serial(typed) {
            Ok(SerialRef::Number(n)) => n,
            Ok(SerialRef::Scanned(qr)) => {
                if qr.round_code != round.code {
                    return SerialCheck::OutOfRound {
                        message: format!(
                            "Phiếu số {} thuộc đợt {}, không phải đợt đang nhập ({}).",
                            serial_text(qr.serial),
                            qr.round_code,
                            round.code
                        ),
                    };
                }
                if qr.template_key != round.template_key || qr.template_version != round.template_version {
                    return SerialCheck::OutOfRound {
                        message: format!("Mã QR ghi mẫu phiếu {} lần {}, khác mẫu của đợt này.", qr.template_key, qr.template_version),
                    };
                }
                qr.serial
            }
            Err(e) => return SerialCheck::Invalid { message: e.to_string() },
        };
        if serial > round.printed {
            let range = if round.printed == 0 { "đợt này chưa in phiếu nào".to_owned() } else { format!("đợt này chỉ in từ số {}", round.serial_range) };
            return SerialCheck::OutOfRound { message: format!("Số phiếu {} nằm ngoài đợt khảo sát: {range}.", serial_text(serial)) };
        }
        match db::entered_serial(&self.conn, &round.id, serial) {
            Ok(Some(on)) => SerialCheck::Duplicate {
                serial,
                message: format!("Phiếu số {} đã được nhập rồi (ngày điền {}).", serial_text(serial), dmy(&on)),
            },
            Ok(None) => SerialCheck::Free { serial },
            Err(e) => SerialCheck::Invalid { message: e.to_string() },
        }
    }

    /// Saves one returned form: its serial must be printed for the round and not entered yet,
    /// and every box answer must be given (a level, blank or spoiled).
    pub fn save_survey_response(&mut self, input: &ResponseInput) -> Result<SurveyResponse> {
        self.save_response_from(input, "keyboard")
    }

    pub(crate) fn save_response_from(&mut self, input: &ResponseInput, source: &str) -> Result<SurveyResponse> {
        self.guard(crate::Action::EnterSurveyResponses)?;
        let round = db::round_uncounted(&self.conn, &input.round_id)?;
        let serial = match self.judge_serial(&round, &input.serial) {
            SerialCheck::Free { serial } => serial,
            SerialCheck::Duplicate { message, .. } => return Err(Error::Conflict(message)),
            SerialCheck::OutOfRound { message } | SerialCheck::Invalid { message } => return Err(Error::validation("serial", message)),
        };
        let filled_on = self.filled_on(&input.filled_on)?;
        let template = self.survey_template(&round.template_id)?;
        let answers = check_answers(&slots(&template), &input.answers)?;
        let id = self.write(|tx| db::insert_response(tx, &round.id, serial, filled_on, source, input.keystrokes, &answers))?;
        db::response(&self.conn, &id)
    }

    pub(super) fn filled_on(&self, text: &str) -> Result<NaiveDate> {
        if text.trim().is_empty() {
            return Ok(self.today());
        }
        let d = parse_date("filled_on", "Ngày điền phiếu", text)?;
        if d > self.today() {
            return Err(Error::validation("filled_on", format!("Ngày điền phiếu {} chưa tới (hôm nay là {}).", d.format("%d/%m/%Y"), self.today().format("%d/%m/%Y"))));
        }
        Ok(d)
    }

    /// Withdraws the form entered last in the round; `None` when none is left.
    pub fn undo_last_survey_response(&mut self, round: &str) -> Result<Option<SurveyResponse>> {
        self.guard(crate::Action::EnterSurveyResponses)?;
        let round = self.survey_round(round)?;
        self.write(|tx| {
            let Some((id, disposed)) = db::last_entered(tx, &round.id)? else { return Ok(None) };
            if disposed {
                // Its words are erased and past reports count it: it stays as it is.
                return Err(Error::validation("round", "Các phiếu của đợt này đã được tiêu huỷ khi hết thời hạn lưu trữ nên không rút lại được."));
            }
            db::withdraw(tx, &id).map(Some)
        })
    }

    /// The round's forms by serial, answers in the order of the form.
    /// The returned forms of a round written to .xlsx or .csv (one line per form); in .xlsx
    /// with the kiosks' ratings of the round's period on a sheet of their own.
    pub fn export_survey_responses(&self, round: &str, out: &Path) -> Result<crate::ExportReport> {
        self.guard(crate::Action::ExportRecords)?;
        let r = self.survey_round(round)?;
        let template = db::template(&self.conn, &r.template_id)?;
        let forms = self.survey_responses(&r.id)?;
        let ratings = crate::store::kiosk::rating_lines(&self.conn, &r.period_from, &r.period_to)?;
        let mut codes: Vec<String> = Vec::new();
        for slot in crate::domain::kiosk::templates().iter().flat_map(slots) {
            if !slot.is_text() && !codes.contains(&slot.code) {
                codes.push(slot.code);
            }
        }
        let rows = crate::export::survey_responses(out, &slots(&template), &forms, &ratings, &codes, &|_, _| true)?;
        Ok(crate::ExportReport { path: out.display().to_string(), rows: rows as i32, bytes: std::fs::metadata(out)?.len() })
    }

    pub fn survey_responses(&self, round: &str) -> Result<Vec<SurveyResponse>> {
        self.guard_read()?;
        let sheet = self.survey_entry_sheet(round)?;
        let order: Vec<String> = sheet.slots.iter().map(|s: &EntrySlot| s.code.clone()).collect();
        db::responses(&self.conn, &sheet.round.id, &order)
    }

    // ---- Import ----

    /// Imports returned forms typed in a CSV or spreadsheet file: every row checked, and all
    /// saved in one transaction only when no row has a problem (and not on a dry run).
    pub fn import_survey_responses(&mut self, round: &str, file: &Path, dry_run: bool) -> Result<ImportReport> {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let ext_ok = matches!(
            file.extension().and_then(|e| e.to_str()).map(str::to_lowercase).as_deref(),
            Some("csv" | "txt" | "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
        );
        // The kind of file is judged before reading it, so a wrong file says so, not "not found".
        let bytes = if ext_ok { std::fs::read(file)? } else { Vec::new() };
        self.import_survey_file(round, &name, &bytes, dry_run)
    }

    /// The same, from a file's name and content (the app reads the file the user chose).
    pub fn import_survey_file(&mut self, round: &str, name: &str, bytes: &[u8], dry_run: bool) -> Result<ImportReport> {
        self.guard(crate::Action::EnterSurveyResponses)?;
        let sheet = self.survey_entry_sheet(round)?;
        // A CSV file's code page is decided as for old ledgers; then each cell typed in TCVN3
        // or VNI is converted.
        let (mut table, code_page) = if is_csv(name)? {
            let (text, page) = crate::import::read::decode_text(bytes);
            (read_csv(&text)?, Some(page))
        } else {
            (read_sheet(name, bytes)?, None)
        };
        let converted = crate::import::convert_legacy_text(&mut table.rows, "");
        let serials = if sheet.round.typed_elsewhere { Serials::AsWritten } else { Serials::Printed };
        let (forms, mut problems) = forms_from_table(&table, &sheet.template, &sheet.slots, serials);
        let rows = (table.rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).count() as i32 - 1).max(0);
        let mut seen = std::collections::HashMap::new();
        let mut seen_written: std::collections::HashMap<&str, i32> = std::collections::HashMap::new();
        for f in &forms {
            if let Some(written) = &f.serial_written {
                if let Some(first) = seen_written.insert(written, f.row) {
                    problems.push(ImportProblem { row: f.row, message: format!("Dòng {}: số phiếu «{written}» trùng với dòng {first}.", f.row) });
                    continue;
                }
                if let Some(on) = db::entered_written(&self.conn, &sheet.round.id, written)? {
                    let message = format!("Dòng {}: phiếu số «{written}» đã được nhập rồi (ngày điền {}).", f.row, dmy(&on));
                    problems.push(ImportProblem { row: f.row, message });
                }
            } else {
                if let Some(first) = seen.insert(f.serial, f.row) {
                    problems.push(ImportProblem { row: f.row, message: format!("Dòng {}: số phiếu {} trùng với dòng {first}.", f.row, serial_text(f.serial)) });
                    continue;
                }
                match self.judge_serial(&sheet.round, &f.serial.to_string()) {
                    SerialCheck::Free { .. } => {}
                    SerialCheck::Duplicate { message, .. } | SerialCheck::OutOfRound { message } | SerialCheck::Invalid { message } => {
                        problems.push(ImportProblem { row: f.row, message: format!("Dòng {}: {message}", f.row) })
                    }
                }
            }
            if f.filled_on > self.today() {
                problems.push(ImportProblem { row: f.row, message: format!("Dòng {}: ngày điền phiếu {} chưa tới.", f.row, f.filled_on.format("%d/%m/%Y")) });
            }
        }
        problems.sort_by_key(|p| p.row);
        let mut report = ImportReport {
            round_id: sheet.round.id.clone(),
            rows,
            imported: 0,
            dry_run,
            problems,
            code_page,
            converted_cells: converted.count as i32,
            conversions: converted.cells,
        };
        if !report.problems.is_empty() || dry_run {
            return Ok(report);
        }
        let round_id = sheet.round.id.clone();
        self.write(|tx| {
            for f in &forms {
                match &f.serial_written {
                    Some(written) => db::insert_written_response(tx, &round_id, written, f.filled_on, &f.answers)?,
                    None => db::insert_response(tx, &round_id, f.serial, f.filled_on, "import", None, &f.answers)?,
                };
            }
            Ok(())
        })?;
        report.imported = forms.len() as i32;
        Ok(report)
    }

    /// Marks a round as typed elsewhere («nhập từ nơi khác»): its forms were typed into a
    /// spreadsheet before the app was used, numbered by the office, and are imported with
    /// their numbers as written. Only a round with no form printed or entered may change.
    pub fn set_survey_round_typed_elsewhere(&mut self, round: &str, on: bool) -> Result<SurveyRound> {
        self.guard(crate::Action::ManageSurveyRounds)?;
        let round = self.survey_round(round)?;
        if round.typed_elsewhere == on {
            return Ok(round);
        }
        if round.printed > 0 || round.entered > 0 {
            return Err(Error::validation(
                "round",
                format!(
                    "Đợt {} đã in hoặc đã nhập phiếu nên không đổi được cách đánh số phiếu. Hãy tạo đợt khảo sát mới cho các phiếu nhập từ nơi khác.",
                    round.code
                ),
            ));
        }
        self.write(|tx| db::set_typed_elsewhere(tx, &round.id, on))
    }
}

/// A round typed elsewhere numbers its forms as the office wrote them: printed serials would
/// mix two numberings in one round.
fn refuse_printing(round: &SurveyRound) -> Result<()> {
    if round.typed_elsewhere {
        return Err(Error::validation(
            "round",
            format!("Đợt {} là phiếu nhập từ nơi khác (số phiếu do cơ quan tự đánh) nên không in hay đánh số phiếu trong đợt này.", round.code),
        ));
    }
    Ok(())
}

/// Whether `template` is the office's survey form of the procedure (BM.QT.SCT.05-02, or the
/// code the office gave it), printed under the office's document control; a template the
/// office designed itself carries its own code and issue.
fn is_office_survey_form(template: &SurveyTemplate, office: &OfficeProfile) -> bool {
    let code = template.code.trim();
    code == ControlledForm::SurveyForm.default_code() || code == office.survey_form_code.trim()
}
