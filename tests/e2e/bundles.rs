//! A consolidating office in the real window: a bundle dropped into its inbox folder from an
//! office not yet registered is refused, with its reason listed; the office registered by the
//! fingerprint of its key, the same bundle dropped again is imported by the app's watcher; a
//! second office's bundle is chosen as a file; the year's figures are read side by side with
//! their total, and an office's number opens the records behind it.

use crate::harness::App;
use ykien::report::period::Period;
use ykien::store::bundle::ConsolidationSettings;
use ykien::{Ledger, OfficeProfile};

#[tokio::test(flavor = "multi_thread")]
async fn a_consolidating_office_imports_two_bundles_and_reads_the_offices_side_by_side() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap().and_hms_opt(9, 0, 0).unwrap();
    // Two offices of the demo generator, each sending its bundle of 2026.
    let mut sent = Vec::new();
    for seed in [4, 5] {
        let mut l = Ledger::open_in_memory().unwrap();
        l.set_clock(Some(today));
        ykien::demo::scale::fill_sized(&mut l, 1, 120, 40, seed, &|_, _, _| {}).unwrap();
        let path = dir.path().join(format!("don-vi-{seed}.ykb"));
        l.export_bundle("2026-01-01", "2026-12-31", true, &path).unwrap();
        let total = l.figures(&Period::year(2026).unwrap()).unwrap().feedback.total;
        sent.push((path, l.bundle_key().unwrap().fingerprint, total));
    }
    let db = dir.path().join("tong-hop.db");
    let inbox = dir.path().join("Hộp thư gói số liệu");
    std::fs::create_dir(&inbox).unwrap();
    {
        let mut c = Ledger::open(&db).unwrap();
        let office = OfficeProfile { name: "Ủy ban nhân dân huyện Krông Pắc".into(), place_name: "Krông Pắc".into(), ..OfficeProfile::blank() };
        c.save_office(&office).unwrap();
        c.save_consolidation_settings(&ConsolidationSettings { consolidating: true, inbox: Some(inbox.display().to_string()) }).unwrap();
        c.trust_office("UBND xã Hoà An", &sent[0].1).unwrap();
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"bundles\"]").await;
    app.wait_for("#bundle-offices").await;
    assert_eq!(app.value("#bundle-inbox").await, inbox.display().to_string());
    // Dropped before its office is registered: refused, the reason listed.
    std::fs::copy(&sent[1].0, inbox.join("Ea Phê 2026.ykb")).unwrap();
    app.wait_for("#bundle-inbox-log tr[data-outcome=\"refused\"]").await;
    app.wait_for_text("#bundle-inbox-log", "khoá chưa đăng ký").await;
    assert!(inbox.join("Không nhận").join("Ea Phê 2026.ykb").exists());
    // The second office registered from the window, its fingerprint as read out in groups.
    let grouped: String = sent[1].1.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ");
    app.type_into("#bundle-trust-name", "UBND xã Ea Phê").await;
    app.type_into("#bundle-trust-key", &grouped).await;
    app.click("#bundle-trust").await;
    app.wait_for_text("#bundle-offices", "UBND xã Ea Phê").await;

    // Registered now: the same file dropped again is imported by the watcher.
    std::fs::copy(&sent[1].0, inbox.join("Ea Phê 2026.ykb")).unwrap();
    app.wait_for("#bundle-inbox-log tr[data-outcome=\"imported\"]").await;
    app.wait_for_text("#bundle-inbox-log", "Đã nhập gói số liệu của «UBND xã Ea Phê»").await;
    assert!(inbox.join("Đã nhận").join("Ea Phê 2026.ykb").exists());
    app.client.execute("document.getElementById('bundle-inbox-log').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("bundles-inbox").await;

    app.answer_open_dialog(&sent[0].0).await;
    app.click("#bundle-import").await;
    app.wait_for_text("#bundle-note", "Đã nhập gói số liệu của «UBND xã Hoà An»").await;
    app.type_into("#bundle-year", "2026").await;
    app.click("#bundle-figures-show").await;
    app.wait_for_count("#bundle-side-by-side tbody tr", 3).await;
    let total = app.wait_for("#bundle-side-by-side tr.total td:nth-child(2)").await.text().await.unwrap();
    assert_eq!(total.trim(), (sent[0].2 + sent[1].2).to_string());
    app.wait_for_text("#bundle-imported", "UBND xã Ea Phê").await;
    app.client.execute("document.getElementById('bundle-figures').scrollIntoView()", vec![]).await.unwrap();
    app.screenshot("bundles-side-by-side").await;

    // A number of an office opens the records its bundle carried behind it.
    let first = app.wait_for("#bundle-side-by-side tbody tr:first-child button[data-figure=\"cases\"]").await.text().await.unwrap();
    app.click("#bundle-side-by-side tbody tr:first-child button[data-figure=\"cases\"]").await;
    app.wait_for_text("#office-records-count", &format!("{} ý kiến", first.trim())).await;
    app.wait_for("#office-records tbody tr").await;
    app.screenshot("bundles-records-behind").await;
    app.click("#office-records-close").await;
    app.quit().await;
}
