//! Accounts and roles (issue 8): every action the core guards is tried by every role, on an
//! ordinary case of the actor's unit, on a confidentiality complaint and on another unit's
//! case. What the permission table forbids is refused by the core with a Vietnamese message
//! and changes nothing in the file (every table compared before and after, the audit log
//! included); what it allows goes through (tried in a transaction that is then rolled back).
//! Then signing in: wrong passwords and the lock, the idle lock, password resets, the
//! audit log naming the account, and a database without accounts working as before.

use crate::temp_dir;
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};
use ykien::domain::survey::SurveyTemplate;
use ykien::report::annual::AnnualTexts;
use ykien::report::review::Metric;
use ykien::*;

const NOW: &str = "2026-11-20T09:00";

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn open(path: &Path) -> Ledger {
    let mut l = Ledger::open(path).unwrap();
    l.set_clock(Some(at(NOW)));
    l
}

fn staff(l: &mut Ledger, name: &str, unit: Option<&str>, role: Role) -> String {
    l.save_staff(&StaffInput {
        id: None,
        full_name: name.into(),
        title: String::new(),
        unit_id: unit.map(str::to_owned),
        role,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap()
    .id
}

fn complaint(subject: Subject, unit: &str) -> FeedbackInput {
    FeedbackInput {
        received_at: "2026-11-10T08:30".into(),
        channel: Channel::OfficialLetter,
        kind: Kind::Complaint,
        subject,
        book: Book::Complaints,
        customer_name: "Nguyễn Văn An".into(),
        customer_org: String::new(),
        customer_address: "Thôn 3, xã Ea Tu".into(),
        customer_phone: "0905 123 456".into(),
        customer_email: String::new(),
        customer_group: CustomerGroup::FirstTime,
        content: "Hồ sơ bị trả lại hai lần không rõ lý do".into(),
        receiver_id: None,
        unit_id: Some(unit.into()),
        written: true,
        formal: false,
        settled_on_spot: None,
    }
}

fn mv(to: Status) -> MoveInput {
    MoveInput { to, note: "Đã trao đổi với khách hàng".into(), channel: None, staff_id: None, version: None, unit_id: None, at: None }
}

/// The cases one variant of the case actions runs on.
struct Target {
    fresh: String,
    at_specialist: String,
    at_leadership: String,
    draft_letter: String,
    signed_letter: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    /// An ordinary complaint of the actor's unit (the unit head's).
    OwnUnit,
    /// A complaint about confidentiality, of the same unit.
    Confidential,
    /// An ordinary complaint of another unit.
    OtherUnit,
}

const VARIANTS: [Variant; 3] = [Variant::OwnUnit, Variant::Confidential, Variant::OtherUnit];

/// Everything the scenarios act on, made while the database had no account.
struct World {
    dir: tempfile::TempDir,
    db: PathBuf,
    own: Target,
    confidential: Target,
    other: Target,
    spare_unit: String,
    spare_staff: String,
    receipt: String,
    action_id: String,
    done_action_id: String,
    round: String,
    response_id: String,
    /// A rating kiosk, to arm and disable.
    kiosk: String,
    backup: PathBuf,
    accounts: Vec<(Role, String)>,
    /// A formal complaint, undecided.
    formal: String,
    /// Feedback settled on the spot, not yet seen by the QMR.
    settled: String,
}

impl World {
    fn target(&self, v: Variant) -> &Target {
        match v {
            Variant::OwnUnit => &self.own,
            Variant::Confidential => &self.confidential,
            Variant::OtherUnit => &self.other,
        }
    }
    fn account_id(&self, role: Role) -> &str {
        &self.accounts.iter().find(|(r, _)| *r == role).unwrap().1
    }
    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join("ra").join(name)
    }
}

const LOGINS: [(Role, &str); 5] = [
    (Role::Administrator, "quantri"),
    (Role::Reception, "tiepnhan"),
    (Role::UnitHead, "truongdonvi"),
    (Role::QualityOfficer, "qmr"),
    (Role::Leadership, "lanhdao"),
];
const FIRST_PASSWORD: &str = "mat khau dau tien";
const PASSWORD: &str = "mật khẩu riêng 2026";

fn login_of(role: Role) -> &'static str {
    LOGINS.iter().find(|(r, _)| *r == role).unwrap().1
}

fn target(l: &mut Ledger, subject: Subject, unit: &str) -> Target {
    let fresh = l.add_feedback(&complaint(subject, unit)).unwrap().id;
    let at_specialist = l.add_feedback(&complaint(subject, unit)).unwrap().id;
    l.move_case(&at_specialist, &mv(Status::Specialist)).unwrap();
    let at_leadership = l.add_feedback(&complaint(subject, unit)).unwrap().id;
    l.move_case(&at_leadership, &mv(Status::Specialist)).unwrap();
    l.move_case(&at_leadership, &mv(Status::Leadership)).unwrap();
    let c = l.draft_reply(&fresh, None, "12/CV-SCT", "Kính gửi ông Nguyễn Văn An, …").unwrap();
    let draft_letter = c.letters[0].id.clone();
    let c = l.draft_reply(&at_specialist, None, "13/CV-SCT", "Kính gửi ông Nguyễn Văn An, …").unwrap();
    let signed_letter = c.letters[0].id.clone();
    l.sign_reply(&signed_letter, "Trần Văn Hùng", "Giám đốc", "2026-11-15").unwrap();
    Target { fresh, at_specialist, at_leadership, draft_letter, signed_letter }
}

fn world() -> World {
    let dir = temp_dir();
    let db = dir.path().join("Dữ liệu ISO").join("ykien.db");
    let mut l = open(&db);
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let unit = |l: &mut Ledger, name: &str, code: &str| l.save_unit(&UnitInput { id: None, name: name.into(), code: code.into() }).unwrap().id;
    let mc = unit(&mut l, "Bộ phận Tiếp nhận và Trả kết quả", "MC");
    let qltm = unit(&mut l, "Phòng Quản lý thương mại", "QLTM");
    let spare_unit = unit(&mut l, "Tổ lưu trữ", "LT");
    let staff_of = [
        (Role::Reception, staff(&mut l, "Nguyễn Thị Thanh Hương", Some(&mc), Role::Reception)),
        (Role::UnitHead, staff(&mut l, "Trịnh Văn Lộc", Some(&mc), Role::UnitHead)),
        (Role::QualityOfficer, staff(&mut l, "Cao Thị Diệu Linh", None, Role::QualityOfficer)),
        (Role::Leadership, staff(&mut l, "Trần Văn Hùng", None, Role::Leadership)),
        (Role::Administrator, staff(&mut l, "Phạm Thị Lan", None, Role::Administrator)),
    ];
    staff(&mut l, "Y Moan Êban", Some(&qltm), Role::UnitHead);
    let spare_staff = staff(&mut l, "Lê Hoàng Phúc", Some(&mc), Role::Reception);

    let own = target(&mut l, Subject::ProcessingTime, &mc);
    let confidential = target(&mut l, Subject::Confidentiality, &mc);
    let other = target(&mut l, Subject::ProcessingTime, &qltm);
    let receipt = l.case(&own.fresh).unwrap().receipt_no;

    // A case past its retention period, for the disposal.
    let mut old = complaint(Subject::Other, &mc);
    old.kind = Kind::Reflection;
    old.written = false;
    old.received_at = "2020-03-02T09:00".into();
    old.settled_on_spot = Some("Đã giải thích ngay".into());
    let settled = l.add_feedback(&old).unwrap().id;
    // A formal complaint (Luật Khiếu nại), for its acceptance decision and complex mark.
    let mut formal = complaint(Subject::ProcessingTime, &mc);
    formal.formal = true;
    let formal = l.add_feedback(&formal).unwrap().id;

    let action_id = l
        .save_action(&ActionInput {
            id: None,
            kind: ActionKind::Corrective,
            cause: "Hướng dẫn thành phần hồ sơ chưa rõ".into(),
            action: "Niêm yết lại danh mục hồ sơ".into(),
            owner_id: None,
            due_date: "2026-12-31".into(),
            case_ids: vec![own.fresh.clone()],
            unit_id: None,
            sources: vec![],
        })
        .unwrap()
        .id;
    let done_action_id = l
        .save_action(&ActionInput {
            id: None,
            kind: ActionKind::Corrective,
            cause: "Trả kết quả chậm".into(),
            action: "Thêm một cán bộ trả kết quả buổi sáng".into(),
            owner_id: None,
            due_date: "2026-11-30".into(),
            case_ids: vec![],
            unit_id: None,
            sources: vec![ActionSource { kind: SourceKind::AnnualProposal, reference: "2026".into(), label: String::new() }],
        })
        .unwrap()
        .id;
    l.set_action_status(&done_action_id, ActionStatus::Done).unwrap();
    l.add_holiday("2026-09-02", "Quốc khánh").unwrap();

    let round = l
        .create_survey_round(&RoundInput {
            name: "Khảo sát năm 2026".into(),
            period_from: "2026-01-01".into(),
            period_to: "2026-12-31".into(),
            template_key: "BM.QT.SCT.05-02".into(),
        })
        .unwrap()
        .id;
    l.record_survey_forms_numbered(&round, 20).unwrap();
    let response_id = l
        .save_survey_response(&ResponseInput { round_id: round.clone(), serial: "1".into(), filled_on: "2026-11-02".into(), answers: answers(Some("Phòng chờ nóng")), keystrokes: None })
        .unwrap()
        .id;
    let kiosk = l.add_kiosk(&ykien::KioskInput { name: "Quầy 1".into(), unit_id: Some(mc.clone()), template: None }).unwrap().kiosk.id;
    let backup = l.backup_to(&dir.path().join("Sao lưu"), &no_progress).unwrap().path.into();

    // The administrator's account first (made without signing in, which it then does),
    // then one per role, each user changing the first password the administrator gave them.
    let mut accounts = Vec::new();
    for (role, login) in LOGINS {
        let staff_id = staff_of.iter().find(|(r, _)| *r == role).unwrap().1.clone();
        let a = l.create_account(&AccountInput { staff_id, login: login.into(), password: FIRST_PASSWORD.into() }).unwrap();
        assert_eq!(a.must_change_password, role != Role::Administrator, "{login}");
        if role == Role::Administrator {
            assert!(matches!(l.save_settings(&Settings::default()), Err(Error::SignInRequired(_))));
            l.sign_in(login, FIRST_PASSWORD).unwrap();
        }
        accounts.push((role, a.id));
    }
    drop(l);
    for (role, login) in LOGINS {
        let mut l = open(&db);
        let me = l.sign_in(login, FIRST_PASSWORD).unwrap();
        assert_eq!(me.role, role);
        l.change_password(FIRST_PASSWORD, PASSWORD).unwrap();
    }
    World { dir, db, own, confidential, other, spare_unit, spare_staff, receipt, action_id, done_action_id, round, response_id, kiosk, backup, accounts, formal, settled }
}

/// A complete BM.QT.SCT.05-02 form, with an opinion when given.
fn answers(opinion: Option<&str>) -> Vec<Answer> {
    let mut a = vec![Answer::chosen("noi_dung_giao_dich.1", 1), Answer::blank("noi_dung_giao_dich.2")];
    for c in 1..=4 {
        a.push(Answer::chosen(&format!("cau_1.{c}"), 1));
    }
    if let Some(text) = opinion {
        a.push(Answer::text("cau_1.other", text));
    }
    a.push(Answer::chosen("cau_2", 2));
    for q in ["cau_3", "cau_4", "cau_5"] {
        a.push(Answer::chosen(q, 1));
    }
    a
}

type Run = fn(&mut Ledger, &World, Variant) -> Result<()>;

/// Every guarded method, under the action the permission table lists it as. `true` marks the
/// case actions, run on each variant.
fn scenarios() -> Vec<(Action, &'static str, bool, Run)> {
    fn ok<T>(r: Result<T>) -> Result<()> {
        r.map(drop)
    }
    vec![
        (Action::EditOffice, "save_office", false, |l, _, _| {
            ok(l.save_office(&OfficeProfile { phone: "0262 3852 999".into(), ..ykien::demo::demo_office() }))
        }),
        (Action::ManageUnits, "save_unit", false, |l, _, _| ok(l.save_unit(&UnitInput { id: None, name: "Phòng mới".into(), code: "PM".into() }))),
        (Action::ManageUnits, "delete_unit", false, |l, w, _| l.delete_unit(&w.spare_unit)),
        (Action::ManageStaff, "save_staff", false, |l, _, _| {
            ok(l.save_staff(&StaffInput {
                id: None,
                full_name: "Đinh Văn Mới".into(),
                title: String::new(),
                unit_id: None,
                role: Role::Reception,
                phone: String::new(),
                email: String::new(),
            }))
        }),
        (Action::ManageStaff, "delete_staff", false, |l, w, _| l.delete_staff(&w.spare_staff)),
        (Action::ManageAccounts, "accounts", false, |l, _, _| ok(l.accounts())),
        (Action::ManageAccounts, "create_account", false, |l, w, _| {
            ok(l.create_account(&AccountInput { staff_id: w.spare_staff.clone(), login: "lhphuc".into(), password: "mat-khau-tam".into() }))
        }),
        (Action::ManageAccounts, "reset_password", false, |l, w, _| ok(l.reset_password(w.account_id(Role::Reception), "mat-khau-moi"))),
        (Action::ManageAccounts, "unlock_account", false, |l, w, _| ok(l.unlock_account(w.account_id(Role::Reception)))),
        (Action::ManageAccounts, "set_account_disabled", false, |l, w, _| ok(l.set_account_disabled(w.account_id(Role::Reception), true))),
        (Action::ManageAccounts, "save_account_policy", false, |l, _, _| {
            ok(l.save_account_policy(&AccountPolicy { max_failed_attempts: 3, lock_minutes: 30, idle_lock_minutes: 5 }))
        }),
        (Action::EditSettings, "save_settings", false, |l, _, _| ok(l.save_settings(&Settings { reply_deadline_days: 20, ..Settings::default() }))),
        (Action::EditSettings, "add_holiday", false, |l, _, _| l.add_holiday("2026-12-31", "Nghỉ bù")),
        (Action::EditSettings, "remove_holiday", false, |l, _, _| l.remove_holiday("2026-09-02")),
        (Action::EnterFeedback, "add_feedback", false, |l, _, _| {
            let mut f = complaint(Subject::ProcessingTime, "");
            f.unit_id = None;
            ok(l.add_feedback(&f))
        }),
        // The cases were entered before any account existed: entered by nobody signed in, so
        // only the quality officer may correct them (`expected`).
        (Action::CorrectEntry, "correct_feedback", false, |l, w, _| {
            let fix = CorrectionInput { customer_org: Some("Công ty TNHH An Phú".into()), reason: "Ghi thiếu tổ chức".into(), ..CorrectionInput::default() };
            ok(l.correct_feedback(&w.own.fresh, &fix))
        }),
        (Action::HandleConfidential, "move_case on a confidentiality complaint", false, |l, w, _| {
            ok(l.move_case(&w.confidential.fresh, &mv(Status::FrontDesk)))
        }),
        (Action::FrontDeskMove, "move_case received → front_desk", true, |l, w, v| {
            ok(l.move_case(&w.target(v).fresh, &mv(Status::FrontDesk)))
        }),
        (Action::SpecialistMove, "move_case specialist → solution_feedback", true, |l, w, v| {
            ok(l.move_case(&w.target(v).at_specialist, &mv(Status::SolutionFeedback)))
        }),
        (Action::LeadershipDirection, "move_case leadership → solution_feedback", true, |l, w, v| {
            ok(l.move_case(&w.target(v).at_leadership, &mv(Status::SolutionFeedback)))
        }),
        (Action::RecordStep, "record_step", true, |l, w, v| {
            let s = StepInput { step: StepKind::AttitudeTalk, on_date: "2026-11-19".into(), staff_id: None, note: "Đã trao đổi".into(), version: None };
            ok(l.record_step(&w.target(v).fresh, &s))
        }),
        (Action::SetExceptionDeadline, "set_exception_deadline", true, |l, w, v| {
            let e = ExceptionInput { due: "2026-12-31".into(), reason: "Cần xác minh thêm".into(), by: None };
            ok(l.set_exception_deadline(&w.target(v).fresh, &e))
        }),
        (Action::Confirm, "confirm", true, |l, w, v| {
            let me = l.signed_in()?.expect("signed in").staff_id;
            ok(l.confirm(&w.target(v).fresh, &me))
        }),
        (Action::DraftReply, "draft_reply", true, |l, w, v| ok(l.draft_reply(&w.target(v).fresh, None, "14/CV-SCT", "Kính gửi …"))),
        (Action::SignReply, "sign_reply", true, |l, w, v| ok(l.sign_reply(&w.target(v).draft_letter, "Trần Văn Hùng", "Giám đốc", "2026-11-19"))),
        (Action::SendReply, "send_reply", true, |l, w, v| ok(l.send_reply(&w.target(v).signed_letter, "2026-11-19", "Bưu điện"))),
        (Action::EditCorrectiveAction, "save_action", false, |l, _, _| {
            ok(l.save_action(&ActionInput {
                id: None,
                kind: ActionKind::Preventive,
                cause: "Thiếu biển hướng dẫn".into(),
                action: "Làm biển hướng dẫn".into(),
                owner_id: None,
                due_date: "2026-12-31".into(),
                case_ids: vec![],
                unit_id: None,
                sources: vec![ActionSource { kind: SourceKind::AnnualProposal, reference: "2026".into(), label: String::new() }],
            }))
        }),
        (Action::DecideComplaint, "decide_acceptance", false, |l, w, _| {
            ok(l.decide_acceptance(&w.formal, &AcceptanceInput { decision: Acceptance::Accepted, reason: "Đủ điều kiện thụ lý".into(), version: None }))
        }),
        (Action::DecideComplaint, "mark_complex", false, |l, w, _| {
            ok(l.mark_complex(&w.formal, &ComplexInput { reason: "Nhiều bên liên quan".into(), version: None }))
        }),
        (Action::ReviewSettlement, "mark_settlement_seen", false, |l, w, _| ok(l.mark_settlement_seen(&w.settled))),
        (Action::EditCorrectiveAction, "set_action_status", false, |l, w, _| ok(l.set_action_status(&w.action_id, ActionStatus::Done))),
        (Action::CheckEffectiveness, "check_action", false, |l, w, _| ok(l.check_action(&w.done_action_id, true, "Không còn phản ánh", "2026-11-19"))),
        (Action::EditSurveyTemplates, "save_survey_template", false, |l, _, _| {
            let mut t = SurveyTemplate::example_five_levels();
            t.code = "KS.TP-01".into();
            ok(l.save_survey_template(&t))
        }),
        (Action::EditSurveyTemplates, "import_survey_template", false, |l, _, _| {
            let mut t = SurveyTemplate::example_five_levels();
            t.code = "KS.TP-02".into();
            ok(l.import_survey_template(&t.to_json()))
        }),
        (Action::ManageSurveyRounds, "create_survey_round", false, |l, _, _| {
            ok(l.create_survey_round(&RoundInput {
                name: "Khảo sát bổ sung".into(),
                period_from: "2026-11-01".into(),
                period_to: "2026-11-30".into(),
                template_key: "BM.QT.SCT.05-02".into(),
            }))
        }),
        (Action::PrintSurveyForms, "print_survey_round", false, |l, w, _| ok(l.print_survey_round(&w.round, 2))),
        (Action::PrintSurveyForms, "record_survey_forms_numbered", false, |l, w, _| ok(l.record_survey_forms_numbered(&w.round, 5))),
        (Action::EnterSurveyResponses, "save_survey_response", false, |l, w, _| {
            ok(l.save_survey_response(&ResponseInput { round_id: w.round.clone(), serial: "2".into(), filled_on: "2026-11-19".into(), answers: answers(None), keystrokes: None }))
        }),
        (Action::EnterSurveyResponses, "undo_last_survey_response", false, |l, w, _| ok(l.undo_last_survey_response(&w.round))),
        (Action::EnterSurveyResponses, "import_survey_file", false, |l, w, _| {
            let csv = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Câu hỏi 2;\
                       Câu hỏi 2 Nếu có, vui lòng cho biết tình trạng thực tế;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5\n\
                       3;19/11/2026;Tốt;Tốt;Tốt;Tốt;Không;;Tốt;Tốt;Tốt\n";
            let report = l.import_survey_file(&w.round, "phieu.csv", csv.as_bytes(), false)?;
            assert!(report.problems.is_empty() && report.imported == 1, "{:?}", report.problems);
            Ok(())
        }),
        (Action::ClassifyOpinions, "classify_opinion", false, |l, w, _| l.classify_opinion(&w.response_id, "cau_1.other", "Cơ sở vật chất")),
        (Action::SetObjectives, "set_objective", false, |l, _, _| l.set_objective(2026, Metric::SatisfactionIndex, Some(85.0))),
        (Action::WriteAnnualReport, "save_annual_texts", false, |l, _, _| {
            l.save_annual_texts(2026, &AnnualTexts { number: "15/BC-SCT".into(), ..Default::default() })
        }),
        (Action::WriteAnnualReport, "generate_annual_report", false, |l, _, _| ok(l.generate_annual_report(2026))),
        (Action::WriteAnnualReport, "generate_complaints_report", false, |l, _, _| ok(l.generate_complaints_report(2026))),
        (Action::WriteAnnualReport, "archive_annual_report", false, |l, _, _| ok(l.archive_annual_report(2026, b"%PDF-1.7 bao cao"))),
        (Action::Print, "print receipts", false, |l, w, _| ok(l.print(&PrintJob::Receipts { receipt_nos: vec![w.receipt.clone()] }))),
        (Action::Print, "print ledger", false, |l, _, _| ok(l.print(&PrintJob::LedgerPeriod { from: "2026-11-01".into(), to: "2026-11-30".into(), book: None, unit_id: None }))),
        (Action::ImportLedger, "import_ledger", false, |l, _, _| {
            let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records/so-ghi-nhan-2023.xlsx");
            ok(l.import_ledger(&file, true, &no_progress))
        }),
        (Action::ExportRecords, "export_ledger", false, |l, w, _| ok(l.export_ledger(&w.out("so.xlsx"), None, None, &no_progress))),
        (Action::ExportRecords, "export_cases", false, |l, w, _| ok(l.export_cases(&w.out("ho-so.csv"), None, None, &no_progress))),
        (Action::ExportRecords, "export_survey_responses", false, |l, w, _| ok(l.export_survey_responses(&w.round, &w.out("phieu.xlsx")))),
        (Action::ViewAuditLog, "audit_log", false, |l, _, _| ok(l.audit_log(10))),
        (Action::EditBackupSettings, "save_backup_settings", false, |l, w, _| {
            ok(l.save_backup_settings(&BackupSettings { folder: w.dir.path().join("USB").display().to_string(), keep: 10, ..Default::default() }))
        }),
        (Action::RestoreBackup, "restore_backup", false, |l, w, _| ok(l.restore_backup(&w.backup, None))),
        (Action::DisposeRecords, "dispose", false, |l, w, _| ok(l.dispose("2026-11-20", &w.out("bien-ban.pdf")))),
        (Action::ChangeEncryption, "encryption_on", false, |l, _, _| ok(l.encryption_on("mat-khau-ma-hoa-rat-dai"))),
        (Action::ViewContact, "case_contact", false, |l, w, _| ok(l.case_contact(&w.own.fresh))),
        (Action::ExportPersonalData, "export_person", false, |l, w, _| {
            let selection = PersonSelection { case_ids: vec![w.own.fresh.clone()], survey_form_ids: vec![w.response_id.clone()] };
            ok(l.export_person(&selection, &w.out("du-lieu-ca-nhan.xlsx")))
        }),
        (Action::ErasePersonalData, "erase_person", false, |l, w, _| {
            let closed = l.feedback(&FeedbackFilter { status: Some(Status::Closed), limit: Some(1), ..Default::default() })?.rows;
            let selection = PersonSelection { case_ids: closed.iter().map(|r| r.id.clone()).collect(), survey_form_ids: vec![w.response_id.clone()] };
            ok(l.erase_person(&ErasureRequest { selection, reference: "Đơn số 1".into(), request_date: "2026-11-19".into() }))
        }),
        (Action::ManageKiosks, "add_kiosk", false, |l, _, _| {
            ok(l.add_kiosk(&ykien::KioskInput { name: "Quầy 2".into(), unit_id: None, template: Some("ks-tai-quay-td".into()) }))
        }),
        (Action::ManageKiosks, "pair_kiosk_again", false, |l, w, _| ok(l.pair_kiosk_again(&w.kiosk))),
        (Action::ManageKiosks, "disable_kiosk", false, |l, w, _| ok(l.disable_kiosk(&w.kiosk))),
        (Action::ArmKiosk, "arm_kiosk", false, |l, w, _| ok(l.arm_kiosk(&w.kiosk, Some(&w.own.fresh)))),
        (Action::ViewKioskRatings, "kiosk_figures", false, |l, _, _| ok(l.kiosk_figures(&ykien::report::period::Period::year(2026)?))),
    ]
}

/// What the table and the two case rules allow, written out independently of `access`.
fn expected(role: Role, action: Action, v: Variant) -> bool {
    use Action::*;
    let mut allowed = action.roles().contains(&role);
    let handles_case = matches!(
        action,
        FrontDeskMove | SpecialistMove | LeadershipDirection | RecordStep | SetExceptionDeadline | DraftReply | SignReply | SendReply
    );
    if v == Variant::Confidential && handles_case {
        allowed &= matches!(role, Role::QualityOfficer | Role::Leadership);
    }
    if v == Variant::OtherUnit && role == Role::UnitHead && matches!(action, SpecialistMove | RecordStep | DraftReply | Confirm) {
        allowed = false;
    }
    // Nobody entered the world's cases while signed in: only the QMR corrects them.
    if action == CorrectEntry && role != Role::QualityOfficer {
        allowed = false;
    }
    allowed
}

/// Every row of every table, sorted: what "changes nothing" is compared on.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut out = vec![format!("user_version {}", conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap())];
    for t in tables {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                        v => format!("{v:?}"),
                    })
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(|r| format!("{t}: {}", r.unwrap()))
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

fn signed_in_as(w: &World, role: Role) -> Ledger {
    let mut l = open(&w.db);
    l.sign_in(login_of(role), PASSWORD).unwrap();
    l
}

#[test]
fn every_forbidden_action_is_refused_for_every_role_and_changes_nothing() {
    let w = world();
    let scenarios = scenarios();
    // The table test covers the whole table.
    for a in Action::ALL {
        assert!(scenarios.iter().any(|(s, ..)| *s == a), "no scenario tries {a:?}");
    }
    let mut ledgers: Vec<(Role, Ledger)> = Role::ALL.iter().map(|r| (*r, signed_in_as(&w, *r))).collect();
    let mut refused = 0;
    let mut allowed = 0;
    for (role, l) in ledgers.iter_mut() {
        let role = *role;
        for (action, name, on_cases, run) in &scenarios {
            let variants: &[Variant] = if *on_cases { &VARIANTS } else { &VARIANTS[..1] };
            for &v in variants {
                let what = format!("{} {name} ({v:?})", login_of(role));
                let before = dump(&w.db);
                if !expected(role, *action, v) {
                    let result = run(l, &w, v);
                    match &result {
                        Err(Error::Forbidden(message)) => {
                            // It names the role refused, what it may not do, and who may.
                            assert!(message.contains(&format!("«{}» không được", role.label())), "{what}: {message}");
                            assert!(message.contains("dành cho") || message.contains("chỉ"), "{what}: {message}");
                        }
                        other => panic!("{what}: expected a refusal, got {other:?}"),
                    }
                    assert_eq!(dump(&w.db), before, "{what}: a refusal changed the file");
                    assert!(!w.out("").read_dir().is_ok_and(|mut d| d.next().is_some()), "{what}: a refusal wrote a file");
                    refused += 1;
                } else if !matches!(*action, Action::RestoreBackup | Action::ChangeEncryption) {
                    // Allowed: done in a transaction that is rolled back, so every role tries
                    // the same records.
                    let mut result = None;
                    let _ = l.batch(|l| {
                        result = Some(run(l, &w, v));
                        Err::<(), _>(Error::Cancelled)
                    });
                    let result = result.unwrap();
                    assert!(result.is_ok(), "{what}: allowed by the table but failed: {result:?}");
                    assert_eq!(dump(&w.db), before, "{what}: the rolled-back attempt left a change");
                    let _ = std::fs::remove_dir_all(w.out(""));
                    allowed += 1;
                }
            }
        }
    }
    // 5 roles × (single scenarios + 9 case scenarios × 3 variants), less the restore and the
    // encryption an administrator may do, which replace the file and are tried on their own
    // (below, and in the encryption tests).
    assert_eq!(refused + allowed + 2, 5 * (scenarios.len() + 9 * 2));
    assert!(refused > 150 && allowed > 60, "refused {refused}, allowed {allowed}");
}

#[test]
fn only_an_administrator_restores_a_backup_and_everyone_is_signed_out_after_it() {
    let w = world();
    let mut clerk = signed_in_as(&w, Role::Reception);
    let before = dump(&w.db);
    assert!(matches!(clerk.restore_backup(&w.backup, None), Err(Error::Forbidden(_))));
    // Without the ledger, the file's accounts stop the restore too: only a database that has
    // none, or is damaged, is restored without signing in.
    drop(clerk);
    let e = ykien::Database::new(&w.db).restore(&w.backup, None).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)) && e.to_string().contains("--as"), "{e}");
    assert_eq!(dump(&w.db), before);

    let mut admin = signed_in_as(&w, Role::Administrator);
    let report = admin.restore_backup(&w.backup, None).unwrap();
    assert!(report.previous_copy.is_some());
    assert_eq!(admin.signed_in().unwrap(), None, "signed out after a restore");
    // The backup was made before any account existed.
    assert!(!admin.access_state().unwrap().accounts_exist);
    assert_eq!(admin.case(&w.own.fresh).unwrap().receipt_no, w.receipt);
}

#[test]
fn nothing_is_read_or_changed_before_signing_in() {
    let w = world();
    let mut l = open(&w.db);
    let before = dump(&w.db);
    let state = l.access_state().unwrap();
    assert!(state.accounts_exist && state.signed_in.is_none() && state.allowed.is_empty());
    let e = l.add_feedback(&complaint(Subject::Other, &l.units().unwrap()[0].id)).unwrap_err();
    assert!(matches!(e, Error::SignInRequired(_)), "{e:?}");
    assert!(e.to_string().contains("đăng nhập"), "{e}");
    assert!(matches!(l.feedback(&FeedbackFilter::default()), Err(Error::SignInRequired(_))));
    assert!(matches!(l.case(&w.own.fresh), Err(Error::SignInRequired(_))));
    assert!(matches!(l.case_counts(), Err(Error::SignInRequired(_))));
    assert!(matches!(l.save_settings(&Settings::default()), Err(Error::SignInRequired(_))));
    // What the sign-in screen shows stays readable.
    assert!(l.office().unwrap().is_some());
    assert_eq!(dump(&w.db), before);
}

#[test]
fn wrong_passwords_lock_the_account_for_a_while() {
    let w = world();
    // Signing in reads; it writes nothing while no wrong password was counted.
    let before = dump(&w.db);
    signed_in_as(&w, Role::Leadership);
    assert_eq!(dump(&w.db), before);
    let mut l = open(&w.db);
    let e = l.sign_in("khongco", PASSWORD).unwrap_err();
    assert!(e.to_string().contains("Không có tài khoản nào tên «khongco»"), "{e}");
    for left in (1..=4).rev() {
        match l.sign_in("TiepNhan", "sai mật khẩu") {
            Err(Error::Validation { field, message }) => {
                assert_eq!(field, "password");
                assert!(message.contains(&format!("Còn {left} lần thử")), "{message}");
            }
            other => panic!("expected a wrong password, got {other:?}"),
        }
    }
    // The fifth wrong password locks it for 15 minutes; then even the right one is refused.
    let e = l.sign_in("tiepnhan", "sai mật khẩu").unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)) && e.to_string().contains("tạm khoá đến 09:15"), "{e}");
    let e = l.sign_in("tiepnhan", PASSWORD).unwrap_err();
    assert!(e.to_string().contains("đang tạm khoá"), "{e}");
    assert!(l.signed_in().unwrap().is_none());

    // 16 minutes later it opens again, and the count starts afresh.
    l.set_clock(Some(at("2026-11-20T09:16")));
    assert_eq!(l.sign_in("tiepnhan", PASSWORD).unwrap().login, "tiepnhan");

    // An administrator can also lift a lock at once.
    let mut m = open(&w.db);
    for _ in 0..5 {
        let _ = m.sign_in("qmr", "sai");
    }
    assert!(m.sign_in("qmr", PASSWORD).is_err());
    let mut admin = signed_in_as(&w, Role::Administrator);
    let qmr = admin.accounts().unwrap().into_iter().find(|a| a.login == "qmr").unwrap();
    assert!(qmr.locked_until.is_some());
    admin.unlock_account(&qmr.id).unwrap();
    assert!(m.sign_in("qmr", PASSWORD).is_ok());

    // The log records the attempts and the lock, and never a password or its hash.
    let log = admin.audit_log(1000).unwrap();
    let events: Vec<String> = log
        .iter()
        .filter(|e| e.entity == "account")
        .filter_map(|e| e.after.as_deref())
        .map(|a| serde_json::from_str::<serde_json::Value>(a).unwrap()["event"].as_str().unwrap().to_owned())
        .collect();
    for expected in ["created", "password_changed", "signed_in", "wrong_password", "locked", "unlocked"] {
        assert!(events.iter().any(|e| e == expected), "{expected} missing from {events:?}");
    }
    for e in &log {
        for text in [&e.before, &e.after].into_iter().flatten() {
            assert!(!text.contains("argon2") && !text.contains(PASSWORD) && !text.contains("sai mật khẩu"), "{text}");
        }
    }
}

#[test]
fn the_audit_log_and_the_case_history_name_the_account() {
    let w = world();
    let mut l = signed_in_as(&w, Role::Reception);
    let case = l.move_case(&w.own.fresh, &mv(Status::FrontDesk)).unwrap();
    assert_eq!(case.history.last().unwrap().actor, "tiepnhan (Nguyễn Thị Thanh Hương)");
    let admin = signed_in_as(&w, Role::Administrator);
    let last = admin.audit_log(5).unwrap().into_iter().find(|e| e.entity == "feedback").unwrap();
    assert_eq!(last.actor, "tiepnhan (Nguyễn Thị Thanh Hương)");
    // What was done before any account existed stays the system's.
    let first = admin.audit_log(100_000).unwrap().pop().unwrap();
    assert_eq!(first.actor, SYSTEM_ACTOR);
}

#[test]
fn the_idle_lock_asks_for_the_password_again() {
    let w = world();
    let mut l = signed_in_as(&w, Role::QualityOfficer);
    l.lock_screen();
    let state = l.access_state().unwrap();
    assert!(state.locked && state.allowed.is_empty());
    assert_eq!(state.signed_in.unwrap().login, "qmr");
    let before = dump(&w.db);
    assert!(matches!(l.save_settings(&Settings::default()), Err(Error::SignInRequired(_))));
    assert!(matches!(l.feedback(&FeedbackFilter::default()), Err(Error::SignInRequired(_))));
    assert_eq!(dump(&w.db), before);
    assert!(matches!(l.unlock_screen("sai"), Err(Error::Validation { .. })));
    l.unlock_screen(PASSWORD).unwrap();
    assert!(!l.access_state().unwrap().locked);
    l.save_settings(&Settings { due_soon_days: 5, ..Settings::default() }).unwrap();
}

#[test]
fn a_reset_password_must_be_changed_and_the_administrator_keeps_control() {
    let w = world();
    let mut admin = signed_in_as(&w, Role::Administrator);
    let clerk_id = w.account_id(Role::Reception).to_owned();
    let a = admin.reset_password(&clerk_id, "mat-khau-tam-thoi").unwrap();
    assert!(a.must_change_password);

    let mut l = open(&w.db);
    assert!(l.sign_in("tiepnhan", PASSWORD).is_err(), "the old password no longer works");
    let me = l.sign_in("tiepnhan", "mat-khau-tam-thoi").unwrap();
    assert!(me.must_change_password);
    let e = l.add_feedback(&complaint(Subject::Other, &l.units().unwrap()[0].id)).unwrap_err();
    assert!(matches!(e, Error::SignInRequired(_)) && e.to_string().contains("đổi mật khẩu"), "{e}");
    assert!(l.change_password("mat-khau-tam-thoi", "ngắn").is_err());
    l.change_password("mat-khau-tam-thoi", "mật khẩu mới của tôi").unwrap();
    assert!(l.feedback(&FeedbackFilter::default()).is_ok());

    // A disabled account stops at once, even in a window already signed in.
    admin.set_account_disabled(&clerk_id, true).unwrap();
    assert!(matches!(l.feedback(&FeedbackFilter::default()), Err(Error::SignInRequired(_))));
    assert!(open(&w.db).sign_in("tiepnhan", "mật khẩu mới của tôi").unwrap_err().to_string().contains("vô hiệu hoá"));

    // A new role applies at once too.
    let head = signed_in_as(&w, Role::UnitHead);
    let mut head = head;
    let e = head.set_exception_deadline(&w.own.fresh, &ExceptionInput { due: "2026-12-31".into(), reason: "x".into(), by: None });
    assert!(matches!(e, Err(Error::Forbidden(_))));
    let s = admin.staff_named("Trịnh Văn Lộc").unwrap();
    admin
        .save_staff(&StaffInput { id: Some(s.id.clone()), full_name: s.full_name, title: s.title, unit_id: s.unit_id, role: Role::Leadership, phone: s.phone, email: s.email })
        .unwrap();
    head.set_exception_deadline(&w.own.fresh, &ExceptionInput { due: "2026-12-31".into(), reason: "Cần xác minh thêm".into(), by: None }).unwrap();

    // The last administrator cannot be disabled, lose the role or be deleted.
    let admin_id = w.account_id(Role::Administrator).to_owned();
    assert!(matches!(admin.set_account_disabled(&admin_id, true), Err(Error::Conflict(_))));
    let me = admin.staff_named("Phạm Thị Lan").unwrap();
    let demote = StaffInput { id: Some(me.id.clone()), full_name: me.full_name, title: me.title, unit_id: None, role: Role::Reception, phone: me.phone, email: me.email };
    assert!(matches!(admin.save_staff(&demote), Err(Error::Conflict(_))));
    assert!(matches!(admin.delete_staff(&me.id), Err(Error::Conflict(_))));
    assert!(matches!(admin.create_first_administrator(&FirstAdminInput {
        full_name: "Ai Đó".into(), title: String::new(), login: "aido".into(), password: "mat-khau-dai".into()
    }), Err(Error::Conflict(_))));
}

#[test]
fn a_database_without_accounts_works_as_the_system_until_an_administrator_account_exists() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let mut l = open(&db);
    let state = l.access_state().unwrap();
    assert!(!state.accounts_exist && state.signed_in.is_none());
    assert_eq!(state.allowed.len(), Action::ALL.len());
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let clerk = staff(&mut l, "Hoàng Thị Mai", None, Role::Reception);
    let c = l.add_feedback(&FeedbackInput { unit_id: None, ..complaint(Subject::Other, "") }).unwrap();
    l.set_exception_deadline(&c.id, &ExceptionInput { due: "2026-12-31".into(), reason: "Cần xác minh".into(), by: None }).unwrap();
    assert_eq!(l.audit_log(1).unwrap()[0].actor, SYSTEM_ACTOR);

    // The first account must be an administrator's.
    let e = l.create_account(&AccountInput { staff_id: clerk.clone(), login: "mai".into(), password: "mat-khau-dai".into() }).unwrap_err();
    assert!(e.to_string().contains("Tài khoản đầu tiên"), "{e}");
    assert!(!l.access_state().unwrap().accounts_exist);
    // Made in the office setup screen: staff member and account at once, signed in.
    let me = l
        .create_first_administrator(&FirstAdminInput {
            full_name: "Phạm Thị Lan".into(),
            title: "Chuyên viên".into(),
            login: "  PhamThiLan ".into(),
            password: "mật khẩu quản trị".into(),
        })
        .unwrap();
    assert_eq!((me.login.as_str(), me.role, me.must_change_password), ("phamthilan", Role::Administrator, false));
    assert_eq!(l.staff_named("Phạm Thị Lan").unwrap().role, Role::Administrator);
    // From now on the administrator may not do the leadership's work.
    let e = l.set_exception_deadline(&c.id, &ExceptionInput { due: "2026-12-30".into(), reason: "x".into(), by: None }).unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)), "{e:?}");
    l.sign_out();
    assert!(matches!(l.save_office(&ykien::demo::demo_office()), Err(Error::SignInRequired(_))));
    // Decomposed input signs in all the same.
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "mật khẩu quản trị".nfd().collect();
    l.sign_in("phamthilan", &nfd).unwrap();
}

#[test]
fn demo_data_has_one_account_per_role() {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(at(NOW)));
    ykien::demo::fill_with_accounts(&mut l).unwrap();
    l.sign_out();
    let mut roles = Vec::new();
    for (login, name) in ykien::demo::DEMO_ACCOUNTS {
        let me = l.sign_in(login, ykien::demo::DEMO_PASSWORD).unwrap();
        assert_eq!(me.full_name, *name);
        assert!(!me.must_change_password);
        roles.push(me.role);
    }
    roles.sort_by_key(|r| r.as_str());
    let mut all = Role::ALL.to_vec();
    all.sort_by_key(|r| r.as_str());
    assert_eq!(roles, all);
}

fn ykien(db: &Path, password: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"));
    c.arg("--db").arg(db).args(args).env_remove("YKIEN_PASSWORD").env_remove("YKIEN_NEW_PASSWORD");
    if let Some(p) = password {
        c.env("YKIEN_PASSWORD", p);
    }
    c.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_command_line_signs_in_with_as_and_is_refused_what_the_role_may_not_do() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    assert!(ykien(&db, None, &["demo"]).status.success());
    let settled = ["feedback", "add", "--channel", "in_person", "--kind", "praise", "--customer", "Lê Văn Tám", "--content", "Cán bộ tận tình"];

    // Without --as, a database with accounts refuses, and says how to sign in.
    let before = dump(&db);
    let o = ykien(&db, None, &settled);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("--as"), "{}", text(&o.stderr));
    let o = ykien(&db, None, &["feedback", "list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(json["error"]["kind"], "sign_in_required");
    // A wrong password is refused and counted, nothing else.
    let o = ykien(&db, Some("sai mật khẩu"), &["--as", "tiepnhan", "feedback", "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("Mật khẩu không đúng"), "{}", text(&o.stderr));
    let after = dump(&db);
    let changed: Vec<&String> = after.iter().filter(|l| !before.contains(l)).collect();
    assert!(
        changed.iter().all(|l| ["account: ", "audit_log: ", "sqlite_sequence: "].iter().any(|t| l.starts_with(t))),
        "{changed:?}"
    );

    // The clerk enters feedback; the entry names the account.
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &[&["--as", "tiepnhan"], &settled[..]].concat());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let receipt = text(&o.stdout).trim().to_owned();
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &["feedback", "show", &receipt, "--json", "--as", "tiepnhan"]);
    let case: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(case["history"][0]["actor"], "tiepnhan (Nguyễn Thị Thanh Hương)");

    // …but may not dispose of records, nor restore a backup: exit 1, the reason, no change.
    let before = dump(&db);
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &["--as", "tiepnhan", "retention", "dispose", "--on", "2030-01-01", "--out", "bb.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("«Cán bộ tiếp nhận» không được tiêu huỷ hồ sơ"), "{}", text(&o.stderr));
    let backup_dir = dir.path().join("Sao lưu");
    let o = ykien(&db, None, &["backup", "--to", backup_dir.to_str().unwrap(), "--json"]);
    let backup: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let file = backup["path"].as_str().unwrap().to_owned();
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &["restore", &file, "--as", "tiepnhan", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(json["error"]["kind"], "forbidden", "{json}");
    let o = ykien(&db, None, &["restore", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(dump(&db), before);
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &["restore", &file, "--as", "quantri"]);
    assert!(o.status.success(), "{}", text(&o.stderr));

    // The administrator manages accounts from the command line.
    let o = ykien(&db, Some(ykien::demo::DEMO_PASSWORD), &["account", "list", "--json", "--as", "quantri"]);
    let list: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 5);
    assert!(text(&o.stdout).find("argon2").is_none());
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"));
    let o = c
        .arg("--db")
        .arg(&db)
        .args(["account", "create", "--staff", "le hoang phuc", "--login", "lhphuc", "--as", "quantri", "--json"])
        .env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD)
        .env("YKIEN_NEW_PASSWORD", "mat-khau-tam")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let created: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!((created["login"].as_str(), created["must_change_password"].as_bool()), (Some("lhphuc"), Some(true)));
    let o = ykien(&db, Some("mat-khau-tam"), &["--as", "lhphuc", "feedback", "list"]);
    assert!(text(&o.stderr).contains("account password"), "{}", text(&o.stderr));
}

#[test]
fn a_database_made_by_init_needs_no_account_until_the_first_is_created() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    assert!(ykien(&db, None, &["init"]).status.success());
    let add = ["feedback", "add", "--channel", "hotline", "--kind", "request", "--customer", "Lê Văn Tám", "--content", "Hỏi thủ tục"];
    assert!(ykien(&db, None, &add).status.success());
    let o = ykien(&db, None, &["audit", "--json", "--limit", "1"]);
    let audit: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert!(audit[0]["actor"].as_str().unwrap().starts_with("hệ thống (dòng lệnh, "), "{audit}");

    let mut l = Ledger::open(&db).unwrap();
    staff(&mut l, "Phạm Thị Lan", None, Role::Administrator);
    drop(l);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"))
        .arg("--db")
        .arg(&db)
        .args(["account", "create", "--staff", "Phạm Thị Lan", "--login", "quantri"])
        .env("YKIEN_NEW_PASSWORD", "mật khẩu quản trị")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(ykien(&db, None, &add).status.code(), Some(1), "from now on it needs --as");
    let o = ykien(&db, Some("mật khẩu quản trị"), &[&["--as", "quantri"], &add[..]].concat());
    assert_eq!(o.status.code(), Some(1), "an administrator does not enter feedback");
    assert!(text(&o.stderr).contains("Việc này dành cho"), "{}", text(&o.stderr));
    let o = ykien(&db, Some("mật khẩu quản trị"), &["--as", "quantri", "account", "policy", "--idle-minutes", "5", "--json"]);
    let policy: serde_json::Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(policy["idle_lock_minutes"], 5);
}

#[test]
fn a_demo_databases_sign_in_screen_tells_its_accounts_and_an_offices_never_does() {
    let dir = temp_dir();
    let mut demo = open(&dir.path().join("demo.db"));
    ykien::demo::fill_with_accounts(&mut demo).unwrap();
    let told = demo.access_state().unwrap().demo.expect("a demo database tells its accounts");
    assert_eq!(told.password, ykien::demo::DEMO_PASSWORD);
    let logins: Vec<&str> = told.accounts.iter().map(|a| a.login.as_str()).collect();
    assert_eq!(logins, ["quantri", "tiepnhan", "truongdonvi", "qmr", "lanhdao"]);
    assert_eq!(told.accounts[3].role_label, Role::QualityOfficer.label());
    assert_eq!(told.accounts[0].full_name, "Phạm Thị Lan");

    // A demo account switched off is no longer offered.
    demo.sign_in("quantri", ykien::demo::DEMO_PASSWORD).unwrap();
    let qmr = demo.accounts().unwrap().into_iter().find(|a| a.login == "qmr").unwrap();
    demo.set_account_disabled(&qmr.id, true).unwrap();
    let told = demo.access_state().unwrap().demo.unwrap();
    assert!(told.accounts.iter().all(|a| a.login != "qmr"), "{told:?}");

    // An office's own database, with its own accounts, tells nothing.
    let w = world();
    let office = open(&w.db);
    assert!(office.access_state().unwrap().accounts_exist);
    assert_eq!(office.access_state().unwrap().demo, None);
}
