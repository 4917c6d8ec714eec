//! Printing in one step: cases ticked in the book, their receipt slips shown in the print
//! preview (PDF.js, inside the window), the page count right, and «In» lays the pages out
//! for the printer and asks for the system's print dialog.
//!
//! The print dialog itself is the system's window, outside the page. Under WebDriver,
//! WebKitGTK opens none (the page's `window.print` returns at once, tried), and
//! WebKitWebDriver has no «Print Page» command. So here the page's `window.print` is
//! replaced, from the test, by one that records what would be printed: the test goes up to
//! the dialog. The sheet as a printer receives it is printed to a file in Chromium, the
//! engine family of Windows' WebView2 (`desks::a_browser_is_a_desk_of_the_office_server`).

use crate::harness::App;
use ykien::Ledger;

#[tokio::test(flavor = "multi_thread")]
async fn receipt_slips_of_three_cases_are_previewed_on_two_sheets_and_printed() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let mut receipts = Vec::new();
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
        for name in ["Phạm Văn Đông", "Lê Thị Thu Trang", "Nguyễn Văn An"] {
            let input = ykien::FeedbackInput { customer_name: name.into(), ..crate::sample_complaint() };
            receipts.push(l.add_feedback(&input).unwrap().receipt_no);
        }
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for_count("tr[data-case-id]", 3).await;
    for r in &receipts {
        app.click(&format!("input[data-choose=\"{r}\"]")).await;
    }
    app.wait_for_text("#receipts-print", "In 3 phiếu tiếp nhận").await;
    app.click("#receipts-print").await;

    // Two slips to a sheet: three slips are two pages, each drawn by PDF.js.
    app.wait_for("#preview-pages[data-pages=\"2\"]").await;
    app.wait_for_count("#print-preview canvas[data-page]", 2).await;
    let drawn: bool = app
        .client
        .execute(
            "const c = document.querySelector('#print-preview canvas[data-page=\"1\"]');
             const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             for (let i = 0; i < px.length; i += 4) { if (px[i] < 128 && px[i + 3] > 0) return true; }
             return false;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(drawn, "the first page shows ink, not a blank canvas");
    app.screenshot("print-preview").await;

    // «In»: the pages drawn for the printer, then the print dialog asked for.
    app.client
        .execute(
            "window.__printed = null;
             window.print = () => {
               const layer = document.getElementById('print-pages');
               window.__printed = layer ? layer.querySelectorAll('img').length : -1;
             };",
            vec![],
        )
        .await
        .unwrap();
    app.click("#preview-print").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let printed = loop {
        let v = app.client.execute("return window.__printed;", vec![]).await.unwrap();
        if let Some(n) = v.as_i64() {
            break n;
        }
        assert!(std::time::Instant::now() < deadline, "the print dialog was never asked for");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(printed, 2, "both sheets laid out for the printer");
    // Only the pages print: the window's own screens are hidden on paper.
    let hidden: bool = app
        .client
        .execute(
            "const rules = [...document.querySelectorAll('#print-pages style')].map((s) => s.textContent).join('');
             return rules.includes('@page') && rules.includes('@media print');",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(hidden, "the print layer carries its page size and hides the rest");

    app.click("#preview-close").await;
    app.wait_gone("#print-preview").await;
    assert!(app.client.execute("return document.getElementById('print-pages') === null;", vec![]).await.unwrap().as_bool().unwrap());
    app.quit().await;
    // The preview wrote no file: nothing naming these citizens was left in «Bản in».
    let prints = std::fs::read_dir(dir.path().join("Bản in")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(prints, 0, "the preview's PDF never touched the disk");
}
