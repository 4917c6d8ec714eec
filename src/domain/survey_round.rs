//! Survey rounds (đợt khảo sát), the serial numbers of their printed forms and the QR code
//! each printed page carries, and the forms entered from them.

use super::survey::SurveyTemplate;
use super::survey_entry::{Answer, EntrySlot};
use super::text::required_line;
use crate::domain::dates::parse_date;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stored version of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateInfo {
    pub id: String,
    /// "bm-qt-sct-05-02": the template's name on the command line.
    pub key: String,
    pub version: i32,
    pub code: String,
    pub title: String,
    /// One of the templates every office has.
    pub builtin: bool,
    /// Rounds that use this version.
    pub rounds: i32,
    /// Forms entered against it: once there are any (or forms were printed), a change makes
    /// a new version.
    pub responses: i32,
    /// The newest version of its key.
    pub latest: bool,
}

/// What the round screen shows and the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SurveyRound {
    pub id: String,
    /// "2026-01": the year of the period's start and the round's number in that year. Printed
    /// on every form and carried by its QR code.
    pub code: String,
    pub name: String,
    pub period_from: String,
    pub period_to: String,
    pub template_id: String,
    pub template_key: String,
    pub template_version: i32,
    pub template_code: String,
    /// Forms printed so far; their serials are 1..=printed.
    pub printed: i32,
    /// The serial range printed, e.g. "00001–00150"; empty before the first printing.
    pub serial_range: String,
    /// Forms entered (keyboard or import), not counting undone ones.
    pub entered: i32,
    /// «Phiếu nhập từ nơi khác»: the forms were typed into a spreadsheet before the app was
    /// used, numbered by the office ("2026-0001"); they are imported with their numbers as
    /// written and the round prints no forms.
    pub typed_elsewhere: bool,
}

/// A new round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoundInput {
    pub name: String,
    /// YYYY-MM-DD or dd/mm/yyyy.
    pub period_from: String,
    pub period_to: String,
    /// The template's key ("bm-qt-sct-05-02"); its newest version is used.
    pub template_key: String,
}

impl RoundInput {
    pub fn validated(&self) -> Result<(String, NaiveDate, NaiveDate)> {
        let name = required_line("name", "Tên đợt khảo sát", &self.name, 200)?;
        let from = parse_date("period_from", "Ngày bắt đầu đợt khảo sát", &self.period_from)?;
        let to = parse_date("period_to", "Ngày kết thúc đợt khảo sát", &self.period_to)?;
        if to < from {
            return Err(Error::validation("period_to", "Ngày kết thúc đợt khảo sát phải sau hoặc trùng ngày bắt đầu."));
        }
        Ok((name, from, to))
    }
}

/// A returned form to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResponseInput {
    pub round_id: String,
    /// As typed or scanned: "17", "00017", or the QR code's text.
    pub serial: String,
    /// The date written on the form (YYYY-MM-DD or dd/mm/yyyy); the day of entry when empty.
    pub filled_on: String,
    pub answers: Vec<Answer>,
    /// Keys pressed to enter this form (the entry screen counts them), for the benchmark of
    /// entry speed; `null` for imports.
    #[ts(optional)]
    #[serde(default)]
    pub keystrokes: Option<i32>,
}

/// A stored form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SurveyResponse {
    pub id: String,
    pub round_id: String,
    pub serial: i32,
    pub filled_on: String,
    /// "keyboard", "import" (a file of typed forms), "scan" (read from its scanned pages) or
    /// "demo"; see [`source_label`].
    pub source: String,
    pub entered_at: String,
    /// Keys pressed to enter it on the entry screen (serial, answers, Enter); `null` for
    /// imported forms.
    pub keystrokes: Option<i32>,
    /// The office's own number of a form of a round typed elsewhere ("2026-0001"); absent
    /// otherwise.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial_written: Option<String>,
    pub answers: Vec<Answer>,
}

/// How a form was entered, in the words the window and the exports show. Every source is a
/// paper form returned by a customer (the kiosks' ratings are another table), so all of them
/// count as paper in the figures.
pub fn source_label(source: &str) -> &str {
    match source {
        "keyboard" => "Bàn phím",
        "import" => "Nhập từ tệp",
        "scan" => "Đọc từ phiếu quét",
        "demo" => "Dữ liệu mẫu",
        other => other,
    }
}

/// What the entry screen needs to enter forms of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EntrySheet {
    pub round: SurveyRound,
    pub template: SurveyTemplate,
    pub slots: Vec<EntrySlot>,
}

/// The serial as typed or scanned, judged before any answer is keyed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SerialCheck {
    /// A form of this round not entered yet.
    Free { serial: i32 },
    /// Already entered (on `filled_on`).
    Duplicate { serial: i32, message: String },
    /// Not a serial printed for this round.
    OutOfRound { message: String },
    /// Not a serial at all.
    Invalid { message: String },
}

/// The text of the QR code printed on every page of a form. Short and in ASCII so that a
/// USB scanner typing it as a keyboard gets it right whatever the keyboard layout:
/// `YK1 <round code> <serial> <template key> <version> <page>` separated by '/'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPayload {
    pub round_code: String,
    pub serial: i32,
    pub template_key: String,
    pub template_version: i32,
    pub page: u32,
}

const QR_PREFIX: &str = "YK1/";

impl QrPayload {
    pub fn encode(&self) -> String {
        format!(
            "{QR_PREFIX}{}/{}/{}/{}/{}",
            self.round_code, self.serial, self.template_key, self.template_version, self.page
        )
    }

    pub fn decode(text: &str) -> Option<QrPayload> {
        let rest = text.trim().strip_prefix(QR_PREFIX).or_else(|| text.trim().strip_prefix("yk1/"))?;
        let parts: Vec<&str> = rest.split('/').collect();
        if parts.len() != 5 {
            return None;
        }
        Some(QrPayload {
            round_code: parts[0].to_owned(),
            serial: parts[1].parse().ok()?,
            template_key: parts[2].to_lowercase(),
            template_version: parts[3].parse().ok()?,
            page: parts[4].parse().ok()?,
        })
    }
}

/// The serial as printed: five digits at least.
pub fn serial_text(serial: i32) -> String {
    format!("{serial:05}")
}

/// The Damm check digit of a serial: it catches every single wrong digit and every swap of
/// two neighbouring digits, the two slips of a person typing a number off the paper.
pub fn check_digit(serial: i32) -> u8 {
    const TABLE: [[u8; 10]; 10] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ];
    serial_text(serial).bytes().fold(0u8, |interim, d| TABLE[interim as usize][(d - b'0') as usize])
}

/// The serial as printed on a numbered form, with its check digit: "00017-5". Typed back,
/// the digit after the dash is checked.
pub fn printed_serial(serial: i32) -> String {
    format!("{}-{}", serial_text(serial), check_digit(serial))
}

/// A returned form named as the records name it: its round's code and its serial,
/// "2026-01/00007".
pub fn form_reference(round_code: &str, serial: i32) -> String {
    format!("{round_code}/{}", serial_text(serial))
}

/// What was typed in the serial field: a number, or a scanned QR code (with its round).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerialRef {
    Number(i32),
    Scanned(QrPayload),
}

pub fn parse_serial(text: &str) -> Result<SerialRef> {
    let t = text.trim();
    if let Some(p) = QrPayload::decode(t) {
        return Ok(SerialRef::Scanned(p));
    }
    // "00017-5": the serial as printed, its check digit after the dash (or a space).
    if let Some((number, digit)) = t.rsplit_once(['-', ' ']) {
        let (number, digit) = (number.trim(), digit.trim());
        if let (Ok(n), true) = (number.parse::<i64>(), digit.len() == 1 && digit.bytes().all(|b| b.is_ascii_digit())) {
            if (1..=i64::from(i32::MAX)).contains(&n) {
                let n = n as i32;
                if digit.as_bytes()[0] - b'0' != check_digit(n) {
                    return Err(Error::validation(
                        "serial",
                        format!("Số phiếu «{t}» có chữ số kiểm tra (sau dấu gạch) sai: hãy gõ lại đúng số in trên phiếu."),
                    ));
                }
                return Ok(SerialRef::Number(n));
            }
        }
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=i64::from(i32::MAX)).contains(&n) => Ok(SerialRef::Number(n as i32)),
        _ => Err(Error::validation(
            "serial",
            format!("Số phiếu «{}» không hợp lệ: gõ số in trên phiếu (ví dụ 17) hoặc quét mã QR.", t.chars().take(40).collect::<String>()),
        )),
    }
}

/// Where the answer boxes and alignment marks of a printed form are, kept with the template
/// version so that scans of returned forms can be read later. Millimetres from the top-left
/// corner of the page; pages numbered from 1 within one form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SurveyLayout {
    pub pages: u32,
    /// Centres of the four corner marks (top-left, top-right, bottom-left, bottom-right),
    /// the same on every page.
    pub marks: Vec<[f32; 2]>,
    pub mark_size: f32,
    /// The QR code's top-left corner and side.
    pub qr: [f32; 3],
    pub boxes: Vec<AnswerBox>,
}

/// One tick box: ticking it answers slot `code` with `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnswerBox {
    pub code: String,
    pub value: i32,
    pub page: u32,
    /// Top-left corner and side, in mm.
    pub x: f32,
    pub y: f32,
    pub size: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_text_round_trips_and_serials_parse() {
        let p = QrPayload { round_code: "2026-01".into(), serial: 17, template_key: "bm-qt-sct-05-02".into(), template_version: 1, page: 2 };
        assert_eq!(p.encode(), "YK1/2026-01/17/bm-qt-sct-05-02/1/2");
        assert_eq!(QrPayload::decode(&p.encode()), Some(p.clone()));
        assert_eq!(parse_serial(" 00017 ").unwrap(), SerialRef::Number(17));
        assert_eq!(parse_serial(&p.encode()).unwrap(), SerialRef::Scanned(p));
        // The printed form of a serial carries its check digit, which is checked.
        assert_eq!(printed_serial(17), format!("00017-{}", check_digit(17)));
        assert_eq!(parse_serial(&printed_serial(17)).unwrap(), SerialRef::Number(17));
        let wrong = format!("00017-{}", (check_digit(17) + 1) % 10);
        assert!(parse_serial(&wrong).unwrap_err().to_string().contains("chữ số kiểm tra (sau dấu gạch) sai"));
        // One wrong digit, or two neighbours swapped, changes the check digit.
        assert_ne!(check_digit(17), check_digit(18));
        assert_ne!(check_digit(12), check_digit(21));
        assert_ne!(check_digit(170), check_digit(107));
        for bad in ["", "0", "-3", "abc", "99999999999"] {
            assert!(parse_serial(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_round_needs_a_name_and_an_ordered_period() {
        let r = RoundInput { name: " Khảo sát năm 2026 ".into(), period_from: "2026-01-01".into(), period_to: "31/12/2026".into(), template_key: "x".into() };
        let (name, from, to) = r.validated().unwrap();
        assert_eq!(name, "Khảo sát năm 2026");
        assert!(from < to);
        let back = RoundInput { period_to: "2025-12-31".into(), ..r.clone() };
        assert!(back.validated().unwrap_err().to_string().contains("Ngày kết thúc"));
        let bad = RoundInput { period_from: "2026-02-30".into(), ..r };
        assert!(bad.validated().unwrap_err().to_string().contains("không phải ngày có thật"));
    }
}
