//! Survey templates (phiếu khảo sát): the questions of a paper survey as data, so that an
//! office can print its own form, and later enter the answers, without a code change (R3.1).
//! The built-in template is BM.QT.SCT.05-02 exactly as seed 004 gives it.
//!
//! Texts may contain [`OFFICE_PLACEHOLDER`], replaced by the office's name when printed
//! (seed 004 names "Sở Công Thương" there). Questions carry a stable `id`: answers will be
//! keyed by it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::text::{clean_text, fold, optional_line, required_line};
use crate::error::{Error, Result};

/// Stands for the office's name in template texts.
pub const OFFICE_PLACEHOLDER: &str = "{co_quan}";

/// A printable survey form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SurveyTemplate {
    /// Mã hiệu, e.g. "BM.QT.SCT.05-02".
    pub code: String,
    /// Version of the template, printed as "Lần ban hành". A template that has answers is
    /// never edited: a new version is made.
    pub version: u32,
    /// Ngày ban hành, when known.
    #[ts(type = "string | null")]
    pub issued_on: Option<chrono::NaiveDate>,
    /// The form's name, e.g. "Phiếu khảo sát"; printed in capitals.
    pub title: String,
    /// Lines under the title, printed in capitals, e.g. "Sự hài lòng của các tổ chức, cá nhân".
    pub subtitle_lines: Vec<String>,
    /// Whether a "NĂM: …" line follows the title.
    pub year_line: bool,
    /// Paragraphs between the title and the first section.
    pub intro: Vec<String>,
    pub sections: Vec<SurveySection>,
    /// The last line, e.g. "XIN TRÂN TRỌNG CẢM ƠN!".
    pub closing: String,
    /// How many of the first levels of a rating scale count as satisfied in the
    /// satisfaction index; by default all but the last on scales of three or fewer levels,
    /// the first two on longer ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub satisfied_levels: Option<u8>,
}

/// A titled part of the form ("I. Thông tin về tổ chức …"), or an untitled run of items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SurveySection {
    pub heading: Option<String>,
    pub items: Vec<SurveyItem>,
}

/// One element of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SurveyItem {
    /// An instruction, not a question ("Vui lòng đánh dấu (x) …").
    Note { text: String },
    /// Who answers: the person or organisation, written on dotted lines.
    Respondent { id: String, prompt: String, lines: u8 },
    /// Options with a tick box each; `detail` asks for free text after them.
    Choice { id: String, label: Option<String>, prompt: String, options: Vec<String>, multiple: bool, detail: Option<FreeText> },
    /// A question answered in words on dotted lines.
    FreeText { id: String, label: Option<String>, prompt: String, lines: u8 },
    /// Criteria rated on one scale: a grid of criteria × scale labels, each with a tick box,
    /// optionally followed by an "Ý kiến khác" line.
    RatingGrid { id: String, label: Option<String>, prompt: String, criteria: Vec<String>, scale: Vec<String>, other_opinion: bool },
    /// Yes or no, with a follow-up single choice asked for one of the answers.
    YesNo { id: String, label: Option<String>, prompt: String, yes: String, no: String, follow_up: Option<FollowUp> },
}

/// Free text after a choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FreeText {
    pub prompt: String,
    pub lines: u8,
}

/// The single choice that follows one answer of a yes/no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FollowUp {
    /// Asked when the answer is yes (true) or no (false).
    pub when_yes: bool,
    pub prompt: String,
    /// Printed "a. …", "b. …" in order.
    pub options: Vec<String>,
}

/// Replaces the office placeholder with `office_name`.
pub fn fill(text: &str, office_name: &str) -> String {
    text.replace(OFFICE_PLACEHOLDER, office_name)
}

impl SurveyTemplate {
    /// BM.QT.SCT.05-02 of seed 004 (QT.SCT.05, Đắk Lắk Department of Industry and Trade):
    /// every section, question and option as published, the office's name where the seed
    /// says "Sở Công Thương".
    pub fn bm_qt_sct_05_02() -> SurveyTemplate {
        let o = OFFICE_PLACEHOLDER;
        let s = |t: &str| t.replace("{o}", o);
        let three = || vec!["Tốt".to_owned(), "Đạt yêu cầu".to_owned(), "Chưa đạt yêu cầu".to_owned()];
        SurveyTemplate {
            code: "BM.QT.SCT.05-02".into(),
            version: 1,
            issued_on: None,
            title: "Phiếu khảo sát".into(),
            subtitle_lines: vec![
                "Sự hài lòng của các tổ chức, cá nhân".into(),
                s("đối với sự phục vụ của {o}"),
            ],
            year_line: true,
            intro: vec![
                s("Để nâng cao hơn nữa chất lượng phục vụ, sự hài lòng của các tổ chức, cá nhân trong thời gian \
                   tới; {o} tiến hành “Khảo sát sự hài lòng của các tổ chức, cá nhân đối với sự phục vụ của {o}” \
                   nhằm lấy ý kiến nhận xét, đóng góp của các cơ quan, đơn vị trên địa bàn tỉnh có thực hiện giao \
                   dịch hành chính với {o} thông qua “Phiếu khảo sát”."),
                s("{o} rất mong nhận được sự quan tâm, hợp tác của Ông/Bà thông qua trả lời đầy đủ, khách quan \
                   các câu hỏi sau đây."),
                "Xin trân trọng cảm ơn Ông/Bà.".into(),
            ],
            sections: vec![
                SurveySection {
                    heading: Some("I. Thông tin về tổ chức thực hiện giao dịch hành chính".into()),
                    items: vec![SurveyItem::Respondent {
                        id: "to_chuc".into(),
                        prompt: s("Xin Ông/Bà cho biết tên của tổ chức mà Ông/Bà đại diện để thực hiện giao dịch \
                                   hành chính đối với {o}? (Ghi cụ thể tên cá nhân hoặc tổ chức)"),
                        lines: 2,
                    }],
                },
                SurveySection {
                    heading: Some("II. Nội dung giao dịch hành chính".into()),
                    items: vec![SurveyItem::Choice {
                        id: "noi_dung_giao_dich".into(),
                        label: None,
                        prompt: s("Ông/Bà đại diện cho tổ chức thực hiện giao dịch hành chính với {o} những nội \
                                   dung gì?"),
                        options: vec![
                            "Tiếp nhận, xử lý công việc hành chính".into(),
                            "Giải quyết thủ tục hành chính".into(),
                        ],
                        multiple: true,
                        detail: Some(FreeText {
                            prompt: "(Xin ghi rõ nội dung giải quyết thủ tục hành chính):".into(),
                            lines: 3,
                        }),
                    }],
                },
                SurveySection {
                    heading: None,
                    items: vec![
                        SurveyItem::Note { text: "Vui lòng đánh dấu (x) vào sự lựa chọn đối với những câu hỏi sau:".into() },
                        SurveyItem::RatingGrid {
                            id: "cau_1".into(),
                            label: Some("Câu hỏi 1:".into()),
                            prompt: s("Thái độ phục vụ của công chức {o} trong việc tiếp nhận, giải quyết công việc?"),
                            criteria: vec![
                                "Thái độ giao tiếp".into(),
                                "Lắng nghe ý kiến".into(),
                                "Tận tình, chu đáo".into(),
                                "Tuân thủ đúng quy trình".into(),
                            ],
                            scale: three(),
                            other_opinion: true,
                        },
                        SurveyItem::YesNo {
                            id: "cau_2".into(),
                            label: Some("Câu hỏi 2:".into()),
                            prompt: s("Công chức của {o} có gây phiền hà, sách nhiễu đối với Ông/Bà trong quá trình \
                                       giải quyết công việc không?"),
                            yes: "Có".into(),
                            no: "Không".into(),
                            follow_up: Some(FollowUp {
                                when_yes: true,
                                prompt: "Nếu có, vui lòng cho biết tình trạng thực tế:".into(),
                                options: vec![
                                    "Một lần".into(),
                                    "Một số lần".into(),
                                    "Phổ biến".into(),
                                    "Rất phổ biến".into(),
                                ],
                            }),
                        },
                        SurveyItem::RatingGrid {
                            id: "cau_3".into(),
                            label: Some("Câu hỏi 3:".into()),
                            prompt: s("Chất lượng xử lý hồ sơ của {o} đối với hồ sơ của cơ quan, tổ chức của Ông/Bà:"),
                            criteria: vec!["Chính xác, khách quan".into()],
                            scale: three(),
                            other_opinion: true,
                        },
                        SurveyItem::RatingGrid {
                            id: "cau_4".into(),
                            label: Some("Câu hỏi 4:".into()),
                            prompt: s("Thời gian {o} xử lý các hồ sơ của cơ quan, tổ chức của Ông/Bà:"),
                            criteria: vec!["Đúng thời hạn quy định".into()],
                            scale: three(),
                            other_opinion: true,
                        },
                        SurveyItem::RatingGrid {
                            id: "cau_5".into(),
                            label: Some("Câu hỏi 5:".into()),
                            prompt: s("Đánh giá chung của Ông/Bà về chất lượng cung ứng dịch vụ hành chính công của \
                                       {o} qua giao dịch hành chính?"),
                            criteria: vec!["Mức độ hài lòng".into()],
                            scale: three(),
                            other_opinion: false,
                        },
                    ],
                },
            ],
            closing: "XIN TRÂN TRỌNG CẢM ƠN!".into(),
            satisfied_levels: None,
        }
    }
}

/// The most levels a scale (or options a question) may have: answers are entered with the
/// keys 1–9, one key per answer.
pub const MAX_LEVELS: usize = 9;

impl SurveyItem {
    /// The question's id (notes have none).
    pub fn id(&self) -> Option<&str> {
        match self {
            SurveyItem::Note { .. } => None,
            SurveyItem::Respondent { id, .. }
            | SurveyItem::Choice { id, .. }
            | SurveyItem::FreeText { id, .. }
            | SurveyItem::RatingGrid { id, .. }
            | SurveyItem::YesNo { id, .. } => Some(id),
        }
    }
}

impl SurveyTemplate {
    /// The template's name on the command line and in files: the form code folded to
    /// lower-case ASCII words joined by '-' ("BM.QT.SCT.05-02" → "bm-qt-sct-05-02").
    pub fn key(&self) -> String {
        key_of(&self.code)
    }

    /// Every question, in the order of the form.
    pub fn items(&self) -> impl Iterator<Item = &SurveyItem> {
        self.sections.iter().flat_map(|s| &s.items)
    }

    /// A template read from its JSON file (the format `to_json` writes), checked and cleaned.
    pub fn from_json(json: &str) -> Result<SurveyTemplate> {
        let t: SurveyTemplate = serde_json::from_str(json).map_err(|e| {
            Error::validation(
                "template",
                format!("Tệp mẫu phiếu không đúng định dạng: {}.", crate::error::json_message(&e)),
            )
        })?;
        t.validated()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("templates serialise to JSON")
    }

    /// The template with every text cleaned (NFC, tidy whitespace), or the first rule it
    /// breaks, naming the question.
    pub fn validated(&self) -> Result<SurveyTemplate> {
        let mut t = self.clone();
        t.code = required_line("code", "Mã hiệu mẫu phiếu", &t.code, 50)?;
        if key_of(&t.code).is_empty() {
            return Err(Error::validation("code", "Mã hiệu mẫu phiếu phải có chữ hoặc số."));
        }
        if t.version == 0 {
            return Err(Error::validation("version", "Lần ban hành phải từ 1 trở lên."));
        }
        t.title = required_line("title", "Tên mẫu phiếu", &t.title, 200)?;
        for l in &mut t.subtitle_lines {
            *l = required_line("subtitle_lines", "Dòng dưới tên phiếu", l, 200)?;
        }
        for p in &mut t.intro {
            *p = long_text("intro", "Lời mở đầu", p)?;
        }
        t.closing = optional_line("closing", "Lời cảm ơn", &t.closing, 200)?;
        let mut ids: Vec<String> = Vec::new();
        let mut questions = 0;
        for (si, section) in t.sections.iter_mut().enumerate() {
            if let Some(h) = &mut section.heading {
                *h = required_line("heading", &format!("Tiêu đề phần {}", si + 1), h, 300)?;
            }
            for item in &mut section.items {
                validate_item(item)?;
                if let Some(id) = item.id() {
                    if ids.iter().any(|i| i == id) {
                        return Err(Error::validation("id", format!("Mã câu hỏi «{id}» bị trùng; mỗi câu hỏi cần một mã riêng.")));
                    }
                    ids.push(id.to_owned());
                    questions += 1;
                }
            }
        }
        if questions == 0 {
            return Err(Error::validation("sections", "Mẫu phiếu chưa có câu hỏi nào."));
        }
        Ok(t)
    }

    /// A 5-level example of an office's own template: satisfaction with a one-stop service,
    /// each criterion on the scale from "Rất hài lòng" to "Rất không hài lòng".
    pub fn example_five_levels() -> SurveyTemplate {
        let o = OFFICE_PLACEHOLDER;
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let five = strings(&["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]);
        SurveyTemplate {
            code: "KS.MC-5M".into(),
            version: 1,
            issued_on: None,
            title: "Phiếu khảo sát".into(),
            subtitle_lines: vec![
                "Mức độ hài lòng của người dân, tổ chức".into(),
                format!("đối với việc giải quyết thủ tục hành chính tại {o}"),
            ],
            year_line: true,
            intro: vec![format!(
                "Để không ngừng nâng cao chất lượng phục vụ, {o} trân trọng đề nghị Ông/Bà cho biết ý kiến \
                 đánh giá về việc giải quyết thủ tục hành chính bằng cách đánh dấu (x) vào một ô của mỗi tiêu chí."
            )],
            sections: vec![
                SurveySection {
                    heading: Some("I. Thông tin người trả lời".into()),
                    items: vec![
                        SurveyItem::Respondent { id: "nguoi_tra_loi".into(), prompt: "Họ và tên (hoặc tên tổ chức) – không bắt buộc:".into(), lines: 1 },
                        SurveyItem::Choice {
                            id: "doi_tuong".into(),
                            label: None,
                            prompt: "Ông/Bà là:".into(),
                            options: strings(&["Cá nhân", "Doanh nghiệp", "Tổ chức khác"]),
                            multiple: false,
                            detail: None,
                        },
                    ],
                },
                SurveySection {
                    heading: Some("II. Đánh giá".into()),
                    items: vec![
                        SurveyItem::RatingGrid {
                            id: "cau_1".into(),
                            label: Some("Câu hỏi 1:".into()),
                            prompt: "Ông/Bà hài lòng đến mức nào với từng nội dung sau?".into(),
                            criteria: strings(&[
                                "Tiếp cận dịch vụ",
                                "Thủ tục hành chính",
                                "Công chức giải quyết",
                                "Kết quả giải quyết",
                                "Tiếp nhận, xử lý góp ý",
                            ]),
                            scale: five.clone(),
                            other_opinion: false,
                        },
                        SurveyItem::YesNo {
                            id: "cau_2".into(),
                            label: Some("Câu hỏi 2:".into()),
                            prompt: "Ông/Bà có phải đi lại nhiều lần để hoàn thành hồ sơ không?".into(),
                            yes: "Có".into(),
                            no: "Không".into(),
                            follow_up: Some(FollowUp {
                                when_yes: true,
                                prompt: "Nếu có, số lần phải đi lại:".into(),
                                options: strings(&["2 lần", "3 lần", "Trên 3 lần"]),
                            }),
                        },
                        SurveyItem::RatingGrid {
                            id: "cau_3".into(),
                            label: Some("Câu hỏi 3:".into()),
                            prompt: "Đánh giá chung của Ông/Bà:".into(),
                            criteria: strings(&["Mức độ hài lòng chung"]),
                            scale: five,
                            other_opinion: false,
                        },
                        SurveyItem::FreeText {
                            id: "gop_y".into(),
                            label: Some("Câu hỏi 4:".into()),
                            prompt: "Ông/Bà có góp ý gì để chúng tôi phục vụ tốt hơn?".into(),
                            lines: 3,
                        },
                    ],
                },
            ],
            closing: "XIN TRÂN TRỌNG CẢM ƠN!".into(),
            satisfied_levels: None,
        }
    }

    /// The templates every office has: BM.QT.SCT.05-02 and the 5-level example.
    pub fn built_in() -> Vec<SurveyTemplate> {
        vec![SurveyTemplate::bm_qt_sct_05_02(), SurveyTemplate::example_five_levels()]
    }
}

/// "BM.QT.SCT.05-02" → "bm-qt-sct-05-02".
pub fn key_of(code: &str) -> String {
    let folded = fold(code);
    let mut out = String::new();
    for part in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}

fn long_text(field: &str, label: &str, s: &str) -> Result<String> {
    let v = clean_text(s);
    let n = v.chars().count();
    if n > 2000 {
        return Err(Error::validation(field, format!("{label} quá dài: {n} ký tự, tối đa 2000 ký tự.")));
    }
    Ok(v)
}

fn validate_id(id: &mut String) -> Result<()> {
    *id = id.trim().to_owned();
    let ok = !id.is_empty()
        && id.len() <= 40
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.starts_with(|c: char| c.is_ascii_lowercase());
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            "id",
            format!("Mã câu hỏi «{id}» không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ cau_1)."),
        ))
    }
}

/// How a question is called in messages: its label ("Câu hỏi 1:") or its id.
fn name_of(id: &str, label: &Option<String>) -> String {
    match label {
        Some(l) if !l.trim().is_empty() => l.trim().trim_end_matches(':').to_owned(),
        _ => format!("Câu hỏi «{id}»"),
    }
}

fn options(field: &str, who: &str, what: &str, list: &mut [String], min: usize) -> Result<()> {
    if list.len() < min || list.len() > MAX_LEVELS {
        return Err(Error::validation(
            field,
            format!("{who}: cần từ {min} đến {MAX_LEVELS} {what} (đang có {}), vì mỗi lựa chọn được nhập bằng một phím 1–9.", list.len()),
        ));
    }
    clean_list(field, who, what, list)
}

fn clean_list(field: &str, who: &str, what: &str, list: &mut [String]) -> Result<()> {
    for (i, o) in list.iter_mut().enumerate() {
        *o = required_line(field, &format!("{who}, {what} thứ {}", i + 1), o, 300)?;
    }
    let folded: Vec<String> = list.iter().map(|o| fold(o)).collect();
    for (i, f) in folded.iter().enumerate() {
        if folded[..i].contains(f) {
            return Err(Error::validation(field, format!("{who}: {what} «{}» bị trùng.", list[i])));
        }
    }
    Ok(())
}

fn validate_item(item: &mut SurveyItem) -> Result<()> {
    let clean_label = |l: &mut Option<String>| -> Result<()> {
        if let Some(v) = l {
            *v = optional_line("label", "Nhãn câu hỏi", v, 50)?;
            if v.is_empty() {
                *l = None;
            }
        }
        Ok(())
    };
    let lines_ok = |who: &str, n: u8| -> Result<()> {
        if n > 20 {
            return Err(Error::validation("lines", format!("{who}: tối đa 20 dòng để ghi (đang có {n}).")));
        }
        Ok(())
    };
    match item {
        SurveyItem::Note { text } => *text = long_text("text", "Lời hướng dẫn", text)?,
        SurveyItem::Respondent { id, prompt, lines } => {
            validate_id(id)?;
            *prompt = long_text("prompt", "Câu hỏi về người trả lời", prompt)?;
            lines_ok(&format!("Câu hỏi «{id}»"), *lines)?;
        }
        SurveyItem::FreeText { id, label, prompt, lines } => {
            validate_id(id)?;
            clean_label(label)?;
            let who = name_of(id, label);
            *prompt = required_line("prompt", &format!("{who}, nội dung câu hỏi"), prompt, 1000)?;
            lines_ok(&who, *lines)?;
        }
        SurveyItem::Choice { id, label, prompt, options: opts, detail, .. } => {
            validate_id(id)?;
            clean_label(label)?;
            let who = name_of(id, label);
            *prompt = required_line("prompt", &format!("{who}, nội dung câu hỏi"), prompt, 1000)?;
            options("options", &who, "lựa chọn", opts, 1)?;
            if let Some(d) = detail {
                d.prompt = required_line("detail", &format!("{who}, lời mời ghi rõ"), &d.prompt, 300)?;
                lines_ok(&who, d.lines)?;
            }
        }
        SurveyItem::RatingGrid { id, label, prompt, criteria, scale, .. } => {
            validate_id(id)?;
            clean_label(label)?;
            let who = name_of(id, label);
            *prompt = required_line("prompt", &format!("{who}, nội dung câu hỏi"), prompt, 1000)?;
            if criteria.is_empty() || criteria.len() > 30 {
                return Err(Error::validation("criteria", format!("{who}: cần từ 1 đến 30 tiêu chí (đang có {}).", criteria.len())));
            }
            clean_list("criteria", &who, "tiêu chí", criteria)?;
            options("scale", &who, "mức đánh giá", scale, 2)?;
        }
        SurveyItem::YesNo { id, label, prompt, yes, no, follow_up } => {
            validate_id(id)?;
            clean_label(label)?;
            let who = name_of(id, label);
            *prompt = required_line("prompt", &format!("{who}, nội dung câu hỏi"), prompt, 1000)?;
            *yes = required_line("yes", &format!("{who}, câu trả lời «có»"), yes, 50)?;
            *no = required_line("no", &format!("{who}, câu trả lời «không»"), no, 50)?;
            if fold(yes) == fold(no) {
                return Err(Error::validation("no", format!("{who}: hai câu trả lời «có» và «không» phải khác nhau.")));
            }
            if let Some(f) = follow_up {
                f.prompt = required_line("follow_up", &format!("{who}, câu hỏi tiếp theo"), &f.prompt, 300)?;
                options("follow_up", &format!("{who} (câu hỏi tiếp theo)"), "lựa chọn", &mut f.options, 1)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_template_has_the_five_questions_of_seed_004() {
        let t = SurveyTemplate::bm_qt_sct_05_02();
        let labels: Vec<&str> = t
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                SurveyItem::RatingGrid { label, .. } | SurveyItem::YesNo { label, .. } => label.as_deref(),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["Câu hỏi 1:", "Câu hỏi 2:", "Câu hỏi 3:", "Câu hỏi 4:", "Câu hỏi 5:"]);
        let ids: Vec<String> = t
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| match i {
                SurveyItem::Note { .. } => None,
                SurveyItem::Respondent { id, .. }
                | SurveyItem::Choice { id, .. }
                | SurveyItem::FreeText { id, .. }
                | SurveyItem::RatingGrid { id, .. }
                | SurveyItem::YesNo { id, .. } => Some(id.clone()),
            })
            .collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "question ids must be unique: {ids:?}");
    }

    #[test]
    fn the_office_name_replaces_the_placeholder() {
        let t = SurveyTemplate::bm_qt_sct_05_02();
        let filled = fill(&t.intro[0], "Sở Tư pháp tỉnh Đồng Nai");
        assert!(!filled.contains(OFFICE_PLACEHOLDER));
        assert_eq!(filled.matches("Sở Tư pháp tỉnh Đồng Nai").count(), 3);
    }

    #[test]
    fn a_template_round_trips_through_json() {
        let t = SurveyTemplate::bm_qt_sct_05_02();
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.contains(r#""kind":"rating_grid""#));
        let back: SurveyTemplate = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn the_built_in_templates_pass_their_own_rules_and_have_keys() {
        for t in SurveyTemplate::built_in() {
            assert_eq!(t.validated().unwrap(), t, "{}", t.code);
        }
        assert_eq!(SurveyTemplate::bm_qt_sct_05_02().key(), "bm-qt-sct-05-02");
        assert_eq!(key_of(" Mẫu KS/Đặc biệt 01 "), "mau-ks-dac-biet-01");
        if let SurveyItem::RatingGrid { scale, .. } = &SurveyTemplate::example_five_levels().sections[1].items[0] {
            assert_eq!(scale.len(), 5);
        } else {
            panic!("the example's first question is a 5-level grid");
        }
    }

    #[test]
    fn bad_templates_are_refused_naming_the_question() {
        let mut t = SurveyTemplate::bm_qt_sct_05_02();
        if let SurveyItem::RatingGrid { scale, .. } = &mut t.sections[2].items[1] {
            scale.truncate(1);
        }
        assert_eq!(
            t.validated().unwrap_err().to_string(),
            "Câu hỏi 1: cần từ 2 đến 9 mức đánh giá (đang có 1), vì mỗi lựa chọn được nhập bằng một phím 1–9."
        );
        let mut t = SurveyTemplate::bm_qt_sct_05_02();
        if let SurveyItem::YesNo { id, .. } = &mut t.sections[2].items[2] {
            *id = "Câu 2".into();
        }
        assert!(t.validated().unwrap_err().to_string().contains("Mã câu hỏi «Câu 2» không hợp lệ"));
        let mut t = SurveyTemplate::bm_qt_sct_05_02();
        t.sections.clear();
        assert!(t.validated().unwrap_err().to_string().contains("chưa có câu hỏi"));
        let err = SurveyTemplate::from_json("[1, 2]").unwrap_err();
        assert!(err.to_string().starts_with("Tệp mẫu phiếu không đúng định dạng"), "{err}");
    }
}
