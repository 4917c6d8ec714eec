//! Rating kiosks (máy đánh giá tại quầy): a tablet at a desk on which the citizen, once
//! served, taps how satisfied they are. The rules here: what an administrator registers, the
//! templates a kiosk may ask (one overall question by default, or the four attitude criteria
//! of BM.QT.SCT.05-02 with it), the pairing code, and what a tap must carry to be a rating.
//! Nothing personal is asked or kept: a rating is levels chosen, linked to the desk, the staff
//! member who armed the kiosk and the case when there is one.

use crate::domain::survey::{SurveyItem, SurveySection, SurveyTemplate, OFFICE_PLACEHOLDER};
use crate::domain::text::required_line;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The key of the template a kiosk asks when none is chosen: one question, three faces.
pub const DEFAULT_TEMPLATE: &str = "ks-tai-quay";

/// How long an arm shows the faces on the kiosk: a citizen rates as they leave the desk, and
/// an arm nobody used must not wait for the next person.
pub const ARM_SHOWN_MINUTES: i64 = 10;

/// How long a pairing code may be used after it is made.
pub const PAIRING_HOURS: i64 = 24;

/// The three levels of BM.QT.SCT.05-02, the office's words for them.
fn three() -> Vec<String> {
    vec!["Tốt".to_owned(), "Đạt yêu cầu".to_owned(), "Chưa đạt yêu cầu".to_owned()]
}

fn overall() -> SurveyItem {
    SurveyItem::RatingGrid {
        id: "danh_gia_chung".into(),
        label: None,
        prompt: format!("Ông/Bà đánh giá thế nào về sự phục vụ của {OFFICE_PLACEHOLDER} hôm nay?"),
        criteria: vec!["Mức độ hài lòng".into()],
        scale: three(),
        other_opinion: false,
    }
}

fn kiosk_template(code: &str, subtitle: &str, items: Vec<SurveyItem>) -> SurveyTemplate {
    SurveyTemplate {
        code: code.into(),
        version: 1,
        issued_on: None,
        title: "Đánh giá tại quầy".into(),
        subtitle_lines: vec![subtitle.into()],
        year_line: false,
        intro: Vec::new(),
        sections: vec![SurveySection { heading: None, items }],
        closing: "Cảm ơn Ông/Bà!".into(),
        satisfied_levels: None,
    }
}

/// The templates a kiosk may ask: the short one (one overall question on the three levels of
/// BM.QT.SCT.05-02) and the one with the four attitude criteria of its question 1 before it.
/// Stored as survey templates when the first kiosk asking one is registered, so that the
/// figures count their answers as they count the paper forms'.
pub fn templates() -> Vec<SurveyTemplate> {
    let attitude = SurveyItem::RatingGrid {
        id: "cau_1".into(),
        label: None,
        prompt: format!("Thái độ phục vụ của công chức {OFFICE_PLACEHOLDER}?"),
        criteria: vec![
            "Thái độ giao tiếp".into(),
            "Lắng nghe ý kiến".into(),
            "Tận tình, chu đáo".into(),
            "Tuân thủ đúng quy trình".into(),
        ],
        scale: three(),
        other_opinion: false,
    };
    vec![
        kiosk_template("KS.TAI-QUAY", "Mức độ hài lòng sau khi được phục vụ", vec![overall()]),
        kiosk_template("KS.TAI-QUAY-TD", "Thái độ phục vụ và mức độ hài lòng", vec![attitude, overall()]),
    ]
}

/// The kiosk template whose key is `key`, or the refusal naming those there are.
pub fn template(key: &str) -> Result<SurveyTemplate> {
    let key = crate::domain::survey::key_of(key);
    templates().into_iter().find(|t| t.key() == key).ok_or_else(|| {
        let known: Vec<String> = templates().iter().map(SurveyTemplate::key).collect();
        Error::validation("template", format!("Máy đánh giá không hỏi được mẫu «{key}». Các mẫu dành cho máy đánh giá: {}.", known.join(", ")))
    })
}

/// One tap target of the kiosk: a criterion to rate on its levels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KioskQuestion {
    /// The answer code ("cau_1.2"; "danh_gia_chung" for a question of one criterion), as
    /// the figures count it.
    pub code: String,
    /// The question, the office's name filled in.
    pub prompt: String,
    /// The criterion ("Thái độ giao tiếp"), empty when the question has one only.
    pub criterion: String,
    /// The levels, best first.
    pub levels: Vec<String>,
}

/// The questions of a kiosk template, one per criterion, in the form's order.
pub fn questions(t: &SurveyTemplate, office_name: &str) -> Vec<KioskQuestion> {
    let fill = |s: &str| crate::domain::survey::fill(s, office_name);
    t.items()
        .filter_map(|item| match item {
            SurveyItem::RatingGrid { id, prompt, criteria, scale, .. } => Some(
                criteria
                    .iter()
                    .enumerate()
                    .map(|(i, c)| KioskQuestion {
                        // The answer codes of the survey's slots (`survey_entry::slots`): the
                        // figures count these.
                        code: if criteria.len() == 1 { id.clone() } else { format!("{id}.{}", i + 1) },
                        prompt: fill(prompt),
                        criterion: if criteria.len() > 1 { c.clone() } else { String::new() },
                        levels: scale.clone(),
                    })
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

/// A kiosk as an administrator registers it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct KioskInput {
    /// "Quầy 1".
    pub name: String,
    #[serde(default)]
    #[ts(optional)]
    pub unit_id: Option<String>,
    /// The template's key ([`DEFAULT_TEMPLATE`] when absent).
    #[serde(default)]
    #[ts(optional)]
    pub template: Option<String>,
}

impl KioskInput {
    /// The name cleaned, and the template it asks.
    pub fn validated(&self) -> Result<(String, SurveyTemplate)> {
        let name = required_line("name", "Tên máy đánh giá", &self.name, 60)?;
        let template = template(self.template.as_deref().unwrap_or(DEFAULT_TEMPLATE))?;
        Ok((name, template))
    }
}

/// A registered kiosk, as the administrator's list shows it (never its token).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kiosk {
    pub id: String,
    pub name: String,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    /// The template's key and code.
    pub template_key: String,
    pub template_code: String,
    /// A tablet holds its device token.
    pub paired: bool,
    pub paired_at: Option<String>,
    /// When the tablet last asked whether it is armed (UTC).
    pub last_seen_at: Option<String>,
    pub disabled: bool,
    /// Ratings received so far.
    pub ratings: u32,
    pub created_at: String,
    /// The office's day of its last rating (YYYY-MM-DD), if it has one.
    #[serde(default)]
    pub last_rated_on: Option<String>,
}

/// What `kiosk add` answers: the kiosk and the one-time code that pairs its tablet.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct KioskPairing {
    pub kiosk: Kiosk,
    /// "7KQ4-M2XP": typed on the tablet, or carried in the address after `#ma=`.
    pub code: String,
    /// Until when the code may be used (UTC).
    pub valid_until: String,
}

/// The letters of a pairing code: no 0/O, 1/I/L, easy to read aloud and type.
const CODE_LETTERS: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A pairing code from 8 random bytes: "XXXX-XXXX".
pub fn pairing_code(random: [u8; 8]) -> String {
    let letters: String = random.iter().map(|b| CODE_LETTERS[*b as usize % CODE_LETTERS.len()] as char).collect();
    format!("{}-{}", &letters[..4], &letters[4..])
}

/// A code as typed ("7kq4 m2xp", "7KQ4M2XP") in its one written form.
pub fn normalised_code(typed: &str) -> String {
    let letters: String = typed.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
    if letters.len() == 8 {
        format!("{}-{}", &letters[..4], &letters[4..])
    } else {
        letters
    }
}

/// A tap as the tablet sends it: the arm it answers, its own id, and a level per question.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RatingInput {
    /// The tablet's id for this tap (a UUID made when the citizen tapped), sent again
    /// unchanged until the server has it.
    pub tap_id: String,
    /// The arm the kiosk showed the faces for.
    pub arm_id: String,
    pub answers: Vec<RatedAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RatedAnswer {
    pub code: String,
    /// 1 = the first (best) level.
    pub value: u8,
}

impl RatingInput {
    /// The answers checked against the kiosk's questions: every question answered once, on
    /// one of its levels.
    pub fn checked(&self, questions: &[KioskQuestion]) -> Result<Vec<RatedAnswer>> {
        let id_ok = |s: &str| !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !id_ok(&self.tap_id) || !id_ok(&self.arm_id) {
            return Err(Error::validation("tap_id", "Lượt đánh giá gửi tới không có mã hợp lệ."));
        }
        let mut out = Vec::new();
        for q in questions {
            let given: Vec<&RatedAnswer> = self.answers.iter().filter(|a| a.code == q.code).collect();
            match given.as_slice() {
                [a] if (1..=q.levels.len()).contains(&(a.value as usize)) => out.push((*a).clone()),
                _ => {
                    return Err(Error::validation(
                        "answers",
                        format!("Lượt đánh giá phải chọn đúng một mức cho «{}».", if q.criterion.is_empty() { &q.prompt } else { &q.criterion }),
                    ))
                }
            }
        }
        if self.answers.len() != out.len() {
            return Err(Error::validation("answers", "Lượt đánh giá có câu trả lời không thuộc mẫu của máy đánh giá."));
        }
        Ok(out)
    }
}

/// What the kiosk page asks the server every few seconds.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct KioskState {
    pub name: String,
    /// The office's name, shown small on the waiting screen.
    pub office: String,
    pub questions: Vec<KioskQuestion>,
    /// The arm to rate, while one is shown; null: the waiting screen.
    pub arm_id: Option<String>,
}

/// The ratings of a period by desk and by staff member, for leadership and the QMR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KioskFigures {
    pub from: String,
    pub to: String,
    /// Ratings received in the period, all kiosks.
    pub ratings: u32,
    pub by_kiosk: Vec<RatingCount>,
    pub by_staff: Vec<RatingCount>,
}

/// A kiosk rating behind a number of the survey figures (its source marked apart from the
/// paper forms'): where and when it was tapped, nothing about the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatingBehind {
    pub rating_id: String,
    /// The kiosk (the desk) and its unit.
    pub kiosk_name: String,
    pub unit_name: Option<String>,
    /// The kiosk template's code ("KS.TAI-QUAY").
    pub template_code: String,
    /// The office's day it was tapped (YYYY-MM-DD).
    pub rated_on: String,
}

/// A kiosk rating as the survey workbook lists it: its desk, unit, template, day and the level
/// of each answer (1 = the first level), by answer code. No staff member, case or citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingLine {
    pub kiosk_name: String,
    pub unit_name: Option<String>,
    pub template_code: String,
    pub rated_on: String,
    pub answers: Vec<(String, u8)>,
}

/// Ratings of one desk or one staff member: how many, and the satisfied share of their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RatingCount {
    pub key: String,
    pub label: String,
    pub ratings: u32,
    /// Answers on a satisfied level (the first two of three) out of all answers.
    pub satisfied: u32,
    pub answers: u32,
    pub percent: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_asks_one_question_on_three_levels_and_the_other_adds_the_four_criteria() {
        let short = template(DEFAULT_TEMPLATE).unwrap();
        let q = questions(&short, "Sở Công Thương");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].code, "danh_gia_chung");
        let slots: Vec<String> = crate::domain::survey_entry::slots(&short).into_iter().map(|s| s.code).collect();
        assert_eq!(slots, ["danh_gia_chung"], "the codes the figures count");
        assert_eq!(q[0].levels, ["Tốt", "Đạt yêu cầu", "Chưa đạt yêu cầu"]);
        assert!(q[0].prompt.contains("Sở Công Thương"), "{}", q[0].prompt);
        let long = template("KS.TAI-QUAY-TD").unwrap();
        let q = questions(&long, "Sở");
        assert_eq!(q.iter().map(|q| q.code.as_str()).collect::<Vec<_>>(), ["cau_1.1", "cau_1.2", "cau_1.3", "cau_1.4", "danh_gia_chung"]);
        assert_eq!(q[1].criterion, "Lắng nghe ý kiến");
        for t in templates() {
            assert_eq!(t.validated().unwrap(), t);
        }
        assert!(template("bm-qt-sct-05-02").is_err(), "a paper form is not asked at a kiosk");
    }

    #[test]
    fn a_tap_answers_every_question_once_on_one_of_its_levels() {
        let q = questions(&template("ks-tai-quay-td").unwrap(), "Sở");
        let tap = |answers: Vec<(&str, u8)>| RatingInput {
            tap_id: "0193a1b2-0000-7000-8000-000000000001".into(),
            arm_id: "0193a1b2-0000-7000-8000-000000000002".into(),
            answers: answers.into_iter().map(|(c, v)| RatedAnswer { code: c.into(), value: v }).collect(),
        };
        let all = vec![("cau_1.1", 1), ("cau_1.2", 2), ("cau_1.3", 1), ("cau_1.4", 3), ("danh_gia_chung", 1)];
        assert_eq!(tap(all.clone()).checked(&q).unwrap().len(), 5);
        assert!(tap(all[..4].to_vec()).checked(&q).is_err(), "a question left out");
        let mut four = all.clone();
        four[0].1 = 4;
        assert!(tap(four).checked(&q).is_err(), "no fourth level");
        let mut more = all.clone();
        more.push(("cau_9.1", 1));
        assert!(tap(more).checked(&q).is_err(), "a code of another form");
        let mut twice = all;
        twice.push(("cau_1.1", 2));
        assert!(tap(twice).checked(&q).is_err(), "two levels for one criterion");
    }

    #[test]
    fn pairing_codes_are_eight_unambiguous_letters_however_typed() {
        let code = pairing_code([0, 1, 2, 3, 250, 251, 252, 253]);
        assert_eq!(code.len(), 9);
        assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(normalised_code(&code.to_lowercase().replace('-', " ")), code);
    }
}
