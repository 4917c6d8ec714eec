//! The figures of the management review against a small dataset computed by hand. Replies
//! are due 10 calendar days after receipt (moved to the next working day when that falls on
//! a weekend), so every deadline below can be checked on a calendar.
//!
//! | case | received   | kind      | due        | path                         | closed     | days |
//! |------|------------|-----------|------------|------------------------------|------------|------|
//! | H    | 2025-01-06 | complaint | 2025-01-16 | front desk                   | 2025-01-09 | 3    |
//! | I    | 2025-12-22 | complaint | 2026-01-01 | front desk                   | 2026-01-20 | 29   |
//! | A    | 2026-01-05 | complaint | 2026-01-15 | front desk                   | 2026-01-08 | 3    |
//! | B    | 2026-01-12 | complaint | 2026-01-22 | specialist                   | 2026-01-22 | 10   |
//! | C    | 2026-02-02 | grievance | 2026-02-12 | specialist, then leadership  | 2026-02-20 | 18   |
//! | D    | 2026-03-16 | complaint | 2026-03-26 | front desk                   | open       |      |
//! | E    | 2026-03-25 | complaint | 2026-04-06 | (due Sat 04-04 → Mon 04-06)  | open       |      |
//! | F    | 2026-03-10 | praise    | settled on the spot                                   |
//! | G    | 2026-02-16 | suggestion| open                                                  |

use chrono::NaiveDateTime;
use ykien::report::period::Period;
use ykien::{Channel, Kind, Ledger, MoveInput, Settings, Status, Subject, UnitInput};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

struct Data {
    l: Ledger,
}

impl Data {
    fn add(&mut self, received: &str, kind: Kind, subject: Subject, unit: Option<&str>) -> String {
        self.l.set_clock(Some(at(received)));
        let mut f = crate::cases::input(received, kind, subject);
        f.channel = Channel::InPerson;
        f.unit_id = unit.map(str::to_owned);
        self.l.add_feedback(&f).unwrap().id
    }

    /// Moves `id` along `path`, each move on its day (at 10:00).
    fn walk(&mut self, id: &str, path: &[(Status, &str)]) {
        for (to, day) in path {
            self.l.set_clock(Some(at(&format!("{day}T10:00"))));
            let note = if matches!(to, Status::Closed | Status::FrontDesk) { "" } else { "Đã xử lý" };
            self.l.move_case(id, &MoveInput { to: *to, note: note.into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }).unwrap();
        }
    }
}

fn dataset() -> Ledger {
    dataset_in(Ledger::open_in_memory().unwrap())
}

fn dataset_in(mut l: Ledger) -> Ledger {
    l.save_settings(&Settings { reply_deadline_days: 10, count_working_days: false, ..Settings::default() }).unwrap();
    let u1 = l.save_unit(&UnitInput { id: None, name: "Phòng Quản lý thương mại".into(), code: "QLTM".into() }).unwrap().id;
    let u2 = l.save_unit(&UnitInput { id: None, name: "Văn phòng Sở".into(), code: "VP".into() }).unwrap().id;
    let mut d = Data { l };
    use Status::*;
    let front = |closed: &'static str, from: &'static str| vec![(FrontDesk, from), (AwaitingCustomer, from), (Closed, closed)];

    let h = d.add("2025-01-06T09:00", Kind::Complaint, Subject::ProcessingTime, None);
    d.walk(&h, &front("2025-01-09", "2025-01-07"));
    let i = d.add("2025-12-22T09:00", Kind::Complaint, Subject::Procedure, None);
    d.walk(&i, &front("2026-01-20", "2026-01-19"));
    let a = d.add("2026-01-05T09:00", Kind::Complaint, Subject::ProcessingTime, Some(&u1));
    d.walk(&a, &front("2026-01-08", "2026-01-06"));
    let b = d.add("2026-01-12T09:00", Kind::Complaint, Subject::Procedure, None);
    d.walk(&b, &[(FrontDesk, "2026-01-12"), (Specialist, "2026-01-13"), (SolutionFeedback, "2026-01-20"), (AwaitingCustomer, "2026-01-21"), (Closed, "2026-01-22")]);
    let c = d.add("2026-02-02T09:00", Kind::Grievance, Subject::ProcessingTime, Some(&u2));
    d.walk(
        &c,
        &[(Specialist, "2026-02-03"), (Leadership, "2026-02-10"), (SolutionFeedback, "2026-02-18"), (AwaitingCustomer, "2026-02-19"), (Closed, "2026-02-20")],
    );
    let dd = d.add("2026-03-16T09:00", Kind::Complaint, Subject::Other, None);
    d.walk(&dd, &[(FrontDesk, "2026-03-17")]);
    d.add("2026-03-25T09:00", Kind::Complaint, Subject::Other, None);
    d.l.set_clock(Some(at("2026-03-10T09:00")));
    let mut f = crate::cases::input("2026-03-10T09:00", Kind::Praise, Subject::Attitude);
    f.settled_on_spot = Some("Cảm ơn ông đã khen".into());
    d.l.add_feedback(&f).unwrap();
    d.add("2026-02-16T09:00", Kind::Suggestion, Subject::Procedure, None);
    // The report is read in April; nothing after that exists.
    d.l.set_clock(Some(at("2026-04-10T16:00")));
    d.l
}

fn count(list: &[ykien::report::figures::Count], key: &str) -> u32 {
    list.iter().find(|c| c.key == key).unwrap_or_else(|| panic!("{key} not listed")).count
}

#[test]
fn the_deadlines_of_the_dataset_are_those_of_the_table() {
    let l = dataset();
    let dues: Vec<(String, String)> = l
        .feedback(&ykien::FeedbackFilter { limit: Some(50), ..Default::default() })
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.kind.is_complaint())
        .map(|r| (r.received_at[..10].to_owned(), r.due_date))
        .collect();
    for (received, due) in [("2025-12-22", "2026-01-01"), ("2026-01-12", "2026-01-22"), ("2026-03-25", "2026-04-06")] {
        assert!(dues.contains(&(received.into(), due.into())), "{received} → {due}: {dues:?}");
    }
}

#[test]
fn the_first_quarter_equals_the_hand_computation() {
    let l = dataset();
    let f = l.figures(&Period::quarter(2026, 1).unwrap()).unwrap();
    assert_eq!(f.period.label, "Quý I năm 2026");

    assert_eq!(f.feedback.total, 7);
    assert_eq!(count(&f.feedback.by_kind, "complaint"), 4);
    assert_eq!(count(&f.feedback.by_kind, "grievance"), 1);
    assert_eq!(count(&f.feedback.by_kind, "praise"), 1);
    assert_eq!(count(&f.feedback.by_kind, "suggestion"), 1);
    assert_eq!(count(&f.feedback.by_kind, "appeal"), 0, "every kind is listed, with zeros");
    assert_eq!(count(&f.feedback.by_subject, "processing_time"), 2);
    assert_eq!(count(&f.feedback.by_channel, "in_person"), 7);
    let units: Vec<(&str, u32)> = f.feedback.by_unit.iter().map(|c| (c.label.as_str(), c.count)).collect();
    assert_eq!(units, [("Phòng Quản lý thương mại", 1), ("Văn phòng Sở", 1), ("Chưa giao đơn vị", 5)]);

    let c = &f.complaints;
    assert_eq!((c.received, c.closed), (5, 3), "A B C D E received; A B C closed");
    // On time: A (day 3) and B (on the deadline day); late: C (closed after), D (open past due).
    // E is open and not yet due on 31/03: not judged.
    assert_eq!((c.replied_on_time.count, c.replied_on_time.of, c.replied_on_time.percent), (2, 4, Some(50.0)));
    assert_eq!(c.median_days_to_close, Some(10.0), "3, 10, 18");
    assert_eq!(c.p90_days_to_close, Some(18), "⌈0.9·3⌉ = 3rd");
    assert_eq!((c.open_at_end, c.overdue_at_end), (2, 1), "D and E open; D overdue");
    assert_eq!((c.settled_front_desk.count, c.escalated_specialist.count, c.escalated_leadership.count), (1, 1, 1));
    assert_eq!(c.settled_front_desk.percent, Some(33.3));
}

#[test]
fn a_year_looks_at_its_last_day() {
    let l = dataset();
    let y2025 = l.figures(&Period::year(2025).unwrap()).unwrap().complaints;
    // I is open on 31/12/2025 but not due until 01/01/2026: open, not overdue, not judged.
    assert_eq!((y2025.received, y2025.closed, y2025.open_at_end, y2025.overdue_at_end), (2, 1, 1, 0));
    assert_eq!((y2025.replied_on_time.count, y2025.replied_on_time.of), (1, 1));

    let y2026 = l.figures(&Period::year(2026).unwrap()).unwrap().complaints;
    // E's deadline (06/04) has passed by 31/12: D and E are both late.
    assert_eq!((y2026.replied_on_time.count, y2026.replied_on_time.of, y2026.replied_on_time.percent), (2, 5, Some(40.0)));
    assert_eq!((y2026.open_at_end, y2026.overdue_at_end), (2, 2));

    // I closed on 20/01/2026: it is no longer open at the end of the first quarter, and its
    // 29 days count for 2025's receipt, not 2026's.
    let q1 = l.figures(&Period::quarter(2026, 1).unwrap()).unwrap().complaints;
    assert_eq!(q1.open_at_end, 2);
    let jan = l.figures(&Period::month(2026, 1).unwrap()).unwrap().complaints;
    assert_eq!((jan.received, jan.closed, jan.median_days_to_close), (2, 2, Some(6.5)), "A 3 days, B 10 days");
}

#[test]
fn an_empty_quarter_has_counts_of_zero_and_no_shares() {
    let l = dataset();
    let f = l.figures(&Period::quarter(2026, 3).unwrap()).unwrap();
    assert_eq!(f.feedback.total, 0);
    assert!(f.feedback.by_kind.iter().all(|c| c.count == 0));
    let c = &f.complaints;
    assert_eq!((c.received, c.closed), (0, 0));
    assert_eq!(c.replied_on_time.percent, None);
    assert_eq!(c.median_days_to_close, None);
    assert_eq!(c.p90_days_to_close, None);
    // D and E are still open at the end of the third quarter, both past their deadlines.
    assert_eq!((c.open_at_end, c.overdue_at_end), (2, 2));
}

#[test]
fn the_quarter_against_the_same_quarter_a_year_before() {
    let l = dataset();
    let r = l.figures_report(&Period::quarter(2026, 1).unwrap()).unwrap();
    assert_eq!(r.year_before.period.label, "Quý I năm 2025");
    assert!(r.quarters.is_empty(), "quarters side by side only for a whole year");
    let change = |key: &str| r.changes.iter().find(|c| c.key == key).unwrap().clone();
    let received = change("complaints_received");
    assert_eq!((received.current, received.previous, received.change), (Some(5.0), Some(1.0), Some(4.0)));
    let on_time = change("replied_on_time");
    assert_eq!((on_time.unit.as_str(), on_time.current, on_time.previous, on_time.change), ("percent", Some(50.0), Some(100.0), Some(-50.0)));
    let front = change("settled_front_desk");
    assert_eq!(front.change, Some(-66.7), "33.3 − 100.0 percentage points");
    assert_eq!(change("median_days_to_close").change, Some(7.0), "10 against 3 days");
}

#[test]
fn a_year_lists_its_four_quarters() {
    let l = dataset();
    let r = l.figures_report(&Period::year(2026).unwrap()).unwrap();
    let received: Vec<u32> = r.quarters.iter().map(|q| q.complaints.received).collect();
    assert_eq!(received, [5, 0, 0, 0]);
    let labels: Vec<&str> = r.quarters.iter().map(|q| q.period.label.as_str()).collect();
    assert_eq!(labels, ["Quý I năm 2026", "Quý II năm 2026", "Quý III năm 2026", "Quý IV năm 2026"]);
    let total: u32 = r.quarters.iter().map(|q| q.feedback.total).sum();
    assert_eq!(total, r.figures.feedback.total, "the quarters add up to the year");
}

#[test]
fn the_command_line_prints_the_figures_as_json() {
    let dir = crate::temp_dir();
    let db = dir.path().join("báo cáo.db");
    dataset_in(Ledger::open(&db).unwrap());
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap()
    };
    let o = run(&["--json", "report", "figures", "--year", "2026", "--quarter", "1"]);
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["figures"]["period"]["label"], "Quý I năm 2026");
    assert_eq!(v["figures"]["complaints"]["replied_on_time"]["percent"], 50.0);
    assert_eq!(v["figures"]["complaints"]["replied_on_time"]["of"], 4);
    assert_eq!(v["year_before"]["period"]["from"], "2025-01-01");
    assert_eq!(v["changes"][0]["key"], "feedback_total");
    assert_eq!(v["quarters"].as_array().unwrap().len(), 0);

    let o = run(&["--json", "report", "figures", "--from", "2026-01-01", "--to", "2026-01-31"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["figures"]["complaints"]["median_days_to_close"], 6.5);

    // A quarter needs its year; an impossible month is named.
    assert_eq!(run(&["report", "figures", "--quarter", "1"]).status.code(), Some(2));
    let o = run(&["report", "figures", "--year", "2026", "--month", "13"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Tháng phải từ 1 đến 12"), "{o:?}");
}

#[test]
fn a_running_period_is_judged_today_not_on_its_last_day() {
    let mut l = dataset();
    // On 3 April, E (due 6 April) is open but not late yet.
    l.set_clock(Some(at("2026-04-03T10:00")));
    let c = l.figures(&Period::year(2026).unwrap()).unwrap().complaints;
    assert_eq!(c.as_of, "2026-04-03");
    assert_eq!((c.open_at_end, c.overdue_at_end), (2, 1));
    assert_eq!((c.replied_on_time.count, c.replied_on_time.of), (2, 4));
    // A past period is judged on its own last day, whatever today is.
    assert_eq!(l.figures(&Period::year(2025).unwrap()).unwrap().complaints.as_of, "2025-12-31");
}

#[test]
fn the_annual_report_prints_the_figures_of_the_year() {
    let mut l = dataset();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    use ykien::report::review::Metric;
    l.set_objective(2026, Metric::SatisfactionIndex, Some(90.0)).unwrap();
    l.set_objective(2026, Metric::RepliedOnTime, Some(95.0)).unwrap();
    let texts = ykien::report::annual::AnnualTexts {
        number: "15/BC-SCT".into(),
        conclusions: "Tỷ lệ trả lời đúng hạn chưa đạt mục tiêu.".into(),
        prepared_by: "Nguyễn Thị Thanh Hương".into(),
        head_title: "Giám đốc".into(),
        ..Default::default()
    };
    let pdf = crate::pdf::Pdf::new(&l.annual_report_pdf(2026, &texts).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    crate::pdf::assert_in_order(
        &text,
        &[
            "Mã hiệu: BM-[HC-TMKH]-BCTM",
            "Số: 15/BC-SCT",
            "BÁO CÁO",
            "Đánh giá sự thỏa mãn của khách hàng năm 2026",
            "I. NGUỒN THÔNG TIN",
            "(7 ý kiến)",
            "Khiếu nại 4 57,1",
            "Tổng cộng 7 100",
            "Quý I 7 5 50% (2/4) 10",
            "Cả năm 7 5 40% (2/5) 10",
            "Năm 2026 tiếp nhận 5 khiếu nại",
            "Tỷ lệ trả lời đúng hạn 40% 100% -60 điểm %",
            "IV. KẾT QUẢ KHẢO SÁT",
            "không có phiếu khảo sát nào",
            "V. KẾT QUẢ THỰC HIỆN MỤC TIÊU",
            "Tỷ lệ trả lời khiếu nại đúng hạn ≥ 95% 40% Không đạt",
            "Chỉ số hài lòng (phiếu khảo sát) ≥ 90% — Chưa có số liệu",
            "VI. KẾT LUẬN",
            "Tỷ lệ trả lời đúng hạn chưa đạt mục tiêu.",
            "NGƯỜI LẬP BÁO CÁO",
            "GIÁM ĐỐC",
            "Nguyễn Thị Thanh Hương",
            "Nơi nhận:",
        ],
    );
}

#[test]
fn the_yearly_compilation_lists_every_complaint_with_its_result() {
    let mut l = dataset();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let pdf = crate::pdf::Pdf::new(&l.complaints_report_pdf(2026).unwrap());
    pdf.assert_sound();
    let text = pdf.text(None);
    // A B C D E in the order received; the praise and the suggestion are not complaints.
    crate::pdf::assert_in_order(
        &text,
        &[
            "Tổng hợp khiếu nại, phàn nàn, kháng nghị và kết quả giải quyết năm 2026",
            "Năm 2026 tiếp nhận 5 khiếu nại",
            "chưa có hành động khắc phục",
            "2026/000001",
            "08/01/2026",
            "2026/000002",
            "22/01/2026",
            "2026/000003",
            "Phàn nàn",
            "20/02/2026 (quá hạn)",
            "2026/000004",
            "Đang giải quyết",
            "2026/000005",
            "Không có hành động khắc phục nào",
            "NGƯỜI TỔNG HỢP",
        ],
    );
    assert!(!text.contains("2026/000006"), "the praise is not a complaint");

    // The Word copy, read by python-docx, says the same in the same order.
    let word = docx_text(&l.complaints_report_docx(2026).unwrap());
    crate::pdf::assert_in_order(
        &word,
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Tổng hợp khiếu nại, phàn nàn, kháng nghị và kết quả giải quyết năm 2026",
            "Năm 2026 tiếp nhận 5 khiếu nại",
            "2026/000001",
            "2026/000003",
            "Phàn nàn",
            "2026/000005",
            "NGƯỜI TỔNG HỢP",
        ],
    );
    assert!(!word.contains("2026/000006"), "the praise is not a complaint");
}

/// Four forms of BM.QT.SCT.05-02, three in the first quarter and one in the second:
///
/// | form | filled     | ratings (cau_1.1–4, cau_3, cau_4, cau_5) | cau_2 (follow-up)  |
/// |------|------------|-------------------------------------------|--------------------|
/// | 1    | 2026-03-05 | all Tốt (1)                               | Không              |
/// | 2    | 2026-03-05 | all Đạt yêu cầu (2)                       | Có, Phổ biến (3)   |
/// | 3    | 2026-03-05 | all Chưa đạt (3); cau_1.1 two boxes; cau_5 blank | Không       |
/// | 4    | 2026-05-10 | all Tốt (1)                               | Không              |
///
/// First quarter: 14 satisfied of 19 valid rated answers (form 3 has five valid, none
/// satisfied) = 73.7 %; the year: 21 of 26 = 80.8 %.
/// The answers of one BM.QT.SCT.05-02 form: every rated criterion at `level` but those
/// spoiled or left blank; harassment answered "Có" with how often, or "Không".
fn survey_form(level: i32, harassed: Option<i32>, spoil: &[&str], blank: &[&str]) -> Vec<ykien::Answer> {
    use ykien::Answer;
    let rated = ["cau_1.1", "cau_1.2", "cau_1.3", "cau_1.4", "cau_3", "cau_4", "cau_5"];
    let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
    for code in rated {
        a.push(if spoil.contains(&code) {
            Answer::spoiled(code)
        } else if blank.contains(&code) {
            Answer::blank(code)
        } else {
            Answer::chosen(code, level)
        });
    }
    match harassed {
        Some(how) => a.extend([Answer::chosen("cau_2", 1), Answer::chosen("cau_2.follow_up", how)]),
        None => a.push(Answer::chosen("cau_2", 2)),
    }
    a.push(Answer::text("to_chuc", "Công ty TNHH Minh Phát"));
    a
}

fn survey_dataset() -> Ledger {
    survey_dataset_in(Ledger::open_in_memory().unwrap())
}

fn survey_dataset_in(l: Ledger) -> Ledger {
    use ykien::{Answer, ResponseInput, RoundInput};
    let form = survey_form;
    let mut l = dataset_in(l);
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let round = l
        .create_survey_round(&RoundInput {
            name: "Khảo sát năm 2026".into(),
            period_from: "2026-01-01".into(),
            period_to: "2026-12-31".into(),
            template_key: "bm-qt-sct-05-02".into(),
        })
        .unwrap()
        .id;
    l.set_clock(Some(at("2026-06-01T10:00")));
    l.print_survey_round(&round, 4).unwrap();
    let with_opinion = |mut a: Vec<Answer>, text: &str| {
        a.push(Answer::text("cau_1.other", text));
        a
    };
    let forms = [
        ("1", "2026-03-05", with_opinion(form(1, None, &[], &[]), "Phòng chờ nóng")),
        ("2", "2026-03-05", with_opinion(form(2, Some(3), &[], &[]), "Phòng chờ nóng, thiếu ghế")),
        ("3", "2026-03-05", with_opinion(form(3, None, &["cau_1.1"], &["cau_5"]), "Cán bộ hướng dẫn nhiệt tình")),
        ("4", "2026-05-10", form(1, None, &[], &[])),
    ];
    for (serial, filled_on, answers) in forms {
        l.save_survey_response(&ResponseInput { round_id: round.clone(), serial: serial.into(), filled_on: filled_on.into(), answers, keystrokes: None })
            .unwrap();
    }
    l
}

#[test]
fn survey_figures_equal_the_hand_computation() {
    let l = survey_dataset();
    let q1 = l.figures(&Period::quarter(2026, 1).unwrap()).unwrap().surveys;
    assert_eq!(q1.forms, 3);
    assert_eq!((q1.index.count, q1.index.of, q1.index.percent), (14, 19, Some(73.7)));
    let t = &q1.templates[0];
    assert_eq!((t.code.as_str(), t.satisfied_levels), ("BM.QT.SCT.05-02", 2), "Tốt and Đạt yêu cầu");
    let slot = |code: &str| t.slots.iter().find(|s| s.code == code).unwrap();
    let c11 = slot("cau_1.1");
    assert_eq!(c11.levels.iter().map(|l| l.count).collect::<Vec<_>>(), [1, 1, 0]);
    assert_eq!((c11.spoiled, c11.blank), (1, 0));
    assert_eq!(c11.index.unwrap().percent, Some(100.0), "2 of 2 valid");
    assert_eq!(slot("cau_1.2").index.unwrap().percent, Some(66.7), "2 of 3");
    let c5 = slot("cau_5");
    assert_eq!((c5.blank, c5.index.unwrap().of), (1, 2));
    let harassment = slot("cau_2");
    assert!(!harassment.rated);
    assert_eq!(harassment.levels.iter().map(|l| l.count).collect::<Vec<_>>(), [1, 2], "Có 1, Không 2");
    assert_eq!(slot("cau_2.follow_up").levels[2].count, 1, "Phổ biến once");
    assert!(harassment.label.contains("Sở Công Thương"), "the office's name, not the placeholder: {}", harassment.label);

    let year = l.figures(&Period::year(2026).unwrap()).unwrap().surveys;
    assert_eq!((year.forms, year.index.count, year.index.of, year.index.percent), (4, 21, 26, Some(80.8)));
    let q3 = l.figures(&Period::quarter(2026, 3).unwrap()).unwrap().surveys;
    assert_eq!((q3.forms, q3.index.percent), (0, None), "an empty quarter has no index");
}

/// The survey dataset with forms of the year before, in a round of its own:
///
/// | form | filled on  | rated criteria          |
/// |------|------------|-------------------------|
/// | 1    | 2025-02-10 | all Tốt (1)             |
/// | 2    | 2025-03-20 | all Chưa đạt (3)        |
/// | 3    | 2025-08-01 | all Đạt yêu cầu (2)     |
///
/// By hand, seven rated criteria a form: Quý I 2026 14/19 = 73.7 % against Quý I 2025 7/14 =
/// 50 % (+23.7 points); "Lắng nghe ý kiến" 2/3 = 66.7 % against 1/2 = 50 %; Quý II 2026 7/7
/// = 100 % against no form; Quý III 2026 no form against 7/7; Quý IV nothing on either side.
fn two_years_of_surveys_in(l: Ledger) -> Ledger {
    use ykien::{ResponseInput, RoundInput};
    let mut l = survey_dataset_in(l);
    let round = l
        .create_survey_round(&RoundInput {
            name: "Khảo sát năm 2025".into(),
            period_from: "2025-01-01".into(),
            period_to: "2025-12-31".into(),
            template_key: "bm-qt-sct-05-02".into(),
        })
        .unwrap()
        .id;
    l.print_survey_round(&round, 3).unwrap();
    for (serial, filled_on, level) in [("1", "2025-02-10", 1), ("2", "2025-03-20", 3), ("3", "2025-08-01", 2)] {
        let input = ResponseInput { round_id: round.clone(), serial: serial.into(), filled_on: filled_on.into(), answers: survey_form(level, None, &[], &[]), keystrokes: None };
        l.save_survey_response(&input).unwrap();
    }
    // Judged after the year's end: every quarter is whole, and so is the one a year before.
    l.set_clock(Some(at("2027-01-10T10:00")));
    l
}

#[test]
fn each_quarter_has_its_satisfaction_beside_the_same_quarter_a_year_before() {
    let l = two_years_of_surveys_in(Ledger::open_in_memory().unwrap());
    let r = l.figures_report(&Period::year(2026).unwrap()).unwrap();
    let q = &r.quarter_surveys;
    // "quarter: forms, satisfied/valid | the same quarter a year before: … | change".
    let rows: Vec<String> = q
        .iter()
        .map(|q| {
            let (a, b) = (&q.quarter, &q.year_before);
            format!(
                "{}: {}, {}/{} | {}: {}, {}/{} | {:?}",
                a.period.label, a.forms, a.index.count, a.index.of, b.period.label, b.forms, b.index.count, b.index.of, q.change
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Quý I năm 2026: 3, 14/19 | Quý I năm 2025: 2, 7/14 | Some(23.7)",
            "Quý II năm 2026: 1, 7/7 | Quý II năm 2025: 0, 0/0 | None",
            "Quý III năm 2026: 0, 0/0 | Quý III năm 2025: 1, 7/7 | None",
            "Quý IV năm 2026: 0, 0/0 | Quý IV năm 2025: 0, 0/0 | None",
        ]
    );
    assert_eq!((q[0].quarter.index.percent, q[0].year_before.index.percent), (Some(73.7), Some(50.0)));
    // Criterion by criterion, as the year's figures count them.
    let listen = q[0].quarter.criterion("BM.QT.SCT.05-02", "cau_1.2").unwrap();
    assert_eq!((listen.count, listen.of, listen.percent), (2, 3, Some(66.7)));
    assert_eq!(q[0].year_before.criterion("BM.QT.SCT.05-02", "cau_1.2").unwrap().percent, Some(50.0));
    let manner = q[0].quarter.criterion("BM.QT.SCT.05-02", "cau_1.1").unwrap();
    assert_eq!((manner.count, manner.of), (2, 2), "the spoiled answer is not valid");
    assert_eq!(q[0].quarter.criteria.len(), 7, "the seven rated criteria, the harassment question not among them");
    assert!(q[3].quarter.criteria.is_empty());
    // The four quarters add up to the year, form for form and answer for answer.
    let year = &r.figures.surveys;
    assert_eq!(q.iter().map(|q| q.quarter.forms).sum::<u32>(), year.forms);
    assert_eq!(q.iter().map(|q| q.quarter.index.count).sum::<u32>(), year.index.count);
    assert_eq!(q.iter().map(|q| q.quarter.index.of).sum::<u32>(), year.index.of);
    assert_eq!(q.iter().map(|q| q.year_before.forms).sum::<u32>(), r.year_before.surveys.forms);
    // Only a whole year has its quarters.
    assert!(l.figures_report(&Period::quarter(2026, 1).unwrap()).unwrap().quarter_surveys.is_empty());
}

#[test]
fn the_quarters_satisfaction_is_printed_in_the_report_the_word_copy_the_workbook_and_the_json() {
    let dir = crate::temp_dir();
    let db = dir.path().join("khảo sát.db");
    let l = two_years_of_surveys_in(Ledger::open(&db).unwrap());
    let expected = [
        "Chỉ số hài lòng theo quý, so với cùng kỳ năm trước",
        "Quý I",
        "73,7% (14/19)",
        "50% (7/14)",
        "+23,7 điểm %",
        "Tỷ lệ hài lòng theo tiêu chí, theo quý",
        "Lắng nghe ý kiến",
        "66,7%",
        "VI. KẾT LUẬN",
    ];
    let pdf = crate::pdf::Pdf::new(&l.annual_report_pdf(2026, &Default::default()).unwrap());
    pdf.assert_sound();
    crate::pdf::assert_in_order(&pdf.text(None), &expected);
    let text = docx_text(&l.annual_report_docx(2026).unwrap());
    assert!(text.lines().any(|r| r == "Quý I | 3 | 73,7% (14/19) | 2 | 50% (7/14) | +23,7 điểm %"), "{text}");
    assert!(text.lines().any(|r| r == "Lắng nghe ý kiến | 66,7% | 100% | — | —"), "{text}");

    let out = dir.path().join("số liệu.xlsx");
    l.export_figures(&Period::year(2026).unwrap(), &out).unwrap();
    let sheets = workbook_lines(&out);
    for line in [
        "Hài lòng theo quý | Quý I năm 2026 | Chỉ số hài lòng chung (3 phiếu; cùng kỳ 2 phiếu) | 14 | 19 | 73.7 | 50 | 23.7",
        "Hài lòng theo quý | Quý I năm 2026 | BM.QT.SCT.05-02 — Lắng nghe ý kiến | 2 | 3 | 66.7 | 50 | 16.7",
        "Hài lòng theo quý | Quý II năm 2026 | Chỉ số hài lòng chung (1 phiếu; cùng kỳ 0 phiếu) | 7 | 7 | 100 |  | ",
    ] {
        assert!(sheets.lines().any(|l| l == line), "{line:?} missing from:\n{sheets}");
    }
    drop(l);

    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(["--json", "report", "figures", "--year", "2026"]).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let q1 = &v["quarter_surveys"][0];
    assert_eq!(q1["quarter"]["index"], serde_json::json!({ "count": 14, "of": 19, "percent": 73.7 }));
    assert_eq!(q1["year_before"]["period"]["label"], "Quý I năm 2025");
    assert_eq!(q1["change"], 23.7);
    assert_eq!(v["quarters"][0]["surveys"]["forms"], 0, "the quarters' own survey figures stay as they were");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(["report", "figures", "--year", "2026"]).output().unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("Chỉ số hài lòng theo quý") && text.contains("73.7% (14/19)") && text.contains("+23.7 điểm %"), "{text}");
}

/// Every row of every sheet of an .xlsx as openpyxl reads it: "sheet | cell | cell …".
pub(crate) fn workbook_lines(path: &std::path::Path) -> String {
    const SCRIPT: &str = "import sys, openpyxl\n\
        wb = openpyxl.load_workbook(sys.argv[1])\n\
        for ws in wb.worksheets:\n\
        \x20   for row in ws.iter_rows(values_only=True):\n\
        \x20       print(ws.title + ' | ' + ' | '.join('' if v is None else str(v) for v in row))\n";
    let o = std::process::Command::new("python3").args(["-c", SCRIPT, path.to_str().unwrap()]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn the_annual_report_holds_the_survey_figures() {
    let l = survey_dataset();
    let pdf = crate::pdf::Pdf::new(&l.annual_report_pdf(2026, &Default::default()).unwrap());
    pdf.assert_sound();
    crate::pdf::assert_in_order(
        &pdf.text(None),
        &[
            "IV. KẾT QUẢ KHẢO SÁT",
            "Thu về 4 phiếu khảo sát",
            "Chỉ số hài lòng chung: 80,8% (21/26)",
            "Mẫu phiếu BM.QT.SCT.05-02",
            "Tiêu chí Tốt",
            "Thái độ giao tiếp",
            "Chỉ số hài lòng theo tiêu chí",
            "Có: 1; Không: 3",
            "VI. KẾT LUẬN",
        ],
    );
}

#[test]
fn objectives_are_judged_and_printed_reports_are_archived_with_their_hash() {
    use ykien::report::review::{sha256_hex, Metric};
    let mut l = survey_dataset();
    l.set_objective(2026, Metric::SatisfactionIndex, Some(80.0)).unwrap();
    l.set_objective(2026, Metric::RepliedOnTime, Some(95.0)).unwrap();
    let r = l.figures_report(&Period::year(2026).unwrap()).unwrap();
    let judged: Vec<(Metric, Option<f64>, Option<bool>)> = r.objectives.iter().map(|o| (o.metric, o.actual, o.met)).collect();
    assert_eq!(judged, [(Metric::RepliedOnTime, Some(40.0), Some(false)), (Metric::SatisfactionIndex, Some(80.8), Some(true))]);
    // A target outside 0–100 % is refused and changes nothing.
    let audit = l.audit_log(1000).unwrap().len();
    assert!(l.set_objective(2026, Metric::SatisfactionIndex, Some(180.0)).is_err());
    assert_eq!(l.objectives(2026).unwrap()[1].target, 80.0);
    assert_eq!(l.audit_log(1000).unwrap().len(), audit);

    // What staff write is kept per year and printed.
    let texts = ykien::report::annual::AnnualTexts { conclusions: "Cần rút ngắn thời gian trả lời.".into(), ..Default::default() };
    l.save_annual_texts(2026, &texts).unwrap();
    assert_eq!(l.annual_texts(2026).unwrap().conclusions, "Cần rút ngắn thời gian trả lời.");
    let (pdf, archived) = l.generate_annual_report(2026).unwrap();
    assert_eq!(archived.sha256, sha256_hex(&pdf));
    assert_eq!((archived.kind.as_str(), archived.period_from.as_str(), archived.period_to.as_str()), ("annual", "2026-01-01", "2026-12-31"));
    assert_eq!(l.archived_report_pdf(&archived.id).unwrap(), pdf, "kept byte for byte");
    assert!(crate::pdf::Pdf::new(&pdf).text(None).contains("Cần rút ngắn thời gian trả lời."));
    let (_, second) = l.generate_complaints_report(2026).unwrap();
    let list = l.archived_reports().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().any(|a| a.id == second.id && a.kind == "complaints"));
}

#[test]
fn written_opinions_are_sorted_into_groups_and_counted() {
    let mut l = survey_dataset();
    let q1 = Period::quarter(2026, 1).unwrap();
    let opinions = l.opinions(&q1).unwrap();
    let texts: Vec<&str> = opinions.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, ["Phòng chờ nóng", "Phòng chờ nóng, thiếu ghế", "Cán bộ hướng dẫn nhiệt tình"], "the respondent's name is not an opinion");
    l.classify_opinion(&opinions[0].response_id, &opinions[0].code, "Cơ sở vật chất").unwrap();
    // Typed without accents: joins the group already named.
    l.classify_opinion(&opinions[1].response_id, &opinions[1].code, "  co so vat CHAT ").unwrap();
    let groups: Vec<(String, u32)> =
        l.figures(&q1).unwrap().surveys.opinion_groups.into_iter().map(|g| (g.label, g.count)).collect();
    assert_eq!(groups, [("Cơ sở vật chất".to_owned(), 2), ("Chưa phân nhóm".to_owned(), 1)]);
    // Taken out again with an empty name; an unknown opinion is refused.
    l.classify_opinion(&opinions[1].response_id, &opinions[1].code, "").unwrap();
    assert_eq!(l.opinions(&q1).unwrap()[1].group, None);
    assert!(l.classify_opinion(&opinions[1].response_id, "cau_9.other", "X").is_err());
}

/// All the text of a .docx as python-docx (a reader that is not ours) sees it: paragraphs,
/// then table cells row by row.
pub(crate) fn docx_text(bytes: &[u8]) -> String {
    let dir = crate::temp_dir();
    let path = dir.path().join("báo cáo.docx");
    std::fs::write(&path, bytes).unwrap();
    const SCRIPT: &str = "import sys, docx\n\
        d = docx.Document(sys.argv[1])\n\
        body = d.element.body\n\
        for el in body.iterchildren():\n\
        \x20   tag = el.tag.split('}')[1]\n\
        \x20   if tag == 'p':\n\
        \x20       print(''.join(t.text or '' for t in el.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t')))\n\
        \x20   elif tag == 'tbl':\n\
        \x20       for row in docx.table.Table(el, d).rows:\n\
        \x20           print(' | '.join(c.text for c in row.cells))\n";
    let out = std::process::Command::new("python3").args(["-c", SCRIPT, path.to_str().unwrap()]).output().expect("python3 with python-docx (cargo xtask test installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_word_copy_of_the_annual_report_holds_the_same_text() {
    let mut l = survey_dataset();
    l.save_annual_texts(2026, &ykien::report::annual::AnnualTexts { conclusions: "Cần bố trí thêm ghế chờ.".into(), ..Default::default() }).unwrap();
    let text = docx_text(&l.annual_report_docx(2026).unwrap());
    crate::pdf::assert_in_order(
        &text,
        &[
            "Mã hiệu: BM-[HC-TMKH]-BCTM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "BÁO CÁO",
            "Đánh giá sự thỏa mãn của khách hàng năm 2026",
            "I. NGUỒN THÔNG TIN",
            "3 | Khiếu nại | 4 | 57,1",
            "Năm 2026 tiếp nhận 5 khiếu nại",
            "Chỉ số hài lòng chung: 80,8% (21/26)",
            "Thái độ giao tiếp",
            "Ý kiến khác của khách hàng, theo nhóm",
            "1 | Chưa phân nhóm | 3 | 100",
            "VI. KẾT LUẬN",
            "Cần bố trí thêm ghế chờ.",
            "NGƯỜI LẬP BÁO CÁO",
            "Nơi nhận:",
        ],
    );
}

#[test]
fn the_figures_workbook_is_read_back_by_openpyxl() {
    let mut l = survey_dataset();
    l.set_objective(2026, ykien::report::review::Metric::SatisfactionIndex, Some(80.0)).unwrap();
    let dir = crate::temp_dir();
    let out = dir.path().join("số liệu 2026.xlsx");
    l.export_figures(&Period::year(2026).unwrap(), &out).unwrap();
    const SCRIPT: &str = "import sys, openpyxl\n\
        wb = openpyxl.load_workbook(sys.argv[1])\n\
        for ws in wb.worksheets:\n\
        \x20   for row in ws.iter_rows(values_only=True):\n\
        \x20       print(ws.title + ' | ' + ' | '.join('' if v is None else str(v) for v in row))\n";
    let o = std::process::Command::new("python3").args(["-c", SCRIPT, out.to_str().unwrap()]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    for line in [
        "Tổng hợp | Tỷ lệ trả lời đúng hạn | 40 | 100 | -60 | % (tăng giảm: điểm %)",
        "Số ý kiến | Loại ý kiến | Khiếu nại | 4",
        "Số ý kiến | Nhóm ý kiến khác (khảo sát) | Chưa phân nhóm | 3",
        "Theo quý | Quý I năm 2026 | 7 | 5 | 3 | 50 | 10 | 1",
        "Theo quý | Năm 2026 | 7 | 5 | 3 | 40 | 10 | 2",
        "Khảo sát | BM.QT.SCT.05-02 (lần 1) | Câu hỏi 1 | Lắng nghe ý kiến | Chỉ số hài lòng (%) | 75",
        "Mục tiêu | Chỉ số hài lòng (phiếu khảo sát) | 80 | 80.8 | Đạt",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} missing from:\n{text}");
    }
    assert!(l.export_figures(&Period::year(2026).unwrap(), &dir.path().join("x.csv")).is_err(), "figures go to .xlsx only");
}

#[test]
fn survey_forms_export_one_line_each_read_back_by_openpyxl() {
    let dir = crate::temp_dir();
    let db = dir.path().join("khảo sát.db");
    let mut l = dataset_in(Ledger::open(&db).unwrap());
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let round = l
        .create_survey_round(&ykien::RoundInput {
            name: "Khảo sát năm 2026".into(),
            period_from: "2026-01-01".into(),
            period_to: "2026-12-31".into(),
            template_key: "bm-qt-sct-05-02".into(),
        })
        .unwrap();
    l.set_clock(Some(at("2026-06-01T10:00")));
    l.print_survey_round(&round.id, 2).unwrap();
    let mut answers = vec![ykien::Answer::chosen("cau_1.1", 2), ykien::Answer::spoiled("cau_1.2"), ykien::Answer::blank("cau_1.3")];
    answers.push(ykien::Answer::text("cau_1.other", "=HYPERLINK(\"x\")"));
    let mut all = vec![ykien::Answer::chosen("noi_dung_giao_dich.1", 1), ykien::Answer::blank("noi_dung_giao_dich.2")];
    all.extend(answers);
    for code in ["cau_1.4", "cau_3", "cau_4", "cau_5"] {
        all.push(ykien::Answer::chosen(code, 1));
    }
    all.push(ykien::Answer::chosen("cau_2", 2));
    l.save_survey_response(&ykien::ResponseInput { round_id: round.id.clone(), serial: "2".into(), filled_on: "2026-05-02".into(), answers: all, keystrokes: None })
        .unwrap();
    drop(l);

    let out = dir.path().join("phiếu.xlsx");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db").arg(&db).args(["export", "surveys", "--round", &round.code, "--out", out.to_str().unwrap()])
        .output().unwrap();
    assert!(o.status.success(), "{o:?}");
    const SCRIPT: &str = "import sys, openpyxl\n\
        ws = openpyxl.load_workbook(sys.argv[1]).active\n\
        rows = list(ws.iter_rows(values_only=True))\n\
        head = rows[0]\n\
        print(len(rows) - 1)\n\
        r = dict(zip(head, rows[1]))\n\
        for k in ['Số phiếu', 'cau_1.1', 'cau_1.2', 'cau_1.3', 'cau_1.other']:\n\
        \x20   print(k, '=', r[k], type(r[k]).__name__)\n\
        print('quote', ws.cell(row=2, column=head.index('cau_1.other') + 1).quotePrefix)\n";
    let o = std::process::Command::new("python3").args(["-c", SCRIPT, out.to_str().unwrap()]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    for line in ["1", "Số phiếu = 2 int", "cau_1.1 = 2 int", "cau_1.2 = x str", "cau_1.3 = 0 str", "cau_1.other = =HYPERLINK(\"x\") str", "quote True"] {
        assert!(text.lines().any(|l| l == line), "{line:?} missing:\n{text}");
    }
}

#[test]
fn archived_reports_are_listed_and_written_back_byte_for_byte_from_the_command_line() {
    let dir = crate::temp_dir();
    let db = dir.path().join("lưu trữ.db");
    {
        let mut l = dataset_in(Ledger::open(&db).unwrap());
        l.save_office(&ykien::demo::demo_office()).unwrap();
    }
    let run = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(&db).args(args).output().unwrap();
    let printed = dir.path().join("báo cáo.pdf");
    let o = run(&["--json", "report", "annual", "--year", "2026", "--out", printed.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let made: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list: serde_json::Value = serde_json::from_slice(&run(&["--json", "report", "archive"]).stdout).unwrap();
    assert_eq!(list[0]["id"], made["archive_id"]);
    assert_eq!(list[0]["sha256"], made["sha256"]);
    assert_eq!(list[0]["kind"], "annual");
    let back = dir.path().join("bản lưu.pdf");
    let o = run(&["report", "archive", "--id", made["archive_id"].as_str().unwrap(), "--out", back.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(std::fs::read(&back).unwrap(), std::fs::read(&printed).unwrap());
    assert_eq!(run(&["report", "archive", "--id", "x"]).status.code(), Some(2), "--id needs --out");
}

/// A book of `years` generated years (`cases` cases, `forms` survey forms, seeded) in
/// `so.db` of a new folder, its clock in January of the year after.
fn generated(years: i32, cases: usize, forms: usize, seed: u64) -> (tempfile::TempDir, Ledger) {
    let dir = crate::temp_dir();
    let mut l = Ledger::open(dir.path().join("so.db")).unwrap();
    l.set_clock(Some(at("2027-01-15T09:00")));
    ykien::demo::scale::fill_sized(&mut l, years, cases, forms, seed, &|_, _, _| {}).unwrap();
    (dir, l)
}

/// The complaints the figures read for a report's periods, through the three index ranges of
/// `store::report::complaint_rows`, are exactly those of the one condition it replaced
/// (received in the periods, or received before and open on their first day), on generated
/// years with open, late and escalated complaints, for periods of a day, a quarter, a year
/// and two years.
#[test]
fn the_complaints_of_a_report_are_read_in_index_ranges_as_by_their_condition() {
    use ykien::store::report::{complaint_rows, ComplaintRow};
    let (dir, mut l) = generated(3, 900, 0, 41);
    let db = dir.path().join("so.db");
    // Complaints left open for a long time, before every period below.
    for received in ["2023-11-03T08:30", "2025-06-20T10:15"] {
        l.add_feedback(&crate::cases::input(received, Kind::Complaint, Subject::Attitude)).unwrap();
    }
    drop(l);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let by_condition = |from: &str, to: &str| -> Vec<(String, Option<String>, String)> {
        let mut st = conn
            .prepare(
                "SELECT substr(received_at, 1, 10), substr(closed_at, 1, 10), COALESCE(exception_due, reply_due) FROM feedback
                 WHERE deleted_at IS NULL AND withdrawn_at IS NULL AND kind IN ('complaint', 'grievance', 'appeal')
                   AND received_at < ?2 AND (received_at >= ?1 OR closed_at IS NULL OR closed_at >= ?1)",
            )
            .unwrap();
        let mut rows: Vec<_> = st.query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect();
        rows.sort();
        rows
    };
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (mut open_before, mut closed_within) = (0, 0);
    for (from, to, day_after) in [
        ("2025-01-01", "2026-12-31", "2027-01-01"),
        ("2026-04-01", "2026-06-30", "2026-07-01"),
        ("2025-07-14", "2025-07-14", "2025-07-15"),
        ("2024-01-01", "2024-12-31", "2025-01-01"),
    ] {
        let expected = by_condition(from, day_after);
        assert!(!expected.is_empty(), "{from}: complaints to compare");
        open_before += expected.iter().filter(|(r, c, _)| r.as_str() < from && c.is_none()).count();
        closed_within += expected.iter().filter(|(r, c, _)| r.as_str() < from && c.is_some()).count();
        let mut read: Vec<_> = complaint_rows(&conn, day(from), day(to))
            .unwrap()
            .into_iter()
            .map(|ComplaintRow { received, closed, due, .. }| (received.to_string(), closed.map(|c| c.to_string()), due.to_string()))
            .collect();
        read.sort();
        assert_eq!(read, expected, "the complaints of {from}–{to}");
    }
    assert!(open_before > 0 && closed_within > 0, "both kinds of earlier complaint were read ({open_before}, {closed_within})");
}

/// The figures count the opinion groups of a period without reading the opinions' texts; the
/// counts, and the spelling each group is shown under (its earliest opinion's, when staff
/// wrote one group two ways), are those counted from the list of opinions itself.
#[test]
fn opinion_groups_counted_without_the_texts_equal_those_of_the_list() {
    use ykien::report::opinions;
    let (dir, mut l) = generated(2, 200, 600, 17);
    let db = dir.path().join("so.db");
    let year = Period::year(2026).unwrap();
    let written = l.opinions(&year).unwrap();
    assert!(written.len() > 40, "opinions to sort: {}", written.len());
    // Every third one left unsorted; one group written two ways (the earliest opinion in it,
    // the second of the list, in lower case; classified last).
    let names = ["Thời gian chờ", "thời gian  chờ", "Cơ sở vật chất", "Thái độ phục vụ"];
    for (i, o) in written.iter().enumerate().rev().filter(|(i, _)| i % 3 != 0) {
        l.classify_opinion(&o.response_id, &o.code, names[i % names.len()]).unwrap();
    }
    drop(l);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let counted = opinions::group_counts(&conn, &year).unwrap();
    let waiting = counted.iter().find(|g| g.key == "thoi gian cho").expect("the group written two ways");
    assert_eq!(waiting.label, "thời gian chờ", "the earliest opinion's spelling, cleaned");
    assert!(counted.iter().any(|g| g.key.is_empty() && g.count > 0), "unsorted ones");
    for p in [year, Period::year(2025).unwrap(), Period::quarter(2026, 3).unwrap()] {
        let listed = opinions::groups(&opinions::list(&conn, &p).unwrap());
        assert_eq!(opinions::group_counts(&conn, &p).unwrap(), listed, "{}", p.label);
    }
}
