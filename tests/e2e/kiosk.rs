//! A rating kiosk at a desk, in headless Chromium as on the tablet: paired from the address
//! `ykien kiosk add` prints, the waiting screen, the clerk's window (a browser desk of the
//! same server) arming it by saving a case, a tap, «Cảm ơn Ông/Bà», back to waiting; then the
//! same at a phone's size, armed with F9's command from the command line. Pictured at both
//! sizes for docs/kiosk.md. Then the administrator's screen (Cài đặt › Máy đánh giá) registering
//! and stopping a kiosk, and the QMR's report page with the index by source and the ratings
//! by desk and by staff member.

use crate::desks::{demo_database, enter_case, server_file, sign_in, Served};
use crate::harness::App;
use fantoccini::Locator;

const DEMO_PASSWORD: &str = ykien::demo::DEMO_PASSWORD;

/// `ykien kiosk add` as the demo administrator, at a desk of the server: the address to open.
fn kiosk_added(server: &Served, name: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ykien"))
        .args(["--server", &server.address, "--pin", &server.pin, "--as", "quantri", "--json", "kiosk", "add", "--name", name])
        .env("YKIEN_PASSWORD", DEMO_PASSWORD)
        .env_remove("YKIEN_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "kiosk add: {}", String::from_utf8_lossy(&out.stderr));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    added["address"].as_str().unwrap().to_owned()
}

/// The ratings the server's file holds.
fn ratings(db: &std::path::Path) -> u32 {
    let l = server_file(db);
    l.kiosks().unwrap().iter().map(|k| k.ratings).sum()
}

async fn shows(app: &App, screen: &str) {
    app.wait_for(&format!("#{screen}.on")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_citizen_rates_the_service_on_the_desk_s_tablet_once_the_clerk_s_window_arms_it() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = demo_database(dir.path());
    let server = Served::start(&db);
    let address = kiosk_added(&server, "Quầy 1");
    assert!(address.starts_with(&format!("{}/kiosk#ma=", server.address)), "{address}");

    // The tablet opens the address once: it pairs, the code leaves the address bar, and the
    // waiting screen shows the office and the desk.
    let tablet = App::browse(&address, &server.spki).await;
    tablet.client.set_window_size(1280, 800).await.unwrap();
    shows(&tablet, "waiting").await;
    // Shown in capitals, as the office heads its forms.
    tablet.wait_for_text("#office-w", "SỞ CÔNG THƯƠNG").await;
    tablet.wait_for_exact_text("#desk-w", "Quầy 1").await;
    let url = tablet.client.current_url().await.unwrap();
    assert!(!url.as_str().contains("ma="), "the code left the address bar: {url}");
    tablet.screenshot("kiosk-tablet-waiting").await;
    // Unarmed, it has nothing to tap.
    assert!(tablet.client.find(Locator::Css(".face")).await.is_err());

    // The clerk's window: this desk's kiosk chosen once, then saving a case arms it.
    let clerk = App::browse(&format!("{}/", server.address), &server.spki).await;
    sign_in(&clerk, "tiepnhan").await;
    clerk.wait_for("#desk-kiosk").await.select_by_label("Quầy 1").await.unwrap();
    clerk.screenshot("kiosk-clerk-arm").await;
    let receipt = enter_case(&clerk, "Lương Thị Kim Oanh").await;
    clerk.wait_for_text(".statusbar", "Quầy 1").await;

    shows(&tablet, "rating").await;
    tablet.wait_for_count(".face", 3).await;
    tablet.wait_for_exact_text(".face.good span", "Tốt").await;
    tablet.screenshot("kiosk-tablet-rating").await;
    // A double tap: the second lands on the thanks.
    tablet.click(".face.fair").await;
    let _ = tablet.client.execute("document.querySelector('.face.fair')?.click()", vec![]).await;
    shows(&tablet, "thanks").await;
    tablet.wait_for_text("#thanks", "Cảm ơn Ông/Bà!").await;
    tablet.screenshot("kiosk-tablet-thanks").await;
    shows(&tablet, "waiting").await;
    assert_eq!(ratings(&db), 1, "one service, one rating");
    {
        let mut l = server_file(&db);
        l.sign_out();
        l.sign_in("qmr", DEMO_PASSWORD).unwrap();
        let year: i32 = chrono::Local::now().date_naive().format("%Y").to_string().parse().unwrap();
        let by = l.kiosk_figures(&ykien::report::period::Period::year(year).unwrap()).unwrap();
        assert_eq!(by.by_staff[0].label, "Nguyễn Thị Thanh Hương", "the clerk who armed it ({receipt})");
        assert_eq!((by.by_kiosk[0].satisfied, by.by_kiosk[0].answers), (1, 1), "Đạt yêu cầu is satisfied");
    }
    clerk.quit().await;

    // At a phone's size, armed without a case (F9's command), from the command line.
    tablet.client.set_window_size(390, 844).await.unwrap();
    tablet.screenshot("kiosk-phone-waiting").await;
    let armed = server.cli(&["kiosk", "arm", "Quầy 1"]);
    assert_eq!(armed["armed"], true);
    shows(&tablet, "rating").await;
    tablet.screenshot("kiosk-phone-rating").await;
    tablet.click(".face.poor").await;
    shows(&tablet, "thanks").await;
    tablet.screenshot("kiosk-phone-thanks").await;
    shows(&tablet, "waiting").await;
    assert_eq!(ratings(&db), 2);
    tablet.quit().await;
}

/// Two ratings at «Quầy 1», armed by the reception clerk, written in the file before the
/// server opens it: one Tốt, one Chưa đạt yêu cầu.
fn rated_twice(db: &std::path::Path) {
    let mut l = server_file(db);
    let pairing = l.add_kiosk(&ykien::KioskInput { name: "Quầy 1".into(), unit_id: None, template: None }).unwrap();
    l.sign_out();
    let (_, kiosk) = l.pair_kiosk(&pairing.code).unwrap();
    for level in [1, 3] {
        l.sign_in("tiepnhan", DEMO_PASSWORD).unwrap();
        l.arm_kiosk(&pairing.kiosk.id, None).unwrap();
        l.sign_out();
        let arm_id = l.kiosk_state(&kiosk).unwrap().arm_id.unwrap();
        let tap = serde_json::json!({ "tap_id": format!("tap-{level}"), "arm_id": arm_id, "answers": [{ "code": "danh_gia_chung", "value": level }] });
        l.rate_at_kiosk(&kiosk, &serde_json::from_value(tap).unwrap()).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_registers_and_stops_a_kiosk_in_the_window_and_the_qmr_reads_its_ratings_by_desk() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = demo_database(dir.path());
    rated_twice(&db);
    let server = Served::start(&db);

    // Cài đặt › Máy đánh giá: the kiosk already rated, then a new one for the one-stop desk.
    let admin = App::browse(&format!("{}/", server.address), &server.spki).await;
    admin.client.set_window_size(1400, 900).await.unwrap();
    sign_in(&admin, "quantri").await;
    admin.click("[data-nav=\"settings\"]").await;
    admin.click("[data-tab=\"kiosks\"]").await;
    admin.wait_for_text("tr[data-kiosk-id]", "Quầy 1").await;
    admin.wait_for_text("tr[data-kiosk-id] [data-state]", "Đang dùng").await;
    admin.type_into("#kiosk-name", "Quầy 2").await;
    admin.wait_for("#kiosk-unit_id").await.select_by_label("Bộ phận Tiếp nhận và Trả kết quả").await.unwrap();
    admin.click("#kiosk-add").await;
    let code = admin.wait_for("#kiosk-code").await.text().await.unwrap();
    let typed = regex_like_code(&code);
    assert!(typed, "a code of two groups of four to type on the tablet: {code:?}");
    admin.wait_for_exact_text("#kiosk-address", &format!("{}/kiosk", server.address)).await;
    let added = server_file(&db).kiosks().unwrap().into_iter().find(|k| k.name == "Quầy 2").expect("registered");
    assert_eq!((added.unit_name.as_deref(), added.paired, added.disabled), (Some("Bộ phận Tiếp nhận và Trả kết quả"), false, false));
    let row = format!("tr[data-kiosk-id=\"{}\"]", added.id);
    admin.wait_for_text(&format!("{row} [data-state]"), "Chờ ghép nối").await;
    admin.screenshot("kiosk-admin-added").await;

    // Stopped for good (the core forgets its code): the code leaves the screen.
    admin.click(&format!("{row} [data-action=\"disable\"]")).await;
    admin.click("#confirm-ok").await;
    admin.wait_for_text(&format!("{row} [data-state]"), "Ngừng dùng").await;
    assert!(admin.client.find(fantoccini::Locator::Css("#kiosk-code")).await.is_err(), "the stopped kiosk's code is no longer shown");
    admin.screenshot("kiosk-admin-list").await;
    assert!(server_file(&db).kiosks().unwrap().iter().any(|k| k.id == added.id && k.disabled));
    admin.quit().await;

    // Báo cáo, as the QMR: the index by source, and the ratings by desk and by staff member.
    let qmr = App::browse(&format!("{}/", server.address), &server.spki).await;
    qmr.client.set_window_size(1400, 900).await.unwrap();
    sign_in(&qmr, "qmr").await;
    qmr.click("[data-nav=\"reports\"]").await;
    qmr.wait_for_text("#survey-sources tr[data-source=\"kiosk\"]", "Đánh giá tại quầy").await;
    let by_desk = qmr.wait_for_text("#kiosk-by-desk tr[data-key]", "Quầy 1").await;
    assert!(by_desk.contains("1/2") && by_desk.contains("50%"), "{by_desk}");
    qmr.wait_for_text("#kiosk-by-staff tr[data-key]", "Nguyễn Thị Thanh Hương").await;
    qmr.client.execute("document.getElementById('report-surveys').scrollIntoView()", vec![]).await.unwrap();
    qmr.screenshot("kiosk-report-by-source").await;
    qmr.client.execute("document.getElementById('kiosk-ratings').scrollIntoView()", vec![]).await.unwrap();
    qmr.screenshot("kiosk-report-by-desk").await;
    qmr.quit().await;
}

/// "7KQ4-M2XP": two groups of four letters or digits.
fn regex_like_code(code: &str) -> bool {
    let parts: Vec<&str> = code.trim().split('-').collect();
    parts.len() == 2 && parts.iter().all(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}
