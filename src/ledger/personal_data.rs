//! Personal data on the [`Ledger`] (Luật Bảo vệ dữ liệu cá nhân, Law 91/2025/QH15): the
//! privacy notice printed on the forms, contact details shown only on request (each showing
//! logged), and a person's rights: to get everything held about them, and to have it erased.
//!
//! Every reading of contact details, every export and every erasure leaves an audit entry
//! naming the account, the records and the time, never the personal data itself: the log must
//! not become a second copy of what the person asked to erase.

use super::Ledger;
use crate::domain::dates::parse_date;
use crate::domain::privacy::{self, Contact, ErasureReport, ErasureRequest, PersonMatch, PersonQuery, PersonSelection};
use crate::domain::text::{clean_line, clean_text};
use crate::error::{Error, Result};
use crate::export::{PersonExport, PersonForm};
use crate::{Action, Case, ExportReport};
use std::path::Path;

impl Ledger {
    // ---- The privacy notice ----

    /// The office's privacy notice as written in the settings; the default (with its
    /// `{co_quan}` placeholder) until the office writes its own.
    pub fn privacy_notice(&self) -> Result<String> {
        let text = crate::store::settings::privacy_notice(&self.conn)?;
        Ok(if text.is_empty() { privacy::DEFAULT_NOTICE.to_owned() } else { text })
    }

    /// The notice as printed: the office's name in place of `{co_quan}`.
    pub fn privacy_notice_printed(&self) -> Result<String> {
        let name = self.office()?.map(|o| o.name).unwrap_or_default();
        Ok(privacy::notice_for(&self.privacy_notice()?, &name))
    }

    /// Saves the office's own notice; an empty text, or the default itself, goes back to the
    /// default (which later versions may word better).
    pub fn save_privacy_notice(&mut self, text: &str) -> Result<String> {
        self.guard(Action::EditSettings)?;
        let text = clean_text(text);
        if text.chars().count() > privacy::MAX_NOTICE_CHARS {
            return Err(Error::validation(
                "privacy_notice",
                format!(
                    "Thông báo xử lý dữ liệu cá nhân dài quá {} ký tự: phiếu in chỉ có một dòng chữ nhỏ ở cuối trang cho thông báo.",
                    privacy::MAX_NOTICE_CHARS
                ),
            ));
        }
        let stored = if text == privacy::DEFAULT_NOTICE { String::new() } else { text };
        self.write(|tx| crate::store::settings::save_privacy_notice(tx, &stored))?;
        self.privacy_notice()
    }

    // ---- Contact details ----

    /// A case's contact details (address, telephone, e-mail), which [`Ledger::case`] masks.
    /// Each call is recorded in the audit log: who, which case, when; not the details.
    pub fn case_contact(&mut self, case_id: &str) -> Result<Contact> {
        Ok(self.case_with_contact(case_id)?.contact())
    }

    /// [`Ledger::case`] with the contact details shown, the showing logged (the command
    /// line's `feedback show`, whose output has always carried them).
    pub fn case_with_contact(&mut self, case_id: &str) -> Result<Case> {
        self.guard(Action::ViewContact)?;
        let c = crate::store::feedback::case(&self.conn, case_id, self.today())?;
        let fields: Vec<&str> = [
            (!c.customer_address.is_empty()).then_some("địa chỉ"),
            (!c.customer_phone.is_empty()).then_some("điện thoại"),
            (!c.customer_email.is_empty()).then_some("thư điện tử"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !fields.is_empty() {
            self.write(|tx| {
                tx.audit::<(), _>("contact_view", case_id, None, Some(&serde_json::json!({ "receipt_no": c.receipt_no, "fields": fields })))
            })?;
        }
        Ok(c)
    }

    // ---- A person's records ----

    /// May find a person's records: whoever may export or erase them.
    fn guard_person(&self) -> Result<()> {
        self.guard(Action::ExportPersonalData).or_else(|e| self.guard(Action::ErasePersonalData).map_err(|_| e))
    }

    /// The records that may be the person's, for the user to pick from (contact details
    /// masked). At least one of name, telephone or e-mail is needed.
    pub fn find_person(&self, q: &PersonQuery) -> Result<Vec<PersonMatch>> {
        self.guard_person()?;
        let q = PersonQuery { name: clean_line(&q.name), phone: clean_line(&q.phone), email: clean_line(&q.email) };
        if q.name.is_empty() && q.phone.is_empty() && q.email.is_empty() {
            return Err(Error::validation("name", "Hãy nhập họ tên, số điện thoại hoặc thư điện tử của người cần tìm."));
        }
        if !q.name.is_empty() && privacy::name_key(&q.name).chars().count() < 3 {
            return Err(Error::validation("name", "Họ tên cần tìm phải có ít nhất 3 ký tự."));
        }
        if !q.phone.is_empty() && privacy::phone_key(&q.phone).len() < 6 {
            return Err(Error::validation("phone", "Số điện thoại cần tìm phải có ít nhất 6 chữ số."));
        }
        if !q.email.is_empty() && !q.email.contains('@') {
            return Err(Error::validation("email", "Thư điện tử cần tìm phải có dấu @."));
        }
        crate::store::person::find(&self.conn, &q)
    }

    /// The records named by their references, as the command line takes them: receipt
    /// numbers ("2026/000123") for cases, round/serial ("2026-01/00007") for survey forms.
    pub fn person_selection(&self, references: &[String]) -> Result<PersonSelection> {
        self.guard_person()?;
        let mut sel = PersonSelection::default();
        for r in references {
            let r = r.trim();
            if let Ok(receipt) = r.parse::<crate::ReceiptNo>() {
                sel.case_ids.push(crate::store::feedback::id_of(&self.conn, &receipt)?);
                continue;
            }
            let form = r.rsplit_once('/').and_then(|(round, serial)| Some((round, serial.trim().parse::<i32>().ok()?)));
            match form {
                Some((round, serial)) => sel.survey_form_ids.push(crate::store::person::form_id(&self.conn, round.trim(), serial)?),
                None => {
                    return Err(Error::validation(
                        "references",
                        format!("«{r}» không phải số phiếu tiếp nhận (ví dụ 2026/000123) hay số phiếu khảo sát (ví dụ 2026-01/00007)."),
                    ))
                }
            }
        }
        Ok(sel)
    }

    /// Writes everything held about the picked records to one .xlsx file (a sheet per kind
    /// of record) and records the export in the audit log (which records, by whom; not the
    /// data). The file is written before the entry and put in place after it is committed:
    /// there is no export without its entry, and no entry without the file.
    pub fn export_person(&mut self, selection: &PersonSelection, out: &Path) -> Result<ExportReport> {
        self.guard(Action::ExportPersonalData)?;
        if selection.is_empty() {
            return Err(Error::validation("selection", "Hãy chọn ít nhất một hồ sơ hoặc phiếu khảo sát của người này."));
        }
        if crate::export::Kind::of(out)? != crate::export::Kind::Xlsx {
            return Err(Error::validation("out", "Dữ liệu cá nhân chỉ xuất ra tệp Excel (.xlsx)."));
        }
        let today = self.today();
        let cases = selection
            .case_ids
            .iter()
            .map(|id| crate::store::feedback::case(&self.conn, id, today))
            .collect::<Result<Vec<Case>>>()?;
        let forms = selection.survey_form_ids.iter().map(|id| self.person_form(id)).collect::<Result<Vec<_>>>()?;
        let exported_by = self.writer()?;
        let export = PersonExport {
            office: self.office()?.map(|o| o.name).unwrap_or_default(),
            exported_at: self.now().format("%d/%m/%Y %H:%M").to_string(),
            exported_by: exported_by.clone(),
            notice: self.privacy_notice_printed()?,
            cases: &cases,
            forms: &forms,
        };
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let pending = out.with_file_name(format!(".{}.pending.xlsx", out.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
        let receipts: Vec<&str> = cases.iter().map(|c| c.receipt_no.as_str()).collect();
        let serials: Vec<&str> = forms.iter().map(|f| f.reference.as_str()).collect();
        let result = self.write(|tx| {
            let rows = crate::export::person(&pending, &export)?;
            tx.audit::<(), _>(
                "personal_data_export",
                &crate::store::new_id(),
                None,
                Some(&serde_json::json!({ "records": receipts, "survey_forms": serials })),
            )?;
            Ok(rows)
        });
        match result {
            Ok(rows) => {
                std::fs::rename(&pending, out)?;
                Ok(ExportReport { path: out.display().to_string(), rows: rows as i32, bytes: std::fs::metadata(out)?.len() })
            }
            Err(e) => {
                let _ = std::fs::remove_file(&pending);
                Err(e)
            }
        }
    }

    fn person_form(&self, id: &str) -> Result<PersonForm> {
        let form = crate::store::survey::response(&self.conn, id)?;
        let round = crate::store::survey::round(&self.conn, &form.round_id)?;
        let template = crate::store::survey::template(&self.conn, &round.template_id)?;
        Ok(PersonForm {
            reference: crate::domain::survey_round::form_reference(&round.code, form.serial),
            round_name: round.name,
            form,
            slots: crate::domain::survey_entry::slots(&template),
        })
    }

    /// Erases the person's data from the picked records at their request: name, organisation,
    /// address, telephone, e-mail, the content and every free text of the case (notes of the
    /// handling, reply letters) or form (written answers), in the records, the search index
    /// and the audit log (digests kept: the chain still verifies), and the archived
    /// compilations of complaints that print them; then the file is rewritten (secure_delete,
    /// VACUUM) so that no copy stays in its free pages. Dates, channel, kind, subject, unit,
    /// status, customer group, survey levels and opinion groups stay: the figures of past
    /// reports do not change. The line of the book reads «[đã xoá theo yêu cầu]».
    /// All or nothing: an open case among the picked ones refuses the whole erasure.
    pub fn erase_person(&mut self, request: &ErasureRequest) -> Result<ErasureReport> {
        self.guard(Action::ErasePersonalData)?;
        let reference = clean_line(&request.reference);
        if reference.is_empty() {
            return Err(Error::validation("reference", "Hãy ghi số, ký hiệu hoặc nội dung tóm tắt của đơn yêu cầu xoá dữ liệu."));
        }
        if reference.chars().count() > 200 {
            return Err(Error::validation("reference", "Số, ký hiệu của đơn yêu cầu quá dài (tối đa 200 ký tự)."));
        }
        let date = parse_date("request_date", "Ngày nhận yêu cầu", &request.request_date)?;
        if date > self.today() {
            return Err(Error::validation("request_date", "Ngày nhận yêu cầu ở tương lai: hãy kiểm tra lại."));
        }
        let sel = &request.selection;
        if sel.is_empty() {
            return Err(Error::validation("selection", "Hãy chọn ít nhất một hồ sơ hoặc phiếu khảo sát của người này."));
        }
        let cases = sel.case_ids.iter().map(|id| crate::store::person::case_to_erase(&self.conn, id)).collect::<Result<Vec<_>>>()?;
        let forms = sel
            .survey_form_ids
            .iter()
            .map(|id| Ok((id.clone(), crate::store::person::form_to_erase(&self.conn, id)?)))
            .collect::<Result<Vec<_>>>()?;
        self.erasing(|l| l.write(|tx| crate::store::person::erase(tx, &cases, &forms, &reference, date)))
    }
}
