//! The Law on Complaints path and the corrective-action register in the real window: the QMR
//! records a formal complaint's acceptance, marks it complex and sees its 45-day deadline,
//! then opens the register and records an action's effectiveness check.

use crate::harness::App;
use ykien::{Acceptance, AccountInput, ActionInput, ActionKind, ActionSource, ActionStatus, Ledger, Role, SourceKind, StaffInput};

const PASSWORD: &str = "mật khẩu riêng 2026";

#[tokio::test(flavor = "multi_thread")]
async fn the_qmr_accepts_a_formal_complaint_marks_it_complex_and_checks_an_action_in_the_register() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    // A small office: its QMR, a formal complaint received today, and an action done and
    // waiting for its effectiveness check.
    let (receipt, action_id, today) = {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        let unit = l.save_unit(&ykien::UnitInput { id: None, name: "Bộ phận Tiếp nhận và Trả kết quả".into(), code: "MC".into() }).unwrap().id;
        let staff = |l: &mut Ledger, name: &str, role: Role| {
            let input = StaffInput { id: None, full_name: name.into(), title: String::new(), unit_id: None, role, phone: String::new(), email: String::new() };
            l.save_staff(&input).unwrap().id
        };
        let admin = staff(&mut l, "Phạm Thị Lan", Role::Administrator);
        let qmr = staff(&mut l, "Cao Thị Diệu Linh", Role::QualityOfficer);
        let mut complaint = crate::sample_complaint();
        complaint.formal = true;
        complaint.written = true;
        complaint.channel = ykien::Channel::OfficialLetter;
        complaint.content = "Khiếu nại quyết định từ chối cấp Giấy phép bán lẻ rượu".into();
        let case = l.add_feedback(&complaint).unwrap();
        let action = l
            .save_action(&ActionInput {
                id: None,
                kind: ActionKind::Corrective,
                cause: "Thành phần hồ sơ niêm yết chưa đủ".into(),
                action: "Niêm yết lại đủ thành phần hồ sơ tại quầy".into(),
                owner_id: None,
                due_date: l.today().to_string(),
                case_ids: vec![],
                unit_id: Some(unit),
                sources: vec![ActionSource { kind: SourceKind::AnnualProposal, reference: "2025".into(), label: String::new() }],
            })
            .unwrap();
        l.set_action_status(&action.id, ActionStatus::Done).unwrap();
        l.create_account(&AccountInput { staff_id: admin, login: "quantri".into(), password: PASSWORD.into() }).unwrap();
        l.sign_in("quantri", PASSWORD).unwrap();
        l.create_account(&AccountInput { staff_id: qmr, login: "qmr".into(), password: "mat-khau-tam".into() }).unwrap();
        l.sign_in("qmr", "mat-khau-tam").unwrap();
        l.change_password("mat-khau-tam", PASSWORD).unwrap();
        (case.receipt_no, action.id, l.today())
    };
    // Art. 28: 45 days from today's acceptance, moved off a day off as the core does.
    let decide_due = ykien::domain::deadline::Calendar::default().due(today, 45, false);
    let shown_due = decide_due.format("%d/%m/%Y").to_string();

    let app = App::launch(&db).await;
    app.wait_for("#signin").await;
    app.type_into("#signin-login", "qmr").await;
    app.type_into("#signin-password", PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;

    // The complaint, from the book.
    app.click("[data-nav=\"ledger\"]").await;
    app.click(&format!("tr[data-case-id] button[data-receipt=\"{receipt}\"]")).await;
    app.wait_for("#law-card").await;
    app.wait_for_text("#law-decision", "Chưa có quyết định thụ lý").await;

    // Accepted, with its reason; then marked complex: 45 days to decide.
    app.click("#law-accept-open").await;
    app.type_into("#law-reason", "Đơn đủ điều kiện thụ lý theo Điều 27 Luật Khiếu nại").await;
    app.click("#law-accept-save").await;
    app.wait_for_text("#law-decision", "Thụ lý giải quyết").await;
    app.click("#law-complex-open").await;
    app.type_into("#law-complex-reason", "Nhiều cơ sở liên quan, cần xác minh tại địa phương").await;
    app.click("#law-complex-save").await;
    app.wait_for_text("#law-decide-due", &shown_due).await;
    app.wait_for_text("#law-decide-due", "vụ việc phức tạp, 45").await;
    app.wait_for_text("#case-law-line", &format!("hạn giải quyết {shown_due} (vụ việc phức tạp)")).await;
    app.client.execute("document.querySelector('#law-card').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("guide/thu-ly-phuc-tap").await;

    // The register: the action waits for its check; the QMR records it.
    app.click("[data-nav=\"actions\"]").await;
    app.wait_for("#register-table").await;
    app.click("#register-awaiting").await;
    app.wait_for(&format!("tr[data-action-id=\"{action_id}\"][data-state=\"awaiting_check\"]")).await;
    app.click(&format!("button[data-check=\"{action_id}\"]")).await;
    app.type_into(&format!("#register-check-note-{action_id}"), "Ba tháng không còn phản ánh về thành phần hồ sơ").await;
    app.screenshot("guide/so-hanh-dong").await;
    app.click("#register-check-save").await;
    app.click("#register-all").await;
    app.wait_for(&format!("tr[data-action-id=\"{action_id}\"][data-state=\"verified\"]")).await;

    // The report of the year counts the formal complaint under the Law, accepted on time.
    app.click("[data-nav=\"reports\"]").await;
    app.wait_for_text("#report-formal", "Khiếu nại theo Luật Khiếu nại: 1 đơn").await;
    app.wait_for_text("#report-formal", "thụ lý đúng hạn 10 ngày 100").await;
    app.quit().await;

    let mut l = Ledger::open(&db).unwrap();
    l.sign_in("qmr", PASSWORD).unwrap();
    let case = l.case(&l.case_id(&receipt).unwrap()).unwrap();
    assert!(case.complex);
    assert_eq!(case.deadlines.acceptance, Some(Acceptance::Accepted));
    assert!(!case.deadlines.acceptance_late);
    assert_eq!(case.deadlines.formal_decide_due, Some(decide_due.to_string()));
    let action = l.action(&action_id).unwrap();
    assert_eq!((action.status, action.effective), (ActionStatus::Verified, Some(true)));
    assert_eq!(action.effectiveness_note, "Ba tháng không còn phản ánh về thành phần hồ sơ");
}
