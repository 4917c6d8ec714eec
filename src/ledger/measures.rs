//! Telling a customer what was done (seed 003 §5.5, R4.6): when a service did not satisfy,
//! the office sends the customer its evaluation and the corrective measures taken. The
//! letter is drafted from the case and its linked corrective actions, edited by the user,
//! printed (`PrintJob::MeasuresLetter`), and that it was sent, when and how, is recorded in
//! the case's history and the audit log.

use super::Ledger;
use crate::domain::dates::parse_date;
use crate::domain::letter::{notice_note, CustomerNoticeInput, MeasuresLetter};
use crate::domain::text::clean_text;
use crate::{Action, Case, Error, Result};

fn something_to_tell(case: &Case) -> Result<()> {
    crate::domain::letter::something_to_tell(&case.receipt_no, case.actions.len())
}

impl Ledger {
    /// The measures letter of the case with this receipt number, drafted from the case (when
    /// and what the customer said) and its linked
    /// actions (cause, measure, where it stands). Refused when no action is linked.
    pub fn measures_letter_draft(&self, receipt_no: &str) -> Result<MeasuresLetter> {
        let case = self.case(&self.case_id(receipt_no.trim())?)?;
        something_to_tell(&case)?;
        let office = self.office_for_print()?;
        Ok(draft(&office.name, &case, self.today()))
    }

    /// Records that the measures letter was sent to the customer of `n.case_id` on
    /// `n.sent_on` through `n.channel`: a line in the case's history and an audit entry.
    /// Refused for a date before the case was received or after today, and for a case with
    /// nothing to tell.
    pub fn record_customer_notice(&mut self, n: &CustomerNoticeInput) -> Result<Case> {
        self.guard_case(Action::SendReply, &n.case_id)?;
        let sent_on = parse_date("sent_on", "Ngày gửi thông báo", &n.sent_on)?;
        let case = self.case(&n.case_id)?;
        something_to_tell(&case)?;
        let received = super::print::date_of(&case.received_at).unwrap_or(sent_on);
        if sent_on < received {
            return Err(Error::validation(
                "sent_on",
                format!(
                    "Ngày gửi thông báo ({}) không thể trước ngày tiếp nhận ý kiến ({}).",
                    sent_on.format("%d/%m/%Y"),
                    received.format("%d/%m/%Y")
                ),
            ));
        }
        if sent_on > self.today() {
            return Err(Error::validation(
                "sent_on",
                format!("Ngày gửi thông báo ({}) chưa đến: chỉ ghi thông báo đã gửi.", sent_on.format("%d/%m/%Y")),
            ));
        }
        let extra = clean_text(n.note.as_deref().unwrap_or_default());
        if extra.chars().count() > 500 {
            return Err(Error::validation("note", "Ghi chú quá dài: tối đa 500 ký tự."));
        }
        let note = notice_note(sent_on, &extra);
        let now = self.now();
        self.write(|tx| crate::store::notice::record(tx, &n.case_id, case.status, sent_on, n.channel, &note, now))?;
        self.case(&n.case_id)
    }
}

/// The letter's first wording: what the customer said and when, the office's evaluation (a
/// standard sentence),
/// each measure taken and where it stands, and thanks. Dated today; the user edits all of it.
fn draft(office: &str, case: &Case, today: chrono::NaiveDate) -> MeasuresLetter {
    let received = super::print::date_of(&case.received_at).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let said = shorten(&case.content, 300);
    let mut body = vec![format!(
        "{office} đã nhận được ý kiến của Quý khách hàng ngày {received} (số tiếp nhận {}) về việc: «{said}».",
        case.receipt_no
    )];
    // The evaluation is the office's to word: the case's resolution is a note of how it was
    // settled ("Khách hàng đồng ý với giải pháp"), not a sentence to the customer.
    body.push(format!(
        "Qua xem xét, {office} nhận thấy ý kiến của Quý khách hàng là có cơ sở: dịch vụ đã cung cấp chưa đáp ứng \
         đầy đủ yêu cầu của Quý khách hàng."
    ));
    body.push(format!("{office} đã thực hiện các biện pháp khắc phục, cải tiến sau:"));
    for (i, a) in case.actions.iter().enumerate() {
        let cause = a.cause.trim().trim_end_matches('.');
        let measure = a.action.trim().trim_end_matches('.');
        body.push(format!("{}. {measure} (nguyên nhân: {cause}); {}.", i + 1, status_words(a.status)));
    }
    body.push(format!(
        "{office} trân trọng cảm ơn Quý khách hàng đã phản ánh, góp ý và mong tiếp tục nhận được sự hợp tác của Quý \
         khách hàng để nâng cao chất lượng phục vụ."
    ));
    let addressee = super::print::customer_line(&case.customer_name, &case.customer_org, " - ");
    MeasuresLetter {
        receipt_no: case.receipt_no.clone(),
        number: String::new(),
        date: Some(today.to_string()),
        addressee: if addressee.is_empty() { "Quý khách hàng".into() } else { addressee },
        body: body.join("\n"),
        signer_title: "Giám đốc".into(),
        signer_name: String::new(),
    }
}

/// Where a measure stands, in the letter's words.
fn status_words(s: crate::ActionStatus) -> &'static str {
    match s {
        crate::ActionStatus::Open => "đang triển khai thực hiện",
        crate::ActionStatus::InProgress => "đang thực hiện",
        crate::ActionStatus::Done => "đã thực hiện xong",
        crate::ActionStatus::Verified => "đã thực hiện xong và được đánh giá có hiệu quả",
    }
}

/// At most `max` characters of `text` on one line, cut at a word with "…".
fn shorten(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_content_is_cut_at_a_word() {
        assert_eq!(shorten("một  hai\nba", 50), "một hai ba");
        assert_eq!(shorten("một hai ba bốn", 9), "một hai…");
    }
}
