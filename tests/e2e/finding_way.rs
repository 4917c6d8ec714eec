//! Finding one's way without training: a demo database's sign-in screen tells its accounts,
//! the user guide opens at the section about the page (F1), and the audit page is filtered
//! and its hash chain checked from the window.

use crate::harness::App;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn demo_accounts_help_at_the_page_and_the_audit_page() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("Dùng thử/ykien.db");
    {
        let mut l = ykien::Ledger::open(&db).unwrap();
        ykien::demo::fill_with_accounts(&mut l).unwrap();
    }
    let app = App::launch(&db).await;

    // The sign-in screen of a demo database names its accounts; a click fills one in.
    app.wait_for_text("#signin-demo", "dữ liệu mẫu").await;
    app.wait_for_text("#signin-demo", "matkhau-demo").await;
    app.wait_for_text("[data-demo-login=\"qmr\"]", "Cao Thị Diệu Linh").await;
    app.screenshot("signin-demo").await;
    app.click("[data-demo-login=\"quantri\"]").await;
    assert_eq!(app.value("#signin-login").await, "quantri");
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;

    // F1 on the book opens the guide at «2. Ghi sổ hằng ngày»; Esc closes it.
    app.wait_for("[data-nav=\"ledger\"]").await;
    app.client.execute("document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true }))", vec![]).await.unwrap();
    app.wait_for("#help-panel").await;
    let offset = r#"
        const panel = document.querySelector('#help-panel .guide');
        const heading = document.getElementById('2-ghi-sổ-hằng-ngày');
        return heading.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    "#;
    let mut top = f64::MAX;
    for _ in 0..50 {
        top = app.client.execute(offset, vec![]).await.unwrap().as_f64().unwrap_or(f64::MAX);
        if (0.0..80.0).contains(&top) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!((0.0..80.0).contains(&top), "the section about the book is at the top of the guide: {top}");
    app.screenshot("help").await;
    app.client.execute("window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))", vec![]).await.unwrap();
    app.wait_gone("#help-panel").await;

    // The audit page: the units' creations only, then the chain checked.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"audit\"]").await;
    app.wait_for("[data-audit-seq]").await;
    app.click("#audit-entity option[value=\"unit\"]").await;
    app.click("#audit-action option[value=\"create\"]").await;
    app.click("#audit-search").await;
    app.wait_for_text("#audit-count", "khớp bộ lọc").await;
    let kinds: Vec<String> = app
        .client
        .execute("return [...document.querySelectorAll('[data-audit-seq] .col-entity')].map(td => td.textContent.trim())", vec![])
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_owned())
        .collect();
    assert!(!kinds.is_empty() && kinds.iter().all(|k| k == "Đơn vị"), "{kinds:?}");
    app.click("#audit-chain-check").await;
    app.wait_for_text("#audit-chain-result", "Nhật ký nguyên vẹn").await;
    app.screenshot("audit-filters").await;
    app.quit().await;
}
