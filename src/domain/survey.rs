//! Survey templates (phiếu khảo sát): the questions of a paper survey as data, so that an
//! office can print its own form, and later enter the answers, without a code change (R3.1).
//! The built-in template is BM.QT.SCT.05-02 exactly as seed 004 gives it.
//!
//! Texts may contain [`OFFICE_PLACEHOLDER`], replaced by the office's name when printed
//! (seed 004 names "Sở Công Thương" there). Questions carry a stable `id`: answers will be
//! keyed by it.

use serde::{Deserialize, Serialize};

/// Stands for the office's name in template texts.
pub const OFFICE_PLACEHOLDER: &str = "{co_quan}";

/// A printable survey form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyTemplate {
    /// Mã hiệu, e.g. "BM.QT.SCT.05-02".
    pub code: String,
    /// Version of the template, printed as "Lần ban hành". A template that has answers is
    /// never edited: a new version is made.
    pub version: u32,
    /// Ngày ban hành, when known.
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
}

/// A titled part of the form ("I. Thông tin về tổ chức …"), or an untitled run of items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySection {
    pub heading: Option<String>,
    pub items: Vec<SurveyItem>,
}

/// One element of a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeText {
    pub prompt: String,
    pub lines: u8,
}

/// The single choice that follows one answer of a yes/no question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        }
    }
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
}
