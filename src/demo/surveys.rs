//! Demo survey rounds: last year's round of BM.QT.SCT.05-02, printed and returned across the
//! four quarters, and this year's round, half returned so far. Forms are entered through the
//! same checks as the entry screen.

use super::cases::Rng;
use crate::domain::survey_entry::{slots, Answer, EntrySlot};
use crate::{Ledger, ResponseInput, Result, RoundInput};
use chrono::{Datelike, Days, NaiveDate};

const OPINIONS: &[&str] = &[
    "Cán bộ hướng dẫn tận tình, dễ hiểu.",
    "Nên bố trí thêm ghế chờ ở bộ phận một cửa.",
    "Thời gian chờ lấy số còn lâu vào buổi sáng.",
    "Đề nghị niêm yết rõ hơn mức phí, lệ phí.",
    "Hồ sơ được trả đúng hẹn, rất hài lòng.",
];

const TRANSACTIONS: &[&str] = &[
    "Cấp Giấy chứng nhận đủ điều kiện kinh doanh khí.",
    "Cấp Giấy phép bán lẻ sản phẩm rượu.",
    "Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn hóa chất.",
    "Xác nhận đăng ký thực hiện khuyến mại.",
];

pub fn fill(l: &mut Ledger) -> Result<()> {
    let today = l.today();
    let mut rng = Rng(0x5EED_2026_0000_0005 ^ u64::from(today.year() as u32));
    let last = today.year() - 1;
    round(l, &mut rng, last, 120, 104, today, 0)?;
    round(l, &mut rng, today.year(), 80, 46, today, 5)?;
    Ok(())
}

/// A year's round with `printed` forms of which `returned` came back, spread over the days of
/// the year up to `today`; `better` raises the share of "Tốt" by that many points.
fn round(l: &mut Ledger, rng: &mut Rng, year: i32, printed: i32, returned: i32, today: NaiveDate, better: u64) -> Result<()> {
    let r = l.create_survey_round(&RoundInput {
        name: format!("Khảo sát sự hài lòng năm {year}"),
        period_from: format!("{year}-01-01"),
        period_to: format!("{year}-12-31"),
        template_key: "bm-qt-sct-05-02".into(),
    })?;
    l.print_survey_round(&r.id, printed)?;
    let template = l.survey_template(&r.template_id)?;
    let slots = slots(&template);
    let start = NaiveDate::from_ymd_opt(year, 1, 5).expect("a real date");
    let end = NaiveDate::from_ymd_opt(year, 12, 28).expect("a real date").min(today);
    let span = (end - start).num_days().max(1) as usize;
    let mut serials: Vec<i32> = (1..=printed).collect();
    for _ in 0..returned {
        let serial = serials.remove(rng.below(serials.len()));
        let filled_on = start.checked_add_days(Days::new(rng.below(span) as u64)).unwrap_or(start);
        let answers = answers(rng, &slots, better);
        l.save_response_from(
            &ResponseInput { round_id: r.id.clone(), serial: serial.to_string(), filled_on: filled_on.to_string(), answers, keystrokes: None },
            "demo",
        )?;
    }
    Ok(())
}

/// The answers of one returned form: mostly "Tốt", some "Đạt yêu cầu", a few blanks and
/// spoiled boxes, now and then a written opinion; `better` raises the share of "Tốt".
pub(super) fn answers(rng: &mut Rng, slots: &[EntrySlot], better: u64) -> Vec<Answer> {
    let mut answers = Vec::new();
    for s in slots {
        if s.is_text() {
            if s.code.ends_with(".other") && rng.chance(8) {
                let words: &&str = rng.pick(OPINIONS);
                answers.push(Answer::text(&s.code, words));
            } else if s.code.ends_with(".detail") && rng.chance(40) {
                let words: &&str = rng.pick(TRANSACTIONS);
                answers.push(Answer::text(&s.code, words));
            }
            continue;
        }
        if s.when.is_some() {
            let asked = answers.iter().any(|a: &Answer| Some(a.code.as_str()) == s.when.as_ref().map(|w| w.code.as_str()) && a.value == s.when.as_ref().map(|w| w.value));
            if asked {
                answers.push(Answer::chosen(&s.code, if rng.chance(80) { 1 } else { 2 }));
            }
            continue;
        }
        let answer = if s.options.len() == 1 {
            // An option of a multiple choice: ticked or not.
            if rng.chance(55) { Answer::chosen(&s.code, 1) } else { Answer::blank(&s.code) }
        } else if s.options.len() == 2 {
            // The harassment question: rarely "Có".
            if rng.chance(4) { Answer::chosen(&s.code, 1) } else { Answer::chosen(&s.code, 2) }
        } else {
            let roll = rng.below(100) as u64;
            match roll {
                r if r < 58 + better => Answer::chosen(&s.code, 1),
                r if r < 90 => Answer::chosen(&s.code, 2),
                r if r < 97 => Answer::chosen(&s.code, 3),
                r if r < 99 => Answer::blank(&s.code),
                _ => Answer::spoiled(&s.code),
            }
        };
        answers.push(answer);
    }
    answers
}
