//! What is entered from a returned form: the template flattened into *slots*, one per
//! answer that a clerk keys in with one key (a level, an option, "left blank" or "two boxes
//! ticked"), plus the optional free-text fields; and the rules a form's answers must keep.
//!
//! Slot codes are stable and derived from the question ids, so that answers, CSV headers and
//! the printed box positions all name the same thing:
//! - a rating grid `cau_1` with several criteria: `cau_1.1`, `cau_1.2`…; with one: `cau_1`;
//! - its "Ý kiến khác" line: `cau_1.other`;
//! - a yes/no question `cau_2`: `cau_2` (1 = yes, 2 = no); its follow-up: `cau_2.follow_up`;
//! - a single choice `x`: `x`; a multiple choice: `x.1`, `x.2`… (1 = ticked), its detail `x.detail`;
//! - free text and respondent fields: their id.

use super::survey::{SurveyItem, SurveyTemplate};
use super::text::{clean_text, fold};
use super::vocab::vocab;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocab!(
    /// How one box (or row of boxes) of a returned form was found.
    AnswerState "state" "Trạng thái câu trả lời" {
        /// One box ticked: `value` is its number (level 1 = the first box).
        Chosen = "chosen" "Đã chọn",
        /// No box ticked (for an option of a multiple choice: not ticked).
        Blank = "blank" "Bỏ trống",
        /// Two or more boxes ticked: the answer cannot be counted.
        Spoiled = "spoiled" "Không hợp lệ (đánh nhiều ô)",
        /// Words written on the lines.
        Text = "text" "Ý kiến ghi"
    }
);

/// One answer of a returned form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Answer {
    /// The slot code, e.g. "cau_1.2".
    pub code: String,
    pub state: AnswerState,
    /// The box number when `state` is `chosen`.
    pub value: Option<i32>,
    /// The words when `state` is `text`.
    pub text: Option<String>,
}

impl Answer {
    pub fn chosen(code: &str, value: i32) -> Answer {
        Answer { code: code.into(), state: AnswerState::Chosen, value: Some(value), text: None }
    }
    pub fn blank(code: &str) -> Answer {
        Answer { code: code.into(), state: AnswerState::Blank, value: None, text: None }
    }
    pub fn spoiled(code: &str) -> Answer {
        Answer { code: code.into(), state: AnswerState::Spoiled, value: None, text: None }
    }
    pub fn text(code: &str, text: &str) -> Answer {
        Answer { code: code.into(), state: AnswerState::Text, value: None, text: Some(text.into()) }
    }
}

/// Keys of the entry screen besides the digits 1–9 (documented in docs/surveys.md).
pub const BLANK_KEYS: &[&str] = &["0"];
pub const SPOILED_KEYS: &[&str] = &[".", "x", "X"];

/// One answer to enter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EntrySlot {
    pub code: String,
    /// The question's label, e.g. "Câu hỏi 1", or its prompt when it has no label.
    pub question: String,
    /// What this slot is on the paper: the criterion, the option, or the question itself.
    pub label: String,
    /// Box labels, answered with the keys 1, 2, 3…; empty for a text slot.
    pub options: Vec<String>,
    /// A box answer (a key) is expected; text slots never are.
    pub required: bool,
    /// Asked only when the slot `code` was answered with box `value`.
    pub when: Option<SlotCondition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlotCondition {
    pub code: String,
    pub value: i32,
}

impl EntrySlot {
    pub fn is_text(&self) -> bool {
        self.options.is_empty()
    }

    /// "Câu hỏi 1: Thái độ giao tiếp", as messages and headers name the slot.
    pub fn title(&self) -> String {
        if self.label == self.question || self.label.is_empty() {
            self.question.clone()
        } else {
            format!("{}: {}", self.question, self.label)
        }
    }
}

/// How a question is called: its label ("Câu hỏi 1"), else its section's heading ("II. Nội
/// dung giao dịch hành chính"), else its prompt.
fn question_name(id: &str, label: &Option<String>, heading: Option<&str>, prompt: &str) -> String {
    match (label, heading) {
        (Some(l), _) if !l.trim().is_empty() => l.trim().trim_end_matches(':').trim().to_owned(),
        (_, Some(h)) if !h.trim().is_empty() => h.trim().to_owned(),
        _ => {
            let p = prompt.trim();
            if p.is_empty() {
                id.to_owned()
            } else {
                p.to_owned()
            }
        }
    }
}

/// The slots of a template, in the order of the paper form (text slots included).
pub fn slots(t: &SurveyTemplate) -> Vec<EntrySlot> {
    let mut out = Vec::new();
    let text = |code: String, question: &str, label: &str| EntrySlot {
        code,
        question: question.to_owned(),
        label: label.to_owned(),
        options: vec![],
        required: false,
        when: None,
    };
    for (heading, item) in t.sections.iter().flat_map(|s| s.items.iter().map(move |i| (s.heading.as_deref(), i))) {
        match item {
            SurveyItem::Note { .. } => {}
            SurveyItem::Respondent { id, prompt, .. } => {
                out.push(text(id.clone(), "Người trả lời", prompt));
            }
            SurveyItem::FreeText { id, label, prompt, .. } => {
                let q = question_name(id, label, heading, prompt);
                out.push(text(id.clone(), &q, prompt));
            }
            SurveyItem::Choice { id, label, prompt, options, multiple, detail } => {
                let q = question_name(id, label, heading, prompt);
                if *multiple {
                    for (i, o) in options.iter().enumerate() {
                        out.push(EntrySlot {
                            code: format!("{id}.{}", i + 1),
                            question: q.clone(),
                            label: o.clone(),
                            options: vec!["Có đánh dấu".into()],
                            required: true,
                            when: None,
                        });
                    }
                } else {
                    out.push(EntrySlot {
                        code: id.clone(),
                        question: q.clone(),
                        label: prompt.clone(),
                        options: options.clone(),
                        required: true,
                        when: None,
                    });
                }
                if let Some(d) = detail {
                    out.push(text(format!("{id}.detail"), &q, &d.prompt));
                }
            }
            SurveyItem::RatingGrid { id, label, prompt, criteria, scale, other_opinion } => {
                let q = question_name(id, label, heading, prompt);
                for (i, c) in criteria.iter().enumerate() {
                    let code = if criteria.len() == 1 { id.clone() } else { format!("{id}.{}", i + 1) };
                    out.push(EntrySlot {
                        code,
                        question: q.clone(),
                        label: c.clone(),
                        options: scale.clone(),
                        required: true,
                        when: None,
                    });
                }
                if *other_opinion {
                    out.push(text(format!("{id}.other"), &q, "Ý kiến khác"));
                }
            }
            SurveyItem::YesNo { id, label, prompt, yes, no, follow_up } => {
                let q = question_name(id, label, heading, prompt);
                out.push(EntrySlot {
                    code: id.clone(),
                    question: q.clone(),
                    label: prompt.clone(),
                    options: vec![yes.clone(), no.clone()],
                    required: true,
                    when: None,
                });
                if let Some(f) = follow_up {
                    out.push(EntrySlot {
                        code: format!("{id}.follow_up"),
                        question: q.clone(),
                        label: f.prompt.clone(),
                        options: f.options.clone(),
                        required: true,
                        when: Some(SlotCondition { code: id.clone(), value: if f.when_yes { 1 } else { 2 } }),
                    });
                }
            }
        }
    }
    out
}

/// Whether the slot is asked, given the answers so far.
pub fn applies(slot: &EntrySlot, answers: &[Answer]) -> bool {
    match &slot.when {
        None => true,
        Some(c) => answers.iter().any(|a| a.code == c.code && a.state == AnswerState::Chosen && a.value == Some(c.value)),
    }
}

/// Longest free text kept from one field of a form.
pub const MAX_TEXT: usize = 2000;

/// Checks a form's answers against the template's slots and returns them cleaned, in slot
/// order: unknown slots, impossible values, a follow-up answered though its condition is
/// not met, and a missing box answer are refused, naming the question. Empty text is dropped;
/// a follow-up that does not apply and was left blank is dropped.
pub fn check_answers(slots: &[EntrySlot], answers: &[Answer]) -> Result<Vec<Answer>> {
    for (i, a) in answers.iter().enumerate() {
        if !slots.iter().any(|s| s.code == a.code) {
            return Err(Error::validation("answers", format!("Mẫu phiếu không có câu hỏi mã «{}».", a.code)));
        }
        if answers[..i].iter().any(|b| b.code == a.code) {
            return Err(Error::validation(&a.code, format!("Câu trả lời cho «{}» được nhập hai lần.", a.code)));
        }
    }
    let mut out: Vec<Answer> = Vec::with_capacity(slots.len());
    for slot in slots {
        let given = answers.iter().find(|a| a.code == slot.code);
        if slot.is_text() {
            if let Some(a) = given {
                let words = match (a.state, &a.text) {
                    (AnswerState::Text, Some(t)) => clean_text(t),
                    (AnswerState::Blank, _) => String::new(),
                    _ => {
                        return Err(Error::validation(&slot.code, format!("«{}» là ý kiến ghi bằng chữ, không chọn ô.", slot.title())))
                    }
                };
                let n = words.chars().count();
                if n > MAX_TEXT {
                    return Err(Error::validation(&slot.code, format!("«{}» quá dài: {n} ký tự, tối đa {MAX_TEXT} ký tự.", slot.title())));
                }
                if !words.is_empty() {
                    out.push(Answer::text(&slot.code, &words));
                }
            }
            continue;
        }
        let asked = applies(slot, &out);
        match given {
            None if asked => {
                return Err(Error::validation(&slot.code, format!("Chưa nhập câu trả lời cho «{}».", slot.title())));
            }
            None => {}
            // A follow-up not asked: a blank is dropped, an answer is refused.
            Some(a) if !asked && a.state == AnswerState::Blank => {}
            Some(_) if !asked => {
                let cond = slot.when.as_ref().expect("a slot that is not asked has a condition");
                let on = slots.iter().find(|s| s.code == cond.code).map(|s| s.options[cond.value as usize - 1].clone());
                return Err(Error::validation(
                    &slot.code,
                    format!("«{}» chỉ trả lời khi đã chọn «{}».", slot.title(), on.unwrap_or_default()),
                ));
            }
            Some(a) => {
                let answer = match a.state {
                    AnswerState::Chosen => {
                        let n = slot.options.len() as i32;
                        match a.value {
                            Some(v) if (1..=n).contains(&v) => Answer::chosen(&slot.code, v),
                            other => {
                                return Err(Error::validation(
                                    &slot.code,
                                    format!(
                                        "«{}»: không có ô số {}; chọn từ 1 đến {n}.",
                                        slot.title(),
                                        other.map_or("(trống)".to_owned(), |v| v.to_string())
                                    ),
                                ))
                            }
                        }
                    }
                    AnswerState::Blank => Answer::blank(&slot.code),
                    AnswerState::Spoiled => Answer::spoiled(&slot.code),
                    AnswerState::Text => {
                        return Err(Error::validation(&slot.code, format!("«{}» là câu hỏi chọn ô, không ghi chữ.", slot.title())))
                    }
                };
                out.push(answer);
            }
        }
    }
    Ok(out)
}

/// A cell of a typed table (CSV or a spreadsheet) read as the answer to `slot`: a level
/// number, the label of a box ("Tốt", "Đạt yêu cầu"…), empty for blank, or a word for a
/// spoiled answer ("hỏng", "không hợp lệ"). `None` when the cell says nothing usable.
pub fn answer_from_cell(slot: &EntrySlot, cell: &str) -> std::result::Result<Option<Answer>, String> {
    let raw = cell.trim();
    if slot.is_text() {
        let t = clean_text(raw);
        return Ok((!t.is_empty()).then(|| Answer::text(&slot.code, &t)));
    }
    let key = plain(raw);
    if key.is_empty() || key == "0" {
        return Ok(Some(Answer::blank(&slot.code)));
    }
    if ["hong", "khong hop le", "phieu hong", "nhieu o", "2 o"].contains(&key.as_str()) {
        return Ok(Some(Answer::spoiled(&slot.code)));
    }
    let n = slot.options.len();
    // "2", "2.0" (a spreadsheet number), or the label of a box.
    let number = key.strip_suffix(" 0").unwrap_or(&key);
    if let Ok(v) = number.parse::<usize>() {
        if (1..=n).contains(&v) {
            return Ok(Some(Answer::chosen(&slot.code, v as i32)));
        }
        return Err(format!("«{}»: không có mức {v} (chỉ từ 1 đến {n})", slot.title()));
    }
    // Follow-up options are printed lettered ("a. Một lần"): "b" is the second.
    if slot.when.is_some() && key.len() == 1 {
        let c = key.as_bytes()[0];
        if (b'a'..b'a' + n as u8).contains(&c) {
            return Ok(Some(Answer::chosen(&slot.code, i32::from(c - b'a') + 1)));
        }
    }
    if let Some(i) = slot.options.iter().position(|o| plain(o) == key) {
        return Ok(Some(Answer::chosen(&slot.code, i as i32 + 1)));
    }
    // A ticked option of a multiple choice is often typed as "x" or "có".
    if n == 1 && ["x", "co"].contains(&key.as_str()) {
        return Ok(Some(Answer::chosen(&slot.code, 1)));
    }
    if n == 1 && key == "khong" {
        return Ok(Some(Answer::blank(&slot.code)));
    }
    let choices: Vec<String> = slot.options.iter().enumerate().map(|(i, o)| format!("{} = {o}", i + 1)).collect();
    Err(format!("«{}»: không hiểu «{}»; dùng {}, để trống, hoặc «hỏng» khi đánh nhiều ô", slot.title(), raw, choices.join(", ")))
}

/// Folded, with punctuation dropped and spaces collapsed: "Tận tình, chu đáo" → "tan tinh chu dao".
pub fn plain(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for word in f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The names a column header may use for each slot: its code, its label, "question label",
/// and the question alone when the question has one box answer. A name that would fit two
/// slots is dropped, so a header never lands on the wrong question.
pub fn header_names(slots: &[EntrySlot]) -> Vec<(String, usize)> {
    let mut names: Vec<(String, usize)> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let mut mine = vec![plain(&s.code), s.code.to_lowercase(), plain(&s.label), plain(&format!("{} {}", s.question, s.label))];
        let boxes_in_question = slots.iter().filter(|o| o.question == s.question && !o.is_text() && o.when.is_none()).count();
        if !s.is_text() && s.when.is_none() && boxes_in_question == 1 {
            mine.push(plain(&s.question));
        }
        mine.sort();
        mine.dedup();
        names.extend(mine.into_iter().filter(|n| !n.is_empty()).map(|n| (n, i)));
    }
    let mut unique = Vec::new();
    for (n, i) in &names {
        if names.iter().filter(|(m, j)| m == n && j != i).count() == 0 {
            unique.push((n.clone(), *i));
        }
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> Vec<EntrySlot> {
        slots(&SurveyTemplate::bm_qt_sct_05_02())
    }

    fn full_form() -> Vec<Answer> {
        let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
        for c in 1..=4 {
            a.push(Answer::chosen(&format!("cau_1.{c}"), 1));
        }
        a.push(Answer::chosen("cau_2", 2));
        for q in ["cau_3", "cau_4", "cau_5"] {
            a.push(Answer::chosen(q, 2));
        }
        a
    }

    #[test]
    fn the_seed_form_has_ten_keyed_answers_and_one_follow_up() {
        let s = seed();
        let keyed: Vec<&str> = s.iter().filter(|s| !s.is_text()).map(|s| s.code.as_str()).collect();
        assert_eq!(
            keyed,
            [
                "noi_dung_giao_dich.1", "noi_dung_giao_dich.2", "cau_1.1", "cau_1.2", "cau_1.3", "cau_1.4", "cau_2",
                "cau_2.follow_up", "cau_3", "cau_4", "cau_5"
            ]
        );
        assert_eq!(s.iter().find(|s| s.code == "cau_1.3").unwrap().title(), "Câu hỏi 1: Tận tình, chu đáo");
        assert_eq!(s.iter().find(|s| s.code == "cau_3").unwrap().options, ["Tốt", "Đạt yêu cầu", "Chưa đạt yêu cầu"]);
    }

    #[test]
    fn a_complete_form_passes_and_a_missing_answer_names_the_question() {
        let s = seed();
        let ok = check_answers(&s, &full_form()).unwrap();
        assert_eq!(ok.len(), 10);
        let missing: Vec<Answer> = full_form().into_iter().filter(|a| a.code != "cau_1.3").collect();
        let err = check_answers(&s, &missing).unwrap_err();
        assert_eq!(err.to_string(), "Chưa nhập câu trả lời cho «Câu hỏi 1: Tận tình, chu đáo».");
    }

    #[test]
    fn the_follow_up_is_asked_only_after_yes() {
        let s = seed();
        let mut yes = full_form();
        yes.retain(|a| a.code != "cau_2");
        yes.push(Answer::chosen("cau_2", 1));
        let err = check_answers(&s, &yes).unwrap_err();
        assert!(err.to_string().contains("Nếu có, vui lòng cho biết tình trạng thực tế"), "{err}");
        yes.push(Answer::chosen("cau_2.follow_up", 3));
        assert_eq!(check_answers(&s, &yes).unwrap().len(), 11);
        let mut no = full_form();
        no.push(Answer::chosen("cau_2.follow_up", 3));
        let err = check_answers(&s, &no).unwrap_err();
        assert!(err.to_string().contains("chỉ trả lời khi đã chọn «Có»"), "{err}");
    }

    #[test]
    fn impossible_values_and_unknown_codes_are_refused() {
        let s = seed();
        let mut bad = full_form();
        bad[2] = Answer::chosen("cau_1.1", 4);
        assert!(check_answers(&s, &bad).unwrap_err().to_string().contains("không có ô số 4"));
        let mut unknown = full_form();
        unknown.push(Answer::chosen("cau_9", 1));
        assert!(check_answers(&s, &unknown).is_err());
        let mut twice = full_form();
        twice.push(Answer::chosen("cau_3", 1));
        assert!(check_answers(&s, &twice).is_err());
    }

    #[test]
    fn cells_read_as_numbers_labels_blanks_and_spoiled() {
        let s = seed();
        let q1 = s.iter().find(|s| s.code == "cau_1.1").unwrap();
        assert_eq!(answer_from_cell(q1, "2").unwrap(), Some(Answer::chosen("cau_1.1", 2)));
        assert_eq!(answer_from_cell(q1, "3.0").unwrap(), Some(Answer::chosen("cau_1.1", 3)));
        assert_eq!(answer_from_cell(q1, "đạt yêu cầu").unwrap(), Some(Answer::chosen("cau_1.1", 2)));
        // Decomposed input, as some Windows input methods type it.
        assert_eq!(answer_from_cell(q1, "Chu\u{0300}a \u{0111}a\u{0323}t yêu câ\u{0300}u").unwrap(), Some(Answer::chosen("cau_1.1", 3)));
        assert_eq!(answer_from_cell(q1, "").unwrap(), Some(Answer::blank("cau_1.1")));
        assert_eq!(answer_from_cell(q1, "Hỏng").unwrap(), Some(Answer::spoiled("cau_1.1")));
        assert!(answer_from_cell(q1, "7").unwrap_err().contains("không có mức 7"));
        assert!(answer_from_cell(q1, "=cmd|' /C calc'!A0").is_err());
    }

    #[test]
    fn headers_match_codes_labels_and_single_questions_but_never_two_slots() {
        let s = seed();
        let names = header_names(&s);
        let find = |h: &str| names.iter().find(|(n, _)| *n == plain(h)).map(|(_, i)| s[*i].code.as_str());
        assert_eq!(find("cau_1.2"), Some("cau_1.2"));
        assert_eq!(find("Tận tình chu đáo"), Some("cau_1.3"));
        assert_eq!(find("Câu hỏi 5"), Some("cau_5"));
        assert_eq!(find("Câu hỏi 2"), Some("cau_2"));
        assert_eq!(find("Câu hỏi 1"), None);
        assert_eq!(find("Ý kiến khác"), None, "every grid has one");
    }
}
