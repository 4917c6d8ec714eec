//! The Báo cáo page in the real window: the figures of the year equal the core's, and a count
//! opens the entries behind it in the book.

use crate::harness::App;
use ykien::report::period::Period;
use ykien::{FeedbackFilter, Kind, Ledger};

#[tokio::test(flavor = "multi_thread")]
async fn the_report_page_shows_the_year_and_opens_the_cases_behind_a_count() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let (year, total, complaints, percent) = {
        let mut l = Ledger::open(&db).unwrap();
        ykien::demo::fill(&mut l).unwrap();
        let year = chrono::Datelike::year(&l.today());
        let f = l.figures(&Period::year(year).unwrap()).unwrap();
        let complaints = f.feedback.by_kind.iter().find(|c| c.key == Kind::Complaint.as_str()).unwrap().count;
        let percent = f.surveys.index.percent;
        (year, f.feedback.total, complaints, percent)
    };
    let index = percent.map(|p| format!("{}%", ykien::report::annual::decimal(p)));
    // The verdict on a target of 90 %, written as the annual report panel writes it.
    let verdict = match percent {
        Some(p) => format!("{}%: {}", ykien::report::annual::decimal(p), if p >= 90.0 { "đạt" } else { "không đạt" }),
        None => "chưa có số liệu".to_owned(),
    };
    assert!(complaints > 0);

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"reports\"]").await;
    let tile = app.wait_for_text("[data-figure=\"feedback_total\"] .value", &total.to_string()).await;
    assert_eq!(tile.trim(), total.to_string());
    app.wait_for("#report-changes tr[data-change=\"replied_on_time\"]").await;
    app.wait_for("#quarters-title").await;
    // The survey index of the year, as the core counts it.
    let shown = app.wait_for("#report-surveys").await.text().await.unwrap();
    match &index {
        Some(i) => assert_eq!(app.wait_for("#survey-index").await.text().await.unwrap().trim(), i),
        None => assert!(shown.contains("Không có phiếu khảo sát"), "{shown}"),
    }
    app.screenshot("reports").await;

    // The year's objective on the survey index, and the annual report's conclusions, kept.
    app.type_into("#objective-satisfaction_index", "90\t").await;
    app.wait_for_exact_text("tr[data-objective=\"satisfaction_index\"] .verdict", &verdict).await;
    app.type_into("#annual-conclusions", "Chỉ số hài lòng đạt mục tiêu; cần rút ngắn thời gian trả lời.").await;
    app.click("#annual-save").await;
    app.wait_for_text(".statusbar", "Đã lưu nội dung báo cáo").await;
    app.click("#report-print-annual").await;
    app.wait_for("#print-preview canvas[data-page]").await;
    app.click("#preview-close").await;
    app.wait_gone("#print-preview").await;
    // The printed copy is listed in the archive with its fingerprint.
    app.wait_for("#report-archive tr[data-archive]").await;
    app.client.execute("document.getElementById('annual-panel').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("reports-annual").await;

    // The compilation of the year's complaints as a Word file, for its wording to be edited.
    let word = dir.path().join("Báo cáo").join("tổng hợp khiếu nại.docx");
    app.answer_save_dialog(&word).await;
    app.click("#complaints-word").await;
    app.wait_for_text(".statusbar", "Đã lưu bản Word").await;
    let bytes = std::fs::read(&word).expect("the Word file was written");
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip");

    // The complaints of the year, in the book.
    app.click("#by-kind button[data-show=\"complaint\"]").await;
    app.wait_for("#book").await;
    app.wait_for_text("#book", &format!("{complaints} ý kiến khớp với bộ lọc")).await;
    assert_eq!(app.value("#ledger-kind").await, "complaint");

    // The headline count opens the whole period in the book.
    app.click("[data-nav=\"reports\"]").await;
    app.click("button[data-figure=\"feedback_total\"]").await;
    app.wait_for_text("#book", &format!("{total} ý kiến khớp với bộ lọc")).await;
    assert_eq!(app.value("#ledger-kind").await, "", "only the period is set");

    // A count the book has no control for (the channel) shows as a removable chip.
    app.click("[data-nav=\"reports\"]").await;
    let channel = app.wait_for("#by-channel button[data-show]").await;
    let n = channel.text().await.unwrap().trim().to_owned();
    channel.click().await.unwrap();
    app.wait_for_text("#book", &format!("{n} ý kiến khớp với bộ lọc")).await;
    app.wait_for_text("#ledger-chips [data-chip=\"channel\"]", "Kênh tiếp nhận:").await;
    app.click("#ledger-chips [data-chip=\"channel\"] button").await;
    app.wait_for_text("#book", &format!("{total} ý kiến khớp với bộ lọc")).await;

    // A survey count lists the forms behind it, and one of them opens in its round's list.
    if index.is_some() {
        app.click("[data-nav=\"reports\"]").await;
        let first = app.wait_for("#report-surveys td[data-level=\"1\"] button").await;
        let n = first.text().await.unwrap().trim().to_owned();
        first.click().await.unwrap();
        app.wait_for_text("#forms-behind-count", &format!("{n} phiếu")).await;
        app.screenshot("reports-forms-behind").await;
        app.click("#forms-behind tbody tr button").await;
        app.wait_for("#forms-table tr.marked").await;
    }
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let filter = FeedbackFilter {
        kind: Some(Kind::Complaint),
        from: Some(format!("{year}-01-01")),
        to: Some(format!("{year}-12-31")),
        limit: Some(0),
        ..Default::default()
    };
    assert_eq!(l.feedback(&filter).unwrap().total as u32, complaints, "the book's filter is the report's count");
    assert_eq!(l.objectives(year).unwrap()[0].target, 90.0);
    assert!(l.annual_texts(year).unwrap().conclusions.starts_with("Chỉ số hài lòng đạt mục tiêu"));
    let archived = l.archived_reports().unwrap();
    assert_eq!(archived.len(), 1, "the printed report is archived");
    let pdf = l.archived_report_pdf(&archived[0].id).unwrap();
    assert_eq!(ykien::report::review::sha256_hex(&pdf), archived[0].sha256);
}
