//! A rating kiosk at a desk, in headless Chromium as on the tablet: paired from the address
//! `ykien kiosk add` prints, the waiting screen, the clerk's window (a browser desk of the
//! same server) arming it by saving a case, a tap, «Cảm ơn Ông/Bà», back to waiting; then the
//! same at a phone's size, armed with F9's command from the command line. Pictured at both
//! sizes for docs/kiosk.md.

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
