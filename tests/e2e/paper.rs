//! Paper an auditor checks, in the real window: the book page prints the complaint book it
//! shows; the document-control card changes a form's code, which the next print carries;
//! and the letter telling a customer the measures taken is drafted from a case, edited,
//! printed, and its sending recorded in the case's history.

use crate::harness::App;
use ykien::{ActionInput, ActionKind, Book, Channel, Kind, Ledger, Subject};

/// The text of a printed file, in drawing order, whitespace runs as one space.
fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext").args(["-raw", "-enc", "UTF-8", path, "-"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The file the buttons `id` print, saved through «Lưu thành…» as `out` (the print preview
/// has its own test, `preview::`); its note names it.
async fn printed(app: &App, id: &str, out: &std::path::Path) -> String {
    app.answer_save_dialog(out).await;
    app.click(&format!("#{id}-save")).await;
    let note = app.wait_for(&format!("#{id}-note")).await;
    note.attr("data-print-path").await.unwrap().expect("the note names the file")
}

#[tokio::test(flavor = "multi_thread")]
async fn books_document_control_and_the_measures_letter_are_printed_from_the_window() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let receipt = {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        let mut praise = crate::sample_complaint();
        praise.kind = Kind::Praise;
        praise.customer_name = "Nguyễn Thị Khen".into();
        praise.content = "Cán bộ một cửa hướng dẫn tận tình".into();
        l.add_feedback(&praise).unwrap();
        let mut complaint = crate::sample_complaint();
        complaint.book = Book::Complaints;
        complaint.subject = Subject::ServiceResult;
        complaint.customer_name = "Đỗ Thị Em".into();
        complaint.content = "Giấy chứng nhận ghi sai tên doanh nghiệp".into();
        let c = l.add_feedback(&complaint).unwrap();
        l.save_action(&ActionInput {
            id: None,
            kind: ActionKind::Corrective,
            cause: "Nhập tên từ bản sao cũ".into(),
            action: "Đối chiếu tên doanh nghiệp với đăng ký kinh doanh trước khi in".into(),
            owner_id: None,
            due_date: chrono::Local::now().date_naive().to_string(),
            case_ids: vec![c.id.clone()],
            unit_id: None,
            sources: vec![],
        })
        .unwrap();
        c.receipt_no
    };

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;

    // The book page prints the book it shows: the complaint book, its rows only.
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("#ledger-book").await.select_by_value("complaints").await.unwrap();
    app.wait_for_count("tr[data-case-id]", 1).await;
    app.wait_for_text("#ledger-print", "In sổ khiếu nại").await;
    let book = pdf_text(&printed(&app, "ledger-print", &dir.path().join("so-khieu-nai.pdf")).await);
    assert!(book.contains("SỔ TIẾP NHẬN VÀ GIẢI QUYẾT KHIẾU NẠI, PHÀN NÀN, KHÁNG NGHỊ"), "{book}");
    assert!(book.contains("Đỗ Thị Em") && !book.contains("Nguyễn Thị Khen"), "{book}");
    assert!(book.contains("Lần ban hành: 01"), "{book}");

    // The document-control card gives the complaint book its code; the next print has it.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"params\"]").await;
    app.type_into("#doc-control-complaint_book-code", "BM.HTKH.02-03").await;
    app.type_into("#doc-control-complaint_book-revision", "1").await;
    app.click("#doc-control-save").await;
    app.wait_for_text("[role=\"status\"]", "Đã lưu").await;
    app.client.execute("document.getElementById('document-control-card').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("settings-document-control").await;
    // The page keeps its filter: the complaint book is still the one shown.
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for_count("tr[data-case-id]", 1).await;
    app.wait_for_text("#ledger-print", "In sổ khiếu nại").await;
    let book = pdf_text(&printed(&app, "ledger-print", &dir.path().join("so-khieu-nai-2.pdf")).await);
    assert!(book.contains("Mã hiệu: BM.HTKH.02-03") && book.contains("Lần sửa đổi: 01"), "{book}");

    // The measures letter, drafted from the case and its action, edited, printed.
    app.click("tr[data-case-id] button[data-receipt]").await;
    app.wait_for_text("#case-receipt", &receipt).await;
    app.click("#measures-begin").await;
    let body = app.wait_for("#measures-body").await;
    let drafted = body.prop("value").await.unwrap().unwrap_or_default();
    assert!(drafted.contains("Đối chiếu tên doanh nghiệp với đăng ký kinh doanh trước khi in"), "{drafted}");
    let edited = format!("{drafted}\nNgày 15 cơ quan đã cấp lại giấy chứng nhận đúng tên cho Quý khách hàng.");
    app.paste_into("#measures-body", &edited).await;
    app.type_into("#measures-number", "45/TB-SCT").await;
    app.type_into("#measures-signer_name", "Trần Văn Hùng").await;
    app.client.execute("document.getElementById('measures-letter').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("measures-letter").await;
    let letter = pdf_text(&printed(&app, "measures-print", &dir.path().join("thong-bao.pdf")).await);
    for expected in ["Số: 45/TB-SCT", "Kính gửi: Đỗ Thị Em", "Trần Văn Hùng", "đã cấp lại giấy chứng nhận đúng tên", "Đối chiếu tên doanh nghiệp"] {
        assert!(letter.contains(expected), "{expected:?} missing from the letter:\n{letter}");
    }

    // Its sending recorded: the timeline shows it.
    app.wait_for_count("li[data-event]", 1).await;
    app.click("#measures-begin-send").await;
    app.wait_for("#measures-channel").await.select_by_value("email").await.unwrap();
    app.click("#measures-record").await;
    app.wait_for_count("li[data-event]", 2).await;
    app.wait_for_text("li[data-event]:last-child", "Đã gửi thông báo kết quả đánh giá").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let case = l.case(&l.case_id(&receipt).unwrap()).unwrap();
    let last = case.history.last().unwrap();
    assert_eq!(last.channel, Some(Channel::Email));
    assert!(last.note.starts_with("Đã gửi thông báo kết quả đánh giá và biện pháp khắc phục"), "{}", last.note);
    assert!(l.audit_log(50).unwrap().iter().any(|e| e.entity == "customer_notice"));
    let control = l.document_control().unwrap();
    assert_eq!(control.of(ykien::ControlledForm::ComplaintBook).code, "BM.HTKH.02-03");
}
