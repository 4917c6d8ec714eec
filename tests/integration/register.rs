//! The corrective-action register (R2.6) and the batches of daily work (a unit's period
//! confirmed at once, drafts signed from one list), on real files.

use crate::cases::input;
use crate::law::{as_user, with_accounts};
use crate::temp_dir;
use chrono::NaiveDateTime;
use ykien::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn action(cause: &str, due: &str, case_ids: Vec<String>, unit_id: Option<String>, sources: Vec<ActionSource>) -> ActionInput {
    ActionInput {
        id: None,
        kind: ActionKind::Corrective,
        cause: cause.into(),
        action: format!("Khắc phục: {cause}"),
        owner_id: None,
        due_date: due.into(),
        case_ids,
        unit_id,
        sources,
    }
}

fn source(kind: SourceKind, reference: &str) -> ActionSource {
    ActionSource { kind, reference: reference.into(), label: String::new() }
}

fn causes(rows: &[CorrectiveAction]) -> Vec<(&str, Option<RegisterState>)> {
    rows.iter().map(|a| (a.cause.as_str(), a.state)).collect()
}

#[test]
fn the_register_lists_every_action_with_where_it_stands_and_records_the_check() {
    let dir = temp_dir();
    let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
    l.set_clock(Some(at("2026-06-10T09:00")));
    let unit = |l: &mut Ledger, name: &str, code: &str| l.save_unit(&UnitInput { id: None, name: name.into(), code: code.into() }).unwrap().id;
    let mc = unit(&mut l, "Bộ phận Tiếp nhận và Trả kết quả", "MC");
    let qltm = unit(&mut l, "Phòng Quản lý thương mại", "QLTM");
    let case = l.add_feedback(&input("2026-06-01T09:00", Kind::Complaint, Subject::ProcessingTime)).unwrap();

    // An action answers at least one source; an opinion group must be one of the forms'.
    let e = l.save_action(&action("Không nguồn", "2026-06-30", vec![], None, vec![])).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "sources"), "{e:?}");
    let e = l.save_action(&action("Nhóm lạ", "2026-06-30", vec![], None, vec![source(SourceKind::OpinionGroup, "Không có nhóm này")])).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "sources"), "{e:?}");
    let e = l.save_action(&action("Đơn vị lạ", "2026-06-30", vec![case.id.clone()], Some("khong-co".into()), vec![])).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "unit_id"), "{e:?}");
    assert!(l.actions().unwrap().is_empty(), "a refused action was stored");

    // From a case and the annual report's proposals and a survey criterion at once.
    let several = l
        .save_action(&action(
            "Trả kết quả chậm",
            "2026-06-09",
            vec![case.id.clone()],
            Some(mc.clone()),
            vec![source(SourceKind::AnnualProposal, "2025"), source(SourceKind::SurveyCriterion, "Thời gian giải quyết (năm 2025: 78 %, mục tiêu 85 %)")],
        ))
        .unwrap();
    assert_eq!(several.cases, vec![case.receipt_no.clone()]);
    assert_eq!(several.sources.len(), 2);
    assert_eq!(several.unit_name.as_deref(), Some("Bộ phận Tiếp nhận và Trả kết quả"));
    let soon = l.save_action(&action("Biển chỉ dẫn", "2026-06-12", vec![], Some(qltm.clone()), vec![source(SourceKind::SurveyCriterion, "Cơ sở vật chất")])).unwrap();
    let later = l.save_action(&action("Tập huấn", "2026-09-30", vec![], Some(mc.clone()), vec![source(SourceKind::AnnualProposal, "2025")])).unwrap();
    let done = l.save_action(&action("Niêm yết", "2026-05-31", vec![], Some(mc.clone()), vec![source(SourceKind::AnnualProposal, "2025")])).unwrap();
    l.set_action_status(&done.id, ActionStatus::Done).unwrap();

    // Overdue first, then due soon, on track, waiting for the check.
    let all = l.action_register(&ActionFilter::default()).unwrap();
    assert_eq!(
        causes(&all),
        [
            ("Trả kết quả chậm", Some(RegisterState::Overdue)),
            ("Biển chỉ dẫn", Some(RegisterState::DueSoon)),
            ("Tập huấn", Some(RegisterState::Open)),
            ("Niêm yết", Some(RegisterState::AwaitingCheck)),
        ]
    );
    // Filtered by unit and by state; overdue on another day.
    let of_mc = l.action_register(&ActionFilter { unit_id: Some(mc.clone()), ..ActionFilter::default() }).unwrap();
    assert_eq!(of_mc.len(), 3);
    let waiting = l.action_register(&ActionFilter { state: Some(RegisterState::AwaitingCheck), ..ActionFilter::default() }).unwrap();
    assert_eq!(causes(&waiting), [("Niêm yết", Some(RegisterState::AwaitingCheck))]);
    let overdue = l.action_register(&ActionFilter { overdue_on: Some("2026-06-13".into()), ..ActionFilter::default() }).unwrap();
    assert_eq!(overdue.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), [several.id.as_str(), soon.id.as_str()]);
    assert!(l.action_register(&ActionFilter { overdue_on: Some("2026-13-01".into()), ..ActionFilter::default() }).is_err());

    // The effectiveness check: effective → verified; a check of an action not done is refused.
    assert!(matches!(l.check_action(&later.id, true, "Sớm quá", "2026-06-10"), Err(Error::Conflict(_))));
    let checked = l.check_action(&done.id, true, "Ba tháng không còn phản ánh về thành phần hồ sơ", "2026-06-10").unwrap();
    assert_eq!((checked.status, checked.effective), (ActionStatus::Verified, Some(true)));
    assert_eq!(l.action(&done.id).unwrap().state, Some(RegisterState::Verified));
    // A case shows its action with its sources.
    let shown = l.case(&case.id).unwrap();
    assert_eq!(shown.actions[0].sources.len(), 2);
}

#[test]
fn the_command_line_lists_adds_and_checks_actions() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let ykien = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ykien"))
            .arg("--db")
            .arg(&db)
            .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
            .args(args)
            .output()
            .unwrap()
    };
    let json = |args: &[&str]| {
        let o = ykien(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(&o.stdout)).unwrap()
    };
    assert!(ykien(&["demo"]).status.success());
    let before = json(&["--as", "qmr", "actions", "list", "--json"]).as_array().unwrap().len();
    // No source: refused, nothing stored.
    let o = ykien(&["--as", "qmr", "actions", "add", "--cause", "Chờ lâu", "--action", "Thêm quầy", "--due", "2026-01-31", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let added = json(&[
        "--as", "qmr", "actions", "add", "--kind", "improvement", "--cause", "Chờ lâu", "--action", "Thêm quầy buổi sáng", "--due", "2020-01-31",
        "--unit", "MC", "--annual-report", "2025", "--criterion", "Thời gian chờ", "--json",
    ]);
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(added["sources"].as_array().unwrap().len(), 2);
    let listed = json(&["--as", "qmr", "actions", "list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), before + 1);
    let overdue = json(&["--as", "qmr", "actions", "list", "--overdue-on", "2020-02-01", "--json"]);
    assert_eq!(overdue.as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect::<Vec<_>>(), [id.as_str()]);
    assert_eq!(overdue[0]["state"], "overdue");
    json(&["--as", "qmr", "actions", "status", &id, "--to", "done", "--json"]);
    let waiting = json(&["--as", "qmr", "actions", "list", "--status", "awaiting_check", "--unit", "MC", "--json"]);
    assert!(waiting.as_array().unwrap().iter().any(|a| a["id"] == id.as_str()), "{waiting}");
    // The check is the QMR's, not a unit head's.
    let o = ykien(&["--as", "truongdonvi", "actions", "check", &id, "--effective", "true", "--note", "Hết chờ lâu", "--on", "2026-01-31", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let checked = json(&["--as", "qmr", "actions", "check", &id, "--effective", "true", "--note", "Hết chờ lâu", "--on", "2026-01-31", "--json"]);
    assert_eq!(checked["status"], "verified");
}

#[test]
fn a_unit_head_confirms_a_period_and_a_director_signs_the_waiting_letters_at_once() {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(at("2026-03-10T09:00")));
    let unit = |l: &mut Ledger, name: &str, code: &str| l.save_unit(&UnitInput { id: None, name: name.into(), code: code.into() }).unwrap().id;
    let mc = unit(&mut l, "Bộ phận Tiếp nhận và Trả kết quả", "MC");
    let qltm = unit(&mut l, "Phòng Quản lý thương mại", "QLTM");
    let people = with_accounts(&mut l, &mc);
    let head = people.iter().find(|(login, _)| *login == "truongdonvi").unwrap().1.clone();
    as_user(&mut l, "tiepnhan");
    let entry = |l: &mut Ledger, day: &str, unit: &str| {
        let mut f = input(&format!("{day}T09:00"), Kind::Complaint, Subject::ProcessingTime);
        f.unit_id = Some(unit.into());
        f.written = true;
        l.add_feedback(&f).unwrap()
    };
    let first = entry(&mut l, "2026-03-02", &mc);
    let second = entry(&mut l, "2026-03-06", &mc);
    let outside = entry(&mut l, "2026-03-09", &mc);
    let other = entry(&mut l, "2026-03-03", &qltm);

    // Another role, or another unit, is refused and nothing is confirmed.
    let batch = |unit: &str| ConfirmBatchInput { unit_id: unit.into(), from: "2026-03-01".into(), to: "2026-03-07".into(), staff_id: head.clone() };
    assert!(matches!(l.confirm_period(&batch(&mc)), Err(Error::Forbidden(_))));
    as_user(&mut l, "truongdonvi");
    assert!(matches!(l.confirm_period(&batch(&qltm)), Err(Error::Forbidden(_))));
    assert!(l.case(&other.id).unwrap().confirmed_at.is_none());
    let e = l.confirm_period(&ConfirmBatchInput { to: "2026-02-01".into(), ..batch(&mc) }).unwrap_err();
    assert!(matches!(&e, Error::Validation { field, .. } if field == "to"), "{e:?}");

    // The period's entries of the unit, at once; then none is left to confirm.
    let done = l.confirm_period(&batch(&mc)).unwrap();
    assert_eq!(done.receipt_nos, [first.receipt_no.clone(), second.receipt_no.clone()]);
    for c in [&first, &second] {
        assert_eq!(l.case(&c.id).unwrap().confirmed_by_name.as_deref(), Some("Trịnh Văn Lộc"));
    }
    assert!(l.case(&outside.id).unwrap().confirmed_at.is_none());
    assert!(l.confirm_period(&batch(&mc)).unwrap().receipt_nos.is_empty());

    // The QMR drafts three replies; the director sees them waiting and signs two at once.
    as_user(&mut l, "qmr");
    let letter = |l: &mut Ledger, c: &Case, n: &str| l.draft_reply(&c.id, None, n, "Kính gửi ông Nguyễn Văn An, …").unwrap().letters[0].id.clone();
    let (a, b, c) = (letter(&mut l, &first, "11/CV"), letter(&mut l, &second, "12/CV"), letter(&mut l, &other, "13/CV"));
    let signing = |ids: Vec<String>| SignBatchInput { letter_ids: ids, signer_name: "Trần Văn Hùng".into(), signer_title: "Giám đốc".into(), on: "2026-03-10".into() };
    assert!(matches!(l.sign_replies(&signing(vec![a.clone()])), Err(Error::Forbidden(_))));
    as_user(&mut l, "lanhdao");
    let waiting: Vec<String> = l.letters_to_sign().unwrap().into_iter().map(|w| w.letter.id).collect();
    assert_eq!(waiting, [a.clone(), b.clone(), c.clone()]);
    let signed = l.sign_replies(&signing(vec![a.clone(), b.clone()])).unwrap();
    assert_eq!(signed.receipt_nos, [first.receipt_no.clone(), second.receipt_no.clone()]);
    assert_eq!(l.letters_to_sign().unwrap().into_iter().map(|w| w.letter.id).collect::<Vec<_>>(), [c.clone()]);
    // One already signed in the batch: refused whole, the other stays a draft.
    assert!(matches!(l.sign_replies(&signing(vec![c.clone(), a.clone()])), Err(Error::Conflict(_))));
    assert_eq!(l.letters_to_sign().unwrap().len(), 1);
    assert!(matches!(l.sign_replies(&signing(vec![])), Err(Error::Validation { .. })));
}
